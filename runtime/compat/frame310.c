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

static void
clear_slots(PyObject **slots, int n)
{
    for (int i = 0; i < n; i++)
        Py_CLEAR(slots[i]);
}

/* The call event of a frame just linked, when a hook is installed.  A hook
 * that raises fails the frame at once: traceback entry, return event, pop. */
static int
trace_entry(P2C_Frame *f, PyThreadState *tstate)
{
    if (P2C_LIKELY(!P2C_TS_TRACING(tstate)) || P2C_Trace_FrameEntry(f) == 0)
        return 0;
    P2C_Frame_AddTraceback(f);
    P2C_Trace_FrameExit(f, NULL);
    P2C_Frame_Pop(f);
    return -1;
}

/* Makes and links the frame object of code running with globals, builtins
 * and locals (borrowed, may be NULL), moving nslots slots from the C
 * storage into it; steals func (NULL for module code).  0 or -1 (slots and
 * func released). */
static int
link_frame(P2C_Frame *f, PyCodeObject *code, PyObject *globals, PyObject *builtins,
           PyObject *locals, int nslots, PyObject *func)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_Stack_Check() < 0 || P2C_EnterRecursivePy()) {
        clear_slots(f->localsplus, nslots);
        Py_XDECREF(func);
        return -1;
    }
    PyFrameObject *fo = PyFrame_New(tstate, code, globals, locals);
    if (fo == NULL) {
        P2C_LeaveRecursivePy();
        clear_slots(f->localsplus, nslots);
        Py_XDECREF(func);
        return -1;
    }
    /* a function's frame has the function's builtins (PyFrame_New looks
     * them up in globals) */
    if (builtins != NULL && fo->f_builtins != builtins)
        Py_SETREF(fo->f_builtins, Py_NewRef(builtins));
    memcpy(fo->f_localsplus, f->localsplus, (size_t)nslots * sizeof(PyObject *));
    memset(f->localsplus, 0, (size_t)nslots * sizeof(PyObject *));
    f->localsplus = fo->f_localsplus;
    f->fo = fo;
    f->func = func;
    fo->f_state = FRAME_EXECUTING;
    tstate->frame = fo;
    return trace_entry(f, tstate);
}

int
P2C_Frame_PushWithLocals(P2C_Frame *f, PyObject *func, int nslots, PyObject *locals)
{
    PyFunctionObject *fn = (PyFunctionObject *)func;
    PyCodeObject *code = (PyCodeObject *)fn->func_code;
    if (check_code(code, nslots) < 0) {
        clear_slots(f->localsplus, nslots);
        return -1;
    }
    return link_frame(f, code, fn->func_globals, fn->func_builtins, locals, nslots,
                      Py_NewRef(func));
}

int
P2C_Frame_PushFunction(P2C_Frame *f, PyObject *func, int nslots)
{
    return P2C_Frame_PushWithLocals(f, func, nslots, NULL);
}

/* exec() puts the builtins in globals when "__builtins__" is missing; module
 * code run by importlib gets them the same way.  0 or -1. */
static int
ensure_builtins(PyObject *globals)
{
    static PyObject *key;
    if (P2C_InternedString(&key, "__builtins__") == NULL)
        return -1;
    PyObject *b = PyDict_GetItemWithError(globals, key);
    if (b != NULL)
        return 0;
    if (PyErr_Occurred())
        return -1;
    return PyDict_SetItem(globals, key, PyEval_GetBuiltins());
}

int
P2C_Frame_PushModule(P2C_Frame *f, PyObject *code, PyObject *globals)
{
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "P2C_Frame_PushModule: bad arguments");
        return -1;
    }
    if (check_code((PyCodeObject *)code, 0) < 0 || ensure_builtins(globals) < 0)
        return -1;
    P2C_PublishEvalBreaker();
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
    Py_CLEAR(f->func);
    Py_DECREF(fo);   /* the last reference releases the variables */
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
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate)))
        r = P2C_Trace_FrameExit(f, r);
    pop_frame(f, tstate, r == NULL);
    return r;
}

int
P2C_Frame_PopModule(P2C_Frame *f, int status)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(P2C_TS_TRACING(tstate))) {
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

#endif
