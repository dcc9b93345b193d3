/* comprehensions.c — list, set and dict comprehensions and generator
 * expressions as functions called at once, with CPython 3.11's semantics
 * (compile.c, compiler_comprehension):
 *
 *   [elt for x in xs if c for y in ys]      <listcomp>(iter(xs))
 *                                           def <listcomp>(.0):
 *                                               $r = []
 *                                               loop:
 *                                                   $t = next(.0) else exhausted
 *                                                   x = $t
 *                                                   if c:
 *                                                       $i = iter(ys)
 *                                                       loop:
 *                                                           $u = next($i) else exhausted
 *                                                           y = $u
 *                                                           list_append($r, elt)
 *                                               return $r
 *
 * The first iterable is evaluated, and iter() applied to it, in the
 * enclosing scope (at the comprehension's span, where 3.11 reports
 * GET_ITER's failure); everything else runs in the comprehension's own
 * frame "<listcomp>" / "<setcomp>" / "<dictcomp>", which tracebacks show.
 * The machinery (building, FOR_ITER, appends) carries the comprehension's
 * span, as compiler_comprehension's SET_LOC(c, e) gives it.  A dict
 * comprehension evaluates the key before the value (3.8+).
 *
 * A generator expression is the same function as a generator: no result,
 * `yield elt` (at the expression's span) where the others add, and the
 * call returns the generator "<genexpr>":
 *
 *   (elt for x in xs)                       <genexpr>(iter(xs))
 *                                           def <genexpr>(.0):   # generator
 *                                               loop:
 *                                                   $t = next(.0) else exhausted
 *                                                   x = $t
 *                                                   yield(elt)
 *
 * An asynchronous comprehension (async for, or await inside: the scope's
 * is_coroutine, CPython's ste_coroutine) is the same function as a
 * coroutine, its call awaited where it stands; an asynchronous generator
 * expression is an async generator, not awaited.  An `async for` part
 * steps as async for does (coroutines.c): aiter() of its iterable (of the
 * first one in the enclosing scope), await_anext() under the handler that
 * ends the loop on StopAsyncIteration.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"

typedef struct {
    const AstNode *e;          /* the comprehension */
    const AstSeq *gens;        /* its comprehension parts */
    const AstNode *elt, *val;  /* val: a dict comprehension's value, else NULL */
    IrVar *result;
    IrVar *first_it;           /* the iterator of the first part (.0) */
    bool inlined;              /* lowered into the enclosing function (3.12) */
    bool introspects;          /* ... and reads its frame's names (locals()) */
    bool own_slots;            /* ... and reads one of its variables before
                                  binding it: they run in the function's slots */
    const char *own_slots_why; /* ... the refusal where that cannot be */
} Comp;

static int comp_body(Lower *L, Comp *c, int gen, IrNode *block);

/* The innermost statement: add elt (and val) to the result, or yield elt. */
static int comp_add(Lower *L, Comp *c, IrNode *block)
{
    IrPos pos = c->e->pos;
    IrNode *elt = lower_expr(L, c->elt);
    IrNode *val = elt && c->val ? lower_expr(L, c->val) : NULL;
    if (!elt || (c->val && !val))
        return -1;
    if (c->e->kind == AST_GeneratorExp) {
        IrNode *yield = ir_node(L->m, IR_YIELD, pos, 1, elt);
        ir_node_add(L->m, block, ir_node(L->m, IR_EXPR, pos, 1, yield));
        return 0;
    }
    IrNode *acc = lower_load(L, c->result, pos);
    IrNode *n = c->val ? ir_node(L->m, IR_MAP_ADD, pos, 3, acc, elt, val)
              : ir_node(L->m, c->e->kind == AST_ListComp ? IR_LIST_APPEND : IR_SET_ADD,
                        pos, 2, acc, elt);
    ir_node_add(L->m, block, n);
    return 0;
}

/* The `if`s of generator gen, then the next generator or the add, nested
 * into block. */
static int comp_ifs(Lower *L, Comp *c, int gen, int from, IrNode *block)
{
    const Astcomprehension *g = (const Astcomprehension *)c->gens->items[gen];
    if (from == g->ifs.n)
        return gen + 1 < c->gens->n ? comp_body(L, c, gen + 1, block)
                                    : comp_add(L, c, block);
    const AstNode *cond = g->ifs.items[from];
    IrNode *test = lower_expr(L, cond);
    if (!test)
        return -1;
    IrNode *then = ir_node_new(L->m, IR_BLOCK, c->e->pos);
    if (comp_ifs(L, c, gen, from + 1, then) < 0)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, c->e->pos, 3, test, then,
                                     ir_node_new(L->m, IR_BLOCK, c->e->pos)));
    return 0;
}

