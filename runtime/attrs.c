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

#if defined(P2C_ATTR_CACHES)

/* tp's version tag once it is valid (after _PyType_Lookup, which assigns
 * one), else 0. */
static unsigned int
valid_version(PyTypeObject *tp)
{
    return P2C_Type_ValidVersion(tp);
}

static int
set_entry(P2C_AttrEntry *c, int kind, unsigned int version, Py_ssize_t index,
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

/* A __slots__ member of tp holding an object (T_OBJECT_EX): its byte
 * offset, or -1.  Stores also need it writable.  The member must belong to
 * tp or a base: a class can borrow another's member (`borrowed =
 * Other.slot`), whose offset means nothing in tp's instances, and the
 * descriptor itself raises TypeError there.  The entry's version tag of tp
 * keeps tp's bases, so the check holds while the entry does. */
static Py_ssize_t
slot_offset(PyTypeObject *tp, PyObject *descr, int op)
{
    if (!Py_IS_TYPE(descr, &PyMemberDescr_Type) ||
        !PyType_IsSubtype(tp, PyDescr_TYPE(descr)))
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
fill_hint(P2C_AttrEntry *c, PyObject *obj, PyObject *name, unsigned int version)
{
    PyObject *dict = P2C_Instance_Dict(obj);
    if (dict == NULL || !PyDict_CheckExact(dict))
        return 0;
    Py_ssize_t ix = P2C_SharedKeys_Index((P2C_SharedKeys *)P2C_Dict_Keys(dict), name);
    if (ix < 0 || P2C_Dict_HintValue(dict, ix, name) == NULL)
        return 0;
    return set_entry(c, P2C_ATTR_HINT, version, ix, name);
}

PyObject *
P2C_AttrEntry_HintHit(const P2C_AttrEntry *c, PyObject *obj)
{
    PyObject *dict = P2C_Instance_Dict(obj);
    if (dict == NULL || !PyDict_CheckExact(dict))
        return NULL;
    return P2C_Dict_HintValue(dict, c->index, c->value);
}

/* The own __dict__ of class cls when cls is a heap type (a class
 * statement's: its tp_dict is its dict on every version) and the dict an
 * exact one, else NULL. */
static PyObject *
heap_class_dict(PyTypeObject *cls)
{
    PyObject *dict = (cls->tp_flags & Py_TPFLAGS_HEAPTYPE) ? cls->tp_dict : NULL;
    return dict != NULL && PyDict_CheckExact(dict) ? dict : NULL;
}

PyObject *
P2C_AttrEntry_TypeOwnHit(const P2C_AttrEntry *c, PyObject *obj)
{
    PyObject *dict = heap_class_dict((PyTypeObject *)obj);
    if (dict == NULL)
        return NULL;
    PyObject *v = P2C_Dict_HintValue(dict, c->index, c->value);
    return v != NULL && Py_TYPE(v)->tp_descr_get == NULL ? v : NULL;
}

/* Gives exact dict d, about to change, a version tag no dict has had, as
 * every change must (PEP 509: equal tags, equal contents; MODULE entries
 * and Cython's global caches compare them).  The interpreter's counter is
 * not exported: pyc2c counts its own tags in the upper half, which that
 * counter never reaches.  0 when the change must go through the dict's own
 * functions instead: a 3.12 dict with watchers, which hear of each change. */
static int
take_new_version(PyObject *d)
{
    static uint64_t *counter;   /* the interpreter's one, for every copy */
    if (P2C_Dict_Version(d) & P2C_DICT_WATCHER_BITS)
        return 0;
    if (counter == NULL)
        counter = P2C_Shared_DictVersions();
    *counter += P2C_DICT_VERSION_STEP;
    P2C_Dict_SetVersion(d, *counter);
    return 1;
}

/* STORE_ATTR_WITH_HINT: obj.name = value into the entry of obj's __dict__
 * that c remembers, when that entry still holds name with a value (a name
 * deleted or never set takes the generic path, which may add it), or on
 * 3.10 when it is the next value a split dict takes in its keys' order
 * (`self.y = y` after `self.x = x` in __init__: P2C_Dict_CanFillPending). */
int
P2C_AttrEntry_HintStore(const P2C_AttrEntry *c, PyObject *obj, PyObject *value)
{
    PyObject *dict = P2C_Instance_Dict(obj);
    if (dict == NULL || !PyDict_CheckExact(dict))
        return 0;
    PyObject **slot = P2C_Dict_HintSlot(dict, c->index, c->value);
    if (slot == NULL || (*slot == NULL && !P2C_Dict_CanFillPending(dict, c->index)))
        return 0;
    PyObject *old = *slot;
    if (old == value)   /* as insertdict: no change, no new version */
        return 1;
    if (!take_new_version(dict))
        return 0;
    /* what dictobject.c's MAINTAIN_TRACKING does: a dict of untracked
     * values is untracked until it holds one the collector may need */
    if (!PyObject_GC_IsTracked(dict) && PyObject_IS_GC(value)
        && (!PyTuple_CheckExact(value) || PyObject_GC_IsTracked(value)))
        PyObject_GC_Track(dict);
    *slot = Py_NewRef(value);
    if (old == NULL) {
        P2C_Dict_PendingFilled(dict);
        return 1;
    }
    Py_DECREF(old);   /* may run code: the store is complete */
    return 1;
}

/* Inlined where the *_DICT kinds are answered out of line (load_*_way);
 * the exported copy serves P2C_AttrEntry_Hit's callers. */
P2C_ALWAYS_INLINE int
instance_lacks_attr(PyObject *obj, PyObject *name)
{
    PyObject **dictptr = P2C_Instance_DictPtr(obj);
    return dictptr != NULL && (*dictptr == NULL || P2C_Dict_LacksStr(*dictptr, name));
}

int
P2C_Instance_LacksAttr(PyObject *obj, PyObject *name)
{
    return instance_lacks_attr(obj, name);
}

/* A class attribute or method (descr, borrowed, not NULL) of an instance
 * whose attributes live in a real dict, which lacks name now (the guard
 * checks that again each time). */
static int
fill_dict(P2C_AttrEntry *c, PyObject *obj, PyObject *name, PyObject *descr, int op,
          unsigned int version)
{
    bool is_method = Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR;
    bool plain = Py_TYPE(descr)->tp_descr_get == NULL;
    int kind = op == FOR_METHOD && is_method ? P2C_ATTR_METHOD_DICT
               : op != FOR_STORE && plain     ? P2C_ATTR_CLASS_DICT
                                              : P2C_ATTR_EMPTY;
    if (kind == P2C_ATTR_EMPTY || !P2C_Instance_LacksAttr(obj, name))
        return 0;
    if (!set_entry(c, kind, version, 0, descr))
        return 0;
    c->dict = name;
    return 1;
}

/* obj.name where descr (borrowed, may be NULL) is what the type's MRO has
 * for name, neither a data descriptor nor a slot: an instance value, or a
 * class attribute the instance does not shadow.  A store into values that
 * a __dict__ shares (3.13) goes through that dict's entry (a hint), as
 * 3.13's specialize_dict_access does not store into them either. */
static int
fill_instance(P2C_AttrEntry *c, PyObject *obj, PyTypeObject *tp, PyObject *name,
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
    /* Only a MANAGED_DICT instance has the words before it that hold its
     * values: another type's instance (a TextIOWrapper, with a dict at a
     * positive offset) may start right after its GC header, and reading
     * there is past the start of its memory block (ASan found it). */
    bool managed = P2C_Type_ManagesDict(tp);
    PyObject **values = !managed ? NULL
                        : op == FOR_STORE ? P2C_Instance_ValuesForStore(obj)
                                          : P2C_Instance_Values(obj);
    if (values == NULL) {
        if (managed && fill_hint(c, obj, name, version))
            return 1;
        if (op == FOR_STORE)
            return 0;
        return descr != NULL && fill_dict(c, obj, name, descr, op, version);
    }
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

/* A data descriptor whose type is static (property, getset and member
 * descriptors, _tuplegetter): its __get__ and __set__ slots cannot change,
 * so while the owner's version tag stands the descriptor stays a data
 * descriptor and wins over the instance's attributes.  A descriptor class
 * defined in Python may lose its __set__ without the owner noticing. */
static bool
is_static_data_descriptor(PyObject *descr)
{
    PyTypeObject *dt = Py_TYPE(descr);
    return !(dt->tp_flags & Py_TPFLAGS_HEAPTYPE) && dt->tp_descr_get != NULL;
}

/* Is descr (borrowed, may be NULL) an instance of a class that can still
 * change, such as one defined in Python?  Such a class can gain __get__ or
 * __set__ at any time (`Descriptor.__set__ = ...`), which changes what
 * obj.name means without changing the version tag of obj's type: no entry
 * is filled then, as CPython's specializer refuses (MUTABLE in
 * analyze_descriptor).  Builtin descriptor types are immutable. */
static bool
descr_class_may_change(PyObject *descr)
{
    return descr != NULL && !(Py_TYPE(descr)->tp_flags & Py_TPFLAGS_IMMUTABLETYPE);
}

/* A load from a module: its global, when ModuleType itself has nothing of
 * that name (module_getattro asks the type first). */
static int
fill_module(P2C_AttrEntry *c, PyObject *obj, PyObject *name)
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
 * no instance), when `type` has no attribute of that name.  A method load
 * of a classmethod wrapping a function (whose __get__ binds it to the class,
 * as cm_descr_get asks on every version) calls the function with the class
 * first instead. */
/* A plain value (no __get__) in heap class cls's own __dict__, as a
 * TYPE_OWN entry: type_getattro finds it first in cls's MRO, whatever the
 * class's version tag (the caller checked that `type` lacks the name). */
static int
fill_type_own(P2C_AttrEntry *c, PyTypeObject *cls, PyObject *name)
{
    PyObject *dict = heap_class_dict(cls);
    if (dict == NULL)
        return 0;
    Py_ssize_t ix = P2C_SharedKeys_Index((P2C_SharedKeys *)P2C_Dict_Keys(dict), name);
    PyObject *v = ix < 0 ? NULL : P2C_Dict_HintValue(dict, ix, name);
    if (v == NULL || Py_TYPE(v)->tp_descr_get != NULL)
        return 0;
    c->kind = P2C_ATTR_TYPE_OWN;
    c->version = 0;
    c->index = ix;
    c->value = name;
    return 1;
}

/* stale_type: the site's TYPE entry went stale (the class changed since),
 * so a value in the class's own dict is remembered by its entry there
 * (TYPE_OWN) rather than by a version tag the next store takes away. */
static int
fill_type(P2C_AttrEntry *c, PyObject *obj, PyObject *name, int op, bool stale_type)
{
    if (_PyType_Lookup(&PyType_Type, name) != NULL)
        return 0;
    PyTypeObject *cls = (PyTypeObject *)obj;
    if (stale_type && fill_type_own(c, cls, name))
        return 1;
    PyObject *descr = _PyType_Lookup(cls, name);
    if (descr == NULL || descr_class_may_change(descr))
        return 0;
    if (op == FOR_METHOD && Py_IS_TYPE(descr, &PyClassMethod_Type)) {
        PyObject *f = P2C_ClassMethod_Callable(descr);
        if (f == NULL || Py_TYPE(f)->tp_descr_get != PyFunction_Type.tp_descr_get)
            return 0;
        return set_entry(c, P2C_ATTR_TYPE_CLASSMETHOD, valid_version(cls), 0, descr);
    }
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    if (get != NULL && get != PyFunction_Type.tp_descr_get)
        return 0;
    return set_entry(c, P2C_ATTR_TYPE, valid_version(cls), 0, descr);
}

/* Describes obj.name for op in c, if a cheap guard can check it later.
 * 1 when filled, 0 when not (c then never hits). */
static int
fill(P2C_AttrEntry *c, PyObject *obj, PyObject *name, int op, bool stale_type)
{
    PyTypeObject *tp = Py_TYPE(obj);
    c->kind = P2C_ATTR_EMPTY;
    c->version = 0;
    if (!PyUnicode_CheckExact(name))
        return 0;
    if (op != FOR_STORE && tp == &PyModule_Type)
        return fill_module(c, obj, name);
    if (op != FOR_STORE && tp == &PyType_Type)
        return fill_type(c, obj, name, op, stale_type);
    if (op == FOR_STORE ? tp->tp_setattro != PyObject_GenericSetAttr
                        : tp->tp_getattro != PyObject_GenericGetAttr)
        return 0;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr_class_may_change(descr))
        return 0;
    unsigned int version = valid_version(tp);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        Py_ssize_t off = slot_offset(tp, descr, op);
        if (off >= 0)
            return set_entry(c, P2C_ATTR_SLOT, version, off, NULL);
        if (op == FOR_LOAD && is_static_data_descriptor(descr))
            return set_entry(c, P2C_ATTR_DESCR, version, 0, descr);
        return 0;
    }
    return fill_instance(c, obj, tp, name, descr, op, version);
}

