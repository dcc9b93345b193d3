/* test_lir.c — unit tests of the low-level IR (src/lir/): the operation
 * table, the builder, the verifier's rules (each broken once), the dump and
 * the C printer.
 */
#include "pyc2c/compiler/lir.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

static const LirValue NONE = {.kind = LV_NONE};

/* The float tier of `a * b + 2` over two locals: the fragment numeric.c
 * builds for it. */
static LirFragment *float_tree(void)
{
    LirFragment *f = lir_fragment_new("float tier at line 1", true);
    int next = lir_exit(f, "p2c_mixed0"), slow = lir_exit(f, "p2c_slow0");
    ck_assert_int_eq(lir_exit(f, "p2c_mixed0"), next);   /* one exit per label */
    int a = lir_add(f, LIR_UNBOX_F64, lir_reg_new(f, LT_F64, "p2c_fl%d", 0),
                    lir_c(f, LT_OBJ, "P2C_SLOT(f, %d)", 0), NONE, next);
    int b = lir_add(f, LIR_UNBOX_F64, lir_reg_new(f, LT_F64, "p2c_fl1"),
                    lir_c(f, LT_OBJ, "P2C_SLOT(f, 1)"), NONE, next);
    int m = lir_add(f, LIR_F64_MUL, lir_reg_new(f, LT_F64, "p2c_fn0"), lir_reg(f, a),
                    lir_reg(f, b), -1);
    lir_add(f, LIR_F64_DIV, lir_reg_new(f, LT_F64, "p2c_fn1"), lir_reg(f, m),
            lir_i64(LT_F64, 2), slow);
    return f;
}

static void add_line(void *ctx, const char *text)
{
    FILE *out = ctx;
    fprintf(out, "%s\n", text);
}

/* What the dump, the C printer or the pad printer writes for f. */
enum { DUMP, C, PADS };

static char *text_of(const LirFragment *f, int what)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (what == DUMP)
        lir_print(out, f);
    else if (what == C)
        lir_emit_c(f, 0, add_line, out);
    else
        lir_emit_pads(f, add_line, out);
    fclose(out);
    return buf;
}

static char *dump(const LirFragment *f) { return text_of(f, DUMP); }
static char *c_of(const LirFragment *f) { return text_of(f, C); }

/* Verifies f, expecting failure with `want` in the message. */
static void expect_broken(LirFragment *f, const char *want)
{
    char msg[512];
    ck_assert_int_eq(lir_verify(f, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, want) != NULL, "message '%s' lacks '%s'", msg, want);
    lir_fragment_free(f);
}

START_TEST(test_table_is_whole)
{
    /* every row has a name, a template, and operand types in range */
    for (int op = 0; op < LIR_NOPS; op++) {
        ck_assert_ptr_nonnull(lir_ops[op].name);
        ck_assert_ptr_nonnull(lir_ops[op].c_template);
        ck_assert_int_lt(lir_ops[op].result, LT_NTYPES);
        /* a template naming the exit belongs to an operation that fails */
        bool exits = strstr(lir_ops[op].c_template, "%x") != NULL;
        ck_assert_int_eq(exits, lir_ops[op].fails != LIR_NEVER);
        bool result = strstr(lir_ops[op].c_template, "%r") != NULL;
        ck_assert_int_eq(result, lir_ops[op].result != LT_VOID);
    }
}
END_TEST

