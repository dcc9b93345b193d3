/* frame310.h — compiled frames on CPython 3.10: only included through
 * pyc2c/compat.h when P2C_FRAME_OBJECTS_310.
 *
 * 3.10 has no interpreter frame separate from the frame object: a running
 * Python function has a PyFrameObject (tstate->frame, linked by f_back) whose
 * f_localsplus holds its variables, and that is what tracebacks, locals(),
 * sys._getframe() and trace hooks read.  So a compiled function gets a real
 * frame object at its push (PyFrame_New, as a 3.10 call does), and its slots
 * are that object's f_localsplus from then on.
 *
 * P2C_Frame is the C function's handle on it: where the slots are (the
 * storage declared in the C function until the push, in which the arguments
 * are bound; the frame object's f_localsplus after it, where the push moves
 * them) and the frame object.  The running site is the frame's f_lasti (a
 * code unit index: 3.10's line table is read at f_lasti * 2).
 */
#ifndef PYC2C_COMPAT_FRAME310_H
#define PYC2C_COMPAT_FRAME310_H

#include <frameobject.h>   /* PyFrameObject (not in Python.h before 3.11) */

typedef struct {
    PyObject **localsplus;   /* the slots: the storage below, then fo's */
    PyFrameObject *fo;       /* the frame object while pushed (owned; a
                                generator's: borrowed from gi_frame) */
    PyFrameObject **spare;   /* the C function's spare frame object (or
                                NULL): frame310.c's reuse */
} P2C_Frame;

/* The storage, and the function's spare frame object: the one its last
 * call left, kept for the next call when nothing else held it (3.9's
 * co_zombieframe; 3.10 allocates a frame object per call, and PyFrame_New,
 * the only constructor libpython exports, looks the builtins up in the
 * globals each time). */
#define P2C_FRAME_STORAGE(name, nslots)                                     \
    static PyFrameObject *name##_spare;                                     \
    struct {                                                                \
        P2C_Frame frame;                                                    \
        PyObject *raw[(nslots) + 1];                                        \
    } name = {0}
static inline P2C_Frame *p2c_frame_start(P2C_Frame *f, PyObject **raw, PyFrameObject **spare)
{
    f->localsplus = raw;
    f->spare = spare;
    return f;
}
#define P2C_FRAME(name) p2c_frame_start(&(name).frame, (name).raw, &name##_spare)
#define P2C_SLOT(f, i) ((f)->localsplus[(i)])

/* Site k = code unit k of the stub code: its co_linetable entry gives the
 * line of the running operation (frame.f_lineno, tb_lineno). */
static inline void P2C_Frame_SetSite(P2C_Frame *f, int k)
{
    f->fo->f_lasti = k;
}

/* The site before the first operation: 3.10's frames start at f_lasti -1. */
static inline void P2C_Frame_SetSiteBeforeFirst(P2C_Frame *f)
{
    f->fo->f_lasti = -1;
}

static inline int P2C_Frame_GetSite(P2C_Frame *f)
{
    return f->fo->f_lasti;
}

static inline PyObject *P2C_Frame_Globals(P2C_Frame *f) { return f->fo->f_globals; }
static inline PyObject *P2C_Frame_Builtins(P2C_Frame *f) { return f->fo->f_builtins; }
/* Borrowed, may be NULL (function frames until f_locals is asked for). */
static inline PyObject *P2C_Frame_Locals(P2C_Frame *f) { return f->fo->f_locals; }
static inline PyCodeObject *P2C_Frame_Code(P2C_Frame *f) { return f->fo->f_code; }
static inline void P2C_Frame_SetLocals(P2C_Frame *f, PyObject *locals)
{
    Py_XSETREF(f->fo->f_locals, locals);
}

/* ---- generators (runtime/generator.c) ----
 * A 3.10 generator holds its frame object (gi_frame, which owns it; f_gen
 * points back).  A compiled generator object has, after the largest of the
 * three generator heads, the body's handle on that frame, the body and
 * its P2C_GENBODY_* flags (whether the last spill slot is a `yield from`
 * delegate, whether the body can jump).  The spill slots
 * are the frame's value stack (f_stackdepth covers them), so the frame's
 * traverse and dealloc see them. */
