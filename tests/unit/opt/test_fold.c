/* test_fold.c — constant folding (src/opt/fold.c) against CPython's rules.
 *
 * Each case is a one-line module `x = EXPR`; after lowering and folding,
 * the printed assignment must read as expected.  The expectations follow
 * Python/ast_opt.c: what CPython folds is folded, what it leaves to run
 * time (a raising operation, a result over its size limits, `%` on a
 * string, a display that is a call's argument form) stays an operation.
 * A last test checks against the embedded interpreter itself: CPython's
 * own compiler makes one constant of exactly the cases we fold into one.
 */
#include "pyc2c/compiler/front.h"   /* Python.h first, as it requires */
#include "pyc2c/compiler/lower.h"
#include "pyc2c/compiler/opt.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *expr;
    const char *folded;     /* the printed right-hand side after folding */
} Case;

static const Case cases[] = {
    {"2 ** 64 - 1", "18446744073709551615"},
    {"-5", "-5"},
    {"~7", "-8"},
    {"~True", "-2"},                     /* not from 3.12 on (deprecated) */
    {"not 0", "True"},
    {"1 + 2j", "(1+2j)"},
    {"2.0 ** 0.5", "1.4142135623730951"},
    {"(1, 2, (3, -4))", "(1, 2, (3, -4))"},
    {"(1, 2) * 2", "(1, 2, 1, 2)"},
    {"'abc'[1]", "'b'"},
    {"(1, 2, 3)[-1]", "3"},
    {"2 ** 64", "18446744073709551616"},
    {"2 ** 128", "2 ** 128"},            /* over 128 bits */
    {"1 << 126", "85070591730234615865843651857942052864"},
    {"1 << 128", "1 << 128"},
    {"(1 << 64) * (1 << 63)", "18446744073709551616 * 9223372036854775808"},
    {"'x' * 4097", "'x' * 4097"},
    {"(0,) * 257", "(0,) * 257"},
    {"1 / 0", "1 / 0"},                  /* raises at run time, at its place */
    {"'%s' % 1", "'%s' % 1"},            /* formatting stays a run-time op */
    {"('a', 'b')[5]", "('a', 'b')[5]"},
    {"[1, 2][0]", "[1, 2][0]"},          /* a list is not a constant */
    {"1 in [1, 2]", "1 in (1, 2)"},
    {"1 in {1, 2}", "1 in frozenset({1, 2})"},
    {"1 in [1, y]", "1 in (1, y)"},
    {"{7, 255, 1000}", "{*frozenset({1000, 255, 7})}"},   /* SET_UPDATE */
    {"{7, 255}", "{7, 255}"},            /* two items: BUILD_SET 2 */
    {"{7, 255, y}", "{7, 255, y}"},
    {"1 < 2", "1 < 2"},                  /* comparisons are not folded */
    {"f(*(1, 2))", "f(*(*(1, 2),))"},        /* the call's argument display */
};
enum { NCASES = sizeof cases / sizeof cases[0] };

/* The value assigned by the module's first statement, `x = ...`. */
static const IrNode *first_value(const IrModule *m)
{
    const IrNode *body = m->funcs[0]->body;
    ck_assert_int_ge(body->nkids, 1);
    ck_assert_int_eq(body->kids[0]->kind, IR_ASSIGN);
    return body->kids[0]->kids[0];
}

/* The printed right-hand side of `x = ...` in the folded module of src;
 * *constant tells whether it was folded into one constant. */
static char *fold_and_print_for(const char *src, int *constant, unsigned version)
{
    char path[] = "/tmp/p2c_foldXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    AstUnit *u = front_parse_file(path, path);
    ck_assert_ptr_nonnull(u);
    IrModule *m = lower_module(u, "__main__");
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(opt_fold_module(m, version), 0);
    char vbuf[256];
    ck_assert_msg(ir_verify(m, vbuf, sizeof vbuf) == 0, "ir_verify: %s", vbuf);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ir_print_module(out, m);
    fclose(out);
    *constant = first_value(m)->kind == IR_CONST;
    ir_module_free(m);
    front_unit_free(u);
    unlink(path);
    char *at = strstr(text, "x = ");
    ck_assert_msg(at != NULL, "no assignment in:\n%s", text);
    at += 4;
    char *rhs = strndup(at, strcspn(at, "\n"));
    free(text);
    return rhs;
}

static char *fold_and_print(const char *src, int *constant)
{
    return fold_and_print_for(src, constant, PY_VERSION_HEX);
}

START_TEST(test_fold_case)
{
    char src[256];
    snprintf(src, sizeof src, "x = %s\n", cases[_i].expr);
    int constant;
    char *got = fold_and_print(src, &constant);
    ck_assert_msg(strcmp(got, cases[_i].folded) == 0, "%s: folded to %s, want %s",
                  cases[_i].expr, got, cases[_i].folded);
    free(got);
}
END_TEST

/* The whole folded module of src, printed; *m_out keeps the module (and
 * *u_out its AST) for the caller to inspect and free. */
