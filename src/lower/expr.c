/* expr.c — expression dispatch and the expressions that map one to one:
 * constants, names, operators, and/or, conditional expressions, attribute
 * and subscript reads, slices, and tuple/list/set/dict displays with their
 * starred items.  Comparisons, calls and f-strings have their own files.
 *
 * Each node's position is the AST node's own span, as CPython 3.11 gives the
 * instruction that reports the failure; an attribute read that spans lines
 * starts at the attribute name (lower_attr_pos).
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

int lower_binop_of(AstKind op)
{
    switch (op) {
    case AST_Add:      return IR_BINOP_ADD;
    case AST_Sub:      return IR_BINOP_SUB;
    case AST_Mult:     return IR_BINOP_MULT;
    case AST_MatMult:  return IR_BINOP_MATMULT;
    case AST_Div:      return IR_BINOP_DIV;
    case AST_Mod:      return IR_BINOP_MOD;
    case AST_Pow:      return IR_BINOP_POW;
    case AST_LShift:   return IR_BINOP_LSHIFT;
    case AST_RShift:   return IR_BINOP_RSHIFT;
    case AST_BitOr:    return IR_BINOP_BITOR;
    case AST_BitXor:   return IR_BINOP_BITXOR;
    case AST_BitAnd:   return IR_BINOP_BITAND;
    case AST_FloorDiv: return IR_BINOP_FLOORDIV;
    default:           return -1;
    }
}

static int unaryop_of(AstKind op)
{
    switch (op) {
    case AST_Invert: return IR_UNARY_INVERT;
    case AST_Not:    return IR_UNARY_NOT;
    case AST_UAdd:   return IR_UNARY_UADD;
    case AST_USub:   return IR_UNARY_USUB;
    default:         return -1;
    }
}

/* The number of code points of a UTF-8 string (CPython measures the
 * attribute name with PyUnicode_GET_LENGTH, against byte columns). */
