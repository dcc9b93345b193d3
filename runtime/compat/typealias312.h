/* typealias312.h — the layout of a TypeAliasType (Objects/typevarobject.c's
 * typealiasobject, the same in 3.12 and 3.13), which CPython keeps private.
 *
 * Why pyc2c writes it: `A.__module__` of an alias made by the
 * TYPEALIAS intrinsic comes from PyFunction_GetModule(compute_value), which
 * accepts only an exact PyFunction_Type; a compiled evaluate function is a
 * subtype (docs/versions.md), so 3.12 would raise SystemError there.  The
 * alias's own `module` field, read first, is set to the module the
 * function's would give (its func_module).
 */
#ifndef PYC2C_COMPAT_TYPEALIAS312_H
#define PYC2C_COMPAT_TYPEALIAS312_H

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *type_params;
    PyObject *compute_value;
    PyObject *value;
    PyObject *module;
} P2C_TypeAliasLayout312;

/* Sets alias.__module__ to compute's module when CPython would find none. */
static inline void P2C_TypeAlias_FixModule(PyObject *alias, PyObject *compute)
{
    P2C_TypeAliasLayout312 *ta = (P2C_TypeAliasLayout312 *)alias;
    if (ta->module == NULL && PyFunction_Check(compute) == 0
        && PyObject_TypeCheck(compute, &PyFunction_Type)) {
        PyObject *module = ((PyFunctionObject *)compute)->func_module;
        ta->module = module ? Py_NewRef(module) : NULL;
    }
}

#endif
