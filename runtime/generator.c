/* generator.c — compiled generators (docs/runtime.md, "Generators").
 *
 * A compiled generator is a real PyGenObject whose type, P2C_Generator_Type,
 * is a C subtype of the generator type (tp_name "generator"): isinstance(g,
 * types.GeneratorType), inspect.isgenerator/getgeneratorstate, gi_frame,
 * gi_running, gi_suspended, gi_code, __name__/__qualname__, repr, weakrefs,
 * GC traversal and deallocation are the generator type's own, since they read
 * only the object's fields and its frame.  Running the frame is ours: the
 * frame (gi_iframe) belongs to a compiled body (P2C_GenBody), so every slot
 * that would run it through the interpreter is replaced: tp_iternext, send,
 * throw, close, am_send, tp_finalize, gi_yieldfrom.
 *
 * Frame layout: the slots of the function (locals, cells, frees), then the
 * body's temporaries — it keeps them in its frame, so nothing needs saving at
 * a yield, and the generator type's traverse and dealloc see and release
 * them — of which the last is the delegate of a running `yield from`
 * (P2C_GEN_DELEGATE, NULL otherwise) in a generator that has one.  stacktop
 * covers all of them.  The body's entry point, and its flags (whether
 * there is a delegate slot, whether it can jump), are kept in the two
 * words after the frame.
 *
 * Where a body resumes is the frame's site: every yield has a site of its
 * own, and a new generator stands at its RESUME.
 *
 * One method outside the type calls the generator type's finalizer directly:
 * frame.clear() on a suspended generator's frame, which would close it
 * through the interpreter (the stub code) without running its finally
 * blocks.  The frame type's `clear` is replaced, once, by one that closes a
 * compiled generator with our finalizer and calls the original otherwise
 * (frame_clear).
 *
 * Coroutines and async generators (coroutine.c, asyncgen.c) are the same
 * object with another type: their frames run through the functions below,
 * whose messages and StopIteration handling follow the kind
 * (P2C_Gen_KindOf), as genobject.c's follow PyCoro_CheckExact and
 * PyAsyncGen_CheckExact.
 */
#include "internal.h"

#if defined(P2C_FRAME_OBJECTS_310)
#  include "compat/genframe310.h"
#else
#  include "compat/genframe311.h"
#endif


/* See internal.h. */
int
P2C_Gen_KindOf(PyObject *o)
{
    PyTypeObject *t = Py_TYPE(o);
    if (t == &P2C_Generator_Type || t == &P2C_IterableCoroutine_Type)
        return P2C_GEN_GENERATOR;
    if (t == &P2C_Coroutine_Type)
        return P2C_GEN_COROUTINE;
    if (t == &P2C_AsyncGen_Type)
        return P2C_GEN_ASYNC_GENERATOR;
    return -1;
}

/* genobject.c's three wordings of a message: generator, coroutine, async
 * generator. */
static const char *
by_kind(PyGenObject *gen, const char *g, const char *c, const char *a)
{
    switch (P2C_Gen_KindOf((PyObject *)gen)) {
    case P2C_GEN_COROUTINE:       return c;
    case P2C_GEN_ASYNC_GENERATOR: return a;
    default:                      return g;
    }
}

/* ---- frame.clear() --------------------------------------------------------------- */

static PyCFunction original_frame_clear;
static PyTypeObject generator_type;   /* this copy's; defined at the end */
static PyTypeObject iterable_coroutine_type;

/* frame.clear() as 3.11's frame_clear for a frame owned by a compiled
 * generator (close it, unless it is running; 3.13 also refuses a suspended
 * one); the original otherwise. */
static PyObject *
frame_clear(PyObject *self, PyObject *unused)
{
    PyGenObject *gen = frame_object_generator(self);
    if (gen == NULL)
        return original_frame_clear(self, unused);
    if (P2C_GEN_STATE(gen) == FRAME_EXECUTING) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
#ifdef P2C_FRAME_CLEAR_REFUSES_SUSPENDED
    if (P2C_GEN_STATE(gen) == FRAME_SUSPENDED ||
        P2C_GEN_STATE(gen) == FRAME_SUSPENDED_YIELD_FROM) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
        return NULL;
    }
#endif
    Py_TYPE(gen)->tp_finalize((PyObject *)gen);
    Py_RETURN_NONE;
}

static PyMethodDef frame_clear_def = {"clear", frame_clear, METH_NOARGS, NULL};

