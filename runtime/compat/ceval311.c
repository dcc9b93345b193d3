/* ceval311.c — the eval breaker of 3.11 (see P2C_CheckEvalBreaker in
 * runtime.h): the flag the interpreter polls on backward jumps to learn that
 * a signal arrived, a pending call waits or another thread asked for the
 * GIL, and what compiled loops do when it is set — the part of ceval.c's
 * eval_frame_handle_pending that the public API reaches.
 *
 * Built with Py_BUILD_CORE for interp->ceval, which generated code cannot
 * include after Python.h; it publishes the flag's address instead.
 */
#define Py_BUILD_CORE 1
#include <Python.h>
#include "compat/version.h"
#ifdef P2C_EVAL_BREAKER_311
#include <internal/pycore_interp.h>
#include <internal/pycore_pystate.h>
#ifdef P2C_GC_SCHEDULED_312
#include <internal/pycore_runtime.h>
#endif

#define P2C_API __attribute__((visibility("hidden")))

/* The running interpreter: inline where the thread state is a word of
 * _PyRuntime (3.11); 3.12's core inline reads a thread-local libpython
 * does not export, so the exported call. */
#ifdef P2C_TSTATE_WORD_311
#  define running_interp() _PyInterpreterState_GET()
#else
#  define running_interp() PyInterpreterState_Get()
#endif

static int never_set;
P2C_API int *P2C_EvalBreaker = &never_set;
#ifdef P2C_COMPARE_COUNTS_RECURSION_310
/* interp->ceval.recursion_limit (runtime.h's P2C_COMPARE_AT_LIMIT);
 * until published, a limit no thread reaches. */
static int no_limit = INT_MAX;
P2C_API int *P2C_RecursionLimit = &no_limit;
#endif

P2C_API void P2C_PublishEvalBreaker(void);
#ifdef P2C_TSTATE_TLS_312
P2C_API void P2C_FindThreadStateSlot(void);   /* compat/tstate312.c */
#endif
#ifdef P2C_MONITORING_312
P2C_API void P2C_Monitor_Publish(void);   /* monitor312.c */
#endif
P2C_API int P2C_HandlePending(void);
P2C_API PyObject *P2C_HandlePendingAfterCall(PyObject *callable, PyObject *res);

/* Called at module init, from the interpreter that runs compiled code.
 * _Py_atomic_int keeps its int first, so its address reads as an int. */
void
P2C_PublishEvalBreaker(void)
{
    P2C_EvalBreaker = (int *)&running_interp()->ceval.eval_breaker;
#ifdef P2C_COMPARE_COUNTS_RECURSION_310
    P2C_RecursionLimit = &running_interp()->ceval.recursion_limit;
#endif
#ifdef P2C_TSTATE_TLS_312
    P2C_FindThreadStateSlot();   /* compat/tstate312.c */
#endif
#ifdef P2C_MONITORING_312
    P2C_Monitor_Publish();
#endif
}

#ifdef P2C_GC_SCHEDULED_312
/* 3.12 runs the cyclic GC from the eval breaker: an allocation past the
 * threshold sets gc_scheduled (and the breaker), and _Py_HandlePending
 * (not exported) clears it and collects.  Left set, the breaker would stay
 * on for good (every back edge would come here) and compiled loops would
 * never collect. */

/* ceval_gil.c's COMPUTE_EVAL_BREAKER as 3.12 has it. */
static void
recompute_eval_breaker(PyInterpreterState *interp)
{
    struct _ceval_state *ceval2 = &interp->ceval;
    int main_thread = PyThread_get_thread_ident() == _PyRuntime.main_thread &&
                      interp == _PyRuntime.interpreters.main;
    _Py_atomic_store_relaxed(&ceval2->eval_breaker,
        _Py_atomic_load_relaxed(&ceval2->gil_drop_request)
        | (_Py_atomic_load_relaxed(&_PyRuntime.ceval.signals_pending) && main_thread)
        | _Py_atomic_load_relaxed(&ceval2->pending.calls_to_do)
        | (main_thread &&
           _Py_atomic_load_relaxed(&_PyRuntime.ceval.pending_mainthread.calls_to_do))
        | ceval2->pending.async_exc
        | _Py_atomic_load_relaxed(&ceval2->gc_scheduled));
}

