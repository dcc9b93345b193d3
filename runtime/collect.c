/* collect.c — the consumers a generator expression feeds in place
 * (pyc2c/collect.h; the kinds are pyc2c/collect_kinds.def).
 *
 * Each consumer repeats, item by item, what CPython 3.11's builtin does
 * with the items it takes from a generator: list() is list_extend's loop
 * (Objects/listobject.c), tuple() PySequence_Tuple's, set() and frozenset()
 * set_update_internal's, sorted() and str.join a list() first, sum()
 * builtin_sum_impl's three loops, min() and max() min_max's, any() and
 * all() theirs (Python/bltinmodule.c).  Results, the order of the calls
 * they make on items (__hash__, __eq__, __add__, __lt__, __bool__) and
 * their errors are the builtins'.
 */
#include "pyc2c/runtime.h"
#include "pyc2c/collect.h"

/* ---- which callee is which consumer -------------------------------------- */

/* The builtins module's definitions of the functions a kind stands for,
 * found once (builtins.h). */
static const PyMethodDef *builtin_defs[P2C_COLLECT_COUNT];
static int builtin_defs_found;

static const char *const kind_names[P2C_COLLECT_COUNT] = {
    [P2C_COLLECT_NONE] = NULL,
#define P2C_COLLECT(id, name, builtin) [P2C_COLLECT_##id] = name,
#include "pyc2c/collect_kinds.def"
#undef P2C_COLLECT
};

static void find_builtin_defs(void)
{
    for (int k = 1; k < P2C_COLLECT_COUNT; k++)
        builtin_defs[k] = P2C_Builtins_FindDef(kind_names[k]);
    builtin_defs_found = 1;
}

static int is_builtin_function(int kind, PyObject *callee)
{
    if (!PyCFunction_CheckExact(callee))
        return 0;
    if (P2C_UNLIKELY(!builtin_defs_found))
        find_builtin_defs();
    return builtin_defs[kind] != NULL &&
           ((PyCFunctionObject *)callee)->m_ml == builtin_defs[kind];
}

int
P2C_Collect_IsConsumer(int kind, PyObject *callee)
{
    switch (kind) {
#define TYPE(t) return callee == (PyObject *)&t;
#define FUNCTION return is_builtin_function(kind, callee);
#define STR_METHOD return callee != NULL && PyUnicode_CheckExact(callee);
#define P2C_COLLECT(id, name, builtin) case P2C_COLLECT_##id: builtin
#include "pyc2c/collect_kinds.def"
#undef P2C_COLLECT
#undef TYPE
#undef FUNCTION
#undef STR_METHOD
    default:
        return 0;
    }
}

/* ---- the states ------------------------------------------------------------ */

/* builtin_sum_impl's loops: it starts in the int one with 0, leaves it for
 * the float one if its result became an exact float, and otherwise (or
 * from the float one) for the generic one, never to come back. */
enum { SUM_INT, SUM_FLOAT, SUM_GENERIC };

/* list_extend's guess for an iterable without a length: room for 8. */
enum { LIST_GUESS = 8 };

static int uses_list(int kind)
{
    return kind == P2C_COLLECT_LIST || kind == P2C_COLLECT_TUPLE ||
           kind == P2C_COLLECT_SORTED || kind == P2C_COLLECT_JOIN;
}

int
P2C_Collect_Init(P2C_Collector *c, int kind, PyObject *sep)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->sep = sep;
    if (uses_list(kind)) {
        c->acc = PyList_New(LIST_GUESS);   /* list_extend's list_resize(8) */
        if (c->acc == NULL)
            return -1;
        Py_SET_SIZE(c->acc, 0);
    } else if (kind == P2C_COLLECT_SET) {
        c->acc = PySet_New(NULL);
    } else if (kind == P2C_COLLECT_FROZENSET) {
        c->acc = PyFrozenSet_New(NULL);
    } else {
        return 0;
    }
    return c->acc ? 0 : -1;
}

/* ---- one item ---------------------------------------------------------------- */

