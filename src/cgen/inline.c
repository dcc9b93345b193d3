/* inline.c — calls of small methods made without the call: the method's
 * one returned expression computed at the call site.
 *
 * Object-oriented code is full of methods like
 *
 *     def isTaskHolding(self):
 *         return self.task_holding
 *     def isTaskHoldingOrWaiting(self):
 *         return self.task_holding or (not self.packet_pending and self.task_waiting)
 *
 * whose call costs far more than their body: the method load, the call,
 * the frame pushed and popped (pyperformance's richards makes 860,000 such
 * calls a run).  A def whose body is one `return` of a *pure* expression —
 * one that reads its parameters, constants and attributes of them, and
 * combines them with `not`, `and`, `or`, `x if c else y`, `is`, `is not`
 * and comparisons of small ints — is computed at each method call site
 * `obj.NAME(args)` whose name and argument count fit, when at run time:
 *
 *   - the method load found a function to call with obj first, and that
 *     function is still the compiled def (its C body: whatever the class
 *     now holds under that name, a replaced `__code__`, a decorator's
 *     wrapper, fail it), and calling it would enter that body with no event
 *     and no error: no trace or profile hook, recursion depth left
 *     (P2C_InlinableCallee, as for the defs fused arithmetic inlines);
 *   - every attribute is answered by its own cache here without running
 *     any code (P2C_LoadAttrPeekFill: instance values, slots, class
 *     attributes without __get__; a property is never read here), and
 *     every truth value and comparison is one that runs no code
 *     (P2C_PureTruth: True, False, None, small ints, exact containers).
 *
 * Otherwise the site gives up and makes the real call, with the same
 * arguments: nothing it did can be seen, since it ran no code, changed
 * nothing and made no object (the answer is one of the values it read, a
 * constant, True or False).  What is skipped is a frame no code could
 * have looked at.  The arguments and the callable are released in the
 * order the callee's frame would release them on return.  -O0, huge
 * functions and --debuggable code (whose line events a debugger follows
 * into the callee) make every call.
 */
#include "cgen_int.h"            /* Python.h first */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* Operators of a pure body at most: a larger one is not small. */
enum { MAX_PURE_NODES = 16, MAX_CANDIDATES = 4, MAX_PURE_PARAMS = 8 };

/* ---- which defs ------------------------------------------------------------ */

static bool is_int_compare(int op)
{
    return op == IR_CMP_LT || op == IR_CMP_LTE || op == IR_CMP_EQ || op == IR_CMP_NOTEQ
           || op == IR_CMP_GT || op == IR_CMP_GTE;
}

/* Whether e, in fn's body, is a pure expression (above) of at most
 * *budget nodes, which it uses up. */
static bool pure_expr(const IrFunction *fn, const IrNode *e, int *budget)
{
    if (--*budget < 0)
        return false;
    switch (e->kind) {
    case IR_CONST:
        return true;
    case IR_LOAD:
        return e->var->kind == IR_VAR_LOCAL && e->var->owner == fn
               && e->var->slot < fn->argcount;
    case IR_ATTR:
        return pure_expr(fn, e->kids[0], budget);
    case IR_UNARY:
        return e->op == IR_UNARY_NOT && pure_expr(fn, e->kids[0], budget);
    case IR_COMPARE:
        if (e->op != IR_CMP_IS && e->op != IR_CMP_ISNOT && !is_int_compare(e->op))
            return false;
        /* fall through */
    case IR_AND:
    case IR_OR:
    case IR_IFEXP:
        for (int i = 0; i < e->nkids; i++)
            if (!pure_expr(fn, e->kids[i], budget))
                return false;
        return true;
    default:
        return false;
    }
}

/* The expression fn returns, when fn is a def whose calls may be inlined;
 * NULL otherwise. */
static const IrNode *pure_returned(const IrFunction *fn)
{
    if (fn->is_module || fn->is_class || fn->is_generator || fn->async_kind || fn->fnflags
        || fn->kwonlyargcount || fn->argcount < 1 || fn->argcount > MAX_PURE_PARAMS)
        return NULL;
    const IrNode *b = fn->body;
    if (b->nkids != 1 || b->kids[0]->kind != IR_RETURN)
        return NULL;
    const IrNode *r = b->kids[0]->kids[0];
    int budget = MAX_PURE_NODES;
    return pure_expr(fn, r, &budget) ? r : NULL;
}

const IrFunction **cg_pure_inline_defs(const IrModule *m, const CgenOptions *opt, int *count)
{
    const IrFunction **defs = xcalloc((size_t)m->nfuncs + 1, sizeof *defs);
    *count = 0;
    if (opt->opt_level < 2 || opt->debuggable)
        return defs;
    for (int i = 1; i < m->nfuncs; i++)
        if (pure_returned(m->funcs[i]))
            defs[(*count)++] = m->funcs[i];
    return defs;
}

