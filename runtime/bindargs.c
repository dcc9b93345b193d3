/* bindargs.c — binding a vectorcall's arguments to a compiled function's
 * parameter slots: the semantics and the TypeError messages of CPython 3.11's
 * initialize_locals (Python/ceval.c), reimplemented.
 *
 * Parameter slots come first (co_localsplusnames, 3.10's co_varnames): positional parameters (the first
 * co_posonlyargcount positional-only), then keyword-only ones, then *args,
 * then **kwargs.  Arguments are borrowed (vectorcall), or given by a
 * compiled call site (P2C_VECTORCALL_ARGS_GIVEN: taken over, as 3.11's
 * frames steal them from the caller's stack); slots receive owned
 * references.  Error messages name the function by its __qualname__.
 */
#include "internal.h"

typedef struct {
    PyFunctionObject *func;
    PyCodeObject *code;
    Py_ssize_t argcount;     /* positional parameters */
    Py_ssize_t total;        /* positional + keyword-only */
    Py_ssize_t nparams;      /* total + *args + **kwargs */
} Sig;

static PyObject *
param_name(const Sig *s, Py_ssize_t i)
{
    return P2C_Code_ParamName(s->code, i);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" from a list of reprs. */
static PyObject *
join_names(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    if (n == 1)
        return Py_NewRef(PyList_GET_ITEM(names, 0));
    if (n == 2)
        return PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    PyObject *tail = PyUnicode_FromFormat(", %U, and %U",
                                          PyList_GET_ITEM(names, n - 2),
                                          PyList_GET_ITEM(names, n - 1));
    if (tail == NULL || PyList_SetSlice(names, n - 2, n, NULL) < 0) {
        Py_XDECREF(tail);
        return NULL;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *head = sep ? PyUnicode_Join(sep, names) : NULL;
    Py_XDECREF(sep);
    PyObject *res = head ? PyUnicode_Concat(head, tail) : NULL;
    Py_XDECREF(head);
    Py_DECREF(tail);
    return res;
}

/* TypeError "f() missing 2 required positional arguments: 'a' and 'b'" for
 * the empty slots in [start, end); kind "positional" or "keyword-only". */
static void
missing_arguments(const Sig *s, PyObject **slots, Py_ssize_t start,
                  Py_ssize_t end, const char *kind)
{
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return;
    for (Py_ssize_t i = start; i < end; i++) {
        if (slots[i] != NULL)
            continue;
        PyObject *r = PyObject_Repr(param_name(s, i));
        if (r == NULL || PyList_Append(names, r) < 0) {
            Py_XDECREF(r);
            Py_DECREF(names);
            return;
        }
        Py_DECREF(r);
    }
    Py_ssize_t n = PyList_GET_SIZE(names);
    PyObject *joined = join_names(names);
    if (joined != NULL)
        PyErr_Format(PyExc_TypeError, "%U() missing %zd required %s argument%s: %U",
                     s->func->func_qualname, n, kind, n == 1 ? "" : "s", joined);
    Py_XDECREF(joined);
    Py_DECREF(names);
}

/* TypeError "f() takes 2 positional arguments but 3 were given" (with the
 * "from 1 to 2" and "(and 1 keyword-only argument)" variants). */
static void
too_many_positional(const Sig *s, PyObject **slots, Py_ssize_t given)
{
    Py_ssize_t kwonly_given = 0;
    for (Py_ssize_t i = s->argcount; i < s->total; i++)
        kwonly_given += slots[i] != NULL;
    PyObject *defaults = s->func->func_defaults;
    Py_ssize_t ndef = defaults ? PyTuple_GET_SIZE(defaults) : 0;
    int plural = ndef ? 1 : s->argcount != 1;
    PyObject *sig = ndef
        ? PyUnicode_FromFormat("from %zd to %zd", s->argcount - ndef, s->argcount)
        : PyUnicode_FromFormat("%zd", s->argcount);
    if (sig == NULL)
        return;
    PyObject *kwsig = kwonly_given
        ? PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                               given != 1 ? "s" : "", kwonly_given,
                               kwonly_given != 1 ? "s" : "")
        : PyUnicode_FromString("");
    if (kwsig != NULL)
        PyErr_Format(PyExc_TypeError,
                     "%U() takes %U positional argument%s but %zd%U %s given",
                     s->func->func_qualname, sig, plural ? "s" : "", given, kwsig,
                     given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_XDECREF(kwsig);
}

/* TypeError "f() got some positional-only arguments passed as keyword
 * arguments: 'a, b'" when any keyword names a positional-only parameter.
 * 1 when raised (or on another error), 0 when there is none. */
static int
posonly_passed_as_keyword(const Sig *s, PyObject *kwnames)
{
    PyObject *hits = PyList_New(0);
    if (hits == NULL)
        return 1;
    for (Py_ssize_t k = 0; k < s->code->co_posonlyargcount; k++) {
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(kwnames); j++) {
            PyObject *kw = PyTuple_GET_ITEM(kwnames, j);
            int eq = kw == param_name(s, k) ? 1
                     : PyObject_RichCompareBool(param_name(s, k), kw, Py_EQ);
            if (eq < 0 || (eq > 0 && PyList_Append(hits, kw) < 0)) {
                Py_DECREF(hits);
                return 1;
            }
        }
    }
    if (PyList_GET_SIZE(hits) == 0) {
        Py_DECREF(hits);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *names = sep ? PyUnicode_Join(sep, hits) : NULL;
    if (names != NULL)
        PyErr_Format(PyExc_TypeError, "%U() got some positional-only arguments "
                     "passed as keyword arguments: '%U'",
                     s->func->func_qualname, names);
    Py_XDECREF(sep);
    Py_XDECREF(names);
    Py_DECREF(hits);
    return 1;
}

/* Index of the parameter named kw among those that accept keywords, -1 when
 * none (then kw goes to **kwargs or is an error), -2 on error. */
static Py_ssize_t
find_keyword(const Sig *s, PyObject *kw)
{
    Py_ssize_t start = s->code->co_posonlyargcount;
    /* Names are interned, so identity almost always decides. */
    for (Py_ssize_t j = start; j < s->total; j++)
        if (param_name(s, j) == kw)
            return j;
    for (Py_ssize_t j = start; j < s->total; j++) {
        /* str == str without PyObject_RichCompare's recursion level: at the
         * recursion limit the call must fail as the callee's frame entry
         * does, not "in comparison" */
        PyObject *name = param_name(s, j);
        int eq = PyUnicode_CheckExact(kw) && PyUnicode_CheckExact(name)
                     ? P2C_UnicodeEq(kw, name)
                     : PyObject_RichCompareBool(kw, name, Py_EQ);
        if (eq != 0)
            return eq > 0 ? j : -2;
    }
    return -1;
}

/* Binds one keyword argument.  0 or -1. */
static int
bind_keyword(const Sig *s, PyObject **slots, PyObject *kwdict,
             PyObject *kwnames, PyObject *kw, PyObject *value)
{
    PyObject *qualname = s->func->func_qualname;
    if (!PyUnicode_Check(kw)) {
        PyErr_Format(PyExc_TypeError, "%U() keywords must be strings", qualname);
        return -1;
    }
    Py_ssize_t j = find_keyword(s, kw);
    if (j == -2)
        return -1;
    if (j >= 0) {
        if (slots[j] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%U() got multiple values for argument '%S'", qualname, kw);
            return -1;
        }
        slots[j] = Py_NewRef(value);
        return 0;
    }
    if (kwdict != NULL)
        return PyDict_SetItem(kwdict, kw, value);
    if (s->code->co_posonlyargcount && posonly_passed_as_keyword(s, kwnames))
        return -1;
#ifdef P2C_KEYWORD_SUGGESTIONS
    /* 3.13: the closest parameter name that can be given by keyword */
    PyObject *names = PyList_New(0);
    PyObject *guess = NULL;
    for (Py_ssize_t j = s->code->co_posonlyargcount; names && j < s->total; j++)
        if (PyList_Append(names, param_name(s, j)) < 0)
            Py_CLEAR(names);
    if (names != NULL && PyList_GET_SIZE(names) > 0)
        guess = P2C_KeywordSuggestion(names, kw);
    Py_XDECREF(names);
    PyErr_Clear();
    if (guess != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                     qualname, kw, guess);
        Py_DECREF(guess);
        return -1;
    }
#endif
    PyErr_Format(PyExc_TypeError,
                 "%U() got an unexpected keyword argument '%S'", qualname, kw);
    return -1;
}

/* Fills the positional parameters from defaults, or reports the missing
 * ones.  nbound: positional arguments given.  0 or -1. */
static int
apply_defaults(const Sig *s, PyObject **slots, Py_ssize_t nbound)
{
    PyObject *defaults = s->func->func_defaults;
    Py_ssize_t ndef = defaults ? PyTuple_GET_SIZE(defaults) : 0;
    Py_ssize_t first_default = s->argcount - ndef;
    for (Py_ssize_t i = nbound; i < first_default; i++) {
        if (slots[i] == NULL) {
            missing_arguments(s, slots, 0, first_default, "positional");
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < ndef; i++) {
        if (slots[first_default + i] == NULL)
            slots[first_default + i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i));
    }
    return 0;
}

/* Fills keyword-only parameters from __kwdefaults__, or reports the missing
 * ones.  0 or -1. */
static int
apply_kwdefaults(const Sig *s, PyObject **slots)
{
    PyObject *kwdefaults = s->func->func_kwdefaults;
    int missing = 0;
    for (Py_ssize_t i = s->argcount; i < s->total; i++) {
        if (slots[i] != NULL)
            continue;
        if (kwdefaults != NULL) {
            PyObject *def = PyDict_GetItemWithError(kwdefaults, param_name(s, i));
            if (def != NULL) {
                slots[i] = Py_NewRef(def);
                continue;
            }
            if (PyErr_Occurred())
                return -1;
        }
        missing = 1;
    }
    if (missing) {
        missing_arguments(s, slots, s->argcount, s->total, "keyword-only");
        return -1;
    }
    return 0;
}

/* Positional arguments: the first ones to their parameters, the rest to
 * *args (a tuple) when there is one.  0 or -1. */
static int
bind_positional(const Sig *s, PyObject **slots, PyObject *const *args,
                Py_ssize_t nargs)
{
    Py_ssize_t n = nargs < s->argcount ? nargs : s->argcount;
    for (Py_ssize_t j = 0; j < n; j++)
        slots[j] = Py_NewRef(args[j]);
    if (!(s->code->co_flags & CO_VARARGS))
        return 0;
    PyObject *rest = PyTuple_New(nargs - n);
    if (rest == NULL)
        return -1;
    for (Py_ssize_t j = n; j < nargs; j++)
        PyTuple_SET_ITEM(rest, j - n, Py_NewRef(args[j]));
    slots[s->total] = rest;
    return 0;
}

static int
bind_general(const Sig *s, PyObject *const *args, Py_ssize_t nargs,
             PyObject *kwnames, PyObject **slots)
{
    PyObject *kwdict = NULL;
    if (s->code->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL)
            return -1;
        slots[s->nparams - 1] = kwdict;
    }
    if (bind_positional(s, slots, args, nargs) < 0)
        return -1;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (bind_keyword(s, slots, kwdict, kwnames, PyTuple_GET_ITEM(kwnames, i),
                         args[nargs + i]) < 0)
            return -1;
    }
    if (nargs > s->argcount && !(s->code->co_flags & CO_VARARGS)) {
        too_many_positional(s, slots, nargs);
        return -1;
    }
    if (nargs < s->argcount && apply_defaults(s, slots, nargs) < 0)
        return -1;
    if (s->total > s->argcount && apply_kwdefaults(s, slots) < 0)
        return -1;
    return 0;
}

