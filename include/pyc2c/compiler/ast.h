/* ast.h — CPython's AST and symbol table as C data.
 *
 * src/front/ builds an AstUnit from the embedded interpreter's
 * compile(..., PyCF_ONLY_AST) tree and its symtable module; everything after
 * the front end (lowering) reads only these structs.  Kinds and fields come
 * from pyc2c/ast_kinds.def.  Nodes live in the unit's arena and are freed
 * with front_unit_free().
 *
 *     if (n->kind == AST_BinOp) { AstBinOp *b = (AstBinOp *)n; ... b->left ... }
 */
#ifndef PYC2C_COMPILER_AST_H
#define PYC2C_COMPILER_AST_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "pyc2c/compiler/ir.h"   /* IrPos */

typedef enum {
#define AST_KIND(k, cls) AST_##k,
#define AST_FIELD(k, f, t)
#define AST_END(k)
#include "pyc2c/ast_kinds.def"
#undef AST_KIND
#undef AST_FIELD
#undef AST_END
    AST_KIND_COUNT
} AstKind;

enum { AST_CLASS_MOD, AST_CLASS_STMT, AST_CLASS_EXPR, AST_CLASS_OP,
       AST_CLASS_PART, AST_CLASS_PATTERN };

typedef enum {
    AST_T_NODE, AST_T_LIST, AST_T_IDENT, AST_T_IDENTS, AST_T_CONST,
    AST_T_INT, AST_T_OP, AST_T_OPS, AST_T_STR
} AstFieldType;

typedef struct AstScope AstScope;

typedef struct AstNode {
    AstKind kind;
    IrPos pos;            /* -1s for kinds without positions */
    AstScope *scope;      /* the symtable scope a FunctionDef, Lambda,
                             ClassDef, comprehension or Module opens; NULL
                             for every other node */
} AstNode;

typedef struct { AstNode **items; int n; } AstSeq;
typedef struct { const char **items; int n; } AstIdentSeq;
typedef struct { AstKind *items; int n; } AstOpSeq;

#define AST_CTYPE_NODE AstNode *
#define AST_CTYPE_LIST AstSeq
#define AST_CTYPE_IDENT const char *
#define AST_CTYPE_IDENTS AstIdentSeq
#define AST_CTYPE_CONST PyObject *
#define AST_CTYPE_INT long
#define AST_CTYPE_OP AstKind
#define AST_CTYPE_OPS AstOpSeq
#define AST_CTYPE_STR const char *

#define AST_KIND(k, cls) typedef struct Ast##k { AstNode hdr;
#define AST_FIELD(k, f, t) AST_CTYPE_##t f;
#define AST_END(k) } Ast##k;
#include "pyc2c/ast_kinds.def"
#undef AST_KIND
#undef AST_FIELD
#undef AST_END

typedef struct {
    const char *name;      /* "left" */
    AstFieldType type;
    size_t offset;         /* in the kind's struct */
} AstFieldInfo;

typedef struct {
    const char *name;      /* "BinOp" */
    int cls;               /* AST_CLASS_* */
    size_t size;           /* sizeof(AstBinOp) */
    const AstFieldInfo *fields;
    int nfields;
} AstKindInfo;

extern const AstKindInfo ast_kind_info[AST_KIND_COUNT];

/* ---- the symbol table (CPython's, from the symtable module) --------------- */

typedef enum { AST_SCOPE_MODULE, AST_SCOPE_FUNCTION, AST_SCOPE_CLASS } AstScopeType;

/* A symbol's resolved scope: symtable's LOCAL, GLOBAL_EXPLICIT, ... */
typedef enum {
    AST_SYM_LOCAL = 1, AST_SYM_GLOBAL_EXPLICIT = 2, AST_SYM_GLOBAL_IMPLICIT = 3,
    AST_SYM_FREE = 4, AST_SYM_CELL = 5
} AstSymScope;

/* Definition flags, CPython's DEF_* values (Include/internal/pycore_symtable.h). */
enum {
    AST_DEF_GLOBAL = 1, AST_DEF_LOCAL = 2, AST_DEF_PARAM = 4,
    AST_DEF_NONLOCAL = 8, AST_USE = 16, AST_DEF_FREE = 32,
    AST_DEF_FREE_CLASS = 64, AST_DEF_IMPORT = 128, AST_DEF_ANNOT = 256,
    AST_DEF_COMP_ITER = 512
};

typedef struct {
    const char *name;      /* as written (class-private names unmangled) */
    int flags;             /* AST_DEF_* / AST_USE bits */
    AstSymScope scope;
} AstSymbol;

struct AstScope {
    const char *name;      /* "top", a function's name, "<lambda>", "<listcomp>" */
    AstScopeType type;
    int lineno;
    AstNode *node;         /* the node that opens the scope */
    AstScope *parent;
    AstScope **children;
    int nchildren;
    AstSymbol *symbols;
    int nsymbols;
    int is_generator;      /* its own code has yield / yield from (CPython's
                              ste_generator; a genexpr's scope is not marked:
                              lowering knows it is one) */
    int is_coroutine;      /* CPython's ste_coroutine: an async def; a
                              comprehension with async for, an await, or an
                              asynchronous (non-generator) comprehension of
                              its own inside */
};

/* The symbol `name` of scope s; NULL if s does not know it. */
const AstSymbol *ast_scope_lookup(const AstScope *s, const char *name);

typedef struct AstArena AstArena;

/* One parsed source file. */
typedef struct {
    const char *display_path;  /* as the user gave it: for diagnostics */
    const char *abs_path;      /* co_filename, __file__ */
    const char *source;        /* the text, UTF-8 */
    AstNode *module;           /* an AstModule */
    AstScope *top;             /* the module's scope */
    AstArena *arena;
    PyObject *keepalive;       /* the CPython objects that own CONST values */
    PyObject *code_facts;      /* what only the target's compiler knows: a
                                  list of (qualname, firstlineno, co_stacksize,
                                  co_names) of every code object of the
                                  module, depth first (borrowed from keepalive) */
    PyObject *compile_warnings;  /* tuple of (category name, message, line):
                                  what CPython warned while compiling the
                                  file, or NULL (borrowed from keepalive) */
} AstUnit;

#endif
