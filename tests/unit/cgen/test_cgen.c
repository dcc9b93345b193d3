/* test_cgen.c — unit tests of the code generator (src/cgen/).
 *
 * IR modules are built by hand, turned into C by cgen_module(), and the C is
 * compiled with gcc -Wall -Wextra -Werror against the runtime's headers; key
 * fragments of the output are checked.  The stub code objects' location
 * tables are checked against the embedded interpreter's co_positions().
 * When the runtime library has been built (build/runtime-lib.txt, or the
 * path in $P2C_RUNTIME_LIB), a module
 * is also compiled into an extension, imported and run, error paths included.
 *
 * Run from the repository root (as `make unit` does).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pyc2c/compiler/ir.h"
#include "pyc2c/compiler/cgen.h"
#include "cgen/cgen_int.h"
#include "pyc2c/compiler/front.h"
#include <marshal.h>

static IrModule *mod;
static IrFunction *fn;        /* the function nodes are being built for */
static char tmpdir[] = "/tmp/p2c-cgen-XXXXXX";
static char pyincludes[1024];

static IrPos at(int line, int col, int end_col)
{
    IrPos p = {line, col, line, end_col};
    return p;
}
static const IrPos L1 = {1, 0, 1, 5};

/* ---- building IR by hand ------------------------------------------------------- */

static IrNode *k_obj(PyObject *o)   /* steals o */
{
    ck_assert_ptr_nonnull(o);
    IrNode *n = ir_node_new(mod, IR_CONST, L1);
    n->cidx = ir_const(mod, o);
    Py_DECREF(o);
    ck_assert_int_ge(n->cidx, 0);
    return n;
}
static IrNode *k_int(long v) { return k_obj(PyLong_FromLong(v)); }
static IrNode *k_str(const char *s) { return k_obj(PyUnicode_FromString(s)); }
static IrNode *k_none(void) { return k_obj(Py_NewRef(Py_None)); }

static IrNode *k_load(IrVar *v, IrPos p)
{
    IrNode *n = ir_node_new(mod, IR_LOAD, p);
    n->var = v;
    return n;
}

static IrVar *global(const char *name)
{
    IrVar *v = ir_var_find(fn, name);
    return v ? v : ir_var_new(mod, fn, name, IR_VAR_GLOBAL);
}

static IrNode *k_name(const char *name, IrPos p) { return k_load(global(name), p); }

static IrNode *with_var(IrNode *n, IrVar *v) { n->var = v; return n; }
static IrNode *with_op(IrNode *n, int op) { n->op = op; return n; }
static IrNode *with_cidx(IrNode *n, int c) { n->cidx = c; return n; }

static IrNode *k_assign(IrVar *v, IrNode *e)
{
    return with_var(ir_node(mod, IR_ASSIGN, e->pos, 1, e), v);
}

static IrNode *k_binop(int op, IrNode *a, IrNode *b, IrPos p)
{
    return with_op(ir_node(mod, IR_BINOP, p, 2, a, b), op);
}

/* callable(args...) with nkw trailing keyword arguments named by kw[] */
static IrNode *k_call(IrPos p, IrNode *func, int nargs, IrNode **args, int nkw,
                      const char **kw)
{
    IrNode *n = ir_node(mod, IR_CALL, p, 1, func);
    for (int i = 0; i < nargs; i++)
        ir_node_add(mod, n, args[i]);
    if (nkw) {
        PyObject *t = PyTuple_New(nkw);
        for (int i = 0; i < nkw; i++)
            PyTuple_SET_ITEM(t, i, PyUnicode_FromString(kw[i]));
        n->cidx = ir_const(mod, t);
        Py_DECREF(t);
    }
    return n;
}

static IrNode *k_expr(IrNode *e) { return ir_node(mod, IR_EXPR, e->pos, 1, e); }

static IrNode *k_print(IrPos p, IrNode *arg)
{
    IrNode *args[] = {arg};
    return k_expr(k_call(p, k_name("print", p), 1, args, 0, NULL));
}

static IrNode *k_block(int n, IrNode **stmts)
{
    IrNode *b = ir_node_new(mod, IR_BLOCK, L1);
    for (int i = 0; i < n; i++)
        ir_node_add(mod, b, stmts[i]);
    return b;
}

static void add(IrNode *stmt) { ir_node_add(mod, fn->body, stmt); }

/* ---- generating and compiling ------------------------------------------------------ */

static int opt_level;   /* of the next generate(); 0 unless a test sets it */

/* The generated C of mod (NULL when cgen_module failed); malloc'd. */
static char *generate(CgenMode mode)
{
    char msg[512];
    ck_assert_msg(ir_verify(mod, msg, sizeof msg) == 0, "ir_verify: %s", msg);
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    CgenOptions opt = {.mode = mode, .python_exe = "/usr/bin/python3",
                       .opt_level = opt_level};
    int rc = cgen_module(mod, &opt, out);
    fclose(out);
    if (rc != 0) {
        free(text);
        return NULL;
    }
    return text;
}

static char *write_c(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s.c", tmpdir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Compiles text as the driver compiles generated C, warnings as errors. */
static void assert_compiles(const char *name, const char *text)
{
    const char *path = write_c(name, text);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "gcc -std=c11 -O2 -Wall -Wextra -Werror -fPIC -Iinclude -Iruntime "
             "%s -c %s -o %s/%s.o", pyincludes, path, tmpdir, name);
    int rc = system(cmd);
    ck_assert_msg(rc == 0, "generated C does not compile: %s", cmd);
}

static void assert_has(const char *text, const char *fragment)
{
    ck_assert_msg(strstr(text, fragment) != NULL, "missing in generated C: %s", fragment);
}

static void setup(void)
{
    mod = ir_module_new("pkg.mod", "/src/pkg/mod.py");
    ck_assert_ptr_nonnull(mod);
    fn = ir_function_new(mod, NULL, "<module>", "<module>", at(1, 0, 0));
}

