/* warnings.c — the warnings CPython prints while it compiles the file.
 *
 * `python3 prog.py` compiles the program before running it, and its
 * tokenizer and compiler warn as they go (DeprecationWarning "invalid escape
 * sequence", SyntaxWarning '"is" with a literal', "assertion is always
 * true"...), through warnings.warn_explicit with the file and line, so that
 * the filters of the running interpreter decide (-W, PYTHONWARNINGS).  The
 * compiled program must print them at the same point: its start (docs/
 * architecture.md, "Compile-time warnings").  So while the front end has
 * CPython compile the file (front.c), every warning about the file is
 * recorded whatever the filters say, then issued again under pyc2c's own
 * filters (pyc2c shows them as a compiler shows warnings), and the list is
 * kept for the code generator: (category name, message, line) tuples.
 */
#include "front_int.h"

/* The recording, in Python: catch_warnings(record=True) with "always". */
static const char recorder_source[] =
    "import warnings\n"
    "def begin():\n"
    "    ctx = warnings.catch_warnings(record=True)\n"
    "    log = ctx.__enter__()\n"
    "    warnings.simplefilter('always')\n"
    "    return ctx, log\n"
    "def end(state, filename):\n"
    "    ctx, log = state\n"
    "    ctx.__exit__(None, None, None)\n"
    "    kept = []\n"
    "    for w in log:\n"
    "        if w.filename == filename and w.category in (SyntaxWarning, DeprecationWarning):\n"
    "            kept.append((w.category.__name__, str(w.message), w.lineno))\n"
    "        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)\n"
    "    return tuple(kept)\n";

static PyObject *recorder;   /* the namespace of recorder_source */

PyObject *front_warnings_begin(void)
{
    if (!recorder) {
        PyObject *ns = PyDict_New();
        PyObject *r = ns ? PyRun_String(recorder_source, Py_file_input, ns, ns) : NULL;
        if (!r) {
            Py_XDECREF(ns);
            PyErr_Clear();
            return NULL;
        }
        Py_DECREF(r);
        recorder = ns;
    }
    PyObject *state = PyObject_CallFunction(PyDict_GetItemString(recorder, "begin"), NULL);
    if (!state)
        PyErr_Clear();
    return state;
}

PyObject *front_warnings_end(PyObject *state, PyObject *filename)
{
    if (!state)
        return NULL;
    /* keeps the compile error (if any) pending across the call */
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *kept = PyObject_CallFunction(PyDict_GetItemString(recorder, "end"), "OO",
                                           state, filename);
    if (!kept)
        PyErr_Clear();
    PyErr_Restore(type, value, tb);
    Py_DECREF(state);
    return kept;
}
