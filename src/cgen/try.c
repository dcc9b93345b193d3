/* try.c — exceptions in goto-style C: try/except/else, try/finally, bare
 * raise, the jumps (return, break, continue) that leave handler regions, and
 * the expressions of the exceptions family (caught(), with_enter/with_exit,
 * __debug__, AssertionError).  docs/architecture.md, "Handlers".
 *
 * A try statement k is a region: while its body is generated, every failing
 * operation jumps to T<k>_err (cg_error_label) instead of `error`.
 *
 *   T<k>_err:  P2C_Frame_AddTraceback(f);    a new exception: its entry
 *   T<k>_re:                                 re-raised (bare raise, RERAISE
 *                                            from an inner cleanup): none
 *       Py_CLEAR(x...); Py_CLEAR(t...);      what the region may hold
 *       tE = P2C_Exc_Catch(&tP);             exception_unwind + PUSH_EXC_INFO
 *       <handlers or the finally block, a region of their own (IN_HANDLER)
 *        whose failures go to T<k>_cx>
 *       P2C_Exc_Restore(tP); Py_CLEAR(tE);   POP_EXCEPT, handler done
 *   T<k>_cx:   P2C_Frame_AddTraceback(f);    failure inside a handler
 *   T<k>_cr:   Py_CLEAR(...); P2C_Exc_Restore(tP); Py_CLEAR(tE);
 *              goto <the enclosing region's _re / _cr, or exit>;
 *
 * The slot rule of docs/architecture.md holds: no expression temporary is
 * live when a try statement starts (checked), so every x<N> live at a jump
 * to a handler entry belongs to the failing statement and is released there
 * (Py_CLEAR of all of them: the others are NULL).  Inside an inlined
 * comprehension (SEQ, an `async for` loop's handler) the temporaries of the
 * expression around it stay live and are left alone.  IR temporaries the region
 * alone reads (an iterator of a loop inside it, a with's __enter__ value)
 * and those this file allocated inside it are released too.
 *
 * Jumps out of regions run what CPython's compiler_unwind_fblock emits, in
 * place, innermost first: a finally block (generated again, as CPython
 * duplicates it), POP_EXCEPT of a handler, dropping a pending return value.
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* The labels and exception slots of one try statement. */
typedef struct {
    int id;
    int exc, prev;                 /* IR temp numbers: tE, tP */
    int lasti;                     /* tL: the site where caught (an int), or -1 */
    bool used_err, used_re, used_cx, used_cr;
} TryLabels;

typedef enum {
    TRY_BODY,        /* the body of try/except: failures go to T_err */
    FINALLY_BODY,    /* the body of try/finally: also T_err; jumps out run the finally */
    IN_HANDLER,      /* an except block or an exceptional finally: T_cx */
    POP_VALUE        /* a return value waiting while finally blocks run */
} TryKind;

typedef struct CgTry {
    TryKind kind;
    TryLabels *lab;
    IrNode *node;          /* FINALLY_BODY: the TRY_FINALLY */
    int value;             /* POP_VALUE: temp number of the value */
    CgLoop *loop;          /* the innermost loop when the region opened */
    struct CgTry *outer;
} CgTry;

/* ---- where errors and re-raises go ------------------------------------------ */

static CgTry *catching(Cg *cg)
{
    CgTry *t = cg->tries;
    while (t && t->kind == POP_VALUE)
        t = t->outer;
    return t;
}

bool cg_in_handler_region(Cg *cg)
{
    return catching(cg) != NULL;
}

const char *cg_error_label(Cg *cg)
{
    CgTry *t = catching(cg);
    if (!t) {
        cg->used_error = true;
        cg->error_gotos++;
        return "error";
    }
    if (t->kind == IN_HANDLER) {
        t->lab->used_cx = true;
        snprintf(cg->errlab, sizeof cg->errlab, "T%d_cx", t->lab->id);
    } else {
        t->lab->used_err = true;
        snprintf(cg->errlab, sizeof cg->errlab, "T%d_err", t->lab->id);
    }
    return cg->errlab;
}

