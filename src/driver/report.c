/* report.c — `--report FILE`: what a build did, as JSON (docs/usage.md,
 * "Build reports").
 *
 * The stages of the driver note what they do here as they go (always: it
 * costs a few allocations); driver_report_write() writes it all at the end
 * of the build, atomically (temp file + rename), a failed build too: then
 * with the stage and module it failed in and its first error.  One build
 * per process, so the state is this file's.
 *
 *   {"pyc2c": VERSION, "input": FILE, "kind": "executable"|..., "output":
 *    {"path", "size"}, "target": {"python", "version"},
 *    "status": "ok"|"failed", "error": null | {"stage", "module", "file",
 *    "line", "message"},
 *    "modules": [{"name", "why", "from", "source_size", "c_size"}...],
 *    "data_files": [{"from", "to", "size"}...],
 *    "shared_libraries": [{"name", "from", "size"}...],
 *    "stages": {"front_end": s, "lower": s, ...}, "c_files_compiled": N}
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

typedef struct {
    char *a, *b, *c, *d;     /* the strings of one entry (meaning per list) */
    long long x, y;          /* its sizes (-1: unknown) */
} Entry;

typedef struct {
    Entry *items;
    size_t n, cap;
} EntryList;

/* The stages, in the order the report lists them. */
static const char *const stage_names[] = {
    "front_end", "lower", "opt", "cgen", "runtime_library", "c_compile", "link",
    "c_build", "dist_assembly", "onefile_pack", "total",
};
#define N_STAGES (sizeof stage_names / sizeof stage_names[0])

static struct {
    EntryList modules, data_files, libraries;
    double stages[N_STAGES];
    long long c_files_compiled;
    double started;
    const char *stage;          /* what the build is doing: a failure's stage */
    char *module, *module_file; /* the module being translated, or NULL */
} report;

double driver_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void driver_report_start(void)
{
    report.started = driver_now();
}

static void add(EntryList *l, const char *a, const char *b, const char *c, const char *d,
                long long x, long long y)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->items = xrealloc(l->items, l->cap, sizeof *l->items);
    }
    Entry *e = &l->items[l->n++];
    e->a = a ? driver_strdup(a) : NULL;
    e->b = b ? driver_strdup(b) : NULL;
    e->c = c ? driver_strdup(c) : NULL;
    e->d = d ? driver_strdup(d) : NULL;
    e->x = x;
    e->y = y;
}

