/* runtime.h — the pyc2c runtime: everything generated C code calls.
 *
 * Generated C includes this header and nothing else.  The runtime is built
 * once per target Python into a static library (libpyc2crt.a) linked into
 * every output.  Symbols are hidden (P2C_API); a compiled extension module
 * exports only its PyInit_* function.
 *
 * Conventions (as in CPython's C API):
 *   - functions returning PyObject* return a NEW reference, or NULL with an
 *     exception set; functions returning int return 0 (or a result >= 0) on
 *     success and -1 with an exception set;
 *   - arguments are BORROWED unless the comment says "steals".
 * Version-specific code lives in runtime/compat/ only.
 */
#ifndef PYC2C_RUNTIME_H
#define PYC2C_RUNTIME_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(__GNUC__)
#  define P2C_API __attribute__((visibility("hidden")))
/* For the few-instruction fast paths generated code calls at every site:
 * the C compiler's size heuristics would otherwise leave some out of line
 * in large generated functions. */
#  define P2C_ALWAYS_INLINE static inline __attribute__((always_inline))
/* For a slow path kept apart from a small fast one, whose registers it
 * would otherwise make the fast one save. */
#  define P2C_NOINLINE __attribute__((noinline))
#  define P2C_LIKELY(x) __builtin_expect(!!(x), 1)
#  define P2C_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#  define P2C_API
#  define P2C_ALWAYS_INLINE static inline
#  define P2C_NOINLINE
#  define P2C_LIKELY(x) (x)
#  define P2C_UNLIKELY(x) (x)
#endif

#include <stdbool.h>          /* Python.h brings these from 3.11 on */
#include <stddef.h>
#include "pyc2c/compat.h"   /* P2C_Frame layout for the target Python */

/* ---- start -------------------------------------------------------------- */

/* The version of what compiled modules share in one interpreter (the
 * compiled types' layout and slots, the shared table of runtime/shared.c):
 * modules built with different values refuse to load together.  Bump it
 * with any such change. */
#ifndef P2C_RUNTIME_ABI
#define P2C_RUNTIME_ABI 5
#endif

/* Attaches this copy of the runtime to the interpreter's one runtime
 * (docs/runtime.md, "One runtime per process"): the first copy to start
 * readies the compiled function and generator types, replaces the builtin
 * methods that would treat compiled code unlike the interpreter's
 * ("Replaced builtin methods") and publishes them; later copies use those.
 * First in every module body (module: the module being executed, or NULL),
 * idempotent.  0, or -1 with an exception set (ImportError when the runtime
 * already running has another P2C_RUNTIME_ABI). */
P2C_API int P2C_Runtime_Ready(PyObject *module);

/* ---- constants ---------------------------------------------------------- */

/* Unmarshals blob (a marshalled tuple of n objects, then the indexes of
 * those that are frozensets written as tuples, rebuilt here: cgen.c,
 * marshal_table) into table[0..n), new references kept for the life of the
 * process.  Idempotent: returns 0 at
 * once when table[0] is already set. */
P2C_API int P2C_LoadConstants(const unsigned char *blob, Py_ssize_t size,
                              PyObject **table, Py_ssize_t n);

/* An extension module's source path, before its body runs: __file__ (the
 * extension's path, set by the import system) becomes the source beside it,
 * DIR/NAME.py (DIR/__init__.py for a package), and so does co_filename of
 * every code object in table[0..n) and, recursively, in their co_consts (as
 * importlib's _fix_co_filename does for a .pyc); __cached__ is None unless
 * set.  Nothing changes when __file__ is missing or not a str.  Idempotent
 * (a reload, a second exec). */
P2C_API int P2C_Module_SetSourceFile(PyObject *module, PyObject **table,
                                     Py_ssize_t n);

/* An executable's __main__, before its body runs: in a standalone program
 * (a dist, or a onefile's unpacked copy) co_filename of every code object
 * in table[0..n) (recursively) becomes __main__.__file__, DIST/NAME.py, as
 * every other compiled module of the dist names its place there; other
 * executables keep the source path they were compiled from, which is
 * their __file__ already (docs/usage.md, "Tracebacks in a dist"). */
P2C_API int P2C_Module_SetMainSourceFile(PyObject *module, PyObject **table,
                                         Py_ssize_t n);

/* ---- compiled functions -------------------------------------------------- */

/* The type of compiled functions: a C subtype of PyFunction_Type (so
 * isinstance(f, types.FunctionType), inspect, functools.wraps see a function)
 * whose vectorcall is the generated C entry point.  docs/runtime.md. */
P2C_API extern PyTypeObject *P2C_FunctionTypeRef;
/* The interpreter's one compiled function type (this copy's own until
 * P2C_Runtime_Ready attached it to the shared runtime). */
#define P2C_Function_Type (*P2C_FunctionTypeRef)

/* When the module's constants are loaded: registers impls[i] as the
 * compiled body of the stub codes[i] (NULL impl: module and class bodies,
 * not registered), so that a stub the interpreter runs before any function
 * was made of it (one taken from a parent's co_consts) runs its body; then
 * the stubs without a body found in their co_consts (comprehensions
 * compiled inline) with an entry point that raises SystemError.  -1 with an
 * exception. */
P2C_API int P2C_Function_RegisterStubs(PyObject *const *codes, const vectorcallfunc *impls,
                                       int n);

/* new: a compiled function running impl, with code's name, qualname and
 * signature, globals, and defaults (tuple or NULL), kwdefaults (dict or
 * NULL), closure (tuple of cells or NULL). */
P2C_API PyObject *P2C_Function_New(vectorcallfunc impl, PyObject *code,
                                   PyObject *globals, PyObject *defaults,
                                   PyObject *kwdefaults, PyObject *closure);

/* A flag of a vectorcall's nargsf that generated call sites set only for
 * a compiled function (P2C_CallSteal): the caller gives the callee its
 * references to the arguments args[0 .. nargs + len(kwnames)), which the
 * callee then owns on every path, errors included.  3.11's CALL moves a
 * Python function's arguments from the caller's value stack into the new
 * frame the same way, so a parameter the callee deletes or rebinds drops
 * the last reference to a temporary argument there and then (a __del__ or
 * weakref callback runs inside the callee), and sys.getrefcount sees no
 * reference of the caller's.  Every compiled entry point of this runtime
 * ABI accepts it (docs/architecture.md, "Calls hand over their
 * arguments"). */
#define P2C_VECTORCALL_ARGS_GIVEN ((size_t)1 << (8 * sizeof(size_t) - 2))
/* PyVectorcall_NARGS for an entry point that may get the flag. */
#define P2C_NARGS(nargsf) \
    ((Py_ssize_t)((nargsf) & ~(PY_VECTORCALL_ARGUMENTS_OFFSET | P2C_VECTORCALL_ARGS_GIVEN)))

/* slots[0..n) = args[0..n) as owned references: taken over when the caller
 * gave them (P2C_VECTORCALL_ARGS_GIVEN in nargsf), new ones otherwise.
 * Generated entry points bind the commonest call (the parameters' count of
 * positional arguments) with it. */
P2C_ALWAYS_INLINE void
P2C_TakeArgs(PyObject **slots, PyObject *const *args, Py_ssize_t n, size_t nargsf)
{
    int given = (nargsf & P2C_VECTORCALL_ARGS_GIVEN) != 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        slots[i] = args[i];
        if (!given)
            Py_INCREF(args[i]);
    }
}

