/* options.c — the pyc2c command line into DriverOptions.
 *
 * Long options take their value as `--opt VALUE` or `--opt=VALUE`; `-o` and
 * `-j` also as `-oPATH`, `-j8`.  A bad option is one diag line and exit 1.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"
#include "pyc2c/compiler/lir.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

static const char usage_text[] =
    "usage: pyc2c [options] FILE\n"
    "\n"
    "Compiles the Python module FILE to C and builds it against the target\n"
    "CPython: by default an executable ./NAME that runs FILE as __main__.\n"
    "\n"
    "options:\n"
    "  --module          build an extension module NAME<EXT_SUFFIX> instead\n"
    "  --module-name M   the module's import name (default: FILE's stem after\n"
    "                    the packages around it: pkg/sub/m.py is pkg.sub.m when\n"
    "                    pkg/ and pkg/sub/ hold an __init__.py; pkg/__init__.py\n"
    "                    is pkg).  NAME is its last part (__init__ for a package)\n"
    "  -o PATH           write the output to PATH\n"
    "  --output-dir DIR  write the output into DIR (default: .)\n"
    "  --write-through-symlink\n"
    "                    when the output path is a symbolic link, replace the\n"
    "                    file it points to (by default a link is refused)\n"
    "  --follow-imports  compile the modules the program imports that are not\n"
    "                    in the standard library into the executable\n"
    "  --follow-stdlib   follow imports into the standard library too: its\n"
    "                    pure-Python modules are compiled in (slower builds;\n"
    "                    implies --follow-imports)\n"
    "  --include-module NAME, --include-package NAME\n"
    "                    compile module NAME (package NAME and all its\n"
    "                    submodules) into the executable (for dynamic imports)\n"
    "  --nofollow-import-to PATTERN\n"
    "                    do not follow imports of modules whose dotted name (or a\n"
    "                    parent package's) matches the fnmatch PATTERN\n"
    "  --standalone      build NAME.dist/: the executable, the Python it needs\n"
    "                    and the followed modules, to run where no Python is\n"
    "                    installed (implies --follow-imports)\n"
    "  --onefile         build one executable file NAME holding what --standalone\n"
    "                    puts in NAME.dist/ (unpacked once into a cache at its\n"
    "                    first start; implies --standalone)\n"
    "  --include-data-files SRC=DEST\n"
    "                    copy SRC into the dist as DEST (relative to NAME.dist/)\n"
    "  --report FILE     write what the build did to FILE as JSON: the modules\n"
    "                    compiled or included and why, sizes, time per stage,\n"
    "                    data files and shared libraries copied\n"
    "  --python PATH     the interpreter to build for (default: python3)\n"
    "  --jobs N, -j N    parallel C compile jobs (default: number of cores)\n"
    "  --keep-build      keep the build directory next to the output\n"
    "                    (NAME.build/) instead of in the cache\n"
    "  --emit-c          also write the generated C as NAME.c next to the output\n"
    "  --dump-ir[=after:PASS|=before:PASS|=lir]\n"
    "                    print the IR (baby Python) to stdout and stop: after\n"
    "                    the last pass, or after or before pass PASS (below),\n"
    "                    e.g. --dump-ir=before:fold; =lir: the low-level IR\n"
    "                    fragments the code generator builds\n"
    "  -O0               generic operations only: no attribute caches or other\n"
    "                    fast paths (to compare with, or to bisect a problem)\n"
    "  -O2               caches and fast paths (the default)\n"
    "  --debuggable      emit sys.settrace line events, so that pdb, coverage.py\n"
    "                    and line profilers see the lines of compiled code\n"
    "  --verbose         show the C compiler commands\n"
    "  --version         print the version and exit\n"
    "  --help            print this help and exit\n";

static const char usage_end[] =
    "\n"
    "Exit status: 0 on success, 1 on any error.  See docs/usage.md.\n";

/* Returns the value of option `name` at argv[*i] ("--name=V" or "--name V"),
 * advancing *i; NULL after a diagnostic when the value is missing. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] != '\0')          /* short form with attached value: -oPATH */
        return arg + n;
    if (*i + 1 >= argc) {
        diag_error("option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

/* Does argv[i] name option `name` (alone, with "=value", or for the short
 * options -o/-j with an attached value)? */
static int is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '\0' || arg[n] == '=')
        return 1;
    return name[1] != '-';       /* -oPATH, -j4 */
}

static int check_follow_options(DriverOptions *opt);

static int parse_jobs(const char *s, int *jobs)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 1 || v > 1024) {
        diag_error("--jobs expects a positive number, not '%s'", s);
        return -1;
    }
    *jobs = (int)v;
    return 0;
}

