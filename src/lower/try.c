/* try.c — try/except/else/finally and except-clause name deletion.
 *
 *   try:                       try:
 *       body                       try:
 *   except E as e:                     body
 *       handler                    except E:
 *   else:                              e = caught()
 *       orelse                         try:
 *   finally:                               handler
 *       final                          finally:
 *                                          e = None
 *                                          del e
 *                                  else:
 *                                      orelse
 *                              finally:
 *                                  final
 *
 * TRY_EXCEPT keeps the handlers (HANDLER: the type evaluated, then matched
 * as CPython's CHECK_EXC_MATCH does) and the else block; TRY_FINALLY runs
 * its finally block on every way out.  The code generator keeps the handled
 * exception (sys.exception()) exactly as PUSH_EXC_INFO / POP_EXCEPT do.  The
 * `e = None; del e` cleanup is CPython's own (compile.c wraps a named
 * handler's body in the same try/finally), so `e` is unbound after the
 * handler however it is left.  Positions: the match and the name binding at
 * the handler's span (the clause from `except` to the end of its body).
 */
#include "lowering.h"

/* e = None; del e — the cleanup of a named handler, artificial as in
 * CPython (UNSET_LOC): no line event of its own, however the handler is
 * left. */
static IrNode *name_cleanup(Lower *L, IrVar *var, IrPos pos)
{
    IrNode *b = ir_node_new(L->m, IR_BLOCK, pos);
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, lower_const_node(L, Py_None, pos));
    a->var = var;
    a->artificial = true;
    ir_node_add(L->m, b, a);
    IrNode *d = ir_node_new(L->m, IR_DEL, pos);
    d->var = var;
    d->artificial = true;
    ir_node_add(L->m, b, d);
    return b;
}

/* except [type [as name]]: body  ->  HANDLER(body, type) */
static IrNode *lower_handler(Lower *L, const AstExceptHandler *h)
{
    IrPos pos = h->hdr.pos;
    IrNode *type = NULL;
    if (h->type && !(type = lower_expr(L, h->type)))
        return NULL;
    IrNode *body = lower_block(L, &h->body, pos);
    if (!body)
        return NULL;
    if (h->name) {
        IrVar *var = lower_var(L, h->name, pos);
        if (!var)
            return NULL;
        IrNode *b = ir_node_new(L->m, IR_BLOCK, pos);
        IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, ir_node_new(L->m, IR_CAUGHT, pos));
        a->var = var;
        ir_node_add(L->m, b, a);
        /* CPython's cleanup has the position its compiler leaves after the
         * body: the last statement's (it cannot fail: e was just bound);
         * it re-raises from where the exception was caught (RERAISE 1), so
         * the frame's f_lineno stays the failing line's (op 1) */
        IrPos end = h->body.n ? h->body.items[h->body.n - 1]->pos : pos;
        IrNode *cleanup = ir_node(L->m, IR_TRY_FINALLY, pos, 2, body,
                                  name_cleanup(L, var, end));
        cleanup->op = 1;
        ir_node_add(L->m, b, cleanup);
        body = b;
    }
    IrNode *n = ir_node(L->m, IR_HANDLER, pos, 1, body);
    if (type)
        ir_node_add(L->m, n, type);
    return n;
}

/* try: body except...: else: orelse  ->  TRY_EXCEPT */
static IrNode *lower_try_except(Lower *L, const AstTry *s)
{
    IrNode *body = lower_block(L, &s->body, s->hdr.pos);
    IrNode *orelse = body ? lower_block(L, &s->orelse, s->hdr.pos) : NULL;
    if (!orelse)
        return NULL;
    IrNode *t = ir_node(L->m, IR_TRY_EXCEPT, s->hdr.pos, 2, body, orelse);
    for (int i = 0; i < s->handlers.n; i++) {
        const AstExceptHandler *h = (const AstExceptHandler *)s->handlers.items[i];
        if (!h->type && i < s->handlers.n - 1) {   /* compile.c's check */
            lower_syntax_error(L, h->hdr.pos.line, "default 'except:' must be last");
            return NULL;
        }
        IrNode *hn = lower_handler(L, h);
        if (!hn)
            return NULL;
        ir_node_add(L->m, t, hn);
    }
    return t;
}

int lower_try(Lower *L, const AstTry *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *t;
    if (s->handlers.n > 0) {
        if (!(t = lower_try_except(L, s)))
            return -1;
    } else {
        if (!(t = lower_block(L, &s->body, pos)))
            return -1;
    }
    if (s->finalbody.n > 0) {
        IrNode *final = lower_block(L, &s->finalbody, pos);
        if (!final)
            return -1;
        if (t->kind != IR_BLOCK) {
            IrNode *b = ir_node_new(L->m, IR_BLOCK, pos);
            ir_node_add(L->m, b, t);
            t = b;
        }
        t = ir_node(L->m, IR_TRY_FINALLY, pos, 2, t, final);
    }
    ir_node_add(L->m, block, t);
    return 0;
}
