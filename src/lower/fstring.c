/* fstring.c — f-strings.
 *
 *   f"a{x!r:>{w}}b"    fstring('a', format(repr(x), fstring('>', format(w))), 'b')
 *
 * A JoinedStr is FSTRING, the concatenation of its parts: str constants and
 * FORMATs.  FORMAT is FORMAT_VALUE: the conversion (!s, !r, !a, or none)
 * applied to the value, then format(value, spec) where the spec is itself
 * an f-string (or absent: format(value, '')).  Parts are evaluated left to
 * right, the value of a replacement field before its spec, as in CPython.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

IrNode *lower_joined_str(Lower *L, const AstJoinedStr *e)
{
    IrNode *n = ir_node_new(L->m, IR_FSTRING, e->hdr.pos);
    for (int i = 0; i < e->values.n; i++) {
        const AstNode *part = e->values.items[i];
        IrNode *k;
        if (part->kind == AST_Constant && PyUnicode_CheckExact(((const AstConstant *)part)->value))
            k = lower_const_node(L, ((const AstConstant *)part)->value, part->pos);
        else if (part->kind == AST_FormattedValue)
            k = lower_formatted_value(L, (const AstFormattedValue *)part);
        else
            k = lower_refuse_expr(L, part);
        if (!k)
            return NULL;
        ir_node_add(L->m, n, k);
    }
    return n;
}

IrNode *lower_formatted_value(Lower *L, const AstFormattedValue *e)
{
    long conv = e->conversion;
    if (conv != -1 && conv != 's' && conv != 'r' && conv != 'a')
        return lower_refuse_expr(L, &e->hdr);
    IrNode *value = lower_expr(L, e->value);
    IrNode *spec = value && e->format_spec ? lower_expr(L, e->format_spec) : NULL;
    if (!value || (e->format_spec && !spec))
        return NULL;
    IrNode *n = ir_node(L->m, IR_FORMAT, e->hdr.pos, 2, value, spec);
    n->op = (int)conv;
    return n;
}
