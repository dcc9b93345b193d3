/* names.c — global names: LOAD_GLOBAL, DELETE_GLOBAL, and the unbound-local
 * error, with CPython 3.11's messages (Python/ceval.c). */
#include "internal.h"

/* Gives the NameError being raised its .name, as ceval's
 * format_exc_check_arg does, for the traceback's "Did you mean" hints. */
void
P2C_NameErrorSetName(PyObject *name)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (PyErr_GivenExceptionMatches(value, PyExc_NameError) &&
        ((PyNameErrorObject *)value)->name == NULL) {
        if (PyObject_SetAttrString(value, "name", name) < 0)
            PyErr_Clear();
    }
    PyErr_Restore(type, value, tb);
}

/* Sets NameError "name 'x' is not defined" with its .name attribute set, as
 * format_exc_check_arg does, so the "Did you mean" suggestions of the
 * traceback printer work. */
void
P2C_RaiseNameError(PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL)
        return;
    PyErr_Format(PyExc_NameError, "name '%.200s' is not defined", s);
    P2C_NameErrorSetName(name);
}

PyObject *
P2C_LoadGlobal(PyObject *globals, PyObject *builtins, PyObject *name)
{
    PyObject *v;
    if (P2C_LIKELY(PyDict_CheckExact(globals) && PyDict_CheckExact(builtins))) {
        v = PyDict_GetItemWithError(globals, name);
        if (v == NULL && !PyErr_Occurred())
            v = PyDict_GetItemWithError(builtins, name);
        if (v != NULL)
            return Py_NewRef(v);
        if (!PyErr_Occurred())
            P2C_RaiseNameError(name);
        return NULL;
    }
    /* Slow path when either namespace is not an exact dict. */
    v = PyObject_GetItem(globals, name);
    if (v != NULL || !PyErr_ExceptionMatches(PyExc_KeyError))
        return v;
    PyErr_Clear();
    v = PyObject_GetItem(builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError))
        P2C_RaiseNameError(name);
    return v;
}

#ifdef P2C_HAVE_DICT_ENTRIES
/* Where name is now, in cache: the entry of globals' keys, or of builtins'
 * with globals' entry count.  Only looks (no code runs: exact str keys of
 * exact dicts).  Leaves cache unusable when the name is in neither. */
static void
fill_global_cache(P2C_GlobalCache *cache, PyObject *globals, PyObject *builtins,
                  PyObject *name)
{
    cache->globals = NULL;
    if (!PyUnicode_CheckExact(name) || !P2C_Dict_HasUnicodeEntries(globals)
        || !P2C_Dict_HasUnicodeEntries(builtins))
        return;
    void *gkeys = P2C_Dict_Keys(globals);
    Py_ssize_t ix = P2C_SharedKeys_Index(gkeys, name);
    void *bkeys = NULL;
    if (ix < 0) {
        bkeys = P2C_Dict_Keys(builtins);
        ix = P2C_SharedKeys_Index(bkeys, name);
        if (ix < 0)
            return;
    }
    /* a deleted name's entry keeps no key: found means present */
    if (P2C_DictEntry(bkeys ? bkeys : gkeys, ix, name) == NULL)
        return;
    *cache = (P2C_GlobalCache){globals, builtins, gkeys, bkeys, ix,
                               P2C_DictKeys_Count(gkeys)};
}
#endif

PyObject *
P2C_LoadGlobalSlow(P2C_GlobalCache *cache, PyObject *globals, PyObject *builtins,
                   PyObject *name)
{
    PyObject *v = P2C_LoadGlobal(globals, builtins, name);
#ifdef P2C_HAVE_DICT_ENTRIES
    if (v != NULL && PyDict_CheckExact(globals) && PyDict_CheckExact(builtins))
        fill_global_cache(cache, globals, builtins, name);
#else
    (void)cache;
#endif
    return v;
}

PyObject *
P2C_LoadGlobalOfFrame(P2C_GlobalCache *cache, P2C_Frame *f, PyObject *name,
                      P2C_Frame *site_frame, int site)
{
    return P2C_LoadGlobalAt(cache, P2C_Frame_Globals(f), P2C_Frame_Builtins(f), name,
                            site_frame, site);
}

int
P2C_DelGlobal(PyObject *globals, PyObject *name)
{
    if (PyDict_DelItem(globals, name) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_KeyError))
        P2C_RaiseNameError(name);
    return -1;
}

PyObject *
P2C_RaiseUnboundLocal(PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s != NULL)
        PyErr_Format(PyExc_UnboundLocalError, P2C_UNBOUND_LOCAL_MESSAGE, s);
    return NULL;
}
