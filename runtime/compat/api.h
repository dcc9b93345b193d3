/* api.h — private or renamed CPython API the runtime uses, under one name per
 * operation.  Each one is exported by libpython3.11.so and by the statically
 * linked /usr/bin/python3 of Debian (checked with nm -D; docs/runtime.md). */
#ifndef PYC2C_COMPAT_API_H
#define PYC2C_COMPAT_API_H

#include "compat/version.h"

#ifdef P2C_HAVE_LOOKUPATTR
/* 1 and *res new, 0 and *res NULL when absent (AttributeError cleared), -1. */
#  define P2C_LookupAttr(obj, name, res) _PyObject_LookupAttr((obj), (name), (res))
#else
#  define P2C_LookupAttr(obj, name, res) PyObject_GetOptionalAttr((obj), (name), (res))
#endif

/* Per-code-object extra data (PEP 523): private names until 3.11, the
 * PyUnstable_ API from 3.12 (the old names deprecated). */
#if P2C_PY_MINOR >= 12
#  define P2C_RequestCodeExtraIndex(free) PyUnstable_Eval_RequestCodeExtraIndex(free)
#  define P2C_Code_GetExtra(co, i, p) PyUnstable_Code_GetExtra((co), (i), (p))
#  define P2C_Code_SetExtra(co, i, v) PyUnstable_Code_SetExtra((co), (i), (v))
#else
#  define P2C_RequestCodeExtraIndex(free) _PyEval_RequestCodeExtraIndex(free)
#  define P2C_Code_GetExtra(co, i, p) _PyCode_GetExtra((co), (i), (p))
#  define P2C_Code_SetExtra(co, i, v) _PyCode_SetExtra((co), (i), (v))
#endif

/* A type's dict, borrowed.  3.12 keeps the dicts of static builtin types
 * in the interpreter (tp_dict is NULL there); PyType_GetDict gives a new
 * reference to a dict the interpreter keeps alive. */
#if P2C_PY_MINOR >= 12
static inline PyObject *P2C_Type_Dict(PyTypeObject *tp)
{
    PyObject *d = PyType_GetDict(tp);
    Py_XDECREF(d);
    return d;
}
#else
#  define P2C_Type_Dict(tp) ((tp)->tp_dict)
#endif

/* Private helpers of 3.11 (Include/cpython/ headers), used as the interpreter uses them. */
#define P2C_FunctionStr(func) _PyObject_FunctionStr(func)      /* new "mod.f()" */
#define P2C_DictMergeEx(d, other, override) _PyDict_MergeEx((d), (other), (override))
#define P2C_ListExtendRaw(list, it) _PyList_Extend((PyListObject *)(list), (it))
#define P2C_SetUpdateRaw(set, it) _PySet_Update((set), (it))
#define P2C_UnicodeJoinArray(sep, items, n) _PyUnicode_JoinArray((sep), (items), (n))
#define P2C_ModuleSpecIsInitializing(spec) _PyModuleSpec_IsInitializing(spec)
#define P2C_CalculateMetaclass(meta, bases) _PyType_CalculateMetaclass((meta), (bases))
/* LOAD_METHOD's lookup: 1 and *meth an unbound method to call with obj first,
 * 0 and *meth the attribute (or NULL with an exception). */
#define P2C_GetMethod(obj, name, meth) _PyObject_GetMethod((obj), (name), (meth))
/* A generator's throw: the exception being raised gets the generator's
 * handled exception as __context__ (internal/pycore_pyerrors.h). */
PyAPI_FUNC(void) _PyErr_ChainStackItem(_PyErr_StackItem *exc_info);
#define P2C_ChainHandledException() _PyErr_ChainStackItem(NULL)

#endif
