/* lir.h — the low-level IR (src/lir/; docs/optimizer.md, "The low-level
 * IR").
 *
 * Between the baby-Python tree (ir.h) and C: a fragment of code over typed
 * registers — C doubles, C longs, tagged numbers, borrowed objects — made
 * of operations declared once, as data, in lir_ops.def (operand and result
 * types, how each fails, whether it may run Python code, the C it prints).
 * A fragment is a list of blocks of instructions; an instruction that can
 * fail leaves through one of the fragment's exits (a C label of the
 * surrounding code) with nothing changed.
 *
 * Today the tiers of fused arithmetic (src/cgen/numeric.c) are built as
 * fragments: the guards that read the leaves and the computation in C
 * numbers.  The builder checks each fragment (lir_verify) and prints it
 * as C (lir_emit_c).  The rest of the code generator still writes C text;
 * docs/optimizer.md says what comes next.
 */
#ifndef PYC2C_COMPILER_LIR_H
#define PYC2C_COMPILER_LIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The type of a register or an operand. */
typedef enum {
    LT_VOID,   /* no value (an instruction without result, an absent operand) */
    LT_F64,    /* a C double */
    LT_I64,    /* a C long */
    LT_NUM,    /* a P2C_Num: an int or a float, tagged (pyc2c/numeric.h) */
    LT_OBJ,    /* a borrowed PyObject *, possibly NULL */
    LT_OWNED,  /* a new reference, not NULL; consumed by the operand using it */
    LT_XOWNED, /* a new reference or NULL; consumed likewise */
    LT_SYM,    /* a C identifier (a function, a constant's name) */
    LT_ANY,    /* operand only: any type but LT_VOID and LT_SYM */
    LT_SAME,   /* result only: the type of operand 0 */
    LT_NTYPES
} LirType;

typedef enum {
#define LIR_OP(id, name, result, a0, a1, a2, fails, runs_code, template) LIR_##id,
#include "pyc2c/compiler/lir_ops.def"
#undef LIR_OP
    LIR_NOPS
} LirOpcode;

typedef enum { LIR_NEVER, LIR_FALSE, LIR_NULL } LirFails;

/* One row of lir_ops.def. */
typedef struct {
    const char *name;
    LirType result;
    LirType args[3];
    LirFails fails;
    bool runs_code;
    const char *c_template;
} LirOpInfo;

extern const LirOpInfo lir_ops[LIR_NOPS];

/* An operand: a register, an immediate number, or a C expression the
 * surrounding code provides (a local variable's slot, a cache's place):
 * its value, of the given type, is read where the instruction runs. */
typedef enum { LV_NONE, LV_REG, LV_F64, LV_I64, LV_C } LirValueKind;

typedef struct {
    LirValueKind kind;
    LirType type;
    union {
        int reg;          /* LV_REG: its index in the fragment */
        double f;         /* LV_F64 (type LT_F64 or LT_NUM) */
        long i;           /* LV_I64 (type LT_I64, LT_NUM, or LT_F64: converted) */
        const char *c;    /* LV_C: owned by the fragment */
    } u;
} LirValue;

typedef struct {
    LirOpcode op;
    int dst;            /* result register, -1 if none */
    LirValue args[3];
    int exit;           /* index in the fragment's exits, -1 if none */
} LirInstr;

/* Where an instruction's failure goes: a C label of the surrounding code,
 * reached through a landing pad that first releases the owned registers
 * held there (lir_insert_releases: the pad's registers, LirExit.release). */
typedef struct {
    char *label;
    int *release;       /* registers the pad releases, in order */
    int nrelease;
    char *pad;          /* the pad's C label, NULL when nothing is released */
} LirExit;

typedef struct {
    LirInstr *instrs;
    int n, cap;
} LirBlock;

typedef struct {
    char *name;         /* its C name (the dump prints %name) */
    LirType type;
    int def;            /* the instruction defining it (block << 16 | index), -1 */
} LirReg;

typedef struct LirFragment {
    char *what;         /* for messages: "float tier at line 12" */
    bool no_code;       /* no operation may run Python code */
    LirReg *regs;
    int nregs, regcap;
    LirBlock *blocks;
    int nblocks, blockcap;
    LirExit *exits;
    int nexits, exitcap;
    char **strings;     /* LV_C texts, freed with the fragment */
    int nstrings, stringcap;
} LirFragment;

/* ---- building (src/lir/lir.c) ---------------------------------------------------- */

