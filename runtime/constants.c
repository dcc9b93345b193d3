/* constants.c — a module's constants: one marshalled tuple in the C file,
 * unmarshalled once into a table of strong references. */
#include "internal.h"
#include <marshal.h>

int
P2C_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **table,
                  Py_ssize_t n)
{
    if (table[0] != NULL || n == 0)
        return 0;
    PyObject *t = PyMarshal_ReadObjectFromString((const char *)blob, size);
    if (t == NULL)
        return -1;
    if (!PyTuple_CheckExact(t) || PyTuple_GET_SIZE(t) != n) {
        PyErr_Format(PyExc_SystemError,
                     "pyc2c: corrupt constants blob (expected a tuple of %zd)", n);
        Py_DECREF(t);
        return -1;
    }
    /* Kept for the life of the process: compiled code refers to them from
     * static tables (docs/runtime.md, "constants"). */
    for (Py_ssize_t i = 0; i < n; i++)
        table[i] = Py_NewRef(PyTuple_GET_ITEM(t, i));
    Py_DECREF(t);
    return 0;
}
