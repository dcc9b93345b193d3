/* numeric.c — arithmetic trees computed in C numbers, boxed once.
 *
 * CPython evaluates `dt * ((dx * dx + dy * dy) ** -1.5)` one operator at a
 * time, allocating an object for every intermediate result.  When an
 * expression is a tree of arithmetic operators whose leaves are constants,
 * local variables (or cells), attributes of those (`self.x`) and items of
 * local variables at constant indexes (`v[0]`), it is compiled twice:
 *
 *   if (every local leaf is bound, every attribute leaf is answered by its
 *       site's cache without running code (P2C_LoadAttrPeek), every item
 *       leaf is in range of an exact list or tuple (P2C_PeekItem), and
 *       each is an exact float or a small exact int)
 *       every operator on P2C_Num values (pyc2c/numeric.h); box the result
 *   else p2c_slow: the generic code, operator by operator
 *
 * Reading the leaves that way runs no code and changes nothing, so doing it
 * first is unobservable.  An attribute leaf's site keeps one cache, used by
 * the fast path's peek and filled by the generic code's load.
 *
 * Each P2C_Num operation does what CPython's int or float operation does
 * for its operands, and fails — sending control to the generic code —
 * wherever CPython could answer otherwise or raise.  The generic code
 * recomputes from the leaves, unchanged since nothing ran in between, so
 * every result, error and traceback is CPython's own.  The generated C is
 * built with -ffp-contract=off: each float operation rounds as the
 * interpreter's does.
 *
 * Which expressions are such trees, and which calls inside them are
 * computed here (small defs inlined, math functions): numtree.c.  This
 * file writes the tiers, runs of assignments and fused stores.
 */
#include "cgen_int.h"            /* Python.h first */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/lir.h"
#include "numeric_int.h"
#include "pyc2c/compiler/xalloc.h"

/* ---- the fast paths ---------------------------------------------------------- */

/* Up to three tiers compute a tree in C before the generic code.  A typed
 * tier assumes every leaf an exact float (the float tier), every leaf a
 * small exact int (the int tier), or each leaf one of the two (the split
 * tier: an int where an operator that has only an int form needs it, //,
 * %, a bitwise one — through +, -, * and the parameters of inlined calls —,
 * a float elsewhere): each value then has a C type known to the compiler,
 * a double or a long, and each operator is one C operation or an inline
 * check, with no operand tags to test (nbody's trees are all floats,
 * spectral_norm's `partial_sum += eval_A(i, j) * u_j` ints i and j and
 * floats partial_sum and u_j).
 * A typed tier's guards fail to the next tier; the last is the mixed tier,
 * P2C_Num values tagged int or float (pyc2c/numeric.h), whose guards fail
 * to the generic code.  An operator's own failure in a typed tier (an
 * overflow, a zero divisor, a power that is not a finite float) would fail
 * the mixed tier the same way, so it goes to the generic code directly. */

typedef enum { TY_NONE, TY_INT, TY_FLOAT } Ty;
enum { TIER_FLOAT, TIER_INT, TIER_SPLIT, TIER_MIXED, NTIERS };

/* The type a tier gives each local leaf (l) and each attribute or item
 * leaf (a) of tree t. */
typedef struct {
    const struct CgNumTree *t;
    Ty l[MAX_LEAVES], a[MAX_ATTRS];
} Leaves;

static void leaves_all(Leaves *lv, const struct CgNumTree *t, Ty ty)
{
    lv->t = t;
    for (int i = 0; i < MAX_LEAVES; i++)
        lv->l[i] = ty;
    for (int i = 0; i < MAX_ATTRS; i++)
        lv->a[i] = ty;
}

/* The type of an operator's result in a typed tier, from its operands'
 * (the C semantics of int and float operations); TY_NONE: the operator
 * has no typed form there (// and % of floats keep CPython's float rules
 * for the generic code, bitwise operators take ints only). */
static Ty op_type(const IrNode *n, Ty a, Ty b)
{
    if (a == TY_NONE)
        return TY_NONE;
    if (n->kind == IR_UNARY)
        return n->op == IR_UNARY_INVERT && a != TY_INT ? TY_NONE : a;
    if (b == TY_NONE)
        return TY_NONE;
    bool ints = a == TY_INT && b == TY_INT;
    switch (n->op) {
    case IR_BINOP_ADD: case IR_BINOP_SUB: case IR_BINOP_MULT:
        return ints ? TY_INT : TY_FLOAT;
    case IR_BINOP_DIV:
        return TY_FLOAT;
    case IR_BINOP_POW:
        return ints ? TY_NONE : TY_FLOAT;
    default:   /* //, %, &, |, ^, <<, >> */
        return ints ? TY_INT : TY_NONE;
    }
}

/* A constant's type; an int beyond 2**53 would need CPython's rounding to
 * meet a float: no typed tier. */
static Ty const_type(const Cg *cg, const IrNode *n)
{
    PyObject *v = ir_const_get(cg->m, n->cidx);
    if (PyFloat_CheckExact(v))
        return TY_FLOAT;
    long i = PyLong_AsLong(v);
    return i >= -(1L << 53) && i <= (1L << 53) ? TY_INT : TY_NONE;
}

/* The types of the variables a run has assigned so far. */
typedef struct {
    const IrVar *vars[MAX_RUN];
    Ty ty[MAX_RUN];
    int n;
} TyEnv;

static Ty env_type(const TyEnv *env, const IrVar *v)
{
    for (int i = env->n - 1; i >= 0; i--)
        if (env->vars[i] == v)
            return env->ty[i];
    return TY_NONE;
}

static void env_set(TyEnv *env, const IrVar *v, Ty t)
{
    for (int i = 0; i < env->n; i++)
        if (env->vars[i] == v) {
            env->ty[i] = t;
            return;
        }
    env->vars[env->n] = v;
    env->ty[env->n++] = t;
}

static Ty call_type(const Cg *cg, const IrNode *n, const Leaves *lv, const TyEnv *env);

/* n's type when the leaves have the types lv gives (num_collect() accepted
 * n); env: the variables a run assigned so far, or an inlined body's
 * parameters. */
static Ty node_type(const Cg *cg, const IrNode *n, const Leaves *lv, const TyEnv *env)
{
    if (n->kind == IR_CONST)
        return const_type(cg, n);
    if (n->kind == IR_CALL)
        return call_type(cg, n, lv, env);
    if (n->kind == IR_LOAD) {
        Ty t = env ? env_type(env, n->var) : TY_NONE;
        int i = num_leaf_index(lv->t, n->var);
        return t != TY_NONE ? t : i >= 0 ? lv->l[i] : TY_NONE;
    }
    if (n->kind == IR_ATTR || n->kind == IR_SUBSCR) {
        int i = num_attr_index(lv->t, n);
        return i >= 0 ? lv->a[i] : TY_NONE;
    }
    Ty a = node_type(cg, n->kids[0], lv, env);
    Ty b = n->nkids > 1 ? node_type(cg, n->kids[1], lv, env) : TY_NONE;
    return op_type(n, a, b);
}

/* An inlined call's type: its body's, each parameter of its argument's
 * type. */
