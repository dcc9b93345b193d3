/* faults.c — allocation-failure injection, for tests (tests/faults/run).
 *
 * As Lua's test allocator does for its interpreter: with PYC2C_FAIL_ALLOC=N
 * in the environment, the N-th allocation (1-based) through Python's memory
 * and object allocators made while a compiled executable's __main__ runs
 * fails, once; every later one succeeds.  Compiled code must turn that into
 * a MemoryError raised where the allocation was asked for (or recover from
 * it, as CPython's own code sometimes does), never a crash, a wrong result
 * reported as success, or a leak.  PYC2C_FAIL_ALLOC=count fails nothing and
 * prints "pyc2c: N allocations" on stderr when __main__ ends, so that a test
 * knows how far to walk N.
 *
 * Only the run of __main__ is covered: start-up and finalization are
 * CPython's.  The raw domain (used without the GIL, by the interpreter's
 * own bookkeeping) is left alone.  Without the variable nothing is wrapped
 * and nothing costs anything.
 */
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    PyMemAllocatorDomain domain;
    PyMemAllocatorEx orig;     /* the allocator wrapped */
} Wrapped;

static Wrapped wrapped[2] = {{PYMEM_DOMAIN_MEM, {0}}, {PYMEM_DOMAIN_OBJ, {0}}};
static unsigned long long allocations, fail_at;   /* fail_at 0: count only */
static int active;

/* Whether this allocation is the one to fail. */
static int
should_fail(void)
{
    return ++allocations == fail_at;
}

static void *
faulty_malloc(void *ctx, size_t size)
{
    Wrapped *w = ctx;
    return should_fail() ? NULL : w->orig.malloc(w->orig.ctx, size);
}

static void *
faulty_calloc(void *ctx, size_t nelem, size_t elsize)
{
    Wrapped *w = ctx;
    return should_fail() ? NULL : w->orig.calloc(w->orig.ctx, nelem, elsize);
}

static void *
faulty_realloc(void *ctx, void *ptr, size_t size)
{
    Wrapped *w = ctx;
    return should_fail() ? NULL : w->orig.realloc(w->orig.ctx, ptr, size);
}

static void
faulty_free(void *ctx, void *ptr)
{
    Wrapped *w = ctx;
    w->orig.free(w->orig.ctx, ptr);
}

void
P2C_Faults_Start(void)
{
    const char *spec = getenv("PYC2C_FAIL_ALLOC");
    if (spec == NULL || *spec == '\0')
        return;
    fail_at = strcmp(spec, "count") == 0 ? 0 : strtoull(spec, NULL, 10);
    allocations = 0;
    for (int i = 0; i < 2; i++) {
        PyMem_GetAllocator(wrapped[i].domain, &wrapped[i].orig);
        PyMemAllocatorEx faulty = {&wrapped[i], faulty_malloc, faulty_calloc,
                                   faulty_realloc, faulty_free};
        PyMem_SetAllocator(wrapped[i].domain, &faulty);
    }
    active = 1;
}

void
P2C_Faults_Stop(void)
{
    if (!active)
        return;
    for (int i = 0; i < 2; i++)
        PyMem_SetAllocator(wrapped[i].domain, &wrapped[i].orig);
    active = 0;
    if (fail_at == 0)
        fprintf(stderr, "pyc2c: %llu allocations\n", allocations);
}
