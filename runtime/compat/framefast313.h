/* framefast313.h — the inline frame push and pop that generated functions
 * use on CPython 3.13, framefast311.h's over frame313.h's accessors
 * (runtime.h declares the out-of-line ones these fall
 * back to).  Included through pyc2c/compat_late.h at the end of runtime.h,
 * after the declarations they need.
 *
 * Both fast paths are P2C_ALWAYS_INLINE, where 3.11's are plain `static
 * inline`: gcc -O2 inlines a function declared inline only while its size
 * estimate stays under --param max-inline-insns-single (70), and on 3.13
 * the push measures 83 and the pop 102 (3.11: 46 and 65), for three
 * reasons: P2C_ThreadState's thread-pointer read with its call fallback
 * (tstate312.h), P2C_TS_TRACING's six sys.monitoring event bytes
 * (p2c_monitored), and the immortality test 3.12+ Py_DECREF makes in
 * each Py_CLEAR of the pop.  gcc then called both out of line at every
 * compiled call (richards: 14 % and 11 % of its instructions in them).
 * The slow paths they fall back to stay out of line.
 */
#ifndef PYC2C_COMPAT_FRAMEFAST313_H
#define PYC2C_COMPAT_FRAMEFAST313_H

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
                     || P2C_TS_RECURSION(tstate) <= 0 || P2C_TS_TRACING(tstate)
                     || P2C_Stack_SampledLow(P2C_TS_RECURSION(tstate))))
        return P2C_Frame_PushFunction(f, func, nslots);
    P2C_TS_RECURSION(tstate)--;
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
    if (P2C_UNLIKELY(f->frame_obj != NULL || P2C_TS_TRACING(tstate)))
        return P2C_Frame_PopReturn(f, r);
    tstate->current_frame = f->previous;
    P2C_TS_RECURSION(tstate)++;
    for (int i = 0; i < nslots; i++)
        Py_CLEAR(f->localsplus[i]);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(f->f_funcobj);
    Py_CLEAR(f->f_executable);
    return r;
}

/* Takes f off the thread's frame stack while code runs that CPython runs
 * with f's generator suspended (a consumer's step on a generator
 * expression's item, collect.h), and puts it back.  Nothing may push or
 * pop a frame in between without popping it again. */
static inline void
P2C_Frame_Unlink(P2C_Frame *f)
{
    P2C_ThreadState()->current_frame = f->previous;
}

static inline void
P2C_Frame_Relink(P2C_Frame *f)
{
    P2C_ThreadState()->current_frame = f;
}

#endif
