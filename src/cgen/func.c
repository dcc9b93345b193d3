/* func.c — the per-function state of the code generator: expression
 * temporaries, sites, labels, error branches; and the body of one function
 * (the statements; cgen.c wraps them in the prologue and epilogue once the
 * numbers of temporaries and constants are known).
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

static void *grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    char *q = xrealloc(p, (size_t)n, size);
    memset(q + (size_t)*cap * size, 0, (size_t)(n - *cap) * size);
    *cap = n;
    return q;
}

/* ---- expression temporaries -------------------------------------------- */

/* The lowest free index keeps the count of x<N> small: an expression needs
 * about as many as its tree is wide. */
CVal cg_tmp_new(Cg *cg)
{
    int i = 0;
    while (i < cg->maxtmp && cg->live[i])
        i++;
    if (i == cg->maxtmp) {
        int cap = cg->maxtmp;
        cg->live = grow(cg->live, &cap, i + 1, sizeof *cg->live);
        cg->maxtmp = i + 1;
    }
    cg->live[i] = true;
    cg->ntmp++;
    CVal v = {.tmp = i};
    snprintf(v.c, sizeof v.c, "x%d", i);
    return v;
}

void cg_forget(Cg *cg, CVal *v)
{
    if (v->tmp < 0)
        return;
    if (!cg->live[v->tmp])
        P2C_UNREACHABLE();   /* released twice */
    cg->live[v->tmp] = false;
    cg->ntmp--;
    v->tmp = -1;
    strcpy(v->c, "NULL");
}

const char *cg_helper_suffix(const Cg *cg)
{
    return cg->huge ? "_OutOfLine" : "";
}

void cg_release(Cg *cg, CVal *v)
{
    /* In a huge function the same without Py_CLEAR's macro body, which gcc
     * parses and compiles at every release (docs/compile-scaling.md, part
     * 7): no code can see a C temporary between the two statements. */
    if (v->tmp >= 0 && cg->huge)
        emit_line(cg->out, "Py_XDECREF(%s); %s = NULL;", v->c, v->c);
    else if (v->tmp >= 0)
        emit_line(cg->out, "Py_CLEAR(%s);", v->c);
    cg_forget(cg, v);
}

void cg_move(Cg *cg, const char *dst, CVal *v)
{
    if (v->tmp >= 0)
        emit_line(cg->out, "%s = %s; %s = NULL;", dst, v->c, v->c);
    else
        emit_line(cg->out, "%s = Py_NewRef(%s);", dst, v->c);
    cg_forget(cg, v);
}

void cg_setref(Cg *cg, const char *dst, CVal *v)
{
    if (v->tmp >= 0)
        emit_line(cg->out, "Py_XSETREF(%s, %s); %s = NULL;", dst, v->c, v->c);
    else
        emit_line(cg->out, "Py_XSETREF(%s, Py_NewRef(%s));", dst, v->c);
    cg_forget(cg, v);
}

/* ---- sites, labels, errors ---------------------------------------------- */

static bool same_pos(IrPos a, IrPos b)
{
    return a.line == b.line && a.col == b.col && a.end_line == b.end_line &&
           a.end_col == b.end_col;
}

/* The site table's index: an open-addressing hash from position to the
 * last site made for it (site + 1; 0 is empty), so that finding a site costs
 * the same in a function of 50,000 statements as in a small one. */
static unsigned pos_hash(IrPos p)
{
    unsigned h = 2166136261u;
    int parts[4] = {p.line, p.col, p.end_line, p.end_col};
    for (int i = 0; i < 4; i++)
        h = (h ^ (unsigned)parts[i]) * 16777619u;
    return h;
}

static int *site_slot(Cg *cg, IrPos pos)
{
    unsigned mask = (unsigned)cg->capsite_index - 1;
    for (unsigned i = pos_hash(pos) & mask;; i = (i + 1) & mask) {
        int k = cg->site_index[i] - 1;
        if (k < 0 || same_pos(cg->sites[k], pos))
            return &cg->site_index[i];
    }
}

/* Keeps the index at most half full. */
static void grow_site_index(Cg *cg)
{
    if (2 * (cg->nsites + 1) <= cg->capsite_index)
        return;
    free(cg->site_index);
    cg->capsite_index = cg->capsite_index ? 2 * cg->capsite_index : 64;
    cg->site_index = xcalloc((size_t)cg->capsite_index, sizeof *cg->site_index);
    for (int k = 0; k < cg->nsites; k++)
        *site_slot(cg, cg->sites[k]) = k + 1;
}