static void teardown(void)
{
    ir_module_free(mod);
    mod = NULL;
}

/* def add(a, b): return a + b      (lines 1-2)
 * print(add(1, 2))                 (line 3) */
static IrFunction *def_add(void)
{
    IrFunction *module = fn;
    IrFunction *f = ir_function_new(mod, module, "add", "add", at(1, 0, 20));
    f->argcount = 2;
    IrVar *a = ir_var_new(mod, f, "a", IR_VAR_LOCAL);
    IrVar *b = ir_var_new(mod, f, "b", IR_VAR_LOCAL);
    fn = f;
    add(ir_node(mod, IR_RETURN, at(2, 4, 16), 1,
                k_binop(IR_BINOP_ADD, k_load(a, at(2, 11, 12)), k_load(b, at(2, 15, 16)),
                        at(2, 11, 16))));
    fn = module;
    IrNode *mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(1, 0, 20));
    mk->func = f;
    add(k_assign(global("add"), mk));
    return f;
}

START_TEST(test_simple_module)
{
    def_add();
    IrNode *args[] = {k_int(1), k_int(2)};
    add(k_print(at(3, 0, 16), k_call(at(3, 6, 15), k_name("add", at(3, 6, 9)), 2, args, 0, NULL)));
    char *c = generate(CGEN_EXTENSION);
    ck_assert_ptr_nonnull(c);
    assert_has(c, "Generated by pyc2c from /src/pkg/mod.py");
    assert_has(c, "static PyObject *p2c_f1_add(PyObject *p2c_func, PyObject *const *p2c_args, "
               "size_t p2c_nargsf, PyObject *p2c_kwnames)");
    assert_has(c, "P2C_BinaryOp(0, P2C_SLOT(f, 0), P2C_SLOT(f, 1))");
    assert_has(c, "P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames, "
               "&P2C_SLOT(f, 0))");
    assert_has(c, "P2C_Frame_PushFunction(f, p2c_func, 2)");
    ck_assert_ptr_null(strstr(c, "P2C_RaiseUnboundLocal("));   /* parameters are bound */
    assert_has(c, "P2C_LoadConstants(p2c_blob, sizeof p2c_blob, p2c_c, ");
    assert_has(c, "P2C_Frame_PushModule(f, p2c_c[");
    assert_has(c, "P2C_Function_New(p2c_f1_add, p2c_c[");
    assert_has(c, "PyDict_SetItem(P2C_Frame_Globals(f), p2c_c[");
    assert_has(c, "P2C_LoadGlobalAt(&p2c_gcache[0], P2C_Frame_Globals(f), P2C_Frame_Builtins(f), p2c_c[");
    assert_has(c, "static P2C_GlobalCache p2c_gcache[");
    assert_has(c, "PY_VECTORCALL_ARGUMENTS_OFFSET");
    assert_has(c, "P2C_Frame_AddTraceback(f);");
    assert_has(c, "{Py_mod_exec, (void *)p2c_module_exec}");
    assert_has(c, "PyModuleDef_HEAD_INIT, \"pkg.mod\"");
    assert_has(c, "PyMODINIT_FUNC PyInit_mod(void)");
    assert_compiles("simple", c);
    free(c);
}
END_TEST

START_TEST(test_executable)
{
    add(k_print(at(1, 0, 9), k_str("hi")));
    char *c = generate(CGEN_EXECUTABLE);
    ck_assert_ptr_nonnull(c);
    assert_has(c, "static const P2C_MainInfo p2c_main_info = {p2c_module_exec, "
               "\"/src/pkg/mod.py\", \"/usr/bin/python3\"};");
    assert_has(c, "return P2C_Main(argc, argv, &p2c_main_info);");
    ck_assert_ptr_null(strstr(c, "PyInit_"));
    assert_compiles("exe", c);
    free(c);
}
END_TEST

/* A function using most statements: loops with else, break/continue,
 * unpacking, del, raise from, the expression kinds. */