/* See internal.h. */
int
P2C_Generator_ReadyType(void)
{
    if (generator_type.tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (P2C_Coroutine_ReadyTypes() < 0 || P2C_AsyncGen_ReadyTypes() < 0 ||
        P2C_ReadySubtype(&generator_type) < 0 ||
        P2C_ReadySubtype(&iterable_coroutine_type) < 0)
        return -1;
    /* its am_await is for the interpreter's `await` only: without an
     * __await__ in its dict it is no collections.abc.Awaitable, as a
     * flagged generator is not */
    if (PyDict_DelItemString(P2C_Type_Dict(&iterable_coroutine_type), "__await__") < 0)
        return -1;
    PyType_Modified(&iterable_coroutine_type);
    return P2C_ReplaceMethod(&PyFrame_Type, "clear", &frame_clear_def, &original_frame_clear);
}

/* The type of a new object of kind P2C_GEN_* (the shared runtime's) made
 * by fn: a generator of a function types.coroutine made an iterable
 * coroutine (its code has CO_ITERABLE_COROUTINE) can be awaited. */
static PyTypeObject *
kind_type(int kind, PyFunctionObject *fn)
{
    switch (kind) {
    case P2C_GEN_COROUTINE:       return &P2C_Coroutine_Type;
    case P2C_GEN_ASYNC_GENERATOR: return &P2C_AsyncGen_Type;
    default:
        return (((PyCodeObject *)fn->func_code)->co_flags & CO_ITERABLE_COROUTINE)
               ? &P2C_IterableCoroutine_Type : &P2C_Generator_Type;
    }
}

PyObject *
P2C_Generator_New(PyObject *func, PyObject *const *args, size_t nargsf,
                  PyObject *kwnames, P2C_GenBody body, int nslots, int nspill,
                  int bodyflags, int kind)
{
    PyFunctionObject *fn = (PyFunctionObject *)func;
    P2C_Frame *f;
    PyGenObject *gen = P2C_Runtime_Ready(NULL) < 0 ? NULL
        : gen_alloc(fn, kind_type(kind, fn), body, bodyflags, nslots, nspill, &f);
    if (gen == NULL) {
        P2C_ReleaseGivenArgs(args, nargsf, kwnames);   /* no frame took them */
        return NULL;
    }
    if (P2C_Function_BindArgs(func, args, nargsf, kwnames, f->localsplus) < 0 ||
        gen_init_frame(f, func, nslots, nspill) < 0) {
        for (int i = 0; i < nslots; i++)
            Py_CLEAR(f->localsplus[i]);
        P2C_GEN_SET_STATE(gen, FRAME_CLEARED);   /* nothing to close */
        P2C_Gen_SetCode(gen, Py_NewRef(fn->func_code));
        PyObject_GC_Track(gen);
        Py_DECREF(gen);
        return NULL;
    }
    P2C_Gen_SetCode(gen, Py_NewRef(fn->func_code));
    P2C_GEN_SET_STATE(gen, FRAME_CREATED);
    PyObject_GC_Track(gen);
    if (kind == P2C_GEN_COROUTINE && P2C_Coroutine_SetOrigin(gen) < 0) {
        P2C_GEN_SET_STATE(gen, FRAME_COMPLETED);   /* nothing to close, no warning */
        Py_DECREF(gen);
        return NULL;
    }
    if (make_cells_and_frees(f, func) < 0) {
        P2C_GEN_SET_STATE(gen, FRAME_COMPLETED);   /* nothing to close */
        Py_DECREF(gen);
        return NULL;
    }
    return (PyObject *)gen;
}

/* ---- a debugger's jump at a yield (docs/runtime.md, "Jumps") ------------- */

int
P2C_Gen_FrameSuspended(PyObject *fo)
{
    PyGenObject *gen = frame_object_generator(fo);
    return gen != NULL && P2C_GEN_STATE(gen) == FRAME_SUSPENDED;
}

/* See internal.h.  The body is asked with its frame at the site before
 * its first operation, which no yield has: its entry's switch takes the
 * way a body standing at no yield takes, where the query is answered
 * before anything runs; the site is put back. */
const P2C_JumpTable *
P2C_Gen_SuspendedJumpTable(PyObject *fo)
{
    PyGenObject *gen = frame_object_generator(fo);
    if (gen == NULL || P2C_GEN_STATE(gen) != FRAME_SUSPENDED ||
        !(body_flags(gen) & P2C_GENBODY_JUMPS))
        return NULL;
    P2C_Frame *f = P2C_Generator_Frame((PyObject *)gen);
    int site = P2C_Frame_GetSite(f);
    P2C_Frame_SetSiteBeforeFirst(f);
    PyObject *jt = get_body(gen)((PyObject *)gen, P2C_JUMP_TABLE_QUERY);
    P2C_Frame_SetSite(f, site);
    return (const P2C_JumpTable *)(const void *)jt;
}

int
P2C_Generator_TakeJump(PyObject **slot, int *from)
{
    long long v = *slot != NULL && PyLong_CheckExact(*slot) ? PyLong_AsLongLong(*slot) : -1;
    Py_CLEAR(*slot);
    if (v < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_SystemError, "pyc2c: a generator resumed at no yield");
        return 0;
    }
    *from = (int)(v >> 32);
    return 1 + (int)(v & 0xffffffff);
}

/* ---- running the frame (genobject.c's gen_send_ex2) ------------------------ */

