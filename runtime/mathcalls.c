/* mathcalls.c — the math module's functions as fused arithmetic computes
 * them (pyc2c/math_calls.def, src/cgen/numeric.c).
 *
 * Each P2C_Math_<Name>(x, &r) is math.<name>(x) where CPython's
 * mathmodule.c (math_1) returns a float without an error: the same libm
 * function on the same double.  Elsewhere it answers 0 and the generic code
 * makes the real call.  Out of line on purpose: a call with a constant
 * argument inlined into generated code could be folded by the C compiler,
 * which rounds sin(2.0) its own way, not libm's.
 */
#include <math.h>
#include "internal.h"

const PyMethodDef *P2C_MathDefs[P2C_MATH_COUNT];

static const char *const math_names[P2C_MATH_COUNT] = {
#define P2C_MATH_CALL(id, name, fn) name,
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL
};

/* f is a function of the math module named as `which` says (m_self: a
 * module whose definition is the one named "math", the method an entry of
 * that name — METH_O, or METH_VARARGS for log with its optional base): its
 * definition is remembered for the inline test.  Reads C structures only,
 * runs no Python code. */
int
P2C_Math_Learn(PyObject *f, int which)
{
    PyCFunctionObject *cf = (PyCFunctionObject *)f;
    PyObject *mod = cf->m_self;
    if (mod == NULL || !PyModule_Check(mod)
        || strcmp(cf->m_ml->ml_name, math_names[which]) != 0)
        return 0;
    PyModuleDef *def = PyModule_GetDef(mod);
    if (def == NULL || def->m_name == NULL || strcmp(def->m_name, "math") != 0)
        return 0;
    P2C_MathDefs[which] = cf->m_ml;
    return 1;
}

int
P2C_Math_Sqrt(double x, double *r)
{
    if (!isfinite(x) || x < 0.0)
        return 0;
    *r = sqrt(x);
    return 1;
}

/* A function that is defined, and finite, on every finite argument. */
#define P2C_MATH_ON_FINITE(Name, fn)                                       \
    int                                                                    \
    P2C_Math_##Name(double x, double *r)                                   \
    {                                                                      \
        if (!isfinite(x))                                                  \
            return 0;                                                      \
        *r = fn(x);                                                        \
        return 1;                                                          \
    }

P2C_MATH_ON_FINITE(Sin, sin)
P2C_MATH_ON_FINITE(Cos, cos)
P2C_MATH_ON_FINITE(Atan, atan)

/* An overflow to inf is CPython's OverflowError; an underflow is no
 * error there. */
int
P2C_Math_Exp(double x, double *r)
{
    if (!isfinite(x))
        return 0;
    double v = exp(x);
    if (!isfinite(v))
        return 0;
    *r = v;
    return 1;
}

int
P2C_Math_Log(double x, double *r)
{
    if (!isfinite(x) || x <= 0.0)
        return 0;
    *r = log(x);
    return 1;
}
