/* classes.c — the class statement at run time: LOAD_NAME / STORE_NAME /
 * DELETE_NAME of class bodies, LOAD_BUILD_CLASS, and P2C_BuildClass, which
 * does what builtins.__build_class__ does in CPython 3.11
 * (Python/bltinmodule.c) but runs the compiled class body, whose stub
 * bytecode the real __build_class__ would run.
 *
 * One departure is forced by the compiled function type: type.__new__
 * turns a plain function under __new__ into a staticmethod and under
 * __init_subclass__ / __class_getitem__ into a classmethod, but it checks for
 * the exact function type (PyFunction_Check), which compiled functions are
 * not.  P2C_BuildClass therefore wraps them in the new class's dict right
 * after the metaclass call, when they are still the very objects the body
 * put in the namespace (see fix_implicit_methods).
 */
#include "internal.h"
#include <string.h>

/* ---- names of class bodies ---------------------------------------------- */

/* The namespace of f, or SystemError as the interpreter gives it. */
static PyObject *
frame_locals(P2C_Frame *f, const char *what, PyObject *name)
{
    PyObject *locals = P2C_Frame_Locals(f);
    if (locals == NULL)
        PyErr_Format(PyExc_SystemError, "no locals %s %R", what, name);
    return locals;
}

/* Borrowed-or-new lookup in a mapping: 1 and *v new, 0 when absent, -1. */
static int
mapping_lookup(PyObject *mapping, PyObject *name, PyObject **v)
{
    if (PyDict_CheckExact(mapping)) {
        *v = Py_XNewRef(PyDict_GetItemWithError(mapping, name));
        return *v != NULL ? 1 : PyErr_Occurred() ? -1 : 0;
    }
    *v = PyObject_GetItem(mapping, name);
    if (*v != NULL)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return -1;
    PyErr_Clear();
    return 0;
}

PyObject *
P2C_LoadName(P2C_Frame *f, PyObject *name)
{
    PyObject *locals = frame_locals(f, "when loading", name), *v;
    if (locals == NULL)
        return NULL;
    int rc = mapping_lookup(locals, name, &v);
    if (rc != 0)
        return v;
    /* globals are a dict: a failing lookup there is an error, not a miss */
    v = PyDict_GetItemWithError(P2C_Frame_Globals(f), name);
    if (v != NULL)
        return Py_NewRef(v);
    if (PyErr_Occurred())
        return NULL;
    rc = mapping_lookup(P2C_Frame_Builtins(f), name, &v);
    if (rc == 0)
        P2C_RaiseNameError(name);
    return v;
}

/* The class namespace lookup of LOAD_FROM_DICT_OR_*: an exact dict
 * directly, any other mapping through __getitem__, a KeyError being a miss
 * (3.12's bytecodes.c; 3.13's PyMapping_GetOptionalItem).  Once the class
 * exists, type.__new__ has put the class's own dict in the cell
 * (__classdictcell__).  1 found (*v new), 0 missing, -1 error. */
static int
classdict_lookup(PyObject *dict, PyObject *name, PyObject **v)
{
    return mapping_lookup(dict, name, v);
}

/* LOAD_FROM_DICT_OR_GLOBALS: LOAD_NAME with the class namespace `dict` as
 * the locals; the globals and builtins are the running (compiled) frame's,
 * which the interpreter's frame chain holds. */
PyObject *
P2C_LoadFromDictOrGlobals(PyObject *dict, PyObject *name)
{
    PyObject *v;
    int rc = classdict_lookup(dict, name, &v);
    if (rc != 0)
        return v;
    PyObject *globals = PyEval_GetGlobals(), *builtins = PyEval_GetBuiltins();
    if (globals == NULL || builtins == NULL) {
        PyErr_SetString(PyExc_SystemError, "no globals when loading a name");
        return NULL;
    }
    v = PyDict_GetItemWithError(globals, name);
    if (v != NULL)
        return Py_NewRef(v);
    if (PyErr_Occurred())
        return NULL;
    rc = mapping_lookup(builtins, name, &v);
    if (rc == 0)
        P2C_RaiseNameError(name);
    return v;
}

