/* import.c — IMPORT_NAME and IMPORT_FROM with the lookups and messages of
 * CPython 3.11's import_name and import_from (Python/ceval.c). */
#include "internal.h"

/* The C function behind the genuine builtins.__import__, found once in the
 * builtins module's method table (so a replaced builtins.__import__ can't be
 * mistaken for it).  NULL when not found. */
static PyCFunction
builtin_import_impl(void)
{
    static PyCFunction impl;
    if (impl != NULL)
        return impl;
    PyObject *builtins = PyImport_ImportModule("builtins");
    if (builtins == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyModuleDef *def = PyModule_GetDef(builtins);
    for (PyMethodDef *m = def ? def->m_methods : NULL; m && m->ml_name; m++) {
        if (strcmp(m->ml_name, "__import__") == 0) {
            impl = m->ml_meth;
            break;
        }
    }
    Py_DECREF(builtins);
    return impl;
}

static int
is_builtin_import(PyObject *func)
{
    return PyCFunction_Check(func) && PyCFunction_GET_FUNCTION(func) != NULL &&
           PyCFunction_GET_FUNCTION(func) == builtin_import_impl();
}

static PyObject *
call_import(PyObject *import_func, PyObject *name, PyObject *globals,
            PyObject *locals, PyObject *fromlist, int level)
{
    PyObject *lvl = PyLong_FromLong(level);
    if (lvl == NULL)
        return NULL;
    PyObject *args[5] = {name, globals, locals, fromlist, lvl};
    PyObject *res = PyObject_Vectorcall(import_func, args, 5, NULL);
    Py_DECREF(lvl);
    return res;
}

PyObject *
P2C_ImportName(P2C_Frame *f, PyObject *name, PyObject *fromlist, int level)
{
    static PyObject *key;
    if (P2C_InternedString(&key, "__import__") == NULL)
        return NULL;
    PyObject *import_func = PyDict_GetItemWithError(P2C_Frame_Builtins(f), key);
    if (import_func == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = P2C_Frame_Locals(f) ? P2C_Frame_Locals(f) : Py_None;
    if (is_builtin_import(import_func))
        return PyImport_ImportModuleLevelObject(name, P2C_Frame_Globals(f), locals,
                                                fromlist, level);
    Py_INCREF(import_func);   /* the call may replace builtins.__import__ */
    PyObject *res = call_import(import_func, name, P2C_Frame_Globals(f), locals,
                                fromlist, level);
    Py_DECREF(import_func);
    return res;
}

/* Sets the ImportError of a failed `from module import name`: with the
 * module's file, "(unknown location)" without one, and the circular-import
 * wording while the module is still initializing.  pkgname: the module's
 * __name__ (str) or NULL. */
static void
import_from_error(PyObject *module, PyObject *name, PyObject *pkgname)
{
    PyObject *pkgpath = PyModule_GetFilenameObject(module);
    PyObject *shown = pkgname ? Py_NewRef(pkgname)
                              : PyUnicode_FromString("<unknown module name>");
    PyObject *msg = NULL;
    if (shown == NULL)
        goto done;
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        PyErr_Clear();
        msg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)",
                                   name, shown);
        PyErr_SetImportError(msg, pkgname, NULL);
    }
    else {
        static PyObject *spec_name;
        PyObject *spec = P2C_InternedString(&spec_name, "__spec__")
                         ? PyObject_GetAttr(module, spec_name) : NULL;
        int initializing = P2C_ModuleSpecIsInitializing(spec);
        Py_XDECREF(spec);
        msg = PyUnicode_FromFormat(
            initializing ? "cannot import name %R from partially initialized module "
                           "%R (most likely due to a circular import) (%S)"
                         : "cannot import name %R from %R (%S)",
            name, shown, pkgpath);
        PyErr_SetImportError(msg, pkgname, pkgpath);
    }
done:
    Py_XDECREF(msg);
    Py_XDECREF(shown);
    Py_XDECREF(pkgpath);
}

PyObject *
P2C_ImportFrom(PyObject *module, PyObject *name)
{
    PyObject *x;
    if (P2C_LookupAttr(module, name, &x) != 0)
        return x;
    /* A circular relative import may have the submodule in sys.modules
     * before it is set as an attribute of its package (bpo-17636). */
    static PyObject *name_name;
    PyObject *pkgname = P2C_InternedString(&name_name, "__name__")
                        ? PyObject_GetAttr(module, name_name) : NULL;
    if (pkgname != NULL && PyUnicode_Check(pkgname)) {
        PyObject *full = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (full == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(full);
        Py_DECREF(full);
        if (x != NULL || PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return x;
        }
    }
    else {
        Py_CLEAR(pkgname);
    }
    import_from_error(module, name, pkgname);
    Py_XDECREF(pkgname);
    return NULL;
}
