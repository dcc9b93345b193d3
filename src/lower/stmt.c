/* stmt.c — statement dispatch and the statements with no reformulation of
 * their own: expression statements, if/elif/else, return, del, raise,
 * global, pass, break and continue.
 *
 * Positions follow CPython 3.11's compiler: an instruction a statement emits
 * itself (the truth test of `if`, RAISE_VARARGS, RETURN_VALUE) carries the
 * statement's whole span; sub-expressions carry their own.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* `return v` (`return` alone returns None).  Only inside a function: the
 * front end runs CPython's parser and symtable, not its compiler, so the
 * compiler's SyntaxError is ours to give. */
static int lower_return(Lower *L, const AstReturn *s, IrNode *block)
{
    if (L->fn->is_module || L->fn->is_class)
        return lower_syntax_error(L, s->hdr.pos.line, "'return' outside function");
    IrNode *v = s->value ? lower_expr(L, s->value)
                         : lower_const_node(L, Py_None, s->hdr.pos);
    if (!v)
        return -1;
    /* 3.11's compiler_return: `return CONST` on one line returns at the
     * constant's span; every other return at the statement's. */
    IrPos pos = s->hdr.pos;
    if (s->value && s->value->kind == AST_Constant && s->value->pos.line == pos.line)
        pos = s->value->pos;
    ir_node_add(L->m, block, ir_node(L->m, IR_RETURN, pos, 1, v));
    return 0;
}

/* One target of `del`: a name, an attribute, a subscript, or a tuple/list
 * of targets deleted left to right (CPython visits the elements). */
static int lower_del_target(Lower *L, const AstNode *t, IrNode *block)
{
    IrNode *n;
    switch (t->kind) {
    case AST_Name:
        n = ir_node_new(L->m, IR_DEL, t->pos);
        if (!(n->var = lower_var(L, ((const AstName *)t)->id, t->pos)))
            return -1;
        break;
    case AST_Attribute: {
        const AstAttribute *a = (const AstAttribute *)t;
        IrNode *obj = lower_expr(L, a->value);
        if (!obj)
            return -1;
        n = ir_node(L->m, IR_DEL_ATTR, lower_attr_pos(t->pos, a), 1, obj);
        n->cidx = lower_name_const(L, a->attr);
        break;
    }
    case AST_Subscript: {
        const AstSubscript *sub = (const AstSubscript *)t;
        IrNode *obj = lower_expr(L, sub->value);
        IrNode *key = obj ? lower_expr(L, sub->slice) : NULL;
        if (!key)
            return -1;
        n = ir_node(L->m, IR_DEL_SUBSCR, t->pos, 2, obj, key);
        break;
    }
    case AST_Tuple: case AST_List: {
        const AstSeq *elts = t->kind == AST_Tuple ? &((const AstTuple *)t)->elts
                                                  : &((const AstList *)t)->elts;
        for (int i = 0; i < elts->n; i++)
            if (lower_del_target(L, elts->items[i], block) < 0)
                return -1;
        return 0;
    }
    default:
        return lower_refuse(L, t);
    }
    ir_node_add(L->m, block, n);
    return 0;
}

static int lower_delete(Lower *L, const AstDelete *s, IrNode *block)
{
    for (int i = 0; i < s->targets.n; i++)
        if (lower_del_target(L, s->targets.items[i], block) < 0)
            return -1;
    return 0;
}

/* `raise E` / `raise E from C`: E then C evaluated, RAISE at the statement's
 * span.  A bare `raise` (RAISE without kids) re-raises the handled
 * exception. */
static int lower_raise(Lower *L, const AstRaise *s, IrNode *block)
{
    if (!s->exc) {
        ir_node_add(L->m, block, ir_node_new(L->m, IR_RAISE, s->hdr.pos));
        return 0;
    }
    IrNode *exc = lower_expr(L, s->exc);
    IrNode *cause = exc && s->cause ? lower_expr(L, s->cause) : NULL;
    if (!exc || (s->cause && !cause))
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_RAISE, s->hdr.pos, 2, exc, cause));
    return 0;
}

/* if test: body else: orelse (elif is an If in orelse). */
static int lower_if(Lower *L, const AstIf *s, IrNode *block)
{
    IrNode *test = lower_expr(L, s->test);
    IrNode *body = test ? lower_block(L, &s->body, s->hdr.pos) : NULL;
    IrNode *orelse = body ? lower_block(L, &s->orelse, s->hdr.pos) : NULL;
    if (!orelse)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, s->hdr.pos, 3, test, body, orelse));
    return 0;
}

