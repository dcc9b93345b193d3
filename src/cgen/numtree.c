/* numtree.c — recognizing the trees numeric.c fuses: which expressions
 * are arithmetic over leaves it can read without running code, and which
 * calls inside them it computes itself (a small def of the module inlined,
 * a math function).  numeric.c writes the tiers and the generic code;
 * numeric_int.h is what the two share.
 */
#include "cgen_int.h"            /* Python.h first */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "numeric_int.h"
#include "pyc2c/compiler/xalloc.h"

/* The operators the tiers compute (each a row of lir_ops.def for tagged
 * numbers, num_op() in numeric.c; doubles and longs where typed): all
 * binary ones but @, every unary one but `not`. */
static const bool binop_fusable[IR_BINOP_COUNT] = {
    [IR_BINOP_ADD] = true,      [IR_BINOP_SUB] = true,    [IR_BINOP_MULT] = true,
    [IR_BINOP_DIV] = true,      [IR_BINOP_FLOORDIV] = true, [IR_BINOP_MOD] = true,
    [IR_BINOP_POW] = true,      [IR_BINOP_BITAND] = true, [IR_BINOP_BITOR] = true,
    [IR_BINOP_BITXOR] = true,   [IR_BINOP_LSHIFT] = true, [IR_BINOP_RSHIFT] = true,
};
static const bool unary_fusable[IR_UNARY_COUNT] = {
    [IR_UNARY_USUB] = true, [IR_UNARY_UADD] = true, [IR_UNARY_INVERT] = true,
};

/* ---- recognizing a tree ------------------------------------------------------ */

bool num_fusable_op(const IrNode *n)
{
    if (n->kind == IR_UNARY)
        return unary_fusable[n->op];
    if (n->kind == IR_BINOP || n->kind == IR_INPLACE)
        return binop_fusable[n->op];
    return false;
}

/* A constant a P2C_Num can hold: an exact int within a long, or a finite
 * exact float. */
static bool const_leaf(const Cg *cg, const IrNode *n)
{
    PyObject *v = ir_const_get(cg->m, n->cidx);
    if (PyFloat_CheckExact(v))
        return isfinite(PyFloat_AS_DOUBLE(v));
    if (!PyLong_CheckExact(v))
        return false;
    int overflow;
    PyLong_AsLongAndOverflow(v, &overflow);
    return overflow == 0 && !PyErr_Occurred();
}

/* A local variable, the content of a cell (a local a comprehension or an
 * inner function captures: chaos's `ii - I + self.degree`, whose `I` and
 * `self` its list comprehension reads) or of a free variable, or a
 * temporary read without being consumed (`$t1` of `$t1[0] -= x`, not its
 * last use, which moves the reference out).  A run never assigns a cell:
 * its statements store into locals and temporaries only (run_stmt). */
bool num_local_leaf(const IrNode *n)
{
    if (n->kind != IR_LOAD)
        return false;
    switch (n->var->kind) {
    case IR_VAR_LOCAL: case IR_VAR_CELL: case IR_VAR_FREE:
        return true;
    case IR_VAR_TEMP:
        return !n->last_use;
    default:
        return false;
    }
}

/* The variable v stands for: a run's temporary that only carries a local
 * to a store is read as that local (the run does not assign it). */
const IrVar *num_resolve(const struct CgNumTree *t, const IrVar *v)
{
    for (int i = 0; i < t->naliases; i++)
        if (t->alias_tmp[i] == v)
            return t->alias_src[i];
    return v;
}

/* Where a leaf variable's value is read (borrowed; NULL when unbound,
 * which its guard sends to the generic code and its error). */
void num_leaf_value(Cg *cg, const struct CgNumTree *t, const IrVar *v, char *buf,
                       size_t size)
{
    v = num_resolve(t, v);
    if (v->kind == IR_VAR_CELL || v->kind == IR_VAR_FREE)
        cg_cell_lvalue(v, buf, size);
    else
        cg_var_lvalue(cg, v, buf, size);
}

