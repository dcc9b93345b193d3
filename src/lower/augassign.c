/* augassign.c — augmented assignment, the target evaluated once.
 *
 *   x += v       x = (x += v)
 *   o.a += v     $t1 = o
 *                $t1.a = ($t1.a += v)
 *   o[k] += v    $t1 = o; $t2 = k
 *                $t1[$t2] = ($t1[$t2] += v)
 *   o[1] += v    $t1 = o                  (a constant key is not spilled:
 *                $t1[1] = ($t1[1] += v)    evaluating it twice is the same)
 *
 * `(a += b)` is INPLACE: the in-place protocol (__iadd__, falling back to
 * __add__) yielding the result, which is then stored back, as CPython's
 * BINARY_OP (+=) followed by STORE_* does.  Positions are those of 3.11's
 * compiler_augassign: the read and the store of the target carry the
 * target's span (an attribute's adjusted to its name when it spans lines),
 * the in-place operation carries the whole statement's.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* $t = e, appended to block; the temp, or NULL after an error. */
static IrVar *spill(Lower *L, const AstNode *e, IrNode *block)
{
    IrNode *v = lower_expr(L, e);
    if (!v)
        return NULL;
    IrVar *t = lower_temp(L);
    IrNode *a = ir_node(L->m, IR_ASSIGN, e->pos, 1, v);
    a->var = t;
    ir_node_add(L->m, block, a);
    return t;
}

static IrNode *inplace(Lower *L, const AstAugAssign *s, IrNode *current)
{
    IrNode *v = lower_expr(L, s->value);
    if (!v)
        return NULL;
    IrNode *n = ir_node(L->m, IR_INPLACE, s->hdr.pos, 2, current, v);
    n->op = lower_binop_of(s->op);
    if (n->op < 0)
        P2C_UNREACHABLE();
    return n;
}

static int aug_name(Lower *L, const AstAugAssign *s, const AstName *t, IrNode *block)
{
    IrVar *var = lower_var(L, t->id, t->hdr.pos);
    IrNode *result = var ? inplace(L, s, lower_load(L, var, t->hdr.pos)) : NULL;
    if (!result)
        return -1;
    IrNode *a = ir_node(L->m, IR_ASSIGN, t->hdr.pos, 1, result);
    a->var = var;
    ir_node_add(L->m, block, a);
    return 0;
}

static int aug_attr(Lower *L, const AstAugAssign *s, const AstAttribute *t, IrNode *block)
{
    IrVar *obj = spill(L, t->value, block);
    if (!obj)
        return -1;
    IrPos pos = lower_attr_pos(t->hdr.pos, t);
    int name = lower_name_const(L, t->attr);
    IrNode *get = ir_node(L->m, IR_ATTR, pos, 1, lower_load(L, obj, t->value->pos));
    get->cidx = name;
    IrNode *result = inplace(L, s, get);
    if (!result)
        return -1;
    IrNode *set = ir_node(L->m, IR_STORE_ATTR, pos, 2, result,
                          lower_take(L, obj, t->value->pos));
    set->cidx = name;
    ir_node_add(L->m, block, set);
    return 0;
}

static int aug_subscr(Lower *L, const AstAugAssign *s, const AstSubscript *t, IrNode *block)
{
    IrVar *obj = spill(L, t->value, block);
    if (!obj)
        return -1;
    bool const_key = t->slice->kind == AST_Constant;
    IrVar *key = const_key ? NULL : spill(L, t->slice, block);
    if (!const_key && !key)
        return -1;
    IrNode *get_key = const_key ? lower_expr(L, t->slice) : lower_load(L, key, t->slice->pos);
    IrNode *set_key = const_key ? lower_expr(L, t->slice) : lower_take(L, key, t->slice->pos);
    if (!get_key || !set_key)
        return -1;
    IrNode *get = ir_node(L->m, IR_SUBSCR, t->hdr.pos, 2, lower_load(L, obj, t->value->pos),
                          get_key);
    IrNode *result = inplace(L, s, get);
    if (!result)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_STORE_SUBSCR, t->hdr.pos, 3, result,
                                     lower_take(L, obj, t->value->pos), set_key));
    return 0;
}

int lower_augassign(Lower *L, const AstAugAssign *s, IrNode *block)
{
    switch (s->target->kind) {
    case AST_Name:
        return aug_name(L, s, (const AstName *)s->target, block);
    case AST_Attribute:
        return aug_attr(L, s, (const AstAttribute *)s->target, block);
    case AST_Subscript:
        return aug_subscr(L, s, (const AstSubscript *)s->target, block);
    default:   /* the parser allows no other target */
        return lower_refuse(L, s->target);
    }
}
