/* exceptions.c — handling exceptions in compiled code: entering a handler
 * (CPython 3.11's exception_unwind + PUSH_EXC_INFO), leaving it (POP_EXCEPT),
 * matching (CHECK_EXC_MATCH), re-raising (RERAISE, bare `raise`), the with
 * statement's BEFORE_WITH and __exit__ calls, and __debug__.
 * docs/runtime.md, "Exceptions".
 */
#include "internal.h"
#include "compat/excstate.h"

PyObject *
P2C_Exc_Catch(PyObject **prev)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL) {   /* a caller's bug: keep going with a visible error */
        PyErr_SetString(PyExc_SystemError, "pyc2c: handler entered without an exception");
        PyErr_Fetch(&type, &value, &tb);
    }
    PyErr_NormalizeException(&type, &value, &tb);
    PyException_SetTraceback(value, tb != NULL ? tb : Py_None);
    Py_XDECREF(tb);
    Py_XDECREF(type);
    /* PUSH_EXC_INFO: the previous exc_value (None for none) is kept by the
     * handler; the caught exception becomes the handled one. */
    PyObject *cur = Py_NewRef(value);
    P2C_ExcState_Swap(&cur);
    *prev = cur != NULL ? cur : Py_NewRef(Py_None);
    return value;
}

void
P2C_Exc_Restore(PyObject *prev)
{
    P2C_ExcState_Swap(&prev);
    Py_XDECREF(prev);
}

int
P2C_Exc_Match(PyObject *exc, PyObject *type)
{
    if (PyTuple_Check(type)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(type, i)))
                goto invalid;
    }
    else if (!PyExceptionClass_Check(type)) {
        goto invalid;
    }
    return PyErr_GivenExceptionMatches(exc, type);
invalid:
    PyErr_SetString(PyExc_TypeError, "catching classes that do not inherit from "
                    "BaseException is not allowed");
    return -1;
}

void
P2C_Exc_Reraise(PyObject *exc)
{
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(exc));
    PyErr_Restore(type, Py_NewRef(exc), PyException_GetTraceback(exc));
}

int
P2C_Exc_RaiseBare(void)
{
    PyObject *value = PyErr_GetHandledException();   /* the topmost one */
    if (value == NULL || value == Py_None) {
        Py_XDECREF(value);
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return -1;
    }
    P2C_Exc_Reraise(value);
    Py_DECREF(value);
    return 0;
}

/* ---- the position of a caught exception ----------------------------------- */

PyObject *
P2C_Frame_SiteObject(P2C_Frame *f)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);   /* the exception being handled stays */
    PyObject *site = PyLong_FromLong(P2C_Frame_GetSite(f));
    if (site == NULL) {
        PyErr_Clear();
        site = Py_NewRef(Py_None);
    }
    PyErr_Restore(type, value, tb);
    return site;
}

void
P2C_Frame_RestoreSite(P2C_Frame *f, PyObject *site)
{
    if (site != NULL && PyLong_CheckExact(site))
        P2C_Frame_SetSite(f, (int)PyLong_AsLong(site));
}

/* ---- with ------------------------------------------------------------------ */

/* Special method lookup (CPython's _PyObject_LookupSpecial, whose name the
 * 3.11 headers map to another function): the attribute of type(obj), bound
 * to obj through its __get__.  New, or NULL: an error, or none when absent. */
static PyObject *
lookup_special(PyObject *obj, PyObject *name)
{
    PyObject *attr = _PyType_Lookup(Py_TYPE(obj), name);   /* borrowed */
    if (attr == NULL)
        return NULL;
    descrgetfunc get = Py_TYPE(attr)->tp_descr_get;
    if (get == NULL)
        return Py_NewRef(attr);
    Py_INCREF(attr);   /* __get__ may run code that drops the type's reference */
    PyObject *res = get(attr, obj, (PyObject *)Py_TYPE(obj));
    Py_DECREF(attr);
    return res;
}

/* BEFORE_WITH and BEFORE_ASYNC_WITH: looks the two methods up on mgr's type
 * (the protocol named in the messages), keeps the bound exit in *exit and
 * returns enter(). */
static PyObject *
enter_context(PyObject *mgr, PyObject **exit, PyObject *n_enter, PyObject *n_exit,
              const char *protocol, const char *exit_name)
{
    if (n_enter == NULL || n_exit == NULL)
        return NULL;
    PyObject *enter = lookup_special(mgr, n_enter);
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                         "%s protocol", Py_TYPE(mgr)->tp_name, protocol);
        return NULL;
    }
    PyObject *ex = lookup_special(mgr, n_exit);
    if (ex == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                         "%s protocol (missed %s method)",
                         Py_TYPE(mgr)->tp_name, protocol, exit_name);
        Py_DECREF(enter);
        return NULL;
    }
    *exit = ex;
    PyObject *res = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    return res;
}

PyObject *
P2C_With_Enter(PyObject *mgr, PyObject **exit)
{
    static PyObject *s_enter, *s_exit;
    return enter_context(mgr, exit, P2C_InternedString(&s_enter, "__enter__"),
                         P2C_InternedString(&s_exit, "__exit__"),
                         "context manager", "__exit__");
}

PyObject *
P2C_AsyncWith_Enter(PyObject *mgr, PyObject **exit)
{
    static PyObject *s_enter, *s_exit;
    return enter_context(mgr, exit, P2C_InternedString(&s_enter, "__aenter__"),
                         P2C_InternedString(&s_exit, "__aexit__"),
                         "asynchronous context manager", "__aexit__");
}

PyObject *
P2C_With_Exit(PyObject *exit, PyObject *exc)
{
    PyObject *args[4] = {NULL, Py_None, Py_None, Py_None};
    PyObject *tb = NULL;
    if (exc != NULL) {
        tb = PyException_GetTraceback(exc);
        args[1] = (PyObject *)PyExceptionInstance_Class(exc);
        args[2] = exc;
        args[3] = tb != NULL ? tb : Py_None;
    }
    /* A CALL of exit in 3.11 (eval-breaker check, c_call events for a
     * builtin exit); WITH_EXCEPT_START calls it directly. */
    PyObject *res = exc == NULL
        ? P2C_Call(exit, args + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL)
        : PyObject_Vectorcall(exit, args + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    Py_XDECREF(tb);
    Py_DECREF(exit);
    return res;
}

/* ---- __debug__ ---------------------------------------------------------------- */

/* -1 until read: sys.flags.optimize does not change while a process runs. */
static int debug_flag = -1;

PyObject *
P2C_Debug(void)
{
    if (P2C_UNLIKELY(debug_flag < 0)) {
        PyObject *flags = PySys_GetObject("flags");   /* borrowed */
        PyObject *opt = flags ? PyObject_GetAttrString(flags, "optimize") : NULL;
        long level = opt ? PyLong_AsLong(opt) : 0;
        Py_XDECREF(opt);
        if (PyErr_Occurred())
            PyErr_Clear();   /* no sys.flags: the interpreter's default */
        debug_flag = level <= 0;
    }
    return debug_flag ? Py_True : Py_False;
}
