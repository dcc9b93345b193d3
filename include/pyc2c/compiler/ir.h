/* ir.h — the baby-Python IR: modules, functions, variables, nodes.
 *
 * The IR is a tree of IrNode (kinds in pyc2c/ir_kinds.def) grouped into
 * IrFunction bodies, all allocated in one arena per IrModule and freed at once
 * by ir_module_free().  Python objects the IR refers to (constants, names,
 * code objects) live in the module's constant table, which holds one strong
 * reference to each and releases them with the module.
 *
 * Positions: every node carries the source span (CPython's AST lineno,
 * col_offset, end_lineno, end_col_offset: 1-based lines, 0-based UTF-8 byte
 * columns) of the Python construct whose failure it reports, so that the
 * code generator can give tracebacks CPython's lines and ~~~^^^ markers.
 *
 * Implemented in src/ir/ (arena.c, ir.c, print.c, walk.c, verify.c).
 */
#ifndef PYC2C_COMPILER_IR_H
#define PYC2C_COMPILER_IR_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <stdbool.h>

/* ---- kinds and operators (declared once) -------------------------------- */

typedef enum {
#define IR_KIND(name, printed, cls, kids, flags) IR_##name,
#include "pyc2c/ir_kinds.def"
#undef IR_KIND
    IR_KIND_COUNT
} IrKind;

enum { IR_CLASS_EXPR = 1, IR_CLASS_STMT = 2 };
enum { IR_F_RAISES = 1, IR_F_VAR = 2, IR_F_CONST = 4, IR_F_OP = 8 };

typedef struct {
    const char *name;      /* "binop" */
    int cls;               /* IR_CLASS_EXPR or IR_CLASS_STMT */
    const char *kids;      /* the kid spec, see ir_kinds.def */
    int flags;             /* IR_F_* */
} IrKindInfo;

extern const IrKindInfo ir_kind_info[IR_KIND_COUNT];

/* Binary operators in CPython's NB_* order (BINARY_OP's oparg order). */
#define IR_BINOP_LIST(X) \
    X(ADD, "+") X(BITAND, "&") X(FLOORDIV, "//") X(LSHIFT, "<<") \
    X(MATMULT, "@") X(MULT, "*") X(MOD, "%") X(BITOR, "|") X(POW, "**") \
    X(RSHIFT, ">>") X(SUB, "-") X(DIV, "/") X(BITXOR, "^")
#define IR_UNARYOP_LIST(X) X(INVERT, "~") X(NOT, "not ") X(UADD, "+") X(USUB, "-")
/* The first six in Py_LT..Py_GE order so that op == Py_* for them. */
#define IR_CMPOP_LIST(X) \
    X(LT, "<") X(LTE, "<=") X(EQ, "==") X(NOTEQ, "!=") X(GT, ">") X(GTE, ">=") \
    X(IS, "is") X(ISNOT, "is not") X(IN, "in") X(NOTIN, "not in")

typedef enum {
#define X(n, s) IR_BINOP_##n,
    IR_BINOP_LIST(X)
#undef X
    IR_BINOP_COUNT
} IrBinOp;
typedef enum {
#define X(n, s) IR_UNARY_##n,
    IR_UNARYOP_LIST(X)
#undef X
    IR_UNARY_COUNT
} IrUnaryOp;
typedef enum {
#define X(n, s) IR_CMP_##n,
    IR_CMPOP_LIST(X)
#undef X
    IR_CMP_COUNT
} IrCmpOp;

/* The runtime helpers HELPER nodes call: X(NAME, "printed", nargs, "C function").
 * Each takes nargs objects (borrowed) and returns a new reference, or NULL
 * with an exception set.  match_*: the pattern-matching instructions of
 * CPython 3.11 (MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN, MATCH_KEYS, the
 * **rest copy, MATCH_CLASS); eg_*: try/except* (CHECK_EG_MATCH,
 * PREP_RERAISE_STAR); tuple_item(t, i): item i (an int constant) of a
 * tuple a helper made, where CPython keeps both on its stack.
 * runtime/match.c, runtime/exceptions.c. */
