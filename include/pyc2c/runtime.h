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
#include "pyc2c/compat.h"   /* P2C_Frame layout for the target Python */

#if defined(__GNUC__)
#  define P2C_API __attribute__((visibility("hidden")))
#  define P2C_LIKELY(x) __builtin_expect(!!(x), 1)
#  define P2C_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#  define P2C_API
#  define P2C_LIKELY(x) (x)
#  define P2C_UNLIKELY(x) (x)
#endif

/* ---- constants ---------------------------------------------------------- */

/* Unmarshals blob (a marshalled tuple of n objects) into table[0..n), new
 * references kept for the life of the process.  Idempotent: returns 0 at
 * once when table[0] is already set. */
P2C_API int P2C_LoadConstants(const unsigned char *blob, Py_ssize_t size,
                              PyObject **table, Py_ssize_t n);

/* ---- compiled functions -------------------------------------------------- */

/* The type of compiled functions: a C subtype of PyFunction_Type (so
 * isinstance(f, types.FunctionType), inspect, functools.wraps see a function)
 * whose vectorcall is the generated C entry point.  docs/runtime.md. */
P2C_API extern PyTypeObject P2C_Function_Type;

/* new: a compiled function running impl, with code's name, qualname and
 * signature, globals, and defaults (tuple or NULL), kwdefaults (dict or
 * NULL), closure (tuple of cells or NULL). */
P2C_API PyObject *P2C_Function_New(vectorcallfunc impl, PyObject *code,
                                   PyObject *globals, PyObject *defaults,
                                   PyObject *kwdefaults, PyObject *closure);

/* Binds a vectorcall's arguments to the slots of func's frame exactly as
 * CPython's initialize_locals does (positional, keywords, defaults, kw-only
 * defaults, *args, **kwargs) with CPython's error messages.  slots[0..n) must
 * be NULL on entry; on success they hold new references (parameters) or NULL.
 * On failure they are all NULL again. */
P2C_API int P2C_Function_BindArgs(PyObject *func, PyObject *const *args,
                                  size_t nargsf, PyObject *kwnames,
                                  PyObject **slots);

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

/* Links f as the running frame of a call of func (a P2C_Function): code,
 * globals and builtins come from func.  Slots must already hold the bound
 * arguments (P2C_Function_BindArgs).  Enters a recursion level: -1 with
 * RecursionError (slots then released). */
P2C_API int P2C_Frame_PushFunction(P2C_Frame *f, PyObject *func, int nslots);

/* Links f as the frame of module code (a "<module>" code object) running with
 * globals as both globals and locals. */
P2C_API int P2C_Frame_PushModule(P2C_Frame *f, PyObject *code, PyObject *globals);

/* Unlinks f and releases its slots (or hands them to an escaped frame
 * object).  Every successful Push is paired with exactly one Pop. */
P2C_API void P2C_Frame_Pop(P2C_Frame *f);

/* Adds a traceback entry for f at its current site to the exception being
 * raised (what CPython does when an exception leaves an instruction). */
P2C_API void P2C_Frame_AddTraceback(P2C_Frame *f);

/* The site of a frame is the index of the code unit, in the stub code object,
 * whose position (line, end line, columns) describes the operation running:
 * P2C_Frame_SetSite(f, k) before each operation that may raise or may look
 * at frames.  Site 0 is the RESUME of the stub, the def line. */

/* ---- names ---------------------------------------------------------------- */

/* LOAD_GLOBAL: globals, then builtins; NameError "name 'x' is not defined". */
P2C_API PyObject *P2C_LoadGlobal(PyObject *globals, PyObject *builtins, PyObject *name);
/* DELETE_GLOBAL: NameError when absent. */
P2C_API int P2C_DelGlobal(PyObject *globals, PyObject *name);
/* Sets UnboundLocalError "cannot access local variable 'x' where it is not
 * associated with a value"; always returns NULL. */
P2C_API PyObject *P2C_RaiseUnboundLocal(PyObject *name);

/* ---- operations ------------------------------------------------------------ */

/* BINARY_OP with CPython's semantics; op an IrBinOp (NB_* order). */
P2C_API PyObject *P2C_BinaryOp(int op, PyObject *left, PyObject *right);
P2C_API PyObject *P2C_InPlaceOp(int op, PyObject *left, PyObject *right);
/* UNARY_*: op an IrUnaryOp (NOT yields a bool). */
P2C_API PyObject *P2C_UnaryOp(int op, PyObject *operand);
/* COMPARE_OP / IS_OP / CONTAINS_OP: op an IrCmpOp. */
P2C_API PyObject *P2C_CompareOp(int op, PyObject *left, PyObject *right);
/* Truth value: 1, 0 or -1. */
static inline int P2C_IsTrue(PyObject *v)
{
    if (v == Py_True) return 1;
    if (v == Py_False || v == Py_None) return 0;
    return PyObject_IsTrue(v);
}

/* Call helpers.  args may be NULL when nargs == 0. */
static inline PyObject *P2C_Call(PyObject *callable, PyObject *const *args,
                                 size_t nargs, PyObject *kwnames)
{
    return PyObject_Vectorcall(callable, args, nargs, kwnames);
}
/* CALL_FUNCTION_EX: posargs a tuple, or for `f(*x)` x itself (checked with
 * "f() argument after * must be an iterable, not int"); kwargs a dict or NULL. */
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

/* FOR_ITER: 1 and *out a new reference; 0 when exhausted (StopIteration
 * from the iterator is swallowed as CPython does); -1 on error. */
P2C_API int P2C_IterNext(PyObject *iter, PyObject **out);

/* FORMAT_VALUE: conversion -1, 's', 'r' or 'a'; spec NULL or a str. */
P2C_API PyObject *P2C_FormatValue(PyObject *value, int conversion, PyObject *spec);
/* BUILD_STRING of n str parts. */
P2C_API PyObject *P2C_BuildString(PyObject *const *parts, Py_ssize_t n);

/* IMPORT_NAME through builtins.__import__ (fast path when not replaced). */
P2C_API PyObject *P2C_ImportName(P2C_Frame *f, PyObject *name, PyObject *fromlist,
                                 int level);
/* IMPORT_FROM with the sys.modules fallback and CPython's messages. */
P2C_API PyObject *P2C_ImportFrom(PyObject *module, PyObject *name);

/* RAISE_VARARGS: instantiates classes, checks BaseException, sets __cause__
 * (cause may be NULL for none, Py_None for `from None`).  Always returns -1. */
P2C_API int P2C_Raise(PyObject *exc, PyObject *cause);

/* ---- programs and modules ---------------------------------------------------- */

/* What an accelerated executable needs to run its __main__ module. */
typedef struct {
    int (*exec_main)(PyObject *module);  /* the module's exec function */
    const char *source_path;     /* absolute path of main.py: __file__, sys.path[0] */
    const char *python_exe;      /* the target interpreter: sys.executable */
} P2C_MainInfo;

/* main() of an accelerated executable: starts the interpreter the way
 * `python3 main.py` does (same sys.argv shape, environment variables,
 * exit status, SystemExit and KeyboardInterrupt handling), runs the module
 * as __main__, finalizes and returns the exit status. */
P2C_API int P2C_Main(int argc, char **argv, const P2C_MainInfo *info);

#endif
