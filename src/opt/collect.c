/* collect.c — which generator expressions are consumed in place
 * (docs/optimizer.md, "Generator expressions consumed in place").
 *
 * `sum(x * x for x in xs)` lowers to
 *
 *     sum(make_function(<genexpr>)(iter(xs)))
 *
 * a CALL whose only argument is the CALL that makes the generator.  When
 * the callee is named as one of pyc2c/collect_kinds.def's consumers (a
 * global or builtin name such as `sum`, or the `join` method), this pass
 * records the consumer's kind on the outer CALL and marks the generator
 * expression; the code generator then also writes the generator expression
 * as a collector and, at the call, a test of what the callee is at run
 * time (collect.h).  The name is only a hint: a `sum` that is not the
 * builtin, at run time, is called with a real generator.
 *
 * Not marked: calls with keyword arguments or more than one argument
 * (`sum(g, start)`, `sorted(g, key=f)`, `max(g, default=0)`), async
 * generator expressions, and a generator expression the lowering made for
 * anything but such a call.
 */
#include <string.h>
#include "pyc2c/compiler/opt.h"

/* The consumers by the name they are called by. */
static const struct {
    const char *name, *id;
    int kind;
} consumers[] = {
#define P2C_COLLECT(id, name, builtin) {name, #id, IR_COLLECT_##id},
#include "pyc2c/collect_kinds.def"
#undef P2C_COLLECT
};

const char *opt_collect_kind_id(int kind)
{
    for (size_t i = 0; i < sizeof consumers / sizeof *consumers; i++)
        if (consumers[i].kind == kind)
            return consumers[i].id;
    return "NONE";
}

static int consumer_named(const char *name)
{
    for (size_t i = 0; i < sizeof consumers / sizeof *consumers; i++)
        if (strcmp(consumers[i].name, name) == 0)
            return consumers[i].kind;
    return 0;
}

/* The kind the callee's name stands for, or 0: a global or builtin name
 * (a name of a class body or module code too), or `obj.join` for JOIN. */
static int callee_kind(const IrModule *m, const IrNode *callee)
{
    if (callee->kind == IR_LOAD &&
        (callee->var->kind == IR_VAR_GLOBAL || callee->var->kind == IR_VAR_NAME)) {
        int k = consumer_named(callee->var->name);
        return k == IR_COLLECT_JOIN ? 0 : k;
    }
    if (callee->kind == IR_ATTR) {
        PyObject *name = ir_const_get(m, callee->cidx);
        const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
        return s && strcmp(s, "join") == 0 ? IR_COLLECT_JOIN : 0;
    }
    return 0;
}

/* The generator expression a `make_function(<genexpr>)(iter(x))` call
 * makes, or NULL. */
static IrFunction *made_genexpr(const IrNode *arg)
{
    if (arg->kind != IR_CALL || arg->cidx >= 0 || arg->nkids != 2)
        return NULL;
    const IrNode *make = arg->kids[0];
    if (make->kind != IR_MAKE_FUNCTION || make->nkids != 0 || arg->kids[1]->kind != IR_ITER)
        return NULL;
    IrFunction *fn = make->func;
    if (!fn->is_generator || fn->async_kind != 0 || strcmp(fn->name, "<genexpr>") != 0 ||
        fn->argcount != 1)
        return NULL;
    return fn;
}

static int mark_call(IrNode *n, void *ctx)
{
    const IrModule *m = ctx;
    if (n->kind != IR_CALL || n->cidx >= 0 || n->nkids != 2)
        return 0;
    IrFunction *genexpr = made_genexpr(n->kids[1]);
    int kind = genexpr ? callee_kind(m, n->kids[0]) : 0;
    if (kind == 0)
        return 0;
    n->collect = kind;
    genexpr->collect = kind;
    return 0;
}

void opt_collect_module(IrModule *m)
{
    for (int i = 0; i < m->nfuncs; i++)
        ir_walk(m->funcs[i]->body, mark_call, m);
}
