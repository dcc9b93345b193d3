/* bound.c — definite assignment: which loads of local variables are known
 * to find a value (docs/optimizer.md, "Definite assignment").
 *
 * A fast local starts empty (parameters start bound) and only an assignment
 * fills it; only `del` empties it again.  A load of an empty local raises
 * UnboundLocalError, so the code generator tests every load, unless this
 * pass has proved that the variable is assigned on every path that reaches
 * the load: then it sets the load's known_bound and the test is left out.
 * Cells are not tracked: any code holding the closure can empty one
 * (`del f.__closure__[0].cell_contents`, test_funcattrs), so every load of
 * a cell keeps its test.
 *
 * The analysis is a forward "must" dataflow over the structured IR: the
 * state is the set of variables bound for certain; control merges
 * intersect; code after return/raise/break/continue is unreachable (the
 * full set, the identity of intersection).  Loops iterate to a fixed point:
 * the state at the top of the body is what enters the loop intersected with
 * what reaches its back edges (the body's end and every continue).
 * Exceptions may leave a try body anywhere, so a handler, and a finally
 * block, starts from what entered the try minus every variable the body may
 * delete: every state inside the body contains that set, since the state
 * only shrinks by `del` and by merges of such states.  Paths that leave
 * through a finally block (break, continue out of it) lose what the finally
 * block deletes.
 *
 * The pass only ever leaves checks in: a variable not proved bound keeps
 * its test.  It runs at -O1 and above; -O0 tests every load.
 */
#include "pyc2c/compiler/opt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- sets of variables (by IrVar.id) --------------------------------------- */

typedef struct {
    uint64_t *w;
} Set;

typedef struct Loop Loop;
struct Loop {
    Set back;        /* ∩ of the states at `continue` */
    Set exit;        /* ∩ of the states leaving through the else block */
    Set brk;         /* ∩ of the states at `break` */
    Loop *outer;
};

typedef struct {
    IrModule *m;
    IrFunction *fn;
    int nwords;
    bool *tracked;   /* by var id: a LOCAL */
    Loop *loop;      /* innermost loop */
    Set finally_dels;/* what the enclosing finally blocks may delete */
    bool failed;     /* a construct this pass does not know: mark nothing */
} Bound;

static Set set_new(Bound *b)
{
    Set s = {ir_alloc(b->m, (size_t)b->nwords * sizeof(uint64_t))};
    return s;
}

/* Every variable: the state of code no path reaches (the identity of
 * set_meet). */
static void set_fill(Bound *b, Set s)
{
    memset(s.w, 0xff, (size_t)b->nwords * sizeof(uint64_t));
}

static Set set_full(Bound *b)
{
    Set s = set_new(b);
    set_fill(b, s);
    return s;
}

static void set_assign(Bound *b, Set into, Set from)
{
    memcpy(into.w, from.w, (size_t)b->nwords * sizeof(uint64_t));
}

static Set set_copy(Bound *b, Set from)
{
    Set s = set_new(b);
    set_assign(b, s, from);
    return s;
}

static void set_meet(Bound *b, Set into, Set other)
{
    for (int i = 0; i < b->nwords; i++)
        into.w[i] &= other.w[i];
}

static void set_join(Bound *b, Set into, Set other)
{
    for (int i = 0; i < b->nwords; i++)
        into.w[i] |= other.w[i];
}

static void set_minus(Bound *b, Set into, Set other)
{
    for (int i = 0; i < b->nwords; i++)
        into.w[i] &= ~other.w[i];
}

static bool set_equal(Bound *b, Set x, Set y)
{
    return memcmp(x.w, y.w, (size_t)b->nwords * sizeof(uint64_t)) == 0;
}

static bool set_is_full(Bound *b, Set s)
{
    for (int i = 0; i < b->nwords; i++)
        if (s.w[i] != UINT64_MAX)
            return false;
    return true;
}

static void set_add(Set s, int id) { s.w[id / 64] |= UINT64_C(1) << (id % 64); }
static void set_del(Set s, int id) { s.w[id / 64] &= ~(UINT64_C(1) << (id % 64)); }
static bool set_has(Set s, int id) { return s.w[id / 64] >> (id % 64) & 1; }

/* ---- what the analysis tracks ----------------------------------------------- */

static bool tracked(const Bound *b, const IrVar *v)
{
    return v && v->owner == b->fn && b->tracked[v->id];
}

static int nparams(const IrFunction *fn)
{
    return fn->argcount + fn->kwonlyargcount + !!(fn->fnflags & IR_FN_VARARGS) +
           !!(fn->fnflags & IR_FN_VARKEYWORDS);
}

