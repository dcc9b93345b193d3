/* monitor312.c — sys.monitoring (PEP 669) events of compiled code on
 * CPython 3.12, for the tools other than sys.settrace / sys.setprofile
 * (cProfile is one: 3.12's _lsprof registers PY_START, PY_RESUME,
 * PY_RETURN, PY_YIELD, PY_UNWIND, CALL, C_RETURN and C_RAISE callbacks).
 *
 * The interpreter fires these from instrumented bytecode
 * (_Py_call_instrumentation, not exported); compiled code has none, so
 * trace311.c calls here at the same points where it calls the legacy hooks:
 * frame entry and exit, and around calls of builtins.  The callbacks are
 * the interpreter's (interp->monitoring_callables), given the stub code
 * object and the running site's offset, called with tstate->tracing raised
 * as call_instrumentation_vector does.  Tools 6 and 7 (sys.setprofile,
 * sys.settrace) are left out: trace311.c calls their hooks (c_profilefunc,
 * c_tracefunc) directly.  Only global events count (sys.monitoring
 * .set_events); local ones (set_local_events on a code object) are not
 * seen, and a callback's DISABLE is not honoured (there is no instruction
 * to disable): the callback keeps being called.
 *
 * Built with Py_BUILD_CORE for the interpreter's layout, like ceval311.c;
 * generated code reads only the published event masks (P2C_MonitorTools).
 */
#define Py_BUILD_CORE 1
#include <Python.h>
#include "compat/version.h"
#ifdef P2C_MONITORING_312
#include <internal/pycore_interp.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_instruments.h>

#define P2C_API __attribute__((visibility("hidden")))

/* The frame's code object (3.13 keeps it as f_executable). */
#ifdef P2C_FRAME_LAYOUT_313
#  define frame_code(f) _PyFrame_GetCode(f)
#else
#  define frame_code(f) ((f)->f_code)
#endif

/* The tools of sys.setprofile and sys.settrace (bits 6, 7). */
#define SYS_TOOLS ((1 << PY_MONITORING_SYS_PROFILE_ID) | (1 << PY_MONITORING_SYS_TRACE_ID))

static uint8_t no_tools[_PY_MONITORING_UNGROUPED_EVENTS];
P2C_API const uint8_t *P2C_MonitorTools = no_tools;

P2C_API void P2C_Monitor_Publish(void);
P2C_API int P2C_Monitor_Active(void);
P2C_API int P2C_Monitor_FrameEntry(_PyInterpreterFrame *f);
P2C_API int P2C_Monitor_FrameExit(_PyInterpreterFrame *f, PyObject *retval);
P2C_API int P2C_Monitor_CCall(_PyInterpreterFrame *f, PyObject *func);
P2C_API int P2C_Monitor_CReturn(_PyInterpreterFrame *f, PyObject *func, int raised);

/* Called at module init (with the eval breaker's address). */
void
P2C_Monitor_Publish(void)
{
    P2C_MonitorTools = PyInterpreterState_Get()->monitors.tools;
}

/* C_RETURN and C_RAISE have no mask of their own: they go to the tools of
 * CALL (instrumentation.c's get_tools_for_instruction). */
static uint8_t
tools_for(int event)
{
    if (event >= _PY_MONITORING_UNGROUPED_EVENTS)
        event = PY_MONITORING_EVENT_CALL;
    return P2C_MonitorTools[event] & (uint8_t)~SYS_TOOLS;
}

/* Whether any event this file fires has a tool (P2C_TS_TRACING). */
int
P2C_Monitor_Active(void)
{
    return tools_for(PY_MONITORING_EVENT_PY_START) | tools_for(PY_MONITORING_EVENT_PY_RESUME) |
           tools_for(PY_MONITORING_EVENT_PY_RETURN) | tools_for(PY_MONITORING_EVENT_PY_YIELD) |
           tools_for(PY_MONITORING_EVENT_PY_UNWIND) | tools_for(PY_MONITORING_EVENT_CALL);
}

/* Calls the callbacks of event's tools, lowest id first, with (code,
 * offset, *extra).  0, or -1 when one raised (the rest are skipped). */