static void def_kitchen_sink(void)
{
    IrFunction *module = fn;
    IrFunction *f = ir_function_new(mod, module, "sink", "sink", at(10, 0, 30));
    f->argcount = 1;
    f->fnflags = IR_FN_VARARGS | IR_FN_VARKEYWORDS;
    IrVar *x = ir_var_new(mod, f, "x", IR_VAR_LOCAL);
    IrVar *args = ir_var_new(mod, f, "args", IR_VAR_LOCAL);
    IrVar *kw = ir_var_new(mod, f, "kw", IR_VAR_LOCAL);
    IrVar *i = ir_var_new(mod, f, "i", IR_VAR_LOCAL);
    IrVar *y = ir_var_new(mod, f, "y", IR_VAR_LOCAL);
    fn = f;
    IrVar *it = ir_temp_new(mod, f);
    IrPos p = at(11, 4, 20);
    /* $t1 = iter(args); loop: for_next i; if i: break else continue; else: y = i */
    add(k_assign(it, ir_node(mod, IR_ITER, p, 1, k_load(args, p))));
    IrNode *body_if = ir_node(mod, IR_IF, p, 3, k_load(i, p),
                              k_block(1, (IrNode *[]){ir_node_new(mod, IR_BREAK, p)}),
                              k_block(1, (IrNode *[]){ir_node_new(mod, IR_CONTINUE, p)}));
    IrNode *fornext = with_var(ir_node(mod, IR_FOR_NEXT, p, 1, k_load(it, p)), i);
    add(ir_node(mod, IR_LOOP, p, 2, k_block(2, (IrNode *[]){fornext, body_if}),
                k_block(1, (IrNode *[]){k_assign(y, k_load(i, p))})));
    /* while-style loop with loop_exit: loop: if not x: loop_exit; x = x - 1 */
    IrNode *notx = with_op(ir_node(mod, IR_UNARY, p, 1, k_load(x, p)), IR_UNARY_NOT);
    IrNode *exit_if = ir_node(mod, IR_IF, p, 3, notx,
                              k_block(1, (IrNode *[]){ir_node_new(mod, IR_LOOP_EXIT, p)}),
                              k_block(0, NULL));
    IrNode *dec = k_assign(x, with_op(ir_node(mod, IR_INPLACE, p, 2, k_load(x, p), k_int(1)),
                                      IR_BINOP_SUB));
    add(ir_node(mod, IR_LOOP, p, 2, k_block(2, (IrNode *[]){exit_if, dec}), k_block(0, NULL)));
    /* a, *b, c = [x, *args] */
    IrNode *lst = ir_node(mod, IR_LIST, p, 2, k_load(x, p),
                          ir_node(mod, IR_STARRED, p, 1, k_load(args, p)));
    IrNode *un = ir_node(mod, IR_UNPACK, p, 1, lst);
    un->nvars = 3;
    un->vars = ir_alloc(mod, 3 * sizeof *un->vars);
    un->vars[0] = x; un->vars[1] = y; un->vars[2] = global("g");
    un->star = 1;
    add(un);
    /* x.attr = {1: x, **kw}; del x.attr; x[1:2] = (x, *args); del x[0] */
    IrNode *d = ir_node(mod, IR_DICT, p, 3, k_int(1), k_load(x, p),
                        ir_node(mod, IR_STARRED, p, 1, k_load(kw, p)));
    add(with_cidx(ir_node(mod, IR_STORE_ATTR, p, 2, d, k_load(x, p)), ir_const_str(mod, "attr")));
    add(with_cidx(ir_node(mod, IR_DEL_ATTR, p, 1, k_load(x, p)), ir_const_str(mod, "attr")));
    IrNode *tup = ir_node(mod, IR_TUPLE, p, 2, k_load(x, p),
                          ir_node(mod, IR_STARRED, p, 1, k_load(args, p)));
    IrNode *sl = ir_node(mod, IR_SLICE, p, 3, k_int(1), k_int(2), k_none());
    add(ir_node(mod, IR_STORE_SUBSCR, p, 3, tup, k_load(x, p), sl));
    add(ir_node(mod, IR_DEL_SUBSCR, p, 2, k_load(x, p), k_int(0)));
    /* print(f"{x!r:>{g}}!", {x, *args}, x and y or (y := x if x else None), sep=x) */
    IrNode *spec = ir_node(mod, IR_FSTRING, p, 2, k_str(">"),
                           with_op(ir_node(mod, IR_FORMAT, p, 1, k_name("g", p)), -1));
    IrNode *fmt = with_op(ir_node(mod, IR_FORMAT, p, 2, k_load(x, p), spec), 'r');
    IrNode *fs = ir_node(mod, IR_FSTRING, p, 2, fmt, k_str("!"));
    IrNode *set = ir_node(mod, IR_SET, p, 2, k_load(x, p),
                          ir_node(mod, IR_STARRED, p, 1, k_load(args, p)));
    IrNode *ife = ir_node(mod, IR_IFEXP, p, 3, k_load(x, p), k_load(x, p), k_none());
    IrNode *walrus = with_var(ir_node(mod, IR_ASSIGN_EXPR, p, 1, ife), y);
    IrNode *andor = ir_node(mod, IR_OR, p, 2,
                            ir_node(mod, IR_AND, p, 2, k_load(x, p), k_load(y, p)), walrus);
    const char *kwn[] = {"sep"};
    IrNode *pargs[] = {fs, set, andor, k_load(x, p)};
    add(k_expr(k_call(p, k_name("print", p), 4, pargs, 1, kwn)));
    /* f(*args, x, k=1, **kw, z=2) */
    IrNode *pos = ir_node(mod, IR_TUPLE, p, 2, ir_node(mod, IR_STARRED, p, 1, k_load(args, p)),
                          k_load(x, p));
    IrNode *kws = ir_node(mod, IR_DICT, p, 5, k_str("k"), k_int(1),
                          ir_node(mod, IR_STARRED, p, 1, k_load(kw, p)), k_str("z"), k_int(2));
    add(k_expr(ir_node(mod, IR_CALL_EX, p, 3, k_name("f", p), pos, kws)));
    /* del y; del g; raise ValueError(x) from None */
    add(with_var(ir_node_new(mod, IR_DEL, p), y));
    add(with_var(ir_node_new(mod, IR_DEL, p), global("g")));
    IrNode *vargs[] = {k_load(x, p)};
    add(ir_node(mod, IR_RAISE, p, 2, k_call(p, k_name("ValueError", p), 1, vargs, 0, NULL),
                k_none()));
    fn = module;
    IrNode *mk = ir_node(mod, IR_MAKE_FUNCTION, at(10, 0, 30), 1, k_int(7));
    mk->func = f;
    add(k_assign(global("sink"), mk));
}

/* def dot(p, q): return p.x * q.x + p.y * q.y      (line 1-2)
 * dot.total = dot(C(1), 2)                          (line 3)
 * At -O2: attribute sites with caches, the sum of products fused (peeking
 * the attributes through the same caches the generic code fills), the
 * frame pushed and popped inline, arguments bound inline, a call cache for
 * the call of a name, a cached attribute store.  At -O0 none of them. */
