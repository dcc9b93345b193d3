/* cgen_int.h — the code generator's internal interfaces (src/cgen/).
 *
 *   emit.c     Emitter: a growable text buffer with indentation
 *   codeobj.c  the stub code object of each function (names, signature,
 *              positions as a 3.11 location table)
 *   cgen.c     the module: constant table, blob, functions, entry point
 *   func.c     one IrFunction into one C function (prologue, epilogue,
 *              temporaries, sites, error and exit labels)
 *   expr.c     expressions;  call.c  calls, displays and f-strings
 *   stmt.c     statements and control flow
 *   classes.c  class bodies: names in the namespace, BUILD_CLASS
 *   generators.c  yield, yield from, generator functions' body and entry
 *   chunks.c   the statements of a large function split into chunk functions
 *   lines.c    --debuggable: the per-line hook for sys.settrace line events
 *   cfiles.c   a heavy module as several C files
 *   collect.c  a generator expression's collector (pyc2c/collect.h)
 *
 * Reference counting (docs/architecture.md, "Reference counts in generated
 * C"): every owned reference lives in a C slot that is NULL or owned at every
 * point — a frame slot for a Python local, `t<N>` for an IR temporary,
 * `x<N>` for an expression temporary.  Consuming a slot moves its reference
 * out and sets it NULL; the function's single exit path Py_XDECREFs every
 * temporary once and P2C_Frame_Pop releases the frame slots.  An error branch
 * therefore only has to `goto error`.  Expression temporaries are free (and
 * NULL at run time) at every statement boundary, which func.c checks.
 */
#ifndef PYC2C_CGEN_INT_H
#define PYC2C_CGEN_INT_H

#include <stdbool.h>
#include "pyc2c/compiler/cgen.h"

/* ---- emit.c -------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
    int indent;              /* in units of 4 spaces */
} Emitter;

