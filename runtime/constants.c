/* constants.c — a module's constants: one marshalled tuple in the C file,
 * unmarshalled once into a table of strong references. */
#include "internal.h"
#include <marshal.h>

/* In the co_consts of code (a stub) and of the code objects among them,
 * recursively, each item that is one of the tuples made (keyed by address)
 * becomes the frozenset made of it.  -1 with an exception set. */
static int
share_frozensets(PyCodeObject *code, PyObject *made)
{
    PyObject *consts = code->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(consts, i);
        if (PyCode_Check(c)) {
            if (share_frozensets((PyCodeObject *)c, made) < 0)
                return -1;
            continue;
        }
        if (!PyTuple_CheckExact(c))
            continue;
        PyObject *address = PyLong_FromVoidPtr(c);
        PyObject *frozen = address ? PyDict_GetItemWithError(made, address) : NULL;
        Py_XDECREF(address);
        if (frozen) {
            PyTuple_SET_ITEM(consts, i, Py_NewRef(frozen));
            Py_DECREF(c);
        } else if (PyErr_Occurred()) {
            return -1;
        }
    }
    return 0;
}

/* The blob's last item lists the indexes of the frozenset constants, each
 * written as the tuple of its items in the order that rebuilds CPython's
 * table layout (cgen.c, marshal_table): made frozensets again here.  A
 * stub's co_consts holds that same tuple where CPython's has the frozenset
 * (marshal_constants in src/front/parse_helper.py): it gets the frozenset,
 * the object compiled code loads.  A frozenset marshal wrote would be a
 * copy whose layout (its iteration order) marshal's item order made.  On
 * an error the table is left whole (tuples where frozensets were
 * missing). */
static int
rebuild_frozensets(PyObject **table, Py_ssize_t n, PyObject *indexes)
{
    PyObject *made = PyDict_New();
    for (Py_ssize_t k = 0; made && k < PyTuple_GET_SIZE(indexes); k++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GET_ITEM(indexes, k));
        if (i < 0 || i >= n || !PyTuple_CheckExact(table[i])) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_SystemError, "pyc2c: corrupt constants blob");
            Py_CLEAR(made);
            break;
        }
        PyObject *address = PyLong_FromVoidPtr(table[i]);
        PyObject *frozen = address ? PyFrozenSet_New(table[i]) : NULL;
        if (!frozen || PyDict_SetItem(made, address, frozen) < 0)
            Py_CLEAR(made);
        Py_XDECREF(address);
        Py_XDECREF(frozen);
    }
    /* the stubs first, while the tuples are still in the table (alive) */
    for (Py_ssize_t j = 0; made && j < n; j++)
        if (PyCode_Check(table[j]) && share_frozensets((PyCodeObject *)table[j], made) < 0)
            Py_CLEAR(made);
    for (Py_ssize_t k = 0; made && k < PyTuple_GET_SIZE(indexes); k++) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GET_ITEM(indexes, k));
        PyObject *address = PyLong_FromVoidPtr(table[i]);
        PyObject *frozen = address ? PyDict_GetItemWithError(made, address) : NULL;
        Py_XDECREF(address);
        if (!frozen) {
            Py_CLEAR(made);
            break;
        }
        Py_SETREF(table[i], Py_NewRef(frozen));
    }
    if (!made)
        return -1;
    Py_DECREF(made);
    return 0;
}

int
P2C_LoadConstants(const unsigned char *blob, Py_ssize_t size, PyObject **table,
                  Py_ssize_t n)
{
    if (table[0] != NULL || n == 0)
        return 0;
    PyObject *t = PyMarshal_ReadObjectFromString((const char *)blob, size);
    if (t == NULL)
        return -1;
    if (!PyTuple_CheckExact(t) || PyTuple_GET_SIZE(t) != n + 1 ||
            !PyTuple_CheckExact(PyTuple_GET_ITEM(t, n))) {
        PyErr_Format(PyExc_SystemError,
                     "pyc2c: corrupt constants blob (expected a tuple of %zd)", n + 1);
        Py_DECREF(t);
        return -1;
    }
    /* Kept for the life of the process: compiled code refers to them from
     * static tables (docs/runtime.md, "constants"). */
    for (Py_ssize_t i = 0; i < n; i++)
        table[i] = Py_NewRef(PyTuple_GET_ITEM(t, i));
    int status = rebuild_frozensets(table, n, PyTuple_GET_ITEM(t, n));
    Py_DECREF(t);
    return status;
}

/* ---- the source path of an extension module ------------------------------ */

/* Sets co_filename of code and of the code objects among its co_consts,
 * recursively, to path (update_code_filenames in CPython's import.c).  A
 * code object that already has path is left alone. */
static void
set_code_filename(PyCodeObject *code, PyObject *path)
{
    if (PyUnicode_Compare(code->co_filename, path) == 0)
        return;                           /* also: no churn on a second exec */
    Py_SETREF(code->co_filename, Py_NewRef(path));
    PyObject *consts = code->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(consts, i);
        if (PyCode_Check(c))
            set_code_filename((PyCodeObject *)c, path);
    }
}