/* LOAD_FROM_DICT_OR_DEREF: the namespace `dict` first, then the cell. */
PyObject *
P2C_LoadFromDictOrDeref(PyObject *dict, PyObject *name, PyObject *cell)
{
    PyObject *v;
    int rc = classdict_lookup(dict, name, &v);
    if (rc != 0)
        return v;
    v = PyCell_GET(cell);
    if (v != NULL)
        return Py_NewRef(v);
    return P2C_RaiseUnboundDeref(name, 1);
}

int
P2C_StoreName(P2C_Frame *f, PyObject *name, PyObject *value)
{
    PyObject *locals = frame_locals(f, "found when storing", name);
    if (locals == NULL)
        return -1;
    if (PyDict_CheckExact(locals))
        return PyDict_SetItem(locals, name, value);
    return PyObject_SetItem(locals, name, value);
}

/* DELETE_NAME: any failure of the deletion becomes the NameError. */
int
P2C_DelName(P2C_Frame *f, PyObject *name)
{
    PyObject *locals = P2C_Frame_Locals(f);
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (PyObject_DelItem(locals, name) == 0)
        return 0;
    PyErr_Clear();
    P2C_RaiseNameError(name);
    return -1;
}

/* ---- LOAD_BUILD_CLASS ------------------------------------------------------ */

static PyObject *
build_class_name(void)
{
    static PyObject *s;
    return P2C_InternedString(&s, "__build_class__");
}

PyObject *
P2C_LoadBuildClass(P2C_Frame *f)
{
    PyObject *key = build_class_name(), *bc;
    if (key == NULL)
        return NULL;
    int rc = mapping_lookup(P2C_Frame_Builtins(f), key, &bc);
    if (rc == 0)
        PyErr_SetString(PyExc_NameError, "__build_class__ not found");
    return bc;
}

/* Whether bc is the builtins module's own __build_class__ (compared by its
 * C function, taken from the module's method table, which a replacement of
 * builtins.__build_class__ does not change). */
static int
is_builtin_build_class(PyObject *bc)
{
    static PyCFunction impl;
    if (impl == NULL) {
        PyObject *mod = PyImport_ImportModule("builtins");
        PyModuleDef *def = mod ? PyModule_GetDef(mod) : NULL;
        for (PyMethodDef *m = def ? def->m_methods : NULL; m && m->ml_name; m++)
            if (strcmp(m->ml_name, "__build_class__") == 0)
                impl = m->ml_meth;
        Py_XDECREF(mod);
        PyErr_Clear();
    }
    return impl != NULL && PyCFunction_Check(bc) && PyCFunction_GET_FUNCTION(bc) == impl;
}

/* A replaced builtins.__build_class__: bc(func, name, *bases, **kwargs). */
static PyObject *
call_replacement(PyObject *bc, PyObject *func, PyObject *name, PyObject *bases,
                 PyObject *kwargs)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyObject *args = PyTuple_New(n + 2);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, Py_NewRef(func));
    PyTuple_SET_ITEM(args, 1, Py_NewRef(name));
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(args, i + 2, Py_NewRef(PyTuple_GET_ITEM(bases, i)));
    PyObject *res = PyObject_Call(bc, args, kwargs);
    Py_DECREF(args);
    return res;
}

/* ---- __build_class__ --------------------------------------------------------- */

/* new: the bases after __mro_entries__ (PEP 560), or bases itself (a new
 * reference) when no base has one. */
static PyObject *
update_bases(PyObject *bases)
{
    static PyObject *mro_entries;
    if (P2C_InternedString(&mro_entries, "__mro_entries__") == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyObject *list = NULL;   /* made at the first replaced base */
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i), *meth, *entries;
        if (!PyType_Check(base) && P2C_LookupAttr(base, mro_entries, &meth) < 0)
            goto error;
        if (PyType_Check(base) || meth == NULL) {
            if (list != NULL && PyList_Append(list, base) < 0)
                goto error;
            continue;
        }
        entries = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (entries == NULL)
            goto error;
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (list == NULL && (list = PyTuple_GetSlice(bases, 0, i)) != NULL) {
            Py_SETREF(list, PySequence_List(list));
        }
        Py_ssize_t end = list ? PyList_GET_SIZE(list) : 0;
        int rc = list ? PyList_SetSlice(list, end, end, entries) : -1;
        Py_DECREF(entries);
        if (rc < 0)
            goto error;
    }
    if (list == NULL)
        return Py_NewRef(bases);
    PyObject *res = PyList_AsTuple(list);
    Py_DECREF(list);
    return res;
