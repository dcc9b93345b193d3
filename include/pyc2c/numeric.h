/* numeric.h — unboxed numbers for fused arithmetic (src/cgen/numeric.c).
 *
 * A P2C_Num is an exact int that fits a long, or a float, held in C.  Each
 * operation below does what CPython's int or float operation does for
 * those operands and returns 1, or returns 0 — having changed nothing
 * visible — where CPython's answer could differ from C arithmetic or
 * CPython would raise: an int result outside a long, a zero divisor, an int
 * meeting a float when it has no exact double, a negative shift, a float
 * floor division or modulo, an int power, a power that is not a finite
 * float.  The generated code then runs the generic operations, so results,
 * errors and tracebacks are CPython's.  Operand tags of constants are known
 * to the C compiler, which drops the branches they rule out.
 * Included by pyc2c/runtime.h.
 */
#ifndef PYC2C_NUMERIC_H
#define PYC2C_NUMERIC_H

typedef struct {
    int is_float;
    long i;        /* when !is_float */
    double f;      /* when is_float */
} P2C_Num;

P2C_ALWAYS_INLINE P2C_Num P2C_Num_Int(long v) { P2C_Num n = {0, v, 0.0}; return n; }
P2C_ALWAYS_INLINE P2C_Num P2C_Num_Float(double v) { P2C_Num n = {1, 0, v}; return n; }

/* obj (a local's value, NULL when unbound) as a number: an exact float, or
 * an exact int below 2**60 in magnitude.  0 for anything else. */
P2C_ALWAYS_INLINE int P2C_Num_Of(PyObject *obj, P2C_Num *n)
{
    if (obj == NULL)
        return 0;
    if (PyFloat_CheckExact(obj)) {
        *n = P2C_Num_Float(PyFloat_AS_DOUBLE(obj));
        return 1;
    }
    n->is_float = 0;
    n->f = 0.0;
    return PyLong_CheckExact(obj) && P2C_Long_AsSmall(obj, &n->i);
}

/* A new int or float object (NULL with MemoryError). */
static inline PyObject *P2C_Num_Box(P2C_Num n)
{
    return n.is_float ? PyFloat_FromDouble(n.f) : P2C_Long_FromLong(n.i);
}

/* Runs of assignments (src/cgen/numeric.c, cg_numeric_run). */

/* Whether a variable's old value can be replaced without running code:
 * unbound, an exact float or an exact int (their deallocation runs none). */
P2C_ALWAYS_INLINE int P2C_Num_Replaceable(PyObject *old)
{
    return old == NULL || PyFloat_CheckExact(old) || PyLong_CheckExact(old);
}

/* Whether float n can be written into the variable's old value itself: an
 * exact float that only the variable holds, so that nothing can tell it
 * from a new object (floats have no weak references, no cached hash). */
P2C_ALWAYS_INLINE int P2C_Num_InPlace(PyObject *old, P2C_Num n)
{
    return n.is_float && old != NULL && Py_REFCNT(old) == 1 && PyFloat_CheckExact(old);
}

P2C_ALWAYS_INLINE void P2C_Float_Reset(PyObject *obj, double v)
{
    ((PyFloatObject *)obj)->ob_fval = v;
}

/* The item of an exact list at index i (negative: from the end), borrowed;
 * NULL for anything else or out of range. */
P2C_ALWAYS_INLINE PyObject *P2C_ListItemPeek(PyObject *list, Py_ssize_t i)
{
    if (list == NULL || !PyList_CheckExact(list))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (i < 0)
        i += n;
    return i >= 0 && i < n ? PyList_GET_ITEM(list, i) : NULL;
}

/* The operand as a double: a float, or an int of at most 53 bits (the
 * conversion CPython's float operations make, exact there). */
P2C_ALWAYS_INLINE int p2c_num_double(P2C_Num n, double *d)
{
    if (n.is_float) {
        *d = n.f;
        return 1;
    }
    if (!P2C_LONG_IS_EXACT_DOUBLE(n.i))
        return 0;
    *d = (double)n.i;
    return 1;
}

/* Both operands as doubles, for an operation with a float operand. */
P2C_ALWAYS_INLINE int p2c_num_doubles(P2C_Num a, P2C_Num b, double *x, double *y)
{
    return p2c_num_double(a, x) && p2c_num_double(b, y);
}

/* a + b, a - b, a * b: in a long with an overflow check for two ints, as
 * doubles otherwise.  NAME, the builtin's operation, the C operator. */
