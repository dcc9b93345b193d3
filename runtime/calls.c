/* calls.c — calls with *args / **kwargs (CALL_FUNCTION_EX) and the building
 * of their argument tuple and dict, with CPython 3.11's messages
 * (check_args_iterable, format_kwargs_error in Python/ceval.c).
 *
 * Which helper reports which message, as the 3.11 compiler arranges it:
 *   f(*x)            -> P2C_CallEx with x itself: "f() argument after * must
 *                       be an iterable, not int"
 *   f(a, *x), f(*x, *y) -> a list extended with P2C_ListExtend (LIST_EXTEND):
 *                       "Value after * must be an iterable, not int"
 *   f(**m), f(k=1, **m) -> P2C_MergeKwargs (DICT_MERGE) or P2C_CallEx:
 *                       "f() argument after ** must be a mapping, not int",
 *                       "f() got multiple values for keyword argument 'k'"
 */
#include "internal.h"
#include "compat/crecursion.h"

/* TypeError "<func>() argument after * must be an iterable, not T" when
 * iterable cannot be iterated; 0 when it can, -1 when raised. */
static int
check_args_iterable(PyObject *func, PyObject *iterable)
{
    if (Py_TYPE(iterable)->tp_iter != NULL || PySequence_Check(iterable))
        return 0;
    PyErr_Clear();   /* P2C_FunctionStr must run without an exception */
    PyObject *fs = P2C_FunctionStr(func);
    if (fs != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%U argument after * must be an iterable, not %.200s",
                     fs, Py_TYPE(iterable)->tp_name);
        Py_DECREF(fs);
    }
    return -1;
}

/* Rewrites the error of a failed ** merge as CPython does: AttributeError
 * (no .keys) -> "argument after ** must be a mapping", KeyError(k) of a
 * duplicate -> "got multiple values for keyword argument 'k'". */
static void
format_kwargs_error(PyObject *func, PyObject *kwargs)
{
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *fs = P2C_FunctionStr(func);
        if (fs != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%U argument after ** must be a mapping, not %.200s",
                         fs, Py_TYPE(kwargs)->tp_name);
            Py_DECREF(fs);
        }
        return;
    }
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    /* 3.11's dict merge raises KeyError with its arguments unnormalized (a
     * tuple); 3.12 keeps exceptions normalized: the instance's args. */
    PyObject *args = value != NULL && PyExceptionInstance_Check(value)
                     ? ((PyBaseExceptionObject *)value)->args : value;
    if (args == NULL || !PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 1) {
        PyErr_Restore(type, value, tb);
        return;
    }
    PyObject *fs = P2C_FunctionStr(func);
    if (fs != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%U got multiple values for keyword argument '%S'",
                     fs, PyTuple_GET_ITEM(args, 0));
        Py_DECREF(fs);
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

int
P2C_MergeKwargs(PyObject *dict, PyObject *func, PyObject *mapping)
{
    /* override == 2: a duplicate key raises KeyError(key). */
    if (P2C_DictMergeEx(dict, mapping, 2) == 0)
        return 0;
    format_kwargs_error(func, mapping);
    return -1;
}

#ifdef P2C_CALL_EX_GIVES_ARGS_312
/* 1 when every key of kwargs (a dict or NULL) is a str, as a call's
 * keyword names must be; a call with another key is left to the generic
 * call, which raises "keywords must be strings". */
static int
keys_are_strings(PyObject *kwargs)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (kwargs != NULL && PyDict_Next(kwargs, &pos, &key, &value))
        if (!PyUnicode_Check(key))
            return 0;
    return 1;
}

/* func(*posargs, **kwargs) for a compiled function, as 3.12's
 * CALL_FUNCTION_EX calls a Python function (_PyEvalFramePushAndInit_Ex):
 * the callee is given new references to the tuple's items and the dict's
 * values, and the tuple and the dict are released before it runs, so a
 * parameter is the only holder of a temporary's object (`f(*[N()])` with
 * `del a` in f finalizes inside f).  Steals func, posargs (a tuple) and
 * kwargs (a dict or NULL); func is released when the callee returns. */
