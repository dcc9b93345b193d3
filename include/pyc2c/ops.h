/* ops.h — operators for generated code: their numbering and the fast paths.
 *
 * 3.11's interpreter specializes BINARY_OP, COMPARE_OP and BINARY_SUBSCR for
 * exact floats, small ("compact") ints and lists/tuples indexed by small
 * ints; generic abstract-API calls lose to it.  These static inline wrappers
 * give compiled code the same shortcuts: each checks the exact types, does
 * only what gives a bit-identical result to CPython's own implementation
 * (float_add, long_add, list_subscript ...), and otherwise calls the generic
 * out-of-line function, which also raises every error (division by zero,
 * index out of range) with CPython's messages.  The operator number is a
 * constant at every call site, so the C compiler keeps one branch.
 *
 * The numbers are the compiler's IrBinOp / IrUnaryOp / IrCmpOp
 * (include/pyc2c/compiler/ir.h), written again because the runtime must not
 * depend on compiler headers; tests/unit/runtime checks both tables agree.
 * Included by pyc2c/runtime.h.
 */
#ifndef PYC2C_OPS_H
#define PYC2C_OPS_H

/* Binary operators, CPython's NB_* order (BINARY_OP's oparg). */
enum {
    P2C_NB_ADD, P2C_NB_AND, P2C_NB_FLOOR_DIVIDE, P2C_NB_LSHIFT,
    P2C_NB_MATRIX_MULTIPLY, P2C_NB_MULTIPLY, P2C_NB_REMAINDER, P2C_NB_OR,
    P2C_NB_POWER, P2C_NB_RSHIFT, P2C_NB_SUBTRACT, P2C_NB_TRUE_DIVIDE,
    P2C_NB_XOR,
    P2C_NB_COUNT
};

/* Unary operators. */
enum { P2C_UNARY_INVERT, P2C_UNARY_NOT, P2C_UNARY_POSITIVE, P2C_UNARY_NEGATIVE,
       P2C_UNARY_COUNT };

/* Comparisons: the first six equal Py_LT..Py_GE. */
enum {
    P2C_CMP_LT = Py_LT, P2C_CMP_LE = Py_LE, P2C_CMP_EQ = Py_EQ,
    P2C_CMP_NE = Py_NE, P2C_CMP_GT = Py_GT, P2C_CMP_GE = Py_GE,
    P2C_CMP_IS, P2C_CMP_IS_NOT, P2C_CMP_IN, P2C_CMP_NOT_IN,
    P2C_CMP_COUNT
};

/* The generic operations (runtime/ops.c): CPython's abstract API. */
P2C_API PyObject *P2C_BinaryOpGeneric(int op, PyObject *left, PyObject *right);
P2C_API PyObject *P2C_InPlaceOpGeneric(int op, PyObject *left, PyObject *right);
P2C_API PyObject *P2C_CompareOpGeneric(int op, PyObject *left, PyObject *right);
/* UNARY_*: op a P2C_UNARY_* (NOT yields a bool). */
P2C_API PyObject *P2C_UnaryOp(int op, PyObject *operand);

