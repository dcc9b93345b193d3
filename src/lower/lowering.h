/* lowering.h — what the files of src/lower/ share (not a stage contract).
 *
 * Lowering walks the C AST of one module (pyc2c/compiler/ast.h) and builds
 * baby-Python IR (pyc2c/compiler/ir.h).  One family of reformulations a file:
 *
 *   lower.c      lower_module(), function bodies, name resolution (symtable)
 *   stmt.c       statement dispatch: if, return, del, raise, global, pass ...
 *   expr.c       expression dispatch: constants, names, operators, displays
 *   assign.c     assignment targets, chained assignment, checked unpacking
 *   augassign.c  x op= v with the target evaluated once
 *   loops.c      while/else and for/else as LOOP, iter() and FOR_NEXT
 *   compare.c    comparisons, chains with a temp per middle operand
 *   calls.c      calls: CALL, or CALL_EX when starred arguments appear
 *   fstring.c    f-strings as FSTRING of constants and FORMATs
 *   imports.c    import / from-import as IMPORT_NAME + IMPORT_FROM
 *   functions.c  def: parameters, defaults, docstring, MAKE_FUNCTION
 *   try.c        try/except/else/finally, except-as name deletion
 *   with.c       with as __enter__/__exit__ and try blocks (PEP 343)
 *   assert.c     assert as `if __debug__: if not test: raise AssertionError`
 *   exceptstar.c try/except* as exception-group splitting (PEP 654)
 *   match.c      match as tests with pattern helpers (PEP 634)
 *   generators.c yield, yield from
 *   classes.c    class: body function, BUILD_CLASS, names of class bodies,
 *                private-name mangling, qualnames
 *   stacksizes.c CPython's co_stacksize of each function, for its stub
 *   refuse.c     the one table naming constructs outside the subset
 *
 * Errors: the first construct lowering cannot compile exactly is reported
 * (diag_unsupported, or a SyntaxError CPython's compiler would raise) and
 * every lowering function then returns NULL / -1 up to lower_module(), which
 * returns NULL.  All memory is the module's arena, so early returns leak
 * nothing.  docs/reformulations.md gives each reformulation as Python.
 */
#ifndef PYC2C_SRC_LOWER_LOWERING_H
#define PYC2C_SRC_LOWER_LOWERING_H

#include "pyc2c/compiler/ast.h"
#include "pyc2c/compiler/ir.h"
#include "pyc2c/compiler/lower.h"

typedef struct {
    const AstUnit *u;
    IrModule *m;
    IrFunction *fn;          /* the function whose body is being lowered */
    const AstScope *scope;   /* its symtable scope */
    int loop_depth;          /* LOOP bodies around the current statement */
    int failed;              /* an error was reported */
    const char *private_name; /* the innermost enclosing class's name, for
                                 private-name mangling (NULL outside classes) */
    int sees_class;          /* fn is an annotation scope of a class body
                                (3.12, PEP 695): its global, free and cell
                                names are read from the class namespace
                                first (__classdict__; typeparams.c) */
    struct InlinedComp *comp; /* the comprehensions inlined into fn (3.12's
                                 PEP 709) being lowered, innermost first;
                                 NULL elsewhere (comprehensions.c) */
} Lower;

/* ---- lower.c ------------------------------------------------------------ */

/* The variable `name` refers to in the current function, created on first
 * use (so frame slots follow CPython's co_varnames order: parameters first,
 * then locals in the order CPython's compiler first emits them).  NULL after
 * a refusal (closures). */
IrVar *lower_var(Lower *L, const char *name, IrPos pos);
IrVar *lower_temp(Lower *L);
/* `var = value` appended to block. */
void lower_add_assign(Lower *L, IrNode *block, IrVar *var, IrNode *value, IrPos pos);
/* `$t = value` appended to block, into a fresh temporary, returned. */
IrVar *lower_spill(Lower *L, IrNode *value, IrPos pos, IrNode *block);
/* Constant-table indexes; out of memory is fatal. */
int lower_const(Lower *L, PyObject *obj);
int lower_const_str(Lower *L, const char *s);
/* A CONST node for obj / for None. */
IrNode *lower_const_node(Lower *L, PyObject *obj, IrPos pos);
IrNode *lower_load(Lower *L, IrVar *v, IrPos pos);
/* The last use of a temporary: its reference moves out (see IrNode.last_use).
 * Every temporary is either taken once on every path or dropped, so that no
 * object outlives the point where CPython's stack would have released it. */
