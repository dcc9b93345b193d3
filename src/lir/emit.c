/* emit.c — the low-level IR printed as C, mechanically: each instruction
 * is its operation's template (lir_ops.def) with the registers, operands
 * and exit label put in (docs/optimizer.md, "The low-level IR").
 */
#include "pyc2c/compiler/lir.h"
#include <stdarg.h>
#include <string.h>

typedef struct {
    char *buf;
    size_t size, used;
} Text;

static void put(Text *t, const char *s, size_t n)
{
    if (t->used + n >= t->size)
        n = t->used + 1 < t->size ? t->size - t->used - 1 : 0;
    memcpy(t->buf + t->used, s, n);
    t->used += n;
    t->buf[t->used] = '\0';
}

static void putf(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(Text *t, const char *fmt, ...)
{
    char s[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    put(t, s, n < 0 ? 0 : (size_t)n < sizeof s ? (size_t)n : sizeof s - 1);
}

static const char *c_type(LirType t)
{
    switch (t) {
    case LT_F64: return "double";
    case LT_I64: return "long";
    case LT_NUM: return "P2C_Num";
    default:     return "PyObject *";
    }
}

/* An operand as C: %a keeps a double's every bit. */
static void put_value(Text *t, const LirFragment *f, const LirValue *v)
{
    switch (v->kind) {
    case LV_REG:
        putf(t, "%s", f->regs[v->u.reg].name);
        break;
    case LV_F64:
        putf(t, v->type == LT_NUM ? "P2C_Num_Float(%a)" : "%a", v->u.f);
        break;
    case LV_I64:
        putf(t, v->type == LT_NUM ? "P2C_Num_Int(%ldL)" : v->type == LT_F64 ? "((double)%ldL)"
                                                                           : "%ldL", v->u.i);
        break;
    case LV_C:
        putf(t, "%s", v->u.c);
        break;
    case LV_NONE:
        break;
    }
}

static void emit_instr(const LirFragment *f, const LirInstr *in, LirLineFn line, void *ctx)
{
    char buf[1024];
    Text t = {buf, sizeof buf, 0};
    buf[0] = '\0';
    for (const char *p = lir_ops[in->op].c_template; *p; p++) {
        if (*p == '\n') {
            line(ctx, buf);
            t.used = 0;
            buf[0] = '\0';
            continue;
        }
        if (*p != '%' || !p[1]) {
            put(&t, p, 1);
            continue;
        }
        switch (*++p) {
        case 'r': putf(&t, "%s", f->regs[in->dst].name); break;
        case 'T': putf(&t, "%s", c_type(f->regs[in->dst].type)); break;
        case 'x': {
            const LirExit *x = &f->exits[in->exit];
            putf(&t, "%s", x->pad ? x->pad : x->label);
            break;
        }
        case '0': put_value(&t, f, &in->args[0]); break;
        case '1': put_value(&t, f, &in->args[1]); break;
        case '2': put_value(&t, f, &in->args[2]); break;
        default:  put(&t, p - 1, 2);
        }
    }
    line(ctx, buf);
}

/* Each pad: its label, the release of each register it holds (an xowned
 * one may be NULL), the jump to the exit's label. */
void lir_emit_pads(const LirFragment *f, LirLineFn line, void *ctx)
{
    char buf[256];
    for (int i = 0; i < f->nexits; i++) {
        const LirExit *x = &f->exits[i];
        if (!x->pad)
            continue;
        snprintf(buf, sizeof buf, "%s:;", x->pad);
        line(ctx, buf);
        for (int k = 0; k < x->nrelease; k++) {
            const LirReg *r = &f->regs[x->release[k]];
            snprintf(buf, sizeof buf, "Py_%sDECREF(%s);", r->type == LT_XOWNED ? "X" : "",
                     r->name);
            line(ctx, buf);
        }
        snprintf(buf, sizeof buf, "goto %s;", x->label);
        line(ctx, buf);
    }
}

void lir_emit_c(const LirFragment *f, int first_block, LirLineFn line, void *ctx)
{
    for (int b = first_block; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].n; i++)
            emit_instr(f, &f->blocks[b].instrs[i], line, ctx);
}