/* Floor division and modulo of C longs with Python's signs (b != 0). */
static inline long p2c_floor_div(long a, long b)
{
    long q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
static inline long p2c_floor_mod(long a, long b)
{
    long m = a % b;
    return (m != 0 && ((m < 0) != (b < 0))) ? m + b : m;
}

/* seq[i] when seq (may be NULL) is an exact list or tuple and i (negative:
 * from the end) is in range: borrowed, found as list_subscript and
 * tuple_subscript find it, without running code.  Else NULL, no
 * exception. */
P2C_ALWAYS_INLINE PyObject *P2C_PeekItem(PyObject *seq, Py_ssize_t i)
{
    if (seq == NULL)
        return NULL;
    if (PyList_CheckExact(seq)) {
        Py_ssize_t n = PyList_GET_SIZE(seq);
        if (i < 0)
            i += n;
        return i >= 0 && i < n ? PyList_GET_ITEM(seq, i) : NULL;
    }
    if (PyTuple_CheckExact(seq)) {
        Py_ssize_t n = PyTuple_GET_SIZE(seq);
        if (i < 0)
            i += n;
        return i >= 0 && i < n ? PyTuple_GET_ITEM(seq, i) : NULL;
    }
    return NULL;
}

/* Whether a long converts to a double exactly (|v| <= 2**53), as fused
 * arithmetic (pyc2c/numeric.h) requires of an int meeting a float. */
#define P2C_LONG_IS_EXACT_DOUBLE(v) \
    ((v) >= -(1L << 53) && (v) <= (1L << 53))

/* x ** y for floats where CPython's float_pow reaches the platform pow()
 * and gives a finite float: 1 and *r; 0 where it would do anything else
 * (0, inf or nan operands, a negative base with a fractional exponent, a
 * result out of range), for the caller's generic path.  runtime/ops.c. */
P2C_API int P2C_Float_PowFast(double x, double y, double *r);

/* Two compact ints: the result, or NULL to take the generic path.  Operands
 * are below 2**30 in magnitude, so sums, differences and products fit. */
static inline PyObject *p2c_int_binop(int op, long a, long b)
{
    switch (op) {
    case P2C_NB_ADD:      return P2C_Long_FromLong(a + b);
    case P2C_NB_SUBTRACT: return P2C_Long_FromLong(a - b);
    case P2C_NB_MULTIPLY: return PyLong_FromLongLong((long long)a * b);
    case P2C_NB_AND:      return P2C_Long_FromLong(a & b);
    case P2C_NB_OR:       return P2C_Long_FromLong(a | b);
    case P2C_NB_XOR:      return P2C_Long_FromLong(a ^ b);
    case P2C_NB_FLOOR_DIVIDE: return b ? P2C_Long_FromLong(p2c_floor_div(a, b)) : NULL;
    case P2C_NB_REMAINDER:    return b ? P2C_Long_FromLong(p2c_floor_mod(a, b)) : NULL;
    default:              return NULL;
    }
}

/* Two floats: the result, or NULL to take the generic path (which raises
 * ZeroDivisionError for x / 0.0). */
static inline PyObject *p2c_float_binop(int op, double a, double b)
{
    switch (op) {
    case P2C_NB_ADD:      return PyFloat_FromDouble(a + b);
    case P2C_NB_SUBTRACT: return PyFloat_FromDouble(a - b);
    case P2C_NB_MULTIPLY: return PyFloat_FromDouble(a * b);
    case P2C_NB_TRUE_DIVIDE: return b != 0.0 ? PyFloat_FromDouble(a / b) : NULL;
    default:              return NULL;
    }
}

/* The fast path shared by binary and in-place operators: exact ints and
 * floats are immutable, so `x op= y` on them is `x op y`.  NULL without an
 * exception means "not handled here"; an allocation failure sets one. */
static inline PyObject *p2c_number_fast(int op, PyObject *left, PyObject *right)
{
    long a, b;
    if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right))
        return p2c_float_binop(op, PyFloat_AS_DOUBLE(left), PyFloat_AS_DOUBLE(right));
    if (PyLong_CheckExact(left) && PyLong_CheckExact(right)
        && P2C_Long_AsCompact(left, &a) && P2C_Long_AsCompact(right, &b))
        return p2c_int_binop(op, a, b);
    return NULL;
}

/* BINARY_OP: op a P2C_NB_*. */
static inline PyObject *P2C_BinaryOp(int op, PyObject *left, PyObject *right)
{
    PyObject *r = p2c_number_fast(op, left, right);
    if (r != NULL || PyErr_Occurred())
        return r;
    return P2C_BinaryOpGeneric(op, left, right);
}