/* Where GET_ITER and FOR_ITER of generator g are: at the comprehension
 * (pos) until 3.12, at g's iterable on 3.13.  An async generator's
 * GET_AITER is there too; its anext stays at the comprehension. */
static IrPos iter_pos(const Astcomprehension *g, IrPos pos)
{
    return front_python_version() >= 0x030d0000 ? g->iter->pos : pos;
}

/* The loop of generator gen: over .0 for the first, over iter(its iterable)
 * evaluated here for the others. */
static int comp_body(Lower *L, Comp *c, int gen, IrNode *block)
{
    const Astcomprehension *g = (const Astcomprehension *)c->gens->items[gen];
    IrPos pos = c->e->pos;
    IrVar *it;
    if (gen == 0) {
        it = c->first_it;      /* .0 */
    } else {
        IrNode *seq = lower_expr(L, g->iter);
        if (!seq)
            return -1;
        it = g->is_async ? lower_aiter_temp(L, seq, iter_pos(g, pos), block)
                         : lower_iter_temp(L, seq, iter_pos(g, pos), block);
    }
    IrNode *body = ir_node_new(L->m, IR_BLOCK, pos);
    IrNode *item = g->is_async ? lower_anext_item(L, it, pos, g->target->pos, body)
                               : lower_next_item(L, it, iter_pos(g, pos), g->target->pos, body);
    L->loop_depth++;
    int rc = lower_assign_to(L, g->target, item, body);
    if (rc == 0)
        rc = comp_ifs(L, c, gen, 0, body);
    L->loop_depth--;
    if (rc < 0)
        return -1;
    ir_node_add(L->m, block, ir_node(L->m, IR_LOOP, pos, 2, body,
                                     ir_node_new(L->m, IR_BLOCK, pos)));
    if (c->inlined)   /* no frame exit releases it: END_FOR pops it */
        lower_drop(L, it, pos, block);
    return 0;
}

static const char *comp_name(AstKind k)
{
    return k == AST_ListComp ? "<listcomp>" : k == AST_SetComp ? "<setcomp>"
         : k == AST_DictComp ? "<dictcomp>" : "<genexpr>";
}

/* The comprehension's function: .0, the result, the loops, the return;
 * a generator expression's: .0, the loops (it returns None). */
static IrFunction *comp_function(Lower *L, Comp *c)
{
    const char *name = comp_name(c->e->kind);
    IrPos start = {c->e->pos.line, 0, c->e->pos.line, 0};   /* the RESUME's */
    IrFunction *fn = ir_function_new(L->m, L->fn, name, lower_qualname(L, name), start);
    fn->argcount = 1;
    fn->is_generator = c->e->kind == AST_GeneratorExp;
    if (c->e->scope->is_coroutine) {   /* an async comprehension: a resumable body */
        fn->async_kind = fn->is_generator ? IR_ASYNC_GENERATOR : IR_ASYNC_COROUTINE;
        fn->is_generator = 1;
    }
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = c->e->scope;
    inner.loop_depth = 0;
    inner.comp = NULL;
    c->first_it = ir_var_new(L->m, fn, ".0", IR_VAR_LOCAL);    /* vars[0], slot 0 */
    lower_closure_vars(&inner);
    IrPos pos = c->e->pos;
    if (c->e->kind == AST_GeneratorExp) {
        int rc = comp_body(&inner, c, 0, fn->body);
        if (rc == 0)
            ir_node_add(L->m, fn->body, ir_node(L->m, IR_RETURN, pos, 1,
                                                lower_const_node(&inner, Py_None, pos)));
        return lower_function_leave(L, &inner, rc) < 0 ? NULL : fn;
    }
    c->result = lower_temp(&inner);
    IrKind build = c->e->kind == AST_ListComp ? IR_LIST
                 : c->e->kind == AST_SetComp ? IR_SET : IR_DICT;
    IrNode *init = ir_node(L->m, IR_ASSIGN, pos, 1, ir_node_new(L->m, build, pos));
    init->var = c->result;
    ir_node_add(L->m, fn->body, init);
    int rc = comp_body(&inner, c, 0, fn->body);
    if (rc == 0)
        ir_node_add(L->m, fn->body,
                    ir_node(L->m, IR_RETURN, pos, 1, lower_load(&inner, c->result, pos)));
    return lower_function_leave(L, &inner, rc) < 0 ? NULL : fn;
}