/* A step of gen's body (sent: the value, NULL to raise the exception set;
 * resumed: the step follows a yield) while a trace or profile hook is
 * installed: a call event at the start and at each resumption (the
 * interpreter traces the RESUME that follows each yield), a return event
 * with the value yielded or returned (None when an exception leaves).
 * frame.f_lineno's setter is told which step and which end they are
 * (P2C_STEP_*): 3.12+ would jump at a resumption and a yield.  A hook raising at the call event raises where the
 * generator stands, as an error at that RESUME would; into a throw() it
 * ends the generator at once (TRACE_FUNCTION_THROW_ENTRY's exit_unwind:
 * no handler runs, no more events).  A hook raising at a yield's return
 * event ends the generator without its handlers on 3.11 (the event comes
 * as the frame is left); 3.12 fires it inside the frame (PY_YIELD), so the
 * error is raised at the yield (P2C_YIELD_EVENT_INSIDE). */
static PyObject *
run_body_traced(PyGenObject *gen, P2C_Frame *f, PyObject *sent, int resumed)
{
    int how = sent == NULL ? P2C_STEP_THROW : resumed ? P2C_STEP_RESUME : P2C_STEP_START;
    if (P2C_Trace_GenStepEntry(f, how) < 0) {
        if (sent == NULL)
            return NULL;
        sent = NULL;
    }
    PyObject *result = get_body(gen)((PyObject *)gen, sent);
    result = P2C_Trace_GenStepExit(f, result, P2C_GEN_STATE(gen) == FRAME_SUSPENDED);
#ifdef P2C_YIELD_EVENT_INSIDE
    if (result == NULL && P2C_GEN_STATE(gen) == FRAME_SUSPENDED) {
        /* the hook raised at a yield's event: raised at that yield, its
         * handlers run (no more events: the hook is gone) */
        P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
        result = get_body(gen)((PyObject *)gen, NULL);
    }
#endif
    return result;
}

/* A step of gen enters it: its frame linked as the running one, its
 * exception state pushed on the thread's (so sys.exc_info() inside is its
 * own), its state executing.  leave_step undoes it; a generator still
 * executing then has finished. */
static inline void
enter_step(PyThreadState *tstate, PyGenObject *gen)
{
    gen_link(tstate, gen);
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
}

static inline void
leave_step(PyThreadState *tstate, PyGenObject *gen)
{
    if (P2C_GEN_STATE(gen) == FRAME_EXECUTING)
        P2C_GEN_SET_STATE(gen, FRAME_COMPLETED);
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    gen_unlink(tstate, gen);
}

/* The end of a step of gen that did not yield (left: leave_step done):
 * result is what the body returned, NULL with an exception.  PEP 479 turns
 * a StopIteration that leaves it into RuntimeError; its frame is released.
 * next() (sent_nothing) takes no StopIteration value.  PYGEN_RETURN with
 * *presult, or PYGEN_ERROR. */
static PySendResult
finish_step(PyGenObject *gen, PyObject *result, int sent_nothing, PyObject **presult)
{
    if (result != NULL) {
        /* an async generator returns None only, and its callers want it */
        if (result == Py_None && sent_nothing &&
            P2C_Gen_KindOf((PyObject *)gen) != P2C_GEN_ASYNC_GENERATOR)
            Py_CLEAR(result);
    } else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        /* PEP 479 */
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", by_kind(gen,
            "generator raised StopIteration", "coroutine raised StopIteration",
            "async generator raised StopIteration"));
    } else if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) &&
               P2C_Gen_KindOf((PyObject *)gen) == P2C_GEN_ASYNC_GENERATOR) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s",
                               "async generator raised StopAsyncIteration");
    }
    gen_release_frame(gen);   /* finished */
    *presult = result;
    return result ? PYGEN_RETURN : PYGEN_ERROR;
}

/* ---- resuming a chain of `yield from` at once -------------------------------- *
 *
 * A generator suspended in `yield from` another compiled generator that is
 * itself suspended, and so on down a chain (a recursive tree walk, a
 * coroutine awaiting coroutines), is resumed by passing the value sent to
 * the bottom of the chain and the value yielded back up through every
 * level.  Each level in turn would do nothing but enter its step, hand the
 * value on (P2C_Generator_Delegate), and suspend again; resume_chain does
 * that for all of them in one loop: it enters each level's step as
 * P2C_Gen_SendEx2 would (frame linked, exception state pushed, executing,
 * a recursion level taken), runs only the bottom's body, and leaves the
 * levels again on the way up.  A level whose delegate finishes has its
 * body resumed with the delegate's value or error, as its
 * P2C_Generator_Delegate call would have returned them; when that body
 * yields, the levels above pass the value up; when it finishes, the
 * level above resumes the same way.
 *
 * What a level could observe stays the same: gi_running of every level is
 * true while the bottom runs, its frame is in the running chain (f_back,
 * tracebacks), its exception state on the thread's stack, its site the
 * `yield from`'s, its recursion level taken.  The guard: no trace or
 * profile hook (a hook's events and P2C_Generator_Delegate's traced send
 * go through the ordinary steps), a delegate of exactly the compiled
 * generator or coroutine type, suspended; the recursion budget left (else
 * the ordinary step raises RecursionError at that level).  At most
 * CHAIN_MAX levels at once: the bottom one's body resumes its own chain
 * through the ordinary step. */

#define CHAIN_MAX 64

