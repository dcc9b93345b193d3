/* compat_late.h — the inline parts of the compat layer that use the
 * runtime's own declarations: included at the end of pyc2c/runtime.h,
 * selected by the feature macros of runtime/compat/version.h. */
#ifndef PYC2C_COMPAT_LATE_H
#define PYC2C_COMPAT_LATE_H

#if defined(P2C_FRAME_OBJECTS_310)
#  include "compat/framefast310.h"
#elif defined(P2C_FRAME_LAYOUT_311)
#  include "compat/framefast311.h"
#elif defined(P2C_FRAME_LAYOUT_312)
#  include "compat/framefast312.h"
#elif defined(P2C_FRAME_LAYOUT_313)
#  include "compat/framefast313.h"
#endif
#if defined(P2C_ITER_LAYOUT_311) || defined(P2C_ITER_LAYOUT_312)
#  include "compat/iter311.h"
#else
#  define P2C_IterNextFast P2C_IterNext
#endif

#endif