/* obj[k] of a local obj and a constant int k within a Py_ssize_t. */
static bool item_leaf(const Cg *cg, const IrNode *n)
{
    if (n->kind != IR_SUBSCR || !num_local_leaf(n->kids[0]) || n->kids[1]->kind != IR_CONST)
        return false;
    PyObject *k = ir_const_get(cg->m, n->kids[1]->cidx);
    if (!PyLong_CheckExact(k))
        return false;
    Py_ssize_t v = PyLong_AsSsize_t(k);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return false;
    }
    return true;
}

/* obj.name of a local obj when attribute caches are on, or obj[k]: the
 * leaves read without running code when the fast path can (peeked). */
static bool attr_leaf(const Cg *cg, const IrNode *n)
{
    if (n->kind == IR_ATTR)
        return num_local_leaf(n->kids[0]) && cg->opt->opt_level >= 1;
    return item_leaf(cg, n);
}

static bool add_attr(Tree *t, const IrNode *n)
{
    if (t->nattrs == MAX_ATTRS)
        return false;
    t->attrs[t->nattrs++] = n;
    return true;
}

static bool add_local(Tree *t, const IrVar *v)
{
    if (num_leaf_index(t, v) >= 0)
        return true;
    if (t->nlocals == MAX_LEAVES)
        return false;
    t->locals[t->nlocals++] = v;
    return true;
}

bool num_assigned_in(const Tree *t, const IrVar *v)
{
    for (int i = 0; i < t->nassigned; i++)
        if (t->assigned[i] == v)
            return true;
    return false;
}

static bool add_call(const Cg *cg, const IrNode *n, Tree *t);

bool num_collect(const Cg *cg, const IrNode *n, Tree *t)
{
    if (n->kind == IR_CONST)
        return const_leaf(cg, n);
    if (n->kind == IR_CALL)
        return add_call(cg, n, t);
    if (n->kind == IR_LOAD && num_assigned_in(t, n->var))
        return true;   /* set by an earlier statement of the run */
    if (num_local_leaf(n))
        return add_local(t, n->var);
    if (attr_leaf(cg, n))
        return !num_assigned_in(t, n->kids[0]->var) && add_attr(t, n);
    if (!num_fusable_op(n) || ++t->nops > MAX_OPS)
        return false;
    for (int i = 0; i < n->nkids; i++)
        if (!num_collect(cg, n->kids[i], t))
            return false;
    return true;
}

int num_leaf_index(const Tree *t, const IrVar *v)
{
    for (int i = 0; i < t->nlocals; i++)
        if (t->locals[i] == v)
            return i;
    return -1;
}

int num_attr_index(const Tree *t, const IrNode *n)
{
    for (int i = 0; i < t->nattrs; i++)
        if (t->attrs[i] == n)
            return i;
    return -1;
}

int cg_numeric_attr_cache(const Cg *cg, const IrNode *n)
{
    const Tree *t = cg->numeric_tree;
    int i = t ? num_attr_index(t, n) : -1;
    if (i >= 0)
        return t->attr_cache[i];
    for (int k = 0; t && k < t->ncalls; k++)   /* a callee `m.sqrt` */
        if (t->calls[k]->kids[0] == n)
            return t->call_acache[k];
    return -1;
}

/* ---- calls inlined ----------------------------------------------------------- */

/* `partial_sum += eval_A(i, j) * u_j`, where the module says
 *
 *     def eval_A(i, j):
 *         return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
 *
 * A call of a global name with positional arguments only, where the
 * module binds that name once at its top level to a plain def (no
 * decorator, no *args, **kwargs or keyword-only parameter, as many
 * parameters as the call passes) whose body is one `return` of a fusable
 * tree over its parameters and constants, is a node of the tree: the tier
 * computes its arguments, then the returned tree with the parameters
 * standing for them.  The tier's guard peeks at the global (the cache the
 * generic code's load of the callee fills) and requires a compiled
 * function whose C body is that def's, with no trace or profile hook set
 * and recursion depth left (P2C_InlinableCallee): exactly the case where
 * the call would run that tree on those values.  Whatever a tier refuses —
 * another object under the name, an argument of another type, an
 * operator's failure — goes the usual way to the generic code, which makes
 * the call, so every error and traceback is the real call's.  All that is
 * skipped is the frame the call would push and pop, which no code can
 * look at since none runs. */

