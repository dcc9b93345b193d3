/* compare.c — comparisons; chains become `and` with a temp per middle
 * operand.
 *
 *   a < b            a < b                      (one COMPARE)
 *   a < b <= c       (a < ($t1 := b)) and ($t1 <= c)
 *
 * Each middle operand is evaluated once and only if the comparisons before
 * it held; the chain yields the first false comparison result or the last
 * one, exactly what CPython's jump sequence leaves on the stack.  Every
 * comparison (and the truth tests between them) carries the whole Compare
 * span, as in 3.11 where the chain is compiled under the Compare's location.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

static int cmpop_of(AstKind op)
{
    switch (op) {
    case AST_Eq:    return IR_CMP_EQ;
    case AST_NotEq: return IR_CMP_NOTEQ;
    case AST_Lt:    return IR_CMP_LT;
    case AST_LtE:   return IR_CMP_LTE;
    case AST_Gt:    return IR_CMP_GT;
    case AST_GtE:   return IR_CMP_GTE;
    case AST_Is:    return IR_CMP_IS;
    case AST_IsNot: return IR_CMP_ISNOT;
    case AST_In:    return IR_CMP_IN;
    case AST_NotIn: return IR_CMP_NOTIN;
    default:        P2C_UNREACHABLE();
    }
}

static IrNode *compare(Lower *L, const AstCompare *e, int i, IrNode *left, IrNode *right)
{
    IrNode *n = ir_node(L->m, IR_COMPARE, e->hdr.pos, 2, left, right);
    n->op = cmpop_of(e->ops.items[i]);
    return n;
}

/* left <ops[i]> comparators[i] ..., the rest of the chain from i. */
static IrNode *chain(Lower *L, const AstCompare *e, int i, IrNode *left)
{
    const AstNode *operand = e->comparators.items[i];
    IrNode *right = lower_expr(L, operand);
    if (!right)
        return NULL;
    if (i + 1 == e->ops.n)
        return compare(L, e, i, left, right);
    IrVar *t = lower_temp(L);
    IrNode *keep = ir_node(L->m, IR_ASSIGN_EXPR, operand->pos, 1, right);
    keep->var = t;
    IrNode *first = compare(L, e, i, left, keep);
    IrNode *rest = chain(L, e, i + 1, lower_load(L, t, operand->pos));
    return rest ? ir_node(L->m, IR_AND, e->hdr.pos, 2, first, rest) : NULL;
}

IrNode *lower_compare(Lower *L, const AstCompare *e)
{
    if (e->ops.n < 1 || e->ops.n != e->comparators.n)
        P2C_UNREACHABLE();
    IrNode *left = lower_expr(L, e->left);
    return left ? chain(L, e, 0, left) : NULL;
}
