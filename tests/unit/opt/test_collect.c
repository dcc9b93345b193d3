/* test_collect.c — which calls feed a generator expression in place
 * (src/opt/collect.c).
 *
 * Each case is a module whose function f makes one call; after lowering and
 * the pass, the call marked (if any) must carry the expected consumer kind,
 * and its generator expression the same kind.  A wrong mark would not
 * miscompile (the run-time test still checks the callee) but would write a
 * collector for nothing, or lose the fast path.
 */
#include "pyc2c/compiler/front.h"   /* Python.h first, as it requires */
#include "pyc2c/compiler/lower.h"
#include "pyc2c/compiler/opt.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *src;
    const char *kind;    /* opt_collect_kind_id of the marked call: "NONE" if none */
} Case;

static const Case cases[] = {
    {"def f(xs):\n    return sum(x for x in xs)\n", "SUM"},
    {"def f(xs):\n    return list(x * 2 for x in xs if x)\n", "LIST"},
    {"def f(xs):\n    return tuple(x for x in xs)\n", "TUPLE"},
    {"def f(xs):\n    return set(x for x in xs)\n", "SET"},
    {"def f(xs):\n    return frozenset(x for x in xs)\n", "FROZENSET"},
    {"def f(xs):\n    return sorted(x for x in xs)\n", "SORTED"},
    {"def f(xs):\n    return min(x for x in xs)\n", "MIN"},
    {"def f(xs):\n    return max(x for x in xs)\n", "MAX"},
    {"def f(xs):\n    return any(x for x in xs)\n", "ANY"},
    {"def f(xs):\n    return all(x for x in xs)\n", "ALL"},
    {"def f(xs):\n    return ', '.join(str(x) for x in xs)\n", "JOIN"},
    {"def f(xs, s):\n    return s.join(x for x in xs)\n", "JOIN"},
    /* nested loops and conditions are still one generator expression */
    {"def f(xs):\n    return sum(x * y for x in xs for y in xs if x < y)\n", "SUM"},
    /* a callee that is a local, or a name no consumer has: not marked */
    {"def f(xs, sum):\n    return sum(x for x in xs)\n", "NONE"},
    {"def f(xs):\n    return g(x for x in xs)\n", "NONE"},
    {"def f(xs):\n    return join(x for x in xs)\n", "NONE"},
    {"def f(xs):\n    return xs.sum(x for x in xs)\n", "NONE"},
    /* more arguments or keywords: the consumer's other behaviours */
    {"def f(xs):\n    return sum((x for x in xs), 10)\n", "NONE"},
    {"def f(xs):\n    return sorted((x for x in xs), key=abs)\n", "NONE"},
    {"def f(xs):\n    return max((x for x in xs), default=0)\n", "NONE"},
    /* not a generator expression */
    {"def f(xs):\n    return sum([x for x in xs])\n", "NONE"},
    {"def f(xs):\n    return sum(xs)\n", "NONE"},
    /* an async generator expression */
    {"async def f(xs):\n    return list(x async for x in xs)\n", "NONE"},
};
enum { NCASES = sizeof cases / sizeof cases[0] };

typedef struct {
    int kind;            /* the marked call's kind, 0 if none */
    int calls;           /* marked calls seen */
    IrFunction *genexpr; /* the marked call's generator expression */
} Seen;

static int find_marked(IrNode *n, void *ctx)
{
    Seen *s = ctx;
    if (n->kind == IR_CALL && n->collect) {
        s->kind = n->collect;
        s->calls++;
        s->genexpr = n->kids[1]->kids[0]->func;
    }
    return 0;
}

static IrFunction *find_function(IrModule *m, const char *name)
{
    for (int i = 0; i < m->nfuncs; i++)
        if (!strcmp(m->funcs[i]->name, name))
            return m->funcs[i];
    return NULL;
}

static IrModule *lower_source(const char *src, AstUnit **unit)
{
    char path[] = "/tmp/p2c_collectXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    *unit = front_parse_file(path, path);
    ck_assert_ptr_nonnull(*unit);
    IrModule *m = lower_module(*unit, "__main__");
    ck_assert_ptr_nonnull(m);
    unlink(path);
    return m;
}

START_TEST(test_collect_case)
{
    const Case *c = &cases[_i];
    AstUnit *u;
    IrModule *m = lower_source(c->src, &u);
    opt_collect_module(m);
    char vbuf[256];
    ck_assert_msg(ir_verify(m, vbuf, sizeof vbuf) == 0, "ir_verify: %s", vbuf);
    IrFunction *fn = find_function(m, "f");
    ck_assert_ptr_nonnull(fn);
    Seen s = {0, 0, NULL};
    ir_walk(fn->body, find_marked, &s);
    ck_assert_msg(strcmp(opt_collect_kind_id(s.kind), c->kind) == 0,
                  "case %d: marked %s, want %s\n%s", _i, opt_collect_kind_id(s.kind), c->kind,
                  c->src);
    ck_assert_int_le(s.calls, 1);
    if (s.kind) {
        ck_assert_int_eq(s.genexpr->collect, s.kind);
        ck_assert_str_eq(s.genexpr->name, "<genexpr>");
    }
    /* no other function is marked as a collector */
    for (int i = 0; i < m->nfuncs; i++)
        if (m->funcs[i] != s.genexpr)
            ck_assert_int_eq(m->funcs[i]->collect, 0);
    ir_module_free(m);
    front_unit_free(u);
}
END_TEST

/* Module code and class bodies call consumers by name too (a NAME, not a
 * GLOBAL): both calls are marked. */
START_TEST(test_module_and_class_calls)
{
    AstUnit *u;
    IrModule *m = lower_source("t = sum(x for x in xs)\n"
                               "class C:\n    u = any(y for y in ys)\n", &u);
    opt_collect_module(m);
    Seen module = {0, 0, NULL}, body = {0, 0, NULL};
    ir_walk(m->funcs[0]->body, find_marked, &module);
    IrFunction *c = find_function(m, "C");
    ck_assert_ptr_nonnull(c);
    ir_walk(c->body, find_marked, &body);
    ck_assert_str_eq(opt_collect_kind_id(module.kind), "SUM");
    ck_assert_str_eq(opt_collect_kind_id(body.kind), "ANY");
    ck_assert_int_eq(module.calls, 1);
    ck_assert_int_eq(body.calls, 1);
    ir_module_free(m);
    front_unit_free(u);
}
END_TEST

int main(void)
{
    if (front_init() < 0)
        return 1;
    Suite *s = suite_create("collect");
    TCase *tc = tcase_create("collect");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_collect_case, 0, NCASES);
    tcase_add_test(tc, test_module_and_class_calls);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
