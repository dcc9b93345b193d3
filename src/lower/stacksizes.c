/* stacksizes.c — CPython's co_stacksize and co_names for each function of
 * the module.
 *
 * The stub code objects the code generator builds have no bytecode to derive
 * a stack depth from, yet their co_stacksize is visible: a frame object's and
 * a generator's __sizeof__ (test_sys checks them) and the frame size are
 * computed from it.  The front end has the target's own compiler compile
 * the module and keeps, for each of its code objects, (co_qualname,
 * co_firstlineno, co_stacksize, co_names) (AstUnit.code_facts); they are
 * matched to the IR functions by (qualname, first line), in order (both are
 * created in source order).  co_names (the global and attribute names the
 * code uses, in the compiler's order) is kept by the stub for
 * inspect.getclosurevars.
 */
#include "lowering.h"

/* Groups the facts by key (qualname, firstlineno): a list of (size, names)
 * each, in order. */
static int collect(PyObject *facts, PyObject *sizes)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(facts); i++) {
        PyObject *f = PyList_GET_ITEM(facts, i);
        if (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != 4)
            return -1;
        PyObject *key = PyTuple_GetSlice(f, 0, 2);
        PyObject *list = key ? PyDict_GetItemWithError(sizes, key) : NULL;
        if (key && !list && !PyErr_Occurred()) {
            list = PyList_New(0);
            if (list && PyDict_SetItem(sizes, key, list) < 0)
                Py_CLEAR(list);
            Py_XDECREF(list);   /* the dict holds it */
        }
        PyObject *n = list ? PyTuple_GetSlice(f, 2, 4) : NULL;
        int rc = n ? PyList_Append(list, n) : -1;
        Py_XDECREF(n);
        Py_XDECREF(key);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Records the next unused (size, names) for fn; nothing when unknown. */
static void take(IrModule *m, PyObject *sizes, IrFunction *fn)
{
    PyObject *key = Py_BuildValue("(si)", fn->qualname, fn->pos.line);
    PyObject *list = key ? PyDict_GetItemWithError(sizes, key) : NULL;
    Py_XDECREF(key);
    if (!list || PyList_GET_SIZE(list) == 0)
        return;
    PyObject *entry = PyList_GET_ITEM(list, 0);
    fn->cpython_stacksize = (int)PyLong_AsLong(PyTuple_GET_ITEM(entry, 0));
    fn->names_cidx = ir_const(m, PyTuple_GET_ITEM(entry, 1));
    PySequence_DelItem(list, 0);
}

void lower_stack_sizes(IrModule *m, PyObject *code_facts)
{
    if (!code_facts || !PyList_Check(code_facts))
        return;
    PyObject *sizes = PyDict_New();
    if (sizes && collect(code_facts, sizes) == 0)
        for (int i = 0; i < m->nfuncs; i++)
            take(m, sizes, m->funcs[i]);
    Py_XDECREF(sizes);
    PyErr_Clear();   /* a size not found is only a size not copied */
}