static Ty call_type(const Cg *cg, const IrNode *n, const Leaves *lv, const TyEnv *env)
{
    const IrFunction *fn = num_inline_callee(cg, n);
    if (!fn)   /* a math function: of an int or a float, a float */
        return node_type(cg, n->kids[1], lv, env) == TY_NONE ? TY_NONE : TY_FLOAT;
    TyEnv params = {.n = 0};
    for (int i = 0; i < fn->argcount; i++) {
        Ty a = node_type(cg, n->kids[i + 1], lv, env);
        if (a == TY_NONE)
            return TY_NONE;
        env_set(&params, num_param_var(fn, i), a);
    }
    return node_type(cg, num_returned_tree(fn), lv, &params);
}

/* The split tier's leaf types: which leaves an int-only operator needs as
 * ints.  want: n's value must be an int; params: when n is in an inlined
 * body, which of its parameters must be (filled), else NULL. */
static bool int_only(const IrNode *n)
{
    if (n->kind == IR_UNARY)
        return n->op == IR_UNARY_INVERT;
    switch (n->op) {
    case IR_BINOP_ADD: case IR_BINOP_SUB: case IR_BINOP_MULT:
    case IR_BINOP_DIV: case IR_BINOP_POW:
        return false;
    default:
        return true;
    }
}

static void demand(const Cg *cg, const IrNode *n, bool want, Leaves *lv,
                   const IrFunction *callee, bool *params)
{
    if (n->kind == IR_CONST)
        return;
    if (n->kind == IR_LOAD) {
        int i = callee ? -1 : num_leaf_index(lv->t, n->var);
        if (callee && n->var->owner == callee && want)
            params[n->var->slot] = true;
        if (i >= 0 && want)
            lv->l[i] = TY_INT;
        return;
    }
    if (n->kind == IR_ATTR || n->kind == IR_SUBSCR) {
        int i = num_attr_index(lv->t, n);
        if (i >= 0 && want)
            lv->a[i] = TY_INT;
        return;
    }
    if (n->kind == IR_CALL) {
        const IrFunction *fn = num_inline_callee(cg, n);
        bool need[MAX_PARAMS] = {false};
        if (fn)
            demand(cg, num_returned_tree(fn), want, lv, fn, need);
        for (int i = 1; i < n->nkids; i++)
            demand(cg, n->kids[i], fn && need[i - 1], lv, callee, params);
        return;
    }
    bool pass = n->kind == IR_UNARY ? want || int_only(n)
                : int_only(n) ? true
                : n->op == IR_BINOP_DIV || n->op == IR_BINOP_POW ? false : want;
    for (int i = 0; i < n->nkids; i++)
        demand(cg, n->kids[i], pass, lv, callee, params);
}

/* Whether n holds a sign that its leaves are floats: a float constant, a
 * true division or a power. */
static bool float_hint(const Cg *cg, const IrNode *n)
{
    if (n->kind == IR_CONST)
        return PyFloat_CheckExact(ir_const_get(cg->m, n->cidx));
    if ((n->kind == IR_BINOP || n->kind == IR_INPLACE)
        && (n->op == IR_BINOP_DIV || n->op == IR_BINOP_POW))
        return true;
    if (n->kind == IR_CALL
        && (!num_inline_callee(cg, n) || float_hint(cg, num_returned_tree(num_inline_callee(cg, n)))))
        return true;   /* a math function, or a body hinting at floats */
    for (int i = 0; i < n->nkids; i++)
        if (float_hint(cg, n->kids[i]))
            return true;
    return false;
}

/* Whether fused trees are written here: at -O2, not inside a fused tree's
 * own generic code, and not in a huge function (cg->huge), whose C is
 * written for gcc's time (docs/compile-scaling.md, part 7): every tier is
 * a second copy of the tree's code, and the generic code alone computes
 * the same. */
static bool fusion_allowed(const Cg *cg)
{
    return cg->opt->opt_level >= 2 && !cg->in_numeric_slow && !cg->huge;
}

bool cg_huge_function(IrFunction *fn)
{
    const char *s = getenv("PYC2C_HUGE_WEIGHT");
    long limit = s && atol(s) > 0 ? atol(s) : CGEN_HUGE_FUNCTION_WEIGHT;
    return cg_weight(fn->body) > limit;
}

/* Which tiers to emit for trees[0..k), assigned in turn to dests[] (a
 * run), or one tree (dests NULL).  A typed tier where every value has a
 * type (for an item store, float_result: a float).  The int tier is left
 * out when the float one exists and the code hints at floats, so that most
 * trees are compiled three times, not four; a tree without leaves has no
 * guard to fail, so no typed tier. */
static void plan_tiers(const Cg *cg, const Tree *tree, const IrNode *const *trees,
                       const IrVar *const *dests, int k, bool float_result,
                       bool tiers[NTIERS], Leaves leaves[NTIERS])
{
    for (int t = 0; t < NTIERS; t++)
        tiers[t] = false;
    tiers[TIER_MIXED] = true;
    leaves_all(&leaves[TIER_MIXED], tree, TY_NONE);
    if (tree->nlocals + tree->nattrs == 0)
        return;
    leaves_all(&leaves[TIER_FLOAT], tree, TY_FLOAT);
    leaves_all(&leaves[TIER_INT], tree, TY_INT);
    leaves_all(&leaves[TIER_SPLIT], tree, TY_FLOAT);
    for (int i = 0; i < k; i++)
        demand(cg, trees[i], false, &leaves[TIER_SPLIT], NULL, NULL);
    int nint = 0;
    for (int i = 0; i < tree->nlocals; i++)
        nint += leaves[TIER_SPLIT].l[i] == TY_INT;
    for (int i = 0; i < tree->nattrs; i++)
        nint += leaves[TIER_SPLIT].a[i] == TY_INT;
    for (int t = TIER_FLOAT; t <= TIER_SPLIT; t++) {
        if (t == TIER_SPLIT && (nint == 0 || nint == tree->nlocals + tree->nattrs))
            continue;   /* the float or the int tier */
        TyEnv env = {.n = 0};
        bool ok = true;
        for (int i = 0; i < k && ok; i++) {
            Ty ty = node_type(cg, trees[i], &leaves[t], &env);
            ok = ty != TY_NONE && (!float_result || ty == TY_FLOAT);
            if (dests && dests[i])
                env_set(&env, dests[i], ty);
        }
        tiers[t] = ok;
    }
    bool hint = false;
    for (int i = 0; i < k; i++)
        hint |= float_hint(cg, trees[i]);
    if ((tiers[TIER_FLOAT] || tiers[TIER_SPLIT]) && hint)
        tiers[TIER_INT] = false;
}

typedef struct {
    Cg *cg;
    const Tree *tree;
    int label;             /* p2c_slow<label>: the generic code */
    bool tiers[NTIERS];    /* the tiers emitted */
    Leaves leaves[NTIERS]; /* the types each gives the leaves */
    int tier;              /* the one being emitted */
    /* the tier's code, guards to stores, as a low-level IR fragment
     * (pyc2c/compiler/lir.h), printed as C by flush_lir; its leaves'
     * registers */
    LirFragment *lir;
    int flushed;           /* its first block not printed yet */
    int line;              /* the tree's, for messages */
    int lreg[MAX_LEAVES], areg[MAX_ATTRS];
    int nvals;             /* computed values p2c_n0.. (p2c_fn0.., p2c_in0..) */
    /* a run: each variable assigned so far, the C variable holding its
     * value (p2c_n<val>) and its type, and whether a later load moved it
     * out (a temporary: nothing to store) */
    const IrVar *vars[MAX_RUN];
    LirValue val[MAX_RUN];
    bool moved[MAX_RUN];
    int nvars;
    /* an inlined call's body being emitted: its function, and the C value
     * and the type of each of its parameters */
    const IrFunction *callee;
    LirValue param[MAX_PARAMS];
} Fast;

