/* asyncgen.c — compiled async generators (docs/runtime.md, "Async generators").
 *
 * An `async def` with a yield makes a P2C_AsyncGen_Type object: the
 * compiled generator's object (generator.c) whose type is a C subtype of the
 * async generator type (tp_name "async_generator"), so isinstance checks,
 * inspect.isasyncgen, ag_frame, ag_running, ag_code, __name__, repr and
 * __aiter__ are the base type's.  The awaitables that asend(), athrow(),
 * aclose() and __anext__() return run the frame, so they are ours, with
 * genobject.c's state machines and messages: async_generator_asend,
 * async_generator_athrow.
 *
 * A yield in the body wraps its value (P2C_AsyncGen_Wrap, the compiler's
 * ASYNC_GEN_WRAP): what the body hands out unwrapped comes from an await
 * and goes on to the event loop; a wrapped value ends the asend awaitable
 * with StopIteration(value).  The hooks of sys.set_asyncgen_hooks are read
 * at the first asend/athrow/aclose/__anext__: firstiter is called, the
 * finalizer kept for P2C_Gen_Finalize.
 *
 * 3.13 changed the awaitables (P2C_ASYNCGEN_AWAITABLES_313): throw()
 * starts one as send() does, so it refuses to run beside another and
 * a throw() that ends it leaves it done; close() throws GeneratorExit in;
 * one refused as "already running" is done; one never iterated warns
 * "coroutine method ... was never awaited" when finalized.
 */
#include "internal.h"

#if defined(P2C_FRAME_OBJECTS_310)
#  include "compat/genframe310.h"
#else
#  include "compat/genframe311.h"
#endif

typedef enum {
    AWAITABLE_INIT,     /* not iterated yet */
    AWAITABLE_ITER,     /* being iterated */
    AWAITABLE_CLOSED,
} AwaitableState;

/* async_generator_asend: asend(value), or __anext__() (sendval NULL). */
typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *gen;
    PyObject *sendval;
    AwaitableState state;
} ASend;

/* async_generator_athrow: athrow(*args), or aclose() (args NULL). */
typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *gen;
    PyObject *args;
    AwaitableState state;
} AThrow;

/* A value the body yielded (not an await's). */
typedef struct {
    PyObject_HEAD
    PyObject *val;
} Wrapped;

static PyTypeObject ASend_Type, AThrow_Type, wrapped_type;
/* The wrapped value a compiled body's yield makes (P2C_AsyncGen_Wrap) is
 * unwrapped by the async generator type's awaitables: with one runtime per
 * interpreter, both must see the shared runtime's type (shared.c). */
PyTypeObject *P2C_AsyncGenWrappedTypeRef = &wrapped_type;
#define Wrapped_Type (*P2C_AsyncGenWrappedTypeRef)

/* 3.13's awaitables (above), a constant so that every version compiles
 * both behaviours' code. */
#ifdef P2C_ASYNCGEN_AWAITABLES_313
#  define AWAITABLES_313 1
#else
#  define AWAITABLES_313 0
#endif

static const char IGNORED_EXIT_MSG[] = "async generator ignored GeneratorExit";
static const char NON_INIT_CORO_MSG[] =
    "can't send non-None value to a just-started coroutine";

/* ---- wrapped values ------------------------------------------------------------ */

PyObject *
P2C_AsyncGen_Wrap(PyObject *value)
{
    Wrapped *w = PyObject_GC_New(Wrapped, &Wrapped_Type);
    if (w == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    w->val = value;
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static void
wrapped_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((Wrapped *)self)->val);
    PyObject_GC_Del(self);
}

static int
wrapped_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Wrapped *)self)->val);
    return 0;
}

static PyTypeObject wrapped_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(Wrapped),
    .tp_dealloc = wrapped_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapped_traverse,
};

/* async_gen_unwrap_value: a step's result as the awaitable's.  A wrapped
 * value ends the step (StopIteration(value)); the end of the generator is
 * StopAsyncIteration. */