static char *fold_module_text(const char *src, IrModule **m_out, AstUnit **u_out)
{
    char path[] = "/tmp/p2c_foldXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    *u_out = front_parse_file(path, path);
    ck_assert_ptr_nonnull(*u_out);
    *m_out = lower_module(*u_out, "__main__");
    ck_assert_ptr_nonnull(*m_out);
    unlink(path);
    ck_assert_int_eq(opt_fold_module(*m_out, PY_VERSION_HEX), 0);
    char vbuf[256];
    ck_assert_msg(ir_verify(*m_out, vbuf, sizeof vbuf) == 0, "ir_verify: %s", vbuf);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ir_print_module(out, *m_out);
    fclose(out);
    return text;
}

/* Folds seen in the printed module: iterables of for loops and
 * comprehensions, and the bodies of functions, not only the module's. */
static const struct {
    const char *src;
    const char *printed;    /* a line of the folded module */
} in_module[] = {
    {"for i in [1, 2, 3]:\n    pass\n", "$t1 = iter((1, 2, 3))\n"},
    {"for i in [1, y]:\n    pass\n", "$t1 = iter((1, y))\n"},      /* a tuple display */
    {"for i in {1, 2, 3}:\n    pass\n", "$t1 = iter(frozenset({1, 2, 3}))\n"},
    {"z = [q for q in [1, 2]]\n", "z = make_function(<listcomp>)(iter((1, 2)))\n"},
    {"def h():\n    return 2 ** 8\n", "    return 256\n"},
    {"def h():\n    def k():\n        return -(1,)[0]\n", "def k():  # h.<locals>.k, line 2\n    return -1\n"},
};
enum { NIN_MODULE = sizeof in_module / sizeof in_module[0] };

START_TEST(test_fold_in_module)
{
    IrModule *m;
    AstUnit *u;
    char *text = fold_module_text(in_module[_i].src, &m, &u);
    ck_assert_msg(strstr(text, in_module[_i].printed) != NULL, "want %s in:\n%s",
                  in_module[_i].printed, text);
    free(text);
    ir_module_free(m);
    front_unit_free(u);
}
END_TEST

/* The bases of a class statement are the display build_class takes, not a
 * value: they stay a TUPLE of constants, never one CONST. */
START_TEST(test_class_bases_stay_a_display)
{
    IrModule *m;
    AstUnit *u;
    free(fold_module_text("class C(1, 2):\n    pass\n", &m, &u));
    const IrNode *assign = m->funcs[0]->body->kids[0];
    ck_assert_int_eq(assign->kind, IR_ASSIGN);
    const IrNode *build = assign->kids[0];
    ck_assert_int_eq(build->kind, IR_BUILD_CLASS);
    ck_assert_int_eq(build->kids[1]->kind, IR_TUPLE);
    ck_assert_int_eq(build->kids[1]->nkids, 2);
    ir_module_free(m);
    front_unit_free(u);
}
END_TEST

/* 3.12 deprecates `~` on a bool and no longer folds it. */
START_TEST(test_invert_bool_from_312)
{
    int constant;
    char *got = fold_and_print_for("x = ~True\n", &constant, 0x030C0000);
    ck_assert_str_eq(got, "~True");
    ck_assert_int_eq(constant, 0);
    free(got);
    got = fold_and_print_for("x = ~True\n", &constant, 0x030A0000);
    ck_assert_str_eq(got, "-2");
    free(got);
}
END_TEST

/* CPython's compiler makes one constant (`x = EXPR` compiles to LOAD_CONST,
 * STORE_NAME) of exactly the cases we fold into one CONST. */
START_TEST(test_same_as_cpython)
{
    PyObject *g = PyDict_New();
    PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins());
    const char *probe =
        "def folded_by_cpython(expr):\n"
        "    co = compile('x = ' + expr, 'probe', 'exec')\n"
        "    import dis\n"
        "    ops = [i.opname for i in dis.get_instructions(co)]\n"
        "    return ops[:2] == ['RESUME', 'LOAD_CONST'] and ops[2] == 'STORE_NAME'\n";
    PyObject *r = PyRun_String(probe, Py_file_input, g, g);
    ck_assert_ptr_nonnull(r);
    Py_DECREF(r);
    PyObject *fn = PyDict_GetItemString(g, "folded_by_cpython");
    for (int i = 0; i < NCASES; i++) {
        PyObject *b = PyObject_CallFunction(fn, "s", cases[i].expr);
        if (!b)
            PyErr_Print();
        ck_assert_ptr_nonnull(b);
        char src[256];
        snprintf(src, sizeof src, "x = %s\n", cases[i].expr);
        int ours;
        free(fold_and_print(src, &ours));
        ck_assert_msg(ours == (b == Py_True), "%s: CPython %s it, we %s", cases[i].expr,
                      b == Py_True ? "folds" : "does not fold", ours ? "do" : "do not");
        Py_DECREF(b);
    }
    Py_DECREF(g);
}
END_TEST

int main(void)
{
    if (front_init() < 0)
        return 1;
    Suite *s = suite_create("fold");
    TCase *tc = tcase_create("fold");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_fold_case, 0, NCASES);
    tcase_add_loop_test(tc, test_fold_in_module, 0, NIN_MODULE);
    tcase_add_test(tc, test_class_bases_stay_a_display);
    tcase_add_test(tc, test_invert_bool_from_312);
    tcase_add_test(tc, test_same_as_cpython);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
