/* excstate.h — the handled exception of the running frame's exception stack
 * item (what sys.exception() reports), for runtime/exceptions.c only.
 *
 * 3.11 keeps one object, tstate->exc_info->exc_value (NULL or None when
 * nothing is handled), which the interpreter's PUSH_EXC_INFO / POP_EXCEPT
 * swap directly.  PyErr_GetHandledException() is not that: it walks to the
 * topmost item, which is what a bare `raise` needs but not what a handler
 * must save and restore.
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
#elif defined(P2C_EXC_TRIPLE_310)
/* 3.10 keeps a (type, value, traceback) triple per stack item; the handled
 * exception is its value, and the type and traceback follow from it (the
 * traceback the value has when it is caught, PyException_SetTraceback'd by
 * P2C_Exc_Catch).  None or NULL: nothing handled (all three NULL). */
static inline void P2C_ExcState_Swap(PyObject **value)
{
    _PyErr_StackItem *item = PyThreadState_GET()->exc_info;
    PyObject *old = item->exc_value, *old_type = item->exc_type, *old_tb = item->exc_traceback;
    PyObject *v = *value;
    if (v != NULL && v != Py_None) {
        item->exc_type = Py_NewRef((PyObject *)Py_TYPE(v));
        item->exc_value = v;
        item->exc_traceback = PyException_GetTraceback(v);
    } else {
        Py_XDECREF(v);
        item->exc_type = item->exc_value = item->exc_traceback = NULL;
    }
    Py_XDECREF(old_type);
    Py_XDECREF(old_tb);
    *value = old;
}
#else
#  error "excstate.h: no exception-state layout for this Python"
#endif

#endif