static void def_dot(void)
{
    IrFunction *module = fn;
    IrFunction *f = ir_function_new(mod, module, "dot", "dot", at(1, 0, 40));
    f->argcount = 2;
    IrVar *p = ir_var_new(mod, f, "p", IR_VAR_LOCAL);
    IrVar *q = ir_var_new(mod, f, "q", IR_VAR_LOCAL);
    fn = f;
    int x = ir_const_str(mod, "x"), y = ir_const_str(mod, "y");
    IrNode *px = with_cidx(ir_node(mod, IR_ATTR, at(2, 11, 14), 1, k_load(p, at(2, 11, 12))), x);
    IrNode *qx = with_cidx(ir_node(mod, IR_ATTR, at(2, 17, 20), 1, k_load(q, at(2, 17, 18))), x);
    IrNode *py = with_cidx(ir_node(mod, IR_ATTR, at(2, 23, 26), 1, k_load(p, at(2, 23, 24))), y);
    IrNode *qy = with_cidx(ir_node(mod, IR_ATTR, at(2, 29, 32), 1, k_load(q, at(2, 29, 30))), y);
    add(ir_node(mod, IR_RETURN, at(2, 4, 32), 1,
                k_binop(IR_BINOP_ADD, k_binop(IR_BINOP_MULT, px, qx, at(2, 11, 20)),
                        k_binop(IR_BINOP_MULT, py, qy, at(2, 23, 32)), at(2, 11, 32))));
    fn = module;
    IrNode *mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(1, 0, 40));
    mk->func = f;
    add(k_assign(global("dot"), mk));
    IrNode *cargs[] = {k_int(1)};
    IrNode *args[] = {k_call(at(3, 16, 20), k_name("C", at(3, 16, 17)), 1, cargs, 0, NULL),
                      k_int(2)};
    IrNode *call = k_call(at(3, 12, 24), k_name("dot", at(3, 12, 15)), 2, args, 0, NULL);
    add(with_cidx(ir_node(mod, IR_STORE_ATTR, at(3, 0, 9), 2, call, k_name("dot", at(3, 0, 3))),
                  ir_const_str(mod, "total")));
}

START_TEST(test_fast_paths)
{
    def_dot();
    opt_level = 2;
    char *c = generate(CGEN_EXTENSION);
    opt_level = 0;
    ck_assert_ptr_nonnull(c);
    assert_has(c, "static P2C_AttrCache p2c_acache[");
    assert_has(c, "static P2C_CallCache p2c_ccache[");
    /* the mixed tier's fragment (src/lir/): p.x peeked, then unboxed */
    const char *peek = strstr(c, "PyObject *p2c_k0 = P2C_LoadAttrPeek(&p2c_acache[");
    ck_assert_ptr_nonnull(peek);
    int k = atoi(peek + strlen("PyObject *p2c_k0 = P2C_LoadAttrPeek(&p2c_acache["));
    assert_has(c, "], P2C_SLOT(f, 0));\n");
    assert_has(c, "if (!P2C_Num_Of(p2c_k0, &p2c_a0)) goto p2c_slow");
    assert_has(c, "P2C_Num_Mul(p2c_a0, p2c_a1, &p2c_n0)");
    assert_has(c, "P2C_Num_Add(p2c_n0, p2c_n1, &p2c_n2)");
    assert_has(c, "P2C_Num_Box(p2c_n2)");
    /* the generic code's load of p.x uses the cache the fast path peeks at */
    char generic_load[96];
    snprintf(generic_load, sizeof generic_load,
             "P2C_LoadAttrAt(&p2c_acache[%d], P2C_SLOT(f, 0), p2c_c[", k);
    assert_has(c, generic_load);
    /* the RESUME follows the stub runner's three units (codeobj.c) */
    assert_has(c, "P2C_Frame_PushFunctionFast(f, p2c_func, 2, 3)");
    assert_has(c, "P2C_Frame_PopReturnFast(f, r, 2)");
    assert_has(c, "P2C_TakeArgs(&P2C_SLOT(f, 0), p2c_args, 2, p2c_nargsf);");
    assert_has(c, "P2C_CallCachedSteal(&p2c_ccache[");
    assert_has(c, "P2C_StoreAttrCached(&p2c_acache[");
    assert_compiles("fast", c);
    free(c);
}
END_TEST

/* def linked(self): return self.link is not None     (lines 1-2)
 * def size(self): return len(self.items)              (lines 3-4)
 * print(obj.linked(), obj.size())                     (line 5)
 * At -O2 the call of linked is tried as its copy first (src/cgen/inline.c):
 * the callee checked, self.link peeked through a cache of its own, the
 * identity taken, self and the function released, the real call kept for
 * when the copy gives up.  size reads a global (len): never copied. */
static void def_small_methods(int *k_link)
{
    IrFunction *module = fn;
    IrFunction *linked = ir_function_new(mod, module, "linked", "C.linked", at(1, 0, 40));
    linked->argcount = 1;
    IrVar *self = ir_var_new(mod, linked, "self", IR_VAR_LOCAL);
    fn = linked;
    *k_link = ir_const_str(mod, "link");
    IrNode *link = with_cidx(ir_node(mod, IR_ATTR, at(2, 11, 20), 1, k_load(self, at(2, 11, 15))),
                             *k_link);
    add(ir_node(mod, IR_RETURN, at(2, 4, 32), 1,
                with_op(ir_node(mod, IR_COMPARE, at(2, 11, 32), 2, link, k_none()),
                        IR_CMP_ISNOT)));
    fn = module;
    IrNode *mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(1, 0, 40));
    mk->func = linked;
    add(k_assign(global("linked"), mk));

    IrFunction *size = ir_function_new(mod, module, "size", "C.size", at(3, 0, 40));
    size->argcount = 1;
    IrVar *self2 = ir_var_new(mod, size, "self", IR_VAR_LOCAL);
    fn = size;
    IrNode *items = with_cidx(ir_node(mod, IR_ATTR, at(4, 15, 25), 1,
                                      k_load(self2, at(4, 15, 19))), ir_const_str(mod, "items"));
    IrNode *largs[] = {items};
    add(ir_node(mod, IR_RETURN, at(4, 4, 26), 1,
                k_call(at(4, 11, 26), k_name("len", at(4, 11, 14)), 1, largs, 0, NULL)));
    fn = module;
    mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(3, 0, 40));
    mk->func = size;
    add(k_assign(global("size"), mk));

    IrNode *m1 = with_cidx(ir_node(mod, IR_ATTR, at(5, 6, 16), 1, k_name("obj", at(5, 6, 9))),
                           ir_const_str(mod, "linked"));
    IrNode *m2 = with_cidx(ir_node(mod, IR_ATTR, at(5, 20, 28), 1, k_name("obj", at(5, 20, 23))),
                           ir_const_str(mod, "size"));
    IrNode *pargs[] = {k_call(at(5, 6, 18), m1, 0, NULL, 0, NULL),
                       k_call(at(5, 20, 30), m2, 0, NULL, 0, NULL)};
    add(k_expr(k_call(at(5, 0, 31), k_name("print", at(5, 0, 5)), 2, pargs, 0, NULL)));
}

