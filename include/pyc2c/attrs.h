/* attrs.h — attribute access with a cache at each site, as 3.11's
 * specializing interpreter does for LOAD_ATTR, LOAD_METHOD and STORE_ATTR.
 *
 * Every `obj.name` load, `obj.name(...)` method load and `obj.name = v`
 * store in generated code owns one P2C_AttrCache (a static array per
 * module).  The first execution looks at the object and its type and, when
 * the answer has a shape that can be checked cheaply later, remembers it:
 *
 *   VALUE         an instance attribute kept in the instance's inline values
 *                 at a known index (LOAD_ATTR_INSTANCE_VALUE)
 *   HINT          an instance attribute in the instance's __dict__ (made
 *                 when asked for, or when a class's instances outgrow
 *                 their shared keys), at a remembered entry whose key is
 *                 checked (LOAD_ATTR_WITH_HINT, STORE_ATTR_WITH_HINT)
 *   SLOT          a __slots__ member at a known offset (LOAD_ATTR_SLOT)
 *   CLASS         a plain class attribute (no __get__) that the instance
 *                 does not shadow; METHOD the same for a method, loaded
 *                 without a bound method (LOAD_METHOD_WITH_VALUES)
 *   CLASS_NODICT  / METHOD_NODICT: the same where instances have no
 *                 __dict__ at all (list.append: LOAD_METHOD_NO_DICT)
 *   CLASS_DICT    / METHOD_DICT: the same where the instance's attributes
 *                 live in a real dict (an exception, an instance of a
 *                 subclass of a C type, an object whose __dict__ was
 *                 asked for), checked to lack the name (3.11 does not
 *                 specialize these)
 *   DESCR         a data descriptor of a static type (property, a getset
 *                 or member descriptor, a named tuple's field): its
 *                 __get__ called directly, as the generic getattr would
 *                 (loads only, out of line; 3.11 specializes none of these,
 *                 3.12 properties)
 *   MODULE        a module's global (LOAD_ATTR_MODULE)
 *   TYPE          an attribute of a class object whose metaclass is `type`
 *                 (a plain value or a function, as type_getattro gives it)
 *   TYPE_CLASSMETHOD  a method load of a classmethod of such a class
 *                 (`Strength.stronger(a, b)`): its function, with the
 *                 class going first, instead of a bound method
 *   TYPE_OWN      a plain value in such a class's own __dict__, at a
 *                 remembered entry whose key is checked, for a site whose
 *                 TYPE entry went stale (`Counter.count += 1`: each store
 *                 into the class changes its version tag); no version
 *                 guard, since the class's own entry comes first in its MRO
 *                 and `type` itself cannot gain the name
 *
 * Each later execution checks its guard — the type's version tag (changed by
 * any change to the class or its bases, never reused), and for instances
 * that the name is still absent from their shared keys, or the module dict's
 * version tag — and on success does only the load or store.  On any miss
 * the generic operation runs (PyObject_GetAttr, _PyObject_GetMethod,
 * PyObject_SetAttr), so every result and every error is CPython's own.
 * Values in the cache are borrowed: the type's (or module's) dict holds them
 * while the guarded version stands.
 *
 * Without the target's instance layout (P2C_ATTR_CACHES, runtime/compat/
 * version.h: object311.h's, object313.h's or object310.h's accessors) the
 * cached operations are the generic ones.  On 3.10 (no inline values)
 * VALUE, CLASS and METHOD entries are never made: instances take HINT and
 * *_DICT.  Included by pyc2c/runtime.h.
 */
#ifndef PYC2C_ATTRS_H
#define PYC2C_ATTRS_H

enum {
    P2C_ATTR_EMPTY, P2C_ATTR_VALUE, P2C_ATTR_SLOT, P2C_ATTR_CLASS,
    P2C_ATTR_CLASS_NODICT, P2C_ATTR_MODULE, P2C_ATTR_TYPE, P2C_ATTR_HINT,
    P2C_ATTR_CLASS_DICT, P2C_ATTR_DESCR, P2C_ATTR_TYPE_OWN,
    /* the kinds whose value is an unbound method: obj goes first */
    P2C_ATTR_METHOD, P2C_ATTR_METHOD_NODICT, P2C_ATTR_METHOD_DICT,
    P2C_ATTR_TYPE_CLASSMETHOD
};

