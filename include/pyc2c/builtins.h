/* builtins.h — builtin functions known by identity (runtime/builtins.c):
 * the calls of builtin_calls.def made inline, and the test the consumers
 * of collect.h use.
 *
 * A builtin function is recognised by its PyMethodDef: the builtins
 * module's definitions are static data of libpython, the same in every
 * interpreter, and no function object the program makes can point at
 * them, whatever name it is bound to.
 */
#ifndef PYC2C_BUILTINS_H
#define PYC2C_BUILTINS_H

enum {
#define P2C_BUILTIN_CALL(id, name, nargs) P2C_BUILTIN_##id,
#include "pyc2c/builtin_calls.def"
#undef P2C_BUILTIN_CALL
    P2C_BUILTIN_COUNT
};

/* The builtins module's definition of the function called name, or NULL
 * (none, or the module cannot be found: then nothing is inlined). */
P2C_API const PyMethodDef *P2C_Builtins_FindDef(const char *name);

/* P2C_BUILTIN_* -> its definition; all NULL until P2C_Builtins_Find. */
P2C_API extern const PyMethodDef *P2C_BuiltinDefs[P2C_BUILTIN_COUNT];

/* Whether callee is builtin `which`, and no hook is set. */
P2C_ALWAYS_INLINE int
P2C_IsBuiltinCall(PyObject *callee, int which)
{
    return PyCFunction_CheckExact(callee) &&
           ((PyCFunctionObject *)callee)->m_ml == P2C_BuiltinDefs[which] && !P2C_Tracing();
}

/* The ordinary call callee(args[0..nargs)), after filling P2C_BuiltinDefs
 * the first time (the inline test fails until then). */
P2C_API PyObject *P2C_CallBuiltinSlow(PyObject *callee, PyObject *const *args, int nargs);

/* len(obj) */
static inline PyObject *
P2C_Call_len(PyObject *callee, PyObject *obj)
{
    if (P2C_IsBuiltinCall(callee, P2C_BUILTIN_LEN)) {
        Py_ssize_t n = PyObject_Length(obj);
        return n < 0 ? NULL : P2C_Long_FromLong((long)n);
    }
    return P2C_CallBuiltinSlow(callee, &obj, 1);
}

/* isinstance(obj, cls) */
static inline PyObject *
P2C_Call_isinstance(PyObject *callee, PyObject *obj, PyObject *cls)
{
    if (P2C_IsBuiltinCall(callee, P2C_BUILTIN_ISINSTANCE)) {
        int r = Py_IS_TYPE(obj, (PyTypeObject *)cls) ? 1 : PyObject_IsInstance(obj, cls);
        return r < 0 ? NULL : Py_NewRef(r ? Py_True : Py_False);
    }
    PyObject *args[2] = {obj, cls};
    return P2C_CallBuiltinSlow(callee, args, 2);
}

/* abs(x) */
static inline PyObject *
P2C_Call_abs(PyObject *callee, PyObject *x)
{
    if (P2C_IsBuiltinCall(callee, P2C_BUILTIN_ABS))
        return PyNumber_Absolute(x);
    return P2C_CallBuiltinSlow(callee, &x, 1);
}

/* min(a, b) and max(a, b), as builtin min_max walks its two arguments: b
 * replaces a when `b < a` (min) or `b > a` (max) is true. */
static inline PyObject *
p2c_min_max2(PyObject *callee, int which, int op, PyObject *a, PyObject *b)
{
    if (P2C_IsBuiltinCall(callee, which)) {
        int cmp = PyObject_RichCompareBool(b, a, op);
        return cmp < 0 ? NULL : Py_NewRef(cmp > 0 ? b : a);
    }
    PyObject *args[2] = {a, b};
    return P2C_CallBuiltinSlow(callee, args, 2);
}

static inline PyObject *
P2C_Call_min(PyObject *callee, PyObject *a, PyObject *b)
{
    return p2c_min_max2(callee, P2C_BUILTIN_MIN, Py_LT, a, b);
}

static inline PyObject *
P2C_Call_max(PyObject *callee, PyObject *a, PyObject *b)
{
    return p2c_min_max2(callee, P2C_BUILTIN_MAX, Py_GT, a, b);
}

/* ord(c) for a str of one character; everything else (bytes, errors) the
 * builtin's own way. */
static inline PyObject *
P2C_Call_ord(PyObject *callee, PyObject *c)
{
    if (PyUnicode_CheckExact(c) && PyUnicode_GET_LENGTH(c) == 1 &&
        P2C_IsBuiltinCall(callee, P2C_BUILTIN_ORD))
        return P2C_Long_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    return P2C_CallBuiltinSlow(callee, &c, 1);
}

/* chr(i) for an int in range; everything else (and its errors) the
 * builtin's own way. */
static inline PyObject *
P2C_Call_chr(PyObject *callee, PyObject *i)
{
    if (PyLong_CheckExact(i) && P2C_IsBuiltinCall(callee, P2C_BUILTIN_CHR)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(i, &overflow);
        if (!overflow && v >= 0 && v <= 0x10ffff)
            return PyUnicode_FromOrdinal((int)v);
    }
    return P2C_CallBuiltinSlow(callee, &i, 1);
}

#endif
