/* assign.c — assignment: targets, chained assignment, checked unpacking.
 *
 *   a = b.c = v          $t1 = v; a = $t1; b.c = $t1      (left to right)
 *   x, (y, *z), w = v    $t1, $t2, $t3 = unpack(v)
 *                        x = $t1
 *                        $t4, *$t5 = unpack($t2)
 *                        y = $t4; z = $t5; w = $t3
 *
 * CPython evaluates the value first, then stores the targets left to right;
 * a target's own sub-expressions (the object of an attribute, the object
 * and key of a subscript) are evaluated when that target is stored, after
 * the value (UNPACK_SEQUENCE / UNPACK_EX have already taken it apart).
 * UNPACK always fills temporaries, never the targets themselves: nothing
 * is stored unless the whole unpacking succeeds, and `a.x, a = v` must
 * store a.x through the old `a`.  docs/reformulations.md.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

static int lower_unpack(Lower *L, const AstNode *target, const AstSeq *elts,
                        IrNode *value, IrNode *block);

/* The index of the single starred element, -1 if none, -2 after an error:
 * CPython's compiler (unpack_helper) rejects two stars and a star after
 * 256 elements, which UNPACK_EX cannot encode. */
static int star_index(Lower *L, const AstNode *target, const AstSeq *elts)
{
    int star = -1;
    for (int i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind != AST_Starred)
            continue;
        if (star >= 0) {
            lower_syntax_error(L, target->pos.line,
                               "multiple starred expressions in assignment");
            return -2;
        }
        if (i >= (1 << 8) || elts->n - i - 1 >= (0x7fffffff >> 8)) {
            lower_syntax_error(L, target->pos.line,
                               "too many expressions in star-unpacking assignment");
            return -2;
        }
        star = i;
    }
    return star;
}

static int store_name(Lower *L, const AstName *t, IrNode *value, IrNode *block)
{
    IrVar *v = lower_var(L, t->id, t->hdr.pos);
    if (!v)
        return -1;
    IrNode *n = ir_node(L->m, IR_ASSIGN, t->hdr.pos, 1, value);
    n->var = v;
    ir_node_add(L->m, block, n);
    return 0;
}

/* obj.attr = value: value first, then obj (STORE_ATTR's kid order). */
static int store_attr(Lower *L, const AstAttribute *t, IrNode *value, IrNode *block)
{
    IrNode *obj = lower_expr(L, t->value);
    if (!obj)
        return -1;
    IrNode *n = ir_node(L->m, IR_STORE_ATTR, lower_attr_pos(t->hdr.pos, t), 2, value, obj);
    n->cidx = lower_name_const(L, t->attr);
    ir_node_add(L->m, block, n);
    return 0;
}

/* obj[key] = value: value, then obj, then key. */
static int store_subscr(Lower *L, const AstSubscript *t, IrNode *value, IrNode *block)
{
    IrNode *obj = lower_expr(L, t->value);
    IrNode *key = obj ? lower_expr(L, t->slice) : NULL;
    if (!key)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_STORE_SUBSCR, t->hdr.pos, 3, value, obj, key));
    return 0;
}

int lower_assign_to(Lower *L, const AstNode *target, IrNode *value, IrNode *block)
{
    switch (target->kind) {
    case AST_Name:
        return store_name(L, (const AstName *)target, value, block);
    case AST_Attribute:
        return store_attr(L, (const AstAttribute *)target, value, block);
    case AST_Subscript:
        return store_subscr(L, (const AstSubscript *)target, value, block);
    case AST_Tuple:
        return lower_unpack(L, target, &((const AstTuple *)target)->elts, value, block);
    case AST_List:
        return lower_unpack(L, target, &((const AstList *)target)->elts, value, block);
    case AST_Starred:
        return lower_syntax_error(L, target->pos.line,
                                  "starred assignment target must be in a list or tuple");
    default:
        return lower_refuse(L, target);
    }
}

/* A tuple display of n items, none starred: what `a, b = b, a` unpacks. */
static bool plain_tuple_of(const IrNode *value, int n)
{
    if (value->kind != IR_TUPLE || value->nkids != n)
        return false;
    for (int i = 0; i < n; i++)
        if (value->kids[i]->kind == IR_STARRED)
            return false;
    return true;
}

/* (t0, *t1, t2) = value: UNPACK into fresh temps at the target's span (where
 * CPython reports unpacking errors), then each element stored in order.
 * `a, b = x, y` builds no tuple: the items go straight into the temps, as
 * CPython's BUILD_TUPLE + UNPACK_SEQUENCE become a SWAP (the tuple could
 * not be seen, and unpacking it cannot fail). */
static int lower_unpack(Lower *L, const AstNode *target, const AstSeq *elts,
                        IrNode *value, IrNode *block)
{
    int star = star_index(L, target, elts);
    if (star == -2)
        return -1;
    if (star < 0 && plain_tuple_of(value, elts->n)) {
        IrVar **temps = ir_alloc(L->m, sizeof *temps * (elts->n ? elts->n : 1));
        for (int i = 0; i < elts->n; i++)
            temps[i] = lower_spill(L, value->kids[i], value->kids[i]->pos, block);
        for (int i = 0; i < elts->n; i++) {
            const AstNode *t = elts->items[i];
            if (lower_assign_to(L, t, lower_take(L, temps[i], t->pos), block) < 0)
                return -1;
        }
        return 0;
    }
    IrNode *u = ir_node(L->m, IR_UNPACK, target->pos, 1, value);
    u->star = star;
    u->nvars = elts->n;
    u->vars = ir_alloc(L->m, sizeof *u->vars * (elts->n ? elts->n : 1));
    for (int i = 0; i < elts->n; i++)
        u->vars[i] = lower_temp(L);
    ir_node_add(L->m, block, u);
    for (int i = 0; i < elts->n; i++) {
        const AstNode *t = elts->items[i];
        if (i == star)
            t = ((const AstStarred *)t)->value;
        if (lower_assign_to(L, t, lower_take(L, u->vars[i], t->pos), block) < 0)
            return -1;
    }
    return 0;
}

/* targets[0] = targets[1] = ... = value.  With one target the value goes
 * straight in; with several it is computed once into a temp. */
int lower_assign(Lower *L, const AstAssign *s, IrNode *block)
{
    IrNode *value = lower_expr(L, s->value);
    if (!value)
        return -1;
    if (s->targets.n == 1)
        return lower_assign_to(L, s->targets.items[0], value, block);
    IrVar *t = lower_temp(L);
    IrNode *a = ir_node(L->m, IR_ASSIGN, s->value->pos, 1, value);
    a->var = t;
    ir_node_add(L->m, block, a);
    for (int i = 0; i < s->targets.n; i++) {
        bool last = i + 1 == s->targets.n;
        IrNode *v = last ? lower_take(L, t, s->value->pos) : lower_load(L, t, s->value->pos);
        if (lower_assign_to(L, s->targets.items[i], v, block) < 0)
            return -1;
    }
    return 0;
}
