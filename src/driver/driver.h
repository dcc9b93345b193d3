/* driver.h — the pieces of the pyc2c command-line driver (src/driver/).
 *
 *   options.c  the command line into DriverOptions
 *   target.c   what the target interpreter is (one `PYTHON -c ...` query)
 *   paths.c    the pyc2c home, the build cache, small file utilities
 *   modname.c  the dotted name of an extension module (packages)
 *   build.c    the scons builds (runtime library, module) and the install
 *   output.c   which output paths may be written (never an input, a device,
 *              a FIFO, a socket, a directory; a symlink only on request)
 *   interrupt.c  signals: temporaries removed, the build's process group
 *              stopped; running a build command in a guarded group
 *   standalone.c  --standalone: NAME.dist/
 *   onefile.c  --onefile: a dist packed into one executable
 *   report.c   --report FILE: what the build did, as JSON
 *   main.c     the pipeline: parse, lower, verify, generate C, build
 *
 * Everything here reports user errors through diag_error() and returns -1.
 */
#ifndef PYC2C_DRIVER_H
#define PYC2C_DRIVER_H

#include <stdio.h>
#include <stddef.h>
#include <stdbool.h>
#include <sys/types.h>
#include "pyc2c/compiler/passes.h"

#define PYC2C_VERSION "0.1.0"

/* ---- options.c ----------------------------------------------------------- */

/* Values of an option given any number of times, in order. */
typedef struct {
    const char **items;
    int n;
} DriverStrList;

typedef struct {
    const char *input;        /* FILE as the user gave it */
    const char *output;       /* -o PATH, or NULL */
    const char *output_dir;   /* --output-dir DIR, or NULL */
    const char *python;       /* --python PATH (default "python3") */
    const char *module_name;  /* --module-name NAME, or NULL: inferred */
    const char *report;       /* --report FILE: JSON of the build, or NULL */
    int jobs;                 /* --jobs N (default: online cores) */
    bool module;              /* --module: an extension module */
    bool keep_build;          /* --keep-build: build dir next to the output */
    bool emit_c;              /* --emit-c: also write NAME.c next to output */
    bool dump_ir;             /* --dump-ir: print the IR and stop */
    OptDumpWhen dump_when;    /* ... where: OPT_DUMP_END (plain --dump-ir),
                                 or before/after dump_pass */
    const char *dump_pass;    /* --dump-ir=after:PASS's PASS */
    bool dump_lir;            /* --dump-ir=lir, or before/after a pass of
                                 the low-level IR: the fragments the code
                                 generator builds (dump_ir too), printed
                                 before/after dump_pass (then dump_when is
                                 OPT_DUMP_NONE: the IR's passes run whole) */
    bool dump_lir_before;
    bool build_runtime;       /* --build-runtime (for make): build the
                                 runtime library, print its path, stop */
    bool verbose;             /* --verbose: show the scons commands */
    int opt_level;            /* -O0 (generic operations only) or -O2 (the
                                 default: caches and fast paths) */
    bool debuggable;          /* --debuggable: line events (pdb, coverage) */
    bool write_through_symlink; /* --write-through-symlink: an output that
                                   is a symlink replaces the file it names */
    bool follow_imports;      /* --follow-imports (implied by --standalone) */
    bool follow_stdlib;       /* --follow-stdlib: into the standard library too
                                 (implies --follow-imports) */
    bool standalone;          /* --standalone: NAME.dist/ (standalone.c) */
    bool onefile;             /* --onefile: one file NAME holding a dist
                                 (onefile.c; implies standalone) */
    DriverStrList include_modules;   /* --include-module NAME */
    DriverStrList include_packages;  /* --include-package NAME */
    DriverStrList nofollow;          /* --nofollow-import-to PATTERN */
    DriverStrList data_files;        /* --include-data-files SRC=DEST */
} DriverOptions;

void driver_options_free(DriverOptions *opt);

/* 0 to go on, 1 when --help/--version was handled (exit 0), -1 after a
 * diagnostic (exit 1). */