static int add_to_list(PyObject *list, PyObject *item)
{
    PyListObject *l = (PyListObject *)list;
    Py_ssize_t n = Py_SIZE(l);
    if (n < l->allocated) {
        PyList_SET_ITEM(list, n, item);
        Py_SET_SIZE(l, n + 1);
        return 0;
    }
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

/* builtin_sum_impl's int loop on one item: 1 when added in C. */
static int sum_int_fast(P2C_Collector *c, PyObject *item)
{
    if (!PyLong_CheckExact(item) && !PyBool_Check(item))
        return 0;
    int overflow = 0;
    long b = PyLong_AsLongAndOverflow(item, &overflow);
    if (overflow != 0 || (b == -1 && PyErr_Occurred()))
        return 0;   /* (an int cannot fail to convert but by overflow) */
    if (c->i_result >= 0 ? b > LONG_MAX - c->i_result : b < LONG_MIN - c->i_result)
        return 0;
    c->i_result += b;
    return 1;
}

/* builtin_sum_impl's float loop on one item: 1 when added in C. */
static int sum_float_fast(P2C_Collector *c, PyObject *item)
{
    if (PyFloat_CheckExact(item)) {
        c->f_result += PyFloat_AS_DOUBLE(item);
        return 1;
    }
    if (PyLong_Check(item)) {
        int overflow;
        long value = PyLong_AsLongAndOverflow(item, &overflow);
        if (!overflow) {
            c->f_result += (double)value;
            return 1;
        }
    }
    return 0;
}

/* sum() on one item (stolen) that its loop's C addition did not take
 * (add_without_code tried it): the generic addition, run with the frame
 * off the stack by the caller. */
static int sum_add(P2C_Collector *c, PyObject *item)
{
    /* "restore real objects and process normally" */
    if (c->sum_mode == SUM_INT)
        c->acc = PyLong_FromLong(c->i_result);
    else if (c->sum_mode == SUM_FLOAT)
        c->acc = PyFloat_FromDouble(c->f_result);
    if (c->acc == NULL) {
        Py_DECREF(item);
        return -1;
    }
    PyObject *sum = PyNumber_Add(c->acc, item);
    Py_DECREF(item);
    Py_SETREF(c->acc, sum);
    if (sum == NULL)
        return -1;
    if (c->sum_mode == SUM_INT && PyFloat_CheckExact(sum)) {
        c->f_result = PyFloat_AS_DOUBLE(sum);
        Py_CLEAR(c->acc);
        c->sum_mode = SUM_FLOAT;
    } else {
        c->sum_mode = SUM_GENERIC;
    }
    return 0;
}

/* min_max's step without a key: the item is its own value. */
static int min_max_add(P2C_Collector *c, PyObject *item, int op)
{
    if (c->acc == NULL) {
        c->acc = item;
        return 0;
    }
    int cmp = PyObject_RichCompareBool(item, c->acc, op);
    if (cmp > 0)
        Py_SETREF(c->acc, item);
    else
        Py_DECREF(item);
    return cmp < 0 ? -1 : 0;
}

/* any() and all(): the truth of the item decides when it is `decisive`. */
static int truth_add(P2C_Collector *c, PyObject *item, int decisive)
{
    int truth = PyObject_IsTrue(item);
    Py_DECREF(item);
    if (truth < 0)
        return -1;
    if (truth == decisive) {
        c->done = 1;
        return 1;
    }
    return 0;
}

/* Items that need no code run: appended without unlinking the frame. */
static int add_without_code(P2C_Collector *c, PyObject *item)
{
    if (uses_list(c->kind))
        return add_to_list(c->acc, item);
    if (c->kind == P2C_COLLECT_SUM && (c->sum_mode == SUM_INT ? sum_int_fast(c, item)
                                       : c->sum_mode == SUM_FLOAT && sum_float_fast(c, item))) {
        Py_DECREF(item);
        return 0;
    }
    return 1;
}

static int add_running_code(P2C_Collector *c, PyObject *item)
{
    switch (c->kind) {
    case P2C_COLLECT_SET:
    case P2C_COLLECT_FROZENSET: {
        int rc = PySet_Add(c->acc, item);
        Py_DECREF(item);
        return rc;
    }
    case P2C_COLLECT_SUM:
        return sum_add(c, item);
    case P2C_COLLECT_MIN:
        return min_max_add(c, item, Py_LT);
    case P2C_COLLECT_MAX:
        return min_max_add(c, item, Py_GT);
    case P2C_COLLECT_ANY:
        return truth_add(c, item, 1);
    case P2C_COLLECT_ALL:
        return truth_add(c, item, 0);
    default:
        Py_DECREF(item);
        PyErr_SetString(PyExc_SystemError, "P2C_Collect_Add: unknown consumer");
        return -1;
    }
}

int
P2C_Collect_Add(P2C_Collector *c, P2C_Frame *f, PyObject *item)
{
    int rc = add_without_code(c, item);
    if (rc <= 0)
        return rc;
    P2C_Frame_Unlink(f);
    rc = add_running_code(c, item);
    P2C_Frame_Relink(f);
    return rc;
}

/* ---- the end ------------------------------------------------------------------- */

/* list_extend's last step, "cut back result list if initial guess was too
 * large": list_resize(self, Py_SIZE(self)), which reallocates only when
 * the list uses less than half of its room, to its growth formula.  Keeps
 * sys.getsizeof() of the list what list() would give. */
static int trim_list(PyObject *list)
{
    PyListObject *l = (PyListObject *)list;
    Py_ssize_t n = Py_SIZE(l);
    if (n >= l->allocated || n >= (l->allocated >> 1))
        return 0;
    /* (list_resize's "closer to overallocated" test compares with the old
     * size, which is n here: it never holds) */
    size_t room = ((size_t)n + ((size_t)n >> 3) + 6) & ~(size_t)3;
    if (n == 0)
        room = 0;
    PyObject **items = PyMem_Realloc(l->ob_item, room * sizeof(PyObject *));
    if (items == NULL && room > 0) {
        PyErr_NoMemory();
        return -1;
    }
    l->ob_item = items;
    l->allocated = (Py_ssize_t)room;
    return 0;
}

/* tuple(<genexpr>)'s result from the items collected in list.
 * PySequence_Tuple resizes a tuple of its length guess down to what the
 * generator gave: 3.11's resize to 0 gives the empty tuple (), 3.10's a new
 * empty tuple that is not () (`tuple(x for x in []) is ()` is False). */
static PyObject *sequence_tuple_of(PyObject *list)
{
#ifdef P2C_TUPLE_RESIZE_KEEPS_EMPTY_310
    if (PyList_GET_SIZE(list) == 0) {
        PyObject *t = PyTuple_New(1);
        if (t == NULL || _PyTuple_Resize(&t, 0) < 0)
            return NULL;
        return t;
    }
#endif
    return PyList_AsTuple(list);
}

static PyObject *finish_list_kind(P2C_Collector *c)
{
    PyObject *list = c->acc;
    c->acc = NULL;
    if (trim_list(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *r;
    switch (c->kind) {
    case P2C_COLLECT_TUPLE:
        r = sequence_tuple_of(list);
        break;
    case P2C_COLLECT_SORTED:
        r = PyList_Sort(list) < 0 ? NULL : Py_NewRef(list);
        break;
    case P2C_COLLECT_JOIN:
        r = PyUnicode_Join(c->sep, list);
        break;
    default:
        return list;
    }
    Py_DECREF(list);
    return r;
}

static PyObject *finish(P2C_Collector *c)
{
    if (uses_list(c->kind))
        return finish_list_kind(c);
    PyObject *r = c->acc;
    c->acc = NULL;
    switch (c->kind) {
    case P2C_COLLECT_SUM:
        if (c->sum_mode == SUM_INT)
            return PyLong_FromLong(c->i_result);
        if (c->sum_mode == SUM_FLOAT)
            return PyFloat_FromDouble(c->f_result);
        return r;
    case P2C_COLLECT_MIN:
    case P2C_COLLECT_MAX:
        if (r == NULL)
            PyErr_Format(PyExc_ValueError, P2C_EMPTY_MINMAX_MESSAGE,
                         c->kind == P2C_COLLECT_MIN ? "min" : "max");
        return r;
    case P2C_COLLECT_ANY:
        return Py_NewRef(c->done ? Py_True : Py_False);
    case P2C_COLLECT_ALL:
        return Py_NewRef(c->done ? Py_False : Py_True);
    default:   /* SET, FROZENSET */
        return r;
    }
}

PyObject *
P2C_Collect_End(P2C_Collector *c, PyObject *r)
{
    if (r != NULL) {
        Py_DECREF(r);
        return finish(c);
    }
    Py_CLEAR(c->acc);
    /* what gen_send_ex2 makes of a StopIteration leaving the body (PEP 479) */
    if (c->body_failed && PyErr_ExceptionMatches(PyExc_StopIteration))
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
    return NULL;
}
