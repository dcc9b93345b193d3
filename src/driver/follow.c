/* follow.c — import following: which modules a program imports, where the
 * target's import system would find them, and which are compiled into the
 * executable (docs/usage.md, "Following imports").
 *
 *   1. One query of the target interpreter, run as the program would run
 *      (site-packages, PYTHONPATH): its sys.path, which entries are the
 *      standard library's, its builtin and frozen modules, its extension
 *      suffixes, and where its stdlib, lib-dynload and libpython are.
 *   2. Each compiled module's AST is scanned for `import` and `from`
 *      statements, anywhere in it (inside functions and try blocks too:
 *      statically known is all we need).  A dotted name is resolved part by
 *      part as importlib's PathFinder/FileFinder would: the top level in
 *      [main script's dir] + sys.path, a submodule in its parent package's
 *      directories; per directory a package (NAME/__init__.*) before an
 *      extension module, before NAME.py, and a directory without __init__
 *      a namespace portion used when nothing else is found.  Builtin and
 *      frozen modules come first, as on sys.meta_path.
 *   3. A module found in a standard-library entry is not followed unless
 *      --follow-stdlib or --include-module asks (only its Python source:
 *      the interpreter's own modules, builtin, frozen or imported at its
 *      start-up, never are); one matching --nofollow-import-to is not
 *      either; a source module joins the list to compile (and is scanned
 *      in turn); an
 *      extension module is listed for a dist to copy.  An import that
 *      cannot be found is a warning: CPython fails only if it runs.
 *   4. The table: a C file naming each compiled module's exec function and
 *      path, registered with the runtime by a constructor
 *      (runtime/program.c puts a finder for them first on sys.meta_path).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pyc2c/compiler/ast.h"
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

struct DriverFollow {
    const DriverOptions *opt;
    DriverLayout layout;
    DriverModuleList modules;      /* to compile, in the order found */
    DriverModuleList extensions;   /* extension modules outside the stdlib */
    DriverModuleList namespaces;   /* namespace packages holding modules */
    DriverModuleList seen;         /* every name resolved (name, why=kind) */
};

/* ---- the target's layout ---------------------------------------------------- */

/* Printed one fact a line, "KEY\tVALUE". */
static const char layout_script[] =
    "import sys\n"
    "preloaded = list(sys.modules)\n"
    "import os, sysconfig, importlib.machinery as m\n"
    "def out(k, v):\n"
    "    sys.stdout.write('%s\\t%s\\n' % (k, v))\n"
    "std = os.path.realpath(sysconfig.get_paths()['stdlib'])\n"
    "dyn = [p for p in sys.path if os.path.basename(p) == 'lib-dynload']\n"
    "dyn = os.path.realpath(dyn[0]) if dyn else ''\n"
    "zipname = 'python%d%d.zip' % sys.version_info[:2]\n"
    "def is_std(p):\n"
    "    r = os.path.realpath(p)\n"
    "    if os.path.basename(r) == zipname or r == dyn:\n"
    "        return 1\n"
    "    parts = r.split(os.sep)\n"
    "    if 'site-packages' in parts or 'dist-packages' in parts:\n"
    "        return 0\n"
    "    return int(r == std or r.startswith(std + os.sep))\n"
    "# -c puts '' (the current directory) first, unless PYTHONSAFEPATH\n"
    "for p in (sys.path[1:] if sys.path[:1] == [''] else sys.path):\n"
    "    if p:\n"
    "        out('path', '%d%s' % (is_std(p), os.path.abspath(p)))\n"
    "for b in sys.builtin_module_names:\n"
    "    out('builtin', b)\n"
    "try:\n"
    "    import _imp\n"
    "    for b in _imp._frozen_module_names():\n"
    "        out('builtin', b)\n"
    "except Exception:\n"
    "    pass\n"
    "for b in preloaded:\n"
    "    out('builtin', b)\n"
    "for s in m.EXTENSION_SUFFIXES:\n"
    "    out('suffix', s)\n"
    "out('stdlib', std)\n"
    "out('dynload', dyn)\n"
    "lib = [l.split()[-1] for l in open('/proc/self/maps') if '/libpython' in l]\n"
    "out('libpython', os.path.realpath(lib[0]) if lib else '')\n"
    "out('zip', zipname)\n";

