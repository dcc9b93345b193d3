/* helper.c — the target interpreter as the front end's parser.
 *
 * pyc2c embeds one Python (the one it was built with), but each target
 * version has its own grammar, SyntaxError texts, warnings and symbol
 * table.  So the file is parsed by the target itself: one helper process a
 * pyc2c run, `PYTHON -I -S -c parse_helper.py`, serving every file the run
 * compiles (packages and followed imports are many files; starting an
 * interpreter costs ~20 ms).  The script is compiled into pyc2c (the build
 * turns src/front/parse_helper.py into a C string), so nothing has to be
 * found at run time.  The protocol is in parse_helper.py and docs/front.md:
 * length-prefixed requests, length-prefixed marshal answers.
 *
 * The helper runs in its own process group, so that ^C at the terminal
 * reaches pyc2c alone (which cleans up and exits); the helper sees its
 * stdin close and exits too, however pyc2c ends.
 */
#include "front_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"
#include <marshal.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char helper_script[] =
#include "parse_helper.inc"
    ;

static struct {
    pid_t pid;
    int to, from;          /* its stdin, its stdout */
    const char *python;
} helper = {0, -1, -1, NULL};

/* PYTHONUTF8 is honoured by `python FILE` but ignored under -I: passed on
 * as -X utf8=N, so errors print in the encoding python3 would use. */
static const char *utf8_option(void)
{
    const char *v = getenv("PYTHONUTF8");
    if (!v || !*v)
        return NULL;
    return strcmp(v, "1") == 0 ? "utf8=1" : strcmp(v, "0") == 0 ? "utf8=0" : NULL;
}

int front_helper_start(const char *python)
{
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
        diag_error("cannot create a pipe: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t dflt;
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGINT);
    sigaddset(&dflt, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &dflt);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
    const char *x = utf8_option();
    char *argv[8];
    int argc = 0;
    argv[argc++] = (char *)python;
    argv[argc++] = "-I";
    argv[argc++] = "-S";
    if (x) {
        argv[argc++] = "-X";
        argv[argc++] = (char *)x;
    }
    argv[argc++] = "-c";
    argv[argc++] = (char *)helper_script;
    argv[argc] = NULL;
    int err = posix_spawnp(&helper.pid, python, &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(in[0]);
    close(out[1]);
    if (err != 0) {
        close(in[1]);
        close(out[0]);
        helper.pid = 0;
        diag_error("cannot run the target Python '%s': %s", python, strerror(err));
        return -1;
    }
    helper.to = in[1];
    helper.from = out[0];
    helper.python = python;
    return 0;
}

void front_helper_stop(void)
{
    if (!helper.pid)
        return;
    close(helper.to);
    close(helper.from);
    int status;
    while (waitpid(helper.pid, &status, 0) < 0 && errno == EINTR)
        ;
    helper.pid = 0;
    helper.to = helper.from = -1;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        c += w, n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *p, size_t n)
{
    char *c = p;
    while (n > 0) {
        ssize_t r = read(fd, c, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        c += r, n -= (size_t)r;
    }
    return 0;
}

static void helper_failed(void)
{
    diag_error("the target Python '%s' stopped answering the front end "
               "(is it CPython 3.10 or later?)", helper.python ? helper.python : "?");
}

PyObject *front_helper_receive(void)
{
    unsigned char head[8];
    if (!helper.pid || read_all(helper.from, head, sizeof head) < 0) {
        helper_failed();
        return NULL;
    }
    uint64_t n = 0;
    for (int i = 7; i >= 0; i--)
        n = n << 8 | head[i];
    char *buf = n < ((uint64_t)1 << 40) ? xmalloc(n) : NULL;
    if (!buf) {
        diag_out_of_memory("reading the front end's answer");
        return NULL;
    }
    if (read_all(helper.from, buf, n) < 0) {
        free(buf);
        helper_failed();
        return NULL;
    }
    /* a tree of tuples without cycles: the collector would walk it again
     * and again while it grows */
    int was_enabled = PyGC_Disable();
    PyObject *obj = PyMarshal_ReadObjectFromString(buf, (Py_ssize_t)n);
    if (was_enabled)
        PyGC_Enable();
    free(buf);
    if (!obj) {
        PyErr_Clear();
        diag_error("internal error: the front end's answer does not unmarshal");
    }
    return obj;
}

/* Sends one request (kind, then data) and returns the answer. */
static PyObject *request(char kind, const char *data, size_t len)
{
    size_t n = len + 1;
    unsigned char head[5] = { n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff,
                              (n >> 24) & 0xff, (unsigned char)kind };
    /* a helper that died makes the write fail (EPIPE), not kill pyc2c */
    struct sigaction ign = {0}, old;
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    int failed = !helper.pid || n >= ((size_t)1 << 32) || write_all(helper.to, head, 5) < 0 ||
                 write_all(helper.to, data, len) < 0;
    sigaction(SIGPIPE, &old, NULL);
    if (failed) {
        helper_failed();
        return NULL;
    }
    return front_helper_receive();
}

PyObject *front_helper_parse(const char *abs_path)
{
    return request('P', abs_path, strlen(abs_path));
}

/* Without a helper (unit tests run the code generator alone), the embedded
 * interpreter, which is then the target, runs the same function. */
static PyObject *marshal_locally(PyObject *args)
{
    static PyObject *ns;
    if (!ns) {
        ns = PyDict_New();
        PyObject *name = ns ? PyUnicode_FromString("pyc2c_parse_helper") : NULL;
        PyObject *r = name && PyDict_SetItemString(ns, "__name__", name) == 0
                      ? PyRun_String(helper_script, Py_file_input, ns, ns) : NULL;
        Py_XDECREF(name);
        if (!r) {
            Py_CLEAR(ns);
            return NULL;
        }
        Py_DECREF(r);
    }
    PyObject *fn = PyDict_GetItemString(ns, "marshal_constants");
    return fn ? PyObject_CallObject(fn, args) : NULL;
}

PyObject *front_target_marshal(PyObject *table, PyObject *code_indexes)
{
    PyObject *args = PyTuple_Pack(2, table, code_indexes);
    if (!args)
        return NULL;
    if (!helper.pid) {
        PyObject *blob = marshal_locally(args);
        Py_DECREF(args);
        return blob;
    }
    PyObject *data = PyMarshal_WriteObjectToString(args, Py_MARSHAL_VERSION);
    Py_DECREF(args);
    if (!data)
        return NULL;
    PyObject *answer = request('M', PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data));
    Py_DECREF(data);
    if (!answer)
        return PyErr_Format(PyExc_RuntimeError, "the target Python did not answer");
    PyObject *blob = NULL;
    if (PyTuple_Check(answer) && PyTuple_GET_SIZE(answer) == 2 &&
        PyLong_Check(PyTuple_GET_ITEM(answer, 0)) &&
        PyLong_AsLong(PyTuple_GET_ITEM(answer, 0)) == 0 &&
        PyBytes_Check(PyTuple_GET_ITEM(answer, 1)))
        blob = Py_NewRef(PyTuple_GET_ITEM(answer, 1));
    else
        PyErr_Format(PyExc_RuntimeError, "the target Python could not build the constants: %S",
                     answer);
    Py_DECREF(answer);
    return blob;
}