/* _Py_RunGC: the oldest generation past its threshold (the oldest only
 * when a quarter of the long-lived objects are new), as gc.collect(n) runs
 * it (the same collection, callbacks and statistics). */
static void
run_scheduled_gc(PyInterpreterState *interp)
{
    static PyObject *gc_module;
    struct _gc_runtime_state *gc = &interp->gc;
    int gen = -1;
    for (int i = NUM_GENERATIONS - 1; i >= 0 && gen < 0; i--)
        if (gc->generations[i].count > gc->generations[i].threshold &&
            !(i == NUM_GENERATIONS - 1 && gc->long_lived_pending < gc->long_lived_total / 4))
            gen = i;
    if (gen < 0)
        return;
    PyObject *exc = PyErr_GetRaisedException();
    if (gc_module == NULL)
        gc_module = PyImport_ImportModule("gc");
    PyObject *r = gc_module ? PyObject_CallMethod(gc_module, "collect", "i", gen) : NULL;
    if (r == NULL)
        PyErr_WriteUnraisable(NULL);
    Py_XDECREF(r);
    PyErr_SetRaisedException(exc);
}
#endif

int
P2C_HandlePending(void)
{
#ifdef P2C_GC_SCHEDULED_312
    PyInterpreterState *interp = running_interp();
    if (_Py_atomic_load_relaxed(&interp->ceval.gc_scheduled)) {
        _Py_atomic_store_relaxed(&interp->ceval.gc_scheduled, 0);
        recompute_eval_breaker(interp);
        run_scheduled_gc(interp);
    }
#endif
    /* Another thread waits for the GIL: let it run, as the interpreter's
     * drop_gil/take_gil pair does. */
    if (_Py_atomic_load_relaxed(&running_interp()->ceval.gil_drop_request)) {
        PyThreadState *ts = PyEval_SaveThread();
        PyEval_RestoreThread(ts);
    }
    /* Signal handlers (main thread) and pending calls; a handler's exception
     * (KeyboardInterrupt from SIGINT) comes back as -1. */
    return Py_MakePendingCalls();
}

/* Does 3.11's CALL run callable inline, in the same eval loop?  An exact
 * function does (PRECALL first unpacks a bound method object), unless a
 * PEP 523 frame evaluator is installed; then the callee's RESUME checks the
 * eval breaker, and CALL does not check on return. */
static int
call_runs_inline(PyObject *callable)
{
    if (Py_IS_TYPE(callable, &PyMethod_Type))
        callable = PyMethod_GET_FUNCTION(callable);
    return Py_IS_TYPE(callable, &PyFunction_Type) &&
           running_interp()->eval_frame == NULL;
}

PyObject *
P2C_HandlePendingAfterCall(PyObject *callable, PyObject *res)
{
    if (call_runs_inline(callable) || P2C_HandlePending() == 0)
        return res;
    Py_DECREF(res);   /* CALL pushed it; unwinding the stack drops it */
    return NULL;
}

#endif  /* P2C_EVAL_BREAKER_311 */

#ifdef P2C_TSTATE_WORD_311
#include <internal/pycore_runtime.h>
/* Where the interpreter keeps the running thread's state (what
 * _PyThreadState_GET reads), so that generated code can test
 * tstate->cframe->use_tracing inline (P2C_Tracing in runtime.h). */
__attribute__((visibility("hidden")))
uintptr_t *const P2C_CurrentThreadState = (uintptr_t *)&_PyRuntime.gilstate.tstate_current._value;
#endif
