/* frame310.c — compiled frames on CPython 3.10 (compat/frame310.h).
 *
 * Push makes the frame object a 3.10 call makes (PyFrame_New: f_back is the
 * running frame, with a reference; f_locals the namespace of a class body or
 * module, NULL for a function), moves the slots bound in the C function's
 * storage into its f_localsplus, links it as tstate->frame and enters a
 * recursion level, as _PyEval_EvalFrameDefault does before running a frame.
 * Pop unlinks it, marks it returned or raised and drops the reference: a
 * frame object that outlives the call (a traceback, sys._getframe) keeps its
 * variables, as in 3.10, and the last reference releases them.
 */
#include "../internal.h"

#if defined(P2C_FRAME_OBJECTS_310)

/* The slots a frame object of code has for variables (3.10 has no
 * co_nlocalsplus: locals, then cells, then frees). */
static int
code_slots(PyCodeObject *code)
{
    return code->co_nlocals + (int)PyTuple_GET_SIZE(code->co_cellvars) +
           (int)PyTuple_GET_SIZE(code->co_freevars);
}

/* SystemError unless code has the nslots variable slots the C function was
 * generated for (the frame object is sized from the code). */
static int
check_code(PyCodeObject *code, int nslots)
{
    if (P2C_LIKELY(code_slots(code) == nslots))
        return 0;
    PyErr_Format(PyExc_SystemError, "compiled frame of %U: code has %d slots (expected %d)",
                 code->co_name, code_slots(code), nslots);
    return -1;
}

/* The spare frame object of f's C function (P2C_FRAME_STORAGE), made
 * ready as _PyFrame_New_NoTrack makes a new one, when there is one for this
 * code: new reference, else NULL.  Only function frames (builtins known). */
static PyFrameObject *
take_spare(P2C_Frame *f, PyThreadState *tstate, PyCodeObject *code, PyObject *globals,
           PyObject *builtins, PyObject *locals)
{
    PyFrameObject *fo = f->spare != NULL ? *f->spare : NULL;
    if (fo == NULL || builtins == NULL)
        return NULL;
    *f->spare = NULL;
    if (fo->f_code != code) {   /* the module was loaded again: new code */
        Py_DECREF(fo);
        return NULL;
    }
    fo->f_back = (PyFrameObject *)Py_XNewRef(tstate->frame);
    Py_SETREF(fo->f_builtins, Py_NewRef(builtins));
    Py_SETREF(fo->f_globals, Py_NewRef(globals));
    fo->f_locals = Py_XNewRef(locals);
    fo->f_trace_lines = 1;
    fo->f_trace_opcodes = 0;
    fo->f_lasti = -1;
    fo->f_lineno = 0;
    fo->f_iblock = 0;
    fo->f_stackdepth = 0;
    fo->f_state = FRAME_CREATED;
    PyObject_GC_Track(fo);
    return fo;
}

/* The pop's release of fo (owned): kept as the C function's spare when
 * nothing else holds it (a traceback, sys._getframe(), a generator) and
 * the function has none, with every reference it holds but its code
 * released (builtins and globals become None: frame_dealloc releases
 * them unchecked) and out of the GC's sight (nothing can reach it); else
 * dropped. */
static void
release_frame_object(P2C_Frame *f, PyFrameObject *fo)
{
    if (f->spare == NULL || *f->spare != NULL || Py_REFCNT(fo) != 1 || fo->f_gen != NULL) {
        Py_DECREF(fo);
        return;
    }
    PyCodeObject *code = fo->f_code;
    Py_ssize_t n = code->co_nlocals + PyTuple_GET_SIZE(code->co_cellvars) +
                   PyTuple_GET_SIZE(code->co_freevars) + fo->f_stackdepth;
    PyObject_GC_UnTrack(fo);
    P2C_Frame_ClearSlots(fo->f_localsplus, (int)n);
    Py_CLEAR(fo->f_back);
    Py_CLEAR(fo->f_locals);
    Py_CLEAR(fo->f_trace);
    Py_SETREF(fo->f_builtins, Py_NewRef(Py_None));
    Py_SETREF(fo->f_globals, Py_NewRef(Py_None));
    /* the releases ran code: a spare made meanwhile wins */
    if (*f->spare != NULL)
        Py_DECREF(fo);
    else
        *f->spare = fo;
}