/* Propagates the exception set in the thread state without a traceback
 * entry for this frame (RERAISE): to the innermost region's re-raise entry,
 * or out of the function (r is still NULL there). */
static void goto_reraise(Cg *cg)
{
    CgTry *t = catching(cg);
    if (!t) {
        emit_line(cg->out, "goto exit;");
        cg->used_exit = true;
    } else if (t->kind == IN_HANDLER) {
        t->lab->used_cr = true;
        emit_line(cg->out, "goto T%d_cr;", t->lab->id);
    } else {
        t->lab->used_re = true;
        emit_line(cg->out, "goto T%d_re;", t->lab->id);
    }
}

/* ---- what a region may hold ----------------------------------------------- */

static bool reads_var(const IrNode *n)
{
    switch (n->kind) {
    case IR_ASSIGN: case IR_ASSIGN_EXPR: case IR_FOR_NEXT: case IR_WITH_ENTER:
        return false;
    default:
        return true;
    }
}

typedef struct {
    int *counts;
    int n;
} TempReads;

static int count_reads(IrNode *n, void *ctx)
{
    TempReads *r = ctx;
    if (n->var && n->var->kind == IR_VAR_TEMP && n->var->slot < r->n && reads_var(n))
        r->counts[n->var->slot]++;
    return 0;
}

/* Releases, at a handler entry, what the code of regions[0..n) may have left
 * owned: every expression temporary, the IR temporaries allocated by the
 * generator since temps0, and the lowering's temporaries read only inside
 * the regions (their values are dead once control left the regions). */
static void release_region(Cg *cg, IrNode *const *regions, int n, int temps0)
{
    for (int i = 0; i < cg->maxtmp; i++)
        if (!cg_seq_outer_live(cg, i))   /* still the expression's */
            emit_line(cg->out, "Py_CLEAR(x%d);", i);
    int nt = cg->fn->ntemps;
    int *all = xcalloc((size_t)nt + 1, sizeof *all), *in = xcalloc((size_t)nt + 1, sizeof *in);
    TempReads ra = {all, nt}, ri = {in, nt};
    ir_walk(cg->fn->body, count_reads, &ra);
    for (int i = 0; i < n; i++)
        ir_walk(regions[i], count_reads, &ri);
    for (int j = 0; j < nt; j++)
        if (j >= temps0 || (all[j] > 0 && all[j] == in[j]))
            emit_line(cg->out, "Py_CLEAR(t%d);", j);
    free(all);
    free(in);
}

static int new_temp(Cg *cg)
{
    return ir_temp_new(cg->m, cg->fn)->slot;
}

/* ---- regions ----------------------------------------------------------------- */

/* How many jumps to `error` text[0..len) contains. */
static int jumps_to_error(const char *text, size_t len)
{
    static const char pat[] = "goto error;";
    int n = 0;
    for (size_t i = 0; i + sizeof pat - 1 <= len; i++)
        if (text[i] == 'g' && memcmp(text + i, pat, sizeof pat - 1) == 0)
            n++;
    return n;
}

/* Generates stmt inside a region of the given kind.  A failing operation that
 * does not ask cg_error_label where to go would skip the handlers: refused.
 * (Jumps to `error` it did give are those of finally blocks copied out of
 * the region by return/break/continue.) */
static void in_region(Cg *cg, TryKind kind, TryLabels *lab, IrNode *node, IrNode *stmt)
{
    CgTry t = {.kind = kind, .lab = lab, .node = node, .value = -1, .loop = cg->loop,
               .outer = cg->tries};
    size_t start = cg->out->len;
    int given = cg->error_gotos;
    cg->tries = &t;
    cg_stmt(cg, stmt);
    cg->tries = t.outer;
    if (cg->out->buf && jumps_to_error(cg->out->buf + start, cg->out->len - start) >
                        cg->error_gotos - given)
        cg_unsupported(cg, node, "an operation in a try region whose errors skip "
                       "the handlers (internal)");
}