static long long file_size(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

void driver_report_module(const char *name, const char *why, const char *from,
                          long long c_size)
{
    add(&report.modules, name, why, from, NULL, file_size(from), c_size);
}

void driver_report_data_file(const char *from, const char *to)
{
    add(&report.data_files, from, to, NULL, NULL, file_size(from), -1);
}

void driver_report_library(const char *name, const char *from, const char *copied)
{
    add(&report.libraries, name, from, NULL, NULL, file_size(copied), -1);
}

void driver_report_time(const char *stage, double seconds)
{
    for (size_t i = 0; i < N_STAGES; i++)
        if (!strcmp(stage_names[i], stage))
            report.stages[i] += seconds;
}

void driver_report_c_files(long long n)
{
    report.c_files_compiled += n;
}

void driver_report_stage(const char *stage)
{
    report.stage = stage;
}

void driver_report_translating(const char *name, const char *file)
{
    free(report.module);
    free(report.module_file);
    report.module = name ? driver_strdup(name) : NULL;
    report.module_file = file ? driver_strdup(file) : NULL;
}

/* ---- writing ------------------------------------------------------------------------ */

static void json_string(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            /* bytes as U+00XX: file names need not be UTF-8 (as Python's
             * surrogateescape would not survive JSON either) */
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void json_size(FILE *f, long long n)
{
    if (n < 0)
        fputs("null", f);
    else
        fprintf(f, "%lld", n);
}

static long long tree_bytes;

static int add_size(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)path; (void)ftw;
    if (flag == FTW_F && S_ISREG(st->st_mode))
        tree_bytes += st->st_size;
    return 0;
}

/* A file's size, or the total of the regular files under a directory. */
static long long output_size(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return st.st_size;
    tree_bytes = 0;
    nftw(path, add_size, 16, FTW_PHYS);
    return tree_bytes;
}

static void write_modules(FILE *f)
{
    fputs("  \"modules\": [", f);
    for (size_t i = 0; i < report.modules.n; i++) {
        const Entry *e = &report.modules.items[i];
        fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
        json_string(f, e->a);
        fputs(", \"why\": ", f);
        json_string(f, e->b);
        fputs(", \"from\": ", f);
        json_string(f, e->c);
        fputs(", \"source_size\": ", f);
        json_size(f, e->x);
        fputs(", \"c_size\": ", f);
        json_size(f, e->y);
        fputc('}', f);
    }
    fputs(report.modules.n ? "\n  ],\n" : "],\n", f);
}

static void write_files(FILE *f, const char *key, const EntryList *l, const char *k1,
                        const char *k2)
{
    fprintf(f, "  \"%s\": [", key);
    for (size_t i = 0; i < l->n; i++) {
        const Entry *e = &l->items[i];
        fprintf(f, "%s{\"%s\": ", i ? ",\n    " : "\n    ", k1);
        json_string(f, e->a);
        fprintf(f, ", \"%s\": ", k2);
        json_string(f, e->b);
        fputs(", \"size\": ", f);
        json_size(f, e->x);
        fputc('}', f);
    }
    fputs(l->n ? "\n  ],\n" : "],\n", f);
}

/* "status" and "error": null, or what failed (diag.c kept the first error
 * message; the stage and module are the ones the build was in). */
static void write_outcome(FILE *f, bool failed)
{
    fprintf(f, "  \"status\": \"%s\",\n  \"error\": ", failed ? "failed" : "ok");
    if (!failed) {
        fputs("null,\n", f);
        return;
    }
    const DiagFirstError *e = diag_first_error();
    const char *module = e && e->module ? e->module : report.module;
    const char *file = e && e->file ? e->file : report.module ? report.module_file : NULL;
    fputs("{\"stage\": ", f);
    json_string(f, report.stage ? report.stage : "plan");
    fputs(", \"module\": ", f);
    json_string(f, module);
    fputs(", \"file\": ", f);
    json_string(f, file);
    fputs(", \"line\": ", f);
    json_size(f, e && e->file && e->line > 0 ? e->line : -1);
    fputs(", \"message\": ", f);
    json_string(f, e ? e->message : "the build failed");
    fputs("},\n", f);
}

int driver_report_write(const char *path, const DriverReportInfo *info)
{
    report.stages[N_STAGES - 1] = driver_now() - report.started;
    char *text;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    fputs("{\n  \"pyc2c\": \"" PYC2C_VERSION "\",\n  \"input\": ", f);
    json_string(f, info->input);
    fputs(",\n  \"kind\": ", f);
    json_string(f, info->kind);
    fputs(",\n  \"output\": {\"path\": ", f);
    json_string(f, info->output);
    fputs(", \"size\": ", f);
    /* a failed build leaves the previous output, if any: not this build's */
    json_size(f, info->failed ? -1 : output_size(info->output));
    fputs("},\n  \"target\": {\"python\": ", f);
    json_string(f, info->python);
    fputs(", \"version\": ", f);
    json_string(f, info->version);
    fputs("},\n", f);
    write_outcome(f, info->failed);
    write_modules(f);
    write_files(f, "data_files", &report.data_files, "from", "to");
    write_files(f, "shared_libraries", &report.libraries, "name", "from");
    fputs("  \"stages\": {", f);
    for (size_t i = 0; i < N_STAGES; i++)
        fprintf(f, "%s\"%s\": %.3f", i ? ", " : "", stage_names[i], report.stages[i]);
    fprintf(f, "},\n  \"c_files_compiled\": %lld\n}\n", report.c_files_compiled);
    if (fclose(f) != 0) {
        diag_error("out of memory writing the report");
        return -1;
    }
    int r = driver_write_atomic(path, text, len, 0644);
    free(text);
    return r;
}