/* The next commonest call: fewer positional arguments than parameters, the
 * rest of them with defaults (`find(self, update=False)` called as
 * `r.find()`), and no keyword-only parameters, *args or **kwargs.  1 when
 * bound (given arguments taken over); 0 when the general binding must run
 * (nothing done). */
static int
bind_positional_with_defaults(PyObject *func, PyCodeObject *co, PyObject *const *args,
                              size_t nargsf, PyObject **slots)
{
    PyObject *defaults = ((PyFunctionObject *)func)->func_defaults;
    Py_ssize_t argcount = co->co_argcount, nargs = P2C_NARGS(nargsf);
    if (defaults == NULL || nargs >= argcount || co->co_kwonlyargcount != 0
        || (co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)))
        return 0;
    Py_ssize_t first_default = argcount - PyTuple_GET_SIZE(defaults);
    if (nargs < first_default)
        return 0;   /* a required one is missing: the general path reports it */
    P2C_TakeArgs(slots, args, nargs, nargsf);
    for (Py_ssize_t i = nargs; i < argcount; i++)
        slots[i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    return 1;
}

void
P2C_ReleaseGivenArgs(PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    if (!(nargsf & P2C_VECTORCALL_ARGS_GIVEN))
        return;
    Py_ssize_t n = P2C_NARGS(nargsf) + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(args[i]);
}