error:
    Py_XDECREF(list);
    return NULL;
}

/* The metaclass: kwargs' "metaclass" (removed from mkw), else the type of
 * the first base, else type; then the most derived metaclass of the bases
 * when it is a class.  *meta new; *isclass set.  0 or -1. */
static int
calculate_meta(PyObject *mkw, PyObject *bases, PyObject **meta, int *isclass)
{
    static PyObject *key;
    if (P2C_InternedString(&key, "metaclass") == NULL)
        return -1;
    *meta = NULL;
    if (mkw != NULL) {
        *meta = Py_XNewRef(PyDict_GetItemWithError(mkw, key));
        if (*meta == NULL && PyErr_Occurred())
            return -1;
        if (*meta != NULL && PyDict_DelItem(mkw, key) < 0)
            return -1;
    }
    *isclass = *meta == NULL || PyType_Check(*meta);
    if (*meta == NULL)
        *meta = Py_NewRef(PyTuple_GET_SIZE(bases) == 0 ? (PyObject *)&PyType_Type
                          : (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0)));
    if (!*isclass)
        return 0;
    PyObject *winner = (PyObject *)P2C_CalculateMetaclass((PyTypeObject *)*meta, bases);
    if (winner == NULL)
        return -1;
    Py_SETREF(*meta, Py_NewRef(winner));
    return 0;
}

/* new: meta.__prepare__(name, bases, **mkw), or a new dict without one;
 * TypeError unless it is a mapping. */
static PyObject *
prepare_namespace(PyObject *meta, int isclass, PyObject *name, PyObject *bases,
                  PyObject *mkw)
{
    static PyObject *key;
    PyObject *prep, *ns;
    if (P2C_InternedString(&key, "__prepare__") == NULL ||
        P2C_LookupAttr(meta, key, &prep) < 0)
        return NULL;
    if (prep == NULL) {
        ns = PyDict_New();
    } else {
        PyObject *args[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, args, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns != NULL && !PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        Py_CLEAR(ns);
    }
    return ns;
}

/* The __classcell__ protocol: the body returned the __class__ cell; the
 * metaclass call must have filled it with the class it returns. */
static int
check_class_cell(PyObject *cell, PyObject *name, PyObject *cls)
{
    if (!PyType_Check(cls) || !PyCell_Check(cell))
        return 0;
    PyObject *cell_cls = PyCell_GET(cell);
    if (cell_cls == cls)
        return 0;
    if (cell_cls == NULL)
        PyErr_Format(PyExc_RuntimeError,
                     "__class__ not set defining %.200R as %.200R. "
                     "Was __classcell__ propagated to type.__new__?", name, cls);
    else
        PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                     cell_cls, name, cls);
    return -1;
}

/* What type.__new__ does to plain functions under these names, done for
 * the compiled functions it does not recognize: in cls's own dict, a
 * compiled function that is still the namespace's value is wrapped. */