static PyObject *
call_ex_giving(PyObject *func, PyObject *posargs, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(posargs);
    Py_ssize_t nkw = kwargs != NULL ? PyDict_GET_SIZE(kwargs) : 0;
    PyObject *small[8], **entries = small, *kwnames = NULL, *res = NULL;
    /* entries[0] is the spare entry PY_VECTORCALL_ARGUMENTS_OFFSET allows */
    if (1 + nargs + nkw > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        entries = PyMem_New(PyObject *, 1 + nargs + nkw);
        if (entries == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
    }
    if (nkw > 0 && (kwnames = PyTuple_New(nkw)) == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < nargs; i++)
        entries[1 + i] = Py_NewRef(PyTuple_GET_ITEM(posargs, i));
    Py_ssize_t pos = 0, k = 0;
    PyObject *key, *value;
    while (nkw > 0 && PyDict_Next(kwargs, &pos, &key, &value)) {
        PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
        entries[1 + nargs + k++] = Py_NewRef(value);
    }
    Py_CLEAR(posargs);
    Py_CLEAR(kwargs);
    res = P2C_CallReturned(func, ((PyFunctionObject *)func)->vectorcall(
                               func, entries + 1,
                               (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET |
                               P2C_VECTORCALL_ARGS_GIVEN,
                               kwnames));
fail:
    Py_XDECREF(kwnames);
    if (entries != small)
        PyMem_Free(entries);
    Py_DECREF(func);
    Py_XDECREF(posargs);
    Py_XDECREF(kwargs);
    return res;
}
#endif

PyObject *
P2C_CallEx(PyObject *func, PyObject *posargs, PyObject *kwargs)
{
    PyObject *res = NULL;
    /* CALL_FUNCTION_EX: a mapping that is not a dict, and then positional
     * arguments that are not a tuple, are replaced (and released) before
     * the call */
    if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
        PyObject *d = PyDict_New();
        if (d == NULL || P2C_MergeKwargs(d, func, kwargs) < 0) {
            Py_XDECREF(d);
            goto done;
        }
        Py_SETREF(kwargs, d);
    }
    if (!PyTuple_CheckExact(posargs)) {
        if (check_args_iterable(func, posargs) < 0)
            goto done;
        Py_SETREF(posargs, PySequence_Tuple(posargs));
        if (posargs == NULL)
            goto done;
    }
#ifdef P2C_CALL_EX_GIVES_ARGS_312
    /* a compiled function, under a hook too: 3.12's instrumented
     * CALL_FUNCTION_EX gives c_call events only to other callables */
    if (Py_IS_TYPE(func, &P2C_Function_Type) && keys_are_strings(kwargs))
        return call_ex_giving(func, posargs, kwargs);   /* checked on return */
#endif
    if (P2C_UNLIKELY(P2C_Tracing()))   /* c_call events for a builtin func */
        res = P2C_CallExTraced(func, posargs, kwargs);
    else
        res = PyObject_Call(func, posargs, kwargs);
done:
    /* released in CALL_FUNCTION_EX's order, then its eval-breaker check */
    Py_DECREF(func);
    Py_XDECREF(posargs);
    Py_XDECREF(kwargs);
    if (res != NULL && P2C_CheckEvalBreaker() < 0)
        Py_CLEAR(res);
    return res;
}

/* The C function of method descriptor d called with args[0] as self and
 * the rest as its arguments, when its calling convention takes them as
 * they are: METH_FASTCALL, METH_O with one argument, METH_NOARGS with none
 * (other counts are left to the descriptor's own call, which raises
 * CPython's TypeError).  *done tells whether it ran.
 *
 * The recursion accounting is the interpreter's for such a call: 3.11 and
 * later count METH_O and METH_NOARGS calls (" while calling a Python
 * object") but not METH_FASTCALL ones, which their specialized
 * PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST / CALL_*_METHOD_DESCRIPTOR_FAST run
 * unchecked; 3.10 calls every descriptor through its vectorcall, which
 * counts them all (method_enter_call). */
#define P2C_DESCR_FASTCALL_COUNTS_RECURSION (P2C_PY_MINOR == 10)

P2C_ALWAYS_INLINE PyObject *
call_method_descriptor(PyMethodDescrObject *d, PyObject *const *args, Py_ssize_t nargs,
                       int *done)
{
    PyMethodDef *ml = d->d_method;
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    PyObject *self = args[0], *res;
    *done = 1;
    if (flags == METH_FASTCALL && !P2C_DESCR_FASTCALL_COUNTS_RECURSION)
        return ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args + 1, nargs - 1);
    *done = flags == METH_FASTCALL || (flags == METH_O && nargs == 2) ||
            (flags == METH_NOARGS && nargs == 1);
    if (!*done)
        return NULL;
    if (P2C_EnterRecursiveC(" while calling a Python object"))
        return NULL;
    if (flags == METH_FASTCALL)
        res = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args + 1, nargs - 1);
    else
        res = ml->ml_meth(self, flags == METH_O ? args[1] : NULL);
    P2C_LeaveRecursiveC();
    return res;
}

