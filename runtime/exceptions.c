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
#if P2C_PY_MINOR >= 12
    /* 3.12 on keep the exception being raised normalized, with its
     * traceback already on it: taking it is all of exception_unwind's work */
    PyObject *value = PyErr_GetRaisedException();
    if (value == NULL) {   /* a caller's bug: keep going with a visible error */
        PyErr_SetString(PyExc_SystemError, "pyc2c: handler entered without an exception");
        value = PyErr_GetRaisedException();
    }
#else
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
#endif
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
    P2C_ExcState_Set(prev);
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

/* The traceback exc is raised again with (new reference, or NULL).  3.11
 * on: the one it has now.  3.10 keeps the handled exception as a (type,
 * value, traceback) triple and re-raises that (RERAISE, do_raise), so a
 * handled exc goes with the traceback it had when caught: frames a throw()
 * into a generator added to it since (contextlib's __exit__) are not in
 * it, and neither is a traceback the handler assigned. */
static PyObject *
traceback_to_reraise(PyObject *exc)
{
#if defined(P2C_EXC_TRIPLE_310)
    _PyErr_StackItem *item = PyThreadState_GET()->exc_info;
    while (item != NULL && (item->exc_value == NULL || item->exc_value == Py_None))
        item = item->previous_item;   /* the topmost handled one */
    if (item != NULL && item->exc_value == exc)
        return Py_XNewRef(item->exc_traceback);
#endif
    return PyException_GetTraceback(exc);
}

void
P2C_Exc_Reraise(PyObject *exc)
{
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(exc));
    PyErr_Restore(type, Py_NewRef(exc), traceback_to_reraise(exc));
}

int
P2C_Exc_RaiseBare(void)
{
    PyObject *value = P2C_GetHandledException();   /* the topmost one */
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
    P2C_StashedError raised = P2C_Err_Stash();   /* the exception being handled stays */
    PyObject *site = PyLong_FromLong(P2C_Frame_GetSite(f));
    if (site == NULL) {
        PyErr_Clear();
        site = Py_NewRef(Py_None);
    }
    P2C_Err_Unstash(raised);
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

/* The error of a context manager without the method name: 3.11's
 * TypeError naming the protocol (and the missing exit method: exit_name),
 * or 3.10's AttributeError(name) (special_lookup). */
static void
missing_method(PyObject *mgr, PyObject *name, const char *protocol, const char *exit_name)
{
#ifdef P2C_WITH_ERROR_IS_ATTRIBUTE_310
    (void)mgr;
    (void)protocol;
    (void)exit_name;
    PyErr_SetObject(PyExc_AttributeError, name);
#else
    (void)name;
    if (exit_name == NULL)
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                     "%s protocol", Py_TYPE(mgr)->tp_name, protocol);
    else
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                     "%s protocol (missed %s method)", Py_TYPE(mgr)->tp_name, protocol,
                     exit_name);
#endif
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
            missing_method(mgr, n_enter, protocol, NULL);
        return NULL;
    }
    PyObject *ex = lookup_special(mgr, n_exit);
    if (ex == NULL) {
        if (!PyErr_Occurred())
            missing_method(mgr, n_exit, protocol, exit_name);
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

/* ---- try/except* (CPython 3.11's CHECK_EG_MATCH and PREP_RERAISE_STAR) ---- */

#ifdef P2C_HAVE_EXCEPTION_GROUPS   /* 3.10's grammar has no except* */

/* check_except_star_type_valid: a class or tuple of classes deriving from
 * BaseException, none of them an exception group class. */
static int
except_star_type_valid(PyObject *type)
{
    if (P2C_Exc_Match(Py_None, type) < 0)   /* the except clause's own check */
        return -1;
    int is_group = 0;
    if (PyTuple_Check(type)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type) && !is_group; i++) {
            is_group = PyObject_IsSubclass(PyTuple_GET_ITEM(type, i),
                                           PyExc_BaseExceptionGroup);
            if (is_group < 0)
                return -1;
        }
    } else {
        is_group = PyObject_IsSubclass(type, PyExc_BaseExceptionGroup);
        if (is_group < 0)
            return -1;
    }
    if (is_group) {
        PyErr_SetString(PyExc_TypeError, "catching ExceptionGroup with except* is not "
                        "allowed. Use except instead.");
        return -1;
    }
    return 0;
}

