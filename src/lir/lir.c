/* lir.c — the operation table and the builder of the low-level IR
 * (pyc2c/compiler/lir.h).
 *
 * A fragment owns everything in it (names, labels, C texts); the builder
 * allocates through xalloc, so running out of memory is the compiler's
 * one clear line, not a half-built fragment.
 */
#include "pyc2c/compiler/lir.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/xalloc.h"

const LirOpInfo lir_ops[LIR_NOPS] = {
#define LIR_OP(id, name, result, a0, a1, a2, fails, runs_code, template) \
    [LIR_##id] = {name, result, {a0, a1, a2}, fails, runs_code, template},
#include "pyc2c/compiler/lir_ops.def"
#undef LIR_OP
};

/* Grows an array of `size`-byte items so that one more fits. */
static void *grow(void *p, int n, int *cap, size_t size)
{
    if (n < *cap)
        return p;
    *cap = *cap ? *cap * 2 : 8;
    return xrealloc(p, (size_t)*cap, size);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *s = xmalloc((size_t)len + 1);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

LirFragment *lir_fragment_new(const char *what, bool no_code)
{
    LirFragment *f = xcalloc(1, sizeof *f);
    f->what = xstrdup(what);
    f->no_code = no_code;
    lir_block_new(f);
    return f;
}

void lir_fragment_free(LirFragment *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->nregs; i++)
        free(f->regs[i].name);
    for (int i = 0; i < f->nblocks; i++)
        free(f->blocks[i].instrs);
    for (int i = 0; i < f->nexits; i++) {
        free(f->exits[i].label);
        free(f->exits[i].release);
        free(f->exits[i].pad);
    }
    for (int i = 0; i < f->nstrings; i++)
        free(f->strings[i]);
    free(f->regs);
    free(f->blocks);
    free(f->exits);
    free(f->strings);
    free(f->what);
    free(f);
}

int lir_block_new(LirFragment *f)
{
    f->blocks = grow(f->blocks, f->nblocks, &f->blockcap, sizeof *f->blocks);
    f->blocks[f->nblocks] = (LirBlock){NULL, 0, 0};
    return f->nblocks++;
}

int lir_exit(LirFragment *f, const char *label)
{
    return lir_exit_releasing(f, label, NULL, 0);
}

int lir_exit_releasing(LirFragment *f, const char *label, const int *regs, int n)
{
    for (int i = 0; i < f->nexits; i++) {
        const LirExit *x = &f->exits[i];
        if (x->nrelease == n && strcmp(x->label, label) == 0 &&
            (n == 0 || memcmp(x->release, regs, (size_t)n * sizeof *regs) == 0))
            return i;
    }
    f->exits = grow(f->exits, f->nexits, &f->exitcap, sizeof *f->exits);
    LirExit *x = &f->exits[f->nexits];
    *x = (LirExit){xstrdup(label), NULL, n, NULL};
    if (n > 0) {   /* through a pad of its own: <label>_r<index> */
        x->release = xmalloc((size_t)n * sizeof *regs);
        memcpy(x->release, regs, (size_t)n * sizeof *regs);
        size_t len = strlen(label) + 16;
        x->pad = xmalloc(len);
        snprintf(x->pad, len, "%s_r%d", label, f->nexits);
    }
    return f->nexits++;
}

int lir_reg_new(LirFragment *f, LirType t, const char *fmt, ...)
{
    f->regs = grow(f->regs, f->nregs, &f->regcap, sizeof *f->regs);
    va_list ap;
    va_start(ap, fmt);
    f->regs[f->nregs] = (LirReg){vformat(fmt, ap), t, -1};
    va_end(ap);
    return f->nregs++;
}

LirValue lir_reg(const LirFragment *f, int reg)
{
    LirValue v = {.kind = LV_REG, .type = f->regs[reg].type};
    v.u.reg = reg;
    return v;
}

LirValue lir_f64(LirType t, double d)
{
    LirValue v = {.kind = LV_F64, .type = t};
    v.u.f = d;
    return v;
}

LirValue lir_i64(LirType t, long i)
{
    LirValue v = {.kind = LV_I64, .type = t};
    v.u.i = i;
    return v;
}

static const char *keep(LirFragment *f, char *s)
{
    f->strings = grow(f->strings, f->nstrings, &f->stringcap, sizeof *f->strings);
    f->strings[f->nstrings++] = s;
    return s;
}

LirValue lir_c(LirFragment *f, LirType t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    LirValue v = {.kind = LV_C, .type = t};
    v.u.c = keep(f, vformat(fmt, ap));
    va_end(ap);
    return v;
}

LirValue lir_sym(LirFragment *f, const char *name)
{
    return lir_c(f, LT_SYM, "%s", name);
}

int lir_add(LirFragment *f, LirOpcode op, int dst, LirValue a, LirValue b, int exit)
{
    return lir_add3(f, op, dst, a, b, (LirValue){.kind = LV_NONE}, exit);
}

int lir_add3(LirFragment *f, LirOpcode op, int dst, LirValue a, LirValue b, LirValue c,
             int exit)
{
    LirBlock *bl = &f->blocks[f->nblocks - 1];
    bl->instrs = grow(bl->instrs, bl->n, &bl->cap, sizeof *bl->instrs);
    bl->instrs[bl->n] = (LirInstr){op, dst, {a, b, c}, exit};
    if (dst >= 0 && dst < f->nregs && f->regs[dst].def < 0)
        f->regs[dst].def = (f->nblocks - 1) << 16 | bl->n;
    bl->n++;
    return dst;
}
