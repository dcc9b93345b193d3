/* diag.c — user-facing error messages of the compiler (see diag.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

static int error_count;
static const char *module_context;
static int progress_shown;     /* a progress line is on the terminal */
static DiagFirstError first;   /* for --report of a failed build */

/* Keeps the first error's parts (copies: the caller's strings go). */
static void keep_first(const char *file, int line, const char *text)
{
    if (first.message)
        return;
    first.file = file ? xstrdup(file) : NULL;
    first.line = line;
    first.module = module_context ? xstrdup(module_context) : NULL;
    first.message = xstrdup(text);
}

const DiagFirstError *diag_first_error(void)
{
    return first.message ? &first : NULL;
}

void diag_note_error_at(const char *file, int line, const char *message)
{
    keep_first(file, line, message);
}

bool diag_progress_enabled(void)
{
    static int tty = -1;
    if (tty < 0)
        tty = isatty(2);
    return tty;
}

void diag_progress(const char *fmt, ...)
{
    if (!diag_progress_enabled())
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("\r\033[Kpyc2c: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
    progress_shown = 1;
}

void diag_progress_clear(void)
{
    if (!progress_shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    progress_shown = 0;
}

void diag_set_module(const char *name)
{
    module_context = name;
}

static void vreport(const char *file, int line, const char *fmt, va_list ap)
{
    if (!first.message) {
        char text[1024];
        va_list copy;
        va_copy(copy, ap);
        vsnprintf(text, sizeof text, fmt, copy);
        va_end(copy);
        keep_first(file, line, text);
    }
    diag_progress_clear();
    fputs("pyc2c: error: ", stderr);
    if (file)
        fprintf(stderr, "%s:%d: ", file, line);
    if (module_context)
        fprintf(stderr, "in module %s: ", module_context);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    error_count++;
}

void diag_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(NULL, 0, fmt, ap);
    va_end(ap);
}

void diag_error_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(file, line, fmt, ap);
    va_end(ap);
}

void diag_unsupported(const char *file, int line, const char *construct)
{
    diag_error_at(file, line, "%s is not supported yet", construct);
}

int diag_error_count(void)
{
    return error_count;
}

void diag_out_of_memory(const char *doing)
{
    diag_progress_clear();
    if (doing)
        fprintf(stderr, "pyc2c: error: out of memory while %s\n", doing);
    else
        fputs("pyc2c: error: out of memory\n", stderr);
    exit(1);
}

void diag_unreachable(const char *file, int line, const char *func)
{
    fprintf(stderr, "pyc2c: internal error: unreachable code reached at %s:%d (%s)\n",
            file, line, func);
    abort();
}
