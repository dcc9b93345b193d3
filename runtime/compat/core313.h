/* core313.h — the CPython 3.13 internal headers the compat layer reads
 * (frames, generators, the small ints, sys.monitoring's tool ids, dict keys
 * and values, module objects), included in one place with Py_BUILD_CORE
 * defined around them only, as core311.h does for 3.11.
 */
#ifndef PYC2C_COMPAT_CORE313_H
#define PYC2C_COMPAT_CORE313_H

#ifndef Py_BUILD_CORE
#  define Py_BUILD_CORE 1
#  define P2C_UNDEF_BUILD_CORE
#endif
#include <internal/pycore_frame.h>
#undef _PyGC_FINALIZED
#include <internal/pycore_long.h>
#include <internal/pycore_instruments.h>
/* pycore_dict.h brings pycore_object.h, one of whose inline functions has
 * an unused parameter; its own read ma_version_tag, deprecated since 3.12 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <internal/pycore_dict.h>
#pragma GCC diagnostic pop
#include <internal/pycore_moduleobject.h>
#ifdef P2C_UNDEF_BUILD_CORE
#  undef Py_BUILD_CORE
#  undef P2C_UNDEF_BUILD_CORE
#endif

#endif
