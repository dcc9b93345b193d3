/* opt.h — passes over the lowered IR, one a file in src/opt/
 * (docs/optimizer.md, "Passes").
 */
#ifndef PYC2C_COMPILER_OPT_H
#define PYC2C_COMPILER_OPT_H

#include "pyc2c/compiler/ir.h"

/* Constant folding as CPython's own compiler does it (Python/ast_opt.c):
 * operators over constants, constant tuples, subscripts of constants, and
 * list/set displays iterated or tested with `in` turned into tuples and
 * frozensets.  Runs at every optimization level, since it decides which
 * objects are one constant (`a = (1, 2); b = (1, 2); a is b` is True under
 * CPython).  python_version is the target's, in PY_VERSION_HEX's layout
 * (0x030B0000 for 3.11).  0, or -1 with a Python error set (memory). */
int opt_fold_module(IrModule *m, unsigned python_version);

/* Definite assignment (src/opt/bound.c): sets known_bound on every load and
 * del of a fast local (or of a cell no inner function deletes) that finds
 * the variable bound on every path.  An optimization: -O0 skips it. */
void opt_bound_module(IrModule *m);

/* Generator expressions consumed in place (src/opt/collect.c): marks each
 * call `consumer(<genexpr>)` whose callee is named as one of
 * pyc2c/collect_kinds.def's consumers, and its generator expression, so
 * that the code generator writes a collector and a guarded call of it.
 * An optimization: -O0 skips it. */
void opt_collect_module(IrModule *m);

/* The kinds IrNode.collect holds, in the order of collect_kinds.def (the
 * runtime numbers its P2C_COLLECT_* alike, but generated C names them). */
enum {
    IR_COLLECT_NONE = 0,
#define P2C_COLLECT(id, name, builtin) IR_COLLECT_##id,
#include "pyc2c/collect_kinds.def"
#undef P2C_COLLECT
};

/* "SUM" for IR_COLLECT_SUM: the runtime's kind is P2C_COLLECT_ + this. */
const char *opt_collect_kind_id(int kind);

#endif