/* Releases what a caller gave (args[0 .. nargs + len(kwnames)), in order)
 * when nargsf has P2C_VECTORCALL_ARGS_GIVEN; nothing otherwise.  For an
 * entry point that binds its arguments with new references, or fails
 * before binding them. */
P2C_API void P2C_ReleaseGivenArgs(PyObject *const *args, size_t nargsf, PyObject *kwnames);

/* Binds a vectorcall's arguments to the slots of func's frame exactly as
 * CPython's initialize_locals does (positional, keywords, defaults, kw-only
 * defaults, *args, **kwargs) with CPython's error messages.  slots[0..n) must
 * be NULL on entry; on success they hold new references (parameters) or NULL.
 * On failure they are all NULL again.  Given arguments
 * (P2C_VECTORCALL_ARGS_GIVEN) are taken over on every path: a parameter,
 * the *args tuple or the **kwargs dict becomes their only holder here. */
P2C_API int P2C_Function_BindArgs(PyObject *func, PyObject *const *args,
                                  size_t nargsf, PyObject *kwnames,
                                  PyObject **slots);

/* ---- closures and function parts (runtime/cells.c) ------------------------ */

/* MAKE_CELL: *slot (owned or NULL) moves into a new cell, which *slot then
 * owns.  -1 on error, *slot untouched. */
P2C_API int P2C_MakeCell(PyObject **slot);
/* 3.10's cell for a parameter (_PyEval_MakeFrameVector): *arg (owned or
 * NULL) moves into a new cell, which *slot (NULL) then owns; *arg is NULL
 * after.  -1 on error, both untouched. */
P2C_API int P2C_MakeCellFrom(PyObject **slot, PyObject **arg);
/* COPY_FREE_VARS: slots[0..n) get new references to the n cells of func's
 * __closure__ (a tuple of n cells: P2C_Function_New got it from generated
 * code, and the __code__ setter keeps the sizes equal). */
P2C_API void P2C_CopyFreeVars(PyObject **slots, PyObject *func, int n);
/* LOAD_DEREF/DELETE_DEREF of an empty cell: UnboundLocalError for a cell of
 * this function, NameError "cannot access free variable ..." for a free one.
 * Always returns NULL. */
P2C_API PyObject *P2C_RaiseUnboundDeref(PyObject *name, int is_free);
/* new: {keys[i]: values[i]} for the str tuple keys (kw-only defaults,
 * annotations). */
P2C_API PyObject *P2C_DictFromKeys(PyObject *keys, PyObject *const *values);
/* func.__annotations__ = annotations (a dict).  0 or -1. */
P2C_API int P2C_Function_SetAnnotations(PyObject *func, PyObject *annotations);
/* SETUP_ANNOTATIONS on the namespace locals (borrowed; NULL: SystemError). */
P2C_API int P2C_SetupAnnotations(PyObject *locals);

/* ---- compiled frames ----------------------------------------------------- */

/* A compiled frame is a real interpreter frame linked into the thread state,
 * so sys._getframe(), tracebacks, warnings and logging see it.  Its storage
 * is declared in the C function (P2C_FRAME_STORAGE) so no allocation is made
 * per call; if a frame object escapes (sys._getframe, a traceback), the frame
 * data is handed over to it when the function returns.
 *
 *   P2C_FRAME_STORAGE(fs, nslots);        declares storage for nslots slots
 *   P2C_Frame *f = P2C_FRAME(fs);
 *   P2C_SLOT(f, i)                        lvalue: slot i (a local variable)
 */
/* From pyc2c/compat.h (static inline or macros, for the target Python):
 *   P2C_Frame                          the frame type
 *   P2C_FRAME_STORAGE(name, nslots)    declares zero-initialized storage
 *   P2C_FRAME(name)                    P2C_Frame * to that storage
 *   P2C_SLOT(f, i)                     lvalue PyObject *: slot i
 *   P2C_Frame_SetSite(f, k)            records the running site (see below)
 *   P2C_Frame_Globals(f), P2C_Frame_Builtins(f)   borrowed dicts
 */
/* The content of cell c, an lvalue (3.11's PyCell_GET; 3.12's is an inline
 * function, not assignable). */
#define P2C_CELL_REF(c) (((PyCellObject *)(c))->ob_ref)

/* Links f as the running frame of a call of func (a P2C_Function): code,
 * globals and builtins come from func.  Slots must already hold the bound
 * arguments (P2C_Function_BindArgs).  Enters a recursion level: -1 with
 * RecursionError (slots then released). */
P2C_API int P2C_Frame_PushFunction(P2C_Frame *f, PyObject *func, int nslots);

/* The C stack guard (runtime/stack.c): compiled calls nest C calls, so a
 * deep recursion raises RecursionError before the thread's C stack runs out.
 * P2C_StackLimit: the lowest address calls may start at on this thread
 * (UINTPTR_MAX until computed).  P2C_Stack_Check: 0, or -1 with
 * RecursionError when the stack is below the limit.  The fast push compares
 * at every P2C_STACK_SAMPLE-th recursion level only (a power of two). */
#define P2C_STACK_SAMPLE 16
extern P2C_API __thread uintptr_t P2C_StackLimit;
P2C_API int P2C_Stack_Check(void);
static inline int
P2C_Stack_SampledLow(int recursion_remaining)
{
    char here;
    return (recursion_remaining & (P2C_STACK_SAMPLE - 1)) == 0
           && (uintptr_t)&here < P2C_StackLimit;
}

/* Issues the warnings CPython's compiler gave about the module's file
 * (warnings: tuple of (category name, message, line); code: the module's
 * code object, for co_filename) under the running filters; a warning the
 * filters make an error becomes the SyntaxError CPython raises.  0 or -1
 * (runtime/compilewarn.c). */
P2C_API int P2C_CompileWarnings(PyObject *warnings, PyObject *code);

/* Links f as the frame of module code (a "<module>" code object) running with
 * globals as both globals and locals. */
P2C_API int P2C_Frame_PushModule(P2C_Frame *f, PyObject *code, PyObject *globals);

/* Unlinks f and releases its slots (or hands them to an escaped frame
 * object).  Every successful Push is paired with exactly one Pop. */
P2C_API void P2C_Frame_Pop(P2C_Frame *f);

/* The pops generated code uses: the return event of a frame that returns r
 * (new reference; NULL when an exception leaves it), or module code that
 * ends with status 0 or -1, when a trace or profile hook is installed, then
 * P2C_Frame_Pop.  Returns r / status, or NULL / -1 when the hook raised (r
 * released).  The pushes emit the call event (docs/runtime.md, "Tracing and
 * profiling"). */
P2C_API PyObject *P2C_Frame_PopReturn(P2C_Frame *f, PyObject *r);
P2C_API int P2C_Frame_PopModule(P2C_Frame *f, int status);

/* Adds a traceback entry for f at its current site to the exception being
 * raised (what CPython does when an exception leaves an instruction). */
P2C_API void P2C_Frame_AddTraceback(P2C_Frame *f);

/* The site of a frame is the index of the code unit, in the stub code object,
 * whose position (line, end line, columns) describes the operation running:
 * P2C_Frame_SetSite(f, k) before each operation that may raise or may look
 * at frames.  Site 0 is the RESUME of the stub, the def line. */

/* ---- the eval breaker --------------------------------------------------- */

/* The interpreter's eval-breaker flag (set when a signal arrived, a pending
 * call waits or another thread asks for the GIL), published by
 * P2C_Frame_PushModule from the running interpreter; until then a flag that
 * is never set.  Read through P2C_EVAL_BREAKER_SET() (compat/frame31x.h):
 * 3.13 keeps a word per thread state instead, and leaves this unused. */
