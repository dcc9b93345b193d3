/* raise.c — the raise statement (RAISE_VARARGS), with the checks and
 * messages of CPython 3.11's do_raise. */
#include "internal.h"

/* Bare `raise`: re-raises the exception being handled (-1 either way). */
static int
reraise(void)
{
    P2C_Exc_RaiseBare();
    return -1;
}

/* The exception instance to raise for exc (a class is called with no
 * arguments): new reference, or NULL with the error to raise instead. */
static PyObject *
instantiate(PyObject *exc)
{
    if (PyExceptionInstance_Check(exc))
        return Py_NewRef(exc);
    if (!PyExceptionClass_Check(exc)) {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(exc);
    if (value != NULL && !PyExceptionInstance_Check(value)) {
        PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance "
                     "of BaseException, not %R", exc, Py_TYPE(value));
        Py_CLEAR(value);
    }
    return value;
}

/* Sets value.__cause__ from cause (class, instance or None).  0 or -1. */
static int
set_cause(PyObject *value, PyObject *cause)
{
    PyObject *fixed;
    if (PyExceptionClass_Check(cause)) {
        fixed = PyObject_CallNoArgs(cause);
        if (fixed == NULL)
            return -1;
    }
    else if (PyExceptionInstance_Check(cause)) {
        fixed = Py_NewRef(cause);
    }
    else if (cause == Py_None) {
        fixed = NULL;
    }
    else {
        PyErr_SetString(PyExc_TypeError,
                        "exception causes must derive from BaseException");
        return -1;
    }
    PyException_SetCause(value, fixed);   /* steals fixed; sets __suppress_context__ */
    return 0;
}

int
P2C_Raise(PyObject *exc, PyObject *cause)
{
    if (exc == NULL)
        return reraise();
    PyObject *value = instantiate(exc);
    if (value == NULL)
        return -1;
    if (cause != NULL && set_cause(value, cause) < 0) {
        Py_DECREF(value);
        return -1;
    }
    /* As do_raise: the type raised is the class named, when one was. */
    PyObject *type = PyExceptionClass_Check(exc) ? exc : (PyObject *)Py_TYPE(value);
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    return -1;
}
