/* object311.h — where 3.11 keeps an object's attributes, for the attribute
 * caches (pyc2c/attrs.h): instances of classes with Py_TPFLAGS_MANAGED_DICT
 * keep their attribute values in an array ("values") laid out by the keys
 * their type shares among all its instances (ht_cached_keys), until
 * something asks for their __dict__, which then replaces the values.
 * Included through pyc2c/compat.h when P2C_INSTANCE_VALUES.  3.12 keeps
 * the same keys, values and dict entries; only where an instance points to
 * its values or its __dict__ differs (P2C_DICT_OR_VALUES_312).  3.13 keeps
 * them too, but lays the values out after the object head
 * (P2C_INLINE_VALUES_313: object313.h).
 *
 * Facts the caches rely on (Objects/dictobject.c, 3.11): shared keys only
 * grow (an entry, once added, keeps its index for the life of the keys, and
 * a deleted attribute is a NULL value), so an index found once stays right;
 * a type's ht_cached_keys never changes while the type lives.
 */
#ifndef PYC2C_COMPAT_OBJECT311_H
#define PYC2C_COMPAT_OBJECT311_H

#if defined(P2C_INLINE_VALUES_313)
#  include "core313.h"   /* the internal headers */
#elif defined(P2C_DICT_OR_VALUES_312)
#  include "core312.h"
#else
#  include "core311.h"
#endif

/* The keys shared by the instances of tp (a type with MANAGED_DICT). */
typedef PyDictKeysObject P2C_SharedKeys;

static inline P2C_SharedKeys *P2C_Type_SharedKeys(PyTypeObject *tp)
{
    return ((PyHeapTypeObject *)tp)->ht_cached_keys;
}

/* How many names the shared keys hold: it changes whenever one is added,
 * so "still n entries" means "still without the names it lacked". */
static inline Py_ssize_t P2C_SharedKeys_Count(P2C_SharedKeys *keys)
{
    return keys->dk_nentries;
}

/* Whether instances' attributes usually live in a real __dict__ (attrs.h
 * checks the *_DICT kinds inline then): not here, where a __dict__ is made
 * only when asked for; the *_DICT kinds stay out of line, sites smaller. */
#define P2C_INSTANCE_DICTS_USUAL 0

/* Whether instances of tp keep their attributes where P2C_Instance_Values
 * and P2C_Instance_Dict find them. */
static inline int P2C_Type_ManagesDict(PyTypeObject *tp)
{
    return (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) != 0;
}

#if defined(P2C_INLINE_VALUES_313)
#  include "object313.h"
#elif defined(P2C_DICT_OR_VALUES_312)
/* 3.12: one word, the third before the object (pycore_object.h's
 * _PyObject_DictOrValuesPointer), holds the __dict__ (or NULL) or, with
 * its low bit set, the address of the values minus one.  That header
 * cannot be included after Python.h outside the core. */
static inline char *P2C_Instance_DictOrValues(PyObject *obj)
{
    return ((char **)obj)[-3];
}

/* The inline values of obj (MANAGED_DICT), NULL once its __dict__ exists. */
static inline PyObject **P2C_Instance_Values(PyObject *obj)
{
    char *dv = P2C_Instance_DictOrValues(obj);
    return ((uintptr_t)dv & 1) ? ((PyDictValues *)(dv + 1))->values : NULL;
}

/* The __dict__ of obj (MANAGED_DICT) once it exists, else NULL. */
static inline PyObject *P2C_Instance_Dict(PyObject *obj)
{
    char *dv = P2C_Instance_DictOrValues(obj);
    return ((uintptr_t)dv & 1) ? NULL : (PyObject *)dv;
}
#else
/* The inline values of obj (MANAGED_DICT), NULL once its __dict__ exists.
 * Their pointer is the fourth word before the object (pycore_object.h's
 * _PyObject_ValuesPointer; that header cannot be included after Python.h
 * outside the core, it redeclares _PyObject_LookupSpecial). */
static inline PyObject **P2C_Instance_Values(PyObject *obj)
{
    PyDictValues *v = ((PyDictValues **)obj)[-4];
    return v ? v->values : NULL;
}

/* The __dict__ of obj (MANAGED_DICT) once it exists, else NULL: the word
 * before the values pointer (pycore_object.h's _PyObject_ManagedDictPointer). */
static inline PyObject *P2C_Instance_Dict(PyObject *obj)
{
    return ((PyObject **)obj)[-3];
}
#endif

#if !defined(P2C_INLINE_VALUES_313)
/* The values of obj when a store may go straight into them: whenever it
 * has values, since making its __dict__ takes them away (3.11, 3.12). */
static inline PyObject **P2C_Instance_ValuesForStore(PyObject *obj)
{
    return P2C_Instance_Values(obj);
}

/* After values[ix] went from NULL to a value: the attribute's place in
 * the instance's insertion order (what vars(obj) lists first), kept in the
 * bytes just before the values: the count of attributes set at [-2], the
 * indexes in order below it (_PyDictValues_AddToInsertionOrder's layout).
 * Written through an integer address: GCC's -Wstringop-overflow takes the
 * negative offsets from `values` for an overflow when the header's own
 * inline function is inlined into generated code. */
static inline void P2C_Instance_ValueAdded(PyObject **values, Py_ssize_t ix)
{
    uint8_t *count = (uint8_t *)((uintptr_t)values - 2);
    uint8_t n = (uint8_t)(*count + 1);
    *(uint8_t *)((uintptr_t)count - n) = (uint8_t)ix;
    *count = n;
}
#endif

/* Where the value of name sits in exact dict d when entry ix of its key
 * table holds name (identity: names are interned), else NULL; for a split
 * table (an instance's dict made from its values) the value sits in the
 * dict's values array.  An entry past the table's entries, or a table of
 * general keys, is a miss.  The value there may be NULL (deleted). */
