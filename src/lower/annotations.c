/* annotations.c — annotated assignments and __annotations__ of modules (and
 * class bodies), with CPython 3.11's semantics (compile.c: compiler_body's
 * find_ann, compiler_annassign, check_ann_expr, check_ann_subscr):
 *
 *   # module or class body            # module or class body
 *   x: int = v                        setup_annotations()   # at the start
 *                                     x = v
 *                                     __annotations__['x'] = int
 *   a.b: T                            a                     # evaluated only
 *   s[i:j]: T                         s; i; j
 *   (y): T                            T                     # not stored
 *
 *   # function body: only the assignment; annotations are not evaluated
 *   x: int = v                        x = v
 *
 * setup_annotations creates `__annotations__ = {}` in the namespace unless
 * it is there, when the body (not nested defs or classes) has an annotated
 * assignment.  A simple name's annotation is stored under its mangled name
 * with LOAD_NAME's lookup of __annotations__.  Under `from __future__ import
 * annotations` the stored value is the annotation's string (signature.c).
 */
#include "lowering.h"

static int find_ann(const AstSeq *stmts);

static int find_ann_try(const AstSeq *body, const AstSeq *handlers, const AstSeq *orelse,
                        const AstSeq *finalbody)
{
    for (int i = 0; i < handlers->n; i++)
        if (find_ann(&((const AstExceptHandler *)handlers->items[i])->body))
            return 1;
    return find_ann(body) || find_ann(finalbody) || find_ann(orelse);
}

/* compile.c's find_ann: an AnnAssign in stmts or their nested blocks
 * (not in nested functions or classes, not in match cases). */
static int find_ann(const AstSeq *stmts)
{
    for (int i = 0; i < stmts->n; i++) {
        const AstNode *s = stmts->items[i];
        int found = 0;
        switch (s->kind) {
        case AST_AnnAssign:
            return 1;
        case AST_For:
            found = find_ann(&((const AstFor *)s)->body) || find_ann(&((const AstFor *)s)->orelse);
            break;
        case AST_AsyncFor:
            found = find_ann(&((const AstAsyncFor *)s)->body) ||
                    find_ann(&((const AstAsyncFor *)s)->orelse);
            break;
        case AST_While:
            found = find_ann(&((const AstWhile *)s)->body) ||
                    find_ann(&((const AstWhile *)s)->orelse);
            break;
        case AST_If:
            found = find_ann(&((const AstIf *)s)->body) || find_ann(&((const AstIf *)s)->orelse);
            break;
        case AST_With:
            found = find_ann(&((const AstWith *)s)->body);
            break;
        case AST_AsyncWith:
            found = find_ann(&((const AstAsyncWith *)s)->body);
            break;
        case AST_Try:
            found = find_ann_try(&((const AstTry *)s)->body, &((const AstTry *)s)->handlers,
                                 &((const AstTry *)s)->orelse, &((const AstTry *)s)->finalbody);
            break;
        case AST_TryStar:
            found = find_ann_try(&((const AstTryStar *)s)->body,
                                 &((const AstTryStar *)s)->handlers,
                                 &((const AstTryStar *)s)->orelse,
                                 &((const AstTryStar *)s)->finalbody);
            break;
        default:
            break;
        }
        if (found)
            return 1;
    }
    return 0;
}

void lower_setup_annotations(Lower *L, const AstSeq *body)
{
    if (body->n == 0 || !find_ann(body))
        return;
    /* a module's is at its first statement; a class body's at the scope's
     * start, (firstlineno, 0) as compiler_enter_scope sets it */
    IrPos pos = body->items[0]->pos;
    if (!L->fn->is_module) {
        IrPos start = {L->fn->pos.line, 0, L->fn->pos.line, 0};
        pos = start;
    }
    ir_node_add(L->m, L->fn->body, ir_node_new(L->m, IR_SETUP_ANNOTATIONS, pos));
}

/* Evaluates e and discards it (check_ann_expr). */
static int eval_discard(Lower *L, const AstNode *e, IrNode *block)
{
    IrNode *v = lower_expr(L, e);
    if (!v)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_EXPR, e->pos, 1, v));
    return 0;
}

/* check_ann_subscr: slices part by part, tuples item by item. */
static int eval_subscript(Lower *L, const AstNode *e, IrNode *block)
{
    if (e->kind == AST_Slice) {
        const AstSlice *s = (const AstSlice *)e;
        const AstNode *parts[3] = {s->lower, s->upper, s->step};
        for (int i = 0; i < 3; i++)
            if (parts[i] && eval_discard(L, parts[i], block) < 0)
                return -1;
        return 0;
    }
    if (e->kind == AST_Tuple) {
        const AstSeq *elts = &((const AstTuple *)e)->elts;
        for (int i = 0; i < elts->n; i++)
            if (eval_subscript(L, elts->items[i], block) < 0)
                return -1;
        return 0;
    }
    return eval_discard(L, e, block);
}

/* __annotations__[mangled name] = annotation */
static int store_annotation(Lower *L, const AstAnnAssign *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *ann = lower_annotation(L, s->annotation, pos);
    IrVar *dict = ann ? lower_var(L, "__annotations__", pos) : NULL;
    if (!dict)
        return -1;
    const char *name = lower_mangle(L, ((const AstName *)s->target)->id);
    IrNode *key = ir_node_new(L->m, IR_CONST, pos);
    key->cidx = lower_const_str(L, name);
    ir_node_add(L->m, block, ir_node(L->m, IR_STORE_SUBSCR, pos, 3, ann,
                                     lower_load(L, dict, pos), key));
    return 0;
}

int lower_annassign(Lower *L, const AstAnnAssign *s, IrNode *block)
{
    int namespace = L->fn->is_module || L->fn->is_class;
    if (s->value) {
        IrNode *v = lower_expr(L, s->value);
        if (!v || lower_assign_to(L, s->target, v, block) < 0)
            return -1;
    }
    const AstNode *t = s->target;
    switch (t->kind) {
    case AST_Name:
        if (s->simple && namespace)
            return store_annotation(L, s, block);
        break;
    case AST_Attribute:
        if (!s->value && eval_discard(L, ((const AstAttribute *)t)->value, block) < 0)
            return -1;
        break;
    case AST_Subscript:
        if (!s->value && (eval_discard(L, ((const AstSubscript *)t)->value, block) < 0 ||
                          eval_subscript(L, ((const AstSubscript *)t)->slice, block) < 0))
            return -1;
        break;
    default:
        return lower_refuse(L, &s->hdr);
    }
    /* a complex target's annotation: evaluated, except under postponed
     * annotations where it produces nothing (compile.c's check_annotation) */
    if (!s->simple && namespace && !lower_postponed_annotations(L))
        return eval_discard(L, s->annotation, block);
    return 0;
}