/* An expression statement.  A lone constant (`5`, a string used as a
 * comment) has no effect, but CPython 3.11 keeps a NOP at its line
 * (compiler_visit_stmt_expr), so a trace hook gets a `line` event there and
 * a finally block ending with it re-raises at its line: a PASS, as for
 * `pass`, which generates no code. */
static int lower_expr_stmt(Lower *L, const AstExpr *s, IrNode *block)
{
    if (s->value->kind == AST_Constant) {
        ir_node_add(L->m, block, ir_node_new(L->m, IR_PASS, s->hdr.pos));
        return 0;
    }
    IrNode *v = lower_expr(L, s->value);
    if (!v)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_EXPR, s->hdr.pos, 1, v));
    return 0;
}

/* break / continue: only inside a loop body (not its else block). */
static int lower_jump(Lower *L, const AstNode *s, IrNode *block)
{
    int is_break = s->kind == AST_Break;
    if (L->loop_depth == 0)
        return lower_syntax_error(L, s->pos.line, is_break ? "'break' outside loop"
                                  : "'continue' not properly in loop");
    ir_node_add(L->m, block, ir_node_new(L->m, is_break ? IR_BREAK : IR_CONTINUE, s->pos));
    return 0;
}

int lower_stmt(Lower *L, const AstNode *s, IrNode *block)
{
    switch (s->kind) {
    case AST_FunctionDef: case AST_AsyncFunctionDef:   /* the same layout */
        return lower_function_def(L, (const AstFunctionDef *)s, block);
    case AST_ClassDef:   return lower_class_def(L, (const AstClassDef *)s, block);
    case AST_TypeAlias:  return lower_type_alias(L, (const AstTypeAlias *)s, block);
    case AST_Return:     return lower_return(L, (const AstReturn *)s, block);
    case AST_Delete:     return lower_delete(L, (const AstDelete *)s, block);
    case AST_Assign:     return lower_assign(L, (const AstAssign *)s, block);
    case AST_AugAssign:  return lower_augassign(L, (const AstAugAssign *)s, block);
    case AST_For:        return lower_for(L, (const AstFor *)s, block);
    case AST_While:      return lower_while(L, (const AstWhile *)s, block);
    case AST_If:         return lower_if(L, (const AstIf *)s, block);
    case AST_Raise:      return lower_raise(L, (const AstRaise *)s, block);
    case AST_Import:     return lower_import(L, (const AstImport *)s, block);
    case AST_ImportFrom: return lower_import_from(L, (const AstImportFrom *)s, block);
    case AST_Expr:       return lower_expr_stmt(L, (const AstExpr *)s, block);
    case AST_Try:        return lower_try(L, (const AstTry *)s, block);
    case AST_TryStar:    return lower_try_star(L, (const AstTryStar *)s, block);
    case AST_Match:      return lower_match(L, (const AstMatch *)s, block);
    case AST_With:       return lower_with(L, (const AstWith *)s, block);
    case AST_AsyncWith:  return lower_async_with(L, (const AstAsyncWith *)s, block);
    case AST_AsyncFor:   return lower_async_for(L, (const AstAsyncFor *)s, block);
    case AST_Assert:     return lower_assert(L, (const AstAssert *)s, block);
    case AST_Break: case AST_Continue:
        return lower_jump(L, s, block);
    case AST_AnnAssign:  return lower_annassign(L, (const AstAnnAssign *)s, block);
    case AST_Global:     /* scoping only: the symtable already applied it */
    case AST_Nonlocal:
    case AST_Pass:   /* no code, but a position: a finally block's last
                        statement is where its re-raise stands (try.c) */
        ir_node_add(L->m, block, ir_node_new(L->m, IR_PASS, s->pos));
        return 0;
    default:
        return lower_refuse(L, s);
    }
}

int lower_stmts(Lower *L, const AstSeq *stmts, IrNode *block)
{
    for (int i = 0; i < stmts->n; i++)
        if (lower_stmt(L, stmts->items[i], block) < 0)
            return -1;
    return 0;
}

IrNode *lower_block(Lower *L, const AstSeq *stmts, IrPos pos)
{
    IrNode *b = ir_node_new(L->m, IR_BLOCK, pos);
    return lower_stmts(L, stmts, b) < 0 ? NULL : b;
}
