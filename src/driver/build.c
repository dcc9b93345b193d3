/* build.c — building generated C with scons, and installing the result.
 *
 * The driver describes each build in a small JSON file (pyc2c-build.json) in
 * the build directory and runs `scons -C DIR -f HOME/scons/SConstruct`; the
 * SConstruct reads that file (docs/usage.md, "Build cache").  Two kinds of
 * builds:
 *   - the runtime library, once per target interpreter (tag), under a lock
 *     because parallel pyc2c runs share it;
 *   - a module: NAME.c into an executable or an extension module.
 * scons is skipped altogether when its inputs are older than its output, so
 * recompiling an unchanged module costs no C compiler run.  On a terminal
 * the progress line counts the C files compiled, from scons's log as it
 * is written (show_build_progress).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"

/* ---- the build description (JSON) ----------------------------------------- */

/* Appends s to the buffer as a JSON string literal. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_field(FILE *f, const char *key, const char *value)
{
    fputs(",\n  ", f);
    json_str(f, key);
    fputs(": ", f);
    json_str(f, value);
}

/* Writes DIR/pyc2c-build.json unless it already holds exactly this text (so
 * its mtime says when the description last changed).  -1 after a diag. */
static int write_description(const char *dir, const char *kind, const char *home,
                             const DriverTarget *t, const char *target,
                             const char *source, char *const *more_sources,
                             const char *runtime_lib)
{
    char *text;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    fputs("{\n  \"pyc2c\": \"" PYC2C_VERSION "\"", f);
    json_field(f, "kind", kind);
    json_field(f, "home", home);
    json_field(f, "target", target);
    json_field(f, "source", source ? source : "");
    /* the other C files of a package extension, in the build directory */
    fputs(",\n  \"more_sources\": [", f);
    for (char *const *s = more_sources; s && *s; s++) {
        fputs(s == more_sources ? "" : ", ", f);
        const char *base = strrchr(*s, '/');
        json_str(f, base ? base + 1 : *s);
    }
    fputs("]", f);
    json_field(f, "runtime_lib", runtime_lib ? runtime_lib : "");
    json_field(f, "python", t->executable_real);
    json_field(f, "python_version", t->version);
    json_field(f, "include", t->include);
    json_field(f, "platinclude", t->platinclude);
    json_field(f, "libdir", t->libdir);
    json_field(f, "ldlibrary", t->ldlibrary);
    json_field(f, "static_lib", t->exe_is_static ? t->static_lib : "");
    json_field(f, "libs", t->libs);
    json_field(f, "modlibs", t->modlibs);
    /* an executable runs on the binary itself where it links libpython
     * statically (runtime/host/host.c, scons' runs_on_interpreter) */
    json_field(f, "loader", t->exe_is_static ? t->loader : "");
    /* Not read by the SConstruct (it reads the environment), but recorded
     * so that changing them makes the output stale. */
    json_field(f, "cc", getenv("CC") ? getenv("CC") : "");
    json_field(f, "cflags", getenv("PYC2C_CFLAGS") ? getenv("PYC2C_CFLAGS") : "");
    json_field(f, "link_libpython",
               getenv("PYC2C_LINK_LIBPYTHON") ? getenv("PYC2C_LINK_LIBPYTHON") : "");
    fputs("\n}\n", f);
    fclose(f);

    char *path = driver_sprintf("%s/pyc2c-build.json", dir);
    size_t old_len;
    char *old = driver_read_file(path, &old_len);
    int r = 0;
    if (!old || old_len != len || memcmp(old, text, len) != 0)
        r = driver_write_atomic(path, text, len, 0644);
    free(old);
    free(path);
    free(text);
    return r;
}

#define RUNTIME_WHAT "the pyc2c runtime"

/* scons's --debug=time line for a command it ran, "Command execution time:
 * TARGET: S seconds": true for one, with its seconds and whether TARGET is
 * an object file (a C compile; anything else is the link). */
static bool scons_time_line(const char *line, double *seconds, bool *object)
{
    static const char key[] = "Command execution time: ";
    if (strncmp(line, key, sizeof key - 1) != 0)
        return false;
    const char *colon = strrchr(line, ':');
    *seconds = colon ? strtod(colon + 1, NULL) : 0;
    *object = colon && colon - line > 2 && !strncmp(colon - 2, ".o", 2);
    return true;
}

/* --report: the C compiles and the link of the log's --debug=time lines; a
 * compile per object rebuilt. */
static void report_scons_times(const char *log)
{
    size_t len;
    char *text = driver_read_file(log, &len);
    for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        double seconds;
        bool object;
        if (!scons_time_line(line, &seconds, &object))
            continue;
        driver_report_time(object ? "c_compile" : "link", seconds);
        if (object)
            driver_report_c_files(1);
    }
    free(text);
}