PyObject *
P2C_CallOther(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && kwnames == NULL && nargs >= 1 &&
        Py_IS_TYPE(args[0], PyDescr_TYPE(callable))) {
        int done;
        PyObject *res = call_method_descriptor((PyMethodDescrObject *)callable, args, nargs,
                                               &done);
        if (done)
            return res;
    }
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

/* ---- calls that hand over their arguments (P2C_CallSteal) -------------- */

/* How many entries args has: positional arguments, then keyword values. */
static Py_ssize_t
count_entries(size_t nargsf, PyObject *kwnames)
{
    return PyVectorcall_NARGS(nargsf) + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
}

/* callable and the n entries of a call released in the target's order. */
P2C_ALWAYS_INLINE void
release_entries(PyObject *callable, PyObject *const *args, Py_ssize_t n)
{
#ifdef P2C_CALL_KEEPS_ARGS_310
    /* call_function pops the stack down to the callable */
    for (Py_ssize_t i = n - 1; i >= 0; i--)
        Py_DECREF(args[i]);
    Py_DECREF(callable);
#else
    Py_DECREF(callable);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(args[i]);
#endif
}

void
P2C_ReleaseCallEntries(PyObject *callable, PyObject *const *args, size_t nargsf,
                       PyObject *kwnames)
{
    release_entries(callable, args, count_entries(nargsf, kwnames));
}

/* callable(*args) with args borrowed, as P2C_Call makes it. */
static PyObject *
call_borrowing(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (P2C_UNLIKELY(P2C_Tracing()))
        return P2C_CallTraced(callable, args, nargsf, kwnames);
    return P2C_CallReturned(callable, P2C_CallOther(callable, args, nargsf, kwnames));
}

/* 3.11's PRECALL replaces a bound method object by its function and self;
 * 3.10 calls the method object. */
#ifdef P2C_CALL_KEEPS_ARGS_310
#  define UNPACKS_BOUND_METHODS 0
#else
#  define UNPACKS_BOUND_METHODS 1
#endif

/* func(self, *args) for a bound method object: PRECALL put func and self
 * on the stack in its place (new references; the method object released
 * first), so a compiled func gets self and the arguments given, as a
 * method found by LOAD_METHOD would.  entries: self then args, owned. */
static PyObject *
call_method_parts(PyObject *func, PyObject **entries, Py_ssize_t nargs, PyObject *kwnames)
{
    if (Py_IS_TYPE(func, &P2C_Function_Type)) {
        PyObject *res = P2C_CallReturned(func, ((PyFunctionObject *)func)->vectorcall(
                                             func, entries,
                                             (size_t)nargs | P2C_VECTORCALL_ARGS_GIVEN,
                                             kwnames));
        Py_DECREF(func);
        return res;
    }
    PyObject *res = call_borrowing(func, entries, (size_t)nargs, kwnames);
    P2C_ReleaseCallEntries(func, entries, (size_t)nargs, kwnames);
    return res;
}

