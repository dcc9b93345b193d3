/* test_main.c — Check suite for P2C_Main (runtime/main.c): an accelerated
 * executable must start and end like `python3 main.py`.
 *
 * The test binary is its own child: with P2C_MAIN_MODE set in the
 * environment, main() is an accelerated executable (P2C_Main) whose __main__
 * body runs the script P2C_MAIN_SOURCE; without it, main() embeds Python and
 * runs the children with subprocess, comparing their stdout, stderr and exit
 * status with the real interpreter running the same script.
 */
#include "pyc2c/runtime.h"   /* Python.h first, as CPython requires */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- child: an accelerated executable ---------------------------------- */

/* The __main__ body: runs the script's code (compiled here, interpreted)
 * inside a compiled module frame, as generated code would. */
static int
exec_main(PyObject *module)
{
    const char *path = getenv("P2C_MAIN_SOURCE");
    PyObject *d = PyModule_GetDict(module);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        return -1;
    }
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    PyObject *code = Py_CompileString(buf, path, Py_file_input);
    if (code == NULL)
        return -1;
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

static int
child_main(int argc, char **argv)
{
    static P2C_MainInfo info;
    info.exec_main = exec_main;
    info.source_path = getenv("P2C_MAIN_SOURCE");
    info.python_exe = getenv("P2C_MAIN_PYTHON");
    return P2C_Main(argc, argv, &info);
}

/* ---- parent: the checks ------------------------------------------------- */

static PyObject *G;

static const char PRELUDE[] =
    "import os, subprocess, sys, sysconfig, tempfile, signal\n"
    "PY = os.path.join(sysconfig.get_config_var('BINDIR'),\n"
    "                  'python%d.%d' % sys.version_info[:2])\n"
    "DIR = tempfile.mkdtemp()\n"
    "def both(src, *args):\n"
    "    path = os.path.join(DIR, 'main.py')\n"
    "    with open(path, 'w') as fp: fp.write(src)\n"
    "    env = dict(os.environ, P2C_MAIN_MODE='1', P2C_MAIN_SOURCE=path, P2C_MAIN_PYTHON=PY)\n"
    "    env.pop('PYTHONMALLOC', None)\n"
    "    c = subprocess.run([EXE] + list(args), env=env, capture_output=True, text=True)\n"
    "    p = subprocess.run([PY, path] + list(args), capture_output=True, text=True)\n"
    "    return c, p\n"
    "def same(src, *args):\n"
    "    c, p = both(src, *args)\n"
    "    assert (c.returncode, c.stdout, c.stderr) == (p.returncode, p.stdout, p.stderr), (c, p)\n"
    "    return c\n";

static int
run(const char *snippet)
{
    PyObject *r = PyRun_String(snippet, Py_file_input, G, G);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

START_TEST(test_environment)
{
    ck_assert_int_eq(run(
        "src = ('import sys, os\\n'\n"
        "       'print(sys.executable == os.path.realpath(sys.executable) and sys.executable)\\n'\n"
        "       'print(sys.path[0] == os.path.dirname(os.path.realpath(__file__)))\\n'\n"
        "       'print(__name__, __file__.endswith(\"main.py\"), __cached__, type(__loader__).__name__)\\n'\n"
        "       'print(sys.argv[1:], sys.prefix, sys.base_prefix, sys.flags.safe_path)\\n'\n"
        "       'import atexit; atexit.register(lambda: print(\"__file__\" in globals()))\\n')\n"
        "c, p = both(src, 'a', 'b c')\n"
        "assert c.stdout.replace(EXE, '') == p.stdout, (c.stdout, p.stdout)\n"
        "assert c.stderr == p.stderr == '' and c.returncode == p.returncode == 0, (c, p)\n"
        "assert c.stdout.splitlines()[0] == PY and 'False' == c.stdout.splitlines()[-1], c.stdout\n"), 0);
}
END_TEST

START_TEST(test_exit_status)
{
    ck_assert_int_eq(run(
        "same('print(1)\\nraise ValueError(\"boom\")\\n')\n"
        "same('import sys\\nsys.exit(3)\\n')\n"
        "same('raise SystemExit(\"bye\")\\n')\n"
        "same('raise SystemExit\\n')\n"
        "same('def f():\\n    1/0\\nf()\\n')\n"
        "c = same('raise KeyboardInterrupt\\n')\n"
        "assert c.returncode == -signal.SIGINT, c\n"
        "same('import sys\\nsys.stdout.write(\"x\")\\nsys.excepthook = lambda *a: print(\"hook\")\\n1/0\\n')\n"
        "same('import atexit\\natexit.register(print, \"bye\")\\nprint(\"hi\")\\n')\n"), 0);
}
END_TEST

int
main(int argc, char **argv)
{
    if (getenv("P2C_MAIN_MODE") != NULL)
        return child_main(argc, argv);
    Py_Initialize();
    G = PyDict_New();
    PyDict_SetItemString(G, "__builtins__", PyEval_GetBuiltins());
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n < 0 ? 0 : n] = '\0';
    PyObject *s = PyUnicode_DecodeFSDefault(exe);
    PyDict_SetItemString(G, "EXE", s);
    Py_DECREF(s);
    if (run(PRELUDE) < 0)
        return 1;
    Suite *suite = suite_create("main");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_environment);
    tcase_add_test(tc, test_exit_status);
    suite_add_tcase(suite, tc);
    SRunner *sr = srunner_create(suite);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    Py_DECREF(G);
    Py_FinalizeEx();
    return failed == 0 ? 0 : 1;
}
