/* diag.c — user-facing error messages of the compiler (see diag.h). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"

static int error_count;
static const char *module_context;
static int progress_shown;     /* a progress line is on the terminal */

void diag_progress(const char *fmt, ...)
{
    static int tty = -1;
    if (tty < 0)
        tty = isatty(2);
    if (!tty)
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
    fprintf(stderr, "pyc2c: error: out of memory while %s\n", doing);
    exit(1);
}

void diag_unreachable(const char *file, int line, const char *func)
{
    fprintf(stderr, "pyc2c: internal error: unreachable code reached at %s:%d (%s)\n",
            file, line, func);
    abort();
}
