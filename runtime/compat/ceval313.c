/* ceval313.c — the eval breaker of 3.13 (see P2C_CheckEvalBreaker in
 * runtime.h, P2C_EVAL_BREAKER_SET in frame313.h): each thread state has its
 * own word, tstate->eval_breaker, whose low 8 bits say a signal arrived, a
 * pending call waits, another thread asks for the GIL, an asynchronous
 * exception or a garbage collection is due (the bits above are the
 * instrumentation version, not events).  The interpreter's handler,
 * _Py_HandlePending, is exported: compiled loops call it as the
 * interpreter's back edges and calls do.  ceval311.c is 3.11/3.12's.
 */
#include <Python.h>
#include "compat/version.h"
#ifdef P2C_EVAL_BREAKER_313

#define P2C_API __attribute__((visibility("hidden")))

/* internal/pycore_ceval.h (exported, declared under Py_BUILD_CORE only) */
PyAPI_FUNC(int) _Py_HandlePending(PyThreadState *tstate);

/* 3.11/3.12 point this at the interpreter's flag; 3.13 reads the running
 * thread's word instead (P2C_EVAL_BREAKER_SET), so it stays unused. */
static int never_set;
P2C_API int *P2C_EvalBreaker = &never_set;

P2C_API void P2C_PublishEvalBreaker(void);
#ifdef P2C_TSTATE_TLS_312
P2C_API void P2C_FindThreadStateSlot(void);   /* compat/tstate312.c */
#endif
#ifdef P2C_MONITORING_312
P2C_API void P2C_Monitor_Publish(void);   /* monitor312.c */
#endif
P2C_API int P2C_HandlePending(void);
P2C_API PyObject *P2C_HandlePendingAfterCall(PyObject *callable, PyObject *res);

/* Called at module init, from the interpreter that runs compiled code. */
void
P2C_PublishEvalBreaker(void)
{
#ifdef P2C_TSTATE_TLS_312
    P2C_FindThreadStateSlot();   /* compat/tstate312.c */
#endif
#ifdef P2C_MONITORING_312
    P2C_Monitor_Publish();
#endif
}

/* 0, or -1 with the exception a signal handler (KeyboardInterrupt ...) or
 * an asynchronous exception raised. */
int
P2C_HandlePending(void)
{
    return _Py_HandlePending(PyThreadState_Get());
}

/* Does 3.13's CALL run callable inline, in the same eval loop?  An exact
 * function (bound in a method object too) with the interpreter's own
 * vectorcall, unless a PEP 523 frame evaluator is installed; then the
 * callee's RESUME checks the eval breaker, and CALL does not check on
 * return (pyc2c's functions are a subtype: never inline). */
static int
call_runs_inline(PyObject *callable)
{
    if (Py_IS_TYPE(callable, &PyMethod_Type))
        callable = PyMethod_GET_FUNCTION(callable);
    return Py_IS_TYPE(callable, &PyFunction_Type) &&
           _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get()) ==
               _PyEval_EvalFrameDefault;
}

PyObject *
P2C_HandlePendingAfterCall(PyObject *callable, PyObject *res)
{
    if (call_runs_inline(callable) || P2C_HandlePending() == 0)
        return res;
    Py_DECREF(res);   /* CALL pushed it; unwinding the stack drops it */
    return NULL;
}

#endif  /* P2C_EVAL_BREAKER_313 */