/* Entries replaced after which a site counts as megamorphic: it keeps
 * its entries, and shapes it has no way for take the generic path,
 * refilling only every BACKOFF misses (a refill costs about what the
 * generic lookup does). */
#define MEGAMORPHIC 4

/* The way a new entry goes to: an empty one, else the next in turn. */
static P2C_AttrEntry *
way_for_new_entry(P2C_AttrCache *c)
{
    for (int w = 0; w < P2C_ATTR_WAYS; w++)
        if (c->e[w].kind == P2C_ATTR_EMPTY)
            return &c->e[w];
    if (c->evictions < UCHAR_MAX)
        c->evictions++;
    if (c->evictions > MEGAMORPHIC)
        c->backoff = BACKOFF;
    P2C_AttrEntry *e = &c->e[c->next];
    c->next = (unsigned char)((c->next + 1) % P2C_ATTR_WAYS);
    return e;
}

/* Describes obj.name in a way of c after a miss, unless c is backing off.
 * An entry whose guard failed for good (its type changed) is refilled in
 * place; a new shape takes a new way.  1 when filled. */
static int
refill(P2C_AttrCache *c, PyObject *obj, PyObject *name, int op)
{
    if (c->backoff > 0) {
        c->backoff--;
        return 0;
    }
    bool stale_type = false;
    for (int w = 0; w < P2C_ATTR_WAYS; w++)
        stale_type |= c->e[w].kind == P2C_ATTR_TYPE;   /* it missed: stale */
    P2C_AttrEntry fresh = {0};
    if (!fill(&fresh, obj, name, op, stale_type)) {
        c->backoff = BACKOFF;
        return 0;
    }
    P2C_AttrEntry *e = NULL;
    for (int w = 0; w < P2C_ATTR_WAYS && e == NULL; w++)
        if (c->e[w].kind == fresh.kind && c->e[w].version == fresh.version
            && fresh.kind != P2C_ATTR_MODULE)
            e = &c->e[w];        /* same type, new answer (e.g. a new index) */
    if (e == NULL)
        e = way_for_new_entry(c);
    *e = fresh;
    return 1;
}