/* One shape a site has seen. */
typedef struct {
    unsigned int version;     /* tp_version_tag the entry holds for */
    unsigned char kind;       /* P2C_ATTR_*; EMPTY never hits */
    Py_ssize_t index;         /* VALUE: value index; SLOT: byte offset;
                                 CLASS, METHOD: the shared keys' count;
                                 HINT: the entry of the __dict__'s keys */
    PyObject *value;          /* borrowed: CLASS*, METHOD*, MODULE, TYPE;
                                 HINT, TYPE_OWN: the name (a constant) */
    PyObject *dict;           /* MODULE: the module's dict, and its version
                                 tag; *_DICT: the name (a constant) */
    uint64_t dict_version;    /* and its version tag */
} P2C_AttrEntry;

/* A site's cache: up to P2C_ATTR_WAYS shapes (a method of a base class
 * sees its subclasses' instances), the first checked inline. */
#define P2C_ATTR_WAYS 4
typedef struct {
    P2C_AttrEntry e[P2C_ATTR_WAYS];
    unsigned char backoff;    /* misses left before trying to fill again */
    unsigned char evictions;  /* entries replaced: a site seeing more shapes
                                 than it has ways backs off between refills */
    unsigned char next;       /* the way replaced next */
    unsigned char streak_way; /* the later way that answered the last     */
    unsigned char streak;     /* out-of-line checks, and how many in a row */
} P2C_AttrCache;

/* After the inline check of the first way's likeliest kind failed: every
 * way, then the generic operation (runtime/attrs.c). */
P2C_API PyObject *P2C_LoadAttrOther(P2C_AttrCache *c, PyObject *obj, PyObject *name);
P2C_API PyObject *P2C_LoadMethodOther(P2C_AttrCache *c, PyObject *obj, PyObject *name,
                                      PyObject **self);
P2C_API PyObject *P2C_PeekOther(P2C_AttrCache *c, PyObject *obj);
P2C_API int P2C_StoreAttrOther(P2C_AttrCache *c, PyObject *obj, PyObject *name,
                               PyObject *value);

/* The generic operations after a miss, which also (re)fill the cache. */
P2C_API PyObject *P2C_LoadAttrSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name);
P2C_API PyObject *P2C_LoadMethodSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name,
                                     PyObject **self);
P2C_API int P2C_StoreAttrSlow(P2C_AttrCache *c, PyObject *obj, PyObject *name,
                              PyObject *value);

#if defined(P2C_ATTR_CACHES)

/* Whether obj, whose type keeps attributes in a real __dict__, certainly
 * lacks name there (runtime/attrs.c; out of line, so that the switch below
 * stays small enough to inline). */
P2C_API int P2C_Instance_LacksAttr(PyObject *obj, PyObject *name);

/* What a HINT entry c says obj.name is, when its version matches (borrowed,
 * or NULL): the first way's check of the kind instances whose attributes
 * live in a real __dict__ need (pyperformance's go: 1.11x -> 1.21x against
 * taking every way's check out of line). */
P2C_API PyObject *P2C_AttrEntry_HintHit(const P2C_AttrEntry *c, PyObject *obj);

/* What a TYPE_OWN entry c says class obj's name is (borrowed, or NULL):
 * the plain value at c's entry of the class's own __dict__. */
P2C_API PyObject *P2C_AttrEntry_TypeOwnHit(const P2C_AttrEntry *c, PyObject *obj);

/* obj.name = value (borrowed) into the __dict__ entry a HINT entry c
 * remembers, when c's version matched: 1 when stored, 0 when not. */
P2C_API int P2C_AttrEntry_HintStore(const P2C_AttrEntry *c, PyObject *obj, PyObject *value);

/* What entry c says obj.name is when its kind is checked without a call
 * (borrowed; NULL, without an exception, when its guard fails or the
 * attribute is missing, or for the kinds P2C_AttrEntry_Hit adds).  Shared
 * by loads and method loads (a site is only ever one of them). */
