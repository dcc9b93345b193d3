/* frame312.h — compiled frames on CPython 3.12: P2C_Frame is the interpreter's
 * own _PyInterpreterFrame, as on 3.11 (frame312.h, which this file follows
 * definition by definition).  Only included through pyc2c/compat.h when
 * P2C_FRAME_LAYOUT_312.  What differs from 3.11:
 *   - the function is f_funcobj (a PyObject *), there is no is_entry (3.12
 *     marks the interpreter's entry frames with owner FRAME_OWNED_BY_CSTACK);
 *   - a generator has no gi_code: its code is its frame's f_code, which the
 *     frame keeps after it is cleared (genobject.c's gen_dealloc releases
 *     it: _PyFrame_ClearExceptCode);
 *   - Python frames count against tstate->py_recursion_remaining (the C
 *     recursion of Py_EnterRecursiveCall is another budget);
 *   - no cframe->use_tracing: a hook is installed when c_tracefunc or
 *     c_profilefunc is set (sys.settrace/setprofile still set them on top
 *     of sys.monitoring), and none runs while tstate->tracing;
 *   - tstate->what_event (a sys.monitoring event) replaces tracing_what.
 *
 * The internal headers come through core312.h.
 */
#ifndef PYC2C_COMPAT_FRAME312_H
#define PYC2C_COMPAT_FRAME312_H

#include "core312.h"

typedef _PyInterpreterFrame P2C_Frame;

/* Pointer-sized words before localsplus[0] (CPython's FRAME_SPECIALS_SIZE). */
#define P2C_FRAME_SPECIALS FRAME_SPECIALS_SIZE

/* Storage for the specials and nslots slots, the slots and the word after
 * them zeroed: the push writes every special (p2c_frame_init_specials), so
 * zeroing them too cost each call a dozen stores for nothing.  The
 * word after the slots, localsplus[nslots], is above the frame's stack top
 * (stacktop = nslots): nothing of the interpreter reads it, and the inline
 * push keeps there the thread state it found, for the inline pop
 * (P2C_FRAME_TSTATE: 3.12 reads the thread state through a call). */
#define P2C_FRAME_STORAGE(name, nslots)                                     \
    union {                                                                 \
        PyObject *raw[P2C_FRAME_SPECIALS + (nslots) + 1];                   \
        _PyInterpreterFrame frame;                                          \
    } name;                                                                 \
    memset((name).frame.localsplus, 0, ((nslots) + 1) * sizeof(PyObject *))
#define P2C_FRAME(name) (&(name).frame)
#define P2C_SLOT(f, i) ((f)->localsplus[(i)])
/* The thread state word of a frame's storage (above): NULL until
 * P2C_Frame_PushFunctionFast sets it. */
#define P2C_FRAME_TSTATE(f, nslots) ((PyThreadState *)(void *)(f)->localsplus[(nslots)])
#define P2C_FRAME_SET_TSTATE(f, nslots, ts) ((f)->localsplus[(nslots)] = (PyObject *)(void *)(ts))

/* Site k = code unit k of the stub code: its co_linetable entry gives line and
 * columns of the running operation (frame.f_lineno, tb_lasti, ~~~^^^). */
static inline void P2C_Frame_SetSite(P2C_Frame *f, int k)
{
    f->prev_instr = _PyCode_CODE(f->f_code) + k;
}

/* The site a frame has before its first operation (the stub's RESUME, as
 * after the call event): the next line event fires whatever its line. */
static inline void P2C_Frame_SetSiteBeforeFirst(P2C_Frame *f)
{
    f->prev_instr = _PyCode_CODE(f->f_code) + f->f_code->_co_firsttraceable;
}

/* The site (code unit index) f runs: the inverse of P2C_Frame_SetSite. */
static inline int P2C_Frame_GetSite(P2C_Frame *f)
{
    return (int)(f->prev_instr - _PyCode_CODE(f->f_code));
}

static inline PyObject *P2C_Frame_Globals(P2C_Frame *f) { return f->f_globals; }
static inline PyObject *P2C_Frame_Builtins(P2C_Frame *f) { return f->f_builtins; }
/* Borrowed, may be NULL (function frames until f_locals is asked for). */
static inline PyObject *P2C_Frame_Locals(P2C_Frame *f) { return f->f_locals; }
static inline PyCodeObject *P2C_Frame_Code(P2C_Frame *f) { return f->f_code; }
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
    f->f_code = (PyCodeObject *)Py_NewRef(fn->func_code);
    f->frame_obj = NULL;
    f->previous = tstate->cframe->current_frame;
    /* the RESUME, after the MAKE_CELL / COPY_FREE_VARS prefix of a closure */
    f->prev_instr = _PyCode_CODE(f->f_code) + f->f_code->_co_firsttraceable;
    f->stacktop = nslots;
    f->return_offset = 0;
    f->owner = FRAME_OWNED_BY_THREAD;
    tstate->cframe->current_frame = f;
}

/* ---- what differs from 3.12 (frame312.h), for the shared frame code ---- */

