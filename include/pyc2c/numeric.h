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

/* Whether a stored value (not NULL: an empty slot or instance value has
 * bookkeeping of its own) can be released without running code: an exact
 * float or an exact int (their deallocation runs none). */
P2C_ALWAYS_INLINE int P2C_Num_Releasable(PyObject *old)
{
    return old != NULL && (PyFloat_CheckExact(old) || PyLong_CheckExact(old));
}

/* Whether a variable's old value can be replaced without running code:
 * unbound, or releasable. */
P2C_ALWAYS_INLINE int P2C_Num_Replaceable(PyObject *old)
{
    return old == NULL || P2C_Num_Releasable(old);
}



/* Whether a float can be written into the variable's old value itself: an
 * exact float that only the variable holds, so that nothing can tell it
 * from a new object (floats have no weak references, no cached hash). */
P2C_ALWAYS_INLINE int P2C_Float_InPlace(PyObject *old)
{
    return old != NULL && Py_REFCNT(old) == 1 && PyFloat_CheckExact(old);
}

/* The same for n, when it is a float. */
P2C_ALWAYS_INLINE int P2C_Num_InPlace(PyObject *old, P2C_Num n)
{
    return n.is_float && P2C_Float_InPlace(old);
}

P2C_ALWAYS_INLINE void P2C_Float_Reset(PyObject *obj, double v)
{
    ((PyFloatObject *)obj)->ob_fval = v;
}

/* The typed tiers (src/cgen/numeric.c): a tree whose leaves all hold exact
 * floats, or all small exact ints, is computed in plain doubles and longs,
 * no operand tags, before the mixed tier is tried. */

/* obj (a leaf's value, NULL when unbound) as a double: an exact float only. */
P2C_ALWAYS_INLINE int P2C_Float_Of(PyObject *obj, double *d)
{
    if (obj == NULL || !PyFloat_CheckExact(obj))
        return 0;
    *d = PyFloat_AS_DOUBLE(obj);
    return 1;
}

/* obj as a long: an exact int below 2**60 in magnitude only. */
P2C_ALWAYS_INLINE int P2C_Int_Of(PyObject *obj, long *i)
{
    return obj != NULL && PyLong_CheckExact(obj) && P2C_Long_AsSmall(obj, i);
}

/* An int operand of a float operation as CPython converts it: exactly,
 * within 53 bits; 0 beyond (the generic code rounds it). */
P2C_ALWAYS_INLINE int P2C_Int_ToDouble(long i, double *d)
{
    if (!P2C_LONG_IS_EXACT_DOUBLE(i))
        return 0;
    *d = (double)i;
    return 1;
}

/* int operations on longs: CPython's result, or 0 where it would not fit
 * a long or CPython raises (a zero divisor, a negative shift). */
P2C_ALWAYS_INLINE int P2C_Int_Add(long a, long b, long *r) { return !__builtin_add_overflow(a, b, r); }
P2C_ALWAYS_INLINE int P2C_Int_Sub(long a, long b, long *r) { return !__builtin_sub_overflow(a, b, r); }
P2C_ALWAYS_INLINE int P2C_Int_Mul(long a, long b, long *r) { return !__builtin_mul_overflow(a, b, r); }

/* a // b and a % b with Python's signs */
P2C_ALWAYS_INLINE int P2C_Int_FloorDiv(long a, long b, long *r)
{
    if (b == 0 || (a == LONG_MIN && b == -1))
        return 0;
    *r = p2c_floor_div(a, b);
    return 1;
}

P2C_ALWAYS_INLINE int P2C_Int_Mod(long a, long b, long *r)
{
    if (b == 0 || (a == LONG_MIN && b == -1))
        return 0;
    *r = p2c_floor_mod(a, b);
    return 1;
}

/* a << b: shifted back it must give a again (no bits lost). */
P2C_ALWAYS_INLINE int P2C_Int_LShift(long a, long b, long *r)
{
    if (b < 0 || b > 62)
        return 0;
    long v = (long)((unsigned long)a << b);
    if ((v >> b) != a)
        return 0;
    *r = v;
    return 1;
}

/* a >> b: Python's floor division by 2**b (arithmetic shift). */
P2C_ALWAYS_INLINE int P2C_Int_RShift(long a, long b, long *r)
{
    if (b < 0)
        return 0;
    *r = b > 63 ? (a < 0 ? -1 : 0) : a >> b;
    return 1;
}

P2C_ALWAYS_INLINE int P2C_Int_Neg(long a, long *r)
{
    if (a == LONG_MIN)
        return 0;
    *r = -a;
    return 1;
}

