/* attrs.c — filling the attribute caches of pyc2c/attrs.h, and the generic
 * operations that run after a miss.
 *
 * Filling only looks (the type's MRO through _PyType_Lookup, the shared
 * keys, a module's dict): it runs no Python code, so the entry it writes
 * describes the object as it is when the operation then runs.  What cannot
 * be described by a cheap guard is left to the generic path, and the site
 * stops trying for a while (backoff), as the interpreter's adaptive
 * counters do.  The rules follow 3.11's Python/specialize.c
 * (analyze_descriptor, specialize_dict_access), a little stricter: a data
 * descriptor on the type always wins over an instance value, so a name the
 * type defines with __set__ is never read from the instance's values.
 */
#include <limits.h>
#include "internal.h"
#include <structmember.h>

/* Misses a site waits, after a failed fill, before it tries again. */
#define BACKOFF 32

enum { FOR_LOAD, FOR_METHOD, FOR_STORE };

#if defined(P2C_INSTANCE_VALUES_311) && defined(P2C_HAVE_DICT_VERSION)

/* tp's version tag once it is valid (after _PyType_Lookup, which assigns
 * one), else 0. */
static unsigned int
valid_version(PyTypeObject *tp)
{
    return (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
}

static int
set_entry(P2C_AttrCache *c, int kind, unsigned int version, Py_ssize_t index,
          PyObject *value)
{
    if (version == 0)
        return 0;
    c->kind = (unsigned char)kind;
    c->version = version;
    c->index = index;
    c->value = value;
    return 1;
}

/* A __slots__ member holding an object (T_OBJECT_EX): its byte offset, or
 * -1.  Stores also need it writable. */
static Py_ssize_t
slot_offset(PyObject *descr, int op)
{
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type))
        return -1;
    PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
    if (m->type != T_OBJECT_EX || (op == FOR_STORE && (m->flags & READONLY)))
        return -1;
    return m->offset;
}

/* A load of an attribute found in obj's __dict__ (an exact dict): the entry
 * of its key table holding name.  Names not in the dict are left to the
 * generic path (a class attribute there can be shadowed at any time). */
static int
fill_hint(P2C_AttrCache *c, PyObject *obj, PyObject *name, unsigned int version)
{
    PyObject *dict = P2C_Instance_Dict(obj);
    if (dict == NULL || !PyDict_CheckExact(dict))
        return 0;
    Py_ssize_t ix = P2C_SharedKeys_Index((P2C_SharedKeys *)P2C_Dict_Keys(dict), name);
    if (ix < 0 || P2C_Dict_HintValue(dict, ix, name) == NULL)
        return 0;
    return set_entry(c, P2C_ATTR_HINT, version, ix, name);
}

/* obj.name where descr (borrowed, may be NULL) is what the type's MRO has
 * for name, neither a data descriptor nor a slot: an instance value, or a
 * class attribute the instance does not shadow. */
static int
fill_instance(P2C_AttrCache *c, PyObject *obj, PyTypeObject *tp, PyObject *name,
              PyObject *descr, int op, unsigned int version)
{
    bool is_method = descr && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR);
    bool plain = descr && Py_TYPE(descr)->tp_descr_get == NULL;
    if (tp->tp_dictoffset == 0) {        /* no instance dict: the type decides */
        if (op == FOR_METHOD && is_method)
            return set_entry(c, P2C_ATTR_METHOD_NODICT, version, 0, descr);
        if (op != FOR_STORE && plain)
            return set_entry(c, P2C_ATTR_CLASS_NODICT, version, 0, descr);
        return 0;
    }
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT))
        return 0;
    if (P2C_Instance_Values(obj) == NULL)
        return op != FOR_STORE ? fill_hint(c, obj, name, version) : 0;
    P2C_SharedKeys *keys = P2C_Type_SharedKeys(tp);
    Py_ssize_t ix = P2C_SharedKeys_Index(keys, name);
    if (ix >= 0)
        return set_entry(c, P2C_ATTR_VALUE, version, ix, NULL);
    if (keys == NULL || op == FOR_STORE)
        return 0;
    Py_ssize_t count = P2C_SharedKeys_Count(keys);
    if (op == FOR_METHOD && is_method)
        return set_entry(c, P2C_ATTR_METHOD, version, count, descr);
    if (plain)
        return set_entry(c, P2C_ATTR_CLASS, version, count, descr);
    return 0;
}

/* A load from a module: its global, when ModuleType itself has nothing of
 * that name (module_getattro asks the type first). */
static int
fill_module(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    if (_PyType_Lookup(&PyModule_Type, name) != NULL)
        return 0;
    PyObject *dict = P2C_Module_Dict(obj);
    if (dict == NULL || !PyDict_CheckExact(dict))
        return 0;
    PyObject *value = PyDict_GetItemWithError(dict, name);
    if (value == NULL) {
        PyErr_Clear();   /* a lookup of an exact str key fails only on MemoryError */
        return 0;
    }
    c->kind = P2C_ATTR_MODULE;
    c->value = value;
    c->dict = dict;
    c->dict_version = P2C_Dict_Version(dict);
    return 1;
}

