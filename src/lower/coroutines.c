/* coroutines.c — await and async for (docs/reformulations.md, "Coroutines").
 *
 *   async def f():                     async def f():    # coroutine
 *       r = await x                        r = await(x)
 *
 *   async for target in aseq:          $it = aiter(aseq)
 *       body                           loop:
 *   else:                                  try:
 *       orelse                                 $t = await_anext($it)
 *                                          except StopAsyncIteration:
 *                                              loop_exit
 *                                          target = $t
 *                                          body
 *                                      else:
 *                                          orelse
 *                                      del $it
 *
 * `await` is CPython's GET_AWAITABLE and the SEND loop of `yield from`
 * (src/cgen/generators.c): the coroutine suspends with what the awaitable
 * yields, for the event loop.  async for is compiler_async_for: GET_AITER,
 * then per step GET_ANEXT and the SEND loop under a handler that is
 * END_ASYNC_FOR (StopAsyncIteration ends the loop through its else block;
 * anything else goes on, from where it was caught).  async with is with.c's
 * reformulation with the asynchronous protocol.  Positions: as CPython,
 * every operation of an await carries the await's span, those of async
 * for the statement's.
 *
 * An `async def` is a resumable body as a generator is (is_generator),
 * with async_kind saying what its call makes: a coroutine, or, when it
 * yields, an async generator (functions.c).
 */
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"

/* An await in a function that is no coroutine: CPython's compiler rejected
 * the others already, so this is an await in a comprehension. */
static int not_async(Lower *L, int line)
{
    return lower_refuse_named(L, line, "asynchronous comprehension");
}

IrNode *lower_await_node(Lower *L, IrNode *value, IrAwaitOp op, IrPos pos)
{
    IrNode *n = ir_node(L->m, IR_AWAIT, pos, 1, value);
    n->op = op;
    return n;
}

IrNode *lower_await(Lower *L, const AstAwait *e)
{
    if (!L->fn->async_kind)
        return not_async(L, e->hdr.pos.line), NULL;
    IrNode *value = lower_expr(L, e->value);
    return value ? lower_await_node(L, value, IR_AWAIT_VALUE, e->hdr.pos) : NULL;
}

/* try: $t = await_anext($it)  except StopAsyncIteration: loop_exit
 * appended to body; the item's value ($t, moved out). */
IrNode *lower_anext_item(Lower *L, IrVar *it, IrPos pos, IrPos item_pos, IrNode *body)
{
    IrVar *item = lower_temp(L);
    IrNode *step = ir_node(L->m, IR_ASSIGN, pos, 1,
                           lower_await_node(L, lower_load(L, it, pos), IR_AWAIT_ANEXT, pos));
    step->var = item;
    IrNode *exit = ir_node(L->m, IR_BLOCK, pos, 1, ir_node_new(L->m, IR_LOOP_EXIT, pos));
    IrNode *handler = ir_node(L->m, IR_HANDLER, pos, 2, exit,
                              ir_node_new(L->m, IR_STOP_ASYNC_ITERATION, pos));
    ir_node_add(L->m, body, ir_node(L->m, IR_TRY_EXCEPT, pos, 3,
                                    ir_node(L->m, IR_BLOCK, pos, 1, step),
                                    ir_node_new(L->m, IR_BLOCK, pos), handler));
    return lower_take(L, item, item_pos);
}

/* $it = aiter(value) appended to block. */
IrVar *lower_aiter_temp(Lower *L, IrNode *value, IrPos pos, IrNode *block)
{
    return lower_spill(L, ir_node(L->m, IR_AITER, pos, 1, value), pos, block);
}

int lower_async_for(Lower *L, const AstAsyncFor *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    if (!L->fn->async_kind)   /* CPython's compile() of the module rejected it */
        return lower_syntax_error(L, pos.line, "'async for' outside async function");
    IrNode *seq = lower_expr(L, s->iter);
    if (!seq)
        return -1;
    /* GET_AITER: at the statement (3.11, 3.12), at the iterable (3.13) */
    IrVar *it = lower_aiter_temp(L, seq, front_python_version() >= 0x030d0000
                                         ? s->iter->pos : pos, block);
    IrNode *body = ir_node_new(L->m, IR_BLOCK, pos);
    IrNode *item = lower_anext_item(L, it, pos, s->target->pos, body);
    if (lower_assign_to(L, s->target, item, body) < 0)
        return -1;
    L->loop_depth++;
    int rc = lower_stmts(L, &s->body, body);
    L->loop_depth--;
    if (rc < 0)
        return -1;
    IrNode *els = lower_block(L, &s->orelse, pos);
    if (!els)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_LOOP, pos, 2, body, els));
    lower_drop(L, it, pos, block);
    return 0;
}
