/* test_ir.c — unit tests of the IR core (src/ir/): builders, the constant
 * table's deduplication, the printer's baby Python and the verifier's rules.
 * A module is built by hand, printed and compared with the expected text.
 */
#include "pyc2c/compiler/ir.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

static const IrPos P = {1, 0, 1, 0};

static IrModule *mod;

static void setup(void)
{
    mod = ir_module_new("__main__", "/tmp/t.py");
    ck_assert_ptr_nonnull(mod);
}

static void teardown(void)
{
    ir_module_free(mod);
    mod = NULL;
}

static IrPos at(int line)
{
    IrPos p = {line, 0, line, 1};
    return p;
}

/* ---- helpers building nodes --------------------------------------------- */

static IrNode *k_const(PyObject *obj)
{
    IrNode *n = ir_node_new(mod, IR_CONST, P);
    n->cidx = ir_const(mod, obj);
    ck_assert_int_ge(n->cidx, 0);
    return n;
}

static IrNode *k_int(long v)
{
    PyObject *o = PyLong_FromLong(v);
    IrNode *n = k_const(o);
    Py_DECREF(o);
    return n;
}

static IrNode *k_str(const char *s)
{
    IrNode *n = ir_node_new(mod, IR_CONST, P);
    n->cidx = ir_const_str(mod, s);
    return n;
}

static IrNode *k_load(IrVar *v)
{
    IrNode *n = ir_node_new(mod, IR_LOAD, P);
    n->var = v;
    return n;
}

static IrNode *k_assign(IrVar *v, IrNode *value)
{
    IrNode *n = ir_node(mod, IR_ASSIGN, P, 1, value);
    n->var = v;
    return n;
}

static IrNode *k_binop(int op, IrNode *l, IrNode *r)
{
    IrNode *n = ir_node(mod, IR_BINOP, P, 2, l, r);
    n->op = op;
    return n;
}

static IrNode *k_block(void)
{
    return ir_node_new(mod, IR_BLOCK, P);
}

/* The printed module, malloc'ed. */
static char *dump(void)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ir_print_module(f, mod);
    fclose(f);
    return text;
}

static void assert_sound(void)
{
    char msg[512];
    int rc = ir_verify(mod, msg, sizeof msg);
    ck_assert_msg(rc == 0, "verify failed: %s", msg);
}

/* The verifier rejects the module with a message containing `want`. */
static void assert_unsound(const char *want)
{
    char msg[512];
    ck_assert_int_eq(ir_verify(mod, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, want) != NULL, "message '%s' lacks '%s'", msg, want);
}

/* ---- the example module --------------------------------------------------
 *
 *   def add(a, b=1):
 *       x = a + b
 *       return x
 *   for i in seq:
 *       if i: break
 *   else:
 *       print(add(i, b=2))
 */
