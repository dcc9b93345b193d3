/* diag.h — the one way the compiler reports user errors.
 *
 * Every message is one line on stderr starting "pyc2c: error: ".  Errors in
 * the user's program name FILE:LINE (FILE as the user spelled it).  Compiler
 * bugs are not user errors: they go through P2C_UNREACHABLE(), which aborts.
 * Implemented in src/driver/diag.c.
 */
#ifndef PYC2C_COMPILER_DIAG_H
#define PYC2C_COMPILER_DIAG_H

#include <stdarg.h>
#include <stdbool.h>

/* pyc2c: error: <message> */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* pyc2c: error: FILE:LINE: <message> */
void diag_error_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* pyc2c: error: FILE:LINE: <construct> is not supported yet */
void diag_unsupported(const char *file, int line, const char *construct);
/* How many errors were reported so far. */
int diag_error_count(void);
/* While compiling one module of a package: name (or NULL) is said in every
 * error, after its file:line ("in module pkg.sub.mod: "). */
void diag_set_module(const char *name);

/* The first error of the run, for the report of a failed build
 * (`--report`): its file and line (NULL and 0 when it names none), the
 * module being compiled (or NULL) and the message without "pyc2c: error:"
 * and file:line.  NULL when no error was reported. */
typedef struct {
    const char *file;
    int line;
    const char *module;
    const char *message;
} DiagFirstError;
const DiagFirstError *diag_first_error(void);
/* Notes an error that was shown some other way (the target's own
 * SyntaxError, printed as python3 prints it) without printing it. */
void diag_note_error_at(const char *file, int line, const char *message);

/* pyc2c: error: out of memory while <doing> (doing NULL: the line ends at
 * "memory"), then exit status 1: memory
 * running out is the machine's limit, not a bug, and says so in one line
 * (registered temporaries are removed at exit, src/driver/interrupt.c). */
void diag_out_of_memory(const char *doing) __attribute__((noreturn));

/* A progress line on a terminal (stderr a tty; nothing otherwise: tests
 * compare stderr): "pyc2c: <message>" replacing the previous one, without
 * a newline.  Every other message clears it first (diag_progress_clear,
 * also called before the front end prints a SyntaxError), so that lines
 * never mix; the driver clears it when the build ends. */
void diag_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_progress_clear(void);
/* Is a progress line shown (stderr a tty)?  For progress that costs work
 * to follow (the C build's count, src/driver/build.c). */
bool diag_progress_enabled(void);

#define P2C_UNREACHABLE() diag_unreachable(__FILE__, __LINE__, __func__)
void diag_unreachable(const char *file, int line, const char *func)
    __attribute__((noreturn));

#endif