START_TEST(test_small_method_inlined)
{
    int k_link;
    def_small_methods(&k_link);
    opt_level = 2;
    char *c = generate(CGEN_EXTENSION);
    opt_level = 0;
    ck_assert_ptr_nonnull(c);
    assert_has(c, "P2C_InlinableCallee(");
    assert_has(c, ", p2c_f1_linked)) {");
    char peek[96];
    snprintf(peek, sizeof peek, "P2C_LoadAttrPeekFill(&p2c_acache[");
    assert_has(c, peek);
    snprintf(peek, sizeof peek, ", p2c_c[%d]);", k_link);
    assert_has(c, peek);
    assert_has(c, " != p2c_c[");   /* `is not None`: the identity */
    assert_has(c, "? Py_True : Py_False;");
    assert_has(c, "goto p2c_inl");
    ck_assert_ptr_null(strstr(c, "p2c_f2_size)"));   /* len() is a global: not pure */
    assert_compiles("small_methods", c);
    free(c);

    c = generate(CGEN_EXTENSION);   /* -O0: every call made */
    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_null(strstr(c, "P2C_InlinableCallee("));
    free(c);
}
END_TEST

START_TEST(test_generic_at_O0)
{
    def_dot();
    char *c = generate(CGEN_EXTENSION);
    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_null(strstr(c, "p2c_acache"));
    ck_assert_ptr_null(strstr(c, "p2c_ccache"));
    ck_assert_ptr_null(strstr(c, "P2C_Num_"));
    ck_assert_ptr_null(strstr(c, "Fast("));
    assert_has(c, "PyObject_GetAttr(P2C_SLOT(f, 0), p2c_c[");
    assert_has(c, "PyObject_SetAttr(");
    assert_compiles("generic", c);
    free(c);
}
END_TEST

START_TEST(test_kitchen_sink)
{
    def_kitchen_sink();
    /* import a.b as c; from .m import n */
    IrNode *imp = with_op(ir_node_new(mod, IR_IMPORT_NAME, L1), 0);
    imp->cidx = ir_const_str(mod, "a.b");
    add(k_assign(global("c"), with_cidx(ir_node(mod, IR_ATTR, L1, 1, imp),
                                        ir_const_str(mod, "b"))));
    IrNode *imp2 = with_op(ir_node_new(mod, IR_IMPORT_NAME, L1), 1);
    imp2->cidx = ir_const_str(mod, "m");
    PyObject *from = Py_BuildValue("(s)", "n");
    imp2->cidx2 = ir_const(mod, from);
    Py_DECREF(from);
    IrVar *t = ir_temp_new(mod, fn);
    add(k_assign(t, imp2));
    add(k_assign(global("n"), with_cidx(ir_node(mod, IR_IMPORT_FROM, L1, 1, k_load(t, L1)),
                                        ir_const_str(mod, "n"))));
    add(with_var(ir_node_new(mod, IR_DEL, L1), t));
    /* neg = -1 */
    add(k_assign(global("neg"), with_op(ir_node(mod, IR_UNARY, L1, 1, k_int(1)), IR_UNARY_USUB)));
    char *c = generate(CGEN_EXTENSION);
    ck_assert_ptr_nonnull(c);
    assert_has(c, "if (P2C_SLOT(f, 3) == NULL) { P2C_Frame_SetSite(f, 4); "
               "P2C_RaiseUnboundLocal(p2c_c[");               /* i: maybe unbound */
    ck_assert_ptr_null(strstr(c, "if (P2C_SLOT(f, 0) == NULL)"));  /* x: a parameter */
    assert_has(c, "P2C_IterNext(");
    assert_has(c, "P2C_Unpack(");
    assert_has(c, "P2C_ListExtend(");
    assert_has(c, "P2C_MergeKwargs(");
    assert_has(c, "P2C_CallEx(");
    assert_has(c, "P2C_DictUpdate(");
    assert_has(c, "P2C_SetUpdate(");
    assert_has(c, "P2C_BuildString(");
    assert_has(c, "P2C_FormatValue(");
    assert_has(c, "P2C_Raise(");
    assert_has(c, "P2C_DelGlobal(");
    assert_has(c, "P2C_ImportName(f, p2c_c[");
    assert_has(c, "P2C_ImportFrom(");
    assert_has(c, "PyList_AsTuple(");
    assert_has(c, "P2C_InPlaceOp(10, ");
    assert_has(c, "P2C_UnaryOp(3, ");
    ck_assert_ptr_null(strstr(c, "P2C_UnaryOp(1, "));   /* `if not x` jumps instead */
    assert_has(c, "PyInit_mod");
    assert_compiles("sink", c);
    free(c);
}
END_TEST

/* def outer(a):            (line 2)   a: a parameter that is a cell
 *     def inner(): return a    (line 3)
 *     return inner
 * The prologue makes a's cell, inner's copies its free variable, the
 * closure is a tuple of outer's cells, loads read the cell's content. */
