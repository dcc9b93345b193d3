/* codelines.c — the line of each code unit of a stub code object, kept with
 * the code object, for tracebacks.
 *
 * Every traceback entry asks for the line of its frame's running unit.
 * CPython 3.11 answers PyFrame_GetLineNumber by walking the code's line
 * table from its start (PyCode_Addr2Line), which costs about as many steps
 * as the unit is far into the function: a hot try/except in a long function
 * paid 1,200 instructions an entry (bench/programs/exceptions.py: 12 % of
 * the program).  The stub code of a compiled function never changes, so its
 * lines are read once, from co_lines(), into an array kept in the code
 * object's co_extra (PEP 523's per-code scratch space, freed with the
 * code), and a traceback entry looks its line up there.
 */
#include "internal.h"

/* lines[unit] for units [0, n): -1 where the table gives the unit no line
 * (as PyCode_Addr2Line answers), 0 where co_lines() did not cover it. */
typedef struct {
    Py_ssize_t n;
    int lines[];
} UnitLines;

static Py_ssize_t extra_index = -1;   /* from _PyEval_RequestCodeExtraIndex */

/* The array for co from its co_lines() ranges (start, end, line) in bytes,
 * or NULL (with an exception). */
static UnitLines *
read_unit_lines(PyCodeObject *co)
{
    PyObject *it = PyObject_CallMethod((PyObject *)co, "co_lines", NULL);
    PyObject *ranges = it ? PySequence_List(it) : NULL;
    Py_XDECREF(it);
    if (ranges == NULL)
        return NULL;
    Py_ssize_t nranges = PyList_GET_SIZE(ranges), nbytes = 0;
    for (Py_ssize_t i = 0; i < nranges; i++) {
        PyObject *r = PyList_GET_ITEM(ranges, i);
        if (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 3) {
            PyErr_SetString(PyExc_SystemError, "co_lines() gave no (start, end, line)");
            goto fail;
        }
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1));
        if (end == -1 && PyErr_Occurred())
            goto fail;
        if (end > nbytes)
            nbytes = end;
    }
    Py_ssize_t n = nbytes / (Py_ssize_t)sizeof(_Py_CODEUNIT);
    UnitLines *ul = PyMem_Calloc(1, sizeof *ul + (size_t)n * sizeof(int));
    if (ul == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    ul->n = n;
    for (Py_ssize_t i = 0; i < nranges; i++) {
        PyObject *r = PyList_GET_ITEM(ranges, i);
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 0)) / 2;
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1)) / 2;
        PyObject *line = PyTuple_GET_ITEM(r, 2);
        int value = line == Py_None ? -1 : (int)PyLong_AsLong(line);
        for (Py_ssize_t u = start < 0 ? 0 : start; u < end && u < n; u++)
            ul->lines[u] = value;
    }
    if (PyErr_Occurred()) {
        PyMem_Free(ul);
        goto fail;
    }
    Py_DECREF(ranges);
    return ul;
fail:
    Py_DECREF(ranges);
    return NULL;
}

static void
free_unit_lines(void *ul)
{
    PyMem_Free(ul);
}

/* co's array when it was read already, else NULL; never raises (the
 * getter fails only for an object that is not a code object). */
static UnitLines *
unit_lines_read(PyCodeObject *co)
{
    void *ul = NULL;
    if (extra_index < 0 || P2C_Code_GetExtra((PyObject *)co, extra_index, &ul) < 0)
        return NULL;
    return ul;
}

/* co's array, read at the first traceback through it, or NULL. */
static UnitLines *
unit_lines(PyCodeObject *co)
{
    if (extra_index < 0) {
        extra_index = P2C_RequestCodeExtraIndex(free_unit_lines);
        if (extra_index < 0)
            return NULL;
    }
    UnitLines *ul = unit_lines_read(co);
    if (ul != NULL)
        return ul;
    if (PyErr_Occurred()) {   /* the getter refused co: no lines */
        PyErr_Clear();
        return NULL;
    }
    ul = read_unit_lines(co);
    if (ul != NULL && P2C_Code_SetExtra((PyObject *)co, extra_index, ul) < 0) {
        PyMem_Free(ul);
        ul = NULL;
    }
    if (ul == NULL)
        PyErr_Clear();
    return ul;
}

int
P2C_Code_UnitLine(PyCodeObject *co, int unit)
{
    UnitLines *ul = unit_lines_read(co);
    if (ul == NULL) {
        /* called with the exception being raised set: reading the lines
         * must not disturb it (set aside only here: a traceback entry of
         * a hot try/except would pay for it every time) */
        P2C_StashedError raised = P2C_Err_Stash();
        ul = unit_lines(co);
        P2C_Err_Unstash(raised);
    }
    return ul != NULL && unit >= 0 && unit < ul->n ? ul->lines[unit] : 0;
}