/* Equal positions share a site (the last one made for the position). */
int cg_site_index(Cg *cg, IrPos pos)
{
    if (cg->capsite_index > 0) {
        int k = *site_slot(cg, pos) - 1;
        if (k >= 0)
            return k;
    }
    return cg_site_new(cg, pos);
}

int cg_site_new(Cg *cg, IrPos pos)
{
    grow_site_index(cg);
    cg->sites = grow(cg->sites, &cg->capsites, cg->nsites + 1, sizeof *cg->sites);
    cg->sites[cg->nsites] = pos;
    *site_slot(cg, pos) = cg->nsites + 1;
    return cg->nsites++;
}

void cg_site(Cg *cg, IrPos pos)
{
    int k = cg_site_index(cg, pos);
    if (k == cg->cur_site)
        return;
    cg_site_line_hook(cg, pos);   /* --debuggable, a statement of several lines */
    emit_line(cg->out, "P2C_Frame_SetSite(f, %d);", k);
    cg->cur_site = k;
}

/* A variable's store or `del` releases its old value, whose __del__ can look
 * at the frame's line: P2C_XSETREF_AT / P2C_CLEAR_AT set the site only when
 * they release the last reference, and only where the site known here is
 * not on the store's line already (a store's own line is what CPython
 * reports; columns are not seen from a finalizer): "f, K" into buf for
 * them, or false where nothing is needed. */
static bool release_site(Cg *cg, IrPos pos, char *buf, size_t size)
{
    if (pos.line <= 0 || (cg->cur_site >= 0 && cg->sites[cg->cur_site].line == pos.line))
        return false;
    snprintf(buf, size, "f, %d", cg_site_index(cg, pos));
    cg->cur_site = -1;   /* K after a last reference, else what it was */
    return true;
}

void cg_setref_at(Cg *cg, IrPos pos, const char *dst, CVal *v)
{
    char site[32];
    if (!release_site(cg, pos, site, sizeof site)) {
        cg_setref(cg, dst, v);
        return;
    }
    if (v->tmp >= 0)
        emit_line(cg->out, "P2C_XSETREF_AT(%s, %s, %s); %s = NULL;", dst, v->c, site, v->c);
    else
        emit_line(cg->out, "P2C_XSETREF_AT(%s, Py_NewRef(%s), %s);", dst, v->c, site);
    cg_forget(cg, v);
}

void cg_clear_at(Cg *cg, IrPos pos, const char *dst)
{
    char site[32];
    if (release_site(cg, pos, site, sizeof site))
        emit_line(cg->out, "P2C_CLEAR_AT(%s, %s);", dst, site);
    else
        emit_line(cg->out, "Py_CLEAR(%s);", dst);
}

/* Sites written where they can be seen (docs/optimizer.md): a load whose
 * cache answers runs no code and cannot fail, so nothing can read the
 * frame's site while it runs; only its slow way needs the site. */
void cg_site_lazy(Cg *cg, IrPos pos, char *buf, size_t size)
{
    int k = cg_site_index(cg, pos);
    if (k == cg->cur_site || cg->opt->debuggable) {
        cg_site(cg, pos);
        snprintf(buf, size, "NULL, 0");
        return;
    }
    snprintf(buf, size, "f, %d", k);
    cg->cur_site = -1;   /* K after a slow way, else what it was */
}

/* Errors go to cg_error_label(): `error`, or the innermost handler's entry
 * inside a try region (try.c). */
void cg_goto_error(Cg *cg)
{
    emit_line(cg->out, "goto %s;", cg_error_label(cg));
}

void cg_check_null(Cg *cg, const char *expr)
{
    emit_line(cg->out, "if (%s == NULL) goto %s;", expr, cg_error_label(cg));
}

void cg_check_neg(Cg *cg, const char *expr)
{
    emit_line(cg->out, "if (%s < 0) goto %s;", expr, cg_error_label(cg));
}

int cg_label_new(Cg *cg)
{
    return cg->nlabels++;
}

void cg_label(Cg *cg, const char *fmt, int id)
{
    char name[64];
    snprintf(name, sizeof name, fmt, id);
    emit_label(cg->out, name);
    cg->cur_site = -1;
    cg_jump_label(cg, name);
}

