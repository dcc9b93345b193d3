/* standalone.c — `pyc2c --standalone main.py`: main.dist/, a directory that
 * runs where no Python is installed (docs/usage.md, "Standalone programs").
 *
 *   main.dist/main                the executable (the program, its followed
 *                                 modules, the runtime; rpath $ORIGIN)
 *   main.dist/libpython3.11.so.1.0  when the target links libpython shared
 *   main.dist/python311.zip       the standard library as bytecode (.pyc),
 *                                 built once per target and cached
 *   main.dist/lib-dynload/ (.so)  the target's extension modules, all of them
 *   main.dist/lib(...).so(...)    the shared libraries those need (ldd),
 *                                 except the C library's own; libraries
 *                                 are copied without rpaths (elf.c), so
 *                                 all find theirs through $ORIGIN
 *   main.dist/pkg/..., mod*.so    followed extension modules, namespace
 *                                 package directories, --include-data-files
 *   main.dist/.pyc2c-dist         marks a directory pyc2c may replace
 *
 * The dist is assembled in a temporary directory beside it
 * (.main.dist.pyc2c-tmp-XXXXXX) and put in place by one rename (an atomic
 * exchange with the previous dist, then removed): a failure anywhere leaves
 * the previous dist, or nothing, never a half-written one.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"
#include "driver.h"

#define MARKER ".pyc2c-dist"

/* ---- planning: checks made before anything is built ----------------------------- */

/* DEST of --include-data-files: relative, without "..", not the marker. */
static bool dest_ok(const char *dest)
{
    if (dest[0] == '/' || dest[0] == '\0' || !strcmp(dest, MARKER))
        return false;
    for (const char *p = dest; *p; ) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += n;
        p += *p == '/';
    }
    return true;
}

static int check_data_files(const DriverOptions *opt)
{
    for (int i = 0; i < opt->data_files.n; i++) {
        const char *spec = opt->data_files.items[i];
        const char *eq = strchr(spec, '=');
        if (!eq || eq == spec || !eq[1]) {
            diag_error("--include-data-files '%s': expected SRC=DEST", spec);
            return -1;
        }
        char *src = driver_sprintf("%.*s", (int)(eq - spec), spec);
        struct stat st;
        int r = 0;
        if (stat(src, &st) != 0 || access(src, R_OK) != 0) {
            diag_error("--include-data-files: cannot read '%s': %s", src, strerror(errno));
            r = -1;
        } else if (!S_ISREG(st.st_mode)) {
            diag_error("--include-data-files: '%s' is not a regular file", src);
            r = -1;
        } else if (!dest_ok(eq + 1)) {
            diag_error("--include-data-files: DEST '%s' must be a path inside the dist "
                       "(relative, without '..')", eq + 1);
            r = -1;
        }
        free(src);
        if (r)
            return -1;
    }
    return 0;
}

int driver_dist_plan(const DriverOptions *opt, const char *name, DriverDist *d)
{
    char *path = opt->output ? driver_strdup(opt->output)
        : driver_sprintf("%s/%s.dist", opt->output_dir ? opt->output_dir : ".", name);
    int r = driver_dist_plan_at(opt, path, d);
    free(path);
    return r;
}

