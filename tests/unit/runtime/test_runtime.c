/* test_runtime.c — Check suite for the pyc2c runtime (runtime/, libpyc2crt.a).
 *
 * Embeds Python and builds, by hand, the kind of C the code generator emits:
 * compiled functions with a frame on the C stack (P2C_FRAME_STORAGE,
 * BindArgs, PushFunction, SetSite, AddTraceback on error, Pop) and a compiled
 * module body (PushModule).  Their stub code objects are the code objects of
 * the same source compiled by CPython, and their sites are the code units of
 * the instructions CPython would be running, so every observable behaviour —
 * error messages, tracebacks with ~~~^^^, frames seen by sys._getframe,
 * inspect.signature — can be compared with the interpreted functions.
 *
 * Most checks are Python snippets run in one namespace G; a snippet fails the
 * test by raising (its traceback is printed).
 */
#include "pyc2c/runtime.h"   /* Python.h first, as CPython requires */
#include "internal.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "pyc2c/compiler/ir.h"
#include <opcode.h>

/* ---- the runtime's operator numbers are the compiler's and CPython's ---- */

#define SAME(a, b) _Static_assert((int)(a) == (int)(b), #a " != " #b)
SAME(IR_BINOP_ADD, P2C_NB_ADD); SAME(IR_BINOP_BITAND, P2C_NB_AND);
SAME(IR_BINOP_FLOORDIV, P2C_NB_FLOOR_DIVIDE); SAME(IR_BINOP_LSHIFT, P2C_NB_LSHIFT);
SAME(IR_BINOP_MATMULT, P2C_NB_MATRIX_MULTIPLY); SAME(IR_BINOP_MULT, P2C_NB_MULTIPLY);
SAME(IR_BINOP_MOD, P2C_NB_REMAINDER); SAME(IR_BINOP_BITOR, P2C_NB_OR);
SAME(IR_BINOP_POW, P2C_NB_POWER); SAME(IR_BINOP_RSHIFT, P2C_NB_RSHIFT);
SAME(IR_BINOP_SUB, P2C_NB_SUBTRACT); SAME(IR_BINOP_DIV, P2C_NB_TRUE_DIVIDE);
SAME(IR_BINOP_BITXOR, P2C_NB_XOR); SAME(IR_BINOP_COUNT, P2C_NB_COUNT);
SAME(NB_ADD, P2C_NB_ADD); SAME(NB_AND, P2C_NB_AND);
SAME(NB_FLOOR_DIVIDE, P2C_NB_FLOOR_DIVIDE); SAME(NB_LSHIFT, P2C_NB_LSHIFT);
SAME(NB_MATRIX_MULTIPLY, P2C_NB_MATRIX_MULTIPLY); SAME(NB_MULTIPLY, P2C_NB_MULTIPLY);
SAME(NB_REMAINDER, P2C_NB_REMAINDER); SAME(NB_OR, P2C_NB_OR);
SAME(NB_POWER, P2C_NB_POWER); SAME(NB_RSHIFT, P2C_NB_RSHIFT);
SAME(NB_SUBTRACT, P2C_NB_SUBTRACT); SAME(NB_TRUE_DIVIDE, P2C_NB_TRUE_DIVIDE);
SAME(NB_XOR, P2C_NB_XOR);
SAME(IR_UNARY_INVERT, P2C_UNARY_INVERT); SAME(IR_UNARY_NOT, P2C_UNARY_NOT);
SAME(IR_UNARY_UADD, P2C_UNARY_POSITIVE); SAME(IR_UNARY_USUB, P2C_UNARY_NEGATIVE);
SAME(IR_UNARY_COUNT, P2C_UNARY_COUNT);
SAME(IR_CMP_LT, P2C_CMP_LT); SAME(IR_CMP_LTE, P2C_CMP_LE); SAME(IR_CMP_EQ, P2C_CMP_EQ);
SAME(IR_CMP_NOTEQ, P2C_CMP_NE); SAME(IR_CMP_GT, P2C_CMP_GT); SAME(IR_CMP_GTE, P2C_CMP_GE);
SAME(IR_CMP_IS, P2C_CMP_IS); SAME(IR_CMP_ISNOT, P2C_CMP_IS_NOT);
SAME(IR_CMP_IN, P2C_CMP_IN); SAME(IR_CMP_NOTIN, P2C_CMP_NOT_IN);
SAME(IR_CMP_COUNT, P2C_CMP_COUNT);

/* ---- the source whose code objects serve as stubs ------------------------ */

static const char SOURCE[] =
    "def add(a, b):\n"                                       /* 1 */
    "    \"Add two.\"\n"
    "    return a + b\n"
    "\n"
    "def call0(f, /, a=1, *args, k, k2=5, **kw):\n"          /* 5 */
    "    return f()\n"
    "\n"
    "def rec():\n"                                           /* 8 */
    "    return rec()\n"
    "\n"
    "def imp(name, fromlist, level):\n"                      /* 11 */
    "    return __import__(name, None, None, fromlist, level)\n"
    "\n"
    "VALUE2 = VALUE + 1\n";                                  /* 14 */

/* Python side of the set-up: writes SOURCE to a file (so tracebacks show its
 * lines), compiles it, and finds the code units of the sites. */
static const char SETUP[] =
    "import dis, os, sys, tempfile, types\n"
    "PATH = os.path.join(tempfile.mkdtemp(), 'p2c_rt_src.py')\n"
    "with open(PATH, 'w') as fp: fp.write(SOURCE)\n"
    "MODCODE = compile(SOURCE, PATH, 'exec')\n"
    "CODES = {c.co_name: c for c in MODCODE.co_consts if isinstance(c, types.CodeType)}\n"
    "def site(code, opname, argval=None):\n"
    "    return [i.offset // 2 for i in dis.get_instructions(code)\n"
    "            if i.opname == opname and (argval is None or i.argval == argval)][0]\n"
    "SITES = {'add': site(CODES['add'], 'BINARY_OP'),\n"
    "         'call0': site(CODES['call0'], 'CALL'),\n"
    "         'rec': site(CODES['rec'], 'CALL'),\n"
    "         'imp': site(CODES['imp'], 'CALL'),\n"
    "         'mod_load': site(MODCODE, 'LOAD_NAME', 'VALUE'),\n"
    "         'mod_add': site(MODCODE, 'BINARY_OP')}\n"
    "INTERP = {}\n"
    "exec(compile(SOURCE.replace('VALUE2 = VALUE + 1', ''), PATH, 'exec'), INTERP)\n";

