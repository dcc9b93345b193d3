/* object310.h — where 3.10 keeps an object's attributes and a module's
 * names, for the attribute caches (pyc2c/attrs.h) and the global-name
 * caches (runtime.h): the accessors object311.h gives for 3.11 and 3.12,
 * over 3.10's layout.  Included through pyc2c/compat.h when
 * P2C_DICT_LAYOUT_310.
 *
 * 3.10 has no inline values: an instance's attributes live in a real
 * __dict__ at tp_dictoffset, often a split dict whose keys its class
 * shares among its instances (ht_cached_keys, which 3.10 may replace or
 * drop: the caches never rely on it).  P2C_Instance_Values is always NULL
 * here, so the kinds that need values (VALUE, CLASS, METHOD) are never
 * filled; instance attributes take the HINT kind, class attributes and
 * methods seen through an instance the *_DICT kinds (the name checked
 * absent from the instance's __dict__ on every access).
 *
 * The key table (Objects/dict-common.h, 3.10; not in any installed
 * header) is laid out as P2C_DictKeys310 below: its hash index of dk_size
 * slots, each 1, 2, 4 or 8 bytes wide by dk_size, then the entries
 * (hash, key, value).  Facts the caches rely on (Objects/dictobject.c,
 * 3.10): an entry keeps its index while its table lives (new keys are
 * appended; a deletion clears the entry's key and value; a resize makes a
 * new table); a split table's values sit in the dict's ma_values at the
 * entry's index; a split dict refuses deletion (it becomes combined).
 * Checked by tests/programs/attr_cache310.py.
 */
#ifndef PYC2C_COMPAT_OBJECT310_H
#define PYC2C_COMPAT_OBJECT310_H

/* An entry of a 3.10 key table (PyDictKeyEntry). */
typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;
    PyObject *me_value;   /* combined tables only */
} P2C_DictEntry310;

/* A 3.10 key table (struct _dictkeysobject). */
typedef struct {
    Py_ssize_t dk_refcnt;
    Py_ssize_t dk_size;        /* slots of the hash index, a power of 2 */
    void *dk_lookup;
    Py_ssize_t dk_usable;
    Py_ssize_t dk_nentries;
    char dk_indices[];         /* then the entries */
} P2C_DictKeys310;

#define P2C_DKIX_EMPTY (-1)

/* The width of one slot of dk's hash index (dict-common.h's DK_IXSIZE). */
static inline Py_ssize_t P2C_DictKeys310_IndexWidth(const P2C_DictKeys310 *dk)
{
    return dk->dk_size <= 0xff ? 1 : dk->dk_size <= 0xffff ? 2
           : dk->dk_size <= 0xffffffff ? 4 : 8;
}

static inline P2C_DictEntry310 *P2C_DictKeys310_Entries(P2C_DictKeys310 *dk)
{
    return (P2C_DictEntry310 *)(dk->dk_indices
                                + dk->dk_size * P2C_DictKeys310_IndexWidth(dk));
}

/* A key table; "shared keys" on 3.11, any table here (the scan by
 * identity of runtime/compat/object310.c reads either kind). */
typedef P2C_DictKeys310 P2C_SharedKeys;

static inline P2C_SharedKeys *P2C_Type_SharedKeys(PyTypeObject *tp)
{
    return (P2C_SharedKeys *)((PyHeapTypeObject *)tp)->ht_cached_keys;
}

static inline Py_ssize_t P2C_SharedKeys_Count(P2C_SharedKeys *keys)
{
    return keys->dk_nentries;
}

/* Whether instances of tp keep their attributes where P2C_Instance_Dict
 * finds them (3.11's MANAGED_DICT): a __dict__ at a fixed offset. */
static inline int P2C_Type_ManagesDict(PyTypeObject *tp)
{
    return tp->tp_dictoffset > 0;
}

/* Whether instances' attributes usually live in a real __dict__, so that
 * the first way of a site checks the *_DICT kinds inline too (attrs.h):
 * on 3.10 every instance of a class defined in Python. */
#define P2C_INSTANCE_DICTS_USUAL 1

/* 3.10 instances have no inline values. */
static inline PyObject **P2C_Instance_Values(PyObject *obj)
{
    (void)obj;
    return NULL;
}

/* Nor values to store into. */
static inline PyObject **P2C_Instance_ValuesForStore(PyObject *obj)
{
    (void)obj;
    return NULL;
}

/* Never called (no values); declared for the shared store path. */
static inline void P2C_Instance_ValueAdded(PyObject **values, Py_ssize_t ix)
{
    (void)values, (void)ix;
}

/* Where obj's __dict__ pointer is (a fixed, positive tp_dictoffset), or
 * NULL: no instance dict, or one at a negative offset (subclasses of
 * variable-sized types), which the caches leave to the generic path. */
static inline PyObject **P2C_Instance_DictPtr(PyObject *obj)
{
    Py_ssize_t off = Py_TYPE(obj)->tp_dictoffset;
    return off > 0 ? (PyObject **)((char *)obj + off) : NULL;
}

/* The __dict__ of obj once it exists, else NULL. */
static inline PyObject *P2C_Instance_Dict(PyObject *obj)
{
    PyObject **p = P2C_Instance_DictPtr(obj);
    return p ? *p : NULL;
}

