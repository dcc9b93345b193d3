/* verify.c — the rules every low-level IR fragment keeps
 * (docs/optimizer.md, "The low-level IR").
 *
 * The builder runs it on each fragment before printing C, so a builder
 * that makes a wrong fragment is an internal error naming the rule, the
 * instruction and the fragment, never C that computes something else.
 * The rules:
 *   - every operand has the type its operation declares (lir_ops.def), an
 *     absent operand is absent, a C symbol is a C text;
 *   - an immediate has a type it can be: a long converted to a double is
 *     exact (|i| <= 2**53);
 *   - a register read was assigned before, in the fragment's order (its
 *     blocks run one after the other: that order is dominance), and is
 *     assigned once (SSA); registers have distinct C names;
 *   - a result goes into a register of the declared type, and an operation
 *     without result has none;
 *   - an operation that can fail has an exit, one that cannot has none;
 *   - an owned register (a new reference; xowned: or NULL) is consumed
 *     exactly once, by an operand of its type, and an exit taken while
 *     some are held goes through a pad releasing exactly those
 *     (lir_insert_releases; a consuming operation consumes on its failure
 *     path too); before that pass has run over a block (the stage
 *     "select", lir_verify_selected), no exit of it releases anything;
 *   - in a fragment that must not run Python code (the tiers of fused
 *     arithmetic, which run before the generic code), no operation may.
 */
#include "pyc2c/compiler/lir.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/xalloc.h"

typedef struct {
    const LirFragment *f;
    char *msg;
    size_t size;
    int block, index;       /* the instruction being checked */
    unsigned char *defined; /* per register: assigned so far */
    unsigned char *held;    /* per owned register: HELD, then GIVEN */
    int selected_from;      /* blocks from here on are as selected: the
                               release pass has not run over them yet */
} Check;

enum { FREE, HELD, GIVEN };

