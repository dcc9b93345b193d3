/* xalloc.h — the compiler's checked allocation.
 *
 * Memory running out while compiling is the machine's limit, not a bug:
 * each of these either returns the memory or ends the run through
 * diag_out_of_memory (one line "pyc2c: error: out of memory", exit status
 * 1; the driver's temporaries are removed at exit and an output is only
 * ever installed by rename, so nothing half-written is left).  The compiler
 * uses them instead of malloc and friends, whose NULL it would otherwise
 * have to check at every call.
 *
 * Fault injection, for tests/driver's walk: with PYC2C_COMPILER_FAIL_ALLOC=N
 * in the environment the N-th call of these (1-based) fails as if memory
 * had run out (=count: none fails, and "pyc2c: N compiler allocations" is
 * printed at exit).  Read in every build: the binary tested is the one shipped,
 * and the cost is one getenv per run.
 */
#ifndef PYC2C_COMPILER_XALLOC_H
#define PYC2C_COMPILER_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Resizes p to count items of size bytes (count * size checked for
 * overflow, as reallocarray does). */
void *xrealloc(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* strdup, fault injection included, that returns NULL instead of ending the
 * run: for the one caller that must undo something first (a temporary file
 * made before its name could be registered, src/driver/interrupt.c). */
char *try_strdup(const char *s);

#endif
