/* main.c — pyc2c's entry point: the whole pipeline for one file, in order.
 *
 *   options -> target query -> front end (parse + symtable) -> lowering
 *   -> the passes (src/opt/passes.c, which verifies the IR) -> C generation
 *   into the build dir -> scons -> install
 *
 * Exit status 0 on success, 1 on any error (reported as one
 * "pyc2c: error: ..." line).  Nothing is written at the output path unless
 * the build succeeded; the install is an atomic rename, and only over a
 * path output.c allows (never the source, a device, a FIFO, a link...).
 * A signal removes the temporaries and stops the build (interrupt.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pyc2c/compiler/cgen.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"
#include "pyc2c/compiler/lower.h"
#include "pyc2c/compiler/passes.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

/* Everything one run computes; freed by job_free(). */
typedef struct {
    DriverOptions opt;
    DriverTarget target;
    bool have_target;
    char *home;
    char *abs_input;
    char *name;          /* file stem: names the build files */
    char *modname;       /* --module: the dotted module name (modname.c) */
    char *out_stem;      /* --module: the output's name before EXT_SUFFIX */
    char *output;        /* final output path, as named */
    char *install;       /* where it is installed: output, or the file an
                            output symlink names (--write-through-symlink) */
    char *emit_c;        /* --emit-c: NAME.c next to the output */
    char *output_dir;
    char *build_dir;
    char *c_file;
    char *artifact;
    bool is_package;     /* --module DIR: a package compiled whole */
    DriverPackage pkg;
    char **member_c_files;   /* its members' C files, NULL-terminated */
    DriverFollow *follow;    /* a program with followed/included modules */
    bool has_dist;
    DriverDist dist;         /* --standalone, --onefile (in the build dir) */
    char *onefile_install;   /* --onefile: where the one file goes */
    char *report;            /* --report: the path checked by output.c */
    bool report_checked;     /* ... whether or not it passed */
} Job;

static void job_free(Job *j)
{
    if (j->have_target)
        driver_target_free(&j->target);
    free(j->home); free(j->abs_input); free(j->name); free(j->output);
    free(j->install); free(j->emit_c); free(j->onefile_install);
    free(j->report);
    free(j->modname); free(j->out_stem);
    free(j->output_dir); free(j->build_dir); free(j->c_file); free(j->artifact);
    for (char **s = j->member_c_files; s && *s; s++)
        free(*s);
    free(j->member_c_files);
    driver_package_free(&j->pkg);
    driver_follow_free(j->follow);
    if (j->has_dist)
        driver_dist_free(&j->dist);
}

/* --module: the module's dotted name (--module-name, else inferred from the
 * packages around the file) and the output's stem. */
static int plan_module_name(Job *j)
{
    const char *given = j->opt.module_name;
    j->modname = given ? driver_strdup(given) : driver_infer_module_name(j->opt.input);
    if (!driver_is_module_name(j->modname)) {
        if (given)
            diag_error("--module-name '%s' is not a dotted name of identifiers", given);
        else
            diag_error("'%s' cannot be a module name (from '%s'; see --module-name)",
                       j->modname, j->opt.input);
        return -1;
    }
    j->out_stem = driver_module_file_stem(j->opt.input, j->modname);
    return 0;
}

/* --module DIR: the package's dotted name (--module-name, else inferred
 * from the packages around DIR), the output's stem (its last component)
 * and its members. */