/* Each tier's C names, prefixes of p2c_l0 (a local leaf), p2c_a0 (an
 * attribute or item leaf), p2c_n0 (a computed value), p2c_b0 (a boxed
 * result), and its leaves' type. */
static const char *const tier_prefix[NTIERS] = {"f", "i", "s", ""};
static const char *const tier_label[NTIERS] = {"p2c_float", "p2c_int", "p2c_split", "p2c_mixed"};

static const char *tier(const Fast *fp) { return tier_prefix[fp->tier]; }
static bool typed(const Fast *fp) { return fp->tier != TIER_MIXED; }

/* A value of type t in the tier's fragment: a C double, long or P2C_Num. */
static LirType lir_type(Ty t)
{
    return t == TY_FLOAT ? LT_F64 : t == TY_INT ? LT_I64 : LT_NUM;
}

static Ty ty_of(LirType t)
{
    return t == LT_F64 ? TY_FLOAT : t == LT_I64 ? TY_INT : TY_NONE;
}

/* The operation reading a leaf of type t (numeric.h). */
static LirOpcode unbox_op(Ty t)
{
    return t == TY_FLOAT ? LIR_UNBOX_F64 : t == TY_INT ? LIR_UNBOX_I64 : LIR_UNBOX_NUM;
}

/* Where a failed guard goes: the next tier emitted. */
static int guard_fail(const Fast *fp)
{
    char label[32];
    int t = fp->tier + 1;
    while (t < NTIERS && !fp->tiers[t])
        t++;
    snprintf(label, sizeof label, "%s%d", t < NTIERS ? tier_label[t] : "p2c_slow", fp->label);
    return lir_exit(fp->lir, label);
}

/* Where an operator's own failure goes: the generic code. */
static int op_fail(const Fast *fp)
{
    char label[32];
    snprintf(label, sizeof label, "p2c_slow%d", fp->label);
    return lir_exit(fp->lir, label);
}

/* A new register of type ty for a computed value, p2c_<tier>n<k>. */
static int new_value(Fast *fp, Ty ty)
{
    return lir_reg_new(fp->lir, lir_type(ty), "p2c_%sn%d", tier(fp), fp->nvals++);
}

static LirValue reg(const Fast *fp, int r)
{
    return lir_reg(fp->lir, r);
}

static const LirValue NONE = {.kind = LV_NONE};

static void emit_line_cb(void *e, const char *text)
{
    emit_line(e, "%s", text);
}

/* The blocks of the tier's fragment not yet printed through the low-level
 * IR's passes (given their landing pads, checked before and after; printed
 * where --dump-ir asks), then printed as C; a new block follows, for what
 * the tier computes after the C text written in between. */
static void flush_lir(Fast *fp)
{
    char msg[512];
    const CgenOptions *o = fp->cg->opt;
    LirDump dump = {o->dump_lir ? o->dump_lir_pass : NULL, o->dump_lir_before, stdout};
    if (lir_run_passes(fp->lir, fp->flushed, &dump, msg, sizeof msg) != 0) {
        if (!fp->cg->failed)
            diag_error_at(fp->cg->m->filename, fp->line,
                          "internal error: the low-level IR fails verification: %s", msg);
        fp->cg->failed = true;
        return;
    }
    lir_emit_c(fp->lir, fp->flushed, emit_line_cb, fp->cg->out);
    if (fp->lir->blocks[fp->lir->nblocks - 1].n > 0)
        lir_block_new(fp->lir);
    fp->flushed = fp->lir->nblocks - 1;
}

static int run_var(const Fast *fp, const IrVar *v)
{
    for (int i = 0; i < fp->nvars; i++)
        if (fp->vars[i] == v)
            return i;
    return -1;
}

/* A constant: an immediate of the tier's type. */
static LirValue emit_const(Fast *fp, const IrNode *n)
{
    PyObject *v = ir_const_get(fp->cg->m, n->cidx);
    if (PyFloat_CheckExact(v))
        return lir_f64(typed(fp) ? LT_F64 : LT_NUM, PyFloat_AS_DOUBLE(v));
    return lir_i64(typed(fp) ? LT_I64 : LT_NUM, PyLong_AsLong(v));
}

/* An int operand x of a float operation, as a double (a constant is
 * exact: const_type() checked it). */
static LirValue emit_to_double(Fast *fp, LirValue x)
{
    if (x.kind == LV_I64)
        return lir_i64(LT_F64, x.u.i);
    int d = lir_reg_new(fp->lir, LT_F64, "p2c_%sx%d", tier(fp), fp->nvals++);
    return reg(fp, lir_add(fp->lir, LIR_I64_TO_F64, d, x, NONE, op_fail(fp)));
}

/* The operation of operator n in a typed tier of result type r. */
static LirOpcode typed_op(const IrNode *n, Ty r)
{
    if (n->kind == IR_UNARY) {
        if (n->op == IR_UNARY_INVERT)
            return LIR_I64_INVERT;
        if (n->op == IR_UNARY_USUB)
            return r == TY_INT ? LIR_I64_NEG : LIR_F64_NEG;
        return r == TY_INT ? LIR_I64_POS : LIR_F64_POS;
    }
    bool i = r == TY_INT;
    switch (n->op) {
    case IR_BINOP_ADD:      return i ? LIR_I64_ADD : LIR_F64_ADD;
    case IR_BINOP_SUB:      return i ? LIR_I64_SUB : LIR_F64_SUB;
    case IR_BINOP_MULT:     return i ? LIR_I64_MUL : LIR_F64_MUL;
    case IR_BINOP_DIV:      return LIR_F64_DIV;
    case IR_BINOP_POW:      return LIR_F64_POW;
    case IR_BINOP_FLOORDIV: return LIR_I64_FLOORDIV;
    case IR_BINOP_MOD:      return LIR_I64_MOD;
    case IR_BINOP_LSHIFT:   return LIR_I64_LSHIFT;
    case IR_BINOP_RSHIFT:   return LIR_I64_RSHIFT;
    case IR_BINOP_BITAND:   return LIR_I64_AND;
    case IR_BINOP_BITOR:    return LIR_I64_OR;
    case IR_BINOP_BITXOR:   return LIR_I64_XOR;
    default:                P2C_UNREACHABLE();
    }
}