P2C_ALWAYS_INLINE PyObject *
P2C_AttrEntry_PlainHit(const P2C_AttrEntry *c, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (c->kind == P2C_ATTR_VALUE) {   /* the likeliest, before the switch */
        if (tp->tp_version_tag != c->version)
            return NULL;
        PyObject **values = P2C_Instance_Values(obj);
        return values ? values[c->index] : NULL;
    }
    switch (c->kind) {
    case P2C_ATTR_SLOT:
        return tp->tp_version_tag == c->version
               ? *(PyObject **)((char *)obj + c->index) : NULL;
    case P2C_ATTR_CLASS:
    case P2C_ATTR_METHOD:
        if (tp->tp_version_tag != c->version || P2C_Instance_Values(obj) == NULL
            || P2C_SharedKeys_Count(P2C_Type_SharedKeys(tp)) != c->index)
            return NULL;
        return c->value;
    case P2C_ATTR_CLASS_NODICT:
    case P2C_ATTR_METHOD_NODICT:
        return tp->tp_version_tag == c->version ? c->value : NULL;
    case P2C_ATTR_MODULE:
        if (tp != &PyModule_Type || P2C_Module_Dict(obj) != c->dict
            || P2C_Dict_Version(c->dict) != c->dict_version)
            return NULL;
        return c->value;
    case P2C_ATTR_TYPE:
        if (tp != &PyType_Type || ((PyTypeObject *)obj)->tp_version_tag != c->version)
            return NULL;
        return c->value;
    case P2C_ATTR_TYPE_OWN:   /* out of line: a probe of the class's dict */
        return tp == &PyType_Type ? P2C_AttrEntry_TypeOwnHit(c, obj) : NULL;
    case P2C_ATTR_TYPE_CLASSMETHOD: {
        if (tp != &PyType_Type || ((PyTypeObject *)obj)->tp_version_tag != c->version)
            return NULL;
        /* read each time: classmethod.__init__ can replace it in place */
        PyObject *f = P2C_ClassMethod_Callable(c->value);
        return f != NULL && Py_TYPE(f)->tp_descr_get == PyFunction_Type.tp_descr_get
               ? f : NULL;
    }
    default:
        return NULL;
    }
}

/* The version tag an entry must have to answer for obj (a necessary
 * condition, checked on one compare before the entry's own guard): obj's
 * type's, or for a class object (TYPE*) its own, for a module (MODULE) 0.
 * A TYPE_OWN entry has 0, which a class whose tag a store took away has
 * too; after something gave it a new tag, the slower search of every way
 * (find) still asks the entry. */
P2C_ALWAYS_INLINE unsigned int
P2C_AttrEntry_KeyOf(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp == &PyType_Type)
        return ((PyTypeObject *)obj)->tp_version_tag;
    return tp == &PyModule_Type ? 0 : tp->tp_version_tag;
}

/* What the entry says obj.name is, every kind (borrowed; NULL, without an
 * exception, when its guard fails or the attribute is missing). */
P2C_ALWAYS_INLINE PyObject *
P2C_AttrEntry_Hit(const P2C_AttrEntry *c, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    switch (c->kind) {
    case P2C_ATTR_CLASS_DICT:
    case P2C_ATTR_METHOD_DICT:
        if (tp->tp_version_tag != c->version || !P2C_Instance_LacksAttr(obj, c->dict))
            return NULL;
        return c->value;
    case P2C_ATTR_HINT:
        return tp->tp_version_tag == c->version ? P2C_AttrEntry_HintHit(c, obj) : NULL;
    default:
        return P2C_AttrEntry_PlainHit(c, obj);
    }
}

/* obj.name when the site's cache answers it without running any code
 * (borrowed), else NULL, without an exception.  A load site's entry only
 * holds kinds that are plain reads (instance value, slot, class or module
 * value). */
/* The likeliest answers of a load site, checked inline in its first way:
 * an instance value or a slot (borrowed), or NULL.  (An empty or MODULE
 * entry has version 0, which a type without a tag also has: the kind test
 * rules those out.) */
P2C_ALWAYS_INLINE PyObject *
p2c_attr_value_hit(const P2C_AttrCache *cache, PyObject *obj)
{
    const P2C_AttrEntry *c = &cache->e[0];
    if (Py_TYPE(obj)->tp_version_tag != c->version)
        return NULL;
    if (c->kind == P2C_ATTR_VALUE) {
        PyObject **values = P2C_Instance_Values(obj);
        return values ? values[c->index] : NULL;
    }
    if (c->kind == P2C_ATTR_SLOT)
        return *(PyObject **)((char *)obj + c->index);
    if (c->kind == P2C_ATTR_HINT)   /* out of line: code size at every site */
        return P2C_AttrEntry_HintHit(c, obj);
    if (P2C_INSTANCE_DICTS_USUAL && c->kind == P2C_ATTR_CLASS_DICT)
        return P2C_Instance_LacksAttr(obj, c->dict) ? c->value : NULL;
    return NULL;
}

