/* release.c — the pass that makes failure paths release what they hold
 * (pyc2c/compiler/lir.h, lir_insert_releases; docs/optimizer.md, "The
 * low-level IR").
 *
 * A builder hands references on (an operand of type owned or xowned
 * consumes one) but never writes a release for a path that leaves early:
 * here, for each instruction that can fail while owned registers are held
 * (made before it, consumed after it), its exit is replaced by one through
 * a landing pad that releases exactly those, then jumps to the original
 * label.  Instructions failing with the same label and the same held set
 * share a pad.  The verifier then checks each exit's release set against
 * what is held there.
 */
#include "pyc2c/compiler/lir.h"
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/xalloc.h"

static bool owned_type(LirType t)
{
    return t == LT_OWNED || t == LT_XOWNED;
}

int lir_insert_releases(LirFragment *f)
{
    int *held = xmalloc(((size_t)f->nregs + 1) * sizeof *held);
    int nheld = 0, first = f->nexits;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].n; i++) {
            LirInstr *in = &f->blocks[b].instrs[i];
            /* what this instruction consumes is not held on its exit */
            for (int k = 0; k < 3; k++) {
                const LirValue *v = &in->args[k];
                if (v->kind != LV_REG || !owned_type(v->type))
                    continue;
                for (int h = 0; h < nheld; h++)
                    if (held[h] == v->u.reg) {
                        memmove(&held[h], &held[h + 1], (size_t)(nheld - h - 1) * sizeof *held);
                        nheld--;
                        break;
                    }
            }
            if (in->exit >= 0 && nheld > 0 && !f->exits[in->exit].pad)
                in->exit = lir_exit_releasing(f, f->exits[in->exit].label, held, nheld);
            if (in->dst >= 0 && owned_type(f->regs[in->dst].type))
                held[nheld++] = in->dst;
        }
    free(held);
    return f->nexits - first;
}