P2C_API extern int *P2C_EvalBreaker;

/* What the interpreter does when its eval breaker is set: hands the GIL to
 * a thread that asked for it, runs signal handlers and pending calls.  -1
 * with the exception a handler raised (KeyboardInterrupt ...). */
P2C_API int P2C_HandlePending(void);

/* Polled on every loop back edge, as 3.11's JUMP_BACKWARD does: 0, or -1
 * with an exception set. */
static inline int
P2C_CheckEvalBreaker(void)
{
    return P2C_UNLIKELY(P2C_EVAL_BREAKER_SET())
           ? P2C_HandlePending() : 0;
}

/* CALL's check on return (3.11): after a call of anything but a function
 * the interpreter runs inline (an exact function, also bound in a method
 * object: its own RESUME checks instead), the pending work is done at once,
 * so a signal a C function sends is handled at the call.  res: the call's
 * result (stolen), returned, or released for NULL when a handler raised. */
P2C_API PyObject *P2C_HandlePendingAfterCall(PyObject *callable, PyObject *res);

static inline PyObject *
P2C_CallReturned(PyObject *callable, PyObject *res)
{
    return P2C_UNLIKELY(P2C_EVAL_BREAKER_SET()) && res != NULL
           ? P2C_HandlePendingAfterCall(callable, res) : res;
}

/* ---- names ---------------------------------------------------------------- */

/* LOAD_GLOBAL: globals, then builtins; NameError "name 'x' is not defined". */
P2C_API PyObject *P2C_LoadGlobal(PyObject *globals, PyObject *builtins, PyObject *name);
/* LOAD_GLOBAL at one site, remembering where it found the name, as 3.11's
 * LOAD_GLOBAL_MODULE/BUILTIN specializations do: the entry of the dicts'
 * key tables (P2C_DictEntry, compat layer), so that rebinding a global
 * (a counter, a cache) does not defeat the cache — only adding or removing
 * names does.  A name found in builtins also needs the globals' key table
 * unchanged with as many entries as when the name was found missing there
 * (an entry, once added, keeps its place; a new one counts). */
typedef struct {
    PyObject *globals, *builtins;   /* the dicts it was found with */
    void *gkeys, *bkeys;            /* their key tables then (bkeys: NULL when
                                       found in globals) */
    Py_ssize_t index;               /* the entry holding the name */
    Py_ssize_t gcount;              /* globals' entry count, for builtins */
} P2C_GlobalCache;

/* Looks name up and fills cache when both namespaces are exact dicts. */
P2C_API PyObject *P2C_LoadGlobalSlow(P2C_GlobalCache *cache, PyObject *globals,
                                     PyObject *builtins, PyObject *name);

/* What cache answers for name (borrowed), or NULL: it has no answer.  Runs
 * no code and fills nothing (numeric.c's fast paths peek with it; the load
 * that follows a miss fills the cache). */
static inline PyObject *
P2C_LoadGlobalPeek(const P2C_GlobalCache *cache, PyObject *globals, PyObject *builtins,
                   PyObject *name)
{
#ifdef P2C_HAVE_DICT_ENTRIES
    if (P2C_LIKELY(cache->globals == globals && cache->builtins == builtins)) {
        void *gkeys = P2C_Dict_Keys(globals);
        if (cache->bkeys == NULL) {
            if (gkeys == cache->gkeys)
                return P2C_DictEntry(gkeys, cache->index, name);
        } else if (gkeys == cache->gkeys && P2C_DictKeys_Count(gkeys) == cache->gcount
                   && P2C_Dict_Keys(builtins) == cache->bkeys) {
            return P2C_DictEntry(cache->bkeys, cache->index, name);
        }
    }
#else
    (void)cache, (void)globals, (void)builtins, (void)name;
#endif
    return NULL;
}

/* Sites written where they can be seen (docs/optimizer.md): the loads of
 * generated code (P2C_LoadGlobalAt below, the ...At forms of attrs.h) set
 * the frame f's site to `site` only on the way that may run code or fail.
 * A hit runs no code and cannot fail, so nothing can look at the frame's
 * site while it runs.  f NULL: the site is the caller's business (the
 * forms without At, and generated code whose site is already that one). */
P2C_ALWAYS_INLINE void p2c_site_before_slow_way(P2C_Frame *f, int site)
{
    if (f != NULL)
        P2C_Frame_SetSite(f, site);
}

/* A local's or cell's store and `del` (STORE_FAST, DELETE_FAST, STORE_DEREF,
 * DELETE_DEREF): the old value's last reference runs its __del__ and weakref
 * callbacks, which see the frame's line (sys._getframe(1).f_lineno, a
 * ResourceWarning's location); only then is the site set, as above.  `old`
 * is the variable's value before the store (NULL when unbound). */
P2C_ALWAYS_INLINE void P2C_ReleaseOldAt(PyObject *old, P2C_Frame *f, int site)
{
    if (old == NULL)
        return;
    if (Py_REFCNT(old) == 1)
        p2c_site_before_slow_way(f, site);
    Py_DECREF(old);
}

/* Py_XSETREF(dst, src) and Py_CLEAR(dst) of such a variable, through
 * P2C_ReleaseOldAt. */
#define P2C_XSETREF_AT(dst, src, f, site)                                      \
    do {                                                                       \
        PyObject *p2c_old_ = (PyObject *)(dst);                                \
        (dst) = (src);                                                         \
        P2C_ReleaseOldAt(p2c_old_, (f), (site));                               \
    } while (0)
#define P2C_CLEAR_AT(dst, f, site) P2C_XSETREF_AT(dst, NULL, f, site)

/* LOAD_GLOBAL through cache: new, or NULL with NameError; the site as
 * above. */
static inline PyObject *
P2C_LoadGlobalAt(P2C_GlobalCache *cache, PyObject *globals, PyObject *builtins,
                 PyObject *name, P2C_Frame *f, int site)
{
    PyObject *v = P2C_LoadGlobalPeek(cache, globals, builtins, name);
    if (P2C_LIKELY(v != NULL))
        return Py_NewRef(v);
    p2c_site_before_slow_way(f, site);
    return P2C_LoadGlobalSlow(cache, globals, builtins, name);
}
#define P2C_LoadGlobalCached(cache, globals, builtins, name) \
    P2C_LoadGlobalAt((cache), (globals), (builtins), (name), NULL, 0)
/* P2C_LoadGlobalAt in f's globals and builtins, out of line: what the C
 * of a huge function calls (src/cgen/expr.c), where gcc at -O0 would
 * otherwise parse and compile two frame reads and the call at every
 * global name (docs/compile-scaling.md, part 7); site_frame and site as
 * P2C_LoadGlobalAt's f and site. */
P2C_API PyObject *P2C_LoadGlobalOfFrame(P2C_GlobalCache *cache, P2C_Frame *f,
                                        PyObject *name, P2C_Frame *site_frame, int site);
/* DELETE_GLOBAL: NameError when absent. */
P2C_API int P2C_DelGlobal(PyObject *globals, PyObject *name);
/* Sets UnboundLocalError "cannot access local variable 'x' where it is not
 * associated with a value"; always returns NULL. */
P2C_API PyObject *P2C_RaiseUnboundLocal(PyObject *name);

/* ---- classes (runtime/classes.c) ------------------------------------------ */