static int plan_package(Job *j)
{
    char *dir = driver_normpath(j->opt.input);
    char *init = driver_sprintf("%s/__init__.py", dir);
    const char *given = j->opt.module_name;
    j->is_package = true;
    j->abs_input = dir;
    j->name = driver_stem(dir);
    if (access(init, F_OK) != 0) {
        diag_error("'%s' is not a package: it has no __init__.py (namespace packages "
                   "cannot be compiled)", j->opt.input);
        free(init);
        return -1;
    }
    j->modname = given ? driver_strdup(given) : driver_infer_module_name(init);
    free(init);
    if (!driver_is_module_name(j->modname)) {
        if (given)
            diag_error("--module-name '%s' is not a dotted name of identifiers", given);
        else
            diag_error("'%s' cannot be a package name (see --module-name)", j->opt.input);
        return -1;
    }
    if (j->opt.emit_c || j->opt.dump_ir) {
        diag_error("%s with a package is not supported yet: give one module's file",
                   j->opt.emit_c ? "--emit-c" : "--dump-ir");
        return -1;
    }
    const char *last = strrchr(j->modname, '.');
    j->out_stem = driver_strdup(last ? last + 1 : j->modname);
    return driver_collect_package(j->opt.input, j->modname, &j->pkg);
}

/* The input must be a readable regular file; its stem names the output.
 * With --module, a directory is a package compiled whole. */