static int broken(Check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int broken(Check *c, const char *fmt, ...)
{
    char why[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (c->block >= 0) {
        const LirInstr *in = &c->f->blocks[c->block].instrs[c->index];
        snprintf(c->msg, c->size, "%s, block %d instruction %d (%s): %s", c->f->what, c->block,
                 c->index, in->op < LIR_NOPS ? lir_ops[in->op].name : "?", why);
    } else {
        snprintf(c->msg, c->size, "%s: %s", c->f->what, why);
    }
    return -1;
}

static bool value_type(LirType t)
{
    return t == LT_F64 || t == LT_I64 || t == LT_NUM || t == LT_OBJ;
}

static int check_immediate(Check *c, const LirValue *v, int k)
{
    if (v->kind == LV_F64 && v->type != LT_F64 && v->type != LT_NUM)
        return broken(c, "operand %d: a double immediate of type %s", k, lir_type_name(v->type));
    if (v->kind == LV_I64) {
        if (v->type != LT_I64 && v->type != LT_NUM && v->type != LT_F64)
            return broken(c, "operand %d: a long immediate of type %s", k,
                          lir_type_name(v->type));
        if (v->type == LT_F64 && (v->u.i > (1L << 53) || v->u.i < -(1L << 53)))
            return broken(c, "operand %d: %ld is not exactly a double", k, v->u.i);
    }
    return 0;
}

static int check_operand(Check *c, const LirInstr *in, int k)
{
    LirType want = lir_ops[in->op].args[k];
    const LirValue *v = &in->args[k];
    if (want == LT_VOID)
        return v->kind == LV_NONE ? 0 : broken(c, "operand %d given, none declared", k);
    if (v->kind == LV_NONE)
        return broken(c, "operand %d missing", k);
    if (want == LT_SYM)
        return v->kind == LV_C && v->type == LT_SYM ? 0
               : broken(c, "operand %d must be a C symbol", k);
    if (want == LT_ANY ? !value_type(v->type) : v->type != want)
        return broken(c, "operand %d is %s, %s declared", k, lir_type_name(v->type),
                      lir_type_name(want));
    if (check_immediate(c, v, k) != 0)
        return -1;
    if (v->kind != LV_REG)
        return 0;
    if (v->u.reg < 0 || v->u.reg >= c->f->nregs)
        return broken(c, "operand %d: no register %d", k, v->u.reg);
    const LirReg *r = &c->f->regs[v->u.reg];
    if (r->type != v->type)
        return broken(c, "operand %d: register %%%s is %s, read as %s", k, r->name,
                      lir_type_name(r->type), lir_type_name(v->type));
    if (!c->defined[v->u.reg])
        return broken(c, "operand %d: register %%%s read before it is assigned", k, r->name);
    if (r->type == LT_OWNED || r->type == LT_XOWNED) {
        if (c->held[v->u.reg] == GIVEN)
            return broken(c, "operand %d: owned register %%%s used after it was consumed", k,
                          r->name);
        c->held[v->u.reg] = GIVEN;
    }
    return 0;
}

static bool released_at(const LirExit *x, int reg)
{
    for (int i = 0; i < x->nrelease; i++)
        if (x->release[i] == reg)
            return true;
    return false;
}

/* The exit releases what is held there, and only that: the code at its
 * label does not know about the fragment's references. */
static int check_exit_releases(Check *c, const LirExit *x)
{
    for (int r = 0; r < c->f->nregs; r++)
        if (c->held[r] == HELD && !released_at(x, r))
            return broken(c, "an exit while owned register %%%s is held (it would leak)",
                          c->f->regs[r].name);
    for (int i = 0; i < x->nrelease; i++) {
        int r = x->release[i];
        if (r < 0 || r >= c->f->nregs || c->held[r] != HELD)
            return broken(c, "the exit's pad releases a register not held there");
    }
    return 0;
}

static int check_result(Check *c, const LirInstr *in)
{
    LirType want = lir_ops[in->op].result;
    if (want == LT_VOID)
        return in->dst == -1 ? 0 : broken(c, "a result register for an operation without result");
    if (in->dst < 0 || in->dst >= c->f->nregs)
        return broken(c, "no result register");
    if (want == LT_SAME)
        want = in->args[0].type;
    const LirReg *r = &c->f->regs[in->dst];
    if (r->type != want)
        return broken(c, "result register %%%s is %s, the result %s", r->name,
                      lir_type_name(r->type), lir_type_name(want));
    if (c->defined[in->dst])
        return broken(c, "register %%%s assigned twice", r->name);
    c->defined[in->dst] = 1;
    if (r->type == LT_OWNED || r->type == LT_XOWNED)
        c->held[in->dst] = HELD;
    return 0;
}

static int check_instr(Check *c, const LirInstr *in)
{
    if (in->op >= LIR_NOPS)
        return broken(c, "no operation %d", (int)in->op);
    const LirOpInfo *op = &lir_ops[in->op];
    if (c->f->no_code && op->runs_code)
        return broken(c, "may run Python code in a fragment that must not");
    for (int k = 0; k < 3; k++)
        if (check_operand(c, in, k) != 0)
            return -1;
    if (op->fails == LIR_NEVER && in->exit != -1)
        return broken(c, "an exit for an operation that cannot fail");
    if (op->fails != LIR_NEVER && (in->exit < 0 || in->exit >= c->f->nexits))
        return broken(c, "no exit for an operation that can fail");
    if (in->exit >= 0 && c->block >= c->selected_from && c->f->exits[in->exit].pad)
        return broken(c, "an exit releasing registers before the release pass (builders "
                      "never write releases)");
    if (in->exit >= 0 && c->block < c->selected_from &&
        check_exit_releases(c, &c->f->exits[in->exit]) != 0)
        return -1;
    return check_result(c, in);
}

static int check_names(Check *c)
{
    for (int i = 0; i < c->f->nregs; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(c->f->regs[i].name, c->f->regs[j].name) == 0)
                return broken(c, "two registers named %%%s", c->f->regs[i].name);
    return 0;
}

int lir_verify(const LirFragment *f, char *msg, size_t size)
{
    return lir_verify_selected(f, f->nblocks, msg, size);
}

int lir_verify_selected(const LirFragment *f, int first_block, char *msg, size_t size)
{
    Check c = {f, msg, size, -1, -1, xcalloc((size_t)f->nregs + 1, 1),
               xcalloc((size_t)f->nregs + 1, 1), first_block};
    int status = check_names(&c);
    for (int b = 0; b < f->nblocks && status == 0; b++)
        for (int i = 0; i < f->blocks[b].n && status == 0; i++) {
            c.block = b;
            c.index = i;
            status = check_instr(&c, &f->blocks[b].instrs[i]);
        }
    c.block = -1;
    for (int r = 0; r < f->nregs && status == 0; r++)
        if (c.held[r] == HELD)
            status = broken(&c, "owned register %%%s is never consumed", f->regs[r].name);
    free(c.defined);
    free(c.held);
    return status;
}
