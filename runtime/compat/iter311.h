/* iter311.h — FOR_ITER inline for the two iterators loops use most, on
 * CPython 3.10 to 3.13: range and list iterators.  Their structs are
 * private to Objects/rangeobject.c and Objects/listobject.c (3.12 and 3.13
 * declare them in internal headers); the layouts below are 3.11's, and
 * 3.12's range iterator, which drops the index (P2C_ITER_LAYOUT_311 /
 * P2C_ITER_LAYOUT_312; 3.13's are 3.12's).  3.11's FOR_ITER calls
 * tp_iternext for both; here each step is a few instructions inline, as
 * 3.12's FOR_ITER_RANGE and FOR_ITER_LIST do.  Each step first checks that
 * the iterator's type is exactly the builtin one; anything else (and a
 * list iterator at its end) goes through tp_iternext.  Included through
 * pyc2c/compat_late.h.
 */
#ifndef PYC2C_COMPAT_ITER311_H
#define PYC2C_COMPAT_ITER311_H

#if defined(P2C_ITER_LAYOUT_312)
typedef struct {
    PyObject_HEAD
    long start, step, len;
} P2C_RangeIter312;

/* The next value of range iterator it, as 3.12's rangeiter_next: start
 * advances by step, len counts what is left. */
static inline int
p2c_range_iter_step(PyObject *it, PyObject **out)
{
    P2C_RangeIter312 *r = (P2C_RangeIter312 *)it;
    if (r->len <= 0)
        return 0;
    long value = r->start;
    r->start = (long)((unsigned long)value + (unsigned long)r->step);
    r->len--;
    *out = P2C_Long_FromLong(value);
    return *out != NULL ? 1 : -1;
}
#else
typedef struct {
    PyObject_HEAD
    long index, start, step, len;
} P2C_RangeIter311;

/* The next value of range iterator it, as 3.11's rangeiter_next. */
static inline int
p2c_range_iter_step(PyObject *it, PyObject **out)
{
    P2C_RangeIter311 *r = (P2C_RangeIter311 *)it;
    if (r->index >= r->len)
        return 0;
    *out = P2C_Long_FromLong((long)(r->start + (unsigned long)(r->index++) * r->step));
    return *out != NULL ? 1 : -1;
}
#endif

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;         /* 3.13: -1 once exhausted, or set so */
    PyListObject *seq;        /* NULL once exhausted */
} P2C_ListIter;

/* P2C_IterNext (runtime.h) with range and list iterators stepped inline,
 * exactly as rangeiter_next and listiter_next step them.  The list index
 * is compared unsigned, as 3.13's FOR_ITER_LIST does: 3.13 marks an
 * exhausted iterator with index -1, and `it.__setstate__(-1)` gives a
 * live one that index with its list kept (3.10 to 3.12 clip it to 0);
 * such an iterator takes tp_iternext, which ends it. */
static inline int
P2C_IterNextFast(PyObject *iter, PyObject **out)
{
    if (Py_IS_TYPE(iter, &PyRangeIter_Type))
        return p2c_range_iter_step(iter, out);
    if (Py_IS_TYPE(iter, &PyListIter_Type)) {
        P2C_ListIter *it = (P2C_ListIter *)iter;
        PyListObject *seq = it->seq;
        if (seq != NULL && (size_t)it->index < (size_t)PyList_GET_SIZE(seq)) {
            *out = Py_NewRef(PyList_GET_ITEM(seq, it->index));
            it->index++;
            return 1;
        }
    }
    return P2C_IterNext(iter, out);
}

#endif
