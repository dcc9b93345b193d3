/* ops.c — BINARY_OP, in-place BINARY_OP, UNARY_*, COMPARE_OP, IS_OP and
 * CONTAINS_OP through the abstract object API, which is what the
 * interpreter's generic (unspecialized) paths call.  The inline fast paths
 * in include/pyc2c/ops.h come first and fall back to these. */
#include <math.h>
#include "internal.h"

typedef PyObject *(*BinaryFunc)(PyObject *, PyObject *);

static PyObject *power(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }
static PyObject *inplace_power(PyObject *a, PyObject *b)
{
    return PyNumber_InPlacePower(a, b, Py_None);
}

/* Indexed by P2C_NB_*. */
static const BinaryFunc binary_funcs[P2C_NB_COUNT] = {
    [P2C_NB_ADD] = PyNumber_Add, [P2C_NB_AND] = PyNumber_And,
    [P2C_NB_FLOOR_DIVIDE] = PyNumber_FloorDivide, [P2C_NB_LSHIFT] = PyNumber_Lshift,
    [P2C_NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply,
    [P2C_NB_MULTIPLY] = PyNumber_Multiply, [P2C_NB_REMAINDER] = PyNumber_Remainder,
    [P2C_NB_OR] = PyNumber_Or, [P2C_NB_POWER] = power,
    [P2C_NB_RSHIFT] = PyNumber_Rshift, [P2C_NB_SUBTRACT] = PyNumber_Subtract,
    [P2C_NB_TRUE_DIVIDE] = PyNumber_TrueDivide, [P2C_NB_XOR] = PyNumber_Xor,
};

static const BinaryFunc inplace_funcs[P2C_NB_COUNT] = {
    [P2C_NB_ADD] = PyNumber_InPlaceAdd, [P2C_NB_AND] = PyNumber_InPlaceAnd,
    [P2C_NB_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [P2C_NB_LSHIFT] = PyNumber_InPlaceLshift,
    [P2C_NB_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [P2C_NB_MULTIPLY] = PyNumber_InPlaceMultiply,
    [P2C_NB_REMAINDER] = PyNumber_InPlaceRemainder, [P2C_NB_OR] = PyNumber_InPlaceOr,
    [P2C_NB_POWER] = inplace_power, [P2C_NB_RSHIFT] = PyNumber_InPlaceRshift,
    [P2C_NB_SUBTRACT] = PyNumber_InPlaceSubtract,
    [P2C_NB_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [P2C_NB_XOR] = PyNumber_InPlaceXor,
};

static PyObject *
bad_op(const char *what, int op)
{
    PyErr_Format(PyExc_SystemError, "pyc2c: bad %s operator %d", what, op);
    return NULL;
}

PyObject *
P2C_BinaryOpGeneric(int op, PyObject *left, PyObject *right)
{
    if (P2C_UNLIKELY((unsigned)op >= P2C_NB_COUNT))
        return bad_op("binary", op);
    return binary_funcs[op](left, right);
}

PyObject *
P2C_InPlaceOpGeneric(int op, PyObject *left, PyObject *right)
{
    if (P2C_UNLIKELY((unsigned)op >= P2C_NB_COUNT))
        return bad_op("in-place", op);
    return inplace_funcs[op](left, right);
}

PyObject *
P2C_UnaryOp(int op, PyObject *operand)
{
    switch (op) {
    case P2C_UNARY_INVERT: return PyNumber_Invert(operand);
    case P2C_UNARY_POSITIVE: return PyNumber_Positive(operand);
    case P2C_UNARY_NEGATIVE: return PyNumber_Negative(operand);
    case P2C_UNARY_NOT: {
        int t = PyObject_IsTrue(operand);
        return t < 0 ? NULL : Py_NewRef(t ? Py_False : Py_True);
    }
    default:
        return bad_op("unary", op);
    }
}

/* == or != of two strs whose types compare as str does (subclasses that
 * do not define __eq__/__ne__, like a parser's `class Symbol(str)`): 1 or
 * 0; -1 when the rich comparison must decide.  Whichever side do_richcompare
 * asks first, unicode_richcompare answers, and for == and != that is
 * unicode_compare_eq.  (Two exact strs are decided inline, ops.h.) */
static int
str_subclass_equal(int op, PyObject *left, PyObject *right)
{
    richcmpfunc str_cmp = PyUnicode_Type.tp_richcompare;
    if ((op != P2C_CMP_EQ && op != P2C_CMP_NE) || !PyUnicode_Check(left) ||
        !PyUnicode_Check(right) || Py_TYPE(left)->tp_richcompare != str_cmp ||
        Py_TYPE(right)->tp_richcompare != str_cmp)
        return -1;
    int eq = P2C_Str_Equal(left, right);
    return eq < 0 ? -1 : eq == (op == P2C_CMP_EQ);
}

/* Whether PyObject_RichCompare would fail its recursion check (" in
 * comparison") if called now: each version counts it in its own field. */
static int
richcompare_at_limit(void)
{
#if P2C_PY_MINOR == 10
    return P2C_COMPARE_AT_LIMIT();
#elif P2C_PY_MINOR == 11
    return P2C_ThreadState()->recursion_remaining <= 0;
#else
    return P2C_ThreadState()->c_recursion_remaining <= 0;
#endif
}

/* item == el as PyObject_RichCompareBool(item, el, Py_EQ) answers it when
 * that runs no code of the objects': the same object, two exact ints of at
 * most one digit, two exact strs (canonical).  1 or 0 into *eq and 1; 0
 * when the real comparison must run. */
static inline int
known_equal(PyObject *item, PyObject *el, int *eq)
{
    long a, b;
    if (item == el) {
        *eq = 1;
        return 1;
    }
    if (PyLong_CheckExact(item) && PyLong_CheckExact(el)
        && P2C_Long_AsCompact(item, &a) && P2C_Long_AsCompact(el, &b)) {
        *eq = a == b;
        return 1;
    }
    if (PyUnicode_CheckExact(item) && PyUnicode_CheckExact(el)) {
        *eq = P2C_Str_Equal(item, el);
        return *eq >= 0;
    }
    return 0;
}

/* `el in seq` for an exact list or tuple: list_contains and tuplecontains
 * (the same loop in 3.10 to 3.13: each item compared with el, the list's
 * size and items read again after every comparison, which may change it),
 * with the comparisons known_equal decides made without a call (hexiom's
 * `v in cell`: 30 instructions an item through PyObject_RichCompareBool
 * and long_richcompare).  Those comparisons would each enter and leave a
 * recursion level: at the limit every one goes the real way, and raises. */
static int
list_or_tuple_contains(PyObject *seq, PyObject *el)
{
    if (richcompare_at_limit())
        return PySequence_Contains(seq, el);
    int is_list = PyList_CheckExact(seq);
    for (Py_ssize_t i = 0; i < Py_SIZE(seq); i++) {
        PyObject *item = is_list ? PyList_GET_ITEM(seq, i) : PyTuple_GET_ITEM(seq, i);
        int eq;
        if (known_equal(item, el, &eq)) {
            if (eq)
                return 1;
            continue;
        }
        Py_INCREF(item);   /* the comparison may remove it from the list */
        eq = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
        if (eq != 0)
            return eq;
    }
    return 0;
}

PyObject *
P2C_CompareOpGeneric(int op, PyObject *left, PyObject *right)
{
    int r;
    switch (op) {
    case P2C_CMP_LT: case P2C_CMP_LE: case P2C_CMP_EQ:
    case P2C_CMP_NE: case P2C_CMP_GT: case P2C_CMP_GE:
        r = str_subclass_equal(op, left, right);
        if (r >= 0)
            return Py_NewRef(r ? Py_True : Py_False);
        return PyObject_RichCompare(left, right, op);
    case P2C_CMP_IS:
        return Py_NewRef(left == right ? Py_True : Py_False);
    case P2C_CMP_IS_NOT:
        return Py_NewRef(left != right ? Py_True : Py_False);
    case P2C_CMP_IN: case P2C_CMP_NOT_IN:
        /* `x in y` asks y: CONTAINS_OP calls PySequence_Contains(right, left). */
        r = PyList_CheckExact(right) || PyTuple_CheckExact(right)
            ? list_or_tuple_contains(right, left) : PySequence_Contains(right, left);
        if (r < 0)
            return NULL;
        return Py_NewRef((r ^ (op == P2C_CMP_NOT_IN)) ? Py_True : Py_False);
    default:
        return bad_op("comparison", op);
    }
}

int
P2C_Str_Equal(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (!PyUnicode_IS_READY(a) || !PyUnicode_IS_READY(b))
        return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
        return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)n * PyUnicode_KIND(a)) == 0;
}

int
P2C_CompareBranchGeneric(int op, PyObject *left, PyObject *right, PyObject **other)
{
    if ((op == P2C_CMP_IN || op == P2C_CMP_NOT_IN)
        && (PyList_CheckExact(right) || PyTuple_CheckExact(right))) {
        int found = list_or_tuple_contains(right, left);   /* no bool made */
        return found < 0 ? -1 : found ^ (op == P2C_CMP_NOT_IN);
    }
    int eq = str_subclass_equal(op, left, right);
    if (eq >= 0)
        return eq;
    PyObject *r = P2C_CompareOpGeneric(op, left, right);
    if (r == NULL)
        return -1;
    if (r == Py_True || r == Py_False) {
        int truth = r == Py_True;
        Py_DECREF(r);
        return truth;
    }
    *other = r;
    return 2;
}

/* float_pow (Objects/floatobject.c, 3.11) where it ends in the platform
 * pow(): both operands finite, y != 0 and x != 0 (CPython answers those
 * cases itself).  A negative x needs an integral y: the power of |x|,
 * negated for an odd y, as CPython computes it; |x| == 1 gives +-1.0
 * without pow(), as there.  A result that overflows (inf from finite
 * operands) is CPython's OverflowError: left to the generic path; an
 * underflow to 0 is no error there either. */
int
P2C_Float_PowFast(double x, double y, double *r)
{
    if (!isfinite(x) || !isfinite(y) || x == 0.0 || y == 0.0)
        return 0;
    int negate = 0;
    if (x < 0.0) {
        if (y != floor(y))
            return 0;              /* a complex result */
        x = -x;
        negate = fmod(fabs(y), 2.0) == 1.0;
    }
    if (x == 1.0) {
        *r = negate ? -1.0 : 1.0;
        return 1;
    }
    double v = pow(x, y);
    if (!isfinite(v))
        return 0;
    *r = negate ? -v : v;
    return 1;
}

PyObject *
P2C_GetItemOther(PyObject *container, PyObject *key)
{
    long i;
    if (PyUnicode_CheckExact(container) && PyUnicode_IS_READY(container) &&
        PyLong_CheckExact(key) && P2C_Long_AsCompact(key, &i)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(container);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n)   /* else IndexError from the generic path */
            return PyUnicode_FromOrdinal((int)PyUnicode_READ_CHAR(container, i));
    }
    if (PyDict_CheckExact(container)) {
        /* BINARY_SUBSCR_DICT: dict_subscript of an exact dict (no
         * __missing__ to ask), without the mapping protocol's layers */
        PyObject *value = PyDict_GetItemWithError(container, key);
        if (value != NULL)
            return Py_NewRef(value);
        if (!PyErr_Occurred())
            P2C_SetKeyError(key);
        return NULL;
    }
    return PyObject_GetItem(container, key);
}
