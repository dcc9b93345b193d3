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
 * When the N-th allocation fails, one line "pyc2c: allocation N failed at
 * FILE+0xOFFSET ..." on stderr gives the C stack of the failing request
 * (return addresses as offsets in their loaded files, innermost first), so
 * that tests/faults/run can tell, with addr2line, whose code asked for the
 * memory: a known defect of CPython's own (named in its table) or ours.
 * The line is written at once, before any consequence of the failure, so a
 * crash that follows still has it.
 *
 * Only the run of __main__ is covered: start-up and finalization are
 * CPython's.  The raw domain (used without the GIL, by the interpreter's
 * own bookkeeping) is left alone.  Without the variable nothing is wrapped
 * and nothing costs anything.
 */
#include "internal.h"
#include <dlfcn.h>
#include <execinfo.h>
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

enum { STACK_DEPTH = 24 };

/* Writes the "allocation N failed at" line, its first entries in this
 * file (tests/faults/run skips them).  Neither backtrace() nor
 * dladdr() allocates here (backtrace's one-time loading of libgcc was done
 * by P2C_Faults_Start), and stderr is unbuffered, so the report cannot
 * itself run into the allocator being wrapped. */
static void __attribute__((noinline))
report_failing_stack(void)
{
    void *stack[STACK_DEPTH];
    int depth = backtrace(stack, STACK_DEPTH);
    fprintf(stderr, "pyc2c: allocation %llu failed at", allocations);
    for (int i = 0; i < depth; i++) {
        Dl_info info;
        if (dladdr(stack[i], &info) && info.dli_fname != NULL)
            fprintf(stderr, " %s+0x%lx", info.dli_fname,
                    (unsigned long)((char *)stack[i] - (char *)info.dli_fbase));
        else
            fprintf(stderr, " ?+%p", stack[i]);
    }
    fputc('\n', stderr);
}

/* Whether this allocation is the one to fail. */
static int
should_fail(void)
{
    if (++allocations != fail_at)
        return 0;
    report_failing_stack();
    return 1;
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
    if (fail_at != 0) {
        void *warm_up[1];
        backtrace(warm_up, 1);   /* loads libgcc now, not inside an allocation */
    }
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