static void build_example(void)
{
    IrFunction *top = ir_function_new(mod, NULL, "<module>", "<module>", at(1));
    IrFunction *add = ir_function_new(mod, top, "add", "add", at(2));
    add->argcount = 2;
    IrVar *a = ir_var_new(mod, add, "a", IR_VAR_LOCAL);
    IrVar *b = ir_var_new(mod, add, "b", IR_VAR_LOCAL);
    IrVar *x = ir_var_new(mod, add, "x", IR_VAR_LOCAL);
    ir_node_add(mod, add->body, k_assign(x, k_binop(IR_BINOP_ADD, k_load(a), k_load(b))));
    ir_node_add(mod, add->body, ir_node(mod, IR_RETURN, at(4), 1, k_load(x)));

    IrVar *g_add = ir_var_new(mod, top, "add", IR_VAR_GLOBAL);
    IrVar *g_seq = ir_var_new(mod, top, "seq", IR_VAR_GLOBAL);
    IrVar *g_i = ir_var_new(mod, top, "i", IR_VAR_GLOBAL);
    IrVar *g_print = ir_var_new(mod, top, "print", IR_VAR_GLOBAL);
    IrVar *it = ir_temp_new(mod, top);
    IrNode *mk = ir_node(mod, IR_MAKE_FUNCTION, at(2), 1, k_int(1));
    mk->func = add;
    ir_node_add(mod, top->body, k_assign(g_add, mk));
    ir_node_add(mod, top->body, k_assign(it, ir_node(mod, IR_ITER, at(5), 1, k_load(g_seq))));

    IrNode *next = ir_node(mod, IR_FOR_NEXT, at(5), 1, k_load(it));
    next->var = g_i;
    IrNode *body = k_block();
    ir_node_add(mod, body, next);
    IrNode *then = k_block();
    ir_node_add(mod, then, ir_node_new(mod, IR_BREAK, at(6)));
    ir_node_add(mod, body, ir_node(mod, IR_IF, at(6), 3, k_load(g_i), then, k_block()));

    PyObject *kw = Py_BuildValue("(s)", "b");
    IrNode *inner = ir_node(mod, IR_CALL, at(8), 3, k_load(g_add), k_load(g_i), k_int(2));
    inner->cidx = ir_const(mod, kw);
    Py_DECREF(kw);
    IrNode *orelse = k_block();
    ir_node_add(mod, orelse, ir_node(mod, IR_EXPR, at(8), 1,
                                     ir_node(mod, IR_CALL, at(8), 2, k_load(g_print), inner)));
    ir_node_add(mod, top->body, ir_node(mod, IR_LOOP, at(5), 2, body, orelse));
    ir_node_add(mod, top->body, ir_node(mod, IR_RETURN, at(8), 1, k_const(Py_None)));
}

static const char expected_example[] =
    "# module __main__\n"
    "\n"
    "def <module>():  # line 1\n"
    "    add = make_function(add, defaults=(1,))\n"
    "    $t1 = iter(seq)\n"
    "    loop:\n"
    "        i = next($t1) else exhausted\n"
    "        if i:\n"
    "            break\n"
    "    else:\n"
    "        print(add(i, b=2))\n"
    "    return None\n"
    "\n"
    "def add(a, b):  # line 2\n"
    "    x = a + b\n"
    "    return x\n";

START_TEST(test_print_example)
{
    build_example();
    char *text = dump();
    ck_assert_str_eq(text, expected_example);
    free(text);
    assert_sound();
}
END_TEST

/* ---- printer forms ------------------------------------------------------- */

static char *print_node(IrNode *n)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ir_print_node(f, mod, n, 1);
    fclose(f);
    return text;
}

static void assert_prints(IrNode *n, const char *want)
{
    char *text = print_node(n);
    ck_assert_str_eq(text, want);
    free(text);
}

START_TEST(test_print_forms)
{
    IrFunction *top = ir_function_new(mod, NULL, "<module>", "<module>", P);
    IrVar *v = ir_var_new(mod, top, "v", IR_VAR_GLOBAL);
    IrVar *t[3] = {ir_temp_new(mod, top), ir_temp_new(mod, top), ir_temp_new(mod, top)};
    IrNode *u = ir_node(mod, IR_UNPACK, P, 1, k_load(v));
    u->vars = ir_alloc(mod, 3 * sizeof *u->vars);
    memcpy(u->vars, t, sizeof t);
    u->nvars = 3;
    u->star = 1;
    assert_prints(u, "    $t1, *$t2, $t3 = unpack(v)\n");

    IrNode *mul = k_binop(IR_BINOP_MULT, k_binop(IR_BINOP_ADD, k_load(v), k_int(1)),
                          k_str("s"));
    assert_prints(mul, "    (v + 1) * 's'\n");
    IrNode *neg = ir_node(mod, IR_UNARY, P, 1, k_load(v));
    neg->op = IR_UNARY_NOT;
    assert_prints(neg, "    not v\n");
    IrNode *d = ir_node(mod, IR_DICT, P, 3, k_str("k"), k_int(1),
                        ir_node(mod, IR_STARRED, P, 1, k_load(v)));
    assert_prints(d, "    {'k': 1, **v}\n");
    IrNode *sa = ir_node(mod, IR_STORE_ATTR, P, 2, k_int(3), k_load(v));
    sa->cidx = ir_const_str(mod, "attr");
    assert_prints(sa, "    v.attr = 3\n");
    IrNode *fmt = ir_node(mod, IR_FORMAT, P, 2, k_load(v), k_str(">4"));
    fmt->op = 'r';
    assert_prints(ir_node(mod, IR_FSTRING, P, 2, k_str("x="), fmt),
                  "    fstring('x=', format(repr(v), '>4'))\n");
    PyObject *z = PyFloat_FromDouble(-0.0);
    IrNode *neg_zero = k_const(z);
    Py_DECREF(z);
    assert_prints(ir_node(mod, IR_TUPLE, P, 1, neg_zero), "    (-0.0,)\n");
}
END_TEST