/* ---- variables a block may delete ------------------------------------------- */

typedef struct {
    Bound *b;
    Set dels;
} DelSearch;

static int collect_del(IrNode *n, void *ctx)
{
    DelSearch *d = ctx;
    if ((n->kind == IR_DEL || n->kind == IR_NEW_CELL || n->kind == IR_CLEAR ||
         n->kind == IR_SWAP_SLOT) &&
        tracked(d->b, n->var))
        set_add(d->dels, n->var->id);
    return 0;
}

static Set deleted_in(Bound *b, IrNode *n)
{
    DelSearch d = {b, set_new(b)};
    ir_walk(n, collect_del, &d);
    return d.dels;
}

/* ---- the flow --------------------------------------------------------------- */

static void flow(Bound *b, IrNode *n, Set st);

static void mark(Bound *b, IrNode *n, Set st)
{
    n->known_bound = tracked(b, n->var) && set_has(st, n->var->id);
}

/* An expression: its kids in their order; the second operand of and/or
 * and the branches of an if-expression may not run. */
static void flow_expr(Bound *b, IrNode *n, Set st)
{
    switch (n->kind) {
    case IR_LOAD:
        mark(b, n, st);
        return;
    case IR_ASSIGN_EXPR:
        flow_expr(b, n->kids[0], st);
        if (tracked(b, n->var))
            set_add(st, n->var->id);
        return;
    case IR_AND:
    case IR_OR: {
        flow_expr(b, n->kids[0], st);
        Set maybe = set_copy(b, st);
        flow_expr(b, n->kids[1], maybe);
        return;
    }
    case IR_SEQ:   /* an inlined comprehension's statements, then its value */
        flow(b, n->kids[0], st);
        flow_expr(b, n->kids[1], st);
        return;
    case IR_IFEXP: {
        flow_expr(b, n->kids[0], st);
        Set other = set_copy(b, st);
        flow_expr(b, n->kids[1], st);
        flow_expr(b, n->kids[2], other);
        set_meet(b, st, other);
        return;
    }
    default:
        for (int i = 0; i < n->nkids; i++)
            flow_expr(b, n->kids[i], st);
        return;
    }
}

/* Control leaves for good (return, raise): nothing after it runs. */
static void unreachable(Bound *b, Set st)
{
    set_fill(b, st);
}

/* A jump to the loop's target (break, continue, the else exit): the state
 * there, less what the finally blocks it crosses delete. */
static void jump(Bound *b, Set target, Set st)
{
    Set s = set_copy(b, st);
    set_minus(b, s, b->finally_dels);
    set_meet(b, target, s);
}

static void flow_loop(Bound *b, IrNode *n, Set st)
{
    Set head = set_copy(b, st);
    Loop loop;
    for (;;) {
        loop = (Loop){set_full(b), set_full(b), set_full(b), b->loop};
        b->loop = &loop;
        Set body = set_copy(b, head);
        flow(b, n->kids[0], body);
        b->loop = loop.outer;
        Set next = set_copy(b, head);
        set_meet(b, next, body);          /* the body's end loops back */
        set_meet(b, next, loop.back);
        if (set_equal(b, next, head))
            break;
        head = next;
    }
    /* The else block runs outside the loop: its break/continue are the
     * enclosing loop's. */
    set_assign(b, st, loop.exit);
    flow(b, n->kids[1], st);
    set_meet(b, st, loop.brk);
}

static void flow_try_except(Bound *b, IrNode *n, Set st)
{
    Set handler_in = set_copy(b, st);
    set_minus(b, handler_in, deleted_in(b, n->kids[0]));
    flow(b, n->kids[0], st);
    flow(b, n->kids[1], st);              /* else: after the body completes */
    for (int i = 2; i < n->nkids; i++) {
        IrNode *h = n->kids[i];
        Set hs = set_copy(b, handler_in);
        if (h->nkids > 1 && h->kids[1])
            flow_expr(b, h->kids[1], hs);   /* the type, evaluated first */
        flow(b, h->kids[0], hs);
        set_meet(b, st, hs);
    }
}

static void flow_try_finally(Bound *b, IrNode *n, Set st)
{
    Set fin_in = set_copy(b, st);
    set_minus(b, fin_in, deleted_in(b, n->kids[0]));
    Set saved = b->finally_dels;
    b->finally_dels = set_copy(b, saved);
    Set fin_dels = deleted_in(b, n->kids[1]);
    set_join(b, b->finally_dels, fin_dels);
    flow(b, n->kids[0], st);
    b->finally_dels = saved;
    /* The finally block is analysed once, from the state every way into it
     * has (its loads are marked for all of them); after it, the normal way
     * out also keeps what the body bound and the block did not delete. */
    Set after_body = set_copy(b, st);
    bool falls_through = !set_is_full(b, after_body);
    set_assign(b, st, fin_in);
    flow(b, n->kids[1], st);
    if (!falls_through) {     /* the body never completes: nor does the try */
        unreachable(b, st);
        return;
    }
    set_minus(b, after_body, fin_dels);
    set_join(b, st, after_body);
}