static int is_reraise(IrNode *n, void *ctx)
{
    (void)ctx;
    return n->kind == IR_RERAISE;
}

/* T<k>_err / T<k>_re: the exception is caught into tE, the previously
 * handled one saved in tP; with keep_lasti, the site where it was caught in
 * tL (for RERAISE, as exception_unwind pushes lasti). */
static void handler_entry(Cg *cg, TryLabels *lab, IrNode *body, int temps0, bool keep_lasti)
{
    if (lab->used_err) {
        cg_label(cg, "T%d_err", lab->id);
        emit_line(cg->out, "P2C_Frame_AddTraceback(f);");
    }
    if (lab->used_re)
        cg_label(cg, "T%d_re", lab->id);
    release_region(cg, &body, 1, temps0);
    lab->exc = new_temp(cg);
    lab->prev = new_temp(cg);
    emit_line(cg->out, "t%d = P2C_Exc_Catch(&t%d);", lab->exc, lab->prev);
    if (keep_lasti) {
        lab->lasti = new_temp(cg);
        emit_line(cg->out, "t%d = P2C_Frame_SiteObject(f);", lab->lasti);
    }
}

/* POP_EXCEPT: the previously handled exception is restored, the caught one
 * released. */
static void pop_except(Cg *cg, const TryLabels *lab)
{
    emit_line(cg->out, "P2C_Exc_Restore(t%d); t%d = NULL; Py_CLEAR(t%d);",
              lab->prev, lab->prev, lab->exc);
    if (lab->lasti >= 0)
        emit_line(cg->out, "Py_CLEAR(t%d);", lab->lasti);
}

/* ---- the blocks a debugger's jump may leave (lines.c) ------------------------ */

static int find_with_exit(IrNode *n, void *ctx)
{
    if (n->kind != IR_WITH_EXIT)
        return 0;
    *(const IrVar **)ctx = n->var;
    return 1;
}

/* The temporary holding the __exit__ of the with statement whose machinery
 * n (a handler list or a finally block) is, or NULL when it is not one. */
static const IrVar *with_exit_var(IrNode *n)
{
    const IrVar *var = NULL;
    ir_walk(n, find_with_exit, &var);
    return var;
}

/* The flag of the with statement whose finally block is fin (with.c's
 * `if $ok: <exit> else: del $exit`), or NULL when fin is not one. */
static const IrVar *with_flag_var(const IrNode *fin)
{
    const IrNode *n = fin;
    while (n->kind == IR_BLOCK && n->nkids == 1)
        n = n->kids[0];
    if (n->kind != IR_IF)
        return NULL;
    const IrNode *test = n->kids[0];
    return test->kind == IR_LOAD && test->var->kind == IR_VAR_TEMP ? test->var : NULL;
}

/* The with statement's block (its __exit__ on CPython's stack) can take
 * another with's place when a jump goes from that one's body into its
 * own: it gets that one's __exit__ and its flag says "entered". */
static void with_block_movable(Cg *cg, const IrVar *exit, const IrVar *flag)
{
    char slot[16], enter[64];
    snprintf(slot, sizeof slot, "t%d", exit->slot);
    snprintf(enter, sizeof enter, "Py_XSETREF(t%d, Py_NewRef(Py_True));", flag->slot);
    cg_jump_block_movable(cg, slot, enter);
}

/* The handlers of try/except n stand on CPython's stack above the saved
 * exception (PUSH_EXC_INFO): a jump out of them restores it, as POP_EXCEPT
 * does.  A with's handler (it calls __exit__) is machinery no jump enters
 * or leaves. */
static void open_handler_block(Cg *cg, IrNode *n, const TryLabels *lab)
{
    bool with = false;
    for (int i = 2; i < n->nkids; i++)
        with = with || with_exit_var(n->kids[i]) != NULL;
    char release[160];
    int len = snprintf(release, sizeof release, "P2C_Exc_Restore(t%d); t%d = NULL; Py_CLEAR(t%d);",
                       lab->prev, lab->prev, lab->exc);
    if (lab->lasti >= 0)
        snprintf(release + len, sizeof release - (size_t)len, " Py_CLEAR(t%d);", lab->lasti);
    cg_jump_block_push(cg, CG_JUMP_EXCEPT, with ? NULL : release);
}

