/* object311.c — looking a name up in 3.11's shared keys (object311.h).
 * _PyDictKeys_StringLookup does this but is not exported by libpython. */
#include "../internal.h"

#if defined(P2C_INSTANCE_VALUES)

/* A linear scan by identity: this runs only when a cache is filled, and
 * the caches compare keys by identity when they hit, so a key that is only
 * equal (a str not interned) could never be used anyway.  Instance
 * attribute names are always interned (PyObject_SetAttr interns them), as
 * are the names in generated code. */
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
    return -1;
}

#endif
