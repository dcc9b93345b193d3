/* functions.c — `def`.
 *
 *   def f(a, b=1, *args, c, **kw):      f = make_function(f, defaults=(1,))
 *       "doc"                           def f(a, b, *args, c, **kw):
 *       body                                # doc 'doc'
 *                                           body
 *                                           return None
 *
 *   @d1                                 f = d1(d2(make_function(f)))
 *   @d2
 *   def f(): ...
 *
 * The defaults are evaluated in the enclosing scope when the def runs, left
 * to right (MAKE_FUNCTION's kids); the body becomes a new IrFunction whose
 * first frame slots are the parameters in co_varnames order (positional-only
 * and positional, keyword-only, then *args and **kwargs: the order CPython's
 * symtable records them and the runtime binds them in).  A leading string
 * constant is the docstring (co_consts[0]), not a statement.  A body that
 * does not end in return/raise returns None, at the last statement's
 * position as CPython's implicit return.
 *
 * Decorators are calls: CALL evaluates its callable before its argument, so
 * the decorator expressions run first, then the defaults, then the calls
 * innermost first — CPython's order.
 *
 * Refused for now: annotations, keyword-only defaults (the IR has
 * no slot for __kwdefaults__ yet), and closures: a function with a free
 * variable, or whose local an inner scope captures.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* The child scope of s that captures `name` (has it as FREE). */
static const AstScope *capturer(const AstScope *s, const char *name)
{
    for (int i = 0; i < s->nchildren; i++) {
        const AstSymbol *sym = ast_scope_lookup(s->children[i], name);
        if (sym && sym->scope == AST_SYM_FREE)
            return s->children[i];
    }
    return NULL;
}

/* Refuses closures before anything of the function is lowered.  A captured
 * local is reported where it is captured: for a lambda or comprehension
 * that construct is the better message. */
static int check_closures(Lower *L, const AstScope *scope, int def_line)
{
    char buf[300];
    for (int i = 0; i < scope->nsymbols; i++) {
        const AstSymbol *sym = &scope->symbols[i];
        if (sym->scope == AST_SYM_FREE) {
            snprintf(buf, sizeof buf, "closure (free variable '%.200s')", sym->name);
            return lower_refuse_named(L, def_line, buf);
        }
        if (sym->scope != AST_SYM_CELL)
            continue;
        const AstScope *c = capturer(scope, sym->name);
        if (c && c->node && c->node->kind != AST_FunctionDef)
            return lower_refuse(L, c->node);
        snprintf(buf, sizeof buf, "closure (free variable '%.200s')", sym->name);
        return lower_refuse_named(L, c && c->node ? c->node->pos.line : def_line, buf);
    }
    return 0;
}

static int has_annotations(const Astarguments *a)
{
    const AstSeq *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (((const Astarg *)lists[l]->items[i])->annotation)
                return 1;
    return (a->vararg && ((const Astarg *)a->vararg)->annotation)
        || (a->kwarg && ((const Astarg *)a->kwarg)->annotation);
}

/* What this subset cannot compile about the def itself. */
static int check_signature(Lower *L, const AstFunctionDef *s)
{
    const Astarguments *a = (const Astarguments *)s->args;
    if (s->returns || has_annotations(a))
        return lower_refuse_named(L, s->hdr.pos.line, "function annotation");
    for (int i = 0; i < a->kw_defaults.n; i++)
        if (a->kw_defaults.items[i])
            return lower_refuse_named(L, s->hdr.pos.line, "keyword-only parameter default");
    return 0;
}

static void add_params(Lower *L, const AstSeq *params)
{
    for (int i = 0; i < params->n; i++)
        ir_var_new(L->m, L->fn, ((const Astarg *)params->items[i])->arg, IR_VAR_LOCAL);
}

/* The parameters as the first frame slots, and the signature counts. */
static void declare_params(Lower *L, const Astarguments *a)
{
    IrFunction *fn = L->fn;
    add_params(L, &a->posonlyargs);
    add_params(L, &a->args);
    add_params(L, &a->kwonlyargs);
    fn->posonlyargcount = a->posonlyargs.n;
    fn->argcount = a->posonlyargs.n + a->args.n;
    fn->kwonlyargcount = a->kwonlyargs.n;
    if (a->vararg) {
        ir_var_new(L->m, fn, ((const Astarg *)a->vararg)->arg, IR_VAR_LOCAL);
        fn->fnflags |= IR_FN_VARARGS;
    }
    if (a->kwarg) {
        ir_var_new(L->m, fn, ((const Astarg *)a->kwarg)->arg, IR_VAR_LOCAL);
        fn->fnflags |= IR_FN_VARKEYWORDS;
    }
}

