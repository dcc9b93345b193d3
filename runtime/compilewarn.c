/* compilewarn.c — the warnings CPython's compiler gives about a module's
 * file, issued when the compiled module starts (docs/architecture.md,
 * "Compile-time warnings").
 *
 * CPython issues them with PyErr_WarnExplicitObject(category, message,
 * filename, line, NULL, NULL): the running filters decide, the module is
 * derived from the file name, no registry.  When the filters make one an
 * error, its compiler (and tokenizer) replaces the warning by a SyntaxError
 * located at the construct; that location has columns the recorded warning
 * lacks, so the source is compiled here under the same filters, which
 * raises exactly CPython's SyntaxError; only when the source cannot be read
 * does a SyntaxError at the line without columns stand in.
 */
#include "internal.h"

/* The SyntaxError CPython raises for the warning message at line of
 * filename, when a filter made the warning an error. */
static void
raise_as_syntax_error(PyObject *filename, PyObject *message, int line)
{
    PyObject *io = PyImport_ImportModule("io");
    PyObject *f = io ? PyObject_CallMethod(io, "open_code", "O", filename) : NULL;
    PyObject *src = f ? PyObject_CallMethod(f, "read", NULL) : NULL;
    if (f) {
        PyObject *r = PyObject_CallMethod(f, "close", NULL);
        Py_XDECREF(r);
    }
    Py_XDECREF(f);
    Py_XDECREF(io);
    if (src != NULL && PyBytes_Check(src)) {
        PyObject *code = Py_CompileStringObject(PyBytes_AS_STRING(src), filename,
                                                Py_file_input, NULL, -1);
        Py_DECREF(src);
        if (code == NULL && PyErr_ExceptionMatches(PyExc_SyntaxError))
            return;   /* CPython's own */
        Py_XDECREF(code);
    }
    else {
        Py_XDECREF(src);
    }
    PyErr_Clear();
    PyErr_SetObject(PyExc_SyntaxError, message);
    PyErr_SyntaxLocationObject(filename, line, -1);
}

int
P2C_CompileWarnings(PyObject *warnings, PyObject *code)
{
    PyObject *filename = ((PyCodeObject *)code)->co_filename;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(warnings); i++) {
        PyObject *w = PyTuple_GET_ITEM(warnings, i);
        PyObject *category = PyExc_SyntaxWarning;
        if (PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(w, 0), "DeprecationWarning") == 0)
            category = PyExc_DeprecationWarning;
        PyObject *message = PyTuple_GET_ITEM(w, 1);
        int line = (int)PyLong_AsLong(PyTuple_GET_ITEM(w, 2));
        if (PyErr_WarnExplicitObject(category, message, filename, line, NULL, NULL) < 0) {
            if (!PyErr_ExceptionMatches(category))
                return -1;
            PyErr_Clear();
            raise_as_syntax_error(filename, message, line);
            return -1;
        }
    }
    return 0;
}
