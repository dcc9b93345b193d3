/* sys312.c — sys._getframemodulename (new in 3.12; 3.13 too) for compiled frames.
 *
 * The interpreter's version names the module of the function running
 * `depth` complete frames up: PyFunction_GetModule(frame->f_funcobj), which
 * accepts only an exact function, so it answers None for a compiled frame
 * (its function is a subtype, runtime/function.c).  namedtuple(),
 * Enum('E', ...) and doctest.DocTestSuite() ask it for their caller's
 * module; compiled callers would get '__main__' or an error.  The
 * replacement walks the same frames and reads any function's __module__
 * slot; everything else (audit event, argument, None answers) is 3.12's.
 *
 * Built with Py_BUILD_CORE for the frame layout, like monitor312.c.
 */
#define Py_BUILD_CORE 1
#include <Python.h>
#include "compat/version.h"
#ifdef P2C_HAVE_GETFRAMEMODULENAME
#include <internal/pycore_frame.h>

#define P2C_API __attribute__((visibility("hidden")))

P2C_API int P2C_ReplaceGetFrameModuleName(void);

static PyObject *
getframemodulename(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"depth", NULL};
    int depth = 0;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|i:_getframemodulename", kwlist, &depth))
        return NULL;
    if (PySys_Audit("sys._getframemodulename", "i", depth) < 0)
        return NULL;
#ifdef P2C_FRAME_LAYOUT_313
    _PyInterpreterFrame *f = PyThreadState_Get()->current_frame;   /* no cframe */
#else
    _PyInterpreterFrame *f = PyThreadState_Get()->cframe->current_frame;
#endif
    while (f && (_PyFrame_IsIncomplete(f) || depth-- > 0))
        f = f->previous;
    PyObject *func = f ? f->f_funcobj : NULL;
    if (func == NULL || !PyObject_TypeCheck(func, &PyFunction_Type))
        Py_RETURN_NONE;
    PyObject *r = ((PyFunctionObject *)func)->func_module;
    return Py_NewRef(r ? r : Py_None);
}

static PyMethodDef getframemodulename_def = {
    "_getframemodulename", (PyCFunction)(void (*)(void))getframemodulename,
    METH_VARARGS | METH_KEYWORDS, NULL
};

/* Once, from the shared runtime: sys._getframemodulename becomes ours
 * (its docstring kept). */
int
P2C_ReplaceGetFrameModuleName(void)
{
    PyObject *old = PySys_GetObject("_getframemodulename");   /* borrowed */
    if (old == NULL || !PyCFunction_Check(old))
        return 0;   /* not the interpreter's: left alone */
    getframemodulename_def.ml_doc = ((PyCFunctionObject *)old)->m_ml->ml_doc;
    PyObject *sys = PyImport_ImportModule("sys");
    if (sys == NULL)
        return -1;
    PyObject *modname = PyModule_GetNameObject(sys);
    Py_DECREF(sys);
    if (modname == NULL)
        return -1;
    PyObject *fn = PyCFunction_NewEx(&getframemodulename_def, NULL, modname);
    Py_DECREF(modname);
    if (fn == NULL)
        return -1;
    int err = PySys_SetObject("_getframemodulename", fn);
    Py_DECREF(fn);
    return err;
}
#endif
