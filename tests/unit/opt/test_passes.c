/* test_passes.c — the pass pipeline (src/opt/passes.c).
 *
 * The table: its names, order and levels, which the driver, --dump-ir and
 * the docs rely on.  The runner: which passes run at -O0 and -O2, the IR
 * printed before and after a pass, the dump points refused, and a broken
 * IR caught naming the pass after which it broke (with verification after
 * each pass) or the last pass (without).  The broken IR comes from a test
 * table whose "break" pass makes one node the kid of two parents.
 */
#include "pyc2c/compiler/front.h"   /* Python.h first, as it requires */
#include "pyc2c/compiler/lower.h"
#include "pyc2c/compiler/opt.h"
#include "pyc2c/compiler/passes.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ---------------------------------------------------------------- */

typedef struct {
    AstUnit *unit;
    IrModule *m;
} Lowered;

static Lowered lower_source(const char *src)
{
    char path[] = "/tmp/p2c_passesXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    Lowered l = {front_parse_file(path, path), NULL};
    ck_assert_ptr_nonnull(l.unit);
    l.m = lower_module(l.unit, "__main__");
    ck_assert_ptr_nonnull(l.m);
    unlink(path);
    return l;
}

static void lowered_free(Lowered l)
{
    ir_module_free(l.m);
    front_unit_free(l.unit);
}

/* A pipeline at level, its message buffer err. */
static OptPipeline pipeline(int level, char *err, size_t errsize)
{
    OptPipeline p = {
        .cx.python_version = PY_VERSION_HEX,
        .opt_level = level,
        .dump = OPT_DUMP_NONE,
        .file = "t.py",
        .err = err,
        .errsize = errsize,
    };
    err[0] = '\0';
    return p;
}

/* The IR of src printed at the dump point (when, pass), malloc'd. */
static char *dump_at(const char *src, OptDumpWhen when, const char *pass)
{
    Lowered l = lower_source(src);
    char err[512];
    OptPipeline p = pipeline(2, err, sizeof err);
    char *text = NULL;
    size_t len = 0;
    p.dump = when;
    p.dump_pass = pass;
    p.dump_out = open_memstream(&text, &len);
    int r = opt_run_passes(l.m, &p);
    fclose(p.dump_out);
    ck_assert_msg(r == 1, "run: %d %s", r, err);
    lowered_free(l);
    return text;
}

/* ---- the table ------------------------------------------------------------------ */

START_TEST(test_table_names_order_levels)
{
    static const struct { const char *name; int level; } want[] = {
        {"lower", 0}, {"fold", 0}, {"bound", 1}, {"collect", 1},
    };
    int n;
    const OptPass *t = opt_pass_table(&n);
    ck_assert_int_eq(n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < n; i++) {
        ck_assert_str_eq(t[i].name, want[i].name);
        ck_assert_int_eq(t[i].min_level, want[i].level);
        ck_assert_msg(t[i].description && strlen(t[i].description) > 10, "%s", t[i].name);
        ck_assert_ptr_eq(opt_pass_find(t[i].name), &t[i]);
        /* only "lower" has no function: the driver lowers before the table */
        ck_assert_int_eq(t[i].run == NULL, i == 0);
    }
    ck_assert_ptr_null(opt_pass_find("nope"));
    ck_assert_ptr_null(opt_pass_find(""));
    char names[128];
    opt_pass_names(names, sizeof names);
    /* the low-level IR's passes (src/lir/passes.c) are named last */
    ck_assert_str_eq(names, "lower, fold, bound, collect, select, release");
}
END_TEST

START_TEST(test_dump_points_checked)
{
    char err[256];
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_END, NULL, 0, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_AFTER, "lower", 0, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_BEFORE, "fold", 0, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_AFTER, "collect", 2, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_AFTER, "flod", 2, err, sizeof err), -1);
    ck_assert_str_eq(err, "--dump-ir: unknown pass 'flod' (passes: lower, fold, bound, "
                     "collect, select, release)");
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_BEFORE, "lower", 2, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no IR before 'lower'"));
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_BEFORE, "bound", 0, err, sizeof err), -1);
    ck_assert_str_eq(err, "--dump-ir: pass 'bound' does not run at -O0");
    /* the low-level IR's: nothing before "select"; only at -O2 */
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_AFTER, "select", 2, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_BEFORE, "release", 2, err, sizeof err), 0);
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_BEFORE, "select", 2, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no low-level IR before 'select'"));
    ck_assert_int_eq(opt_check_dump_point(OPT_DUMP_AFTER, "release", 0, err, sizeof err), -1);
    ck_assert_str_eq(err, "--dump-ir: pass 'release' does not run at -O0");
}
END_TEST

/* ---- the runner ------------------------------------------------------------------- */

/* Before fold the power is an operation; after it, one constant. */
START_TEST(test_dump_before_and_after_fold)
{
    const char *src = "x = 2 ** 10\n";
    char *before = dump_at(src, OPT_DUMP_BEFORE, "fold");
    char *after = dump_at(src, OPT_DUMP_AFTER, "fold");
    char *lowered = dump_at(src, OPT_DUMP_AFTER, "lower");
    char *end = dump_at(src, OPT_DUMP_END, NULL);
    ck_assert_msg(strstr(before, "x = 2 ** 10\n") != NULL, "%s", before);
    ck_assert_msg(strstr(after, "x = 1024\n") != NULL, "%s", after);
    ck_assert_str_eq(lowered, before);
    ck_assert_str_eq(end, after);
    free(before);
    free(after);
    free(lowered);
    free(end);
}
END_TEST

