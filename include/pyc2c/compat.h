/* compat.h — the one public header that depends on the target Python's
 * internal layout: it selects runtime/compat/<version> headers through the
 * feature macros of runtime/compat/version.h.  Generated code is compiled with
 * -I<home>/include -I<home>/runtime, so "compat/..." resolves to runtime/compat.
 * Included by pyc2c/runtime.h after Python.h.
 */
#ifndef PYC2C_COMPAT_H
#define PYC2C_COMPAT_H

#include "compat/version.h"
#if defined(P2C_TSTATE_TLS_312)
#  include "compat/tstate312.h"   /* P2C_ThreadState, which frame313.h uses */
#endif

#if defined(P2C_FRAME_OBJECTS_310)
#  include "compat/frame310.h"
#elif defined(P2C_FRAME_LAYOUT_311)
#  include "compat/frame311.h"
#elif defined(P2C_FRAME_LAYOUT_312)
#  include "compat/frame312.h"
#elif defined(P2C_FRAME_LAYOUT_313)
#  include "compat/frame313.h"
#endif
#if defined(P2C_LONG_LAYOUT_311)
#  include "compat/long311.h"
#elif defined(P2C_LONG_LAYOUT_312)
#  include "compat/long312.h"
#else
#  define P2C_Long_FromLong PyLong_FromLong
#endif
/* What a classmethod object wraps (borrowed, may be NULL), read through
 * funcobject.c's layout, the same from 3.10 to 3.13 and not in any
 * header: the object head, then cm_callable. */
typedef struct {
    PyObject_HEAD
    PyObject *cm_callable;
} P2C_ClassMethodLayout;

static inline PyObject *P2C_ClassMethod_Callable(PyObject *cm)
{
    return ((P2C_ClassMethodLayout *)cm)->cm_callable;
}

#if defined(P2C_INSTANCE_VALUES)
#  include "compat/object311.h"
#elif defined(P2C_DICT_LAYOUT_310)
#  include "compat/object310.h"
#endif
#if defined(P2C_HAVE_DICT_VERSION)
/* The version tag of an exact dict: equal tags mean equal contents.  (3.12
 * deprecates the field for extensions; the interpreter's own caches still
 * read it, and so do ours.) */
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static inline uint64_t P2C_Dict_Version(PyObject *d)
{
    return ((PyDictObject *)d)->ma_version_tag;
}

/* The tag given to a dict pyc2c changes in place (runtime/attrs.c). */
static inline void P2C_Dict_SetVersion(PyObject *d, uint64_t version)
{
    ((PyDictObject *)d)->ma_version_tag = version;
}
#  pragma GCC diagnostic pop
/* 3.12 keeps the dict watchers (PEP 509's successor) in the low bits of
 * the tag, and counts versions above them; 3.13 keeps four more bits there
 * (a count of a watched dict's changes). */
#  if defined(P2C_DICT_OR_VALUES_312)
#    define P2C_DICT_VERSION_STEP DICT_VERSION_INCREMENT
#    define P2C_DICT_WATCHER_BITS DICT_VERSION_MASK
#  elif defined(P2C_INLINE_VALUES_313)
#    define P2C_DICT_VERSION_STEP DICT_VERSION_INCREMENT
#    define P2C_DICT_WATCHER_BITS DICT_WATCHER_AND_MODIFICATION_MASK
#  else
#    define P2C_DICT_VERSION_STEP 1
#    define P2C_DICT_WATCHER_BITS 0
#  endif
#endif

#endif