/* The defs a method call n with nargs arguments (self not counted) may
 * inline, into found; their count. */
static int candidates(const Cg *cg, const IrNode *n, int nargs,
                      const IrFunction *found[MAX_CANDIDATES])
{
    const IrNode *attr = n->kids[0];
    if (cg->huge || attr->kind != IR_ATTR || n->cidx >= 0 || n->collect)
        return 0;
    PyObject *name = ir_const_get(cg->m, attr->cidx);
    int k = 0;
    for (int i = 0; i < cg->npure_defs && k < MAX_CANDIDATES; i++) {
        const IrFunction *fn = cg->pure_defs[i];
        if (fn->argcount == nargs + 1 && PyUnicode_CompareWithASCIIString(name, fn->name) == 0)
            found[k++] = fn;
    }
    return k;
}

/* ---- the copy at a call site ------------------------------------------------- */

typedef struct {
    Cg *cg;
    const IrFunction *fn;
    const char *params[MAX_PURE_PARAMS];   /* the C values the parameters stand for */
    int site;                              /* the site's label number */
    int nvals;                             /* p2c_i<site>_<k> written so far */
    char call_label[32];                   /* where a test gives up: the call */
    bool bails;                            /* some test does */
} Copy;

/* A new C variable's name for copy x. */
static void new_val(Copy *x, char *buf, size_t size)
{
    snprintf(buf, size, "p2c_i%d_%d", x->site, x->nvals++);
}

/* The label a failed test goes to (the real call), noting that one does. */
static const char *bail(Copy *x)
{
    x->bails = true;
    return x->call_label;
}

static void emit_pure(Copy *x, const IrNode *e, char *out, size_t size);

/* int <t> = the truth of v, giving up where taking it could run code. */
static void emit_truth(Copy *x, const char *v, char *t, size_t size)
{
    new_val(x, t, size);
    emit_line(x->cg->out, "int %s = P2C_PureTruth(%s);", t, v);
    emit_line(x->cg->out, "if (%s < 0) goto %s;", t, bail(x));
}

/* `head { <e's statements>; out = <e's value>; }` */
static void emit_block_value(Copy *x, const char *head, const IrNode *e, const char *out)
{
    Emitter *o = x->cg->out;
    char v[32];
    emit_line(o, "%s {", head);
    o->indent++;
    emit_pure(x, e, v, sizeof v);
    emit_line(o, "%s = %s;", out, v);
    o->indent--;
    emit_line(o, "}");
}

/* `a and b` / `a or b`: a, or b when a's truth (true for `and`) says so,
 * b computed only then. */
static void emit_and_or(Copy *x, const IrNode *e, char *out, size_t size)
{
    char a[32], t[32], head[48];
    emit_pure(x, e->kids[0], a, sizeof a);
    emit_truth(x, a, t, sizeof t);
    new_val(x, out, size);
    emit_line(x->cg->out, "PyObject *%s = %s;", out, a);
    snprintf(head, sizeof head, "if (%s%s)", e->kind == IR_AND ? "" : "!", t);
    emit_block_value(x, head, e->kids[1], out);
}

static void emit_ifexp(Copy *x, const IrNode *e, char *out, size_t size)
{
    char c[32], t[32], head[48];
    emit_pure(x, e->kids[0], c, sizeof c);
    emit_truth(x, c, t, sizeof t);
    new_val(x, out, size);
    emit_line(x->cg->out, "PyObject *%s;", out);
    snprintf(head, sizeof head, "if (%s)", t);
    emit_block_value(x, head, e->kids[1], out);
    emit_block_value(x, "else", e->kids[2], out);
}

static const char *const c_cmp[IR_CMP_COUNT] = {
    [IR_CMP_LT] = "<", [IR_CMP_LTE] = "<=", [IR_CMP_EQ] = "==", [IR_CMP_NOTEQ] = "!=",
    [IR_CMP_GT] = ">", [IR_CMP_GTE] = ">=", [IR_CMP_IS] = "==", [IR_CMP_ISNOT] = "!=",
};

/* `a is b`, `a is not b`: the identity; `a < b` & co.: two small ints'
 * C comparison (anything else may run code: give up). */
static void emit_compare(Copy *x, const IrNode *e, char *out, size_t size)
{
    Emitter *o = x->cg->out;
    char a[32], b[32];
    emit_pure(x, e->kids[0], a, sizeof a);
    emit_pure(x, e->kids[1], b, sizeof b);
    new_val(x, out, size);
    if (e->op == IR_CMP_IS || e->op == IR_CMP_ISNOT) {
        emit_line(o, "PyObject *%s = %s %s %s ? Py_True : Py_False;", out, a, c_cmp[e->op], b);
        return;
    }
    emit_line(o, "long %s_a, %s_b;", out, out);
    emit_line(o, "if (!P2C_Int_Of(%s, &%s_a) || !P2C_Int_Of(%s, &%s_b)) goto %s;", a, out, b,
              out, bail(x));
    emit_line(o, "PyObject *%s = %s_a %s %s_b ? Py_True : Py_False;", out, out, c_cmp[e->op],
              out);
}

