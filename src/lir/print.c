/* print.c — the low-level IR as text, for people: `--dump-lir` and the
 * unit tests (docs/optimizer.md, "The low-level IR").
 *
 *   fragment float tier at line 3 (runs no code)
 *   block 0:
 *     %p2c_fl0: f64 = unbox_f64 [f->localsplus[0]] else p2c_int1
 *     %p2c_fn0: f64 = f64_mul %p2c_fl0, 2.5
 *
 * A register is %name, an immediate its value (a tagged number's `num(…)`,
 * a long made a double `f64(…)`), a C expression of the surrounding code
 * [in brackets], a C symbol bare.
 */
#include "pyc2c/compiler/lir.h"
#include <string.h>

static const char *const type_names[LT_NTYPES] = {
    [LT_VOID] = "void", [LT_F64] = "f64", [LT_I64] = "i64", [LT_NUM] = "num",
    [LT_OBJ] = "obj",   [LT_OWNED] = "owned", [LT_XOWNED] = "xowned", [LT_SYM] = "sym",
    [LT_ANY] = "any",
    [LT_SAME] = "same",
};

const char *lir_type_name(LirType t)
{
    return t < LT_NTYPES ? type_names[t] : "?";
}

static void print_value(FILE *out, const LirFragment *f, const LirValue *v)
{
    switch (v->kind) {
    case LV_REG:
        fprintf(out, "%%%s", f->regs[v->u.reg].name);
        break;
    case LV_F64: {
        char d[40];
        snprintf(d, sizeof d, "%.17g", v->u.f);
        if (!strpbrk(d, ".eni"))     /* a double looks like one: 2.0, not 2 */
            strcat(d, ".0");
        fprintf(out, v->type == LT_NUM ? "num(%s)" : "%s", d);
        break;
    }
    case LV_I64:
        fprintf(out, v->type == LT_NUM ? "num(%ld)" : v->type == LT_F64 ? "f64(%ld)" : "%ld",
                v->u.i);
        break;
    case LV_C:
        fprintf(out, v->type == LT_SYM ? "%s" : "[%s]", v->u.c);
        break;
    case LV_NONE:
        break;
    }
}

static void print_instr(FILE *out, const LirFragment *f, const LirInstr *in)
{
    fputs("  ", out);
    if (in->dst >= 0)
        fprintf(out, "%%%s: %s = ", f->regs[in->dst].name, lir_type_name(f->regs[in->dst].type));
    fputs(lir_ops[in->op].name, out);
    for (int k = 0; k < 3 && in->args[k].kind != LV_NONE; k++) {
        fputs(k ? ", " : " ", out);
        print_value(out, f, &in->args[k]);
    }
    if (in->exit >= 0) {
        const LirExit *x = &f->exits[in->exit];
        fprintf(out, " else %s", x->label);
        for (int i = 0; i < x->nrelease; i++)
            fprintf(out, "%s%%%s", i ? ", " : " releasing ", f->regs[x->release[i]].name);
    }
    fputc('\n', out);
}

void lir_print(FILE *out, const LirFragment *f)
{
    lir_print_blocks(out, f, 0);
}

void lir_print_blocks(FILE *out, const LirFragment *f, int first_block)
{
    if (first_block == 0)
        fprintf(out, "fragment %s%s\n", f->what, f->no_code ? " (runs no code)" : "");
    for (int b = first_block; b < f->nblocks; b++) {
        if (f->blocks[b].n == 0)
            continue;   /* the block begun after the last C text: unused */
        fprintf(out, "block %d:\n", b);
        for (int i = 0; i < f->blocks[b].n; i++)
            print_instr(out, f, &f->blocks[b].instrs[i]);
    }
}