#define IR_HELPER_LIST(X) \
    X(MATCH_SEQUENCE, "match_sequence", 1, "P2C_MatchSequence") \
    X(MATCH_MAPPING, "match_mapping", 1, "P2C_MatchMapping") \
    X(MATCH_LEN, "match_len", 1, "P2C_MatchLen") \
    X(MATCH_KEYS, "match_keys", 2, "P2C_MatchKeys") \
    X(MATCH_REST, "match_rest", 2, "P2C_MatchRest") \
    X(MATCH_CLASS, "match_class", 4, "P2C_MatchClass") \
    X(EG_MATCH, "eg_match", 2, "P2C_ExcGroupMatch") \
    X(EG_PREP_RERAISE, "eg_prep_reraise", 2, "P2C_ExcPrepReraiseStar") \
    X(TUPLE_ITEM, "tuple_item", 2, "P2C_TupleItem") \
    X(UNPACK_ONE, "unpack_one", 1, "P2C_UnpackOne") \
    X(TYPEVAR, "typevar", 1, "P2C_TypeVar") \
    X(TYPEVAR_BOUND, "typevar_with_bound", 2, "P2C_TypeVarWithBound") \
    X(TYPEVAR_CONSTRAINTS, "typevar_with_constraints", 2, "P2C_TypeVarWithConstraints") \
    X(PARAMSPEC, "paramspec", 1, "P2C_ParamSpec") \
    X(TYPEVARTUPLE, "typevartuple", 1, "P2C_TypeVarTuple") \
    X(SUBSCRIPT_GENERIC, "subscript_generic", 1, "P2C_SubscriptGeneric") \
    X(TYPEALIAS, "typealias", 3, "P2C_TypeAlias") \
    X(SET_TYPE_PARAMS, "set_type_params", 2, "P2C_SetFunctionTypeParams") \
    X(LOAD_CLASSDICT_OR_GLOBAL, "load_from_dict_or_globals", 2, "P2C_LoadFromDictOrGlobals") \
    X(LOAD_CLASSDICT_OR_DEREF, "load_from_dict_or_deref", 3, "P2C_LoadFromDictOrDeref")

typedef enum {
#define X(n, s, k, c) IR_HELPER_##n,
    IR_HELPER_LIST(X)
#undef X
    IR_HELPER_COUNT
} IrHelper;

typedef struct {
    const char *name;      /* printed: "match_class" */
    int nargs;
    const char *cfunc;     /* "P2C_MatchClass" */
} IrHelperInfo;

extern const IrHelperInfo ir_helper_info[IR_HELPER_COUNT];

/* LOOP's op: a for loop's back edge is artificial (it reports the position
 * of the code before it); a while loop's is the bottom copy of its test's
 * jump, at the LOOP's pos. */
enum { IR_LOOP_FOR = 0, IR_LOOP_WHILE = 1 };

/* RETURN's op: a `return` statement, or the `return None` a function body
 * that falls off its end gets, which 3.11 gives no line of its own (its
 * instructions take their predecessor's line: no `line` event). */
enum { IR_RETURN_STATEMENT = 0, IR_RETURN_IMPLICIT = 1 };

/* IrFunction.async_kind; the values are the runtime's P2C_GEN_* kinds. */
enum { IR_ASYNC_NONE = 0, IR_ASYNC_COROUTINE = 1, IR_ASYNC_GENERATOR = 2 };

/* AWAIT's op: what is awaited (CPython's GET_AWAITABLE oparg, and GET_ANEXT). */
typedef enum {
    IR_AWAIT_VALUE = 0, IR_AWAIT_AENTER = 1, IR_AWAIT_AEXIT = 2, IR_AWAIT_ANEXT = 3
} IrAwaitOp;

extern const char *const ir_binop_symbol[IR_BINOP_COUNT];
extern const char *const ir_unaryop_symbol[IR_UNARY_COUNT];
extern const char *const ir_cmpop_symbol[IR_CMP_COUNT];

/* ---- positions ----------------------------------------------------------- */

typedef struct {
    int line, col, end_line, end_col;   /* col/end_col -1 when unknown */
} IrPos;

/* ---- variables ----------------------------------------------------------- */

typedef enum {
    IR_VAR_LOCAL,    /* fast local of a function: a frame slot */
    IR_VAR_CELL,     /* local captured by an inner function: its slot holds
                        a cell (docs/architecture.md, "Cells and free
                        variables") */
    IR_VAR_FREE,     /* captured from an outer function: its slot holds the
                        outer function's cell, from __closure__ */
    IR_VAR_GLOBAL,   /* module global, falling back to builtins on load; all
                        names at module level are globals */
    IR_VAR_NAME,     /* unoptimized-scope name (class bodies, issue 4) */
    IR_VAR_TEMP      /* introduced by lowering; a C local, never visible */
} IrVarKind;

typedef struct IrFunction IrFunction;

typedef struct IrVar {
    const char *name;    /* Python name; temps get "$N" style names */
    IrVarKind kind;
    int slot;            /* LOCAL/CELL/FREE: index in the frame's localsplus
                            (co_varnames order, then cells, then frees);
                            TEMP: temp number; else -1 */
    int arg_slot;        /* a parameter that is a cell, for 3.10: the
                            parameter's slot, where the argument is bound
                            before the prologue moves it into the cell
                            (slot); else -1 */
    int name_cidx;       /* constant index of the interned name (str); used
                            by globals and by error messages */
    int id;              /* unique within the function (for SSA later) */
    IrFunction *owner;
} IrVar;

