/* onefile.c — `pyc2c --onefile main.py`: one executable file holding a
 * standalone dist (docs/usage.md, "One-file programs").
 *
 * The dist is made as for --standalone, in the build directory
 * (BUILD/NAME.dist), then packed behind the start-up program
 * (HOME/boot/onefile.c, compiled once per C compiler into the cache):
 *
 *   [boot program][payload: the dist's directories and files][trailer]
 *
 * At run time the boot program unpacks the payload once into a cache
 * directory named by its content hash and exec()s the dist's executable
 * there; later starts find it and only exec() (boot/onefile.c says how it
 * stays safe against two first starts and half-written directories).
 * The file is made in the build directory and installed by an atomic copy.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

#define MAGIC "pyc2c-onefile-2"

/* Keep in step with boot/onefile.c. */
typedef struct {
    char hash[40];
    char exe[200];
    char program[24];
    uint64_t built;
    uint64_t exe_size;
    uint64_t payload_offset;
    uint64_t payload_size;
    char magic[16];
} OnefileTrailer;

/* ---- the boot program ----------------------------------------------------------- */

/* CACHE/onefile-boot/<hash of source and CC>/boot, compiled under a lock
 * when missing.  Malloc'd, or NULL after a diagnostic. */
static char *boot_program(const DriverOptions *opt, const char *home, const char *cc)
{
    char *src = driver_sprintf("%s/boot/onefile.c", home);
    size_t len;
    char *text = driver_read_file(src, &len);
    if (!text) {
        diag_error("cannot read '%s': %s", src, strerror(errno));
        free(src);
        return NULL;
    }
    unsigned long long h = driver_hash(cc, driver_hash(text, 0));
    free(text);
    char *cache = driver_cache_dir();
    char *dir = driver_sprintf("%s/onefile-boot/%016llx", cache, h);
    char *boot = driver_sprintf("%s/boot", dir);
    char *tmp = driver_sprintf("%s/boot.tmp", dir);
    char *log = driver_sprintf("%s/build.log", dir);
    free(cache);
    int fd = -1, r = -1;
    if (driver_mkdirs(dir) != 0)
        diag_error("cannot create '%s': %s", dir, strerror(errno));
    else if ((fd = driver_lock_dir(dir)) >= 0) {
        /* CC may be a command with words ("ccache gcc", "gcc -m64"), split
         * at blanks as make and scons split it (no quoting) */
        char *words = driver_strdup(cc), *argv[40];
        int argc = 0;
        for (char *w = strtok(words, " \t"); w && argc < 32; w = strtok(NULL, " \t"))
            argv[argc++] = w;
        const char *rest[] = { "-O2", "-s", "-Wall", "-o", tmp, src, NULL };
        for (int i = 0; rest[i]; i++)
            argv[argc++] = (char *)rest[i];
        argv[argc] = NULL;
        if (argc == 6)
            r = -1, diag_error("CC is empty");
        else if (access(boot, X_OK) == 0)
            r = 0;
        else if (driver_run(argv, opt->verbose ? NULL : log) != 0)
            diag_error("cannot compile the onefile start-up program (see %s)", log);
        else if (rename(tmp, boot) != 0)
            diag_error("cannot rename '%s': %s", tmp, strerror(errno));
        else
            r = 0;
        free(words);
        close(fd);
    }
    free(src); free(dir); free(tmp); free(log);
    if (r != 0) {
        free(boot);
        return NULL;
    }
    return boot;
}

/* ---- the payload ------------------------------------------------------------------ */

typedef struct {
    FILE *out;
    uint64_t size;
    unsigned long long hash;
} Packer;

/* out NULL: only hashed (the key of a payload, to reuse a packed file). */
static void put(Packer *p, const void *data, size_t n)
{
    const unsigned char *b = data;
    if (p->out)
        fwrite(data, 1, n, p->out);
    /* FNV-1a, as driver_hash, over the bytes written */
    for (size_t i = 0; i < n; i++) {
        p->hash ^= b[i];
        p->hash *= 1099511628211ULL;
    }
    p->size += n;
}

static void put_header(Packer *p, char kind, uint32_t mode, const char *rel, uint64_t size)
{
    uint32_t len = (uint32_t)strlen(rel);
    put(p, &kind, 1);
    put(p, &mode, 4);
    put(p, &len, 4);
    put(p, &size, 8);
    put(p, rel, len);
}