/* May gen's step resume the chain below it at once?  The thread has no
 * hook, and tstate->c_tracefunc is unset too (P2C_Generator_Delegate's
 * test: a hook running iterates generators with it set). */
static inline int
chain_possible(PyThreadState *tstate)
{
    return !P2C_TS_TRACING(tstate) && tstate->c_tracefunc == NULL;
}

/* The delegate gen's `yield from` runs (gen suspended in it), if a chain
 * can go on through it: a compiled generator or coroutine, suspended.
 * Borrowed, or NULL. */
static inline PyGenObject *
chained_delegate(PyGenObject *gen)
{
    if (!has_delegate_slot(gen))
        return NULL;
    PyObject *d = P2C_GEN_DELEGATE(P2C_Generator_Frame((PyObject *)gen));
    if (d == NULL || (Py_TYPE(d) != &P2C_Generator_Type && Py_TYPE(d) != &P2C_Coroutine_Type))
        return NULL;
    return P2C_GEN_STATE((PyGenObject *)d) == FRAME_SUSPENDED ? (PyGenObject *)d : NULL;
}

/* gen's delegate finished with st (PYGEN_RETURN: value, stolen): gen's
 * body resumes at its `yield from` with the value, which the delegate slot
 * holds for it (P2C_DELEGATE_RETURNED: the body takes it from there, so it
 * is released where the body drops it, as SEND hands it over), or with
 * the error set.  What the body returns. */
static inline PyObject *
resume_after_delegate(PyGenObject *gen, PySendResult st, PyObject *value)
{
    P2C_Frame *f = P2C_Generator_Frame((PyObject *)gen);
    if (st == PYGEN_RETURN) {
        Py_SETREF(P2C_GEN_DELEGATE(f), value);
        return get_body(gen)((PyObject *)gen, P2C_DELEGATE_RETURNED);
    }
    return get_body(gen)((PyObject *)gen, NULL);   /* it clears the slot */
}

/* Resumes top (entered, suspended in `yield from` a chained delegate)
 * with sent, the chain below it at once: what top's body would return. */
static PyObject *
resume_chain(PyThreadState *tstate, PyGenObject *top, PyObject *sent)
{
    PyGenObject *level[CHAIN_MAX];   /* the levels entered below top */
    int n = 0;
    PyGenObject *gen = top, *d;
    while (n < CHAIN_MAX && (d = chained_delegate(gen)) != NULL &&
           gen_try_enter_recursion(tstate) == 0) {
        enter_step(tstate, d);
        level[n++] = gen = d;
    }
    PyObject *result = get_body(gen)((PyObject *)gen, sent);
    while (n > 0) {
        gen = level[--n];
        PyGenObject *parent = n > 0 ? level[n - 1] : top;
        gen_leave_recursion(tstate);
        leave_step(tstate, gen);
        if (result != NULL && P2C_GEN_STATE(gen) == FRAME_SUSPENDED) {
            /* it yielded: every level above suspends in its `yield from` */
            while (n > 0) {
                gen = level[--n];
                P2C_GEN_SET_STATE(gen, FRAME_SUSPENDED);
                gen_leave_recursion(tstate);
                leave_step(tstate, gen);
            }
            P2C_GEN_SET_STATE(top, FRAME_SUSPENDED);
            return result;
        }
        PySendResult st = finish_step(gen, result, 0, &result);
        result = resume_after_delegate(parent, st, result);
    }
    return result;
}

/* Runs gen's body with arg sent in (exc: raise the exception set instead).
 * PYGEN_NEXT with the value yielded, PYGEN_RETURN with the value returned,
 * or PYGEN_ERROR; a generator that returned or raised is finished and its
 * frame released. */