/* a / b of floats: a zero divisor is CPython's ZeroDivisionError. */
P2C_ALWAYS_INLINE int P2C_Float_Div(double a, double b, double *r)
{
    if (b == 0.0)
        return 0;
    *r = a / b;
    return 1;
}

/* Where the item of an exact list at index i (negative: from the end) is
 * held; NULL for anything else or out of range. */
P2C_ALWAYS_INLINE PyObject **P2C_ListItemPlace(PyObject *list, Py_ssize_t i)
{
    if (list == NULL || !PyList_CheckExact(list))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (i < 0)
        i += n;
    return i >= 0 && i < n ? &((PyListObject *)list)->ob_item[i] : NULL;
}

/* The operand as a double: a float, or an int of at most 53 bits (the
 * conversion CPython's float operations make, exact there). */
P2C_ALWAYS_INLINE int p2c_num_double(P2C_Num n, double *d)
{
    if (n.is_float) {
        *d = n.f;
        return 1;
    }
    return P2C_Int_ToDouble(n.i, d);
}

/* Both operands as doubles, for an operation with a float operand. */
P2C_ALWAYS_INLINE int p2c_num_doubles(P2C_Num a, P2C_Num b, double *x, double *y)
{
    return p2c_num_double(a, x) && p2c_num_double(b, y);
}

/* a + b, a - b, a * b: in a long with an overflow check for two ints, as
 * doubles otherwise.  NAME (as P2C_Int_NAME), the C operator. */
#define P2C_NUM_CHECKED_OP(NAME, op)                                         \
    P2C_ALWAYS_INLINE int P2C_Num_##NAME(P2C_Num a, P2C_Num b, P2C_Num *r)   \
    {                                                                       \
        double x, y;                                                        \
        if (!a.is_float && !b.is_float) {                                   \
            *r = P2C_Num_Int(0);                                            \
            return P2C_Int_##NAME(a.i, b.i, &r->i);                         \
        }                                                                   \
        if (!p2c_num_doubles(a, b, &x, &y))                                 \
            return 0;                                                       \
        *r = P2C_Num_Float(x op y);                                         \
        return 1;                                                           \
    }
P2C_NUM_CHECKED_OP(Add, +)
P2C_NUM_CHECKED_OP(Sub, -)
P2C_NUM_CHECKED_OP(Mul, *)
#undef P2C_NUM_CHECKED_OP

/* a / b: for two ints too (long_true_divide's own fast path divides their
 * exact doubles, correctly rounded). */
P2C_ALWAYS_INLINE int P2C_Num_TrueDiv(P2C_Num a, P2C_Num b, P2C_Num *r)
{
    double x, y;
    *r = P2C_Num_Float(0.0);
    return p2c_num_doubles(a, b, &x, &y) && P2C_Float_Div(x, y, &r->f);
}

/* Operators on ints only (floats: CPython's float_floor_div rules, or a
 * TypeError), as P2C_Int_NAME. */
#define P2C_NUM_INT_OP(NAME)                                                 \
    P2C_ALWAYS_INLINE int P2C_Num_##NAME(P2C_Num a, P2C_Num b, P2C_Num *r)   \
    {                                                                       \
        *r = P2C_Num_Int(0);                                                \
        return !a.is_float && !b.is_float && P2C_Int_##NAME(a.i, b.i, &r->i); \
    }
P2C_NUM_INT_OP(FloorDiv)
P2C_NUM_INT_OP(Mod)
P2C_NUM_INT_OP(LShift)
P2C_NUM_INT_OP(RShift)
#undef P2C_NUM_INT_OP

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

P2C_ALWAYS_INLINE int P2C_Num_Neg(P2C_Num a, P2C_Num *r)
{
    if (a.is_float) {
        *r = P2C_Num_Float(-a.f);
        return 1;
    }
    *r = P2C_Num_Int(0);
    return P2C_Int_Neg(a.i, &r->i);
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

/* ---- math functions (pyc2c/math_calls.def, runtime/mathcalls.c) ---- */

enum {
#define P2C_MATH_CALL(id, name, fn) P2C_MATH_##id,
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL
    P2C_MATH_COUNT
};

/* The math module's definition of each function, once a call found it
 * (P2C_Math_Learn); NULL until then. */
P2C_API extern const PyMethodDef *P2C_MathDefs[P2C_MATH_COUNT];
/* Remembers exact builtin function f's definition as math function
 * `which` if it is the math module's own; whether it is. */
P2C_API int P2C_Math_Learn(PyObject *f, int which);
/* math.<name>(x) where it returns a float without an error; 0 elsewhere. */
#define P2C_MATH_CALL(id, name, fn) P2C_API int P2C_Math_##fn(double x, double *r);
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL

#endif