/* LOAD_NAME / STORE_NAME / DELETE_NAME in the unoptimized frame f (a class
 * body): f_locals (any mapping; an exact dict takes the dict fast path),
 * then globals, then builtins for loads; CPython 3.11's messages. */
P2C_API PyObject *P2C_LoadName(P2C_Frame *f, PyObject *name);
P2C_API int P2C_StoreName(P2C_Frame *f, PyObject *name, PyObject *value);
P2C_API int P2C_DelName(P2C_Frame *f, PyObject *name);
/* LOAD_BUILD_CLASS: builtins["__build_class__"] of f, NameError
 * "__build_class__ not found" when absent. */
P2C_API PyObject *P2C_LoadBuildClass(P2C_Frame *f);
/* LOAD_CLASSDEREF: name in f_locals, else the content of cell (the free
 * variable's slot); NameError "cannot access free variable ..." if empty. */
P2C_API PyObject *P2C_LoadClassDeref(P2C_Frame *f, PyObject *name, PyObject *cell);
/* The class statement's call of build_class (what P2C_LoadBuildClass gave)
 * with the compiled class body func, the class name, the bases (a tuple) and
 * the keywords (a dict or NULL): builtins.__build_class__'s work when
 * build_class is the builtin one (__mro_entries__ and __orig_bases__,
 * metaclass calculation, __prepare__, the body run with the namespace as
 * its locals, the metaclass call, the __classcell__ checks), else a plain
 * call build_class(func, name, *bases, **keywords). */
P2C_API PyObject *P2C_BuildClass(PyObject *build_class, PyObject *func, PyObject *name,
                                 PyObject *bases, PyObject *kwargs);
/* The prologue of a class body called by P2C_BuildClass with the namespace
 * as its only argument: pushes f (P2C_Frame_PushFunction) with the
 * namespace as f_locals.  -1 (SystemError) on any other call. */
P2C_API int P2C_Frame_PushClassBody(P2C_Frame *f, PyObject *func, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames, int nslots);

/* ---- the thread state ------------------------------------------------------ */

#ifdef P2C_TSTATE_WORD_311
/* The word holding the running thread's PyThreadState (3.11:
 * _PyRuntime.gilstate.tstate_current), for the inline test below. */
P2C_API extern uintptr_t *const P2C_CurrentThreadState;

/* The running thread's state: PyThreadState_GET() without a call. */
static inline PyThreadState *P2C_ThreadState(void)
{
    return (PyThreadState *)__atomic_load_n(P2C_CurrentThreadState, __ATOMIC_RELAXED);
}
#elif !defined(P2C_TSTATE_TLS_312)   /* 3.13: compat/tstate312.h */
/* The running thread's state (a thread-local libpython does not export). */
static inline PyThreadState *P2C_ThreadState(void) { return PyThreadState_GET(); }
#endif

/* Would a comparison count a recursion level and fail?  3.10's COMPARE_OP
 * always goes through PyObject_RichCompare, which enters a recursion level
 * (" in comparison"): the fast comparisons of ops.h leave it to the generic
 * one at the limit, so the RecursionError is raised there as in 3.10. */
#ifdef P2C_COMPARE_COUNTS_RECURSION_310
P2C_API extern int *P2C_RecursionLimit;
#  define P2C_COMPARE_AT_LIMIT() \
       P2C_UNLIKELY(P2C_ThreadState()->recursion_depth >= *P2C_RecursionLimit)
#else
#  define P2C_COMPARE_AT_LIMIT() 0
#endif

/* ---- operations ------------------------------------------------------------ */

/* BINARY_OP, in-place BINARY_OP, UNARY_*, COMPARE_OP/IS_OP/CONTAINS_OP,
 * BINARY_SUBSCR, STORE_SUBSCR, with the fast paths of 3.11's specializations. */
#include "pyc2c/ops.h"

/* Unboxed ints and floats for fused arithmetic trees. */
#include "pyc2c/numeric.h"

/* LOAD_ATTR, LOAD_METHOD and STORE_ATTR with a cache at each site. */
#include "pyc2c/attrs.h"

/* Truth value: 1, 0 or -1. */
static inline int P2C_IsTrue(PyObject *v)
{
    if (v == Py_True) return 1;
    if (v == Py_False || v == Py_None) return 0;
    if (PyLong_CheckExact(v)) return !P2C_Long_IsZero(v);   /* `while k:` */
    return PyObject_IsTrue(v);
}

/* ---- sys.settrace / sys.setprofile (runtime/compat/trace311.c) ------------ */


/* Is a trace or profile hook installed (and not running)?  The interpreter's
 * own test, tstate->cframe->use_tracing; compiled code emits events only
 * when it is set. */
#ifndef P2C_TRACING_POSSIBLE
/* A test of interpreter-wide state that is false when no thread can have a
 * hook (compat/frame312.h's spares 3.12 the thread-state call); here the
 * thread state is a cheap read and the test is the thread's own. */
#  define P2C_TRACING_POSSIBLE() 1
#endif
static inline int P2C_Tracing(void)
{
    return P2C_TRACING_POSSIBLE() && P2C_TS_TRACING(P2C_ThreadState());
}

/* Line events of --debuggable code (src/cgen/lines.c): P2C_LINE(f, K)
 * before each statement, site K at its position.  While a hook is
 * installed, P2C_Trace_Line makes K the frame's site and calls the trace
 * hook with a `line` event when K's line differs from the line of the site
 * the frame was at (and an `opcode` event when frame.f_trace_opcodes is
 * set), as 3.11's maybe_call_line_trace; 0, or -1 when the hook raised.
 * P2C_LINE_BACK_EDGE(f) at a loop's back edge makes the next statement's
 * line event fire even on the same line, as a backward jump does. */
P2C_API int P2C_Trace_Line(P2C_Frame *f, int site);
#define P2C_LINE(f, site) (P2C_UNLIKELY(P2C_Tracing()) ? P2C_Trace_Line((f), (site)) : 0)
/* Jumps (frame.f_lineno = N in a line event's hook) in --debuggable code
 * (src/cgen/lines.c, docs/runtime.md "Jumps").  A function whose C can
 * jump describes its statements' hooks in a P2C_JumpTable: each point has
 * its line and the blocks of CPython's value stack it stands in (a for
 * loop's iterator, a with's exit, an except handler's saved exception),
 * outermost first, as numbers into the table's kinds.  Its hooks are
 * P2C_LINE_JUMP(f, K, &table, point): 0, -1 when the hook raised, or
 * 1 + the point jumped to, whose label the function's dispatch reaches
 * after releasing the blocks the jump leaves. */
typedef struct {
    int line;
    unsigned short flags;    /* P2C_JUMP_* */
    unsigned short npath;    /* how many blocks: paths[path .. path + npath) */
    int path;
    int site;                /* the frame's site there (a yield's: its own) */
} P2C_JumpPoint;

enum {
    P2C_JUMP_START = 1,      /* the first hook of a run of its line: a line start */
    P2C_JUMP_NO_FROM = 2,    /* a jump from here is refused (pyc2c's message) */
    P2C_JUMP_NO_TO = 4,      /* a jump here is refused (pyc2c's message) */
    P2C_JUMP_YIELD = 8,      /* a generator's yield (no hook): where a jump
                                asked at its return event starts from */
    /* kinds of blocks, CPython's mark_stacks kinds; | P2C_JUMP_ANON when
     * compiled code cannot pop or enter it; | P2C_JUMP_MOVABLE when a
     * jump can move its object into another movable block of its kind (a
     * with's __exit__, a loop's iterator), the target's innermost */
    P2C_JUMP_ITERATOR = 1, P2C_JUMP_EXCEPT = 2, P2C_JUMP_OBJECT = 3,
    P2C_JUMP_NULL = 4, P2C_JUMP_LASTI = 5, P2C_JUMP_MOVABLE = 0x40, P2C_JUMP_ANON = 0x80
};

