/* typevar312.c — TypeVar(), ParamSpec(), TypeVarTuple() and TypeAliasType()
 * called from compiled code name the caller's module, as from interpreted
 * code (3.12, 3.13: P2C_TYPEVAR_CALLER_EXACT_FUNCTION).
 *
 * Their constructors (Objects/typevarobject.c) set the new object's module
 * from `caller()`: PyFunction_GetModule of the running frame's f_funcobj,
 * which accepts only an exact PyFunction_Type and answers None otherwise.
 * A compiled frame's function is a subtype (runtime/function.c), so
 * `T = TypeVar("T")` inside a compiled function got `T.__module__ is None`,
 * and pickle, which finds a TypeVar by its module, failed.  (At module
 * level the frame's function is the interpreter's own, and it works.)
 *
 * Each type's tp_new is wrapped once, by the shared runtime
 * (P2C_ReplaceFunctionCheckingMethods): the wrapper notes the module a
 * compiled caller's function names (its func_module, which is what
 * PyFunction_GetModule reads), runs the original, and puts that module
 * where the original left None.  An interpreted caller, or no caller, is
 * left to the original alone; errors are the original's.
 */
#include "internal.h"
#ifdef P2C_TYPEVAR_CALLER_EXACT_FUNCTION
#include "compat/typealias312.h"

/* The types whose constructors ask caller(), by their names in _typing. */
enum { TV_TYPEVAR, TV_PARAMSPEC, TV_TYPEVARTUPLE, TV_TYPEALIAS, TV_COUNT };
static const char *const type_names[TV_COUNT] = {
    "TypeVar", "ParamSpec", "TypeVarTuple", "TypeAliasType",
};
static PyTypeObject *types[TV_COUNT];
static newfunc original_new[TV_COUNT];

/* The module caller() would name if the running frame's function were an
 * exact function: borrowed, NULL when the frame is not a compiled
 * function's (the original answers right then) or the function has none. */
static PyObject *
compiled_caller_module(void)
{
    P2C_Frame *f = P2C_Frame_Current(P2C_ThreadState());
    PyObject *func = f != NULL ? P2C_FRAME_FUNC(f) : NULL;
    if (func == NULL || !Py_IS_TYPE(func, &P2C_Function_Type))
        return NULL;
    return ((PyFunctionObject *)func)->func_module;
}

/* Gives obj (new, of types[which], made by the original constructor)
 * module where the constructor set None.  obj, or NULL with obj released. */
static PyObject *
set_module_left_none(PyObject *obj, int which, PyObject *module)
{
    if (which == TV_TYPEALIAS) {   /* a read-only __module__: its field */
        P2C_TypeAliasLayout312 *ta = (P2C_TypeAliasLayout312 *)obj;
        if (ta->module == Py_None)
            Py_SETREF(ta->module, Py_NewRef(module));
        return obj;
    }
    /* the others keep it as an instance attribute */
    PyObject *old = PyObject_GetAttrString(obj, "__module__");
    int err = old == NULL ? -1
            : old == Py_None ? PyObject_SetAttrString(obj, "__module__", module) : 0;
    Py_XDECREF(old);
    if (err < 0)
        Py_CLEAR(obj);
    return obj;
}

static PyObject *
wrapped_new(int which, PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *module = Py_XNewRef(compiled_caller_module());
    PyObject *obj = original_new[which](type, args, kwds);
    if (obj != NULL && module != NULL && Py_IS_TYPE(obj, types[which]))
        obj = set_module_left_none(obj, which, module);
    Py_XDECREF(module);
    return obj;
}

/* tp_new has no closure: one entry point per type. */
static PyObject *
new_typevar(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return wrapped_new(TV_TYPEVAR, t, a, k);
}
static PyObject *
new_paramspec(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return wrapped_new(TV_PARAMSPEC, t, a, k);
}
static PyObject *
new_typevartuple(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return wrapped_new(TV_TYPEVARTUPLE, t, a, k);
}
static PyObject *
new_typealias(PyTypeObject *t, PyObject *a, PyObject *k)
{
    return wrapped_new(TV_TYPEALIAS, t, a, k);
}
static const newfunc wrappers[TV_COUNT] = {
    new_typevar, new_paramspec, new_typevartuple, new_typealias,
};

/* See internal.h.  Once per process (the shared runtime's function type
 * is made once); a type already wrapped is left alone. */
int
P2C_WrapTypeVarConstructors(void)
{
    PyObject *typing = PyImport_ImportModule("_typing");
    if (typing == NULL)
        return -1;
    for (int i = 0; i < TV_COUNT; i++) {
        PyObject *t = PyObject_GetAttrString(typing, type_names[i]);
        if (t == NULL || !PyType_Check(t)) {
            if (t != NULL)
                PyErr_Format(PyExc_SystemError, "pyc2c: _typing.%s is not a type",
                             type_names[i]);
            Py_XDECREF(t);
            Py_DECREF(typing);
            return -1;
        }
        PyTypeObject *tp = (PyTypeObject *)t;
        if (tp->tp_new != wrappers[i] && tp->tp_new != NULL) {
            types[i] = tp;   /* kept: the interpreter keeps it too */
            original_new[i] = tp->tp_new;
            tp->tp_new = wrappers[i];
        }
        Py_DECREF(t);
    }
    Py_DECREF(typing);
    return 0;
}
#endif
