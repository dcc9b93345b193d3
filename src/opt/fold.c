/* fold.c — constant folding, as CPython's compiler does it.
 *
 * CPython folds constant expressions before it generates bytecode
 * (Python/ast_opt.c, 3.10 to 3.13 alike), and a program can tell: the
 * folded result is one constant of the code, so `a = (1, 2); b = (1, 2)`
 * makes `a is b` true, and `2 ** 64 - 1` costs nothing at run time.  So
 * this pass is not an optional optimization: it folds exactly what CPython
 * folds, at every -O level, with the same host operations (the embedded
 * interpreter's PyNumber_* functions, so results are bit-identical) and the
 * same size limits (a fold that would build a big int, string or tuple is
 * left to run time).  An operation that raises is not folded: it raises at
 * run time, at its own position, as under CPython.
 *
 * What is folded, bottom-up:
 *   - BINOP and UNARY over constants (not `@`; from 3.12 on, not `~` of a
 *     bool, which that version deprecates at run time);
 *   - a TUPLE display of constants, except where a display is the operand
 *     form itself (CALL_EX's arguments, BUILD_CLASS's bases);
 *   - SUBSCR of a constant by a constant;
 *   - the iterable of a for loop or comprehension (ITER), and the right
 *     operand of `in` / `not in`: a list display becomes a tuple display
 *     (a constant if its items are), a set display of constants a frozenset.
 * Not folded, as in CPython: `and`/`or`, comparisons, calls, f-strings.
 * `__debug__` stays a run-time read (DEBUG): a compiled program follows the
 * -O of the interpreter that runs it.
 */
#include "pyc2c/compiler/opt.h"

/* CPython's limits on what a fold may build (ast_opt.c). */
enum {
    MAX_INT_BITS = 128,
    MAX_COLLECTION_SIZE = 256,
    MAX_STR_SIZE = 4096,
    MAX_TOTAL_ITEMS = 1024,
};

/* ---- the guarded operations: NULL means "do not fold" ------------------- */

/* The items of obj and of its nested tuples and frozensets, subtracted
 * from limit; negative when there are too many to hash cheaply. */
static Py_ssize_t items_left(PyObject *obj, Py_ssize_t limit)
{
    if (PyTuple_Check(obj)) {
        limit -= PyTuple_GET_SIZE(obj);
        for (Py_ssize_t i = 0; limit >= 0 && i < PyTuple_GET_SIZE(obj); i++)
            limit = items_left(PyTuple_GET_ITEM(obj, i), limit);
    } else if (PyFrozenSet_Check(obj)) {
        limit -= PySet_GET_SIZE(obj);
        PyObject *it = PyObject_GetIter(obj), *item;
        while (it && limit >= 0 && (item = PyIter_Next(it))) {
            limit = items_left(item, limit);
            Py_DECREF(item);
        }
        Py_XDECREF(it);
    }
    return limit;
}

/* Bits of a nonzero int; (size_t)-1 on error. */
static size_t int_bits(PyObject *v)
{
    PyObject *n = PyObject_CallMethod(v, "bit_length", NULL);
    if (!n)
        return (size_t)-1;
    size_t bits = PyLong_AsSize_t(n);
    Py_DECREF(n);
    return bits;
}

static bool nonzero_int(PyObject *v)
{
    return PyLong_Check(v) && PyObject_IsTrue(v) == 1;
}

static bool positive_int(PyObject *v)
{
    return PyLong_Check(v) && _PyLong_Sign(v) > 0;
}

static Py_ssize_t sized_len(PyObject *w)
{
    if (PyTuple_Check(w))
        return PyTuple_GET_SIZE(w);
    if (PyFrozenSet_Check(w))
        return PySet_GET_SIZE(w);
    if (PyUnicode_Check(w))
        return PyUnicode_GET_LENGTH(w);
    return PyBytes_GET_SIZE(w);
}

/* n * w for a count n and a tuple, frozenset, str or bytes w. */
static bool repeat_is_small(PyObject *n_obj, PyObject *w)
{
    Py_ssize_t size = sized_len(w);
    if (size == 0)
        return true;
    long n = PyLong_AsLong(n_obj);
    if (n == -1 && PyErr_Occurred())
        return false;
    if (PyUnicode_Check(w) || PyBytes_Check(w))
        return n >= 0 && n <= MAX_STR_SIZE / size;
    if (n < 0 || n > MAX_COLLECTION_SIZE / size)
        return false;
    return n == 0 || items_left(w, MAX_TOTAL_ITEMS / n) >= 0;
}

static bool repeatable(PyObject *w)
{
    return PyTuple_Check(w) || PyFrozenSet_Check(w) || PyUnicode_Check(w) ||
           PyBytes_Check(w);
}

