/* lower.h — lowering: the C AST of one module into baby-Python IR, one family
 * of reformulations a file in src/lower/ (docs/reformulations.md).
 */
#ifndef PYC2C_COMPILER_LOWER_H
#define PYC2C_COMPILER_LOWER_H

#include "pyc2c/compiler/ast.h"
#include "pyc2c/compiler/ir.h"

/* Lowers u as module `module_name` ("__main__" for a program).  Returns NULL
 * after a diagnostic ("FILE:LINE: <construct> is not supported yet") when the
 * module uses a construct outside the supported subset. */
IrModule *lower_module(const AstUnit *u, const char *module_name);

#endif
