/* internal.h — declarations shared by the runtime's own sources (never by
 * generated code): operator numbering and small helpers.
 *
 * The operator numbers live in include/pyc2c/ops.h, with the fast paths
 * generated code inlines.
 */
#ifndef PYC2C_RUNTIME_INTERNAL_H
#define PYC2C_RUNTIME_INTERNAL_H

#include "pyc2c/runtime.h"
#include "compat/api.h"

/* The stub runner (runtime/compat/stubrun.c): the number of units before
 * the closure prefix that make the interpreter run the compiled body (3, or
 * 0 for a stub without them); the replacement of None's nb_negative that
 * they call (once, by the shared runtime; 0 or -1). */
P2C_API int P2C_Stub_RunUnits(PyCodeObject *co);
P2C_API int P2C_InstallStubRunner(void);
/* The compiled entry point registered for code (a stub), or NULL
 * (runtime/function.c; the registry of this copy). */
P2C_API vectorcallfunc P2C_Function_ImplOfStub(PyObject *code);

/* Sets .name of the NameError being raised (runtime/names.c). */
P2C_API void P2C_NameErrorSetName(PyObject *name);

/* The line of code unit `unit` of co (a stub code object), as
 * PyCode_Addr2Line gives it, from an array read once per code object
 * (runtime/codelines.c); 0 when unknown.  Leaves the error indicator as it
 * was. */
P2C_API int P2C_Code_UnitLine(PyCodeObject *co, int unit);

/* Points P2C_EvalBreaker at the running interpreter's flag
 * (runtime/compat/ceval311.c). */
P2C_API void P2C_PublishEvalBreaker(void);
/* Runs fn(arg) on a thread with a big stack and exits the process with
 * its status; fn(arg) here when no such thread can be made (stack.c). */
P2C_API int P2C_Stack_RunBig(int (*fn)(void *), void *arg);
/* PYC2C_FAIL_ALLOC: allocation failures injected while __main__ runs
 * (faults.c). */
P2C_API void P2C_Faults_Start(void);
P2C_API void P2C_Faults_Stop(void);

/* The interned str for text, created at first use into *slot and kept for
 * the process (borrowed).  Interned names hit dict lookups by identity and
 * do not churn the type attribute cache.  NULL on error. */
static inline PyObject *
P2C_InternedString(PyObject **slot, const char *text)
{
    if (P2C_UNLIKELY(*slot == NULL))
        *slot = PyUnicode_InternFromString(text);
    return *slot;
}

/* Puts a finder of the modules of table (all of them; their paths are
 * relative to directory, or absolute when it is "") first on
 * sys.meta_path: the modules compiled into an executable (package.c,
 * used by program.c).  0 or -1. */
P2C_API int P2C_Package_InstallProgramFinder(const P2C_PackageModule *table,
                                             const char *directory);
/* The registered program (program.c), used by main.c: the interpreter's
 * configuration of a standalone dist, its __main__ file, its finder. */
P2C_API int P2C_Program_IsStandalone(void);
P2C_API PyStatus P2C_Program_Configure(PyConfig *config);
P2C_API const char *P2C_Program_MainFile(const char *source_path);
P2C_API int P2C_Program_InstallFinder(void);

/* Readies t, a static C subtype of t->tp_base behaving as its base (layout,
 * GC, dealloc, repr, binding, iteration are the base's; function.c).  0 or
 * -1. */
P2C_API int P2C_ReadySubtype(PyTypeObject *t);

/* This copy's compiled function type ready, and the builtin methods that
 * check for exact functions knowing it; only by the copy that publishes the
 * shared runtime (shared.c), once (function.c).  0 or -1. */
P2C_API int P2C_Function_ReadyType(void);

/* This copy's compiled generator type ready, and frame.clear() knowing it;
 * as P2C_Function_ReadyType (generator.c).  0 or -1. */
P2C_API int P2C_Generator_ReadyType(void);

/* ---- generators, coroutines, async generators (generator.c) -------------- *
 * The three compiled kinds share one object layout (PyGenObject's) and the
 * functions that run their frames, which follow genobject.c's and word
 * their messages after the kind. */
/* P2C_GEN_* of o's type if it is one of the three compiled kinds, else -1. */
P2C_API int P2C_Gen_KindOf(PyObject *o);
/* gen_send_ex2: runs gen with arg sent in (exc: raise the exception set);
 * closing: the send of close() (silent on an exhausted coroutine). */
P2C_API PySendResult P2C_Gen_SendEx2(PyGenObject *gen, PyObject *arg, PyObject **presult,
                                     int exc, int closing);
/* gen_send_ex: the value yielded, else NULL with StopIteration(value) (an
 * async generator: StopAsyncIteration) or the error. */