/* T<k>_cx / T<k>_cr: an exception leaves the handlers of try k. */
static void cleanup(Cg *cg, TryLabels *lab, IrNode *const *regions, int n, int temps0)
{
    if (!lab->used_cx && !lab->used_cr)
        return;
    if (lab->used_cx) {
        cg_label(cg, "T%d_cx", lab->id);
        emit_line(cg->out, "P2C_Frame_AddTraceback(f);");
    }
    if (lab->used_cr)
        cg_label(cg, "T%d_cr", lab->id);
    release_region(cg, regions, n, temps0);
    pop_except(cg, lab);
    goto_reraise(cg);
}

/* ---- try/except/else ------------------------------------------------------------ */

/* except [type]: body — returns whether control falls out of it (no match). */
static bool handler(Cg *cg, TryLabels *lab, IrNode *h)
{
    CgTry t = {.kind = IN_HANDLER, .lab = lab, .value = -1, .loop = cg->loop,
               .outer = cg->tries};
    cg->tries = &t;
    cg_line_hook(cg, h);
    int next = -1;
    if (h->nkids > 1) {   /* CHECK_EXC_MATCH at the clause's span */
        CVal type = cg_expr(cg, h->kids[1], true);
        next = cg_label_new(cg);
        cg_site(cg, h->pos);
        emit_line(cg->out, "{");
        cg->out->indent++;
        emit_line(cg->out, "int p2c_m = P2C_Exc_Match(t%d, %s);", lab->exc, type.c);
        cg_release(cg, &type);
        cg_check_neg(cg, "p2c_m");
        emit_line(cg->out, "if (!p2c_m) goto X%d_next;", next);
        cg->out->indent--;
        emit_line(cg->out, "}");
    }
    cg_stmt(cg, h->kids[0]);
    cg->tries = t.outer;
    pop_except(cg, lab);
    emit_line(cg->out, "goto T%d_end;", lab->id);
    if (next >= 0)
        cg_label(cg, "X%d_next", next);
    return next >= 0;
}

void cg_try_except(Cg *cg, IrNode *n)
{
    if (cg->ntmp != cg->stmt_ntmp)
        P2C_UNREACHABLE();   /* a try starts at a statement boundary */
    TryLabels lab = {.id = cg_label_new(cg), .exc = -1, .prev = -1, .lasti = -1};
    int temps0 = cg->fn->ntemps;
    in_region(cg, TRY_BODY, &lab, n, n->kids[0]);
    cg_stmt(cg, n->kids[1]);                  /* else: outside the region */
    if (!lab.used_err && !lab.used_re)
        return;                               /* nothing in the body can raise */
    emit_line(cg->out, "goto T%d_end;", lab.id);
    bool keep_lasti = false;
    for (int i = 2; i < n->nkids; i++)
        keep_lasti = keep_lasti || ir_walk(n->kids[i], is_reraise, NULL);
    handler_entry(cg, &lab, n->kids[0], temps0, keep_lasti);
    int temps1 = cg->fn->ntemps;
    bool no_match = true;
    open_handler_block(cg, n, &lab);
    for (int i = 2; i < n->nkids && !cg->failed; i++)
        no_match = handler(cg, &lab, n->kids[i]);
    cg_jump_block_pop(cg);
    if (no_match) {   /* RERAISE of the caught exception, in the cleanup */
        cg_site(cg, n->kids[n->nkids - 1]->pos);   /* its position: f_lineno after */
        emit_line(cg->out, "P2C_Exc_Reraise(t%d);", lab.exc);
        emit_line(cg->out, "goto T%d_cr;", lab.id);
        lab.used_cr = true;
    }
    cleanup(cg, &lab, n->kids + 2, n->nkids - 2, temps1);
    cg_label(cg, "T%d_end", lab.id);
}