/* A load from a class whose metaclass is exactly `type`: type_getattro
 * gives a plain attribute as it is, and a function itself (its __get__ with
 * no instance), when `type` has no attribute of that name. */
static int
fill_type(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    if (_PyType_Lookup(&PyType_Type, name) != NULL)
        return 0;
    PyTypeObject *cls = (PyTypeObject *)obj;
    PyObject *descr = _PyType_Lookup(cls, name);
    if (descr == NULL)
        return 0;
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    if (get != NULL && get != PyFunction_Type.tp_descr_get)
        return 0;
    return set_entry(c, P2C_ATTR_TYPE, valid_version(cls), 0, descr);
}

/* Describes obj.name for op in c, if a cheap guard can check it later.
 * 1 when filled, 0 when not (c then never hits). */
static int
fill(P2C_AttrCache *c, PyObject *obj, PyObject *name, int op)
{
    PyTypeObject *tp = Py_TYPE(obj);
    c->kind = P2C_ATTR_EMPTY;
    c->version = 0;
    if (!PyUnicode_CheckExact(name))
        return 0;
    if (op != FOR_STORE && tp == &PyModule_Type)
        return fill_module(c, obj, name);
    if (op != FOR_STORE && tp == &PyType_Type)
        return fill_type(c, obj, name);
    if (op == FOR_STORE ? tp->tp_setattro != PyObject_GenericSetAttr
                        : tp->tp_getattro != PyObject_GenericGetAttr)
        return 0;
    PyObject *descr = _PyType_Lookup(tp, name);
    unsigned int version = valid_version(tp);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        Py_ssize_t off = slot_offset(descr, op);
        return off >= 0 ? set_entry(c, P2C_ATTR_SLOT, version, off, NULL) : 0;
    }
    return fill_instance(c, obj, tp, name, descr, op, version);
}

/* Refills of a filled entry after which a site counts as polymorphic: its
 * entry keeps answering for the type it holds, and other types take the
 * generic path, refilling only every BACKOFF misses (a refill costs about
 * what the generic lookup does, so a site alternating between two types
 * would otherwise pay both on every access). */
#define POLYMORPHIC 4

/* Fills c after a miss, unless it is backing off.  1 when filled. */
static int
refill(P2C_AttrCache *c, PyObject *obj, PyObject *name, int op)
{
    if (c->backoff > 0) {
        c->backoff--;
        return 0;
    }
    bool was_filled = c->kind != P2C_ATTR_EMPTY;
    if (!fill(c, obj, name, op)) {
        c->backoff = BACKOFF;
        return 0;
    }
    if (was_filled) {
        if (c->replaced < UCHAR_MAX)
            c->replaced++;
        if (c->replaced > POLYMORPHIC)
            c->backoff = BACKOFF;
    }
    return 1;
}

#else   /* no caches for this target */

static int
refill(P2C_AttrCache *c, PyObject *obj, PyObject *name, int op)
{
    (void)c; (void)obj; (void)name; (void)op;
    return 0;
}

#endif

#if defined(P2C_INSTANCE_VALUES_311) && defined(P2C_HAVE_DICT_VERSION)
PyObject *
P2C_LoadAttrOther(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    PyObject *v = P2C_AttrCache_Hit(c, obj);
    return v != NULL ? Py_NewRef(v) : P2C_LoadAttrSlow(c, obj, name);
}

PyObject *
P2C_LoadMethodOther(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
    PyObject *v = P2C_AttrCache_Hit(c, obj);
    if (v == NULL)
        return P2C_LoadMethodSlow(c, obj, name, self);
    *self = c->kind >= P2C_ATTR_METHOD ? Py_NewRef(obj) : NULL;
    return Py_NewRef(v);
}

PyObject *
P2C_PeekOther(P2C_AttrCache *c, PyObject *obj)
{
    return P2C_AttrCache_Hit(c, obj);
}
#endif

PyObject *
P2C_LoadAttrSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
#if defined(P2C_INSTANCE_VALUES_311) && defined(P2C_HAVE_DICT_VERSION)
    if (refill(c, obj, name, FOR_LOAD)) {
        PyObject *v = P2C_AttrCache_Hit(c, obj);
        if (v != NULL)
            return Py_NewRef(v);
    }
#else
    refill(c, obj, name, FOR_LOAD);
#endif
    return PyObject_GetAttr(obj, name);
}

PyObject *
P2C_LoadMethodSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
#if defined(P2C_INSTANCE_VALUES_311) && defined(P2C_HAVE_DICT_VERSION)
    if (refill(c, obj, name, FOR_METHOD)) {
        PyObject *v = P2C_AttrCache_Hit(c, obj);
        if (v != NULL) {
            *self = c->kind >= P2C_ATTR_METHOD ? Py_NewRef(obj) : NULL;
            return Py_NewRef(v);
        }
    }
#else
    refill(c, obj, name, FOR_METHOD);
#endif
    return P2C_LoadMethod(obj, name, self);
}

int
P2C_StoreAttrSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject *value)
{
    /* Filled after the generic store: the first store of an attribute is
     * what adds its name to the type's shared keys. */
    if (PyObject_SetAttr(obj, name, value) < 0)
        return -1;
    refill(c, obj, name, FOR_STORE);
    return 0;
}