P2C_ALWAYS_INLINE PyObject *
P2C_LoadAttrPeek(P2C_AttrCache *c, PyObject *obj)
{
    if (obj == NULL)
        return NULL;
    PyObject *v = p2c_attr_value_hit(c, obj);
    return P2C_LIKELY(v != NULL) ? v : P2C_PeekOther(c, obj);
}

/* obj.name as the site's cache answers it without running any code
 * (borrowed), the cache filled first after a miss (filling only looks);
 * NULL, without an exception, when it cannot answer so.  The loads of a
 * small method's copy inlined at a call site (src/cgen/inline.c) use it:
 * they have no generic way of their own that would fill their caches. */
P2C_API PyObject *P2C_PeekFillOther(P2C_AttrCache *c, PyObject *obj, PyObject *name);

P2C_ALWAYS_INLINE PyObject *
P2C_LoadAttrPeekFill(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    PyObject *v = p2c_attr_value_hit(c, obj);
    return P2C_LIKELY(v != NULL) ? v : P2C_PeekFillOther(c, obj, name);
}

/* LOAD_ATTR: obj.name, a new reference, or NULL with an exception. */
P2C_ALWAYS_INLINE PyObject *
P2C_LoadAttrAt(P2C_AttrCache *c, PyObject *obj, PyObject *name, P2C_Frame *f, int site)
{
    PyObject *v = p2c_attr_value_hit(c, obj);
    if (P2C_LIKELY(v != NULL))
        return Py_NewRef(v);
    p2c_site_before_slow_way(f, site);
    return P2C_LoadAttrOther(c, obj, name);
}
#define P2C_LoadAttrCached(c, obj, name) P2C_LoadAttrAt((c), (obj), (name), NULL, 0)

/* LOAD_METHOD as P2C_LoadMethod (runtime.h): the callable (new), and in
 * *self a new reference to obj when the callable is an unbound method to
 * be called with obj first, else NULL.  The likeliest kinds, a method of an
 * instance with inline values or of a type without instance dicts, are
 * checked inline in the first way; where instances usually keep a real
 * __dict__ (3.10), a method of such an instance too. */
P2C_ALWAYS_INLINE PyObject *
P2C_LoadMethodAt(P2C_AttrCache *cache, PyObject *obj, PyObject *name, PyObject **self,
                 P2C_Frame *f, int site)
{
    const P2C_AttrEntry *c = &cache->e[0];
    PyTypeObject *tp = Py_TYPE(obj);
    if (P2C_LIKELY(tp->tp_version_tag == c->version)
        && ((c->kind == P2C_ATTR_METHOD && P2C_Instance_Values(obj) != NULL
             && P2C_SharedKeys_Count(P2C_Type_SharedKeys(tp)) == c->index)
            || c->kind == P2C_ATTR_METHOD_NODICT
            || (P2C_INSTANCE_DICTS_USUAL && c->kind == P2C_ATTR_METHOD_DICT
                && P2C_Instance_LacksAttr(obj, c->dict)))) {
        *self = Py_NewRef(obj);
        return Py_NewRef(c->value);
    }
    p2c_site_before_slow_way(f, site);
    return P2C_LoadMethodOther(cache, obj, name, self);
}
#define P2C_LoadMethodCached(c, obj, name, self) \
    P2C_LoadMethodAt((c), (obj), (name), (self), NULL, 0)

/* The same at a site whose object is a global name (`Direction.NONE`,
 * `Strength.stronger(a, b)`, `random.random()`): usually a class or a
 * module, whose entries (TYPE*, MODULE) the first way's inline check above
 * never answers.  Checked inline first here, for exactly `type` or a
 * module; anything else is the usual site's. */
P2C_ALWAYS_INLINE PyObject *
p2c_attr_global_hit(const P2C_AttrEntry *c, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp == &PyType_Type)
        return c->kind == P2C_ATTR_TYPE
               && ((PyTypeObject *)obj)->tp_version_tag == c->version ? c->value : NULL;
    if (tp == &PyModule_Type)
        return c->kind == P2C_ATTR_MODULE && P2C_Module_Dict(obj) == c->dict
               && P2C_Dict_Version(c->dict) == c->dict_version ? c->value : NULL;
    return NULL;
}

