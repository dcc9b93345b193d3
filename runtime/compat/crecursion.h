/* crecursion.h — Py_EnterRecursiveCall / Py_LeaveRecursiveCall with their
 * common case inline, for calls the runtime makes into C functions
 * (calls.c's method descriptors: 3.11's PRECALL_NO_KW_METHOD_DESCRIPTOR_*
 * account them as the descriptor's own call would).
 *
 * Py_EnterRecursiveCall is an exported function: a call, then the thread
 * state read again, about 15 instructions around each `s.strip()` or
 * `d.get(k)`.  Here the budget is read through P2C_ThreadState() and only
 * the exhausted case calls _Py_CheckRecursiveCall, which raises
 * RecursionError with the caller's message and restores the budget,
 * exactly as _Py_EnterRecursiveCallTstate (pycore_ceval.h) does:
 *   3.11: the shared budget recursion_remaining, fails when it was <= 0;
 *   3.12: the C budget c_recursion_remaining, fails when it was <= 0;
 *   3.13: c_recursion_remaining, fails when it was < 0.
 * 3.10 counts recursion_depth up against the interpreter's limit through
 * its own function, which stays.
 */
#ifndef PYC2C_COMPAT_CRECURSION_H
#define PYC2C_COMPAT_CRECURSION_H

#if P2C_PY_MINOR >= 11
/* Exported by libpython (pycore_ceval.h, an internal header not included
 * here); the same declaration. */
PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);

#  if P2C_PY_MINOR == 11
#    define P2C_TS_C_RECURSION(ts) ((ts)->recursion_remaining)
#    define P2C_C_RECURSION_EXHAUSTED(old) ((old) <= 0)
#  elif P2C_PY_MINOR == 12
#    define P2C_TS_C_RECURSION(ts) ((ts)->c_recursion_remaining)
#    define P2C_C_RECURSION_EXHAUSTED(old) ((old) <= 0)
#  else
#    define P2C_TS_C_RECURSION(ts) ((ts)->c_recursion_remaining)
#    define P2C_C_RECURSION_EXHAUSTED(old) ((old) < 0)
#  endif

/* 0, or -1 with RecursionError "maximum recursion depth exceeded<where>". */
static inline int P2C_EnterRecursiveC(const char *where)
{
    PyThreadState *ts = P2C_ThreadState();
    if (P2C_LIKELY(!P2C_C_RECURSION_EXHAUSTED(P2C_TS_C_RECURSION(ts)--)))
        return 0;
    return _Py_CheckRecursiveCall(ts, where);
}

static inline void P2C_LeaveRecursiveC(void)
{
    P2C_TS_C_RECURSION(P2C_ThreadState())++;
}
#else
#  define P2C_EnterRecursiveC(where) Py_EnterRecursiveCall(where)
#  define P2C_LeaveRecursiveC() Py_LeaveRecursiveCall()
#endif

#endif
