/* test_bound.c — definite assignment (src/opt/bound.c).
 *
 * Each case is a module defining `f`; after lowering and the pass, the
 * loads (and dels) of one variable of f, in the order the IR holds them,
 * must be marked known-bound ('1') or left tested ('0') as expected.  A
 * wrong '1' is a miscompile (a missing UnboundLocalError, or a NULL read);
 * a wrong '0' only costs a test, but shows the analysis lost precision.
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
    const char *var;
    const char *marks;   /* one char per LOAD/DEL of var in f, in IR order */
} Case;

static const Case cases[] = {
    /* parameters are bound; del unbinds */
    {"def f(a):\n    a\n    del a\n    a\n", "a", "110"},
    /* both branches assign; one branch only */
    {"def f(c):\n    if c:\n        x = 1\n    else:\n        x = 2\n    x\n", "x", "1"},
    {"def f(c):\n    if c:\n        x = 1\n    x\n", "x", "0"},
    /* a branch that returns does not count */
    {"def f(c):\n    if c:\n        return\n    else:\n        x = 1\n    x\n", "x", "1"},
    /* a loop may run zero times; the body sees its own assignment only
     * after it */
    {"def f(n):\n    for i in range(n):\n        x = i\n        x\n    x\n", "x", "10"},
    /* a del inside the loop reaches the top of the body through the back edge */
    {"def f(n):\n    x = 0\n    for i in range(n):\n        x\n        del x\n        x = 1\n", "x",
     "11"},
    {"def f(n):\n    x = 0\n    for i in range(n):\n        x\n        del x\n", "x", "00"},
    /* while-else: the else block runs on the false test only; break skips it */
    {"def f(n):\n    while n:\n        n -= 1\n        if n == 5:\n            r = 1\n"
     "            break\n    else:\n        r = 2\n    r\n", "r", "1"},
    {"def f(n):\n    while n:\n        if n:\n            break\n        r = 1\n"
     "    else:\n        r = 2\n    r\n", "r", "0"},
    /* continue is a back edge */
    {"def f(n):\n    x = 1\n    for i in range(n):\n        if i:\n            del x\n"
     "            continue\n        x = 2\n    x\n", "x", "00"},
    /* a handler starts from what entered the try, less what the body deletes */
    {"def f():\n    try:\n        v = g()\n    except E:\n        v\n    v\n", "v", "00"},
    {"def f():\n    v = 0\n    try:\n        v = g()\n    except E:\n        v\n    v\n", "v", "11"},
    {"def f():\n    v = 0\n    try:\n        del v\n        v = g()\n    except E:\n        v\n"
     "    v\n", "v", "100"},
    {"def f():\n    try:\n        v = g()\n    except E:\n        v = 1\n    v\n", "v", "1"},
    /* finally: from what entered the try; after it, what the body bound */
    {"def f():\n    try:\n        w = g()\n    finally:\n        w\n    w\n", "w", "01"},
    {"def f():\n    w = 1\n    try:\n        pass\n    finally:\n        del w\n    w\n", "w",
     "10"},
    /* a break through a finally block loses what the block deletes */
    {"def f():\n    r = 0\n    for i in x:\n        try:\n            break\n"
     "        finally:\n            del r\n    r\n", "r", "10"},
    /* and/or and if-expressions: the second operand may not run */
    {"def f(a):\n    a or (b := 1)\n    b\n", "b", "0"},
    {"def f(a):\n    (b := 1) or a\n    b\n", "b", "1"},
    {"def f(a):\n    (b := 1) if a else (b := 2)\n    b\n", "b", "1"},
    /* a cell of f: never known bound, since anyone holding the closure
     * can empty it (del g.__closure__[0].cell_contents) */
    {"def f(x):\n    def g():\n        return x\n    x\n", "x", "0"},
    {"def f():\n    x = 1\n    def g():\n        nonlocal x\n        del x\n    g()\n    x\n",
     "x", "0"},
    /* unpacking binds every target */
    {"def f(s):\n    a, *b = s\n    a\n    b\n", "b", "1"},
    /* `except E as e` binds e in the handler and deletes it after (the
     * lowering's `e = None; del e`) */
    {"def f():\n    try:\n        g()\n    except E as e:\n        e\n    e\n", "e", "110"},
    /* the else block runs after the body completed */
    {"def f():\n    try:\n        g()\n    except E:\n        return\n    else:\n"
     "        v = 1\n    v\n", "v", "1"},
    /* a loop left only by break: what every break had */
    {"def f():\n    while True:\n        x = 1\n        break\n    x\n", "x", "1"},
    {"def f(c):\n    while True:\n        if c:\n            break\n        x = 1\n"
     "        break\n    x\n", "x", "0"},
    /* a generator's locals persist across yields */
    {"def f():\n    x = 1\n    yield\n    x\n", "x", "1"},
};
enum { NCASES = sizeof cases / sizeof cases[0] };