/* BINARY_OP's in-place form (augmented assignment). */
static inline PyObject *P2C_InPlaceOp(int op, PyObject *left, PyObject *right)
{
    PyObject *r = p2c_number_fast(op, left, right);
    if (r != NULL || PyErr_Occurred())
        return r;
    return P2C_InPlaceOpGeneric(op, left, right);
}

/* 1, 0: the outcome of a rich comparison of two C numbers. */
#define P2C_CMP_NUMBERS(op, a, b) \
    ((op) == P2C_CMP_LT ? (a) < (b) : (op) == P2C_CMP_LE ? (a) <= (b) : \
     (op) == P2C_CMP_EQ ? (a) == (b) : (op) == P2C_CMP_NE ? (a) != (b) : \
     (op) == P2C_CMP_GT ? (a) > (b) : (a) >= (b))

/* Whether two exact strs are equal, 1 or 0, as unicode_compare_eq decides
 * (3.11's COMPARE_OP_STR_JUMP specialization); -1 for a legacy str not in
 * canonical form, left to the generic comparison.  Out of line: its memcmp
 * would make every comparison site bigger. */
P2C_API int P2C_Str_Equal(PyObject *a, PyObject *b);

/* 1 when == or != (op) of left and right is decided as two exact strs,
 * with the answer in *truth. */
static inline int p2c_str_eq_op(int op, PyObject *left, PyObject *right, int *truth)
{
    if ((op != P2C_CMP_EQ && op != P2C_CMP_NE) || !PyUnicode_CheckExact(left) ||
        !PyUnicode_CheckExact(right))
        return 0;
    int eq = P2C_Str_Equal(left, right);
    *truth = eq == (op == P2C_CMP_EQ);
    return eq >= 0;
}

/* COMPARE_OP / IS_OP / CONTAINS_OP: op a P2C_CMP_*.  Floats compare as C
 * doubles exactly as float_richcompare does for two floats (NaN included). */
static inline PyObject *P2C_CompareOp(int op, PyObject *left, PyObject *right)
{
    long a, b;
    if (op == P2C_CMP_IS || op == P2C_CMP_IS_NOT)
        return Py_NewRef(((left == right) == (op == P2C_CMP_IS)) ? Py_True : Py_False);
    if (op <= P2C_CMP_GE && !P2C_COMPARE_AT_LIMIT()) {
        if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right))
            return Py_NewRef(P2C_CMP_NUMBERS(op, PyFloat_AS_DOUBLE(left),
                                             PyFloat_AS_DOUBLE(right)) ? Py_True : Py_False);
        if (PyLong_CheckExact(left) && PyLong_CheckExact(right)
            && P2C_Long_AsCompact(left, &a) && P2C_Long_AsCompact(right, &b))
            return Py_NewRef(P2C_CMP_NUMBERS(op, a, b) ? Py_True : Py_False);
        int truth;
        if (p2c_str_eq_op(op, left, right, &truth))
            return Py_NewRef(truth ? Py_True : Py_False);
    }
    return P2C_CompareOpGeneric(op, left, right);
}

/* A comparison whose only use is a branch (`if a < b:`, `while i < n:`):
 * 1 or 0 when the answer is a bool — the fast paths above, or any result
 * that is exactly True or False — without making a bool object; -1 with an
 * exception; 2 with *other holding a result that is not a bool (new), whose
 * truth the caller tests at the branch's own position, as POP_JUMP_IF
 * does after COMPARE_OP. */
P2C_API int P2C_CompareBranchGeneric(int op, PyObject *left, PyObject *right,
                                     PyObject **other);
