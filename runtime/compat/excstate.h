/* excstate.h — the handled exception of the running frame's exception stack
 * item (what sys.exception() reports), for runtime/exceptions.c only.
 *
 * 3.11 keeps one object, tstate->exc_info->exc_value (NULL or None when
 * nothing is handled), which the interpreter's PUSH_EXC_INFO / POP_EXCEPT
 * swap directly.  PyErr_GetHandledException() is not that: it walks to the
 * topmost item, which is what a bare `raise` needs but not what a handler
 * must save and restore.
 *
 * P2C_ExcState_Swap(&v): v (owned) becomes the handled exception, and v is
 * then what was handled before, for the handler to put back with
 * P2C_ExcState_Set (which steals it).
 *
 * Between the items of the thread's exception stack (a running generator
 * pushes its own), sys.exc_info() reports the topmost that handles
 * something: 3.11 and 3.12 pass items holding NULL or None, 3.13 only
 * those holding NULL (see P2C_ExcState_Set).
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

/* Makes value (stolen, NULL allowed; None: nothing) the handled exception.
 * A handler puts back None when nothing was handled before it (what
 * P2C_Exc_Catch keeps, as PUSH_EXC_INFO pushes); 3.11 and 3.12 store that
 * None as it is, 3.13 stores NULL (P2C_NOTHING_HANDLED_IS_NULL). */
static inline void P2C_ExcState_Set(PyObject *value)
{
#ifdef P2C_NOTHING_HANDLED_IS_NULL
    if (value == Py_None)
        Py_CLEAR(value);
#endif
    P2C_ExcState_Swap(&value);
    Py_XDECREF(value);
}
#elif defined(P2C_EXC_TRIPLE_310)
/* 3.10 keeps a (type, value, traceback) triple per stack item, and a
 * handler restores the one it found exactly (POP_EXCEPT pops the three
 * objects SETUP_FINALLY saved): the traceback is not what the value's
 * __traceback__ says by then (a handler may have assigned it), and a bare
 * `raise` re-raises with it.  So what a handler keeps of the previous state
 * is the tuple (type, value, traceback) when something was handled, else
 * NULL; what it puts in place is an exception just caught (its traceback:
 * the one it has now, P2C_Exc_Catch having set it) or such a tuple. */
static inline void P2C_ExcState_Set(PyObject *v)
{
    _PyErr_StackItem *item = PyThreadState_GET()->exc_info;
    PyObject *old_type = item->exc_type, *old = item->exc_value, *old_tb = item->exc_traceback;
    if (v != NULL && PyTuple_CheckExact(v)) {   /* a state saved by the swap */
        item->exc_type = Py_NewRef(PyTuple_GET_ITEM(v, 0));
        item->exc_value = Py_NewRef(PyTuple_GET_ITEM(v, 1));
        PyObject *tb = PyTuple_GET_ITEM(v, 2);
        item->exc_traceback = tb == Py_None ? NULL : Py_NewRef(tb);
        Py_DECREF(v);
    } else if (v != NULL && v != Py_None) {
        item->exc_type = Py_NewRef((PyObject *)Py_TYPE(v));
        item->exc_value = v;
        item->exc_traceback = PyException_GetTraceback(v);
    } else {
        Py_XDECREF(v);
        item->exc_type = item->exc_value = item->exc_traceback = NULL;
    }
    Py_XDECREF(old_type);
    Py_XDECREF(old);
    Py_XDECREF(old_tb);
}

/* Called with no exception pending (a handler being entered). */
static inline void P2C_ExcState_Swap(PyObject **value)
{
    _PyErr_StackItem *item = PyThreadState_GET()->exc_info;
    PyObject *old = item->exc_value, *saved = NULL;
    if (old != NULL && old != Py_None) {
        PyObject *type = item->exc_type ? item->exc_type : (PyObject *)Py_TYPE(old);
        PyObject *tb = item->exc_traceback ? item->exc_traceback : Py_None;
        saved = PyTuple_Pack(3, type, old, tb);
        if (saved == NULL) {   /* no memory: the value alone, as 3.11 keeps it */
            PyErr_Clear();
            saved = Py_NewRef(old);
        }
    }
    P2C_ExcState_Set(*value);
    *value = saved;
}
#else
#  error "excstate.h: no exception-state layout for this Python"
#endif

#endif