LirFragment *lir_fragment_new(const char *what, bool no_code);
void lir_fragment_free(LirFragment *f);
/* A new block, appended; the builder adds to the last block. */
int lir_block_new(LirFragment *f);
/* The exit to C label `label` (one per distinct label). */
int lir_exit(LirFragment *f, const char *label);
/* The exit to label through a pad releasing regs[0..n) (one per distinct
 * label and list; lir_insert_releases makes them). */
int lir_exit_releasing(LirFragment *f, const char *label, const int *regs, int n);
/* A new register of type t named `name` (printf-style), unassigned.  Its
 * name is its C name: unique within the C function. */
int lir_reg_new(LirFragment *f, LirType t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

LirValue lir_reg(const LirFragment *f, int reg);
/* Immediates: a double or a long as a value of type t — a long may be an
 * LT_I64, an LT_NUM or (exactly converted, |i| <= 2**53) an LT_F64; a
 * double an LT_F64 or an LT_NUM. */
LirValue lir_f64(LirType t, double v);
LirValue lir_i64(LirType t, long v);
/* A C expression of type t (copied). */
LirValue lir_c(LirFragment *f, LirType t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
LirValue lir_sym(LirFragment *f, const char *name);

/* Appends op to the last block: result into dst (a register made with
 * lir_reg_new, or -1), operands a and b (LV_NONE if absent), leaving
 * through exit (-1 for an operation that never fails).  Returns dst. */
int lir_add(LirFragment *f, LirOpcode op, int dst, LirValue a, LirValue b, int exit);
/* The same with a third operand. */
int lir_add3(LirFragment *f, LirOpcode op, int dst, LirValue a, LirValue b, LirValue c,
             int exit);

/* ---- passes (src/lir/release.c) ------------------------------------------------------ */

/* The exits of instructions that fail while owned registers are held go
 * through landing pads releasing them (docs/optimizer.md): the pass that
 * inserts those reference-count operations, so that builders never write
 * them.  Returns the number of pads made. */
int lir_insert_releases(LirFragment *f);

/* ---- checking (src/lir/verify.c) -------------------------------------------------- */

/* 0 if f keeps the rules of docs/optimizer.md ("The verifier"); else -1
 * with the first broken rule in msg. */
int lir_verify(const LirFragment *f, char *msg, size_t size);
/* The same for a fragment whose blocks from first_block on are as the
 * code generator selected them (the release pass not yet run over them):
 * their exits must release nothing, the rest is checked as above. */
int lir_verify_selected(const LirFragment *f, int first_block, char *msg, size_t size);

/* ---- the pass pipeline (src/lir/passes.c) ------------------------------------------ */

/* A pass over a fragment: the number of changes it made. */
typedef struct {
    const char *name;          /* what --dump-ir=after:NAME calls it */
    int (*run)(LirFragment *f);   /* NULL for "select", the pseudo-pass the
                                     fragment comes from (the code generator) */
    const char *description;   /* one line, for --help and the docs */
} LirPass;

/* The passes in the order they run; the first is "select".  They run only
 * where fragments are built: at -O2 (LIR_MIN_LEVEL). */
enum { LIR_MIN_LEVEL = 2 };
const LirPass *lir_pass_table(int *count);
const LirPass *lir_pass_find(const char *name);

/* Where --dump-ir prints fragments: before or after the pass named pass
 * (NULL: nowhere).  --dump-ir=lir is after the last pass. */
typedef struct {
    const char *pass;
    bool before;
    FILE *out;
} LirDump;

/* Runs the passes over the blocks of f from first_block on (those built
 * since the last run; the earlier ones were run and printed), verifying
 * the fragment before the first pass and after each, and printing those
 * blocks where dump says.  0, or -1 with the broken rule and the pass
 * after which it was found in msg. */
int lir_run_passes(LirFragment *f, int first_block, const LirDump *dump, char *msg,
                   size_t size);

/* ---- printing (src/lir/print.c, src/lir/emit.c) ----------------------------------- */

/* The dump: one instruction a line, `%name: type = op args else exit`. */
void lir_print(FILE *out, const LirFragment *f);
/* The blocks of f from first_block on (with the fragment's heading when
 * first_block is 0). */
void lir_print_blocks(FILE *out, const LirFragment *f, int first_block);
const char *lir_type_name(LirType t);

/* The C of f's blocks from first_block on, a line at a time through
 * line(ctx, text). */
typedef void (*LirLineFn)(void *ctx, const char *text);
void lir_emit_c(const LirFragment *f, int first_block, LirLineFn line, void *ctx);
/* The landing pads of f (after code that does not fall through). */
void lir_emit_pads(const LirFragment *f, LirLineFn line, void *ctx);

#endif
