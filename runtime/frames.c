/* frames.c — what pushing a compiled frame does the same way on every
 * target: the version-specific pushes are runtime/compat/frame310.c (frame
 * objects) and frame311.c (interpreter frames, 3.11 to 3.13).
 */
#include "internal.h"

void
P2C_Frame_ClearSlots(PyObject **slots, int n)
{
    for (int i = 0; i < n; i++)
        Py_CLEAR(slots[i]);
}

int
P2C_Frame_TraceEntry(P2C_Frame *f, PyThreadState *tstate)
{
    if (P2C_LIKELY(!P2C_TS_TRACING(tstate)) || P2C_Trace_FrameEntry(f) == 0)
        return 0;
    P2C_Frame_AddTraceback(f);
    P2C_Trace_FrameExit(f, NULL);
    P2C_Frame_Pop(f);
    return -1;
}

int
P2C_Frame_PushFunction(P2C_Frame *f, PyObject *func, int nslots)
{
    return P2C_Frame_PushWithLocals(f, func, nslots, NULL);
}

/* exec() puts the builtins in globals when "__builtins__" is missing; module
 * code run by importlib gets them the same way.  0 or -1. */
static int
ensure_builtins(PyObject *globals)
{
    static PyObject *key;
    if (P2C_InternedString(&key, "__builtins__") == NULL)
        return -1;
    PyObject *b = PyDict_GetItemWithError(globals, key);
    if (b != NULL)
        return 0;
    if (PyErr_Occurred())
        return -1;
    return PyDict_SetItem(globals, key, PyEval_GetBuiltins());
}

int
P2C_Frame_ModuleReady(PyObject *code, PyObject *globals)
{
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "P2C_Frame_PushModule: bad arguments");
        return -1;
    }
    if (ensure_builtins(globals) < 0)
        return -1;
    P2C_PublishEvalBreaker();
    return 0;
}
