/* genframe310.h — the frame side of compiled generators on 3.10
 * (runtime/generator.c, coroutine.c, asyncgen.c include it): a 3.10
 * generator holds a frame object (gi_frame, NULL once finished) whose
 * f_state is the generator's state; a compiled generator keeps its body's
 * handle on that frame after the object (P2C_GenTail, compat/frame310.h).
 */
#ifndef PYC2C_COMPAT_GENFRAME310_H
#define PYC2C_COMPAT_GENFRAME310_H

/* 3.10 tells a finished frame by how it ended; any end is "completed". */
#define FRAME_COMPLETED FRAME_RETURNED

#define P2C_GEN_STATE(gen)                                                  \
    ((gen)->gi_frame != NULL ? (gen)->gi_frame->f_state : FRAME_CLEARED)
#define P2C_GEN_SET_STATE(gen, s)                                           \
    do {                                                                    \
        if ((gen)->gi_frame != NULL)                                        \
            (gen)->gi_frame->f_state = (s);                                 \
    } while (0)
#define P2C_AG_FINALIZER(ag) ((ag)->ag_finalizer)
#define P2C_CR_ORIGIN(cr) ((cr)->cr_origin)
/* The types' basic size: the largest head, then the tail. */
#define P2C_GEN_BASICSIZE ((Py_ssize_t)(P2C_GEN_TAIL_OFFSET + sizeof(P2C_GenTail)))

static inline int
body_flags(PyGenObject *gen)
{
    return P2C_GEN_TAIL(gen)->bodyflags;
}

static inline int
has_delegate_slot(PyGenObject *gen)
{
    return body_flags(gen) & P2C_GENBODY_DELEGATE;
}

static inline P2C_GenBody
get_body(PyGenObject *gen)
{
    return (P2C_GenBody)P2C_GEN_TAIL(gen)->body;
}

/* A new generator object of type for func, not tracked, with its code and
 * its frame object (P2C_Frame_InitGenerator: unlinked, slots NULL); *pf
 * the body's handle on that frame, whose slots the arguments are bound
 * into next. */
static inline PyGenObject *
gen_alloc(PyFunctionObject *fn, PyTypeObject *type, P2C_GenBody body, int bodyflags,
          int nslots, int nspill, P2C_Frame **pf)
{
    PyGenObject *gen = PyObject_GC_New(PyGenObject, type);
    if (gen == NULL)
        return NULL;
    /* every field after the header NULL or 0: gi_frame, the exception
     * state, cr_origin, ag_finalizer and the async generator's flags */
    memset((char *)gen + sizeof(PyObject), 0, (size_t)type->tp_basicsize - sizeof(PyObject));
    gen->gi_code = Py_NewRef(fn->func_code);   /* gen_dealloc reads it */
    gen->gi_name = Py_NewRef(fn->func_name);
    gen->gi_qualname = Py_NewRef(fn->func_qualname);
    P2C_GenTail *tail = P2C_GEN_TAIL(gen);
    tail->body = (void (*)(void))body;
    tail->bodyflags = bodyflags;
    if (P2C_Frame_InitGenerator(&tail->frame, (PyObject *)fn, nslots, nspill) < 0) {
        PyObject_GC_Track(gen);
        Py_DECREF(gen);   /* no frame: nothing to finalize */
        return NULL;
    }
    gen->gi_frame = tail->frame.fo;
    gen->gi_frame->f_gen = (PyObject *)gen;
    *pf = &tail->frame;
    return gen;
}

/* The frame is complete once the arguments are bound (3.10: it was made
 * first). */
static inline int
gen_init_frame(P2C_Frame *f, PyObject *func, int nslots, int nspill)
{
    (void)f;
    (void)func;
    (void)nslots;
    (void)nspill;
    return 0;
}

/* The cells and frees (P2C_Frame_MakeCells310, which the push of a
 * function's frame runs too). */
static inline int
make_cells_and_frees(P2C_Frame *f, PyObject *func)
{
    return P2C_Frame_MakeCells310(f, func);
}

/* gen_send_ex: the frame runs under the thread's running frame (f_back,
 * with a reference dropped as soon as it stops). */
static inline void
gen_link(PyThreadState *tstate, PyGenObject *gen)
{
    PyFrameObject *fo = gen->gi_frame;
    fo->f_back = (PyFrameObject *)Py_XNewRef(tstate->frame);
    tstate->frame = fo;
}

static inline void
gen_unlink(PyThreadState *tstate, PyGenObject *gen)
{
    PyFrameObject *fo = P2C_GEN_TAIL(gen)->frame.fo;   /* gi_frame may be gone */
    tstate->frame = fo->f_back;
    Py_CLEAR(fo->f_back);
}

static inline int
gen_enter_recursion(PyThreadState *tstate)
{
    (void)tstate;
    return P2C_Stack_Check() < 0 || P2C_EnterRecursivePy() ? -1 : 0;
}

static inline void
gen_leave_recursion(PyThreadState *tstate)
{
    (void)tstate;
    P2C_LeaveRecursivePy();
}

/* A recursion level for one more level of a chain resumed at once
 * (generator.c's resume_chain): 0, or -1 with nothing raised (the
 * ordinary step will raise RecursionError there again).  3.10's budget is
 * behind Py_EnterRecursiveCall, which raises: its error is dropped (a
 * step is sent a value: no exception is set before). */
static inline int
gen_try_enter_recursion(PyThreadState *tstate)
{
    if (gen_enter_recursion(tstate) == 0)
        return 0;
    PyErr_Clear();
    return -1;
}

/* gen finished: its exception state dropped first (a cycle through a
 * traceback), then its frame object (gi_frame NULL from now on). */
static inline void
gen_release_frame(PyGenObject *gen)
{
    _PyErr_StackItem *es = &gen->gi_exc_state;
    Py_CLEAR(es->exc_type);
    Py_CLEAR(es->exc_value);
    Py_CLEAR(es->exc_traceback);
    P2C_Frame_ReleaseGenerator(&P2C_GEN_TAIL(gen)->frame);
}

/* The compiled generator whose frame the frame object fo is, or NULL. */
static inline PyGenObject *
frame_object_generator(PyObject *fo)
{
    PyObject *gen = ((PyFrameObject *)fo)->f_gen;
    return gen != NULL && P2C_Gen_KindOf(gen) >= 0 ? (PyGenObject *)gen : NULL;
}

/* genobject.c's compute_cr_origin: ((filename, line, name), ...) of the
 * depth innermost frames, from the caller creating the coroutine. */
static inline PyObject *
coro_origin(PyThreadState *tstate, int depth)
{
    PyFrameObject *frame = tstate->frame;
    int n = 0;
    for (PyFrameObject *f = frame; f && n < depth; f = f->f_back)
        n++;
    PyObject *origin = PyTuple_New(n);
    for (int i = 0; origin && i < n; i++, frame = frame->f_back) {
        PyObject *info = Py_BuildValue("OiO", frame->f_code->co_filename,
                                       PyFrame_GetLineNumber(frame), frame->f_code->co_name);
        if (info == NULL)
            Py_CLEAR(origin);
        else
            PyTuple_SET_ITEM(origin, i, info);
    }
    return origin;
}

#endif
