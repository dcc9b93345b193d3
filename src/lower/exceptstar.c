/* exceptstar.c — try/except* (PEP 654) as CPython 3.11's
 * compiler_try_star_except compiles it:
 *
 *   try:                          try:
 *       body                          body
 *   except* T1 as e:              except:                 # PUSH_EXC_INFO
 *       h1                            $orig = caught()
 *   except* T2:                       $rest = caught()
 *       h2                            $raised = []
 *   else:                             $p = eg_match($rest, T1)   # CHECK_EG_MATCH
 *       orelse                        if $p is not None:
 *                                         $m = $p[0]; $rest = $p[1]
 *                                         try:
 *                                             e = $m
 *                                             h1
 *                                         except:
 *                                             e = None; del e
 *                                             list_append($raised, caught())
 *                                         else:
 *                                             e = None; del e
 *                                     ... the same for T2 ...
 *                                     list_append($raised, $rest)
 *                                     reraise_star(eg_prep_reraise($orig, $raised))
 *                                 else:
 *                                     orelse
 *
 * eg_match (runtime/exceptions.c) splits the unmatched rest with
 * `.split(T)`, wraps a naked exception in ExceptionGroup("", [exc]), raises
 * the TypeErrors of invalid types (and of except* ExceptionGroup), and makes
 * the matching part the handled exception, so the clause sees it as
 * sys.exception(), chains it as __context__ and re-raises it with a bare
 * `raise`.  eg_prep_reraise is _PyExc_PrepReraiseStar: re-raised parts keep
 * the original nesting, raised ones become siblings in a new group.
 * reraise_star raises that group as it is (RERAISE 0: no traceback entry for
 * this frame).  A clause cannot be left by break, continue or return (a
 * SyntaxError of CPython's compiler, reported by the front end's complete
 * compile), so its only ways out are falling through and raising: the name
 * cleanup sits in the inner try's handler and else block.  `finally` wraps
 * the whole as for try/except.
 *
 * Lines: CPython gives the handler's entry, the name cleanups, the
 * collection of what the clauses raised and the re-raise no line
 * (UNSET_LOC), and each clause's match and binding its `except*` line; so
 * the bookkeeping statements here are artificial (no line event).
 */
#include "lowering.h"

static IrNode *block_of(Lower *L, IrPos pos)
{
    return ir_node_new(L->m, IR_BLOCK, pos);
}

/* Marks the statement just added to block as artificial: CPython compiles
 * it with no line of its own, so it gives no line event. */
static void artificial_last(IrNode *block)
{
    block->kids[block->nkids - 1]->artificial = true;
}

/* e = None; del e */
static void add_name_cleanup(Lower *L, IrNode *block, IrVar *var, IrPos pos)
{
    if (!var)
        return;
    lower_add_assign(L, block, var, lower_const_node(L, Py_None, pos), pos);
    artificial_last(block);
    lower_drop(L, var, pos, block);
    artificial_last(block);
}

/* The clause's body, its match bound to its name, as the inner try whose
 * handler collects what the body raises into $raised. */
static IrNode *clause_body(Lower *L, const AstExceptHandler *h, IrVar *match,
                           IrVar *raised)
{
    IrPos pos = h->hdr.pos;
    IrVar *name = NULL;
    IrNode *body = block_of(L, pos);
    if (h->name) {
        if (!(name = lower_var(L, h->name, pos)))
            return NULL;
        lower_add_assign(L, body, name, lower_take(L, match, pos), pos);
    } else {
        lower_drop(L, match, pos, body);
    }
    if (lower_stmts(L, &h->body, body) < 0)
        return NULL;
    IrNode *collect = block_of(L, pos);
    add_name_cleanup(L, collect, name, pos);
    ir_node_add(L->m, collect, ir_node(L->m, IR_LIST_APPEND, pos, 2, lower_load(L, raised, pos),
                                       ir_node_new(L->m, IR_CAUGHT, pos)));
    artificial_last(collect);
    /* the normal way out's cleanup: where CPython's compiler is after the
     * body, at its last statement */
    IrPos end = h->body.n ? h->body.items[h->body.n - 1]->pos : pos;
    IrNode *orelse = block_of(L, end);
    add_name_cleanup(L, orelse, name, end);
    IrNode *handler = ir_node(L->m, IR_HANDLER, pos, 1, collect);
    handler->artificial = true;   /* cleanup_end: no line */
    return ir_node(L->m, IR_TRY_EXCEPT, pos, 3, body, orelse, handler);
}

/* One except* clause: the split of $rest by its type, then its body when
 * some part matched. */