static void push_str(char ***arr, size_t *n, const char *s)
{
    *arr = xrealloc(*arr, *n + 1, sizeof **arr);
    (*arr)[(*n)++] = driver_strdup(s);
}

static void add_path(DriverLayout *l, const char *p, bool is_stdlib)
{
    push_str(&l->path, &l->npath, p);
    l->path_is_stdlib = xrealloc(l->path_is_stdlib, l->npath, sizeof *l->path_is_stdlib);
    l->path_is_stdlib[l->npath - 1] = is_stdlib;
}

static void layout_line(DriverLayout *l, char *line)
{
    char *tab = strchr(line, '\t');
    if (!tab)
        return;
    *tab = '\0';
    const char *v = tab + 1;
    if (!strcmp(line, "path") && v[0])
        add_path(l, v + 1, v[0] == '1');
    else if (!strcmp(line, "builtin"))
        push_str(&l->builtins, &l->nbuiltins, v);
    else if (!strcmp(line, "suffix"))
        push_str(&l->suffixes, &l->nsuffixes, v);
    else if (!strcmp(line, "stdlib"))
        l->stdlib_dir = driver_strdup(v);
    else if (!strcmp(line, "dynload"))
        l->dynload_dir = driver_strdup(v);
    else if (!strcmp(line, "libpython"))
        l->libpython = driver_strdup(v);
    else if (!strcmp(line, "zip"))
        l->zip_name = driver_strdup(v);
}

/* Runs the layout query (output into work_dir/target-layout.txt); the main
 * script's directory (links resolved, as sys.path[0]) comes first. */
static int query_layout(DriverLayout *l, const char *python, const char *main_path,
                        const char *work_dir)
{
    char *out = driver_sprintf("%s/target-layout.txt", work_dir);
    char *argv[] = { (char *)python, "-c", (char *)layout_script, NULL };
    int status = driver_run(argv, out);
    size_t size;
    char *text = status == 0 ? driver_read_file(out, &size) : NULL;
    if (!text) {
        diag_error("the target Python '%s' failed to report its import path (see %s)",
                   python, out);
        free(out);
        return -1;
    }
    free(out);
    char *real = realpath(main_path, NULL);
    char *dir = driver_dirname(real ? real : main_path);
    add_path(l, dir, false);
    free(dir);
    free(real);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        layout_line(l, line);
    free(text);
    if (!l->stdlib_dir || !l->dynload_dir || !l->libpython || !l->zip_name) {
        diag_error("the target Python '%s' reported an incomplete import path", python);
        return -1;
    }
    return 0;
}

static void free_strs(char **a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(a[i]);
    free(a);
}

static void layout_free(DriverLayout *l)
{
    free_strs(l->path, l->npath);
    free(l->path_is_stdlib);
    free_strs(l->builtins, l->nbuiltins);
    free_strs(l->suffixes, l->nsuffixes);
    free(l->stdlib_dir); free(l->dynload_dir); free(l->libpython); free(l->zip_name);
}

/* ---- resolving a dotted name (importlib's search, without running code) ------- */

typedef enum {
    FOUND_NOTHING, FOUND_STDLIB, FOUND_SOURCE, FOUND_PACKAGE, FOUND_EXTENSION,
    FOUND_NAMESPACE, FOUND_OTHER      /* a sourceless .pyc: neither compiled nor copied */
} FoundKind;

typedef struct {
    FoundKind kind;
    char *file;          /* the module's file (SOURCE, PACKAGE, EXTENSION) */
    char **dirs;         /* a package's directories (PACKAGE, NAMESPACE) */
    size_t ndirs;
    char *rel;           /* the file relative to its sys.path entry */
    bool in_stdlib;      /* found in a standard-library entry */
} Found;