int driver_parse_options(int argc, char **argv, DriverOptions *opt);

/* ---- target.c ------------------------------------------------------------ */

/* What the build needs to know about the interpreter it builds for. */
typedef struct {
    char *executable;        /* sys.executable (what the output runs on) */
    char *executable_real;   /* its realpath */
    int major, minor;
    char *version;           /* "3.11.7" */
    char *ext_suffix;        /* ".cpython-311-x86_64-linux-gnu.so" */
    char *include;           /* sysconfig include */
    char *platinclude;       /* sysconfig platinclude */
    char *libdir;            /* LIBDIR */
    char *libpl;             /* LIBPL */
    char *ldlibrary;         /* LDLIBRARY: "libpython3.11.so" */
    char *static_lib;        /* path of libpythonX.Y.a, or "" if absent */
    char *libs;              /* LIBS SYSLIBS (+ MODLIBS for a static link) */
    char *modlibs;           /* LOCALMODLIBS: libraries of built-in modules */
    char *loader;            /* the binary's PT_INTERP (ELF64 LE), or "" */
    bool exe_is_static;      /* the interpreter binary does not load
                                libpython*.so: link the static library too */
    char tag[64];            /* "cpython-311-<hash of realpath>" */
} DriverTarget;

/* Runs `python -E -s -S -c ...` once; -1 after a diagnostic. */
int driver_query_target(const char *python, DriverTarget *t);

/* The Python versions pyc2c builds for, space-separated: the one list to
 * extend when the runtime (runtime/compat/version.h) learns a version.
 * docs/versions.md; PYC2C_ALLOW_TARGET=3.N lets a runtime port under way
 * build for 3.N anyway. */
#define DRIVER_SUPPORTED_TARGETS "3.10 3.11 3.12 3.13"
/* Can the front end parse with t (CPython 3.10 or later)? */
bool driver_target_parses(const DriverTarget *t);
/* Is t in DRIVER_SUPPORTED_TARGETS, or allowed by PYC2C_ALLOW_TARGET? */
bool driver_target_supported(const DriverTarget *t);
void driver_target_free(DriverTarget *t);

/* ---- paths.c ------------------------------------------------------------- */

/* The pyc2c home (include/, runtime/, scons/): $PYC2C_HOME, else the repo
 * root when running build/pyc2c, else PREFIX/share/pyc2c.  Malloc'd; NULL
 * after a diagnostic. */
char *driver_find_home(void);
/* $XDG_CACHE_HOME/pyc2c or ~/.cache/pyc2c (malloc'd). */
char *driver_cache_dir(void);
/* 64-bit FNV-1a of a string, to name cache directories. */
unsigned long long driver_hash(const char *s, unsigned long long seed);

