/* passes.h — the pass pipeline: which passes run over a module's IR, in
 * which order and from which -O level, declared once as data
 * (src/opt/passes.c), and the one function that runs them
 * (docs/optimizer.md, "The pass pipeline").
 *
 * The driver, --dump-ir=before:PASS / after:PASS and the tests all read the
 * same table; a new pass is one row there (and its file in src/opt/).
 */
#ifndef PYC2C_COMPILER_PASSES_H
#define PYC2C_COMPILER_PASSES_H

#include <stdbool.h>
#include <stdio.h>

/* ir.h's (not included: it includes Python.h, which the driver's files
 * that read DriverOptions do not) */
typedef struct IrModule IrModule;

/* What a pass may need to know besides the IR. */
typedef struct {
    unsigned python_version;   /* the target's, PY_VERSION_HEX layout */
} OptContext;

/* A pass rewrites m in place: 0, or -1 with a Python error set (memory). */
typedef int (*OptPassFn)(IrModule *m, const OptContext *cx);

typedef struct {
    const char *name;          /* what --dump-ir=after:NAME calls it */
    OptPassFn run;             /* NULL for "lower", the pseudo-pass the IR
                                  comes from (lower_module, run before) */
    int min_level;             /* runs at -O<min_level> and above */
    const char *description;   /* one line, for --help and the docs */
} OptPass;

/* The passes in the order they run; the first is "lower". */
const OptPass *opt_pass_table(int *count);

/* The row named name, or NULL. */
const OptPass *opt_pass_find(const char *name);

/* "lower, fold, bound, collect, select, release": for messages listing
 * the valid names, the low-level IR's passes (pyc2c/compiler/lir.h) last. */
void opt_pass_names(char *buf, size_t size);

/* Where --dump-ir prints the IR and the pipeline stops. */
typedef enum {
    OPT_DUMP_NONE,       /* no dump: the IR goes on to the code generator */
    OPT_DUMP_END,        /* plain --dump-ir: after the last pass that runs */
    OPT_DUMP_BEFORE,     /* --dump-ir=before:PASS */
    OPT_DUMP_AFTER,      /* --dump-ir=after:PASS */
} OptDumpWhen;

typedef struct {
    OptContext cx;
    int opt_level;             /* 0 (-O0) or 2 (the default) */
    bool verify_each;          /* ir_verify after every pass (tests: the env
                                  var PYC2C_VERIFY_EACH_PASS=1), not only
                                  where the pipeline ends */
    OptDumpWhen dump;
    const char *dump_pass;     /* with OPT_DUMP_BEFORE / OPT_DUMP_AFTER */
    FILE *dump_out;            /* where the dump goes */
    const char *file;          /* the module's source, named in messages */
    char *err;                 /* on -1: what failed, one line */
    size_t errsize;
} OptPipeline;

/* Runs table[0..count) over m (table[0], "lower", made m) as p says, skipping
 * passes above p->opt_level.  The IR is verified after every pass with
 * p->verify_each, and always where the pipeline ends.  0: m is ready for
 * the code generator; 1: the IR was printed at the dump point (stop);
 * -1: p->err says what failed (a pass out of memory, or the IR broken,
 * naming the pass after which it was found). */
int opt_run_pipeline(IrModule *m, const OptPass *table, int count, const OptPipeline *p);

/* opt_run_pipeline over the table of opt_pass_table(). */
int opt_run_passes(IrModule *m, const OptPipeline *p);

/* Can the IR be printed before/after pass name at -O<opt_level>?  0, or -1
 * with the reason in err (an unknown name, listing the valid ones; nothing
 * before "lower" or "select"; a pass the level skips).  The name may be a
 * pass of the low-level IR (lir_pass_find), which the code generator runs. */
int opt_check_dump_point(OptDumpWhen when, const char *name, int opt_level, char *err,
                         size_t errsize);

#endif