START_TEST(test_well_formed)
{
    LirFragment *f = float_tree();
    char msg[512] = "";
    ck_assert_msg(lir_verify(f, msg, sizeof msg) == 0, "%s", msg);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_dump)
{
    LirFragment *f = float_tree();
    char *text = dump(f);
    ck_assert_str_eq(text,
        "fragment float tier at line 1 (runs no code)\n"
        "block 0:\n"
        "  %p2c_fl0: f64 = unbox_f64 [P2C_SLOT(f, 0)] else p2c_mixed0\n"
        "  %p2c_fl1: f64 = unbox_f64 [P2C_SLOT(f, 1)] else p2c_mixed0\n"
        "  %p2c_fn0: f64 = f64_mul %p2c_fl0, %p2c_fl1\n"
        "  %p2c_fn1: f64 = f64_div %p2c_fn0, f64(2) else p2c_slow0\n");
    free(text);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_c)
{
    LirFragment *f = float_tree();
    char *text = c_of(f);
    ck_assert_str_eq(text,
        "double p2c_fl0;\n"
        "if (!P2C_Float_Of(P2C_SLOT(f, 0), &p2c_fl0)) goto p2c_mixed0;\n"
        "double p2c_fl1;\n"
        "if (!P2C_Float_Of(P2C_SLOT(f, 1), &p2c_fl1)) goto p2c_mixed0;\n"
        "double p2c_fn0 = p2c_fl0 * p2c_fl1;\n"
        "double p2c_fn1;\n"
        "if (!P2C_Float_Div(p2c_fn0, ((double)2L), &p2c_fn1)) goto p2c_slow0;\n");
    free(text);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_c_immediates)
{
    /* a double prints with every bit (%a), a tagged number wrapped */
    LirFragment *f = lir_fragment_new("mixed", true);
    int slow = lir_exit(f, "p2c_slow0");
    lir_add(f, LIR_NUM_ADD, lir_reg_new(f, LT_NUM, "n0"), lir_f64(LT_NUM, 0.1),
            lir_i64(LT_NUM, -3), slow);
    char *text = c_of(f);
    ck_assert_str_eq(text, "P2C_Num n0;\n"
                           "if (!P2C_Num_Add(P2C_Num_Float(0x1.999999999999ap-4), "
                           "P2C_Num_Int(-3L), &n0)) goto p2c_slow0;\n");
    free(text);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_verify_operand_type)
{
    LirFragment *f = float_tree();
    /* an i64 immediate where f64_add declares f64 */
    lir_add(f, LIR_F64_ADD, lir_reg_new(f, LT_F64, "x"), lir_i64(LT_I64, 1),
            lir_f64(LT_F64, 1.0), -1);
    expect_broken(f, "operand 0 is i64, f64 declared");
}
END_TEST

START_TEST(test_verify_result_type)
{
    LirFragment *f = float_tree();
    lir_add(f, LIR_F64_ADD, lir_reg_new(f, LT_I64, "x"), lir_f64(LT_F64, 1.0),
            lir_f64(LT_F64, 1.0), -1);
    expect_broken(f, "result register %x is i64, the result f64");
}
END_TEST

START_TEST(test_verify_use_before_def)
{
    LirFragment *f = lir_fragment_new("t", true);
    int later = lir_reg_new(f, LT_F64, "later");
    lir_add(f, LIR_F64_NEG, lir_reg_new(f, LT_F64, "y"), lir_reg(f, later), NONE, -1);
    lir_add(f, LIR_F64_NEG, later, lir_f64(LT_F64, 1.0), NONE, -1);
    expect_broken(f, "register %later read before it is assigned");
}
END_TEST

START_TEST(test_verify_assigned_twice)
{
    LirFragment *f = lir_fragment_new("t", true);
    int x = lir_reg_new(f, LT_F64, "x");
    lir_add(f, LIR_F64_NEG, x, lir_f64(LT_F64, 1.0), NONE, -1);
    lir_block_new(f);   /* across blocks too */
    lir_add(f, LIR_F64_NEG, x, lir_f64(LT_F64, 2.0), NONE, -1);
    expect_broken(f, "block 1 instruction 0 (f64_neg): register %x assigned twice");
}
END_TEST

START_TEST(test_verify_exits)
{
    LirFragment *f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_DIV, lir_reg_new(f, LT_F64, "q"), lir_f64(LT_F64, 1.0),
            lir_f64(LT_F64, 0.0), -1);
    expect_broken(f, "no exit for an operation that can fail");
    f = lir_fragment_new("t", true);
    int e = lir_exit(f, "out");
    lir_add(f, LIR_F64_MUL, lir_reg_new(f, LT_F64, "p"), lir_f64(LT_F64, 1.0),
            lir_f64(LT_F64, 0.0), e);
    expect_broken(f, "an exit for an operation that cannot fail");
}
END_TEST

START_TEST(test_verify_operand_count)
{
    LirFragment *f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_NEG, lir_reg_new(f, LT_F64, "y"), lir_f64(LT_F64, 1.0),
            lir_f64(LT_F64, 1.0), -1);
    expect_broken(f, "operand 1 given, none declared");
    f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_ADD, lir_reg_new(f, LT_F64, "y"), lir_f64(LT_F64, 1.0), NONE, -1);
    expect_broken(f, "operand 1 missing");
}
END_TEST

START_TEST(test_verify_symbol)
{
    LirFragment *f = lir_fragment_new("t", true);
    int e = lir_exit(f, "out");
    lir_add(f, LIR_F64_MATH, lir_reg_new(f, LT_F64, "y"), lir_f64(LT_F64, 1.0),
            lir_c(f, LT_OBJ, "Sqrt"), e);
    expect_broken(f, "operand 1 must be a C symbol");
}
END_TEST