static int
fire(_PyInterpreterFrame *f, int event, PyObject *const *extra, int nextra)
{
    uint8_t tools = tools_for(event);
    PyThreadState *ts = PyThreadState_GET();
    if (tools == 0 || ts->tracing || f == NULL)
        return 0;
    PyObject *offset = PyLong_FromSsize_t(_PyInterpreterFrame_LASTI(f) * (Py_ssize_t)sizeof(_Py_CODEUNIT));
    if (offset == NULL)
        return -1;
    PyObject *args[4] = {(PyObject *)frame_code(f), offset, NULL, NULL};
    for (int i = 0; i < nextra; i++)
        args[2 + i] = extra[i];
    int err = 0;
    ts->tracing++;
    for (int tool = 0; err == 0 && tool < PY_MONITORING_TOOL_IDS; tool++) {
        if (!(tools & (1 << tool)))
            continue;
        PyObject *cb = ts->interp->monitoring_callables[tool][event];
        if (cb == NULL)
            continue;
        PyObject *res = PyObject_Vectorcall(cb, args, 2 + nextra, NULL);
        if (res == NULL)
            err = -1;
        Py_XDECREF(res);
    }
    ts->tracing--;
    Py_DECREF(offset);
    return err;
}

/* fire() with the pending exception (if any) kept aside; an error of a
 * callback replaces it. */
static int
fire_protected(_PyInterpreterFrame *f, int event, PyObject *const *extra, int nextra)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (fire(f, event, extra, nextra) < 0) {
        Py_XDECREF(exc);
        return -1;
    }
    PyErr_SetRaisedException(exc);
    return 0;
}

/* A generator's frame that has run before resumes (PY_RESUME); any other
 * frame starts (PY_START). */
static int
resumes(_PyInterpreterFrame *f)
{
    return f->owner == FRAME_OWNED_BY_GENERATOR &&
           _PyInterpreterFrame_LASTI(f) > frame_code(f)->_co_firsttraceable;
}

int
P2C_Monitor_FrameEntry(_PyInterpreterFrame *f)
{
    return fire_protected(f, resumes(f) ? PY_MONITORING_EVENT_PY_RESUME
                                        : PY_MONITORING_EVENT_PY_START, NULL, 0);
}

/* retval NULL: left by the exception set (PY_UNWIND with it); a suspended
 * generator's frame yields (PY_YIELD), any other returns (PY_RETURN). */
int
P2C_Monitor_FrameExit(_PyInterpreterFrame *f, PyObject *retval)
{
    if (retval == NULL) {
        PyObject *exc = PyErr_GetRaisedException();
        int err = fire(f, PY_MONITORING_EVENT_PY_UNWIND, &exc, 1);
        if (err == 0)
            PyErr_SetRaisedException(exc);
        else
            Py_XDECREF(exc);
        return err;
    }
    int event = PY_MONITORING_EVENT_PY_RETURN;
    if (f->owner == FRAME_OWNED_BY_GENERATOR &&
        _PyFrame_GetGenerator(f)->gi_frame_state == FRAME_SUSPENDED)
        event = PY_MONITORING_EVENT_PY_YIELD;
    return fire_protected(f, event, &retval, 1);
}

/* CALL of builtin func (bound to its object when it is a method), its
 * first argument given as MISSING (what the interpreter passes when the
 * callable takes no self). */
static PyObject *
missing(void)
{
    static PyObject *value;
    if (value == NULL) {
        PyObject *mon = PySys_GetObject("monitoring");   /* borrowed */
        value = mon ? PyObject_GetAttrString(mon, "MISSING") : NULL;
        if (value == NULL)
            PyErr_Clear();
    }
    return value ? value : Py_None;
}

int
P2C_Monitor_CCall(_PyInterpreterFrame *f, PyObject *func)
{
    PyObject *extra[2] = {func, missing()};
    return fire_protected(f, PY_MONITORING_EVENT_CALL, extra, 2);
}

int
P2C_Monitor_CReturn(_PyInterpreterFrame *f, PyObject *func, int raised)
{
    PyObject *extra[2] = {func, missing()};
    return fire_protected(f, raised ? PY_MONITORING_EVENT_C_RAISE : PY_MONITORING_EVENT_C_RETURN,
                          extra, 2);
}

#endif  /* P2C_MONITORING_312 */