/* ---- the progress line of a C build --------------------------------------- */

/* The C build's progress line counts the objects compiled so far, read
 * from the build log while scons runs: scons writes a --debug=time line
 * the moment a command ends and flushes its output when it is not a
 * terminal (SCons.Util.Unbuffered).  Only whole lines count: the last one
 * may be half written. */
typedef struct {
    const char *log;
    const char *name;
    int jobs;
    int total;        /* C files handed to scons */
    int shown;        /* the count on the line, -1 before the first */
} BuildProgress;

static int objects_compiled(const char *log)
{
    size_t len;
    char *text = driver_read_file(log, &len);
    char *end = text ? strrchr(text, '\n') : NULL;
    int n = 0;
    if (end)
        end[1] = '\0';
    for (char *line = end ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        double seconds;
        bool object;
        n += scons_time_line(line, &seconds, &object) && object;
    }
    free(text);
    return n;
}

/* The watcher of driver_run_watched: redraws the line when the count moved.
 * Objects scons finds up to date are not compiled, so a rebuild's count
 * can stop short of the total. */
static void show_build_progress(void *arg)
{
    BuildProgress *p = arg;
    int done = objects_compiled(p->log);
    if (done == p->shown)
        return;
    p->shown = done;
    diag_progress("compiling %s, %d job%s... C files: %d/%d", p->name, p->jobs,
                  p->jobs == 1 ? "" : "s", done, p->total);
}

/* A build scons is run for. */
typedef struct {
    const char *what;     /* in messages: "main (3 C files)" */
    const char *name;     /* on the progress line: "main" */
    int c_files;          /* how many it compiles at most */
} SconsJob;

/* Runs scons in dir; the log goes to dir/build.log (or the terminal with
 * --verbose).  0, or -1 after a diagnostic naming the log. */
static int run_scons(const DriverOptions *opt, const char *home, const char *dir,
                     const SconsJob *job)
{
    const char *what = job->what;
    char *sconstruct = driver_sprintf("%s/scons/SConstruct", home);
    char *jobs = driver_sprintf("-j%d", opt->jobs);
    char *log = driver_sprintf("%s/build.log", dir);
    /* the commands' times, for --report and the progress line (not on the
     * terminal of --verbose) */
    char *argv[] = { "scons", "-Q", "-C", (char *)dir, "-f", sconstruct, jobs,
                     opt->verbose ? NULL : "--debug=time", NULL };
    double t0 = driver_now();
    int status;
    if (!opt->verbose && diag_progress_enabled()) {
        BuildProgress progress = { log, job->name, opt->jobs, job->c_files, -1 };
        unlink(log);     /* not the last build's lines before scons truncates it */
        status = driver_run_watched(argv, log, show_build_progress, &progress);
    } else {
        status = driver_run(argv, opt->verbose ? NULL : log);
    }
    diag_progress_clear();
    int r = 0;
    if (status < 0) {
        diag_error("cannot run scons: %s", strerror(errno));
        r = -1;
    } else if (status != 0) {
        diag_error("C compilation of %s failed; see %s", what, log);
        r = -1;
    } else if (strcmp(what, RUNTIME_WHAT) != 0) {
        driver_report_time("c_build", driver_now() - t0);
        if (!opt->verbose)
            report_scons_times(log);
    }
    free(sconstruct);
    free(jobs);
    free(log);
    return r;
}

/* The lock is an flock on DIR/.lock, deliberately inherited by the build
 * commands (no O_CLOEXEC): the guard, scons and the compilers hold it too,
 * so a build that outlives its pyc2c (the guard SIGKILLed with it) keeps
 * the directory locked until its last process exits, and the next pyc2c
 * waits instead of building beside it. */
int driver_lock_dir(const char *dir)
{
    char *path = driver_sprintf("%s/.lock", dir);
    int fd = open(path, O_RDWR | O_CREAT, 0666);
    if (fd < 0) {
        diag_error("cannot lock '%s': %s", path, strerror(errno));
    } else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (isatty(2))
            fprintf(stderr, "pyc2c: waiting for another build in %s...\n", dir);
        while (flock(fd, LOCK_EX) != 0 && errno == EINTR)
            ;
    }
    free(path);
    return fd;
}

/* ---- the runtime library ------------------------------------------------- */

/* The runtime's directory name: TAG, plus a hash of CC and PYC2C_CFLAGS
 * when either is set, so that a build with other flags (a sanitizer, LTO,
 * clang) has a runtime of its own instead of rebuilding the shared one. */