/* The tree fn returns, when fn's shape allows inlining (above); NULL
 * otherwise. */
const IrNode *num_returned_tree(const IrFunction *fn)
{
    if (fn->is_generator || fn->async_kind || fn->is_class || fn->fnflags
        || fn->kwonlyargcount || fn->argcount > MAX_PARAMS)
        return NULL;
    const IrNode *b = fn->body;
    if (b->nkids != 1 || b->kids[0]->kind != IR_RETURN)
        return NULL;
    return b->kids[0]->kids[0];
}

/* Parameter i of fn. */
const IrVar *num_param_var(const IrFunction *fn, int i)
{
    for (int k = 0; k < fn->nvars; k++)
        if (fn->vars[k]->kind == IR_VAR_LOCAL && fn->vars[k]->slot == i)
            return fn->vars[k];
    P2C_UNREACHABLE();
}

/* Whether fn returns a tree the tiers can compute from its parameters
 * alone. */
static bool inlinable_def(const Cg *cg, const IrFunction *fn)
{
    const IrNode *r = num_returned_tree(fn);
    Tree body = {.in_callee = true};
    if (!r || !num_collect(cg, r, &body) || body.nattrs > 0)
        return false;
    for (int i = 0; i < body.nlocals; i++) {
        const IrVar *v = body.locals[i];
        if (v->owner != fn || v->kind != IR_VAR_LOCAL || v->slot >= fn->argcount)
            return false;
    }
    return true;
}

static bool binds_name(const IrNode *s, const char *name)
{
    if ((s->kind == IR_ASSIGN || s->kind == IR_DEL) && s->var->kind == IR_VAR_GLOBAL)
        return strcmp(s->var->name, name) == 0;
    for (int i = 0; i < s->nvars; i++)
        if (strcmp(s->vars[i]->name, name) == 0)
            return true;
    return false;
}

const IrFunction **cg_numeric_inline_defs(const Cg *cg, int *count)
{
    const IrNode *body = cg->m->funcs[0]->body;
    const IrFunction **defs = xcalloc((size_t)body->nkids + 1, sizeof *defs);
    *count = 0;
    if (cg->opt->opt_level < 2)
        return defs;
    for (int i = 0; i < body->nkids; i++) {
        const IrNode *s = body->kids[i];
        if (s->kind != IR_ASSIGN || s->var->kind != IR_VAR_GLOBAL
            || s->kids[0]->kind != IR_MAKE_FUNCTION || !inlinable_def(cg, s->kids[0]->func))
            continue;
        bool once = true;
        for (int j = 0; j < body->nkids && once; j++)
            once = j == i || !binds_name(body->kids[j], s->var->name);
        if (once)
            defs[(*count)++] = s->kids[0]->func;
    }
    return defs;
}

/* The def a call inlines, or NULL. */
const IrFunction *num_inline_callee(const Cg *cg, const IrNode *call)
{
    if (call->kind != IR_CALL || call->cidx >= 0)
        return NULL;
    const IrNode *callee = call->kids[0];
    if (!cg_is_global_load(callee))
        return NULL;
    for (int i = 0; i < cg->ninline_defs; i++) {
        const IrFunction *fn = cg->inline_defs[i];
        if (strcmp(fn->name, callee->var->name) == 0)
            return fn->argcount == call->nkids - 1 ? fn : NULL;
    }
    return NULL;
}

/* ---- calls of math functions --------------------------------------------------- */

/* `norm = sqrt(x * x + y * y + z * z)`, `math.sqrt(d)`: a call of a
 * global name, or of an attribute of a global, named as a function of
 * pyc2c/math_calls.def, with one positional argument, is a node of the
 * tree.  The tier's guard peeks at the callee through the caches the
 * generic code's loads fill and requires the math module's own function
 * and no hook (P2C_Math_Callee; P2C_Math_Learn tells it from the C
 * structures of the function and its module); the tier computes it with
 * P2C_Math_<Name> (runtime/mathcalls.c), which fails — to the generic
 * code and the real call — wherever math.<name> would raise or take a
 * non-finite argument.  Its result is a float. */

