/* stubrun.c — a compiled function's stub code object run by the interpreter
 * (docs/runtime.md, "Stub code run by the interpreter").
 *
 * exec(f.__code__, g, closure=...), types.FunctionType(f.__code__, g)() and
 * a plain function given f.__code__ make the interpreter execute the stub.
 * On 3.11 and later its first units (src/cgen/codeobj.c) are
 *
 *     LOAD_CONST None; UNARY_NEGATIVE; RETURN_VALUE
 *
 * before the closure prefix and the RESUME, so the interpreter's frame is
 * "incomplete" while they run: no traceback entry, no line or call event,
 * invisible to sys._getframe and f_back, as CPython hides a frame before
 * its RESUME.  `-None` reaches None's nb_negative, which the shared runtime
 * replaces once (P2C_InstallStubRunner) by stub_run_or_raise: when the
 * running frame is a registered stub at that unit, it reads the frame's
 * arguments (still as the interpreter bound them: no MAKE_CELL has run)
 * and calls the compiled entry point with them and the frame's function,
 * whose globals, builtins and closure the compiled frame then takes; the
 * result, or the exception with the compiled frame's traceback entry, comes
 * back to the interpreter, which returns it from the stub's frame.
 * Everywhere else `-None` raises CPython's TypeError, as before.
 *
 * Why None and not a callable constant of our own: the stub is marshalled
 * into the module's blob and by programs (marshal.dumps(f.__code__), which
 * must give a code object equal to it); None needs no patching of
 * co_consts, and dis shows the stub as it is.
 *
 * 3.10 (no units before a frame's first traceable one: the frame would be
 * visible) keeps the raising stub: its stubs have no runner units.
 */
#include "../internal.h"
#include <opcode.h>

#if defined(P2C_INTERPRETER_FRAMES)

/* internal.h */
int
P2C_Stub_RunUnits(PyCodeObject *co)
{
    const _Py_CODEUNIT *u = _PyCode_CODE(co);
    return Py_SIZE(co) >= 3 && _Py_OPCODE(u[0]) == LOAD_CONST &&
           _Py_OPCODE(u[1]) == UNARY_NEGATIVE && _Py_OPCODE(u[2]) == RETURN_VALUE ? 3 : 0;
}

/* Whether co ends as every stub does (src/cgen/codeobj.c):
 * LOAD_ASSERTION_ERROR, RAISE_VARARGS 1, NOP, NOP, which no code CPython
 * compiles ends with. */
static int
has_stub_tail(PyCodeObject *co)
{
    Py_ssize_t n = Py_SIZE(co);
    const _Py_CODEUNIT *u = _PyCode_CODE(co);
    return n >= 4 && _Py_OPCODE(u[n - 4]) == LOAD_ASSERTION_ERROR &&
           _Py_OPCODE(u[n - 3]) == RAISE_VARARGS && _Py_OPCODE(u[n - 2]) == NOP &&
           _Py_OPCODE(u[n - 1]) == NOP;
}

/* Whether frame runs a function stub's `-None`: at its runner units
 * (unit 1), or a copy of the stub whose units a program moved (test_code's
 * closure injection prepends COPY_FREE_VARS). */
static int
runs_stub(P2C_Frame *frame)
{
    if (frame == NULL || !(P2C_Frame_Code(frame)->co_flags & CO_OPTIMIZED))
        return 0;
    int k = P2C_Frame_GetSite(frame);
    return k >= 1 && k < Py_SIZE(P2C_Frame_Code(frame)) &&
           _Py_OPCODE(_PyCode_CODE(P2C_Frame_Code(frame))[k]) == UNARY_NEGATIVE &&
           has_stub_tail(P2C_Frame_Code(frame));
}

/* The stub's parameters as a vectorcall: positional ones and *args
 * positionally, keyword-only ones and **kwargs by keyword, so that binding
 * them again gives the compiled frame the values the interpreter bound.
 * Fills stack (borrowed items; room for every value) and *kwnames (new or
 * NULL); the positional count, or -1 with an exception. */
static Py_ssize_t
frame_arguments(P2C_Frame *frame, PyObject **stack, PyObject **kwnames)
{
    PyCodeObject *co = P2C_Frame_Code(frame);
    PyObject **slots = &P2C_SLOT(frame, 0);
    int npos = co->co_argcount, nkwonly = co->co_kwonlyargcount;
    int has_var = (co->co_flags & CO_VARARGS) != 0;
    PyObject *varargs = has_var ? slots[npos + nkwonly] : NULL;
    PyObject *kwargs = co->co_flags & CO_VARKEYWORDS ? slots[npos + nkwonly + has_var] : NULL;
    Py_ssize_t n = 0, nkw = nkwonly + (kwargs ? PyDict_GET_SIZE(kwargs) : 0);
    *kwnames = nkw ? PyTuple_New(nkw) : NULL;
    if (nkw && *kwnames == NULL)
        return -1;
    for (int i = 0; i < npos; i++)
        stack[n++] = slots[i];
    for (Py_ssize_t i = 0; varargs && i < PyTuple_GET_SIZE(varargs); i++)
        stack[n++] = PyTuple_GET_ITEM(varargs, i);
    Py_ssize_t nargs = n, k = 0;
    for (int i = 0; i < nkwonly; i++, k++) {
        stack[n++] = slots[npos + i];
        PyTuple_SET_ITEM(*kwnames, k,
                         Py_NewRef(PyTuple_GET_ITEM(co->co_localsplusnames, npos + i)));
    }
    PyObject *key, *value;
    for (Py_ssize_t pos = 0; kwargs && PyDict_Next(kwargs, &pos, &key, &value); k++) {
        stack[n++] = value;
        PyTuple_SET_ITEM(*kwnames, k, Py_NewRef(key));
    }
    return nargs;
}

