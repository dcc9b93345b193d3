/* core313.h — the CPython 3.13 internal headers the compat layer reads
 * (frames, generators, the small ints, sys.monitoring's tool ids), included
 * in one place with Py_BUILD_CORE defined around them only, as core311.h
 * does for 3.11.
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
#ifdef P2C_UNDEF_BUILD_CORE
#  undef Py_BUILD_CORE
#  undef P2C_UNDEF_BUILD_CORE
#endif

#endif
