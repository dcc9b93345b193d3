/* outofline.c — the out-of-line twins of pyc2c/out_of_line.def: each
 * NAME_OutOfLine returns what NAME returns for the same arguments, for the
 * C of huge functions (docs/compile-scaling.md, part 7). */
#include "internal.h"

#define P2C_OUT_OF_LINE(type, name, params, args) \
    type name##_OutOfLine params { return name args; }
#include "pyc2c/out_of_line.def"
#undef P2C_OUT_OF_LINE