#define P2C_NUM_CHECKED_OP(NAME, builtin, op)                                \
    P2C_ALWAYS_INLINE int P2C_Num_##NAME(P2C_Num a, P2C_Num b, P2C_Num *r)   \
    {                                                                       \
        double x, y;                                                        \
        if (!a.is_float && !b.is_float) {                                   \
            *r = P2C_Num_Int(0);                                            \
            return !__builtin_##builtin##_overflow(a.i, b.i, &r->i);        \
        }                                                                   \
        if (!p2c_num_doubles(a, b, &x, &y))                                 \
            return 0;                                                       \
        *r = P2C_Num_Float(x op y);                                         \
        return 1;                                                           \
    }
P2C_NUM_CHECKED_OP(Add, add, +)
P2C_NUM_CHECKED_OP(Sub, sub, -)
P2C_NUM_CHECKED_OP(Mul, mul, *)
#undef P2C_NUM_CHECKED_OP

/* a / b: for two ints too (long_true_divide's own fast path divides their
 * exact doubles, correctly rounded). */
P2C_ALWAYS_INLINE int P2C_Num_TrueDiv(P2C_Num a, P2C_Num b, P2C_Num *r)
{
    double x, y;
    if (!p2c_num_doubles(a, b, &x, &y) || y == 0.0)
        return 0;
    *r = P2C_Num_Float(x / y);
    return 1;
}

/* a // b and a % b: ints only (floats: CPython's float_floor_div rules),
 * with Python's signs; a zero divisor and LONG_MIN // -1 are left to the
 * generic code. */
#define P2C_NUM_FLOOR_OP(NAME, floor_fn)                                     \
    P2C_ALWAYS_INLINE int P2C_Num_##NAME(P2C_Num a, P2C_Num b, P2C_Num *r)   \
    {                                                                       \
        if (a.is_float || b.is_float || b.i == 0 || (a.i == LONG_MIN && b.i == -1)) \
            return 0;                                                       \
        *r = P2C_Num_Int(floor_fn(a.i, b.i));                               \
        return 1;                                                           \
    }
P2C_NUM_FLOOR_OP(FloorDiv, p2c_floor_div)
P2C_NUM_FLOOR_OP(Mod, p2c_floor_mod)
#undef P2C_NUM_FLOOR_OP

/* a ** b with a float operand (an int one converted, as float_pow does). */
P2C_ALWAYS_INLINE int P2C_Num_Pow(P2C_Num a, P2C_Num b, P2C_Num *r)
{
    double x, y, v;
    if ((!a.is_float && !b.is_float) || !p2c_num_doubles(a, b, &x, &y)
        || !P2C_Float_PowFast(x, y, &v))
        return 0;
    *r = P2C_Num_Float(v);
    return 1;
}

/* Bitwise operators: ints only. */
#define P2C_NUM_BITWISE_OP(NAME, op)                                         \
    P2C_ALWAYS_INLINE int P2C_Num_##NAME(P2C_Num a, P2C_Num b, P2C_Num *r)   \
    {                                                                       \
        if (a.is_float || b.is_float)                                       \
            return 0;                                                       \
        *r = P2C_Num_Int(a.i op b.i);                                       \
        return 1;                                                           \
    }
P2C_NUM_BITWISE_OP(And, &)
P2C_NUM_BITWISE_OP(Or, |)
P2C_NUM_BITWISE_OP(Xor, ^)
#undef P2C_NUM_BITWISE_OP

/* Shifts: ints only. */
/* a << b: shifted back it must give a again (no bits lost). */
P2C_ALWAYS_INLINE int P2C_Num_LShift(P2C_Num a, P2C_Num b, P2C_Num *r)
{
    if (a.is_float || b.is_float || b.i < 0 || b.i > 62)
        return 0;
    long v = (long)((unsigned long)a.i << b.i);
    if ((v >> b.i) != a.i)
        return 0;
    *r = P2C_Num_Int(v);
    return 1;
}

/* a >> b: Python's floor division by 2**b (arithmetic shift). */
P2C_ALWAYS_INLINE int P2C_Num_RShift(P2C_Num a, P2C_Num b, P2C_Num *r)
{
    if (a.is_float || b.is_float || b.i < 0)
        return 0;
    *r = P2C_Num_Int(b.i > 63 ? (a.i < 0 ? -1 : 0) : a.i >> b.i);
    return 1;
}

P2C_ALWAYS_INLINE int P2C_Num_Neg(P2C_Num a, P2C_Num *r)
{
    if (a.is_float) {
        *r = P2C_Num_Float(-a.f);
        return 1;
    }
    if (a.i == LONG_MIN)
        return 0;
    *r = P2C_Num_Int(-a.i);
    return 1;
}

P2C_ALWAYS_INLINE int P2C_Num_Pos(P2C_Num a, P2C_Num *r)
{
    *r = a;
    return 1;
}

P2C_ALWAYS_INLINE int P2C_Num_Invert(P2C_Num a, P2C_Num *r)
{
    if (a.is_float)
        return 0;
    *r = P2C_Num_Int(~a.i);
    return 1;
}

#endif
