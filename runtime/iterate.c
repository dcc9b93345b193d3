/* iterate.c — FOR_ITER and the checked unpacking of UNPACK_SEQUENCE /
 * UNPACK_EX, with the messages of CPython 3.11's unpack_iterable. */
#include "internal.h"

int
P2C_IterNext(PyObject *iter, PyObject **out)
{
    PyObject *v = Py_TYPE(iter)->tp_iternext(iter);
    if (P2C_LIKELY(v != NULL)) {
        *out = v;
        return 1;
    }
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return -1;
        P2C_Trace_StopIteration();   /* settrace sees it (FOR_ITER) */
        PyErr_Clear();
    }
    return 0;
}

/* rangeobject.c's get_len_of_range: how many values lo, lo + step, ...
 * lie before hi (step not 0), in unsigned arithmetic that cannot
 * overflow. */
static unsigned long
range_length(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1UL + (hi - 1UL - lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1UL + (lo - 1UL - hi) / (0UL - (unsigned long)step);
    return 0UL;
}

/* One argument of range() as a C long: 1 for an exact int of one digit.
 * Anything else (a bool, an int subclass, an object with __index__, a big
 * int) goes through range() itself, which calls __index__ and raises its
 * own errors. */
static int
range_arg(PyObject *x, long *value)
{
    return x == NULL || (PyLong_CheckExact(x) && P2C_Long_AsCompact(x, value));
}

/* chaos' inner loops (`for ii in range(lo, hi):`, a few values each) spent
 * 11 % of their instructions making, iterating and freeing range objects:
 * range_from_array computes the length in int objects. */
PyObject *
P2C_RangeIterOf(PyObject *callee, int nargs, PyObject *a, PyObject *b, PyObject *c)
{
#if defined(P2C_ITER_LAYOUT_311) || defined(P2C_ITER_LAYOUT_312)
    /* stop is always set below (a is never NULL, nor b when nargs > 1),
     * but gcc -O2 -fsanitize=address,undefined cannot see it and warns
     * (-Wmaybe-uninitialized) when make test-asan builds the runtime. */
    long start = 0, stop = 0, step = 1;
    if (callee != (PyObject *)&PyRange_Type || nargs < 1 || nargs > 3)
        return NULL;
    if (nargs == 1 ? !range_arg(a, &stop)
                   : !range_arg(a, &start) || !range_arg(b, &stop) || !range_arg(c, &step))
        return NULL;
    if (step == 0)   /* range()'s ValueError */
        return NULL;
    unsigned long len = range_length(start, stop, step);   /* < 2**32: one digit each */
#  if defined(P2C_ITER_LAYOUT_312)
    P2C_RangeIter312 *it = PyObject_New(P2C_RangeIter312, &PyRangeIter_Type);
#  else
    P2C_RangeIter311 *it = PyObject_New(P2C_RangeIter311, &PyRangeIter_Type);
    if (it != NULL)
        it->index = 0;
#  endif
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = (long)len;
    return (PyObject *)it;
#else
    (void)callee; (void)nargs; (void)a; (void)b; (void)c;
    return NULL;
#endif
}

/* Takes the first `before` items of it into out.  0, or -1 (ValueError "not
 * enough values" when short; *got = the number taken, all released). */
static int
take_items(PyObject *it, Py_ssize_t before, int has_star, Py_ssize_t after,
           PyObject **out)
{
    for (Py_ssize_t i = 0; i < before; i++) {
        PyObject *w = PyIter_Next(it);
        if (w != NULL) {
            out[i] = w;
            continue;
        }
        if (!PyErr_Occurred()) {
            if (!has_star)
                PyErr_Format(PyExc_ValueError,
                             "not enough values to unpack (expected %zd, got %zd)",
                             before, i);
            else
                PyErr_Format(PyExc_ValueError,
                             "not enough values to unpack (expected at least %zd, got %zd)",
                             before + after, i);
        }
        while (i > 0) {
            i--;   /* not inside Py_CLEAR, which names its argument twice */
            Py_CLEAR(out[i]);
        }
        return -1;
    }
    return 0;
}

/* After the fixed items: either the iterator must be exhausted, or the rest
 * becomes the starred list with `after` items split off its end. */
static int
take_rest(PyObject *it, Py_ssize_t before, int has_star, Py_ssize_t after,
          PyObject **out)
{
    if (!has_star) {
        PyObject *w = PyIter_Next(it);
        if (w == NULL)
            return PyErr_Occurred() ? -1 : 0;
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)",
                     before);
        return -1;
    }
    PyObject *l = PySequence_List(it);
    if (l == NULL)
        return -1;
    Py_ssize_t ll = PyList_GET_SIZE(l);
    if (ll < after) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %zd, got %zd)",
                     before + after, before + ll);
        Py_DECREF(l);
        return -1;
    }
    for (Py_ssize_t j = 0; j < after; j++)
        out[before + 1 + j] = Py_NewRef(PyList_GET_ITEM(l, ll - after + j));
    if (PyList_SetSlice(l, ll - after, ll, NULL) < 0) {
        for (Py_ssize_t j = 0; j < after; j++)
            Py_CLEAR(out[before + 1 + j]);
        Py_DECREF(l);
        return -1;
    }
    out[before] = l;
    return 0;
}

static int
unpack_into(PyObject *value, Py_ssize_t before, int has_star, Py_ssize_t after,
            PyObject **tmp)
{
    PyObject *it = PyObject_GetIter(value);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) &&
            Py_TYPE(value)->tp_iter == NULL && !PySequence_Check(value))
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(value)->tp_name);
        return -1;
    }
    int r = take_items(it, before, has_star, after, tmp);
    if (r == 0 && take_rest(it, before, has_star, after, tmp) < 0) {
        for (Py_ssize_t i = 0; i < before; i++)
            Py_CLEAR(tmp[i]);
        r = -1;
    }
    Py_DECREF(it);
    return r;
}

PyObject *
P2C_UnpackOne(PyObject *value)
{
    PyObject *item;
    return P2C_UnpackFast(value, 1, &item) < 0 ? NULL : item;
}

int
P2C_Unpack(PyObject *value, Py_ssize_t before, int has_star, Py_ssize_t after,
           PyObject **out)
{
    if (!has_star && P2C_UnpackExact(value, before, out))
        return 0;
    Py_ssize_t n = before + after + (has_star ? 1 : 0);
    PyObject *small[16], **tmp = small;
    if (n > 16 && (tmp = PyMem_New(PyObject *, n)) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int r = unpack_into(value, before, has_star, after, tmp);
    if (r == 0)
        memcpy(out, tmp, n * sizeof(PyObject *));
    if (tmp != small)
        PyMem_Free(tmp);
    return r;
}