void emit_init(Emitter *e);
void emit_free(Emitter *e);
/* One line of C at the current indentation (a newline is added). */
void emit_line(Emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text as is: no indentation, no newline. */
void emit_raw(Emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A label, outdented by half a level as in CPython's sources. */
void emit_label(Emitter *e, const char *name);
void emit_append(Emitter *dst, const Emitter *src);
/* How many lines e holds (its newlines). */
size_t emit_count_lines(const Emitter *e);
/* s as a C string literal (quotes and escapes; non-ASCII as octal). */
void emit_c_string(Emitter *e, const char *s);

/* ---- codeobj.c ------------------------------------------------------------ */

/* The units after a stub's sites: LOAD_ASSERTION_ERROR, RAISE_VARARGS 1,
 * NOP, NOP (codeobj.c). */
enum { CGEN_STUB_TAIL_UNITS = 4 };

/* new: the 3.11 co_linetable giving code unit k the position sites[k], then
 * ntail more units at sites[0]'s position; NULL with an exception set. */
PyObject *cgen_linetable(int firstlineno, const IrPos *sites, int nsites, int ntail);
/* new: the description of fn's stub code object (docs/architecture.md,
 * "Stub code objects"), which the target makes one of (front_target_marshal);
 * sites[0] must be fn's def position; stacksize: co_stacksize (a
 * generator's frame keeps its body's temporaries there); bare[0..nbare-1]:
 * the sites of yields outside any handler region, whose units are `NOP 1`
 * on 3.13 (see codeobj.c); code_base: the table index of funcs[0]'s stub
 * (co_consts names nested stubs by index).  NULL with an exception set. */
PyObject *cgen_code_object(const IrModule *m, const IrFunction *fn,
                           const IrPos *sites, int nsites, const int *bare, int nbare,
                           int stacksize, int code_base);

/* ---- values of expressions ------------------------------------------------ */

/* The result of evaluating an expression: the text of a C expression and
 * whether it is an owned expression temporary x<tmp> (tmp >= 0) or a borrowed
 * reference (tmp < 0: a constant, or a local proved not to be rebound before
 * the consumer is done with it). */
typedef struct {
    char c[48];
    int tmp;
} CVal;

/* ---- per-function generation state (func.c) -------------------------------- */

typedef struct CgLoop {
    int id;                  /* labels L<id>_top, L<id>_else, L<id>_end */
    bool used_else, used_end;
    struct CgLoop *outer;
} CgLoop;

struct CgTry;   /* try.c: a region with a handler, innermost first */

/* lines.c: the kinds of the blocks a hook stands in, written into the
 * generated jump tables as runtime.h's P2C_JUMP_* names (their values are
 * declared there only). */
typedef enum {
    CG_JUMP_ITERATOR, CG_JUMP_EXCEPT, CG_JUMP_OBJECT, CG_JUMP_NULL, CG_JUMP_LASTI
} CgJumpKind;

typedef struct Cg {
    IrModule *m;
    const CgenOptions *opt;
    int code_base;           /* constant index of funcs[0]'s code object */
    int *nglobal_caches;     /* module-wide count of P2C_GlobalCache sites */
    int *nattr_caches;       /* module-wide count of P2C_AttrCache sites */
    int *ncall_caches;       /* module-wide count of P2C_CallCache sites */
    IrFunction *fn;
    Emitter *out;            /* the function body being written */
    /* expression temporaries x0..: live[i] while x<i> may hold a reference */
    bool *live;
    int ntmp, maxtmp;
    /* sites: sites[k] is the position of code unit k of the stub code */
    IrPos *sites;
    int nsites, capsites;
    int *site_index;         /* func.c: position -> site + 1, a hash table */
    int capsite_index;
    int cur_site;            /* site known to be set here, or -1 */
    int nlabels;
    CgLoop *loop;
    /* always_bound[slot]: a parameter no `del` unbinds: loads need no check */
    bool *always_bound;
    struct CgTry *tries;     /* try.c: handler regions around this point */
    char errlab[32];         /* cg_error_label()'s answer */
    int error_gotos;         /* times cg_error_label() answered `error` */
    bool used_error;         /* some branch goes to `error` */
    bool used_exit;          /* some branch goes to `exit` */
    /* generators.c: resume_sites[j] is the site of yield j (label Y<j>) */
    int *resume_sites;
    int nresume, capresume;
    /* the sites of the yields outside any handler region (cg_yield) */
    int *bare_sites;
    int nbare, capbare;
    bool uses_delegate;      /* a `yield from` (its status variable) */
    /* collect.c: writing a generator expression's collector (collect.h):
     * its yield feeds the consumer; whether one ends the loop early */
    bool writing_collector;
    bool collector_done;
    /* the generator expression's collector, written after it */
    const struct Cg *collector;
    const Emitter *collector_body;
    bool in_numeric_slow;    /* numeric.c: emitting a fused tree's generic code */
    /* lines.c: > 0 while emitting a copy of statements that CPython runs
     * at no line of their own (an artificial finally's exceptional way
     * out, try.c): no line hooks there */
    int no_line_hooks;
    /* lines.c: the statement being written spans several lines, so each
     * of its operations (sites) and operand loads gets a hook too */
    bool track_lines;
    /* lines.c: jumps of --debuggable code (docs/runtime.md, "Jumps"):
     * whether this function's hooks can jump; every block of CPython's
     * value stack a hook may stand in (a for loop's iterator, a with's
     * exit, a handler's saved exception), the ones open here (innermost
     * last), the hooks so far (each with the blocks open at it, stored in
     * jpaths), the line of the last hook written, and > 0 where hooks can
     * be neither left nor entered by a jump (copies of finally blocks on
     * the way out of a return or break, inlined comprehensions) */
    bool jumps;
    struct CgJumpBlock *jblocks;
    int njblocks, capjblocks;
    int jopen[64];
    int njopen;
    int jdeep;               /* blocks opened beyond jopen's 64 */
    const void **junsafe;    /* statements IR temporaries live through, sorted */
    int njunsafe;
    struct CgJumpPoint *jpoints;
    int njpoints, capjpoints;
    int *jpaths;
    int njpaths, capjpaths;
    int jlast_line;
    int jump_unsafe;
    int njyields;            /* yields' points (a generator's pending jumps) */
    /* some jump may carry a block's object into another block (lines.c,
     * decided by cg_jump_dispatch): p2c_jcarry is declared */
    bool jcarry;
    /* lines.c: after a return, raise, break, continue or endless loop and
     * before the next label some live code jumps to: code CPython's
     * compiler removes (its lines start no code a jump could reach); the
     * C text written while live, as offsets into out (pairs: start, end) */
    bool jump_dead;
    size_t jlive_from;
    size_t *jlive;
    int njlive, capjlive;
    /* a function so heavy (cg_huge_function) that its C is written for
     * gcc's time: no fused trees (numeric.c), -O0 for its C functions */
    bool huge;
    /* expr.c: inside an inlined comprehension's statements (SEQ): how many
     * SEQs deep, and the expression temporaries live where its statements
     * start (a statement leaves exactly those live) */
    int in_seq;
    int stmt_ntmp;
    bool *seq_live;          /* live[] where the innermost SEQ started */
    int seq_nlive;
    const struct CgNumTree *numeric_tree;   /* ... and that tree */
    /* numeric.c: the module's defs whose calls fused trees inline, from
     * cg_numeric_inline_defs (the module's one array) */
    const IrFunction *const *inline_defs;
    int ninline_defs;
    /* inline.c: the module's defs whose method calls are computed at the
     * call site, from cg_pure_inline_defs (the module's one array) */
    const IrFunction *const *pure_defs;
    int npure_defs;
    bool failed;             /* a diagnostic was reported */
    /* chunks.c: the chunk functions written so far, and their count */
    Emitter chunks;
    int nchunks;
    /* cfiles.c: with several C files per module, each chunk's start in
     * `chunks` and its weight (IR nodes), and the suffix that makes the
     * module's shared symbols unique in a binary; split_tag is NULL for
     * one C file (then every file-level symbol is static) */
    size_t *chunk_starts;
    long *chunk_weights;
    const char *split_tag;
    /* chunks.c: how many IR nodes of the function name each IR temporary
     * (counted when its first chunk is cut; a chunk whose statements hold
     * all of a temporary's uses keeps it as a C local) */
    int *temp_uses;
    int ntemp_uses;
} Cg;

/* func.c */
/* An unused expression temporary (lowest free index). */
CVal cg_tmp_new(Cg *cg);
/* What the name of an always_inline runtime helper that the C calls at
 * every site (pyc2c/out_of_line.def) ends with: "" in an ordinary function,
 * "_OutOfLine" (its out-of-line twin) in a huge one. */
const char *cg_helper_suffix(const Cg *cg);
/* Releases v: Py_CLEAR of its temporary (Py_XDECREF, then NULL, in a huge
 * function; nothing for a borrowed value). */
void cg_release(Cg *cg, CVal *v);
/* Marks v's temporary free without emitting code: its reference was moved. */
void cg_forget(Cg *cg, CVal *v);
/* "dst = <owned reference of v>;" moving out of a temporary or adding a
 * reference to a borrowed value; v is consumed. */
void cg_move(Cg *cg, const char *dst, CVal *v);
/* Py_XSETREF(dst, <owned reference of v>); v is consumed. */
void cg_setref(Cg *cg, const char *dst, CVal *v);
/* The store or `del` at pos of a local or cell variable, whose old value's
 * release may run a finalizer that looks at the frame's line: as cg_setref
 * and Py_CLEAR, setting the site on the last reference's release when the
 * site known here is on another line. */
void cg_setref_at(Cg *cg, IrPos pos, const char *dst, CVal *v);
void cg_clear_at(Cg *cg, IrPos pos, const char *dst);
/* Records that the next operation reports failures at pos. */
void cg_site(Cg *cg, IrPos pos);
/* For a cached load at pos (the ...At forms of attrs.h and runtime.h,
 * which set the site only on their slow way): their last two arguments
 * into buf, "f, K", after which the frame's site is unknown to the
 * generator; or, where K is the site already or under --debuggable (whose
 * line events compare sites), cg_site(pos) and "NULL, 0". */
void cg_site_lazy(Cg *cg, IrPos pos, char *buf, size_t size);
/* A new attribute-site cache, "&p2c_acache[K]" in buf, when the options
 * allow caches (not -O0); false, buf untouched, when they do not. */
bool cg_attr_cache(Cg *cg, char *buf, size_t size);
/* The site index for pos (a new one if needed), without emitting. */
int cg_site_index(Cg *cg, IrPos pos);
/* A new site for pos, shared with no other operation (a yield's). */
int cg_site_new(Cg *cg, IrPos pos);
/* "if (<expr> == NULL) goto error;" and "if (<expr> < 0) goto error;" */
void cg_check_null(Cg *cg, const char *expr);
void cg_check_neg(Cg *cg, const char *expr);
void cg_goto_error(Cg *cg);
int cg_label_new(Cg *cg);
/* Control may arrive here from elsewhere: forget the known site. */
void cg_label(Cg *cg, const char *fmt, int id);
/* Reports a construct the code generator does not support (once) */
void cg_unsupported(Cg *cg, const IrNode *n, const char *what);
/* Whether a load of local var needs the unbound check. */
bool cg_may_be_unbound(const Cg *cg, const IrVar *var);
/* The frame slot of a local, as a C lvalue ("P2C_SLOT(f, 3)"). */
void cg_var_lvalue(Cg *cg, const IrVar *v, char *buf, size_t size);

/* expr.c */
/* Evaluates n; may_borrow allows a borrowed result for a LOAD of a local or
 * temporary (the caller proves nothing rebinds it before the use ends). */
CVal cg_expr(Cg *cg, IrNode *n, bool may_borrow);
/* Whether n or a descendant of n assigns var (ASSIGN_EXPR, ...). */
bool cg_stores_var(IrNode *n, IrVar *var);
/* Evaluates kid i of parent, borrowing a LOAD when no later kid of parent
 * can rebind its variable. */
CVal cg_kid(Cg *cg, IrNode *parent, int i);
/* Evaluates n, whose value must stay valid while later is evaluated. */
CVal cg_expr_before(Cg *cg, IrNode *n, IrNode *later);
/* Jumps to label when the truth of v is jump_if (errors go to `error`);
 * v is released before the jump when release is set. */
void cg_truth_jump(Cg *cg, IrPos pos, CVal *v, bool release, bool jump_if,
                   const char *label);
/* Jumps to label when the truth of test is jump_if, as CPython's
 * compiler_jump_if: `not`, `and`, `or`, if-expressions and comparisons
 * become jumps; at is the position truth tests report (the statement's). */
void cg_cond_jump(Cg *cg, IrNode *test, IrPos at, bool jump_if, const char *label);
/* Stores an owned-or-borrowed value into variable var; v is consumed. */
void cg_store_var(Cg *cg, IrNode *at, IrVar *var, CVal *v);

/* chunks.c: the weight of an IR subtree (its node count), the measure of
 * chunks and of C files (cfiles.c). */
long cg_weight(IrNode *n);
/* Whether cg_block may move some of the function's statements into chunk
 * functions. */
bool cg_may_chunk(const Cg *cg);

/* generators.c, collect.c */
/* Whether fn's body is written as a resumable generator body (not for a
 * collector, which runs a generator expression as an ordinary function). */
bool cg_resumable(const Cg *cg);
/* The C name of generator expression fn's collector. */
void cg_collector_name(const IrFunction *fn, char *buf, size_t size);
/* The collector's C function, its body already generated into body. */
void cg_write_collector(Emitter *e, const struct Cg *cg, const Emitter *body);
/* Its prototype. */
void cg_collector_prototype(Emitter *e, const struct Cg *cg);
/* A yield in a collector: the value goes to the consumer (an expression
 * statement's value: None, borrowed). */
CVal cg_collect_yield(Cg *cg, IrNode *n);
/* cgen.c: declarations of the temporaries prefix0..prefix<n-1>, and their
 * release on the way out. */
void cg_declare_temps(Emitter *e, const char *prefix, int n);
void cg_release_temps(Emitter *e, const char *prefix, int n);

/* call.c */
CVal cg_call(Cg *cg, IrNode *n);
bool cg_is_range_iter(const Cg *cg, const IrNode *n);
CVal cg_range_iter(Cg *cg, IrNode *n);
CVal cg_call_ex(Cg *cg, IrNode *n);
CVal cg_display(Cg *cg, IrNode *n);
CVal cg_dict(Cg *cg, IrNode *n);
CVal cg_fstring(Cg *cg, IrNode *n);
/* A new tuple of the values of all of n's kids (no STARRED among them). */
CVal cg_tuple_of_kids(Cg *cg, IrNode *n);
/* The keyword arguments of a call of func (a C expression, for messages)
 * from the DICT display dict, with DICT_MERGE's checks of `**m` items. */
CVal cg_star_kwargs(Cg *cg, IrNode *call, IrNode *dict, const char *func);

/* classes.c */
/* LOAD_NAME / STORE_NAME (v consumed) / DELETE_NAME of an IR_VAR_NAME. */
CVal cg_load_name(Cg *cg, IrNode *n);
void cg_store_name(Cg *cg, IrNode *at, IrVar *var, CVal *v);
void cg_del_name(Cg *cg, IrNode *n);
/* BUILD_CLASS: P2C_BuildClass over the body function, bases, keywords. */
CVal cg_build_class(Cg *cg, IrNode *n);
/* LOAD_CLASSDEREF: a free variable read in a class body. */
CVal cg_load_classderef(Cg *cg, IrNode *n);
/* CELL_REF: a new reference to the cell object of a CELL variable. */
CVal cg_cell_ref(Cg *cg, IrNode *n);

/* closures.c: cells, free variables, make_function (docs/architecture.md) */
enum { CGEN_COPY_FREE_VARS = 1, CGEN_MAKE_CELL = 2, CGEN_RUN_LOAD = 3, CGEN_RUN_NEGATE = 4,
       CGEN_RUN_RETURN = 5 };
/* The units fn's stub code has before its RESUME: their count P, and, in
 * ops/args[0..max), the stub runner's units when fn has them
 * (cgen_stub_run_units), then COPY_FREE_VARS nfree (if any frees), then
 * MAKE_CELL slot for each cell in slot order, as CPython 3.11's
 * insert_prefix_instructions.  The runner's LOAD_CONST has arg 0 here:
 * codeobj.c knows the index. */
int cgen_prefix(const IrFunction *fn, int *ops, int *args, int max);
/* The number of units that make the interpreter run fn's compiled body when
 * it executes the stub (LOAD_CONST None, UNARY_NEGATIVE, RETURN_VALUE;
 * docs/runtime.md, "Stub code run by the interpreter"): 3 for a function on
 * 3.11 and later, 0 for module and class bodies and on 3.10. */
int cgen_stub_run_units(const IrFunction *fn);
/* The closure units alone (COPY_FREE_VARS, MAKE_CELL): P minus the runner's. */
int cgen_closure_units(const IrFunction *fn);
/* Sites 0..P-1 for the prefix units and the prologue code running them
 * (not for a generator: P2C_Generator_New runs them when it is called). */
void cg_closure_prologue(Cg *cg);
/* The C lvalue of a CELL or FREE variable's content (borrowed; NULL when
 * the cell is empty). */
void cg_cell_lvalue(const IrVar *v, char *buf, size_t size);
CVal cg_load_deref(Cg *cg, IrNode *n);
void cg_store_deref(Cg *cg, IrPos pos, IrVar *var, CVal *v);
void cg_del_deref(Cg *cg, IrNode *n);
/* expr.c: the three bounds of an IR_SLICE evaluated in order into b (each
 * released by the caller, last first), for the slice helpers that take
 * them without a slice object (P2C_GetSlice, P2C_SetSlice). */
void cg_slice_bounds(Cg *cg, IrNode *slice, CVal b[3]);
/* expr.c: x<i> belongs to the expression around the innermost inlined
 * comprehension being generated (a handler inside must not release it). */
bool cg_seq_outer_live(const Cg *cg, int i);
/* A new empty cell in a CELL variable's slot (NEW_CELL). */
void cg_new_cell(Cg *cg, IrNode *n);
CVal cg_make_function(Cg *cg, IrNode *n);
void cg_comp_add(Cg *cg, IrNode *n);
void cg_setup_annotations(Cg *cg, IrNode *n);

/* numeric.c: arithmetic trees over locals and constants computed in C
 * doubles / longs behind a type guard, the generic code as fallback */
bool cg_numeric_fusable(Cg *cg, const IrNode *n);
/* The cache index the fused tree being emitted gave attribute leaf n, or
 * -1 (the load takes a cache of its own). */
int cg_numeric_attr_cache(const Cg *cg, const IrNode *n);
CVal cg_numeric(Cg *cg, IrNode *n);
/* The global cache the fused tree being emitted gave the callee load of
 * an inlined call, or -1 (the load takes a cache of its own). */
int cg_numeric_global_cache(const Cg *cg, const IrNode *load);
/* The module's defs whose calls fused trees may inline (a new array of
 * *count; none below -O2); cg gives the module and the options. */
const IrFunction **cg_numeric_inline_defs(const Cg *cg, int *count);

/* inline.c: calls of small methods made without the call.  The defs whose
 * calls may be (a new array, count in *count); at a method call site,
 * the copies of those that fit, tried before the call, returning the
 * site's number for cg_inline_method_end (after the call), or -1. */
const IrFunction **cg_pure_inline_defs(const IrModule *m, const CgenOptions *opt, int *count);
int cg_inline_method_begin(Cg *cg, const IrNode *n, const CVal *r, const CVal *meth,
                           const CVal *self, const CVal *vals, int nargs);
void cg_inline_method_end(Cg *cg, int site);
/* A run of stmts[0..n) assigning fusable trees to locals, computed in C and
 * each variable boxed once (or its float reused); how many statements it
 * took (0: none, the caller generates stmts[0]). */
int cg_numeric_run(Cg *cg, IrNode *const *stmts, int n);
/* STORE_SUBSCR n of a fusable tree into a list item at a constant index,
 * or STORE_ATTR n through store_cache (the site's, NULL without caches):
 * the fast path writing the float in place, then (begin's answer >= 0)
 * the caller writes the ordinary statement and calls end with that
 * answer. */
int cg_numeric_store_begin(Cg *cg, const IrNode *n, const char *store_cache);
void cg_numeric_store_end(Cg *cg, int label);

/* stmt.c */
void cg_stmt(Cg *cg, IrNode *n);

/* lines.c: with --debuggable, the line event before statement n (or except
 * clause n), and the back edge of a loop; nothing otherwise. */
void cg_line_hook(Cg *cg, const IrNode *n);
/* the end of statement n's own code (its operations' hooks stop) */
void cg_line_hook_end(Cg *cg);
/* lines.c: jumps.  Whether fn's hooks can jump (decided at its start);
 * a block of CPython's value stack of the given kind (P2C_JUMP_*) opened
 * around the statements written until the matching pop, released on a
 * jump out of it by the C text `release` (NULL: compiled code cannot
 * leave or enter it: jumps from or into it are refused); the table of
 * hooks at the function's start, and the dispatch after its last
 * statement. */
bool cg_jumps_wanted(const Cg *cg);
void cg_jump_block_push(Cg *cg, CgJumpKind kind, const char *release);
/* The block just pushed (one compiled code can release) can take the
 * place of another movable block of its kind that a jump leaves, as 3.11
 * keeps that one's object where this one's is expected: slot is the C
 * lvalue holding its object (the other's goes there), enter the C text
 * that sets what else entering it sets (a with's flag), or "". */
void cg_jump_block_movable(Cg *cg, const char *slot, const char *enter);
void cg_jump_block_pop(Cg *cg);
void cg_jump_table(Emitter *e, const Cg *cg);
void cg_jump_dispatch(Cg *cg);
void cg_jumps_free(Cg *cg);
/* Control cannot go on from here (a return, raise, break, continue or an
 * endless loop), and label `name` was just written: it is reachable when
 * some code written while reachable jumps to it. */
void cg_jump_flow_ends(Cg *cg);
/* The function's RESUME at resume, a line start of its def line: a jump
 * there runs the body from its start, its first line's event again. */
void cg_jump_entry(Cg *cg, IrPos resume);
/* Finds the statements of the function an IR temporary lives through
 * (set before, read after): no jump lands there. */
void cg_jump_find_unsafe(Cg *cg);
void cg_jump_label(Cg *cg, const char *name);
/* with --debuggable, inside a statement spread over several lines: the
 * hook before an operation whose site is pos, or before the load of the
 * constant or variable n (nothing otherwise) */
void cg_site_line_hook(Cg *cg, IrPos pos);
void cg_load_line_hook(Cg *cg, const IrNode *n);
/* Around the arguments of a call in a statement spread over several
 * lines, where CPython's stack holds NULL and the callee (for the
 * messages of jumps from the arguments' lines): open says whether it
 * opened them, which close is then given. */
bool cg_jump_call_args_open(Cg *cg);
void cg_jump_call_args_close(Cg *cg, bool opened);
/* A generator's yield at pos, whose own site is `site` (set, its value
 * given away): a point a jump asked while the generator is suspended
 * there starts from (no hook: the body takes the jump when it resumes). */
void cg_jump_yield_point(Cg *cg, IrPos pos, int site);
/* The frame slot of a generator's pending jump (after its temporaries,
 * before a `yield from` delegate), or -1 when its body takes none. */
int cg_jump_pending_slot(const Cg *cg);
/* The cleanup 3.11 compiles after a finally block's exceptional copy
 * (COPY 3, POP_EXCEPT, RERAISE 1: the handler of what the copy raises),
 * at pos, the line of the block's last statement: a line start where the
 * copy's code before it is unreachable (after a return), which compiled
 * code has no hook for.  A point of the table only (no code; no jump
 * lands there or leaves it) whose stack is 3.11's there, an exception,
 * a place and an exception, so that a jump to its line gets 3.11's
 * message ("can't jump into an 'except' block ..."). */
void cg_jump_cleanup_point(Cg *cg, IrPos pos);
void cg_loop_top_hook(Cg *cg, const IrNode *loop);
void cg_back_edge_hook(Cg *cg);

/* try.c: exceptions (docs/architecture.md, "Handlers") */
/* Where a failing operation jumps: the innermost handler's entry (which adds
 * the traceback entry) or `error`; marks the label used. */
const char *cg_error_label(Cg *cg);
/* Whether n loads a module global (the object of `Cls.attr`, `mod.f()`). */
bool cg_is_global_load(const IrNode *n);
/* Whether a handler region (a try body, an except block, an exceptional
 * finally block) is around this point: CPython's exception stack depth
 * above the generator's own. */
bool cg_in_handler_region(Cg *cg);
void cg_try_except(Cg *cg, IrNode *n);
void cg_try_finally(Cg *cg, IrNode *n);
/* bare `raise`; RERAISE of the innermost handler's exception */
void cg_raise_bare(Cg *cg, IrNode *n);
void cg_reraise(Cg *cg, IrNode *n);
/* reraise_star(v): v, unless None, raised as it is (RERAISE 0) */
void cg_reraise_star(Cg *cg, IrNode *n);
/* Runs the exits of the regions a break/continue (to_loop) or a return
 * leaves: finally blocks, __exit__ calls, POP_EXCEPTs. */
void cg_unwind_jump(Cg *cg);
/* return through handler regions: value moved aside, regions unwound. */
void cg_return_through(Cg *cg, IrNode *n);
/* CAUGHT, WITH_ENTER, WITH_EXIT, DEBUG, ASSERTION_ERROR */
CVal cg_exc_expr(Cg *cg, IrNode *n);

/* generators.c: yield, yield from, and a generator function's two C
 * functions (docs/architecture.md, "Generators") */
CVal cg_yield(Cg *cg, IrNode *n);
CVal cg_yield_from(Cg *cg, IrNode *n);
/* Frame slots a generator's body keeps after the function's own (its
 * temporaries and the yield-from delegate): the stub's co_stacksize. */
int cg_generator_spill(const Cg *cg);
/* p2c_g<id>_<name>: the C name of the body of generator function fn. */
void cg_generator_body_name(const IrFunction *fn, char *buf, size_t size);
/* The body (around the statements in body) and the entry point. */
void cg_write_generator(Emitter *e, const Cg *cg, const Emitter *body);

/* chunks.c: a block's statements, some of them moved into chunk functions
 * when the block is large (docs/compile-scaling.md) */
void cg_block(Cg *cg, IrNode *b);
/* With chunks (cg->nchunks > 0): the definitions of the chunks and of the
 * t<N> macros, before the function; the macros' #undef after it; the
 * function's declaration and release of its IR temporaries (p2c_tv). */
void cg_chunks_write_before(Emitter *e, const Cg *cg);
void cg_chunks_write_after(Emitter *e, const Cg *cg);
void cg_chunks_declare_temps(Emitter *e, const Cg *cg);
void cg_chunks_release_temps(Emitter *e, const Cg *cg);

/* cgen.c */
/* Lines of body above which a C function gets cg_large_function_attribute()
 * (measured in docs/compile-scaling.md): gcc's -O2 grows faster than
 * linearly in the size of one function (a 500-statement module body, about
 * 22,000 lines, took 168 s).  Below it, -O2 as usual. */
enum { CGEN_LARGE_FUNCTION_LINES = 4000 };
/* IR nodes of a function's body above which it is "huge": its arithmetic
 * is not fused (numeric.c), and its chunks, its own C function and a
 * generator's body get cg_unoptimized_attribute() (chunks.c, cgen.c,
 * generators.c).  gcc's time grows with the C and its -O level, and the
 * fused tiers are most of the C of a straight-line statement like
 * `x = foo(x, 1) + len(s)`: a function of 5,000 such statements took 392 s
 * of CPU with three tiers at -O2, 99 s with one at -O1, 31 s with none at
 * -O0, 20 s with out-of-line helpers too (cg_helper_suffix; docs/
 * compile-scaling.md, parts 6 and 7).  About 2,000 such statements (2,000
 * weigh about 18,000 nodes); the largest functions of pyperformance's
 * benchmarks (unpack_sequence's 400 unpackings) weigh 8,000 to 10,000, and
 * hot code written by people is smaller still.  PYC2C_HUGE_WEIGHT=N in the environment sets it
 * (for tests). */
enum { CGEN_HUGE_FUNCTION_WEIGHT = 20000 };
bool cg_huge_function(IrFunction *fn);
/* Written before a very large function's definition: a lighter -O level. */
void cg_large_function_attribute(Emitter *e);
/* Written before a chunk that runs once (chunks.c) and before the C
 * functions of a huge function: -O0. */
void cg_unoptimized_attribute(Emitter *e);

/* cgen.c: the pieces of the file, for cfiles.c */
void cg_write_header(Emitter *e, const IrModule *m);
void cg_write_tables(Emitter *e, const Cg *cg, PyObject *blob, int nconsts);
void cg_signature(Emitter *e, const Cg *cg, bool prototype);
void cg_write_function(Emitter *e, const Cg *cg, const Emitter *body, int nconsts);
int cg_write_entry(Emitter *e, const IrModule *m, const CgenOptions *opt);

/* cfiles.c: several C files per module (docs/compile-scaling.md) */
/* Whether m is heavy enough for several C files. */
bool cg_split_wanted(IrModule *m);
/* "static " for one C file; "" when the symbol is shared between files. */
const char *cg_linkage(const Cg *cg);
/* Records where chunk k of cg starts (before its text) and its weight. */
void cg_split_note_chunk(Cg *cg, int k, long weight);
/* The whole module as the concatenation described in cfiles.c. */
int cg_write_split(Emitter *e, IrModule *m, const CgenOptions *opt, Cg *cgs,
                   Emitter *bodies, PyObject *blob);
/* The labels of a function's one way out: `error` (adds the traceback
 * entry, when some branch goes there) falling into `exit`. */
void cg_exit_labels(Emitter *e, const Cg *cg);
/* The C name of fn's entry point: p2c_f<id>_<sanitized name>. */
void cg_func_cname(const IrFunction *fn, char *buf, size_t size);

/* func.c: generates fn into out; sites are left in cg for codeobj.c. */
void cg_function(Cg *cg, IrFunction *fn, Emitter *out);

#endif
