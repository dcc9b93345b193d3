/* assert.c — the assert statement.
 *
 *   assert test, msg           if __debug__:
 *                                  if not test:
 *                                      raise AssertionError(msg)
 *
 * __debug__ (IR DEBUG) is the running interpreter's: CPython's compiler
 * drops asserts under -O at compile time, a compiled program decides when it
 * runs (the runtime reads sys.flags.optimize once).  AssertionError is the
 * builtin class itself (LOAD_ASSERTION_ERROR), whatever the name is bound
 * to; without msg the class is raised (and instantiated by raise).  The
 * truth test, the call and the raise are at the position CPython's
 * compiler_jump_if leaves behind (after_jump_if).
 */
#include "lowering.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

/* The position 3.11's compiler_jump_if(test) leaves current: a comparison
 * sets its own span and does not restore the previous one (SET_LOC without
 * the save/restore of compiler_visit_expr); `not`, `and`/`or` and `x if c
 * else y` recurse in code order; anything else is visited and restores
 * pos. */
IrPos lower_after_jump_if(const AstNode *test, IrPos pos)
{
    switch (test->kind) {
    case AST_UnaryOp: {
        const AstUnaryOp *u = (const AstUnaryOp *)test;
        return u->op == AST_Not ? lower_after_jump_if(u->operand, pos) : pos;
    }
    case AST_BoolOp: {
        const AstBoolOp *b = (const AstBoolOp *)test;
        for (int i = 0; i < b->values.n; i++)
            pos = lower_after_jump_if(b->values.items[i], pos);
        return pos;
    }
    case AST_IfExp: {
        const AstIfExp *e = (const AstIfExp *)test;
        pos = lower_after_jump_if(e->test, pos);
        pos = lower_after_jump_if(e->body, pos);
        return lower_after_jump_if(e->orelse, pos);
    }
    case AST_Compare:
        return test->pos;
    default:
        return pos;
    }
}

/* The position of the last jump 3.12's compiler_jump_if(test) emits: it
 * passes locations explicitly (LOC(e)), so `not` and `and`/`or` (and
 * `x if c else y`) jump at their last part, anything else at its own span
 * (a constant too).  A while loop's back edge is there. */
IrPos lower_last_jump_if_312(const AstNode *test)
{
    switch (test->kind) {
    case AST_UnaryOp: {
        const AstUnaryOp *u = (const AstUnaryOp *)test;
        return u->op == AST_Not ? lower_last_jump_if_312(u->operand) : test->pos;
    }
    case AST_BoolOp: {
        const AstBoolOp *b = (const AstBoolOp *)test;
        return b->values.n ? lower_last_jump_if_312(b->values.items[b->values.n - 1]) : test->pos;
    }
    case AST_IfExp:
        return lower_last_jump_if_312(((const AstIfExp *)test)->orelse);
    default:
        return test->pos;
    }
}

int lower_assert(Lower *L, const AstAssert *s, IrNode *block)
{
    /* 3.12's compiler gives the call and the raise the statement's own
     * location (LOC(s)), 3.13's the call only; 3.11's leaves the one
     * compiler_jump_if left. */
    IrPos pos = front_python_version() >= 0x030c0000 ? s->hdr.pos
                                                     : lower_after_jump_if(s->test, s->hdr.pos);
    IrNode *test = lower_expr(L, s->test);
    if (!test)
        return -1;
    IrNode *exc = ir_node_new(L->m, IR_ASSERTION_ERROR, pos);
    if (s->msg) {
        IrNode *msg = lower_expr(L, s->msg);
        if (!msg)
            return -1;
        exc = ir_node(L->m, IR_CALL, pos, 2, exc, msg);
        exc->cidx = -1;
    }
    /* 3.13's raises at the test's location (LOC(s->v.Assert.test)). */
    IrPos raise_pos = front_python_version() >= 0x030d0000 ? s->test->pos : pos;
    IrNode *raise = ir_node_new(L->m, IR_BLOCK, pos);
    ir_node_add(L->m, raise, ir_node(L->m, IR_RAISE, raise_pos, 1, exc));
    IrNode *not_test = ir_node(L->m, IR_UNARY, test->pos, 1, test);
    not_test->op = IR_UNARY_NOT;
    IrNode *check = ir_node_new(L->m, IR_BLOCK, pos);
    ir_node_add(L->m, check, ir_node(L->m, IR_IF, pos, 3, not_test, raise,
                                     ir_node_new(L->m, IR_BLOCK, pos)));
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, pos, 3, ir_node_new(L->m, IR_DEBUG, pos),
                                     check, ir_node_new(L->m, IR_BLOCK, pos)));
    return 0;
}