static const char *const math_names[] = {
#define P2C_MATH_CALL(id, name, fn) name,
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL
};
const char *const num_math_fns[] = {
#define P2C_MATH_CALL(id, name, fn) #fn,
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL
};
const char *const num_math_ids[] = {
#define P2C_MATH_CALL(id, name, fn) "P2C_MATH_" #id,
#include "pyc2c/math_calls.def"
#undef P2C_MATH_CALL
};
enum { NMATH = sizeof math_names / sizeof *math_names };

/* The global a call's callee is, or whose attribute it is; NULL if
 * neither. */
const IrNode *num_callee_global(const IrNode *call)
{
    const IrNode *c = call->kids[0];
    if (c->kind == IR_ATTR)
        c = c->kids[0];
    return cg_is_global_load(c) ? c : NULL;
}

/* The math function (index in math_calls.def) a call makes, or -1; a
 * def the module inlines comes first. */
int num_call_math(const Cg *cg, const IrNode *call)
{
    if (call->kind != IR_CALL || call->cidx >= 0 || call->nkids != 2 || !num_callee_global(call)
        || num_inline_callee(cg, call))
        return -1;
    const IrNode *c = call->kids[0];
    const char *name = c->kind == IR_ATTR ? PyUnicode_AsUTF8(ir_const_get(cg->m, c->cidx))
                                          : c->var->name;
    for (int i = 0; name && i < NMATH; i++)
        if (strcmp(name, math_names[i]) == 0)
            return i;
    return -1;
}

/* A call's arguments join t; the call (and an inlined body's operators)
 * count as operators of t. */
static bool add_call(const Cg *cg, const IrNode *n, Tree *t)
{
    const IrFunction *fn = t->in_callee ? NULL : num_inline_callee(cg, n);
    if ((!fn && (t->in_callee || num_call_math(cg, n) < 0)) || t->ncalls == MAX_CALLS)
        return false;
    for (int i = 1; i < n->nkids; i++)
        if (!num_collect(cg, n->kids[i], t))
            return false;
    t->nops += 1;
    if (fn) {
        Tree body = {.in_callee = true};
        num_collect(cg, num_returned_tree(fn), &body);
        t->nops += body.nops;
    }
    if (t->nops > MAX_OPS)
        return false;
    t->calls[t->ncalls++] = n;
    return true;
}

/* An operator, or a call inlined or of a math function: what a fused
 * tree is rooted at. */
bool num_fusable_root(const Cg *cg, const IrNode *n)
{
    return num_fusable_op(n) || num_inline_callee(cg, n) || num_call_math(cg, n) >= 0;
}

int cg_numeric_global_cache(const Cg *cg, const IrNode *load)
{
    const Tree *t = cg->numeric_tree;
    for (int i = 0; t && i < t->ncalls; i++)
        if (num_callee_global(t->calls[i]) == load)
            return t->call_cache[i];
    return -1;
}

/* Gives each attribute leaf of t its site's cache, and each inlined call
 * the cache of its callee's load: the one an enclosing fused store already
 * peeks at (whose generic statement t is part of), else a new one. */
void num_assign_attr_caches(Cg *cg, Tree *t)
{
    for (int i = 0; i < t->nattrs; i++) {
        int k = -1;
        if (t->attrs[i]->kind == IR_ATTR && (k = cg_numeric_attr_cache(cg, t->attrs[i])) < 0)
            k = (*cg->nattr_caches)++;
        t->attr_cache[i] = k;
    }
    for (int i = 0; i < t->ncalls; i++) {
        const IrNode *callee = t->calls[i]->kids[0];
        int k = cg_numeric_global_cache(cg, num_callee_global(t->calls[i]));
        t->call_cache[i] = k >= 0 ? k : (*cg->nglobal_caches)++;
        t->call_acache[i] = -1;
        if (callee->kind == IR_ATTR && (k = cg_numeric_attr_cache(cg, callee)) < 0)
            k = (*cg->nattr_caches)++;
        if (callee->kind == IR_ATTR)
            t->call_acache[i] = k;
    }
}