PySendResult
P2C_Gen_SendEx2(PyGenObject *gen, PyObject *arg, PyObject **presult, int exc, int closing)
{
    *presult = NULL;
    if (P2C_GEN_STATE(gen) == FRAME_CREATED && arg && arg != Py_None) {
        PyErr_SetString(PyExc_TypeError, by_kind(gen,
            "can't send non-None value to a just-started generator",
            "can't send non-None value to a just-started coroutine",
            "can't send non-None value to a just-started async generator"));
        return PYGEN_ERROR;
    }
    if (P2C_GEN_STATE(gen) == FRAME_EXECUTING) {
        PyErr_SetString(PyExc_ValueError, by_kind(gen, "generator already executing",
                        "coroutine already executing", "async generator already executing"));
        return PYGEN_ERROR;
    }
    /* the kind matters on the rare paths only: not looked up per step */
    if (P2C_GEN_STATE(gen) >= FRAME_COMPLETED) {
        if (!closing && P2C_Gen_KindOf((PyObject *)gen) == P2C_GEN_COROUTINE) {
            /* silent only for close() */
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {   /* send() to an exhausted generator returns None */
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }

    PyThreadState *tstate = P2C_ThreadState();
    int resumed = P2C_GEN_STATE(gen) == FRAME_SUSPENDED;
    enter_step(tstate, gen);
    if (exc)
        P2C_ChainHandledException();

    PyObject *result = NULL;
    PyObject *sent = exc ? NULL : arg ? arg : Py_None;
    if (gen_enter_recursion(tstate) == 0) {
        if (P2C_UNLIKELY(P2C_TS_TRACING(tstate)))
            result = run_body_traced(gen, P2C_Generator_Frame((PyObject *)gen), sent, resumed);
        else if (resumed && sent && chained_delegate(gen) && chain_possible(tstate))
            result = resume_chain(tstate, gen, sent);
        else
            result = get_body(gen)((PyObject *)gen, sent);
        gen_leave_recursion(tstate);
    }
    leave_step(tstate, gen);
    if (result != NULL && P2C_GEN_STATE(gen) == FRAME_SUSPENDED) {
        *presult = result;
        return PYGEN_NEXT;
    }
    return finish_step(gen, result, arg == NULL, presult);
}

PyObject *
P2C_Gen_SendEx(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    if (P2C_Gen_SendEx2(gen, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (P2C_Gen_KindOf((PyObject *)gen) == P2C_GEN_ASYNC_GENERATOR)
            PyErr_SetNone(PyExc_StopAsyncIteration);
        else if (result == Py_None)
            PyErr_SetNone(PyExc_StopIteration);
        else
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *
gen_iternext(PyObject *self)
{
    PyObject *result;
    if (P2C_Gen_SendEx2((PyGenObject *)self, NULL, &result, 0, 0) == PYGEN_RETURN) {
        if (result != Py_None)
            _PyGen_SetStopIterationValue(result);
        Py_CLEAR(result);
    }
    return result;
}

PySendResult
P2C_Gen_AmSend(PyObject *self, PyObject *arg, PyObject **result)
{
    return P2C_Gen_SendEx2((PyGenObject *)self, arg, result, 0, 0);
}

PyObject *
P2C_Gen_Send(PyObject *self, PyObject *arg)
{
    return P2C_Gen_SendEx((PyGenObject *)self, arg, 0, 0);
}

/* ---- yield from ---------------------------------------------------------------- */

/* The delegate of a `yield from` gen is suspended in: new reference or NULL. */
PyObject *
P2C_Gen_Delegate(PyGenObject *gen)
{
    if (P2C_GEN_STATE(gen) != FRAME_SUSPENDED || !has_delegate_slot(gen))
        return NULL;
    return Py_XNewRef(P2C_GEN_DELEGATE(P2C_Generator_Frame((PyObject *)gen)));
}

/* Whether the running generator's code says it is an iterable coroutine
 * (types.coroutine set CO_ITERABLE_COROUTINE on it): its frame, asked for
 * on this rare path only. */
static int
running_code_is_iterable_coroutine(void)
{
    PyFrameObject *frame = PyEval_GetFrame();   /* borrowed */
    if (frame == NULL)
        return 0;
    PyCodeObject *code = PyFrame_GetCode(frame);
    int flagged = (code->co_flags & CO_ITERABLE_COROUTINE) != 0;
    Py_DECREF(code);
    return flagged;
}

PyObject *
P2C_YieldFromIter(PyObject *iterable)
{
    if (PyCoro_CheckExact(iterable) || Py_IS_TYPE(iterable, &P2C_Coroutine_Type)) {
        /* GET_YIELD_FROM_ITER: only an iterable coroutine may delegate to
         * a coroutine */
        if (running_code_is_iterable_coroutine())
            return Py_NewRef(iterable);
        PyErr_SetString(PyExc_TypeError,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return NULL;
    }
    if (PyGen_CheckExact(iterable) || P2C_Gen_KindOf(iterable) == P2C_GEN_GENERATOR)
        return Py_NewRef(iterable);
    return PyObject_GetIter(iterable);
}

/* SEND while a trace hook is set (3.11): the delegate is stepped with
 * tp_iternext (None sent to an iterator) or its send() method instead of
 * PyIter_Send, and a StopIteration it ends with gets the exception event
 * before its value is taken (a generator returning None raises none through
 * tp_iternext, so that end has no event, except on 3.12:
 * P2C_TRACE_SEND_RETURN). */
static PySendResult
send_traced(PyObject *recv, PyObject *sent, PyObject **result)
{
    static PyObject *send_name;
    if (sent == Py_None && PyIter_Check(recv)) {
        *result = Py_TYPE(recv)->tp_iternext(recv);
    } else {
        if (send_name == NULL && (send_name = PyUnicode_InternFromString("send")) == NULL)
            return PYGEN_ERROR;
        *result = PyObject_CallMethodOneArg(recv, send_name, sent);
    }
    if (*result != NULL)
        return PYGEN_NEXT;
#ifdef P2C_TRACE_SEND_RETURN
    if (!PyErr_Occurred() &&
        (PyGen_Check(recv) || PyCoro_CheckExact(recv) ||
         Py_IS_TYPE(recv, &P2C_Generator_Type) || Py_IS_TYPE(recv, &P2C_Coroutine_Type)))
        PyErr_SetNone(PyExc_StopIteration);   /* returned None: the event all the same */
#endif
    if (PyErr_ExceptionMatches(PyExc_StopIteration))
        P2C_Trace_StopIteration();
    return _PyGen_FetchStopIterationValue(result) == 0 ? PYGEN_RETURN : PYGEN_ERROR;
}

int
P2C_Generator_Delegate(P2C_Frame *f, PyObject *sent, PyObject **result)
{
    PyObject *recv = P2C_GEN_DELEGATE(f);
    PySendResult st;
    if (P2C_UNLIKELY(P2C_ThreadState()->c_tracefunc != NULL))
        st = send_traced(recv, sent, result);
    else if (P2C_Gen_KindOf(recv) == P2C_GEN_GENERATOR ||
             P2C_Gen_KindOf(recv) == P2C_GEN_COROUTINE)   /* cheap: type compares */
        /* a compiled delegate: its am_send, without PyIter_Send's lookup
         * (pyperformance's generators: 1.34x -> 1.38x in instructions) */
        st = P2C_Gen_SendEx2((PyGenObject *)recv, sent, result, 0, 0);
    else
        st = PyIter_Send(recv, sent, result);
    if (st == PYGEN_NEXT)
        return 1;
    Py_CLEAR(P2C_GEN_DELEGATE(f));
    return st == PYGEN_RETURN ? 0 : -1;
}

/* genobject.c's gen_close_iter: closes the delegate yf.  0 or -1. */
static int
close_delegate(PyObject *yf)
{
    PyObject *retval = NULL;
    if (P2C_Gen_KindOf(yf) >= 0) {
        retval = P2C_Gen_Close(yf, NULL);
        if (retval == NULL)
            return -1;
    } else if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = PyObject_CallMethod(yf, "close", NULL);
        if (retval == NULL)
            return -1;
    } else {
        PyObject *meth;
        static PyObject *close_name;
        if (P2C_InternedString(&close_name, "close") == NULL)
            return -1;
        if (P2C_LookupAttr(yf, close_name, &meth) < 0)
            PyErr_WriteUnraisable(yf);
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL)
                return -1;
        }
    }
    Py_XDECREF(retval);
    return 0;
}

/* ---- throw and close (genobject.c's _gen_throw, gen_close) ------------------------ */

static PyObject *throw_here(PyGenObject *gen, PyObject *typ, PyObject *val, PyObject *tb);

/* yf.throw(typ[, val[, tb]]) with the arguments throw() itself was given. */
static PyObject *
call_throw(PyObject *yf, PyObject *typ, PyObject *val, PyObject *tb)
{
    static PyObject *throw_name;
    if (P2C_InternedString(&throw_name, "throw") == NULL)
        return NULL;
    PyObject *args[4] = {yf, typ, val, tb};
    size_t n = tb ? 4 : val ? 3 : 2;
    return PyObject_VectorcallMethod(throw_name, args, n, NULL);
}

/* Throws into the delegate yf (stolen) of gen.  The outcome: what yf yields
 * is gen's; when yf returns, its value is what `yield from` gives, and gen
 * runs on with it; when yf raises, the error is raised in gen. */
static PyObject *
throw_into_delegate(PyGenObject *gen, PyObject *yf, int close_on_genexit,
                    PyObject *typ, PyObject *val, PyObject *tb)
{
    PyObject *ret;
    int state = P2C_GEN_STATE(gen);
    if (close_on_genexit && PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit)) {
        P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
        int err = close_delegate(yf);
        P2C_GEN_SET_STATE(gen, state);
        Py_DECREF(yf);
        if (err < 0)
            return P2C_Gen_SendEx(gen, Py_None, 1, 0);
        return throw_here(gen, typ, val, tb);
    }
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf) || P2C_Gen_KindOf(yf) >= 0) {
        /* A generator's frame runs under gen's, as the interpreter shows it
         * in tracebacks.  A compiled one is thrown into directly, passing
         * close_on_genexit on (an async generator's aclose() reaches the
         * coroutine it awaits with GeneratorExit, not with close()). */
        PyThreadState *tstate = PyThreadState_GET();
        gen_link(tstate, gen);
        P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
        if (P2C_Gen_KindOf(yf) >= 0)
            ret = P2C_Gen_ThrowImpl((PyGenObject *)yf, close_on_genexit, typ, val, tb);
        else
            ret = call_throw(yf, typ, val, tb);
        P2C_GEN_SET_STATE(gen, state);
        gen_unlink(tstate, gen);
    } else {
        PyObject *meth;
        static PyObject *throw_name;
        if (P2C_InternedString(&throw_name, "throw") == NULL ||
            P2C_LookupAttr(yf, throw_name, &meth) < 0) {
            Py_DECREF(yf);
            return NULL;
        }
        if (meth == NULL) {
            Py_DECREF(yf);
            return throw_here(gen, typ, val, tb);
        }
        P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
        ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
        P2C_GEN_SET_STATE(gen, state);
        Py_DECREF(meth);
    }
    Py_DECREF(yf);
    if (ret != NULL)
        return ret;
    /* The delegate is done: the body, resumed, finds no delegate and takes
     * what is sent as the value of `yield from`, or raises. */
    Py_CLEAR(P2C_GEN_DELEGATE(P2C_Generator_Frame((PyObject *)gen)));
    PyObject *value;
    if (_PyGen_FetchStopIterationValue(&value) == 0) {
        ret = P2C_Gen_SendEx(gen, value, 0, 0);
        Py_DECREF(value);
        return ret;
    }
    return P2C_Gen_SendEx(gen, Py_None, 1, 0);
}