static void found_free(Found *r)
{
    free(r->file);
    free_strs(r->dirs, r->ndirs);
    free(r->rel);
    memset(r, 0, sizeof *r);
}

/* "a.b.c" -> "a/b/c" (malloc'd). */
static char *name_to_path(const char *name)
{
    char *p = driver_strdup(name);
    for (char *c = p; *c; c++)
        if (*c == '.')
            *c = '/';
    return p;
}

/* A package in dir: its __init__ with any of the loaders' suffixes, in
 * FileFinder's order (extensions, source, bytecode). */
static char *package_init(const DriverLayout *l, const char *dir, const char **suffix)
{
    for (size_t i = 0; i <= l->nsuffixes + 1; i++) {
        const char *s = i < l->nsuffixes ? l->suffixes[i] : i == l->nsuffixes ? ".py" : ".pyc";
        char *init = driver_sprintf("%s/__init__%s", dir, s);
        if (driver_is_file(init)) {
            *suffix = s;
            return init;
        }
        free(init);
    }
    return NULL;
}

/* The module file part+suffix in entry, in FileFinder's order. */
static char *module_file(const DriverLayout *l, const char *entry, const char *part,
                         const char **suffix)
{
    for (size_t i = 0; i <= l->nsuffixes + 1; i++) {
        const char *s = i < l->nsuffixes ? l->suffixes[i] : i == l->nsuffixes ? ".py" : ".pyc";
        char *file = driver_sprintf("%s/%s%s", entry, part, s);
        if (driver_is_file(file)) {
            *suffix = s;
            return file;
        }
        free(file);
    }
    return NULL;
}

static FoundKind kind_of_suffix(const char *s)
{
    return !strcmp(s, ".py") ? FOUND_SOURCE : !strcmp(s, ".pyc") ? FOUND_OTHER
                                                                : FOUND_EXTENSION;
}

/* Looks for `part` (the last component of dotted `name`) in the given
 * directories; *is_stdlib says per directory (NULL: all false).  Fills r. */
static void find_in(const DriverLayout *l, char *const *dirs, const bool *std, size_t n,
                    const char *name, const char *part, Found *r, bool *from_stdlib)
{
    char **portions = NULL;
    size_t nportions = 0;
    char *relbase = name_to_path(name);
    const char *suffix;
    for (size_t i = 0; i < n && r->kind == FOUND_NOTHING; i++) {
        char *dir = driver_sprintf("%s/%s", dirs[i], part);
        *from_stdlib = std && std[i];
        char *file;
        if (driver_is_dir(dir) && (file = package_init(l, dir, &suffix))) {
            r->kind = kind_of_suffix(suffix) == FOUND_SOURCE ? FOUND_PACKAGE
                                                             : kind_of_suffix(suffix);
            r->file = file;
            push_str(&r->dirs, &r->ndirs, dir);
            r->rel = driver_sprintf("%s/__init__%s", relbase, suffix);
        } else if ((file = module_file(l, dirs[i], part, &suffix))) {
            r->kind = kind_of_suffix(suffix);
            r->file = file;
            r->rel = driver_sprintf("%s%s", relbase, suffix);
        } else if (driver_is_dir(dir)) {
            push_str(&portions, &nportions, dir);
        }
        free(dir);
    }
    if (r->kind == FOUND_NOTHING && nportions) {
        r->kind = FOUND_NAMESPACE;
        r->dirs = portions;
        r->ndirs = nportions;
        *from_stdlib = false;
    } else {
        free_strs(portions, nportions);
    }
    free(relbase);
}

static bool is_builtin(const DriverLayout *l, const char *name)
{
    for (size_t i = 0; i < l->nbuiltins; i++)
        if (!strcmp(l->builtins[i], name))
            return true;
    return false;
}