/* ---- inlined comprehensions (3.12, PEP 709) ------------------------------------
 *
 * 3.12 compiles a list, set or dict comprehension into the code around it:
 * no function, no frame (tracebacks show no <listcomp> line), the
 * enclosing function's own variables read directly.  Its own variables
 * stay its own: 3.12 saves the outer slot of each name before the loop
 * (LOAD_FAST_AND_CLEAR) and restores it after, on the error path too.
 *
 *   y = [f(x) for x in xs if x]          y = seq{ $it = iter(xs)
 *                                                  $r = []
 *                                                  loop:
 *                                                      $x = next($it) else exhausted
 *                                                      if $x: list_append($r, f($x))
 *                                                  del $it; clear($x)
 *                                                } -> move($r)
 *
 * Each variable of the comprehension is an IR temporary: invisible to the
 * enclosing scope's names, released when the comprehension ends and, on an
 * exception, by the handler that catches it or the function's exit — what
 * the restore gives.  A variable a closure inside captures (a lambda, a
 * generator expression) is the enclosing function's cell of that name,
 * emptied into a new cell before and after the loop, as 3.12's MAKE_CELL
 * of the cleared slot.  When locals(), vars(), dir(), eval() or exec()
 * inside may read the frame's names, each variable is the function's own
 * local of that name instead (3.12 shows it there), cleared after the loop.
 * In a class body the names the comprehension reads but does not bind are
 * globals (LOAD_GLOBAL: a class's names stay invisible).
 *
 * Where the function also uses the name (needs_saving), such a cell or
 * local is saved as 3.12 saves it: swap_slot moves the slot's cell object
 * or value into a temporary before the loop, and back in a finally block
 * around the loop (3.12's handler that restores and re-raises).  A
 * comprehension that reads one of its own variables before binding it
 * (`for (l[0], l) in ...`, an iterable reading a later `for`'s variable)
 * runs all of them in the function's saved local slots, so that the read
 * raises UnboundLocalError.  A captured free variable of the function
 * gets 3.12.1's new cell around the old one, never restored
 * (wrap_free_cell).
 *
 * Refused for now, each with its construct named: a captured variable at
 * module level, or in a class body where it would need the class's free
 * or machinery cell; a variable locals() may read, or one the
 * comprehension reads early, at module or class level or whose name is no
 * local of the function; a class-level comprehension reading a variable of
 * an enclosing function.
 */

typedef struct InlinedComp {
    const char **names;   /* its variables (mangled), then in a class body
                             the globals its reads resolved to */
    IrVar **vars;
    IrVar **saved;        /* the temporary that holds the function's own
                             value or cell of names[i] while the loop runs in
                             its slot (swap_slot), or NULL */
    int n, cap;
    int line;             /* the comprehension's (for refusals) */
    struct InlinedComp *outer;
} InlinedComp;

static void comp_bind(Lower *L, InlinedComp *ic, const char *name, IrVar *v, IrVar *saved)
{
    if (ic->n == ic->cap) {
        int cap = ic->cap ? 2 * ic->cap : 8;
        const char **names = ir_alloc(L->m, (size_t)cap * sizeof *names);
        IrVar **vars = ir_alloc(L->m, (size_t)cap * sizeof *vars);
        IrVar **saves = ir_alloc(L->m, (size_t)cap * sizeof *saves);
        for (int i = 0; i < ic->n; i++)
            names[i] = ic->names[i], vars[i] = ic->vars[i], saves[i] = ic->saved[i];
        ic->names = names, ic->vars = vars, ic->saved = saves, ic->cap = cap;
    }
    ic->names[ic->n] = name;
    ic->saved[ic->n] = saved;
    ic->vars[ic->n++] = v;
}

static IrVar *comp_lookup(const InlinedComp *ic, const char *name)
{
    for (int i = 0; i < ic->n; i++)
        if (strcmp(ic->names[i], name) == 0)
            return ic->vars[i];
    return NULL;
}

/* A generic walk over an AST subtree: visit(n) for every node, depth
 * first; a non-zero answer stops the walk and is returned. */
typedef int (*AstVisit)(const AstNode *n, const void *ctx);

static int ast_any(const AstNode *n, AstVisit visit, const void *ctx)
{
    if (!n)
        return 0;
    int r = visit(n, ctx);
    if (r)
        return r;
    const AstKindInfo *info = &ast_kind_info[n->kind];
    for (int i = 0; i < info->nfields; i++) {
        const void *slot = (const char *)n + info->fields[i].offset;
        if (info->fields[i].type == AST_T_NODE) {
            if ((r = ast_any(*(AstNode *const *)slot, visit, ctx)))
                return r;
        } else if (info->fields[i].type == AST_T_LIST) {
            const AstSeq *seq = slot;
            for (int j = 0; j < seq->n; j++)
                if ((r = ast_any(seq->items[j], visit, ctx)))
                    return r;
        }
    }
    return 0;
}

/* A scope opened inside (lambda, generator expression) reads name freely. */
static int captures(const AstNode *n, const void *name)
{
    if (!n->scope)
        return 0;
    const AstSymbol *sym = ast_scope_lookup(n->scope, name);
    return sym && sym->scope == AST_SYM_FREE;
}

