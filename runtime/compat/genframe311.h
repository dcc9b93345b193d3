/* genframe311.h — the frame side of compiled generators on 3.11 to 3.13
 * (runtime/generator.c, coroutine.c, asyncgen.c include it): a
 * generator's frame is its own gi_iframe, laid out after the object, and
 * its state is gi_frame_state.  compat/genframe310.h is 3.10's.
 */
#ifndef PYC2C_COMPAT_GENFRAME311_H
#define PYC2C_COMPAT_GENFRAME311_H

/* The state of gen's frame (FRAME_CREATED ... FRAME_CLEARED), and its
 * setting. */
#define P2C_GEN_STATE(gen) ((gen)->gi_frame_state)
#define P2C_GEN_SET_STATE(gen, s) ((gen)->gi_frame_state = (s))
/* An async generator's finalizer hook; a coroutine's origin. */
#define P2C_AG_FINALIZER(ag) ((ag)->ag_origin_or_finalizer)
#define P2C_CR_ORIGIN(cr) ((cr)->cr_origin_or_finalizer)
/* The types' basic size: their base's (the frame is the variable part). */
#define P2C_GEN_BASICSIZE 0

/* The words of a frame for code (3.11's _PyFrame_NumSlotsForCodeObject). */
static inline Py_ssize_t
frame_words(PyCodeObject *code)
{
    return code->co_nlocalsplus + code->co_stacksize + P2C_FRAME_SPECIALS;
}

/* The two words after the frame: the body, and its P2C_GENBODY_* flags
 * (whether the frame's last slot is a `yield from` delegate, whether the
 * body can jump). */
static inline void
set_body(PyGenObject *gen, Py_ssize_t words, P2C_GenBody body, int bodyflags)
{
    memcpy(&gen->gi_iframe[words], &body, sizeof body);
    gen->gi_iframe[words + 1] = (PyObject *)(intptr_t)bodyflags;
}

static inline int
body_flags(PyGenObject *gen)
{
    return (int)(intptr_t)gen->gi_iframe[frame_words(P2C_Gen_Code(gen)) + 1];
}

static inline int
has_delegate_slot(PyGenObject *gen)
{
    return body_flags(gen) & P2C_GENBODY_DELEGATE;
}

static inline P2C_GenBody
get_body(PyGenObject *gen)
{
    P2C_GenBody body;
    memcpy(&body, &gen->gi_iframe[frame_words(P2C_Gen_Code(gen))], sizeof body);
    return body;
}

/* A new generator object of type for func, its frame's slots NULL (all
 * nslots + nspill of them), not tracked, not yet with its code; *pf its
 * frame, whose slots the arguments are bound into. */
static inline PyGenObject *
gen_alloc(PyFunctionObject *fn, PyTypeObject *type, P2C_GenBody body, int bodyflags,
          int nslots, int nspill, P2C_Frame **pf)
{
    Py_ssize_t words = frame_words((PyCodeObject *)fn->func_code);
    /* two words more than the frame (set_body) */
    PyGenObject *gen = PyObject_GC_NewVar(PyGenObject, type, words + 2);
    if (gen == NULL)
        return NULL;
    P2C_Gen_NoCode(gen);
    gen->gi_weakreflist = NULL;
    gen->gi_name = Py_NewRef(fn->func_name);
    gen->gi_qualname = Py_NewRef(fn->func_qualname);
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    gen->gi_frame_state = FRAME_CLEARED;   /* no frame to release yet */
    set_body(gen, words, body, bodyflags);
    P2C_Frame *f = (P2C_Frame *)gen->gi_iframe;
    memset(f->localsplus, 0, (size_t)(nslots + nspill) * sizeof(PyObject *));
    *pf = f;
    return gen;
}

/* Fills the specials of the frame, whose slots hold the bound arguments. */
static inline int
gen_init_frame(P2C_Frame *f, PyObject *func, int nslots, int nspill)
{
    return P2C_Frame_InitGenerator(f, func, nslots, nspill);
}

/* What MAKE_CELL and COPY_FREE_VARS do before a generator function's
 * RETURN_GENERATOR: every cell slot gets a cell holding its initial value
 * (the argument, or nothing), the free slots the closure's cells.  0 or -1. */
static inline int
make_cells_and_frees(P2C_Frame *f, PyObject *func)
{
    PyCodeObject *code = P2C_Frame_Code(f);
    const unsigned char *kinds =
        (const unsigned char *)PyBytes_AS_STRING(code->co_localspluskinds);
    int nfree = code->co_nfreevars;
    for (int i = 0; i < code->co_nlocalsplus - nfree; i++) {
        if (!(kinds[i] & P2C_FAST_CELL))
            continue;
        PyObject *cell = PyCell_New(f->localsplus[i]);
        if (cell == NULL)
            return -1;
        Py_XSETREF(f->localsplus[i], cell);
    }
    if (nfree > 0)
        P2C_CopyFreeVars(&f->localsplus[code->co_nlocalsplus - nfree], func, nfree);
    return 0;
}