/* ---- nodes -------------------------------------------------------------- */

typedef struct IrNode IrNode;
struct IrNode {
    IrKind kind;
    IrPos pos;
    int op;              /* IR_F_OP kinds: operator / conversion / level */
    int cidx;            /* IR_F_CONST kinds: constant index; CALL: kwnames
                            tuple or -1; MAKE_FUNCTION: names of the kw-only
                            defaults (str tuple) or -1; otherwise -1 */
    int cidx2;           /* IMPORT_NAME: fromlist constant; MAKE_FUNCTION:
                            annotation names (str tuple) or -1; otherwise -1 */
    int star;            /* UNPACK: starred target index or -1 */
    IrVar *var;          /* IR_F_VAR kinds */
    bool last_use;       /* LOAD of a TEMP: its last use; the reference moves
                            out and the temp is left unbound, as CPython's
                            stack pops the value (objects die when they do
                            under CPython: weakrefs, __del__, closing) */
    bool known_bound;    /* LOAD / DEL of a LOCAL or CELL: the variable holds
                            a value on every path here (src/opt/bound.c), so
                            no unbound test is needed */
    bool artificial;     /* a statement of a reformulation's machinery that
                            CPython compiles with no line of its own
                            (UNSET_LOC: a named handler's `e = None; del e`,
                            except*'s bookkeeping): no `line` event before
                            it in --debuggable code (src/cgen/lines.c); its
                            position still serves f_lineno and tracebacks */
    int collect;         /* CALL of a consumer (`sum(<genexpr>)`): its
                            P2C_COLLECT_* kind (pyc2c/collect_kinds.def),
                            when the generator expression also has a
                            collector (src/opt/collect.c); 0 otherwise */
    IrVar **vars;        /* UNPACK targets */
    int nvars;
    IrFunction *func;    /* MAKE_FUNCTION */
    IrNode **kids;
    int nkids, capkids;
};

/* ---- functions and modules ---------------------------------------------- */

enum { IR_FN_VARARGS = 1, IR_FN_VARKEYWORDS = 2 };

struct IrFunction {
    const char *name;        /* co_name */
    const char *qualname;    /* co_qualname */
    IrPos pos;               /* the def statement (line = co_firstlineno) */
    int is_module;           /* the module body, "<module>" */
    int argcount, posonlyargcount, kwonlyargcount;
    int fnflags;             /* IR_FN_* */
    IrVar **vars;            /* every variable, in creation order */
    int nvars, capvars;
    IrVar **var_index;       /* ir.c: the first named variable of each name,
                                a hash table of cap_var_index entries */
    int nnamed, cap_var_index;
    int nslots;              /* frame slots: locals + cells + frees */
    int ntemps;
    IrNode *body;            /* a BLOCK */
    IrFunction *parent;      /* NULL for the module body */
    int id;                  /* index in IrModule.funcs; 0 is the module */
    int doc_cidx;            /* docstring constant or -1 */
    int is_class;            /* a class body: unoptimized, its names are
                                IR_VAR_NAME in the namespace (f_locals) */
    int is_generator;        /* its body yields (CO_GENERATOR): calling it
                                makes a generator that runs the body; also
                                set for every `async def` (a resumable body) */
    int async_kind;          /* IR_ASYNC_*: an `async def` is a coroutine
                                (CO_COROUTINE) or, with a yield, an async
                                generator (CO_ASYNC_GENERATOR) */
    int collect;             /* a generator expression a consumer call feeds
                                in place: that call's kind (IrNode.collect);
                                the code generator also writes it as a
                                collector (collect.h) */
    int cpython_stacksize;   /* co_stacksize CPython's compiler gives this
                                code (0: unknown): the stub keeps it, so that
                                frame and generator sizes are CPython's */
    int names_cidx;          /* co_names CPython's compiler gives this code
                                (a tuple constant; -1: unknown): the stub
                                keeps it for inspect.getclosurevars & co */
    int fact_index;          /* the index of CPython's code object for this
                                function in IrModule.stub_facts (-1: none) */
};

typedef struct IrArena IrArena;

