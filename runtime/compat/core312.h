/* core312.h — the CPython 3.12 internal headers the compat layer reads
 * (frames, generators, the small ints, dict keys and values, module
 * objects, sys.monitoring's event numbers),
 * included in one place with Py_BUILD_CORE defined around them only, as
 * core311.h does for 3.11.
 */
#ifndef PYC2C_COMPAT_CORE312_H
#define PYC2C_COMPAT_CORE312_H

#ifndef Py_BUILD_CORE
#  define Py_BUILD_CORE 1
#  define P2C_UNDEF_BUILD_CORE
#endif
#include <internal/pycore_frame.h>
#undef _PyGC_FINALIZED
#include <internal/pycore_long.h>
/* its inline functions read ma_version_tag, which 3.12 deprecates; 3.13's
 * pycore_object.h, which it includes, has an inline function with an
 * unused parameter */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <internal/pycore_dict.h>
#pragma GCC diagnostic pop
#include <internal/pycore_moduleobject.h>
#include <internal/pycore_instruments.h>
#ifdef P2C_UNDEF_BUILD_CORE
#  undef Py_BUILD_CORE
#  undef P2C_UNDEF_BUILD_CORE
#endif

#endif
