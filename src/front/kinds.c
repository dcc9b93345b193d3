/* kinds.c — ast_kind_info[]: name, class, size and field table of every AST
 * kind, generated from pyc2c/ast_kinds.def so that the converter (convert.c)
 * and any generic AST walker read fields by table instead of by hand.
 */
#include "pyc2c/compiler/ast.h"
#include <stddef.h>

/* One field array a kind, each ended by a NULL name (so kinds without fields
 * still get a non-empty array). */
#define AST_KIND(k, cls) static const AstFieldInfo fields_##k[] = {
#define AST_FIELD(k, f, t) {#f, AST_T_##t, offsetof(Ast##k, f)},
#define AST_END(k) {NULL, 0, 0}};
#include "pyc2c/ast_kinds.def"
#undef AST_KIND
#undef AST_FIELD
#undef AST_END

#define AST_KIND(k, cls) \
    [AST_##k] = {#k, AST_CLASS_##cls, sizeof(Ast##k), fields_##k, \
                 (int)(sizeof fields_##k / sizeof fields_##k[0]) - 1},
#define AST_FIELD(k, f, t)
#define AST_END(k)
const AstKindInfo ast_kind_info[AST_KIND_COUNT] = {
#include "pyc2c/ast_kinds.def"
};
#undef AST_KIND
#undef AST_FIELD
#undef AST_END
