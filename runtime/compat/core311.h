/* core311.h — the CPython 3.11 internal headers the compat layer reads
 * (frames, dict keys and values, module objects), included in one place.
 * They need Py_BUILD_CORE; it is defined around these includes only, so
 * the rest of Python.h keeps its public shape for generated code.
 */
#ifndef PYC2C_COMPAT_CORE311_H
#define PYC2C_COMPAT_CORE311_H

#ifndef Py_BUILD_CORE
#  define Py_BUILD_CORE 1
#  define P2C_UNDEF_BUILD_CORE
#endif
#include <internal/pycore_frame.h>
/* pycore_long.h (the small ints) brings pycore_gc.h, which defines
 * _PyGC_FINALIZED for the core where Python.h has defined it for
 * extensions: the core's definition wins here, no redefinition warning. */
#undef _PyGC_FINALIZED
#include <internal/pycore_long.h>
#include <internal/pycore_dict.h>
#include <internal/pycore_moduleobject.h>
#ifdef P2C_UNDEF_BUILD_CORE
#  undef Py_BUILD_CORE
#  undef P2C_UNDEF_BUILD_CORE
#endif

#endif
