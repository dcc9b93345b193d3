/* front_int.h — what the files of src/front/ share (not a stage contract).
 *
 *   front.c    the embedded interpreter, reading and checking the file, errors
 *   convert.c  CPython's AST objects into the C structs of ast.h
 *   symtab.c   the symtable module's scopes into AstScope, attached to nodes
 *   kinds.c    ast_kind_info[], generated from ast_kinds.def
 *   warnings.c the warnings CPython's compiler gives about the file
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

/* convert.c: prepares the tables mapping AST classes to AstKind (once the
 * interpreter runs); 0 or -1 with a Python error. */
int front_convert_init(void);
void front_convert_fini(void);
/* new AST: the AstModule for tree (an ast.Module), in arena a; NULL with a
 * Python error set. */
AstNode *front_convert(AstArena *a, PyObject *tree);

/* symtab.c: the symbol table of the source (bytes), attached to the AST of
 * u: sets u->top and the scope of every scope-opening node.  0, or -1 with
 * a Python error set. */
int front_symtab(AstUnit *u, PyObject *source, PyObject *filename);

/* warnings.c: records every warning from front_warnings_begin() on (new
 * state, NULL when recording is impossible) until front_warnings_end(),
 * which issues them again under the filters and returns the tuple of
 * (category name, message, line) of those about filename (new, or NULL).
 * Keeps a pending exception. */
PyObject *front_warnings_begin(void);
PyObject *front_warnings_end(PyObject *state, PyObject *filename);
#endif
