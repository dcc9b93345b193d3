/* output.c — which paths pyc2c may write its output to.
 *
 * An output is installed by rename() over whatever is at the path
 * (paths.c), so the check happens before anything is built: the path must
 * be nothing yet, or a regular file that is none of the run's inputs.
 * Refused, each with one diagnostic line (docs/usage.md, "Outputs pyc2c
 * refuses"):
 *   - the source itself, by name or by identity (st_dev/st_ino: a hard
 *     link, `pyc2c tool` for a script without .py, `-o p.py p.py`), the
 *     target interpreter and the pyc2c executable;
 *   - a directory, a device, a FIFO or a socket: replacing /dev/null or a
 *     pipe someone reads is never what `-o` meant;
 *   - a symbolic link, unless --write-through-symlink: then the file it
 *     points to (after every hop) is the output, checked the same way, and
 *     the link stays.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"

/* Linux's own limit on links followed in one lookup. */
#define MAX_LINK_HOPS 40

/* What kind of file st is, for a message; NULL for a regular file. */
static const char *special_kind(const struct stat *st)
{
    if (S_ISREG(st->st_mode)) return NULL;
    if (S_ISDIR(st->st_mode)) return "a directory";
    if (S_ISCHR(st->st_mode)) return "a character device";
    if (S_ISBLK(st->st_mode)) return "a block device";
    if (S_ISFIFO(st->st_mode)) return "a FIFO";
    if (S_ISSOCK(st->st_mode)) return "a socket";
    if (S_ISLNK(st->st_mode)) return "a symbolic link";
    return "not a regular file";
}

/* Does st name the same file as path (followed through links)? */
static bool same_file(const struct stat *st, const char *path)
{
    struct stat other;
    return path && *path && stat(path, &other) == 0 && other.st_dev == st->st_dev
           && other.st_ino == st->st_ino;
}

/* The regular file st at shown is none of the run's inputs; 0, or -1
 * after a diagnostic. */
static int check_not_input(const struct stat *st, const char *shown,
                           const DriverOutputInputs *in)
{
    if (same_file(st, in->source)) {
        diag_error("output '%s' is the source file '%s' itself; choose another "
                   "output path with -o", shown, in->source);
        return -1;
    }
    if (same_file(st, in->python)) {
        diag_error("output '%s' is the target interpreter '%s'", shown, in->python);
        return -1;
    }
    if (same_file(st, "/proc/self/exe")) {
        diag_error("output '%s' is the pyc2c executable itself", shown);
        return -1;
    }
    return 0;
}

/* The file a symbolic link at path points to, after every hop (the last
 * one may not exist yet), malloc'd; NULL after a diagnostic. */
static char *follow_links(const char *path)
{
    char *p = driver_strdup(path);
    for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        char target[PATH_MAX];
        ssize_t n = readlink(p, target, sizeof target - 1);
        if (n < 0) {
            diag_error("cannot read the symbolic link '%s': %s", p, strerror(errno));
            free(p);
            return NULL;
        }
        target[n] = '\0';
        char *dir = driver_dirname(p);
        char *next = target[0] == '/' ? driver_strdup(target)
                                      : driver_sprintf("%s/%s", dir, target);
        free(dir);
        free(p);
        p = next;
    }
    diag_error("output '%s': too many levels of symbolic links", path);
    free(p);
    return NULL;
}

char *driver_check_output(const char *path, const DriverOutputInputs *in,
                          bool through_symlink)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return driver_strdup(path);
        diag_error("cannot use output path '%s': %s", path, strerror(errno));
        return NULL;
    }
    if (S_ISLNK(st.st_mode)) {
        if (!through_symlink) {
            diag_error("output '%s' is a symbolic link; pyc2c does not replace links "
                       "(--write-through-symlink replaces the file it points to)", path);
            return NULL;
        }
        char *target = follow_links(path);
        if (!target)
            return NULL;
        char *r = driver_check_output(target, in, false);
        free(target);
        return r;
    }
    const char *kind = special_kind(&st);
    if (kind) {
        diag_error("output '%s' is %s; pyc2c replaces only regular files", path, kind);
        return NULL;
    }
    return check_not_input(&st, path, in) == 0 ? driver_strdup(path) : NULL;
}

/* The directory of path resolved (it exists: checked before), then
 * path's last component: two spellings of one place give equal strings. */
static char *resolved_place(const char *path)
{
    char *dir = driver_dirname(path);
    char real[PATH_MAX];
    const char *base = strrchr(path, '/');
    char *r = driver_sprintf("%s/%s", realpath(dir, real) ? real : dir,
                             base ? base + 1 : path);
    free(dir);
    return r;
}

bool driver_same_output(const char *a, const char *b)
{
    char *ra = resolved_place(a), *rb = resolved_place(b);
    bool same = strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}
