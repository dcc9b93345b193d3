/* package.c — what `pyc2c --module pkg/` compiles: the modules of a
 * package directory (docs/usage.md, "Packages"), and the C of the table
 * that makes them one extension module (runtime/package.c runs it).
 *
 * Members: pkg/__init__.py first, then every NAME.py whose NAME is an
 * identifier and every subdirectory holding an __init__.py (a subpackage),
 * recursively, in sorted order.  Everything else — data files, __pycache__,
 * directories without __init__.py (namespace portions, data) — is not
 * compiled: it stays in the directory the package's __path__ names.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"
#include "pyc2c/compiler/xalloc.h"

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir (not "." nor ".."), sorted; NULL after a diagnostic. */
static char **sorted_entries(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d) {
        diag_error("cannot read directory '%s': %s", dir, strerror(errno));
        return NULL;
    }
    size_t cap = 16;
    char **names = xcalloc(cap, sizeof *names);
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (*n == cap)
            names = xrealloc(names, cap *= 2, sizeof *names);
        names[(*n)++] = driver_strdup(e->d_name);
    }
    closedir(d);
    qsort(names, *n, sizeof *names, compare_names);
    return names;
}

static void add_member(DriverPackage *p, const char *name, const char *rel, const char *path)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->members = xrealloc(p->members, p->cap, sizeof *p->members);
    }
    DriverPackageMember *m = &p->members[p->n++];
    m->name = driver_strdup(name);
    m->rel = driver_strdup(rel);
    m->path = driver_strdup(path);
}

/* Adds the package at dir (its __init__.py first, as name), then its
 * modules and subpackages.  rel: dir relative to the root ("" for it). */
static int collect(DriverPackage *p, const char *dir, const char *rel, const char *name)
{
    char *init = driver_sprintf("%s/__init__.py", dir);
    char *init_rel = driver_sprintf("%s__init__.py", rel);
    add_member(p, name, init_rel, init);
    free(init);
    free(init_rel);
    size_t n;
    char **names = sorted_entries(dir, &n);
    if (!names)
        return -1;
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        const char *e = names[i];
        size_t len = strlen(e);
        char *path = driver_sprintf("%s/%s", dir, e);
        if (len > 3 && !strcmp(e + len - 3, ".py") && strcmp(e, "__init__.py") &&
            driver_is_identifier(e, len - 3) && driver_is_file(path)) {
            char *sub = driver_sprintf("%s.%.*s", name, (int)(len - 3), e);
            char *sub_rel = driver_sprintf("%s%s", rel, e);
            add_member(p, sub, sub_rel, path);
            free(sub);
            free(sub_rel);
        } else if (driver_is_identifier(e, len) && driver_is_dir(path)) {
            char *sub_init = driver_sprintf("%s/__init__.py", path);
            if (driver_is_file(sub_init)) {
                char *sub = driver_sprintf("%s.%s", name, e);
                char *sub_rel = driver_sprintf("%s%s/", rel, e);
                r = collect(p, path, sub_rel, sub);
                free(sub);
                free(sub_rel);
            }
            free(sub_init);
        }
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return r;
}

int driver_collect_package(const char *dir, const char *name, DriverPackage *p)
{
    memset(p, 0, sizeof *p);
    char *top = driver_strdup(dir);    /* "pkg/" names its members "pkg/x.py" */
    for (size_t n = strlen(top); n > 1 && top[n - 1] == '/'; n--)
        top[n - 1] = '\0';
    char *init = driver_sprintf("%s/__init__.py", top);
    bool ok = driver_is_file(init);
    free(init);
    int r = -1;
    if (!ok)
        diag_error("'%s' is not a package: it has no __init__.py (namespace packages "
                   "cannot be compiled)", dir);
    else
        r = collect(p, top, "", name);
    free(top);
    return r;
}

void driver_package_free(DriverPackage *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->members[i].name);
        free(p->members[i].rel);
        free(p->members[i].path);
    }
    free(p->members);
    memset(p, 0, sizeof *p);
}

char *driver_package_exec_name(size_t i)
{
    return driver_sprintf("p2c_package_exec_%zu", i);
}

/* See driver.h. */
void driver_c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '?')
            fprintf(f, "\\%03o", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

char *driver_package_table_c(const DriverPackage *p, size_t *len)
{
    char *text;
    FILE *f = open_memstream(&text, len);
    fputs("/* Generated by pyc2c (src/driver/package.c): the table of the modules\n"
          " * compiled into this package extension, and its PyInit_. */\n"
          "#include \"pyc2c/runtime.h\"\n\n", f);
    for (size_t i = 0; i < p->n; i++)
        fprintf(f, "P2C_API int p2c_package_exec_%zu(PyObject *module);\n", i);
    fputs("\nstatic const P2C_PackageModule p2c_members[] = {\n", f);
    for (size_t i = 0; i < p->n; i++) {
        fputs("    {", f);
        driver_c_string(f, p->members[i].name);
        fputs(", ", f);
        driver_c_string(f, p->members[i].rel);
        fprintf(f, ", p2c_package_exec_%zu},\n", i);
    }
    const char *root = p->members[0].name;
    const char *last = strrchr(root, '.');
    last = last ? last + 1 : root;
    fputs("    {NULL, NULL, NULL}\n};\n\n"
          "static int p2c_package_exec(PyObject *module)\n{\n"
          "    return P2C_Package_Exec(module, p2c_members);\n}\n\n"
          "static PyModuleDef_Slot p2c_slots[] = {\n"
          "    {Py_mod_exec, (void *)p2c_package_exec},\n    {0, NULL}\n};\n\n"
          "static struct PyModuleDef p2c_moduledef = {\n    PyModuleDef_HEAD_INIT, ", f);
    driver_c_string(f, root);
    fprintf(f, ", NULL, 0, NULL, p2c_slots, NULL, NULL, NULL\n};\n\n"
            "PyMODINIT_FUNC PyInit_%s(void)\n{\n"
            "    return PyModuleDef_Init(&p2c_moduledef);\n}\n", last);
    fclose(f);
    return text;
}