static PyObject *safe_multiply(PyObject *v, PyObject *w)
{
    if (nonzero_int(v) && nonzero_int(w)) {
        size_t vbits = int_bits(v), wbits = int_bits(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1 || vbits + wbits > MAX_INT_BITS)
            return NULL;
    } else if (PyLong_Check(v) && repeatable(w)) {
        if (!repeat_is_small(v, w))
            return NULL;
    } else if (PyLong_Check(w) && repeatable(v)) {
        if (!repeat_is_small(w, v))
            return NULL;
    }
    return PyNumber_Multiply(v, w);
}

static PyObject *safe_power(PyObject *v, PyObject *w)
{
    if (nonzero_int(v) && positive_int(w)) {
        size_t vbits = int_bits(v), wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1 || vbits > MAX_INT_BITS / wbits)
            return NULL;
    }
    return PyNumber_Power(v, w, Py_None);
}

static PyObject *safe_lshift(PyObject *v, PyObject *w)
{
    if (nonzero_int(v) && nonzero_int(w)) {
        size_t vbits = int_bits(v), wbits = PyLong_AsSize_t(w);
        if (vbits == (size_t)-1 || wbits == (size_t)-1 || wbits > MAX_INT_BITS ||
            vbits > MAX_INT_BITS - wbits)
            return NULL;
    }
    return PyNumber_Lshift(v, w);
}

/* `"..." % x` is string formatting: CPython leaves it to run time. */
static PyObject *safe_mod(PyObject *v, PyObject *w)
{
    if (PyUnicode_Check(v) || PyBytes_Check(v))
        return NULL;
    return PyNumber_Remainder(v, w);
}

typedef PyObject *(*BinaryFold)(PyObject *, PyObject *);

/* Each operator's fold; NULL: never folded (no constant implements `@`). */
static const BinaryFold binary_fold[IR_BINOP_COUNT] = {
    [IR_BINOP_ADD] = PyNumber_Add,
    [IR_BINOP_SUB] = PyNumber_Subtract,
    [IR_BINOP_MULT] = safe_multiply,
    [IR_BINOP_DIV] = PyNumber_TrueDivide,
    [IR_BINOP_FLOORDIV] = PyNumber_FloorDivide,
    [IR_BINOP_MOD] = safe_mod,
    [IR_BINOP_POW] = safe_power,
    [IR_BINOP_LSHIFT] = safe_lshift,
    [IR_BINOP_RSHIFT] = PyNumber_Rshift,
    [IR_BINOP_BITOR] = PyNumber_Or,
    [IR_BINOP_BITXOR] = PyNumber_Xor,
    [IR_BINOP_BITAND] = PyNumber_And,
};

static PyObject *logical_not(PyObject *v)
{
    int r = PyObject_IsTrue(v);
    return r < 0 ? NULL : PyBool_FromLong(!r);
}

/* The pass's state: the module, and the version of the target interpreter
 * (PY_VERSION_HEX's layout), where its compiler's rules differ. */
typedef struct {
    IrModule *m;
    unsigned version;
} Fold;

static PyObject *unary_fold(const Fold *f, int op, PyObject *v)
{
    switch (op) {
    case IR_UNARY_INVERT:
        if (PyBool_Check(v) && f->version >= 0x030C0000)
            return NULL;
        return PyNumber_Invert(v);
    case IR_UNARY_NOT:    return logical_not(v);
    case IR_UNARY_UADD:   return PyNumber_Positive(v);
    case IR_UNARY_USUB:   return PyNumber_Negative(v);
    }
    return NULL;
}

/* ---- rewriting nodes ---------------------------------------------------- */

static PyObject *const_of(const IrModule *m, const IrNode *n)
{
    return ir_const_get(m, n->cidx);
}

/* Turns n into the constant value (a new reference, consumed).  A NULL
 * value is a fold refused: the error it raised is dropped and n stays.
 * -1 only when the constant table cannot take the value (memory). */
static int become_const(IrModule *m, IrNode *n, PyObject *value)
{
    if (!value) {
        PyErr_Clear();
        return 0;
    }
    int cidx = ir_const(m, value);
    Py_DECREF(value);
    if (cidx < 0)
        return -1;
    n->kind = IR_CONST;
    n->cidx = cidx;
    n->op = 0;
    n->nkids = 0;
    return 0;
}

static bool all_const(const IrNode *n)
{
    for (int i = 0; i < n->nkids; i++)
        if (n->kids[i]->kind != IR_CONST)
            return false;
    return true;
}

