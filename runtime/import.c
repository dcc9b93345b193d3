/* import.c — IMPORT_NAME, IMPORT_FROM and IMPORT_STAR with the lookups and
 * messages of CPython 3.11's import_name, import_from and import_all_from
 * (Python/ceval.c). */
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

/* ---- IMPORT_STAR ---------------------------------------------------------- */

/* The names `from module import *` binds: module.__all__ (new reference,
 * *public_only 0), else the keys of module.__dict__ (a new list, *public_only
 * 1: names starting with '_' are skipped).  NULL with an exception: the
 * lookups' own errors, ImportError when the object has neither. */
static PyObject *
star_names(PyObject *module, int *public_only)
{
    static PyObject *all_name, *dict_name;
    PyObject *all, *dict;
    if (P2C_InternedString(&all_name, "__all__") == NULL ||
        P2C_InternedString(&dict_name, "__dict__") == NULL)
        return NULL;
    *public_only = 0;
    if (P2C_LookupAttr(module, all_name, &all) < 0)
        return NULL;
    if (all != NULL)
        return all;
    if (P2C_LookupAttr(module, dict_name, &dict) < 0)
        return NULL;
    if (dict == NULL) {
        PyErr_SetString(PyExc_ImportError,
                        "from-import-* object has no __dict__ and no __all__");
        return NULL;
    }
    all = PyMapping_Keys(dict);
    Py_DECREF(dict);
    *public_only = 1;
    return all;
}

/* TypeError for a name that is not a str: "Item in m.__all__ must be str,
 * not int" ("Key in m.__dict__ ..." for dict keys), or CPython's message
 * when module.__name__ is not a str either.  Always -1. */
static int
star_name_not_str(PyObject *module, PyObject *name, int public_only)
{
    static PyObject *name_name;
    PyObject *modname = P2C_InternedString(&name_name, "__name__")
                        ? PyObject_GetAttr(module, name_name) : NULL;
    if (modname == NULL)
        return -1;
    if (!PyUnicode_Check(modname))
        PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                     Py_TYPE(modname)->tp_name);
    else
        PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                     public_only ? "Key" : "Item", modname,
                     public_only ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
    Py_DECREF(modname);
    return -1;
}

/* 1 when the str name starts with '_' (the empty string does not), 0, -1. */
static int
is_private_name(PyObject *name)
{
    Py_ssize_t len = PyUnicode_GetLength(name);
    if (len < 0)
        return -1;
    return len > 0 && PyUnicode_ReadChar(name, 0) == '_';
}

/* Binds name (a str) to getattr(module, name) in locals. */
static int
star_bind(PyObject *locals, PyObject *module, PyObject *name)
{
    PyObject *value = PyObject_GetAttr(module, name);
    if (value == NULL)
        return -1;
    int rc = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, value)
                                       : PyObject_SetItem(locals, name, value);
    Py_DECREF(value);
    return rc;
}

/* The names are read by index until IndexError, as import_all_from does, so
 * __all__ may be any sequence (and a list growing meanwhile is followed).
 * The symtable allows `import *` in module code only, whose frame has no
 * fast locals: the FastToLocals / LocalsToFast around CPython's IMPORT_STAR
 * have nothing to do, and the locals are the globals. */
int
P2C_ImportStar(P2C_Frame *f, PyObject *module)
{
    PyObject *locals = P2C_Frame_Locals(f);
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    int public_only;
    PyObject *names = star_names(module, &public_only);
    if (names == NULL)
        return -1;
    int err = 0;
    for (Py_ssize_t i = 0; err == 0; i++) {
        PyObject *name = PySequence_GetItem(names, i);
        if (name == NULL) {
            if (PyErr_ExceptionMatches(PyExc_IndexError))
                PyErr_Clear();
            else
                err = -1;
            break;
        }
        int skip = 0;
        if (!PyUnicode_Check(name))
            err = star_name_not_str(module, name, public_only);
        else if (public_only && (skip = is_private_name(name)) < 0)
            err = -1;
        if (err == 0 && !skip)
            err = star_bind(locals, module, name);
        Py_DECREF(name);
    }
    Py_DECREF(names);
    return err;
}