static int is_name(const AstNode *n, const void *name)
{
    return n->kind == AST_Name && strcmp(((const AstName *)n)->id, name) == 0;
}

/* Any identifier field equal to name (parameters, def and class names,
 * global/nonlocal, imports, except ... as, match captures; keyword and
 * attribute names too, which only makes the test stricter). */
static int uses_ident(const AstNode *n, const void *name)
{
    const AstKindInfo *info = &ast_kind_info[n->kind];
    for (int i = 0; i < info->nfields; i++) {
        const void *slot = (const char *)n + info->fields[i].offset;
        if (info->fields[i].type == AST_T_IDENT && n->kind != AST_Name) {
            const char *id = *(const char *const *)slot;
            if (id && strcmp(id, name) == 0)
                return 1;
        } else if (info->fields[i].type == AST_T_IDENTS) {
            const AstIdentSeq *ids = slot;
            for (int j = 0; j < ids->n; j++)
                if (strcmp(ids->items[j], name) == 0)
                    return 1;
        }
    }
    return 0;
}

/* The calls that read the frame's variables by name: locals(), vars() and
 * dir() without an argument, eval() and exec() without their own
 * namespaces. */
static int introspects(const AstNode *n, const void *ctx)
{
    (void)ctx;
    if (n->kind != AST_Call || ((const AstCall *)n)->func->kind != AST_Name)
        return 0;
    const AstCall *call = (const AstCall *)n;
    const char *id = ((const AstName *)call->func)->id;
    int nargs = call->args.n + call->keywords.n;
    if (strcmp(id, "locals") == 0)
        return 1;
    if (strcmp(id, "vars") == 0 || strcmp(id, "dir") == 0)
        return nargs == 0;
    if (strcmp(id, "eval") == 0 || strcmp(id, "exec") == 0)
        return nargs < 2;
    return 0;
}

/* The parts of comprehension n (list, set, dict or generator). */
static const AstSeq *comp_parts(const AstNode *n)
{
    return n->kind == AST_DictComp ? &((const AstDictComp *)n)->generators
                                   : &((const AstListComp *)n)->generators;
}

static bool is_inlined(const AstNode *n)
{
    return (n->kind == AST_ListComp || n->kind == AST_SetComp ||
            n->kind == AST_DictComp) && !n->scope;
}

/* Whether target t binds name. */
static bool target_binds(const AstNode *t, const char *name)
{
    return ast_any(t, is_name, name) != 0;
}

static bool comp_binds(const AstNode *n, const char *name)
{
    const AstSeq *parts = comp_parts(n);
    for (int i = 0; i < parts->n; i++)
        if (target_binds(((const Astcomprehension *)parts->items[i])->target, name))
            return true;
    return false;
}

/* Whether name occurs in n other than as a variable of an inlined
 * comprehension that binds it (its first iterable is outside it). */
static bool used_outside_comps(const AstNode *n, const char *name)
{
    if (!n)
        return false;
    if (is_name(n, name) || uses_ident(n, name))
        return true;
    if (is_inlined(n) && comp_binds(n, name))
        return used_outside_comps(((const Astcomprehension *)
                                   comp_parts(n)->items[0])->iter, name);
    const AstKindInfo *info = &ast_kind_info[n->kind];
    for (int i = 0; i < info->nfields; i++) {
        const void *slot = (const char *)n + info->fields[i].offset;
        if (info->fields[i].type == AST_T_NODE) {
            if (used_outside_comps(*(AstNode *const *)slot, name))
                return true;
        } else if (info->fields[i].type == AST_T_LIST) {
            const AstSeq *seq = slot;
            for (int j = 0; j < seq->n; j++)
                if (used_outside_comps(seq->items[j], name))
                    return true;
        }
    }
    return false;
}

/* At class level, the cell of a captured comprehension variable: 3.12
 * gives the class body's frame a cell of that name (co_cellvars), which the
 * comprehension renews around its loop and which the name's other uses
 * (the class namespace) never see.  Here it is a cell variable ir_var_find
 * does not find by name, so those uses keep going to the namespace, while
 * closures inside the comprehension find it (ir_var_find_closure).  One a
 * name, shared by the body's comprehensions: a closure looks its cell up by
 * name.  (Module code has no frame slots here, runtime/compat/frame311.c's
 * P2C_Frame_PushModule: refused there.)
 *
 * Its name in the stub's co_cellvars is "NAME." (not an identifier; it
 * sorts among the other cells as NAME does, so the slot order holds): 3.12
 * marks its cell CO_FAST_HIDDEN, which locals() and f_locals skip, and
 * which a code object made through code.replace() cannot say.  Under the
 * real name, the class namespace's NAME would be deleted by locals() after
 * the loop (the emptied cell reads as unbound). */