START_TEST(test_params)
{
    ir_function_new(mod, NULL, "<module>", "<module>", P);
    IrFunction *f = ir_function_new(mod, mod->funcs[0], "f", "C.f", at(3));
    f->argcount = 2;
    f->posonlyargcount = 1;
    f->kwonlyargcount = 1;
    f->fnflags = IR_FN_VARARGS | IR_FN_VARKEYWORDS;
    const char *names[] = {"a", "b", "k", "args", "kw"};
    for (int i = 0; i < 5; i++)
        ir_var_new(mod, f, names[i], IR_VAR_LOCAL);
    char *text = dump();
    ck_assert_ptr_nonnull(strstr(text, "def f(a, /, b, *args, k, **kw):  # C.f, line 3\n"));
    free(text);
}
END_TEST

/* ---- constants ----------------------------------------------------------- */

static int cidx_of(const char *expr)
{
    PyObject *obj = PyRun_String(expr, Py_eval_input, PyEval_GetBuiltins(),
                                 PyEval_GetBuiltins());
    ck_assert_ptr_nonnull(obj);
    int idx = ir_const(mod, obj);
    Py_DECREF(obj);
    return idx;
}

START_TEST(test_const_dedup)
{
    int one = cidx_of("1");
    ck_assert_int_eq(cidx_of("1"), one);
    ck_assert_int_ne(cidx_of("1.0"), one);
    ck_assert_int_ne(cidx_of("True"), one);
    ck_assert_int_ne(cidx_of("True"), cidx_of("1.0"));
    ck_assert_int_ne(cidx_of("1+0j"), cidx_of("1.0"));
    ck_assert_int_eq(cidx_of("1.0"), cidx_of("1.0"));
    ck_assert_int_ne(cidx_of("0.0"), cidx_of("-0.0"));
    ck_assert_int_eq(cidx_of("-0.0"), cidx_of("-0.0"));
    ck_assert_int_ne(cidx_of("0j"), cidx_of("-0j"));
    ck_assert_int_ne(cidx_of("complex(-0.0, 0.0)"), cidx_of("0j"));
    ck_assert_int_ne(cidx_of("(1,)"), cidx_of("(1.0,)"));
    ck_assert_int_eq(cidx_of("(1, (2, 'x'))"), cidx_of("(1, (2, 'x'))"));
    ck_assert_int_ne(cidx_of("(1, (2, 'x'))"), cidx_of("(1, (2.0, 'x'))"));
    ck_assert_int_eq(cidx_of("frozenset({1, 2})"), cidx_of("frozenset({2, 1})"));
    ck_assert_int_ne(cidx_of("frozenset({1})"), cidx_of("frozenset({1.0})"));
    ck_assert_int_ne(cidx_of("b'a'"), cidx_of("'a'"));
    ck_assert_int_eq(cidx_of("None"), cidx_of("None"));
    ck_assert_int_ne(cidx_of("0"), cidx_of("False"));
    ck_assert_int_eq(ir_const_str(mod, "x"), cidx_of("'x'"));
    /* -0.0 survives as itself */
    PyObject *z = ir_const_get(mod, cidx_of("-0.0"));
    ck_assert(PyFloat_Check(z) && copysign(1.0, PyFloat_AS_DOUBLE(z)) < 0);
    ck_assert_ptr_null(ir_const_get(mod, 100000));
}
END_TEST