static inline PyObject **P2C_Dict_HintSlot(PyObject *d, Py_ssize_t ix, PyObject *name)
{
    PyDictObject *mp = (PyDictObject *)d;
    PyDictKeysObject *dk = mp->ma_keys;
    if (ix >= dk->dk_nentries || !DK_IS_UNICODE(dk))
        return NULL;
    PyDictUnicodeEntry *e = &DK_UNICODE_ENTRIES(dk)[ix];
    if (e->me_key != name)
        return NULL;
    return mp->ma_values ? &mp->ma_values->values[ix] : &e->me_value;
}

/* The value of name in exact dict d at entry ix, as P2C_Dict_HintSlot
 * finds it (borrowed), or NULL. */
static inline PyObject *P2C_Dict_HintValue(PyObject *d, Py_ssize_t ix, PyObject *name)
{
    PyObject **slot = P2C_Dict_HintSlot(d, ix, name);
    return slot ? *slot : NULL;
}

/* Where obj's __dict__ pointer is when its attributes live in a real dict
 * (or will, once one is set): a MANAGED_DICT instance whose inline values
 * were given up for a dict (or were never made: a C base's tp_new such as
 * PyType_GenericNew does not make them), or a type with a positive
 * tp_dictoffset (exceptions, subclasses of most C types).  NULL otherwise,
 * among them an instance that still has inline values. */
static inline PyObject **P2C_Instance_DictPtr(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return P2C_Instance_Values(obj) ? NULL : &((PyObject **)obj)[-3];
    return tp->tp_dictoffset > 0 ? (PyObject **)((char *)obj + tp->tp_dictoffset) : NULL;
}

/* A dict lacking the value of a shared key takes the generic path here
 * (3.11 and 3.12 keep an insertion order beside split values): see
 * object310.h. */
static inline int P2C_Dict_CanFillPending(PyObject *d, Py_ssize_t ix)
{
    (void)d, (void)ix;
    return 0;
}

static inline void P2C_Dict_PendingFilled(PyObject *d)
{
    (void)d;
}

/* Entry i of the hash index of dk (dictobject.c's dictkeys_get_index):
 * an entry number, DKIX_EMPTY or DKIX_DUMMY. */
static inline Py_ssize_t P2C_DictKeys_Index(PyDictKeysObject *dk, size_t i)
{
    int log2size = DK_LOG_SIZE(dk);
    if (log2size < 8)
        return ((const int8_t *)dk->dk_indices)[i];
    if (log2size < 16)
        return ((const int16_t *)dk->dk_indices)[i];
    if (log2size >= 32)
        return ((const int64_t *)dk->dk_indices)[i];
    return ((const int32_t *)dk->dk_indices)[i];
}

/* 1 when exact dict d certainly lacks the interned str key name, 0 when it
 * has it or might: the probe sequence of dictobject.c, over a table of str
 * keys only (a table of general keys is a "might", since comparing with
 * them can run code).  A key of the same hash that is not name itself is a
 * "might" too, which spares comparing strings; so is a key a split table
 * shares whose value this dict lacks. */
static inline int P2C_Dict_LacksStr(PyObject *d, PyObject *name)
{
    if (!PyDict_CheckExact(d))
        return 0;
    PyDictKeysObject *dk = ((PyDictObject *)d)->ma_keys;
    if (!DK_IS_UNICODE(dk))
        return 0;
    Py_hash_t hash = ((PyASCIIObject *)name)->hash;
    size_t mask = (size_t)DK_SIZE(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = P2C_DictKeys_Index(dk, i);
        if (ix == DKIX_EMPTY)
            return 1;
        if (ix >= 0) {
            PyObject *key = DK_UNICODE_ENTRIES(dk)[ix].me_key;
            if (key == name || ((PyASCIIObject *)key)->hash == hash)
                return 0;
        }
        perturb >>= 5;   /* PERTURB_SHIFT */
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* A module's namespace (borrowed; obj an exact module). */
static inline PyObject *P2C_Module_Dict(PyObject *obj)
{
    return ((PyModuleObject *)obj)->md_dict;
}

/* The key table of an exact dict whose values live in it (a module's
 * namespace, builtins): global-name caches (runtime.h) remember an entry of
 * it.  An entry keeps its place while the table lives; deleting a name
 * clears its key and value; growing makes a new table. */
static inline void *P2C_Dict_Keys(PyObject *dict)
{
    return ((PyDictObject *)dict)->ma_keys;
}

static inline Py_ssize_t P2C_DictKeys_Count(void *keys)
{
    return ((PyDictKeysObject *)keys)->dk_nentries;
}

/* The value of entry ix of a table of str keys when that entry still holds
 * name (identity: names are interned), else NULL.  Borrowed. */
static inline PyObject *P2C_DictEntry(void *keys, Py_ssize_t ix, PyObject *name)
{
    PyDictKeysObject *dk = keys;
    PyDictUnicodeEntry *e = &DK_UNICODE_ENTRIES(dk)[ix];
    return e->me_key == name ? e->me_value : NULL;
}

/* Whether the entries of exact dict d can be read as above: a combined
 * table of str keys. */
static inline int P2C_Dict_HasUnicodeEntries(PyObject *d)
{
    PyDictObject *mp = (PyDictObject *)d;
    return mp->ma_values == NULL && DK_IS_UNICODE(mp->ma_keys);
}

/* The index of name (an exact str) in keys, or -1 (runtime/compat/object311.c). */
P2C_API Py_ssize_t P2C_SharedKeys_Index(P2C_SharedKeys *keys, PyObject *name);

#endif
