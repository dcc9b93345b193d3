/* frame313.h — compiled frames on CPython 3.13: P2C_Frame is the interpreter's
 * own _PyInterpreterFrame, as on 3.11 and 3.12 (frame312.h, which this file
 * follows definition by definition).  Only included through pyc2c/compat.h
 * when P2C_FRAME_LAYOUT_313.  What differs from 3.12:
 *   - the code object is f_executable (a PyObject *, a code object for
 *     every frame pyc2c makes), f_code is gone;
 *   - instr_ptr (the unit running, or about to) replaces prev_instr (the
 *     unit last started): both make _PyInterpreterFrame_LASTI the running
 *     unit, so a site is the same unit index;
 *   - the thread's running frame is tstate->current_frame (no cframe);
 *   - the eval breaker is a word of the thread state, whose low 8 bits are
 *     the events (the rest is the instrumentation version).
 * The rest (f_funcobj, no gi_code, py_recursion_remaining, what_event,
 * no use_tracing) is 3.12's.
 *
 * The internal headers come through core313.h.
 */
#ifndef PYC2C_COMPAT_FRAME313_H
#define PYC2C_COMPAT_FRAME313_H

#include "core313.h"

typedef _PyInterpreterFrame P2C_Frame;

/* Pointer-sized words before localsplus[0] (CPython's FRAME_SPECIALS_SIZE). */
#define P2C_FRAME_SPECIALS FRAME_SPECIALS_SIZE

/* Storage for the specials and nslots slots, the slots (and one more
 * word: the size stays positive for nslots == 0) zeroed: the push writes
 * every special (p2c_frame_init_specials), so zeroing them too cost each
 * call a dozen stores for nothing. */
#define P2C_FRAME_STORAGE(name, nslots)                                     \
    union {                                                                 \
        PyObject *raw[P2C_FRAME_SPECIALS + (nslots) + 1];                   \
        _PyInterpreterFrame frame;                                          \
    } name;                                                                 \
    memset((name).frame.localsplus, 0, ((nslots) + 1) * sizeof(PyObject *))
#define P2C_FRAME(name) (&(name).frame)
#define P2C_SLOT(f, i) ((f)->localsplus[(i)])

/* Site k = code unit k of the stub code: its co_linetable entry gives line and
 * columns of the running operation (frame.f_lineno, tb_lasti, ~~~^^^). */
static inline void P2C_Frame_SetSite(P2C_Frame *f, int k)
{
    f->instr_ptr = _PyCode_CODE((PyCodeObject *)f->f_executable) + k;
}

/* The site a frame has before its first operation (the stub's RESUME, as
 * after the call event): the next line event fires whatever its line. */
static inline void P2C_Frame_SetSiteBeforeFirst(P2C_Frame *f)
{
    PyCodeObject *code = (PyCodeObject *)f->f_executable;
    f->instr_ptr = _PyCode_CODE(code) + code->_co_firsttraceable;
}

/* The site (code unit index) f runs: the inverse of P2C_Frame_SetSite. */
static inline int P2C_Frame_GetSite(P2C_Frame *f)
{
    return (int)(f->instr_ptr - _PyCode_CODE((PyCodeObject *)f->f_executable));
}

static inline PyObject *P2C_Frame_Globals(P2C_Frame *f) { return f->f_globals; }
static inline PyObject *P2C_Frame_Builtins(P2C_Frame *f) { return f->f_builtins; }
/* Borrowed, may be NULL (function frames until f_locals is asked for). */
static inline PyObject *P2C_Frame_Locals(P2C_Frame *f) { return f->f_locals; }
static inline PyCodeObject *P2C_Frame_Code(P2C_Frame *f)
{
    return (PyCodeObject *)f->f_executable;
}
/* Makes locals (stolen) the f_locals of a pushed frame that has none: the
 * namespace of a class body (released by P2C_Frame_Pop). */
static inline void P2C_Frame_SetLocals(P2C_Frame *f, PyObject *locals)
{
    Py_XSETREF(f->f_locals, locals);
}

/* ---- generators (runtime/generator.c) ----
 * A compiled generator's frame is its gi_iframe; its body marks it suspended
 * before returning the value of a yield.  In a generator with a `yield
 * from`, the last slot of the frame holds the delegate while one runs. */
static inline P2C_Frame *P2C_Generator_Frame(PyObject *gen)
{
    return (P2C_Frame *)((PyGenObject *)gen)->gi_iframe;
}
static inline void P2C_Generator_Suspend(PyObject *gen)
{
    ((PyGenObject *)gen)->gi_frame_state = FRAME_SUSPENDED;
}
#define P2C_GEN_DELEGATE(f) ((f)->localsplus[(f)->stacktop - 1])
/* co_localspluskinds' bit of a cell variable (pycore_code.h's CO_FAST_CELL) */
#define P2C_FAST_CELL 0x40

/* Fills the specials of f as _PyFrame_InitializeSpecials does and links it
 * as tstate's current frame; steals func (a function object); locals: new
 * reference or NULL. */
static inline void
p2c_frame_init_specials(P2C_Frame *f, PyThreadState *tstate, PyObject *func,
                        PyObject *locals, int nslots)
{
    PyFunctionObject *fn = (PyFunctionObject *)func;
    f->f_funcobj = func;
    f->f_globals = fn->func_globals;
    f->f_builtins = fn->func_builtins;
    f->f_locals = locals;
    PyCodeObject *code = (PyCodeObject *)Py_NewRef(fn->func_code);
    f->f_executable = (PyObject *)code;
    f->frame_obj = NULL;
    f->previous = tstate->current_frame;
    /* the RESUME, after the MAKE_CELL / COPY_FREE_VARS prefix of a closure */
    f->instr_ptr = _PyCode_CODE(code) + code->_co_firsttraceable;
    f->stacktop = nslots;
    f->return_offset = 0;
    f->owner = FRAME_OWNED_BY_THREAD;
    tstate->current_frame = f;
}