/* Out-of-line answers in a row from the same later way after which its
 * entry moves to the first way. */
#define PROMOTE_STREAK 16

/* Where way w's entry is after it answered out of line: moved to the first
 * way, which the inline checks look at, when w answered the last
 * PROMOTE_STREAK out-of-line checks (the site has moved on to that shape:
 * its first entry went stale as the class changed, or its objects did).  A
 * site that keeps seeing several shapes does not swap on every access,
 * which cost more than the checks it saves (template's polymorphic
 * `node.render(...)`: 89 instructions an access, 36 without): its
 * out-of-line answers come from several ways, or it swaps once a streak. */
P2C_ALWAYS_INLINE int
note_later_way(P2C_AttrCache *c, int w)
{
    if (c->streak_way != w) {
        c->streak_way = (unsigned char)w;
        c->streak = 1;
        return w;
    }
    if (++c->streak < PROMOTE_STREAK)
        return w;
    P2C_AttrEntry first = c->e[0];
    c->e[0] = c->e[w];
    c->e[w] = first;
    c->streak = 0;
    return 0;
}

/* The entry of c that answers for obj, and its answer (borrowed), or NULL.
 * Inlined into each caller: it runs on every access the inline check does
 * not answer. */
P2C_ALWAYS_INLINE PyObject *
find(P2C_AttrCache *c, PyObject *obj, const P2C_AttrEntry **entry)
{
    for (int w = 0; w < P2C_ATTR_WAYS; w++) {
        PyObject *v = P2C_AttrEntry_Hit(&c->e[w], obj);
        if (v != NULL) {
            if (w > 0)
                w = note_later_way(c, w);
            *entry = &c->e[w];
            return v;
        }
    }
    return NULL;
}

