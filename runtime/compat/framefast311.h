/* framefast311.h — the inline frame push and pop that generated functions
 * use on CPython 3.11 (runtime.h declares the out-of-line ones these fall
 * back to).  Included through pyc2c/compat_late.h at the end of runtime.h,
 * after the declarations they need.
 *
 * Both fast paths are P2C_ALWAYS_INLINE, as on 3.12 and 3.13: their size
 * estimates (46 and 65) are under gcc's max-inline-insns-single (70), but
 * in a large caller gcc's growth limits still left them out of line
 * (template's render functions called P2C_Frame_PopReturnFast).  Forced
 * inline: template 1268.2 -> 1247.4 M instructions (BENCH_SCALE=0.3),
 * richards 1068.6 -> 1042.5 M, go 949.7 -> 923.1 M, raytrace 1638.7 ->
 * 1613.8 M, hexiom 1100.7 -> 1087.8 M, unpack_sequence unchanged.
 */
#ifndef PYC2C_COMPAT_FRAMEFAST311_H
#define PYC2C_COMPAT_FRAMEFAST311_H

/* P2C_Frame_PushFunction (runtime.h) inlined for the common case: func's
 * code is the stub the generated function was made with (nslots slots, its
 * RESUME at unit `first`), the recursion limit is not reached, no trace
 * or profile hook is set and the C stack is not low (sampled); the out-of-line push handles (and reports)
 * everything else.  The recursion accounting is Py_EnterRecursiveCall's. */
P2C_ALWAYS_INLINE int
P2C_Frame_PushFunctionFast(P2C_Frame *f, PyObject *func, int nslots, int first)
{
    PyThreadState *tstate = P2C_ThreadState();
    PyCodeObject *code = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    if (P2C_UNLIKELY(code->co_nlocalsplus != nslots || code->_co_firsttraceable != first
                     || tstate->recursion_remaining <= 0 || tstate->cframe->use_tracing
                     || P2C_Stack_SampledLow(tstate->recursion_remaining)))
        return P2C_Frame_PushFunction(f, func, nslots);
    tstate->recursion_remaining--;
    p2c_frame_init_specials(f, tstate, Py_NewRef(func), NULL, nslots);
    return 0;
}

/* P2C_Frame_PopReturn (runtime.h) inlined for the common case: no frame
 * object was made for f and no hook is set.  Unlinks first, then releases
 * (a finalizer run by a release must not see f: GH-99729). */
P2C_ALWAYS_INLINE PyObject *
P2C_Frame_PopReturnFast(P2C_Frame *f, PyObject *r, int nslots)
{
    PyThreadState *tstate = P2C_ThreadState();
    if (P2C_UNLIKELY(f->frame_obj != NULL || tstate->cframe->use_tracing))
        return P2C_Frame_PopReturn(f, r);
    tstate->cframe->current_frame = f->previous;
    tstate->recursion_remaining++;
    for (int i = 0; i < nslots; i++)
        Py_CLEAR(f->localsplus[i]);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(f->f_func);
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
