/* coroutine.c — compiled coroutines and await (docs/runtime.md, "Coroutines").
 *
 * An `async def` without yield makes a P2C_Coroutine_Type object: the
 * compiled generator's object (generator.c: same layout, same body and
 * frame machinery) whose type is a C subtype of the coroutine type
 * (tp_name "coroutine").  So isinstance(c, types.CoroutineType),
 * inspect.iscoroutine / isawaitable / getcoroutinestate,
 * collections.abc.Coroutine, asyncio.iscoroutine, cr_frame, cr_running,
 * cr_suspended, cr_code, cr_origin, __name__/__qualname__, repr and the
 * dealloc are the coroutine type's own.  What would run the frame through
 * the interpreter is replaced: send, throw, close, am_send, __await__
 * (am_await: a coroutine_wrapper of ours), cr_await and the finalizer.
 *
 * The interpreter and C code (asyncio's Task) drive a compiled coroutine
 * through these slots: PyIter_Send uses am_send; the interpreter's
 * GET_AWAITABLE, which returns an exact coroutine itself, takes am_await's
 * wrapper for ours.
 *
 * Also here: the operations of await, async for and async with that
 * compiled code calls (GET_AWAITABLE, GET_AITER, GET_ANEXT) and the
 * "never awaited" warning.
 */
#include "internal.h"

#if defined(P2C_FRAME_OBJECTS_310)
#  include "compat/genframe310.h"
#else
#  include "compat/genframe311.h"
#endif

/* ---- coroutine_wrapper: what coro.__await__() returns ----------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *coro;   /* a P2C_Coroutine_Type object */
} CoroWrapper;

static PyTypeObject CoroWrapper_Type;

static PyObject *
coro_await(PyObject *coro)
{
    CoroWrapper *cw = PyObject_GC_New(CoroWrapper, &CoroWrapper_Type);
    if (cw == NULL)
        return NULL;
    cw->coro = Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static void
wrapper_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((CoroWrapper *)self)->coro);
    PyObject_GC_Del(self);
}

static int
wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((CoroWrapper *)self)->coro);
    return 0;
}

static PyObject *
wrapper_iternext(PyObject *self)
{
    return P2C_Gen_SendEx((PyGenObject *)((CoroWrapper *)self)->coro, NULL, 0, 0);
}

static PyObject *
wrapper_send(PyObject *self, PyObject *arg)
{
    return P2C_Gen_SendEx((PyGenObject *)((CoroWrapper *)self)->coro, arg, 0, 0);
}

static PyObject *
wrapper_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return P2C_Gen_Throw(((CoroWrapper *)self)->coro, args, nargs);
}

static PyObject *
wrapper_close(PyObject *self, PyObject *unused)
{
    return P2C_Gen_Close(((CoroWrapper *)self)->coro, unused);
}

static PyMethodDef wrapper_methods[] = {
    {"send", wrapper_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))wrapper_throw, METH_FASTCALL, NULL},
    {"close", wrapper_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject CoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(CoroWrapper),
    .tp_dealloc = wrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A wrapper object implementing __await__ for coroutines.",
    .tp_traverse = wrapper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = wrapper_iternext,
    .tp_methods = wrapper_methods,
};

/* ---- the coroutine type ----------------------------------------------------------- */