START_TEST(test_verify_inexact_immediate)
{
    /* 2**53 + 1 has no double: converting it would round */
    LirFragment *f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_NEG, lir_reg_new(f, LT_F64, "y"), lir_i64(LT_F64, (1L << 53) + 1),
            NONE, -1);
    expect_broken(f, "is not exactly a double");
}
END_TEST

START_TEST(test_verify_result_register)
{
    LirFragment *f = lir_fragment_new("t", true);
    int e = lir_exit(f, "out");
    lir_add(f, LIR_GUARD_REPLACEABLE, lir_reg_new(f, LT_OBJ, "r"), lir_c(f, LT_OBJ, "x"), NONE,
            e);
    expect_broken(f, "a result register for an operation without result");
    f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_NEG, -1, lir_f64(LT_F64, 1.0), NONE, -1);
    expect_broken(f, "no result register");
}
END_TEST

START_TEST(test_verify_names)
{
    LirFragment *f = lir_fragment_new("t", true);
    lir_add(f, LIR_F64_NEG, lir_reg_new(f, LT_F64, "v"), lir_f64(LT_F64, 1.0), NONE, -1);
    lir_add(f, LIR_F64_NEG, lir_reg_new(f, LT_F64, "v"), lir_f64(LT_F64, 2.0), NONE, -1);
    expect_broken(f, "two registers named %v");
}
END_TEST

START_TEST(test_copy_takes_operand_type)
{
    LirFragment *f = lir_fragment_new("t", true);
    int x = lir_add(f, LIR_COPY, lir_reg_new(f, LT_I64, "x"), lir_i64(LT_I64, 7), NONE, -1);
    char msg[256] = "";
    ck_assert_msg(lir_verify(f, msg, sizeof msg) == 0, "%s", msg);
    lir_add(f, LIR_COPY, lir_reg_new(f, LT_F64, "y"), lir_reg(f, x), NONE, -1);
    expect_broken(f, "result register %y is f64, the result i64");
}
END_TEST

/* The end of a single tree's tier: the result boxed (its MemoryError to
 * the handler `error`) and handed to the C variable x0. */
static LirFragment *boxed(void)
{
    LirFragment *f = lir_fragment_new("t", true);
    int slow = lir_exit(f, "p2c_slow0");
    int q = lir_add(f, LIR_F64_DIV, lir_reg_new(f, LT_F64, "q"), lir_f64(LT_F64, 1.0),
                    lir_c(f, LT_F64, "d"), slow);
    lir_add(f, LIR_SET_SITE, -1, lir_i64(LT_I64, 3), NONE, -1);
    lir_add(f, LIR_BOX_F64, lir_reg_new(f, LT_OWNED, "r"), lir_reg(f, q), NONE,
            lir_exit(f, "error"));
    return f;
}

START_TEST(test_owned_handed_on)
{
    LirFragment *f = boxed();
    lir_add(f, LIR_MOVE_OUT, -1, lir_reg(f, 1), lir_sym(f, "x0"), -1);
    char msg[256] = "";
    ck_assert_msg(lir_verify(f, msg, sizeof msg) == 0, "%s", msg);
    char *text = c_of(f);
    ck_assert_str_eq(text, "double q;\n"
                           "if (!P2C_Float_Div(0x1p+0, d, &q)) goto p2c_slow0;\n"
                           "P2C_Frame_SetSite(f, 3L);\n"
                           "PyObject *r = PyFloat_FromDouble(q);\n"
                           "if (r == NULL) goto error;\n"
                           "x0 = r;\n");
    free(text);
    text = dump(f);
    ck_assert_msg(strstr(text, "  %r: owned = box_f64 %q else error\n  move_out %r, x0\n"), "%s",
                  text);
    free(text);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_verify_owned_never_consumed)
{
    expect_broken(boxed(), "owned register %r is never consumed");
}
END_TEST

START_TEST(test_verify_owned_consumed_twice)
{
    LirFragment *f = boxed();
    lir_add(f, LIR_MOVE_OUT, -1, lir_reg(f, 1), lir_sym(f, "x0"), -1);
    lir_add(f, LIR_MOVE_OUT, -1, lir_reg(f, 1), lir_sym(f, "x1"), -1);
    expect_broken(f, "owned register %r used after it was consumed");
}
END_TEST