P2C_API PyObject *P2C_Gen_SendEx(PyGenObject *gen, PyObject *arg, int exc, int closing);
P2C_API PySendResult P2C_Gen_AmSend(PyObject *self, PyObject *arg, PyObject **result);
/* The send, throw and close methods; _gen_throw with its close_on_genexit. */
P2C_API PyObject *P2C_Gen_Send(PyObject *self, PyObject *arg);
P2C_API PyObject *P2C_Gen_Throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
P2C_API PyObject *P2C_Gen_ThrowImpl(PyGenObject *gen, int close_on_genexit, PyObject *typ,
                                    PyObject *val, PyObject *tb);
P2C_API PyObject *P2C_Gen_Close(PyObject *self, PyObject *unused);
/* The delegate of the `yield from` / await gen is suspended in (new), or
 * NULL; as a getter (gi_yieldfrom, cr_await, ag_await), None for none. */
P2C_API PyObject *P2C_Gen_Delegate(PyGenObject *gen);
P2C_API PyObject *P2C_Gen_GetYieldFrom(PyObject *self, void *closure);
/* tp_finalize of the three kinds (_PyGen_Finalize). */
P2C_API void P2C_Gen_Finalize(PyObject *self);
/* The jump table of the body of the compiled generator whose frame object
 * is fo, when that generator is suspended (at a yield, or with a jump
 * pending) and its body can jump (--debuggable; the body answers
 * P2C_JUMP_TABLE_QUERY); else NULL.  Runs no Python code. */
P2C_API const P2C_JumpTable *P2C_Gen_SuspendedJumpTable(PyObject *fo);
/* Whether fo is the frame object of a suspended compiled generator. */
P2C_API int P2C_Gen_FrameSuspended(PyObject *fo);

/* coroutine.c: the coroutine and coroutine_wrapper types ready (0 or -1);
 * cr_origin of a new coroutine when origin tracking is on (0 or -1); the
 * "coroutine ... was never awaited" RuntimeWarning. */
P2C_API int P2C_Coroutine_ReadyTypes(void);
/* The __class__ of a compiled coroutine or async generator: the base type
 * (types.CoroutineType, types.AsyncGeneratorType), which `type()` cannot
 * answer; code that tests `c.__class__ is types.CoroutineType`
 * (types.coroutine, CPython's tests) accepts it. */
P2C_API PyObject *P2C_Gen_GetBaseClass(PyObject *self, void *closure);
P2C_API int P2C_Coroutine_SetOrigin(PyGenObject *coro);
P2C_API void P2C_Coroutine_WarnUnawaited(PyObject *coro);
/* asyncgen.c: the async generator type and its awaitables ready. */
P2C_API int P2C_AsyncGen_ReadyTypes(void);
/* The async_generator_wrapped_value type in use (shared.c points it at the
 * shared runtime's). */
P2C_API extern PyTypeObject *P2C_AsyncGenWrappedTypeRef;
/* The type of the generators of a function types.coroutine flagged
 * (generator.c; shared.c points it at the shared runtime's). */
P2C_API extern PyTypeObject *P2C_IterableCoroutineTypeRef;
#define P2C_IterableCoroutine_Type (*P2C_IterableCoroutineTypeRef)

/* ---- the shared runtime (shared.c; docs/runtime.md, "One runtime per
 * process") ---- */
/* What this copy would publish: its registry of compiled entry points
 * (function.c: code -> impl, read by the __code__ setter and the type's
 * constructor) and its loader class (loader.c). */
P2C_API int P2C_Function_RegisterImplLocal(PyObject *code, vectorcallfunc impl);
P2C_API PyObject *P2C_LoaderClassLocal(void);
/* The same, of the interpreter's shared runtime (attached first). */
P2C_API int P2C_Shared_RegisterImpl(PyObject *code, vectorcallfunc impl);
P2C_API PyObject *P2C_Shared_LoaderClass(void);
/* The interpreter's counter of the dict version tags pyc2c gives. */
P2C_API uint64_t *P2C_Shared_DictVersions(void);

/* Puts a method made from def (METH_* flags as the replaced one's; its doc
 * is copied) in type's dict in place of the method descriptor name, and the
 * replaced C function in *original (replace.c).  0 or -1. */
P2C_API int P2C_ReplaceMethod(PyTypeObject *type, const char *name, PyMethodDef *def,
                              PyCFunction *original);

/* Replaces the builtin methods that accept only an exact function
 * (ExceptionGroup.split/subgroup) by ones that also accept a compiled
 * function, and the builtins that ask the calling frame's function for its
 * module (sys._getframemodulename, TypeVar() and its kin) by ones that
 * also ask a compiled one (replace.c).  0 or -1. */
