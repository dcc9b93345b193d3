/* emit.c — the Emitter: a growable text buffer for generated C, with
 * indentation, labels and C string literals.  Functions are generated into
 * their own Emitter first because their declarations (how many temporaries)
 * are only known once their body has been written.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

void emit_init(Emitter *e)
{
    memset(e, 0, sizeof *e);
}

void emit_free(Emitter *e)
{
    free(e->buf);
    memset(e, 0, sizeof *e);
}

static void reserve(Emitter *e, size_t more)
{
    if (e->len + more + 1 <= e->cap)
        return;
    size_t cap = e->cap ? e->cap : 4096;
    while (cap < e->len + more + 1)
        cap *= 2;
    e->buf = xrealloc(e->buf, cap, 1);
    e->cap = cap;
}

static void put(Emitter *e, const char *s, size_t n)
{
    reserve(e, n);
    memcpy(e->buf + e->len, s, n);
    e->len += n;
    e->buf[e->len] = '\0';
}

static void vput(Emitter *e, const char *fmt, va_list ap)
{
    if (fmt == NULL)   /* never; says so to gcc, whose -O1 with UBSan's */
        P2C_UNREACHABLE();   /* checks otherwise warns of a null format */
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        P2C_UNREACHABLE();
    reserve(e, (size_t)n);
    vsnprintf(e->buf + e->len, (size_t)n + 1, fmt, ap);
    e->len += (size_t)n;
}

static void indent(Emitter *e, int spaces)
{
    for (int i = 0; i < spaces; i++)
        put(e, " ", 1);
}

void emit_line(Emitter *e, const char *fmt, ...)
{
    va_list ap;
    indent(e, 4 * e->indent);
    va_start(ap, fmt);
    vput(e, fmt, ap);
    va_end(ap);
    put(e, "\n", 1);
}

void emit_raw(Emitter *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(e, fmt, ap);
    va_end(ap);
}

void emit_label(Emitter *e, const char *name)
{
    indent(e, e->indent > 0 ? 4 * e->indent - 2 : 0);
    put(e, name, strlen(name));
    put(e, ":;\n", 3);   /* the ';' lets a label end a block */
}

void emit_append(Emitter *dst, const Emitter *src)
{
    if (src->len)
        put(dst, src->buf, src->len);
}

/* Non-ASCII bytes and anything unusual become three-digit octal escapes, so
 * the literal is plain ASCII whatever the source's encoding; "??" is broken
 * up so that no trigraph can form. */
void emit_c_string(Emitter *e, const char *s)
{
    put(e, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char buf[8];
        if (*p == '"' || *p == '\\')
            snprintf(buf, sizeof buf, "\\%c", *p);
        else if (*p == '?' && p[1] == '?')
            snprintf(buf, sizeof buf, "?\\");
        else if (*p >= 0x20 && *p < 0x7f)
            snprintf(buf, sizeof buf, "%c", *p);
        else
            snprintf(buf, sizeof buf, "\\%03o", *p);
        put(e, buf, strlen(buf));
    }
    put(e, "\"", 1);
}

size_t emit_count_lines(const Emitter *e)
{
    size_t n = 0;
    for (size_t i = 0; i < e->len; i++)
        n += e->buf[i] == '\n';
    return n;
}
