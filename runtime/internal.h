/* internal.h — declarations shared by the runtime's own sources (never by
 * generated code): operator numbering and small helpers.
 *
 * The operator numbers are the compiler's IrBinOp / IrUnaryOp / IrCmpOp
 * (include/pyc2c/compiler/ir.h), written again here because the runtime must
 * not depend on compiler headers; tests/unit/runtime/test_ops_table.c checks
 * statically that both tables agree.
 */
#ifndef PYC2C_RUNTIME_INTERNAL_H
#define PYC2C_RUNTIME_INTERNAL_H

#include "pyc2c/runtime.h"
#include "compat/api.h"

/* Binary operators, CPython's NB_* order (BINARY_OP's oparg). */
enum {
    P2C_NB_ADD, P2C_NB_AND, P2C_NB_FLOOR_DIVIDE, P2C_NB_LSHIFT,
    P2C_NB_MATRIX_MULTIPLY, P2C_NB_MULTIPLY, P2C_NB_REMAINDER, P2C_NB_OR,
    P2C_NB_POWER, P2C_NB_RSHIFT, P2C_NB_SUBTRACT, P2C_NB_TRUE_DIVIDE,
    P2C_NB_XOR,
    P2C_NB_COUNT
};

/* Unary operators. */
enum { P2C_UNARY_INVERT, P2C_UNARY_NOT, P2C_UNARY_POSITIVE, P2C_UNARY_NEGATIVE,
       P2C_UNARY_COUNT };

/* Comparisons: the first six equal Py_LT..Py_GE. */
enum {
    P2C_CMP_LT = Py_LT, P2C_CMP_LE = Py_LE, P2C_CMP_EQ = Py_EQ,
    P2C_CMP_NE = Py_NE, P2C_CMP_GT = Py_GT, P2C_CMP_GE = Py_GE,
    P2C_CMP_IS, P2C_CMP_IS_NOT, P2C_CMP_IN, P2C_CMP_NOT_IN,
    P2C_CMP_COUNT
};

/* The interned str for text, created at first use into *slot and kept for
 * the process (borrowed).  Interned names hit dict lookups by identity and
 * do not churn the type attribute cache.  NULL on error. */
static inline PyObject *
P2C_InternedString(PyObject **slot, const char *text)
{
    if (P2C_UNLIKELY(*slot == NULL))
        *slot = PyUnicode_InternFromString(text);
    return *slot;
}

#endif