P2C_API int P2C_ReplaceFunctionCheckingMethods(void);
#ifdef P2C_HAVE_GETFRAMEMODULENAME
/* sys._getframemodulename answering for compiled frames (compat/sys312.c). */
P2C_API int P2C_ReplaceGetFrameModuleName(void);
#endif
#ifdef P2C_TYPEVAR_CALLER_EXACT_FUNCTION
/* TypeVar() and its kin called from a compiled function name its module
 * (compat/typevar312.c).  0 or -1. */
P2C_API int P2C_WrapTypeVarConstructors(void);
#endif

/* Makes an extension module's importlib loader read its source from the
 * .py beside it (get_source; loader.c).  0 or -1. */
P2C_API int P2C_Module_SetLoader(PyObject *module);

/* NameError "name 'x' is not defined" with .name set (names.c). */
P2C_API void P2C_RaiseNameError(PyObject *name);

/* Replaces frame.f_lineno's setter by one that refuses a jump in a compiled
 * frame (trace311.c); once per interpreter, by the shared runtime. */
P2C_API int P2C_Trace_ReplaceSetLineno(void);

/* ---- tracing and profiling (runtime/compat/trace311.c) -------------------- *
 * Called only while P2C_Tracing() (or the thread state's use_tracing): */
/* Releases slots[0..n) (runtime/frames.c). */
P2C_API void P2C_Frame_ClearSlots(PyObject **slots, int n);
/* The call event of f, a frame just linked, when a hook is installed (the
 * RESUME at its start, TRACE_FUNCTION_ENTRY).  A hook that raises makes the
 * frame fail at once, as an exception at its RESUME would: traceback entry,
 * exception event, return event, then the frame is popped.  0 or -1. */
P2C_API int P2C_Frame_TraceEntry(P2C_Frame *f, PyThreadState *tstate);
/* The checks of P2C_Frame_PushModule's arguments (a code object, a dict)
 * and what module code needs before its frame (builtins in globals, the
 * eval breaker's address): 0 or -1 (runtime/frames.c). */
P2C_API int P2C_Frame_ModuleReady(PyObject *code, PyObject *globals);
/* P2C_Frame_PushFunction with locals (borrowed, may be NULL) as f_locals
 * before the call event: a class body's namespace. */
P2C_API int P2C_Frame_PushWithLocals(P2C_Frame *f, PyObject *func, int nslots,
                                     PyObject *locals);
/* The call event of f, the running frame, to the trace then the profile hook
 * (a pending exception is kept).  0, or -1 when a hook raised. */
P2C_API int P2C_Trace_FrameEntry(P2C_Frame *f);
/* The return event of f (retval stolen; NULL: an exception leaves f, the
 * hooks see None).  retval, or NULL when a hook raised (retval released). */
P2C_API PyObject *P2C_Trace_FrameExit(P2C_Frame *f, PyObject *retval);
/* A generator's step (runtime/generator.c): its call event says how the
 * step starts, its return event whether it ends at a yield.  The hooks see
 * call and return; frame.f_lineno's setter is told the interpreter's own
 * event (3.12+: PY_START, PY_RESUME, PY_THROW, PY_YIELD or PY_RETURN), as
 * its messages differ.  Flags above the PyTrace_* codes. */
enum {
    P2C_STEP_START = 0,         /* the first step of an unstarted generator */
    P2C_STEP_RESUME = 0x100,    /* a step after a yield (send, next) */
    P2C_STEP_THROW = 0x200,     /* throw() or close() into it */
    P2C_STEP_YIELD = 0x400,     /* the step ends at a yield */
};
P2C_API int P2C_Trace_GenStepEntry(P2C_Frame *f, int how);
P2C_API PyObject *P2C_Trace_GenStepExit(P2C_Frame *f, PyObject *retval, int yielded);
/* The exception event (settrace only) of the exception being raised in f;
 * whenever a trace hook is set, as the eval loop's `error` label does. */
P2C_API void P2C_Trace_Exception(P2C_Frame *f);
/* FOR_ITER's: a StopIteration the iterator raised, before it is cleared. */
P2C_API void P2C_Trace_StopIteration(void);
/* C_TRACE's halves around a call of the builtin func: c_call (0, or -1 when
 * the profile hook raised: then the call is not made), and c_return or
 * c_exception for its result res (stolen; returned, or NULL when the hook
 * raised at c_return). */
P2C_API int P2C_Trace_CCall(PyObject *func);
P2C_API PyObject *P2C_Trace_CReturn(PyObject *func, PyObject *res);
/* CALL_FUNCTION_EX while tracing (do_call_core): args an exact tuple,
 * kwargs a dict or NULL. */
P2C_API PyObject *P2C_CallExTraced(PyObject *func, PyObject *args, PyObject *kwargs);

#endif
