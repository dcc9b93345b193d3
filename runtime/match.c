/* match.c — the instructions of structural pattern matching (PEP 634) as
 * CPython 3.11's ceval.c runs them: MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN,
 * MATCH_KEYS, the **rest copy compile.c emits, MATCH_CLASS.  The lowering
 * (src/lower/match.c, docs/reformulations.md "match") calls them through
 * HELPER nodes.  Each returns a new reference, or NULL with an exception;
 * "no match" is None, never an exception.
 */
#include "internal.h"

/* MATCH_SEQUENCE: the type's Py_TPFLAGS_SEQUENCE (set by list, tuple,
 * range, memoryview, array, deque, collections.abc.Sequence registration
 * and subclassing; not by str, bytes, bytearray). */
PyObject *
P2C_MatchSequence(PyObject *subject)
{
    return Py_NewRef(PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_SEQUENCE)
                     ? Py_True : Py_False);
}

/* MATCH_MAPPING: the type's Py_TPFLAGS_MAPPING. */
PyObject *
P2C_MatchMapping(PyObject *subject)
{
    return Py_NewRef(PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_MAPPING)
                     ? Py_True : Py_False);
}

/* GET_LEN: len(subject) as an int. */
PyObject *
P2C_MatchLen(PyObject *subject)
{
    Py_ssize_t n = PyObject_Length(subject);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

/* The values of keys (a tuple) in map, looked up with map.get(key, dummy)
 * so that a missing key neither raises nor runs __missing__; None when a
 * key is missing; ValueError "mapping pattern checks duplicate key (K)"
 * when a key repeats (value patterns can make keys equal at run time). */
PyObject *
P2C_MatchKeys(PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (nkeys == 0)
        return PyTuple_New(0);
    PyObject *get = PyObject_GetAttrString(map, "get");
    if (get == NULL)
        return NULL;
    PyObject *seen = PySet_New(NULL);
    PyObject *dummy = seen ? PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type) : NULL;
    PyObject *values = dummy ? PyTuple_New(nkeys) : NULL;
    if (values == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *args[] = {key, dummy};
        PyObject *value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) {   /* missing: no match */
            Py_DECREF(value);
            Py_SETREF(values, Py_NewRef(Py_None));
            break;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_DECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return NULL;
}

/* `**rest`: dict(map) by DICT_UPDATE (TypeError "'X' object is not a
 * mapping" for an AttributeError), then the matched keys deleted, last
 * first, as compile.c's DELETE_SUBSCR loop does. */
PyObject *
P2C_MatchRest(PyObject *map, PyObject *keys)
{
    PyObject *rest = PyDict_New();
    if (rest == NULL)
        return NULL;
    if (PyDict_Update(rest, map) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                         Py_TYPE(map)->tp_name);
        }
        Py_DECREF(rest);
        return NULL;
    }
    for (Py_ssize_t i = PyTuple_GET_SIZE(keys) - 1; i >= 0; i--) {
        if (PyObject_DelItem(rest, PyTuple_GET_ITEM(keys, i)) < 0) {
            Py_DECREF(rest);
            return NULL;
        }
    }
    return rest;
}

/* One attribute of a class pattern; NULL without an exception when the
 * subject lacks it (no match).  seen catches a name given twice. */
static PyObject *
class_attr(PyObject *subject, PyObject *type, PyObject *name, PyObject *seen)
{
    if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(subject, name);
    if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();
    return attr;
}

/* The positional sub-patterns' attributes appended to attrs: names from
 * type.__match_args__ (a tuple of str), or the subject itself for the
 * builtins matching themselves (_Py_TPFLAGS_MATCH_SELF, only when the type
 * has no __match_args__).  0, or -1 (an exception set, or none: no match). */
static int
positional_attrs(PyObject *subject, PyObject *type, Py_ssize_t nargs, PyObject *seen,
                 PyObject *attrs)
{
    int match_self = 0;
    PyObject *match_args = PyObject_GetAttrString(type, "__match_args__");
    if (match_args) {
        if (!PyTuple_CheckExact(match_args)) {
            PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                         ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
            Py_DECREF(match_args);
            return -1;
        }
    } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        match_args = PyTuple_New(0);
        if (match_args == NULL)
            return -1;
        match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
    } else {
        return -1;
    }
    Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
    int rc = 0;
    if (allowed < nargs) {
        PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                     ((PyTypeObject *)type)->tp_name, (int)allowed,
                     allowed == 1 ? "" : "s", (int)nargs);
        rc = -1;
    } else if (match_self) {
        rc = PyList_Append(attrs, subject);
    } else {
        for (Py_ssize_t i = 0; i < nargs && rc == 0; i++) {
            PyObject *name = PyTuple_GET_ITEM(match_args, i);
            if (!PyUnicode_CheckExact(name)) {
                PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings "
                             "(got %s)", Py_TYPE(name)->tp_name);
                rc = -1;
                break;
            }
            PyObject *attr = class_attr(subject, type, name, seen);
            rc = attr ? PyList_Append(attrs, attr) : -1;
            Py_XDECREF(attr);
        }
    }
    Py_DECREF(match_args);
    return rc;
}

/* MATCH_CLASS nargs with keyword names kwnames (a tuple of str): the tuple
 * of the nargs positional then the keyword attributes when subject is an
 * instance of type and has them all, else None. */
PyObject *
P2C_MatchClass(PyObject *subject, PyObject *type, PyObject *nargs_obj, PyObject *kwnames)
{
    if (!PyType_Check(type)) {
        /* 3.12 says "class" (ceval.c's match_class) */
        PyErr_SetString(PyExc_TypeError, P2C_PY_MINOR >= 12 ? "called match pattern must be a class"
                                                            : "called match pattern must be a type");
        return NULL;
    }
    Py_ssize_t nargs = PyLong_AsSsize_t(nargs_obj);
    int is = PyObject_IsInstance(subject, type);
    if (is <= 0)
        return is < 0 ? NULL : Py_NewRef(Py_None);
    PyObject *seen = PySet_New(NULL);
    PyObject *attrs = seen ? PyList_New(0) : NULL;
    if (attrs == NULL)
        goto fail;
    if (nargs && positional_attrs(subject, type, nargs, seen, attrs) < 0)
        goto fail;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
        PyObject *attr = class_attr(subject, type, PyTuple_GET_ITEM(kwnames, i), seen);
        if (attr == NULL)
            goto fail;
        int rc = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (rc < 0)
            goto fail;
    }
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    Py_DECREF(seen);
    return attrs;
fail:
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

PyObject *
P2C_TupleItem(PyObject *t, PyObject *i)
{
    return Py_NewRef(PyTuple_GET_ITEM(t, PyLong_AsSsize_t(i)));
}
