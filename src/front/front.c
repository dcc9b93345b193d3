/* front.c — the front end's driver: the embedded interpreter, and turning a
 * source file into an AstUnit (AST + symbol table) or CPython's SyntaxError.
 *
 * Errors must read exactly as `python3 FILE` prints them.  `python3 FILE`
 * reads the file through the tokenizer's FILE* route (PyRun_FileExFlags),
 * whose messages differ from compile()'s in places (a source that is not
 * UTF-8 and declares no encoding, null bytes), and compiles the module fully,
 * so errors of the symtable and compiler stages ('return' outside function,
 * nonlocal without binding) are reported before anything runs.  So the front
 * end takes that very route: PyRun_FileExFlags on the file, with an audit
 * hook that stops it at the "exec" event, after compilation and before any
 * code runs.  A failure is then printed by PyErr_Print, as python3 does.
 * Only a file that passes is parsed again, with compile(PyCF_ONLY_AST), and
 * analysed with the _symtable module, to build the C structs.
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
    PyObject *stop_file;      /* the hook is armed for code of this file */
    PyObject *stopped;        /* the exception the hook raises */
    PyObject *code;           /* the code object the hook stopped (new) */
    PyObject *warnings;       /* what the compilation warned (front_warnings_end) */
} front;

unsigned front_python_version(void)
{
    unsigned major = 0, minor = 0;
    if (sscanf(Py_GetVersion(), "%u.%u", &major, &minor) != 2)
        return 0;
    return major << 24 | minor << 16;
}

/* ---- the embedded interpreter ------------------------------------------- */

/* Stops PyRun_FileExFlags between compiling and running the module.  Only
 * the code of the file being checked is stopped: reading a file with a
 * coding cookie imports its codec, whose module must run. */
static int stop_before_exec(const char *event, PyObject *args, void *data)
{
    (void)data;
    if (!front.stop_file || strcmp(event, "exec") != 0 || !PyTuple_Check(args) ||
        PyTuple_GET_SIZE(args) < 1 || !PyCode_Check(PyTuple_GET_ITEM(args, 0)))
        return 0;
    PyCodeObject *co = (PyCodeObject *)PyTuple_GET_ITEM(args, 0);
    int same = PyUnicode_Compare(co->co_filename, front.stop_file) == 0;
    if (!same)
        return PyErr_Occurred() ? -1 : 0;
    Py_XSETREF(front.code, Py_NewRef(co));
    PyErr_SetNone(front.stopped);
    return -1;
}

static int is_stdlib(const char *prefix)
{
    char path[PATH_MAX];
    struct stat st;
    unsigned v = front_python_version();
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

int front_init(void)
{
    if (front.running)
        return 0;
    if (PySys_AddAuditHook(stop_before_exec, NULL) < 0 || start_interpreter() < 0)
        return -1;
    front.stopped = PyErr_NewException("pyc2c.CompiledNotRun", NULL, NULL);
    if (!front.stopped || front_convert_init() < 0) {
        diag_progress_clear();
        PyErr_Print();
        diag_error("cannot prepare the embedded Python's parser");
        return -1;
    }
    front.running = 1;
    return 0;
}

void front_fini(void)
{
    if (!front.running)
        return;
    front_convert_fini();
    Py_CLEAR(front.stopped);
    Py_FinalizeEx();
    front.running = 0;
}

/* ---- reading and checking ----------------------------------------------- */

/* new: the file's bytes; NULL after a diagnostic. */
static PyObject *read_source(const char *display_path, const char *path)
{
    FILE *f = fopen(path, "rb");
    PyObject *bytes = NULL;
    if (f) {
        char *buf = NULL;
        size_t size = 0, len = 0, n;
        do {
            if (len == size && !(buf = realloc(buf, size = size ? 2 * size : 65536)))
                break;
            len += n = fread(buf + len, 1, size - len, f);
        } while (n > 0);
        if (buf && !ferror(f))
            bytes = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
        free(buf);
        fclose(f);
    }
    if (!bytes) {
        PyErr_Clear();
        diag_error("cannot read '%s': %s", display_path, strerror(errno ? errno : EIO));
    }
    return bytes;
}

static void flush_std_streams(void)
{
    const char *names[2] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        PyObject *r = f ? PyObject_CallMethod(f, "flush", NULL) : NULL;
        Py_XDECREF(r);
    }
    PyErr_Clear();
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

/* Compiles the file as `python3 FILE` does, stopped before it runs.  0 if
 * it compiles; else -1 after printing the error as python3 prints it. */
static int check_like_python(const char *display_path, const char *abs_path)
{
    FILE *fp = fopen(abs_path, "rb");
    if (!fp) {
        diag_error("cannot read '%s': %s", display_path, strerror(errno));
        return -1;
    }
    PyObject *globals = PyDict_New();
    PyCompilerFlags cf = {0, PY_MINOR_VERSION};
    PyObject *r = NULL;
    front.stop_file = PyUnicode_DecodeFSDefault(abs_path);
    if (globals && front.stop_file) {
        PyObject *recording = front_warnings_begin();
        r = PyRun_FileExFlags(fp, abs_path, Py_file_input, globals, globals, 0, &cf);
        Py_XSETREF(front.warnings, front_warnings_end(recording, front.stop_file));
    }
    Py_CLEAR(front.stop_file);
    fclose(fp);
    Py_XDECREF(globals);
    if (r) {     /* cannot happen: the hook stops every module before it runs */
        Py_DECREF(r);
        P2C_UNREACHABLE();
    }
    if (PyErr_ExceptionMatches(front.stopped)) {
        PyErr_Clear();
        return 0;
    }
    exit_if_out_of_memory("parsing", display_path);
    diag_progress_clear();
    PyErr_Print();
    flush_std_streams();
    return -1;
}

/* Python versions whose file reader ends each line at a null byte (3.11.2
 * and earlier: the line's remainder and its newline vanish) accept sources
 * that compile() refuses; this gives compile() the text they read. */
static PyObject *cut_at_null_bytes(PyObject *src)
{
    const char *s = PyBytes_AS_STRING(src), *end = s + PyBytes_GET_SIZE(src);
    if (!memchr(s, '\0', (size_t)(end - s)))
        return Py_NewRef(src);
    PyObject *out = PyBytes_FromStringAndSize(NULL, end - s);
    if (!out)
        return NULL;
    char *d = PyBytes_AS_STRING(out), *d0 = d;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *eol = nl ? nl + 1 : end;
        const char *nul = memchr(s, '\0', (size_t)(eol - s));
        size_t keep = (size_t)((nul ? nul : eol) - s);
        memcpy(d, s, keep);
        d += keep;
        s = eol;
    }
    _PyBytes_Resize(&out, d - d0);
    return out;
}

