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
 * there and only exec()s CACHE/<hash>/NAME: reading the trailer, opening
 * the copy, a shared flock, a few stat()s.  The directory is trusted only when it holds the
 * completion marker (the hash, written after every file) and an executable
 * of the recorded size.  It is unpacked into a temporary directory beside
 * it (.HASH.tmp-PID-XXXXXX) and renamed into place, so two first starts at
 * once each unpack, one rename wins and the other uses the winner's; a
 * directory without a valid marker (a disk that filled up, someone's
 * tampering) is replaced by an atomic exchange.  Temporaries of starts that
 * died (their PID gone) are removed by the next first start, and so are
 * the copies of the same program's earlier builds that no process uses
 * ("removing older copies" below says how that stays safe).
 *
 * CACHE: $PYC2C_ONEFILE_CACHE, else $XDG_CACHE_HOME/pyc2c/onefile and
 * ~/.cache/pyc2c/onefile; then a directory of the user's own under $TMPDIR
 * (or /tmp): pyc2c-onefile-UID, mode 0700, which must not be a symbolic
 * link nor belong to another user.  A place that cannot be written or is
 * on a filesystem mounted noexec is skipped for the next.  When nothing
 * works, one line on stderr naming each place and why, and exit status
 * 127 (the shell's "cannot run").
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
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define MAGIC "pyc2c-onefile-2"
#define MARKER ".pyc2c-onefile-complete"
#define PROGRAM ".pyc2c-onefile-program"
#define FAIL_STATUS 127

/* Keep in step with src/driver/onefile.c. */
typedef struct {
    char hash[40];          /* hex, NUL-terminated: the cache key */
    char exe[200];          /* the executable's name inside the dist */
    char program[24];       /* hex, NUL-terminated: which program this is a
                               build of (its source path and name), for
                               removing its older copies */
    uint64_t built;         /* when it was built (seconds since 1970) */
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
        memchr(t->program, '\0', sizeof t->program) == NULL ||
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

/* Is the directory dirfd a complete unpacking: its marker holds the hash
 * and the executable (not a link) has the recorded size? */
static int complete_at(int dirfd, const OnefileTrailer *t)
{
    char text[sizeof t->hash];
    int fd = openat(dirfd, MARKER, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
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
    return fstatat(dirfd, t->exe, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
           (uint64_t)st.st_size == t->exe_size && faccessat(dirfd, t->exe, X_OK, 0) == 0;
}

static int complete(const char *dir, const OnefileTrailer *t)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return 0;
    int r = complete_at(fd, t);
    close(fd);
    return r;
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
            if (snprintf(path, sizeof path, "%s/%s", root, e->d_name) < (int)sizeof path)
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

/* Creates dir/name holding text.  -1 with errno. */
static int write_small(const char *dir, const char *name, const char *text)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t n = strlen(text);
    int r = write(fd, text, n) == (ssize_t)n ? 0 : -1;
    if (close(fd) != 0)
        r = -1;
    return r;
}

/* Writes the payload's files under dir, then the program's name, then the
 * marker.  -1 with errno. */
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
    /* which program this is a copy of: what lets a newer build of it
     * remove this copy when no process runs it (remove_old_copies) */
    char text[sizeof t->program + sizeof t->exe + 32];
    snprintf(text, sizeof text, "%s %llu %s\n", t->program, (unsigned long long)t->built,
             t->exe);
    if (write_small(dir, PROGRAM, text) != 0)
        return -1;
    return write_small(dir, MARKER, t->hash);
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
    sweep_dead_temps(root, t->hash);
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s/.%s.tmp-%ld-XXXXXX", root, t->hash,
                 (long)getpid()) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
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

/* ---- removing older copies --------------------------------------------------------- */

/* A new build of a program leaves its earlier copies behind; the first
 * start of the new one removes those that no process is using.  Only
 * directories that are certainly a copy this program's builds made are
 * touched: named like a cache key, a directory (not a link) of this user,
 * complete (its marker holds its own name), and naming the same program
 * built no later than this one in .pyc2c-onefile-program.
 *
 * In use: a start holds a shared flock on the copy from before it checks
 * it until exec() (the descriptor is close-on-exec, and the kernel closes
 * it only once the process runs the program: from then on /proc/PID/exe
 * names the copy's executable, for as long as the program and its forked
 * children live).  So a copy is removed only when an exclusive flock on it
 * can be had and no process's /proc/PID/exe is its executable (nor may be:
 * a process of ours named like it whose exe we may not see, running()); it is first
 * renamed out of the way (.old-PID-KEY), so a start that was waiting for
 * the lock finds it gone and unpacks, and then removed without following
 * links nor crossing into another filesystem.  The lock is kept until the
 * directory is gone: a .old- directory nobody holds was left by a start
 * that died, and the next cleanup removes it. */

/* 16 hex digits, '-', 1 to 16 hex digits: the names pack() gives. */
static int key_name(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");
    if (n != 16 || s[16] != '-')
        return 0;
    size_t m = strspn(s + 17, "0123456789abcdef");
    return m >= 1 && m <= 16 && s[17 + m] == '\0';
}

/* The text of a small regular file dirfd/name (not a link), or -1. */
static int read_small_at(int dirfd, const char *name, char *buf, size_t size)
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    return 0;
}

/* Reads the small /proc/PID/NAME, which anyone may read, into text (NUL-
 * terminated); -1 when it cannot. */
static int read_proc(const char *pid, const char *name, char *text, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%.20s/%s", pid, name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, text, size - 1);
    close(fd);
    if (n <= 0)
        return -1;
    text[n] = '\0';
    return 0;
}

/* May the process pid, whose /proc/PID/exe we may not look at, run the
 * executable exe_name?  When it is ours (its real user id, the "Uid:" line
 * of /proc/PID/status) and its name (comm: what exec() gave it, the
 * executable's name cut to 15 bytes) is exe_name's. */
static int may_run(const char *pid, const char *exe_name)
{
    char status[4096], comm[64];
    if (read_proc(pid, "status", status, sizeof status) != 0 ||
        read_proc(pid, "comm", comm, sizeof comm) != 0)
        return 0;       /* gone meanwhile */
    const char *uid = strstr(status, "\nUid:");
    char name[16];
    snprintf(name, sizeof name, "%s", exe_name);   /* cut as the kernel cuts comm */
    comm[strcspn(comm, "\n")] = '\0';
    return uid && strtol(uid + 5, NULL, 10) == (long)getuid() && !strcmp(comm, name);
}

/* Does process pid run the file exe (named exe_name) is of?  1 also when
 * it may and we cannot tell: a process of ours whose /proc/PID/exe we may
 * not look at (it made itself non-dumpable, prctl(PR_SET_DUMPABLE, 0), and
 * we lack CAP_SYS_PTRACE, as root in many containers does) but whose name
 * is the executable's.  Other users' processes, which /proc never shows
 * us, do not keep our copies: the cache is per user. */
static int runs(const char *pid, const struct stat *exe, const char *exe_name)
{
    char path[64];
    struct stat st;
    snprintf(path, sizeof path, "/proc/%.20s/exe", pid);
    if (stat(path, &st) == 0)
        return st.st_dev == exe->st_dev && st.st_ino == exe->st_ino;
    return (errno == EACCES || errno == EPERM) && may_run(pid, exe_name);
}

/* Does a process run the file exe (named exe_name) is of?  1 also when we
 * cannot tell. */
static int running(const struct stat *exe, const char *exe_name)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 1;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d)) != NULL)
        if (strspn(e->d_name, "0123456789") == strlen(e->d_name))
            found = runs(e->d_name, exe, exe_name);
    closedir(d);
    return found;
}