START_TEST(test_closures)
{
    IrFunction *module = fn;
    IrFunction *outer = ir_function_new(mod, module, "outer", "outer", at(2, 0, 5));
    outer->argcount = 1;
    ir_var_new(mod, outer, "a", IR_VAR_CELL);
    IrVar *in = ir_var_new(mod, outer, "inner", IR_VAR_LOCAL);
    IrFunction *inner = ir_function_new(mod, outer, "inner", "outer.<locals>.inner",
                                        at(3, 4, 9));
    IrVar *fa = ir_var_new(mod, inner, "a", IR_VAR_FREE);
    fn = inner;
    add(ir_node(mod, IR_RETURN, at(3, 17, 25), 1, k_load(fa, at(3, 24, 25))));
    fn = outer;
    IrNode *mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(3, 4, 9));
    mk->func = inner;
    add(k_assign(in, mk));
    add(ir_node(mod, IR_RETURN, at(4, 4, 16), 1, k_load(in, at(4, 11, 16))));
    fn = module;
    mk = ir_node_new(mod, IR_MAKE_FUNCTION, at(2, 0, 5));
    mk->func = outer;
    add(k_assign(global("outer"), mk));
    char *c = generate(CGEN_EXTENSION);
    ck_assert_ptr_nonnull(c);
    assert_has(c, "if (P2C_MakeCell(&P2C_SLOT(f, 0)) < 0) goto error;");
    assert_has(c, "P2C_CopyFreeVars(&P2C_SLOT(f, 0), p2c_func, 1);");
    assert_has(c, "PyTuple_Pack(1, P2C_SLOT(f, 0))");
    assert_has(c, "= P2C_CELL_REF(P2C_SLOT(f, 0))) == NULL) { P2C_Frame_SetSite(f, 5); "
               "P2C_RaiseUnboundDeref(p2c_c[");
    assert_compiles("closures", c);
    free(c);
}
END_TEST

/* ---- stub code objects -------------------------------------------------------------- */

/* fn's stub code object, as the target makes it from codeobj.c's
 * description (front_target_marshal; here the embedded interpreter, no
 * helper running). */
static PyObject *stub_code(IrFunction *f, const IrPos *sites, int nsites)
{
    /* the stub's co_consts refer to the module's constants by index: the
     * table is the module's, then the stub, then the indexes of its
     * frozensets (none here), as build_blob and marshal_table lay it out */
    Py_ssize_t at = PyList_GET_SIZE(mod->consts);
    PyObject *desc = cgen_code_object(mod, f, sites, nsites, NULL, 0, 1, (int)at);
    ck_assert_ptr_nonnull(desc);
    PyObject *list = PySequence_List(mod->consts);
    ck_assert_ptr_nonnull(list);
    PyObject *frozen = PyTuple_New(0);
    ck_assert(PyList_Append(list, desc) == 0 && PyList_Append(list, frozen) == 0);
    Py_DECREF(frozen);
    PyObject *table = PyList_AsTuple(list), *indexes = Py_BuildValue("(n)", at);
    Py_DECREF(list);
    PyObject *blob = front_target_marshal(table, indexes);
    if (!blob)
        PyErr_Print();
    ck_assert_ptr_nonnull(blob);
    PyObject *codes = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(blob),
                                                     PyBytes_GET_SIZE(blob));
    ck_assert_ptr_nonnull(codes);
    PyObject *code = Py_NewRef(PyTuple_GET_ITEM(codes, at));
    ck_assert(PyCode_Check(code));
    Py_DECREF(codes);
    Py_DECREF(blob);
    Py_DECREF(table);
    Py_DECREF(indexes);
    Py_DECREF(desc);
    return code;
}

/* Each code unit k < nsites has the position of site k, but the stub
 * runner's nrun units, which have the position of site nrun (what CPython's
 * unit 0 would have); the tail (CGEN_STUB_TAIL_UNITS) the position of
 * unit 0. */
static void assert_positions(PyObject *code, const IrPos *sites, int nsites, int nrun)
{
    PyObject *pos = PyObject_CallMethod(code, "co_positions", NULL);
    PyObject *list = pos ? PySequence_List(pos) : NULL;
    Py_XDECREF(pos);
    ck_assert_ptr_nonnull(list);
    ck_assert_int_eq(PyList_GET_SIZE(list), nsites + CGEN_STUB_TAIL_UNITS);
    for (int k = 0; k < nsites + CGEN_STUB_TAIL_UNITS; k++) {
        int site = k < nsites ? k : 0;
        IrPos s = sites[site < nrun ? nrun : site];
        PyObject *t = PyList_GET_ITEM(list, k);
        long got[4];
        for (int j = 0; j < 4; j++) {
            PyObject *o = PyTuple_GET_ITEM(t, j);
            got[j] = o == Py_None ? -1 : PyLong_AsLong(o);
        }
        long want[4] = {s.line, s.end_line, s.col, s.end_col};
        if (s.line <= 0)
            want[0] = want[1] = want[2] = want[3] = -1;
        else if (s.col < 0 || s.end_col < 0)
            want[1] = s.line, want[2] = want[3] = -1;
        for (int j = 0; j < 4; j++)
            ck_assert_msg(got[j] == want[j], "unit %d field %d: got %ld, want %ld",
                          k, j, got[j], want[j]);
    }
    Py_DECREF(list);
}