/* Links gen's frame as the running one (under the thread's), and unlinks
 * it again. */
static inline void
gen_link(PyThreadState *tstate, PyGenObject *gen)
{
    P2C_Frame *f = (P2C_Frame *)gen->gi_iframe;
    f->previous = P2C_TS_FRAME(tstate);
    P2C_TS_FRAME(tstate) = f;
}

static inline void
gen_unlink(PyThreadState *tstate, PyGenObject *gen)
{
    P2C_Frame *f = (P2C_Frame *)gen->gi_iframe;
    P2C_TS_FRAME(tstate) = f->previous;
    f->previous = NULL;
}

/* The eval loop's entry: the same recursion accounting and message
 * (3.11's _Py_EnterRecursiveCallTstate, its common case inline).  0, or
 * -1 with RecursionError; gen_leave_recursion undoes it. */
static inline int
gen_enter_recursion(PyThreadState *tstate)
{
    if (P2C_UNLIKELY(P2C_Stack_SampledLow(P2C_TS_RECURSION(tstate)))
        && P2C_Stack_Check() < 0)
        return -1;
    if (P2C_LIKELY(P2C_TS_RECURSION(tstate) > 0)) {
        P2C_TS_RECURSION(tstate)--;
        return 0;
    }
    return P2C_EnterRecursivePy() != 0 ? -1 : 0;
}

static inline void
gen_leave_recursion(PyThreadState *tstate)
{
    P2C_TS_RECURSION(tstate)++;   /* Py_LeaveRecursiveCall */
}

/* A recursion level for one more level of a chain resumed at once
 * (generator.c's resume_chain), if the budget allows: 0, or -1 with
 * nothing raised (the ordinary step will raise RecursionError there).  No
 * C stack check: the chain's levels take none. */
static inline int
gen_try_enter_recursion(PyThreadState *tstate)
{
    if (P2C_TS_RECURSION(tstate) <= 0)
        return -1;
    P2C_TS_RECURSION(tstate)--;
    return 0;
}

/* gen finished: its exception state dropped first (a cycle through a
 * traceback), then its frame. */
static inline void
gen_release_frame(PyGenObject *gen)
{
    Py_CLEAR(gen->gi_exc_state.exc_value);
    gen->gi_frame_state = FRAME_CLEARED;
    P2C_Frame_ReleaseGenerator((P2C_Frame *)gen->gi_iframe);
}

/* The compiled generator whose frame the frame object fo shows, or NULL. */
static inline PyGenObject *
frame_object_generator(PyObject *fo)
{
    _PyInterpreterFrame *f = ((PyFrameObject *)fo)->f_frame;
    if (f->owner != FRAME_OWNED_BY_GENERATOR)
        return NULL;
    PyGenObject *gen = _PyFrame_GetGenerator(f);
    return P2C_Gen_KindOf((PyObject *)gen) >= 0 ? gen : NULL;
}

/* f, or on 3.12 and 3.13 the first complete frame from f on: cr_origin
 * leaves out the interpreter's entry frames (owned by the C stack: a shim
 * code object on 3.12, None for code on 3.13) and frames not yet started
 * (3.12's compute_cr_origin, _PyFrame_GetFirstComplete). */
static inline _PyInterpreterFrame *
origin_frame(_PyInterpreterFrame *f)
{
#ifdef P2C_ORIGIN_SKIPS_INCOMPLETE
    return _PyFrame_GetFirstComplete(f);
#else
    return f;
#endif
}

/* genobject.c's compute_cr_origin: ((filename, line, name), ...) of the
 * depth innermost frames, from the caller creating the coroutine. */
static inline PyObject *
coro_origin(PyThreadState *tstate, int depth)
{
    _PyInterpreterFrame *frame = origin_frame(P2C_TS_FRAME(tstate));
    int n = 0;
    for (_PyInterpreterFrame *f = frame; f && n < depth; f = origin_frame(f->previous))
        n++;
    PyObject *origin = PyTuple_New(n);
    for (int i = 0; origin && i < n; i++, frame = origin_frame(frame->previous)) {
        PyCodeObject *code = P2C_Frame_Code(frame);
        int line = PyCode_Addr2Line(code, _PyInterpreterFrame_LASTI(frame) *
                                    (int)sizeof(_Py_CODEUNIT));
        PyObject *info = Py_BuildValue("OiO", code->co_filename, line, code->co_name);
        if (info == NULL)
            Py_CLEAR(origin);
        else
            PyTuple_SET_ITEM(origin, i, info);
    }
    return origin;
}

#endif