START_TEST(test_const_interned)
{
    PyObject *s = PyUnicode_FromString("not an identifier!");
    int idx = ir_const(mod, s);
    ck_assert(PyUnicode_CHECK_INTERNED(ir_const_get(mod, idx)));
    Py_DECREF(s);
}
END_TEST

START_TEST(test_vars)
{
    IrFunction *top = ir_function_new(mod, NULL, "<module>", "<module>", P);
    IrFunction *f = ir_function_new(mod, top, "f", "f", P);
    IrVar *a = ir_var_new(mod, f, "a", IR_VAR_LOCAL);
    IrVar *c = ir_var_new(mod, f, "c", IR_VAR_CELL);
    IrVar *t = ir_temp_new(mod, f);
    IrVar *g = ir_var_new(mod, f, "g", IR_VAR_GLOBAL);
    ck_assert_int_eq(a->slot, 0);
    ck_assert_int_eq(c->slot, 1);
    ck_assert_int_eq(t->slot, 0);
    ck_assert_int_eq(g->slot, -1);
    ck_assert_int_eq(f->nslots, 2);
    ck_assert_str_eq(t->name, "$t1");
    ck_assert_ptr_eq(ir_var_find(f, "g"), g);
    ck_assert_ptr_null(ir_var_find(f, "$t1"));
    ck_assert_ptr_null(ir_var_find(top, "a"));
    ck_assert_str_eq(PyUnicode_AsUTF8(ir_const_get(mod, g->name_cidx)), "g");
    ck_assert_int_eq(mod->nfuncs, 2);
    ck_assert_int_eq(f->id, 1);
}
END_TEST

static int count_visit(IrNode *n, void *ctx)
{
    (void)n;
    return ++*(int *)ctx == 1000 ? 7 : 0;
}

START_TEST(test_walk)
{
    build_example();
    int count = 0;
    ck_assert_int_eq(ir_walk(mod->funcs[1]->body, count_visit, &count), 0);
    ck_assert_int_eq(count, 7);  /* block, assign, binop, load, load, return, load */
}
END_TEST

/* ---- the verifier ------------------------------------------------------- */

START_TEST(test_verify_break_outside_loop)
{
    build_example();
    ir_node_add(mod, mod->funcs[1]->body, ir_node_new(mod, IR_BREAK, at(9)));
    assert_unsound("add line 9: break: outside the body of a loop");
}
END_TEST

START_TEST(test_verify_break_in_loop_else)
{
    build_example();
    IrNode *loop = mod->funcs[0]->body->kids[2];
    ck_assert_int_eq(loop->kind, IR_LOOP);
    ir_node_add(mod, loop->kids[1], ir_node_new(mod, IR_CONTINUE, P));
    assert_unsound("continue: outside the body of a loop");
}
END_TEST

START_TEST(test_verify_kids)
{
    build_example();
    IrNode *ret = mod->funcs[1]->body->kids[1];
    ir_node_add(mod, ret, k_int(1));
    assert_unsound("return: has 2 kids");
}
END_TEST

START_TEST(test_verify_kid_class)
{
    build_example();
    ir_node_add(mod, mod->funcs[1]->body, k_int(5));
    assert_unsound("block: kid 2 (const) should be a statement");
}
END_TEST

START_TEST(test_verify_foreign_var)
{
    build_example();
    IrVar *a = mod->funcs[1]->vars[0];
    ir_node_add(mod, mod->funcs[0]->body, ir_node(mod, IR_EXPR, P, 1, k_load(a)));
    assert_unsound("variable a belongs to another function");
}
END_TEST

START_TEST(test_verify_frame_var_in_module)
{
    build_example();
    IrVar *l = ir_var_new(mod, mod->funcs[0], "l", IR_VAR_LOCAL);
    ir_node_add(mod, mod->funcs[0]->body, k_assign(l, k_int(1)));
    assert_unsound("module code uses the frame variable l");
}
END_TEST

