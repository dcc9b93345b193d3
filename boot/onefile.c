/* onefile.c — the start of a `pyc2c --onefile` executable (docs/usage.md,
 * "One-file programs").  Not part of the runtime: a small program of its
 * own, compiled once per C compiler by the driver (src/driver/onefile.c),
 * which then appends a standalone dist and a trailer to a copy of it:
 *
 *   [this program][payload: the dist's files][trailer]
 *
 * payload  one record per directory and file, in order (a directory before
 *          what it holds): kind ('D', 'F'), mode (u32), path length (u32),
 *          size (u64), path (relative, no ".."), then size bytes of data;
 *          'E' ends it.  Little-endian, as written by the same machine.
 * trailer  the fixed-size OnefileTrailer below, at the very end.
 *
 * Start-up: the dist is unpacked once into a cache directory named by the
 * payload's content hash, CACHE/<hash>, and every later start finds it
 * there and only exec()s CACHE/<hash>/NAME: one open, one read of the
 * trailer, two stat()s.  The directory is trusted only when it holds the
 * completion marker (the hash, written after every file) and an executable
 * of the recorded size.  It is unpacked into a temporary directory beside
 * it (.HASH.tmp-PID-XXXXXX) and renamed into place, so two first starts at
 * once each unpack, one rename wins and the other uses the winner's; a
 * directory without a valid marker (a disk that filled up, someone's
 * tampering) is replaced by an atomic exchange.  Temporaries of starts that
 * died (their PID gone) are removed by the next first start.
 *
 * CACHE: $PYC2C_ONEFILE_CACHE, else $XDG_CACHE_HOME/pyc2c/onefile, else
 * ~/.cache/pyc2c/onefile; when that cannot be written, a directory of the
 * user's own under $TMPDIR (or /tmp): pyc2c-onefile-UID, mode 0700, which
 * must not be a symbolic link nor belong to another user.  When nothing
 * works, one line on stderr and exit status 127 (the shell's "cannot run").
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "pyc2c-onefile-1"
#define MARKER ".pyc2c-onefile-complete"
#define FAIL_STATUS 127

/* Keep in step with src/driver/onefile.c. */
typedef struct {
    char hash[40];          /* hex, NUL-terminated: the cache key */
    char exe[200];          /* the executable's name inside the dist */
    uint64_t exe_size;      /* its size: a cheap check of the cached copy */
    uint64_t payload_offset;
    uint64_t payload_size;
    char magic[16];         /* MAGIC, NUL-padded: last, found from the end */
} OnefileTrailer;

static const char *prog = "program";   /* for messages: argv[0] */

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- reading ourselves ---------------------------------------------------------- */

static int read_at(int fd, void *buf, size_t n, off_t at)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = pread(fd, p, n, at);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
        at += r;
    }
    return 0;
}

static int read_trailer(int fd, OnefileTrailer *t)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < (off_t)sizeof *t ||
        read_at(fd, t, sizeof *t, st.st_size - (off_t)sizeof *t) != 0 ||
        memcmp(t->magic, MAGIC, sizeof MAGIC) != 0 ||
        t->payload_offset + t->payload_size + sizeof *t != (uint64_t)st.st_size ||
        memchr(t->hash, '\0', sizeof t->hash) == NULL ||
        memchr(t->exe, '\0', sizeof t->exe) == NULL || strchr(t->exe, '/'))
        return -1;
    return 0;
}

/* ---- the cache directory ---------------------------------------------------------- */

static int mkdirs(const char *path, mode_t mode)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, mode) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    if (mkdir(buf, mode) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

/* Is dir/HASH a complete unpacking: its marker holds the hash and the
 * executable has the recorded size? */
static int complete(const char *dir, const OnefileTrailer *t)
{
    char path[PATH_MAX + 256], text[sizeof t->hash];
    snprintf(path, sizeof path, "%s/" MARKER, dir);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n < 0)
        return 0;
    text[n] = '\0';
    if (strcmp(text, t->hash) != 0)
        return 0;
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, t->exe);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
           (uint64_t)st.st_size == t->exe_size && access(path, X_OK) == 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Removes root/.HASH.tmp-PID-* whose PID no longer runs: a first start
 * that was killed mid-way. */