/* ---- building the unit -------------------------------------------------- */

/* 1 if the source may declare its encoding: a BOM, or "coding" on one of
 * the first two lines (PEP 263); a superset of what the tokenizer accepts. */
static int may_declare_encoding(const char *s, size_t n)
{
    if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        return 1;
    const char *nl = memchr(s, '\n', n);
    if (nl)
        nl = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - s));
    size_t head = nl ? (size_t)(nl - s) : n;
    return memmem(s, head, "coding", 6) != NULL;
}

/* new: the source decoded as Python decodes it, with universal newlines.
 * A source without a declaration is UTF-8 (compile() checked it), which
 * spares importing importlib.util and tokenize for nearly every file. */
static PyObject *decode_source(PyObject *src)
{
    const char *s = PyBytes_AS_STRING(src);
    size_t n = (size_t)PyBytes_GET_SIZE(src);
    if (!may_declare_encoding(s, n)) {
        PyObject *text = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "strict");
        if (!text || !memchr(s, '\r', n))
            return text;
        PyObject *lf = PyUnicode_FromString("\n"), *crlf = PyUnicode_FromString("\r\n");
        PyObject *cr = PyUnicode_FromString("\r"), *t1 = NULL, *t2 = NULL;
        if (lf && crlf && cr && (t1 = PyUnicode_Replace(text, crlf, lf, -1)))
            t2 = PyUnicode_Replace(t1, cr, lf, -1);
        Py_XDECREF(lf), Py_XDECREF(crlf), Py_XDECREF(cr), Py_XDECREF(t1);
        Py_DECREF(text);
        return t2;
    }
    PyObject *util = PyImport_ImportModule("importlib.util");
    PyObject *text = util ? PyObject_CallMethod(util, "decode_source", "O", src) : NULL;
    Py_XDECREF(util);
    return text;
}

/* The AST, symbol table and text of a source that compiles. */
static int build_unit(AstUnit *u, PyObject *src, PyObject *filename)
{
    PyCompilerFlags cf = {PyCF_ONLY_AST, PY_MINOR_VERSION};
    PyObject *tree = Py_CompileStringObject(PyBytes_AS_STRING(src), filename,
                                            Py_file_input, &cf, -1);
    if (!tree || PyList_Append(u->keepalive, tree) < 0) {
        Py_XDECREF(tree);
        return -1;
    }
    Py_DECREF(tree);     /* the keepalive list owns it, and so every constant */
    u->module = front_convert(u->arena, tree);
    if (!u->module || front_symtab(u, src, filename) < 0)
        return -1;
    PyObject *text = decode_source(src);
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    u->source = utf8 ? ir_arena_strdup(u->arena->mem, utf8) : NULL;
    Py_XDECREF(text);
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

AstUnit *front_parse_file(const char *display_path, const char *abs_path)
{
    if (!front.running && front_init() < 0)
        return NULL;
    PyObject *raw = read_source(display_path, abs_path);
    if (!raw)
        return NULL;
    if (check_like_python(display_path, abs_path) < 0) {
        Py_CLEAR(front.code);
        Py_CLEAR(front.warnings);
        Py_DECREF(raw);
        return NULL;
    }
    PyObject *src = cut_at_null_bytes(raw);
    Py_DECREF(raw);
    PyObject *filename = PyUnicode_DecodeFSDefault(abs_path);
    AstUnit *u = src && filename ? unit_new(display_path, abs_path) : NULL;
    if (u && build_unit(u, src, filename) < 0) {
        front_unit_free(u);
        u = NULL;
    }
    if (u && front.code && PyList_Append(u->keepalive, front.code) == 0)
        u->code = front.code;   /* the keepalive list holds it */
    Py_CLEAR(front.code);
    if (u && front.warnings && PyList_Append(u->keepalive, front.warnings) == 0)
        u->compile_warnings = front.warnings;   /* the keepalive list holds it */
    Py_CLEAR(front.warnings);
    if (!u) {
        exit_if_out_of_memory("reading the AST of", display_path);
        diag_progress_clear();
        PyErr_Print();
        flush_std_streams();
        diag_error("internal error: cannot read the AST of '%s'", display_path);
    }
    Py_XDECREF(src);
    Py_XDECREF(filename);
    return u;
}

void front_unit_free(AstUnit *u)
{
    if (!u)
        return;
    Py_XDECREF(u->keepalive);
    ir_arena_free(u->arena->mem);    /* u and its arena handle live in it */
}