typedef struct {
    P2C_Frame frame;
    void (*body)(void);      /* the P2C_GenBody */
    int bodyflags;
} P2C_GenTail;
#define P2C_GEN_TAIL_OFFSET                                                 \
    ((sizeof(PyAsyncGenObject) + sizeof(void *) - 1) / sizeof(void *) * sizeof(void *))
#define P2C_GEN_TAIL(gen) ((P2C_GenTail *)((char *)(gen) + P2C_GEN_TAIL_OFFSET))
static inline P2C_Frame *P2C_Generator_Frame(PyObject *gen)
{
    return &P2C_GEN_TAIL(gen)->frame;
}
static inline void P2C_Generator_Suspend(PyObject *gen)
{
    ((PyGenObject *)gen)->gi_frame->f_state = FRAME_SUSPENDED;
}
/* A generator's code (its own strong reference, gi_code, which 3.10's
 * gen_dealloc reads: set when the object is made, and set again). */
static inline PyCodeObject *P2C_Gen_Code(PyGenObject *gen) { return (PyCodeObject *)gen->gi_code; }
static inline void P2C_Gen_SetCode(PyGenObject *gen, PyObject *code)
{
    Py_XSETREF(gen->gi_code, code);
}
#define P2C_GEN_DELEGATE(f) ((f)->fo->f_valuestack[(f)->fo->f_stackdepth - 1])

/* Is a trace or profile hook installed and none running? */
#define P2C_TS_TRACING(ts) ((ts)->cframe->use_tracing)
#define P2C_EnterRecursivePy() Py_EnterRecursiveCall("")
#define P2C_LeaveRecursivePy() Py_LeaveRecursiveCall()
/* Is the eval breaker set? */
#define P2C_EVAL_BREAKER_SET() __atomic_load_n(P2C_EvalBreaker, __ATOMIC_RELAXED)
/* The running frame object of the thread (borrowed, may be NULL). */
#define P2C_TS_FRAME(ts) ((ts)->frame)
/* _PyEval_MakeFrameVector's cells and frees: each cell slot gets a cell,
 * holding the argument for a parameter that is a cell (whose own slot is
 * then cleared: co_cell2arg), and the free slots the closure's cells.
 * Before the frame runs (a hook reading f_locals needs them).  0 or -1. */
P2C_API int P2C_Frame_MakeCells310(P2C_Frame *f, PyObject *func);

/* ---- for the hooks (trace311.c) ---- */
/* Does sys.settrace's hook get opcode events (of frames that set
 * f_trace_opcodes)?  Always on 3.10. */
#define P2C_TRACE_OPCODE_EVENTS() 1
/* 3.10 has no tracing_what: frame.f_lineno's setter tells the event by
 * the frame's state (a new frame's call event: CREATED; a return:
 * RETURNED or RAISED) and goes on to jump in a running or suspended frame
 * (a generator's yield and resumption events too), which a compiled frame
 * refuses. */
#define P2C_TS_TRACING_WHAT(ts) 0
#define P2C_TS_SET_TRACING_WHAT(ts, what) ((void)(what))
#define P2C_TS_RESTORE_TRACING_WHAT(ts, old) ((void)(old))
#define P2C_WHAT_EVENT_TELLS_STEPS 0
#define P2C_SETLINENO_WOULD_JUMP(ts, fo)                                    \
    ((fo)->f_state == FRAME_EXECUTING || (fo)->f_state == FRAME_SUSPENDED)
#define P2C_Frame_IsRunning(ts, f) ((f)->fo != NULL && (ts)->frame == (f)->fo)
#define P2C_Frame_RunningObject(f) ((f)->fo)
#define P2C_FrameObject_Code(fo) ((fo)->f_code)
/* The unit of the stub's first operation: the closure prefix (NOPs on
 * 3.10: one per cell, one for the frees) then the NOP standing for RESUME. */
#define P2C_Code_FirstTraceable(code)                                       \
    ((int)PyTuple_GET_SIZE((code)->co_cellvars) + (PyTuple_GET_SIZE((code)->co_freevars) > 0))
#define P2C_Code_NUnits(code) (PyBytes_GET_SIZE((code)->co_code) / 2)
#define P2C_Code_Units(code) ((const _Py_CODEUNIT *)PyBytes_AS_STRING((code)->co_code))

#endif