static int
fix_implicit_methods(PyObject *cls, PyObject *ns)
{
    static const char *const names[3] = {"__new__", "__init_subclass__", "__class_getitem__"};
    if (!PyType_Check(cls) || !(((PyTypeObject *)cls)->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    PyObject *dict = P2C_Type_Dict((PyTypeObject *)cls);
    for (int i = 0; i < 3; i++) {
        PyObject *v = PyDict_GetItemString(dict, names[i]), *orig;
        if (v == NULL || !Py_IS_TYPE(v, &P2C_Function_Type))
            continue;
        orig = PyMapping_GetItemString(ns, names[i]);
        PyErr_Clear();
        Py_XDECREF(orig);   /* only its identity is compared */
        if (orig != v)
            continue;
        PyObject *w = i == 0 ? PyStaticMethod_New(v) : PyClassMethod_New(v);
        if (w == NULL || PyDict_SetItemString(dict, names[i], w) < 0) {
            Py_XDECREF(w);
            return -1;
        }
        Py_DECREF(w);
        PyType_Modified((PyTypeObject *)cls);
    }
    return 0;
}

/* Runs the body with ns, then meta(name, bases, ns, **mkw). */
static PyObject *
run_body_and_meta(PyObject *func, PyObject *name, PyObject *orig_bases, PyObject *bases,
                  PyObject *meta, PyObject *ns, PyObject *mkw)
{
    PyObject *cell = PyObject_Vectorcall(func, &ns, 1, NULL);
    if (cell == NULL)
        return NULL;
    PyObject *cls = NULL;
    if (bases == orig_bases || PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) == 0) {
        PyObject *args[3] = {name, bases, ns};
        cls = PyObject_VectorcallDict(meta, args, 3, mkw);
    }
    if (cls != NULL && (check_class_cell(cell, name, cls) < 0 ||
                        fix_implicit_methods(cls, ns) < 0))
        Py_CLEAR(cls);
    Py_DECREF(cell);
    return cls;
}

/* __build_class__(func, name, *bases, **kwargs), the builtin's work done
 * here when build_class is the builtin. */
static PyObject *
build_class_call(PyObject *build_class, PyObject *func, PyObject *name, PyObject *bases,
                 PyObject *kwargs)
{
    if (!is_builtin_build_class(build_class))
        return call_replacement(build_class, func, name, bases, kwargs);
    PyObject *cls = NULL, *meta = NULL, *ns = NULL, *mkw = NULL;
    PyObject *new_bases = update_bases(bases);
    if (new_bases == NULL)
        return NULL;
    int isclass;
    if (kwargs != NULL && (mkw = PyDict_Copy(kwargs)) == NULL)
        goto done;
    if (calculate_meta(mkw, new_bases, &meta, &isclass) < 0)
        goto done;
    ns = prepare_namespace(meta, isclass, name, new_bases, mkw);
    if (ns != NULL)
        cls = run_body_and_meta(func, name, bases, new_bases, meta, ns, mkw);
done:
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    Py_DECREF(new_bases);
    return cls;
}

PyObject *
P2C_BuildClass(PyObject *build_class, PyObject *func, PyObject *name, PyObject *bases,
               PyObject *kwargs)
{
    /* Either way a CALL of __build_class__: c_call events around it when it
     * is a builtin and a profiler is set, and the eval breaker is checked on
     * return (P2C_CallReturned), as after any builtin. */
    PyObject *cls;
    if (P2C_UNLIKELY(P2C_Tracing()) && PyCFunction_CheckExact(build_class))
        cls = P2C_Trace_CCall(build_class) < 0 ? NULL
            : P2C_Trace_CReturn(build_class, build_class_call(build_class, func, name,
                                                              bases, kwargs));
    else
        cls = build_class_call(build_class, func, name, bases, kwargs);
    return P2C_CallReturned(build_class, cls);
}

/* ---- the class body's frame ------------------------------------------------------ */

int
P2C_Frame_PushClassBody(P2C_Frame *f, PyObject *func, PyObject *const *args,
                        size_t nargsf, PyObject *kwnames, int nslots)
{
    if (PyVectorcall_NARGS(nargsf) != 1 || kwnames != NULL || !PyMapping_Check(args[0])) {
        PyErr_SetString(PyExc_SystemError,
                        "a compiled class body is called by the class statement only");
        return -1;
    }
    /* the namespace is f_locals before the call event shows the frame */
    return P2C_Frame_PushWithLocals(f, func, nslots, args[0]);
}

PyObject *
P2C_LoadClassDeref(P2C_Frame *f, PyObject *name, PyObject *cell)
{
    PyObject *locals = P2C_Frame_Locals(f), *v;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals when loading a free variable");
        return NULL;
    }
    int rc = mapping_lookup(locals, name, &v);
    if (rc != 0)
        return v;
    v = PyCell_GET(cell);
    if (v != NULL)
        return Py_NewRef(v);
    return P2C_RaiseUnboundDeref(name, 1);
}