START_TEST(test_verify_const_range)
{
    build_example();
    IrNode *c = k_int(1);
    c->cidx = 9999;
    ir_node_add(mod, mod->funcs[1]->body, ir_node(mod, IR_EXPR, P, 1, c));
    assert_unsound("constant index 9999 out of range");
}
END_TEST

START_TEST(test_verify_attr_name_type)
{
    build_example();
    IrNode *at_ = ir_node(mod, IR_ATTR, P, 1, k_int(1));
    at_->cidx = ir_const(mod, Py_None);
    ir_node_add(mod, mod->funcs[1]->body, ir_node(mod, IR_EXPR, P, 1, at_));
    assert_unsound("is a NoneType, not a str");
}
END_TEST

START_TEST(test_verify_shared_node)
{
    build_example();
    IrNode *ret = mod->funcs[1]->body->kids[1];
    ir_node_add(mod, mod->funcs[1]->body, ret);
    assert_unsound("appears twice");
}
END_TEST

START_TEST(test_verify_starred)
{
    build_example();
    IrNode *s = ir_node(mod, IR_STARRED, P, 1, k_int(1));
    ir_node_add(mod, mod->funcs[1]->body, ir_node(mod, IR_EXPR, P, 1, s));
    assert_unsound("starred: outside a display");
}
END_TEST

START_TEST(test_verify_op_range)
{
    build_example();
    mod->funcs[1]->body->kids[0]->kids[0]->op = IR_BINOP_COUNT;
    assert_unsound("binop: operator 13 out of range");
}
END_TEST

START_TEST(test_verify_helper_args)
{
    build_example();
    IrNode *h = ir_node(mod, IR_HELPER, P, 1, k_int(1));
    h->op = IR_HELPER_MATCH_KEYS;
    ir_node_add(mod, mod->funcs[1]->body, ir_node(mod, IR_EXPR, P, 1, h));
    assert_unsound("helper: match_keys takes 2 arguments, has 1");
}
END_TEST

START_TEST(test_verify_helper_range)
{
    build_example();
    IrNode *h = ir_node(mod, IR_HELPER, P, 1, k_int(1));
    h->op = IR_HELPER_COUNT;
    ir_node_add(mod, mod->funcs[1]->body, ir_node(mod, IR_EXPR, P, 1, h));
    assert_unsound("out of range");
}
END_TEST

static Suite *ir_suite(void)
{
    Suite *s = suite_create("ir");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_print_example);
    tcase_add_test(tc, test_print_forms);
    tcase_add_test(tc, test_params);
    tcase_add_test(tc, test_const_dedup);
    tcase_add_test(tc, test_const_interned);
    tcase_add_test(tc, test_vars);
    tcase_add_test(tc, test_walk);
    tcase_add_test(tc, test_verify_break_outside_loop);
    tcase_add_test(tc, test_verify_break_in_loop_else);
    tcase_add_test(tc, test_verify_kids);
    tcase_add_test(tc, test_verify_kid_class);
    tcase_add_test(tc, test_verify_foreign_var);
    tcase_add_test(tc, test_verify_frame_var_in_module);
    tcase_add_test(tc, test_verify_const_range);
    tcase_add_test(tc, test_verify_attr_name_type);
    tcase_add_test(tc, test_verify_shared_node);
    tcase_add_test(tc, test_verify_starred);
    tcase_add_test(tc, test_verify_op_range);
    tcase_add_test(tc, test_verify_helper_args);
    tcase_add_test(tc, test_verify_helper_range);
    suite_add_tcase(s, tc);
    return s;
}

/* The IR needs a running interpreter (its constant table holds objects);
 * the same isolated set-up as the front end's. */
static int start_python(void)
{
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    PyStatus st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    return PyStatus_Exception(st) ? -1 : 0;
}

int main(void)
{
    if (start_python() < 0)
        return EXIT_FAILURE;
    SRunner *sr = srunner_create(ir_suite());
    srunner_set_fork_status(sr, CK_NOFORK);   /* one embedded interpreter */
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    Py_Finalize();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