/* ---- try/finally ------------------------------------------------------------------ */

/* RERAISE's lasti: the frame's site back where the exception was caught. */
static void restore_site(Cg *cg, const TryLabels *lab)
{
    emit_line(cg->out, "P2C_Frame_RestoreSite(f, t%d);", lab->lasti);
    cg->cur_site = -1;
}

/* The position of the RERAISE ending an exceptional finally block: what
 * CPython's compiler leaves current after the block, its last statement's
 * (a frame left by this re-raise reports it as f_lineno, as CPython's). */
static IrPos reraise_pos(const IrNode *n)
{
    const IrNode *b = n->kids[1];
    while (b->kind == IR_BLOCK && b->nkids > 0)
        b = b->kids[b->nkids - 1];
    return b->kind == IR_BLOCK ? n->pos : b->pos;
}

/* The line 3.11 gives the cleanup after a finally block's exceptional
 * copy (COPY 3, POP_EXCEPT, RERAISE 1): the location its compiler has
 * current after the block, that of its last statement when that one
 * leaves it set (pass, an assignment, a del, return, raise, break,
 * continue); none (0) after an expression statement, whose POP_TOP is
 * artificial (compiler_visit_stmt_expr), or a compound statement (not
 * modelled: the cleanup then has no line start of its own, as after an
 * expression statement). */
static int cleanup_line(const IrNode *n)
{
    const IrNode *b = n->kids[1];
    while (b->kind == IR_BLOCK && b->nkids > 0)
        b = b->kids[b->nkids - 1];
    if (b->artificial)
        return 0;
    switch (b->kind) {
    case IR_PASS: case IR_ASSIGN: case IR_STORE_ATTR: case IR_STORE_SUBSCR:
    case IR_DEL: case IR_DEL_ATTR: case IR_DEL_SUBSCR: case IR_UNPACK:
    case IR_RAISE: case IR_BREAK: case IR_CONTINUE:
        return b->pos.line;
    case IR_RETURN:
        return b->op != IR_RETURN_IMPLICIT ? b->pos.line : 0;
    default:
        return 0;
    }
}

void cg_try_finally(Cg *cg, IrNode *n)
{
    if (cg->ntmp != cg->stmt_ntmp)
        P2C_UNREACHABLE();
    TryLabels lab = {.id = cg_label_new(cg), .exc = -1, .prev = -1, .lasti = -1};
    int temps0 = cg->fn->ntemps;
    /* a with's body stands above its __exit__ on CPython's stack: a jump
     * out drops it without calling it; its exit at the end has it too */
    const IrVar *exit = n->op == 1 ? with_exit_var(n->kids[1]) : NULL;
    char release[48];
    const IrVar *flag = exit ? with_flag_var(n->kids[1]) : NULL;
    if (exit) {
        snprintf(release, sizeof release, "Py_CLEAR(t%d);", exit->slot);
        cg_jump_block_push(cg, CG_JUMP_OBJECT, release);
        if (flag)
            with_block_movable(cg, exit, flag);
    }
    in_region(cg, FINALLY_BODY, &lab, n, n->kids[0]);
    if (exit) {
        cg_jump_block_pop(cg);
        cg_jump_block_push(cg, CG_JUMP_OBJECT, NULL);
    }
    cg_stmt(cg, n->kids[1]);                  /* the normal way out */
    if (exit)
        cg_jump_block_pop(cg);
    if (!lab.used_err && !lab.used_re)
        return;
    emit_line(cg->out, "goto T%d_end;", lab.id);
    handler_entry(cg, &lab, n->kids[0], temps0, n->op == 1);
    int temps1 = cg->fn->ntemps;
    /* An artificial finally (op 1: a with's exit, a named handler's
     * cleanup) has no exceptional way out in CPython, which goes on from
     * where the exception was caught: no line events on this copy (a
     * with's `if $ok:` would give the with's line again after __exit__). */
    cg->no_line_hooks += n->op == 1;
    /* CPython's copy stands above the place and the exception caught */
    cg_jump_block_push(cg, CG_JUMP_LASTI, NULL);
    cg_jump_block_push(cg, CG_JUMP_EXCEPT, NULL);
    in_region(cg, IN_HANDLER, &lab, n, n->kids[1]);   /* the exceptional way out */
    cg_jump_block_pop(cg);
    cg_jump_block_pop(cg);
    cg->no_line_hooks -= n->op == 1;
    if (n->op != 1 && cleanup_line(n) > 0)   /* --debuggable (lines.c) */
        cg_jump_cleanup_point(cg, (IrPos){cleanup_line(n), -1, cleanup_line(n), -1});
    if (n->op == 1)
        restore_site(cg, &lab);
    else
        cg_site(cg, reraise_pos(n));
    emit_line(cg->out, "P2C_Exc_Reraise(t%d);", lab.exc);
    emit_line(cg->out, "goto T%d_cr;", lab.id);
    lab.used_cr = true;
    cleanup(cg, &lab, n->kids + 1, 1, temps1);
    cg_label(cg, "T%d_end", lab.id);
}

