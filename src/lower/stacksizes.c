/* stacksizes.c — CPython's co_stacksize and co_names for each function of
 * the module.
 *
 * The stub code objects the code generator builds have no bytecode to derive
 * a stack depth from, yet their co_stacksize is visible: a frame object's and
 * a generator's __sizeof__ (test_sys checks them) and the frame size are
 * computed from it.  The front end keeps the code object CPython's own
 * compiler made of the module (AstUnit.code); its nested code objects are
 * matched to the IR functions by (co_qualname, co_firstlineno), in order
 * (both are created in source order), and their co_stacksize recorded.
 * So is their co_names (the global and attribute names the code uses, in
 * the compiler's order), which the stub keeps for inspect.getclosurevars.
 */
#include "lowering.h"

/* Appends (co_stacksize, co_names) of code and of every code object nested in its
 * co_consts (depth first) to the list under key (qualname, firstlineno). */
static int collect(PyObject *code, PyObject *sizes)
{
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *key = Py_BuildValue("(Oi)", co->co_qualname, co->co_firstlineno);
    PyObject *list = key ? PyDict_GetItemWithError(sizes, key) : NULL;
    if (key && !list && !PyErr_Occurred()) {
        list = PyList_New(0);
        if (list && PyDict_SetItem(sizes, key, list) < 0)
            Py_CLEAR(list);
        Py_XDECREF(list);   /* the dict holds it */
    }
    PyObject *n = list ? Py_BuildValue("(iO)", co->co_stacksize, co->co_names) : NULL;
    int rc = n ? PyList_Append(list, n) : -1;
    Py_XDECREF(n);
    Py_XDECREF(key);
    for (Py_ssize_t i = 0; rc == 0 && i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c))
            rc = collect(c, sizes);
    }
    return rc;
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

void lower_stack_sizes(IrModule *m, PyObject *module_code)
{
    if (!module_code || !PyCode_Check(module_code))
        return;
    PyObject *sizes = PyDict_New();
    if (sizes && collect(module_code, sizes) == 0)
        for (int i = 0; i < m->nfuncs; i++)
            take(m, sizes, m->funcs[i]);
    Py_XDECREF(sizes);
    PyErr_Clear();   /* a size not found is only a size not copied */
}
