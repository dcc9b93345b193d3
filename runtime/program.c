/* program.c — what an executable holds beyond its __main__ module
 * (docs/usage.md, "Following imports" and "Standalone programs").
 *
 * The driver generates a table of the modules it compiled into the
 * executable (followed imports, --include-module, --include-package) and a
 * constructor that registers it here before main() runs: P2C_Main (main.c)
 * then puts a finder for them first on sys.meta_path (package.c's
 * CompiledPackageFinder), so they are imported from the executable before
 * sys.path is searched, each when the program first imports it.
 *
 * A standalone program (`--standalone`, NAME.dist/NAME) carries its own
 * Python: the interpreter's home is the dist directory (the directory of
 * the executable, links resolved) and sys.path is set explicitly to
 *     DIST, DIST/python3X.zip (the stdlib as bytecode), DIST/lib-dynload
 * so that nothing is read from the machine's own Python: PYTHONHOME and
 * PYTHONPATH are ignored (an explicit home and search path override them),
 * the user's site directory is not added, and no path warning is printed.
 * The stdlib's frozen modules are not used (they would have no __file__).
 * The other PYTHON* variables (PYTHONUNBUFFERED, PYTHONIOENCODING ...) keep
 * their meaning.  __main__.__file__ and the compiled modules' __file__ name
 * files in the dist directory (DIST/main.py, DIST/pkg/__init__.py), where
 * --include-data-files puts data the program reads beside its modules;
 * their code objects' co_filename are the same paths, __main__'s too
 * (P2C_Module_SetMainSourceFile), so tracebacks name the dist.
 */
#include "internal.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const P2C_Program *program;
static char dist_dir[PATH_MAX];      /* standalone: set by P2C_Program_Configure */
static char main_file[PATH_MAX + 64];

/* See runtime.h. */
void
P2C_Program_Register(const P2C_Program *p)
{
    program = p;
}

/* See internal.h. */
int
P2C_Program_IsStandalone(void)
{
    return program != NULL && program->standalone;
}

/* The directory of the running executable, links resolved, into dist_dir.
 * /proc/self/exe is Linux's; argv[0] would depend on how it was started. */
static int
find_dist_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return -1;
    *slash = '\0';
    if (realpath(exe[0] ? exe : "/", dist_dir) == NULL)
        return -1;
    return 0;
}

/* Appends DIST/tail (tail NULL: DIST itself) to the search path. */
static PyStatus
append_path(PyConfig *config, const char *tail)
{
    char path[PATH_MAX + 64];
    if (tail)
        snprintf(path, sizeof path, "%s/%s", dist_dir, tail);
    else
        snprintf(path, sizeof path, "%s", dist_dir);
    wchar_t *w = Py_DecodeLocale(path, NULL);
    if (w == NULL)
        return PyStatus_NoMemory();
    PyStatus st = PyWideStringList_Append(&config->module_search_paths, w);
    PyMem_RawFree(w);
    return st;
}

/* See internal.h: a standalone program's home, search path and site
 * settings; nothing for other programs. */
PyStatus
P2C_Program_Configure(PyConfig *config)
{
    if (!P2C_Program_IsStandalone())
        return PyStatus_Ok();
    if (find_dist_dir() < 0)
        return PyStatus_Error("pyc2c: cannot find the directory of the executable "
                              "(/proc/self/exe)");
    PyStatus st = PyConfig_SetBytesString(config, &config->home, dist_dir);
    if (!PyStatus_Exception(st))
        st = append_path(config, NULL);
    if (!PyStatus_Exception(st))
        st = append_path(config, program->stdlib_zip);
    if (!PyStatus_Exception(st))
        st = append_path(config, program->dynload);
    config->module_search_paths_set = 1;
    /* Frozen stdlib modules (os, codecs, site ...) take their __file__
     * from the stdlib directory, which a dist does not have: from the zip
     * they have one (DIST/python311.zip/os.pyc), as programs expect.
     * 3.10 freezes none of them. */
#if P2C_PY_MINOR >= 11
    config->use_frozen_modules = 0;
#endif
    config->user_site_directory = 0;
    config->pathconfig_warnings = 0;
    return st;
}

/* See internal.h: DIST/main.py for a standalone program, else source_path. */
const char *
P2C_Program_MainFile(const char *source_path)
{
    if (!P2C_Program_IsStandalone())
        return source_path;
    snprintf(main_file, sizeof main_file, "%s/%s", dist_dir, program->main_file);
    return main_file;
}

/* See internal.h.  The table's paths are relative to the dist directory in
 * a standalone program, absolute (the sources at build time) otherwise. */
int
P2C_Program_InstallFinder(void)
{
    if (program == NULL || program->modules == NULL || program->modules[0].name == NULL)
        return 0;
    return P2C_Package_InstallProgramFinder(program->modules,
                                            program->standalone ? dist_dir : "");
}
