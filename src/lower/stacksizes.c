/* stacksizes.c — what CPython's compiler gives each code object of the
 * module that a stub code object keeps: co_stacksize, co_names, co_consts.
 *
 * The stub code objects the code generator builds have no bytecode to derive
 * a stack depth from, yet their co_stacksize is visible: a frame object's and
 * a generator's __sizeof__ (test_sys checks them) and the frame size are
 * computed from it.  The front end has the target's own compiler compile
 * the module and keeps, for each of its code objects, (co_qualname,
 * co_firstlineno, co_stacksize, co_names, consts, shape)
 * (AstUnit.code_facts, src/front/parse_helper.py); they are matched to the
 * IR functions by (qualname, first line), in order (both are created in
 * source order).  co_names (the global and attribute names the code uses,
 * in the compiler's order) is kept by the stub for inspect.getclosurevars.
 *
 * co_consts (docs/runtime.md, "co_consts of a stub"): each constant (but
 * the module body's, stub_fact) is made
 * a constant of the module's table here, so that the stub's co_consts refer
 * to the table's objects (one copy in the blob, cgen/codeobj.c) — code
 * generation may add no constant — and each nested code object becomes
 * ("f", id) of the IR function matched to it, or ("s", fact index) when
 * pyc2c made no function of it (a comprehension compiled inline): the code
 * generator makes a stub without a body of that code's facts.
 */
#include "lowering.h"

/* Groups the fact indexes by key (qualname, firstlineno): a list each, in
 * order. */
static int collect(PyObject *facts, PyObject *keys)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(facts); i++) {
        PyObject *f = PyList_GET_ITEM(facts, i);
        if (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != 6)
            return -1;
        PyObject *key = PyTuple_GetSlice(f, 0, 2);
        PyObject *list = key ? PyDict_GetItemWithError(keys, key) : NULL;
        if (key && !list && !PyErr_Occurred()) {
            list = PyList_New(0);
            if (list && PyDict_SetItem(keys, key, list) < 0)
                Py_CLEAR(list);
            Py_XDECREF(list);   /* the dict holds it */
        }
        PyObject *index = list ? PyLong_FromSsize_t(i) : NULL;
        int rc = index ? PyList_Append(list, index) : -1;
        Py_XDECREF(index);
        Py_XDECREF(key);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Records the next unused facts for fn; nothing when unknown. */
static void take(IrModule *m, PyObject *facts, PyObject *keys, IrFunction *fn)
{
    PyObject *key = Py_BuildValue("(si)", fn->qualname, fn->pos.line);
    PyObject *list = key ? PyDict_GetItemWithError(keys, key) : NULL;
    Py_XDECREF(key);
    if (!list || PyList_GET_SIZE(list) == 0)
        return;
    int at = (int)PyLong_AsLong(PyList_GET_ITEM(list, 0));
    PyObject *entry = PyList_GET_ITEM(facts, at);
    fn->cpython_stacksize = (int)PyLong_AsLong(PyTuple_GET_ITEM(entry, 2));
    fn->names_cidx = ir_const(m, PyTuple_GET_ITEM(entry, 3));
    fn->fact_index = at;
    PySequence_DelItem(list, 0);
}

/* new: one item of a stub's co_consts (above) for CPython's item (0,
 * constant) or (1, fact index); owner[k] is the IR function matched to
 * fact k or NULL.  A constant the table cannot hold stays itself ("k"). */
static PyObject *stub_item(IrModule *m, PyObject *item, IrFunction *const *owner, int nfacts)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2)
        return NULL;
    PyObject *value = PyTuple_GET_ITEM(item, 1);
    if (PyLong_AsLong(PyTuple_GET_ITEM(item, 0)) == 1) {
        long k = PyLong_AsLong(value);
        if (k < 0 || k >= nfacts)
            return NULL;
        return owner[k] ? Py_BuildValue("(si)", "f", owner[k]->id)
                        : Py_BuildValue("(sl)", "s", k);
    }
    /* a frozenset came through marshal, which re-added its items in sorted
     * order: the one folding makes has CPython's layout (ir_const_stand_in) */
    int cidx = PyFrozenSet_CheckExact(value) ? ir_const_stand_in(m, value)
                                             : ir_const(m, value);
    if (cidx >= 0)
        return PyLong_FromLong(cidx);
    PyErr_Clear();
    return Py_BuildValue("(sO)", "k", value);
}

/* Whether CPython's item (kind, value) is a nested code object's. */
static int is_code(PyObject *item)
{
    return PyTuple_Check(item) && PyTuple_GET_SIZE(item) == 2 &&
           PyLong_AsLong(PyTuple_GET_ITEM(item, 0)) == 1;
}

/* new: (stub items of fact's co_consts, fact).  code_only (the module
 * body): its first item and its code objects alone — nothing reads the
 * module's other constants, and big literals at module level put thousands
 * there (a 3000-entry dict literal: 30 kB of references in the blob), some
 * not otherwise in the table. */
static PyObject *stub_fact(IrModule *m, PyObject *fact, IrFunction *const *owner, int nfacts,
                           int code_only)
{
    PyObject *consts = PyTuple_GET_ITEM(fact, 4);
    if (!PyTuple_Check(consts))
        return NULL;
    PyObject *list = PyList_New(0);
    for (Py_ssize_t i = 0; list && i < PyTuple_GET_SIZE(consts); i++) {
        if (code_only && i > 0 && !is_code(PyTuple_GET_ITEM(consts, i)))
            continue;
        PyObject *item = stub_item(m, PyTuple_GET_ITEM(consts, i), owner, nfacts);
        if (!item || PyList_Append(list, item) < 0)
            Py_CLEAR(list);
        Py_XDECREF(item);
    }
    PyObject *items = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    PyObject *pair = items ? PyTuple_Pack(2, items, fact) : NULL;
    Py_XDECREF(items);
    return pair;
}

/* m->stub_facts from the facts, once each function has its fact_index. */
static void resolve_stub_facts(IrModule *m, PyObject *facts)
{
    int nfacts = (int)PyList_GET_SIZE(facts);
    IrFunction **owner = PyMem_Calloc((size_t)nfacts + 1, sizeof *owner);
    PyObject *list = owner ? PyList_New(nfacts) : NULL;
    for (int i = 0; list && i < m->nfuncs; i++)
        if (m->funcs[i]->fact_index >= 0)
            owner[m->funcs[i]->fact_index] = m->funcs[i];
    for (int k = 0; list && k < nfacts; k++) {
        PyObject *pair = stub_fact(m, PyList_GET_ITEM(facts, k), owner, nfacts,
                                   owner[k] && owner[k]->is_module);
        if (!pair)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, k, pair);
    }
    PyMem_Free(owner);
    m->stub_facts = list;   /* NULL: stubs keep only their docstring */
}

void lower_stack_sizes(IrModule *m, PyObject *code_facts)
{
    if (!code_facts || !PyList_Check(code_facts))
        return;
    PyObject *keys = PyDict_New();
    if (keys && collect(code_facts, keys) == 0) {
        for (int i = 0; i < m->nfuncs; i++)
            take(m, code_facts, keys, m->funcs[i]);
        resolve_stub_facts(m, code_facts);
    }
    Py_XDECREF(keys);
    PyErr_Clear();   /* a fact not found is only a fact not copied */
}
