/* passes.c — the low-level IR's pass pipeline: its table of passes and the
 * runner the code generator calls on each fragment (pyc2c/compiler/lir.h;
 * docs/optimizer.md, "The low-level IR").
 *
 * The baby-Python IR has its own table (src/opt/passes.c); --dump-ir's
 * before:PASS and after:PASS reach the passes of both, by name.  The code
 * generator builds a fragment ("select", the pseudo-pass it comes from)
 * and prints C from it in pieces, so the runner works on the blocks built
 * since its last run: it verifies them as selected, runs each pass (each
 * may look at the whole fragment, and must leave blocks already printed
 * as they are), verifies after each, and prints the blocks where --dump-ir
 * asks.  Adding a pass is adding a row below.
 */
#include "pyc2c/compiler/lir.h"
#include <stdio.h>
#include <string.h>

static const LirPass passes[] = {
    {"select", NULL, "the low-level IR fragments as the code generator builds them "
                     "(fused arithmetic)"},
    {"release", lir_insert_releases, "failure exits release the references held there, "
                                     "through landing pads"},
};
enum { NPASSES = sizeof passes / sizeof passes[0] };

const LirPass *lir_pass_table(int *count)
{
    *count = NPASSES;
    return passes;
}

const LirPass *lir_pass_find(const char *name)
{
    for (int i = 0; i < NPASSES; i++)
        if (strcmp(passes[i].name, name) == 0)
            return &passes[i];
    return NULL;
}

static void dump_at(const LirDump *d, bool before, const LirPass *pass, LirFragment *f,
                    int first_block)
{
    if (d && d->pass && d->before == before && strcmp(d->pass, pass->name) == 0)
        lir_print_blocks(d->out, f, first_block);
}

/* Checks f after `last`: the blocks from first_block on as selected when
 * no pass has run over them yet. */
static int verify_after(LirFragment *f, int first_block, const LirPass *last, char *msg,
                        size_t size)
{
    char rule[400];
    int r = last == &passes[0] ? lir_verify_selected(f, first_block, rule, sizeof rule)
                               : lir_verify(f, rule, sizeof rule);
    if (r != 0)
        snprintf(msg, size, "after pass '%s': %s", last->name, rule);
    return r;
}

int lir_run_passes(LirFragment *f, int first_block, const LirDump *dump, char *msg,
                   size_t size)
{
    if (verify_after(f, first_block, &passes[0], msg, size) != 0)
        return -1;
    dump_at(dump, false, &passes[0], f, first_block);
    for (int i = 1; i < NPASSES; i++) {
        dump_at(dump, true, &passes[i], f, first_block);
        passes[i].run(f);
        if (verify_after(f, first_block, &passes[i], msg, size) != 0)
            return -1;
        dump_at(dump, false, &passes[i], f, first_block);
    }
    return 0;
}