/* ExceptionGroup("", excs) as _PyExc_CreateExceptionGroup makes it
 * (BaseExceptionGroup's constructor picks the class). */
static PyObject *
new_group(PyObject *excs)
{
    return PyObject_CallFunction(PyExc_BaseExceptionGroup, "(sO)", "", excs);
}

/* exception_group_match: *match and *rest (new) for exc against type. */
static int
group_match(PyObject *exc, PyObject *type, PyObject **match, PyObject **rest)
{
    *match = *rest = NULL;
    if (exc == Py_None) {
        *match = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc, type)) {
        if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
            *match = Py_NewRef(exc);
        } else {   /* a naked exception, wrapped */
            PyObject *excs = PyTuple_Pack(1, exc);
            *match = excs ? new_group(excs) : NULL;
            Py_XDECREF(excs);
            if (*match == NULL)
                return -1;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *pair = PyObject_CallMethod(exc, "split", "(O)", type);
        if (pair == NULL)
            return -1;
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    return 0;
}

PyObject *
P2C_ExcGroupMatch(PyObject *exc, PyObject *type)
{
    PyObject *match, *rest;
    if (except_star_type_valid(type) < 0 || group_match(exc, type, &match, &rest) < 0)
        return NULL;
    if (match == Py_None) {
        Py_XDECREF(rest);
        return match;
    }
    PyObject *pair = PyTuple_Pack(2, match, rest);
    if (pair != NULL) {   /* the handler's sys.exception() (PyErr_SetExcInfo) */
        P2C_ExcState_Set(Py_NewRef(match));
    }
    Py_DECREF(match);
    Py_DECREF(rest);
    return pair;
}

/* ids of the leaf exceptions of exc (None: none) added to the set ids. */
static int
collect_leaf_ids(PyObject *exc, PyObject *ids)
{
    if (exc == Py_None)
        return 0;
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        int rc = id ? PySet_Add(ids, id) : -1;
        Py_XDECREF(id);
        return rc;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids"))
            return -1;
        int rc = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), ids);
        Py_LeaveRecursiveCall();
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* exceptiongroup_subset: eg.derive(excs) carrying eg's traceback, context,
 * cause and a copy of its notes; *result NULL when excs is empty. */
static int
group_subset(PyObject *eg, PyObject *excs, PyObject **result)
{
    *result = NULL;
    if (PyList_GET_SIZE(excs) == 0)
        return 0;
    PyObject *sub = PyObject_CallMethod(eg, "derive", "(O)", excs);
    if (sub == NULL)
        return -1;
    if (!PyObject_TypeCheck(sub, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(eg);
    if (tb) {
        int rc = PyException_SetTraceback(sub, tb);
        Py_DECREF(tb);
        if (rc < 0)
            goto error;
    }
    PyException_SetContext(sub, PyException_GetContext(eg));
    PyException_SetCause(sub, PyException_GetCause(eg));
    if (PyObject_HasAttrString(eg, "__notes__")) {
        PyObject *notes = PyObject_GetAttrString(eg, "__notes__");
        if (notes == NULL)
            goto error;
        if (PySequence_Check(notes)) {
            Py_SETREF(notes, PySequence_List(notes));
            int rc = notes ? PyObject_SetAttrString(sub, "__notes__", notes) : -1;
            Py_XDECREF(notes);
            if (rc < 0)
                goto error;
        } else {
            Py_DECREF(notes);
        }
    }
    *result = sub;
    return 0;
error:
    Py_DECREF(sub);
    return -1;
}

/* exception_group_projection's split by leaf identity: *match (new, or
 * NULL for nothing) the part of exc whose leaves are in ids. */
static int
project(PyObject *exc, PyObject *ids, PyObject **match)
{
    *match = NULL;
    if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        int in = id ? PySet_Contains(ids, id) : -1;
        Py_XDECREF(id);
        if (in > 0)
            *match = Py_NewRef(exc);
        return in < 0 ? -1 : 0;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    PyObject *kept = PyList_New(0);
    if (kept == NULL)
        return -1;
    int rc = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs) && rc == 0; i++) {
        PyObject *sub;
        if (Py_EnterRecursiveCall(" in exceptiongroup_split_recursive")) {
            rc = -1;
            break;
        }
        rc = project(PyTuple_GET_ITEM(excs, i), ids, &sub);
        Py_LeaveRecursiveCall();
        if (rc == 0 && sub) {
            rc = PyList_Append(kept, sub);
            Py_DECREF(sub);
        }
    }
    if (rc == 0)
        rc = group_subset(exc, kept, match);
    Py_DECREF(kept);
    return rc;
}

