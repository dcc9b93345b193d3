/* raise.c — the raise statement (RAISE_VARARGS), with the checks and
 * messages of CPython's do_raise (3.11's, and 3.13's check of a class
 * cause's result). */
#include "internal.h"

/* Bare `raise`: re-raises the exception being handled (-1 either way). */
static int
reraise(void)
{
    P2C_Exc_RaiseBare();
    return -1;
}

/* The instance made by calling the exception class cls with no arguments:
 * new reference, or NULL with an error (TypeError when the call answers
 * something that is not an exception instance). */
static PyObject *
call_exception_class(PyObject *cls)
{
    PyObject *value = PyObject_CallNoArgs(cls);
    if (value != NULL && !PyExceptionInstance_Check(value)) {
        PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance "
                     "of BaseException, not %R", cls, Py_TYPE(value));
        Py_CLEAR(value);
    }
    return value;
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
    return call_exception_class(exc);
}

/* The cause made by calling the class cause.  3.13 checks the result as
 * it checks the exception's (gh-112217); before, whatever the call
 * answered (None, an int) became __cause__ unchecked. */
static PyObject *
instantiate_cause(PyObject *cause)
{
#ifdef P2C_CAUSE_RESULT_CHECKED
    return call_exception_class(cause);
#else
    return PyObject_CallNoArgs(cause);
#endif
}

/* Sets value.__cause__ from cause (class, instance or None).  0 or -1. */
static int
set_cause(PyObject *value, PyObject *cause)
{
    PyObject *fixed;
    if (PyExceptionClass_Check(cause)) {
        fixed = instantiate_cause(cause);
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
