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
#if !defined(P2C_FRAME_OBJECTS_310)
/* Whether a call's frame push would take P2C_Frame_PushFunctionFast's
 * fast path as far as the thread is concerned: no hook to tell of the
 * call, recursion depth left, the C stack not low (runtime.h's
 * P2C_InlinableCallee).  framefast310.h's answers 0. */
static inline int
P2C_Frame_PushWouldBeFast(void)
{
    PyThreadState *tstate = P2C_ThreadState();
    return P2C_TS_RECURSION(tstate) > 0 && !P2C_TS_TRACING(tstate)
           && !P2C_Stack_SampledLow(P2C_TS_RECURSION(tstate));
}
#endif
#if defined(P2C_ITER_LAYOUT_311) || defined(P2C_ITER_LAYOUT_312)
#  include "compat/iter311.h"
#else
#  define P2C_IterNextFast P2C_IterNext
#endif

#endif