START_TEST(test_linetable_roundtrip)
{
    IrFunction *f = ir_function_new(mod, fn, "h", "C.h", at(30, 4, 40));
    f->argcount = 2;
    f->posonlyargcount = 1;
    ir_var_new(mod, f, "a", IR_VAR_LOCAL);
    ir_var_new(mod, f, "b", IR_VAR_LOCAL);
    ir_var_new(mod, f, "c", IR_VAR_LOCAL);
    IrPos sites[] = {
        at(30, 4, 40), at(31, 8, 20), {33, 0, 36, 2}, at(31, 1, 2),   /* back up */
        {32, -1, 32, -1},                        /* no columns */
        {0, -1, 0, -1},                          /* no location */
        at(5000, 300, 1000), at(2, 0, 63), at(2, 63, 64), at(2, 64, 4096),
        {7, 1, 6, 2},                            /* end before start: clamped */
    };
    int n = (int)(sizeof sites / sizeof *sites);
    sites[10].end_line = 7;
    f->doc_cidx = ir_const_str(mod, "The doc.");
    PyObject *code = stub_code(f, sites, n);
    ck_assert_msg(code != NULL, "code object");
    assert_positions(code, sites, n, cgen_stub_run_units(f));
    /* names and signature */
    PyObject *o = PyObject_GetAttrString(code, "co_qualname");
    ck_assert_str_eq(PyUnicode_AsUTF8(o), "C.h");
    Py_DECREF(o);
    o = PyObject_GetAttrString(code, "co_varnames");
    ck_assert_int_eq(PyTuple_GET_SIZE(o), 3);
    ck_assert_str_eq(PyUnicode_AsUTF8(PyTuple_GET_ITEM(o, 1)), "b");
    Py_DECREF(o);
    o = PyObject_GetAttrString(code, "co_consts");
    ck_assert_str_eq(PyUnicode_AsUTF8(PyTuple_GET_ITEM(o, 0)), "The doc.");
    Py_DECREF(o);
    o = PyObject_GetAttrString(code, "co_firstlineno");
    ck_assert_int_eq(PyLong_AsLong(o), 30);
    Py_DECREF(o);
    o = PyObject_GetAttrString(code, "co_flags");
    ck_assert_int_eq(PyLong_AsLong(o) & (CO_OPTIMIZED | CO_NEWLOCALS), CO_OPTIMIZED | CO_NEWLOCALS);
    Py_DECREF(o);
    /* inspect.signature of a function over the stub */
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "code", code);
    PyObject *r = PyRun_String("import inspect, types\n"
                               "sig = str(inspect.signature(types.FunctionType(code, {})))\n",
                               Py_file_input, ns, ns);
    ck_assert_msg(r != NULL, "inspect.signature failed");
    Py_DECREF(r);
    ck_assert_str_eq(PyUnicode_AsUTF8(PyDict_GetItemString(ns, "sig")), "(a, /, b)");
    Py_DECREF(ns);
    Py_DECREF(code);
}
END_TEST

START_TEST(test_module_stub_raises)
{
    IrPos sites[] = {at(1, 0, 0), at(2, 0, 3)};
    PyObject *code = stub_code(fn, sites, 2);
    ck_assert_ptr_nonnull(code);
    assert_positions(code, sites, 2, 0);
    PyObject *g = PyDict_New();
    PyObject *r = PyEval_EvalCode(code, g, g);
    ck_assert_ptr_null(r);
    ck_assert(PyErr_ExceptionMatches(PyExc_AssertionError));
    PyErr_Clear();
    /* and it survives marshal */
    PyObject *m = PyImport_ImportModule("marshal");
    PyObject *b = PyObject_CallMethod(m, "dumps", "O", code);
    PyObject *back = b ? PyObject_CallMethod(m, "loads", "O", b) : NULL;
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(PyObject_RichCompareBool(back, code, Py_EQ), 1);
    Py_XDECREF(back);
    Py_XDECREF(b);
    Py_DECREF(m);
    Py_DECREF(g);
    Py_DECREF(code);
}
END_TEST

/* ---- the emitter ------------------------------------------------------------------- */

START_TEST(test_emitter)
{
    Emitter e;
    emit_init(&e);
    e.indent = 1;
    emit_line(&e, "x%d = NULL;", 3);
    emit_label(&e, "error");
    emit_c_string(&e, "a\"b\\c\n\xc3\xa9?\?=");
    ck_assert_str_eq(e.buf, "    x3 = NULL;\n  error:;\n\"a\\\"b\\\\c\\012\\303\\251?\\?=\"");
    emit_free(&e);
}
END_TEST

/* ---- compiled and run (when the runtime library is built) ---------------------------- */

static char *runtime_lib(void)
{
    static char path[1024];
    const char *env = getenv("P2C_RUNTIME_LIB");
    if (env)
        return access(env, R_OK) == 0 ? (char *)env : NULL;
    FILE *f = fopen("build/runtime-lib.txt", "r");
    if (!f)
        return NULL;
    char *ok = fgets(path, sizeof path, f);
    fclose(f);
    if (!ok)
        return NULL;
    path[strcspn(path, "\n")] = '\0';
    return access(path, R_OK) == 0 ? path : NULL;
}

/* Runs Python source in a fresh namespace with the temp dir on sys.path;
 * returns the value of `result` (new reference) or NULL. */