/* `return None` unless the body already ends by leaving.  It never fails;
 * its position is the one 3.11 gives it (for line tracing): the last
 * statement's, or the def line's start when only a docstring was there. */
static void implicit_return(Lower *L, const AstSeq *body, int skip)
{
    const AstNode *last = body->items[body->n - 1];   /* never empty */
    if (last->kind == AST_Return || last->kind == AST_Raise)
        return;
    IrPos pos = last->pos;
    if (body->n == skip) {
        IrPos def = {L->fn->pos.line, 0, L->fn->pos.line, 0};
        pos = def;
    }
    ir_node_add(L->m, L->fn->body,
                ir_node(L->m, IR_RETURN, pos, 1, lower_const_node(L, Py_None, pos)));
}

/* co_qualname: nested functions are "outer.<locals>.inner". */
static const char *qualname_of(Lower *L, const char *name)
{
    if (L->fn->is_module)
        return name;
    size_t n = strlen(L->fn->qualname) + strlen(name) + sizeof ".<locals>.";
    char *q = ir_alloc(L->m, n);
    snprintf(q, n, "%s.<locals>.%s", L->fn->qualname, name);
    return q;
}

/* Lowers the body of s into a new function of the module. */
static IrFunction *lower_function_body(Lower *L, const AstFunctionDef *s)
{
    IrPos pos = s->hdr.pos;   /* co_firstlineno is the first decorator's line */
    if (s->decorator_list.n > 0)
        pos.line = s->decorator_list.items[0]->pos.line;
    IrFunction *fn = ir_function_new(L->m, L->fn, s->name, qualname_of(L, s->name), pos);
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = s->hdr.scope;
    inner.loop_depth = 0;
    declare_params(&inner, (const Astarguments *)s->args);
    int skip = lower_function_docstring(&inner, &s->body);
    int rc = lower_body(&inner, &s->body, skip);
    L->failed |= inner.failed;
    if (rc < 0)
        return NULL;
    implicit_return(&inner, &s->body, skip);
    return fn;
}

/* The decorators, outermost first: CALL nodes still missing their
 * argument (the next decorator's call, or the new function), each at its
 * decorator's span as 3.11's compiler_apply_decorators places them.
 * Building them first keeps CPython's order: decorator expressions are
 * evaluated, top to bottom, before the defaults. */
static IrNode **lower_decorators(Lower *L, const AstSeq *decos)
{
    IrNode **calls = ir_alloc(L->m, sizeof *calls * (decos->n + 1));
    for (int i = 0; i < decos->n; i++) {
        IrNode *d = lower_expr(L, decos->items[i]);
        if (!d)
            return NULL;
        calls[i] = ir_node(L->m, IR_CALL, decos->items[i]->pos, 1, d);
    }
    return calls;
}

/* d1(d2(...(value))) from the calls lower_decorators() built. */
static IrNode *apply_decorators(Lower *L, IrNode **calls, int n, IrNode *value)
{
    for (int i = n - 1; i >= 0; i--) {
        ir_node_add(L->m, calls[i], value);
        value = calls[i];
    }
    return value;
}

int lower_function_def(Lower *L, const AstFunctionDef *s, IrNode *block)
{
    if (!s->hdr.scope)
        P2C_UNREACHABLE();
    if (check_signature(L, s) < 0 || check_closures(L, s->hdr.scope, s->hdr.pos.line) < 0)
        return -1;
    IrNode **decos = lower_decorators(L, &s->decorator_list);
    if (!decos)
        return -1;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, s->hdr.pos);
    const AstSeq *defaults = &((const Astarguments *)s->args)->defaults;
    if (lower_items(L, defaults, make) < 0)
        return -1;
    if (!(make->func = lower_function_body(L, s)))
        return -1;
    IrVar *v = lower_var(L, s->name, s->hdr.pos);
    if (!v)
        return -1;
    IrNode *value = apply_decorators(L, decos, s->decorator_list.n, make);
    IrNode *a = ir_node(L->m, IR_ASSIGN, s->hdr.pos, 1, value);
    a->var = v;
    ir_node_add(L->m, block, a);
    return 0;
}