static bool
same_metadata(PyObject *a, PyObject *b)
{
    PyBaseExceptionObject *x = (PyBaseExceptionObject *)a, *y = (PyBaseExceptionObject *)b;
    return x->notes == y->notes && x->traceback == y->traceback &&
           x->cause == y->cause && x->context == y->context;
}

/* The reraised part of orig: the leaves of the reraised exceptions, in
 * orig's nesting (None when none). */
static PyObject *
reraised_part(PyObject *orig, PyObject *reraised)
{
    PyObject *ids = PySet_New(NULL);
    if (ids == NULL)
        return NULL;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(reraised); i++)
        if (collect_leaf_ids(PyList_GET_ITEM(reraised, i), ids) < 0)
            goto done;
    if (project(orig, ids, &result) == 0 && result == NULL)
        result = Py_NewRef(Py_None);
done:
    Py_DECREF(ids);
    return result;
}

/* _PyExc_PrepReraiseStar: what a try/except* raises at its end, from the
 * caught orig and excs, the list of what the clauses raised or re-raised
 * plus the unmatched rest (None items skipped): None when nothing; the
 * re-raised parts keep orig's nesting; raised ones become siblings in a new
 * ExceptionGroup("", [...]) (from 3.11.4, unless there is only one). */
PyObject *
P2C_ExcPrepReraiseStar(PyObject *orig, PyObject *excs)
{
    Py_ssize_t n = PyList_GET_SIZE(excs);
    if (n == 0)
        return Py_NewRef(Py_None);
    if (!PyObject_TypeCheck(orig, (PyTypeObject *)PyExc_BaseExceptionGroup))
        return Py_NewRef(PyList_GET_ITEM(excs, 0));   /* naked: one clause ran */
    PyObject *raised = PyList_New(0), *reraised = PyList_New(0), *result = NULL;
    if (raised == NULL || reraised == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (e != Py_None && PyList_Append(same_metadata(e, orig) ? reraised : raised, e) < 0)
            goto done;
    }
    PyObject *part = reraised_part(orig, reraised);
    if (part == NULL || PyList_GET_SIZE(raised) == 0) {
        result = part;
        goto done;
    }
    int rc = part != Py_None ? PyList_Append(raised, part) : 0;
    Py_DECREF(part);
    /* From 3.11.4 (gh-103590) a lone exception is raised as it is, not in
     * a group: asked of the running interpreter, since one build serves
     * every 3.11.x */
    if (rc == 0 && PyList_GET_SIZE(raised) == 1 && Py_Version >= 0x030B0400) {
        result = Py_NewRef(PyList_GET_ITEM(raised, 0));
        goto done;
    }
    if (rc == 0)
        result = new_group(raised);
done:
    Py_XDECREF(raised);
    Py_XDECREF(reraised);
    return result;
}

#endif  /* P2C_HAVE_EXCEPTION_GROUPS */