static PyObject *run_python(const char *src)
{
    PyObject *ns = PyDict_New();
    PyObject *dir = PyUnicode_FromString(tmpdir);
    PyDict_SetItemString(ns, "tmpdir", dir);
    Py_DECREF(dir);
    PyObject *r = PyRun_String(src, Py_file_input, ns, ns);
    if (!r) {
        PyErr_Print();
        Py_DECREF(ns);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *result = PyDict_GetItemString(ns, "result");
    Py_XINCREF(result);
    Py_DECREF(ns);
    return result;
}

START_TEST(test_compiled_module_runs)
{
    const char *lib = runtime_lib();
    if (!lib)
        return;                /* `make runtime` not done: nothing to link */
    ir_module_free(mod);
    mod = ir_module_new("cgenrun", "/src/cgenrun.py");
    fn = ir_function_new(mod, NULL, "<module>", "<module>", at(1, 0, 0));
    def_add();
    IrNode *args[] = {k_int(1), k_int(2)};
    add(k_assign(global("three"),
                 k_call(at(3, 6, 15), k_name("add", at(3, 6, 9)), 2, args, 0, NULL)));
    def_kitchen_sink();
    char *c = generate(CGEN_EXTENSION);
    ck_assert_ptr_nonnull(c);
    const char *path = write_c("cgenrun", c);
    free(c);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "gcc -std=c11 -O2 -Wall -Wextra -Werror -fPIC -shared -Iinclude "
             "-Iruntime %s %s %s -o %s/cgenrun$(%s -c 'import sysconfig; "
             "print(sysconfig.get_config_var(\"EXT_SUFFIX\"))')",
             pyincludes, path, lib, tmpdir, "python3");
    ck_assert_msg(system(cmd) == 0, "%s", cmd);
    PyObject *r = run_python(
        "import sys, traceback\n"
        "sys.path.insert(0, tmpdir)\n"
        "import cgenrun\n"
        "out = [cgenrun.three, cgenrun.add('a', 'b')]\n"
        "try:\n"
        "    cgenrun.add(1, 'x')\n"
        "except TypeError as e:\n"
        "    tb = traceback.extract_tb(e.__traceback__)[-1]\n"
        "    out.append((tb.name, tb.lineno, tb.colno, tb.end_colno))\n"
        "import inspect\n"
        "out.append(str(inspect.signature(cgenrun.add)))\n"
        "result = repr(out)\n");
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(PyUnicode_AsUTF8(r), "[3, 'ab', ('add', 2, 11, 16), '(a, b)']");
    Py_DECREF(r);
    /* sink() against the Python it stands for: same calls, same outcomes,
     * and no reference left behind on any path */
    r = run_python(
        "import sys, cgenrun\n"
        "src = '''\n"
        "def sink(x=7, *args, **kw):\n"
        "    global g\n"
        "    for i in args:\n"
        "        if i: break\n"
        "        else: continue\n"
        "    else:\n"
        "        y = i\n"
        "    while x:\n"
        "        x -= 1\n"
        "    x, *y, g = [x, *args]\n"
        "    x.attr = {1: x, **kw}\n"
        "    del x.attr\n"
        "    x[1:2] = (x, *args)\n"
        "    del x[0]\n"
        "    print(f'{x!r:>{g}}!', {x, *args}, x and y or (y := x if x else None), sep=x)\n"
        "    f(*args, x, k=1, **kw, z=2)\n"
        "    del y\n"
        "    del g\n"
        "    raise ValueError(x) from None\n"
        "'''\n"
        "class C:\n"
        "    def __bool__(self): return False\n"
        "    def __setitem__(self, k, v): log.append(('set', k, v))\n"
        "    def __delitem__(self, k): log.append(('del', k))\n"
        "    def __hash__(self): return 1\n"
        "    def __repr__(self): return 'C'\n"
        "o, a = C(), object()\n"
        "def hook(*args, **kw): log.append((args, kw))\n"
        "py = {'print': hook, 'f': hook}\n"
        "exec(src, py)\n"
        "cgenrun.print = cgenrun.f = hook\n"
        "cases = [(), (o,), (o, 0), (o, a, 5), (o, a, 5, 'w'), (o, a, 5, 'k'), (1, 2, 3)]\n"
        "def run(fn, case):\n"
        "    global log\n"
        "    log = []\n"
        "    kw = {case[-1]: 1} if case and isinstance(case[-1], str) else {}\n"
        "    args = case[:-1] if kw else case\n"
        "    try:\n"
        "        fn(*args, **kw)\n"
        "        return log, 'ok'\n"
        "    except Exception as e:\n"
        "        return log, type(e).__name__ + ': ' + str(e)\n"
        "before = sys.getrefcount(o), sys.getrefcount(a)\n"
        "diffs = []\n"
        "for case in cases:\n"
        "    want, got = run(py['sink'], case), run(cgenrun.sink, case)\n"
        "    if repr(want) != repr(got):\n"
        "        diffs.append((case, want, got))\n"
        "del want, got, log\n"
        "after = sys.getrefcount(o), sys.getrefcount(a)\n"
        "result = repr(diffs) + (' refcounts %r -> %r' % (before, after) if before != after else '')\n");
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(PyUnicode_AsUTF8(r), "[]");
    Py_DECREF(r);
}
END_TEST

/* ---- main ------------------------------------------------------------------------ */

static int find_includes(void)
{
    PyObject *r = run_python(
        "import sysconfig\n"
        "p = sysconfig.get_paths()\n"
        "result = '-I' + p['include'] + ' -I' + p['platinclude']\n");
    if (!r)
        return -1;
    snprintf(pyincludes, sizeof pyincludes, "%s", PyUnicode_AsUTF8(r));
    Py_DECREF(r);
    return 0;
}

int main(void)
{
    Py_Initialize();
    if (!mkdtemp(tmpdir) || find_includes() < 0)
        return 1;
    Suite *s = suite_create("cgen");
    TCase *tc = tcase_create("cgen");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_emitter);
    tcase_add_test(tc, test_linetable_roundtrip);
    tcase_add_test(tc, test_module_stub_raises);
    tcase_add_test(tc, test_simple_module);
    tcase_add_test(tc, test_executable);
    tcase_add_test(tc, test_kitchen_sink);
    tcase_add_test(tc, test_fast_paths);
    tcase_add_test(tc, test_generic_at_O0);
    tcase_add_test(tc, test_small_method_inlined);
    tcase_add_test(tc, test_closures);
    tcase_add_test(tc, test_compiled_module_runs);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    char cmd[256];
    snprintf(cmd, sizeof cmd, getenv("P2C_KEEP") ? "true %s" : "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        failed++;
    Py_Finalize();
    return failed == 0 ? 0 : 1;
}
