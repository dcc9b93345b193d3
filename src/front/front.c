/* front.c — the front end's driver: turning a source file into an AstUnit
 * (AST + symbol table) or the target's own SyntaxError.
 *
 * Errors must read exactly as `python FILE` prints them, with the target
 * python's grammar and messages.  So the target interpreter checks and
 * parses the file (helper.c, parse_helper.py): it compiles the file by the
 * route `python FILE` takes, stopped before it runs, and prints nothing
 * itself; the text it would have printed (warnings, the error) comes back
 * with the answer and is written here, so that it lands in order with
 * pyc2c's own lines.  The embedded interpreter (the one pyc2c is built
 * with) holds the answer's objects: constants, names, the symbol table.
 */
#include "pyc2c/compiler/front.h"
#include "pyc2c/compiler/diag.h"
#include "front_int.h"
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static struct {
    int running;              /* front_init succeeded */
    const char *python;       /* the target interpreter */
    unsigned version;         /* its version, PY_VERSION_HEX's layout */
} front = {0, "python3", 0};

void front_set_python(const char *python)
{
    front.python = python;
}

unsigned front_python_version(void)
{
    /* before any parse (code generation driven directly, as the unit tests
     * do): the embedded interpreter is the target */
    if (front.version == 0)
        return front_embedded_version();
    return front.version & 0xffff0000u;
}

unsigned front_embedded_version(void)
{
    unsigned major = 0, minor = 0;
    if (sscanf(Py_GetVersion(), "%u.%u", &major, &minor) != 2)
        return 0;
    return major << 24 | minor << 16;
}

/* ---- the embedded interpreter ------------------------------------------- */

static int is_stdlib(const char *prefix)
{
    char path[PATH_MAX];
    struct stat st;
    unsigned v = front_embedded_version();
    snprintf(path, sizeof path, "%s/lib/python%u.%u/os.py", prefix, v >> 24, (v >> 16) & 0xff);
    return stat(path, &st) == 0;
}

/* The prefix of the standard library that belongs to the libpython we run:
 * searched upwards from the shared library's directory (pyenv:
 * PREFIX/lib/libpython3.11.so, Debian: /usr/lib/x86_64-linux-gnu/...).
 * Without it, CPython would look near the pyc2c executable and then on
 * PATH, and could pick another installation's stdlib.  NULL when linked
 * statically: then CPython's built-in prefix is right. */
static char *library_prefix(void)
{
    Dl_info info;
    if (!dladdr((void *)&Py_InitializeFromConfig, &info) || !info.dli_fname)
        return NULL;
    const char *base = strrchr(info.dli_fname, '/');
    if (!base || strncmp(base + 1, "libpython", 9) != 0)
        return NULL;
    char *dir = realpath(info.dli_fname, NULL);
    while (dir) {
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
        if (is_stdlib(dir))
            return dir;
    }
    free(dir);
    return NULL;
}

/* The locale and UTF-8 mode are chosen as python3 chooses them (C locale
 * coercion, PYTHONUTF8), so that errors print in python3's encoding.  The
 * rest is isolated (no environment variables, no user site, no site
 * import): the front end needs only _ast, _symtable and the codecs. */
static int start_interpreter(void)
{
    PyPreConfig preconfig;
    PyPreConfig_InitPythonConfig(&preconfig);
    PyStatus pre = Py_PreInitialize(&preconfig);
    if (PyStatus_Exception(pre)) {
        diag_error("cannot start the embedded Python: %s",
                   pre.err_msg ? pre.err_msg : "unknown error");
        return -1;
    }
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    config.write_bytecode = 0;
    char *home = library_prefix();
    PyStatus st = home ? PyConfig_SetBytesString(&config, &config.home, home)
                       : PyStatus_Ok();
    free(home);
    if (!PyStatus_Exception(st))
        st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        diag_error("cannot start the embedded Python: %s",
                   st.err_msg ? st.err_msg : "unknown error");
        return -1;
    }
    return 0;
}

/* The helper's header: its version, its AST classes, its symtable's
 * constants. */
static int read_header(void)
{
    PyObject *h = front_helper_receive();
    if (!h)
        return -1;
    PyObject *classes, *consts;
    unsigned long version;
    int rc = PyArg_ParseTuple(h, "kOO", &version, &classes, &consts) &&
             front_convert_init(classes) == 0 && front_symtab_init(consts) == 0 ? 0 : -1;
    front.version = (unsigned)version;
    Py_DECREF(h);
    if (rc < 0) {
        diag_progress_clear();
        PyErr_Print();
        diag_error("the target Python '%s' sent a front-end header pyc2c cannot read",
                   front.python);
    }
    return rc;
}

int front_init(void)
{
    if (front.running)
        return 0;
    if (start_interpreter() < 0 || front_helper_start(front.python) < 0)
        return -1;
    if (read_header() < 0) {
        front_helper_stop();
        return -1;
    }
    front.running = 1;
    return 0;
}

void front_fini(void)
{
    if (!front.running)
        return;
    front_helper_stop();
    front_convert_fini();
    Py_FinalizeEx();
    front.running = 0;
}

/* ---- reading and checking ----------------------------------------------- */

/* 0 if the file can be read; else -1 after one diag line. */
static int check_readable(const char *display_path, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error("cannot read '%s': %s", display_path, strerror(errno ? errno : EIO));
        return -1;
    }
    fclose(f);
    return 0;
}

/* Writes what the target printed (bytes: warnings, a SyntaxError) to
 * stderr, where `python FILE` would have printed it. */