/* Removes parent/name and what it holds, by descriptors: no link is
 * followed, nothing on another filesystem than dev is entered. */
static void remove_tree_at(int parent, const char *name, dev_t dev, int depth)
{
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return;
    if (depth > 64 || fstat(fd, &st) != 0 || st.st_dev != dev) {
        close(fd);
        return;
    }
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            remove_tree_at(fd, e->d_name, dev, depth + 1);
        else
            unlinkat(fd, e->d_name, 0);
    }
    closedir(d);
    unlinkat(parent, name, AT_REMOVEDIR);
}

/* Opens rootfd/name, a directory of this user (not a link); -1 if not. */
static int open_own_dir(int rootfd, const char *name, struct stat *st)
{
    int fd = openat(rootfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0 && (fstat(fd, st) != 0 || !S_ISDIR(st->st_mode) ||
                    st->st_uid != geteuid())) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* Is rootfd/name still the directory st describes (not renamed away)? */
static int still_there(int rootfd, const char *name, const struct stat *st)
{
    struct stat now;
    return fstatat(rootfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
           now.st_dev == st->st_dev && now.st_ino == st->st_ino;
}

/* rootfd/name when it is a copy of t's program, not newer, and unused. */
static void remove_if_old(int rootfd, const char *name, const OnefileTrailer *t)
{
    struct stat st, exe;
    int fd = open_own_dir(rootfd, name, &st);
    if (fd < 0)
        return;
    char marker[64], text[512], program[sizeof t->program];
    unsigned long long built;
    int exe_at = 0;
    /* "PROGRAM BUILT EXE\n": the executable's name is the rest of the line
     * (it may hold blanks); a copy whose executable cannot be looked at
     * cannot be shown unused, and stays */
    if (read_small_at(fd, MARKER, marker, sizeof marker) != 0 || strcmp(marker, name) != 0 ||
        read_small_at(fd, PROGRAM, text, sizeof text) != 0 ||
        sscanf(text, "%23s %llu %n", program, &built, &exe_at) != 2 || exe_at == 0 ||
        strcmp(program, t->program) != 0 || built > t->built) {
        close(fd);
        return;
    }
    char *exe_name = text + exe_at;
    exe_name[strcspn(exe_name, "\n")] = '\0';
    if (!exe_name[0] || strchr(exe_name, '/') ||
        flock(fd, LOCK_EX | LOCK_NB) != 0 || !still_there(rootfd, name, &st) ||
        fstatat(fd, exe_name, &exe, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(exe.st_mode) ||
        running(&exe, exe_name)) {
        close(fd);
        return;
    }
    char tomb[128];
    snprintf(tomb, sizeof tomb, ".old-%ld-%s", (long)getpid(), name);
    if (renameat(rootfd, name, rootfd, tomb) == 0)
        remove_tree_at(rootfd, tomb, st.st_dev, 0);
    close(fd);   /* the lock: held until the directory is gone */
}

/* rootfd/name, a .old-PID-KEY directory of a cleanup that died. */
static void remove_if_abandoned(int rootfd, const char *name)
{
    const char *key = name + 5 + strspn(name + 5, "0123456789");
    struct stat st;
    int fd;
    if (key == name + 5 || *key != '-' || !key_name(key + 1) ||
        (fd = open_own_dir(rootfd, name, &st)) < 0)
        return;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0 && still_there(rootfd, name, &st))
        remove_tree_at(rootfd, name, st.st_dev, 0);
    close(fd);
}

static void remove_old_copies(const char *root, const OnefileTrailer *t)
{
    DIR *d = opendir(root);
    if (!d)
        return;
    int rootfd = dirfd(d);
    /* the names first: the directory changes as copies are renamed */
    char (*names)[64] = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strlen(e->d_name) >= sizeof names[0] || !strcmp(e->d_name, t->hash) ||
            (!key_name(e->d_name) && strncmp(e->d_name, ".old-", 5) != 0))
            continue;
        if (n == cap) {
            void *more = realloc(names, (cap = cap ? 2 * cap : 16) * sizeof names[0]);
            if (!more)
                break;
            names = more;
        }
        snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    for (size_t i = 0; i < n; i++) {
        if (names[i][0] == '.')
            remove_if_abandoned(rootfd, names[i]);
        else
            remove_if_old(rootfd, names[i], t);
    }
    free(names);
    closedir(d);
}

/* ---- choosing the cache ------------------------------------------------------------ */

/* Where copies may go, in order of preference: the user's choice
 * ($PYC2C_ONEFILE_CACHE), else $XDG_CACHE_HOME/pyc2c/onefile and
 * ~/.cache/pyc2c/onefile; then a directory of the user's own under $TMPDIR
 * (or /tmp).  A place is skipped when it cannot be written or is on a
 * filesystem mounted noexec (where the copy could not run). */
typedef struct {
    char path[PATH_MAX];
    int private_tmp;        /* the $TMPDIR one: must be ours, 0700, no link */
    const char *why;        /* why it was not used (for the last message) */
} Root;

enum { MAX_ROOTS = 4 };

static int add_root(Root *roots, int n, int private_tmp, const char *fmt, const char *dir)
{
    Root *r = &roots[n];
    if (snprintf(r->path, sizeof r->path, fmt, dir) >= (int)sizeof r->path)
        return n;
    for (int i = 0; i < n; i++)
        if (!strcmp(roots[i].path, r->path))
            return n;
    r->private_tmp = private_tmp;
    r->why = NULL;
    return n + 1;
}

static int candidate_roots(Root *roots)
{
    int n = 0;
    const char *env = getenv("PYC2C_ONEFILE_CACHE");
    if (env && env[0]) {
        n = add_root(roots, n, 0, "%s", env);
    } else {
        env = getenv("XDG_CACHE_HOME");
        if (env && env[0] == '/')
            n = add_root(roots, n, 0, "%s/pyc2c/onefile", env);
        env = getenv("HOME");
        if (env && env[0] == '/')
            n = add_root(roots, n, 0, "%s/.cache/pyc2c/onefile", env);
    }
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || tmpdir[0] != '/')
        tmpdir = "/tmp";
    char fmt[64];
    snprintf(fmt, sizeof fmt, "%%s/pyc2c-onefile-%ld", (long)getuid());
    return add_root(roots, n, 1, fmt, tmpdir);
}