static int utf8_length(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

IrPos lower_attr_pos(IrPos cur, const AstAttribute *a)
{
    if (cur.line == a->hdr.pos.end_line)
        return cur;
    cur.line = a->hdr.pos.end_line;
    int len = utf8_length(a->attr);
    if (len <= a->hdr.pos.end_col) {
        cur.col = a->hdr.pos.end_col - len;
    } else {
        cur.col = -1;
        cur.end_col = -1;
    }
    if (cur.end_line < cur.line)
        cur.end_line = cur.line;
    if (cur.line == cur.end_line && cur.end_col < cur.col)
        cur.end_col = cur.col;
    return cur;
}

/* Literals of the unoptimized AST: anything else (a tuple or frozenset only
 * CPython's AST optimizer makes) would be news, hence refused. */
static IrNode *lower_constant(Lower *L, const AstConstant *c)
{
    PyObject *v = c->value;
    if (v != Py_None && v != Py_Ellipsis && !PyBool_Check(v) && !PyLong_CheckExact(v)
        && !PyFloat_CheckExact(v) && !PyComplex_CheckExact(v)
        && !PyUnicode_CheckExact(v) && !PyBytes_CheckExact(v)) {
        char buf[120];
        snprintf(buf, sizeof buf, "constant of type '%.80s'", Py_TYPE(v)->tp_name);
        lower_refuse_named(L, c->hdr.pos.line, buf);
        return NULL;
    }
    return lower_const_node(L, v, c->hdr.pos);
}

/* A name read.  `__debug__` is the running interpreter's (IR DEBUG: False
 * under -O or PYTHONOPTIMIZE): CPython's AST optimizer folds it to the
 * constant of the interpreter that compiles, which for a compiled program
 * is the one that runs it, and assert follows the same flag (assert.c). */
static IrNode *lower_name(Lower *L, const AstName *e)
{
    if (strcmp(e->id, "__debug__") == 0)
        return ir_node_new(L->m, IR_DEBUG, e->hdr.pos);
    if (L->sees_class) {
        IrNode *n = lower_class_visible_load(L, e->id, e->hdr.pos);
        if (n || L->failed)
            return n;
    }
    IrVar *v = lower_var(L, e->id, e->hdr.pos);
    return v ? lower_load(L, v, e->hdr.pos) : NULL;
}

static IrNode *lower_binop(Lower *L, const AstBinOp *e)
{
    int op = lower_binop_of(e->op);
    if (op < 0)
        P2C_UNREACHABLE();
    IrNode *left = lower_expr(L, e->left);
    IrNode *right = left ? lower_expr(L, e->right) : NULL;
    if (!right)
        return NULL;
    IrNode *n = ir_node(L->m, IR_BINOP, e->hdr.pos, 2, left, right);
    n->op = op;
    return n;
}

static IrNode *lower_unaryop(Lower *L, const AstUnaryOp *e)
{
    int op = unaryop_of(e->op);
    if (op < 0)
        P2C_UNREACHABLE();
    IrNode *operand = lower_expr(L, e->operand);
    if (!operand)
        return NULL;
    IrNode *n = ir_node(L->m, IR_UNARY, e->hdr.pos, 1, operand);
    n->op = op;
    return n;
}

/* `a and b and c` is AND(a, AND(b, c)): each yields its deciding operand,
 * right operands evaluated only when needed; every truth test reports the
 * BoolOp's span as CPython's jumps do. */
static IrNode *lower_boolop(Lower *L, const AstBoolOp *e, int from)
{
    IrNode *left = lower_expr(L, e->values.items[from]);
    if (!left || from + 1 == e->values.n)
        return left;
    IrNode *right = lower_boolop(L, e, from + 1);
    if (!right)
        return NULL;
    return ir_node(L->m, e->op == AST_And ? IR_AND : IR_OR, e->hdr.pos, 2, left, right);
}

static IrNode *lower_ifexp(Lower *L, const AstIfExp *e)
{
    IrNode *test = lower_expr(L, e->test);
    IrNode *body = test ? lower_expr(L, e->body) : NULL;
    IrNode *orelse = body ? lower_expr(L, e->orelse) : NULL;
    if (!orelse)
        return NULL;
    return ir_node(L->m, IR_IFEXP, e->hdr.pos, 3, test, body, orelse);
}

/* `*x` as an item of a display or call: STARRED at the Starred's span. */
static IrNode *lower_starred(Lower *L, const AstNode *item)
{
    IrNode *v = lower_expr(L, ((const AstStarred *)item)->value);
    return v ? ir_node(L->m, IR_STARRED, item->pos, 1, v) : NULL;
}

int lower_items(Lower *L, const AstSeq *items, IrNode *display)
{
    for (int i = 0; i < items->n; i++) {
        const AstNode *item = items->items[i];
        IrNode *n = item->kind == AST_Starred ? lower_starred(L, item) : lower_expr(L, item);
        if (!n)
            return -1;
        ir_node_add(L->m, display, n);
    }
    return 0;
}

static IrNode *lower_display(Lower *L, const AstNode *e, IrKind kind, const AstSeq *elts)
{
    IrNode *n = ir_node_new(L->m, kind, e->pos);
    return lower_items(L, elts, n) < 0 ? NULL : n;
}

/* {k: v, **m}: key then value, pair by pair (CPython >= 3.8 order); a
 * missing key marks a `**m` item, which stands alone as a STARRED kid. */
static IrNode *lower_dict(Lower *L, const AstDict *e)
{
    IrNode *n = ir_node_new(L->m, IR_DICT, e->hdr.pos);
    for (int i = 0; i < e->values.n; i++) {
        const AstNode *key = e->keys.items[i], *value = e->values.items[i];
        IrNode *k = key ? lower_expr(L, key) : NULL;
        IrNode *v = (k || !key) ? lower_expr(L, value) : NULL;
        if (!v)
            return NULL;
        if (k)
            ir_node_add(L->m, n, k);
        ir_node_add(L->m, n, k ? v : ir_node(L->m, IR_STARRED, value->pos, 1, v));
    }
    return n;
}

static IrNode *lower_attribute(Lower *L, const AstAttribute *e)
{
    IrNode *obj = lower_expr(L, e->value);
    if (!obj)
        return NULL;
    IrNode *n = ir_node(L->m, IR_ATTR, lower_attr_pos(e->hdr.pos, e), 1, obj);
    n->cidx = lower_name_const(L, e->attr);
    return n;
}

static IrNode *lower_subscript(Lower *L, const AstSubscript *e)
{
    IrNode *obj = lower_expr(L, e->value);
    IrNode *key = obj ? lower_expr(L, e->slice) : NULL;
    return key ? ir_node(L->m, IR_SUBSCR, e->hdr.pos, 2, obj, key) : NULL;
}

/* a:b:c as slice(a, b, c), absent parts None (BUILD_SLICE). */
static IrNode *lower_slice(Lower *L, const AstSlice *e)
{
    const AstNode *parts[3] = {e->lower, e->upper, e->step};
    IrNode *n = ir_node_new(L->m, IR_SLICE, e->hdr.pos);
    for (int i = 0; i < 3; i++) {
        IrNode *k = parts[i] ? lower_expr(L, parts[i])
                             : lower_const_node(L, Py_None, e->hdr.pos);
        if (!k)
            return NULL;
        ir_node_add(L->m, n, k);
    }
    return n;
}

/* `(x := v)`: outside comprehensions (refused) the target is simply a name
 * of the current scope. */
static IrNode *lower_named_expr(Lower *L, const AstNamedExpr *e)
{
    if (e->target->kind != AST_Name)
        return lower_refuse_expr(L, &e->hdr);
    IrNode *v = lower_expr(L, e->value);
    IrVar *var = v ? lower_var(L, ((const AstName *)e->target)->id, e->target->pos) : NULL;
    if (!var)
        return NULL;
    IrNode *n = ir_node(L->m, IR_ASSIGN_EXPR, e->hdr.pos, 1, v);
    n->var = var;
    return n;
}

IrNode *lower_expr(Lower *L, const AstNode *e)
{
    switch (e->kind) {
    case AST_Constant:  return lower_constant(L, (const AstConstant *)e);
    case AST_Name:      return lower_name(L, (const AstName *)e);
    case AST_BinOp:     return lower_binop(L, (const AstBinOp *)e);
    case AST_UnaryOp:   return lower_unaryop(L, (const AstUnaryOp *)e);
    case AST_BoolOp:    return lower_boolop(L, (const AstBoolOp *)e, 0);
    case AST_IfExp:     return lower_ifexp(L, (const AstIfExp *)e);
    case AST_Compare:   return lower_compare(L, (const AstCompare *)e);
    case AST_Call:      return lower_call(L, (const AstCall *)e);
    case AST_Attribute: return lower_attribute(L, (const AstAttribute *)e);
    case AST_Subscript: return lower_subscript(L, (const AstSubscript *)e);
    case AST_Slice:     return lower_slice(L, (const AstSlice *)e);
    case AST_Dict:      return lower_dict(L, (const AstDict *)e);
    case AST_NamedExpr: return lower_named_expr(L, (const AstNamedExpr *)e);
    case AST_JoinedStr: return lower_joined_str(L, (const AstJoinedStr *)e);
    case AST_FormattedValue:
        return lower_formatted_value(L, (const AstFormattedValue *)e);
    case AST_Tuple: return lower_display(L, e, IR_TUPLE, &((const AstTuple *)e)->elts);
    case AST_List:  return lower_display(L, e, IR_LIST, &((const AstList *)e)->elts);
    case AST_Set:   return lower_display(L, e, IR_SET, &((const AstSet *)e)->elts);
    case AST_Lambda:    return lower_lambda(L, (const AstLambda *)e);
    case AST_ListComp:
    case AST_SetComp:
    case AST_DictComp:
    case AST_GeneratorExp: return lower_comprehension(L, e);
    case AST_Yield:     return lower_yield(L, (const AstYield *)e);
    case AST_YieldFrom: return lower_yield_from(L, (const AstYieldFrom *)e);
    case AST_Await:     return lower_await(L, (const AstAwait *)e);
    case AST_Starred:
        lower_syntax_error(L, e->pos.line, "can't use starred expression here");
        return NULL;
    default:
        return lower_refuse_expr(L, e);
    }
}