void cg_unsupported(Cg *cg, const IrNode *n, const char *what)
{
    if (!cg->failed)
        diag_unsupported(cg->m->filename, n->pos.line, what);
    cg->failed = true;
}

void cg_var_lvalue(Cg *cg, const IrVar *v, char *buf, size_t size)
{
    (void)cg;
    if (v->kind == IR_VAR_TEMP)
        snprintf(buf, size, "t%d", v->slot);
    else
        snprintf(buf, size, "P2C_SLOT(f, %d)", v->slot);
}

/* ---- bound parameters ------------------------------------------------------ */

static int find_del(IrNode *n, void *ctx)
{
    bool *always_bound = ctx;
    if ((n->kind == IR_DEL || n->kind == IR_CLEAR || n->kind == IR_SWAP_SLOT) &&
        n->var->kind == IR_VAR_LOCAL)
        always_bound[n->var->slot] = false;
    return 0;
}

/* Argument binding fills every parameter's slot (positional, keyword-only,
 * *args, **kwargs come first in slot order), and only `del` can empty a
 * slot again: a parameter never deleted is bound at every load. */
static void find_always_bound(Cg *cg, IrFunction *fn)
{
    int nparams = fn->argcount + fn->kwonlyargcount +
                  !!(fn->fnflags & IR_FN_VARARGS) + !!(fn->fnflags & IR_FN_VARKEYWORDS);
    cg->always_bound = xcalloc((size_t)fn->nslots + 1, sizeof *cg->always_bound);
    for (int i = 0; i < fn->nvars; i++) {
        IrVar *v = fn->vars[i];
        if (v->kind == IR_VAR_LOCAL && v->slot < nparams)
            cg->always_bound[v->slot] = true;
    }
    ir_walk(fn->body, find_del, cg->always_bound);
}

bool cg_may_be_unbound(const Cg *cg, const IrVar *var)
{
    return var->kind == IR_VAR_LOCAL && !cg->always_bound[var->slot];
}

static int forget_bound(IrNode *n, void *ctx)
{
    (void)ctx;
    n->known_bound = false;
    return 0;
}

/* A function whose hooks can jump (lines.c) may skip any assignment: what
 * src/opt/bound.c proved bound is tested again, as CPython tests it. */
static void forget_known_bound(Cg *cg, IrFunction *fn)
{
    if (cg->jumps)
        ir_walk(fn->body, forget_bound, NULL);
}

/* ---- the body of a function ------------------------------------------------ */

/* The position of the stub's RESUME, where a frame stands before its first
 * operation (a traceback at lasti 0): 3.11 gives it the def line with
 * columns 0-0, and module code line 0 to 1.  A generator not yet started
 * stands at its RETURN_GENERATOR instead, which has no columns. */
static IrPos resume_pos(const IrFunction *fn)
{
    if (fn->is_module)
        return (IrPos){0, 0, 1, 0};
    if (fn->is_generator)
        return (IrPos){fn->pos.line, -1, fn->pos.line, -1};
    return (IrPos){fn->pos.line, 0, fn->pos.line, 0};
}

/* Generates fn's statements into out.  Site P (0 unless the function has
 * cells or frees, closures.c) is the stub's RESUME (resume_pos); after the
 * last statement, a function returns None, module code
 * succeeds.  Both jump to `exit` through the epilogue that cgen.c writes. */
void cg_function(Cg *cg, IrFunction *fn, Emitter *out)
{
    cg->fn = fn;
    cg->out = out;
    cg->cur_site = -1;
    cg->huge = cg_huge_function(fn);
    cg->jumps = cg_jumps_wanted(cg);
    cg->jlast_line = -1;
    forget_known_bound(cg, fn);
    cg_jump_find_unsafe(cg);
    find_always_bound(cg, fn);
    out->indent = 1;
    cg_closure_prologue(cg);   /* sites 0..P-1: the units before RESUME */
    cg_site_index(cg, resume_pos(fn));
    cg_jump_entry(cg, resume_pos(fn));
    if (cg_resumable(cg))      /* thrown into before it started: raised at the def */
        emit_line(out, "if (p2c_sent == NULL) goto %s;", cg_error_label(cg));
    cg_block(cg, fn->body);   /* chunks.c: in chunk functions when large */
    if (fn->is_module)
        emit_line(out, "r = 0;");
    else
        emit_line(out, "r = Py_NewRef(Py_None);");
    cg_jump_dispatch(cg);
}