/* ---- leaving regions by return, break, continue -------------------------------------- */

/* Emits the exits of the regions from `from` outwards (only those inside the
 * innermost loop when to_loop); value >= 0 is the temp of a return value
 * kept while finally blocks run (dropped if one of them jumps elsewhere). */
static void unwind(Cg *cg, CgTry *from, bool to_loop, int value)
{
    CgTry *saved = cg->tries;
    CgLoop *saved_loop = cg->loop;
    cg->jump_unsafe++;   /* copies of finally blocks: no jumps from or into them */
    for (CgTry *t = from; t && !cg->failed; t = t->outer) {
        if (to_loop && t->loop != saved_loop)
            break;
        cg->tries = t->outer;
        switch (t->kind) {
        case TRY_BODY:
            break;
        case FINALLY_BODY: {
            CgTry pv = {.kind = POP_VALUE, .value = value, .loop = t->loop, .outer = t->outer};
            if (value >= 0)
                cg->tries = &pv;
            cg->loop = t->loop;
            cg_stmt(cg, t->node->kids[1]);
            cg->loop = saved_loop;
            break;
        }
        case IN_HANDLER:
            pop_except(cg, t->lab);
            break;
        case POP_VALUE:
            emit_line(cg->out, "Py_CLEAR(t%d);", t->value);
            break;
        }
    }
    cg->jump_unsafe--;
    cg->tries = saved;
}

void cg_unwind_jump(Cg *cg)
{
    unwind(cg, cg->tries, true, -1);
}

/* return v inside regions: v is computed first, kept in a temp while the
 * regions' exits run, then returned (CPython's compiler_return). */
void cg_return_through(Cg *cg, IrNode *n)
{
    CVal v = cg_expr(cg, n->kids[0], true);
    int value = new_temp(cg);
    char lv[16];
    snprintf(lv, sizeof lv, "t%d", value);
    cg_move(cg, lv, &v);
    unwind(cg, cg->tries, false, value);
    emit_line(cg->out, "r = t%d; t%d = NULL;", value, value);
    emit_line(cg->out, "goto exit;");
    cg->used_exit = true;
}

/* ---- raise, and the family's expressions ------------------------------------------------ */

/* reraise: the innermost handler's exception again, from where it was
 * caught (RERAISE with lasti). */
void cg_reraise(Cg *cg, IrNode *n)
{
    CgTry *t = cg->tries;
    while (t && t->kind != IN_HANDLER)
        t = t->outer;
    if (!t || t->lab->lasti < 0) {
        cg_unsupported(cg, n, "reraise outside a handler (internal)");
        return;
    }
    restore_site(cg, t->lab);
    emit_line(cg->out, "P2C_Exc_Reraise(t%d);", t->lab->exc);
    goto_reraise(cg);
}

