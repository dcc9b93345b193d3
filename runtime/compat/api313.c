/* api313.c — the private CPython helpers the runtime uses that 3.13 no
 * longer exports, written over the public API with the results (and
 * messages) of 3.13's own (see compat/api.h for the names 3.11 and 3.12
 * map them to).
 */
#include "../internal.h"

#if P2C_PY_MINOR >= 13

/* Is the module whose __spec__ is spec still being imported (importlib sets
 * spec._initializing around exec_module)?  1 or 0; any error (no spec, a
 * failing getattr or truth test) counts as 0 and is cleared. */
int
P2C_ModuleSpecIsInitializing(PyObject *spec)
{
    int initializing = 0;
    if (spec != NULL) {
        PyObject *value;
        if (PyObject_GetOptionalAttrString(spec, "_initializing", &value) > 0) {
            initializing = PyObject_IsTrue(value);
            Py_DECREF(value);
        }
    }
    if (initializing < 0 || PyErr_Occurred()) {
        PyErr_Clear();
        initializing = 0;
    }
    return initializing;
}

/* The most derived of meta and the metaclasses of bases (a tuple), the
 * class statement's rule; borrowed, or NULL with TypeError when none of
 * them is a subclass of all the others. */
PyTypeObject *
P2C_CalculateMetaclass(PyTypeObject *meta, PyObject *bases)
{
    PyTypeObject *winner = meta;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *t = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, t))
            continue;
        if (PyType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be "
                        "a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The exception being raised gets the generator's own handled exception
 * (the top item of the thread's stack, which the generator pushed) as
 * __context__, as raising it again in the generator would: PyErr_SetObject
 * links the context (cycles broken).  Only the top item, as 3.13's
 * _PyErr_ChainStackItem: a generator suspended outside any handler leaves
 * a thrown exception's context alone, whatever its caller is handling
 * (PyErr_GetHandledException would walk down to the caller's). */
void
P2C_ChainHandledException(void)
{
    PyObject *own = PyThreadState_Get()->exc_info->exc_value;
    if (own == NULL || own == Py_None)
        return;
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
}

vectorcallfunc
P2C_InterpreterVectorcall(void)
{
    static vectorcallfunc interp;
    if (interp != NULL)
        return interp;
    PyObject *globals = PyDict_New();
    PyCodeObject *code = PyCode_NewEmpty("<pyc2c>", "<pyc2c>", 0);
    PyObject *func = globals && code ? PyFunction_New((PyObject *)code, globals) : NULL;
    if (func != NULL)
        interp = ((PyFunctionObject *)func)->vectorcall;
    else
        PyErr_Clear();
    Py_XDECREF(func);
    Py_XDECREF(code);
    Py_XDECREF(globals);
    return interp;
}

PyObject *
P2C_KeywordSuggestion(PyObject *names, PyObject *name)
{
    static PyObject *generate;
    if (generate == NULL) {
        PyObject *mod = PyImport_ImportModule("_suggestions");
        if (mod == NULL)
            return NULL;
        generate = PyObject_GetAttrString(mod, "_generate_suggestions");
        Py_DECREF(mod);
        if (generate == NULL)
            return NULL;
    }
    PyObject *r = PyObject_CallFunctionObjArgs(generate, names, name, NULL);
    if (r == Py_None || (r != NULL && !PyUnicode_Check(r)))
        Py_CLEAR(r);
    return r;
}

#endif