IrNode *lower_take(Lower *L, IrVar *temp, IrPos pos);
/* `$it = iter(seq)` appended to block; the iterator's temporary (loops.c). */
IrVar *lower_iter_temp(Lower *L, IrNode *seq, IrPos pos, IrNode *block);
/* `$x = next(it) else exhausted` appended to a loop body, and the item taken
 * from its temporary, at item_pos (the target's span), for the target. */
IrNode *lower_next_item(Lower *L, IrVar *it, IrPos pos, IrPos item_pos, IrNode *body);
/* The decorators, outermost first, as CALLs still missing their argument,
 * each at its decorator's span (3.11's compiler_apply_decorators); then
 * d1(d2(...(value))) from them (functions.c; used by def and class). */
IrNode **lower_decorators(Lower *L, const AstSeq *decos, IrNode *block);
IrNode *lower_apply_decorators(Lower *L, IrNode **calls, int n, IrNode *value,
                               IrNode *block);
/* {'k': v, **m, ...} of keyword arguments (a call's or a class's), in source
 * order, as a DICT display at pos (calls.c). */
IrNode *lower_keyword_dict(Lower *L, const AstSeq *keywords, IrPos pos);
/* `del temp` appended to block: the end of a temporary used several times. */
void lower_drop(Lower *L, IrVar *temp, IrPos pos, IrNode *block);
/* Lowers body->items[skip..] into L->fn->body. */
int lower_body(Lower *L, const AstSeq *body, int skip);
/* Sets L->fn->doc_cidx from a leading docstring; how many statements that
 * consumed (0 or 1). */
int lower_function_docstring(Lower *L, const AstSeq *body);

/* ---- stmt.c ------------------------------------------------------------- */

/* Appends the IR of statement s to block; 0, or -1 after an error. */
int lower_stmt(Lower *L, const AstNode *s, IrNode *block);
int lower_stmts(Lower *L, const AstSeq *stmts, IrNode *block);
/* A new BLOCK holding the lowered statements; NULL after an error. */
IrNode *lower_block(Lower *L, const AstSeq *stmts, IrPos pos);

/* ---- expr.c ------------------------------------------------------------- */

/* The IR expression computing e; NULL after an error. */
IrNode *lower_expr(Lower *L, const AstNode *e);
/* Display items (tuple, list, set, call arguments): Starred -> STARRED. */
int lower_items(Lower *L, const AstSeq *items, IrNode *display);
/* CPython 3.11's position for an attribute operation (compile.c's
 * update_start_location_to_match_attr): when `cur` starts on another line
 * than the attribute ends, it starts at the attribute name instead. */
IrPos lower_attr_pos(IrPos cur, const AstAttribute *a);
int lower_binop_of(AstKind op);      /* AST operator -> IrBinOp; -1 if none */

/* ---- assign.c ----------------------------------------------------------- */

/* Appends `target = value` (value an IR expression evaluated first). */
int lower_assign_to(Lower *L, const AstNode *target, IrNode *value, IrNode *block);
int lower_assign(Lower *L, const AstAssign *s, IrNode *block);

/* ---- the families ------------------------------------------------------- */

int lower_augassign(Lower *L, const AstAugAssign *s, IrNode *block);
int lower_while(Lower *L, const AstWhile *s, IrNode *block);
int lower_for(Lower *L, const AstFor *s, IrNode *block);
IrNode *lower_compare(Lower *L, const AstCompare *e);
IrNode *lower_call(Lower *L, const AstCall *e);
IrNode *lower_joined_str(Lower *L, const AstJoinedStr *e);
IrNode *lower_formatted_value(Lower *L, const AstFormattedValue *e);
int lower_import(Lower *L, const AstImport *s, IrNode *block);
int lower_import_from(Lower *L, const AstImportFrom *s, IrNode *block);
int lower_function_def(Lower *L, const AstFunctionDef *s, IrNode *block);
/* The body of def s as a new function of the module named qualname
 * (co_qualname); NULL after an error (functions.c). */