/* A method load's answer from entry e: the callable, and obj as self for
 * an unbound method. */
static PyObject *
method_answer(unsigned char kind, PyObject *v, PyObject *obj, PyObject **self)
{
    *self = kind >= P2C_ATTR_METHOD ? Py_NewRef(obj) : NULL;
    return Py_NewRef(v);
}

#else   /* no caches for this target */

static int
refill(P2C_AttrCache *c, PyObject *obj, PyObject *name, int op)
{
    (void)c; (void)obj; (void)name; (void)op;
    return 0;
}

#endif

#if defined(P2C_ATTR_CACHES)
/* The DESCR entry of c that holds for obj's type: its descriptor
 * (borrowed), or NULL. */
static PyObject *
find_descr(const P2C_AttrCache *c, PyObject *obj)
{
    unsigned int version = Py_TYPE(obj)->tp_version_tag;
    for (int w = 0; w < P2C_ATTR_WAYS; w++)
        if (c->e[w].kind == P2C_ATTR_DESCR && c->e[w].version == version)
            return c->e[w].value;
    return NULL;
}

/* descr.__get__(obj, type(obj)), as _PyObject_GenericGetAttrWithDict calls
 * a data descriptor: held meanwhile, since __get__ may run code that
 * deletes it from the class. */
static PyObject *
call_descr(PyObject *descr, PyObject *obj)
{
    Py_INCREF(descr);
    PyObject *v = Py_TYPE(descr)->tp_descr_get(descr, obj, (PyObject *)Py_TYPE(obj));
    Py_DECREF(descr);
    return v;
}

