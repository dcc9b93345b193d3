/* paths.c — where things are: the pyc2c home, the build cache, and the small
 * file utilities the driver needs (atomic writes and copies, mtimes).
 *
 * Atomic means: write a temporary file in the destination's own directory,
 * then rename() it over the destination, so a reader (or a user after an
 * interrupted run) sees either the old file or the complete new one.  The
 * temporary is removed on every way out: errors here, signals
 * (interrupt.c), and a SIGKILL by the next write of the same path
 * (driver_sweep_temps).  The rename replaces only a regular file.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

char *driver_strdup(const char *s)
{
    return xstrdup(s ? s : "");
}

char *driver_sprintf(const char *fmt, ...)
{
    va_list ap;
    char *r;
    va_start(ap, fmt);
    int n = vasprintf(&r, fmt, ap);
    va_end(ap);
    if (n < 0)
        diag_out_of_memory(NULL);
    return r;
}

unsigned long long driver_hash(const char *s, unsigned long long seed)
{
    unsigned long long h = seed ? seed : 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    h ^= 0xff;             /* a separator, so ("ab","c") != ("a","bc") */
    h *= 1099511628211ULL;
    return h;
}

char *driver_abspath(const char *path)
{
    if (path[0] == '/')
        return driver_strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return driver_strdup(path);
    /* Joined as CPython joins a script path, without normalizing: `python3
     * ./x.py` names the file "/cwd/./x.py" in tracebacks. */
    return driver_sprintf("%s/%s", cwd, path);
}

char *driver_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return driver_strdup(".");
    if (slash == path)
        return driver_strdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

char *driver_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return xstrndup(base, n);
}

int driver_mkdirs(const char *path)
{
    char *p = driver_strdup(path);
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return 0;
}

/* The home holds include/pyc2c/runtime.h, runtime/ and scons/. */
static int is_home(const char *dir)
{
    char *probe = driver_sprintf("%s/scons/SConstruct", dir);
    int ok = access(probe, R_OK) == 0;
    free(probe);
    return ok;
}

char *driver_find_home(void)
{
    const char *env = getenv("PYC2C_HOME");
    if (env && *env) {
        if (is_home(env))
            return driver_strdup(env);
        diag_error("PYC2C_HOME='%s' has no scons/SConstruct", env);
        return NULL;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        diag_error("cannot find the pyc2c executable: %s", strerror(errno));
        return NULL;
    }
    exe[n] = '\0';
    char *bindir = driver_dirname(exe);
    char *cands[] = { driver_sprintf("%s/..", bindir),
                      driver_sprintf("%s/../share/pyc2c", bindir) };
    char *home = NULL;
    for (int i = 0; i < 2; i++) {
        if (!home && is_home(cands[i]))
            home = realpath(cands[i], NULL);
        free(cands[i]);
    }
    if (!home)
        diag_error("cannot find the pyc2c home (scons/, runtime/, include/) "
                   "near %s; set PYC2C_HOME", bindir);
    free(bindir);
    return home;
}

char *driver_cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/')
        return driver_sprintf("%s/pyc2c", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return driver_sprintf("%s/.cache/pyc2c", home);
    return driver_sprintf("/tmp/pyc2c-%ld", (long)getuid());
}

/* How much to allocate before reading fd: its size and one byte more (a
 * last read that returns 0 proves the end without growing), or a guess for
 * what has no size (a FIFO, /proc files, which say 0). */
static size_t initial_capacity(int fd)
{
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        return (size_t)st.st_size + 1;
    return 1 << 16;
}

/* Reads fd to its end into a malloc'd buffer with a '\0' after the data
 * (*len bytes).  Sized once by initial_capacity, so reading a large file
 * costs one allocation and no copy; a file that grows while read (or whose
 * size was a guess) grows the buffer by doubling.  NULL with errno set. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = initial_capacity(fd), n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            char *bigger = realloc(buf, 2 * cap + 1);
            if (!bigger)
                break;
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got == 0) {
            buf[n] = '\0';
            *len = n;
            return buf;
        }
        if (got < 0 && errno != EINTR)
            break;
        n += got > 0 ? (size_t)got : 0;
    }
    int err = buf ? errno : ENOMEM;
    free(buf);
    errno = err;
    return NULL;
}

char *driver_read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t len = 0;
    char *buf = read_all(fd, &len);
    int err = errno;
    close(fd);
    errno = err;
    if (buf && size)
        *size = len;
    return buf;
}

/* The process umask, read without changing it for good. */
static mode_t current_umask(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

/* The prefix of path's temporaries, ".BASE.pyc2c-tmp-", and its directory. */
static char *temp_prefix(const char *path, char **dir)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    *dir = driver_dirname(path);
    return driver_sprintf(".%s.pyc2c-tmp-", base);
}