IrFunction *lower_function_body(Lower *L, const AstFunctionDef *s, const char *qualname);
/* typeparams.c: PEP 695 (3.12) -- def f[T], class C[T], type X = v */
int lower_generic_function_def(Lower *L, const AstFunctionDef *s, IrNode *block);
int lower_generic_class_def(Lower *L, const AstClassDef *s, IrNode *block);
int lower_type_alias(Lower *L, const AstTypeAlias *s, IrNode *block);
/* In an annotation scope of a class body (L->sees_class): the load of
 * `name` through the class namespace, or NULL when it is an ordinary load
 * (or after a refusal: L->failed). */
IrNode *lower_class_visible_load(Lower *L, const char *name, IrPos pos);
/* A class body some annotation scope reads through __classdict__: the cell
 * `__classdict__ = locals()` (3.12's ste_needs_classdict); 0 or -1. */
int lower_store_classdict(Lower *L);
/* try.c, with.c, assert.c: the exceptions family */
int lower_try(Lower *L, const AstTry *s, IrNode *block);
int lower_with(Lower *L, const AstWith *s, IrNode *block);
int lower_assert(Lower *L, const AstAssert *s, IrNode *block);
/* exceptstar.c: try/except* as exception-group splitting */
int lower_try_star(Lower *L, const AstTryStar *s, IrNode *block);
/* The try* statement s, lowered into t, ends a function body whose implicit
 * `return None` follows: the way out after handling everything gets the
 * last except* line, as 3.11 gives it (exceptstar.c). */
void lower_try_star_before_return(Lower *L, const AstTryStar *s, IrNode *t);
/* match.c: match as tests with pattern helpers */
int lower_match(Lower *L, const AstMatch *s, IrNode *block);
/* A HELPER node calling runtime helper h with its arguments (exactly its
 * nargs IR expressions) at pos (match.c). */
IrNode *lower_helper(Lower *L, IrHelper h, IrPos pos, ...);
/* The position 3.11's compiler_jump_if(test) leaves current when it starts
 * at pos: where the jump after a truth test is (assert.c). */
IrPos lower_after_jump_if(const AstNode *test, IrPos pos);
IrPos lower_last_jump_if_312(const AstNode *test);

/* ---- classes.c ---------------------------------------------------------- */

int lower_class_def(Lower *L, const AstClassDef *s, IrNode *block);
/* build_class(make_function(body), 'C', *(bases), [generic_base,]
 * **{keywords}) with the body named qualname; generic_base (NULL: none) is
 * a generic class's Generic[...] (typeparams.c). */
IrNode *lower_build_class(Lower *L, const AstClassDef *s, const char *qualname,
                          IrVar *generic_base);
/* The variable of `name` (already mangled) in a class body: NAME for the
 * symtable's LOCAL / GLOBAL_IMPLICIT / unknown names, GLOBAL for
 * GLOBAL_EXPLICIT; FREE and CELL variables exist already (lower_closure_vars). */
IrVar *lower_class_var(Lower *L, const char *name, IrPos pos);
/* CPython's _Py_Mangle with L->private_name: `__x` -> `_C__x` inside class
 * C (not `__x__`, not dotted names); name itself when nothing changes. */
const char *lower_mangle(Lower *L, const char *name);
/* lower_const_str of the mangled name: attribute and import names. */
int lower_name_const(Lower *L, const char *name);
/* classattrs.c: does the target's compiler give classes __firstlineno__ and
 * __static_attributes__ (3.13)?  The latter's value for class s. */
int lower_class_has_static_attributes(void);
IrNode *lower_class_static_attributes(Lower *L, const AstClassDef *s, IrPos pos);
/* co_qualname of a def or class named `name` defined in L->fn (compile.c's
 * compiler_set_qualname): "name" at module level or when declared global,
 * "C.name" in a class body, "f.<locals>.name" in a function. */
const char *lower_qualname(Lower *L, const char *name);

/* ---- functions (issue 4): closures.c, signature.c, lambda.c,
 *      comprehensions.c, annotations.c ------------------------------------- */

/* An inner Lower for the new function fn of scope: parameters of a (may be
 * NULL: none) in the first slots, then every cell and free variable of the
 * scope (closures.c). */
Lower lower_function_enter(Lower *L, IrFunction *fn, const AstScope *scope,
                           const Astarguments *a);
/* After fn's body was lowered with result rc: merges failure into L and
 * renumbers fn's slots.  0, or -1 when fn failed. */