/* The kinds find_plain leaves to load_*_way: an instance __dict__'s
 * (a probe of it) and a data descriptor's (a call). */
#define P2C_ATTR_KIND_IN(kind, mask) (((1u << (kind)) & (mask)) != 0)
#define NEEDS_CALL_KINDS \
    ((1u << P2C_ATTR_HINT) | (1u << P2C_ATTR_CLASS_DICT) \
     | (1u << P2C_ATTR_METHOD_DICT) | (1u << P2C_ATTR_DESCR))

/* The out-of-line entry points look first through the ways whose version
 * tag is obj's (P2C_AttrEntry_KeyOf: one compare skips the ways kept for
 * other types at a polymorphic site, richards' and deltablue's task and
 * constraint classes), answering the kinds checked without a call
 * themselves (P2C_AttrEntry_PlainHit: instance values, methods, class and
 * module attributes).  That loop is all they do before a tail call, so
 * that they save no registers: through find() and its prologue richards
 * paid 141 instructions an access.  A way of another kind (an instance __dict__'s)
 * or a data descriptor's is answered by *_way, everything else by
 * *_any_way. */
P2C_ALWAYS_INLINE PyObject *
find_plain(P2C_AttrCache *c, PyObject *obj, unsigned char *kind, int *other_way)
{
    unsigned int key = P2C_AttrEntry_KeyOf(obj);
    *other_way = -1;
    for (int w = 0; w < P2C_ATTR_WAYS; w++) {
        const P2C_AttrEntry *e = &c->e[w];
        if (e->version != key)
            continue;
        if (P2C_ATTR_KIND_IN(e->kind, NEEDS_CALL_KINDS)) {   /* before the switch */
            *other_way = w;
            return NULL;
        }
        PyObject *v = P2C_AttrEntry_PlainHit(e, obj);
        if (v != NULL) {
            *kind = e->kind;
            if (w > 0)
                note_later_way(c, w);   /* may swap e's entry away */
            return v;
        }
    }
    return NULL;
}

static P2C_NOINLINE PyObject *
load_attr_any_way(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    const P2C_AttrEntry *e;
    PyObject *v = find(c, obj, &e);
    if (v != NULL)
        return Py_NewRef(v);
    PyObject *descr = find_descr(c, obj);
    return descr != NULL ? call_descr(descr, obj) : P2C_LoadAttrSlow(c, obj, name);
}

static P2C_NOINLINE PyObject *
load_method_any_way(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
    const P2C_AttrEntry *e;
    PyObject *v = find(c, obj, &e);
    return v != NULL ? method_answer(e->kind, v, obj, self) : P2C_LoadMethodSlow(c, obj, name, self);
}