static char *runtime_name(const char *tag)
{
    const char *cc = getenv("CC"), *cflags = getenv("PYC2C_CFLAGS");
    if ((!cc || !*cc) && (!cflags || !*cflags))
        return driver_strdup(tag);
    unsigned long long h = driver_hash(cc ? cc : "", 0);
    h = driver_hash(cflags ? cflags : "", h);
    return driver_sprintf("%s-f%08llx", tag, h & 0xffffffffULL);
}

/* home/build/runtime/NAME when home/build is writable (a checkout built with
 * make), else CACHE/runtime/NAME. */
static char *runtime_dir(const char *home, const char *tag)
{
    char *b = driver_sprintf("%s/build", home);
    char *name = runtime_name(tag);
    char *dir;
    if (access(b, W_OK) == 0) {
        dir = driver_sprintf("%s/runtime/%s", b, name);
    } else {
        char *cache = driver_cache_dir();
        dir = driver_sprintf("%s/runtime/%s", cache, name);
        free(cache);
    }
    free(name);
    free(b);
    return dir;
}

/* The newest source of the runtime library (runtime/, include/pyc2c/). */
static long long runtime_sources_mtime(const char *home)
{
    char *a = driver_sprintf("%s/runtime", home);
    char *b = driver_sprintf("%s/include/pyc2c", home);
    long long ta = driver_newest_mtime(a), tb = driver_newest_mtime(b);
    free(a);
    free(b);
    return ta > tb ? ta : tb;
}

/* How many C files the tree under dir holds: the runtime's, for the
 * progress line of its build (the SConstruct compiles each). */
static int count_c_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        char *path = driver_sprintf("%s/%s", dir, e->d_name);
        if (driver_is_dir(path))
            n += count_c_files(path);
        else if (len > 2 && !strcmp(e->d_name + len - 2, ".c"))
            n++;
        free(path);
    }
    if (d)
        closedir(d);
    return n;
}

char *driver_build_runtime(const DriverOptions *opt, const DriverTarget *t,
                           const char *home)
{
    driver_report_stage("runtime_library");
    double t0 = driver_now();
    char *dir = runtime_dir(home, t->tag);
    char *lib = driver_sprintf("%s/libpyc2crt.a", dir);
    int fd = -1, r = -1;
    if (driver_mkdirs(dir) != 0) {
        diag_error("cannot create the runtime build directory '%s': %s", dir,
                   strerror(errno));
        goto done;
    }
    /* Checked under the lock: another pyc2c may be building it right now. */
    if ((fd = driver_lock_dir(dir)) < 0)
        goto done;
    long long lib_time = driver_mtime(lib);
    long long src_time = runtime_sources_mtime(home);
    char *desc = driver_sprintf("%s/pyc2c-build.json", dir);
    char *sources = driver_sprintf("%s/runtime", home);
    SconsJob job = { RUNTIME_WHAT, RUNTIME_WHAT, count_c_files(sources) };
    free(sources);
    if (write_description(dir, "runtime", home, t, "libpyc2crt.a", NULL, NULL, NULL) == 0) {
        if (lib_time >= 0 && lib_time >= src_time && lib_time >= driver_mtime(desc))
            r = 0;
        else if ((r = run_scons(opt, home, dir, &job)) == 0)
            /* scons may find nothing changed by content and leave the old
             * mtime; touch it so the next run decides on mtimes alone.  The
             * runtime's sources are edited by people, seconds apart, so
             * mtimes are fine here (unlike generated C, see build_stamp). */
            utimensat(AT_FDCWD, lib, NULL, 0);
    }
    free(desc);
done:
    if (fd >= 0)
        close(fd);   /* releases the lock */
    free(dir);
    driver_report_time("runtime_library", driver_now() - t0);
    if (r != 0) {
        free(lib);
        return NULL;
    }
    return lib;
}

/* ---- a module ------------------------------------------------------------ */

/* FNV-1a over a file's bytes, folded into h; a missing file hashes as empty. */
static unsigned long long hash_file(unsigned long long h, const char *path)
{
    size_t size = 0;
    char *data = driver_read_file(path, &size);
    for (size_t i = 0; data && i < size; i++)
        h = (h ^ (unsigned char)data[i]) * 1099511628211ULL;
    free(data);
    return h;
}

/* Everything the artifact is built from, as one line: the hash of the
 * generated C, of the build description (pyc2c's version, the target
 * interpreter's path, version and build settings, CC, PYC2C_CFLAGS, the
 * kind of output) and of the scons scripts, and the identities of the
 * runtime library and of the pyc2c executable itself (a rebuilt compiler
 * may generate or link differently).  Contents, not mtimes, decide for the
 * C file: file times have the kernel's coarse granularity (milliseconds),
 * too coarse when a source is changed and recompiled at once. */