START_TEST(test_verify_exit_while_held)
{
    /* a guard failing after the box would leave the reference behind */
    LirFragment *f = boxed();
    lir_add(f, LIR_GUARD_REPLACEABLE, -1, lir_c(f, LT_OBJ, "v"), NONE, lir_exit(f, "p2c_slow0"));
    lir_add(f, LIR_MOVE_OUT, -1, lir_reg(f, 1), lir_sym(f, "x0"), -1);
    expect_broken(f, "guard_replaceable): an exit while owned register %r is held");
}
END_TEST

START_TEST(test_verify_borrowed_is_not_owned)
{
    /* a borrowed object cannot be handed on as a reference */
    LirFragment *f = lir_fragment_new("t", true);
    lir_add(f, LIR_MOVE_OUT, -1, lir_c(f, LT_OBJ, "P2C_SLOT(f, 0)"), lir_sym(f, "x0"), -1);
    expect_broken(f, "operand 0 is obj, owned declared");
}
END_TEST

/* A run's tail: two values boxed to replace two variables, then both
 * committed; a MemoryError of the second box must release the first. */
static LirFragment *two_boxes(void)
{
    LirFragment *f = lir_fragment_new("run", true);
    int nomem = lir_exit(f, "nomem");
    int b0 = lir_add(f, LIR_REUSE_OR_BOX_F64, lir_reg_new(f, LT_XOWNED, "b0"),
                     lir_f64(LT_F64, 1.0), lir_c(f, LT_OBJ, "x"), nomem);
    int b1 = lir_add(f, LIR_BOX_I64, lir_reg_new(f, LT_OWNED, "b1"), lir_i64(LT_I64, 2), NONE,
                     nomem);
    lir_add3(f, LIR_COMMIT_F64, -1, lir_reg(f, b0), lir_sym(f, "x"), lir_f64(LT_F64, 1.0), -1);
    lir_add(f, LIR_COMMIT_OWNED, -1, lir_reg(f, b1), lir_sym(f, "y"), -1);
    return f;
}

START_TEST(test_release_pass)
{
    LirFragment *f = two_boxes();
    /* before the pass the second box's exit would leak b0 */
    char msg[256] = "";
    ck_assert_int_eq(lir_verify(f, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, "instruction 1 (box_i64): an exit while owned register %b0 is held"),
                  "%s", msg);
    ck_assert_int_eq(lir_insert_releases(f), 1);
    ck_assert_msg(lir_verify(f, msg, sizeof msg) == 0, "%s", msg);
    ck_assert_int_eq(lir_insert_releases(f), 0);   /* a second run changes nothing */
    char *text = dump(f);
    ck_assert_msg(strstr(text, "  %b1: owned = box_i64 2 else nomem releasing %b0\n"), "%s", text);
    ck_assert_msg(strstr(text, "  %b0: xowned = reuse_or_box_f64 1.0, [x] else nomem\n"), "%s",
                  text);
    free(text);
    text = c_of(f);
    ck_assert_msg(strstr(text, "if (b1 == NULL) goto nomem_r1;\n"), "%s", text);
    ck_assert_msg(strstr(text, "if (b0) Py_XSETREF(x, b0); else P2C_Float_Reset(x, 0x1p+0);\n"),
                  "%s", text);
    free(text);
    text = text_of(f, PADS);
    ck_assert_str_eq(text, "nomem_r1:;\nPy_XDECREF(b0);\ngoto nomem;\n");
    free(text);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_verify_pad_releases_too_much)
{
    /* a pad releasing a register not held there would release it twice */
    LirFragment *f = two_boxes();
    lir_insert_releases(f);
    int slow = lir_exit(f, "slow");
    lir_add(f, LIR_GUARD_REPLACEABLE, -1, lir_c(f, LT_OBJ, "z"), NONE, slow);
    f->blocks[0].instrs[4].exit = f->blocks[0].instrs[1].exit;   /* nomem releasing b0 */
    expect_broken(f, "the exit's pad releases a register not held there");
}
END_TEST

START_TEST(test_verify_selected)
{
    /* as selected, a box's exit while another is held is what the release
     * pass will mend: accepted; a release written before that pass is not */
    LirFragment *f = two_boxes();
    char msg[256] = "";
    ck_assert_msg(lir_verify_selected(f, 0, msg, sizeof msg) == 0, "%s", msg);
    lir_insert_releases(f);
    ck_assert_int_eq(lir_verify_selected(f, 0, msg, sizeof msg), -1);
    ck_assert_msg(strstr(msg, "an exit releasing registers before the release pass"), "%s",
                  msg);
    /* blocks before first_block have been through the pass: checked whole */
    ck_assert_msg(lir_verify_selected(f, 1, msg, sizeof msg) == 0, "%s", msg);
    lir_fragment_free(f);
}
END_TEST