static PyObject *
unwrap(PyAsyncGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetNone(PyExc_StopAsyncIteration);
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit))
            gen->ag_closed = 1;
        gen->ag_running_async = 0;
        return NULL;
    }
    if (Py_IS_TYPE(result, &Wrapped_Type)) {
        _PyGen_SetStopIterationValue(((Wrapped *)result)->val);
        Py_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

/* ---- the hooks ------------------------------------------------------------------- */

/* async_gen_init_hooks: once, the finalizer kept and firstiter called.
 * 0 or -1. */
static int
init_hooks(PyAsyncGenObject *gen)
{
    if (gen->ag_hooks_inited)
        return 0;
    gen->ag_hooks_inited = 1;
    PyThreadState *tstate = P2C_ThreadState();
    if (tstate->async_gen_finalizer)
        P2C_AG_FINALIZER(gen) = Py_NewRef(tstate->async_gen_finalizer);
    PyObject *firstiter = tstate->async_gen_firstiter;
    if (firstiter == NULL)
        return 0;
    Py_INCREF(firstiter);
    PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)gen);
    Py_DECREF(firstiter);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

/* ---- what the awaitables share on 3.13 ---------------------------------------------- */

/* close() of an awaitable, given what throwing GeneratorExit into it
 * gave (new reference or NULL): the generator's end or GeneratorExit is
 * a clean close (None); a value awaited or yielded instead is "coroutine
 * ignored GeneratorExit" (genobject.c's async_gen_asend_close and
 * async_gen_athrow_close). */
static PyObject *
close_outcome(PyObject *result)
{
    if (result != NULL) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

#ifdef P2C_ASYNCGEN_AWAITABLES_313
/* warnings.warn(message, RuntimeWarning, 1, source): the warning with
 * the generator as its source, which the printed form follows with
 * tracemalloc's allocation traceback or its hint, as 3.13's C warning
 * does.  _warnings.warn is what _PyErr_WarnFormat runs (same frame for
 * stacklevel 1: a C call pushes none).  Without the module (late in the
 * interpreter's finalization), the warning without its source.
 * 0 or -1. */
static int
warn_with_source(PyObject *message, PyObject *source)
{
    static PyObject *name;
    if (P2C_InternedString(&name, "_warnings") == NULL)
        return -1;
    PyObject *warnings = PyImport_GetModule(name);
    if (warnings == NULL) {
        PyErr_Clear();
        return PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "%U", message);
    }
    PyObject *res = PyObject_CallMethod(warnings, "warn", "OOiO", message,
                                        PyExc_RuntimeWarning, 1, source);
    Py_DECREF(warnings);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

/* _warnings.c's _PyErr_WarnUnawaitedAgenMethod (not exported): an
 * awaitable made by gen.METHOD() and finalized without ever being
 * iterated.  A failure of the warning is unraisable; the exception being
 * raised, if any, is kept. */
static void
warn_never_awaited(PyAsyncGenObject *gen, const char *method)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *message = PyUnicode_FromFormat(
        "coroutine method '%s' of %R was never awaited", method, gen->ag_qualname);
    if (message == NULL || warn_with_source(message, (PyObject *)gen) < 0)
        PyErr_FormatUnraisable("Exception ignored while finalizing async generator %R",
                               (PyObject *)gen);
    Py_XDECREF(message);
    PyErr_SetRaisedException(exc);
}
#endif

/* ---- asend ------------------------------------------------------------------------ */

static PyObject *
asend_new(PyAsyncGenObject *gen, PyObject *sendval)
{
    ASend *o = PyObject_GC_New(ASend, &ASend_Type);
    if (o == NULL)
        return NULL;
    o->gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->sendval = Py_XNewRef(sendval);
    o->state = AWAITABLE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void
asend_dealloc(PyObject *self)
{
    ASend *o = (ASend *)self;
#ifdef P2C_ASYNCGEN_AWAITABLES_313
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;   /* the warning's machinery kept it alive */
#endif
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->gen);
    Py_CLEAR(o->sendval);
    PyObject_GC_Del(self);
}

static int
asend_traverse(PyObject *self, visitproc visit, void *arg)
{
    ASend *o = (ASend *)self;
    Py_VISIT(o->gen);
    Py_VISIT(o->sendval);
    return 0;
}