/* The operation of operator n on tagged numbers (the mixed tier). */
static LirOpcode num_op(const IrNode *n)
{
    if (n->kind == IR_UNARY)
        return n->op == IR_UNARY_USUB ? LIR_NUM_NEG : n->op == IR_UNARY_INVERT ? LIR_NUM_INVERT
                                                                               : LIR_NUM_POS;
    switch (n->op) {
    case IR_BINOP_ADD:      return LIR_NUM_ADD;
    case IR_BINOP_SUB:      return LIR_NUM_SUB;
    case IR_BINOP_MULT:     return LIR_NUM_MUL;
    case IR_BINOP_DIV:      return LIR_NUM_TRUEDIV;
    case IR_BINOP_FLOORDIV: return LIR_NUM_FLOORDIV;
    case IR_BINOP_MOD:      return LIR_NUM_MOD;
    case IR_BINOP_POW:      return LIR_NUM_POW;
    case IR_BINOP_BITAND:   return LIR_NUM_AND;
    case IR_BINOP_BITOR:    return LIR_NUM_OR;
    case IR_BINOP_BITXOR:   return LIR_NUM_XOR;
    case IR_BINOP_LSHIFT:   return LIR_NUM_LSHIFT;
    case IR_BINOP_RSHIFT:   return LIR_NUM_RSHIFT;
    default:                P2C_UNREACHABLE();
    }
}

/* Operation op into a new value of type r; an operation that can fail
 * (an overflow, a zero divisor...) goes to the generic code. */
static LirValue emit_op(Fast *fp, LirOpcode op, Ty r, LirValue a, LirValue b)
{
    int exit = lir_ops[op].fails == LIR_NEVER ? -1 : op_fail(fp);
    return reg(fp, lir_add(fp->lir, op, new_value(fp, r), a, b, exit));
}

static LirValue emit_node(Fast *fp, const IrNode *n);

/* A math function's call: its argument as a double, the function. */
static LirValue emit_math(Fast *fp, const IrNode *n)
{
    LirValue fn = lir_sym(fp->lir, num_math_fns[num_call_math(fp->cg, n)]);
    LirValue a = emit_node(fp, n->kids[1]);
    if (!typed(fp))
        return emit_op(fp, LIR_NUM_MATH, TY_NONE, a, fn);
    if (a.type == LT_I64)
        a = emit_to_double(fp, a);
    return emit_op(fp, LIR_F64_MATH, TY_FLOAT, a, fn);
}

/* An inlined call: its arguments, then its body on them. */
static LirValue emit_call(Fast *fp, const IrNode *n)
{
    const IrFunction *fn = num_inline_callee(fp->cg, n);
    if (!fn)
        return emit_math(fp, n);
    LirValue arg[MAX_PARAMS];
    for (int i = 0; i < fn->argcount; i++)
        arg[i] = emit_node(fp, n->kids[i + 1]);
    fp->callee = fn;   /* after the arguments, which may inline calls too */
    for (int i = 0; i < fn->argcount; i++)
        fp->param[i] = arg[i];
    LirValue r = emit_node(fp, num_returned_tree(fn));
    fp->callee = NULL;
    return r;
}

/* The value of n in the tier: a constant, a leaf's register, or a new
 * register computed here (failure jumps to the generic code). */
static LirValue emit_node(Fast *fp, const IrNode *n)
{
    if (n->kind == IR_CONST)
        return emit_const(fp, n);
    if (n->kind == IR_CALL)
        return emit_call(fp, n);
    if (n->kind == IR_LOAD && fp->callee && n->var->owner == fp->callee)
        return fp->param[n->var->slot];
    int rv = n->kind == IR_LOAD ? run_var(fp, n->var) : -1;
    if (rv >= 0) {
        if (n->last_use)
            fp->moved[rv] = true;
        return fp->val[rv];
    }
    if (num_local_leaf(n))
        return reg(fp, fp->lreg[num_leaf_index(fp->tree, n->var)]);
    if (n->kind == IR_ATTR || n->kind == IR_SUBSCR)
        return reg(fp, fp->areg[num_attr_index(fp->tree, n)]);
    LirValue a = emit_node(fp, n->kids[0]), b = NONE;
    if (n->nkids > 1)
        b = emit_node(fp, n->kids[1]);
    if (!typed(fp))
        return emit_op(fp, num_op(n), TY_NONE, a, b);
    Ty r = op_type(n, ty_of(a.type), n->nkids > 1 ? ty_of(b.type) : TY_NONE);
    if (r == TY_FLOAT && a.type == LT_I64)
        a = emit_to_double(fp, a);
    if (r == TY_FLOAT && b.type == LT_I64)
        b = emit_to_double(fp, b);
    return emit_op(fp, typed_op(n, r), r, a, b);
}

/* The store whose list item item leaf i reads (the same variable's list,
 * the same index), or -1.  Its place (emit_store_places), found before the
 * guards, is where the leaf is read: no second search of the list. */
static int item_place(const Cg *cg, const Tree *t, int i)
{
    const IrNode *a = t->attrs[i];
    if (a->kind != IR_SUBSCR)
        return -1;
    Py_ssize_t k = PyLong_AsSsize_t(ir_const_get(cg->m, a->kids[1]->cidx));
    for (int j = 0; j < t->nstores; j++)
        if (t->store_obj[j] == num_resolve(t, a->kids[0]->var) && t->store_key[j] == k)
            return j;
    return -1;
}

/* The guard: every local leaf and every attribute leaf a number (in a
 * typed tier: of its type), each read into its register. */
static void emit_guards(Fast *fp)
{
    Cg *cg = fp->cg;
    LirFragment *F = fp->lir;
    const Tree *t = fp->tree;
    const Leaves *lt = &fp->leaves[fp->tier];
    const char *T = tier(fp);
    /* the callees first: where they cannot pass (3.10 peeks at no global),
     * each tier fails at once */
    for (int i = 0; i < t->ncalls; i++) {
        const IrNode *callee = t->calls[i]->kids[0];
        int g = lir_add(F, LIR_PEEK_GLOBAL, lir_reg_new(F, LT_OBJ, "p2c_%sg%d", T, i),
                        lir_i64(LT_I64, t->call_cache[i]),
                        lir_i64(LT_I64, num_callee_global(t->calls[i])->var->name_cidx), -1);
        const IrFunction *fn = num_inline_callee(cg, t->calls[i]);
        if (fn) {
            char impl[64];
            cg_func_cname(fn, impl, sizeof impl);
            lir_add(F, LIR_GUARD_INLINABLE, -1, reg(fp, g), lir_sym(F, impl), guard_fail(fp));
            continue;
        }
        if (callee->kind == IR_ATTR)
            g = lir_add(F, LIR_PEEK_ATTR, lir_reg_new(F, LT_OBJ, "p2c_%sh%d", T, i),
                        lir_i64(LT_I64, t->call_acache[i]), reg(fp, g), -1);
        lir_add(F, LIR_GUARD_MATH, -1, reg(fp, g),
                lir_sym(F, num_math_ids[num_call_math(cg, t->calls[i])]), guard_fail(fp));
    }
    for (int i = 0; i < t->nlocals; i++) {
        char lv[64];
        num_leaf_value(cg, t, t->locals[i], lv, sizeof lv);
        fp->lreg[i] = lir_add(F, unbox_op(lt->l[i]),
                              lir_reg_new(F, lir_type(lt->l[i]), "p2c_%sl%d", T, i),
                              lir_c(F, LT_OBJ, "%s", lv), NONE, guard_fail(fp));
    }
    for (int i = 0; i < t->nattrs; i++) {
        const IrNode *a = t->attrs[i];
        char obj[64];
        num_leaf_value(cg, t, a->kids[0]->var, obj, sizeof obj);
        int place = item_place(cg, t, i);
        LirValue peek;
        if (place >= 0) {
            peek = lir_c(F, LT_OBJ, "*p2c_%sp%d", T, place);
        } else {
            peek = lir_c(F, LT_OBJ, "p2c_k%d", i);   /* emit_leaf_peeks' */
        }
        fp->areg[i] = lir_add(F, unbox_op(lt->a[i]),
                              lir_reg_new(F, lir_type(lt->a[i]), "p2c_%sa%d", T, i), peek, NONE,
                              guard_fail(fp));
    }
}

