/* typeparams.c — the objects of PEP 695 (3.12): TypeVar, ParamSpec,
 * TypeVarTuple, Generic[...] of a generic class, TypeAliasType, and a
 * function's __type_params__, made exactly as CPython's compiler makes them:
 * by the interpreter's "intrinsic" functions (CALL_INTRINSIC_1/2,
 * Include/internal/pycore_intrinsics.h).
 *
 * Why the intrinsics and not typing.TypeVar(name, bound=...): the Python
 * constructors evaluate a bound, constraints or an alias's value at once,
 * where the syntax evaluates them lazily (T.__bound__ calls the evaluate
 * function the first time); only the intrinsics take an evaluate function.
 *
 * How they are reached (docs/versions.md, "PEP 695"):
 *   3.13  libpython exports the tables _PyIntrinsics_UnaryFunctions and
 *         _PyIntrinsics_BinaryFunctions: a direct call.
 *   3.12  the tables are static.  A tiny code object is built once per
 *         intrinsic whose bytecode is the intrinsic applied to its
 *         arguments (RESUME; LOAD_FAST 0 [; LOAD_FAST 1]; CALL_INTRINSIC_n k;
 *         RETURN_VALUE), with the opcode numbers of the target's opcode.h,
 *         and called as a plain function.  It is a real frame while it
 *         runs, seen only by a tracer or profiler (a 'call' event of
 *         "<intrinsic>"); these intrinsics fail only on memory errors.
 *   3.10, 3.11  the syntax does not exist; the helpers raise SystemError.
 *
 * Each helper returns a new reference, or NULL with an exception set; the
 * arguments are borrowed.
 */
#include "internal.h"

#if P2C_PY_MINOR >= 12
#  ifndef Py_BUILD_CORE
#    define Py_BUILD_CORE 1
#    define P2C_UNDEF_BUILD_CORE
#  endif
#  include <internal/pycore_intrinsics.h>
#  ifdef P2C_UNDEF_BUILD_CORE
#    undef Py_BUILD_CORE
#    undef P2C_UNDEF_BUILD_CORE
#  endif
#  include "compat/typealias312.h"
#endif

#if P2C_PY_MINOR >= 13

static PyObject *intrinsic1(int which, PyObject *a)
{
    return _PyIntrinsics_UnaryFunctions[which].func(PyThreadState_Get(), a);
}

static PyObject *intrinsic2(int which, PyObject *a, PyObject *b)
{
    return _PyIntrinsics_BinaryFunctions[which].func(PyThreadState_Get(), a, b);
}

#elif P2C_PY_MINOR == 12

#include <opcode.h>

/* The bytecode "return intrinsic(args...)" of `nargs` arguments as a code
 * object of the target's format (3.12: 2-byte units, no caches after these
 * instructions). */
static PyCodeObject *intrinsic_code(int nargs, int which)
{
    unsigned char units[] = {
        RESUME, 0, LOAD_FAST, 0, LOAD_FAST, 1,
        nargs == 1 ? CALL_INTRINSIC_1 : CALL_INTRINSIC_2, (unsigned char)which,
        RETURN_VALUE, 0,
    };
    PyObject *bytes, *empty, *none, *vars, *name, *consts;
    PyCodeObject *code = NULL;
    if (nargs == 1)   /* drop the second LOAD_FAST */
        memmove(units + 4, units + 6, sizeof units - 6);
    bytes = PyBytes_FromStringAndSize((const char *)units,
                                      (Py_ssize_t)sizeof units - (nargs == 1 ? 2 : 0));
    empty = PyBytes_FromStringAndSize(NULL, 0);
    none = PyTuple_New(0);
    vars = Py_BuildValue(nargs == 1 ? "(s)" : "(ss)", "a", "b");
    name = PyUnicode_FromString("<intrinsic>");
    consts = PyTuple_Pack(1, Py_None);
    if (bytes && empty && none && vars && name && consts)
        code = PyUnstable_Code_New(nargs, 0, nargs, nargs, CO_OPTIMIZED | CO_NEWLOCALS,
                                   bytes, consts, none, vars, none, none,
                                   name, name, name, 1, empty, empty);
    Py_XDECREF(bytes);
    Py_XDECREF(empty);
    Py_XDECREF(none);
    Py_XDECREF(vars);
    Py_XDECREF(name);
    Py_XDECREF(consts);
    return code;
}

