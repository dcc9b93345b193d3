/* frame311.h — compiled frames on CPython 3.11: P2C_Frame is the interpreter's
 * own _PyInterpreterFrame, its storage on the C stack of the generated
 * function.  Only included through pyc2c/compat.h when P2C_FRAME_LAYOUT_311.
 *
 * The internal headers come through core311.h.
 */
#ifndef PYC2C_COMPAT_FRAME311_H
#define PYC2C_COMPAT_FRAME311_H

#include "core311.h"

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
    f->f_func = fn;
    f->f_globals = fn->func_globals;
    f->f_builtins = fn->func_builtins;
    f->f_locals = locals;
    f->f_code = (PyCodeObject *)Py_NewRef(fn->func_code);
    f->frame_obj = NULL;
    f->previous = tstate->cframe->current_frame;
    /* the RESUME, after the MAKE_CELL / COPY_FREE_VARS prefix of a closure */
    f->prev_instr = _PyCode_CODE(f->f_code) + f->f_code->_co_firsttraceable;
    f->stacktop = nslots;
    f->is_entry = false;
    f->owner = FRAME_OWNED_BY_THREAD;
    tstate->cframe->current_frame = f;
}

/* ---- what differs from 3.12 (frame312.h), for the shared frame code ---- */

/* The frame's function (strong reference), an lvalue. */
static inline PyObject **p2c_frame_func_slot(P2C_Frame *f)
{
    void *slot = &f->f_func;   /* a PyFunctionObject *, seen as PyObject * */
    return (PyObject **)slot;
}
#define P2C_FRAME_FUNC(f) (*p2c_frame_func_slot(f))
/* The thread's Python recursion budget, an lvalue. */
#define P2C_TS_RECURSION(ts) ((ts)->recursion_remaining)
/* Is a trace or profile hook installed and none running? */
#define P2C_TS_TRACING(ts) ((ts)->cframe->use_tracing)
/* The recursion check of a Python frame push (3.11: Py_EnterRecursiveCall's,
 * with its message) and its undoing: 0, or -1 with RecursionError. */
#define P2C_EnterRecursivePy() Py_EnterRecursiveCall("")
#define P2C_LeaveRecursivePy() Py_LeaveRecursiveCall()
/* A generator's code (3.11: gi_code, its own strong reference). */
static inline PyCodeObject *P2C_Gen_Code(PyGenObject *gen) { return gen->gi_code; }
/* Gives gen its code (stolen), once; before that P2C_Gen_NoCode. */
static inline void P2C_Gen_SetCode(PyGenObject *gen, PyObject *code)
{
    gen->gi_code = (PyCodeObject *)code;
}
static inline void P2C_Gen_NoCode(PyGenObject *gen) { gen->gi_code = NULL; }
/* Releasing a generator's frame releases its code too (3.12 keeps it). */
#define P2C_GEN_FRAME_KEEPS_CODE 0
/* tstate->tracing_what during a hook: which event frame.f_lineno's setter is in. */
#define P2C_TS_TRACING_WHAT(ts) ((ts)->tracing_what)
/* Does sys.settrace's hook get opcode events (of frames that set
 * f_trace_opcodes)?  Always on 3.11. */
#define P2C_TRACE_OPCODE_EVENTS() 1
#define P2C_TS_SET_TRACING_WHAT(ts, what) ((ts)->tracing_what = (what))
#define P2C_TS_RESTORE_TRACING_WHAT(ts, old) ((ts)->tracing_what = (old))
/* Does tracing_what tell a generator's resumption, throw and yield from a
 * frame's call and return?  (No: 3.11's setter refuses at each call event
 * as a new frame's; trace311.c's event_for_setlineno says "no event" at
 * each return.) */
#define P2C_WHAT_EVENT_TELLS_STEPS 0
#define P2C_TRACING_WHAT_LINE PyTrace_LINE

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
