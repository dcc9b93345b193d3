/* iter311.h — FOR_ITER inline for the two iterators loops use most, on
 * CPython 3.11: range and list iterators.  Their structs are private to
 * Objects/rangeobject.c and Objects/listobject.c; the layouts below are
 * 3.11's (3.12 drops the range iterator's index), which is why they live
 * here, behind P2C_ITER_LAYOUT_311.  3.11's FOR_ITER calls tp_iternext for
 * both; here each step is a few instructions inline.
 * Included through pyc2c/compat_late.h.
 */
#ifndef PYC2C_COMPAT_ITER311_H
#define PYC2C_COMPAT_ITER311_H

typedef struct {
    PyObject_HEAD
    long index, start, step, len;
} P2C_RangeIter311;

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyListObject *seq;        /* NULL once exhausted */
} P2C_ListIter311;

/* P2C_IterNext (runtime.h) with range and list iterators stepped inline,
 * exactly as rangeiter_next and listiter_next step them. */
static inline int
P2C_IterNextFast(PyObject *iter, PyObject **out)
{
    if (Py_IS_TYPE(iter, &PyRangeIter_Type)) {
        P2C_RangeIter311 *r = (P2C_RangeIter311 *)iter;
        if (r->index >= r->len)
            return 0;
        *out = P2C_Long_FromLong((long)(r->start + (unsigned long)(r->index++) * r->step));
        return *out != NULL ? 1 : -1;
    }
    if (Py_IS_TYPE(iter, &PyListIter_Type)) {
        P2C_ListIter311 *it = (P2C_ListIter311 *)iter;
        PyListObject *seq = it->seq;
        if (seq != NULL && it->index < PyList_GET_SIZE(seq)) {
            *out = Py_NewRef(PyList_GET_ITEM(seq, it->index));
            it->index++;
            return 1;
        }
    }
    return P2C_IterNext(iter, out);
}

#endif
