/* generators.c — yield and yield from (docs/reformulations.md, "Generators").
 *
 *   def g(x):                          def g(x):          # is_generator
 *       y = yield x                        y = yield(x)
 *       r = yield from sub()               r = yield_from(sub())
 *
 * Both stay expressions of the IR: what suspends and resumes the frame is
 * the code generator's and the runtime's business (src/cgen/generators.c,
 * runtime/generator.c).  A function is a generator when CPython's symtable
 * would say so: its own code (not a nested scope's) has a yield, found by
 * the front end's walk (AstScope.is_generator) even where it cannot run
 * (`return; yield`).  Each carries its expression's span, the position
 * CPython 3.11 gives YIELD_VALUE and SEND: a thrown-in exception's
 * traceback line, a suspended generator's gi_frame.f_lineno.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

IrNode *lower_yield(Lower *L, const AstYield *e)
{
    if (!L->fn->is_generator)   /* the symtable rejects this already */
        return lower_syntax_error(L, e->hdr.pos.line, "'yield' outside function"), NULL;
    IrNode *n = ir_node_new(L->m, IR_YIELD, e->hdr.pos);
    if (e->value) {
        IrNode *value = lower_expr(L, e->value);
        if (!value)
            return NULL;
        ir_node_add(L->m, n, value);
    }
    return n;
}

IrNode *lower_yield_from(Lower *L, const AstYieldFrom *e)
{
    if (!L->fn->is_generator)
        return lower_syntax_error(L, e->hdr.pos.line, "'yield' outside function"), NULL;
    IrNode *value = lower_expr(L, e->value);
    return value ? ir_node(L->m, IR_YIELD_FROM, e->hdr.pos, 1, value) : NULL;
}