static void sweep_dead_temps(const char *root, const char *hash)
{
    char prefix[64];
    int n = snprintf(prefix, sizeof prefix, ".%s.tmp-", hash);
    DIR *d = opendir(root);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, (size_t)n) != 0)
            continue;
        long pid = strtol(e->d_name + n, NULL, 10);
        if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s", root, e->d_name);
            remove_tree(path);
        }
    }
    if (d)
        closedir(d);
}

/* ---- unpacking ------------------------------------------------------------------- */

static int safe_rel(const char *p)
{
    if (p[0] == '/' || p[0] == '\0')
        return 0;
    for (const char *s = p; *s; ) {
        size_t n = strcspn(s, "/");
        if (n == 0 || (n == 2 && s[0] == '.' && s[1] == '.'))
            return 0;
        s += n;
        s += *s == '/';
    }
    return 1;
}

static int copy_out(int in, off_t at, uint64_t size, const char *path, mode_t mode)
{
    int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 07777);
    if (out < 0)
        return -1;
    char buf[1 << 16];
    int r = 0;
    while (size > 0 && r == 0) {
        size_t n = size < sizeof buf ? (size_t)size : sizeof buf;
        if (read_at(in, buf, n, at) != 0) {
            errno = EIO;
            r = -1;
            break;
        }
        for (size_t done = 0; done < n && r == 0; ) {
            ssize_t w = write(out, buf + done, n - done);
            if (w < 0 && errno != EINTR)
                r = -1;
            else if (w > 0)
                done += (size_t)w;
        }
        at += (off_t)n;
        size -= n;
    }
    if (close(out) != 0 && r == 0)
        r = -1;
    return r;
}

/* Writes the payload's files under dir, then the marker.  -1 with errno. */
static int unpack(int fd, const OnefileTrailer *t, const char *dir)
{
    off_t at = (off_t)t->payload_offset;
    off_t end = at + (off_t)t->payload_size;
    for (;;) {
        unsigned char head[17];
        if (at + 1 > end || read_at(fd, head, 1, at) != 0)
            goto bad;
        if (head[0] == 'E')
            break;
        if (at + 17 > end || read_at(fd, head, 17, at) != 0)
            goto bad;
        uint32_t mode, len;
        uint64_t size;
        memcpy(&mode, head + 1, 4);
        memcpy(&len, head + 5, 4);
        memcpy(&size, head + 9, 8);
        at += 17;
        char rel[PATH_MAX], path[PATH_MAX];
        if (len == 0 || len >= sizeof rel || at + len > end || read_at(fd, rel, len, at) != 0)
            goto bad;
        rel[len] = '\0';
        at += len;
        if (!safe_rel(rel) || (uint64_t)(end - at) < size ||
            snprintf(path, sizeof path, "%s/%s", dir, rel) >= (int)sizeof path)
            goto bad;
        if (head[0] == 'D') {
            if (mkdir(path, mode & 07777) != 0 && errno != EEXIST)
                return -1;
        } else if (head[0] == 'F') {
            if (copy_out(fd, at, size, path, mode) != 0)
                return -1;
            at += (off_t)size;
        } else {
            goto bad;
        }
    }
    char marker[PATH_MAX + 64];
    snprintf(marker, sizeof marker, "%s/" MARKER, dir);
    int m = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m < 0)
        return -1;
    size_t n = strlen(t->hash);
    int r = write(m, t->hash, n) == (ssize_t)n ? 0 : -1;
    if (close(m) != 0)
        r = -1;
    return r;
bad:
    errno = EINVAL;
    say("the program's appended files are damaged (was the file truncated or edited?)");
    return -2;
}

/* Unpacks into a temporary directory in root and renames it to dir.  0
 * when dir is then complete (ours or a concurrent start's), -1 with errno
 * (root not writable...), -2 after a message (a damaged file). */