P2C_ALWAYS_INLINE PyObject *
P2C_LoadAttrOfGlobalAt(P2C_AttrCache *c, PyObject *obj, PyObject *name, P2C_Frame *f,
                       int site)
{
    PyObject *v = p2c_attr_global_hit(&c->e[0], obj);
    return v != NULL ? Py_NewRef(v) : P2C_LoadAttrAt(c, obj, name, f, site);
}
#define P2C_LoadAttrCachedOfGlobal(c, obj, name) \
    P2C_LoadAttrOfGlobalAt((c), (obj), (name), NULL, 0)

/* A method load there: a class's function or a module's global (no self),
 * or a class's classmethod (the class first). */
P2C_ALWAYS_INLINE PyObject *
P2C_LoadMethodOfGlobalAt(P2C_AttrCache *cache, PyObject *obj, PyObject *name,
                         PyObject **self, P2C_Frame *f, int site)
{
    const P2C_AttrEntry *c = &cache->e[0];
    PyObject *v = p2c_attr_global_hit(c, obj);
    if (v != NULL) {
        *self = NULL;
        return Py_NewRef(v);
    }
    if (c->kind == P2C_ATTR_TYPE_CLASSMETHOD && Py_TYPE(obj) == &PyType_Type) {
        v = P2C_AttrEntry_PlainHit(c, obj);
        if (v != NULL) {
            *self = Py_NewRef(obj);
            return Py_NewRef(v);
        }
    }
    return P2C_LoadMethodAt(cache, obj, name, self, f, site);
}
#define P2C_LoadMethodCachedOfGlobal(c, obj, name, self) \
    P2C_LoadMethodOfGlobalAt((c), (obj), (name), (self), NULL, 0)

/* obj.name = value (borrowed) as entry c says, when it holds for obj: 1
 * when stored, 0 when not (nothing done).  A store site's entries are only
 * ever VALUE, SLOT or HINT, filled for stores.  Values a __dict__ shares
 * (3.13) are not stored into here: that dict's version must change. */
P2C_ALWAYS_INLINE int
P2C_AttrEntry_Store(const P2C_AttrEntry *c, PyObject *obj, PyObject *value)
{
    if (Py_TYPE(obj)->tp_version_tag != c->version)
        return 0;
    PyObject **p, *old;
    if (c->kind == P2C_ATTR_VALUE) {
        PyObject **values = P2C_Instance_ValuesForStore(obj);
        if (values == NULL)
            return 0;
        p = &values[c->index];
        if (*p == NULL) {
            *p = Py_NewRef(value);
            P2C_Instance_ValueAdded(values, c->index);
            return 1;
        }
    } else if (c->kind == P2C_ATTR_SLOT) {
        p = (PyObject **)((char *)obj + c->index);
    } else if (c->kind == P2C_ATTR_HINT) {   /* out of line: code size */
        return P2C_AttrEntry_HintStore(c, obj, value);
    } else {
        return 0;
    }
    old = *p;
    *p = Py_NewRef(value);
    Py_XDECREF(old);
    return 1;
}

/* The place a fused store (src/cgen/numeric.c) writes a number into:
 * where a store through cache's first entry puts its value, when that
 * entry holds for obj and stores directly (an instance value, a slot), and
 * the old value there is absent or can be released without running code
 * (an exact int or float).  Else NULL.  *values: the instance's values
 * when the place is one of them (an absent one's insertion order is
 * recorded when it is filled), else NULL. */
P2C_ALWAYS_INLINE PyObject **
p2c_attr_number_place(P2C_AttrCache *cache, PyObject *obj, PyObject ***values)
{
    const P2C_AttrEntry *c = &cache->e[0];
    PyObject **p;
    *values = NULL;
    if (Py_TYPE(obj)->tp_version_tag != c->version)
        return NULL;
    if (c->kind == P2C_ATTR_VALUE) {
        *values = P2C_Instance_ValuesForStore(obj);
        if (*values == NULL)
            return NULL;
        p = &(*values)[c->index];
    } else if (c->kind == P2C_ATTR_SLOT) {
        p = (PyObject **)((char *)obj + c->index);
    } else {
        return NULL;
    }
    return P2C_Num_Replaceable(*p) ? p : NULL;
}