static char *build_inputs(const DriverBuild *b, const char *runtime_lib)
{
    char *desc = driver_sprintf("%s/pyc2c-build.json", b->build_dir);
    char *sconstruct = driver_sprintf("%s/scons/SConstruct", b->home);
    char *toolchain = driver_sprintf("%s/scons/pyc2c_toolchain.py", b->home);
    unsigned long long h = hash_file(14695981039346656037ULL, b->c_file);
    for (char *const *s = b->more_c_files; s && *s; s++)
        h = hash_file(h, *s);
    h = hash_file(hash_file(hash_file(h, desc), sconstruct), toolchain);
    char *rt = driver_file_identity(runtime_lib, DRIVER_ID_PLAIN);
    char *self = driver_file_identity("/proc/self/exe", DRIVER_ID_PLAIN);
    char *line = driver_sprintf("%016llx rt=%s pyc2c=%s", h, rt, self);
    free(desc); free(sconstruct); free(toolchain); free(rt); free(self);
    return line;
}

/* The stamp: the inputs line and the identity of the artifact they made.
 * An artifact rewritten after the stamp (by anything: a build that outlived
 * an earlier pyc2c) no longer matches it. */
static char *build_stamp(const char *inputs, const char *artifact)
{
    char *id = driver_file_identity(artifact, DRIVER_ID_PLAIN);
    char *stamp = driver_sprintf("%s artifact=%s\n", inputs, id);
    free(id);
    return stamp;
}

/* Is the artifact built from exactly what it would be built from now, and
 * untouched since? */
static bool artifact_fresh(const DriverBuild *b, const char *inputs, const char *stamp_path)
{
    if (driver_mtime(b->artifact) < 0)
        return false;
    char *stamp = build_stamp(inputs, b->artifact);
    size_t len = 0;
    char *old = driver_read_file(stamp_path, &len);
    bool same = old && len == strlen(stamp) && memcmp(old, stamp, len) == 0;
    free(old);
    free(stamp);
    return same;
}

/* Runs scons for the module; 0 when it produced the artifact. */
static int build_artifact(const DriverBuild *b)
{
    size_t n = 1;
    for (char *const *c = b->more_c_files; c && *c; c++)
        n++;
    char *what = n > 1 ? driver_sprintf("%s (%zu C files)", b->name, n)
                       : driver_strdup(b->name);
    SconsJob job = { what, b->name, (int)n };
    int r = run_scons(b->opt, b->home, b->build_dir, &job);
    free(what);
    if (r != 0)
        return -1;
    if (driver_mtime(b->artifact) < 0) {
        diag_error("the C build of %s produced no %s", b->name, b->artifact);
        return -1;
    }
    return 0;
}

int driver_build_module(const DriverBuild *b, const char *runtime_lib)
{
    driver_report_stage("c_build");
    const char *kind = b->opt->module ? "ext" : b->opt->standalone ? "standalone" : "exe";
    const char *file = b->artifact + strlen(b->build_dir) + 1;   /* DRIVER_ARTIFACT_DIR/NAME */
    char *source = driver_sprintf("%s.c", b->name);
    int r = write_description(b->build_dir, kind, b->home, b->target, file, source,
                              b->more_c_files,
                              runtime_lib);
    free(source);
    if (r != 0)
        return -1;
    char *inputs = build_inputs(b, runtime_lib);
    char *stamp_path = driver_sprintf("%s/pyc2c-stamp", b->build_dir);
    bool fresh = artifact_fresh(b, inputs, stamp_path);
    /* From here until the stamp is rewritten, the artifact is not known to
     * match the inputs: a run that stops anywhere in between (an error, a
     * signal, SIGKILL) leaves no stamp, and the next run builds again. */
    if (!fresh && unlink(stamp_path) != 0 && errno != ENOENT) {
        diag_error("cannot remove '%s': %s", stamp_path, strerror(errno));
        r = -1;
    }
    if (r == 0 && !fresh)
        r = build_artifact(b);
    /* Always installed afresh: outputs are small and a copy costs less than
     * deciding whether the old one is still right. */
    if (r == 0)
        r = driver_copy_atomic(b->artifact, b->output);
    if (r == 0 && !fresh) {
        char *stamp = build_stamp(inputs, b->artifact);
        r = driver_write_atomic(stamp_path, stamp, strlen(stamp), 0644);
        free(stamp);
    }
    free(inputs);
    free(stamp_path);
    return r;
}