static inline int P2C_CompareBranch(int op, PyObject *left, PyObject *right,
                                    PyObject **other)
{
    long a, b;
    if (op == P2C_CMP_IS || op == P2C_CMP_IS_NOT)
        return (left == right) == (op == P2C_CMP_IS);
    if (op <= P2C_CMP_GE && !P2C_COMPARE_AT_LIMIT()) {
        if (PyFloat_CheckExact(left) && PyFloat_CheckExact(right))
            return P2C_CMP_NUMBERS(op, PyFloat_AS_DOUBLE(left), PyFloat_AS_DOUBLE(right));
        if (PyLong_CheckExact(left) && PyLong_CheckExact(right)
            && P2C_Long_AsCompact(left, &a) && P2C_Long_AsCompact(right, &b))
            return P2C_CMP_NUMBERS(op, a, b);
        int truth;
        if (p2c_str_eq_op(op, left, right, &truth))
            return truth;
    }
    return P2C_CompareBranchGeneric(op, left, right, other);
}

/* The item of an exact list or tuple at a compact int index, borrowed; NULL
 * when the shortcut does not apply (the generic path then decides, raising
 * IndexError as CPython does). */
static inline PyObject *p2c_sequence_item(PyObject *container, PyObject *key)
{
    long i;
    Py_ssize_t n;
    PyObject **items;
    if (!PyLong_CheckExact(key) || !P2C_Long_AsCompact(key, &i))
        return NULL;
    if (PyList_CheckExact(container)) {
        n = PyList_GET_SIZE(container);
        items = ((PyListObject *)container)->ob_item;
    } else if (PyTuple_CheckExact(container)) {
        n = PyTuple_GET_SIZE(container);
        items = ((PyTupleObject *)container)->ob_item;
    } else {
        return NULL;
    }
    if (i < 0)
        i += n;
    return (i >= 0 && i < n) ? items[i] : NULL;
}

/* BINARY_SUBSCR beyond lists and tuples: an exact str at a compact int
 * index as unicode_getitem answers it (the cached one-character strings
 * below 256), else PyObject_GetItem.  Out of line: sites stay small. */
P2C_API PyObject *P2C_GetItemOther(PyObject *container, PyObject *key);

/* BINARY_SUBSCR: container[key], new reference. */
static inline PyObject *P2C_GetItem(PyObject *container, PyObject *key)
{
    PyObject *item = p2c_sequence_item(container, key);
    return item ? Py_NewRef(item) : P2C_GetItemOther(container, key);
}

/* container[start:stop:step] (BUILD_SLICE then BINARY_SUBSCR; 3.12's
 * BINARY_SLICE), the bounds borrowed, None where omitted: an exact list or
 * tuple is sliced without a slice object when the bounds are None or ints
 * of a Py_ssize_t, else through one (runtime/slices.c). */
P2C_API PyObject *P2C_GetSlice(PyObject *container, PyObject *start, PyObject *stop,
                               PyObject *step);
/* container[start:stop:step] = value (STORE_SUBSCR of a slice): an exact
 * list at a step of 1 through list_ass_slice directly, else as above.  0,
 * or -1 with an exception. */
P2C_API int P2C_SetSlice(PyObject *container, PyObject *start, PyObject *stop,
                         PyObject *step, PyObject *value);

/* STORE_SUBSCR: container[key] = value (value borrowed). */
static inline int P2C_SetItem(PyObject *container, PyObject *key, PyObject *value)
{
    long i;
    if (PyList_CheckExact(container) && PyLong_CheckExact(key)
        && P2C_Long_AsCompact(key, &i)) {
        Py_ssize_t n = PyList_GET_SIZE(container);
        if (i < 0)
            i += n;
        if (i >= 0 && i < n) {
            PyObject *old = PyList_GET_ITEM(container, i);
            PyList_SET_ITEM(container, i, Py_NewRef(value));
            Py_DECREF(old);
            return 0;
        }
    }
    if (PyDict_CheckExact(container))   /* STORE_SUBSCR_DICT: dict_ass_sub's own call */
        return PyDict_SetItem(container, key, value);
    return PyObject_SetItem(container, key, value);
}

#endif
