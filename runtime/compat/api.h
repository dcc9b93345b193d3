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

/* tp's version tag once it is valid, else 0 (_PyType_Lookup assigns one
 * when it can; any change to the type or its bases takes it away).  3.13
 * dropped the flag that marked a valid tag and keeps an invalid tag 0. */
static inline unsigned int P2C_Type_ValidVersion(PyTypeObject *tp)
{
#ifdef P2C_VERSION_TAG_FLAG
    return (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
#else
    return tp->tp_version_tag;
#endif
}

/* The name of variable slot i of code, borrowed: 3.10 names its locals
 * (the parameters first) in co_varnames, 3.11 on every slot in
 * co_localsplusnames (parameters first too). */
#ifdef P2C_FRAME_OBJECTS_310
#  define P2C_Code_ParamName(code, i) PyTuple_GET_ITEM((code)->co_varnames, (i))
#else
#  define P2C_Code_ParamName(code, i) PyTuple_GET_ITEM((code)->co_localsplusnames, (i))
#endif

/* The __qualname__ of a function of code, borrowed: 3.10's code objects
 * have no co_qualname, and a stub code object for 3.10 keeps it as its
 * last constant (src/cgen/codeobj.c, finish_items; the first is the
 * docstring or None). */
#ifdef P2C_FRAME_OBJECTS_310
static inline PyObject *P2C_Code_QualName(PyCodeObject *code)
{
    PyObject *consts = code->co_consts;
    Py_ssize_t n = PyTuple_GET_SIZE(consts);
    if (n > 1 && PyUnicode_Check(PyTuple_GET_ITEM(consts, n - 1)))
        return PyTuple_GET_ITEM(consts, n - 1);
    return code->co_name;
}
#else
#  define P2C_Code_QualName(code) ((code)->co_qualname)
#endif

#ifdef P2C_FRAME_OBJECTS_310
/* The exception being handled (the topmost one), new reference or NULL:
 * PyErr_GetHandledException from 3.11 on. */
static inline PyObject *P2C_GetHandledException(void)
{
    PyObject *type, *value, *tb;
    PyErr_GetExcInfo(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}
/* A hook runs with tracing off (PyThreadState_EnterTracing/LeaveTracing
 * from 3.11 on; 3.10's ceval.c does this inline). */
static inline void P2C_EnterTracing(PyThreadState *ts)
{
    ts->tracing++;
    ts->cframe->use_tracing = 0;
}
static inline void P2C_LeaveTracing(PyThreadState *ts)
{
    ts->tracing--;
    ts->cframe->use_tracing = ts->c_tracefunc != NULL || ts->c_profilefunc != NULL;
}
#else
#  define P2C_GetHandledException() PyErr_GetHandledException()
#  define P2C_EnterTracing(ts) PyThreadState_EnterTracing(ts)
#  define P2C_LeaveTracing(ts) PyThreadState_LeaveTracing(ts)
#endif

/* The exception being raised, set aside while code that may fail or clear
 * the indicator runs, then put back (P2C_Err_Stash, P2C_Err_Unstash).
 * 3.12 on keep it as one normalized object (PyErr_GetRaisedException): one
 * thread-state read each way, where PyErr_Fetch and PyErr_Restore also
 * split it into type and traceback and join them again. */
#if P2C_PY_MINOR >= 12
typedef struct { PyObject *exc; } P2C_StashedError;
static inline P2C_StashedError P2C_Err_Stash(void)
{
    P2C_StashedError s = {PyErr_GetRaisedException()};
    return s;
}
static inline void P2C_Err_Unstash(P2C_StashedError s) { PyErr_SetRaisedException(s.exc); }
#else
typedef struct { PyObject *type, *value, *tb; } P2C_StashedError;
static inline P2C_StashedError P2C_Err_Stash(void)
{
    P2C_StashedError s;
    PyErr_Fetch(&s.type, &s.value, &s.tb);
    return s;
}
static inline void P2C_Err_Unstash(P2C_StashedError s) { PyErr_Restore(s.type, s.value, s.tb); }
#endif

/* Has the interpreter begun to finalize? */
#if P2C_PY_MINOR >= 13
#  define P2C_IsFinalizing() Py_IsFinalizing()
#else
#  define P2C_IsFinalizing() _Py_IsFinalizing()
#endif

/* Private helpers of 3.11 (Include/cpython/ headers), used as the interpreter uses them. */
#define P2C_FunctionStr(func) _PyObject_FunctionStr(func)      /* new "mod.f()" */
#define P2C_DictMergeEx(d, other, override) _PyDict_MergeEx((d), (other), (override))
#define P2C_ListExtendRaw(list, it) _PyList_Extend((PyListObject *)(list), (it))
#define P2C_SetUpdateRaw(set, it) _PySet_Update((set), (it))
#define P2C_UnicodeJoinArray(sep, items, n) _PyUnicode_JoinArray((sep), (items), (n))
/* LOAD_METHOD's lookup: 1 and *meth an unbound method to call with obj first,
 * 0 and *meth the attribute (or NULL with an exception). */
#define P2C_GetMethod(obj, name, meth) _PyObject_GetMethod((obj), (name), (meth))
/* KeyError(key), as dict_subscript raises it (a tuple key wrapped). */
#define P2C_SetKeyError(key) _PyErr_SetKeyError(key)

#if P2C_PY_MINOR >= 13
/* 3.13 still exports these, but declares them only in its internal headers
 * (Py_BUILD_CORE), which the runtime does not include here. */
PyAPI_FUNC(int) _PyDict_MergeEx(PyObject *mp, PyObject *other, int override);
PyAPI_FUNC(PyObject *) _PyList_Extend(PyListObject *, PyObject *);
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);
PyAPI_FUNC(PyObject *) _PyUnicode_JoinArray(PyObject *separator, PyObject *const *items,
                                            Py_ssize_t seqlen);
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);
PyAPI_FUNC(PyObject *) _PyErr_FormatFromCause(PyObject *exception, const char *format, ...);
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *);
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject **);
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *, PyObject *);
PyAPI_FUNC(void) _PyErr_SetKeyError(PyObject *);
/* Two str objects equal (pointer equality tested by the caller). */
#  define P2C_UnicodeEq(a, b) _PyUnicode_Equal((a), (b))
/* Not exported by 3.13: our own, with the same results (compat/api313.c). */
P2C_API int P2C_ModuleSpecIsInitializing(PyObject *spec);
P2C_API PyTypeObject *P2C_CalculateMetaclass(PyTypeObject *meta, PyObject *bases);
P2C_API void P2C_ChainHandledException(void);
/* The interpreter's vectorcall of Python functions (_PyFunction_Vectorcall,
 * not exported): read from a function PyFunction_New makes. */
P2C_API vectorcallfunc P2C_InterpreterVectorcall(void);
/* The name of names (a list of str) closest to name, as 3.13's "Did you
 * mean" suggestions pick it (_suggestions._generate_suggestions); new, or
 * NULL, maybe with an exception, when none is close enough. */
P2C_API PyObject *P2C_KeywordSuggestion(PyObject *names, PyObject *name);
#else
#  define P2C_UnicodeEq(a, b) _PyUnicode_EQ((a), (b))
#  define P2C_ModuleSpecIsInitializing(spec) _PyModuleSpec_IsInitializing(spec)
#  define P2C_CalculateMetaclass(meta, bases) _PyType_CalculateMetaclass((meta), (bases))
/* A generator's throw: the exception being raised gets the generator's
 * handled exception as __context__ (internal/pycore_pyerrors.h). */
PyAPI_FUNC(void) _PyErr_ChainStackItem(_PyErr_StackItem *exc_info);
#  define P2C_ChainHandledException() _PyErr_ChainStackItem(NULL)
#  define P2C_InterpreterVectorcall() _PyFunction_Vectorcall
#endif

#endif