/* The key table of an exact dict. */
static inline void *P2C_Dict_Keys(PyObject *dict)
{
    return ((PyDictObject *)dict)->ma_keys;
}

static inline Py_ssize_t P2C_DictKeys_Count(void *keys)
{
    return ((P2C_DictKeys310 *)keys)->dk_nentries;
}

/* Where the value of name sits in exact dict d when entry ix of its key
 * table holds name (identity: names are interned), else NULL: in the
 * dict's ma_values for a split table, in the entry for a combined one.
 * The value there may be NULL (a split dict that lacks it). */
static inline PyObject **P2C_Dict_HintSlot(PyObject *d, Py_ssize_t ix, PyObject *name)
{
    PyDictObject *mp = (PyDictObject *)d;
    P2C_DictKeys310 *dk = (P2C_DictKeys310 *)mp->ma_keys;
    if (ix >= dk->dk_nentries)
        return NULL;
    P2C_DictEntry310 *e = &P2C_DictKeys310_Entries(dk)[ix];
    if (e->me_key != name)
        return NULL;
    return mp->ma_values ? &mp->ma_values[ix] : &e->me_value;
}

static inline PyObject *P2C_Dict_HintValue(PyObject *d, Py_ssize_t ix, PyObject *name)
{
    PyObject **slot = P2C_Dict_HintSlot(d, ix, name);
    return slot ? *slot : NULL;
}

/* Whether exact dict d, whose entry ix holds a key it has no value for,
 * may take one there in place: a split dict whose values are filled in
 * its shared keys' order up to ix (3.10's insertdict fills a split dict's
 * values only in that order, counting them in ma_used; any other order
 * makes the dict combined).  P2C_Dict_PendingFilled counts the value. */
static inline int P2C_Dict_CanFillPending(PyObject *d, Py_ssize_t ix)
{
    PyDictObject *mp = (PyDictObject *)d;
    return mp->ma_values != NULL && ix == mp->ma_used;
}

static inline void P2C_Dict_PendingFilled(PyObject *d)
{
    ((PyDictObject *)d)->ma_used++;
}

/* Slot i of dk's hash index: an entry number, or negative (empty: -1,
 * a deleted entry: -2). */
static inline Py_ssize_t P2C_DictKeys310_Slot(P2C_DictKeys310 *dk, size_t i)
{
    switch (P2C_DictKeys310_IndexWidth(dk)) {
    case 1:
        return ((const int8_t *)dk->dk_indices)[i];
    case 2:
        return ((const int16_t *)dk->dk_indices)[i];
    case 4:
        return ((const int32_t *)dk->dk_indices)[i];
    default:
        return ((const int64_t *)dk->dk_indices)[i];
    }
}

/* 1 when exact dict d certainly lacks the interned str key name, 0 when it
 * has it or might: the probe sequence of dictobject.c.  3.10's entries keep
 * each key's hash, and a lookup compares only keys of equal hash, so any
 * table can be probed: an entry of name's hash (name itself, an equal str,
 * or any key that might compare equal) is a "might". */
static inline int P2C_Dict_LacksStr(PyObject *d, PyObject *name)
{
    if (!PyDict_CheckExact(d))
        return 0;
    Py_hash_t hash = ((PyASCIIObject *)name)->hash;
    if (hash == -1)
        return 0;
    P2C_DictKeys310 *dk = (P2C_DictKeys310 *)((PyDictObject *)d)->ma_keys;
    P2C_DictEntry310 *entries = P2C_DictKeys310_Entries(dk);
    size_t mask = (size_t)dk->dk_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = P2C_DictKeys310_Slot(dk, i);
        if (ix == P2C_DKIX_EMPTY)
            return 1;
        if (ix >= 0 && entries[ix].me_hash == hash)
            return 0;
        perturb >>= 5;   /* PERTURB_SHIFT */
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* A module's namespace (borrowed; obj an exact module), read through
 * the object head then md_dict of moduleobject.c's layout (3.10's header
 * of it needs Py_BUILD_CORE). */
typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
} P2C_ModuleLayout;

static inline PyObject *P2C_Module_Dict(PyObject *obj)
{
    return ((P2C_ModuleLayout *)obj)->md_dict;
}

/* The value of entry ix of a combined key table when that entry still
 * holds name (identity), else NULL.  Borrowed.  An index at or past the
 * table's entries (popitem takes the last one back) is a miss. */
static inline PyObject *P2C_DictEntry(void *keys, Py_ssize_t ix, PyObject *name)
{
    P2C_DictKeys310 *dk = keys;
    P2C_DictEntry310 *e = &P2C_DictKeys310_Entries(dk)[ix];
    return ix < dk->dk_nentries && e->me_key == name ? e->me_value : NULL;
}

/* Whether the entries of exact dict d hold its values (a combined table;
 * 3.10 tables of any keys: the caches compare keys by identity). */
static inline int P2C_Dict_HasUnicodeEntries(PyObject *d)
{
    return ((PyDictObject *)d)->ma_values == NULL;
}

/* The index of name (an exact str) in keys, or -1 (runtime/compat/object310.c). */
P2C_API Py_ssize_t P2C_SharedKeys_Index(P2C_SharedKeys *keys, PyObject *name);

#endif