static bool first_load_known_bound(const IrModule *m)
{
    for (int i = 0; i < m->nfuncs; i++) {
        if (strcmp(m->funcs[i]->name, "f") != 0)
            continue;
        const IrNode *ret = m->funcs[i]->body->kids[0];
        ck_assert_int_eq(ret->kind, IR_RETURN);
        ck_assert_int_eq(ret->kids[0]->kind, IR_LOAD);
        return ret->kids[0]->known_bound;
    }
    ck_abort_msg("no function f");
    return false;
}

/* bound (from -O1) marks a parameter's load at -O2, not at -O0; fold runs
 * at both. */
START_TEST(test_levels_select_passes)
{
    const char *src = "def f(a):\n    return a\ny = -1\n";
    for (int level = 0; level <= 2; level += 2) {
        Lowered l = lower_source(src);
        char err[512];
        OptPipeline p = pipeline(level, err, sizeof err);
        ck_assert_msg(opt_run_passes(l.m, &p) == 0, "%s", err);
        ck_assert_int_eq(first_load_known_bound(l.m), level > 0);
        const IrNode *assign = l.m->funcs[0]->body->kids[1];
        ck_assert_int_eq(assign->kids[0]->kind, IR_CONST);
        lowered_free(l);
    }
}
END_TEST

/* ---- broken IR and failing passes --------------------------------------------- */

static int calls_after_break;

/* Makes the module's first statement the kid of two blocks. */
static int break_ir(IrModule *m, const OptContext *cx)
{
    (void)cx;
    IrNode *body = m->funcs[0]->body;
    ir_node_add(m, body, body->kids[0]);
    return 0;
}

static int harmless(IrModule *m, const OptContext *cx)
{
    (void)m;
    (void)cx;
    calls_after_break++;
    return 0;
}

static int out_of_memory(IrModule *m, const OptContext *cx)
{
    (void)m;
    (void)cx;
    return -1;
}

static const OptPass breaking_table[] = {
    {"lower", NULL, 0, "the IR as lowered"},
    {"fold", NULL, 0, "set to the real fold below"},
    {"break", break_ir, 0, "shares a node"},
    {"later", harmless, 0, "changes nothing"},
};

static int run_breaking(bool verify_each, char *err, size_t errsize)
{
    OptPass table[4];
    memcpy(table, breaking_table, sizeof table);
    table[1] = *opt_pass_find("fold");
    Lowered l = lower_source("x = 1 + 2\nprint(x)\n");
    OptPipeline p = pipeline(2, err, errsize);
    p.verify_each = verify_each;
    calls_after_break = 0;
    int r = opt_run_pipeline(l.m, table, 4, &p);
    lowered_free(l);
    return r;
}

/* Verified after each pass: the pass that broke the IR is named, and the
 * passes after it do not run. */
START_TEST(test_broken_ir_names_the_pass)
{
    char err[1024];
    ck_assert_int_eq(run_breaking(true, err, sizeof err), -1);
    static const char want[] =
        "internal error: IR of t.py fails verification after pass 'break': ";
    ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "%s", err);
    ck_assert_msg(strstr(err, "twice") || strstr(err, "shared"), "%s", err);
    ck_assert_int_eq(calls_after_break, 0);
}
END_TEST

/* Verified only at the end: the IR is still refused, naming the last pass
 * and how to find the one that broke it. */
START_TEST(test_broken_ir_found_at_the_end)
{
    char err[1024];
    ck_assert_int_eq(run_breaking(false, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "after pass 'later' (PYC2C_VERIFY_EACH_PASS=1 verifies after "
                              "each pass): ") != NULL, "%s", err);
    ck_assert_int_eq(calls_after_break, 1);
}
END_TEST

/* IR that lowering broke is named as lowering's, before any pass runs. */
START_TEST(test_broken_lowering_named)
{
    Lowered l = lower_source("x = 1\n");
    break_ir(l.m, NULL);
    char err[1024];
    OptPipeline p = pipeline(2, err, sizeof err);
    p.verify_each = true;
    ck_assert_int_eq(opt_run_passes(l.m, &p), -1);
    ck_assert_msg(strstr(err, "after pass 'lower': ") != NULL, "%s", err);
    lowered_free(l);
}
END_TEST

START_TEST(test_failing_pass_named)
{
    const OptPass table[] = {
        {"lower", NULL, 0, "the IR as lowered"},
        {"oom", out_of_memory, 0, "fails"},
        {"later", harmless, 0, "changes nothing"},
    };
    Lowered l = lower_source("x = 1\n");
    char err[512];
    OptPipeline p = pipeline(0, err, sizeof err);
    calls_after_break = 0;
    ck_assert_int_eq(opt_run_pipeline(l.m, table, 3, &p), -1);
    ck_assert_str_eq(err, "out of memory in pass 'oom' on t.py");
    ck_assert_int_eq(calls_after_break, 0);
    lowered_free(l);
}
END_TEST

int main(void)
{
    if (front_init() < 0)
        return 1;
    Suite *s = suite_create("passes");
    TCase *tc = tcase_create("passes");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_table_names_order_levels);
    tcase_add_test(tc, test_dump_points_checked);
    tcase_add_test(tc, test_dump_before_and_after_fold);
    tcase_add_test(tc, test_levels_select_passes);
    tcase_add_test(tc, test_broken_ir_names_the_pass);
    tcase_add_test(tc, test_broken_ir_found_at_the_end);
    tcase_add_test(tc, test_broken_lowering_named);
    tcase_add_test(tc, test_failing_pass_named);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
