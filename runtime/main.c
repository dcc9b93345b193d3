/* main.c — main() of an accelerated executable: start the interpreter the way
 * `python3 main.py` does (Modules/main.c, Python/pythonrun.c's
 * _PyRun_SimpleFileObject), run the compiled module as __main__, finalize.
 *
 * Same as python3 main.py: environment variables (PYTHONPATH, PYTHONSAFEPATH,
 * PYTHONWARNINGS ...), sys.path[0] = the script's directory (symlinks
 * resolved), __main__.__file__ / __cached__ / __loader__, uncaught exceptions
 * printed by sys.excepthook with exit status 1, SystemExit's status, an
 * uncaught KeyboardInterrupt ending the process by SIGINT, 120 when
 * finalization fails.  Different by design: sys.argv[0] is the executable as
 * invoked, and interpreter options (-X, -O ...) are not parsed from argv.
 */
#include "internal.h"
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Configures and starts the interpreter; on failure reports and exits the
 * process as python3 does (Py_ExitStatusException). */
static void
start_interpreter(int argc, char **argv, const P2C_MainInfo *info)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;
    PyStatus st = PyConfig_SetBytesArgv(&config, argc, argv);
    /* a standalone program is its own sys.executable (program.c) */
    if (!PyStatus_Exception(st) && info->python_exe != NULL && !P2C_Program_IsStandalone())
        st = PyConfig_SetBytesString(&config, &config.executable, info->python_exe);
    if (!PyStatus_Exception(st))
        st = P2C_Program_Configure(&config);
    if (!PyStatus_Exception(st))
        st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st))
        Py_ExitStatusException(st);   /* prints and exits, as python3 does */
}

/* True when sys.flags.safe_path (PYTHONSAFEPATH or -P) is set. */
static int
safe_path(void)
{
    PyObject *flags = PySys_GetObject("flags");   /* borrowed */
    PyObject *v = flags ? PyObject_GetAttrString(flags, "safe_path") : NULL;
    int r = v ? PyObject_IsTrue(v) : 0;
    Py_XDECREF(v);
    PyErr_Clear();
    return r > 0;
}

/* sys.path[0]: the directory of the script, symlinks resolved (realpath), as
 * _PyPathConfig_ComputeSysPath0 gives for `python3 /abs/main.py`; nothing
 * with PYTHONSAFEPATH.  0 or -1. */
static int
insert_path0(const char *source_path)
{
    if (safe_path())
        return 0;
    char resolved[PATH_MAX];
    const char *path = realpath(source_path, resolved) ? resolved : source_path;
    const char *slash = strrchr(path, '/');
    Py_ssize_t n = slash == NULL ? 0 : (slash == path ? 1 : slash - path);
    PyObject *dir = PyUnicode_DecodeFSDefaultAndSize(path, n);
    PyObject *sys_path = PySys_GetObject("path");   /* borrowed */
    int r = -1;
    if (dir != NULL && sys_path != NULL && PyList_Check(sys_path))
        r = PyList_Insert(sys_path, 0, dir);
    else if (dir != NULL)
        PyErr_SetString(PyExc_RuntimeError, "can't find sys.path");
    Py_XDECREF(dir);
    return r;
}

/* __main__.__loader__ = SourceFileLoader("__main__", path), as set_main_loader.
 * The class from the frozen _frozen_importlib_external that the interpreter
 * set up at start (what importlib._bootstrap_external names too): importing
 * the importlib package here would also import it and warnings, which
 * `python3 FILE` does not, and cost a millisecond of start-up. */
static int
set_main_loader(PyObject *d, PyObject *filename)
{
    PyObject *ext = PyImport_ImportModule("_frozen_importlib_external");
    PyObject *cls = ext ? PyObject_GetAttrString(ext, "SourceFileLoader") : NULL;
    PyObject *loader = cls ? PyObject_CallFunction(cls, "sO", "__main__", filename) : NULL;
    int r = loader ? PyDict_SetItemString(d, "__loader__", loader) : -1;
    Py_XDECREF(loader);
    Py_XDECREF(cls);
    Py_XDECREF(ext);
    return r;
}

/* Flushes sys.stderr and sys.stdout keeping any pending exception (flush_io). */
static void
flush_io(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    const char *names[] = {"stderr", "stdout"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        PyObject *r = f ? PyObject_CallMethod(f, "flush", NULL) : NULL;
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    PyErr_Restore(type, value, tb);
}

/* Runs the compiled module as __main__ and reports an uncaught exception
 * with PyErr_Print (which exits itself for SystemExit), then removes
 * __file__ and __cached__ again, as _PyRun_SimpleFileObject.  0 when the
 * module ran, -1 when it raised; *keyboard_interrupt tells whether that was
 * an exact KeyboardInterrupt. */
static int
run_main_module(const P2C_MainInfo *info, int *keyboard_interrupt)
{
    PyObject *m = PyImport_AddModule("__main__");   /* borrowed */
    if (m == NULL)
        return -1;
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    PyObject *file = PyUnicode_DecodeFSDefault(P2C_Program_MainFile(info->source_path));
    int r = -1;
    if (file != NULL && PyDict_SetItemString(d, "__file__", file) == 0 &&
        PyDict_SetItemString(d, "__cached__", Py_None) == 0 &&
        set_main_loader(d, file) == 0) {
        P2C_Faults_Start();
        r = info->exec_main(m);
        P2C_Faults_Stop();
        if (r < 0 && PyErr_Occurred() == PyExc_KeyboardInterrupt)
            *keyboard_interrupt = 1;
    }
    flush_io();
    if (r < 0)
        PyErr_Print();
    if (PyDict_DelItemString(d, "__file__") < 0)
        PyErr_Clear();
    if (PyDict_DelItemString(d, "__cached__") < 0)
        PyErr_Clear();
    Py_XDECREF(file);
    Py_DECREF(m);
    return r < 0 ? -1 : 0;
}

/* bpo-1054041: an unhandled KeyboardInterrupt ends the process through the
 * default SIGINT handler so that the shell sees the ^C. */
static int
exit_sigint(void)
{
    if (PyOS_setsig(SIGINT, SIG_DFL) == SIG_ERR)
        perror("signal");
    else
        raise(SIGINT);   /* this thread: at once, even when not the OS main thread (stack.c) */
    return SIGINT + 128;
}

typedef struct {
    int argc;
    char **argv;
    const P2C_MainInfo *info;
} MainArgs;

/* The whole life of the interpreter; the exit status. */
static int
run_program(void *p)
{
    MainArgs *a = p;
    int argc = a->argc;
    char **argv = a->argv;
    const P2C_MainInfo *info = a->info;
    int status = 0, keyboard_interrupt = 0;

    start_interpreter(argc, argv, info);
    /* a standalone program's sys.path is set whole (program.c); the
     * modules compiled into the executable come before it */
    if ((!P2C_Program_IsStandalone() && insert_path0(info->source_path) < 0) ||
        P2C_Program_InstallFinder() < 0) {
        PyErr_Print();
        status = 1;
    }
    else if (run_main_module(info, &keyboard_interrupt) < 0) {
        status = 1;
    }
    if (Py_FinalizeEx() < 0)
        status = 120;
    if (keyboard_interrupt)
        status = exit_sigint();
    return status;
}

/* On a thread with a big stack: deep recursion of compiled code needs C
 * stack where CPython's needs none (stack.c). */
int
P2C_Main(int argc, char **argv, const P2C_MainInfo *info)
{
    MainArgs a = {argc, argv, info};
    return P2C_Stack_RunBig(run_program, &a);
}