static PyObject *G;           /* namespace of the Python snippets */
static PyObject *MOD;         /* module "p2ctest": globals of compiled code */
static PyObject *codes, *sites;

/* Code units of the sites, read from SITES once (generated code has them as
 * constants). */
static int site_add, site_call0, site_rec, site_imp, site_mod_load, site_mod_add;

static int
site_of(const char *name)
{
    return (int)PyLong_AsLong(PyDict_GetItemString(sites, name));
}

#define site(name) site_##name

static PyObject *
code(const char *name)
{
    return PyDict_GetItemString(codes, name);
}

/* ---- compiled functions, written as the code generator writes them ------- */

/* def add(a, b): return a + b */
static PyObject *
p2c_add(PyObject *p2c_func, PyObject *const *p2c_args, size_t p2c_nargsf,
        PyObject *p2c_kwnames)
{
    P2C_FRAME_STORAGE(p2c_fs, 2);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    PyObject *r = NULL, *x0 = NULL;
    if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames,
                              &P2C_SLOT(f, 0)) < 0)
        return NULL;
    if (P2C_Frame_PushFunction(f, p2c_func, 2) < 0)
        return NULL;
    P2C_Frame_SetSite(f, site(add));
    x0 = P2C_BinaryOp(0, P2C_SLOT(f, 0), P2C_SLOT(f, 1));
    if (x0 == NULL)
        goto error;
    r = x0;
    x0 = NULL;
    goto exit;
error:
    P2C_Frame_AddTraceback(f);
exit:
    Py_XDECREF(x0);
    P2C_Frame_Pop(f);
    return r;
}

/* def call0(f, /, a=1, *args, k, k2=5, **kw): return f() */
static PyObject *
p2c_call0(PyObject *p2c_func, PyObject *const *p2c_args, size_t p2c_nargsf,
          PyObject *p2c_kwnames)
{
    P2C_FRAME_STORAGE(p2c_fs, 6);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    PyObject *r = NULL;
    if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames,
                              &P2C_SLOT(f, 0)) < 0)
        return NULL;
    if (P2C_Frame_PushFunction(f, p2c_func, 6) < 0)
        return NULL;
    P2C_Frame_SetSite(f, site(call0));
    r = P2C_Call(P2C_SLOT(f, 0), NULL, 0, NULL);
    if (r == NULL)
        P2C_Frame_AddTraceback(f);
    P2C_Frame_Pop(f);
    return r;
}

/* def rec(): return rec() */
static PyObject *
p2c_rec(PyObject *p2c_func, PyObject *const *p2c_args, size_t p2c_nargsf,
        PyObject *p2c_kwnames)
{
    P2C_FRAME_STORAGE(p2c_fs, 0);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    PyObject *r = NULL, *x0 = NULL, *name = PyUnicode_InternFromString("rec");
    if (name == NULL)
        return NULL;
    if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames, NULL) < 0 ||
        P2C_Frame_PushFunction(f, p2c_func, 0) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    P2C_Frame_SetSite(f, site(rec));
    x0 = P2C_LoadGlobal(P2C_Frame_Globals(f), P2C_Frame_Builtins(f), name);
    if (x0 != NULL)
        r = P2C_Call(x0, NULL, 0, NULL);
    if (r == NULL)
        P2C_Frame_AddTraceback(f);
    Py_XDECREF(x0);
    Py_DECREF(name);
    P2C_Frame_Pop(f);
    return r;
}

/* def imp(name, fromlist, level): return __import__(...), through
 * P2C_ImportName (the IMPORT_NAME of `from <level dots><name> import ...`) */
static PyObject *
p2c_imp(PyObject *p2c_func, PyObject *const *p2c_args, size_t p2c_nargsf,
        PyObject *p2c_kwnames)
{
    P2C_FRAME_STORAGE(p2c_fs, 3);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    PyObject *r = NULL;
    if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames,
                              &P2C_SLOT(f, 0)) < 0)
        return NULL;
    if (P2C_Frame_PushFunction(f, p2c_func, 3) < 0)
        return NULL;
    P2C_Frame_SetSite(f, site(imp));
    int level = (int)PyLong_AsLong(P2C_SLOT(f, 2));
    if (!PyErr_Occurred())
        r = P2C_ImportName(f, P2C_SLOT(f, 0), P2C_SLOT(f, 1), level);
    if (r == NULL)
        P2C_Frame_AddTraceback(f);
    P2C_Frame_Pop(f);
    return r;
}

/* Module body `VALUE2 = VALUE + 1` run with globals as its namespace. */
static int
p2c_module_exec(PyObject *globals)
{
    P2C_FRAME_STORAGE(p2c_fs, 0);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    PyObject *x0 = NULL, *x1 = NULL, *one = PyLong_FromLong(1);
    int r = -1;
    if (one == NULL || P2C_Frame_PushModule(f, PyDict_GetItemString(G, "MODCODE"),
                                            globals) < 0) {
        Py_XDECREF(one);
        return -1;
    }
    P2C_Frame_SetSite(f, site(mod_load));
    x0 = P2C_LoadGlobal(P2C_Frame_Globals(f), P2C_Frame_Builtins(f),
                        PyUnicode_InternFromString("VALUE"));
    if (x0 == NULL)
        goto error;
    P2C_Frame_SetSite(f, site(mod_add));
    x1 = P2C_BinaryOp(0, x0, one);
    if (x1 == NULL || PyDict_SetItemString(globals, "VALUE2", x1) < 0)
        goto error;
    r = 0;
    goto exit;
error:
    P2C_Frame_AddTraceback(f);
exit:
    Py_XDECREF(x0);
    Py_XDECREF(x1);
    Py_DECREF(one);
    P2C_Frame_Pop(f);
    return r;
}

/* ---- glue: runtime helpers callable from the Python snippets ------------- */