/* A module of the standard library that stays the interpreter's: anything
 * but Python source (an extension module of lib-dynload, a sourceless
 * .pyc) is FOUND_STDLIB, which is never followed; stdlib source keeps its
 * kind, marked in_stdlib (followed with --follow-stdlib or when named by
 * --include-module). */
static void mark_stdlib(Found *r)
{
    if (r->kind == FOUND_NOTHING)
        return;
    if (r->kind != FOUND_SOURCE && r->kind != FOUND_PACKAGE) {
        found_free(r);
        r->kind = FOUND_STDLIB;
        return;
    }
    r->in_stdlib = true;
}

/* Resolves dotted name as the target's import system would, parents
 * first.  The interpreter's own modules (builtin, frozen, imported at
 * start-up) and their submodules are FOUND_STDLIB; a module under a
 * standard-library entry, and a submodule of a stdlib package, is
 * in_stdlib (mark_stdlib). */
static void resolve(const DriverLayout *l, const char *name, Found *r)
{
    memset(r, 0, sizeof *r);
    if (is_builtin(l, name)) {
        r->kind = FOUND_STDLIB;
        return;
    }
    const char *dot = strrchr(name, '.');
    if (!dot) {
        bool std = false;
        find_in(l, l->path, l->path_is_stdlib, l->npath, name, name, r, &std);
        if (std)
            mark_stdlib(r);
        return;
    }
    char *parent = driver_sprintf("%.*s", (int)(dot - name), name);
    Found p;
    resolve(l, parent, &p);
    free(parent);
    if (p.kind == FOUND_STDLIB) {
        r->kind = FOUND_STDLIB;
    } else if (p.kind == FOUND_PACKAGE || p.kind == FOUND_NAMESPACE ||
               (p.ndirs && p.kind == FOUND_EXTENSION)) {
        bool std = false;
        find_in(l, p.dirs, NULL, p.ndirs, name, dot + 1, r, &std);
        if (p.in_stdlib)
            mark_stdlib(r);
    }
    found_free(&p);
}

/* ---- following ------------------------------------------------------------------ */

static void list_add(DriverModuleList *list, const char *name, const char *path,
                     const char *rel, bool is_package, const char *why)
{
    if (list->n == list->cap) {
        list->cap = list->cap ? 2 * list->cap : 16;
        list->items = xrealloc(list->items, list->cap, sizeof *list->items);
    }
    DriverModule *m = &list->items[list->n++];
    m->name = driver_strdup(name);
    m->path = driver_strdup(path ? path : "");
    m->rel = driver_strdup(rel ? rel : "");
    m->is_package = is_package;
    m->in_stdlib = false;
    m->why = why;
}

static bool list_has(const DriverModuleList *list, const char *name)
{
    for (size_t i = 0; i < list->n; i++)
        if (!strcmp(list->items[i].name, name))
            return true;
    return false;
}

static void list_free(DriverModuleList *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].name);
        free(list->items[i].path);
        free(list->items[i].rel);
    }
    free(list->items);
}

/* --nofollow-import-to: the pattern matches the name or a parent's. */
static bool excluded(const DriverFollow *f, const char *name)
{
    const DriverStrList *pats = &f->opt->nofollow;
    char *prefix = driver_strdup(name);
    bool hit = false;
    while (!hit) {
        for (int i = 0; i < pats->n && !hit; i++)
            hit = fnmatch(pats->items[i], prefix, 0) == 0;
        char *dot = strrchr(prefix, '.');
        if (!dot)
            break;
        *dot = '\0';       /* then the parent package's name */
    }
    free(prefix);
    return hit;
}

/* Records what resolving name found: a module to compile, an extension,
 * a namespace.  Returns false when following stops here (nothing found,
 * the stdlib, excluded). */
