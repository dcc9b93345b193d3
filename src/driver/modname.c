/* modname.c — the dotted name an extension module is imported under.
 *
 * `pyc2c --module pkg/sub/mod.py` builds a module that importlib loads as
 * `pkg.sub.mod`: its ExtensionFileLoader calls PyInit_<last component>, and
 * the module's __name__, __package__ and __spec__ (what relative imports
 * resolve against) come from that name.  The name is inferred as Cython and
 * Nuitka infer it: walk up from the file's directory while the directory
 * holds an __init__.py, each such directory a package; `__init__.py` itself
 * is the package.  --module-name overrides the inference.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "driver.h"

/* An ASCII identifier (what PyInit_<name> can be made from). */
bool driver_is_identifier(const char *s, size_t n)
{
    if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

bool driver_is_module_name(const char *name)
{
    for (const char *part = name;; ) {
        const char *dot = strchr(part, '.');
        size_t n = dot ? (size_t)(dot - part) : strlen(part);
        if (!driver_is_identifier(part, n))
            return false;
        if (!dot)
            return true;
        part = dot + 1;
    }
}

/* The absolute path normalized lexically, as os.path.abspath does: no "."
 * or empty components, ".." drops the component before it.  (Symbolic links
 * are not resolved: a package is what the import system sees along the
 * path, and it does not resolve them either.) */
char *driver_normpath(const char *path)
{
    char *abs = driver_abspath(path);
    char *out = driver_strdup(abs);
    size_t len = 0;
    for (char *save = NULL, *part = strtok_r(abs, "/", &save); part;
         part = strtok_r(NULL, "/", &save)) {
        if (!strcmp(part, "."))
            continue;
        if (!strcmp(part, "..")) {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;                 /* the '/' before the dropped part */
            continue;
        }
        out[len++] = '/';
        memcpy(out + len, part, strlen(part));
        len += strlen(part);
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    free(abs);
    return out;
}

/* Does directory dir (a normalized path) hold an __init__.py file? */
static bool is_package_dir(const char *dir)
{
    char *init = driver_sprintf("%s/__init__.py", dir);
    bool yes = driver_is_file(init);
    free(init);
    return yes;
}

/* Prepends "part." to *name (or sets it to part when *name is empty). */
static void prepend_component(char **name, const char *part, size_t n)
{
    char *joined = **name ? driver_sprintf("%.*s.%s", (int)n, part, *name)
                          : driver_sprintf("%.*s", (int)n, part);
    free(*name);
    *name = joined;
}

char *driver_infer_module_name(const char *path)
{
    char *dir = driver_normpath(path);
    char *stem = driver_stem(dir);
    char *name = driver_strdup(strcmp(stem, "__init__") ? stem : "");
    free(stem);
    char *slash = strrchr(dir, '/');
    *slash = '\0';                        /* dir: the file's directory */
    while (dir[0] != '\0' && is_package_dir(dir)) {
        slash = strrchr(dir, '/');
        prepend_component(&name, slash + 1, strlen(slash + 1));
        *slash = '\0';
    }
    free(dir);
    return name;
}

char *driver_module_file_stem(const char *path, const char *module_name)
{
    char *stem = driver_stem(path);
    if (!strcmp(stem, "__init__"))
        return stem;
    free(stem);
    const char *last = strrchr(module_name, '.');
    return driver_strdup(last ? last + 1 : module_name);
}