/* A method descriptor called at a site that owns its entries (runtime.h:
 * P2C_CallMethodSteal's way for them, and P2C_CallStealOther's): its C
 * function directly when P2C_CallOther would call it so (no hook, which
 * would want c_call events; no keywords; self of exactly the descriptor's
 * type; a calling convention that takes the arguments as they are), then
 * CALL's check on return and the entries released in the target's order;
 * else the descriptor's own call.  One function, with the descriptor's
 * call inline: `s.strip()`, `d.get(k)` and `l.append(x)` go this way. */
PyObject *
P2C_CallDescrSteal(PyObject *callable, PyObject *const *args, size_t nargsf,
                   PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *res;
    if (kwnames == NULL && nargs >= 1 && Py_IS_TYPE(args[0], PyDescr_TYPE(callable)) &&
        P2C_LIKELY(!P2C_Tracing())) {
        int done;
        res = call_method_descriptor((PyMethodDescrObject *)callable, args, nargs, &done);
        if (done) {
            res = P2C_CallReturned(callable, res);
            release_entries(callable, args, nargs);   /* no keywords */
            return res;
        }
    }
    res = call_borrowing(callable, args, nargsf, kwnames);
    P2C_ReleaseCallEntries(callable, args, nargsf, kwnames);
    return res;
}

PyObject *
P2C_CallStealOther(PyObject *callable, PyObject *const *args, size_t nargsf,
                   PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type))
        return P2C_CallDescrSteal(callable, args, nargsf, kwnames);
    int spare_entry = (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) != 0;
    if (UNPACKS_BOUND_METHODS && Py_IS_TYPE(callable, &PyMethod_Type) &&
        (spare_entry || count_entries(nargsf, kwnames) == 0)) {
        PyObject *func = Py_NewRef(PyMethod_GET_FUNCTION(callable));
        PyObject *self = Py_NewRef(PyMethod_GET_SELF(callable));
        Py_DECREF(callable);
        if (!spare_entry) {
            PyObject *one[1] = {self};
            return call_method_parts(func, one, 1, NULL);
        }
        /* self goes into the entry before args, which the caller lets us use */
        PyObject **entries = (PyObject **)args - 1;
        entries[0] = self;
        return call_method_parts(func, entries, nargs + 1, kwnames);
    }
    PyObject *res = call_borrowing(callable, args, nargsf, kwnames);
    P2C_ReleaseCallEntries(callable, args, nargsf, kwnames);
    return res;
}

PyObject *
P2C_LoadMethod(PyObject *obj, PyObject *name, PyObject **self)
{
    PyObject *meth = NULL;
    int unbound = P2C_GetMethod(obj, name, &meth);
    *self = (meth != NULL && unbound) ? Py_NewRef(obj) : NULL;
    return meth;
}

/* ---- instantiating a class (P2C_CallClass) ------------------------------ */

/* Fills cache (called without an exception set: _PyType_Lookup may clear
 * one) for cls when type_call(cls, ...) is object.__new__ then a
 * Python-level __init__: cls's metaclass is `type` (so its call is
 * type_call), its tp_new is object's, and __init__ in its MRO is a
 * function (then tp_init is slot_tp_init, which looks __init__ up and
 * calls it).  The type's version tag covers all three. */
static void
fill_call_cache(P2C_CallCache *cache, PyTypeObject *cls)
{
    static PyObject *init_name;
    cache->version = 0;
    if (cls->tp_new != PyBaseObject_Type.tp_new)
        return;
    if (P2C_InternedString(&init_name, "__init__") == NULL) {
        PyErr_Clear();   /* a MemoryError here only leaves the cache empty */
        return;
    }
    PyObject *init = _PyType_Lookup(cls, init_name);
    /* a compiled __init__ too: its type subclasses FunctionType only to be
     * taken for one (and PyFunction_Check is an exact test) */
    if (init == NULL || !(PyFunction_Check(init) || Py_IS_TYPE(init, &P2C_Function_Type))
        || P2C_Type_ValidVersion(cls) == 0)
        return;
    cache->init = init;
    cache->version = P2C_Type_ValidVersion(cls);
}

