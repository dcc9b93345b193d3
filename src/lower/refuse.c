/* refuse.c — the one place that names constructs lowering refuses.
 *
 * A construct outside the supported subset is a compile-time error
 * ("pyc2c: error: FILE:LINE: <construct> is not supported yet", exit 1),
 * never silently wrong code: every dispatch switch of src/lower/ ends in a
 * default branch that comes here.  Constructs refused for a detail rather
 * than for their kind (a bare raise, an annotation, a closure) are named by
 * their caller through lower_refuse_named().
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* Python-level names of the AST kinds refused as a whole. */
static const char *const construct_names[AST_KIND_COUNT] = {
    [AST_NamedExpr] = "walrus (named expression)",
};

int lower_refuse_named(Lower *L, int line, const char *construct)
{
    if (!L->failed)   /* only the first error: later ones may be its echoes */
        diag_unsupported(L->u->display_path, line, construct);
    L->failed = 1;
    return -1;
}

/* A kind missing from the table still gets a name (the AST class's), so
 * that a case the lowering forgot is an error message, not a crash. */
int lower_refuse(Lower *L, const AstNode *n)
{
    const char *name = construct_names[n->kind];
    char buf[100];
    if (!name) {
        snprintf(buf, sizeof buf, "'%s' syntax", ast_kind_info[n->kind].name);
        name = buf;
    }
    return lower_refuse_named(L, n->pos.line, name);
}

IrNode *lower_refuse_expr(Lower *L, const AstNode *n)
{
    lower_refuse(L, n);
    return NULL;
}

/* What CPython's compile() would print as "SyntaxError: msg" for line.
 * Such errors come from CPython's code generator, which the front end does
 * not run; they must never reach code generation. */
int lower_syntax_error(Lower *L, int line, const char *msg)
{
    if (!L->failed)
        diag_error_at(L->u->display_path, line, "SyntaxError: %s", msg);
    L->failed = 1;
    return -1;
}
