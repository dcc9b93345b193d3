/* comprehensions.c — list, set and dict comprehensions and generator
 * expressions as functions called at once, with CPython 3.11's semantics
 * (compile.c, compiler_comprehension):
 *
 *   [elt for x in xs if c for y in ys]      <listcomp>(iter(xs))
 *                                           def <listcomp>(.0):
 *                                               $r = []
 *                                               loop:
 *                                                   $t = next(.0) else exhausted
 *                                                   x = $t
 *                                                   if c:
 *                                                       $i = iter(ys)
 *                                                       loop:
 *                                                           $u = next($i) else exhausted
 *                                                           y = $u
 *                                                           list_append($r, elt)
 *                                               return $r
 *
 * The first iterable is evaluated, and iter() applied to it, in the
 * enclosing scope (at the comprehension's span, where 3.11 reports
 * GET_ITER's failure); everything else runs in the comprehension's own
 * frame "<listcomp>" / "<setcomp>" / "<dictcomp>", which tracebacks show.
 * The machinery (building, FOR_ITER, appends) carries the comprehension's
 * span, as compiler_comprehension's SET_LOC(c, e) gives it.  A dict
 * comprehension evaluates the key before the value (3.8+).
 *
 * A generator expression is the same function as a generator: no result,
 * `yield elt` (at the expression's span) where the others add, and the
 * call returns the generator "<genexpr>":
 *
 *   (elt for x in xs)                       <genexpr>(iter(xs))
 *                                           def <genexpr>(.0):   # generator
 *                                               loop:
 *                                                   $t = next(.0) else exhausted
 *                                                   x = $t
 *                                                   yield(elt)
 *
 * An asynchronous comprehension (async for, or await inside: the scope's
 * is_coroutine, CPython's ste_coroutine) is the same function as a
 * coroutine, its call awaited where it stands; an asynchronous generator
 * expression is an async generator, not awaited.  An `async for` part
 * steps as async for does (coroutines.c): aiter() of its iterable (of the
 * first one in the enclosing scope), await_anext() under the handler that
 * ends the loop on StopAsyncIteration.
 */
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"

typedef struct {
    const AstNode *e;          /* the comprehension */
    const AstSeq *gens;        /* its comprehension parts */
    const AstNode *elt, *val;  /* val: a dict comprehension's value, else NULL */
    IrVar *result;
} Comp;

static int comp_body(Lower *L, Comp *c, int gen, IrNode *block);

/* The innermost statement: add elt (and val) to the result, or yield elt. */
static int comp_add(Lower *L, Comp *c, IrNode *block)
{
    IrPos pos = c->e->pos;
    IrNode *elt = lower_expr(L, c->elt);
    IrNode *val = elt && c->val ? lower_expr(L, c->val) : NULL;
    if (!elt || (c->val && !val))
        return -1;
    if (c->e->kind == AST_GeneratorExp) {
        IrNode *yield = ir_node(L->m, IR_YIELD, pos, 1, elt);
        ir_node_add(L->m, block, ir_node(L->m, IR_EXPR, pos, 1, yield));
        return 0;
    }
    IrNode *acc = lower_load(L, c->result, pos);
    IrNode *n = c->val ? ir_node(L->m, IR_MAP_ADD, pos, 3, acc, elt, val)
              : ir_node(L->m, c->e->kind == AST_ListComp ? IR_LIST_APPEND : IR_SET_ADD,
                        pos, 2, acc, elt);
    ir_node_add(L->m, block, n);
    return 0;
}

/* The `if`s of generator gen, then the next generator or the add, nested
 * into block. */
static int comp_ifs(Lower *L, Comp *c, int gen, int from, IrNode *block)
{
    const Astcomprehension *g = (const Astcomprehension *)c->gens->items[gen];
    if (from == g->ifs.n)
        return gen + 1 < c->gens->n ? comp_body(L, c, gen + 1, block)
                                    : comp_add(L, c, block);
    const AstNode *cond = g->ifs.items[from];
    IrNode *test = lower_expr(L, cond);
    if (!test)
        return -1;
    IrNode *then = ir_node_new(L->m, IR_BLOCK, c->e->pos);
    if (comp_ifs(L, c, gen, from + 1, then) < 0)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, c->e->pos, 3, test, then,
                                     ir_node_new(L->m, IR_BLOCK, c->e->pos)));
    return 0;
}

/* Where GET_ITER and FOR_ITER of generator g are: at the comprehension
 * (pos) until 3.12, at g's iterable on 3.13. */
static IrPos iter_pos(const Astcomprehension *g, IrPos pos)
{
    return front_python_version() >= 0x030d0000 ? g->iter->pos : pos;
}

/* The loop of generator gen: over .0 for the first, over iter(its iterable)
 * evaluated here for the others. */
