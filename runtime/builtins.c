/* builtins.c — builtin functions known by identity (pyc2c/builtins.h). */
#include "pyc2c/runtime.h"

const PyMethodDef *P2C_BuiltinDefs[P2C_BUILTIN_COUNT];

static const char *const call_names[P2C_BUILTIN_COUNT] = {
#define P2C_BUILTIN_CALL(id, name, nargs) [P2C_BUILTIN_##id] = name,
#include "pyc2c/builtin_calls.def"
#undef P2C_BUILTIN_CALL
};

/* The builtins module as the interpreter made it: through sys.modules, so a
 * program that replaced that entry finds its own module, whose definition
 * (if it has one) is not the builtins' and matches no real builtin. */
const PyMethodDef *
P2C_Builtins_FindDef(const char *name)
{
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyModuleDef *def = builtins ? PyModule_GetDef(builtins) : NULL;
    Py_XDECREF(builtins);
    if (def == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (PyMethodDef *m = def->m_methods; m && m->ml_name; m++)
        if (strcmp(m->ml_name, name) == 0)
            return m;
    return NULL;
}

PyObject *
P2C_CallBuiltinSlow(PyObject *callee, PyObject *const *args, int nargs)
{
    static int found;
    if (!found) {
        for (int i = 0; i < P2C_BUILTIN_COUNT; i++)
            P2C_BuiltinDefs[i] = P2C_Builtins_FindDef(call_names[i]);
        found = 1;
    }
    PyObject *av[3] = {NULL};
    for (int i = 0; i < nargs && i < 2; i++)
        av[i + 1] = args[i];
    return P2C_Call(callee, av + 1, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}