static PyObject *
py_run_module(PyObject *self, PyObject *globals)
{
    (void)self;
    return p2c_module_exec(globals) < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *
py_unpack(PyObject *self, PyObject *args)
{
    PyObject *value, *out[8] = {NULL};
    Py_ssize_t before, after;
    int star;
    (void)self;
    if (!PyArg_ParseTuple(args, "Onpn", &value, &before, &star, &after))
        return NULL;
    if (P2C_Unpack(value, before, star, after, out) < 0)
        return NULL;
    Py_ssize_t n = before + after + (star ? 1 : 0);
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, out[i]);
    return t;
}

static PyObject *
py_op(PyObject *self, PyObject *args)
{
    const char *kind;
    int op;
    PyObject *a, *b = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "siO|O", &kind, &op, &a, &b))
        return NULL;
    switch (kind[0]) {
    case 'b': return P2C_BinaryOp(op, a, b);
    case 'i': return P2C_InPlaceOp(op, a, b);
    case 'u': return P2C_UnaryOp(op, a);
    default: return P2C_CompareOp(op, a, b);
    }
}

static PyObject *
py_call(PyObject *self, PyObject *args)
{
    const char *what;
    PyObject *a, *b, *c = NULL;
    int r = 0;
    (void)self;
    if (!PyArg_ParseTuple(args, "sOO|O", &what, &a, &b, &c))
        return NULL;
    switch (what[0]) {
    case 'c':   /* callex: P2C_CallEx takes the references of the call site's stack */
        return P2C_CallEx(Py_NewRef(a), Py_NewRef(b), c == Py_None ? NULL : Py_NewRef(c));
    case 'm': r = P2C_MergeKwargs(a, b, c); break;        /* mergekw */
    case 'l': r = P2C_ListExtend(a, b); break;
    case 't': r = P2C_SetUpdate(a, b); break;
    case 'd': r = P2C_DictUpdate(a, b); break;
    case 'f': return P2C_ImportFrom(a, b);
    case 'r': return P2C_Raise(a == Py_Ellipsis ? NULL : a, b == Py_Ellipsis ? NULL : b),
                     NULL;
    case 'g': return P2C_LoadGlobal(a, b, c);
    case 'x': return P2C_DelGlobal(a, b) < 0 ? NULL : Py_NewRef(Py_None);
    case 'u': return P2C_RaiseUnboundLocal(a);
    }
    return r < 0 ? NULL : Py_NewRef(Py_None);
}

static PyObject *
py_format(PyObject *self, PyObject *args)
{
    PyObject *v, *spec = Py_None;
    int conv;
    (void)self;
    if (!PyArg_ParseTuple(args, "Oi|O", &v, &conv, &spec))
        return NULL;
    return P2C_FormatValue(v, conv, spec == Py_None ? NULL : spec);
}

static PyObject *
py_build_string(PyObject *self, PyObject *parts)
{
    (void)self;
    return P2C_BuildString(&PyTuple_GET_ITEM(parts, 0), PyTuple_GET_SIZE(parts));
}

static PyObject *
py_iter_all(PyObject *self, PyObject *iter)
{
    PyObject *l = PyList_New(0), *v;
    int r;
    (void)self;
    while ((r = P2C_IterNext(iter, &v)) > 0) {
        PyList_Append(l, v);
        Py_DECREF(v);
    }
    if (r < 0)
        Py_CLEAR(l);
    return l;
}

static PyObject *
py_constants(PyObject *self, PyObject *blob)
{
    static PyObject *table[3];
    (void)self;
    if (P2C_LoadConstants((const unsigned char *)PyBytes_AS_STRING(blob),
                          PyBytes_GET_SIZE(blob), table, 3) < 0)
        return NULL;
    return PyTuple_Pack(3, table[0], table[1], table[2]);
}

