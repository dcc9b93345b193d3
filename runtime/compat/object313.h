/* object313.h — where 3.13 keeps an instance's attributes, for the
 * attribute caches (pyc2c/attrs.h).  Included by object311.h in place of
 * its 3.11 and 3.12 layouts when P2C_INLINE_VALUES_313; the rest of
 * object311.h (shared keys, dict entries, hints) holds for 3.13 as it is.
 *
 * 3.13 (Include/internal/pycore_object.h, Objects/dictobject.c):
 *
 * - A class whose instances are a bare object head (tp_basicsize ==
 *   sizeof(PyObject), no items) and have a __dict__ gets
 *   Py_TPFLAGS_INLINE_VALUES: the values (a PyDictValues: capacity, size,
 *   embedded, valid, then the values, then the insertion order, one byte an
 *   attribute) are laid out right after the head, laid out by the keys the
 *   class shares (ht_cached_keys).  Other MANAGED_DICT classes (with
 *   __slots__ beside __dict__, subclasses of list...) have no inline values,
 *   only the dict.
 * - The managed dict pointer is the third word before the object, NULL
 *   until something asks for __dict__.  A dict made from valid inline values
 *   shares them (its ma_values are the inline values): the values stay
 *   valid and the instance's attributes are in both at once.
 * - `valid` drops to 0 when the values are given up for good (the dict
 *   outgrew the shared keys, __dict__ was replaced): the managed dict then
 *   holds the attributes.
 *
 * So the guards of 3.13's specialized instructions: LOAD_ATTR_INSTANCE_VALUE
 * needs `valid` (_CHECK_MANAGED_OBJECT_HAS_VALUES); STORE_ATTR_INSTANCE_VALUE
 * needs `valid` and no managed dict (_GUARD_DORV_NO_DICT), since a store
 * into values a dict shares must give that dict a new version; the method
 * and class-attribute loads need `valid` (_GUARD_DORV_VALUES_INST_ATTR_FROM_DICT);
 * LOAD_ATTR_WITH_HINT reads the managed dict.
 *
 * Values are indexed by the shared keys' entries; an instance's capacity is
 * the keys' entries plus their room when it was made, and the keys gain an
 * entry only by using that room (each new instance also takes one unit of
 * room away, _PyObject_InitInlineValues), so every index below the keys'
 * current entry count is inside every live instance's values.
 */
#ifndef PYC2C_COMPAT_OBJECT313_H
#define PYC2C_COMPAT_OBJECT313_H

#include <stddef.h>

#ifdef Py_GIL_DISABLED
#  error "object313.h reads the default build's layout (the managed dict's place differs)"
#endif

/* obj's inline values (the header; obj's type has INLINE_VALUES). */
static inline PyDictValues *P2C_Instance_InlineValues(PyObject *obj)
{
    return (PyDictValues *)((char *)obj + sizeof(PyObject));
}

/* The values of obj (of a MANAGED_DICT type) when they hold its attributes,
 * else NULL: no inline values in its type, or given up for a dict. */
static inline PyObject **P2C_Instance_Values(PyObject *obj)
{
    if (!(Py_TYPE(obj)->tp_flags & Py_TPFLAGS_INLINE_VALUES))
        return NULL;
    PyDictValues *v = P2C_Instance_InlineValues(obj);
    return v->valid ? v->values : NULL;
}

/* The __dict__ of obj (MANAGED_DICT) once it exists, else NULL.  It may
 * share the inline values (above). */
static inline PyObject *P2C_Instance_Dict(PyObject *obj)
{
    return ((PyObject **)obj)[-3];
}

/* The values of obj as P2C_Instance_Values, when a store may go straight
 * into them: no dict shares them, whose version a store must change. */
static inline PyObject **P2C_Instance_ValuesForStore(PyObject *obj)
{
    PyObject **values = P2C_Instance_Values(obj);
    return values != NULL && P2C_Instance_Dict(obj) == NULL ? values : NULL;
}

/* After values[ix] went from NULL to a value: the attribute's place in the
 * instance's insertion order (what vars(obj) lists first), the byte after
 * the last value at the header's count (_PyDictValues_AddToInsertionOrder's
 * layout).  Written through an integer address: the header declares one
 * value, GCC would take the bytes past it for an overflow. */
static inline void P2C_Instance_ValueAdded(PyObject **values, Py_ssize_t ix)
{
    PyDictValues *v = (PyDictValues *)((uintptr_t)values - offsetof(PyDictValues, values));
    uintptr_t order = (uintptr_t)values + (uintptr_t)v->capacity * sizeof(PyObject *);
    *(uint8_t *)(order + v->size) = (uint8_t)ix;
    v->size++;
}

#endif
