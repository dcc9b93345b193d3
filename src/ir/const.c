/* const.c — the module's constant table.
 *
 * Every Python object the IR refers to (literals, names, keyword-name tuples,
 * import fromlists) is one entry of IrModule.consts, which holds a strong
 * reference; IrModule.const_index maps a deduplication key to the index.
 *
 * The key must keep apart what == confuses but a program can tell apart, as
 * CPython's code-object constants do: 1, 1.0, 1+0j and True are equal but of
 * different types; 0.0 and -0.0 are equal but print differently; (1,) and
 * (1.0,) hold different items.  So a key is a tuple starting with the exact
 * type, then the value (or the keys of the items, for tuples and frozensets),
 * then a tag for negative zeros.  Objects of any other type are keyed by
 * identity.
 */
#include "pyc2c/compiler/ir.h"
#include <math.h>

static PyObject *const_key(PyObject *obj);

/* (type, keys...) for a tuple or frozenset: built from the items' keys, so
 * nested containers are compared with the same rules. */
static PyObject *container_key(PyObject *obj)
{
    PyObject *items = PySequence_Tuple(obj);   /* frozenset: any order will do */
    if (!items)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *keys = PyTuple_New(n);
    for (Py_ssize_t i = 0; keys && i < n; i++) {
        PyObject *k = const_key(PyTuple_GET_ITEM(items, i));
        if (!k)
            Py_CLEAR(keys);
        else
            PyTuple_SET_ITEM(keys, i, k);
    }
    Py_DECREF(items);
    if (!keys)
        return NULL;
    PyObject *inner = keys;
    if (PyFrozenSet_CheckExact(obj)) {
        inner = PyFrozenSet_New(keys);    /* order-free comparison */
        Py_DECREF(keys);
        if (!inner)
            return NULL;
    }
    PyObject *key = PyTuple_Pack(2, (PyObject *)Py_TYPE(obj), inner);
    Py_DECREF(inner);
    return key;
}

static int is_negative_zero(double d)
{
    return d == 0.0 && copysign(1.0, d) < 0.0;
}

/* The sign tag of a float or complex: which of its parts are -0.0. */
static long zero_signs(PyObject *obj)
{
    if (PyFloat_CheckExact(obj))
        return is_negative_zero(PyFloat_AS_DOUBLE(obj));
    Py_complex z = PyComplex_AsCComplex(obj);
    return is_negative_zero(z.real) | (is_negative_zero(z.imag) << 1);
}

/* new: the deduplication key of obj (see the file comment). */
static PyObject *const_key(PyObject *obj)
{
    PyObject *type = (PyObject *)Py_TYPE(obj);
    if (PyTuple_CheckExact(obj) || PyFrozenSet_CheckExact(obj))
        return container_key(obj);
    if (PyFloat_CheckExact(obj) || PyComplex_CheckExact(obj)) {
        PyObject *tag = PyLong_FromLong(zero_signs(obj));
        PyObject *key = tag ? PyTuple_Pack(3, type, obj, tag) : NULL;
        Py_XDECREF(tag);
        return key;
    }
    if (obj == Py_None || obj == Py_Ellipsis || PyLong_CheckExact(obj) ||
        PyBool_Check(obj) || PyUnicode_CheckExact(obj) || PyBytes_CheckExact(obj))
        return PyTuple_Pack(2, type, obj);
    /* Anything else (code objects, subclasses): one entry per object. */
    PyObject *id = PyLong_FromVoidPtr(obj);
    PyObject *key = id ? PyTuple_Pack(2, type, id) : NULL;
    Py_XDECREF(id);
    return key;
}

/* Appends obj under key; returns its index or -1. */
static int const_append(IrModule *m, PyObject *key, PyObject *obj)
{
    Py_ssize_t idx = PyList_GET_SIZE(m->consts);
    if (idx >= INT_MAX)
        return PyErr_SetString(PyExc_OverflowError, "too many constants"), -1;
    PyObject *pyidx = PyLong_FromSsize_t(idx);
    if (!pyidx)
        return -1;
    int rc = PyDict_SetItem(m->const_index, key, pyidx);
    Py_DECREF(pyidx);
    if (rc < 0 || PyList_Append(m->consts, obj) < 0)
        return -1;
    return (int)idx;
}

static int mark_stand_in(IrModule *m, int idx)
{
    PyObject *pyidx = PyLong_FromLong(idx);
    int rc = pyidx ? PySet_Add(m->const_stand_ins, pyidx) : -1;
    Py_XDECREF(pyidx);
    return rc;
}

/* Puts obj in place of the stand-in at idx (ir_const_stand_in): the index
 * stays, so what already refers to it gets obj.  0, or -1 with an error. */
static int replace_stand_in(IrModule *m, int idx, PyObject *obj)
{
    if (PySet_GET_SIZE(m->const_stand_ins) == 0)
        return 0;                          /* the common case: no lookup */
    PyObject *pyidx = PyLong_FromLong(idx);
    int found = pyidx ? PySet_Discard(m->const_stand_ins, pyidx) : -1;
    Py_XDECREF(pyidx);
    if (found <= 0)
        return found;
    Py_INCREF(obj);
    return PyList_SetItem(m->consts, idx, obj);
}

/* The index of obj in the table, appended if new; an equal stand-in is
 * replaced by obj unless stand_in (another stand-in) says otherwise. */
static int const_add(IrModule *m, PyObject *obj, bool stand_in)
{
    Py_INCREF(obj);
    if (PyUnicode_CheckExact(obj))
        PyUnicode_InternInPlace(&obj);    /* may swap obj for the interned one */
    int idx = -1;
    PyObject *key = const_key(obj);
    if (key) {
        PyObject *found = PyDict_GetItemWithError(m->const_index, key);
        if (found) {
            idx = (int)PyLong_AsLong(found);
            if (!stand_in && replace_stand_in(m, idx, obj) < 0)
                idx = -1;
        } else if (!PyErr_Occurred()) {
            idx = const_append(m, key, obj);
            if (idx >= 0 && stand_in && mark_stand_in(m, idx) < 0)
                idx = -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(obj);
    return idx;
}

int ir_const(IrModule *m, PyObject *obj)
{
    return const_add(m, obj, false);
}

int ir_const_stand_in(IrModule *m, PyObject *obj)
{
    return const_add(m, obj, true);
}

int ir_const_str(IrModule *m, const char *utf8)
{
    PyObject *s = PyUnicode_FromString(utf8);
    if (!s)
        return -1;
    int idx = ir_const(m, s);
    Py_DECREF(s);
    return idx;
}

PyObject *ir_const_get(const IrModule *m, int cidx)
{
    if (cidx < 0 || cidx >= PyList_GET_SIZE(m->consts))
        return NULL;
    return PyList_GET_ITEM(m->consts, cidx);
}
