/* cfiles.c — writing a module's generated C into the build directory, as
 * one C file or, for a heavy module, several (src/cgen/cfiles.c has the
 * layout of the text: shared declarations, then pieces after each
 * CGEN_CFILE_MARKER line).  Each file is written only when its content
 * changed, which is what lets an unchanged module skip its C build.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pyc2c/compiler/cgen.h"
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

int driver_write_if_changed(const char *path, const char *text, size_t len)
{
    size_t old_len;
    char *old = driver_read_file(path, &old_len);
    bool same = old && old_len == len && memcmp(old, text, len) == 0;
    free(old);
    return same ? 0 : driver_write_atomic(path, text, len, 0644);
}

void driver_list_append(char ***list, char *item)
{
    size_t n = 0;
    while (*list && (*list)[n])
        n++;
    char **grown = xrealloc(*list, n + 2, sizeof *grown);
    grown[n] = item;
    grown[n + 1] = NULL;
    *list = grown;
}

/* The next marker line at or after p, or NULL. */
static const char *next_marker(const char *p, const char *end)
{
    static const char marker[] = "\n" CGEN_CFILE_MARKER "\n";
    size_t n = sizeof marker - 1;
    for (; p && p + n <= end; p++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p || p + n > end)
            return NULL;
        if (memcmp(p, marker, n) == 0)
            return p + 1;
    }
    return NULL;
}

/* Writes the shared declarations [text, shared_end) and the piece
 * [from, to) as the file at path. */
static int write_piece(const char *path, const char *text, size_t shared_len,
                       const char *from, const char *to)
{
    size_t len = shared_len + (size_t)(to - from);
    char *buf = xmalloc(len);
    memcpy(buf, text, shared_len);
    memcpy(buf + shared_len, from, (size_t)(to - from));
    int r = driver_write_if_changed(path, buf, len);
    free(buf);
    return r;
}

/* Removes NAME.part<k>.c and the object scons made of it, from k = first
 * on, as long as they exist: what an earlier build of the module wrote in
 * more pieces than this one. */
static void remove_stale_parts(const char *path, int first)
{
    size_t stem = strlen(path) - 2;
    for (int k = first;; k++) {
        char *c = driver_sprintf("%.*s.part%d.c", (int)stem, path, k);
        char *o = driver_sprintf("%.*s.part%d.o", (int)stem, path, k);
        int gone = unlink(c) != 0;
        unlink(o);
        free(c);
        free(o);
        if (gone)
            break;
    }
}

int driver_write_c_files(const char *path, const char *text, size_t len, char ***extra)
{
    const char *end = text + len;
    const char *m = next_marker(text, end);
    if (!m) {
        remove_stale_parts(path, 1);
        return driver_write_if_changed(path, text, len);
    }
    size_t shared_len = (size_t)(m - text);
    size_t marker_len = strlen(CGEN_CFILE_MARKER "\n");
    int r = 0, k;
    for (k = 0; m && r == 0; k++) {
        const char *from = m + marker_len, *next = next_marker(from - 1, end);
        const char *to = next ? next : end;
        if (k == 0) {
            r = write_piece(path, text, shared_len, from, to);
        } else {
            /* NAME.c -> NAME.part<k>.c beside it */
            size_t stem = strlen(path) - 2;
            char *p = driver_sprintf("%.*s.part%d.c", (int)stem, path, k);
            r = write_piece(p, text, shared_len, from, to);
            driver_list_append(extra, p);
        }
        m = next;
    }
    if (r == 0)
        remove_stale_parts(path, k);
    return r;
}