static bool take(DriverFollow *f, const char *name, const Found *r, const char *why)
{
    if (r->kind == FOUND_NOTHING || r->kind == FOUND_STDLIB || excluded(f, name))
        return false;
    /* the standard library with --follow-stdlib, or a module of it that
     * --include-module (--include-package) names, with its parents */
    if (r->in_stdlib && !f->opt->follow_stdlib && strcmp(why, "included") != 0)
        return false;
    if (list_has(&f->seen, name))
        return true;
    list_add(&f->seen, name, NULL, NULL, false, why);
    if (r->kind == FOUND_SOURCE || r->kind == FOUND_PACKAGE) {
        list_add(&f->modules, name, r->file, r->rel, r->kind == FOUND_PACKAGE, why);
        f->modules.items[f->modules.n - 1].in_stdlib = r->in_stdlib;
    }
    else if (r->kind == FOUND_EXTENSION)
        list_add(&f->extensions, name, r->file, r->rel, r->ndirs > 0, why);
    else if (r->kind == FOUND_NAMESPACE)
        list_add(&f->namespaces, name, NULL, NULL, true, why);
    return r->kind != FOUND_OTHER;
}

static void warn_at(const char *file, int line, const char *fmt, const char *name)
{
    diag_progress_clear();
    fprintf(stderr, "pyc2c: warning: %s:%d: ", file, line);
    fprintf(stderr, fmt, name);
    fputc('\n', stderr);
}

/* Follows `import name`: name and each of its parents.  *found tells
 * what the full name is (FOUND_NOTHING when not found). */
static void follow_name(DriverFollow *f, const char *file, int line, const char *name,
                        const char *why, bool warn, FoundKind *found)
{
    *found = FOUND_NOTHING;
    char *prefix = driver_strdup(name);
    for (char *end = prefix; end; ) {
        end = strchr(end, '.');
        if (end)
            *end = '\0';
        Found r;
        resolve(&f->layout, prefix, &r);
        *found = r.kind;
        bool go_on = take(f, prefix, &r, why);
        found_free(&r);
        if (*found == FOUND_NOTHING && warn)
            warn_at(file, line, "cannot find module '%s' to follow: importing it will "
                    "fail at run time unless it is found then", prefix);
        if (!go_on)
            break;
        if (end)
            *end++ = '.';
    }
    free(prefix);
}

/* The package a `from` with level dots names, from the importer's name;
 * NULL when it goes beyond the top (or the importer is __main__). */
static char *relative_base(const char *importer, bool is_package, long level,
                           const char *module)
{
    char *pkg = driver_strdup(importer);
    if (!is_package) {
        char *dot = strrchr(pkg, '.');
        if (!dot) {
            free(pkg);
            return NULL;
        }
        *dot = '\0';
    }
    for (long i = 1; i < level; i++) {
        char *dot = strrchr(pkg, '.');
        if (!dot) {
            free(pkg);
            return NULL;
        }
        *dot = '\0';
    }
    if (!strcmp(importer, "__main__")) {
        free(pkg);
        return NULL;
    }
    char *base = module ? driver_sprintf("%s.%s", pkg, module) : driver_strdup(pkg);
    free(pkg);
    return base;
}

/* What a scan of one module needs: its file and name; a module of the
 * standard library is scanned for the imports its import runs only. */
typedef struct {
    const char *file;
    const char *importer;
    bool is_package;
    bool eager_only;     /* skip function bodies; no warnings */
} ScanCtx;

/* `from [.]module import a, b`: the module, then each name that is a
 * submodule of it (silently: most names are attributes). */
static void follow_from(DriverFollow *f, const ScanCtx *cx, const AstImportFrom *n)
{
    int line = n->hdr.pos.line;
    char *base = n->level > 0 ? relative_base(cx->importer, cx->is_package, n->level, n->module)
                              : driver_strdup(n->module);
    if (!base) {
        if (cx->eager_only)
            return;
        warn_at(cx->file, line, "%s", !strcmp(cx->importer, "__main__")
                ? "a relative import in the main script fails at run time (it has no "
                  "parent package)"
                : "a relative import beyond the top-level package fails at run time");
        return;
    }
    FoundKind kind;
    follow_name(f, cx->file, line, base, "followed", !cx->eager_only, &kind);
    if (kind == FOUND_PACKAGE || kind == FOUND_NAMESPACE) {
        for (int i = 0; i < n->names.n; i++) {
            const Astalias *a = (const Astalias *)n->names.items[i];
            if (!strcmp(a->name, "*"))
                continue;
            char *sub = driver_sprintf("%s.%s", base, a->name);
            FoundKind k;
            follow_name(f, cx->file, line, sub, "followed", false, &k);
            free(sub);
        }
    }
    free(base);
}