static int comp_body(Lower *L, Comp *c, int gen, IrNode *block)
{
    const Astcomprehension *g = (const Astcomprehension *)c->gens->items[gen];
    IrPos pos = c->e->pos;
    IrVar *it;
    if (gen == 0) {
        it = L->fn->vars[0];   /* .0 */
    } else {
        IrNode *seq = lower_expr(L, g->iter);
        if (!seq)
            return -1;
        it = g->is_async ? lower_aiter_temp(L, seq, pos, block)
                         : lower_iter_temp(L, seq, iter_pos(g, pos), block);
    }
    IrNode *body = ir_node_new(L->m, IR_BLOCK, pos);
    IrNode *item = g->is_async ? lower_anext_item(L, it, pos, g->target->pos, body)
                               : lower_next_item(L, it, iter_pos(g, pos), g->target->pos, body);
    L->loop_depth++;
    int rc = lower_assign_to(L, g->target, item, body);
    if (rc == 0)
        rc = comp_ifs(L, c, gen, 0, body);
    L->loop_depth--;
    if (rc < 0)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_LOOP, pos, 2, body,
                                     ir_node_new(L->m, IR_BLOCK, pos)));
    return 0;
}

static const char *comp_name(AstKind k)
{
    return k == AST_ListComp ? "<listcomp>" : k == AST_SetComp ? "<setcomp>"
         : k == AST_DictComp ? "<dictcomp>" : "<genexpr>";
}

/* The comprehension's function: .0, the result, the loops, the return;
 * a generator expression's: .0, the loops (it returns None). */
static IrFunction *comp_function(Lower *L, Comp *c)
{
    const char *name = comp_name(c->e->kind);
    IrPos start = {c->e->pos.line, 0, c->e->pos.line, 0};   /* the RESUME's */
    IrFunction *fn = ir_function_new(L->m, L->fn, name, lower_qualname(L, name), start);
    fn->argcount = 1;
    fn->is_generator = c->e->kind == AST_GeneratorExp;
    if (c->e->scope->is_coroutine) {   /* an async comprehension: a resumable body */
        fn->async_kind = fn->is_generator ? IR_ASYNC_GENERATOR : IR_ASYNC_COROUTINE;
        fn->is_generator = 1;
    }
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = c->e->scope;
    inner.loop_depth = 0;
    ir_var_new(L->m, fn, ".0", IR_VAR_LOCAL);    /* vars[0], slot 0 */
    lower_closure_vars(&inner);
    IrPos pos = c->e->pos;
    if (c->e->kind == AST_GeneratorExp) {
        int rc = comp_body(&inner, c, 0, fn->body);
        if (rc == 0)
            ir_node_add(L->m, fn->body, ir_node(L->m, IR_RETURN, pos, 1,
                                                lower_const_node(&inner, Py_None, pos)));
        return lower_function_leave(L, &inner, rc) < 0 ? NULL : fn;
    }
    c->result = lower_temp(&inner);
    IrKind build = c->e->kind == AST_ListComp ? IR_LIST
                 : c->e->kind == AST_SetComp ? IR_SET : IR_DICT;
    IrNode *init = ir_node(L->m, IR_ASSIGN, pos, 1, ir_node_new(L->m, build, pos));
    init->var = c->result;
    ir_node_add(L->m, fn->body, init);
    int rc = comp_body(&inner, c, 0, fn->body);
    if (rc == 0)
        ir_node_add(L->m, fn->body,
                    ir_node(L->m, IR_RETURN, pos, 1, lower_load(&inner, c->result, pos)));
    return lower_function_leave(L, &inner, rc) < 0 ? NULL : fn;
}

IrNode *lower_comprehension(Lower *L, const AstNode *e)
{
    Comp c = {.e = e};
    switch (e->kind) {
    case AST_ListComp:
        c.gens = &((const AstListComp *)e)->generators;
        c.elt = ((const AstListComp *)e)->elt;
        break;
    case AST_SetComp:
        c.gens = &((const AstSetComp *)e)->generators;
        c.elt = ((const AstSetComp *)e)->elt;
        break;
    case AST_GeneratorExp:
        c.gens = &((const AstGeneratorExp *)e)->generators;
        c.elt = ((const AstGeneratorExp *)e)->elt;
        break;
    case AST_DictComp:
        c.gens = &((const AstDictComp *)e)->generators;
        c.elt = ((const AstDictComp *)e)->key;
        c.val = ((const AstDictComp *)e)->value;
        break;
    default:
        return lower_refuse_expr(L, e);
    }
    /* 3.12 inlines list, set and dict comprehensions into their scope
     * (PEP 709): its symtable has no scope for them, and the interpreter
     * no frame.  Not lowered that way yet (docs/versions.md). */
    if (!e->scope) {
        lower_refuse_named(L, e->pos.line, "a comprehension inlined by PEP 709 "
                           "(Python 3.12's list/set/dict comprehensions)");
        return NULL;
    }
    const Astcomprehension *first = (const Astcomprehension *)c.gens->items[0];
    IrNode *seq = lower_expr(L, first->iter);
    if (!seq)
        return NULL;
    IrNode *it = ir_node(L->m, first->is_async ? IR_AITER : IR_ITER,
                         first->is_async ? e->pos : iter_pos(first, e->pos), 1, seq);
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, e->pos);
    if (!(make->func = comp_function(L, &c)))
        return NULL;
    IrNode *call = ir_node(L->m, IR_CALL, e->pos, 2, make, it);
    if (make->func->async_kind != IR_ASYNC_COROUTINE)
        return call;
    if (!L->fn->async_kind)   /* CPython's compile() of the module rejected it */
        return lower_syntax_error(L, e->pos.line, "asynchronous comprehension outside "
                                  "of an asynchronous function"), NULL;
    return lower_await_node(L, call, IR_AWAIT_VALUE, e->pos);
}
