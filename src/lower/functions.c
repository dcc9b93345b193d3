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
 * Keyword-only defaults and annotations: signature.c; cells and free
 * variables: closures.c (a parameter an inner scope captures is a cell).
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

static void add_params(Lower *L, const AstSeq *params)
{
    for (int i = 0; i < params->n; i++)
    {
        const char *name = lower_mangle(L, ((const Astarg *)params->items[i])->arg);
        ir_var_new(L->m, L->fn, name, lower_param_kind(L, name));
    }
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
        const char *name = lower_mangle(L, ((const Astarg *)a->vararg)->arg);
        ir_var_new(L->m, fn, name, lower_param_kind(L, name));
        fn->fnflags |= IR_FN_VARARGS;
    }
    if (a->kwarg) {
        const char *name = lower_mangle(L, ((const Astarg *)a->kwarg)->arg);
        ir_var_new(L->m, fn, name, lower_param_kind(L, name));
        fn->fnflags |= IR_FN_VARKEYWORDS;
    }
}

Lower lower_function_enter(Lower *L, IrFunction *fn, const AstScope *scope,
                           const Astarguments *a)
{
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = scope;
    inner.loop_depth = 0;
    inner.comp = NULL;
    inner.sees_class = 0;
    fn->is_generator = scope && scope->is_generator;
    if (a)
        declare_params(&inner, a);
    lower_closure_vars(&inner);
    return inner;
}

int lower_function_leave(Lower *L, Lower *inner, int rc)
{
    L->failed |= inner->failed;
    if (rc < 0 || inner->failed)
        return -1;
    lower_finish_slots(inner->fn);
    return 0;
}

/* `return None` unless the body already ends by leaving.  It never fails;
 * its position is the one 3.11 gives it: the last statement's, or the def
 * line's start when only a docstring was there.  It has no line event of
 * its own (IR_RETURN_IMPLICIT): after `if x: y = 1` the return event
 * reports y's line, as in 3.11. */
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
    if (last->kind == AST_TryStar && L->fn->body->nkids > 0)
        lower_try_star_before_return(L, (const AstTryStar *)last,
                                     L->fn->body->kids[L->fn->body->nkids - 1]);
    IrNode *ret = ir_node(L->m, IR_RETURN, pos, 1, lower_const_node(L, Py_None, pos));
    ret->op = IR_RETURN_IMPLICIT;
    ir_node_add(L->m, L->fn->body, ret);
}

IrFunction *lower_function_body(Lower *L, const AstFunctionDef *s, const char *qualname)
{
    IrPos pos = s->hdr.pos;   /* co_firstlineno is the first decorator's line */
    if (s->decorator_list.n > 0)
        pos.line = s->decorator_list.items[0]->pos.line;
    IrFunction *fn = ir_function_new(L->m, L->fn, s->name, qualname, pos);
    Lower inner = lower_function_enter(L, fn, s->hdr.scope, (const Astarguments *)s->args);
    if (s->hdr.kind == AST_AsyncFunctionDef) {   /* a resumable body too */
        fn->async_kind = fn->is_generator ? IR_ASYNC_GENERATOR : IR_ASYNC_COROUTINE;
        fn->is_generator = 1;
    }
    int skip = lower_function_docstring(&inner, &s->body);
    int rc = lower_body(&inner, &s->body, skip);
    if (rc == 0)
        implicit_return(&inner, &s->body, skip);
    return lower_function_leave(L, &inner, rc) < 0 ? NULL : fn;
}

/* The decorators, outermost first, each evaluated into a temporary in
 * block (`$d1 = expr1`, at its expression's position): CALL nodes still
 * missing their argument (the next decorator's call, or the new function),
 * each at its decorator's span as 3.11's compiler_apply_decorators places
 * them.  Evaluating them first keeps CPython's order: decorator expressions
 * are evaluated, top to bottom, before the defaults.  Statements, not one
 * nested expression, so that --debuggable code gives each decorator line
 * its line events as 3.11 does: the decorators' lines, the def line
 * (MAKE_FUNCTION), the decorators' lines again bottom up (their calls),
 * the def line (the store); trace's line counts see each twice. */
IrNode **lower_decorators(Lower *L, const AstSeq *decos, IrNode *block)
{
    IrNode **calls = ir_alloc(L->m, sizeof *calls * (decos->n + 1));
    for (int i = 0; i < decos->n; i++) {
        IrPos pos = decos->items[i]->pos;
        IrNode *d = lower_expr(L, decos->items[i]);
        if (!d)
            return NULL;
        IrVar *t = lower_temp(L);
        lower_add_assign(L, block, t, d, pos);
        calls[i] = ir_node(L->m, IR_CALL, pos, 1, lower_take(L, t, pos));
    }
    return calls;
}

/* The calls lower_decorators() built applied to value, innermost first,
 * each a statement of block at its decorator's position (3.10: at the
 * def's, where its tracebacks and line events put them):
 * `$f = value; $f = dN($f); ...; $f = d1($f)`; returns the load of $f (value
 * itself when there are no decorators). */
IrNode *lower_apply_decorators(Lower *L, IrNode **calls, int n, IrNode *value,
                               IrNode *block)
{
    if (n == 0)
        return value;
    IrVar *f = lower_temp(L);
    lower_add_assign(L, block, f, value, value->pos);
    for (int i = n - 1; i >= 0; i--) {
        if (front_python_version() < 0x030b0000)
            calls[i]->pos = value->pos;   /* 3.10 calls them at the def line */
        ir_node_add(L->m, calls[i], lower_take(L, f, calls[i]->pos));
        lower_add_assign(L, block, f, calls[i], calls[i]->pos);
    }
    return lower_take(L, f, value->pos);
}

int lower_function_def(Lower *L, const AstFunctionDef *s, IrNode *block)
{
    if (!s->hdr.scope)
        P2C_UNREACHABLE();
    if (s->type_params.n > 0)
        return lower_generic_function_def(L, s, block);
    IrNode **decos = lower_decorators(L, &s->decorator_list, block);
    if (!decos)
        return -1;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, s->hdr.pos);
    if (lower_signature(L, (const Astarguments *)s->args, s->returns, make) < 0)
        return -1;
    if (!(make->func = lower_function_body(L, s, lower_qualname(L, s->name))))
        return -1;
    IrVar *v = lower_var(L, s->name, s->hdr.pos);
    if (!v)
        return -1;
    IrNode *value = lower_apply_decorators(L, decos, s->decorator_list.n, make, block);
    IrNode *a = ir_node(L->m, IR_ASSIGN, s->hdr.pos, 1, value);
    a->var = v;
    ir_node_add(L->m, block, a);
    return 0;
}