/* How many values frame_arguments gives for frame; -1 with SystemError if
 * a parameter is unbound (the interpreter binds them all before unit 0). */
static Py_ssize_t
count_arguments(P2C_Frame *frame)
{
    PyCodeObject *co = P2C_Frame_Code(frame);
    PyObject **slots = &P2C_SLOT(frame, 0);
    int nparams = co->co_argcount + co->co_kwonlyargcount;
    int has_var = (co->co_flags & CO_VARARGS) != 0, has_kw = (co->co_flags & CO_VARKEYWORDS) != 0;
    for (int i = 0; i < nparams + has_var + has_kw; i++)
        if (slots[i] == NULL) {
            PyErr_SetString(PyExc_SystemError, "pyc2c: stub run with an unbound parameter");
            return -1;
        }
    Py_ssize_t n = nparams;
    if (has_var)
        n += PyTuple_GET_SIZE(slots[nparams]);
    if (has_kw)
        n += PyDict_GET_SIZE(slots[nparams + has_var]);
    return n;
}

/* Calls impl, the compiled body of the stub frame runs, with the frame's
 * function and arguments.  New reference, or NULL with an exception. */
static PyObject *
run_compiled_body(P2C_Frame *frame, vectorcallfunc impl)
{
    Py_ssize_t room = count_arguments(frame);
    if (room < 0)
        return NULL;
    PyObject **stack = PyMem_Malloc((size_t)(room + 1) * sizeof *stack);
    if (stack == NULL)
        return PyErr_NoMemory();
    PyObject *kwnames = NULL;
    Py_ssize_t nargs = frame_arguments(frame, stack, &kwnames);
    PyObject *res = NULL;
    if (nargs >= 0)
        res = impl(P2C_FRAME_FUNC(frame), stack, (size_t)nargs, kwnames);
    Py_XDECREF(kwnames);
    PyMem_Free(stack);
    return res;
}

/* None's nb_negative before ours: another copy's hook (a runtime shared in
 * another interpreter, whose registry knows that interpreter's stubs), or
 * NULL. */
static unaryfunc previous_negative;

/* None's nb_negative: a stub's runner units (above), else `-None`'s
 * TypeError, CPython's message. */
static PyObject *
stub_run_or_raise(PyObject *self)
{
    P2C_Frame *frame = P2C_Frame_Current(PyThreadState_Get());
    if (runs_stub(frame)) {
        PyCodeObject *co = P2C_Frame_Code(frame);
        vectorcallfunc impl = P2C_Function_ImplOfStub((PyObject *)co);
        if (impl != NULL && P2C_Frame_GetSite(frame) == 1 && P2C_Stub_RunUnits(co) == 3)
            return run_compiled_body(frame, impl);
        if (previous_negative != NULL)
            return previous_negative(self);
        /* a copy (code.replace(), marshal.loads()) has no compiled body */
        PyErr_Format(PyExc_SystemError,
                     "pyc2c: a copy of the code object of compiled function %U cannot run "
                     "(only the original has a compiled body)", co->co_qualname);
        return NULL;
    }
    if (previous_negative != NULL)
        return previous_negative(self);
    PyErr_Format(PyExc_TypeError, "bad operand type for unary -: '%.200s'",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

/* internal.h: once, by the shared runtime.  None's type has number methods
 * (nb_bool) without nb_negative; only the C slot is set, so type(None)
 * still has no __neg__ attribute.  A hook set before (another
 * interpreter's shared runtime) is called for what this one does not
 * know. */
int
P2C_InstallStubRunner(void)
{
    PyNumberMethods *nm = Py_TYPE(Py_None)->tp_as_number;
    if (nm == NULL) {
        PyErr_SetString(PyExc_SystemError, "pyc2c: None has no number methods");
        return -1;
    }
    if (nm->nb_negative != stub_run_or_raise) {
        previous_negative = nm->nb_negative;
        nm->nb_negative = stub_run_or_raise;
    }
    return 0;
}

#else   /* 3.10: the stub keeps raising */

int
P2C_Stub_RunUnits(PyCodeObject *Py_UNUSED(co))
{
    return 0;
}

int
P2C_InstallStubRunner(void)
{
    return 0;
}

#endif