static IrVar *hidden_cell(Lower *L, const char *name)
{
    IrVar *v = ir_var_find_kind(L->fn, name, IR_VAR_CELL);
    if (v)
        return v;
    v = ir_var_new_unindexed(L->m, L->fn, name, IR_VAR_CELL);
    size_t n = strlen(name);
    char *shown = ir_alloc(L->m, n + 2);
    memcpy(shown, name, n);
    memcpy(shown + n, ".", 2);
    v->name_cidx = lower_const_str(L, shown);
    return v;
}

/* Whether name, in the function being lowered, must keep its own value
 * apart from the comprehension's: code outside the comprehensions binding
 * it uses it (id as written), or an enclosing inlined comprehension binds
 * it too.  The comprehension then saves the slot and restores it. */
static bool needs_saving(Lower *L, const char *id, const char *name)
{
    return (L->comp && lower_inlined_comp_var(L, name)) ||
           used_outside_comps(L->scope->node, id);
}

/* The function's own local variable name (mangled), as lower_var makes it
 * without looking into the inlined comprehensions around; NULL at module or
 * class level or when the symtable does not call name a local. */
static IrVar *function_local(Lower *L, const char *name)
{
    const AstSymbol *sym = ast_scope_lookup(L->scope, name);
    if (L->fn->is_module || L->fn->is_class || !sym || sym->scope != AST_SYM_LOCAL)
        return NULL;
    IrVar *v = ir_var_find(L->fn, name);
    if (!v)
        v = ir_var_new(L->m, L->fn, name, IR_VAR_LOCAL);
    return v->kind == IR_VAR_LOCAL ? v : NULL;
}

/* The variable of a captured name (id as written, name mangled), NULL
 * after a refusal.  In a function: its cell of that name, whose cell
 * object is saved into *saved (and a new cell made) when needs_saving; a
 * free variable of the function keeps its slot, where 3.12 makes a new
 * cell holding the free one (wrap_free_cell).  In a class body: the
 * module's or class's hidden cell. */
static IrVar *captured_var(Lower *L, const Comp *c, const char *id, const char *name,
                           IrVar **saved)
{
    const char *why = NULL;
    /* In a class body: a cell of that name is this comprehension's or an
     * earlier one's (a name the body binds nowhere else is the symtable's
     * CELL of the class, else hidden_cell's), except the class machinery's
     * own; a free variable of that name is refused (3.12 puts its new cell
     * in the free slot itself, and restores it after). */
    IrVar *outer = L->fn->is_class ? ir_var_find_closure(L->fn, name) : NULL;
    bool machinery = strcmp(name, "__class__") == 0 || strcmp(name, "__classdict__") == 0;
    if (L->fn->is_class && !machinery && (!outer || outer->kind == IR_VAR_CELL))
        return outer ? outer : hidden_cell(L, name);
    if (L->fn->is_class) {
        why = "a comprehension variable captured by a lambda or generator expression "
              "in a class body with a cell or free variable of that name (PEP 709 "
              "inlining, Python 3.12+)";
    } else if (L->fn->is_module) {
        why = "a comprehension variable captured by a lambda or generator expression "
              "at module level (PEP 709 inlining, Python 3.12+)";
    } else {
        const AstSymbol *sym = ast_scope_lookup(L->scope, name);
        IrVar *v = ir_var_find(L->fn, name);
        if (sym && sym->scope == AST_SYM_CELL && v && v->kind == IR_VAR_CELL) {
            if (needs_saving(L, id, name))
                *saved = lower_temp(L);
            return v;
        }
        if (sym && sym->scope == AST_SYM_FREE && v && v->kind == IR_VAR_FREE)
            return v;
        why = "a comprehension variable captured by a lambda or generator expression "
              "(PEP 709 inlining, Python 3.12+)";
    }
    lower_refuse_named(L, c->e->pos.line, why);
    return NULL;
}

/* The variable of a name (id as written, name mangled) locals() or eval()
 * inside may read: the function's own local of that name, as 3.12 keeps
 * it in the frame, its outer value saved into *saved when needs_saving;
 * NULL after a refusal. */
static IrVar *frame_var(Lower *L, const Comp *c, const char *id, const char *name,
                        IrVar **saved)
{
    IrVar *v = function_local(L, name);
    if (!v) {
        lower_refuse_named(L, c->e->pos.line, "locals(), vars(), dir(), eval() or exec() "
                           "inside a comprehension inlined by PEP 709 (Python 3.12+) at "
                           "module or class level, or of a name the function keeps in a cell");
        return NULL;
    }
    if (needs_saving(L, id, name))
        *saved = lower_temp(L);
    return v;
}

