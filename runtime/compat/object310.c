/* object310.c — looking a name up in a 3.10 key table (object310.h). */
#include "../internal.h"

#if defined(P2C_DICT_LAYOUT_310)

/* A linear scan by identity, as object311.c's: it runs only when a cache
 * is filled, and the caches compare keys by identity when they hit. */
Py_ssize_t
P2C_SharedKeys_Index(P2C_SharedKeys *keys, PyObject *name)
{
    if (keys == NULL)
        return -1;
    P2C_DictEntry310 *entries = P2C_DictKeys310_Entries(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++)
        if (entries[i].me_key == name)
            return i;
    return -1;
}

#endif