static void show_target_output(PyObject *shown)
{
    if (!PyBytes_Check(shown) || PyBytes_GET_SIZE(shown) == 0)
        return;
    diag_progress_clear();
    fwrite(PyBytes_AS_STRING(shown), 1, (size_t)PyBytes_GET_SIZE(shown), stderr);
    fflush(stderr);
}

/* Notes the target's SyntaxError (shown as python3 shows it) as the run's
 * error for --report: its last line ("SyntaxError: invalid syntax") and
 * the line number of its last 'File "...", line N'. */
static void note_target_error(PyObject *shown, const char *display_path)
{
    if (!PyBytes_Check(shown))
        return;
    const char *text = PyBytes_AS_STRING(shown);
    int line = 0;
    for (const char *p = strstr(text, "\", line "); p; p = strstr(p + 1, "\", line "))
        line = atoi(p + 8);
    const char *end = text + PyBytes_GET_SIZE(shown);
    while (end > text && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    const char *start = end;
    while (start > text && start[-1] != '\n')
        start--;
    char msg[512];
    snprintf(msg, sizeof msg, "%.*s", (int)(end - start), start);
    diag_note_error_at(display_path, line, msg[0] ? msg : "SyntaxError");
}

/* A MemoryError pending in the front end becomes one clear line and exit 1
 * (the machine's limit, not the program's error nor a compiler bug):
 * "out of memory while <doing> 'FILE'".  Returns if none is pending. */
static void exit_if_out_of_memory(const char *doing, const char *display_path)
{
    if (!PyErr_Occurred() || !PyErr_ExceptionMatches(PyExc_MemoryError))
        return;
    PyErr_Clear();
    char what[512];
    snprintf(what, sizeof what, "%s '%s'", doing, display_path);
    diag_out_of_memory(what);
}

/* ---- building the unit -------------------------------------------------- */

/* The answer of a file that compiles: (0, shown, tree, top scope,
 * warnings, code facts, source text). */
static int build_unit(AstUnit *u, PyObject *answer)
{
    PyObject *tree, *top, *warnings, *facts, *text, *shown;
    int status;
    if (!PyArg_ParseTuple(answer, "iOOOO!O!U", &status, &shown, &tree, &top,
                          &PyTuple_Type, &warnings, &PyList_Type, &facts, &text))
        return -1;
    u->module = front_convert(u->arena, tree);
    if (!u->module || front_symtab(u, top) < 0)
        return -1;
    u->compile_warnings = warnings;   /* the keepalive list holds the answer */
    u->code_facts = facts;
    const char *utf8 = PyUnicode_AsUTF8(text);
    u->source = utf8 ? ir_arena_strdup(u->arena->mem, utf8) : NULL;
    return utf8 ? 0 : -1;
}

static AstUnit *unit_new(const char *display_path, const char *abs_path)
{
    AstArena arena = {ir_arena_new()};
    AstUnit *u = ir_arena_alloc(arena.mem, sizeof *u);
    u->arena = ir_arena_alloc(arena.mem, sizeof *u->arena);
    *u->arena = arena;
    u->display_path = ir_arena_strdup(arena.mem, display_path);
    u->abs_path = ir_arena_strdup(arena.mem, abs_path);
    u->keepalive = PyList_New(0);
    if (!u->keepalive) {
        ir_arena_free(arena.mem);
        return NULL;
    }
    return u;
}

/* What the helper answered with status 3: it failed on the file in a way
 * `python FILE` would not (a bug of pyc2c's, or of the target). */
static void helper_error(const char *display_path, PyObject *answer)
{
    PyObject *msg = PyTuple_GET_SIZE(answer) > 1 ? PyTuple_GET_ITEM(answer, 1) : NULL;
    const char *text = msg && PyUnicode_Check(msg) ? PyUnicode_AsUTF8(msg) : NULL;
    PyErr_Clear();
    diag_error("internal error: the front end failed on '%s': %s", display_path,
               text ? text : "?");
}

AstUnit *front_parse_file(const char *display_path, const char *abs_path)
{
    if (!front.running && front_init() < 0)
        return NULL;
    if (check_readable(display_path, abs_path) < 0)
        return NULL;
    PyObject *answer = front_helper_parse(abs_path);
    if (!answer)
        return NULL;
    long status = PyTuple_Check(answer) && PyTuple_GET_SIZE(answer) >= 2
                  ? PyLong_AsLong(PyTuple_GET_ITEM(answer, 0)) : 3;
    if (status == 0 || status == 1 || status == 2)
        show_target_output(PyTuple_GET_ITEM(answer, 1));
    if (status != 0) {
        if (status == 2) {
            char what[512];
            snprintf(what, sizeof what, "parsing '%s'", display_path);
            diag_out_of_memory(what);
        }
        if (status != 1)
            helper_error(display_path, answer);
        else
            note_target_error(PyTuple_GET_ITEM(answer, 1), display_path);
        Py_DECREF(answer);
        return NULL;
    }
    AstUnit *u = unit_new(display_path, abs_path);
    if (u && (PyList_Append(u->keepalive, answer) < 0 || build_unit(u, answer) < 0)) {
        front_unit_free(u);
        u = NULL;
    }
    Py_DECREF(answer);
    const AstRefusal *no = u ? NULL : front_convert_refusal();
    if (no) {
        PyErr_Clear();
        diag_unsupported(display_path, no->line, no->construct);
    } else if (!u) {
        exit_if_out_of_memory("reading the AST of", display_path);
        diag_progress_clear();
        PyErr_Print();
        diag_error("internal error: cannot read the AST of '%s'", display_path);
    }
    return u;
}

void front_unit_free(AstUnit *u)
{
    if (!u)
        return;
    Py_XDECREF(u->keepalive);
    ir_arena_free(u->arena->mem);    /* u and its arena handle live in it */
}
