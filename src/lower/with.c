/* with.c — the with statement as __enter__/__exit__ calls and try blocks,
 * the protocol of PEP 343 as CPython 3.11 runs it (BEFORE_WITH,
 * WITH_EXCEPT_START):
 *
 *   with mgr as target:        $val = with_enter(mgr, exit=$exit)
 *       body                   $ok = True
 *                              try:
 *                                  try:
 *                                      target = $val
 *                                      del $val
 *                                      body
 *                                  except:
 *                                      $ok = False
 *                                      if not with_exit($exit, caught()):
 *                                          reraise
 *                              finally_reraise_where_caught:
 *                                  if $ok:
 *                                      with_exit($exit)
 *                                  else:
 *                                      del $exit
 *
 * with_enter looks __enter__ then __exit__ up on the type (special method
 * lookup; "'X' object does not support the context manager protocol",
 * "... (missed __exit__ method)"), keeps the bound __exit__ in $exit and
 * calls __enter__ outside the protected region.  with_exit calls the bound
 * method with (None, None, None), taking it out of $exit, or with
 * (type(e), e, e.__traceback__), leaving it there until the exception is
 * released (the order in which CPython drops them).  `reraise` and the
 * finally's op 1 re-raise with the frame's position back where the
 * exception was caught (RERAISE 2), so f_lineno of a frame left that way
 * is CPython's.  So __exit__ runs once on every way out:
 * on an exception (suppressed when it returns a true value), and on normal
 * completion, return, break or continue through the finally block.  Several
 * items nest, left to right.  Every operation is at the with statement's
 * span, as in CPython.
 *
 * async with is the same with the asynchronous protocol (compiler_async_with):
 * with_enter looks up __aenter__ and __aexit__ (BEFORE_ASYNC_WITH's
 * messages), and the results of __aenter__() and of both with_exit calls are
 * awaited (GET_AWAITABLE 1 and 2, for the messages of an object without
 * __await__):
 *
 *   async with mgr as target:  $val = await_aenter(async_with_enter(mgr, exit=$exit))
 *       body                   ... as above, with
 *                                  if not await_aexit(with_exit($exit, caught())): reraise
 *                                  await_aexit(with_exit($exit))
 */
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"

static IrNode *load(Lower *L, IrVar *v, IrPos pos) { return lower_load(L, v, pos); }

static IrNode *assign(Lower *L, IrVar *v, IrNode *value, IrPos pos)
{
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, value);
    a->var = v;
    return a;
}

static IrNode *block1(Lower *L, IrNode *s, IrPos pos)
{
    IrNode *b = ir_node_new(L->m, IR_BLOCK, pos);
    if (s)
        ir_node_add(L->m, b, s);
    return b;
}

/* with_exit's value, awaited in an async with. */
static IrNode *exit_result(Lower *L, IrNode *call, int is_async, IrPos pos)
{
    return is_async ? lower_await_node(L, call, IR_AWAIT_AEXIT, pos) : call;
}

/* except: $ok = False; if not with_exit($exit, caught()): raise */
static IrNode *exc_handler(Lower *L, IrVar *exit, IrVar *ok, int is_async, IrPos pos)
{
    IrNode *call = ir_node(L->m, IR_WITH_EXIT, pos, 1, ir_node_new(L->m, IR_CAUGHT, pos));
    call->var = exit;
    call = exit_result(L, call, is_async, pos);
    IrNode *not_ok = ir_node(L->m, IR_UNARY, pos, 1, call);
    not_ok->op = IR_UNARY_NOT;
    IrNode *body = block1(L, assign(L, ok, lower_const_node(L, Py_False, pos), pos), pos);
    ir_node_add(L->m, body, ir_node(L->m, IR_IF, pos, 3, not_ok,
                                    block1(L, ir_node_new(L->m, IR_RERAISE, pos), pos),
                                    block1(L, NULL, pos)));
    return ir_node(L->m, IR_HANDLER, pos, 1, body);
}

/* finally: if $ok: with_exit($exit) else: del $exit */
static IrNode *normal_exit(Lower *L, IrVar *exit, IrVar *ok, int is_async, IrPos pos)
{
    IrNode *call = ir_node_new(L->m, IR_WITH_EXIT, pos);
    call->var = exit;
    call = exit_result(L, call, is_async, pos);
    IrNode *then = block1(L, ir_node(L->m, IR_EXPR, pos, 1, call), pos);
    IrNode *del = ir_node_new(L->m, IR_DEL, pos);
    del->var = exit;
    return block1(L, ir_node(L->m, IR_IF, pos, 3, load(L, ok, pos), then,
                             block1(L, del, pos)), pos);
}

/* Items i.. of s around its body, appended to block. */
static int lower_items_from(Lower *L, const AstWith *s, int i, int is_async, IrNode *block)
{
    const Astwithitem *item = (const Astwithitem *)s->items.items[i];
    /* the machinery of an item (enter, the exits, their awaits) is at the
     * statement until 3.12, at the item's context expression on 3.13 */
    IrPos pos = front_python_version() >= 0x030d0000 ? item->context_expr->pos : s->hdr.pos;
    IrNode *mgr = lower_expr(L, item->context_expr);
    if (!mgr)
        return -1;
    IrVar *exit = lower_temp(L), *ok = lower_temp(L), *val = NULL;
    IrNode *enter = ir_node(L->m, IR_WITH_ENTER, pos, 1, mgr);
    enter->var = exit;
    enter->op = is_async;
    if (is_async)
        enter = lower_await_node(L, enter, IR_AWAIT_AENTER, pos);
    IrNode *inner = ir_node_new(L->m, IR_BLOCK, pos);
    if (item->optional_vars) {
        val = lower_temp(L);
        ir_node_add(L->m, block, assign(L, val, enter, pos));
        if (lower_assign_to(L, item->optional_vars, load(L, val, pos), inner) < 0)
            return -1;
        IrNode *d = ir_node_new(L->m, IR_DEL, pos);
        d->var = val;
        ir_node_add(L->m, inner, d);
    } else {
        ir_node_add(L->m, block, ir_node(L->m, IR_EXPR, pos, 1, enter));
    }
    ir_node_add(L->m, block, assign(L, ok, lower_const_node(L, Py_True, pos), pos));
    int rc = i + 1 < s->items.n ? lower_items_from(L, s, i + 1, is_async, inner)
                                : lower_stmts(L, &s->body, inner);
    if (rc < 0)
        return -1;
    IrNode *te = ir_node(L->m, IR_TRY_EXCEPT, pos, 3, inner, block1(L, NULL, pos),
                         exc_handler(L, exit, ok, is_async, pos));
    IrNode *tf = ir_node(L->m, IR_TRY_FINALLY, pos, 2, block1(L, te, pos),
                         normal_exit(L, exit, ok, is_async, pos));
    tf->op = 1;   /* no finally in CPython: an exception goes on from where caught */
    ir_node_add(L->m, block, tf);
    return 0;
}

int lower_with(Lower *L, const AstWith *s, IrNode *block)
{
    return lower_items_from(L, s, 0, 0, block);
}

int lower_async_with(Lower *L, const AstAsyncWith *s, IrNode *block)
{
    if (!L->fn->async_kind)   /* CPython's compile() of the module rejected it */
        return lower_syntax_error(L, s->hdr.pos.line, "'async with' outside async function");
    return lower_items_from(L, (const AstWith *)s, 0, 1, block);   /* the same layout */
}
