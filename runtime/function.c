/* function.c — the compiled function type, P2C_Function_Type.
 *
 * A compiled function is a real PyFunctionObject (same layout, same getters
 * and setters: __name__, __qualname__, __module__, __defaults__, __code__,
 * __dict__ ...) whose type is a C subtype of PyFunction_Type and whose
 * vectorcall is the generated C entry point.  Why a subtype: CPython 3.11's
 * CALL instruction pushes an interpreter frame itself for any callable whose
 * type is exactly PyFunction_Type, ignoring its vectorcall (ceval.c, CALL), so
 * an exact function would run its stub code.  The subtype keeps
 * isinstance(f, types.FunctionType), inspect.signature and functools.wraps
 * working.  docs/runtime.md has the whole rationale and its limits.
 */
#include "internal.h"
#include <opcode.h>          /* a stub's last opcodes (is_stub) */

/* __reduce__: the qualified name, so pickle and copy treat a compiled function
 * as a global found by name, exactly as they do plain functions. */
static PyObject *
function_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((PyFunctionObject *)self)->func_qualname);
}

static PyMethodDef function_methods[] = {
    {"__reduce__", function_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

/* Which C entry point runs each stub code object, filled by
 * P2C_Function_New: an open-addressing table keyed by the code object's
 * address (stub code objects live as long as the process, in the constant
 * tables), so that creating a function costs no allocation once its code is
 * known.  Guarded by the GIL. */
typedef struct {
    PyObject *code;
    vectorcallfunc impl;
} ImplEntry;

static ImplEntry *impls;
static size_t nimpls, capimpls;    /* capimpls: 0 or a power of two */

static ImplEntry *
impl_slot(ImplEntry *table, size_t cap, PyObject *code)
{
    size_t i = ((uintptr_t)code >> 4) & (cap - 1);
    while (table[i].code != NULL && table[i].code != code)
        i = (i + 1) & (cap - 1);
    return &table[i];
}

/* internal.h: the registry of this copy (the shared runtime's when this
 * copy published it). */
int
P2C_Function_RegisterImplLocal(PyObject *code, vectorcallfunc impl)
{
    if (capimpls && impl_slot(impls, capimpls, code)->code == code)
        return 0;
    if (2 * (nimpls + 1) > capimpls) {
        size_t cap = capimpls ? 2 * capimpls : 64;
        ImplEntry *t = PyMem_Calloc(cap, sizeof *t);
        if (t == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (size_t i = 0; i < capimpls; i++)
            if (impls[i].code != NULL)
                *impl_slot(t, cap, impls[i].code) = impls[i];
        PyMem_Free(impls);
        impls = t;
        capimpls = cap;
    }
    ImplEntry *e = impl_slot(impls, capimpls, code);
    e->code = code;
    e->impl = impl;
    nimpls++;
    return 0;
}

/* The entry point of a compiled function whose __code__ was replaced by a
 * real code object: the interpreter runs it.  Generated call sites may give
 * it their arguments (P2C_VECTORCALL_ARGS_GIVEN, as to every compiled
 * function); the interpreter's vectorcall only borrows them, so they are
 * released after it returns. */
static PyObject *
interpreted_body(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *res = P2C_InterpreterVectorcall()(func, args,
                                                nargsf & ~P2C_VECTORCALL_ARGS_GIVEN, kwnames);
    P2C_ReleaseGivenArgs(args, nargsf, kwnames);
    return res;
}

/* The entry point for code: a compiled function's, else the interpreter's
 * (a real code object). */
static vectorcallfunc
impl_for(PyObject *code)
{
    ImplEntry *e = capimpls ? impl_slot(impls, capimpls, code) : NULL;
    return e && e->code == code ? e->impl : P2C_InterpreterVectorcall();
}

/* internal.h */
vectorcallfunc
P2C_Function_ImplOfStub(PyObject *code)
{
    vectorcallfunc impl = impl_for(code);
    return impl == P2C_InterpreterVectorcall() ? NULL : impl;
}

static PyObject *
function_get_code(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(((PyFunctionObject *)self)->func_code);
}

/* Whether code is old (a compiled function's code) with CO_ITERABLE_COROUTINE
 * added: what types.coroutine assigns to a generator function
 * (`func.__code__ = co.replace(co_flags=co.co_flags | 0x100)`).  The
 * compiled body then still runs it; its generators read the flag from
 * their code (awaitable, and `yield from` a coroutine allowed).  -1 with an
 * exception. */
static int
is_iterable_coroutine_of(PyObject *code, PyObject *old)
{
    if (!PyCode_Check(code) || !PyCode_Check(old) ||
        (((PyCodeObject *)code)->co_flags ^ ((PyCodeObject *)old)->co_flags)
            != CO_ITERABLE_COROUTINE ||
        !(((PyCodeObject *)old)->co_flags & CO_GENERATOR))
        return 0;
    PyObject *replace = PyObject_GetAttrString(old, "replace");
    if (replace == NULL)
        return -1;
    PyObject *kw = Py_BuildValue("{si}", "co_flags", ((PyCodeObject *)code)->co_flags);
    PyObject *flagged = kw ? PyObject_VectorcallDict(replace, NULL, 0, kw) : NULL;
    Py_DECREF(replace);
    Py_XDECREF(kw);
    if (flagged == NULL)
        return -1;
    int same = PyObject_RichCompareBool(flagged, code, Py_EQ);
    Py_DECREF(flagged);
    return same;
}

/* The data descriptor name of type's own dict (borrowed), or NULL with
 * SystemError: the base's setter a subtype's setter runs first. */
static PyObject *
base_setter(PyTypeObject *type, const char *name)
{
    PyObject *descr = PyDict_GetItemString(P2C_Type_Dict(type), name);
    if (descr == NULL || Py_TYPE(descr)->tp_descr_set == NULL) {
        PyErr_Format(PyExc_SystemError, "%s.%s has no setter", type->tp_name, name);
        return NULL;
    }
    return descr;
}

/* f.__code__ = code: the function type's own setter (its checks, message and
 * audit event), then the entry point that runs code, so that assigning
 * another compiled function's code (or a real one) calls what it names. */
static int
function_set_code(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    PyObject *descr = base_setter(&PyFunction_Type, "__code__");
    if (descr == NULL)
        return -1;
    PyFunctionObject *fn = (PyFunctionObject *)self;
    vectorcallfunc impl = impl_for(value);
    PyObject *old = Py_NewRef(fn->func_code);
    if (impl == P2C_InterpreterVectorcall() && impl_for(old) != impl) {
        int flagged = is_iterable_coroutine_of(value, old);
        if (flagged < 0 ||
            (flagged && P2C_Shared_RegisterImpl(value, impl = impl_for(old)) < 0)) {
            Py_DECREF(old);
            return -1;
        }
        /* The registry goes by address: the code it now names must live
         * as long as it, or another code made at that address later would
         * run this body (one code kept per types.coroutine applied). */
        if (flagged)
            Py_INCREF(value);
    }
    Py_DECREF(old);
    if (Py_TYPE(descr)->tp_descr_set(descr, self, value) < 0)
        return -1;
    fn->vectorcall = impl == P2C_InterpreterVectorcall() ? interpreted_body : impl;
    return 0;
}

/* f.__class__ is types.FunctionType, as for the functions it compiles:
 * code that tests `f.__class__ is FunctionType` before working on
 * f.__code__ (types.coroutine, which then makes a generator function an
 * iterable coroutine) treats a compiled function as it would the source's.
 * type(f) is still the compiled type; assigning __class__ fails as for any
 * function (object's setter). */
static PyObject *
function_get_class(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    return Py_NewRef((PyObject *)&PyFunction_Type);
}

static int
function_set_class(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    PyObject *descr = base_setter(&PyBaseObject_Type, "__class__");
    return descr ? Py_TYPE(descr)->tp_descr_set(descr, self, value) : -1;
}

/* type(f)(code, globals, ...): the function type's constructor (its
 * checks, defaults and closure handling), then, for the code of a compiled
 * function, the compiled type and entry point — so that a function rebuilt
 * from a compiled one's __code__ runs the compiled body, with the globals
 * it was given, not the stub. */
static PyObject *
function_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwargs)
{
    PyObject *func = PyFunction_Type.tp_new(&PyFunction_Type, args, kwargs);
    if (func == NULL)
        return NULL;
    vectorcallfunc impl = impl_for(((PyFunctionObject *)func)->func_code);
    if (impl != P2C_InterpreterVectorcall()) {
        ((PyFunctionObject *)func)->vectorcall = impl;
        Py_SET_TYPE(func, &P2C_Function_Type);
    }
    return func;
}

static PyGetSetDef function_getset[] = {
    {"__code__", function_get_code, function_set_code, NULL, NULL},
    {"__class__", function_get_class, function_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* Slots that must equal PyFunction_Type's (layout, GC, descriptor binding)
 * are copied from it at first use, in P2C_ReadySubtype(). */
static PyTypeObject function_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",   /* type(f) prints <class 'function'> */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_call = PyVectorcall_Call,
    .tp_methods = function_methods,
    .tp_getset = function_getset,
    .tp_new = function_new,
    .tp_base = &PyFunction_Type,
};

PyTypeObject *P2C_FunctionTypeRef = &function_type;

/* Readies t, a static C subtype of t->tp_base that must behave as its base
 * (P2C_Function_Type, P2C_Generator_Type), once: layout, GC, deallocation,
 * repr, binding, iteration and the weakref and dict offsets are the base's.
 * 0, or -1 with an exception set. */
int
P2C_ReadySubtype(PyTypeObject *t)
{
    PyTypeObject *b = t->tp_base;
    if (t->tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (t->tp_basicsize < b->tp_basicsize)   /* 3.10's generators ask for more */
        t->tp_basicsize = b->tp_basicsize;
    t->tp_itemsize = b->tp_itemsize;
    t->tp_dealloc = b->tp_dealloc;
    t->tp_traverse = b->tp_traverse;
    t->tp_clear = b->tp_clear;
    t->tp_repr = b->tp_repr;
    t->tp_descr_get = b->tp_descr_get;
    t->tp_iter = b->tp_iter;
    t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    t->tp_dictoffset = b->tp_dictoffset;
    t->tp_weaklistoffset = b->tp_weaklistoffset;
    t->tp_doc = b->tp_doc;   /* type(f).__doc__ as for functions */
    if (PyType_Ready(t) < 0)
        return -1;
    /* PyType_Ready put __doc__ (a str) in our dict; it would hide the base's
     * __doc__ member, so every f.__doc__ would read the type's doc. */
    if (PyDict_DelItemString(P2C_Type_Dict(t), "__doc__") < 0)
        return -1;
    PyType_Modified(t);
    return 0;
}

/* Sets defaults, kw-only defaults and closure of a fresh function through the
 * public setters, which accept only an exact PyFunction_Type (so this runs
 * before the type changes).  0 or -1. */
static int
set_function_parts(PyObject *func, PyObject *defaults, PyObject *kwdefaults,
                   PyObject *closure)
{
    if (defaults != NULL && PyFunction_SetDefaults(func, defaults) < 0)
        return -1;
    if (kwdefaults != NULL && PyFunction_SetKwDefaults(func, kwdefaults) < 0)
        return -1;
    if (closure != NULL && PyFunction_SetClosure(func, closure) < 0)
        return -1;
    return 0;
}

/* The entry point of a stub without a body (src/cgen/codeobj.c): a
 * comprehension pyc2c compiled inline, so no function of its own runs it. */
static PyObject *
bodiless_body(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyErr_Format(PyExc_SystemError,
                 "pyc2c: %U was compiled inline into its parent: its code object has no "
                 "body of its own to run", P2C_Code_QualName((PyCodeObject *)
                                                            ((PyFunctionObject *)func)->func_code));
    P2C_ReleaseGivenArgs(args, nargsf, kwnames);
    return NULL;
}

/* Whether code is a stub (src/cgen/codeobj.c): it ends with
 * LOAD_ASSERTION_ERROR, RAISE_VARARGS 1, NOP, NOP, which no code CPython
 * compiles ends with. */
static int
is_stub(PyObject *code)
{
    PyObject *bytes = PyCode_Check(code) ? PyObject_GetAttrString(code, "co_code") : NULL;
    if (bytes == NULL || !PyBytes_Check(bytes)) {
        Py_XDECREF(bytes);
        PyErr_Clear();
        return 0;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(bytes);
    const unsigned char *op = (const unsigned char *)PyBytes_AS_STRING(bytes);
    int stub = n >= 8 && op[n - 8] == LOAD_ASSERTION_ERROR && op[n - 6] == RAISE_VARARGS &&
               op[n - 4] == NOP && op[n - 2] == NOP;
    Py_DECREF(bytes);
    return stub;
}

/* Registers the stubs among code's co_consts that have no entry point yet
 * (bodiless ones), and theirs in turn. */
static int
register_bodiless(PyObject *code)
{
    PyObject *consts = ((PyCodeObject *)code)->co_consts;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(consts, i);
        if (!PyCode_Check(c) || impl_for(c) != P2C_InterpreterVectorcall() || !is_stub(c))
            continue;
        if (P2C_Shared_RegisterImpl(c, bodiless_body) < 0 || register_bodiless(c) < 0)
            return -1;
    }
    return 0;
}

/* runtime.h */
int
P2C_Function_RegisterStubs(PyObject *const *codes, const vectorcallfunc *impls, int n)
{
    for (int i = 0; i < n; i++)
        if (impls[i] != NULL && P2C_Shared_RegisterImpl(codes[i], impls[i]) < 0)
            return -1;
    for (int i = 0; i < n; i++)
        if (PyCode_Check(codes[i]) && register_bodiless(codes[i]) < 0)
            return -1;
    return 0;
}

/* See internal.h. */
int
P2C_Function_ReadyType(void)
{
    if (function_type.tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (P2C_ReadySubtype(&function_type) < 0)
        return -1;
    return P2C_ReplaceFunctionCheckingMethods();
}

/* new: see runtime.h.  __name__/__qualname__ come from the stub code's
 * co_name/co_qualname (P2C_Code_QualName), __module__ from globals["__name__"], __doc__ from
 * co_consts[0] when it is a str (PyFunction_New's rules). */
PyObject *
P2C_Function_New(vectorcallfunc impl, PyObject *code, PyObject *globals,
                 PyObject *defaults, PyObject *kwdefaults, PyObject *closure)
{
    if (P2C_Runtime_Ready(NULL) < 0)
        return NULL;
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_SystemError, "P2C_Function_New: code expected");
        return NULL;
    }
    PyObject *func = PyFunction_NewWithQualName(
        code, globals, P2C_Code_QualName((PyCodeObject *)code));
    if (func == NULL)
        return NULL;
    if (set_function_parts(func, defaults, kwdefaults, closure) < 0 ||
        P2C_Shared_RegisterImpl(code, impl) < 0) {
        Py_DECREF(func);
        return NULL;
    }
    ((PyFunctionObject *)func)->vectorcall = impl;
    /* Static type: no reference to take.  The object is GC-tracked already;
     * traverse and clear are PyFunction_Type's, so the change is safe. */
    Py_SET_TYPE(func, &P2C_Function_Type);
    return func;
}