/* Reads every attribute and item leaf that no store of the run writes
 * (those are read through their places, per tier) into p2c_k<i>, once for
 * all tiers: a typed tier whose guard fails hands the same reads to the
 * next, since nothing ran in between.  (Each tier peeked again before: an
 * int attribute's `self.n += 1` searched its site's cache twice a time, the
 * float tier's peek failing on the int.)  false when the tree has none. */
static bool emit_leaf_peeks(Fast *fp)
{
    Cg *cg = fp->cg;
    const Tree *t = fp->tree;
    char what[64];
    snprintf(what, sizeof what, "leaf reads at line %d", fp->line);
    fp->lir = lir_fragment_new(what, true);
    fp->flushed = 0;
    int n = 0;
    for (int i = 0; i < t->nattrs; i++) {
        const IrNode *a = t->attrs[i];
        if (item_place(cg, t, i) >= 0)
            continue;
        char obj[64];
        num_leaf_value(cg, t, a->kids[0]->var, obj, sizeof obj);
        int k = lir_reg_new(fp->lir, LT_OBJ, "p2c_k%d", i);
        if (a->kind == IR_ATTR)
            lir_add(fp->lir, LIR_PEEK_ATTR, k, lir_i64(LT_I64, t->attr_cache[i]),
                    lir_c(fp->lir, LT_OBJ, "%s", obj), -1);
        else
            lir_add(fp->lir, LIR_PEEK_ITEM, k, lir_c(fp->lir, LT_OBJ, "%s", obj),
                    lir_i64(LT_I64, PyLong_AsLong(ir_const_get(cg->m, a->kids[1]->cidx))),
                    -1);
        n++;
    }
    if (n > 0) {
        emit_line(cg->out, "{");
        cg->out->indent++;
        flush_lir(fp);
    }
    lir_fragment_free(fp->lir);
    fp->lir = NULL;
    return n > 0;
}

/* Emits each planned tier, closing the one before and placing the label
 * its guards fail to; emit(fp, arg) writes one tier's code, which ends in
 * a jump.  The leaf reads they share come first, in a block around them. */
static void emit_tiers(Fast *fp, void (*emit)(Fast *, const void *), const void *arg)
{
    Emitter *e = fp->cg->out;
    int site = fp->cg->cur_site;
    bool first = true;
    bool peeked = emit_leaf_peeks(fp);
    for (int t = 0; t < NTIERS; t++) {
        if (!fp->tiers[t])
            continue;
        if (!first)
            emit_line(e, "%s%d:;", tier_label[t], fp->label);
        first = false;
        fp->tier = t;
        fp->nvals = fp->nvars = 0;
        fp->cg->cur_site = site;   /* each tier is entered from the same site */
        char what[64];
        snprintf(what, sizeof what, "%s tier at line %d", tier_label[t] + 4, fp->line);
        fp->lir = lir_fragment_new(what, true);
        fp->flushed = 0;
        emit_line(e, "{");
        e->indent++;
        emit(fp, arg);
        flush_lir(fp);   /* what the tier left unprinted: nothing if it ends in C text */
        lir_emit_pads(fp->lir, emit_line_cb, e);   /* after the tier's last jump */
        e->indent--;
        emit_line(e, "}");
        lir_fragment_free(fp->lir);
        fp->lir = NULL;
    }
    if (peeked) {
        e->indent--;
        emit_line(e, "}");
    }
}

/* One tier of a single tree: the guard and the computation, the boxed
 * result in r. */
typedef struct {
    const IrNode *n;
    const CVal *r;
} TreeArgs;

static LirOpcode box_op(LirType t)
{
    return t == LT_F64 ? LIR_BOX_F64 : t == LT_I64 ? LIR_BOX_I64 : LIR_BOX_NUM;
}

/* The site of pos, set unless it is the site already (cg_site). */
static void emit_site(Fast *fp, IrPos pos)
{
    int k = cg_site_index(fp->cg, pos);
    if (k == fp->cg->cur_site)
        return;
    lir_add(fp->lir, LIR_SET_SITE, -1, lir_i64(LT_I64, k), NONE, -1);
    fp->cg->cur_site = k;
}

static void emit_tree_tier(Fast *fp, const void *arg)
{
    const TreeArgs *ta = arg;
    LirFragment *F = fp->lir;
    emit_guards(fp);
    LirValue v = emit_node(fp, ta->n);
    emit_site(fp, ta->n->pos);   /* a MemoryError from boxing */
    int b = lir_add(F, box_op(v.type), lir_reg_new(F, LT_OWNED, "p2c_%sr%d", tier(fp), fp->label),
                    v, NONE, lir_exit(F, cg_error_label(fp->cg)));
    lir_add(F, LIR_MOVE_OUT, -1, reg(fp, b), lir_sym(F, ta->r->c), -1);
    flush_lir(fp);
    emit_line(fp->cg->out, "goto p2c_done%d;", fp->label);
}

/* ---- the whole expression ------------------------------------------------------ */

bool cg_numeric_fusable(Cg *cg, const IrNode *n)
{
    if (!fusion_allowed(cg) || !num_fusable_root(cg, n))
        return false;
    Tree t = {.nlocals = 0};
    if (!num_collect(cg, n, &t) || t.nlocals + t.nattrs == 0)
        return false;
    /* One operator alone costs as much fused as generic, but a math call
     * alone does not: the generic call goes through vectorcall and, for an
     * int argument, makes and drops a float (`sin(i)`). */
    return t.nops >= 2 || num_call_math(cg, n) >= 0;
}

CVal cg_numeric(Cg *cg, IrNode *n)
{
    Tree t = {.nlocals = 0};
    num_collect(cg, n, &t);
    num_assign_attr_caches(cg, &t);
    Fast fp = {.cg = cg, .tree = &t, .label = cg_label_new(cg), .line = n->pos.line};
    int site = cg->cur_site;
    CVal r = cg_tmp_new(cg);
    Emitter *e = cg->out;
    const IrNode *trees[1] = {n};
    plan_tiers(cg, &t, trees, NULL, 1, false, fp.tiers, fp.leaves);
    TreeArgs args = {n, &r};
    emit_tiers(&fp, emit_tree_tier, &args);
    emit_line(e, "p2c_slow%d:;", fp.label);
    cg->cur_site = site;   /* every jump here leaves before the fast path's site */
    const Tree *outer = cg->numeric_tree;   /* a fused store's, this tree's caches too */
    cg->in_numeric_slow = true;
    cg->numeric_tree = &t;       /* its attribute loads use the peeked caches */
    CVal v = cg_expr(cg, n, false);
    cg->numeric_tree = outer;
    cg->in_numeric_slow = false;
    cg_move(cg, r.c, &v);
    emit_line(e, "p2c_done%d:;", fp.label);
    cg->cur_site = -1;     /* the two paths set different sites */
    return r;
}

/* ---- runs of assignments ------------------------------------------------------- */