typedef struct {
    const IrVar *var;
    char marks[64];
    int n;
} Collect;

static int collect(IrNode *n, void *ctx)
{
    Collect *c = ctx;
    if ((n->kind == IR_LOAD || n->kind == IR_DEL) && n->var == c->var &&
        c->n < (int)sizeof c->marks - 1)
        c->marks[c->n++] = n->known_bound ? '1' : '0';
    return 0;
}

static IrFunction *find_function(IrModule *m, const char *name)
{
    for (int i = 0; i < m->nfuncs; i++)
        if (!strcmp(m->funcs[i]->name, name))
            return m->funcs[i];
    return NULL;
}

START_TEST(test_bound_case)
{
    const Case *c = &cases[_i];
    char path[] = "/tmp/p2c_boundXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, c->src, strlen(c->src)), (ssize_t)strlen(c->src));
    close(fd);
    AstUnit *u = front_parse_file(path, path);
    ck_assert_ptr_nonnull(u);
    IrModule *m = lower_module(u, "__main__");
    ck_assert_ptr_nonnull(m);
    opt_bound_module(m);
    char vbuf[256];
    ck_assert_msg(ir_verify(m, vbuf, sizeof vbuf) == 0, "ir_verify: %s", vbuf);
    IrFunction *fn = find_function(m, "f");
    ck_assert_ptr_nonnull(fn);
    Collect col = {ir_var_find(fn, c->var), {0}, 0};
    ck_assert_msg(col.var != NULL, "no variable %s in f", c->var);
    ir_walk(fn->body, collect, &col);
    ck_assert_msg(strcmp(col.marks, c->marks) == 0, "case %d (%s): marks %s, want %s\n%s", _i,
                  c->var, col.marks, c->marks, c->src);
    ir_module_free(m);
    front_unit_free(u);
    unlink(path);
}
END_TEST

/* The module body and class bodies are namespaces: never marked. */
START_TEST(test_namespaces_untouched)
{
    const char *src = "x = 1\nx\nclass C:\n    y = 1\n    y\n";
    char path[] = "/tmp/p2c_boundXXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    AstUnit *u = front_parse_file(path, path);
    IrModule *m = lower_module(u, "__main__");
    ck_assert_ptr_nonnull(m);
    opt_bound_module(m);
    for (int i = 0; i < m->nfuncs; i++) {
        Collect col = {NULL, {0}, 0};
        IrFunction *fn = m->funcs[i];
        for (int v = 0; v < fn->nvars; v++) {
            col.var = fn->vars[v];
            ir_walk(fn->body, collect, &col);
        }
        ck_assert_msg(strchr(col.marks, '1') == NULL, "%s: marks %s", fn->name, col.marks);
    }
    ir_module_free(m);
    front_unit_free(u);
    unlink(path);
}
END_TEST

int main(void)
{
    if (front_init() < 0)
        return 1;
    Suite *s = suite_create("bound");
    TCase *tc = tcase_create("bound");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_bound_case, 0, NCASES);
    tcase_add_test(tc, test_namespaces_untouched);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