/* The dotted name the module was found under: __spec__.name (which differs
 * from __name__ when runpy runs it as __main__), else __name__.  New. */
static PyObject *
spec_name(PyObject *module)
{
    PyObject *spec = PyObject_GetAttrString(module, "__spec__");
    PyObject *name = spec && spec != Py_None ? PyObject_GetAttrString(spec, "name") : NULL;
    Py_XDECREF(spec);
    if (name != NULL && PyUnicode_Check(name))
        return name;
    Py_XDECREF(name);
    PyErr_Clear();
    return PyModule_GetNameObject(module);
}

/* The name of the module's source file: "__init__.py" for a package (the
 * import system sets __path__ before exec), else the last component of
 * its name (spec_name) followed by ".py".  New reference. */
static PyObject *
source_basename(PyObject *module, PyObject *dict)
{
    PyObject *key = PyUnicode_InternFromString("__path__");
    int is_package = key ? PyDict_Contains(dict, key) : -1;
    Py_XDECREF(key);
    if (is_package < 0)
        return NULL;
    if (is_package)
        return PyUnicode_FromString("__init__.py");
    PyObject *name = spec_name(module);
    if (name == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    PyObject *last = dot < -1 ? NULL : PyUnicode_Substring(name, dot + 1, len);
    Py_DECREF(name);
    PyObject *basename = last ? PyUnicode_FromFormat("%U.py", last) : NULL;
    Py_XDECREF(last);
    return basename;
}

/* os.path.join(os.path.dirname(file), basename) for POSIX paths: the
 * directory keeps one trailing '/' (all of them when it is only slashes).
 * New reference. */
static PyObject *
path_beside(PyObject *file, PyObject *basename)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(file);
    Py_ssize_t end = PyUnicode_FindChar(file, '/', 0, len, -1) + 1;
    if (end < 0)
        return NULL;
    Py_ssize_t keep = end;
    while (keep > 1 && PyUnicode_READ_CHAR(file, keep - 2) == '/')
        keep--;
    if (keep == 1 && end > 1)
        keep = end;                       /* "//x.so": the directory is "//" */
    PyObject *dir = PyUnicode_Substring(file, 0, keep);
    PyObject *path = dir ? PyUnicode_Concat(dir, basename) : NULL;
    Py_XDECREF(dir);
    return path;
}

/* __cached__ = None unless the import system set one.  A module loaded
 * from a .py always has __cached__ (the .pyc path, written or not), an
 * extension module none (its spec.cached is None); code reading
 * globals()['__cached__'] (test_import's unwritable module) expects it.
 * None says that there is no bytecode cache, as for __main__. */
static int
set_default_cached(PyObject *dict)
{
    PyObject *key = PyUnicode_InternFromString("__cached__");
    PyObject *value = key ? PyDict_SetDefault(dict, key, Py_None) : NULL;  /* borrowed */
    Py_XDECREF(key);
    return value ? 0 : -1;
}

int
P2C_Module_SetSourceFile(PyObject *module, PyObject **table, Py_ssize_t n)
{
    PyObject *dict = PyModule_GetDict(module);
    PyObject *key = PyUnicode_InternFromString("__file__");
    if (key == NULL)
        return -1;
    PyObject *file = Py_XNewRef(PyDict_GetItemWithError(dict, key));
    if (file == NULL || !PyUnicode_Check(file)) {   /* no location: keep */
        Py_DECREF(key);                             /*   the compile-time path */
        Py_XDECREF(file);
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *basename = source_basename(module, dict);
    PyObject *path = basename ? path_beside(file, basename) : NULL;
    int rc = path ? PyDict_SetItem(dict, key, path) : -1;
    if (rc == 0)
        rc = set_default_cached(dict);
    for (Py_ssize_t i = 0; rc == 0 && i < n; i++)
        if (PyCode_Check(table[i]))
            set_code_filename((PyCodeObject *)table[i], path);
    if (rc == 0)
        rc = P2C_Module_SetLoader(module);   /* its get_source reads path */
    Py_DECREF(key);
    Py_DECREF(file);
    Py_XDECREF(basename);
    Py_XDECREF(path);
    return rc;
}

int
P2C_Module_SetMainSourceFile(PyObject *module, PyObject **table, Py_ssize_t n)
{
    if (!P2C_Program_IsStandalone())
        return 0;
    PyObject *file = PyDict_GetItemString(PyModule_GetDict(module), "__file__");
    if (file == NULL || !PyUnicode_Check(file))     /* borrowed; set by main.c */
        return 0;
    Py_INCREF(file);                  /* the body may rebind __file__ later */
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyCode_Check(table[i]))
            set_code_filename((PyCodeObject *)table[i], file);
    Py_DECREF(file);
    return 0;
}