static PyMethodDef coro_methods[] = {
    {"send", P2C_Gen_Send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))P2C_Gen_Throw, METH_FASTCALL, NULL},
    {"close", P2C_Gen_Close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* __class__: the base type (see internal.h). */
PyObject *
P2C_Gen_GetBaseClass(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(Py_TYPE(self)->tp_base);
}

static PyGetSetDef coro_getset[] = {
    {"cr_await", P2C_Gen_GetYieldFrom, NULL, NULL, NULL},
    {"__class__", P2C_Gen_GetBaseClass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyAsyncMethods coro_as_async = {
    .am_await = coro_await,
    .am_send = P2C_Gen_AmSend,
};

static PyTypeObject coroutine_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",   /* type(c) prints <class 'coroutine'> */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_as_async = &coro_as_async,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = P2C_Gen_Finalize,
    .tp_base = &PyCoro_Type,
    .tp_basicsize = P2C_GEN_BASICSIZE,
};
PyTypeObject *P2C_CoroutineTypeRef = &coroutine_type;

int
P2C_Coroutine_ReadyTypes(void)
{
    if (PyType_Ready(&CoroWrapper_Type) < 0)
        return -1;
    return P2C_ReadySubtype(&P2C_Coroutine_Type);
}

/* ---- cr_origin and the never-awaited warning ------------------------------------ */

int
P2C_Coroutine_SetOrigin(PyGenObject *coro)
{
    PyThreadState *tstate = P2C_ThreadState();
    int depth = tstate->coroutine_origin_tracking_depth;
    if (depth == 0)
        return 0;
    PyObject *origin = coro_origin(tstate, depth);
    if (origin == NULL)
        return -1;
    P2C_CR_ORIGIN((PyCoroObject *)coro) = origin;
    return 0;
}

/* _warnings.c's _PyErr_WarnUnawaitedCoroutine: through
 * warnings._warn_unawaited_coroutine (which prints cr_origin), else a
 * plain RuntimeWarning. */
/* get_warnings_attr's module: imported, but once the interpreter
 * finalizes only one already there (new reference, NULL when there is
 * none: no error then). */
static PyObject *
warnings_module(void)
{
    static PyObject *name;
    if (!P2C_IsFinalizing())
        return PyImport_ImportModule("warnings");
    if (P2C_InternedString(&name, "warnings") == NULL)
        return NULL;
    PyObject *m = PyImport_GetModule(name);
    if (m == NULL)
        PyErr_Clear();   /* sys.modules may be gone already */
    return m;
}

void
P2C_Coroutine_WarnUnawaited(PyObject *coro)
{
    int warned = 0;
    PyObject *warnings = warnings_module();
    PyObject *fn = warnings ? PyObject_GetAttrString(warnings, "_warn_unawaited_coroutine")
                            : NULL;
    Py_XDECREF(warnings);
    if (fn == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();   /* get_warnings_attr: a missing one is no error */
    if (fn != NULL) {
        PyObject *res = PyObject_CallOneArg(fn, coro);
        Py_DECREF(fn);
        if (res || PyErr_ExceptionMatches(PyExc_RuntimeWarning))
            warned = 1;
        Py_XDECREF(res);
    }
    if (PyErr_Occurred())
        PyErr_WriteUnraisable(coro);
    if (!warned && PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                    "coroutine '%S' was never awaited",
                                    ((PyCoroObject *)coro)->cr_qualname) < 0)
        PyErr_WriteUnraisable(coro);
}

/* ---- await, async for ---------------------------------------------------------- */

/* A coroutine (ours or the interpreter's) already awaited by another. */
static int
is_being_awaited(PyObject *coro)
{
    if (Py_IS_TYPE(coro, &P2C_Coroutine_Type)) {
        PyObject *yf = P2C_Gen_Delegate((PyGenObject *)coro);
        Py_XDECREF(yf);
        return yf != NULL;
    }
    if (!PyCoro_CheckExact(coro) ||
        P2C_GEN_STATE((PyGenObject *)coro) != FRAME_SUSPENDED)
        return 0;
    PyObject *yf = PyObject_GetAttrString(coro, "cr_await");
    if (yf == NULL)
        return -1;
    Py_DECREF(yf);
    return yf != Py_None;
}

/* A generator the interpreter runs as a coroutine (types.coroutine). */
static int
is_iterable_coroutine(PyObject *o)
{
    return (PyGen_CheckExact(o) || Py_IS_TYPE(o, &P2C_IterableCoroutine_Type)) &&
           (P2C_Gen_Code((PyGenObject *)o)->co_flags & CO_ITERABLE_COROUTINE);
}

/* _PyCoro_GetAwaitableIter. */
static PyObject *
awaitable_iter(PyObject *o)
{
    if (PyCoro_CheckExact(o) || Py_IS_TYPE(o, &P2C_Coroutine_Type) ||
        is_iterable_coroutine(o))
        return Py_NewRef(o);
    PyTypeObject *t = Py_TYPE(o);
    unaryfunc getter = t->tp_as_async ? t->tp_as_async->am_await : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                     t->tp_name);
        return NULL;
    }
    PyObject *res = getter(o);
    if (res == NULL)
        return NULL;
    if (PyCoro_CheckExact(res) || Py_IS_TYPE(res, &P2C_Coroutine_Type) ||
        is_iterable_coroutine(res)) {
        /* __await__ must return an iterator, not a coroutine (PEP 492) */
        PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
        Py_CLEAR(res);
    } else if (!PyIter_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                     Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

/* ceval.c's format_awaitable_error: the async with's own messages. */
static void
awaitable_error(PyTypeObject *type, int where)
{
    if (type->tp_as_async != NULL && type->tp_as_async->am_await != NULL)
        return;
    if (where == 1)
        PyErr_Format(PyExc_TypeError, "'async with' received an object from __aenter__ "
                     "that does not implement __await__: %.100s", type->tp_name);
    else if (where == 2)
        PyErr_Format(PyExc_TypeError, "'async with' received an object from __aexit__ "
                     "that does not implement __await__: %.100s", type->tp_name);
}

PyObject *
P2C_GetAwaitable(PyObject *obj, int where)
{
    PyObject *iter = awaitable_iter(obj);
    if (iter == NULL) {
        awaitable_error(Py_TYPE(obj), where);
        return NULL;
    }
    int busy = is_being_awaited(iter);
    if (busy != 0) {
        Py_DECREF(iter);
        if (busy > 0)
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
        return NULL;
    }
    return iter;
}

PyObject *
P2C_GetAIter(PyObject *obj)
{
    PyTypeObject *t = Py_TYPE(obj);
    unaryfunc getter = t->tp_as_async ? t->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an object with __aiter__ "
                     "method, got %.100s", t->tp_name);
        return NULL;
    }
    PyObject *iter = getter(obj);
    if (iter == NULL)
        return NULL;
    PyTypeObject *it = Py_TYPE(iter);
    if (it->tp_as_async == NULL || it->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' received an object from __aiter__ "
                     "that does not implement __anext__: %.100s", it->tp_name);
        Py_DECREF(iter);
        return NULL;
    }
    return iter;
}

PyObject *
P2C_GetANext(PyObject *aiter)
{
    PyTypeObject *t = Py_TYPE(aiter);
    if (PyAsyncGen_CheckExact(aiter) || t == &P2C_AsyncGen_Type)
        return t->tp_as_async->am_anext(aiter);   /* its asend awaitable */
    unaryfunc getter = t->tp_as_async ? t->tp_as_async->am_anext : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an iterator with __anext__ "
                     "method, got %.100s", t->tp_name);
        return NULL;
    }
    PyObject *next = getter(aiter);
    if (next == NULL)
        return NULL;
    PyObject *awaitable = awaitable_iter(next);
    if (awaitable == NULL)
        _PyErr_FormatFromCause(PyExc_TypeError, "'async for' received an invalid object "
                               "from __anext__: %.100s", Py_TYPE(next)->tp_name);
    Py_DECREF(next);
    return awaitable;
}