/* The user's own directory under $TMPDIR: refused when it is a link or
 * another user's, or open to others (someone else could plant the
 * program). */
static int private_ok(const char *root)
{
    struct stat st;
    if (lstat(root, &st) != 0)
        return 0;
    return S_ISDIR(st.st_mode) && st.st_uid == getuid() && !(st.st_mode & 077);
}

/* Makes root ready for unpacking: 0, or -1 with r->why set. */
static int prepare_root(Root *r)
{
    if (r->private_tmp ? mkdir(r->path, 0700) != 0 && errno != EEXIST
                       : mkdirs(r->path, 0700) != 0) {
        r->why = strerror(errno);
        return -1;
    }
    if (r->private_tmp && !private_ok(r->path)) {
        r->why = "not a directory of this user's own, closed to others";
        return -1;
    }
    struct statvfs vfs;
    if (statvfs(r->path, &vfs) != 0) {
        r->why = strerror(errno);
        return -1;
    }
    if (vfs.f_flag & ST_NOEXEC) {
        r->why = "its filesystem is mounted noexec";
        return -1;
    }
    if (access(r->path, W_OK | X_OK) != 0) {
        r->why = strerror(errno);
        return -1;
    }
    return 0;
}

/* ---- running ---------------------------------------------------------------------- */

