/* xalloc.c — checked allocation for the compiler (xalloc.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

static unsigned long long calls, fail_at;

static void print_count(void)
{
    fprintf(stderr, "pyc2c: %llu compiler allocations\n", calls);
}

/* Whether this call is the one PYC2C_COMPILER_FAIL_ALLOC asks to fail.
 * PYC2C_COMPILER_FAIL_ALLOC=count fails none and prints how many calls the
 * run made, at exit, so that a test knows how far to walk. */
static int injected_failure(void)
{
    static int read;
    if (!read) {
        const char *spec = getenv("PYC2C_COMPILER_FAIL_ALLOC");
        read = 1;
        if (spec && strcmp(spec, "count") == 0)
            atexit(print_count);
        else
            fail_at = spec ? strtoull(spec, NULL, 10) : 0;
    }
    return ++calls == fail_at;
}

/* p, or the end of the run when it is NULL. */
static void *checked(void *p)
{
    if (!p)
        diag_out_of_memory(NULL);
    return p;
}

void *xmalloc(size_t size)
{
    return checked(injected_failure() ? NULL : malloc(size ? size : 1));
}

void *xcalloc(size_t count, size_t size)
{
    return checked(injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        diag_out_of_memory(NULL);
    size_t bytes = count * size;
    return checked(injected_failure() ? NULL : realloc(p, bytes ? bytes : 1));
}

char *try_strdup(const char *s)
{
    return injected_failure() ? NULL : strdup(s);
}

char *xstrdup(const char *s)
{
    return checked(try_strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
    return checked(injected_failure() ? NULL : strndup(s, n));
}