/* The frame's function (strong reference), an lvalue. */
#define P2C_FRAME_FUNC(f) ((f)->f_funcobj)
/* The thread's Python recursion budget, an lvalue. */
#define P2C_TS_RECURSION(ts) ((ts)->py_recursion_remaining)
/* The interpreter's global sys.monitoring event masks, a byte of tool
 * bits per event (runtime/compat/monitor312.c publishes them). */
P2C_API extern const uint8_t *P2C_MonitorTools;
/* The tools (a bit each) that want one of the frame events monitor312.c
 * fires: PY_START, PY_RESUME, PY_RETURN, PY_YIELD, CALL, PY_UNWIND (C_RETURN
 * and C_RAISE have no byte: they follow CALL's). */
static inline unsigned p2c_frame_event_tools(void)
{
    const uint8_t *t = P2C_MonitorTools;
    return t[PY_MONITORING_EVENT_PY_START] | t[PY_MONITORING_EVENT_PY_RESUME] |
           t[PY_MONITORING_EVENT_PY_RETURN] | t[PY_MONITORING_EVENT_PY_YIELD] |
           t[PY_MONITORING_EVENT_CALL] | t[PY_MONITORING_EVENT_PY_UNWIND];
}
/* Does a sys.monitoring tool other than sys.settrace/setprofile's (bits
 * 6, 7) want such an event? */
static inline int p2c_monitored(void)
{
    return (p2c_frame_event_tools() & 0x3f) != 0;
}
/* Does sys.settrace's hook get opcode events?  3.12 turns on its tool's
 * INSTRUCTION event only when sys.settrace runs after some frame set
 * f_trace_opcodes; then every frame asking for them gets them. */
#define P2C_TRACE_OPCODE_EVENTS() \
    ((P2C_MonitorTools[PY_MONITORING_EVENT_INSTRUCTION] >> PY_MONITORING_SYS_TRACE_ID) & 1)
/* Can any thread have a hook?  sys.settrace and sys.setprofile (3.12's
 * _PyEval_SetTrace/_PyEval_SetProfile) turn on PY_START for their tools
 * (7, 6) while any thread has such a hook, and the other tools are asked
 * about in the same bytes (p2c_monitored): when all are clear, no
 * thread traces, without the call that reads the thread state. */
#define P2C_TRACING_POSSIBLE() (p2c_frame_event_tools() != 0)
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
    PyThreadState *ts = PyThreadState_GET();
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
    PyThreadState_GET()->py_recursion_remaining++;
}
/* A generator's code: its frame's f_code (genobject.c's _PyGen_GetCode). */
static inline PyCodeObject *P2C_Gen_Code(PyGenObject *gen)
{
    return ((_PyInterpreterFrame *)gen->gi_iframe)->f_code;
}
/* Gives gen its code (stolen): kept when its frame has none yet (a frame
 * that failed to start), else dropped (the frame's push took its own). */
static inline void P2C_Gen_SetCode(PyGenObject *gen, PyObject *code)
{
    _PyInterpreterFrame *f = (_PyInterpreterFrame *)gen->gi_iframe;
    if (f->f_code == NULL)
        f->f_code = (PyCodeObject *)code;
    else
        Py_DECREF(code);
}
static inline void P2C_Gen_NoCode(PyGenObject *gen)
{
    ((_PyInterpreterFrame *)gen->gi_iframe)->f_code = NULL;
}
/* Releasing a generator's frame keeps its code (gen_dealloc drops it). */
#define P2C_GEN_FRAME_KEEPS_CODE 1
/* tstate->what_event during a hook: frame.f_lineno's setter allows a jump
 * at a line event and at a generator's resumption and yield (3.12.1
 * itself crashes jumping at a yield), and refuses with its own messages at
 * the others (PY_START: "can't jump from the 'call' trace event of a new
 * frame"; PY_THROW, PY_RETURN, RAISE: "can only jump from a 'line' trace
 * event"). */
#define P2C_TS_TRACING_WHAT(ts) ((ts)->what_event)
#include "whatevent312.h"
#define P2C_TS_RESTORE_TRACING_WHAT(ts, old) ((ts)->what_event = (old))
#define P2C_TRACING_WHAT_LINE PY_MONITORING_EVENT_LINE

/* The frame's code object, an lvalue (a strong reference). */
static inline PyObject **p2c_frame_code_slot(P2C_Frame *f)
{
    void *slot = &f->f_code;
    return (PyObject **)slot;
}
#define P2C_FRAME_CODE_REF(f) (*p2c_frame_code_slot(f))
/* The thread's running frame, an lvalue. */
#define P2C_TS_FRAME(ts) ((ts)->cframe->current_frame)
/* Is the eval breaker set?  (The interpreter's flag, whose address module
 * init publishes: P2C_EvalBreaker, runtime.h.) */
#define P2C_EVAL_BREAKER_SET() __atomic_load_n(P2C_EvalBreaker, __ATOMIC_RELAXED)

/* The running frame of the thread (borrowed, may be NULL). */
static inline P2C_Frame *P2C_Frame_Current(PyThreadState *tstate)
{
    return tstate->cframe->current_frame;
}

#endif
