/* tstate312.h — the running thread's state on CPython 3.12 and 3.13 without
 * a call:
 * P2C_ThreadState (the section "the thread state" of pyc2c/runtime.h gives
 * the other versions').  Included through pyc2c/compat.h when
 * P2C_TSTATE_TLS_312.
 *
 * 3.12 and 3.13 keep the running thread state in a thread-local of
 * libpython, _Py_tss_tstate, which libpython does not export (`readelf -s
 * libpython3.13.so`: a LOCAL TLS symbol; `nm -D` does not list it), so an
 * extension module can only call PyThreadState_Get() — which itself calls
 * __tls_get_addr, libpython being built with the general-dynamic TLS
 * model: about 20 instructions at every frame push and pop, loop back edge
 * and call return (14 % of richards' instructions on 3.13.0; on 3.12.1,
 * PyThreadState_Get and its __tls_get_addr were 1.7 % of bench/programs'
 * exceptions).
 *
 * A library loaded with the program (a DT_NEEDED of the executable, or
 * linked into it) has its thread-locals in every thread's static TLS
 * area, at one offset from the thread pointer that is the same in every
 * thread: the layout the ELF TLS ABI gives such modules and initial-exec
 * code relies on.  compat/tstate312.c finds the offset of the word holding
 * the running thread state once (P2C_FindThreadStateSlot, at module init),
 * and proves that it is static: a new thread finds its own copy of
 * libpython's thread-locals at the same offset from its thread pointer.
 * P2C_ThreadState then reads that word.  Where it cannot prove it (an
 * application that dlopen()s libpython: its thread-locals are then made per
 * thread on demand, anywhere; no such word, or two) the offset stays 0 and
 * PyThreadState_Get() is called, as before.
 */
#ifndef PYC2C_COMPAT_TSTATE312_H
#define PYC2C_COMPAT_TSTATE312_H

#include <stdint.h>

/* The running thread state's word, as an offset from the thread pointer;
 * 0 until found (and for good where it cannot be: never a valid offset,
 * the thread pointer's own word being the thread control block). */
P2C_API extern intptr_t P2C_ThreadStateOffset;

/* Finds P2C_ThreadStateOffset, once; called with the GIL held (module
 * init: P2C_PublishEvalBreaker, compat/ceval313.c). */
P2C_API void P2C_FindThreadStateSlot(void);

/* The running thread's state (the caller holds the GIL: never NULL). */
static inline PyThreadState *P2C_ThreadState(void)
{
    intptr_t off = P2C_ThreadStateOffset;
    if (P2C_LIKELY(off != 0))
        return *(PyThreadState *const *)((char *)__builtin_thread_pointer() + off);
    return PyThreadState_Get();
}

#endif