/* ---- what differs from 3.11 (frame311.h), for the shared frame code ---- */

/* The frame's function (strong reference), an lvalue. */
#define P2C_FRAME_FUNC(f) ((f)->f_funcobj)
/* The thread's Python recursion budget, an lvalue. */
#define P2C_TS_RECURSION(ts) ((ts)->py_recursion_remaining)
/* The interpreter's global sys.monitoring event masks, a byte of tool
 * bits per event (runtime/compat/monitor312.c publishes them). */
P2C_API extern const uint8_t *P2C_MonitorTools;
/* Does a sys.monitoring tool other than sys.settrace/setprofile's (bits
 * 6, 7) want an event monitor312.c fires?  (C_RETURN and C_RAISE have no
 * byte: they follow CALL's.) */
static inline int p2c_monitored(void)
{
    const uint8_t *t = P2C_MonitorTools;
    return ((t[PY_MONITORING_EVENT_PY_START] | t[PY_MONITORING_EVENT_PY_RESUME] |
             t[PY_MONITORING_EVENT_PY_RETURN] | t[PY_MONITORING_EVENT_PY_YIELD] |
             t[PY_MONITORING_EVENT_CALL] | t[PY_MONITORING_EVENT_PY_UNWIND]) & 0x3f) != 0;
}
/* Does sys.settrace's hook get opcode events (of frames that set
 * f_trace_opcodes)?  Always on 3.13: setting f_trace_opcodes turns on the
 * INSTRUCTION event of the frame's code for sys.settrace's tool (a local
 * event, _PyEval_SetOpcodeTrace), and so does any other trace event of
 * such a frame: from then on the frame gets them.  (3.12 needs the global
 * event, compat/frame312.h.) */
#define P2C_TRACE_OPCODE_EVENTS() 1
/* Is a trace or profile hook (or a monitoring tool) installed and none
 * running? */
#define P2C_TS_TRACING(ts)                                                  \
    (((ts)->c_tracefunc != NULL || (ts)->c_profilefunc != NULL || p2c_monitored()) \
     && !(ts)->tracing)
/* The recursion check of a Python frame push: 3.12's _Py_EnterRecursivePy
 * and _Py_CheckRecursiveCallPy (ceval.c; not exported), same budget, same
 * message, the same 50 frames of headroom for handling the error.  0, or
 * -1 with RecursionError (the budget then unchanged). */
static inline int P2C_EnterRecursivePy(void)
{
    PyThreadState *ts = P2C_ThreadState();
    if (P2C_LIKELY(ts->py_recursion_remaining-- > 0))
        return 0;
    if (ts->recursion_headroom) {
        if (ts->py_recursion_remaining < -50)
            Py_FatalError("Cannot recover from Python stack overflow.");
        return 0;
    }
    ts->recursion_headroom++;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom--;
    ts->py_recursion_remaining++;
    return -1;
}
static inline void P2C_LeaveRecursivePy(void)
{
    P2C_ThreadState()->py_recursion_remaining++;
}
/* A generator's code: its frame's f_executable (genobject.c's _PyGen_GetCode). */
static inline PyCodeObject *P2C_Gen_Code(PyGenObject *gen)
{
    return (PyCodeObject *)((_PyInterpreterFrame *)gen->gi_iframe)->f_executable;
}
/* Gives gen its code (stolen): kept when its frame has none yet (a frame
 * that failed to start), else dropped (the frame's push took its own). */
static inline void P2C_Gen_SetCode(PyGenObject *gen, PyObject *code)
{
    _PyInterpreterFrame *f = (_PyInterpreterFrame *)gen->gi_iframe;
    if (f->f_executable == NULL)
        f->f_executable = code;
    else
        Py_DECREF(code);
}
static inline void P2C_Gen_NoCode(PyGenObject *gen)
{
    ((_PyInterpreterFrame *)gen->gi_iframe)->f_executable = NULL;
}
/* Releasing a generator's frame keeps its code (gen_dealloc drops it). */
#define P2C_GEN_FRAME_KEEPS_CODE 1
/* tstate->what_event during a hook: frame.f_lineno's setter allows a jump
 * at a line event and at a generator's resumption and yield, and refuses
 * with its own messages at the others (PY_START: "can't jump from the
 * 'call' trace event of a new frame"; PY_THROW, PY_RETURN, and an
 * exception event's RAISE and an opcode event's INSTRUCTION as
 * legacy_tracing.c gives them: "can only jump from a 'line' trace
 * event"). */
#define P2C_TS_TRACING_WHAT(ts) ((ts)->what_event)
#include "whatevent312.h"
#define P2C_TS_RESTORE_TRACING_WHAT(ts, old) ((ts)->what_event = (old))
#define P2C_TRACING_WHAT_LINE PY_MONITORING_EVENT_LINE

/* The frame's code object, an lvalue (a strong reference). */
#define P2C_FRAME_CODE_REF(f) ((f)->f_executable)
/* The thread's running frame, an lvalue. */
#define P2C_TS_FRAME(ts) ((ts)->current_frame)
/* The eval breaker's events for the running thread (3.13: a word of each
 * thread state; above its 8 event bits, the instrumentation version). */
#define P2C_EVAL_BREAKER_SET()                                              \
    (__atomic_load_n(&P2C_ThreadState()->eval_breaker, __ATOMIC_RELAXED) & 0xff)

/* The running frame of the thread (borrowed, may be NULL). */
static inline P2C_Frame *P2C_Frame_Current(PyThreadState *tstate)
{
    return tstate->current_frame;
}

#endif
