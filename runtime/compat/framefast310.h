/* framefast310.h — the frame push and pop generated functions use, on
 * CPython 3.10: the out-of-line ones (frame310.c), since a 3.10 call
 * allocates a frame object either way.  Included through
 * pyc2c/compat_late.h at the end of runtime.h. */
#ifndef PYC2C_COMPAT_FRAMEFAST310_H
#define PYC2C_COMPAT_FRAMEFAST310_H

static inline int
P2C_Frame_PushFunctionFast(P2C_Frame *f, PyObject *func, int nslots, int first)
{
    (void)first;
    return P2C_Frame_PushFunction(f, func, nslots);
}

static inline PyObject *
P2C_Frame_PopReturnFast(P2C_Frame *f, PyObject *r, int nslots)
{
    (void)nslots;
    return P2C_Frame_PopReturn(f, r);
}

/* 3.10 counts recursion upwards against the interpreter's limit, which the
 * compat layer does not read inline: calls are never inlined here. */
static inline int
P2C_Frame_PushWouldBeFast(void)
{
    return 0;
}

/* Takes f off the thread's frame stack while code runs that CPython runs
 * with f's generator suspended (collect.h), and puts it back. */
static inline void
P2C_Frame_Unlink(P2C_Frame *f)
{
    P2C_ThreadState()->frame = f->fo->f_back;
}

static inline void
P2C_Frame_Relink(P2C_Frame *f)
{
    P2C_ThreadState()->frame = f->fo;
}

#endif