/* `dx = x1 - x2; dy = y1 - y2; d2 = dx * dx + dy * dy` : statements that
 * each assign a local (or a temporary) a fusable tree, or copy a value an
 * earlier one of them made (`zr = move($t3)` of a tuple assignment), are
 * computed together: one guard over the leaves the run reads from slots,
 * every tree in P2C_Num values (a later tree reads an earlier result from
 * its C variable, not from the slot), then each variable's final value
 * stored once.  Nothing else runs in between, so no code can look at the
 * frame while the slots lag behind: a call, an attribute store, a line
 * event, anything else ends the run.  A store reuses the variable's old
 * float when only the variable holds it (its value is overwritten: no
 * allocation, no deallocation); the guard also requires every assigned
 * variable's old value to be unbound, an exact float or an exact int, so
 * releasing it runs no code.  Where any check fails the run's statements
 * run generically from the first, on unchanged slots.
 *
 * A run also takes stores of fusable trees into items of lists at constant
 * indexes (`v1[0] -= dx * b2m`, `r[0] = dt * vx`; nbody's), each written
 * after every value is computed, as the fused store below writes it, into
 * a list item whose old value the guard found an exact float or int.  The
 * list is a local the run does not assign, or a temporary that only
 * carries one to the store (`$t19 = v1; move($t19)[0] = ...`: read as v1,
 * never set).  Leaves are read before anything is stored, so a later
 * statement must not read an item an earlier one stores: the same list
 * and index (or indexes of different signs) is refused when compiling,
 * and where two variables could hold the same list the guard requires
 * them to differ. */

static bool store_target(const Cg *cg, const IrNode *n, Py_ssize_t *k);

static bool stored_list(const Tree *t, const IrVar *v)
{
    for (int i = 0; i < t->nstores; i++)
        if (t->store_obj[i] == v)
            return true;
    return false;
}

/* Whether indexes a and b of one list may name the same item. */
static bool may_alias(Py_ssize_t a, Py_ssize_t b)
{
    return a == b || (a < 0) != (b < 0);
}

/* Whether attribute or item leaf i of t, of statement stmt, reads an item
 * that a store of an earlier statement writes into the same variable's
 * list (when it is another variable's, the guard compares the lists). */
static bool reads_stored_item(const Cg *cg, const Tree *t, int i)
{
    const IrNode *a = t->attrs[i];
    if (a->kind != IR_SUBSCR)
        return false;
    Py_ssize_t k = PyLong_AsSsize_t(ir_const_get(cg->m, a->kids[1]->cidx));
    const IrVar *obj = num_resolve(t, a->kids[0]->var);
    for (int j = 0; j < t->nstores; j++)
        if (t->store_stmt[j] < t->attr_stmt[i] && t->store_obj[j] == obj
            && may_alias(t->store_key[j], k))
            return true;
    return false;
}

/* The fused tree of statement s, stmts[i] of the run, joins t. */
static bool run_tree(const Cg *cg, const IrNode *e, int i, Tree *t)
{
    int first = t->nattrs;
    if (!num_fusable_root(cg, e) || !num_collect(cg, e, t))
        return false;
    for (int a = first; a < t->nattrs; a++) {
        t->attr_stmt[a] = i;
        if (reads_stored_item(cg, t, a))
            return false;
    }
    return true;
}

/* STORE_SUBSCR s, stmts[i] of the run, storing into obj (its list's
 * variable, resolved): joins t. */
static bool run_store(const Cg *cg, const IrNode *s, const IrVar *obj, int i, Tree *t)
{
    Py_ssize_t k;
    if (!store_target(cg, s, &k) || t->nstores == MAX_RUN || num_assigned_in(t, obj)
        || !run_tree(cg, s->kids[0], i, t))
        return false;
    t->store_stmt[t->nstores] = i;
    t->store_obj[t->nstores] = obj;
    t->store_key[t->nstores++] = k;
    return true;
}

/* How many statements from stmts[0] (stmts[i] of the run, n of them
 * left) join the run t: 0, 1, or 2 for a temporary carrying a list to
 * the store after it.  Fills t. */
static int run_stmt(const Cg *cg, IrNode *const *stmts, int i, int n, Tree *t)
{
    const IrNode *s = stmts[0];
    if (s->kind == IR_STORE_SUBSCR && s->kids[1]->kind == IR_LOAD
        && s->kids[1]->var->kind == IR_VAR_LOCAL)
        return run_store(cg, s, s->kids[1]->var, i, t);
    if (s->kind != IR_ASSIGN || (s->var->kind != IR_VAR_LOCAL && s->var->kind != IR_VAR_TEMP)
        || stored_list(t, s->var) || (!num_assigned_in(t, s->var) && t->nassigned == MAX_RUN))
        return 0;
    const IrNode *e = s->kids[0];
    if (e->kind == IR_LOAD && s->var->kind == IR_VAR_TEMP && e->var->kind == IR_VAR_LOCAL
        && !num_assigned_in(t, e->var) && !num_assigned_in(t, s->var) && num_resolve(t, s->var) == s->var
        && n >= 2 && t->naliases < MAX_RUN) {
        const IrNode *st = stmts[1];   /* `$t19 = v1; move($t19)[0] = ...` */
        if (st->kind != IR_STORE_SUBSCR || st->kids[1]->kind != IR_LOAD
            || st->kids[1]->var != s->var || !st->kids[1]->last_use)
            return 0;
        t->alias_tmp[t->naliases] = s->var;
        t->alias_src[t->naliases++] = e->var;
        return run_store(cg, st, e->var, i + 1, t) ? 2 : 0;
    }
    bool ok = e->kind == IR_LOAD ? num_assigned_in(t, e->var) && e->var != s->var
                                 : run_tree(cg, e, i, t);
    if (!ok)
        return 0;
    if (!num_assigned_in(t, s->var))
        t->assigned[t->nassigned++] = s->var;
    return 1;
}

/* One tier of run stmts[0..k): the guard, each statement's value, then
 * every variable and item stored. */
typedef struct {
    IrNode *const *stmts;
    int k;
} RunArgs;

/* The register holding x's value (a run's variable or store): computed
 * for it, or a copy of the leaf or constant x is. */
static LirValue emit_value(Fast *fp, const IrNode *x)
{
    int before = fp->nvals;
    LirValue v = emit_node(fp, x);
    if (fp->nvals > before && v.kind == LV_REG)
        return v;   /* a value computed here: x's own */
    return reg(fp, lir_add(fp->lir, LIR_COPY, new_value(fp, ty_of(v.type)), v, NONE, -1));
}

/* The list item each store writes (p2c_p<j>), guarded: an exact list's,
 * in range, holding a float or an int; and no leaf of a later statement
 * reading an item a store could write through another variable. */