static void flow(Bound *b, IrNode *n, Set st)
{
    switch (n->kind) {
    case IR_BLOCK:
        for (int i = 0; i < n->nkids; i++)
            flow(b, n->kids[i], st);
        return;
    case IR_ASSIGN:
        flow_expr(b, n->kids[0], st);
        if (tracked(b, n->var))
            set_add(st, n->var->id);
        return;
    case IR_UNPACK:
        flow_expr(b, n->kids[0], st);
        for (int i = 0; i < n->nvars; i++)
            if (tracked(b, n->vars[i]))
                set_add(st, n->vars[i]->id);
        return;
    case IR_DEL:
        if (tracked(b, n->var)) {
            mark(b, n, st);
            set_del(st, n->var->id);
        }
        return;
    case IR_CLEAR:
    case IR_NEW_CELL:   /* an empty cell */
    case IR_SWAP_SLOT:  /* emptied, or the value saved before (not tracked) */
        if (tracked(b, n->var))
            set_del(st, n->var->id);
        return;
    case IR_FOR_NEXT:
        flow_expr(b, n->kids[0], st);
        if (b->loop)
            jump(b, b->loop->exit, st);    /* exhausted: to the else block */
        if (tracked(b, n->var))
            set_add(st, n->var->id);
        return;
    case IR_LOOP_EXIT:
        if (b->loop)
            jump(b, b->loop->exit, st);
        unreachable(b, st);
        return;
    case IR_BREAK:
        if (b->loop)
            jump(b, b->loop->brk, st);
        unreachable(b, st);
        return;
    case IR_CONTINUE:
        if (b->loop)
            jump(b, b->loop->back, st);
        unreachable(b, st);
        return;
    case IR_RETURN:
    case IR_RAISE:
    case IR_RERAISE:
    case IR_RERAISE_STAR:
        for (int i = 0; i < n->nkids; i++)
            if (n->kids[i])
                flow_expr(b, n->kids[i], st);
        unreachable(b, st);
        return;
    case IR_IF: {
        flow_expr(b, n->kids[0], st);
        Set other = set_copy(b, st);
        flow(b, n->kids[1], st);
        flow(b, n->kids[2], other);
        set_meet(b, st, other);
        return;
    }
    case IR_LOOP:
        flow_loop(b, n, st);
        return;
    case IR_TRY_EXCEPT:
        flow_try_except(b, n, st);
        return;
    case IR_TRY_FINALLY:
        flow_try_finally(b, n, st);
        return;
    default:
        /* A statement of expressions only; one with blocks this pass does
         * not know would need its own rule. */
        for (int i = 0; i < n->nkids; i++) {
            if (!n->kids[i])
                continue;
            if (!ir_is_expr(n->kids[i])) {
                b->failed = true;
                return;
            }
            flow_expr(b, n->kids[i], st);
        }
        return;
    }
}

/* ---- driver ----------------------------------------------------------------- */

static int clear_marks(IrNode *n, void *ctx)
{
    (void)ctx;
    n->known_bound = false;
    return 0;
}

static void bound_function(IrModule *m, IrFunction *fn)
{
    if (fn->is_module || fn->is_class)
        return;   /* names live in a namespace any code can change */
    int maxid = 0;
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->id > maxid)
            maxid = fn->vars[i]->id;
    Bound b = {.m = m, .fn = fn, .nwords = maxid / 64 + 1};
    b.tracked = ir_alloc(m, (size_t)(maxid + 1) * sizeof *b.tracked);
    b.finally_dels = set_new(&b);
    Set st = set_new(&b);
    int np = nparams(fn);
    for (int i = 0; i < fn->nvars; i++) {
        IrVar *v = fn->vars[i];
        if (v->kind == IR_VAR_LOCAL)
            b.tracked[v->id] = true;
        /* parameters are bound by the call (a cell parameter's cell is made
         * from the argument) */
        if (b.tracked[v->id] && v->slot < np)
            set_add(st, v->id);
    }
    flow(&b, fn->body, st);
    if (b.failed)
        ir_walk(fn->body, clear_marks, NULL);
}

void opt_bound_module(IrModule *m)
{
    for (int i = 0; i < m->nfuncs; i++)
        bound_function(m, m->funcs[i]);
}