/* The frame object of code running with globals, builtins and locals
 * (borrowed; builtins NULL: globals' own, locals may be NULL), into which
 * the nslots slots bound in f's C storage move: f's slots from then on.
 * PyFrame_New links the running frame as f_back.  0, or -1 with the slots
 * released. */
static int
make_frame_object(P2C_Frame *f, PyThreadState *tstate, PyCodeObject *code,
                  PyObject *globals, PyObject *builtins, PyObject *locals, int nslots)
{
    PyFrameObject *fo = take_spare(f, tstate, code, globals, builtins, locals);
    if (fo == NULL) {
        fo = PyFrame_New(tstate, code, globals, locals);
        if (fo == NULL) {
            P2C_Frame_ClearSlots(f->localsplus, nslots);
            return -1;
        }
        /* a function's frame has the function's builtins (PyFrame_New
         * looks them up in globals) */
        if (builtins != NULL && fo->f_builtins != builtins)
            Py_SETREF(fo->f_builtins, Py_NewRef(builtins));
    }
    memcpy(fo->f_localsplus, f->localsplus, (size_t)nslots * sizeof(PyObject *));
    memset(f->localsplus, 0, (size_t)nslots * sizeof(PyObject *));
    f->localsplus = fo->f_localsplus;
    f->fo = fo;
    return 0;
}

/* Makes and links the frame object (make_frame_object) as the running one,
 * with its cells and frees (func's closure; NULL: module code).  0 or -1
 * (slots released). */
static int
link_frame(P2C_Frame *f, PyCodeObject *code, PyObject *globals, PyObject *builtins,
           PyObject *locals, int nslots, PyObject *func)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_Stack_Check() < 0 || P2C_EnterRecursivePy()) {
        P2C_Frame_ClearSlots(f->localsplus, nslots);
        return -1;
    }
    if (make_frame_object(f, tstate, code, globals, builtins, locals, nslots) < 0) {
        P2C_LeaveRecursivePy();
        return -1;
    }
    /* Cells first, then the link: 3.10's _PyEval_MakeFrameVector makes
     * them before the eval loop makes the frame the thread's, so what the
     * allocations show (tracemalloc's traceback of a cell, a __del__ that
     * GC runs) starts at the caller.  The pop of a failure links f_back,
     * the caller, again. */
    if (func != NULL && P2C_Frame_MakeCells310(f, func) < 0) {
        P2C_Frame_Pop(f);   /* a MemoryError before the frame ran: no traceback entry */
        return -1;
    }
    tstate->frame = f->fo;
    /* FRAME_CREATED during the call event (f_lineno's setter tells it so) */
    if (P2C_Frame_TraceEntry(f, tstate) < 0)
        return -1;
    f->fo->f_state = FRAME_EXECUTING;
    return 0;
}

int
P2C_Frame_MakeCells310(P2C_Frame *f, PyObject *func)
{
    PyCodeObject *code = P2C_Frame_Code(f);
    Py_ssize_t ncells = PyTuple_GET_SIZE(code->co_cellvars);
    Py_ssize_t nfree = PyTuple_GET_SIZE(code->co_freevars);
    for (Py_ssize_t i = 0; i < ncells; i++) {
        Py_ssize_t arg = code->co_cell2arg != NULL ? code->co_cell2arg[i] : CO_CELL_NOT_AN_ARG;
        PyObject **slot = &f->localsplus[code->co_nlocals + i];
        if (arg != CO_CELL_NOT_AN_ARG) {
            if (P2C_MakeCellFrom(slot, &f->localsplus[arg]) < 0)
                return -1;
        } else if (P2C_MakeCell(slot) < 0) {
            return -1;
        }
    }
    if (nfree > 0)
        P2C_CopyFreeVars(&f->localsplus[code->co_nlocals + ncells], func, (int)nfree);
    return 0;
}

int
P2C_Frame_PushWithLocals(P2C_Frame *f, PyObject *func, int nslots, PyObject *locals)
{
    PyFunctionObject *fn = (PyFunctionObject *)func;
    PyCodeObject *code = (PyCodeObject *)fn->func_code;
    if (check_code(code, nslots) < 0) {
        P2C_Frame_ClearSlots(f->localsplus, nslots);
        return -1;
    }
    return link_frame(f, code, fn->func_globals, fn->func_builtins, locals, nslots, func);
}