static void print_version(void)
{
    unsigned v = front_embedded_version();
    printf("pyc2c %s (built with Python %u.%u; targets: %s)\n", PYC2C_VERSION,
           (v >> 24) & 0xff, (v >> 16) & 0xff, DRIVER_SUPPORTED_TARGETS);
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void list_append(DriverStrList *l, const char *v)
{
    l->items = xrealloc(l->items, (size_t)l->n + 1, sizeof *l->items);
    l->items[l->n++] = v;
}

/* The options given any number of times (import following, standalone). */
static int parse_list_option(int argc, char **argv, int *i, DriverOptions *opt)
{
    static const struct { const char *name; size_t off; } lists[] = {
        { "--include-module", offsetof(DriverOptions, include_modules) },
        { "--include-package", offsetof(DriverOptions, include_packages) },
        { "--nofollow-import-to", offsetof(DriverOptions, nofollow) },
        { "--include-data-files", offsetof(DriverOptions, data_files) },
    };
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        if (!is_option(argv[*i], lists[k].name))
            continue;
        const char *v = option_value(argc, argv, i, lists[k].name);
        if (!v)
            return -1;
        if (*v == '\0') {
            diag_error("option %s needs a non-empty value", lists[k].name);
            return -1;
        }
        list_append((DriverStrList *)((char *)opt + lists[k].off), v);
        return 0;
    }
    return -1;
}

/* --dump-ir prints the IR after the last pass; --dump-ir=after:PASS or
 * =before:PASS at that pass (passes.c checks the name once -O is known).
 * The value only follows '=': `--dump-ir FILE` is the plain form. */
static int parse_dump_ir(const char *arg, DriverOptions *opt)
{
    const char *v = strchr(arg, '=');
    opt->dump_ir = true;
    opt->dump_when = OPT_DUMP_END;
    if (!v)
        return 0;
    v++;
    if (!strcmp(v, "lir")) {
        /* after the low-level IR's last pass, wherever fragments are built
         * (at -O0 nowhere: an empty dump, not an error); the IR's passes
         * run whole, without a dump */
        int n;
        opt->dump_lir = true;
        opt->dump_pass = lir_pass_table(&n)[n - 1].name;
        opt->dump_when = OPT_DUMP_NONE;
    } else if (!strncmp(v, "after:", 6)) {
        opt->dump_when = OPT_DUMP_AFTER;
        opt->dump_pass = v + 6;
    } else if (!strncmp(v, "before:", 7)) {
        opt->dump_when = OPT_DUMP_BEFORE;
        opt->dump_pass = v + 7;
    } else {
        char names[256];
        opt_pass_names(names, sizeof names);
        diag_error("--dump-ir expects after:PASS, before:PASS or lir, not '%s' (passes: %s)",
                   v, names);
        return -1;
    }
    return 0;
}

/* The passes' list at the end of --help, from the table (passes.c). */
static void print_passes(void)
{
    int n;
    const OptPass *t = opt_pass_table(&n);
    fputs("\npasses, in order (for --dump-ir=after:PASS or before:PASS):\n", stdout);
    for (int i = 0; i < n; i++)
        printf("  %-8s %s%s\n", t[i].name, t[i].description,
               t[i].min_level > 0 ? " (not at -O0)" : "");
    const LirPass *l = lir_pass_table(&n);
    fputs("then, in the code generator, over the low-level IR (--dump-ir=lir: after the "
          "last):\n", stdout);
    for (int i = 0; i < n; i++)
        printf("  %-8s %s (not at -O0)\n", l[i].name, l[i].description);
}