/* The variable of a name in a comprehension that reads one of its own
 * variables before binding it (own_slots): the function's own local, its
 * outer value always saved, so that the read finds the emptied slot and
 * raises UnboundLocalError as 3.12 does; NULL after a refusal. */
static IrVar *slot_var(Lower *L, const Comp *c, const char *name, IrVar **saved)
{
    IrVar *v = function_local(L, name);
    if (!v) {
        lower_refuse_named(L, c->e->pos.line, c->own_slots_why);
        return NULL;
    }
    *saved = lower_temp(L);
    return v;
}

/* Binds the variables target t names, into ic; -1 after a refusal. */
static int bind_target(Lower *L, const Comp *c, InlinedComp *ic, const AstNode *t)
{
    switch (t->kind) {
    case AST_Name: {
        const char *id = ((const AstName *)t)->id, *name = lower_mangle(L, id);
        if (comp_lookup(ic, name))
            return 0;
        IrVar *v, *saved = NULL;
        if (ast_any(c->e, captures, name))
            v = captured_var(L, c, id, name, &saved);
        else if (c->introspects)
            v = frame_var(L, c, id, name, &saved);
        else if (c->own_slots)
            v = slot_var(L, c, name, &saved);
        else
            v = lower_temp(L);
        if (!v)
            return -1;
        comp_bind(L, ic, name, v, saved);
        return 0;
    }
    case AST_Tuple: case AST_List: {
        const AstSeq *elts = &((const AstTuple *)t)->elts;   /* List alike */
        for (int i = 0; i < elts->n; i++)
            if (bind_target(L, c, ic, elts->items[i]) < 0)
                return -1;
        return 0;
    }
    case AST_Starred:
        return bind_target(L, c, ic, ((const AstStarred *)t)->value);
    default:   /* attribute and subscript targets bind nothing */
        return 0;
    }
}

/* Whether expression x reads a variable target t binds. */
static bool reads_bound_by(const AstNode *x, const AstNode *t)
{
    switch (t->kind) {
    case AST_Name:
        return ast_any(x, is_name, ((const AstName *)t)->id) != 0;
    case AST_Tuple: case AST_List: {
        const AstSeq *elts = &((const AstTuple *)t)->elts;
        for (int i = 0; i < elts->n; i++)
            if (reads_bound_by(x, elts->items[i]))
                return true;
        return false;
    }
    case AST_Starred:
        return reads_bound_by(x, ((const AstStarred *)t)->value);
    default:
        return false;
    }
}

/* An iterable of part k >= 1 reading a variable part k or a later one
 * binds, or a condition of part k one a later part binds, would read an
 * empty temporary where 3.12 raises UnboundLocalError. */
static bool reads_later_binding(const Comp *c)
{
    for (int k = 0; k < c->gens->n; k++) {
        const Astcomprehension *g = (const Astcomprehension *)c->gens->items[k];
        for (int j = k; j < c->gens->n; j++) {
            const AstNode *t = ((const Astcomprehension *)c->gens->items[j])->target;
            if (k > 0 && reads_bound_by(g->iter, t))
                return true;
            for (int i = 0; j > k && i < g->ifs.n; i++)
                if (reads_bound_by(g->ifs.items[i], t))
                    return true;
        }
    }
    return false;
}

/* Whether target t stores into an attribute or item whose expression reads
 * a variable `bound` binds: `for (l[0], l) in ...` reads the comprehension's
 * own l, unbound before its first store (3.12: UnboundLocalError), where an
 * empty temporary would be read. */
static bool target_reads(const AstNode *t, const AstNode *bound)
{
    switch (t->kind) {
    case AST_Tuple: case AST_List: {
        const AstSeq *elts = &((const AstTuple *)t)->elts;   /* List alike */
        for (int i = 0; i < elts->n; i++)
            if (target_reads(elts->items[i], bound))
                return true;
        return false;
    }
    case AST_Starred:
        return target_reads(((const AstStarred *)t)->value, bound);
    case AST_Name:
        return false;
    default:   /* an attribute or subscript target: all of it is read */
        return reads_bound_by(t, bound);
    }
}

/* A target of part k storing into something that reads a variable part k
 * or a later one binds (target_reads). */
static bool target_reads_own_binding(const Comp *c)
{
    for (int k = 0; k < c->gens->n; k++) {
        const AstNode *t = ((const Astcomprehension *)c->gens->items[k])->target;
        for (int j = k; j < c->gens->n; j++)
            if (target_reads(t, ((const Astcomprehension *)c->gens->items[j])->target))
                return true;
    }
    return false;
}