/* The generator runs for another awaitable, so this one cannot start
 * (-1 with RuntimeError; on 3.13 it is then done: it can neither run
 * later nor warn that it was never awaited). */
static int
asend_refuse_if_running(ASend *o)
{
    if (!o->gen->ag_running_async)
        return 0;
    if (AWAITABLES_313)
        o->state = AWAITABLE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError,
                    "anext(): asynchronous generator is already running");
    return -1;
}

static PyObject *
asend_send(PyObject *self, PyObject *arg)
{
    ASend *o = (ASend *)self;
    if (o->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->state == AWAITABLE_INIT) {
        if (asend_refuse_if_running(o) < 0)
            return NULL;
        if (arg == NULL || arg == Py_None)
            arg = o->sendval;
        o->state = AWAITABLE_ITER;
    }
    o->gen->ag_running_async = 1;
    PyObject *result = unwrap(o->gen, P2C_Gen_SendEx((PyGenObject *)o->gen, arg, 0, 0));
    if (result == NULL)
        o->state = AWAITABLE_CLOSED;
    return result;
}

static PyObject *
asend_iternext(PyObject *self)
{
    return asend_send(self, NULL);
}

static PyObject *
asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ASend *o = (ASend *)self;
    if (o->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (AWAITABLES_313 && o->state == AWAITABLE_INIT) {
        /* throw() starts the awaitable as send() does */
        if (asend_refuse_if_running(o) < 0)
            return NULL;
        o->state = AWAITABLE_ITER;
        o->gen->ag_running_async = 1;
    }
    PyObject *result = unwrap(o->gen, P2C_Gen_Throw((PyObject *)o->gen, args, nargs));
    if (result == NULL)
        o->state = AWAITABLE_CLOSED;
    return result;
}

/* Before 3.13 close() only ends the awaitable; 3.13 throws GeneratorExit
 * in where the generator stands, unless the awaitable is done. */
static PyObject *
asend_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    ASend *o = (ASend *)self;
    if (!AWAITABLES_313 || o->state == AWAITABLE_CLOSED) {
        o->state = AWAITABLE_CLOSED;
        Py_RETURN_NONE;
    }
    return close_outcome(asend_throw(self, &PyExc_GeneratorExit, 1));
}

#ifdef P2C_ASYNCGEN_AWAITABLES_313
static void
asend_finalize(PyObject *self)
{
    ASend *o = (ASend *)self;
    if (o->state == AWAITABLE_INIT)
        warn_never_awaited(o->gen, "asend");
}
#endif

static PyMethodDef asend_methods[] = {
    {"send", asend_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))asend_throw, METH_FASTCALL, NULL},
    {"close", asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods asend_as_async = {
    .am_await = PyObject_SelfIter,
};

static PyTypeObject ASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(ASend),
    .tp_dealloc = asend_dealloc,
    .tp_as_async = &asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
#ifdef P2C_ASYNCGEN_AWAITABLES_313
    .tp_finalize = asend_finalize,
#endif
};

/* ---- athrow and aclose ------------------------------------------------------------ */

static PyObject *
athrow_new(PyAsyncGenObject *gen, PyObject *args)
{
    AThrow *o = PyObject_GC_New(AThrow, &AThrow_Type);
    if (o == NULL)
        return NULL;
    o->gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->args = Py_XNewRef(args);
    o->state = AWAITABLE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void
athrow_dealloc(PyObject *self)
{
    AThrow *o = (AThrow *)self;
#ifdef P2C_ASYNCGEN_AWAITABLES_313
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;   /* the warning's machinery kept it alive */
#endif
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->gen);
    Py_CLEAR(o->args);
    PyObject_GC_Del(self);
}

static int
athrow_traverse(PyObject *self, visitproc visit, void *arg)
{
    AThrow *o = (AThrow *)self;
    Py_VISIT(o->gen);
    Py_VISIT(o->args);
    return 0;
}