typedef struct {
    const P2C_JumpPoint *points;
    int npoints;
    const short *paths;
    const unsigned char *kinds;
    /* a generator's: the frame slot of its pending jump (-1: none).  A
     * jump asked while it is suspended at a yield (3.11 allows it at the
     * yield's return event) is kept there, as an int (from << 32 | to),
     * and the frame's site set to the target's; the body, resumed at no
     * yield's site, takes it (P2C_Generator_TakeJump), releases what the
     * yield's point stands in and the target does not, and goes on at the
     * target (raising there when thrown into). */
    int pending;
} P2C_JumpTable;

/* The pending jump of slot (a P2C_JumpTable's `pending`), cleared: 1 + the
 * target point, and *from the yield's point; 0 when there is none (a
 * SystemError set). */
P2C_API int P2C_Generator_TakeJump(PyObject **slot, int *from);
/* What a body that can jump (P2C_GENBODY_JUMPS) is sent, standing at no
 * yield, by the runtime asking for its jump table, which it returns
 * without running (runtime/compat/trace311.c). */
#define P2C_JUMP_TABLE_QUERY ((PyObject *)(uintptr_t)2)

P2C_API int P2C_Trace_LineJump(P2C_Frame *f, int site, const P2C_JumpTable *jt, int point);
#define P2C_LINE_JUMP(f, site, jt, point)                                   \
    (P2C_UNLIKELY(P2C_Tracing()) ? P2C_Trace_LineJump((f), (site), (jt), (point)) : 0)
#define P2C_LINE_BACK_EDGE(f)                                               \
    do {                                                                    \
        if (P2C_UNLIKELY(P2C_Tracing()))                                    \
            P2C_Frame_SetSiteBeforeFirst(f);                                \
    } while (0)

/* P2C_Call while tracing: a builtin callee (a builtin function, or a method
 * descriptor called with its object first) gets the profile hook's c_call
 * and c_return / c_exception events around it, as 3.11's
 * trace_call_function does. */
P2C_API PyObject *P2C_CallTraced(PyObject *callable, PyObject *const *args,
                                 size_t nargs, PyObject *kwnames);

/* Call helpers.  args may be NULL when nargs == 0.  CALL: the vectorcall,
 * then the eval-breaker check on return.  A compiled function of this
 * runtime is entered directly through its vectorcall slot (the C body):
 * PyObject_Vectorcall would only add _Py_CheckFunctionResult, a debugging
 * check of what generated code guarantees (NULL exactly when an exception
 * is set). */
/* P2C_Call's way for anything but a compiled function: a method
 * descriptor of a builtin type called with an object of exactly that type
 * first (`d.get(k)`, `s.strip()`, `l.append(x)`: 3.11's
 * PRECALL_NO_KW_METHOD_DESCRIPTOR_* specializations) runs its C function
 * directly; everything else is PyObject_Vectorcall (runtime/calls.c). */
P2C_API PyObject *P2C_CallOther(PyObject *callable, PyObject *const *args, size_t nargs,
                                PyObject *kwnames);

static inline PyObject *P2C_Call(PyObject *callable, PyObject *const *args,
                                 size_t nargs, PyObject *kwnames)
{
    if (P2C_UNLIKELY(P2C_Tracing()))
        return P2C_CallTraced(callable, args, nargs, kwnames);
    if (Py_IS_TYPE(callable, &P2C_Function_Type))
        return P2C_CallReturned(callable, ((PyFunctionObject *)callable)->vectorcall(
                                    callable, args, nargs, kwnames));
    return P2C_CallReturned(callable, P2C_CallOther(callable, args, nargs, kwnames));
}
/* A call site's memory of the class it instantiated: the class's version
 * tag and its __init__ (borrowed from the class's dict while the tag
 * stands).  version 0: empty. */
typedef struct {
    unsigned int version;
    PyObject *init;
} P2C_CallCache;

/* Instantiates cls (a class whose metaclass is exactly `type`) as
 * type_call does, through cache: object.__new__ then the __init__
 * function called directly with the instance first (no argument tuple, no
 * bound method), with type_call's and slot_tp_init's checks.  args must
 * have a writable slot before args[0] when nargs > 0 (vectorcall's
 * PY_VECTORCALL_ARGUMENTS_OFFSET).  Anything it cannot do that way goes to
 * the generic call, which also refills the cache. */
P2C_API PyObject *P2C_CallClass(P2C_CallCache *cache, PyObject *cls, PyObject *const *args,
                                size_t nargsf, PyObject *kwnames);

/* ---- calls that hand over their arguments (CPython 3.11's CALL) ---------- */

/* CALL as generated code makes it: callable and args[0 .. nargs +
 * len(kwnames)) are owned references of the call site (the interpreter's
 * value stack), all stolen.  As 3.11's CALL does with its stack entries:
 * a compiled function gets the arguments themselves
 * (P2C_VECTORCALL_ARGS_GIVEN) and callable is released when it returns;
 * a bound method object is first replaced by its function and self
 * (PRECALL); anything else is called as P2C_Call calls it, then callable
 * is released, then the arguments in order.  3.10 (P2C_CALL_KEEPS_ARGS_310)
 * keeps them all during any call, then releases the arguments last first
 * and callable after them.  args must have a writable entry before args[0]
 * when nargs > 0 (PY_VECTORCALL_ARGUMENTS_OFFSET). */
P2C_API PyObject *P2C_CallStealOther(PyObject *callable, PyObject *const *args,
                                     size_t nargsf, PyObject *kwnames);
/* Releases a call's stack entries after a call that only borrowed them, in
 * the target's order (above). */
P2C_API void P2C_ReleaseCallEntries(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

static inline PyObject *P2C_CallSteal(PyObject *callable, PyObject *const *args,
                                      size_t nargsf, PyObject *kwnames)
{
    if (Py_IS_TYPE(callable, &P2C_Function_Type)) {
        vectorcallfunc body = ((PyFunctionObject *)callable)->vectorcall;
#ifdef P2C_CALL_KEEPS_ARGS_310
        PyObject *res = P2C_CallReturned(callable, body(callable, args, nargsf, kwnames));
        P2C_ReleaseCallEntries(callable, args, nargsf, kwnames);
#else
        PyObject *res = P2C_CallReturned(callable, body(callable, args,
                                                        nargsf | P2C_VECTORCALL_ARGS_GIVEN,
                                                        kwnames));
        Py_DECREF(callable);
#endif
        return res;
    }
    return P2C_CallStealOther(callable, args, nargsf, kwnames);
}

/* CALL after LOAD_METHOD (`s.strip(".,")`, `d.get(k, 0)`, `l.append(x)`),
 * owning its entries as P2C_CallSteal does.  A method descriptor of a
 * builtin type goes straight to P2C_CallDescrSteal (runtime/calls.c),
 * which calls its C function when P2C_CallOther would -- 3.11's
 * PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST, _O and _NOARGS -- without the call
 * layers between; anything else (a compiled method first of all, entered
 * inline here as P2C_CallSteal enters it) is P2C_CallSteal's. */
P2C_API PyObject *P2C_CallDescrSteal(PyObject *callable, PyObject *const *args,
                                     size_t nargsf, PyObject *kwnames);

static inline PyObject *P2C_CallMethodSteal(PyObject *callable, PyObject *const *args,
                                            size_t nargsf, PyObject *kwnames)
{
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type))
        return P2C_CallDescrSteal(callable, args, nargsf, kwnames);
    return P2C_CallSteal(callable, args, nargsf, kwnames);
}