int
P2C_Frame_PushModule(P2C_Frame *f, PyObject *code, PyObject *globals)
{
    if (P2C_Frame_ModuleReady(code, globals) < 0 || check_code((PyCodeObject *)code, 0) < 0)
        return -1;
    return link_frame(f, (PyCodeObject *)code, globals, NULL, globals, 0, NULL);
}

static void
pop_frame(P2C_Frame *f, PyThreadState *tstate, int raised)
{
    PyFrameObject *fo = f->fo;
    tstate->frame = fo->f_back;
    P2C_LeaveRecursivePy();
    fo->f_state = raised ? FRAME_RAISED : FRAME_RETURNED;
    f->fo = NULL;
    f->localsplus = NULL;
    release_frame_object(f, fo);   /* the last reference releases the variables */
}

void
P2C_Frame_Pop(P2C_Frame *f)
{
    pop_frame(f, P2C_ThreadState(), PyErr_Occurred() != NULL);
}

PyObject *
P2C_Frame_PopReturn(P2C_Frame *f, PyObject *r)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate))) {
        f->fo->f_state = r == NULL ? FRAME_RAISED : FRAME_RETURNED;   /* at the return event */
        r = P2C_Trace_FrameExit(f, r);
    }
    pop_frame(f, tstate, r == NULL);
    return r;
}

int
P2C_Frame_PopModule(P2C_Frame *f, int status)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate))) {
        f->fo->f_state = status < 0 ? FRAME_RAISED : FRAME_RETURNED;
        PyObject *r = P2C_Trace_FrameExit(f, status == 0 ? Py_NewRef(Py_None) : NULL);
        status = r != NULL ? 0 : -1;
        Py_XDECREF(r);
    }
    pop_frame(f, tstate, status < 0);
    return status;
}

void
P2C_Frame_AddTraceback(P2C_Frame *f)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (f->fo == NULL || tstate->frame != f->fo)
        return;
    PyTraceBack_Here(f->fo);
    /* the `exception_unwind` label's call_exc_trace: settrace's exception event */
    if (P2C_UNLIKELY(tstate->c_tracefunc != NULL))
        P2C_Trace_Exception(f);
}

/* ---- generator frames (runtime/generator.c) ------------------------------ */

/* The frame object of a new generator, made before its arguments are bound
 * into its slots (3.10's frame objects hold them): unlinked (make_coro
 * drops the f_back PyFrame_New gave it), at f_lasti -1, with the spill
 * slots as its value stack.  0 or -1. */
int
P2C_Frame_InitGenerator(P2C_Frame *f, PyObject *func, int nslots, int nspill)
{
    PyFunctionObject *fn = (PyFunctionObject *)func;
    PyCodeObject *code = (PyCodeObject *)fn->func_code;
    if (check_code(code, nslots) < 0)
        return -1;
    if (code->co_stacksize < nspill) {
        PyErr_Format(PyExc_SystemError, "compiled generator %U: code has stack "
                     "size %d (expected %d)", code->co_name, code->co_stacksize, nspill);
        return -1;
    }
    PyObject *none = NULL;
    f->localsplus = &none;   /* no slot to move */
    if (make_frame_object(f, P2C_ThreadState(), code, fn->func_globals, fn->func_builtins,
                          NULL, 0) < 0)
        return -1;
    PyFrameObject *fo = f->fo;
    Py_CLEAR(fo->f_back);
    memset(fo->f_valuestack, 0, (size_t)nspill * sizeof(PyObject *));
    fo->f_stackdepth = nspill;
    fo->f_lasti = -1;
    fo->f_state = FRAME_CREATED;
    return 0;
}

/* The generator is finished: gen_send_ex's release of its frame (the frame
 * object lives on while something else holds it, e.g. a traceback). */
void
P2C_Frame_ReleaseGenerator(P2C_Frame *f)
{
    PyFrameObject *fo = f->fo;
    PyGenObject *gen = (PyGenObject *)fo->f_gen;
    fo->f_gen = NULL;
    if (gen != NULL)
        gen->gi_frame = NULL;
    f->fo = NULL;
    f->localsplus = NULL;
    Py_DECREF(fo);
}

#endif