typedef struct IrModule {
    const char *name;        /* module name as imported ("__main__", "pkg.mod") */
    const char *filename;    /* co_filename: absolute path of the source */
    IrArena *arena;
    PyObject *consts;        /* list: the constant table, index = cidx */
    PyObject *const_index;   /* dict: constant key -> index (deduplication) */
    PyObject *const_stand_ins; /* set of indexes: entries an equal constant
                                  added later replaces (ir_const_stand_in) */
    IrFunction **funcs;      /* funcs[0] is the module body */
    int warnings_cidx;       /* what CPython's compiler warned about the
                                file (AstUnit.compile_warnings), a tuple
                                constant issued at the start of the module
                                body; -1: none */
    int nfuncs, capfuncs;
    PyObject *stub_facts;    /* list or NULL: for each code object CPython's
                                compiler makes of the module, depth first,
                                (consts, facts): its co_consts as stub items
                                (lower/stacksizes.c, cgen/codeobj.c) and the
                                front end's facts about it */
} IrModule;

/* ---- construction (src/ir/ir.c, src/ir/arena.c) -------------------------- */

/* new: a module with its arena; NULL on memory error */
IrModule *ir_module_new(const char *name, const char *filename);
/* frees the arena and releases the constant table */
void ir_module_free(IrModule *m);

/* arena memory, zeroed, freed with the module; aborts on out-of-memory */
void *ir_alloc(IrModule *m, size_t size);
char *ir_strdup(IrModule *m, const char *s);

/* Adds a constant (borrowed reference; the table takes its own) and returns
 * its index; equal constants of the same type share an index (1 and 1.0 and
 * True do not; 0.0 and -0.0 do not).  Strings are interned.  -1 with a Python
 * error set on failure. */
int ir_const(IrModule *m, PyObject *obj);
int ir_const_str(IrModule *m, const char *utf8);
/* As ir_const, but the entry is only a stand-in: the next ir_const of an
 * equal constant puts that object in its place, at the same index.  For a
 * frozenset that reaches pyc2c from CPython's compiler (a stub's co_consts):
 * marshal rebuilt it by adding its items in sorted order, so its table
 * layout, which a program sees as its iteration order, is not the layout of
 * CPython's constant; the one constant folding makes is (const.c). */
int ir_const_stand_in(IrModule *m, PyObject *obj);
PyObject *ir_const_get(const IrModule *m, int cidx);   /* borrowed */

IrFunction *ir_function_new(IrModule *m, IrFunction *parent, const char *name,
                            const char *qualname, IrPos pos);
/* A named variable of fn (name interned into the constant table); for
 * LOCAL/CELL/FREE kinds it takes the next frame slot. */
IrVar *ir_var_new(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind);
/* A variable ir_var_find does not find by its name: what one construct
 * resolves a name to in one place only (a class-level comprehension's
 * globals, lower/comprehensions.c). */
IrVar *ir_var_new_unindexed(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind);
IrVar *ir_temp_new(IrModule *m, IrFunction *fn);
/* Finds a named (non-temp) variable of fn; NULL if none. */
IrVar *ir_var_find(IrFunction *fn, const char *name);
/* The variable of fn of that name and kind; NULL if none. */
IrVar *ir_var_find_kind(IrFunction *fn, const char *name, IrVarKind kind);
/* The variable of fn an inner function's free variable `name` captures: the
 * CELL or FREE variable of that name — for `__class__` in a class body the
 * class cell, which a FREE or NAME `__class__` of the body does not hide.
 * NULL if none. */
IrVar *ir_var_find_closure(IrFunction *fn, const char *name);

IrNode *ir_node_new(IrModule *m, IrKind kind, IrPos pos);
void ir_node_add(IrModule *m, IrNode *parent, IrNode *kid);
/* A node with nkids kids given as trailing IrNode* arguments. */
IrNode *ir_node(IrModule *m, IrKind kind, IrPos pos, int nkids, ...);

/* ---- reading ------------------------------------------------------------ */

static inline const IrKindInfo *ir_info(const IrNode *n) { return &ir_kind_info[n->kind]; }
static inline bool ir_is_expr(const IrNode *n) { return ir_info(n)->cls == IR_CLASS_EXPR; }

/* Calls visit(node, ctx) for node and every descendant, parents first;
 * stops early and returns the first non-zero result of visit. */
typedef int (*IrVisitFn)(IrNode *node, void *ctx);
int ir_walk(IrNode *node, IrVisitFn visit, void *ctx);

/* Prints the module as readable baby Python (pyc2c --dump-ir). */
void ir_print_module(FILE *out, const IrModule *m);
void ir_print_node(FILE *out, const IrModule *m, const IrNode *n, int indent);

/* Checks the structural invariants (kid specs, vars owned by the function,
 * BREAK/CONTINUE/FOR_NEXT/LOOP_EXIT inside a LOOP body, constant indexes in
 * range).  0 if sound; else -1 and a message in buf. */
int ir_verify(const IrModule *m, char *buf, size_t bufsize);

#endif