/* The awaitable is done: the generator no longer runs for it. */
static void
athrow_finish(AThrow *o)
{
    o->gen->ag_running_async = 0;
    o->state = AWAITABLE_CLOSED;
}

/* aclose() mode's outcome of a step: the generator yielding a value is
 * "ignored GeneratorExit"; its end (StopAsyncIteration, GeneratorExit)
 * ends the awaitable with StopIteration; an await's value goes on. */
static PyObject *
aclose_result(AThrow *o, PyObject *retval)
{
    if (retval != NULL) {
        if (!Py_IS_TYPE(retval, &Wrapped_Type))
            return retval;
        Py_DECREF(retval);
        athrow_finish(o);
        PyErr_SetString(PyExc_RuntimeError, IGNORED_EXIT_MSG);
        return NULL;
    }
    athrow_finish(o);
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

/* athrow(*args) mode's outcome of a step. */
static PyObject *
athrow_result(AThrow *o, PyObject *retval)
{
    retval = unwrap(o->gen, retval);
    if (retval == NULL)
        athrow_finish(o);
    return retval;
}

/* The generator runs for another awaitable, so this one cannot start:
 * it is done, -1 with RuntimeError. */
static int
athrow_refuse_if_running(AThrow *o)
{
    if (!o->gen->ag_running_async)
        return 0;
    o->state = AWAITABLE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, o->args == NULL
                    ? "aclose(): asynchronous generator is already running"
                    : "athrow(): asynchronous generator is already running");
    return -1;
}

/* The first step: GeneratorExit (aclose) or args thrown in where the
 * generator stands, without closing what it awaits. */
static PyObject *
athrow_start(AThrow *o)
{
    o->state = AWAITABLE_ITER;
    o->gen->ag_running_async = 1;
    PyGenObject *gen = (PyGenObject *)o->gen;
    if (o->args == NULL) {
        o->gen->ag_closed = 1;
        return aclose_result(o, P2C_Gen_ThrowImpl(gen, 0, PyExc_GeneratorExit, NULL, NULL));
    }
    PyObject *typ, *val = NULL, *tb = NULL;
    if (!PyArg_UnpackTuple(o->args, "athrow", 1, 3, &typ, &val, &tb))
        return NULL;
    return athrow_result(o, P2C_Gen_ThrowImpl(gen, 0, typ, val, tb));
}

static PyObject *
athrow_send(PyObject *self, PyObject *arg)
{
    AThrow *o = (AThrow *)self;
    PyGenObject *gen = (PyGenObject *)o->gen;
    if (o->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (P2C_GEN_STATE(gen) >= FRAME_COMPLETED) {
        o->state = AWAITABLE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->state == AWAITABLE_INIT) {
        if (athrow_refuse_if_running(o) < 0)
            return NULL;
        if (o->gen->ag_closed) {
            o->state = AWAITABLE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, NON_INIT_CORO_MSG);
            return NULL;
        }
        return athrow_start(o);
    }
    PyObject *retval = P2C_Gen_SendEx(gen, arg, 0, 0);
    return o->args ? athrow_result(o, retval) : aclose_result(o, retval);
}

static PyObject *
athrow_iternext(PyObject *self)
{
    return athrow_send(self, Py_None);
}

static PyObject *
athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    AThrow *o = (AThrow *)self;
    if (o->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (AWAITABLES_313 && o->state == AWAITABLE_INIT) {
        /* throw() starts the awaitable as send() does */
        if (athrow_refuse_if_running(o) < 0)
            return NULL;
        o->state = AWAITABLE_ITER;
        o->gen->ag_running_async = 1;
    }
    PyObject *retval = P2C_Gen_Throw((PyObject *)o->gen, args, nargs);
    if (o->args) {
        retval = unwrap(o->gen, retval);
        if (AWAITABLES_313 && retval == NULL)
            athrow_finish(o);   /* before 3.13 a second throw() runs again */
        return retval;
    }
    /* aclose() mode (genobject.c's async_gen_athrow_throw) */
    if (retval && Py_IS_TYPE(retval, &Wrapped_Type)) {
        Py_DECREF(retval);
        athrow_finish(o);
        PyErr_SetString(PyExc_RuntimeError, IGNORED_EXIT_MSG);
        return NULL;
    }
    if (AWAITABLES_313 && retval == NULL)
        athrow_finish(o);
    if (retval == NULL && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                           PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return retval;
}

/* As asend_close. */
static PyObject *
athrow_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    AThrow *o = (AThrow *)self;
    if (!AWAITABLES_313 || o->state == AWAITABLE_CLOSED) {
        o->state = AWAITABLE_CLOSED;
        Py_RETURN_NONE;
    }
    return close_outcome(athrow_throw(self, &PyExc_GeneratorExit, 1));
}

