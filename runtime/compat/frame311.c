/* frame311.c — compiled frames on CPython 3.11.
 *
 * A compiled frame is a real _PyInterpreterFrame whose storage sits on the C
 * stack of the generated function (P2C_FRAME_STORAGE).  Push fills its
 * specials as _PyFrame_InitializeSpecials would and links it as the thread's
 * current frame, so sys._getframe(), tracebacks, warnings and logging see it.
 * Its stub code object starts with RESUME (after MAKE_CELL/COPY_FREE_VARS
 * units for a closure), and prev_instr starts there, so the frame is
 * "complete" (not before _co_firsttraceable) from the start; its prev_instr
 * is the running site (P2C_Frame_SetSite).
 *
 * Pop does what Python/frame.c's _PyFrame_Clear does, including handing the
 * frame data to a frame object that outlives the call (take_ownership): the
 * object then owns a copy and its f_back is set.  _PyFrame_GetFrameObject is
 * not exported by libpython, so frame objects are obtained through the
 * exported PyEval_GetFrame (our frame while it is current) and PyFrame_GetBack
 * (the caller's, before we unlink).
 */
#include "../internal.h"

#if defined(P2C_INTERPRETER_FRAMES)

/* SystemError unless code fits a frame of nslots slots whose RESUME follows
 * the stub runner's units (compat/stubrun.c), exactly one MAKE_CELL a cell
 * and one COPY_FREE_VARS (when there are free variables), as the stubs
 * codeobj.c builds.  Guards memory: a frame object
 * escaping with this frame is sized from the code, and copies nslots slots. */
static int
check_code(PyCodeObject *code, int nslots)
{
    int first = P2C_Stub_RunUnits(code) + code->co_ncellvars + (code->co_nfreevars > 0);
    if (P2C_LIKELY(code->co_nlocalsplus == nslots && code->_co_firsttraceable == first))
        return 0;
    PyErr_Format(PyExc_SystemError,
                 "compiled frame of %U: code has %d slots (expected %d) and "
                 "first traceable unit %d (expected %d)", code->co_qualname,
                 code->co_nlocalsplus, nslots, code->_co_firsttraceable, first);
    return -1;
}

int
P2C_Frame_PushWithLocals(P2C_Frame *f, PyObject *func, int nslots, PyObject *locals)
{
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    /* The same recursion accounting (and message) as a Python-to-Python call
     * in 3.11's eval loop. */
    if (check_code(code, nslots) < 0 || P2C_Stack_Check() < 0 || P2C_EnterRecursivePy()) {
        P2C_Frame_ClearSlots(f->localsplus, nslots);
        return -1;
    }
    PyThreadState *tstate = P2C_ThreadState();
    p2c_frame_init_specials(f, tstate, Py_NewRef(func), Py_XNewRef(locals), nslots);
    return P2C_Frame_TraceEntry(f, tstate);
}

int
P2C_Frame_PushModule(P2C_Frame *f, PyObject *code, PyObject *globals)
{
    if (P2C_Frame_ModuleReady(code, globals) < 0 || check_code((PyCodeObject *)code, 0) < 0)
        return -1;
    /* f_func must be a function; one is made per execution of the module
     * body (once per import), which also gives it these exact globals. */
    PyObject *func = PyFunction_New(code, globals);
    if (func == NULL)
        return -1;
    if (P2C_Stack_Check() < 0 || P2C_EnterRecursivePy()) {
        Py_DECREF(func);
        return -1;
    }
    PyThreadState *tstate = P2C_ThreadState();
    p2c_frame_init_specials(f, tstate, func, Py_NewRef(globals), 0);
    return P2C_Frame_TraceEntry(f, tstate);
}

/* The frame object of the caller of f, new reference or NULL, obtained while
 * f is still linked.  Keeps a pending exception intact. */
static PyFrameObject *
caller_frame_object(PyFrameObject *fo)
{
    P2C_StashedError raised = P2C_Err_Stash();
    PyFrameObject *back = PyFrame_GetBack(fo);
    PyErr_Clear();   /* a MemoryError here only loses f_back, as in CPython */
    P2C_Err_Unstash(raised);
    return back;
}

/* take_ownership: moves f's specials and slots into the frame object fo that
 * outlives the call, links fo.f_back (back: stolen, may be NULL) and lets the
 * GC see it.  Afterwards f holds no references. */
static void
hand_over(P2C_Frame *f, PyFrameObject *fo, PyFrameObject *back)
{
    size_t size = (char *)&f->localsplus[f->stacktop] - (char *)f;
    P2C_Frame *copy = (P2C_Frame *)fo->_f_frame_data;
    memcpy(copy, f, size);
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    copy->previous = NULL;
    copy->frame_obj = NULL;
    fo->f_frame = copy;
    if (fo->f_back == NULL)
        fo->f_back = back;
    else
        Py_XDECREF(back);
    if (!PyObject_GC_IsTracked((PyObject *)fo))
        PyObject_GC_Track(fo);
}