/* slot_tp_init's check of what __init__ returned (stolen). */
static int
check_init_result(PyObject *res)
{
    if (res == NULL)
        return -1;
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* The references that type_call's way holds, besides the caller's, while
 * __init__ runs: _PyObject_MakeTpCall's argument tuple holds each
 * positional argument; with keywords, its dict holds their values and
 * _PyStack_UnpackDict's copy of the arguments holds obj and every argument
 * once more; slot_tp_init holds __init__ (lookup_method).  Taken before
 * and dropped after the call (the caller still holds every one, so
 * nothing dies), so that sys.getrefcount in __init__ counts what it counts
 * under CPython. */
static inline void
take_type_call_refs(PyObject *init, PyObject *obj, PyObject *const *args, Py_ssize_t n,
                    Py_ssize_t nkw)
{
    Py_INCREF(init);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_INCREF(args[i]);
    if (nkw == 0)
        return;
    Py_INCREF(obj);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_INCREF(args[i]);
}

static inline void
drop_type_call_refs(PyObject *init, PyObject *obj, PyObject *const *args, Py_ssize_t n,
                    Py_ssize_t nkw)
{
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(args[i]);
    if (nkw != 0) {
        Py_DECREF(obj);
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(args[i]);
    }
    Py_DECREF(init);
}

/* __init__(obj, *args) through the slot vectorcall leaves before args. */
static PyObject *
call_init(PyObject *init, PyObject *obj, PyObject *const *args, size_t nargsf,
          PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 0 && kwnames == NULL) {
        PyObject *one[1] = {obj};
        Py_INCREF(init);
        PyObject *res = PyObject_Vectorcall(init, one, 1, NULL);
        Py_DECREF(init);
        return res;
    }
    if (!(nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET))
        return NULL;   /* never from generated code; see the caller */
    PyObject **slot = (PyObject **)args - 1;
    PyObject *saved = *slot;
    *slot = obj;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    take_type_call_refs(init, obj, args, nargs + nkw, nkw);
    PyObject *res = PyObject_Vectorcall(init, slot, (size_t)nargs + 1, kwnames);
    drop_type_call_refs(init, obj, args, nargs + nkw, nkw);
    *slot = saved;
    return res;
}

PyObject *
P2C_CallClass(P2C_CallCache *cache, PyObject *cls, PyObject *const *args,
              size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *tp = (PyTypeObject *)cls;
    bool offset_ok = PyVectorcall_NARGS(nargsf) == 0 && kwnames == NULL
                     ? true : (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) != 0;
    if (cache->version == 0 || tp->tp_version_tag != cache->version || !offset_ok) {
        PyObject *r = PyObject_Vectorcall(cls, args, nargsf, kwnames);
        if (r != NULL && offset_ok)
            fill_call_cache(cache, tp);
        return r;
    }
    static PyObject *empty;
    if (empty == NULL && (empty = PyTuple_New(0)) == NULL)
        return NULL;
    PyObject *obj = tp->tp_new(tp, empty, NULL);   /* object_new */
    if (obj == NULL)
        return NULL;
    if (check_init_result(call_init(cache->init, obj, args, nargsf, kwnames)) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

PyObject *
P2C_CallClassSteal(P2C_CallCache *cache, PyObject *cls, PyObject *const *args,
                   size_t nargsf, PyObject *kwnames)
{
    PyObject *res = P2C_CallReturned(cls, P2C_CallClass(cache, cls, args, nargsf, kwnames));
    P2C_ReleaseCallEntries(cls, args, nargsf, kwnames);
    return res;
}