static PyMethodDef glue[] = {
    {"run_module", py_run_module, METH_O, NULL},
    {"unpack", py_unpack, METH_VARARGS, NULL},
    {"op", py_op, METH_VARARGS, NULL},
    {"call", py_call, METH_VARARGS, NULL},
    {"format_value", py_format, METH_VARARGS, NULL},
    {"build_string", py_build_string, METH_O, NULL},
    {"iter_all", py_iter_all, METH_O, NULL},
    {"constants", py_constants, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

/* ---- set-up ------------------------------------------------------------------ */

/* Set-up runs outside any test, where ck_assert cannot report. */
static void
require(int ok, const char *what)
{
    if (ok)
        return;
    if (PyErr_Occurred())
        PyErr_Print();
    fprintf(stderr, "test_runtime: set-up failed: %s\n", what);
    exit(1);
}

static void
add_function(const char *name, vectorcallfunc impl, PyObject *defaults,
             PyObject *kwdefaults)
{
    PyObject *fn = P2C_Function_New(impl, code(name), PyModule_GetDict(MOD),
                                    defaults, kwdefaults, NULL);
    require(fn != NULL, name);
    require(PyModule_AddObject(MOD, name, fn) == 0, name);
}

static void
setup_python(void)
{
    Py_Initialize();
    G = PyDict_New();
    PyDict_SetItemString(G, "__builtins__", PyEval_GetBuiltins());
    PyObject *name = PyUnicode_FromString("__main__");
    PyDict_SetItemString(G, "__name__", name);
    Py_DECREF(name);
    PyObject *src = PyUnicode_FromString(SOURCE);
    PyDict_SetItemString(G, "SOURCE", src);
    Py_DECREF(src);
    PyObject *r = PyRun_String(SETUP, Py_file_input, G, G);
    require(r != NULL, "SETUP snippet");
    Py_DECREF(r);
    codes = PyDict_GetItemString(G, "CODES");
    sites = PyDict_GetItemString(G, "SITES");
    site_add = site_of("add");
    site_call0 = site_of("call0");
    site_rec = site_of("rec");
    site_imp = site_of("imp");
    site_mod_load = site_of("mod_load");
    site_mod_add = site_of("mod_add");

    MOD = PyModule_New("p2ctest");
    PyDict_SetItem(PyImport_GetModuleDict(), PyModule_GetNameObject(MOD), MOD);
    PyModule_AddFunctions(MOD, glue);
    PyObject *defaults = Py_BuildValue("(i)", 1), *kwdefaults = Py_BuildValue("{s:i}", "k2", 5);
    add_function("add", p2c_add, NULL, NULL);
    add_function("call0", p2c_call0, defaults, kwdefaults);
    add_function("rec", p2c_rec, NULL, NULL);
    add_function("imp", p2c_imp, NULL, NULL);
    Py_DECREF(defaults);
    Py_DECREF(kwdefaults);
    PyDict_SetItemString(G, "T", MOD);
}

/* Runs a snippet in G; 0 when it did not raise. */
static int
run(const char *snippet)
{
    PyObject *r = PyRun_String(snippet, Py_file_input, G, G);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* Helpers shared by the snippets. */
static const char PRELUDE[] =
    "import gc, sys, traceback, inspect, pickle, copy, functools, types\n"
    "def outcome(fn, *a, **k):\n"
    "    try:\n"
    "        return ('ok', fn(*a, **k))\n"
    "    except BaseException as e:\n"
    "        return (type(e).__name__, str(e))\n"
    "def same(fa, fb, *a, **k):\n"
    "    ra, rb = outcome(fa, *a, **k), outcome(fb, *a, **k)\n"
    "    assert ra == rb, (ra, rb, a, k)\n"
    "    return ra\n"
    "def tb_lines(fn, *a, **k):\n"
    "    try:\n"
    "        fn(*a, **k)\n"
    "    except BaseException as e:\n"
    "        return traceback.format_exception(e)[2:]\n"
    "    raise AssertionError('no exception')\n";

/* ---- tests --------------------------------------------------------------------- */

START_TEST(test_function_object)
{
    ck_assert_int_eq(run(
        "f = T.add\n"
        "assert isinstance(f, types.FunctionType)\n"
        "assert type(f).__name__ == 'function' and type(f) is not types.FunctionType\n"
        "assert f.__name__ == 'add' and f.__qualname__ == 'add', f.__qualname__\n"
        "assert f.__module__ == 'p2ctest', f.__module__\n"
        "assert f.__doc__ == 'Add two.', f.__doc__\n"
        "assert repr(f).startswith('<function add at 0x'), repr(f)\n"
        "assert T.call0.__defaults__ == (1,) and T.call0.__kwdefaults__ == {'k2': 5}\n"
        "assert f.__globals__ is T.__dict__\n"
        "f.attr = 3; assert f.__dict__ == {'attr': 3}\n"
        "assert f(2, 3) == 5 and f('a', b='b') == 'ab'\n"
        "for name in ('add', 'call0', 'imp'):\n"
        "    assert str(inspect.signature(getattr(T, name))) == "
        "str(inspect.signature(INTERP[name])), name\n"
        "assert str(inspect.signature(T.call0)) == '(f, /, a=1, *args, k, k2=5, **kw)'\n"
        "@functools.wraps(f)\n"
        "def w(*a): return f(*a)\n"
        "assert w.__name__ == 'add' and w.__wrapped__ is f and w.__doc__ == 'Add two.'\n"
        "assert str(inspect.signature(w)) == '(a, b)'\n"
        "for proto in range(pickle.HIGHEST_PROTOCOL + 1):\n"
        "    assert pickle.loads(pickle.dumps(f, proto)) is f\n"
        "assert copy.copy(f) is f and copy.deepcopy(f) is f\n"
        "C = type('C', (int,), {'add': f})\n"
        "assert C(5).add(3) == 8 and C.add(1, 2) == 3\n"
        "m = C(5).add; assert m.__func__ is f and m.__self__ == 5\n"
        "gc.collect()\n"), 0);
}
END_TEST

START_TEST(test_bind_args_messages)
{
    ck_assert_int_eq(run(
        "cf, pf = T.call0, INTERP['call0']\n"
        "g = lambda: 7\n"
        "same(cf, pf, g, k=1)\n"
        "assert same(cf, pf, g, 2, 3, 4, k=1, z=9) == ('ok', 7)\n"
        "cases = [(), (g,), (g, 1), (g, 1, 2, 3), ((),), \n"
        "         dict(f=g, k=1), dict(k=1), dict(a=2), dict(k2=1), dict(k=1, x=2)]\n"
        "for c in cases:\n"
        "    if isinstance(c, dict): r = same(cf, pf, **c)\n"
        "    else: r = same(cf, pf, *c)\n"
        "same(cf, pf, g, 1, a=2, k=1)\n"
        "same(cf, pf, g, k=1, **{'f': 3})\n"
        "ca, pa = T.add, INTERP['add']\n"
        "for a, k in [((), {}), ((1,), {}), ((1, 2, 3), {}), ((1,), {'a': 2}),\n"
        "             ((1,), {'c': 2}), ((), {'b': 1}), ((1, 2), {'b': 3}),\n"
        "             ((1, 2, 3, 4), {}), ((1,), {'b': 2})]:\n"
        "    same(ca, pa, *a, **k)\n"
        "src = 'def h(a, b=2, /, c=3, *, d, e=5, f):\\n    return 0\\n'\n"
        "ns = {}; exec(src, ns); ph = ns['h']; ch = T.make_binder(ph)\n"
        "assert same(ch, ph, 1) == ('TypeError', \"h() missing 2 required keyword-only arguments: 'd' and 'f'\")\n"
        "assert same(ch, ph, 1, 2, 3, 4, d=1, f=2)[1] == "
        "'h() takes from 1 to 3 positional arguments but 4 positional arguments (and 2 keyword-only arguments) were given'\n"
        "assert same(ch, ph, a=1, b=2, d=1, f=2)[1] == "
        "\"h() got some positional-only arguments passed as keyword arguments: 'a, b'\"\n"
        "assert outcome(pa, 1, 2, 3)[1] == 'add() takes 2 positional arguments but 3 were given'\n"
        "assert outcome(pf, b=1, k=2)[1] == \"call0() missing 1 required positional argument: 'f'\"\n"), 0);
}
END_TEST

/* The bind-args port against initialize_locals on a generated family of
 * signatures: each is compiled by CPython and called both ways. */
START_TEST(test_bind_args_exhaustive)
{
    ck_assert_int_eq(run(
        "import itertools\n"
        "sigs = ['a, b', 'a, b=2', 'a, /, b', 'a=1, /, b=2, *, c', 'a, *args', '*, k=1',\n"
        "        'a, b=2, /, c=3, *args, d, e=5, **kw', '**kw', 'a, /, **kw', 'x, y, z']\n"
        "argsets = [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4, 5)]\n"
        "kwsets = [{}, {'a': 9}, {'b': 9}, {'c': 9}, {'k': 9}, {'zz': 9}, {'a': 1, 'x': 2},\n"
        "          {'d': 1}, {'d': 1, 'e': 2, 'q': 3}, {'y': 1, 'z': 2}]\n"
        "n = 0\n"
        "for sig in sigs:\n"
        "    ns = {}\n"
        "    exec(f'def fn({sig}):\\n    return locals()\\n', ns)\n"
        "    fn = ns['fn']\n"
        "    compiled = T.make_binder(fn)\n"
        "    for a, k in itertools.product(argsets, kwsets):\n"
        "        same(compiled, fn, *a, **k); n += 1\n"
        "assert n == 500, n\n"), 0);
}
END_TEST

START_TEST(test_frames)
{
    ck_assert_int_eq(run(
        "def probe():\n"
        "    fr = sys._getframe(1)\n"
        "    assert fr.f_code.co_name == 'call0', fr.f_code.co_name\n"
        "    assert fr.f_lineno == 6, fr.f_lineno\n"
        "    assert fr.f_back.f_code.co_name == 'caller', fr.f_back.f_code.co_name\n"
        "    assert fr.f_locals['k'] == 'K' and fr.f_locals['args'] == (), fr.f_locals\n"
        "    assert fr.f_globals is T.__dict__\n"
        "    st = traceback.extract_stack()\n"
        "    assert [(s.name, s.lineno, s.line) for s in st[-3:-1]] == "
        "[('caller', 12, ''), ('call0', 6, 'return f()')], st\n"
        "    return fr\n"
        "def caller():\n"
        "    return T.call0(probe, k=\"K\")\n"
        "fr = caller()\n"
        "assert fr.f_code.co_name == 'call0' and fr.f_lineno == 6\n"
        "assert fr.f_back is not None and fr.f_back.f_code.co_name == 'caller'\n"
        "assert fr.f_back.f_back is sys._getframe(), fr.f_back.f_back\n"
        "assert fr.f_locals == {'f': probe, 'a': 1, 'k': 'K', 'k2': 5, 'args': (), 'kw': {}}, fr.f_locals\n"
        "fr.clear(); assert fr.f_locals == {}\n"
        "del fr\n"
        "fr = T.call0(sys._getframe, k=0)\n"
        "assert fr.f_code.co_name == 'call0' and fr.f_back is sys._getframe()\n"
        "assert repr(fr).startswith('<frame at'), repr(fr)\n"
        "del fr\n"
        "cyc = []\n"
        "def keep():\n"
        "    cyc.append(sys._getframe(1)); return cyc\n"
        "T.call0(keep, cyc, k=cyc)\n"
        "assert cyc[0].f_locals['a'] is cyc\n"
        "del cyc; gc.collect()\n"
        "assert sys._getframe().f_code.co_name == '<module>'\n"), 0);
}
END_TEST

START_TEST(test_tracebacks)
{
    ck_assert_int_eq(run(
        "lc, lp = tb_lines(T.add, 1, 'x'), tb_lines(INTERP['add'], 1, 'x')\n"
        "assert lc == lp, (lc, lp)\n"
        "assert any('~~^~~' in l for l in lc), lc\n"
        "def boom(): raise KeyError('k')\n"
        "lc, lp = tb_lines(T.call0, boom, k=1), tb_lines(INTERP['call0'], boom, k=1)\n"
        "assert lc == lp, (lc, lp)\n"
        "text = ''.join(lc); assert text.index('in call0') < text.index('in boom'), lc\n"
        "ns = {'__name__': 'm'}\n"
        "lc = tb_lines(T.run_module, ns)\n"
        "ns2 = {'__name__': 'm'}\n"
        "lp = tb_lines(exec, compile('\\n' * 13 + 'VALUE2 = VALUE + 1', PATH, 'exec'), ns2)\n"
        "assert lc == lp, (lc, lp)\n"
        "assert lc[-1] == \"NameError: name 'VALUE' is not defined\\n\", lc\n"
        "assert ns['__builtins__'] is sys.modules['builtins'].__dict__\n"
        "ns = {'VALUE': 41}; T.run_module(ns); assert ns['VALUE2'] == 42\n"
        "ns = {'VALUE': 'x'}\n"
        "lc = tb_lines(T.run_module, ns)\n"
        "assert 'line 14, in <module>' in lc[0] and 'VALUE + 1' in lc[0], lc\n"), 0);
}
END_TEST

START_TEST(test_recursion)
{
    ck_assert_int_eq(run(
        "r = outcome(T.rec)\n"
        "assert r == ('RecursionError', 'maximum recursion depth exceeded'), r\n"
        "assert T.add(1, 2) == 3\n"
        "assert sys._getframe().f_code.co_name == '<module>'\n"), 0);
}
END_TEST

START_TEST(test_unpack)
{
    ck_assert_int_eq(run(
        "def interp(value, before, star, after):\n"
        "    names = [f'v{i}' for i in range(before + star + after)]\n"
        "    targets = ['*' + n if star and i == before else n for i, n in enumerate(names)]\n"
        "    ns = {'value': value}\n"
        "    exec(', '.join(targets) + ', = value\\nout = (' + ', '.join(names) + ',)', ns)\n"
        "    return ns['out']\n"
        "def bad():\n"
        "    yield 1\n"
        "    raise KeyError('it')\n"
        "makers = [lambda: (1, 2), lambda: [1, 2, 3], lambda: (), lambda: 5, lambda: None,\n"
        "          lambda: 'ab', lambda: iter(range(3)), lambda: {1: 2}, bad, lambda: range(9)]\n"
        "for mk in makers:\n"
        "    for shape in [(2, 0, 0), (1, 0, 0), (3, 0, 0), (0, 1, 0), (1, 1, 0), (1, 1, 1), (2, 1, 2)]:\n"
        "        a, b = outcome(T.unpack, mk(), *shape), outcome(interp, mk(), *shape)\n"
        "        assert a == b, (mk(), shape, a, b)\n"
        "assert T.unpack(range(5), 1, True, 1) == (0, [1, 2, 3], 4)\n"), 0);
}
END_TEST

START_TEST(test_operations)
{
    ck_assert_int_eq(run(
        "import operator as o\n"
        "bins = [o.add, o.and_, o.floordiv, o.lshift, o.matmul, o.mul, o.mod, o.or_,\n"
        "        o.pow, o.rshift, o.sub, o.truediv, o.xor]\n"
        "inpl = [o.iadd, o.iand, o.ifloordiv, o.ilshift, o.imatmul, o.imul, o.imod, o.ior,\n"
        "        o.ipow, o.irshift, o.isub, o.itruediv, o.ixor]\n"
        "vals = [7, -3, 2.5, 0, 'ab', [1], {1}, True, None]\n"
        "for i, fn in enumerate(bins):\n"
        "    for x in vals:\n"
        "        for y in vals:\n"
        "            same(lambda a, b: T.op('b', i, a, b), fn, x, y)\n"
        "            same(lambda a, b: T.op('i', i, copy.copy(a), b), lambda a, b: inpl[i](copy.copy(a), b), x, y)\n"
        "l = [1]; r = T.op('i', 0, l, [2]); assert r is l and l == [1, 2]\n"
        "for i, fn in enumerate([o.invert, o.not_, o.pos, o.neg]):\n"
        "    for x in vals: same(lambda a: T.op('u', i, a), fn, x)\n"
        "cmps = [o.lt, o.le, o.eq, o.ne, o.gt, o.ge, o.is_, o.is_not,\n"
        "        lambda a, b: a in b, lambda a, b: a not in b]\n"
        "for i, fn in enumerate(cmps):\n"
        "    for x in vals:\n"
        "        for y in vals + [[7], 'a']:\n"
        "            same(lambda a, b: T.op('c', i, a, b), fn, x, y)\n"
        "assert outcome(T.op, 'b', 99, 1, 2)[0] == 'SystemError'\n"), 0);
}
END_TEST

START_TEST(test_calls_and_displays)
{
    ck_assert_int_eq(run(
        "def f(*a, **k): return a, k\n"
        "assert T.call('c', f, (1, 2), {'x': 3}) == ((1, 2), {'x': 3})\n"
        "assert T.call('c', f, [1], None) == ((1,), {})\n"
        "def ex(src):\n"
        "    try: exec(src, {'f': f, 'len': len})\n"
        "    except TypeError as e: return str(e)\n"
        "m = lambda *a: outcome(T.call, *a)[1]\n"
        "fs = f.__module__ + '.f()'\n"
        "assert m('c', f, 1, None) == ex('f(*1)') == fs + ' argument after * must be an iterable, not int'\n"
        "assert m('c', f, (), 1) == ex('f(**1)') == fs + ' argument after ** must be a mapping, not int'\n"
        "assert m('c', len, (), 1) == ex('len(**1)')\n"
        "assert m('m', {'a': 1}, f, {'a': 2}) == ex('f(**{\"a\":1}, a=2)') == "
        "fs + \" got multiple values for keyword argument 'a'\"\n"
        "assert m('m', {}, f, 1) == ex('f(**{}, **1)')\n"
        "assert m('l', [], 1) == ex('f(1, *2)') == 'Value after * must be an iterable, not int'\n"
        "assert m('t', set(), 1) == ex('{*1}') == \"'int' object is not iterable\"\n"
        "assert m('d', {}, 1) == ex('{**1}') == \"'int' object is not a mapping\"\n"
        "class BadIter:\n"
        "    def __iter__(self): raise TypeError('mine')\n"
        "assert m('l', [], BadIter()) == 'mine'\n"
        "l = [0]; T.call('l', l, (1, 2)); assert l == [0, 1, 2]\n"
        "s = {0}; T.call('t', s, [1]); assert s == {0, 1}\n"
        "d = {0: 0}; T.call('d', d, {1: 1}); assert d == {0: 0, 1: 1}\n"
        "d = {}; T.call('m', d, f, {'a': 1}); assert d == {'a': 1}\n"
        "assert T.call('c', f, 'ab', None) == (('a', 'b'), {})\n"), 0);
}
END_TEST

START_TEST(test_strings_iter_constants)
{
    ck_assert_int_eq(run(
        "assert T.format_value(3.5, -1, '>6') == f'{3.5:>6}'\n"
        "assert T.format_value('x', ord('r')) == f'{\"x\"!r}'\n"
        "e = chr(233); assert T.format_value(e, ord('a')) == f'{e!a}' == \"'\\\\xe9'\"\n"
        "assert outcome(T.format_value, 5, ord('s'), 'x') == outcome(lambda: f'{5!s:x}')\n"
        "s = 'abc'; assert T.format_value(s, -1) is s\n"
        "assert T.build_string(('a', 'bc', '', 'd')) == 'abcd' and T.build_string(()) == ''\n"
        "assert T.iter_all(iter([1, 2])) == [1, 2]\n"
        "def gen():\n"
        "    yield 1\n"
        "    raise ValueError('g')\n"
        "assert outcome(T.iter_all, gen()) == ('ValueError', 'g')\n"
        "class It:\n"
        "    def __iter__(self): return self\n"
        "    def __next__(self): raise StopIteration(5)\n"
        "assert T.iter_all(It()) == []\n"
        "import marshal\n"
        "c = T.constants(marshal.dumps((1, (1000, 255, 7), (3.0, b'4'), (1,))))\n"
        "assert c == (1, frozenset({7, 255, 1000}), (3.0, b'4'))\n"
        "assert type(c[1]) is frozenset\n"
        "assert list(c[1]) == list(frozenset((1000, 255, 7))) == [1000, 7, 255]\n"
        "assert T.constants(b'garbage') == c  # idempotent: already loaded\n"), 0);
}
END_TEST

START_TEST(test_names_raise)
{
    ck_assert_int_eq(run(
        "g = {'x': 1}\n"
        "assert T.call('g', g, {'y': 2}, 'y') == 2 and T.call('g', g, {}, 'x') == 1\n"
        "r = outcome(T.call, 'g', g, {}, 'nope'); assert r == ('NameError', \"name 'nope' is not defined\"), r\n"
        "try: T.call('g', g, {}, 'nope')\n"
        "except NameError as e: assert e.name == 'nope'\n"
        "class M(dict):\n"
        "    def __missing__(self, k): return 'missing:' + k\n"
        "assert T.call('g', M(), {}, 'z') == 'missing:z'\n"
        "assert T.call('g', {}, M(), 'z') == 'missing:z'\n"
        "T.call('x', g, 'x'); assert g == {}\n"
        "assert outcome(T.call, 'x', g, 'x') == ('NameError', \"name 'x' is not defined\")\n"
        "assert outcome(T.call, 'u', 'v', None) == ('UnboundLocalError', "
        "\"cannot access local variable 'v' where it is not associated with a value\")\n"
        "def rz(exc, cause=...):\n"
        "    return outcome(T.call, 'r', exc, cause)\n"
        "assert rz(ValueError) == ('ValueError', '')\n"
        "assert rz(ValueError('v')) == ('ValueError', 'v')\n"
        "assert rz(3) == ('TypeError', 'exceptions must derive from BaseException')\n"
        "assert rz(ValueError, 3) == ('TypeError', 'exception causes must derive from BaseException')\n"
        "class Odd(Exception):\n"
        "    def __new__(cls): return 5\n"
        "assert rz(Odd) == ('TypeError', \"calling <class '__main__.Odd'> should have returned an instance of BaseException, not <class 'int'>\"), rz(Odd)\n"
        "try: T.call('r', KeyError('a'), ValueError)\n"
        "except KeyError as e: assert type(e.__cause__) is ValueError and e.__suppress_context__\n"
        "try:\n"
        "    try: 1/0\n"
        "    except ZeroDivisionError: T.call('r', KeyError('a'), None)\n"
        "except KeyError as e: assert e.__cause__ is None and e.__suppress_context__ and e.__context__ is not None\n"
        "try:\n"
        "    try: 1/0\n"
        "    except ZeroDivisionError: T.call('r', ..., ...)\n"
        "except ZeroDivisionError: pass\n"
        "assert rz(...) == ('RuntimeError', 'No active exception to reraise')\n"), 0);
}
END_TEST

START_TEST(test_imports)
{
    ck_assert_int_eq(run(
        "import os.path\n"
        "assert T.imp('os.path', None, 0) is os\n"
        "assert T.imp('os.path', ('join',), 0) is os.path\n"
        "r = outcome(T.imp, 'no_such_mod_p2c', None, 0)\n"
        "assert r == ('ModuleNotFoundError', \"No module named 'no_such_mod_p2c'\"), r\n"
        "r = outcome(T.imp, 'x', None, 1)\n"
        "assert r == ('ImportError', 'attempted relative import with no known parent package'), r\n"
        "import builtins\n"
        "seen = []\n"
        "orig = builtins.__import__\n"
        "def hook(*a):\n"
        "    seen.append(a); return orig(*a)\n"
        "builtins.__import__ = hook\n"
        "try: assert T.imp('os', None, 0) is os\n"
        "finally: builtins.__import__ = orig\n"
        "assert seen == [('os', T.__dict__, None, None, 0)], seen\n"
        "del builtins.__import__\n"
        "try: r = outcome(T.imp, 'os', None, 0)\n"
        "finally: builtins.__import__ = orig\n"
        "assert r == ('ImportError', '__import__ not found'), r\n"
        "assert T.call('f', os, 'path') is os.path\n"
        "r = outcome(T.call, 'f', os, 'nope')\n"
        "assert r == ('ImportError', \"cannot import name 'nope' from 'os' (%s)\" % os.__file__), r\n"
        "r = outcome(T.call, 'f', sys, 'nope')\n"
        "assert r == ('ImportError', \"cannot import name 'nope' from 'sys' (unknown location)\"), r\n"
        "m = types.ModuleType('pk'); m.__file__ = '/x/pk.py'\n"
        "m.__spec__ = types.SimpleNamespace(_initializing=True)\n"
        "r = outcome(T.call, 'f', m, 'q')\n"
        "assert r[1] == \"cannot import name 'q' from partially initialized module 'pk' "
        "(most likely due to a circular import) (/x/pk.py)\", r\n"
        "sys.modules['pk.q'] = 'sub'\n"
        "try: assert T.call('f', m, 'q') == 'sub'\n"
        "finally: del sys.modules['pk.q']\n"
        "try: T.call('f', sys, 'nope')\n"
        "except ImportError as e: assert e.name == 'sys' and e.path is None\n"), 0);
}
END_TEST

/* Reference leaks: each path (good and bad calls, tracebacks, escaping
 * frames, module frames ...) run many times must not grow the memory traced
 * by tracemalloc (a leaked reference keeps its object's memory).  Growth is
 * measured between two equal batches, after caches have filled.  Left out:
 * formatting tracebacks and failing to find a module, whose caches in
 * traceback.py and in importlib's finders grow with interpreted code too. */
START_TEST(test_no_leaks)
{
    ck_assert_int_eq(run(
        "import tracemalloc\n"
        "SN = ['T.add(1, 2)', 'outcome(T.add, 1)', 'outcome(T.add, 1, \"x\")',\n"
        "  'T.call0(lambda: 1, 2, 3, k=1, z=2)', 'outcome(T.call0, 1, 2, a=3, k=1)',\n"
        "  'outcome(T.call0, lambda: 1, k=1, **{\"f\": 1})', 'outcome(T.call0, lambda: 1)',\n"
        "  'fr = T.call0(sys._getframe, 5, k=[1]); fr.f_locals; fr.f_back; del fr',\n"
        "  'T.call0(lambda: sys._getframe(1).f_locals, k=1)',\n"
        "  'T.run_module({\"VALUE\": 1})', 'outcome(T.run_module, {})',\n"
        "  'T.imp(\"os\", None, 0)', 'outcome(T.imp, \"x\", None, 1)',\n"
        "  'outcome(T.unpack, (1, 2, 3), 2, False, 0)', 'T.unpack(range(4), 1, True, 1)',\n"
        "  'outcome(T.unpack, 5, 1, 0, 0)', 'outcome(T.call, \"c\", len, (), 1)',\n"
        "  'outcome(T.call, \"m\", {\"a\": 1}, len, {\"a\": 2})', 'T.call(\"c\", len, [\"ab\"], {})',\n"
        "  'outcome(T.call, \"r\", ValueError, KeyError)', 'outcome(T.call, \"f\", sys, \"nope\")',\n"
        "  'outcome(T.call, \"g\", {}, {}, \"nope\")', 'T.format_value(1.5, ord(\"r\"), \">9\")',\n"
        "  'outcome(T.rec)', 'outcome(T.make_binder(INTERP[\"call0\"]), 1, 2, a=3)']\n"
        "def batch(c, n):\n"
        "    for _ in range(n): exec(c)\n"
        "    gc.collect()\n"
        "    return tracemalloc.get_traced_memory()[0]\n"
        "tracemalloc.start()\n"
        "try:\n"
        "    for st in SN:\n"
        "        c = compile(st, 'leak', 'exec')\n"
        "        batch(c, 50); m1 = batch(c, 300); m2 = batch(c, 300)\n"
        "        # one object leaked per run would be >= 300 * 28 bytes\n"
        "        assert m2 - m1 < 1000, (st, m1, m2)\n"
        "finally:\n"
        "    tracemalloc.stop()\n"), 0);
}
END_TEST

/* ---- a generic binder for the exhaustive test: a compiled function whose
 * stub is any function's code, returning its bound slots as a dict (what
 * `return locals()` gives). */
static PyObject *
p2c_binder(PyObject *p2c_func, PyObject *const *p2c_args, size_t p2c_nargsf,
           PyObject *p2c_kwnames)
{
    PyCodeObject *co = (PyCodeObject *)((PyFunctionObject *)p2c_func)->func_code;
    P2C_FRAME_STORAGE(p2c_fs, 8);
    P2C_Frame *f = P2C_FRAME(p2c_fs);
    int n = co->co_nlocalsplus;
    if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames,
                              &P2C_SLOT(f, 0)) < 0)
        return NULL;
    if (P2C_Frame_PushFunction(f, p2c_func, n) < 0)
        return NULL;
    PyObject *d = PyDict_New();
    for (int i = 0; d != NULL && i < n; i++) {
        if (P2C_SLOT(f, i) != NULL &&
            PyDict_SetItem(d, PyTuple_GET_ITEM(co->co_localsplusnames, i),
                           P2C_SLOT(f, i)) < 0)
            Py_CLEAR(d);
    }
    P2C_Frame_Pop(f);
    return d;
}

static PyObject *
py_make_binder(PyObject *self, PyObject *fn)
{
    (void)self;
    PyFunctionObject *pf = (PyFunctionObject *)fn;
    return P2C_Function_New(p2c_binder, pf->func_code, pf->func_globals,
                            pf->func_defaults, pf->func_kwdefaults, NULL);
}

/* ---- an extension module's source path ---------------------------------------- */

/* source_file(module, tuple): P2C_Module_SetSourceFile over the tuple's items
 * as the constant table. */
static PyObject *
py_source_file(PyObject *self, PyObject *args)
{
    PyObject *module, *table;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!O!", &PyModule_Type, &module, &PyTuple_Type, &table))
        return NULL;
    if (P2C_Module_SetSourceFile(module, &PyTuple_GET_ITEM(table, 0),
                                 PyTuple_GET_SIZE(table)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

START_TEST(test_module_source_file)
{
    ck_assert_int_eq(run(
        "import os.path\n"
        "SO = '.cpython-311-x86_64-linux-gnu.so'\n"
        "def fresh(name, file=None, path=None):\n"
        "    m = types.ModuleType(name)\n"
        "    if file is not None: m.__file__ = file\n"
        "    if path is not None: m.__path__ = path\n"
        "    co = compile('def g(): pass', '/build/m.py', 'exec')\n"
        "    T.source_file(m, (1, co, 'x'))\n"
        "    return m, co\n"
        "for d in ('/x/y', '', '/', '//', '///', 'a//b', 'rel', '/a//b//'):\n"
        "    so = d + ('' if not d or d.endswith('/') else '/') + 'mod' + SO\n"
        "    m, co = fresh('pkg.mod', so)\n"
        "    want = os.path.join(os.path.dirname(so), 'mod.py')\n"
        "    assert m.__file__ == want, (so, m.__file__, want)\n"
        "    assert co.co_filename == want and co.co_consts[0].co_filename == want\n"
        "m, co = fresh('pkg', '/x/pkg/__init__' + SO, ['/x/pkg'])\n"
        "assert m.__file__ == co.co_filename == '/x/pkg/__init__.py', m.__file__\n"
        "for file in (None, 3):\n"
        "    m, co = fresh('mod', file)\n"
        "    assert co.co_filename == '/build/m.py' and getattr(m, '__file__', None) == file\n"
        "m, co = fresh('mod', '/x/mod' + SO)\n"
        "name = co.co_filename\n"
        "T.source_file(m, (co,))   # a second exec: nothing changes\n"
        "assert m.__file__ == '/x/mod.py' and co.co_filename is name\n"
        "m.__file__ = '/y/mod' + SO  # the same code, another place: follows\n"
        "T.source_file(m, (co,))\n"
        "assert co.co_filename == m.__file__ == '/y/mod.py'\n"
        "assert m.__cached__ is None   # set when the import system did not\n"
        "for file in (None, 3):\n"
        "    assert not hasattr(fresh('mod', file)[0], '__cached__')\n"
        "m = types.ModuleType('mod'); m.__file__ = '/x/mod' + SO; m.__cached__ = 'c'\n"
        "T.source_file(m, ())\n"
        "assert m.__cached__ == 'c'\n"), 0);
}
END_TEST

static PyMethodDef glue2[] = {
    {"make_binder", py_make_binder, METH_O, NULL},
    {"source_file", py_source_file, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static Suite *
runtime_suite(void)
{
    Suite *s = suite_create("runtime");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_function_object);
    tcase_add_test(tc, test_bind_args_messages);
    tcase_add_test(tc, test_bind_args_exhaustive);
    tcase_add_test(tc, test_frames);
    tcase_add_test(tc, test_tracebacks);
    tcase_add_test(tc, test_recursion);
    tcase_add_test(tc, test_unpack);
    tcase_add_test(tc, test_operations);
    tcase_add_test(tc, test_calls_and_displays);
    tcase_add_test(tc, test_strings_iter_constants);
    tcase_add_test(tc, test_names_raise);
    tcase_add_test(tc, test_imports);
    tcase_add_test(tc, test_module_source_file);
    tcase_add_test(tc, test_no_leaks);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    setup_python();
    PyModule_AddFunctions(MOD, glue2);
    if (run(PRELUDE) < 0)
        return 1;
    SRunner *sr = srunner_create(runtime_suite());
    /* One process: the tests share the embedded interpreter (and valgrind
     * follows one process). */
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    Py_DECREF(G);
    if (Py_FinalizeEx() < 0)
        return 1;
    return failed == 0 ? 0 : 1;
}
