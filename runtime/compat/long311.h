/* long311.h — reading small ints without calling into CPython, for 3.11's
 * int layout (ob_size carries the sign and the digit count; 30-bit digits).
 * 3.12 moved to lv_tag: a new file beside this one, chosen in compat.h. */
#ifndef PYC2C_COMPAT_LONG311_H
#define PYC2C_COMPAT_LONG311_H

/* 1 and *value when x, an exact int, has at most one digit (|x| < 2**30,
 * what CPython calls "compact" and specializes on); else 0. */
static inline int
P2C_Long_AsCompact(PyObject *x, long *value)
{
    Py_ssize_t size = Py_SIZE(x);
    if (size < -1 || size > 1)
        return 0;
    *value = (long)size * (long)((PyLongObject *)x)->ob_digit[0];
    return 1;
}

/* Whether x, an exact int, is 0 (no digits). */
static inline int
P2C_Long_IsZero(PyObject *x)
{
    return Py_SIZE(x) == 0;
}

/* 1 and *value when x, an exact int, has at most two digits (|x| < 2**60:
 * sums and products of such ints are checked for overflow in a long);
 * else 0. */
static inline int
P2C_Long_AsSmall(PyObject *x, long *value)
{
    Py_ssize_t size = Py_SIZE(x);
    const digit *d = ((PyLongObject *)x)->ob_digit;
    switch (size) {
    case 0:  *value = 0; return 1;
    case 1:  *value = (long)d[0]; return 1;
    case -1: *value = -(long)d[0]; return 1;
    case 2:  *value = (long)d[0] | ((long)d[1] << PyLong_SHIFT); return 1;
    case -2: *value = -((long)d[0] | ((long)d[1] << PyLong_SHIFT)); return 1;
    default: return 0;
    }
}

#ifdef P2C_SMALL_INTS_STATIC
/* PyLong_FromLong with the small ints (-5 to 256) answered inline: the
 * interpreter's own cached objects, as get_small_int gives them.  Most
 * results of loop counters, indexes and flags are small: the call and its
 * range tests cost more than the work here. */
static inline PyObject *
P2C_Long_FromLong(long v)
{
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS)
        return Py_NewRef((PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v]);
    return PyLong_FromLong(v);
}

#else
/* 3.10 keeps the small ints in the interpreter state: PyLong_FromLong. */
#  define P2C_Long_FromLong PyLong_FromLong
#endif

#endif