#ifdef P2C_ASYNCGEN_AWAITABLES_313
static void
athrow_finalize(PyObject *self)
{
    AThrow *o = (AThrow *)self;
    if (o->state == AWAITABLE_INIT)
        warn_never_awaited(o->gen, o->args != NULL ? "athrow" : "aclose");
}
#endif

static PyMethodDef athrow_methods[] = {
    {"send", athrow_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))athrow_throw, METH_FASTCALL, NULL},
    {"close", athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods athrow_as_async = {
    .am_await = PyObject_SelfIter,
};

static PyTypeObject AThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AThrow),
    .tp_dealloc = athrow_dealloc,
    .tp_as_async = &athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
#ifdef P2C_ASYNCGEN_AWAITABLES_313
    .tp_finalize = athrow_finalize,
#endif
};

/* ---- the async generator type ------------------------------------------------------ */

static PyObject *
agen_anext(PyObject *self)
{
    PyAsyncGenObject *gen = (PyAsyncGenObject *)self;
    return init_hooks(gen) < 0 ? NULL : asend_new(gen, NULL);
}

static PyObject *
agen_asend(PyObject *self, PyObject *arg)
{
    PyAsyncGenObject *gen = (PyAsyncGenObject *)self;
    return init_hooks(gen) < 0 ? NULL : asend_new(gen, arg);
}

static PyObject *
agen_aclose(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyAsyncGenObject *gen = (PyAsyncGenObject *)self;
    return init_hooks(gen) < 0 ? NULL : athrow_new(gen, NULL);
}

static PyObject *
agen_athrow(PyObject *self, PyObject *args)
{
    PyAsyncGenObject *gen = (PyAsyncGenObject *)self;
#ifdef P2C_THROW_SIGNATURE_DEPRECATED
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1 && nargs <= 3 &&
        PyErr_WarnEx(PyExc_DeprecationWarning,
                     "the (type, exc, tb) signature of athrow() is deprecated, "
                     "use the single-arg signature instead.", 1) < 0)
        return NULL;
#endif
    return init_hooks(gen) < 0 ? NULL : athrow_new(gen, args);
}

static PyMethodDef agen_methods[] = {
    {"asend", agen_asend, METH_O, NULL},
    {"athrow", agen_athrow, METH_VARARGS, NULL},
    {"aclose", agen_aclose, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef agen_getset[] = {
    {"ag_await", P2C_Gen_GetYieldFrom, NULL, NULL, NULL},
    {"__class__", P2C_Gen_GetBaseClass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyAsyncMethods agen_as_async = {
    .am_aiter = PyObject_SelfIter,
    .am_anext = agen_anext,
    .am_send = P2C_Gen_AmSend,
};

static PyTypeObject asyncgen_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",   /* type(g) prints <class 'async_generator'> */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_as_async = &agen_as_async,
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
    .tp_finalize = P2C_Gen_Finalize,
    .tp_base = &PyAsyncGen_Type,
    .tp_basicsize = P2C_GEN_BASICSIZE,
};
PyTypeObject *P2C_AsyncGenTypeRef = &asyncgen_type;

int
P2C_AsyncGen_ReadyTypes(void)
{
    if (PyType_Ready(&Wrapped_Type) < 0 || PyType_Ready(&ASend_Type) < 0 ||
        PyType_Ready(&AThrow_Type) < 0)
        return -1;
    return P2C_ReadySubtype(&P2C_AsyncGen_Type);
}