IrVar *lower_inlined_comp_var(Lower *L, const char *name)
{
    for (InlinedComp *ic = L->comp; ic; ic = ic->outer) {
        IrVar *v = comp_lookup(ic, name);
        if (v)
            return v;
    }
    if (!L->fn->is_class)
        return NULL;
    /* A class body's comprehension reads names as a function nested in
     * the class would: globals, or an enclosing function's cells. */
    if (ir_var_find_closure(L->fn, name) || strcmp(name, "__class__") == 0) {
        lower_refuse_named(L, L->comp->line, "a class-level comprehension reading a variable of an "
                           "enclosing function (PEP 709 inlining, Python 3.12+)");
        return NULL;
    }
    IrVar *v = ir_var_new_unindexed(L->m, L->fn, name, IR_VAR_GLOBAL);
    comp_bind(L, L->comp, name, v, NULL);
    return v;
}

/* swap_slot(v, saved): 3.12's LOAD_FAST_AND_CLEAR of v's slot into the
 * empty temporary saved, or its STORE_FAST back. */
static IrNode *swap_slot(Lower *L, IrVar *v, IrVar *saved, IrPos pos)
{
    IrNode *n = ir_node_new(L->m, IR_SWAP_SLOT, pos);
    n->var = v;
    n->vars = ir_alloc(L->m, sizeof *n->vars);
    n->vars[0] = saved;
    n->nvars = 1;
    return n;
}

static void add_var_stmt(Lower *L, IrNode *block, IrKind kind, IrVar *v, IrPos pos)
{
    IrNode *n = ir_node_new(L->m, kind, pos);
    n->var = v;
    ir_node_add(L->m, block, n);
}

/* The comprehension's variable v, a free variable of the function: 3.12.1
 * and 3.13.0 give its slot a new cell holding the free variable's own cell
 * (MAKE_CELL of the free slot; their LOAD_FAST_AND_CLEAR empties a cell
 * slot of the same name that no code reads) and never put the old one
 * back: after the loop the name reads the comprehension's last value, or
 * the old cell object itself when the loop never ran.
 *
 *   $c = cell_ref(v); new_cell(v); v = $c */
static void wrap_free_cell(Lower *L, IrVar *v, IrPos pos, IrNode *block)
{
    IrNode *ref = ir_node_new(L->m, IR_CELL_REF, pos);
    ref->var = v;
    IrVar *old = lower_spill(L, ref, pos, block);
    add_var_stmt(L, block, IR_NEW_CELL, v, pos);
    lower_add_assign(L, block, v, lower_take(L, old, pos), pos);
}

/* Before the loop, variable i of ic: the function's own value or cell
 * saved, a new cell for a captured one (MAKE_CELL), or a free one
 * wrapped (wrap_free_cell). */
static void enter_var(Lower *L, const InlinedComp *ic, int i, IrPos pos, IrNode *block)
{
    IrVar *v = ic->vars[i];
    if (ic->saved[i])
        ir_node_add(L->m, block, swap_slot(L, v, ic->saved[i], pos));
    if (v->kind == IR_VAR_CELL)
        add_var_stmt(L, block, IR_NEW_CELL, v, pos);
    else if (v->kind == IR_VAR_FREE)
        wrap_free_cell(L, v, pos, block);
}

/* The finally block of a comprehension with saved variables: each gets
 * the function's own value or cell back, the last saved first (3.12's
 * STORE_FASTs), and the comprehension's is released. */
static IrNode *restore_saved(Lower *L, const InlinedComp *ic, int nown, IrPos pos)
{
    IrNode *fin = ir_node_new(L->m, IR_BLOCK, pos);
    for (int i = nown - 1; i >= 0; i--)
        if (ic->saved[i]) {
            ir_node_add(L->m, fin, swap_slot(L, ic->vars[i], ic->saved[i], pos));
            add_var_stmt(L, fin, IR_CLEAR, ic->saved[i], pos);
        }
    return fin;
}

/* After the loop completes, the variables not saved: a captured one's
 * cell renewed (the last one stays with the closures made), the others
 * cleared; a free one keeps its new cell. */
static void leave_unsaved(Lower *L, const InlinedComp *ic, int nown, IrPos pos, IrNode *block)
{
    for (int i = 0; i < nown; i++) {
        IrVar *v = ic->vars[i];
        if (ic->saved[i] || v->kind == IR_VAR_FREE)
            continue;
        add_var_stmt(L, block, v->kind == IR_VAR_CELL ? IR_NEW_CELL : IR_CLEAR, v, pos);
    }
}

/* Why a comprehension reading one of its own variables before binding it
 * is refused where slot_var finds no local of the function; NULL when it
 * reads none so. */
static const char *own_slots_why(const Comp *c)
{
    if (target_reads_own_binding(c))
        return "a comprehension whose 'for' target stores into an attribute or item of "
               "a variable the comprehension binds, at module or class level or of a "
               "name that is not a local of the function (PEP 709 inlining, Python 3.12+)";
    if (reads_later_binding(c))
        return "a comprehension whose iterable reads a variable a later 'for' binds, at "
               "module or class level or of a name that is not a local of the function "
               "(PEP 709 inlining, Python 3.12+)";
    return NULL;
}

