/* front_int.h — what the files of src/front/ share (not a stage contract).
 *
 *   front.c    the embedded interpreter, asking the helper, errors and warnings
 *   helper.c   the target interpreter running parse_helper.py, its pipes
 *   convert.c  the helper's AST tuples into the C structs of ast.h
 *   symtab.c   the helper's symtable scopes into AstScope, attached to nodes
 *   kinds.c    ast_kind_info[], generated from ast_kinds.def
 */
#ifndef PYC2C_SRC_FRONT_INT_H
#define PYC2C_SRC_FRONT_INT_H

#include "pyc2c/compiler/ast.h"
#include "../ir/arena.h"

/* The unit's arena: the IR's bump allocator under the AST's name. */
struct AstArena {
    IrArena *mem;
};

static inline void *ast_alloc(AstArena *a, size_t size)
{
    return ir_arena_alloc(a->mem, size);
}

/* helper.c: starts `python -I -S -c parse_helper.py` (0, or -1 after a
 * diagnostic); receives one answer (new, or NULL after a diagnostic); asks
 * for a file (its answer, likewise); stops it. */
int front_helper_start(const char *python);
PyObject *front_helper_receive(void);
PyObject *front_helper_parse(const char *abs_path);
void front_helper_stop(void);

/* convert.c: prepares the table mapping the helper's AST classes (its
 * header's list of (name, fields, has positions)) to AstKind and our
 * fields; 0 or -1 with a Python error. */
int front_convert_init(PyObject *classes);
void front_convert_fini(void);
/* new AST: the AstModule for tree (the helper's tuple of an ast.Module), in
 * arena a; NULL with a Python error set. */
AstNode *front_convert(AstArena *a, PyObject *tree);
/* After front_convert failed: the construct it refused (a kind or a field
 * pyc2c does not know, of a later Python), or NULL (another error). */
typedef struct {
    char construct[128];
    int line;
} AstRefusal;
const AstRefusal *front_convert_refusal(void);

/* symtab.c: reads the target's symtable constants (the header's dict); 0 or
 * -1 with a Python error.  front_symtab: the helper's top scope attached to
 * the AST of u: sets u->top and the scope of every scope-opening node.  0,
 * or -1 with a Python error set. */
int front_symtab_init(PyObject *consts);
int front_symtab(AstUnit *u, PyObject *top);
#endif