/* Removes one leftover temporary, dir/name, if its writer is gone: a
 * writer holds an exclusive flock on its temporary from creation to rename
 * (open_temp_near), so a lock we can take means a dead writer (a SIGKILLed
 * pyc2c: the one end no handler can clean up after). */
static void remove_if_abandoned(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
        unlinkat(dirfd, name, 0);
    close(fd);
}

void driver_sweep_temps(const char *path)
{
    char *dir;
    char *prefix = temp_prefix(path, &dir);
    size_t n = strlen(prefix);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strncmp(e->d_name, prefix, n) == 0 && strlen(e->d_name) == n + 6)
            remove_if_abandoned(dirfd(d), e->d_name);
    if (d)
        closedir(d);
    free(prefix);
    free(dir);
}

/* Opens a fresh temporary file next to path, locked (see
 * remove_if_abandoned) and registered for removal on a signal; returns its
 * fd, its name and its registration slot.  -1 with errno set. */
static int open_temp_near(const char *path, char **tmp_name, int *slot, mode_t mode)
{
    char *dir;
    char *prefix = temp_prefix(path, &dir);
    *tmp_name = driver_sprintf("%s/%sXXXXXX", dir, prefix);
    free(prefix);
    free(dir);
    *slot = -1;
    sigset_t all, old;
    sigfillset(&all);
    /* No signal between creating the file and registering it. */
    sigprocmask(SIG_BLOCK, &all, &old);
    int fd = mkostemp(*tmp_name, O_CLOEXEC);
    if (fd >= 0) {
        *slot = driver_temp_add(*tmp_name);
        flock(fd, LOCK_EX);
        fchmod(fd, mode & ~current_umask());
    }
    int err = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = err;
    return fd;
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

/* rename() replaces only a regular file (or nothing): never a device, a
 * FIFO, a socket, a directory or a symbolic link that appeared since the
 * output was checked (main.c).  0, or -1 with errno set. */
static int rename_over_regular(const char *tmp, const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        errno = EEXIST;
        return -1;
    }
    return rename(tmp, path);
}

/* What fills a temporary (write_atomic_with): 0, or -1 with errno set. */
typedef int (*FillTemp)(int fd, void *arg);

/* Writes path atomically: a temporary beside it (mode less the umask),
 * filled by fill(fd, arg), then renamed over path.  On every failure the
 * temporary is removed and path is as it was.  what: how the message of a
 * failure begins ("cannot write 'PATH'").  -1 after a diagnostic. */