/* Runs root/HASH/EXE when it is a complete copy on a filesystem that lets
 * programs run.  It holds a shared flock on the copy from before the check
 * until exec() (close-on-exec: see "removing older copies"), and checks
 * that the copy was not renamed away while it waited for the lock.
 * Returns when there is no such copy; exits when exec() fails. */
static void enter(const char *root, const OnefileTrailer *t, char **argv)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s/%s", root, t->hash) >= (int)sizeof dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    /* no lock where flock is not supported: the copy is then never removed */
    while (flock(fd, LOCK_SH) != 0 && errno == EINTR)
        ;
    struct stat held, now;
    struct statvfs vfs;
    if (fstat(fd, &held) == 0 && lstat(dir, &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino && fstatvfs(fd, &vfs) == 0 &&
        !(vfs.f_flag & ST_NOEXEC) && complete_at(fd, t)) {
        char exe[PATH_MAX + 256];
        snprintf(exe, sizeof exe, "%s/%s", dir, t->exe);
        execv(exe, argv);
        say("cannot run '%s': %s", exe, strerror(errno));
        exit(FAIL_STATUS);
    }
    close(fd);
}

/* Unpacks into root (made ready first) and runs the copy, after removing
 * older copies of the same program.  Returns when root cannot be used
 * (r->why set); exits after a message when the file itself is damaged. */
static void unpack_and_enter(int fd, const OnefileTrailer *t, Root *r, char **argv)
{
    if (prepare_root(r) != 0)
        return;
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s/%s", r->path, t->hash) >= (int)sizeof dir) {
        r->why = strerror(ENAMETOOLONG);
        return;
    }
    /* a newer build's first start may remove our copy before we enter
     * it (when we are older): unpack again, a few times */
    for (int tries = 0; tries < 3; tries++) {
        int res = install(fd, t, r->path, dir);
        if (res == -2)
            exit(FAIL_STATUS);
        if (res != 0) {
            r->why = strerror(errno);
            return;
        }
        remove_old_copies(r->path, t);
        enter(r->path, t, argv);
    }
    r->why = "the unpacked copy could not be run from there";
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
    Root roots[MAX_ROOTS];
    int nroots = candidate_roots(roots);
    /* the usual case: unpacked before */
    for (int i = 0; i < nroots; i++)
        if (!roots[i].private_tmp || private_ok(roots[i].path))
            enter(roots[i].path, &t, argv);
    for (int i = 0; i < nroots; i++)
        unpack_and_enter(fd, &t, &roots[i], argv);
    /* nowhere: name each place and why */
    char msg[4 * (PATH_MAX + 80)];
    size_t len = 0;
    for (int i = 0; i < nroots && len < sizeof msg; i++)
        len += (size_t)snprintf(msg + len, sizeof msg - len, "%s'%s' (%s)",
                                i == 0 ? "" : i == nroots - 1 ? " nor into " : ", ",
                                roots[i].path, roots[i].why ? roots[i].why : "unknown");
    say("cannot unpack the program into %s: set PYC2C_ONEFILE_CACHE to a writable "
        "directory on a filesystem that allows running programs", msg);
    return FAIL_STATUS;
}
