/* displays.c — list, set and dict displays with starred items: LIST_EXTEND,
 * SET_UPDATE and DICT_UPDATE with CPython 3.11's messages. */
#include "internal.h"

int
P2C_ListExtend(PyObject *list, PyObject *iterable)
{
    PyObject *none = P2C_ListExtendRaw(list, iterable);
    if (none != NULL) {
        Py_DECREF(none);
        return 0;
    }
    if (PyErr_ExceptionMatches(PyExc_TypeError) &&
        Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                     Py_TYPE(iterable)->tp_name);
    }
    return -1;
}

int
P2C_SetUpdate(PyObject *set, PyObject *iterable)
{
    return P2C_SetUpdateRaw(set, iterable);
}

int
P2C_DictUpdate(PyObject *dict, PyObject *mapping)
{
    if (PyDict_Update(dict, mapping) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                     Py_TYPE(mapping)->tp_name);
    return -1;
}