/* P2C_CallClass for a call site that owns callable and the arguments (as
 * P2C_CallSteal): released after the instance is made, callable first. */
P2C_API PyObject *P2C_CallClassSteal(P2C_CallCache *cache, PyObject *cls,
                                     PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames);

/* CALL at a site with a call cache (generated code): a class is
 * instantiated through it, anything else called as P2C_CallSteal calls it;
 * callable and the arguments stolen. */
static inline PyObject *P2C_CallCachedSteal(P2C_CallCache *cache, PyObject *callable,
                                            PyObject *const *args, size_t nargsf,
                                            PyObject *kwnames)
{
    if (Py_IS_TYPE(callable, &PyType_Type) && P2C_LIKELY(!P2C_Tracing()))
        return P2C_CallClassSteal(cache, callable, args, nargsf, kwnames);
    return P2C_CallSteal(callable, args, nargsf, kwnames);
}

/* LOAD_METHOD: the callable for obj.name(...), without creating a bound
 * method when name is a method found on the type: then *self is a new
 * reference to obj, to be passed as the first argument; else *self is NULL.
 * NULL (and *self NULL) with AttributeError. */
P2C_API PyObject *P2C_LoadMethod(PyObject *obj, PyObject *name, PyObject **self);
/* `super().name(...)` in a method whose first argument is `first` (its
 * frame slot: a cell when first_is_cell) and whose __class__ cell is
 * class_cell, where `super` evaluated to super: when that is the builtin and
 * the method is found plainly (runtime/super.c), 1 with *meth and *self new
 * references, as P2C_LoadMethod answers for an ordinary method.  0, with
 * nothing raised, when the generic way (call super, then LOAD_METHOD) must
 * run.  The code generator never asks for the name __class__. */
P2C_API int P2C_SuperMethod(PyObject *super, PyObject *first, int first_is_cell,
                            PyObject *class_cell, PyObject *name, PyObject **meth,
                            PyObject **self);
/* CALL_FUNCTION_EX: posargs a tuple, or for `f(*x)` x itself (checked with
 * "f() argument after * must be an iterable, not int"); kwargs a dict or NULL.
 * func, posargs and kwargs are stolen (the call site's stack entries),
 * released after the call in CALL_FUNCTION_EX's order.  The eval breaker is
 * checked on return, whatever func is (3.11). */
P2C_API PyObject *P2C_CallEx(PyObject *func, PyObject *posargs, PyObject *kwargs);
/* Merges a **mapping argument of a call of func into dict; CPython's
 * "argument after ** must be a mapping" / "got multiple values for keyword
 * argument" messages. */
P2C_API int P2C_MergeKwargs(PyObject *dict, PyObject *func, PyObject *mapping);

/* Displays with starred items. */
P2C_API int P2C_ListExtend(PyObject *list, PyObject *iterable);  /* LIST_EXTEND */
P2C_API int P2C_SetUpdate(PyObject *set, PyObject *iterable);    /* SET_UPDATE */
P2C_API int P2C_DictUpdate(PyObject *dict, PyObject *mapping);   /* DICT_UPDATE */

/* UNPACK_SEQUENCE / UNPACK_EX: stores new references into out[0..n) where
 * n = before + after + (has_star ? 1 : 0); the starred target gets a list.
 * CPython's messages.  On failure out is untouched. */
P2C_API int P2C_Unpack(PyObject *value, Py_ssize_t before, int has_star,
                       Py_ssize_t after, PyObject **out);

/* UNPACK_SEQUENCE_TUPLE/_LIST's case: value an exact tuple or list of
 * exactly n items, whose new references go to out[0..n).  1 when done, 0
 * (nothing done) otherwise. */
P2C_ALWAYS_INLINE int
P2C_UnpackExact(PyObject *value, Py_ssize_t n, PyObject **out)
{
    PyObject **items;
    if (PyTuple_CheckExact(value) && PyTuple_GET_SIZE(value) == n)
        items = &PyTuple_GET_ITEM(value, 0);
    else if (PyList_CheckExact(value) && PyList_GET_SIZE(value) == n)
        items = &PyList_GET_ITEM(value, 0);
    else
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = Py_NewRef(items[i]);
    return 1;
}

/* `[item] = value` as an expression: UNPACK_SEQUENCE 1, the sole item
 * (new), or NULL with CPython's message.  What a starred annotation
 * `*args: *Ts` evaluates to (compile.c: compiler_visit_argannotation). */
P2C_API PyObject *P2C_UnpackOne(PyObject *value);

/* P2C_Unpack without a starred target, its exact case inline. */
P2C_ALWAYS_INLINE int
P2C_UnpackFast(PyObject *value, Py_ssize_t n, PyObject **out)
{
    return P2C_UnpackExact(value, n, out) ? 0 : P2C_Unpack(value, n, 0, 0, out);
}

/* FOR_ITER: 1 and *out a new reference; 0 when exhausted (StopIteration
 * from the iterator is swallowed as CPython does); -1 on error. */
P2C_API int P2C_IterNext(PyObject *iter, PyObject **out);

/* iter(range(a[, b[, c]])) where callee is exactly range and the nargs
 * arguments (b, c NULL when not passed) are exact ints of one digit, step
 * not 0: the range iterator range_iter would make, without the range
 * object between (a new reference).  NULL without an exception otherwise,
 * where the caller calls callee and iterates its result; NULL with one
 * only when out of memory. */
P2C_API PyObject *P2C_RangeIterOf(PyObject *callee, int nargs, PyObject *a, PyObject *b,
                                  PyObject *c);

/* FORMAT_VALUE: conversion -1, 's', 'r' or 'a'; spec NULL or a str. */
P2C_API PyObject *P2C_FormatValue(PyObject *value, int conversion, PyObject *spec);
/* BUILD_STRING of n str parts. */
P2C_API PyObject *P2C_BuildString(PyObject *const *parts, Py_ssize_t n);

/* IMPORT_NAME through builtins.__import__ (fast path when not replaced). */
P2C_API PyObject *P2C_ImportName(P2C_Frame *f, PyObject *name, PyObject *fromlist,
                                 int level);
/* IMPORT_FROM with the sys.modules fallback and CPython's messages. */
P2C_API PyObject *P2C_ImportFrom(PyObject *module, PyObject *name);
/* IMPORT_STAR: the names of module's __all__ (else its __dict__'s keys not
 * starting with '_') bound in the locals of f (PyDict_SetItem on an exact
 * dict, else PyObject_SetItem), with CPython's messages.  0 or -1. */
P2C_API int P2C_ImportStar(P2C_Frame *f, PyObject *module);

/* RAISE_VARARGS: instantiates classes, checks BaseException, sets __cause__
 * (cause may be NULL for none, Py_None for `from None`).  Always returns -1. */
P2C_API int P2C_Raise(PyObject *exc, PyObject *cause);

/* ---- exceptions (runtime/exceptions.c) ------------------------------------ */

/* Entering a handler (exception_unwind + PUSH_EXC_INFO): takes the exception
 * being raised from the thread state, normalizes it, sets its __traceback__,
 * makes it the handled exception (sys.exception()) and returns it (new);
 * *prev receives the previously handled one (new; None for none), which the
 * handler gives back to P2C_Exc_Restore.  Never fails. */
