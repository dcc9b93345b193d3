/* lambda.c — `lambda` as a function whose body returns its expression.
 *
 *   lambda a, b=1: a + b        make_function(<lambda>, defaults=(1,))
 *                               def <lambda>(a, b):
 *                                   return a + b
 *
 * As in CPython 3.11 (compile.c, compiler_lambda): co_name "<lambda>",
 * qualname "f.<locals>.<lambda>" inside f, co_firstlineno the lambda's line,
 * no docstring (co_consts[0] is None), defaults and kw-only defaults
 * evaluated where the lambda is.  Its RESUME and its return are at
 * (line, 0, line, 0): compiler_enter_scope's location, which 3.11 gives
 * every instruction of the scope that no expression of its own covers.
 */
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

IrNode *lower_lambda(Lower *L, const AstLambda *e)
{
    if (!e->hdr.scope)
        P2C_UNREACHABLE();
    const Astarguments *a = (const Astarguments *)e->args;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, e->hdr.pos);
    if (lower_signature(L, a, NULL, make) < 0)
        return NULL;
    IrPos start = {e->hdr.pos.line, 0, e->hdr.pos.line, 0};
    IrFunction *fn = ir_function_new(L->m, L->fn, "<lambda>",
                                     lower_qualname(L, "<lambda>"), start);
    Lower inner = lower_function_enter(L, fn, e->hdr.scope, a);
    IrNode *body = lower_expr(&inner, e->body);
    /* a generator lambda returns its body's value too, by the implicit
     * return that 3.11 places at the body's span */
    IrPos at = fn->is_generator ? e->body->pos : start;
    if (body)
        ir_node_add(L->m, fn->body, ir_node(L->m, IR_RETURN, at, 1, body));
    if (lower_function_leave(L, &inner, body ? 0 : -1) < 0)
        return NULL;
    make->func = fn;
    return make;
}
