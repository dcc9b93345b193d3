/* strings.c — f-strings: FORMAT_VALUE and BUILD_STRING. */
#include "internal.h"

PyObject *
P2C_FormatValue(PyObject *value, int conversion, PyObject *spec)
{
    PyObject *converted;
    switch (conversion) {
    case -1: converted = Py_NewRef(value); break;
    case 's': converted = PyObject_Str(value); break;
    case 'r': converted = PyObject_Repr(value); break;
    case 'a': converted = PyObject_ASCII(value); break;
    default:
        PyErr_Format(PyExc_SystemError, "unexpected conversion flag %d", conversion);
        return NULL;
    }
    if (converted == NULL)
        return NULL;
    /* An exact str without a spec formats to itself. */
    if (spec == NULL && PyUnicode_CheckExact(converted))
        return converted;
    PyObject *res = PyObject_Format(converted, spec);
    Py_DECREF(converted);
    return res;
}

PyObject *
P2C_BuildString(PyObject *const *parts, Py_ssize_t n)
{
    static PyObject *empty;   /* "" kept for the process */
    if (empty == NULL && (empty = PyUnicode_FromStringAndSize(NULL, 0)) == NULL)
        return NULL;
    return P2C_UnicodeJoinArray(empty, (PyObject **)parts, n);
}