/* Raises typ(val) with tb, normalized and checked as throw() does, where
 * gen stands. */
static PyObject *
throw_here(PyGenObject *gen, PyObject *typ, PyObject *val, PyObject *tb)
{
    if (tb == Py_None) {
        tb = NULL;
    } else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    Py_INCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    } else if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError,
                            "instance exception may not have a separate value");
            goto failed;
        }
        Py_XSETREF(val, typ);   /* (class, instance) */
        typ = Py_NewRef(PyExceptionInstance_Class(val));
        if (tb == NULL)
            tb = PyException_GetTraceback(val);
    } else {
        PyErr_Format(PyExc_TypeError, "exceptions must be classes or instances "
                     "deriving from BaseException, not %s", Py_TYPE(typ)->tp_name);
        goto failed;
    }
    PyErr_Restore(typ, val, tb);
    return P2C_Gen_SendEx(gen, Py_None, 1, 0);

failed:
    Py_DECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

PyObject *
P2C_Gen_ThrowImpl(PyGenObject *gen, int close_on_genexit, PyObject *typ, PyObject *val,
               PyObject *tb)
{
    PyObject *yf = P2C_Gen_Delegate(gen);
    if (yf != NULL)
        return throw_into_delegate(gen, yf, close_on_genexit, typ, val, tb);
    return throw_here(gen, typ, val, tb);
}

