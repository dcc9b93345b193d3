/* replace.c — builtin methods that would treat compiled code differently
 * from the interpreter's, replaced once per runtime copy by wrappers that
 * restore CPython's behaviour (docs/runtime.md, "Replaced builtin methods").
 *
 * Only the copy of the runtime that the interpreter's compiled modules share
 * (runtime/shared.c) replaces them, once: its wrappers know the shared types.
 */
#include "internal.h"

int
P2C_ReplaceMethod(PyTypeObject *type, const char *name, PyMethodDef *def,
                  PyCFunction *original)
{
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL)
        return -1;
    PyObject *old = PyDict_GetItemWithError(P2C_Type_Dict(type), key);   /* borrowed */
    Py_DECREF(key);
    if (old == NULL && PyErr_Occurred())
        return -1;
    if (old == NULL || !PyObject_TypeCheck(old, &PyMethodDescr_Type)) {
        PyErr_Format(PyExc_SystemError, "pyc2c: %s.%s is not a method descriptor",
                     type->tp_name, name);
        return -1;
    }
    PyMethodDef *old_def = ((PyMethodDescrObject *)old)->d_method;
    if ((old_def->ml_flags & ~METH_COEXIST) != (def->ml_flags & ~METH_COEXIST)) {
        PyErr_Format(PyExc_SystemError, "pyc2c: %s.%s has another calling convention",
                     type->tp_name, name);
        return -1;
    }
    *original = old_def->ml_meth;
    def->ml_doc = old_def->ml_doc;
    PyObject *descr = PyDescr_NewMethod(type, def);
    if (descr == NULL)
        return -1;
    int err = PyDict_SetItemString(P2C_Type_Dict(type), name, descr);
    Py_DECREF(descr);
    if (err < 0)
        return -1;
    PyType_Modified(type);
    return 0;
}

/* ---- ExceptionGroup.split() and .subgroup() ------------------------------- *
 * They take a predicate only when it is exactly a function (3.11's
 * get_matcher_type: PyFunction_Check), and refuse a compiled one with a
 * TypeError.  While the original runs, a compiled predicate is given the
 * function type it is a layout-identical subtype of: split's C call still
 * runs its compiled code (through its vectorcall field), and type(pred)
 * inside reads `function` either way.  But the interpreter's CALL runs the
 * code object of an exact function itself — the stub — unless a frame
 * evaluation hook is set (ceval.c, CALL; specialize.c refuses to specialize
 * calls then too): for the window, one that only calls the default is set,
 * so interpreted code calling the predicate calls its vectorcall. */

#ifdef P2C_GROUP_SPLIT_EXACT_FUNCTION
static PyCFunction original_split, original_subgroup;

static PyObject *
eval_frame_default(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag)
{
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

static PyObject *
call_as_function(PyCFunction original, PyObject *self, PyObject *args)
{
    PyObject *pred = PyTuple_GET_SIZE(args) == 1 ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (pred == NULL || Py_TYPE(pred) != &P2C_Function_Type)
        return original(self, args);
    PyInterpreterState *interp = PyInterpreterState_Get();
    /* Another hook (a debugger's) already keeps the interpreter from
     * inlining calls; so does an enclosing window's. */
    int set_hook = _PyInterpreterState_GetEvalFrameFunc(interp) == _PyEval_EvalFrameDefault;
    if (set_hook)
        _PyInterpreterState_SetEvalFrameFunc(interp, eval_frame_default);
    Py_INCREF(pred);
    Py_SET_TYPE(pred, &PyFunction_Type);
    PyObject *res = original(self, args);
    Py_SET_TYPE(pred, &P2C_Function_Type);
    Py_DECREF(pred);
    if (set_hook)
        _PyInterpreterState_SetEvalFrameFunc(interp, _PyEval_EvalFrameDefault);
    return res;
}

static PyObject *
group_split(PyObject *self, PyObject *args)
{
    return call_as_function(original_split, self, args);
}

static PyObject *
group_subgroup(PyObject *self, PyObject *args)
{
    return call_as_function(original_subgroup, self, args);
}

static PyMethodDef split_def = {"split", group_split, METH_VARARGS, NULL};
static PyMethodDef subgroup_def = {"subgroup", group_subgroup, METH_VARARGS, NULL};
#endif

int
P2C_ReplaceFunctionCheckingMethods(void)
{
#ifdef P2C_GROUP_SPLIT_EXACT_FUNCTION
    /* 3.13 takes any callable, 3.10 has no groups: nothing to replace */
    PyTypeObject *group = (PyTypeObject *)PyExc_BaseExceptionGroup;
    if (P2C_ReplaceMethod(group, "split", &split_def, &original_split) < 0 ||
        P2C_ReplaceMethod(group, "subgroup", &subgroup_def, &original_subgroup) < 0)
        return -1;
#endif
#ifdef P2C_HAVE_GETFRAMEMODULENAME
    if (P2C_ReplaceGetFrameModuleName() < 0)   /* compat/sys312.c */
        return -1;
#endif
#ifdef P2C_TYPEVAR_CALLER_EXACT_FUNCTION
    if (P2C_WrapTypeVarConstructors() < 0)   /* compat/typevar312.c */
        return -1;
#endif
    return P2C_InstallStubRunner();   /* compat/stubrun.c */
}