static IrNode *lower_inlined(Lower *L, Comp *c)
{
    const AstNode *e = c->e;
    IrPos pos = e->pos;
    c->introspects = ast_any(e, introspects, NULL) != 0;
    c->own_slots_why = own_slots_why(c);
    c->own_slots = c->own_slots_why != NULL;
    IrNode *block = ir_node_new(L->m, IR_BLOCK, pos);
    const Astcomprehension *first = (const Astcomprehension *)c->gens->items[0];
    IrNode *seq = lower_expr(L, first->iter);   /* in the enclosing scope */
    if (!seq)
        return NULL;
    if (first->is_async && !L->fn->async_kind)   /* CPython's compile() rejected it */
        return lower_syntax_error(L, pos.line, "asynchronous comprehension outside "
                                  "of an asynchronous function"), NULL;
    c->first_it = first->is_async ? lower_aiter_temp(L, seq, iter_pos(first, pos), block)
                                  : lower_iter_temp(L, seq, iter_pos(first, pos), block);
    c->inlined = true;
    InlinedComp ic = {.line = pos.line, .outer = L->comp};
    for (int i = 0; i < c->gens->n; i++)
        if (bind_target(L, c, &ic, ((const Astcomprehension *)c->gens->items[i])->target) < 0)
            return NULL;
    int nown = ic.n;
    bool restores = false;
    for (int i = 0; i < nown; i++) {
        enter_var(L, &ic, i, pos, block);
        restores = restores || ic.saved[i];
    }
    /* with saved slots, building the result and the loop are the body of
     * a try whose finally block restores them (3.12's handler from
     * BUILD_LIST on: SWAP, STORE_FAST, RERAISE 0) */
    IrNode *loop = restores ? ir_node_new(L->m, IR_BLOCK, pos) : block;
    c->result = lower_temp(L);
    IrKind build = e->kind == AST_ListComp ? IR_LIST : e->kind == AST_SetComp ? IR_SET : IR_DICT;
    lower_add_assign(L, loop, c->result, ir_node_new(L->m, build, pos), pos);
    L->comp = &ic;
    int rc = comp_body(L, c, 0, loop);
    L->comp = ic.outer;
    if (rc < 0)
        return NULL;
    if (restores)
        ir_node_add(L->m, block, ir_node(L->m, IR_TRY_FINALLY, pos, 2, loop,
                                         restore_saved(L, &ic, nown, pos)));
    leave_unsaved(L, &ic, nown, pos, block);
    return ir_node(L->m, IR_SEQ, pos, 2, block, lower_take(L, c->result, pos));
}

IrNode *lower_comprehension(Lower *L, const AstNode *e)
{
    Comp c = {.e = e};
    switch (e->kind) {
    case AST_ListComp:
        c.gens = &((const AstListComp *)e)->generators;
        c.elt = ((const AstListComp *)e)->elt;
        break;
    case AST_SetComp:
        c.gens = &((const AstSetComp *)e)->generators;
        c.elt = ((const AstSetComp *)e)->elt;
        break;
    case AST_GeneratorExp:
        c.gens = &((const AstGeneratorExp *)e)->generators;
        c.elt = ((const AstGeneratorExp *)e)->elt;
        break;
    case AST_DictComp:
        c.gens = &((const AstDictComp *)e)->generators;
        c.elt = ((const AstDictComp *)e)->key;
        c.val = ((const AstDictComp *)e)->value;
        break;
    default:
        return lower_refuse_expr(L, e);
    }
    /* 3.12 inlines list, set and dict comprehensions into their scope
     * (PEP 709): its symtable has no scope for them, and the interpreter
     * no frame. */
    if (!e->scope)
        return lower_inlined(L, &c);
    const Astcomprehension *first = (const Astcomprehension *)c.gens->items[0];
    IrNode *seq = lower_expr(L, first->iter);
    if (!seq)
        return NULL;
    IrNode *it = ir_node(L->m, first->is_async ? IR_AITER : IR_ITER,
                         iter_pos(first, e->pos), 1, seq);
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, e->pos);
    if (!(make->func = comp_function(L, &c)))
        return NULL;
    IrNode *call = ir_node(L->m, IR_CALL, e->pos, 2, make, it);
    if (make->func->async_kind != IR_ASYNC_COROUTINE)
        return call;
    if (!L->fn->async_kind)   /* CPython's compile() of the module rejected it */
        return lower_syntax_error(L, e->pos.line, "asynchronous comprehension outside "
                                  "of an asynchronous function"), NULL;
    return lower_await_node(L, call, IR_AWAIT_VALUE, e->pos);
}