/* _PyFrame_Clear of an unlinked frame: hands its data to a frame object
 * that outlives it (f_back: back, stolen, may be NULL), else releases it. */
static void
release_frame(P2C_Frame *f, PyFrameObject *back)
{
    PyFrameObject *fo = f->frame_obj;
    if (fo != NULL) {
        f->frame_obj = NULL;
        if (Py_REFCNT(fo) > 1) {
            hand_over(f, fo, back);
            Py_DECREF(fo);
            return;
        }
        Py_DECREF(fo);
    }
    Py_XDECREF(back);
    P2C_Frame_ClearSlots(f->localsplus, f->stacktop);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(P2C_FRAME_FUNC(f));
    Py_CLEAR(P2C_FRAME_CODE_REF(f));
}

static void
pop_frame(P2C_Frame *f, PyThreadState *tstate)
{
    PyFrameObject *fo = f->frame_obj;
    PyFrameObject *back = NULL;

    if (fo != NULL && Py_REFCNT(fo) > 1 && fo->f_back == NULL)
        back = caller_frame_object(fo);
    /* Unlink before releasing anything: finalizers run by the releases must
     * not see this frame (GH-99729). */
    P2C_TS_FRAME(tstate) = f->previous;
    P2C_LeaveRecursivePy();
    release_frame(f, back);
}

void
P2C_Frame_Pop(P2C_Frame *f)
{
    pop_frame(f, P2C_ThreadState());
}

/* The return event (RETURN_VALUE's TRACE_FUNCTION_EXIT, or the
 * TRACE_FUNCTION_UNWIND of an exception, r NULL), then the pop. */
PyObject *
P2C_Frame_PopReturn(P2C_Frame *f, PyObject *r)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate)))
        r = P2C_Trace_FrameExit(f, r);
    pop_frame(f, tstate);
    return r;
}

int
P2C_Frame_PopModule(P2C_Frame *f, int status)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate))) {
        /* module code returns None */
        PyObject *r = P2C_Trace_FrameExit(f, status == 0 ? Py_NewRef(Py_None) : NULL);
        status = r != NULL ? 0 : -1;
        Py_XDECREF(r);
    }
    pop_frame(f, tstate);
    return status;
}

/* ---- generator frames (runtime/generator.c) ------------------------------ */

int
P2C_Frame_InitGenerator(P2C_Frame *f, PyObject *func, int nslots, int nspill)
{
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    if (check_code(code, nslots) < 0)
        return -1;
    if (code->co_stacksize < nspill) {
        PyErr_Format(PyExc_SystemError, "compiled generator %U: code has stack "
                     "size %d (expected %d)", code->co_qualname, code->co_stacksize, nspill);
        return -1;
    }
    PyThreadState *tstate = P2C_ThreadState();
    P2C_Frame *current = P2C_TS_FRAME(tstate);
    p2c_frame_init_specials(f, tstate, Py_NewRef(func), NULL, nslots + nspill);
    P2C_TS_FRAME(tstate) = current;   /* not linked until it runs */
    f->previous = NULL;
    f->owner = FRAME_OWNED_BY_GENERATOR;
    return 0;
}

void
P2C_Frame_ReleaseGenerator(P2C_Frame *f)
{
    f->previous = NULL;   /* a frame object keeps no f_back, as in CPython */
    PyObject *code = P2C_FRAME_CODE_REF(f);
    if (P2C_GEN_FRAME_KEEPS_CODE)
        Py_INCREF(code);
    release_frame(f, NULL);
    if (P2C_GEN_FRAME_KEEPS_CODE)
        P2C_FRAME_CODE_REF(f) = code;   /* the generator's own reference (frame312.h) */
}

void
P2C_Frame_AddTraceback(P2C_Frame *f)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_TS_FRAME(tstate) != f)
        return;   /* only the running frame can be asked for its object */
    /* A frame still making its cells (closures.c) is incomplete: CPython's
     * eval loop adds no traceback entry for it and PyEval_GetFrame would
     * answer the caller's frame.  Its exception event is skipped too (3.11
     * would give one on a frame object of a frame nothing else shows). */
    if (P2C_Frame_GetSite(f) < P2C_Frame_Code(f)->_co_firsttraceable)
        return;
    PyFrameObject *fo = PyEval_GetFrame();
    if (fo != NULL) {
        /* PyTraceBack_Here takes the line from f_lineno when it is set
         * (only a trace function's frames have one): from the unit's line
         * array rather than a walk of the line table, then unset again */
        bool borrowed_line = fo->f_lineno == 0;
        if (borrowed_line)
            fo->f_lineno = P2C_Code_UnitLine(P2C_Frame_Code(f), P2C_Frame_GetSite(f));
        PyTraceBack_Here(fo);
        if (borrowed_line)
            fo->f_lineno = 0;
    }
    /* the `error` label's call_exc_trace: settrace's exception event */
    if (P2C_UNLIKELY(tstate->c_tracefunc != NULL))
        P2C_Trace_Exception(f);
}

#endif