static void emit_store_places(Fast *fp)
{
    Cg *cg = fp->cg;
    const Tree *t = fp->tree;
    char lv[48], other[48];
    for (int j = 0; j < t->nstores; j++) {
        cg_var_lvalue(cg, t->store_obj[j], lv, sizeof lv);
        emit_line(cg->out, "PyObject **p2c_%sp%d = P2C_ListItemPlace(%s, %zd);", tier(fp), j,
                  lv, t->store_key[j]);
        emit_line(cg->out, "if (p2c_%sp%d == NULL || !P2C_Num_Releasable(*p2c_%sp%d)) goto p2c_slow%d;",
                  tier(fp), j, tier(fp), j, fp->label);
    }
    const IrVar *done[MAX_ATTRS * MAX_RUN][2];   /* the pairs compared */
    int ndone = 0;
    for (int i = 0; i < t->nattrs; i++) {
        const IrNode *a = t->attrs[i];
        if (a->kind != IR_SUBSCR)
            continue;
        Py_ssize_t k = PyLong_AsSsize_t(ir_const_get(cg->m, a->kids[1]->cidx));
        const IrVar *obj = num_resolve(t, a->kids[0]->var);
        for (int j = 0; j < t->nstores; j++) {
            if (t->store_stmt[j] >= t->attr_stmt[i] || !may_alias(t->store_key[j], k))
                continue;
            bool seen = false;
            for (int d = 0; d < ndone && !seen; d++)
                seen = done[d][0] == obj && done[d][1] == t->store_obj[j];
            if (seen)
                continue;
            done[ndone][0] = obj;
            done[ndone++][1] = t->store_obj[j];
            num_leaf_value(cg, t, obj, lv, sizeof lv);
            cg_var_lvalue(cg, t->store_obj[j], other, sizeof other);
            emit_line(cg->out, "if (%s == %s) goto p2c_slow%d;", lv, other, fp->label);
        }
    }
}

/* A variable's or an item's new value v, to replace the old value at old
 * (a C lvalue): a new box, or for a float NULL when the old float can take
 * the value in place (only the variable or the list holds it); a
 * MemoryError leaves through nomem.  Registers p2c_<tier><b>. */
static int emit_box(Fast *fp, const char *b, const char *old, LirValue v, int nomem)
{
    LirFragment *F = fp->lir;
    if (v.type == LT_I64)   /* ints are shared: never written in place */
        return lir_add(F, LIR_BOX_I64, lir_reg_new(F, LT_OWNED, "p2c_%s%s", tier(fp), b), v,
                       NONE, nomem);
    return lir_add(F, v.type == LT_F64 ? LIR_REUSE_OR_BOX_F64 : LIR_REUSE_OR_BOX_NUM,
                   lir_reg_new(F, LT_XOWNED, "p2c_%s%s", tier(fp), b), v,
                   lir_c(F, LT_OBJ, "%s", old), nomem);
}

/* Where a MemoryError of the tier's boxing goes: emit_nomem's label,
 * which forgets it and takes the generic code (the boxes made before are
 * released on the way: lir_insert_releases). */
static int nomem_exit(Fast *fp)
{
    char label[32];
    snprintf(label, sizeof label, "p2c_%snomem%d", tier(fp), fp->label);
    return lir_exit(fp->lir, label);
}

static void emit_nomem(Fast *fp)
{
    Emitter *e = fp->cg->out;
    emit_line(e, "p2c_%snomem%d:;", tier(fp), fp->label);
    emit_line(e, "PyErr_Clear();");
    emit_line(e, "goto p2c_slow%d;", fp->label);
}

/* place (a variable's slot, or a list item whose old value is a number)
 * takes value v: the box emit_box made, or v written into the old float. */
static void emit_commit(Fast *fp, int box, const char *place, LirValue v)
{
    LirFragment *F = fp->lir;
    if (v.type == LT_I64)
        lir_add(F, LIR_COMMIT_OWNED, -1, reg(fp, box), lir_sym(F, place), -1);
    else
        lir_add3(F, v.type == LT_F64 ? LIR_COMMIT_F64 : LIR_COMMIT_NUM, -1, reg(fp, box),
                 lir_sym(F, place), v, -1);
}

static void emit_run_tier(Fast *fp, const void *arg)
{
    IrNode *const *stmts = ((const RunArgs *)arg)->stmts;
    int k = ((const RunArgs *)arg)->k;
    Cg *cg = fp->cg;
    Emitter *e = cg->out;
    const Tree *t = fp->tree;
    const char *T = tier(fp);
    int L = fp->label;
    emit_store_places(fp);   /* first: leaves read there */
    emit_guards(fp);
    char lv[48], b[16], place[32];
    for (int i = 0; i < t->nassigned; i++) {
        const IrVar *v = t->assigned[i];
        if (num_leaf_index(t, v) >= 0)
            continue;   /* already known to be a number */
        cg_var_lvalue(cg, v, lv, sizeof lv);
        lir_add(fp->lir, LIR_GUARD_REPLACEABLE, -1, lir_c(fp->lir, LT_OBJ, "%s", lv), NONE,
                op_fail(fp));
    }
    LirValue sval[MAX_RUN];   /* each store's value */
    int nstores = 0;
    for (int i = 0; i < k; i++) {
        const IrNode *s = stmts[i];
        const IrNode *x = s->kids[0];
        if (s->kind == IR_STORE_SUBSCR) {
            sval[nstores++] = emit_value(fp, x);
            continue;
        }
        if (num_resolve(t, s->var) != s->var)
            continue;   /* a temporary carrying a list: never set */
        LirValue val;
        if (x->kind == IR_LOAD) {
            int src = run_var(fp, x->var);
            val = fp->val[src];
            if (x->last_use)
                fp->moved[src] = true;
        } else {
            val = emit_value(fp, x);
        }
        int d = run_var(fp, s->var);
        if (d < 0)
            d = fp->nvars++;
        fp->vars[d] = s->var;
        fp->val[d] = val;
        fp->moved[d] = false;
    }
    /* box what must be boxed first (a MemoryError: the generic code, the
     * boxes made so far released on the way: lir_insert_releases); a float
     * goes into the old float when only the variable or the list holds it
     * ... */
    int nomem = nomem_exit(fp);
    int vbox[MAX_RUN], sbox[MAX_RUN];
    bool boxes = nstores > 0;
    for (int i = 0; i < fp->nvars; i++) {
        if (fp->moved[i])
            continue;
        cg_var_lvalue(cg, fp->vars[i], lv, sizeof lv);
        snprintf(b, sizeof b, "b%d", i);
        vbox[i] = emit_box(fp, b, lv, fp->val[i], nomem);
        boxes = true;
    }
    for (int j = 0; j < nstores; j++) {
        snprintf(b, sizeof b, "s%d", j);
        snprintf(place, sizeof place, "*p2c_%sp%d", T, j);
        sbox[j] = emit_box(fp, b, place, sval[j], nomem);
    }
    /* ... then store, variables in statement order, then items */
    for (int i = 0; i < fp->nvars; i++) {
        cg_var_lvalue(cg, fp->vars[i], lv, sizeof lv);
        if (fp->moved[i])
            lir_add(fp->lir, LIR_CLEAR_NUMBER, -1, lir_sym(fp->lir, lv), NONE, -1);
        else
            emit_commit(fp, vbox[i], lv, fp->val[i]);
    }
    for (int j = 0; j < nstores; j++) {
        snprintf(place, sizeof place, "*p2c_%sp%d", T, j);
        emit_commit(fp, sbox[j], place, sval[j]);
    }
    flush_lir(fp);
    emit_line(e, "goto p2c_done%d;", L);
    if (boxes)
        emit_nomem(fp);
}