P2C_API PyObject *P2C_Exc_Catch(PyObject **prev);
/* POP_EXCEPT: prev (stolen) becomes the handled exception again. */
P2C_API void P2C_Exc_Restore(PyObject *prev);
/* CHECK_EXC_MATCH: 1 if exc matches type (a class or tuple of classes),
 * 0 if not, -1 with TypeError "catching classes that do not inherit from
 * BaseException is not allowed". */
P2C_API int P2C_Exc_Match(PyObject *exc, PyObject *type);
/* RERAISE: raises exc (borrowed) again with its own __traceback__ (3.10:
 * the handled triple's, when exc is the handled exception); the
 * caller propagates it without adding a traceback entry. */
P2C_API void P2C_Exc_Reraise(PyObject *exc);
/* try/except* (src/lower/exceptstar.c): CHECK_EG_MATCH — validates type
 * (TypeError for non-exception classes and for exception group classes),
 * then None when exc (the unmatched rest so far, None when nothing is left)
 * has no part matching type, else the tuple (match, rest) with a naked
 * exception wrapped in ExceptionGroup("", [exc]), match becoming the
 * handled exception.  PREP_RERAISE_STAR: from the caught orig and the list
 * of what the clauses raised plus the rest, the group to re-raise or None. */
P2C_API PyObject *P2C_ExcGroupMatch(PyObject *exc, PyObject *type);
P2C_API PyObject *P2C_ExcPrepReraiseStar(PyObject *orig, PyObject *excs);
/* Item i (an int) of the tuple t, new: a helper's several results. */
P2C_API PyObject *P2C_TupleItem(PyObject *t, PyObject *i);
/* Structural pattern matching (runtime/match.c): MATCH_SEQUENCE and
 * MATCH_MAPPING (True/False by the type's flags), GET_LEN, MATCH_KEYS (values
 * tuple or None), the **rest dict, MATCH_CLASS (attributes tuple or None). */
P2C_API PyObject *P2C_MatchSequence(PyObject *subject);
P2C_API PyObject *P2C_MatchMapping(PyObject *subject);
P2C_API PyObject *P2C_MatchLen(PyObject *subject);
P2C_API PyObject *P2C_MatchKeys(PyObject *map, PyObject *keys);
P2C_API PyObject *P2C_MatchRest(PyObject *map, PyObject *keys);
P2C_API PyObject *P2C_MatchClass(PyObject *subject, PyObject *type, PyObject *nargs,
                                 PyObject *kwnames);
/* PEP 695's objects through the interpreter's intrinsics (typeparams.c):
 * new references, arguments borrowed. */
P2C_API PyObject *P2C_TypeVar(PyObject *name);
P2C_API PyObject *P2C_TypeVarWithBound(PyObject *name, PyObject *evaluate);
P2C_API PyObject *P2C_TypeVarWithConstraints(PyObject *name, PyObject *evaluate);
P2C_API PyObject *P2C_ParamSpec(PyObject *name);
P2C_API PyObject *P2C_TypeVarTuple(PyObject *name);
P2C_API PyObject *P2C_SubscriptGeneric(PyObject *params);
P2C_API PyObject *P2C_TypeAlias(PyObject *name, PyObject *params, PyObject *compute);
P2C_API PyObject *P2C_SetFunctionTypeParams(PyObject *func, PyObject *params);
/* 3.12's LOAD_FROM_DICT_OR_GLOBALS / LOAD_FROM_DICT_OR_DEREF in annotation
 * scopes: `name` from a class namespace first, else the running frame's
 * globals and builtins / the cell (classes.c). */
P2C_API PyObject *P2C_LoadFromDictOrGlobals(PyObject *dict, PyObject *name);
P2C_API PyObject *P2C_LoadFromDictOrDeref(PyObject *dict, PyObject *name, PyObject *cell);
/* Bare `raise`: 0 when the handled exception was raised again (propagate
 * without a traceback entry), -1 with RuntimeError "No active exception to
 * reraise" (a new error: add the entry). */
P2C_API int P2C_Exc_RaiseBare(void);
/* The lasti a handler keeps (exception_unwind pushes it): f's site as an
 * int (new; None if it could not be made, leaving the pending exception
 * alone), and RERAISE's restoring of it. */
P2C_API PyObject *P2C_Frame_SiteObject(P2C_Frame *f);
P2C_API void P2C_Frame_RestoreSite(P2C_Frame *f, PyObject *site);
/* BEFORE_WITH: looks up type(mgr).__enter__ then __exit__ (CPython's
 * "'X' object does not support the context manager protocol" messages),
 * stores the bound __exit__ in *exit (new; untouched on failure before it)
 * and returns __enter__() (new). */
P2C_API PyObject *P2C_With_Enter(PyObject *mgr, PyObject **exit);
/* exit(None, None, None), or exit(type(exc), exc, exc.__traceback__) when
 * exc is not NULL; steals exit.  New reference or NULL. */
P2C_API PyObject *P2C_With_Exit(PyObject *exit, PyObject *exc);
/* __debug__ of the running interpreter (Py_False under -O): borrowed. */
P2C_API PyObject *P2C_Debug(void);

/* ---- generators (runtime/generator.c; docs/runtime.md, "Generators") -------- */

/* A generator function's body: runs the generator's frame (linked as the
 * running frame by the runtime) from where it stopped — its RESUME, or the
 * yield whose site the frame holds.  sent: the value sent in (borrowed), or
 * NULL when an exception is set, to be raised there (throw, close).
 * Returns the value of a yield (after P2C_Generator_Suspend), the return
 * value, or NULL with an exception. */
typedef PyObject *(*P2C_GenBody)(PyObject *gen, PyObject *sent);
/* What a body standing at a `yield from` is sent when the runtime finished
 * its delegate for it (a chain resumed at once, generator.c): no object;
 * the delegate slot holds the delegate's return value, which the body
 * takes from there. */
#define P2C_DELEGATE_RETURNED ((PyObject *)(uintptr_t)1)

P2C_API extern PyTypeObject *P2C_GeneratorTypeRef;
#define P2C_Generator_Type (*P2C_GeneratorTypeRef)   /* as P2C_Function_Type */
/* `async def` (runtime/coroutine.c, runtime/asyncgen.c): the same object and
 * body with the coroutine's or async generator's behaviour; shared as the
 * generator type is. */
P2C_API extern PyTypeObject *P2C_CoroutineTypeRef;
P2C_API extern PyTypeObject *P2C_AsyncGenTypeRef;
#define P2C_Coroutine_Type (*P2C_CoroutineTypeRef)
#define P2C_AsyncGen_Type (*P2C_AsyncGenTypeRef)

/* What a resumable body's call makes (P2C_Generator_New's kind). */
enum { P2C_GEN_GENERATOR, P2C_GEN_COROUTINE, P2C_GEN_ASYNC_GENERATOR };

/* The call of a compiled generator function func (its entry point's
 * arguments): a new generator (coroutine, async generator: kind) whose
 * frame holds the bound arguments in its nslots slots (cells made, free
 * variables copied) followed by nspill NULL slots for the body's
 * temporaries — the last one the `yield from` / await delegate when
 * bodyflags has P2C_GENBODY_DELEGATE.  New reference, or NULL with an exception. */
P2C_API PyObject *P2C_Generator_New(PyObject *func, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames, P2C_GenBody body, int nslots,
                                    int nspill, int bodyflags, int kind);