PyObject *
P2C_Gen_Throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        /* _PyArg_CheckPositional's messages */
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        else
            PyErr_Format(PyExc_TypeError, "throw expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
#ifdef P2C_THROW_SIGNATURE_DEPRECATED
    if (nargs > 1 && PyErr_WarnEx(PyExc_DeprecationWarning,
                                  "the (type, exc, tb) signature of throw() is deprecated, "
                                  "use the single-arg signature instead.", 1) < 0)
        return NULL;
#endif
    return P2C_Gen_ThrowImpl((PyGenObject *)self, 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

#ifdef P2C_CLOSE_SKIPS_BARE_YIELD
/* Is gen suspended at a yield outside any try, except, finally or with?
 * Its site's stub unit says so with oparg 1 (src/cgen/codeobj.c), as 3.13's
 * RESUME after such a yield has RESUME_OPARG_DEPTH1_MASK. */
static int
suspended_at_bare_yield(PyGenObject *gen)
{
    if (P2C_GEN_STATE(gen) != FRAME_SUSPENDED)
        return 0;
    P2C_Frame *f = P2C_Generator_Frame((PyObject *)gen);
    PyCodeObject *code = P2C_Frame_Code(f);
    int k = P2C_Frame_GetSite(f);
    return k > 0 && k < Py_SIZE(code) && _PyCode_CODE(code)[k].op.arg == 1;
}
#endif

PyObject *
P2C_Gen_Close(PyObject *self, PyObject *Py_UNUSED(unused))
{
    PyGenObject *gen = (PyGenObject *)self;
#ifdef P2C_CLOSE_SKIPS_UNSTARTED
    /* 3.13's gen_close: a generator that never ran is finished without
     * running its frame (no events, no GeneratorExit); its dealloc
     * releases the frame */
    if (P2C_GEN_STATE(gen) == FRAME_CREATED) {
        P2C_GEN_SET_STATE(gen, FRAME_COMPLETED);
        Py_RETURN_NONE;
    }
#endif
    PyObject *yf = P2C_Gen_Delegate(gen);
    int err = 0;
    if (yf != NULL) {
        int state = P2C_GEN_STATE(gen);
        P2C_GEN_SET_STATE(gen, FRAME_EXECUTING);
        err = close_delegate(yf);
        P2C_GEN_SET_STATE(gen, state);
        Py_DECREF(yf);
    }
#ifdef P2C_CLOSE_SKIPS_BARE_YIELD
    /* ... nor one suspended at a yield no handler encloses: nothing of the
     * body would run but the exit, so its variables are released now */
    if (suspended_at_bare_yield(gen)) {
        gen_release_frame(gen);
        Py_RETURN_NONE;
    }
#endif
    if (err == 0)
        PyErr_SetNone(PyExc_GeneratorExit);
    PyObject *retval = P2C_Gen_SendEx(gen, Py_None, 1, 1);
    if (retval != NULL) {
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, by_kind(gen, "generator ignored GeneratorExit",
                        "coroutine ignored GeneratorExit",
                        "async generator ignored GeneratorExit"));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
#ifdef P2C_CLOSE_RETURNS_VALUE
    /* 3.13: a generator that returned while closing (it caught the
     * GeneratorExit) gives close() its return value */
    if (_PyGen_FetchStopIterationValue(&retval) == 0)
        return retval;
#else
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
#endif
    return NULL;
}

/* Calls an async generator's finalizer hook (sys.set_asyncgen_hooks) with
 * it, unless aclose() began; the hook is dropped here, not in the base
 * type's dealloc (which drops it only for an exact async generator).
 * 1 when the hook was called. */
static int
call_asyncgen_finalizer(PyGenObject *gen)
{
    PyAsyncGenObject *agen = (PyAsyncGenObject *)gen;
    PyObject *finalizer = P2C_AG_FINALIZER(agen);
    P2C_AG_FINALIZER(agen) = NULL;
    if (finalizer == NULL)
        return 0;
    int called = 0;
    if (!agen->ag_closed && P2C_GEN_STATE(gen) < FRAME_COMPLETED) {
        PyObject *res = PyObject_CallOneArg(finalizer, (PyObject *)gen);
        if (res == NULL)
            PyErr_WriteUnraisable((PyObject *)gen);
        Py_XDECREF(res);
        called = 1;
    }
    Py_DECREF(finalizer);
    return called;
}

/* tp_finalize (genobject.c's _PyGen_Finalize): an async generator goes to
 * its finalizer hook; a coroutine never started warns "coroutine ... was
 * never awaited"; any other one suspended is closed. */
void
P2C_Gen_Finalize(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    /* finished: nothing to do, before saving the error (the first test of
     * _PyGen_Finalize; every generator that ran to its end comes here from
     * its dealloc), except for an async generator's hook */
    if (P2C_GEN_STATE(gen) >= FRAME_COMPLETED &&
        P2C_Gen_KindOf(self) != P2C_GEN_ASYNC_GENERATOR)
        return;
    P2C_StashedError raised = P2C_Err_Stash();
    int kind = P2C_Gen_KindOf(self);
    if (kind == P2C_GEN_ASYNC_GENERATOR && call_asyncgen_finalizer(gen))
        goto done;
    if (P2C_GEN_STATE(gen) >= FRAME_COMPLETED)
        goto done;
    if (kind == P2C_GEN_COROUTINE && P2C_GEN_STATE(gen) == FRAME_CREATED) {
        P2C_Coroutine_WarnUnawaited(self);
        goto done;
    }
    PyObject *res = P2C_Gen_Close(self, NULL);
    if (res == NULL) {
        if (PyErr_Occurred())
            PyErr_WriteUnraisable(self);
    } else {
        Py_DECREF(res);
    }
done:
    P2C_Err_Unstash(raised);
}

PyObject *
P2C_Gen_GetYieldFrom(PyObject *self, void *Py_UNUSED(closure))
{
    PyObject *yf = P2C_Gen_Delegate((PyGenObject *)self);
    return yf ? yf : Py_NewRef(Py_None);
}

/* ---- the type -------------------------------------------------------------------- */

static PyMethodDef gen_methods[] = {
    {"send", P2C_Gen_Send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))P2C_Gen_Throw, METH_FASTCALL, NULL},
    {"close", P2C_Gen_Close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* __class__: types.GeneratorType, as a coroutine answers CoroutineType
 * (P2C_Gen_GetBaseClass): `g.__class__ is GeneratorType` holds, as
 * types.coroutine's wrapper and CPython's tests ask. */
static PyObject *
gen_get_class(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    return Py_NewRef((PyObject *)&PyGen_Type);
}

static PyGetSetDef gen_getset[] = {
    {"gi_yieldfrom", P2C_Gen_GetYieldFrom, NULL, NULL, NULL},
    {"__class__", gen_get_class, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyAsyncMethods gen_as_async = {
    .am_send = P2C_Gen_AmSend,
};

static PyTypeObject generator_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",   /* type(g) prints <class 'generator'> */
    .tp_basicsize = P2C_GEN_BASICSIZE,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_as_async = &gen_as_async,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = P2C_Gen_Finalize,
    .tp_base = &PyGen_Type,
};

PyTypeObject *P2C_GeneratorTypeRef = &generator_type;

/* The generators of a function types.coroutine made an iterable coroutine:
 * the interpreter awaits an exact generator with CO_ITERABLE_COROUTINE
 * only (_PyCoro_GetAwaitableIter), so a compiled one is awaitable through
 * its am_await slot (itself); P2C_Generator_ReadyType removes the
 * __await__ the slot puts in the type's dict.  Plain compiled generators
 * have no am_await, as generators have none. */
static PyObject *
iterable_coroutine_await(PyObject *self)
{
    return Py_NewRef(self);
}

static PyAsyncMethods iterable_coroutine_as_async = {
    .am_await = iterable_coroutine_await,
    .am_send = P2C_Gen_AmSend,
};

static PyTypeObject iterable_coroutine_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = P2C_GEN_BASICSIZE,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_as_async = &iterable_coroutine_as_async,
    .tp_iternext = gen_iternext,
    .tp_finalize = P2C_Gen_Finalize,
    .tp_base = &generator_type,
};

PyTypeObject *P2C_IterableCoroutineTypeRef = &iterable_coroutine_type;
