/* cells.c — closures and function parts: MAKE_CELL, COPY_FREE_VARS, the
 * unbound-cell errors of LOAD_DEREF / DELETE_DEREF, keyword-only defaults and
 * annotations of MAKE_FUNCTION, SETUP_ANNOTATIONS (CPython 3.11 semantics,
 * Python/ceval.c).  docs/architecture.md, "Cells and free variables".
 */
#include "internal.h"

int
P2C_MakeCell(PyObject **slot)
{
    PyObject *cell = PyCell_New(*slot);   /* takes its own reference */
    if (cell == NULL)
        return -1;
    Py_XSETREF(*slot, cell);
    return 0;
}

int
P2C_MakeCellFrom(PyObject **slot, PyObject **arg)
{
    PyObject *cell = PyCell_New(*arg);
    if (cell == NULL)
        return -1;
    Py_CLEAR(*arg);
    Py_XSETREF(*slot, cell);
    return 0;
}

void
P2C_CopyFreeVars(PyObject **slots, PyObject *func, int n)
{
    PyObject *closure = ((PyFunctionObject *)func)->func_closure;
    for (int i = 0; i < n; i++)
        slots[i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
}

/* format_exc_check_arg: NameError gets its .name for the traceback's
 * "Did you mean" suggestions. */
PyObject *
P2C_RaiseUnboundDeref(PyObject *name, int is_free)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return NULL;
    if (!is_free)
        return P2C_RaiseUnboundLocal(name);
    PyErr_Format(PyExc_NameError, P2C_UNBOUND_FREE_MESSAGE, s);
    P2C_NameErrorSetName(name);
    return NULL;
}

PyObject *
P2C_DictFromKeys(PyObject *keys, PyObject *const *values)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(keys); i++)
        if (PyDict_SetItem(d, PyTuple_GET_ITEM(keys, i), values[i]) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    return d;
}

int
P2C_Function_SetAnnotations(PyObject *func, PyObject *annotations)
{
    if (!PyFunction_Check(func) && !PyObject_TypeCheck(func, &PyFunction_Type)) {
        PyErr_SetString(PyExc_SystemError, "P2C_Function_SetAnnotations: function expected");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)func)->func_annotations, Py_NewRef(annotations));
    return 0;
}

/* SETUP_ANNOTATIONS: an exact dict namespace is tested with a dict lookup,
 * any other mapping through the mapping protocol, as ceval.c does. */
int
P2C_SetupAnnotations(PyObject *locals)
{
    static PyObject *key;
    if (P2C_InternedString(&key, "__annotations__") == NULL)
        return -1;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    if (PyDict_CheckExact(locals)) {
        PyObject *ann = PyDict_GetItemWithError(locals, key);
        if (ann != NULL || PyErr_Occurred())
            return ann != NULL ? 0 : -1;
        ann = PyDict_New();
        int rc = ann ? PyDict_SetItem(locals, key, ann) : -1;
        Py_XDECREF(ann);
        return rc;
    }
    PyObject *ann = PyObject_GetItem(locals, key);
    if (ann != NULL) {
        Py_DECREF(ann);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return -1;
    PyErr_Clear();
    ann = PyDict_New();
    int rc = ann ? PyObject_SetItem(locals, key, ann) : -1;
    Py_XDECREF(ann);
    return rc;
}