/* Writes the statements computing pure expression e, and its C value (a
 * borrowed reference, never NULL) into out. */
static void emit_pure(Copy *x, const IrNode *e, char *out, size_t size)
{
    Cg *cg = x->cg;
    char obj[32], t[32];
    switch (e->kind) {
    case IR_CONST:
        snprintf(out, size, "p2c_c[%d]", e->cidx);
        return;
    case IR_LOAD:
        snprintf(out, size, "%s", x->params[e->var->slot]);
        return;
    case IR_ATTR:
        emit_pure(x, e->kids[0], obj, sizeof obj);
        new_val(x, out, size);
        emit_line(cg->out, "PyObject *%s = P2C_LoadAttrPeekFill(&p2c_acache[%d], %s, p2c_c[%d]);",
                  out, (*cg->nattr_caches)++, obj, e->cidx);
        emit_line(cg->out, "if (%s == NULL) goto %s;", out, bail(x));
        return;
    case IR_UNARY:   /* not */
        emit_pure(x, e->kids[0], obj, sizeof obj);
        emit_truth(x, obj, t, sizeof t);
        new_val(x, out, size);
        emit_line(cg->out, "PyObject *%s = %s ? Py_False : Py_True;", out, t);
        return;
    case IR_AND:
    case IR_OR:
        emit_and_or(x, e, out, size);
        return;
    case IR_IFEXP:
        emit_ifexp(x, e, out, size);
        return;
    case IR_COMPARE:
        emit_compare(x, e, out, size);
        return;
    default:
        P2C_UNREACHABLE();   /* pure_expr admits no other kind */
    }
}

/* if (<meth> is fn's C body) { r = <fn's expression>; release; goto done; } */
static void emit_copy(Cg *cg, const IrNode *n, const IrFunction *fn, int site, bool first,
                      const CVal *r,
                      const CVal *meth, const CVal *self, const CVal *vals, int nargs,
                      bool *bails)
{
    Copy x = {.cg = cg, .fn = fn, .site = site};
    snprintf(x.call_label, sizeof x.call_label, "p2c_inl%d_call", site);
    x.params[0] = self->c;
    for (int i = 1; i <= nargs; i++)
        x.params[i] = vals[i].c;
    char impl[64], v[32];
    cg_func_cname(fn, impl, sizeof impl);
    Emitter *o = cg->out;
    emit_line(o, "%sif (P2C_InlinableCallee(%s, %s)) {", first ? "" : "else ", meth->c, impl);
    o->indent++;
    emit_pure(&x, pure_returned(fn), v, sizeof v);
    emit_line(o, "%s = Py_NewRef(%s);", r->c, v);
    /* as the callee's frame would on return: its slots (self, then the
     * arguments), then the function, with the call's site set (a __del__
     * run by a release sees this frame at the call) */
    cg_site(cg, n->pos);
    emit_line(o, "Py_CLEAR(%s);", self->c);
    for (int i = 1; i <= nargs; i++)
        if (vals[i].tmp >= 0)
            emit_line(o, "Py_CLEAR(%s);", vals[i].c);
    emit_line(o, "Py_CLEAR(%s);", meth->c);
    emit_line(o, "goto p2c_inl%d_done;", site);
    o->indent--;
    emit_line(o, "}");
    *bails |= x.bails;
}

int cg_inline_method_begin(Cg *cg, const IrNode *n, const CVal *r, const CVal *meth,
                           const CVal *self, const CVal *vals, int nargs)
{
    const IrFunction *found[MAX_CANDIDATES];
    int k = candidates(cg, n, nargs, found);
    if (k == 0)
        return -1;
    int site = cg_label_new(cg), site_before = cg->cur_site;
    bool bails = false;
    emit_line(cg->out, "if (%s != NULL) {", self->c);
    cg->out->indent++;
    for (int i = 0; i < k; i++) {
        cg->cur_site = site_before;   /* each copy starts from the state before */
        emit_copy(cg, n, found[i], site, i == 0, r, meth, self, vals, nargs, &bails);
    }
    cg->cur_site = site_before;   /* not set on the way to the call */
    cg->out->indent--;
    emit_line(cg->out, "}");
    if (bails)
        emit_line(cg->out, "p2c_inl%d_call:;", site);
    return site;
}

/* Both ways here set the call's site: the copies before their releases,
 * the call before it. */
void cg_inline_method_end(Cg *cg, int site)
{
    if (site >= 0)
        emit_line(cg->out, "p2c_inl%d_done:;", site);
}