char *driver_strdup(const char *s);
char *driver_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes s to f as a C string literal, every byte that is not plain
 * printable ASCII (and `"`, `\`, `?` against trigraphs) as an octal escape:
 * the tables of module names and paths in generated C (package.c,
 * follow.c). */
void driver_c_string(FILE *f, const char *s);
char *driver_abspath(const char *path);     /* absolute, not resolving links */
/* Is path (following links) a regular file / a directory? */
bool driver_is_file(const char *path);
bool driver_is_dir(const char *path);
char *driver_dirname(const char *path);     /* malloc'd; "." for "file" */
char *driver_stem(const char *path);        /* "dir/name.py" -> "name" */
/* mkdir -p; -1 with errno set. */
int driver_mkdirs(const char *path);
/* Reads a whole file, sized by fstat (anything without a size, or that
 * grows while read, is read to its end all the same); the data has a '\0'
 * after its *size bytes.  NULL with errno set. */
char *driver_read_file(const char *path, size_t *size);
/* Writes data to path atomically (temp file in the same dir + rename) with
 * the given mode; replaces only a regular file or nothing.  -1 after a
 * diagnostic. */
int driver_write_atomic(const char *path, const char *data, size_t size, mode_t mode);
/* Copies src to dst atomically (temp + rename), keeping src's mode; in the
 * kernel (copy_file_range) where it can, else by read and write. */
int driver_copy_atomic(const char *src, const char *dst);
/* The copy_file_range(2) driver_copy_atomic calls: tests replace it to run
 * the fallback and the error paths. */
extern ssize_t (*driver_copy_file_range)(int, loff_t *, int, loff_t *, size_t, unsigned);
/* As driver_copy_atomic, for a shared library going into a dist: the copy
 * has no DT_RPATH/DT_RUNPATH of its own (elf.c says why).  Copied in the
 * kernel too; then only the copy's dynamic array is edited in place. */
int driver_copy_library(const char *src, const char *dst);

/* ---- elf.c ---- */
/* Drops the DT_RPATH and DT_RUNPATH entries of the 64-bit ELF object in
 * data (the host's byte order), in place; true when there were some.  Other
 * files are left as they are. */
bool driver_elf_drop_rpaths(unsigned char *data, size_t size);
/* The same on the open file fd (read and written with pread/pwrite: only
 * its headers and dynamic array are read).  1 when entries were dropped,
 * 0 when there were none or it is no such object, -1 with errno on an I/O
 * error. */
int driver_elf_drop_rpaths_fd(int fd);
/* The program interpreter (PT_INTERP: the dynamic loader) an ELF
 * executable names, malloc'd; NULL when it names none or cannot be read. */
char *driver_elf_interpreter(const char *path);
/* Removes the temporaries of path (".BASE.pyc2c-tmp-XXXXXX" beside it)
 * whose writer has died. */
void driver_sweep_temps(const char *path);
/* Modification time in nanoseconds, or -1 when absent. */
long long driver_mtime(const char *path);
/* The newest mtime of the regular files under dir (recursively), or -1. */
long long driver_newest_mtime(const char *dir);
/* A file's identity as one word (malloc'd; "-" when there is no file):
 * device, inode, size and modification time, so that any rewrite or
 * replacement changes it, unless the writer puts the size and the
 * modification time back.  With DRIVER_ID_CTIME also the change time, which
 * nobody can put back (every write, chmod or utime moves it): for a record
 * that must notice any change to a file the user may touch. */
enum { DRIVER_ID_PLAIN = 0, DRIVER_ID_CTIME = 1 };
char *driver_file_identity(const char *path, unsigned flags);

/* ---- output.c ------------------------------------------------------------ */

/* The files an output must never replace (NULL or "" when unknown). */
typedef struct {
    const char *source;      /* FILE as given */
    const char *python;      /* the target interpreter's real path */
} DriverOutputInputs;

/* Checks that an output may be written at path: nothing there, or a
 * regular file that is none of the inputs nor pyc2c itself.  A symbolic
 * link is refused unless through_symlink, which checks the file it points
 * to instead.  Returns the path to install at (malloc'd), or NULL after a
 * diagnostic.  Nothing is touched either way. */
char *driver_check_output(const char *path, const DriverOutputInputs *in,
                          bool through_symlink);
/* Whether two output paths (each checked by driver_check_output) name one
 * file: `-o x.c --emit-c` would write the program and its C there. */
bool driver_same_output(const char *a, const char *b);

/* ---- modname.c ----------------------------------------------------------- */

/* Is s[0..n) an ASCII identifier?  Is name dotted ASCII identifiers? */
bool driver_is_identifier(const char *s, size_t n);
bool driver_is_module_name(const char *name);
/* path made absolute and normalized lexically (os.path.abspath); malloc'd. */
char *driver_normpath(const char *path);
/* The dotted name the module at path is imported under: the directories
 * above it that hold an __init__.py are its packages, and
 * "pkg/__init__.py" is "pkg" itself.  Not checked to be identifiers
 * ("" for a top-level "__init__.py").  Malloc'd. */
char *driver_infer_module_name(const char *path);
/* The output's stem (before EXT_SUFFIX): "__init__" for a package's
 * __init__.py, else the last component of module_name.  Malloc'd. */
char *driver_module_file_stem(const char *path, const char *module_name);

/* ---- package.c ----------------------------------------------------------- */

/* One module of a package compiled whole (--module DIR). */
typedef struct {
    char *name;    /* dotted: "pkg", "pkg.sub", "pkg.sub.mod" */
    char *rel;     /* source relative to the package dir: "sub/mod.py" */
    char *path;    /* source path as the user's DIR names it */
} DriverPackageMember;

typedef struct {
    DriverPackageMember *members;   /* the package itself first */
    size_t n, cap;
} DriverPackage;

/* The modules of the package at dir, imported as name: its __init__.py,
 * its NAME.py files and subpackages (directories with an __init__.py),
 * recursively, sorted.  -1 after a diagnostic (no __init__.py: not a
 * package; an unreadable directory). */
int driver_collect_package(const char *dir, const char *name, DriverPackage *p);
void driver_package_free(DriverPackage *p);
/* The C name of member i's exec function (malloc'd). */
char *driver_package_exec_name(size_t i);
/* The C file of the package's table and PyInit_ (malloc'd, *len bytes). */
char *driver_package_table_c(const DriverPackage *p, size_t *len);

/* ---- follow.c ------------------------------------------------------------ */

/* What the target's import system searches and where its own files are:
 * one query of the target interpreter (run as the program would run: its
 * sys.path with site-packages and PYTHONPATH). */
typedef struct {
    char **path;             /* the main script's directory, then sys.path */
    bool *path_is_stdlib;    /* per entry: the standard library's own */
    size_t npath;
    char **builtins;         /* the interpreter's own modules, never compiled
                                in: sys.builtin_module_names, the frozen
                                ones, and those imported at its start-up
                                (encodings, site's) before a program's
                                finder is there to serve them */
    size_t nbuiltins;
    char **suffixes;         /* importlib.machinery.EXTENSION_SUFFIXES */
    size_t nsuffixes;
    char *stdlib_dir;        /* sysconfig's stdlib */
    char *dynload_dir;       /* lib-dynload ("" when it has none) */
    char *libpython;         /* the shared libpython it runs on, or "" */
    char *zip_name;          /* "python311.zip" */
} DriverLayout;

/* One module compiled into the program, or an extension module it needs. */
typedef struct {
    char *name;          /* dotted */
    char *path;          /* its file: source, or the extension module */
    char *rel;           /* where it sits under a sys.path entry, which is
                            where a dist holds it: "pkg/sub.py",
                            "pkg/__init__.py", "mod.cpython-311-...so" */
    bool is_package;
    bool in_stdlib;      /* found in the standard library: a dist holds its
                            directory inside the stdlib archive */
    const char *why;     /* "followed", "included" */
} DriverModule;

typedef struct {
    DriverModule *items;
    size_t n, cap;
} DriverModuleList;

typedef struct DriverFollow DriverFollow;

/* Queries the target's layout (its output kept in work_dir) and plans the
 * modules of --include-module / --include-package; NULL after a
 * diagnostic.  main_path: the main script. */
DriverFollow *driver_follow_new(const DriverOptions *opt, const char *python,
                                const char *main_path, const char *work_dir);
void driver_follow_free(DriverFollow *f);
const DriverLayout *driver_follow_layout(const DriverFollow *f);
/* Notes the imports of a parsed module (name; is_package: it is a
 * package's __init__): with following on, the modules they name that are
 * found outside the standard library join the modules to compile; one
 * that cannot be found is a warning naming the file (as the user would
 * spell it) and line.  module: the unit's AstModule. */
struct AstNode;
void driver_follow_scan(DriverFollow *f, const struct AstNode *module, const char *file,
                        const char *name, bool is_package);
/* The modules to compile (grows while modules are scanned), and the
 * extension modules found outside the standard library. */
const DriverModuleList *driver_follow_modules(const DriverFollow *f);
const DriverModuleList *driver_follow_extensions(const DriverFollow *f);
/* The namespace packages the modules sit in (dotted names, ""-terminated
 * list): a dist creates their directories. */
const DriverModuleList *driver_follow_namespaces(const DriverFollow *f);
/* The C of the program's table (runtime/program.c): the compiled modules,
 * each at its path (absolute, or rel in a standalone dist), and the
 * constructor that registers it.  Malloc'd, *len bytes. */
char *driver_program_table_c(const DriverFollow *f, bool standalone,
                             const char *main_file, size_t *len);

/* ---- standalone.c -------------------------------------------------------- */

/* A standalone dist being made: NAME.dist, assembled in tmp beside it. */
typedef struct {
    char *path;     /* NAME.dist (or -o PATH) */
    char *parent;   /* its directory */
    char *tmp;      /* the temporary directory beside it, once begun */
    char *exe;      /* tmp/NAME: where the executable is installed */
    int tmp_fd;     /* tmp, flock()ed while we live (-1 if none) */
    int tmp_slot;   /* its registration for removal on a signal */
} DriverDist;

/* Decides the dist's path and checks, before anything is built, that it
 * can be written (its directory writable; an existing path only a dist
 * pyc2c made) and that every --include-data-files SRC=DEST is readable
 * and lands inside.  -1 after a diagnostic. */
int driver_dist_plan(const DriverOptions *opt, const char *name, DriverDist *d);
/* The same for a dist at path (--onefile's, in the build directory). */
int driver_dist_plan_at(const DriverOptions *opt, const char *path, DriverDist *d);
/* Creates the temporary directory beside the dist.  -1 after a diag. */
int driver_dist_begin(DriverDist *d);
/* With d->exe installed: the stdlib archive, libpython, lib-dynload, the
 * shared libraries (ldd), the followed extension modules, the package
 * directories, the data files, the marker.  -1 after a diagnostic. */
int driver_dist_fill(DriverDist *d, const DriverOptions *opt, const DriverTarget *t,
                     const DriverFollow *f, const char *work_dir);
/* Puts the temporary directory in place of the dist.  -1 after a diag. */
int driver_dist_commit(DriverDist *d);
/* Removes the temporary directory (after a failure). */
void driver_dist_abort(DriverDist *d);
void driver_dist_free(DriverDist *d);

/* ---- onefile.c ---------------------------------------------------------- */

/* Packs the dist directory behind the start-up program (HOME/boot/
 * onefile.c, compiled into the cache once) into artifact, then installs
 * it at install atomically.  exe_name: the executable in the dist;
 * program: the source's absolute path (with exe_name, what tells a
 * program's copies from others' in the unpacking cache).  -1 after a
 * diagnostic. */
int driver_onefile_pack(const DriverOptions *opt, const char *home, const char *dist,
                        const char *exe_name, const char *program, const char *artifact,
                        const char *install);

/* ---- report.c ----------------------------------------------------------- */

/* --report FILE: the stages note what they do as they go; written at the
 * end of the build, failed or not.  Sizes are read from the files named. */
double driver_now(void);                  /* monotonic seconds */
void driver_report_start(void);
/* why: "main", "followed", "included", "package member", "followed
 * extension", "stdlib archive", "stdlib extension". */
void driver_report_module(const char *name, const char *why, const char *from,
                          long long c_size);
void driver_report_data_file(const char *from, const char *to);
/* size: of the copy, copied (libpython stripped: smaller than from). */
void driver_report_library(const char *name, const char *from, const char *copied);
/* Adds seconds to a stage: "front_end", "lower", "opt", "cgen",
 * "runtime_library", "c_compile", "link", "c_build", "dist_assembly",
 * "onefile_pack". */
void driver_report_time(const char *stage, double seconds);
void driver_report_c_files(long long n);
/* What the build is doing from now on (a stage name as above, or "plan":
 * checking the input, the target and the outputs): a failed build's
 * report names it. */
void driver_report_stage(const char *stage);
/* The module being translated (name, its file), or NULL, NULL after. */
void driver_report_translating(const char *name, const char *file);

typedef struct {
    const char *input, *kind, *output, *python, *version;
    bool failed;              /* a failed build: says what failed */
} DriverReportInfo;

/* Writes the report to path atomically.  -1 after a diagnostic. */
int driver_report_write(const char *path, const DriverReportInfo *info);

/* ---- cfiles.c ------------------------------------------------------------ */

/* Writes path only when its content differs, keeping the mtime of an
 * unchanged file.  0, or -1 after a diagnostic. */
int driver_write_if_changed(const char *path, const char *text, size_t len);
/* Appends item (owned by the list from then on) to the NULL-terminated,
 * malloc'd *list. */
void driver_list_append(char ***list, char *item);
/* Writes a module's generated C to path (NAME.c), and when cgen split it
 * into several C files, the others as NAME.part<k>.c beside it, their
 * paths appended to *extra.  0, or -1 after a diagnostic. */
int driver_write_c_files(const char *path, const char *text, size_t len, char ***extra);

/* ---- build.c ------------------------------------------------------------- */

typedef struct {
    const DriverOptions *opt;
    const DriverTarget *target;
    const char *home;
    const char *name;          /* stem: NAME */
    const char *build_dir;
    const char *c_file;        /* build_dir/NAME.c */
    char *const *more_c_files; /* NULL, or more C files in build_dir (the
                                  members of a package), NULL-terminated */
    const char *artifact;      /* build_dir/DRIVER_ARTIFACT_DIR/<output file name> */
    const char *output;        /* final output path */
} DriverBuild;

/* The build directory's subdirectory that holds the artifact, so that no
 * output name (`-o NAME.c`, `-o build.log`) can be one of the build's own
 * files. */
#define DRIVER_ARTIFACT_DIR "out"

/* Builds (if needed, under a lock) the runtime library for the target and
 * returns its path (malloc'd), or NULL after a diagnostic. */
char *driver_build_runtime(const DriverOptions *opt, const DriverTarget *t,
                           const char *home);
/* Compiles b->c_file into b->artifact with scons unless it is up to date,
 * then installs it at b->output atomically.  -1 after a diagnostic. */
int driver_build_module(const DriverBuild *b, const char *runtime_lib);

/* Takes an exclusive lock on DIR/.lock (waiting for it) and returns the
 * descriptor; closing it releases the lock.  -1 after a diagnostic. */
int driver_lock_dir(const char *dir);

/* ---- interrupt.c --------------------------------------------------------- */

/* Installs the handlers of SIGINT, SIGTERM, SIGHUP and SIGQUIT (unless
 * ignored), and an exit hook: registered temporaries removed, the running build's group
 * stopped, then the signal re-raised with its default action. */
void driver_signals_install(void);
/* Registers path (copied) for removal on a signal; returns a slot for
 * driver_temp_forget (-1 when the table is full: not registered). */
int driver_temp_add(const char *path);
/* The same for a directory, removed with its contents. */
int driver_temp_dir_add(const char *path);
void driver_temp_forget(int slot);
/* Runs argv (argv[0] looked up on PATH) in a process group of its own, with
 * stdin from /dev/null and stdout and stderr to log_path (or inherited when
 * NULL); the group dies with pyc2c, whatever kills pyc2c (its guard, and
 * for scons the lifeline in PYC2C_LIFELINE_FD, see interrupt.c).  Returns the exit
 * status (128+N for a signal), -1 with errno set if it cannot run. */
int driver_run(char *const argv[], const char *log_path);
/* The same, calling watch(arg) about every 100 ms while the command runs
 * and once after it ended (to follow its log: build.c's progress). */
typedef void (*DriverWatch)(void *arg);
int driver_run_watched(char *const argv[], const char *log_path, DriverWatch watch,
                       void *arg);

#endif