static int lower_clause(Lower *L, const AstExceptHandler *h, IrVar *rest, IrVar *raised,
                        IrNode *block)
{
    IrPos pos = h->hdr.pos;
    if (!h->type)   /* the grammar has no `except*:` */
        return lower_refuse_named(L, pos.line, "except* without a type");
    IrNode *type = lower_expr(L, h->type);
    if (!type)
        return -1;
    IrVar *pair = lower_temp(L), *match = lower_temp(L);
    lower_add_assign(L, block, pair, lower_helper(L, IR_HELPER_EG_MATCH, pos,
                                            lower_load(L, rest, pos), type), pos);
    IrNode *test = ir_node(L->m, IR_COMPARE, pos, 2, lower_load(L, pair, pos),
                           lower_const_node(L, Py_None, pos));
    test->op = IR_CMP_ISNOT;
    IrNode *then = block_of(L, pos);
    for (int i = 0; i < 2; i++) {
        PyObject *index = PyLong_FromLong(i);
        if (!index)
            return -1;
        lower_add_assign(L, then, i ? rest : match,
                   lower_helper(L, IR_HELPER_TUPLE_ITEM, pos, lower_load(L, pair, pos),
                                lower_const_node(L, index, pos)), pos);
        Py_DECREF(index);
    }
    lower_drop(L, pair, pos, then);
    IrNode *inner = clause_body(L, h, match, raised);
    if (!inner)
        return -1;
    ir_node_add(L->m, then, inner);
    IrNode *no = block_of(L, pos);
    lower_drop(L, pair, pos, no);
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, pos, 3, test, then, no));
    return 0;
}

/* The catch-all handler running the clauses in order. */
static IrNode *star_handler(Lower *L, const AstTryStar *s)
{
    IrPos pos = s->hdr.pos;
    IrVar *orig = lower_temp(L), *rest = lower_temp(L), *raised = lower_temp(L);
    IrNode *body = block_of(L, pos);
    lower_add_assign(L, body, orig, ir_node_new(L->m, IR_CAUGHT, pos), pos);
    artificial_last(body);
    lower_add_assign(L, body, rest, ir_node_new(L->m, IR_CAUGHT, pos), pos);
    artificial_last(body);
    lower_add_assign(L, body, raised, ir_node_new(L->m, IR_LIST, pos), pos);
    artificial_last(body);
    for (int i = 0; i < s->handlers.n; i++)
        if (lower_clause(L, (const AstExceptHandler *)s->handlers.items[i], rest, raised,
                         body) < 0)
            return NULL;
    ir_node_add(L->m, body, ir_node(L->m, IR_LIST_APPEND, pos, 2, lower_load(L, raised, pos),
                                    lower_take(L, rest, pos)));
    artificial_last(body);
    IrNode *group = lower_helper(L, IR_HELPER_EG_PREP_RERAISE, pos, lower_take(L, orig, pos),
                                 lower_take(L, raised, pos));
    ir_node_add(L->m, body, ir_node(L->m, IR_RERAISE_STAR, pos, 1, group));
    artificial_last(body);
    IrNode *handler = ir_node(L->m, IR_HANDLER, pos, 1, body);
    handler->artificial = true;   /* PUSH_EXC_INFO: no line */
    return handler;
}

/* When every part of the group was handled, 3.11 leaves the handler by
 * POP_EXCEPT and a jump to what follows, at no line.  When that is the
 * function's implicit `return None`, the optimizer copies the return in,
 * and guarantee_lineno_for_exits gives the lineless return block the line
 * of the block laid out before it: the last clause's no-match path, at the
 * last `except*` line.  So the trace hook gets a `line` event of that line
 * and the return event reports it.  A PASS there, after the re-raise (which
 * only continues when nothing is left to raise), gives both. */
void lower_try_star_before_return(Lower *L, const AstTryStar *s, IrNode *t)
{
    if (s->finalbody.n > 0 || t->kind != IR_TRY_EXCEPT || t->nkids != 3)
        return;   /* a finally's own lines come last */
    const AstNode *last = s->handlers.items[s->handlers.n - 1];
    IrNode *handler_body = t->kids[2]->kids[0];
    ir_node_add(L->m, handler_body, ir_node_new(L->m, IR_PASS, last->pos));
}

int lower_try_star(Lower *L, const AstTryStar *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *body = lower_block(L, &s->body, pos);
    IrNode *orelse = body ? lower_block(L, &s->orelse, pos) : NULL;
    IrNode *handler = orelse ? star_handler(L, s) : NULL;
    if (!handler)
        return -1;
    IrNode *t = ir_node(L->m, IR_TRY_EXCEPT, pos, 3, body, orelse, handler);
    if (s->finalbody.n > 0) {
        IrNode *final = lower_block(L, &s->finalbody, pos);
        if (!final)
            return -1;
        IrNode *b = block_of(L, pos);
        ir_node_add(L->m, b, t);
        t = ir_node(L->m, IR_TRY_FINALLY, pos, 2, b, final);
    }
    ir_node_add(L->m, block, t);
    return 0;
}