static int check_input(Job *j)
{
    struct stat st;
    const char *in = j->opt.input;
    if (stat(in, &st) != 0 || access(in, R_OK) != 0) {
        diag_error("cannot read '%s': %s", in, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (j->opt.module)
            return plan_package(j);
        diag_error("'%s' is a directory: a package compiles with --module", in);
        return -1;
    }
    j->abs_input = driver_abspath(in);
    j->name = driver_stem(in);
    return j->opt.module ? plan_module_name(j) : 0;
}

/* What the target is.  A version the front end cannot parse with (before
 * 3.10) is refused now; one it parses but the runtime does not support yet
 * after parsing (check_target_supported), so that a SyntaxError of the
 * target's is reported first, as `python FILE` reports it. */
static int check_target(Job *j)
{
    if (driver_query_target(j->opt.python, &j->target) != 0)
        return -1;
    j->have_target = true;
    if (!driver_target_parses(&j->target)) {
        diag_error("'%s' is Python %d.%d; pyc2c needs Python 3.10 or later",
                   j->opt.python, j->target.major, j->target.minor);
        return -1;
    }
    return 0;
}

static int check_target_supported(Job *j)
{
    if (!j->have_target)
        return 0;
    if (!driver_target_supported(&j->target)) {
        diag_error("Python %d.%d ('%s') is not supported yet; supported: %s",
                   j->target.major, j->target.minor, j->opt.python,
                   DRIVER_SUPPORTED_TARGETS);
        return -1;
    }
    return 0;
}

/* The output directory must exist and be writable. */
static int check_output_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_error("output directory '%s' does not exist", dir);
        return -1;
    }
    if (access(dir, W_OK) != 0) {
        diag_error("cannot write to output directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    return 0;
}

/* --report FILE is checked like an output: never an input, a device...
 * Sets j->report, or -1 after a diagnostic. */
static int check_report_path(Job *j)
{
    DriverOutputInputs in = { j->opt.input, j->target.executable_real };
    char *dir = driver_dirname(j->opt.report);
    int r = check_output_dir(dir);
    free(dir);
    j->report_checked = true;
    j->report = r == 0 ? driver_check_output(j->opt.report, &in,
                                             j->opt.write_through_symlink) : NULL;
    return j->report ? 0 : -1;
}

/* Does path hold a report pyc2c wrote (or nothing)? */
static bool nothing_or_report(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT;
    static const char head[] = "{\n  \"pyc2c\": \"";
    char buf[sizeof head - 1];
    FILE *f = S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
    bool ours = f && fread(buf, 1, sizeof buf, f) == sizeof buf &&
                memcmp(buf, head, sizeof buf) == 0;
    if (f)
        fclose(f);
    return ours;
}

/* --report FILE naming the output or the emitted C: one of them would be
 * lost.  0, or -1 after a diagnostic; the report is then not written
 * either, since its place is the output's. */
static int refuse_report_onto_output(Job *j)
{
    if (!j->report)
        return 0;
    const char *other = driver_same_output(j->report, j->install) ? j->output
                        : j->emit_c && driver_same_output(j->report, j->emit_c) ? j->emit_c
                        : NULL;
    if (!other)
        return 0;
    diag_error("--report '%s' would be written onto the output '%s'", j->opt.report, other);
    free(j->report);
    j->report = NULL;
    return -1;
}

/* Decides the output path (and --emit-c's) and checks, before anything is
 * built, that they may be written (output.c): a refused output costs
 * nothing and touches nothing. */
static int plan_output(Job *j)
{
    if (j->opt.report && check_report_path(j) != 0)
        return -1;
    const char *suffix = j->opt.module ? j->target.ext_suffix : "";
    if (j->opt.standalone && j->opt.emit_c) {
        diag_error("--emit-c with --%s is not supported: build without it to see the C",
                   j->opt.onefile ? "onefile" : "standalone");
        return -1;
    }
    if (j->opt.standalone && !j->opt.onefile) {   /* the dist directory (standalone.c) */
        j->has_dist = true;
        if (driver_dist_plan(&j->opt, j->name, &j->dist) != 0)
            return -1;
        j->output_dir = driver_strdup(j->dist.parent);
        j->output = driver_sprintf("%s/%s", j->dist.path, j->name);
        j->install = driver_strdup(j->output);
        return 0;
    }
    if (j->opt.output) {
        j->output = driver_strdup(j->opt.output);
        j->output_dir = driver_dirname(j->output);
    } else {
        j->output_dir = driver_strdup(j->opt.output_dir ? j->opt.output_dir : ".");
        j->output = driver_sprintf("%s/%s%s", j->output_dir,
                                   j->opt.module ? j->out_stem : j->name, suffix);
    }
    if (check_output_dir(j->output_dir) != 0)
        return -1;
    DriverOutputInputs in = { j->opt.input, j->target.executable_real };
    j->install = driver_check_output(j->output, &in, j->opt.write_through_symlink);
    if (!j->install)
        return -1;
    if (j->opt.emit_c) {
        j->emit_c = driver_sprintf("%s/%s.c", j->output_dir, j->name);
        char *ok = driver_check_output(j->emit_c, &in, j->opt.write_through_symlink);
        if (!ok)
            return -1;
        free(j->emit_c);
        j->emit_c = ok;
        if (driver_same_output(j->emit_c, j->install)) {
            diag_error("--emit-c would write %s.c onto the output '%s': choose "
                       "another output name", j->name, j->output);
            return -1;
        }
    }
    return refuse_report_onto_output(j);
}

/* mkdir -p dir, a part of the build directory; -1 after a diagnostic. */
static int make_build_dir(const char *dir)
{
    if (driver_mkdirs(dir) == 0)
        return 0;
    diag_error("cannot create the build directory '%s': %s", dir, strerror(errno));
    return -1;
}

/* The build directory: NAME.build next to the output with --keep-build,
 * else CACHE/build/<hash of source, mode, target>. */
static int plan_build_dir(Job *j)
{
    if (j->opt.keep_build) {
        j->build_dir = driver_sprintf("%s/%s.build", j->output_dir, j->name);
    } else {
        unsigned long long h = driver_hash(j->abs_input, 0);
        h = driver_hash(j->is_package ? "package" : j->opt.module ? "module" :
                        j->opt.standalone ? "standalone" : "exe", h);
        h = driver_hash(j->target.tag, h);
        char *cache = driver_cache_dir();
        j->build_dir = driver_sprintf("%s/build/%s-%016llx", cache, j->name, h);
        free(cache);
    }
    if (make_build_dir(j->build_dir) != 0)
        return -1;
    j->c_file = driver_sprintf("%s/%s.c", j->build_dir, j->name);
    if (j->opt.onefile) {
        /* the dist to pack is made in the build directory (onefile.c) */
        char *dist = driver_sprintf("%s/%s.dist", j->build_dir, j->name);
        j->has_dist = true;
        int r = driver_dist_plan_at(&j->opt, dist, &j->dist);
        free(dist);
        if (r != 0)
            return -1;
        j->onefile_install = driver_strdup(j->install);
    }
    /* The artifact is built under its own directory: named as the output
     * but among the build's own files, `-o NAME.c`, `-o NAME.o` or
     * `-o build.log` would be one of them (scons then found the program
     * depending on itself). */
    const char *out_base = strrchr(j->output, '/');
    out_base = out_base ? out_base + 1 : j->output;
    char *artifact_dir = driver_sprintf("%s/%s", j->build_dir, DRIVER_ARTIFACT_DIR);
    int made = make_build_dir(artifact_dir);
    j->artifact = driver_sprintf("%s/%s", artifact_dir, out_base);
    free(artifact_dir);
    return made == 0 ? 0 : -1;
}

/* The pass pipeline over m (src/opt/passes.c): 0, the IR ready for the
 * code generator; 1, --dump-ir printed it; -1 after a diagnostic.  The
 * environment variable PYC2C_VERIFY_EACH_PASS=1 (set by `make test`)
 * verifies the IR after every pass, not only once at the end. */
static int run_passes(Job *j, IrModule *m, const char *input)
{
    char err[1024];
    const char *each = getenv("PYC2C_VERIFY_EACH_PASS");
    OptPipeline p = {
        .cx.python_version = j->opt.dump_ir ? front_python_version()
            : (unsigned)(j->target.major << 24 | j->target.minor << 16),
        .opt_level = j->opt.opt_level,
        .verify_each = each && strcmp(each, "1") == 0,
        .dump = j->opt.dump_ir ? j->opt.dump_when : OPT_DUMP_NONE,
        .dump_pass = j->opt.dump_pass,
        .dump_out = stdout,
        .file = input,
        .err = err,
        .errsize = sizeof err,
    };
    int r = opt_run_passes(m, &p);
    if (r < 0)
        diag_error("%s", err);
    return r;
}

/* Front end, lowering, verification and C generation: the generated C in
 * *text (malloc'd), or -1 after a diagnostic.  With --dump-ir, prints the IR
 * and sets *text to NULL.  With import following, the module's imports are
 * noted (follow.c) once it parses; is_package: it is a package's __init__. */
static int translate_scan(Job *j, const char *input, const char *modname,
                          const char *exec_name, bool is_package, const char *why,
                          char **text, size_t *len)
{
    int r = -1;
    *text = NULL;
    char *abs_input = driver_abspath(input);
    double t0 = driver_now();
    driver_report_stage("front_end");
    driver_report_translating(modname, input);
    AstUnit *u = front_parse_file(input, abs_input);
    if (!u) {
        free(abs_input);
        return -1;
    }
    if (check_target_supported(j) != 0) {
        front_unit_free(u);
        free(abs_input);
        return -1;
    }
    if (j->follow)
        driver_follow_scan(j->follow, u->module, input, modname, is_package);
    double t1 = driver_now();
    driver_report_time("front_end", t1 - t0);
    driver_report_stage("lower");
    IrModule *m = lower_module(u, modname);
    double t2 = driver_now();
    driver_report_time("lower", t2 - t1);
    if (!m)
        goto out_unit;
    driver_report_stage("opt");
    int passes = run_passes(j, m, input);
    driver_report_time("opt", driver_now() - t2);
    if (passes != 0) {
        r = passes > 0 ? 0 : -1;      /* > 0: --dump-ir printed the IR */
        goto out_module;
    }
    CgenOptions co = { j->opt.module || exec_name ? CGEN_EXTENSION : CGEN_EXECUTABLE,
                       j->target.executable ? j->target.executable : "python3",
                       j->opt.opt_level, exec_name, j->opt.debuggable, j->opt.dump_lir,
                       j->opt.dump_pass, j->opt.dump_lir_before };
    double t4 = driver_now();
    driver_report_stage("cgen");
    FILE *out = open_memstream(text, len);
    r = cgen_module(m, &co, out);
    if (j->opt.dump_lir && fflush(stdout) != 0 && r == 0) {
        diag_error("cannot write the low-level IR: %s", strerror(errno));
        r = -1;
    }
    if (fclose(out) != 0 && r == 0) {
        diag_error("out of memory writing the generated C");
        r = -1;
    }
    driver_report_time("cgen", driver_now() - t4);
    if (r != 0 || j->opt.dump_lir) {   /* the dump was the job */
        free(*text);
        *text = NULL;
    } else {
        driver_report_module(modname, why, abs_input, (long long)*len);
        driver_report_translating(NULL, NULL);
    }
out_module:
    ir_module_free(m);
out_unit:
    front_unit_free(u);
    free(abs_input);
    return r;
}

static int translate(Job *j, const char *input, const char *modname,
                     const char *exec_name, const char *why, char **text, size_t *len)
{
    return translate_scan(j, input, modname, exec_name, false, why, text, len);
}

/* Builds the C of every member (the diagnostics of one naming it), then,
 * all translated, writes them and the table and builds one extension:
 * a member that fails leaves nothing written at the output. */
static int compile_package(Job *j)
{
    size_t n = j->pkg.n;
    char **texts = xcalloc(n + 1, sizeof *texts);
    size_t *lens = xcalloc(n + 1, sizeof *lens);
    int r = front_init();
    for (size_t i = 0; i < n && r == 0; i++) {
        const DriverPackageMember *m = &j->pkg.members[i];
        char *exec_name = driver_package_exec_name(i);
        int errors = diag_error_count();
        diag_progress("translating module %zu/%zu: %s", i + 1, n, m->name);
        diag_set_module(m->name);
        r = translate(j, m->path, m->name, exec_name, "package member", &texts[i], &lens[i]);
        /* a SyntaxError is printed as python3 prints it: say whose it is */
        if (r != 0 && diag_error_count() == errors)
            diag_error("'%s' does not compile (the error above)", m->path);
        diag_set_module(NULL);
        free(exec_name);
    }
    front_fini();
    if (r == 0 && driver_lock_dir(j->build_dir) < 0)
        r = -1;
    for (size_t i = 0; i < n && r == 0; i++) {
        char *c_file = driver_sprintf("%s/member%zu.c", j->build_dir, i);
        driver_list_append(&j->member_c_files, c_file);
        r = driver_write_c_files(c_file, texts[i], lens[i], &j->member_c_files);
    }
    if (r == 0) {
        texts[n] = driver_package_table_c(&j->pkg, &lens[n]);
        r = driver_write_if_changed(j->c_file, texts[n], lens[n]);
    }
    for (size_t i = 0; i <= n; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    char *rtlib = r == 0 ? driver_build_runtime(&j->opt, &j->target, j->home) : NULL;
    if (!rtlib)
        return -1;
    DriverBuild b = { &j->opt, &j->target, j->home, j->name, j->build_dir,
                      j->c_file, j->member_c_files, j->artifact, j->install };
    r = driver_build_module(&b, rtlib);
    free(rtlib);
    return r;
}

/* Translates the modules import following added (growing as each is
 * scanned) into (*texts)[i]; a module that fails is named with its file. */
static int translate_followed(Job *j, char ***texts, size_t **lens, size_t *ntexts)
{
    const DriverModuleList *mods = driver_follow_modules(j->follow);
    int r = 0;
    for (size_t i = 0; i < mods->n && r == 0; i++) {
        *texts = xrealloc(*texts, i + 1, sizeof **texts);
        *lens = xrealloc(*lens, i + 1, sizeof **lens);
        (*texts)[i] = NULL;
        *ntexts = i + 1;
        /* copies: scanning may grow (move) the list */
        char *name = driver_strdup(mods->items[i].name);
        char *path = driver_strdup(mods->items[i].path);
        char *exec_name = driver_package_exec_name(i);
        int errors = diag_error_count();
        diag_progress("translating module %zu/%zu: %s", i + 1, mods->n, name);
        diag_set_module(name);
        r = translate_scan(j, path, name, exec_name, mods->items[i].is_package,
                           mods->items[i].why, &(*texts)[i], &(*lens)[i]);
        if (r != 0 && diag_error_count() == errors)
            diag_error("module %s ('%s') does not compile (the error above)", name, path);
        diag_set_module(NULL);
        free(exec_name); free(name); free(path);
    }
    return r;
}

/* Writes the followed modules' C files and the program's table beside
 * the main module's C. */
static int write_program_sources(Job *j, char **texts, size_t *lens)
{
    size_t n = driver_follow_modules(j->follow)->n;
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        char *c_file = driver_sprintf("%s/member%zu.c", j->build_dir, i);
        driver_list_append(&j->member_c_files, c_file);
        r = driver_write_c_files(c_file, texts[i], lens[i], &j->member_c_files);
    }
    if (r != 0)
        return -1;
    size_t len;
    char *main_file = driver_sprintf("%s.py", j->name);
    char *table = driver_program_table_c(j->follow, j->opt.standalone, main_file, &len);
    char *table_file = driver_sprintf("%s/%s.p2c-table.c", j->build_dir, j->name);
    driver_list_append(&j->member_c_files, table_file);
    r = driver_write_if_changed(table_file, table, len);
    free(table);
    free(main_file);
    return r;
}

/* The C build of a program with followed modules; with --standalone, into
 * the dist's temporary directory, then the dist filled and put in place. */
static int build_program(Job *j)
{
    char *rtlib = driver_build_runtime(&j->opt, &j->target, j->home);
    if (!rtlib)
        return -1;
    int r = 0;
    if (j->has_dist) {
        r = driver_dist_begin(&j->dist);
        if (r == 0) {
            free(j->install);
            j->install = driver_sprintf("%s/%s", j->dist.tmp, j->name);
            j->dist.exe = driver_strdup(j->install);
        }
    }
    DriverBuild b = { &j->opt, &j->target, j->home, j->name, j->build_dir,
                      j->c_file, j->member_c_files, j->artifact, j->install };
    if (r == 0)
        r = driver_build_module(&b, rtlib);
    free(rtlib);
    if (j->has_dist && j->dist.tmp) {
        if (j->opt.onefile)
            diag_progress("assembling the files of %s...", j->name);
        else
            diag_progress("assembling %s...", j->dist.path);
        double t0 = driver_now();
        driver_report_stage("dist_assembly");
        if (r == 0)
            r = driver_dist_fill(&j->dist, &j->opt, &j->target, j->follow, j->build_dir);
        if (r == 0)
            r = driver_dist_commit(&j->dist);
        if (r != 0)
            driver_dist_abort(&j->dist);
        driver_report_time("dist_assembly", driver_now() - t0);
    }
    if (r == 0 && j->opt.onefile) {
        diag_progress("packing %s into one file...", j->name);
        driver_report_stage("onefile_pack");
        double t0 = driver_now();
        char *packed = driver_sprintf("%s/%s.onefile", j->build_dir, j->name);
        r = driver_onefile_pack(&j->opt, j->home, j->dist.path, j->name, j->abs_input,
                                packed, j->onefile_install);
        free(packed);
        driver_report_time("onefile_pack", driver_now() - t0);
    }
    return r;
}

/* An executable with the modules it imports compiled in (--follow-imports,
 * --include-module, --include-package, --standalone; follow.c). */
static int compile_program(Job *j)
{
    if (front_init() != 0)
        return -1;
    j->follow = driver_follow_new(&j->opt, j->opt.python, j->opt.input, j->build_dir);
    char **texts = NULL;
    size_t *lens = NULL, ntexts = 0;
    char *main_text = NULL;
    size_t main_len = 0;
    int r = j->follow ? translate(j, j->opt.input, "__main__", NULL, "main", &main_text,
                                  &main_len)
                      : -1;
    if (r == 0)
        r = translate_followed(j, &texts, &lens, &ntexts);
    front_fini();
    if (r == 0 && driver_lock_dir(j->build_dir) < 0)
        r = -1;
    if (r == 0)
        r = driver_write_c_files(j->c_file, main_text, main_len, &j->member_c_files);
    if (r == 0 && j->opt.emit_c)
        r = driver_write_if_changed(j->emit_c, main_text, main_len);
    if (r == 0)
        r = write_program_sources(j, texts, lens);
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    free(main_text);
    return r == 0 ? build_program(j) : -1;
}

/* Does the executable hold more than its main module? */
static bool builds_program(const Job *j)
{
    const DriverOptions *o = &j->opt;
    return !o->module && !o->dump_ir &&
           (o->follow_imports || o->include_modules.n || o->include_packages.n);
}

static int compile_file(Job *j)
{
    if (check_input(j) != 0)
        return -1;
    if (!j->opt.dump_ir && (check_target(j) != 0 || plan_output(j) != 0 ||
                            plan_build_dir(j) != 0 || !(j->home = driver_find_home())))
        return -1;
    if (j->is_package)
        return compile_package(j);
    if (builds_program(j))
        return compile_program(j);
    if (front_init() != 0)
        return -1;
    char *text;
    size_t len;
    int r = translate(j, j->opt.input, j->opt.module ? j->modname : "__main__", NULL,
                      "main", &text, &len);
    front_fini();
    if (r != 0 || j->opt.dump_ir)
        return r;
    /* Two pyc2c runs on the same file and mode share the build directory:
     * one at a time from here on.  Released when the process exits. */
    if (driver_lock_dir(j->build_dir) < 0) {
        free(text);
        return -1;
    }
    r = driver_write_c_files(j->c_file, text, len, &j->member_c_files);
    if (r == 0 && j->opt.emit_c)
        r = driver_write_if_changed(j->emit_c, text, len);
    free(text);
    if (r != 0)
        return -1;
    char *rtlib = driver_build_runtime(&j->opt, &j->target, j->home);
    if (!rtlib)
        return -1;
    DriverBuild b = { &j->opt, &j->target, j->home, j->name, j->build_dir,
                      j->c_file, j->member_c_files, j->artifact, j->install };
    r = driver_build_module(&b, rtlib);
    free(rtlib);
    return r;
}

/* --report FILE, after the build (report.c); failed: it failed, and says
 * what failed.  A build that failed before its outputs were checked (an
 * unreadable FILE, a bad --python: the target interpreter, which the
 * report must not replace, is not known yet) writes it only where nothing
 * is or over an earlier report. */
static int write_report(Job *j, bool failed)
{
    if (!j->report && !j->report_checked && failed &&
        (!nothing_or_report(j->opt.report) || check_report_path(j) != 0))
        return -1;
    if (!j->report)
        return -1;
    const DriverOptions *o = &j->opt;
    DriverReportInfo info = {
        o->input,
        o->onefile ? "onefile" : o->standalone ? "standalone" : j->is_package ? "package"
            : o->module ? "extension module" : "executable",
        o->standalone && !o->onefile ? j->dist.path : j->output,
        j->target.executable, j->target.version, failed,
    };
    return driver_report_write(j->report, &info);
}

/* --build-runtime: used by make to prebuild (and locate) the runtime. */
static int build_runtime_only(Job *j)
{
    if (check_target(j) != 0 || check_target_supported(j) != 0 ||
        !(j->home = driver_find_home()))
        return -1;
    char *lib = driver_build_runtime(&j->opt, &j->target, j->home);
    if (!lib)
        return -1;
    puts(lib);
    free(lib);
    return 0;
}

int main(int argc, char **argv)
{
    Job job;
    memset(&job, 0, sizeof job);
    driver_signals_install();
    int r = driver_parse_options(argc, argv, &job.opt);
    if (r != 0)
        return r > 0 ? 0 : 1;
    driver_report_start();
    front_set_python(job.opt.python);
    r = job.opt.build_runtime ? build_runtime_only(&job) : compile_file(&job);
    diag_progress_clear();
    if (job.opt.report && !job.opt.build_runtime && !job.opt.dump_ir) {
        int w = write_report(&job, r != 0);
        if (r == 0)
            r = w;
    }
    job_free(&job);
    driver_options_free(&job.opt);
    return r == 0 ? 0 : 1;
}
