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
