/* loops.c — while/else and for/else as LOOP.
 *
 *   while test:            loop:
 *       body                   if not test:
 *   else:                          loop_exit
 *       orelse                 body
 *                          else:
 *                              orelse
 *
 *   for target in seq:     $t1 = iter(seq)
 *       body               loop:
 *   else:                      $t2 = next($t1) else exhausted
 *       orelse                 target = $t2
 *                              body
 *                          else:
 *                              orelse
 *
 * LOOP's else block runs when the loop ends by LOOP_EXIT or by FOR_NEXT
 * finding the iterator exhausted, not by break; a break or continue inside
 * it belongs to the enclosing loop.  A while loop's LOOP has op
 * IR_LOOP_WHILE and, as its position, where 3.11 puts the loop's back edge:
 * the bottom copy of the test's jump, at the statement (or at a
 * comparison's span, lower_after_jump_if); that is the position a signal
 * handled at the back edge reports (cgen's loop).  `while True:` (a constant true test,
 * as CPython's compiler_while folds it) gets no test.  Positions as in 3.11:
 * the truth test, GET_ITER and FOR_ITER carry the loop statement's span.
 */
#include "lowering.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

/* A constant test CPython's compiler knows to be true.  Not `__debug__`:
 * it is tested when the program runs (expr.c), false under -O. */
static int constant_true(const AstNode *test)
{
    return test->kind == AST_Constant
           && PyObject_IsTrue(((const AstConstant *)test)->value) == 1;
}

/* The body, lowered with break/continue allowed, appended to body. */
static int loop_body(Lower *L, const AstSeq *stmts, IrNode *body)
{
    L->loop_depth++;
    int rc = lower_stmts(L, stmts, body);
    L->loop_depth--;
    return rc;
}

/* Appends LOOP(body, else) to block; the LOOP, or NULL on error. */
static IrNode *finish_loop(Lower *L, IrPos pos, IrNode *body, const AstSeq *orelse,
                           IrNode *block)
{
    IrNode *els = lower_block(L, orelse, pos);
    if (!els)
        return NULL;
    IrNode *loop = ir_node(L->m, IR_LOOP, pos, 2, body, els);
    ir_node_add(L->m, block, loop);
    return loop;
}

int lower_while(Lower *L, const AstWhile *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *body = ir_node_new(L->m, IR_BLOCK, pos);
    if (!constant_true(s->test)) {
        IrNode *test = lower_expr(L, s->test);
        if (!test)
            return -1;
        IrNode *not = ir_node(L->m, IR_UNARY, pos, 1, test);
        not->op = IR_UNARY_NOT;
        IrNode *exit = ir_node(L->m, IR_BLOCK, pos, 1, ir_node_new(L->m, IR_LOOP_EXIT, pos));
        ir_node_add(L->m, body, ir_node(L->m, IR_IF, pos, 3, not, exit,
                                         ir_node_new(L->m, IR_BLOCK, pos)));
    }
    if (loop_body(L, &s->body, body) < 0)
        return -1;
    IrNode *loop = finish_loop(L, pos, body, &s->orelse, block);
    if (!loop)
        return -1;
    loop->op = IR_LOOP_WHILE;
    if (front_python_version() >= 0x030c0000)   /* explicit locations (3.12) */
        loop->pos = lower_last_jump_if_312(s->test);
    else
        loop->pos = constant_true(s->test) ? pos : lower_after_jump_if(s->test, pos);
    return 0;
}

IrVar *lower_iter_temp(Lower *L, IrNode *seq, IrPos pos, IrNode *block)
{
    return lower_spill(L, ir_node(L->m, IR_ITER, pos, 1, seq), pos, block);
}

IrNode *lower_next_item(Lower *L, IrVar *it, IrPos pos, IrPos item_pos, IrNode *body)
{
    IrNode *next = ir_node(L->m, IR_FOR_NEXT, pos, 1, lower_load(L, it, pos));
    next->var = lower_temp(L);
    ir_node_add(L->m, body, next);
    return lower_take(L, next->var, item_pos);
}

int lower_for(Lower *L, const AstFor *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *seq = lower_expr(L, s->iter);
    if (!seq)
        return -1;
    /* GET_ITER and FOR_ITER: at the statement (3.11, 3.12), at the iterable
     * (3.13) */
    IrPos iter_pos = front_python_version() >= 0x030d0000 ? s->iter->pos : pos;
    IrVar *it = lower_iter_temp(L, seq, iter_pos, block);
    IrNode *body = ir_node_new(L->m, IR_BLOCK, pos);
    IrNode *item = lower_next_item(L, it, iter_pos, s->target->pos, body);
    if (lower_assign_to(L, s->target, item, body) < 0 || loop_body(L, &s->body, body) < 0)
        return -1;
    if (!finish_loop(L, pos, body, &s->orelse, block))
        return -1;
    /* Both ways out of the loop (exhausted, break) come here; CPython pops
     * the iterator on both. */
    lower_drop(L, it, pos, block);
    return 0;
}