/* Walks every node below n (any statement or expression may hold a
 * function or class with imports inside).  With eager_only, the bodies of
 * functions are skipped: a stdlib module imports there lazily what only
 * some of its functions need (followed, they would pull in most of the
 * standard library, 320 modules for a program importing random, json,
 * collections and textwrap), and an import it guards (another platform's
 * module) is not worth a warning. */
static void scan_node(DriverFollow *f, const ScanCtx *cx, const AstNode *n)
{
    if (!n)
        return;
    if (cx->eager_only && (n->kind == AST_FunctionDef || n->kind == AST_AsyncFunctionDef ||
                           n->kind == AST_Lambda))
        return;
    if (n->kind == AST_Import) {
        const AstImport *imp = (const AstImport *)n;
        for (int i = 0; i < imp->names.n; i++) {
            FoundKind k;
            follow_name(f, cx->file, n->pos.line,
                        ((const Astalias *)imp->names.items[i])->name, "followed",
                        !cx->eager_only, &k);
        }
        return;
    }
    if (n->kind == AST_ImportFrom) {
        follow_from(f, cx, (const AstImportFrom *)n);
        return;
    }
    const AstKindInfo *info = &ast_kind_info[n->kind];
    for (int i = 0; i < info->nfields; i++) {
        const char *slot = (const char *)n + info->fields[i].offset;
        if (info->fields[i].type == AST_T_NODE) {
            scan_node(f, cx, *(AstNode *const *)slot);
        } else if (info->fields[i].type == AST_T_LIST) {
            const AstSeq *seq = (const AstSeq *)slot;
            for (int k = 0; k < seq->n; k++)
                scan_node(f, cx, seq->items[k]);
        }
    }
}

/* Whether the module to compile named name was found in the stdlib. */
static bool module_in_stdlib(const DriverFollow *f, const char *name)
{
    for (size_t i = 0; i < f->modules.n; i++)
        if (!strcmp(f->modules.items[i].name, name))
            return f->modules.items[i].in_stdlib;
    return false;
}

void driver_follow_scan(DriverFollow *f, const AstNode *module, const char *file,
                        const char *name, bool is_package)
{
    ScanCtx cx = { file, name, is_package, module_in_stdlib(f, name) };
    if (f->opt->follow_imports)
        scan_node(f, &cx, module);
}

/* --include-module NAME: NAME (and its parents) compiled in, found or an
 * error. */
static int include_module(DriverFollow *f, const char *name)
{
    if (!driver_is_module_name(name)) {
        diag_error("--include-module '%s' is not a dotted name of identifiers", name);
        return -1;
    }
    FoundKind k;
    follow_name(f, "<command line>", 0, name, "included", false, &k);
    if (k == FOUND_NOTHING || k == FOUND_STDLIB) {
        diag_error("--include-module %s: %s", name, k == FOUND_NOTHING
                   ? "no such module on the target's sys.path"
                   : "it is the interpreter's own (builtin, frozen, imported at its "
                     "start-up, or an extension module of the standard library)");
        return -1;
    }
    return 0;
}

/* --include-package NAME: the package and every module and subpackage in
 * it (package.c's collection). */