/* The tuple of a display's constant items; NULL if one is not constant. */
static PyObject *items_tuple(const IrModule *m, const IrNode *n)
{
    if (!all_const(n))
        return NULL;
    PyObject *t = PyTuple_New(n->nkids);
    for (int i = 0; t && i < n->nkids; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(const_of(m, n->kids[i])));
    return t;
}

static bool has_starred(const IrNode *n)
{
    for (int i = 0; i < n->nkids; i++)
        if (n->kids[i]->kind == IR_STARRED)
            return true;
    return false;
}

/* An iterated or `in`-tested display: a list becomes a tuple (nobody else
 * can see it), and a display of constants a tuple or frozenset constant. */
static int fold_iterable(IrModule *m, IrNode *n)
{
    if ((n->kind != IR_LIST && n->kind != IR_SET) || has_starred(n))
        return 0;
    PyObject *items = items_tuple(m, n);
    if (n->kind == IR_LIST) {
        n->kind = IR_TUPLE;
        return items ? become_const(m, n, items) : 0;
    }
    if (!items)
        return 0;
    PyObject *frozen = PyFrozenSet_New(items);
    Py_DECREF(items);
    return become_const(m, n, frozen);
}

static int fold_node(const Fold *f, IrNode *n)
{
    IrModule *m = f->m;
    switch (n->kind) {
    case IR_BINOP:
        if (!all_const(n) || !binary_fold[n->op])
            return 0;
        return become_const(m, n, binary_fold[n->op](const_of(m, n->kids[0]),
                                                      const_of(m, n->kids[1])));
    case IR_UNARY:
        if (!all_const(n))
            return 0;
        return become_const(m, n, unary_fold(f, n->op, const_of(m, n->kids[0])));
    case IR_TUPLE:
        return all_const(n) ? become_const(m, n, items_tuple(m, n)) : 0;
    case IR_SUBSCR:
        if (!all_const(n))
            return 0;
        return become_const(m, n, PyObject_GetItem(const_of(m, n->kids[0]),
                                                   const_of(m, n->kids[1])));
    case IR_ITER:
        return fold_iterable(m, n->kids[0]);
    case IR_COMPARE:
        if (n->op != IR_CMP_IN && n->op != IR_CMP_NOTIN)
            return 0;
        return fold_iterable(m, n->kids[1]);
    default:
        return 0;
    }
}

/* Kid i of n is a display that is part of n's form, not a value. */
static bool display_operand(const IrNode *n, int i)
{
    return i == 1 && (n->kind == IR_CALL_EX || n->kind == IR_BUILD_CLASS);
}

/* A set display of more than two constant items that stays a display (not
 * an iterable folded above): CPython builds it as BUILD_SET 0, LOAD_CONST
 * frozenset, SET_UPDATE (compile.c, starunpack_helper), and a program can
 * tell: the set's iteration order is the frozenset constant's table copied,
 * not the order of adding the items one by one ({7, 255, 1000} prints as
 * {1000, 7, 255} in CPython, {1000, 255, 7} item by item).  So the display
 * becomes {*frozenset} (docs/reformulations.md, "Set displays"). */
static int fold_set_display(IrModule *m, IrNode *n)
{
    if (n->kind != IR_SET || n->nkids <= 2 || !all_const(n))
        return 0;
    PyObject *items = items_tuple(m, n);
    PyObject *frozen = items ? PyFrozenSet_New(items) : NULL;
    Py_XDECREF(items);
    if (!frozen) {
        PyErr_Clear();   /* left to run time, which raises the same */
        return 0;
    }
    IrNode *c = ir_node_new(m, IR_CONST, n->pos);
    if (become_const(m, c, frozen) < 0)
        return -1;
    n->nkids = 0;
    ir_node_add(m, n, ir_node(m, IR_STARRED, n->pos, 1, c));
    return 0;
}

/* Folds n's kids, then n (a display operand only inside), then the kids
 * that are still set displays (n did not fold them into an iterable). */
static int fold_tree(const Fold *f, IrNode *n, bool operand)
{
    for (int i = 0; i < n->nkids; i++)
        if (n->kids[i] && fold_tree(f, n->kids[i], display_operand(n, i)) < 0)
            return -1;
    if (!operand && fold_node(f, n) < 0)
        return -1;
    for (int i = 0; i < n->nkids; i++)
        if (n->kids[i] && fold_set_display(f->m, n->kids[i]) < 0)
            return -1;
    return 0;
}

int opt_fold_module(IrModule *m, unsigned python_version)
{
    Fold f = {m, python_version};
    for (int i = 0; i < m->nfuncs; i++)
        if (fold_tree(&f, m->funcs[i]->body, false) < 0)
            return -1;
    return 0;
}
