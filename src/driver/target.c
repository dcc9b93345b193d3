/* target.c — what the target interpreter is.
 *
 * One subprocess, `PYTHON -E -s -S -c SCRIPT`, prints the sysconfig values the
 * build needs as KEY=VALUE lines.  The script is kept valid Python 2 so that
 * a wrong --python still gets a clear "version differs" error rather than a
 * SyntaxError.  Whether the interpreter links libpython statically is read
 * from its own /proc/self/maps: that decides how executables are linked
 * (DESIGN.md: the static library where the interpreter itself uses it).
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "pyc2c/compiler/diag.h"
#include "driver.h"

extern char **environ;

static const char query_script[] =
    "import sys, os, sysconfig\n"
    "g = sysconfig.get_config_var\n"
    "p = sysconfig.get_paths()\n"
    "def out(k, v):\n"
    "    v = '' if v is None else str(v)\n"
    "    sys.stdout.write(k + '=' + v.replace('\\n', ' ') + '\\n')\n"
    "out('executable', sys.executable)\n"
    "out('executable_real', os.path.realpath(sys.executable))\n"
    "out('major', sys.version_info[0])\n"
    "out('minor', sys.version_info[1])\n"
    "out('version', '%d.%d.%d' % tuple(sys.version_info[:3]))\n"
    "out('ext_suffix', g('EXT_SUFFIX') or g('SO'))\n"
    "out('include', p['include'])\n"
    "out('platinclude', p['platinclude'])\n"
    "out('libdir', g('LIBDIR'))\n"
    "out('libpl', g('LIBPL'))\n"
    "out('ldlibrary', g('LDLIBRARY'))\n"
    "lib = g('LIBRARY') or ''\n"
    "c = [os.path.join(d, lib) for d in (g('LIBPL'), g('LIBDIR')) if d and lib]\n"
    "out('static_lib', ([x for x in c if os.path.isfile(x)] + [''])[0])\n"
    "out('libs', ' '.join([x for x in (g('LIBS'), g('SYSLIBS')) if x]))\n"
    "out('modlibs', g('LOCALMODLIBS') or '')\n"
    "def elf_interp(path):\n"
    "    import struct\n"
    "    try:\n"
    "        with open(path, 'rb') as f:\n"
    "            d = f.read(65536)\n"
    "        if d[:4] != b'\\x7fELF' or d[4] != 2 or d[5] != 1:\n"
    "            return ''\n"
    "        phoff, = struct.unpack_from('<Q', d, 0x20)\n"
    "        size, num = struct.unpack_from('<HH', d, 0x36)\n"
    "        for i in range(num):\n"
    "            o = phoff + i * size\n"
    "            if struct.unpack_from('<I', d, o)[0] == 3:\n"
    "                off, = struct.unpack_from('<Q', d, o + 8)\n"
    "                n, = struct.unpack_from('<Q', d, o + 32)\n"
    "                return d[off:off + n].rstrip(b'\\0').decode()\n"
    "    except (OSError, ValueError, struct.error):\n"
    "        pass\n"
    "    return ''\n"
    "out('loader', elf_interp(os.path.realpath(sys.executable)))\n"
    "m = open('/proc/self/maps').read()\n"
    "out('exe_is_static', int('/libpython' not in m))\n";

/* Runs python with the query script, returning its stdout (malloc'd) or NULL
 * after a diagnostic. */
static char *run_query(const char *python)
{
    int fds[2];
    if (pipe(fds) != 0) {
        diag_error("cannot create a pipe: %s", strerror(errno));
        return NULL;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    /* Its stderr is dropped: the one diag line below says what failed. */
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    /* -E -s -S rather than -I, which Python 2 lacks. */
    char *argv[] = { (char *)python, "-E", "-s", "-S", "-c", (char *)query_script,
                     NULL };
    pid_t pid;
    int err = posix_spawnp(&pid, python, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (err != 0) {
        close(fds[0]);
        diag_error("cannot run the target Python '%s': %s", python, strerror(err));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - len < 1024) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
        }
        ssize_t n = read(fds[0], buf + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!buf || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(buf);
        diag_error("the target Python '%s' failed to report its configuration", python);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* Stores the value of one KEY=VALUE line into t. */
static void store(DriverTarget *t, const char *key, const char *val)
{
    static const struct { const char *key; size_t off; } fields[] = {
#define F(k) { #k, offsetof(DriverTarget, k) }
        F(executable), F(executable_real), F(version), F(ext_suffix),
        F(include), F(platinclude), F(libdir), F(libpl), F(ldlibrary),
        F(static_lib), F(libs), F(modlibs), F(loader),
#undef F
    };
    if (!strcmp(key, "major")) { t->major = atoi(val); return; }
    if (!strcmp(key, "minor")) { t->minor = atoi(val); return; }
    if (!strcmp(key, "exe_is_static")) { t->exe_is_static = atoi(val) != 0; return; }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (!strcmp(key, fields[i].key)) {
            char **slot = (char **)((char *)t + fields[i].off);
            free(*slot);
            *slot = driver_strdup(val);
        }
}

/* Every string field gets at least "" so later code needs no NULL checks. */
static void fill_missing(DriverTarget *t)
{
    char **strs[] = { &t->executable, &t->executable_real, &t->version,
                      &t->ext_suffix, &t->include, &t->platinclude, &t->libdir,
                      &t->libpl, &t->ldlibrary, &t->static_lib, &t->libs,
                      &t->modlibs, &t->loader };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (!*strs[i])
            *strs[i] = driver_strdup("");
}

int driver_query_target(const char *python, DriverTarget *t)
{
    memset(t, 0, sizeof *t);
    char *text = run_query(python);
    if (!text)
        return -1;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        if (eq) {
            *eq = '\0';
            store(t, line, eq + 1);
        }
    }
    free(text);
    fill_missing(t);
    if (t->major == 0 || !*t->executable || !*t->ext_suffix) {
        diag_error("the target Python '%s' reported an incomplete configuration",
                   python);
        driver_target_free(t);
        return -1;
    }
    unsigned long long h = driver_hash(t->executable_real, 0);
    h = driver_hash(t->version, h);
    snprintf(t->tag, sizeof t->tag, "cpython-%d%d-%08llx", t->major, t->minor,
             h & 0xffffffffULL);
    return 0;
}

bool driver_target_parses(const DriverTarget *t)
{
    return t->major == 3 && t->minor >= 10;
}

/* Is "M.N" one of the space-separated versions of list? */
static bool in_version_list(const char *list, int major, int minor)
{
    char want[32];
    int n = snprintf(want, sizeof want, "%d.%d", major, minor);
    for (const char *p = list; (p = strstr(p, want)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

bool driver_target_supported(const DriverTarget *t)
{
    const char *allow = getenv("PYC2C_ALLOW_TARGET");
    return in_version_list(DRIVER_SUPPORTED_TARGETS, t->major, t->minor) ||
           (allow && in_version_list(allow, t->major, t->minor));
}

void driver_target_free(DriverTarget *t)
{
    char *strs[] = { t->executable, t->executable_real, t->version,
                     t->ext_suffix, t->include, t->platinclude, t->libdir,
                     t->libpl, t->ldlibrary, t->static_lib, t->libs, t->modlibs,
                     t->loader };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        free(strs[i]);
    memset(t, 0, sizeof *t);
}
