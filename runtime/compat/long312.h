/* long312.h — reading small ints without calling into CPython, for 3.12's
 * int layout: long_value.lv_tag holds the digit count above its three low
 * bits, and the sign in its two lowest (0 positive, 1 zero, 2 negative);
 * 30-bit digits as before.  The 3.11 layout is long311.h. */
#ifndef PYC2C_COMPAT_LONG312_H
#define PYC2C_COMPAT_LONG312_H

#include "core312.h"   /* pycore_long.h: the small ints */

/* 1 and *value when x, an exact int, has at most one digit (|x| < 2**30,
 * what CPython calls "compact" and specializes on); else 0. */
static inline int
P2C_Long_AsCompact(PyObject *x, long *value)
{
    const PyLongObject *v = (const PyLongObject *)x;
    if (!_PyLong_IsCompact(v))
        return 0;
    *value = (long)_PyLong_CompactValue(v);
    return 1;
}

/* Whether x, an exact int, is 0. */
static inline int
P2C_Long_IsZero(PyObject *x)
{
    return _PyLong_IsZero((const PyLongObject *)x);
}

/* 1 and *value when x, an exact int, has at most two digits (|x| < 2**60:
 * sums and products of such ints are checked for overflow in a long);
 * else 0. */
static inline int
P2C_Long_AsSmall(PyObject *x, long *value)
{
    const PyLongObject *v = (const PyLongObject *)x;
    uintptr_t tag = v->long_value.lv_tag;
    uintptr_t ndigits = tag >> _PyLong_NON_SIZE_BITS;
    long sign = 1 - (long)(tag & _PyLong_SIGN_MASK);
    const digit *d = v->long_value.ob_digit;
    switch (ndigits) {
    case 0:  *value = 0; return 1;
    case 1:  *value = sign * (long)d[0]; return 1;
    case 2:  *value = sign * ((long)d[0] | ((long)d[1] << PyLong_SHIFT)); return 1;
    default: return 0;
    }
}

/* PyLong_FromLong with the small ints (-5 to 256) answered inline, as in
 * long311.h. */
static inline PyObject *
P2C_Long_FromLong(long v)
{
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS)
        return Py_NewRef((PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + v]);
    return PyLong_FromLong(v);
}

#endif
