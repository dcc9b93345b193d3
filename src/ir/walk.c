/* walk.c — the generic child walker: every pass that only needs "each node
 * of this tree" uses ir_walk() instead of its own switch over kinds.
 */
#include "pyc2c/compiler/ir.h"

/* Pre-order: node, then its kids in evaluation order.  A MAKE_FUNCTION's
 * function body is not a kid (it is a separate IrFunction of the module)
 * and is not visited. */
int ir_walk(IrNode *node, IrVisitFn visit, void *ctx)
{
    if (!node)
        return 0;
    int rc = visit(node, ctx);
    for (int i = 0; rc == 0 && i < node->nkids; i++)
        rc = ir_walk(node->kids[i], visit, ctx);
    return rc;
}