/* Handles one option at argv[*i]: 0 ok, 1 help/version done, -1 error. */
static int parse_one(int argc, char **argv, int *i, DriverOptions *opt)
{
    const char *a = argv[*i];
    const char **slot = NULL;
    const char *name = NULL;

    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
        fputs(usage_text, stdout);
        print_passes();
        fputs(usage_end, stdout);
        return 1;
    }
    if (!strcmp(a, "--version")) { print_version(); return 1; }
    if (!strcmp(a, "--module")) { opt->module = true; return 0; }
    if (!strcmp(a, "--keep-build")) { opt->keep_build = true; return 0; }
    if (!strcmp(a, "--emit-c")) { opt->emit_c = true; return 0; }
    if (is_option(a, "--dump-ir"))
        return parse_dump_ir(a, opt);
    if (!strcmp(a, "--verbose")) { opt->verbose = true; return 0; }
    if (!strcmp(a, "--write-through-symlink")) { opt->write_through_symlink = true; return 0; }
    if (!strcmp(a, "--build-runtime")) { opt->build_runtime = true; return 0; }
    if (!strcmp(a, "--follow-imports")) { opt->follow_imports = true; return 0; }
    if (!strcmp(a, "--follow-stdlib")) { opt->follow_stdlib = true; return 0; }
    if (!strcmp(a, "--standalone")) { opt->standalone = true; return 0; }
    if (!strcmp(a, "--onefile")) { opt->onefile = true; return 0; }
    if (is_option(a, "--include-module") || is_option(a, "--include-package") ||
        is_option(a, "--nofollow-import-to") || is_option(a, "--include-data-files"))
        return parse_list_option(argc, argv, i, opt);
    if (!strcmp(a, "--debuggable")) { opt->debuggable = true; return 0; }
    if (!strcmp(a, "-O0")) { opt->opt_level = 0; return 0; }
    if (!strcmp(a, "-O2")) { opt->opt_level = 2; return 0; }

    if (is_option(a, "-o")) { slot = &opt->output; name = "-o"; }
    else if (is_option(a, "--output-dir")) { slot = &opt->output_dir; name = "--output-dir"; }
    else if (is_option(a, "--report")) { slot = &opt->report; name = "--report"; }
    else if (is_option(a, "--module-name")) { slot = &opt->module_name; name = "--module-name"; }
    else if (is_option(a, "--python")) { slot = &opt->python; name = "--python"; }
    else if (is_option(a, "--jobs") || is_option(a, "-j")) {
        const char *v = option_value(argc, argv, i, a[1] == '-' ? "--jobs" : "-j");
        return v ? parse_jobs(v, &opt->jobs) : -1;
    }
    if (!slot) {
        diag_error("unknown option '%s' (see pyc2c --help)", a);
        return -1;
    }
    *slot = option_value(argc, argv, i, name);
    if (!*slot)
        return -1;
    if (**slot == '\0') {
        diag_error("option %s needs a non-empty value", name);
        return -1;
    }
    return 0;
}

int driver_parse_options(int argc, char **argv, DriverOptions *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->python = "python3";
    opt->jobs = default_jobs();
    opt->opt_level = 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] == '-' && a[1] != '\0' && strcmp(a, "--") != 0) {
            int r = parse_one(argc, argv, &i, opt);
            if (r != 0)
                return r;
            continue;
        }
        if (!strcmp(a, "--") && i + 1 < argc)
            a = argv[++i];
        if (opt->input) {
            diag_error("only one FILE can be compiled at a time ('%s' and '%s')",
                       opt->input, a);
            return -1;
        }
        opt->input = a;
    }
    if (!opt->input && !opt->build_runtime) {
        diag_error("no input file (usage: pyc2c [options] FILE; see pyc2c --help)");
        return -1;
    }
    if (opt->module_name && !opt->module) {
        diag_error("--module-name needs --module (an executable runs as __main__)");
        return -1;
    }
    if (opt->output && opt->output_dir) {
        diag_error("-o and --output-dir cannot be used together");
        return -1;
    }
    char err[512];
    if (opt_check_dump_point(opt->dump_when, opt->dump_pass, opt->opt_level, err,
                             sizeof err) != 0) {
        diag_error("%s", err);
        return -1;
    }
    if ((opt->dump_when == OPT_DUMP_BEFORE || opt->dump_when == OPT_DUMP_AFTER) &&
        lir_pass_find(opt->dump_pass)) {
        /* the code generator prints the fragments; the IR's passes run whole */
        opt->dump_lir = true;
        opt->dump_lir_before = opt->dump_when == OPT_DUMP_BEFORE;
        opt->dump_when = OPT_DUMP_NONE;
    }
    return check_follow_options(opt);
}

/* Import following and standalone: which combinations make sense. */
static int check_follow_options(DriverOptions *opt)
{
    if (opt->onefile && opt->standalone) {
        diag_error("--onefile and --standalone cannot be used together: --onefile "
                   "builds one file, --standalone a directory");
        return -1;
    }
    if (opt->onefile)
        opt->standalone = true;
    if (opt->follow_stdlib)
        opt->follow_imports = true;
    bool following = opt->follow_imports || opt->standalone ||
                     opt->include_modules.n || opt->include_packages.n;
    if (opt->module && (following || opt->nofollow.n || opt->data_files.n)) {
        diag_error("--module cannot follow imports nor be standalone: it builds one "
                   "extension module (a package compiles with --module DIR)");
        return -1;
    }
    if (opt->data_files.n && !opt->standalone) {
        diag_error("--include-data-files needs --standalone or --onefile (it copies into "
                   "NAME.dist/)");
        return -1;
    }
    if (opt->standalone)
        opt->follow_imports = true;
    return 0;
}

void driver_options_free(DriverOptions *opt)
{
    free(opt->include_modules.items);
    free(opt->include_packages.items);
    free(opt->nofollow.items);
    free(opt->data_files.items);
}
