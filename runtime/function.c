/* function.c — the compiled function type, P2C_Function_Type.
 *
 * A compiled function is a real PyFunctionObject (same layout, same getters
 * and setters: __name__, __qualname__, __module__, __defaults__, __code__,
 * __dict__ ...) whose type is a C subtype of PyFunction_Type and whose
 * vectorcall is the generated C entry point.  Why a subtype: CPython 3.11's
 * CALL instruction pushes an interpreter frame itself for any callable whose
 * type is exactly PyFunction_Type, ignoring its vectorcall (ceval.c, CALL), so
 * an exact function would run its stub code.  The subtype keeps
 * isinstance(f, types.FunctionType), inspect.signature and functools.wraps
 * working.  docs/runtime.md has the whole rationale and its limits.
 */
#include "internal.h"

/* __reduce__: the qualified name, so pickle and copy treat a compiled function
 * as a global found by name, exactly as they do plain functions. */
static PyObject *
function_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((PyFunctionObject *)self)->func_qualname);
}

static PyMethodDef function_methods[] = {
    {"__reduce__", function_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* Slots that must equal PyFunction_Type's (layout, GC, descriptor binding)
 * are copied from it at first use, in ready_type(). */
PyTypeObject P2C_Function_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",   /* type(f) prints <class 'function'> */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_call = PyVectorcall_Call,
    .tp_methods = function_methods,
    .tp_base = &PyFunction_Type,
};

/* Readies P2C_Function_Type once.  0, or -1 with an exception set. */
static int
ready_type(void)
{
    PyTypeObject *t = &P2C_Function_Type, *b = &PyFunction_Type;

    if (t->tp_flags & Py_TPFLAGS_READY)
        return 0;
    t->tp_basicsize = b->tp_basicsize;
    t->tp_itemsize = b->tp_itemsize;
    t->tp_dealloc = b->tp_dealloc;
    t->tp_traverse = b->tp_traverse;
    t->tp_clear = b->tp_clear;
    t->tp_repr = b->tp_repr;
    t->tp_descr_get = b->tp_descr_get;
    t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    t->tp_dictoffset = b->tp_dictoffset;
    t->tp_weaklistoffset = b->tp_weaklistoffset;
    t->tp_doc = b->tp_doc;   /* type(f).__doc__ as for functions */
    if (PyType_Ready(t) < 0)
        return -1;
    /* PyType_Ready put __doc__ (a str) in our dict; it would hide the base's
     * __doc__ member, so every f.__doc__ would read the type's doc. */
    if (PyDict_DelItemString(t->tp_dict, "__doc__") < 0)
        return -1;
    PyType_Modified(t);
    return 0;
}

/* Sets defaults, kw-only defaults and closure of a fresh function through the
 * public setters, which accept only an exact PyFunction_Type (so this runs
 * before the type changes).  0 or -1. */
static int
set_function_parts(PyObject *func, PyObject *defaults, PyObject *kwdefaults,
                   PyObject *closure)
{
    if (defaults != NULL && PyFunction_SetDefaults(func, defaults) < 0)
        return -1;
    if (kwdefaults != NULL && PyFunction_SetKwDefaults(func, kwdefaults) < 0)
        return -1;
    if (closure != NULL && PyFunction_SetClosure(func, closure) < 0)
        return -1;
    return 0;
}

/* new: see runtime.h.  __name__/__qualname__ come from the stub code's
 * co_name/co_qualname, __module__ from globals["__name__"], __doc__ from
 * co_consts[0] when it is a str (PyFunction_New's rules). */
PyObject *
P2C_Function_New(vectorcallfunc impl, PyObject *code, PyObject *globals,
                 PyObject *defaults, PyObject *kwdefaults, PyObject *closure)
{
    if (ready_type() < 0)
        return NULL;
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_SystemError, "P2C_Function_New: code expected");
        return NULL;
    }
    PyObject *func = PyFunction_NewWithQualName(
        code, globals, ((PyCodeObject *)code)->co_qualname);
    if (func == NULL)
        return NULL;
    if (set_function_parts(func, defaults, kwdefaults, closure) < 0) {
        Py_DECREF(func);
        return NULL;
    }
    ((PyFunctionObject *)func)->vectorcall = impl;
    /* Static type: no reference to take.  The object is GC-tracked already;
     * traverse and clear are PyFunction_Type's, so the change is safe. */
    Py_SET_TYPE(func, &P2C_Function_Type);
    return func;
}
