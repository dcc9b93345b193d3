/* internal.h — declarations shared by the runtime's own sources (never by
 * generated code): operator numbering and small helpers.
 *
 * The operator numbers live in include/pyc2c/ops.h, with the fast paths
 * generated code inlines.
 */
#ifndef PYC2C_RUNTIME_INTERNAL_H
#define PYC2C_RUNTIME_INTERNAL_H

#include "pyc2c/runtime.h"
#include "compat/api.h"

/* Sets .name of the NameError being raised (runtime/names.c). */
P2C_API void P2C_NameErrorSetName(PyObject *name);

/* Points P2C_EvalBreaker at the running interpreter's flag
 * (runtime/compat/ceval311.c). */
P2C_API void P2C_PublishEvalBreaker(void);

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

/* Makes an extension module's importlib loader read its source from the
 * .py beside it (get_source; loader.c).  0 or -1. */
P2C_API int P2C_Module_SetLoader(PyObject *module);

/* NameError "name 'x' is not defined" with .name set (names.c). */
P2C_API void P2C_RaiseNameError(PyObject *name);

#endif