/* lir_run_passes over f from block first with a dump at (pass, before). */
static char *run_dumping(LirFragment *f, int first, const char *pass, bool before, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    char msg[512] = "";
    FILE *out = open_memstream(&buf, &len);
    LirDump d = {pass, before, out};
    *rc = lir_run_passes(f, first, &d, msg, sizeof msg);
    fclose(out);
    if (*rc != 0) {
        free(buf);
        return strdup(msg);
    }
    return buf;
}

START_TEST(test_pass_pipeline)
{
    int n, rc;
    const LirPass *t = lir_pass_table(&n);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(t[0].name, "select");
    ck_assert_ptr_null(t[0].run);
    ck_assert_ptr_eq(lir_pass_find("release"), &t[1]);
    ck_assert_ptr_null(lir_pass_find("fold"));   /* the IR's, not the low-level IR's */
    /* the dump points: as selected (= before release), after release */
    LirFragment *f = two_boxes();
    char *sel = run_dumping(f, 0, "select", false, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_msg(strstr(sel, "  %b1: owned = box_i64 2 else nomem\n"), "%s", sel);
    lir_fragment_free(f);
    f = two_boxes();
    char *before = run_dumping(f, 0, "release", true, &rc);
    ck_assert_str_eq(before, sel);
    lir_fragment_free(f);
    f = two_boxes();
    char *after = run_dumping(f, 0, "release", false, &rc);
    ck_assert_msg(strstr(after, "  %b1: owned = box_i64 2 else nomem releasing %b0\n"), "%s",
                  after);
    /* a later run over new blocks prints only those, the passes run again */
    lir_block_new(f);
    int slow = lir_exit(f, "slow");
    lir_add(f, LIR_GUARD_REPLACEABLE, -1, lir_c(f, LT_OBJ, "z"), NONE, slow);
    char *more = run_dumping(f, 1, "release", false, &rc);
    ck_assert_str_eq(more, "block 1:\n  guard_replaceable [z] else slow\n");
    free(sel);
    free(before);
    free(after);
    free(more);
    lir_fragment_free(f);
}
END_TEST

START_TEST(test_pass_pipeline_names_the_pass)
{
    /* a fragment broken as selected is reported before any pass runs */
    LirFragment *f = two_boxes();
    f->blocks[0].instrs[1].exit = -1;   /* box_i64 without its exit */
    int rc;
    char *msg = run_dumping(f, 0, NULL, false, &rc);
    ck_assert_int_eq(rc, -1);
    ck_assert_msg(strstr(msg, "after pass 'select': ") &&
                  strstr(msg, "no exit for an operation that can fail"), "%s", msg);
    free(msg);
    lir_fragment_free(f);
}
END_TEST

static Suite *lir_suite(void)
{
    Suite *s = suite_create("lir");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_table_is_whole);
    tcase_add_test(tc, test_well_formed);
    tcase_add_test(tc, test_dump);
    tcase_add_test(tc, test_c);
    tcase_add_test(tc, test_c_immediates);
    tcase_add_test(tc, test_verify_operand_type);
    tcase_add_test(tc, test_verify_result_type);
    tcase_add_test(tc, test_verify_use_before_def);
    tcase_add_test(tc, test_verify_assigned_twice);
    tcase_add_test(tc, test_verify_exits);
    tcase_add_test(tc, test_verify_operand_count);
    tcase_add_test(tc, test_verify_symbol);
    tcase_add_test(tc, test_verify_inexact_immediate);
    tcase_add_test(tc, test_verify_result_register);
    tcase_add_test(tc, test_verify_names);
    tcase_add_test(tc, test_copy_takes_operand_type);
    tcase_add_test(tc, test_owned_handed_on);
    tcase_add_test(tc, test_verify_owned_never_consumed);
    tcase_add_test(tc, test_verify_owned_consumed_twice);
    tcase_add_test(tc, test_verify_exit_while_held);
    tcase_add_test(tc, test_verify_borrowed_is_not_owned);
    tcase_add_test(tc, test_release_pass);
    tcase_add_test(tc, test_verify_pad_releases_too_much);
    tcase_add_test(tc, test_verify_selected);
    tcase_add_test(tc, test_pass_pipeline);
    tcase_add_test(tc, test_pass_pipeline_names_the_pass);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lir_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