static int put_file(Packer *p, const char *path, const char *rel, mode_t mode)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        diag_error("cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    fstat(fileno(in), &st);
    put_header(p, 'F', mode & 07777, rel, (uint64_t)st.st_size);
    char buf[1 << 16];
    size_t n;
    uint64_t done = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        put(p, buf, n);
        done += n;
    }
    int bad = ferror(in) || done != (uint64_t)st.st_size;
    fclose(in);
    if (bad) {
        diag_error("cannot read '%s' (it changed while packing?)", path);
        return -1;
    }
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory dir (rel: its path in the dist, "" for the top), its
 * entries sorted (the same dist always packs to the same bytes, so to the
 * same hash), directories before what they hold. */
static int put_tree(Packer *p, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    if (!d) {
        diag_error("cannot read '%s': %s", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
            !strcmp(e->d_name, ".pyc2c-dist"))
            continue;
        names = xrealloc(names, n + 1, sizeof *names);
        names[n++] = driver_strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    int r = 0;
    for (size_t i = 0; i < n; i++) {
        char *path = driver_sprintf("%s/%s", dir, names[i]);
        char *sub = *rel ? driver_sprintf("%s/%s", rel, names[i]) : driver_strdup(names[i]);
        struct stat st;
        if (r != 0)
            ;
        else if (stat(path, &st) != 0) {
            diag_error("cannot read '%s': %s", path, strerror(errno));
            r = -1;
        } else if (S_ISDIR(st.st_mode)) {
            put_header(p, 'D', st.st_mode & 07777, sub, 0);
            r = put_tree(p, path, sub);
        } else if (S_ISREG(st.st_mode)) {
            r = put_file(p, path, sub, st.st_mode);
        }
        free(path); free(sub); free(names[i]);
    }
    free(names);
    return r;
}

/* When this build was made, for the start-up program's "older copy of the
 * same program" (boot/onefile.c): $SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else now. */
static uint64_t build_time(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end;
    unsigned long long v = env && *env ? strtoull(env, &end, 10) : 0;
    return env && *env && !*end ? (uint64_t)v : (uint64_t)time(NULL);
}

/* Writes boot + payload + trailer to out_path (a file in the build dir),
 * and the payload's hash and size to *hash, *size.  program: what names
 * the program across its builds (its source's absolute path). */
static int pack(const char *boot, const char *dist, const char *exe_name,
                const char *program, const char *out_path, unsigned long long *hash,
                uint64_t *size)
{
    FILE *out = fopen(out_path, "wb");
    if (!out) {
        diag_error("cannot write '%s': %s", out_path, strerror(errno));
        return -1;
    }
    /* the boot program as it is, then the payload, hashed as written */
    int r = 0;
    uint64_t boot_size = 0;
    FILE *in = fopen(boot, "rb");
    char buf[1 << 16];
    size_t n;
    while (in && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        fwrite(buf, 1, n, out);
        boot_size += n;
    }
    if (!in || ferror(in)) {
        diag_error("cannot read '%s': %s", boot, strerror(errno));
        r = -1;
    }
    if (in)
        fclose(in);
    Packer p = { out, 0, 14695981039346656037ULL };
    if (r == 0)
        r = put_tree(&p, dist, "");
    if (r == 0)
        put(&p, "E", 1);
    OnefileTrailer t;
    memset(&t, 0, sizeof t);
    char *exe = driver_sprintf("%s/%s", dist, exe_name);
    struct stat st;
    if (r == 0 && (strlen(exe_name) >= sizeof t.exe || stat(exe, &st) != 0)) {
        diag_error("cannot pack '%s' into a onefile executable", exe);
        r = -1;
    }
    free(exe);
    if (r == 0) {
        /* the key: the payload's hash and size, and the trailer's format */
        snprintf(t.hash, sizeof t.hash, "%016llx-%llx", p.hash,
                 (unsigned long long)p.size);
        snprintf(t.exe, sizeof t.exe, "%s", exe_name);
        snprintf(t.program, sizeof t.program, "%016llx",
                 driver_hash(exe_name, driver_hash(program, 0)));
        t.built = build_time();
        t.exe_size = (uint64_t)st.st_size;
        t.payload_offset = boot_size;
        t.payload_size = p.size;
        *hash = p.hash;
        *size = p.size;
        memcpy(t.magic, MAGIC, sizeof MAGIC);
        fwrite(&t, sizeof t, 1, out);
    }
    bool write_failed = ferror(out) != 0;   /* a full disk, seen by any fwrite */
    if ((fclose(out) != 0 || write_failed) && r == 0) {
        diag_error("cannot write '%s': %s", out_path, strerror(errno));
        r = -1;
    }
    if (r == 0)
        chmod(out_path, 0755);
    return r;
}

/* ---- reusing the packed file -------------------------------------------------------- */

/* What the packed file at artifact is made of: the payload's hash and size,
 * the boot program's and the file's own identity (driver_file_identity),
 * the executable's name and the program.  Malloc'd. */
static char *stamp_text(unsigned long long hash, uint64_t size, const char *boot,
                        const char *exe_name, const char *program, const char *artifact)
{
    char *boot_id = driver_file_identity(boot, DRIVER_ID_PLAIN);
    char *packed_id = driver_file_identity(artifact, DRIVER_ID_PLAIN);
    char *text = driver_sprintf("pyc2c-onefile-stamp " MAGIC "\npayload %016llx-%llx\n"
                                "boot %s %s\nexe %s\nprogram %s\npacked %s\n",
                                hash, (unsigned long long)size, boot_id, boot, exe_name,
                                program, packed_id);
    free(boot_id);
    free(packed_id);
    return text;
}

/* Is the packed file at artifact what packing the dist again would write
 * (its stamp, written after it was packed, still says so)?  Costs reading
 * the dist, not writing the file: packing it is about twice that. */
static bool packed_fresh(const char *boot, const char *dist, const char *exe_name,
                         const char *program, const char *artifact, const char *stamp_path)
{
    size_t len;
    char *old = driver_read_file(stamp_path, &len);
    if (!old)
        return false;
    /* the payload hashed as pack() would write it, without writing */
    Packer p = { NULL, 0, 14695981039346656037ULL };
    char *now = NULL;
    if (put_tree(&p, dist, "") == 0) {
        put(&p, "E", 1);
        now = stamp_text(p.hash, p.size, boot, exe_name, program, artifact);
    }
    bool same = now && strlen(now) == len && memcmp(now, old, len) == 0;
    free(now);
    free(old);
    return same;
}

/* The record of an install: the packed file's stamp (what it holds) and the
 * installed file's identity, change time included: the user may change
 * the output in place and put its modification time back.  Malloc'd. */
static char *install_record(const char *stamp_path, const char *install)
{
    size_t len;
    char *stamp = driver_read_file(stamp_path, &len);
    char *id = driver_file_identity(install, DRIVER_ID_CTIME);
    char *text = driver_sprintf("%s%s\n", stamp ? stamp : "no stamp\n", id);
    free(stamp);
    free(id);
    return text;
}

/* Copies the packed file to install, unless install is still the very file
 * an earlier run installed from the same packed file (record_path says so):
 * unlike a small executable (build.c installs those afresh), the copy costs
 * more than the rest of a build where nothing changed. */
static int install_packed(const char *artifact, const char *stamp_path, const char *install,
                          bool packed_again)
{
    char *record_path = driver_sprintf("%s.installed", artifact);
    size_t len;
    char *old = packed_again ? NULL : driver_read_file(record_path, &len);
    char *now = old ? install_record(stamp_path, install) : NULL;
    int r = 0;
    if (!old || strlen(now) != len || memcmp(old, now, len) != 0) {
        if (unlink(record_path) != 0 && errno != ENOENT) {
            diag_error("cannot remove '%s': %s", record_path, strerror(errno));
            r = -1;
        }
        if (r == 0)
            r = driver_copy_atomic(artifact, install);
        free(now);
        now = r == 0 ? install_record(stamp_path, install) : NULL;
        if (r == 0)
            r = driver_write_atomic(record_path, now, strlen(now), 0644);
    }
    free(old);
    free(now);
    free(record_path);
    return r;
}

int driver_onefile_pack(const DriverOptions *opt, const char *home, const char *dist,
                        const char *exe_name, const char *program, const char *artifact,
                        const char *install)
{
    const char *cc = getenv("CC");
    char *boot = boot_program(opt, home, cc && *cc ? cc : "gcc");
    if (!boot)
        return -1;
    char *stamp_path = driver_sprintf("%s.stamp", artifact);
    int r = 0;
    /* As the build stamp (build.c): removed before the file is rewritten,
     * written only after, so a run that stops in between packs again. */
    bool fresh = packed_fresh(boot, dist, exe_name, program, artifact, stamp_path);
    if (!fresh) {
        if (unlink(stamp_path) != 0 && errno != ENOENT) {
            diag_error("cannot remove '%s': %s", stamp_path, strerror(errno));
            r = -1;
        }
        unsigned long long hash = 0;
        uint64_t size = 0;
        if (r == 0)
            r = pack(boot, dist, exe_name, program, artifact, &hash, &size);
        if (r == 0) {
            char *stamp = stamp_text(hash, size, boot, exe_name, program, artifact);
            r = driver_write_atomic(stamp_path, stamp, strlen(stamp), 0644);
            free(stamp);
        }
    }
    free(boot);
    if (r == 0)
        r = install_packed(artifact, stamp_path, install, !fresh);
    free(stamp_path);
    return r;
}