static int include_package(DriverFollow *f, const char *name)
{
    if (include_module(f, name) != 0)
        return -1;
    Found r;
    resolve(&f->layout, name, &r);
    int rc = 0;
    if (r.kind != FOUND_PACKAGE) {
        diag_error("--include-package %s: not a package with an __init__.py", name);
        rc = -1;
    } else {
        DriverPackage p;
        rc = driver_collect_package(r.dirs[0], name, &p);
        for (size_t i = 1; rc == 0 && i < p.n; i++) {
            FoundKind k;
            follow_name(f, "<command line>", 0, p.members[i].name, "included", false, &k);
        }
        driver_package_free(&p);
    }
    found_free(&r);
    return rc;
}

DriverFollow *driver_follow_new(const DriverOptions *opt, const char *python,
                                const char *main_path, const char *work_dir)
{
    DriverFollow *f = xcalloc(1, sizeof *f);
    f->opt = opt;
    int r = query_layout(&f->layout, python, main_path, work_dir);
    for (int i = 0; r == 0 && i < opt->include_modules.n; i++)
        r = include_module(f, opt->include_modules.items[i]);
    for (int i = 0; r == 0 && i < opt->include_packages.n; i++)
        r = include_package(f, opt->include_packages.items[i]);
    if (r != 0) {
        driver_follow_free(f);
        return NULL;
    }
    return f;
}

void driver_follow_free(DriverFollow *f)
{
    if (!f)
        return;
    layout_free(&f->layout);
    list_free(&f->modules);
    list_free(&f->extensions);
    list_free(&f->namespaces);
    list_free(&f->seen);
    free(f);
}

const DriverLayout *driver_follow_layout(const DriverFollow *f) { return &f->layout; }
const DriverModuleList *driver_follow_modules(const DriverFollow *f) { return &f->modules; }
const DriverModuleList *driver_follow_extensions(const DriverFollow *f) { return &f->extensions; }
const DriverModuleList *driver_follow_namespaces(const DriverFollow *f) { return &f->namespaces; }

/* ---- the program's table ----------------------------------------------------------- */

char *driver_program_table_c(const DriverFollow *f, bool standalone, const char *main_file,
                             size_t *len)
{
    char *text;
    FILE *out = open_memstream(&text, len);
    const DriverModuleList *mods = &f->modules;
    fputs("/* Generated by pyc2c (src/driver/follow.c): the modules compiled into\n"
          " * this program, registered with the runtime (runtime/program.c) before\n"
          " * main() runs. */\n#include \"pyc2c/runtime.h\"\n\n", out);
    for (size_t i = 0; i < mods->n; i++)
        fprintf(out, "P2C_API int p2c_package_exec_%zu(PyObject *module);\n", i);
    fputs("\nstatic const P2C_PackageModule p2c_program_modules[] = {\n", out);
    for (size_t i = 0; i < mods->n; i++) {
        const DriverModule *m = &mods->items[i];
        fputs("    {", out);
        driver_c_string(out, m->name);
        fputs(", ", out);
        if (!standalone) {
            driver_c_string(out, m->path);
        } else if (m->in_stdlib) {
            /* where the dist's stdlib archive holds it: a package's
             * __path__ is then the archive's directory, whose modules
             * not compiled in zipimport finds */
            char *in_zip = driver_sprintf("%s/%s", f->layout.zip_name, m->rel);
            driver_c_string(out, in_zip);
            free(in_zip);
        } else {
            driver_c_string(out, m->rel);
        }
        fprintf(out, ", p2c_package_exec_%zu},\n", i);
    }
    fprintf(out, "    {NULL, NULL, NULL}\n};\n\n"
            "static const P2C_Program p2c_program = {\n    p2c_program_modules, %d, ",
            standalone ? 1 : 0);
    driver_c_string(out, main_file);
    fputs(", ", out);
    driver_c_string(out, f->layout.zip_name);
    fputs(", \"lib-dynload\"\n};\n\n"
          "__attribute__((constructor)) static void p2c_program_register(void)\n{\n"
          "    P2C_Program_Register(&p2c_program);\n}\n", out);
    fclose(out);
    return text;
}