int driver_dist_plan_at(const DriverOptions *opt, const char *path, DriverDist *d)
{
    memset(d, 0, sizeof *d);
    d->path = driver_strdup(path);
    for (size_t n = strlen(d->path); n > 1 && d->path[n - 1] == '/'; n--)
        d->path[n - 1] = '\0';
    d->parent = driver_dirname(d->path);
    struct stat st;
    if (stat(d->parent, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_error("cannot write the dist '%s': directory '%s' does not exist", d->path,
                   d->parent);
        return -1;
    }
    if (access(d->parent, W_OK) != 0) {
        diag_error("cannot write the dist '%s': directory '%s' is not writable: %s",
                   d->path, d->parent, strerror(errno));
        return -1;
    }
    if (lstat(d->path, &st) == 0) {
        char *marker = driver_sprintf("%s/" MARKER, d->path);
        bool ours = S_ISDIR(st.st_mode) && access(marker, F_OK) == 0;
        free(marker);
        if (!ours) {
            diag_error("'%s' exists and is not a dist made by pyc2c: not replacing it",
                       d->path);
            return -1;
        }
    }
    return check_data_files(opt);
}

/* ---- the temporary directory ------------------------------------------------------ */

static void remove_tree(const char *path);

/* Removes the temporary directories of d (".BASE.pyc2c-tmp-XXXXXX" beside
 * it) whose pyc2c is gone: each is flock()ed by its pyc2c while it lives,
 * so a lock we can take means a pyc2c killed by SIGKILL (other signals
 * remove it, interrupt.c).  Only directories untouched for a minute: one
 * just made by mkdtemp is not locked yet. */
static void sweep_abandoned(const DriverDist *d, const char *base)
{
    char *prefix = driver_sprintf(".%s.pyc2c-tmp-", base);
    size_t n = strlen(prefix);
    DIR *dir = opendir(d->parent);
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL) {
        if (strncmp(e->d_name, prefix, n) != 0 || strlen(e->d_name) != n + 6)
            continue;
        int fd = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
                        O_CLOEXEC);
        struct stat st;
        if (fd >= 0 && fstat(fd, &st) == 0 && st.st_mtime < time(NULL) - 60 &&
            flock(fd, LOCK_EX | LOCK_NB) == 0) {
            char *path = driver_sprintf("%s/%s", d->parent, e->d_name);
            remove_tree(path);
            free(path);
        }
        if (fd >= 0)
            close(fd);
    }
    if (dir)
        closedir(dir);
    free(prefix);
}