static int write_atomic_with(const char *path, mode_t mode, FillTemp fill, void *arg,
                             const char *what)
{
    driver_sweep_temps(path);
    char *tmp;
    int slot;
    int fd = open_temp_near(path, &tmp, &slot, mode);
    if (fd < 0) {
        diag_error("cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    int ok = fill(fd, arg) == 0;
    int err = errno;
    if (ok && rename_over_regular(tmp, path) != 0) {
        ok = 0;
        err = errno;
    }
    if (!ok)
        unlink(tmp);
    /* Closed (the lock released) only once the name is gone or renamed. */
    if (close(fd) != 0 && ok) {
        ok = 0;
        err = errno;
    }
    driver_temp_forget(slot);
    if (!ok && err == EEXIST)
        diag_error("cannot write '%s': it is no longer a regular file", path);
    else if (!ok)
        diag_error("%s: %s", what, strerror(err));
    free(tmp);
    return ok ? 0 : -1;
}

typedef struct {
    const char *data;
    size_t size;
} Bytes;

static int fill_with_bytes(int fd, void *arg)
{
    const Bytes *b = arg;
    return write_all(fd, b->data, b->size);
}

int driver_write_atomic(const char *path, const char *data, size_t size, mode_t mode)
{
    Bytes b = { data, size };
    char *what = driver_sprintf("cannot write '%s'", path);
    int r = write_atomic_with(path, mode, fill_with_bytes, &b, what);
    free(what);
    return r;
}

/* ---- copies ------------------------------------------------------------------ */

/* A plain copy runs in the kernel (copy_file_range: no pages of ours, about
 * 10x less time than read and write for a dist's 27 MB; docs/usage.md),
 * and falls back to read and write where the kernel cannot copy: another
 * file system on old kernels (EXDEV), none (ENOSYS), a file system or a
 * file that does not support it (EOPNOTSUPP, EINVAL: a FIFO, some FUSE),
 * and files that claim a size they do not deliver through it (0 bytes
 * copied before the end: /proc files, which also say size 0).  The
 * fallback goes on from where the kernel stopped: a failed call copies
 * nothing and leaves both offsets, a short one moved them together. */
ssize_t (*driver_copy_file_range)(int, loff_t *, int, loff_t *, size_t,
                                  unsigned) = copy_file_range;

static bool kernel_cannot_copy(int err)
{
    return err == EXDEV || err == ENOSYS || err == EOPNOTSUPP || err == EINVAL;
}

/* Copies up to size bytes from in to out, both at their current offsets,
 * in the kernel.  0 when it copied them, or copied what it could before
 * finding it cannot (the offsets say how far); -1 with errno on an error
 * that read and write would meet too (EIO, ENOSPC...). */
static int copy_in_kernel(int in, int out, off_t size)
{
    off_t done = 0;
    while (done < size) {
        ssize_t n = driver_copy_file_range(in, NULL, out, NULL, (size_t)(size - done), 0);
        if (n > 0)
            done += n;
        else if (n == 0)
            return 0;
        else if (errno != EINTR)
            return kernel_cannot_copy(errno) ? 0 : -1;
    }
    return 0;
}

/* Copies in to out from their current offsets to in's end, through a
 * buffer.  0, or -1 with errno set. */
static int copy_by_buffer(int in, int out)
{
    char buf[1 << 16];
    for (;;) {
        ssize_t got = read(in, buf, sizeof buf);
        if (got == 0)
            return 0;
        if (got < 0 && errno != EINTR)
            return -1;
        if (got > 0 && write_all(out, buf, (size_t)got) != 0)
            return -1;
    }
}

typedef struct {
    int fd;          /* the source, open for reading */
    off_t size;      /* its size by fstat; 0 for what has none */
} CopySource;

/* Fills the temporary with the source: the kernel copies the size fstat
 * gave, and read and write whatever is left (all of it after a fallback;
 * nothing, one read seeing the end, otherwise: a file that grew is copied
 * to its end, as read_all reads it). */
static int fill_with_copy(int fd, void *arg)
{
    const CopySource *src = arg;
    if (copy_in_kernel(src->fd, fd, src->size) != 0)
        return -1;
    return copy_by_buffer(src->fd, fd);
}

/* Opens the source of a copy and fstat()s it; a directory is refused
 * here, before the destination is touched (its read() would fail only
 * once the temporary exists).  The fd, or -1 after a diagnostic. */
static int open_copy_source(const char *src, struct stat *st)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    int err = errno;
    if (in >= 0 && fstat(in, st) != 0)
        err = errno;
    else if (in >= 0 && S_ISDIR(st->st_mode))
        err = EISDIR;
    else if (in >= 0)
        return in;
    diag_error("cannot read '%s': %s", src, strerror(err));
    if (in >= 0)
        close(in);
    return -1;
}

/* Copies src to dst atomically, filling the temporary with fill (given a
 * CopySource); dst gets src's mode bits.  -1 after a diagnostic. */
static int copy_atomic_with(const char *src, const char *dst, FillTemp fill)
{
    struct stat st;
    int in = open_copy_source(src, &st);
    if (in < 0)
        return -1;
    CopySource from = { in, S_ISREG(st.st_mode) ? st.st_size : 0 };
    char *what = driver_sprintf("cannot copy '%s' to '%s'", src, dst);
    int r = write_atomic_with(dst, st.st_mode & 07777, fill, &from, what);
    free(what);
    close(in);
    return r;
}

int driver_copy_atomic(const char *src, const char *dst)
{
    return copy_atomic_with(src, dst, fill_with_copy);
}

/* A library: copied as any file, then its search paths dropped in the
 * copy (elf.c reads its headers and dynamic array, and writes that array
 * back), so the library's bytes pass through our memory only in the
 * fallback (docs/usage.md, "How files are copied"). */
static int fill_with_library(int fd, void *arg)
{
    if (fill_with_copy(fd, arg) != 0)
        return -1;
    return driver_elf_drop_rpaths_fd(fd) < 0 ? -1 : 0;
}

int driver_copy_library(const char *src, const char *dst)
{
    return copy_atomic_with(src, dst, fill_with_library);
}

long long driver_mtime(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
}

long long driver_newest_mtime(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    long long newest = -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *p = driver_sprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0) {
            long long t = S_ISDIR(st.st_mode) ? driver_newest_mtime(p)
                : (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
            if (t > newest)
                newest = t;
        }
        free(p);
    }
    closedir(d);
    return newest;
}

/* The build stamp (build.c) and onefile's records hold identities: keep
 * this format, or the stamps in users' caches stop matching (a rebuild, not
 * a wrong reuse: they are compared whole). */
char *driver_file_identity(const char *path, unsigned flags)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return driver_strdup("-");
    char *id = driver_sprintf("%llx:%llx:%lld:%lld.%09ld", (unsigned long long)st.st_dev,
                              (unsigned long long)st.st_ino, (long long)st.st_size,
                              (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    if (!(flags & DRIVER_ID_CTIME))
        return id;
    char *with_ctime = driver_sprintf("%s:%lld.%09ld", id, (long long)st.st_ctim.tv_sec,
                                      st.st_ctim.tv_nsec);
    free(id);
    return with_ctime;
}

bool driver_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool driver_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