/* Puts box (new, or NULL when boxing failed) at p, found by
 * p2c_attr_number_place: 1, or 0 with no exception when box is NULL. */
P2C_ALWAYS_INLINE int
p2c_attr_number_put(P2C_AttrCache *cache, PyObject **values, PyObject **p, PyObject *box)
{
    if (box == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *old = *p;
    *p = box;
    if (old != NULL)
        Py_DECREF(old);   /* an exact int or float: runs no code */
    else if (values != NULL)
        P2C_Instance_ValueAdded(values, cache->e[0].index);
    return 1;
}

/* obj.name = v, a float computed in C, through cache: 1 when stored; 0
 * when the entry does not hold for obj, the old value is not a number, or
 * boxing failed — nothing done, no exception: the generic store follows.
 * A float only the attribute holds gets v written into it (no box). */
P2C_ALWAYS_INLINE int
P2C_AttrStoreFloat(P2C_AttrCache *cache, PyObject *obj, double v)
{
    PyObject **values, **p = p2c_attr_number_place(cache, obj, &values);
    if (p == NULL)
        return 0;
    if (P2C_Float_InPlace(*p)) {
        P2C_Float_Reset(*p, v);
        return 1;
    }
    return p2c_attr_number_put(cache, values, p, PyFloat_FromDouble(v));
}

/* The same for an int or a float (P2C_Num). */
P2C_ALWAYS_INLINE int
P2C_AttrStoreNum(P2C_AttrCache *cache, PyObject *obj, P2C_Num n)
{
    PyObject **values, **p = p2c_attr_number_place(cache, obj, &values);
    if (p == NULL)
        return 0;
    if (P2C_Num_InPlace(*p, n)) {
        P2C_Float_Reset(*p, n.f);
        return 1;
    }
    return p2c_attr_number_put(cache, values, p, P2C_Num_Box(n));
}

/* STORE_ATTR: obj.name = value (borrowed).  0, or -1 with an exception. */
P2C_ALWAYS_INLINE int
P2C_StoreAttrCached(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject *value)
{
    if (P2C_LIKELY(P2C_AttrEntry_Store(&c->e[0], obj, value)))
        return 0;
    return P2C_StoreAttrOther(c, obj, name, value);
}

#else   /* no caches for this target: the generic operations */

static inline PyObject *
P2C_LoadAttrPeek(P2C_AttrCache *c, PyObject *obj)
{
    (void)c; (void)obj;
    return NULL;
}

static inline PyObject *
P2C_LoadAttrPeekFill(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    (void)c; (void)obj; (void)name;
    return NULL;
}

static inline PyObject *
P2C_LoadAttrCached(P2C_AttrCache *c, PyObject *obj, PyObject *name)
{
    return P2C_LoadAttrSlow(c, obj, name);
}
static inline PyObject *
P2C_LoadMethodCached(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject **self)
{
    return P2C_LoadMethodSlow(c, obj, name, self);
}
#define P2C_LoadAttrCachedOfGlobal P2C_LoadAttrCached
#define P2C_LoadMethodCachedOfGlobal P2C_LoadMethodCached
/* every load takes the slow way, which may run code: the site first */
#define P2C_LoadAttrAt(c, obj, name, f, site) \
    (p2c_site_before_slow_way((f), (site)), P2C_LoadAttrCached((c), (obj), (name)))
#define P2C_LoadAttrOfGlobalAt P2C_LoadAttrAt
#define P2C_LoadMethodAt(c, obj, name, self, f, site) \
    (p2c_site_before_slow_way((f), (site)), \
     P2C_LoadMethodCached((c), (obj), (name), (self)))
#define P2C_LoadMethodOfGlobalAt P2C_LoadMethodAt

static inline int
P2C_StoreAttrCached(P2C_AttrCache *c, PyObject *obj, PyObject *name, PyObject *value)
{
    return P2C_StoreAttrSlow(c, obj, name, value);
}

static inline int
P2C_AttrStoreFloat(P2C_AttrCache *c, PyObject *obj, double v)
{
    (void)c; (void)obj; (void)v;
    return 0;
}

static inline int
P2C_AttrStoreNum(P2C_AttrCache *c, PyObject *obj, P2C_Num n)
{
    (void)c; (void)obj; (void)n;
    return 0;
}

#endif

#endif