/* The answer of way w, whose version matched, or NULL: a kind that needs
 * a call to check. */
P2C_ALWAYS_INLINE PyObject *
hit_way(P2C_AttrCache *c, int w, PyObject *obj, unsigned char *kind)
{
    PyObject *v = P2C_AttrEntry_Hit(&c->e[w], obj);
    if (v != NULL) {
        *kind = c->e[w].kind;
        if (w > 0)
            note_later_way(c, w);
    }
    return v;
}

static P2C_NOINLINE PyObject *
load_attr_way(P2C_AttrCache *c, int w, PyObject *obj, PyObject *name)
{
    if (c->e[w].kind == P2C_ATTR_DESCR)   /* its version matched */
        return call_descr(c->e[w].value, obj);
    unsigned char kind;
    PyObject *v = hit_way(c, w, obj, &kind);
    return v != NULL ? Py_NewRef(v) : load_attr_any_way(c, obj, name);
}

static P2C_NOINLINE PyObject *
load_method_way(P2C_AttrCache *c, int w, PyObject *obj, PyObject *name, PyObject **self)
{
    const P2C_AttrEntry *e = &c->e[w];
    if (e->kind == P2C_ATTR_METHOD_DICT) {   /* go's Square.find(): the likeliest */
        if (!instance_lacks_attr(obj, e->dict))
            return load_method_any_way(c, obj, name, self);
        PyObject *v = e->value;
        if (w > 0)
            note_later_way(c, w);   /* may swap e's entry away */
        *self = Py_NewRef(obj);
        return Py_NewRef(v);
    }
    unsigned char kind;
    PyObject *v = hit_way(c, w, obj, &kind);
    return v != NULL ? method_answer(kind, v, obj, self)
                     : load_method_any_way(c, obj, name, self);
}

PyObject *
P2C_LoadAttrOther(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    unsigned char kind;
    int w;
    PyObject *v = find_plain(c, obj, &kind, &w);
    if (v != NULL)
        return Py_NewRef(v);
    return w >= 0 ? load_attr_way(c, w, obj, name) : load_attr_any_way(c, obj, name);
}

PyObject *
P2C_LoadMethodOther(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
    unsigned char kind;
    int w;
    PyObject *v = find_plain(c, obj, &kind, &w);
    if (v != NULL)
        return method_answer(kind, v, obj, self);
    return w >= 0 ? load_method_way(c, w, obj, name, self)
                  : load_method_any_way(c, obj, name, self);
}

PyObject *
P2C_PeekOther(P2C_AttrCache *c, PyObject *obj)
{
    const P2C_AttrEntry *e;
    return find(c, obj, &e);
}

PyObject *
P2C_PeekFillOther(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    const P2C_AttrEntry *e;
    PyObject *v = find(c, obj, &e);
    if (v != NULL || !refill(c, obj, name, FOR_LOAD))
        return v;
    v = find(c, obj, &e);
    if (v == NULL)   /* a kind only a call answers (a data descriptor's) */
        c->backoff = BACKOFF;
    return v;
}

int
P2C_StoreAttrOther(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject *value)
{
    for (int w = 1; w < P2C_ATTR_WAYS; w++)
        if (P2C_AttrEntry_Store(&c->e[w], obj, value))
            return 0;
    return P2C_StoreAttrSlow(c, obj, name, value);
}
#endif

PyObject *
P2C_LoadAttrSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
#if defined(P2C_ATTR_CACHES)
    const P2C_AttrEntry *e;
    if (refill(c, obj, name, FOR_LOAD)) {
        PyObject *v = find(c, obj, &e);
        if (v != NULL)
            return Py_NewRef(v);
        PyObject *descr = find_descr(c, obj);
        if (descr != NULL)
            return call_descr(descr, obj);
    }
#else
    refill(c, obj, name, FOR_LOAD);
#endif
    return PyObject_GetAttr(obj, name);
}

PyObject *
P2C_LoadMethodSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
#if defined(P2C_ATTR_CACHES)
    const P2C_AttrEntry *e;
    if (refill(c, obj, name, FOR_METHOD)) {
        PyObject *v = find(c, obj, &e);
        if (v != NULL)
            return method_answer(e->kind, v, obj, self);
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
