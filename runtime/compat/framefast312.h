/* framefast312.h — the inline frame push and pop that generated functions
 * use on CPython 3.12, framefast311.h's over frame312.h's accessors
 * (runtime.h declares the out-of-line ones these fall
 * back to).  Included through pyc2c/compat_late.h at the end of runtime.h,
 * after the declarations they need.
 *
 * Both fast paths are P2C_ALWAYS_INLINE: left to gcc's size estimate, the
 * pop is over --param max-inline-insns-single on 3.12 (the monitoring
 * event bytes of P2C_TS_TRACING and Py_DECREF's immortality test in each
 * Py_CLEAR) and is called out of line; framefast313.h says more.
 */
#ifndef PYC2C_COMPAT_FRAMEFAST312_H
#define PYC2C_COMPAT_FRAMEFAST312_H

/* P2C_Frame_PushFunction (runtime.h) inlined for the common case: func's
 * code is the stub the generated function was made with (nslots slots, its
 * RESUME at unit `first`), the recursion limit is not reached, no trace
 * or profile hook is set and the C stack is not low (sampled); the out-of-line push handles (and reports)
 * everything else.  The recursion accounting is Py_EnterRecursiveCall's. */
P2C_ALWAYS_INLINE int
P2C_Frame_PushFunctionFast(P2C_Frame *f, PyObject *func, int nslots, int first)
{
    PyThreadState *tstate = P2C_ThreadState();
    P2C_FRAME_SET_TSTATE(f, nslots, tstate);
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    if (P2C_UNLIKELY(code->co_nlocalsplus != nslots || code->_co_firsttraceable != first
                     || P2C_TS_RECURSION(tstate) <= 0 || P2C_TS_TRACING(tstate)
                     || P2C_Stack_SampledLow(P2C_TS_RECURSION(tstate))))
        return P2C_Frame_PushFunction(f, func, nslots);
    P2C_TS_RECURSION(tstate)--;
    p2c_frame_init_specials(f, tstate, Py_NewRef(func), NULL, nslots);
    return 0;
}

/* P2C_Frame_PopReturn (runtime.h) inlined for the common case: no frame
 * object was made for f and no hook is set.  Unlinks first, then releases
 * (a finalizer run by a release must not see f: GH-99729).  The thread
 * state is the one the inline push kept in f's storage, when that push
 * made f (a class body's or module's push does not keep it). */
P2C_ALWAYS_INLINE PyObject *
P2C_Frame_PopReturnFast(P2C_Frame *f, PyObject *r, int nslots)
{
    PyThreadState *tstate = P2C_FRAME_TSTATE(f, nslots);
    if (tstate == NULL)
        tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(f->frame_obj != NULL || P2C_TS_TRACING(tstate)))
        return P2C_Frame_PopReturn(f, r);
    tstate->cframe->current_frame = f->previous;
    P2C_TS_RECURSION(tstate)++;
    for (int i = 0; i < nslots; i++)
        Py_CLEAR(f->localsplus[i]);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(f->f_funcobj);
    Py_CLEAR(f->f_code);
    return r;
}

/* Takes f off the thread's frame stack while code runs that CPython runs
 * with f's generator suspended (a consumer's step on a generator
 * expression's item, collect.h), and puts it back.  Nothing may push or
 * pop a frame in between without popping it again. */
static inline void
P2C_Frame_Unlink(P2C_Frame *f)
{
    P2C_ThreadState()->cframe->current_frame = f->previous;
}

static inline void
P2C_Frame_Relink(P2C_Frame *f)
{
    P2C_ThreadState()->cframe->current_frame = f;
}

#endif
