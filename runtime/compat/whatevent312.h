/* whatevent312.h — the monitoring event a legacy trace hook runs in, as
 * 3.12 and 3.13 keep it in tstate->what_event for frame.f_lineno's setter
 * (shared by frame312.h and frame313.h, which include it). */
#ifndef P2C_COMPAT_WHATEVENT312_H
#define P2C_COMPAT_WHATEVENT312_H

/* The monitoring event 3.12+ would be in for the hook's event what (a
 * PyTrace_* code with trace311.c's P2C_STEP_* flags): a generator's step
 * starts with PY_START, PY_RESUME after a yield or PY_THROW, and ends with
 * PY_YIELD at a yield. */
#define P2C_WHAT_EVENT_OF(what)                                             \
    ((what) == (PyTrace_CALL | P2C_STEP_RESUME) ? PY_MONITORING_EVENT_PY_RESUME \
   : (what) == (PyTrace_CALL | P2C_STEP_THROW) ? PY_MONITORING_EVENT_PY_THROW \
   : (what) == (PyTrace_RETURN | P2C_STEP_YIELD) ? PY_MONITORING_EVENT_PY_YIELD \
   : ((what) & 0xff) == PyTrace_LINE ? PY_MONITORING_EVENT_LINE             \
   : ((what) & 0xff) == PyTrace_CALL ? PY_MONITORING_EVENT_PY_START         \
   : ((what) & 0xff) == PyTrace_RETURN ? PY_MONITORING_EVENT_PY_RETURN      \
   : ((what) & 0xff) == PyTrace_EXCEPTION ? PY_MONITORING_EVENT_RAISE       \
   : ((what) & 0xff) == PyTrace_OPCODE ? PY_MONITORING_EVENT_INSTRUCTION : -1)
#define P2C_TS_SET_TRACING_WHAT(ts, what) ((ts)->what_event = P2C_WHAT_EVENT_OF(what))
#define P2C_WHAT_EVENT_TELLS_STEPS 1
/* The setter jumps at a line event and at a generator's resumption and
 * yield: where trace311.c's frame_set_lineno refuses for compiled code
 * (a compiled body resumes only where it yielded). */
#define P2C_SETLINENO_WOULD_JUMP(ts, fo)                                    \
    ((ts)->what_event == PY_MONITORING_EVENT_LINE ||                        \
     (ts)->what_event == PY_MONITORING_EVENT_PY_RESUME ||                   \
     (ts)->what_event == PY_MONITORING_EVENT_PY_YIELD)

#endif
