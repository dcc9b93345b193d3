/* slices.c — obj[a:b:c] of exact lists and tuples without a slice object
 * (include/pyc2c/ops.h: P2C_GetSlice, P2C_SetSlice).
 *
 * CPython 3.11 builds a slice object (BUILD_SLICE), then the container
 * unpacks it again (PySlice_Unpack, PySlice_AdjustIndices); 3.12's
 * BINARY_SLICE skips the object for two bounds.  Here, when every bound is
 * None or an exact int of a Py_ssize_t, the indices are adjusted as the
 * list and tuple types adjust them and the items copied directly, with the
 * results list_subscript, tuple_subscript and list_ass_slice give.  Every
 * other case builds the slice and takes the generic path, which raises
 * CPython's errors.
 */
#include "internal.h"

/* An exact int bound within a Py_ssize_t (a bool, an __index__ object or
 * an int beyond, which _PyEval_SliceIndex would clamp, take the generic
 * path). */
static inline int
plain_index(PyObject *v, Py_ssize_t *out)
{
    if (!PyLong_CheckExact(v))
        return 0;
    long small;
    if (P2C_LIKELY(P2C_Long_AsSmall(v, &small))) {   /* |v| < 2**60: no call */
        *out = (Py_ssize_t)small;
        return 1;
    }
    *out = PyLong_AsSsize_t(v);
    if (*out == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return 1;
}

/* A bound of a slice of a sequence of len items, clipped into it as
 * PySlice_AdjustIndices clips it: a negative one counts from the end;
 * what is still outside goes to the nearer end (for a negative step, one
 * before the first item or the last item). */
static inline Py_ssize_t
clip_bound(Py_ssize_t i, Py_ssize_t len, Py_ssize_t step)
{
    if (i < 0) {
        i += len;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

/* PySlice_AdjustIndices inline (it is a call into libpython, for a few
 * comparisons): the bounds clipped, and the number of items the slice
 * takes. */
static inline Py_ssize_t
adjust_indices(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)
{
    Py_ssize_t a = clip_bound(*start, len, step), b = clip_bound(*stop, len, step);
    *start = a;
    *stop = b;
    if (step > 0)
        return a < b ? (b - a - 1) / step + 1 : 0;
    return b < a ? (a - b - 1) / (-step) + 1 : 0;
}

/* What PySlice_Unpack and PySlice_AdjustIndices make of (start, stop,
 * step) for a sequence of len items: 1 with *lo, *st and the slice's
 * length *n, or 0 when a bound is not plain or the step is 0 (the generic
 * path raises). */
static inline int
plain_slice(PyObject *start, PyObject *stop, PyObject *step, Py_ssize_t len,
            Py_ssize_t *lo, Py_ssize_t *hi, Py_ssize_t *st, Py_ssize_t *n)
{
    Py_ssize_t a, b, s = 1;
    if (step != Py_None && (!plain_index(step, &s) || s == 0))
        return 0;
    if (start == Py_None)
        a = s < 0 ? PY_SSIZE_T_MAX : 0;
    else if (!plain_index(start, &a))
        return 0;
    if (stop == Py_None)
        b = s < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    else if (!plain_index(stop, &b))
        return 0;
    if (s < -PY_SSIZE_T_MAX)
        s = -PY_SSIZE_T_MAX;   /* as PySlice_Unpack: -s must not overflow */
    *n = adjust_indices(len, &a, &b, s);
    *lo = a;
    *hi = b;
    *st = s;
    return 1;
}

/* items[lo], items[lo + st], ... (n of them) in a new list or tuple. */
static PyObject *
strided_copy(PyObject *const *items, Py_ssize_t lo, Py_ssize_t st, Py_ssize_t n, int tuple)
{
    PyObject *r = tuple ? PyTuple_New(n) : PyList_New(n);
    if (r == NULL)
        return NULL;
    PyObject **out = tuple ? ((PyTupleObject *)r)->ob_item : ((PyListObject *)r)->ob_item;
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = Py_NewRef(items[lo + i * st]);
    return r;
}

PyObject *
P2C_GetSlice(PyObject *container, PyObject *start, PyObject *stop, PyObject *step)
{
    Py_ssize_t lo, hi, st, n;
    if (PyList_CheckExact(container) &&
        plain_slice(start, stop, step, PyList_GET_SIZE(container), &lo, &hi, &st, &n))
        return st == 1 ? PyList_GetSlice(container, lo, lo + (n > 0 ? n : 0))
                       : strided_copy(((PyListObject *)container)->ob_item, lo, st, n, 0);
    if (PyTuple_CheckExact(container) &&
        plain_slice(start, stop, step, PyTuple_GET_SIZE(container), &lo, &hi, &st, &n))
        return st == 1 ? PyTuple_GetSlice(container, lo, lo + (n > 0 ? n : 0))
                       : strided_copy(((PyTupleObject *)container)->ob_item, lo, st, n, 1);
    PyObject *slice = PySlice_New(start, stop, step);
    if (slice == NULL)
        return NULL;
    PyObject *r = PyObject_GetItem(container, slice);
    Py_DECREF(slice);
    return r;
}

int
P2C_SetSlice(PyObject *container, PyObject *start, PyObject *stop, PyObject *step,
             PyObject *value)
{
    Py_ssize_t lo, hi, st, n;
#ifdef P2C_SLICE_VALUE_FIRST
    /* 3.13's list_ass_subscript makes the value a sequence before it
     * adjusts the bounds (to the length that iterating it left) and hands
     * it to list_ass_slice, for a step of 1 too */
    if (PyList_CheckExact(container) && value != NULL &&
        plain_slice(start, stop, step, PyList_GET_SIZE(container), &lo, &hi, &st, &n) &&
        st == 1) {
        PyObject *seq = PySequence_Fast(value, "must assign iterable to extended slice");
        if (seq == NULL)
            return -1;
        plain_slice(start, stop, step, PyList_GET_SIZE(container), &lo, &hi, &st, &n);
        int r = PyList_SetSlice(container, lo, hi, seq);   /* list_ass_slice */
        Py_DECREF(seq);
        return r;
    }
#else
    if (PyList_CheckExact(container) &&
        plain_slice(start, stop, step, PyList_GET_SIZE(container), &lo, &hi, &st, &n) &&
        st == 1)
        return PyList_SetSlice(container, lo, hi, value);   /* list_ass_slice */
#endif
    PyObject *slice = PySlice_New(start, stop, step);
    if (slice == NULL)
        return -1;
    int r = PyObject_SetItem(container, slice, value);
    Py_DECREF(slice);
    return r;
}