int driver_dist_begin(DriverDist *d)
{
    const char *base = strrchr(d->path, '/');
    base = base ? base + 1 : d->path;
    sweep_abandoned(d, base);
    d->tmp = driver_sprintf("%s/.%s.pyc2c-tmp-XXXXXX", d->parent, base);
    d->tmp_fd = -1;
    d->tmp_slot = -1;
    /* no signal between creating the directory and registering it */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    bool made = mkdtemp(d->tmp) != NULL;
    int err = errno;
    if (made) {
        d->tmp_slot = driver_temp_dir_add(d->tmp);
        d->tmp_fd = open(d->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (d->tmp_fd >= 0)
            flock(d->tmp_fd, LOCK_EX);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (!made) {
        diag_error("cannot write the dist '%s': cannot create a directory in '%s': %s",
                   d->path, d->parent, strerror(err));
        free(d->tmp);
        d->tmp = NULL;
        return -1;
    }
    /* mkdtemp's 0700 would become the dist's mode: the usual one instead */
    mode_t mask = umask(0);
    umask(mask);
    chmod(d->tmp, 0777 & ~mask);
    return 0;
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

/* The temporary directory is gone (removed, or renamed into place). */
static void forget_tmp(DriverDist *d)
{
    driver_temp_forget(d->tmp_slot);
    d->tmp_slot = -1;
    if (d->tmp_fd >= 0)
        close(d->tmp_fd);
    d->tmp_fd = -1;
}

void driver_dist_abort(DriverDist *d)
{
    if (d->tmp)
        remove_tree(d->tmp);
    forget_tmp(d);
}

void driver_dist_free(DriverDist *d)
{
    if (d->tmp)
        forget_tmp(d);
    free(d->path);
    free(d->parent);
    free(d->tmp);
    free(d->exe);
    memset(d, 0, sizeof *d);
}

/* The previous dist (if any) and the new one swap places in one rename;
 * the previous one, now at the temporary name, is removed. */
int driver_dist_commit(DriverDist *d)
{
    if (renameat2(AT_FDCWD, d->tmp, AT_FDCWD, d->path, RENAME_EXCHANGE) == 0) {
        /* the previous dist, now at tmp: ours to remove (killed meanwhile,
         * the next sweep removes the rest: nothing locks it) */
        remove_tree(d->tmp);
        forget_tmp(d);
        return 0;
    }
    if ((errno == ENOENT || errno == EINVAL || errno == ENOSYS) &&
        rename(d->tmp, d->path) == 0) {
        forget_tmp(d);
        return 0;
    }
    diag_error("cannot put the dist in place at '%s': %s", d->path, strerror(errno));
    return -1;
}

/* ---- filling it ----------------------------------------------------------------------- */

/* Copies src to DIST/rel, making the directories on the way; a shared
 * library (libpython, lib-dynload, what they need) without the search
 * paths of the machine it was built on (driver_copy_library). */
static int copy_file(const DriverDist *d, const char *src, const char *rel, bool library)
{
    char *dst = driver_sprintf("%s/%s", d->tmp, rel);
    char *dir = driver_dirname(dst);
    int r = driver_mkdirs(dir);
    if (r != 0)
        diag_error("cannot create '%s': %s", dir, strerror(errno));
    else
        r = library ? driver_copy_library(src, dst) : driver_copy_atomic(src, dst);
    free(dir);
    free(dst);
    return r;
}

static int copy_in(const DriverDist *d, const char *src, const char *rel)
{
    return copy_file(d, src, rel, false);
}

static int copy_library(const DriverDist *d, const char *src, const char *rel)
{
    return copy_file(d, src, rel, true);
}

static int make_dir(const DriverDist *d, const char *rel)
{
    char *dir = driver_sprintf("%s/%s", d->tmp, rel);
    int r = driver_mkdirs(dir);
    if (r != 0)
        diag_error("cannot create '%s': %s", dir, strerror(errno));
    free(dir);
    return r;
}

/* The stdlib archive: made by the target interpreter itself (its compile(),
 * its magic number), skipping what a program does not import: tests, IDLE,
 * tkinter (its libraries are not copied), ensurepip and lib2to3 (data files
 * a zip cannot serve), site-packages, and the customization hooks
 * (sitecustomize would run the machine's settings).
 *
 * A module's code is taken from the interpreter's own bytecode cache,
 * __pycache__/NAME.cpython-3XY.pyc, when that is current by importlib's
 * rule (the magic number, a timestamp pyc whose recorded source mtime and
 * size are the source's), with co_filename made the archive's relative
 * name as compile() below gives it; otherwise it is compiled.  Debian's
 * and pyenv's interpreters install the cache for the whole stdlib: the
 * archive is made in 1.1-1.5 s instead of 2.9-3.3 s (load 5), and its code
 * objects are the compiled ones field for field (co_code, consts, names,
 * line and exception tables, filename: checked over every entry of the
 * archives of 3.10, Debian's and pyenv's 3.11, 3.12 and 3.13; only
 * marshal's sharing of equal objects differs). */
static const char stdlib_zip_script[] =
    "import sys, os, zipfile, sysconfig, marshal\n"
    "import importlib._bootstrap_external as be\n"
    "out = sys.argv[1]\n"
    "root = sysconfig.get_paths()['stdlib']\n"
    "SKIP_DIRS = {'test', 'tests', 'idle_test', 'idlelib', 'tkinter', 'turtledemo',\n"
    "             'ensurepip', 'lib2to3', 'site-packages', 'dist-packages',\n"
    "             'lib-dynload', '__pycache__', 'venv'}\n"
    "SKIP_FILES = {'sitecustomize.py', 'usercustomize.py', 'turtle.py'}\n"
    "TAG = sys.implementation.cache_tag\n"
    "def renamed(code, name):\n"
    "    consts = tuple(renamed(c, name) if isinstance(c, type(code)) else c\n"
    "                   for c in code.co_consts)\n"
    "    return code.replace(co_filename=name, co_consts=consts)\n"
    "def cached_code(path, name):\n"
    "    st = os.stat(path)\n"
    "    pyc = os.path.join(os.path.dirname(path), '__pycache__',\n"
    "                       os.path.basename(path)[:-3] + '.' + TAG + '.pyc')\n"
    "    try:\n"
    "        with open(pyc, 'rb') as fh:\n"
    "            data = fh.read()\n"
    "    except OSError:\n"
    "        return None\n"
    "    word = lambda i: int.from_bytes(data[4 * i:4 * i + 4], 'little')\n"
    "    if (data[:4] != be.MAGIC_NUMBER or word(1) != 0 or\n"
    "            word(2) != int(st.st_mtime) & 0xFFFFFFFF or word(3) != st.st_size & 0xFFFFFFFF):\n"
    "        return None\n"
    "    try:\n"
    "        return renamed(marshal.loads(data[16:]), name)\n"
    "    except Exception:\n"
    "        return None\n"
    "def fresh_code(path, name):\n"
    "    with open(path, 'rb') as fh:\n"
    "        src = fh.read()\n"
    "    try:\n"
    "        return compile(src, name, 'exec', dont_inherit=True)\n"
    "    except SyntaxError:\n"
    "        return None\n"
    "names = []\n"
    "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n"
    "    for d, dirs, files in os.walk(root):\n"
    "        rel = os.path.relpath(d, root)\n"
    "        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS\n"
    "                         and not x.startswith('config-'))\n"
    "        for f in sorted(files):\n"
    "            if not f.endswith('.py') or f in SKIP_FILES:\n"
    "                continue\n"
    "            r = f if rel == '.' else os.path.join(rel, f)\n"
    "            p = os.path.join(d, f)\n"
    "            code = cached_code(p, r) or fresh_code(p, r)\n"
    "            if code is None:\n"
    "                continue\n"
    "            zi = zipfile.ZipInfo(r[:-3] + '.pyc', (1980, 1, 1, 0, 0, 0))\n"
    "            zi.compress_type = zipfile.ZIP_DEFLATED\n"
    "            z.writestr(zi, be._code_to_timestamp_pyc(code, 0, 0))\n"
    "            mod = r[:-3].replace(os.sep, '.')\n"
    "            if mod.endswith('.__init__'):\n"
    "                mod = mod[:-9]\n"
    "            names.append('%s %s\\n' % (mod, zi.filename))\n"
    "with open(sys.argv[2], 'w') as f:\n"
    "    f.writelines(names)\n";

/* lib-dynload modules a program cannot need: CPython's own test modules
 * and tkinter's (whose Tcl/Tk and X11 libraries would dwarf the dist). */
static bool skip_dynload(const char *name)
{
    static const char *const prefixes[] = { "_test", "_xxtest", "xxlimited", "xxsubtype",
                                            "_ctypes_test", "_tkinter" };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
            return true;
    return strstr(name, ".so") == NULL;
}

/* ---- stripped copies of the target's libraries -------------------------------------- */

/* libpython and lib-dynload as the target installs them carry their symbol
 * tables and debug information (pyenv's libpython: 23 MB, 5.7 MB
 * stripped; its lib-dynload: 14 MB, 5 MB): a dist needs neither (Python
 * tracebacks do not use them), so it gets copies made with
 * `strip --strip-unneeded`, which keeps the dynamic symbols that loading
 * needs.  They are made once per target into DIR/stripped/ (under the
 * bundle's lock) and made again when the original is newer.  Without
 * `strip`, or when it fails, the original is copied as it is. */

/* The path of the stripped copy of src in stripped_dir (malloc'd). */
static char *stripped_path(const char *src, const char *stripped_dir)
{
    const char *base = strrchr(src, '/');
    return driver_sprintf("%s/%s", stripped_dir, base ? base + 1 : src);
}

/* strip src alone into its copy in stripped_dir, unless that is current. */
static void strip_one(const char *src, const char *stripped_dir, const char *log)
{
    char *dst = stripped_path(src, stripped_dir);
    char *tmp = driver_sprintf("%s.tmp", dst);
    long long src_time = driver_mtime(src), dst_time = driver_mtime(dst);
    if (dst_time < 0 || dst_time < src_time) {
        char *argv[] = { "strip", "--strip-unneeded", "-o", tmp, (char *)src, NULL };
        if (driver_run(argv, log) == 0)
            rename(tmp, dst);
        else
            unlink(tmp);
    }
    free(dst);
    free(tmp);
}

/* Strips the files srcs[0..n) whose copies are not current with one strip
 * run: each is copied to its copy's name + ".tmp", and `strip` (which
 * writes each file it is given in place) runs once over them all, one
 * process where there were one per file (77 for pyenv: 1.5 s against
 * 0.1 s at load 4); then the .tmp files are renamed into place.  When that
 * run fails, each file is stripped alone, so a file strip rejects stays
 * unstripped (its original used) without the others. */
static void strip_batch(char **srcs, size_t n, const char *stripped_dir, const char *log)
{
    char **argv = xcalloc(n + 3, sizeof *argv);
    char **tmps = xcalloc(n + 1, sizeof *tmps);
    size_t k = 0;
    argv[0] = "strip";
    argv[1] = "--strip-unneeded";
    for (size_t i = 0; i < n; i++) {
        char *dst = stripped_path(srcs[i], stripped_dir);
        long long dst_time = driver_mtime(dst);
        if (dst_time < 0 || dst_time < driver_mtime(srcs[i])) {
            tmps[k] = driver_sprintf("%s.tmp", dst);
            if (driver_copy_atomic(srcs[i], tmps[k]) == 0) {
                argv[2 + k] = tmps[k];
                k++;
            } else {
                free(tmps[k]);
            }
        }
        free(dst);
    }
    bool stripped = k == 0 || driver_run(argv, log) == 0;
    for (size_t i = 0; i < k; i++) {
        size_t len = strlen(tmps[i]);
        char *dst = driver_sprintf("%.*s", (int)(len - 4), tmps[i]);
        if (!stripped || rename(tmps[i], dst) != 0)
            unlink(tmps[i]);
        free(dst);
        free(tmps[i]);
    }
    for (size_t i = 0; !stripped && i < n; i++)
        strip_one(srcs[i], stripped_dir, log);
    free(argv);
    free(tmps);
}

typedef struct {
    char **items;
    size_t n, cap;
} PathList;

static void path_list_add(PathList *list, char *path)
{
    if (list->n == list->cap)
        list->items = xrealloc(list->items, list->cap = list->cap ? 2 * list->cap : 64,
                               sizeof *list->items);
    list->items[list->n++] = path;
}

/* libpython and the lib-dynload modules a dist takes (skip_dynload). */
static void strip_target_files(const DriverLayout *l, const char *dir)
{
    char *stripped = driver_sprintf("%s/stripped", dir);
    char *log = driver_sprintf("%s/strip.log", dir);
    PathList srcs = { NULL, 0, 0 };
    if (l->libpython[0])
        path_list_add(&srcs, driver_strdup(l->libpython));
    DIR *dyn = l->dynload_dir[0] ? opendir(l->dynload_dir) : NULL;
    struct dirent *e;
    while (dyn && (e = readdir(dyn)) != NULL)
        if (e->d_name[0] != '.' && !skip_dynload(e->d_name))
            path_list_add(&srcs, driver_sprintf("%s/%s", l->dynload_dir, e->d_name));
    if (dyn)
        closedir(dyn);
    if (driver_mkdirs(stripped) == 0)
        strip_batch(srcs.items, srcs.n, stripped, log);
    for (size_t i = 0; i < srcs.n; i++)
        free(srcs.items[i]);
    free(srcs.items);
    free(stripped);
    free(log);
}

/* The stripped copy of src when there is a current one, else src
 * (malloc'd). */
static char *stripped_or_original(const char *src, const char *bundle_dir)
{
    const char *base = strrchr(src, '/');
    char *copy = driver_sprintf("%s/stripped/%s", bundle_dir, base ? base + 1 : src);
    long long t = driver_mtime(copy);
    if (t >= 0 && t >= driver_mtime(src))
        return copy;
    free(copy);
    return driver_strdup(src);
}

static int copy_dynload(const DriverDist *d, const DriverLayout *l, const char *bundle_dir)
{
    if (make_dir(d, "lib-dynload") != 0)
        return -1;
    if (!l->dynload_dir[0])
        return 0;
    DIR *dir = opendir(l->dynload_dir);
    if (!dir) {
        diag_error("cannot read '%s': %s", l->dynload_dir, strerror(errno));
        return -1;
    }
    int r = 0;
    struct dirent *e;
    while (r == 0 && (e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.' || skip_dynload(e->d_name))
            continue;
        char *orig = driver_sprintf("%s/%s", l->dynload_dir, e->d_name);
        char *src = stripped_or_original(orig, bundle_dir);
        char *rel = driver_sprintf("lib-dynload/%s", e->d_name);
        r = copy_library(d, src, rel);
        char *name = driver_strdup(e->d_name);
        name[strcspn(name, ".")] = '\0';
        driver_report_module(name, "stdlib extension", orig, -1);
        free(name);
        free(orig);
        free(src);
        free(rel);
    }
    closedir(dir);
    return r;
}

/* ---- shared libraries (ldd) ----------------------------------------------------------- */

/* The libraries every Linux has, which must come from the running system:
 * glibc's (libc, libm, libpthread, libdl, librt, libutil, libresolv, the
 * NSS modules) and its loader; a copied libc would not match the loader
 * that runs it.  linux-vdso is the kernel's, not a file. */
static bool system_library(const char *soname)
{
    static const char *const prefixes[] = {
        "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "libutil.so",
        "libresolv.so", "libanl.so", "libnss_", "ld-linux", "linux-vdso", "linux-gate",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (!strncmp(soname, prefixes[i], strlen(prefixes[i])))
            return true;
    return false;
}

/* Lists the libraries file needs (the whole closure, as the dynamic loader
 * would load them) and appends "SONAME PATH" lines for those the system
 * does not provide to list.  A file the loader rejects (not dynamic)
 * needs nothing; a library it cannot find is an error naming it.
 *
 * With loader (the target interpreter's PT_INTERP, ld-linux), the loader
 * itself lists them in its trace mode: `LD_TRACE_LOADED_OBJECTS=1 LOADER
 * FILE`, the command ldd runs after starting a shell and verifying each
 * loader it knows on the file.  Measured over pyenv's 76 lib-dynload
 * modules at load 4: 0.8 s against 9.4 s for one ldd each; the output is
 * ldd's, line for line.  Without one (no PT_INTERP found), ldd. */
static int ldd_list(const char *file, const char *loader, const char *log, FILE *list)
{
    char *ldd_argv[] = { "ldd", (char *)file, NULL };
    char *trace_argv[] = { "env", "LD_TRACE_LOADED_OBJECTS=1", (char *)loader, (char *)file,
                           NULL };
    int status = driver_run(loader ? trace_argv : ldd_argv, log);
    size_t size;
    char *text = driver_read_file(log, &size);
    if (status != 0 || !text) {
        free(text);
        return 0;
    }
    int r = 0;
    for (char *line = strtok(text, "\n"); line && r == 0; line = strtok(NULL, "\n")) {
        char soname[256], path[4096];
        if (sscanf(line, " %255s => %4095s", soname, path) != 2 || system_library(soname))
            continue;
        if (!strcmp(path, "not")) {
            diag_error("'%s' needs %s, which the dynamic loader cannot find", file, soname);
            r = -1;
        } else {
            fprintf(list, "%s %s\n", soname, path);
        }
    }
    free(text);
    return r;
}

/* Copies the libraries of a list (ldd_list's lines) into the dist's top
 * directory, each once. */
static int copy_listed(const DriverDist *d, const char *list)
{
    char *copy = driver_strdup(list);
    int r = 0;
    for (char *line = strtok(copy, "\n"); line && r == 0; line = strtok(NULL, "\n")) {
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = '\0';
        char *dst = driver_sprintf("%s/%s", d->tmp, line);
        if (access(dst, F_OK) != 0) {
            r = copy_library(d, sp + 1, line);
            driver_report_library(line, sp + 1, sp + 1);
        }
        free(dst);
    }
    free(copy);
    return r;
}

/* Are all the libraries of a cached list still where it says? */
static bool list_valid(const char *list)
{
    char *copy = driver_strdup(list);
    bool ok = true;
    for (char *line = strtok(copy, "\n"); line && ok; line = strtok(NULL, "\n")) {
        char *sp = strchr(line, ' ');
        ok = sp && access(sp + 1, R_OK) == 0;
    }
    free(copy);
    return ok;
}

/* The libraries libpython and the lib-dynload modules need: the same for
 * every dist of a target, so listed once into dir/libraries.txt (running
 * ldd over ~70 modules takes seconds), and listed again when a library
 * has moved since.  Malloc'd text, or NULL after a diagnostic. */
static char *target_libraries(const DriverLayout *l, const char *loader, const char *dir)
{
    char *path = driver_sprintf("%s/libraries.txt", dir);
    char *log = driver_sprintf("%s/ldd.log", dir);
    size_t len;
    char *text = driver_read_file(path, &len);
    if (text && list_valid(text))
        goto out;
    free(text);
    FILE *list = open_memstream(&text, &len);
    int r = l->libpython[0] ? ldd_list(l->libpython, loader, log, list) : 0;
    DIR *dyn = r == 0 && l->dynload_dir[0] ? opendir(l->dynload_dir) : NULL;
    struct dirent *e;
    while (dyn && r == 0 && (e = readdir(dyn)) != NULL) {
        if (e->d_name[0] == '.' || skip_dynload(e->d_name))
            continue;
        char *so = driver_sprintf("%s/%s", l->dynload_dir, e->d_name);
        r = ldd_list(so, loader, log, list);
        free(so);
    }
    if (dyn)
        closedir(dyn);
    fclose(list);
    if (r == 0)
        r = driver_write_atomic(path, text, len, 0644);
    if (r != 0) {
        free(text);
        text = NULL;
    }
out:
    free(path);
    free(log);
    return text;
}

/* The libraries of the executable and the followed extension modules,
 * then the target's own (cached), into the dist. */
static int copy_libraries(const DriverDist *d, const DriverModuleList *exts,
                          const char *target_libs, const char *loader, const char *work_dir)
{
    char *log = driver_sprintf("%s/ldd.txt", work_dir);
    char *text;
    size_t len;
    FILE *list = open_memstream(&text, &len);
    int r = ldd_list(d->exe, loader, log, list);
    for (size_t i = 0; r == 0 && i < exts->n; i++)
        r = ldd_list(exts->items[i].path, loader, log, list);
    fclose(list);
    if (r == 0)
        r = copy_listed(d, text);
    if (r == 0)
        r = copy_listed(d, target_libs);
    free(text);
    free(log);
    return r;
}

/* The part of a dist that is the same for every program of a target:
 * the stdlib archive and the list of libraries, kept in
 * CACHE/stdlib/<target tag>-<hash of the archive script>/ and made under
 * a lock when missing.  0, or -1 after a diagnostic. */
static int target_bundle(const DriverTarget *t, const DriverLayout *l, const char *loader,
                         char **zip, char **libraries, char **bundle_dir)
{
    char *cache = driver_cache_dir();
    unsigned long long h = driver_hash(stdlib_zip_script, driver_hash(t->tag, 0));
    char *dir = driver_sprintf("%s/stdlib/%s-%08llx", cache, t->tag, h & 0xffffffffULL);
    char *tmp = driver_sprintf("%s/%s.tmp", dir, l->zip_name);
    char *log = driver_sprintf("%s/build.log", dir);
    char *names = driver_sprintf("%s/modules.txt", dir);
    int fd = -1, r = -1;
    *zip = driver_sprintf("%s/%s", dir, l->zip_name);
    *libraries = NULL;
    *bundle_dir = NULL;
    free(cache);
    if (driver_mkdirs(dir) != 0) {
        diag_error("cannot create '%s': %s", dir, strerror(errno));
        goto out;
    }
    if ((fd = driver_lock_dir(dir)) < 0)
        goto out;
    char *argv[] = { t->executable, "-E", "-s", "-S", "-c", (char *)stdlib_zip_script,
                     tmp, names, NULL };
    if (access(*zip, R_OK) == 0)
        r = 0;
    else if (driver_run(argv, log) != 0)
        diag_error("the target Python failed to archive its standard library (see %s)",
                   log);
    else if (rename(tmp, *zip) != 0)
        diag_error("cannot rename '%s': %s", tmp, strerror(errno));
    else
        r = 0;
    if (r == 0 && !(*libraries = target_libraries(l, loader, dir)))
        r = -1;
    if (r == 0)
        strip_target_files(l, dir);
    if (r == 0)
        *bundle_dir = driver_strdup(dir);
out:
    if (fd >= 0)
        close(fd);
    free(dir); free(tmp); free(log); free(names);
    return r;
}

/* ---- the rest ------------------------------------------------------------------------ */

static int copy_data_files(const DriverDist *d, const DriverOptions *opt)
{
    for (int i = 0; i < opt->data_files.n; i++) {
        const char *spec = opt->data_files.items[i];
        const char *eq = strchr(spec, '=');
        char *src = driver_sprintf("%.*s", (int)(eq - spec), spec);
        int r = copy_in(d, src, eq + 1);
        driver_report_data_file(src, eq + 1);
        free(src);
        if (r != 0)
            return -1;
    }
    return 0;
}

/* The directories of the compiled packages and namespace packages (their
 * __path__ must exist for PathFinder), and the followed extension modules
 * where the import system will look for them. */
static int place_modules(const DriverDist *d, const DriverFollow *f)
{
    const DriverModuleList *mods = driver_follow_modules(f);
    const DriverModuleList *ns = driver_follow_namespaces(f);
    const DriverModuleList *exts = driver_follow_extensions(f);
    int r = 0;
    for (size_t i = 0; r == 0 && i < mods->n; i++)
        if (mods->items[i].is_package && !mods->items[i].in_stdlib) {   /* in the archive */
            char *dir = driver_dirname(mods->items[i].rel);
            r = make_dir(d, dir);
            free(dir);
        }
    for (size_t i = 0; r == 0 && i < ns->n; i++) {
        char *dir = driver_strdup(ns->items[i].name);
        for (char *c = dir; *c; c++)
            if (*c == '.')
                *c = '/';
        r = make_dir(d, dir);
        free(dir);
    }
    for (size_t i = 0; r == 0 && i < exts->n; i++) {
        r = copy_in(d, exts->items[i].path, exts->items[i].rel);
        driver_report_module(exts->items[i].name, "followed extension",
                             exts->items[i].path, -1);
    }
    return r;
}

/* --report: the modules of the stdlib archive (listed by its script). */
static void report_stdlib_archive(const char *bundle_dir, const char *zip_name)
{
    char *path = driver_sprintf("%s/modules.txt", bundle_dir);
    size_t len;
    char *text = driver_read_file(path, &len);
    for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = '\0';
        char *from = driver_sprintf("%s/%s", zip_name, sp + 1);
        driver_report_module(line, "stdlib archive", from, -1);
        free(from);
    }
    free(text);
    free(path);
}

int driver_dist_fill(DriverDist *d, const DriverOptions *opt, const DriverTarget *t,
                     const DriverFollow *f, const char *work_dir)
{
    const DriverLayout *l = driver_follow_layout(f);
    char *zip, *libraries, *bundle_dir;
    /* the loader of the interpreter: the one the dist's programs use */
    char *loader = driver_elf_interpreter(t->executable);
    int r = target_bundle(t, l, loader, &zip, &libraries, &bundle_dir);
    if (r == 0)
        r = copy_in(d, zip, l->zip_name);
    free(zip);
    if (r == 0 && l->libpython[0]) {
        const char *base = strrchr(l->libpython, '/');
        char *src = stripped_or_original(l->libpython, bundle_dir);
        r = copy_library(d, src, base ? base + 1 : l->libpython);
        driver_report_library(base ? base + 1 : l->libpython, l->libpython, src);
        free(src);
    }
    if (r == 0)
        report_stdlib_archive(bundle_dir, l->zip_name);
    if (r == 0)
        r = copy_dynload(d, l, bundle_dir);
    free(bundle_dir);
    if (r == 0)
        r = place_modules(d, f);
    if (r == 0)
        r = copy_libraries(d, driver_follow_extensions(f), libraries, loader, work_dir);
    free(libraries);
    free(loader);
    if (r == 0)
        r = copy_data_files(d, opt);
    if (r == 0) {
        char *marker = driver_sprintf("%s/" MARKER, d->tmp);
        static const char text[] = "A standalone program made by pyc2c: pyc2c --standalone "
                                   "may replace this directory.\n";
        r = driver_write_atomic(marker, text, sizeof text - 1, 0644);
        free(marker);
    }
    return r;
}