int lower_function_leave(Lower *L, Lower *inner, int rc);
/* IR_VAR_CELL when the symtable says the parameter `name` is captured. */
IrVarKind lower_param_kind(Lower *L, const char *name);
/* Creates the CELL and FREE variables of L->scope not yet created. */
void lower_closure_vars(Lower *L);
/* Whether sym, of the class body L->fn, is a name the body binds whose FREE
 * variable only passes the outer cell to inner scopes (DEF_FREE_CLASS). */
bool lower_passes_free(const Lower *L, const AstSymbol *sym);
/* Frame slots into CPython's localsplus order (closures.c). */
void lower_finish_slots(IrFunction *fn);
int lower_nparams(const IrFunction *fn);
/* MAKE_FUNCTION's kids and constants: positional defaults, kw-only defaults
 * (cidx), annotations (cidx2). */
int lower_signature(Lower *L, const Astarguments *a, const AstNode *returns, IrNode *make);
int lower_kwdefaults(Lower *L, const Astarguments *a, IrNode *make);
int lower_names_const(Lower *L, const char **names, int n);
int lower_annotations(Lower *L, const Astarguments *a, const AstNode *returns,
                      IrNode *make);
/* The value of an annotation: the expression, or under `from __future__
 * import annotations` the string CPython makes of it.  A starred annotation
 * `*args: *Ts` is Ts unpacked as one item, an unpacking error reported at
 * def_pos (the def statement's).  NULL after an error. */
IrNode *lower_annotation(Lower *L, const AstNode *annotation, IrPos def_pos);
/* Whether the module has `from __future__ import annotations`. */
int lower_postponed_annotations(Lower *L);
IrNode *lower_lambda(Lower *L, const AstLambda *e);
/* list/set/dict comprehensions and generator expressions */
IrNode *lower_comprehension(Lower *L, const AstNode *e);
/* Inside a comprehension inlined into L->fn: the variable `name` (mangled)
 * stands for there when the comprehension decides it (its own variables; in
 * a class body, the names it reads); NULL when the enclosing scope's
 * variable is meant, or after a refusal (L->failed set). */
IrVar *lower_inlined_comp_var(Lower *L, const char *name);
/* generators.c: YIELD and YIELD_FROM (L->fn must be a generator) */
IrNode *lower_yield(Lower *L, const AstYield *e);
IrNode *lower_yield_from(Lower *L, const AstYieldFrom *e);
/* coroutines.c: AWAIT (L->fn must be an async def), async for, and the
 * pieces async with and async comprehensions share */
IrNode *lower_await(Lower *L, const AstAwait *e);
IrNode *lower_await_node(Lower *L, IrNode *value, IrAwaitOp op, IrPos pos);
int lower_async_for(Lower *L, const AstAsyncFor *s, IrNode *block);
IrVar *lower_aiter_temp(Lower *L, IrNode *value, IrPos pos, IrNode *block);
IrNode *lower_anext_item(Lower *L, IrVar *it, IrPos pos, IrPos item_pos, IrNode *body);
int lower_async_with(Lower *L, const AstAsyncWith *s, IrNode *block);
int lower_annassign(Lower *L, const AstAnnAssign *s, IrNode *block);
/* SETUP_ANNOTATIONS at the start of a module or class body whose statements
 * (not nested defs/classes) contain an annotated assignment. */
void lower_setup_annotations(Lower *L, const AstSeq *body);

/* ---- stacksizes.c -------------------------------------------------------- */

/* Sets each function's cpython_stacksize and names_cidx (co_names) from
 * CPython's own code object of the module (AstUnit.code; NULL: none known). */
void lower_stack_sizes(IrModule *m, PyObject *code_facts);

/* ---- refuse.c ----------------------------------------------------------- */

/* Reports "<construct> is not supported yet" at n's line, for the construct
 * n's kind names (refuse.c's table); returns -1 (statement) — callers in
 * expression context use lower_refuse_expr. */
int lower_refuse(Lower *L, const AstNode *n);
IrNode *lower_refuse_expr(Lower *L, const AstNode *n);
/* Reports a construct named by the caller at line. */
int lower_refuse_named(Lower *L, int line, const char *construct);
/* A SyntaxError CPython's compiler (not its parser) raises: reported as
 * such, since the front end only ran the parser and the symtable. */
int lower_syntax_error(Lower *L, int line, const char *msg);

#endif