int cg_numeric_run(Cg *cg, IrNode *const *stmts, int n)
{
    if (!fusion_allowed(cg) || cg->opt->debuggable)
        return 0;
    Tree t = {.nlocals = 0};
    int k = 0;
    while (k < n) {
        Tree save = t;
        int took = k + 2 <= MAX_STMTS ? run_stmt(cg, stmts + k, k, n - k, &t) : 0;
        if (took == 0) {
            t = save;
            break;
        }
        k += took;
    }
    if (k == 0 || t.nops < 2)
        return 0;
    num_assign_attr_caches(cg, &t);

    Fast fp = {.cg = cg, .tree = &t, .label = cg_label_new(cg), .line = stmts[0]->pos.line};
    int site = cg->cur_site;
    Emitter *e = cg->out;
    int L = fp.label;
    const IrNode *trees[MAX_STMTS] = {NULL};
    const IrVar *dests[MAX_STMTS] = {NULL};   /* NULL: a store */
    int ntrees = 0;
    for (int i = 0; i < k; i++) {
        if (stmts[i]->kind == IR_ASSIGN && num_resolve(&t, stmts[i]->var) != stmts[i]->var)
            continue;   /* a temporary carrying a list */
        trees[ntrees] = stmts[i]->kids[0];
        dests[ntrees++] = stmts[i]->kind == IR_ASSIGN ? stmts[i]->var : NULL;
    }
    plan_tiers(cg, &t, trees, dests, ntrees, false, fp.tiers, fp.leaves);
    RunArgs args = {stmts, k};
    emit_tiers(&fp, emit_run_tier, &args);
    emit_line(e, "p2c_slow%d:;", L);
    cg->cur_site = site;
    cg->in_numeric_slow = true;
    cg->numeric_tree = &t;
    for (int i = 0; i < k && !cg->failed; i++)
        cg_stmt(cg, stmts[i]);
    cg->numeric_tree = NULL;
    cg->in_numeric_slow = false;
    emit_line(e, "p2c_done%d:;", L);
    cg->cur_site = -1;
    return k;
}

/* ---- a fused tree stored into a float in place --------------------------------- */

/* `v1[0] -= dx * b2m`, `self.x /= norm`: STORE_SUBSCR of a fusable tree
 * into a local's (or a temporary's) item at a constant index, or
 * STORE_ATTR into its attribute.  When the item is one of an exact list,
 * or the attribute one the store site's cache would store into directly
 * (an instance value or a slot: the type's version tag says no
 * __setattr__ or descriptor intervenes), and the value there is an exact
 * float or int (whose release runs no code), the result is stored there
 * directly: written into that float when only the list or the object
 * holds it (replacing it by a new float of that value and freeing the old
 * one could not be told apart), else boxed.  One operator is enough here:
 * the gain is the generic operator and store.  Otherwise the ordinary
 * statement, whose attribute loads use the caches the fast path peeks
 * at. */
static bool store_target(const Cg *cg, const IrNode *n, Py_ssize_t *k)
{
    if (!fusion_allowed(cg))
        return false;
    const IrNode *obj = n->kids[1];
    if (obj->kind != IR_LOAD || (obj->var->kind != IR_VAR_LOCAL && obj->var->kind != IR_VAR_TEMP))
        return false;
    if (n->kind == IR_STORE_ATTR) {
        *k = -1;
        return true;
    }
    const IrNode *key = n->kids[2];
    if (n->kind != IR_STORE_SUBSCR || key->kind != IR_CONST)
        return false;
    PyObject *kv = ir_const_get(cg->m, key->cidx);
    if (!PyLong_CheckExact(kv))
        return false;
    *k = PyLong_AsSsize_t(kv);
    if (*k == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return false;
    }
    return true;
}

/* One tier of the store n: at index k, or through the store cache. */
typedef struct {
    const IrNode *n;
    Py_ssize_t k;
    const char *cache;
} StoreArgs;

/* After a fused store: the object's reference released at its last use,
 * then out of the tiers. */
static void emit_store_end(Fast *fp, const IrNode *obj)
{
    if (obj->last_use) {
        char lv[48];
        cg_var_lvalue(fp->cg, obj->var, lv, sizeof lv);
        emit_line(fp->cg->out, "Py_CLEAR(%s);", lv);
    }
    emit_line(fp->cg->out, "goto p2c_done%d;", fp->label);
}

static void emit_store_tier(Fast *fp, const void *arg)
{
    const StoreArgs *sa = arg;
    const IrNode *n = sa->n;
    Emitter *e = fp->cg->out;
    const char *T = tier(fp);
    const IrNode *obj = n->kids[1];
    char lv[48];
    cg_var_lvalue(fp->cg, obj->var, lv, sizeof lv);
    if (!sa->cache) {
        emit_store_places(fp);   /* the item's place, p2c_p0, where leaves may read it */
        emit_line(e, "PyObject **p2c_%sp = p2c_%sp0;", T, T);
    }
    emit_guards(fp);
    LirValue v = emit_node(fp, n->kids[0]);
    LirFragment *F = fp->lir;
    if (sa->cache) {
        lir_add3(F, v.type == LT_F64 ? LIR_ATTR_STORE_F64 : LIR_ATTR_STORE_NUM, -1,
                 lir_sym(F, sa->cache), lir_c(F, LT_OBJ, "%s", lv), v, op_fail(fp));
        flush_lir(fp);
        emit_store_end(fp, obj);
        return;
    }
    /* a MemoryError boxing: the generic store */
    char place[32];
    snprintf(place, sizeof place, "*p2c_%sp", T);
    int box = emit_box(fp, "b", place, v, nomem_exit(fp));
    emit_commit(fp, box, place, v);
    flush_lir(fp);
    emit_store_end(fp, obj);
    emit_nomem(fp);
}

int cg_numeric_store_begin(Cg *cg, const IrNode *n, const char *store_cache)
{
    Py_ssize_t k;
    if (!store_target(cg, n, &k) || (n->kind == IR_STORE_ATTR && !store_cache))
        return -1;
    Tree *t = xcalloc(1, sizeof *t);
    const IrNode *v = n->kids[0];
    if (!num_fusable_root(cg, v) || !num_collect(cg, v, t) || t->nops < 1) {
        free(t);
        return -1;
    }
    if (n->kind == IR_STORE_SUBSCR) {   /* the list item's place, found first */
        t->store_obj[0] = n->kids[1]->var;
        t->store_key[0] = k;
        t->nstores = 1;
    }
    num_assign_attr_caches(cg, t);
    Fast fp = {.cg = cg, .tree = t, .label = cg_label_new(cg), .line = n->pos.line};
    const IrNode *trees[1] = {v};
    plan_tiers(cg, t, trees, NULL, 1, true, fp.tiers, fp.leaves);   /* a float result only */
    StoreArgs args = {n, k, store_cache};
    emit_tiers(&fp, emit_store_tier, &args);
    emit_line(cg->out, "p2c_slow%d:;", fp.label);
    /* the ordinary statement follows, its value fused again for what the
     * in-place write refused (a float another name holds); its attribute
     * loads use the caches the fast path peeks at */
    cg->numeric_tree = t;
    return fp.label;
}

void cg_numeric_store_end(Cg *cg, int label)
{
    free((Tree *)cg->numeric_tree);
    cg->numeric_tree = NULL;
    emit_line(cg->out, "p2c_done%d:;", label);
    cg->cur_site = -1;
}