/* The group try/except* re-raises: set as it is (its traceback untouched,
 * no entry for this frame: RERAISE 0 goes straight to exception_unwind),
 * then out of the enclosing regions as a re-raise. */
void cg_reraise_star(Cg *cg, IrNode *n)
{
    CVal v = cg_kid(cg, n, 0);
    int id = cg_label_new(cg);
    emit_line(cg->out, "if (%s == Py_None) goto R%d_none;", v.c, id);
    cg_site(cg, n->pos);
    emit_line(cg->out, "P2C_Exc_Reraise(%s);", v.c);
    if (v.tmp >= 0)   /* released here on this path, by cg_release on the other */
        emit_line(cg->out, "Py_CLEAR(%s);", v.c);
    goto_reraise(cg);
    cg_label(cg, "R%d_none", id);
    cg_release(cg, &v);
}

void cg_raise_bare(Cg *cg, IrNode *n)
{
    cg_site(cg, n->pos);
    emit_line(cg->out, "if (P2C_Exc_RaiseBare() < 0) goto %s;", cg_error_label(cg));
    goto_reraise(cg);
}

static CVal text(const char *fmt, int arg)
{
    CVal v = {.tmp = -1};
    snprintf(v.c, sizeof v.c, fmt, arg);
    return v;
}

/* caught(): the innermost handler's exception, borrowed from tE. */
static CVal caught(Cg *cg, IrNode *n)
{
    for (CgTry *t = cg->tries; t; t = t->outer)
        if (t->kind == IN_HANDLER)
            return text("t%d", t->lab->exc);
    cg_unsupported(cg, n, "caught() outside a handler (internal)");
    return text("NULL", 0);
}

/* with_enter(mgr, exit=$t): the bound __exit__ goes to $t, the result of
 * __enter__() is the value. */
static CVal with_enter(Cg *cg, IrNode *n)
{
    CVal mgr = cg_kid(cg, n, 0);
    CVal r = cg_tmp_new(cg);
    char ex[48];
    cg_var_lvalue(cg, n->var, ex, sizeof ex);
    cg_site(cg, n->pos);
    emit_line(cg->out, "Py_CLEAR(%s);", ex);
    emit_line(cg->out, "%s = %s(%s, &%s);", r.c,
              n->op ? "P2C_AsyncWith_Enter" : "P2C_With_Enter", mgr.c, ex);
    cg_release(cg, &mgr);
    cg_check_null(cg, r.c);
    return r;
}

/* with_exit($t): the call takes the bound method out of $t;
 * with_exit($t, exc) leaves it there (CPython pops it after the handler). */
static CVal with_exit(Cg *cg, IrNode *n)
{
    CVal exc = n->nkids > 0 ? cg_kid(cg, n, 0) : text("NULL", 0);
    CVal r = cg_tmp_new(cg);
    char ex[48];
    cg_var_lvalue(cg, n->var, ex, sizeof ex);
    cg_site(cg, n->pos);
    if (n->nkids > 0)
        emit_line(cg->out, "%s = P2C_With_Exit(Py_NewRef(%s), %s);", r.c, ex, exc.c);
    else
        emit_line(cg->out, "%s = P2C_With_Exit(%s, NULL); %s = NULL;", r.c, ex, ex);
    cg_release(cg, &exc);
    cg_check_null(cg, r.c);
    return r;
}

CVal cg_exc_expr(Cg *cg, IrNode *n)
{
    switch (n->kind) {
    case IR_CAUGHT:          return caught(cg, n);
    case IR_WITH_ENTER:      return with_enter(cg, n);
    case IR_WITH_EXIT:       return with_exit(cg, n);
    case IR_DEBUG:           return text("P2C_Debug()", 0);
    case IR_ASSERTION_ERROR: return text("PyExc_AssertionError", 0);
    case IR_STOP_ASYNC_ITERATION: return text("PyExc_StopAsyncIteration", 0);
    default:
        cg_unsupported(cg, n, ir_info(n)->name);
        return text("NULL", 0);
    }
}
