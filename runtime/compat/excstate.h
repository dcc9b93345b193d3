/* excstate.h — the handled exception of the running frame's exception stack
 * item (what sys.exception() reports), for runtime/exceptions.c only.
 *
 * 3.11 keeps one object, tstate->exc_info->exc_value (NULL or None when
 * nothing is handled), which the interpreter's PUSH_EXC_INFO / POP_EXCEPT
 * swap directly.  PyErr_GetHandledException() is not that: it walks to the
 * topmost item, which is what a bare `raise` needs but not what a handler
 * must save and restore.  3.10 keeps a (type, value, traceback) triple and
 * will need its own block here.
 */
#ifndef PYC2C_COMPAT_EXCSTATE_H
#define PYC2C_COMPAT_EXCSTATE_H

#include "compat/version.h"

#if P2C_PY_MINOR >= 11
/* Swaps the current stack item's exc_value with *value (both owned, NULL
 * allowed): the previous value ends up in *value. */
static inline void P2C_ExcState_Swap(PyObject **value)
{
    PyThreadState *tstate = PyThreadState_GET();
    PyObject *old = tstate->exc_info->exc_value;
    tstate->exc_info->exc_value = *value;
    *value = old;
}
#else
#  error "excstate.h: no exception-state layout for this Python"
#endif

#endif