int
P2C_Function_BindArgs(PyObject *func, PyObject *const *args, size_t nargsf,
                      PyObject *kwnames, PyObject **slots)
{
    PyCodeObject *co = (PyCodeObject *)((PyFunctionObject *)func)->func_code;
    Py_ssize_t nargs = P2C_NARGS(nargsf);

    if (P2C_LIKELY(kwnames == NULL && nargs == co->co_argcount &&
                   co->co_kwonlyargcount == 0 &&
                   !(co->co_flags & (CO_VARARGS | CO_VARKEYWORDS)))) {
        P2C_TakeArgs(slots, args, nargs, nargsf);
        return 0;
    }
    if (kwnames == NULL && bind_positional_with_defaults(func, co, args, nargsf, slots))
        return 0;
    /* The general binding takes new references; given arguments are
     * released after it: their slot, the *args tuple or the **kwargs dict
     * is then their only holder, as initialize_locals leaves them.  After a
     * failure, those that nothing bound die then, before the slots are
     * cleared — initialize_locals releases what it did not move into the
     * frame before the frame is cleared. */
    Sig s = {(PyFunctionObject *)func, co, co->co_argcount,
             co->co_argcount + co->co_kwonlyargcount, 0};
    s.nparams = s.total + !!(co->co_flags & CO_VARARGS)
                + !!(co->co_flags & CO_VARKEYWORDS);
    int r = bind_general(&s, args, nargs, kwnames, slots);
    P2C_ReleaseGivenArgs(args, nargsf, kwnames);
    if (r < 0) {
        for (Py_ssize_t i = 0; i < s.nparams; i++)
            Py_CLEAR(slots[i]);
    }
    return r;
}
