/* object311.c — looking a name up in 3.11's shared keys (object311.h).
 * _PyDictKeys_StringLookup does this but is not exported by libpython. */
#include "../internal.h"

#if defined(P2C_INSTANCE_VALUES_311)

/* A linear scan: shared keys hold at most SHARED_KEYS_MAX_SIZE (30) names,
 * and this runs only when a cache is filled.  Names are interned, so
 * identity almost always decides; equality covers the rest. */
Py_ssize_t
P2C_SharedKeys_Index(P2C_SharedKeys *keys, PyObject *name)
{
    if (keys == NULL || !DK_IS_UNICODE(keys))
        return -1;
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    Py_ssize_t n = keys->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++)
        if (entries[i].me_key == name)
            return i;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = entries[i].me_key;
        if (k != NULL && PyUnicode_CheckExact(k) && _PyUnicode_EQ(k, name))
            return i;
    }
    return -1;
}

#endif