static int install(int fd, const OnefileTrailer *t, const char *root, const char *dir)
{
    if (mkdirs(root, 0700) != 0)
        return -1;
    sweep_dead_temps(root, t->hash);
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp-%ld-XXXXXX", root, t->hash, (long)getpid());
    if (!mkdtemp(tmp))
        return -1;
    mode_t mask = umask(0);
    umask(mask);
    chmod(tmp, 0777 & ~mask);
    int r = unpack(fd, t, tmp);
    if (r == 0 && rename(tmp, dir) != 0) {
        if (complete(dir, t))   /* another start was first: use its copy */
            r = 0;
        else if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0)
            r = 0;              /* a broken copy was there: now at tmp */
        else
            r = -1;
    }
    int err = errno;
    remove_tree(tmp);
    errno = err;
    return r == 0 && !complete(dir, t) ? -1 : r;
}

/* ---- choosing the cache ------------------------------------------------------------ */

/* The user's own directory under /tmp: made 0700 if absent; refused when it
 * is a link or another user's (someone else could plant the program). */
static int private_tmp_root(char *root, size_t size)
{
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || tmpdir[0] != '/')
        tmpdir = "/tmp";
    snprintf(root, size, "%s/pyc2c-onefile-%ld", tmpdir, (long)getuid());
    if (mkdir(root, 0700) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    if (lstat(root, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077)) {
        errno = EPERM;
        return -1;
    }
    return 0;
}

static int preferred_root(char *root, size_t size)
{
    const char *env = getenv("PYC2C_ONEFILE_CACHE");
    if (env && env[0])
        return snprintf(root, size, "%s", env) < (int)size ? 0 : -1;
    env = getenv("XDG_CACHE_HOME");
    if (env && env[0] == '/')
        return snprintf(root, size, "%s/pyc2c/onefile", env) < (int)size ? 0 : -1;
    env = getenv("HOME");
    if (env && env[0] == '/')
        return snprintf(root, size, "%s/.cache/pyc2c/onefile", env) < (int)size ? 0 : -1;
    return -1;
}

static void run(const char *dir, const OnefileTrailer *t, char **argv)
{
    char exe[PATH_MAX + 256];
    snprintf(exe, sizeof exe, "%s/%s", dir, t->exe);
    execv(exe, argv);
    say("cannot run '%s': %s", exe, strerror(errno));
    exit(FAIL_STATUS);
}

int main(int argc, char **argv)
{
    (void)argc;
    if (argv[0] && argv[0][0])
        prog = argv[0];
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    OnefileTrailer t;
    if (fd < 0 || read_trailer(fd, &t) != 0) {
        say("cannot read the program's appended files (/proc/self/exe): %s",
            fd < 0 ? strerror(errno) : "no pyc2c onefile trailer");
        return FAIL_STATUS;
    }
    char roots[2][PATH_MAX];
    int nroots = 0;
    if (preferred_root(roots[nroots], sizeof roots[0]) == 0)
        nroots++;
    int tmp_ok = private_tmp_root(roots[nroots], sizeof roots[0]) == 0;
    int tmp_errno = errno;
    if (tmp_ok)
        nroots++;
    /* the usual case: unpacked before */
    for (int i = 0; i < nroots; i++) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s/%s", roots[i], t.hash);
        if (complete(dir, &t))
            run(dir, &t, argv);
    }
    const char *failed = nroots ? roots[0] : "$HOME/.cache/pyc2c/onefile";
    int err = nroots ? 0 : tmp_errno;
    for (int i = 0; i < nroots; i++) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s/%s", roots[i], t.hash);
        int r = install(fd, &t, roots[i], dir);
        if (r == 0)
            run(dir, &t, argv);
        if (r == -2)
            return FAIL_STATUS;
        if (i == 0)
            err = errno;
    }
    say("cannot unpack the program into '%s' (%s), nor into $TMPDIR: set "
        "PYC2C_ONEFILE_CACHE to a writable directory", failed, strerror(err));
    return FAIL_STATUS;
}
