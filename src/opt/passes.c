/* passes.c — the pass pipeline: the table of passes, and the runner that
 * applies it to a module's IR (docs/optimizer.md, "The pass pipeline").
 *
 * The driver lowers a module, then hands its IR to opt_run_passes(), which
 * runs each row of the table the -O level allows, in order.  Between passes
 * it can verify the IR (ir_verify, so that a pass that breaks it is named)
 * and it stops to print the IR where --dump-ir asks.  Adding a pass is
 * adding a row below: the driver, --dump-ir's names, --help and the tests
 * follow.
 */
#include "pyc2c/compiler/opt.h"      /* Python.h first, as it requires */
#include "pyc2c/compiler/passes.h"
#include "pyc2c/compiler/lir.h"
#include <errno.h>
#include <stdarg.h>
#include <string.h>

/* ---- the passes, adapted to OptPassFn --------------------------------------- */

static int run_fold(IrModule *m, const OptContext *cx)
{
    return opt_fold_module(m, cx->python_version);
}

static int run_bound(IrModule *m, const OptContext *cx)
{
    (void)cx;
    opt_bound_module(m);
    return 0;
}

static int run_collect(IrModule *m, const OptContext *cx)
{
    (void)cx;
    opt_collect_module(m);
    return 0;
}

/* fold runs at -O0 too: it decides which objects are one constant, which a
 * program can observe (`is`), so it is semantics, not optimization. */
static const OptPass passes[] = {
    {"lower", NULL, 0, "the IR as lowering builds it (docs/reformulations.md)"},
    {"fold", run_fold, 0, "constant folding, exactly as CPython's compiler folds"},
    {"bound", run_bound, 1, "definite assignment: loads known bound skip their test"},
    {"collect", run_collect, 1, "generator expressions consumed in place by sum(), list()..."},
};
enum { NPASSES = sizeof passes / sizeof passes[0] };

const OptPass *opt_pass_table(int *count)
{
    *count = NPASSES;
    return passes;
}

const OptPass *opt_pass_find(const char *name)
{
    for (int i = 0; i < NPASSES; i++)
        if (strcmp(passes[i].name, name) == 0)
            return &passes[i];
    return NULL;
}

void opt_pass_names(char *buf, size_t size)
{
    size_t used = 0;
    int nlir;
    const LirPass *lir = lir_pass_table(&nlir);
    if (size > 0)
        buf[0] = '\0';
    for (int i = 0; i < NPASSES && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                                 passes[i].name);
    for (int i = 0; i < nlir && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, ", %s", lir[i].name);
}

/* ---- the runner ----------------------------------------------------------------- */

/* Writes the failure into p->err; returns -1. */
static int fail(const OptPipeline *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (p->errsize > 0)
        vsnprintf(p->err, p->errsize, fmt, ap);
    va_end(ap);
    return -1;
}

/* Verifies m as the pass `last` left it. */
static int verify(IrModule *m, const OptPipeline *p, const OptPass *last)
{
    char msg[512];
    if (ir_verify(m, msg, sizeof msg) == 0)
        return 0;
    return fail(p, "internal error: IR of %s fails verification after pass '%s'%s: %s",
                p->file, last->name,
                p->verify_each ? "" : " (PYC2C_VERIFY_EACH_PASS=1 verifies after each pass)",
                msg);
}

/* Where the pipeline ends, the IR is verified once if not after each pass. */
static int verify_at_end(IrModule *m, const OptPipeline *p, const OptPass *last)
{
    return p->verify_each ? 0 : verify(m, p, last);
}

/* Prints m, as the pass `last` left it, and stops the pipeline: 1. */
static int dump(IrModule *m, const OptPipeline *p, const OptPass *last)
{
    if (verify_at_end(m, p, last) != 0)
        return -1;
    ir_print_module(p->dump_out, m);
    if (fflush(p->dump_out) != 0)
        return fail(p, "cannot write the IR: %s", strerror(errno));
    return 1;
}

static bool dump_at(const OptPipeline *p, OptDumpWhen when, const OptPass *pass)
{
    return p->dump == when && strcmp(p->dump_pass, pass->name) == 0;
}

/* The passes after table[0] that the level allows, each between its dump
 * points and followed by its verification. */
int opt_run_pipeline(IrModule *m, const OptPass *table, int count, const OptPipeline *p)
{
    const OptPass *last = &table[0];    /* the pass that made the IR as it is */
    if (p->verify_each && verify(m, p, last) != 0)
        return -1;
    if (dump_at(p, OPT_DUMP_AFTER, last))
        return dump(m, p, last);
    for (int i = 1; i < count; i++) {
        const OptPass *pass = &table[i];
        if (pass->min_level > p->opt_level)
            continue;
        if (dump_at(p, OPT_DUMP_BEFORE, pass))
            return dump(m, p, last);
        if (pass->run(m, &p->cx) != 0)
            return fail(p, "out of memory in pass '%s' on %s", pass->name, p->file);
        last = pass;
        if (p->verify_each && verify(m, p, last) != 0)
            return -1;
        if (dump_at(p, OPT_DUMP_AFTER, pass))
            return dump(m, p, last);
    }
    if (p->dump == OPT_DUMP_END)
        return dump(m, p, last);
    if (p->dump != OPT_DUMP_NONE)       /* opt_check_dump_point refuses these */
        return fail(p, "--dump-ir: pass '%s' does not run at -O%d", p->dump_pass,
                    p->opt_level);
    return verify_at_end(m, p, last);
}

int opt_run_passes(IrModule *m, const OptPipeline *p)
{
    return opt_run_pipeline(m, passes, NPASSES, p);
}

/* ---- dump points ------------------------------------------------------------------ */

/* A pass of the low-level IR (src/lir/passes.c): its fragments exist only
 * where the code generator builds them, at -O2. */
static int check_lir_dump_point(OptDumpWhen when, const char *name, int opt_level, char *err,
                                size_t errsize)
{
    int n;
    const LirPass *first = lir_pass_table(&n);
    if (when == OPT_DUMP_BEFORE && lir_pass_find(name) == first)
        snprintf(err, errsize, "--dump-ir: there is no low-level IR before '%s': it makes "
                 "it (try --dump-ir=after:%s)", name, name);
    else if (opt_level < LIR_MIN_LEVEL)
        snprintf(err, errsize, "--dump-ir: pass '%s' does not run at -O%d", name, opt_level);
    else
        return 0;
    return -1;
}

int opt_check_dump_point(OptDumpWhen when, const char *name, int opt_level, char *err,
                         size_t errsize)
{
    if (when != OPT_DUMP_BEFORE && when != OPT_DUMP_AFTER)
        return 0;
    const OptPass *pass = opt_pass_find(name);
    char names[256];
    opt_pass_names(names, sizeof names);
    if (!pass && lir_pass_find(name))
        return check_lir_dump_point(when, name, opt_level, err, errsize);
    if (!pass)
        snprintf(err, errsize, "--dump-ir: unknown pass '%s' (passes: %s)", name, names);
    else if (when == OPT_DUMP_BEFORE && pass == &passes[0])
        snprintf(err, errsize, "--dump-ir: there is no IR before '%s': it makes the IR "
                 "(try --dump-ir=after:%s)", name, name);
    else if (pass->min_level > opt_level)
        snprintf(err, errsize, "--dump-ir: pass '%s' does not run at -O%d", name, opt_level);
    else
        return 0;
    return -1;
}