/* P2C_Generator_New's bodyflags: the last spill slot is the delegate; the
 * body can jump, and answers P2C_JUMP_TABLE_QUERY (--debuggable). */
enum { P2C_GENBODY_DELEGATE = 1, P2C_GENBODY_JUMPS = 2 };
/* GET_YIELD_FROM_ITER: iterable itself if a generator, else iter(iterable);
 * TypeError for a coroutine.  New reference or NULL. */
P2C_API PyObject *P2C_YieldFromIter(PyObject *iterable);
/* One SEND of `yield from`: sends sent (borrowed) into the delegate
 * P2C_GEN_DELEGATE(f).  1: it yielded *result (new); 0: it returned *result
 * (new) and the delegate slot is cleared; -1: it raised (slot cleared). */
P2C_API int P2C_Generator_Delegate(P2C_Frame *f, PyObject *sent, PyObject **result);
/* GET_AWAITABLE (where: 0 await, 1 the result of __aenter__, 2 of
 * __aexit__, for the message): the iterator an await sends into.  New
 * reference or NULL. */
P2C_API PyObject *P2C_GetAwaitable(PyObject *obj, int where);
/* GET_AITER: aiter(obj) checked as `async for` does.  New or NULL. */
P2C_API PyObject *P2C_GetAIter(PyObject *obj);
/* GET_ANEXT: the awaitable of aiter.__anext__(), ready to be sent into.
 * New or NULL. */
P2C_API PyObject *P2C_GetANext(PyObject *aiter);
/* ASYNC_GEN_WRAP: a value an async generator yields (steals value).  New
 * or NULL. */
P2C_API PyObject *P2C_AsyncGen_Wrap(PyObject *value);
/* BEFORE_ASYNC_WITH: P2C_With_Enter's __aenter__/__aexit__ counterpart;
 * returns __aenter__() (to be awaited). */
P2C_API PyObject *P2C_AsyncWith_Enter(PyObject *mgr, PyObject **exit);
/* Frames of generators (compat layer): InitGenerator fills the specials of
 * a generator's frame whose slots hold the bound arguments (not linked;
 * SystemError if func's code does not fit nslots + nspill); Release does
 * what _PyFrame_Clear does once the generator is finished. */
P2C_API int P2C_Frame_InitGenerator(P2C_Frame *f, PyObject *func, int nslots, int nspill);
P2C_API void P2C_Frame_ReleaseGenerator(P2C_Frame *f);

/* ---- programs and modules ---------------------------------------------------- */

/* What an accelerated executable needs to run its __main__ module. */
typedef struct {
    int (*exec_main)(PyObject *module);  /* the module's exec function */
    const char *source_path;     /* absolute path of main.py: __file__, sys.path[0] */
    const char *python_exe;      /* the target interpreter: sys.executable */
} P2C_MainInfo;

/* One module of a package extension (`pyc2c --module pkg/`): its dotted
 * name, its source path relative to the package's directory
 * ("__init__.py", "sub/__init__.py", "sub/mod.py") and its exec function.
 * The table starts with the package itself and ends with a NULL name. */
typedef struct {
    const char *name;
    const char *path;
    int (*exec)(PyObject *module);
} P2C_PackageModule;

/* The exec function of a package extension (runtime/package.c): makes
 * module the package table[0] with its source layout's attributes
 * (__path__, __file__), puts a finder for the other members first on
 * sys.meta_path (each executes when imported), then runs table[0]'s body.
 * 0 or -1. */
P2C_API int P2C_Package_Exec(PyObject *module, const P2C_PackageModule *table);

/* A program whose executable holds more than its __main__ module
 * (runtime/program.c): the modules followed or included at build time
 * (`--follow-imports`, `--include-module`), and whether it is a standalone
 * dist (`--standalone`).  The driver generates the table and registers it
 * from a constructor, before main() runs. */
typedef struct {
    const P2C_PackageModule *modules;   /* NULL-terminated; may be empty */
    int standalone;          /* run from NAME.dist/: its own home and paths */
    const char *main_file;   /* standalone: __main__.__file__ relative to the
                                dist directory ("main.py") */
    const char *stdlib_zip;  /* standalone: the stdlib archive ("python311.zip") */
    const char *dynload;     /* standalone: the extension modules ("lib-dynload") */
} P2C_Program;

/* Records the program's table (called by its generated constructor). */
P2C_API void P2C_Program_Register(const P2C_Program *program);

/* main() of an accelerated executable: starts the interpreter the way
 * `python3 main.py` does (same sys.argv shape, environment variables,
 * exit status, SystemExit and KeyboardInterrupt handling), runs the module
 * as __main__, finalizes and returns the exit status. */
P2C_API int P2C_Main(int argc, char **argv, const P2C_MainInfo *info);

/* Builtin functions known by identity: len(), isinstance() inline. */
#include "pyc2c/builtins.h"

/* Generator expressions consumed in place by list(), sum(), ... */
#include "pyc2c/collect.h"

/* Inline fast paths of the compat layer (frame push and pop). */
#include "pyc2c/compat_late.h"

/* Whether callee (NULL: none) is a compiled function whose C body is
 * impl, and calling it now would enter that body with no event and no
 * error (no trace or profile hook, recursion depth left): then the inline
 * copy of the body a fused tree holds (src/cgen/numeric.c, "Calls
 * inlined") may run instead of the call. */
static inline int
P2C_InlinableCallee(PyObject *callee, vectorcallfunc impl)
{
    return callee != NULL && Py_IS_TYPE(callee, &P2C_Function_Type)
           && ((PyFunctionObject *)callee)->vectorcall == impl
           && P2C_Frame_PushWouldBeFast();
}

/* The truth of v when taking it runs no code: True, False, None, an exact
 * int below 2**60, an exact str, list, tuple or dict (1 or 0); -1 for
 * anything else, where `not`, `and` and `or` in the copy of a small
 * method inlined at a call site give up for the real call
 * (src/cgen/inline.c). */
static inline int
P2C_PureTruth(PyObject *v)
{
    long i;
    if (v == Py_True)
        return 1;
    if (v == Py_False || v == Py_None)
        return 0;
    if (PyUnicode_CheckExact(v))
        return PyUnicode_GET_LENGTH(v) != 0;
    if (PyList_CheckExact(v) || PyTuple_CheckExact(v))
        return Py_SIZE(v) != 0;
    if (PyDict_CheckExact(v))
        return PyDict_GET_SIZE(v) != 0;
    if (P2C_Int_Of(v, &i))
        return i != 0;
    return -1;
}

/* Whether f (NULL: none) is the math module's function `which`
 * (pyc2c/math_calls.def) and no hook would see its call: then a fused
 * tree computes the call itself. */
static inline int
P2C_Math_Callee(PyObject *f, int which)
{
    if (f == NULL || !PyCFunction_CheckExact(f) || P2C_Tracing())
        return 0;
    const PyMethodDef *ml = ((PyCFunctionObject *)f)->m_ml;
    return ml == P2C_MathDefs[which]
           || (P2C_MathDefs[which] == NULL && P2C_Math_Learn(f, which));
}

/* NAME_OutOfLine: NAME's operation, out of line, for the C of huge
 * functions (pyc2c/out_of_line.def, runtime/outofline.c). */
#define P2C_OUT_OF_LINE(type, name, params, args) P2C_API type name##_OutOfLine params;
#include "pyc2c/out_of_line.def"
#undef P2C_OUT_OF_LINE

#endif