/* The function running intrinsic `which` of `nargs` arguments, made on
 * first use and kept for the process (borrowed). */
static PyObject *intrinsic_function(int nargs, int which)
{
    static PyObject *made[2][16];
    PyObject **slot = &made[nargs - 1][which & 15];
    if (*slot)
        return *slot;
    PyObject *globals = PyDict_New();
    PyCodeObject *code = intrinsic_code(nargs, which);
    if (globals && code && PyDict_SetItemString(globals, "__builtins__",
                                                PyEval_GetBuiltins()) == 0)
        *slot = PyFunction_New((PyObject *)code, globals);
    Py_XDECREF(globals);
    Py_XDECREF(code);
    return *slot;
}

static PyObject *intrinsic1(int which, PyObject *a)
{
    PyObject *f = intrinsic_function(1, which);
    return f ? PyObject_CallOneArg(f, a) : NULL;
}

static PyObject *intrinsic2(int which, PyObject *a, PyObject *b)
{
    PyObject *f = intrinsic_function(2, which);
    PyObject *args[2] = {a, b};
    return f ? PyObject_Vectorcall(f, args, 2, NULL) : NULL;
}

#else

#define INTRINSIC_TYPEVAR 0
#define INTRINSIC_PARAMSPEC 0
#define INTRINSIC_TYPEVARTUPLE 0
#define INTRINSIC_SUBSCRIPT_GENERIC 0
#define INTRINSIC_TYPEALIAS 0
#define INTRINSIC_TYPEVAR_WITH_BOUND 0
#define INTRINSIC_TYPEVAR_WITH_CONSTRAINTS 0
#define INTRINSIC_SET_FUNCTION_TYPE_PARAMS 0

static PyObject *no_type_params(void)
{
    PyErr_SetString(PyExc_SystemError, "type parameters need Python 3.12");
    return NULL;
}

static PyObject *intrinsic1(int which, PyObject *a)
{
    (void)which, (void)a;
    return no_type_params();
}

static PyObject *intrinsic2(int which, PyObject *a, PyObject *b)
{
    (void)which, (void)a, (void)b;
    return no_type_params();
}

#endif

/* def f[T]: ... -- TypeVar named `name`, no bound. */
PyObject *P2C_TypeVar(PyObject *name)
{
    return intrinsic1(INTRINSIC_TYPEVAR, name);
}

/* [T: bound]: `evaluate` computes the bound when T.__bound__ is first read. */
PyObject *P2C_TypeVarWithBound(PyObject *name, PyObject *evaluate)
{
    return intrinsic2(INTRINSIC_TYPEVAR_WITH_BOUND, name, evaluate);
}

/* [T: (c1, c2)]: `evaluate` computes the constraints tuple lazily. */
PyObject *P2C_TypeVarWithConstraints(PyObject *name, PyObject *evaluate)
{
    return intrinsic2(INTRINSIC_TYPEVAR_WITH_CONSTRAINTS, name, evaluate);
}

PyObject *P2C_ParamSpec(PyObject *name)
{
    return intrinsic1(INTRINSIC_PARAMSPEC, name);
}

PyObject *P2C_TypeVarTuple(PyObject *name)
{
    return intrinsic1(INTRINSIC_TYPEVARTUPLE, name);
}

/* class C[T, *Ts]: the implicit base Generic[T, *Ts] (params a tuple). */
PyObject *P2C_SubscriptGeneric(PyObject *params)
{
    return intrinsic1(INTRINSIC_SUBSCRIPT_GENERIC, params);
}

/* type A[T] = v: TypeAliasType(name, type_params (a tuple, or None for
 * none), compute_value (v's lazy function)). */
PyObject *P2C_TypeAlias(PyObject *name, PyObject *params, PyObject *compute)
{
    PyObject *args = PyTuple_Pack(3, name, params, compute);
    if (!args)
        return NULL;
    PyObject *alias = intrinsic1(INTRINSIC_TYPEALIAS, args);
    Py_DECREF(args);
#if P2C_PY_MINOR >= 12
    if (alias)
        P2C_TypeAlias_FixModule(alias, compute);
#endif
    return alias;
}

/* def f[T]: f.__type_params__ = params; yields f. */
PyObject *P2C_SetFunctionTypeParams(PyObject *func, PyObject *params)
{
    return intrinsic2(INTRINSIC_SET_FUNCTION_TYPE_PARAMS, func, params);
}
