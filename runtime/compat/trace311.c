/* trace311.c — sys.settrace / sys.setprofile events of compiled code on
 * CPython 3.11 (docs/runtime.md, "Tracing and profiling").
 *
 * 3.11's eval loop calls the C-level hooks of the thread state
 * (tstate->c_tracefunc for sys.settrace, c_profilefunc for sys.setprofile;
 * cProfile installs its own C function there) when the running cframe's
 * use_tracing is set, which _PyEval_SetTrace/_PyEval_SetProfile keep equal
 * to "a hook is installed and none is running":
 *
 *   call       a frame starts, and each time a generator resumes
 *              (TRACE_FUNCTION_ENTRY at RESUME; TRACE_FUNCTION_THROW_ENTRY)
 *   return     a frame returns or yields (TRACE_FUNCTION_EXIT, with the
 *              value) or is left by an exception (TRACE_FUNCTION_UNWIND, None)
 *   exception  an exception leaves an instruction (call_exc_trace at the
 *              `error` label; settrace only)
 *   line       before the first instruction of a line, or after a backward
 *              jump (maybe_call_line_trace); compiled code compiled with
 *              --debuggable: before each statement (P2C_Trace_Line)
 *   c_call, c_return, c_exception   around a CALL of a builtin function or
 *              method descriptor (trace_call_function, do_call_core; setprofile
 *              only)
 *
 * This file does the same for compiled frames, with the functions of
 * ceval.c's (call_trace, call_trace_protected, call_exc_trace, C_TRACE)
 * reimplemented over the exported API: the frame object given to the hook
 * is the compiled frame's (P2C_Frame_RunningObject: 3.11 asks
 * PyEval_GetFrame(), 3.10's compiled frames are frame objects).  3.10 has
 * the same hooks and the same use_tracing test.
 * Callers check use_tracing first (P2C_Tracing, or the tstate at hand), so
 * nothing here runs while no hook is installed.
 */
#include "../internal.h"
#include <opcode.h>          /* the stub's opcodes (is_stub_code) */

#if defined(P2C_TRACING_311)

/* What the frame headers of the interpreter-frame versions do not define
 * (frame310.h does, for its frame objects). */
#ifndef P2C_Frame_IsRunning
/* Is f the thread's running frame? */
#  define P2C_Frame_IsRunning(ts, f) (P2C_Frame_Current(ts) == (f))
/* The frame object of the running frame f (borrowed; NULL when it could
 * not be made). */
#  define P2C_Frame_RunningObject(f) PyEval_GetFrame()
#  define P2C_FrameObject_Code(fo) P2C_Frame_Code((fo)->f_frame)
/* The code unit of the stub's RESUME (after the closure prefix). */
#  define P2C_Code_FirstTraceable(code) ((code)->_co_firsttraceable)
#  define P2C_Code_NUnits(code) Py_SIZE(code)
#  define P2C_Code_Units(code) ((const _Py_CODEUNIT *)_PyCode_CODE(code))
#endif
/* Jumps of --debuggable code follow 3.11's rules, on 3.11 only (below). */
#if P2C_PY_MINOR == 11
#  define P2C_JUMPS_311 1
#endif

#ifndef P2C_SETLINENO_WOULD_JUMP
#  ifdef P2C_JUMPS_311
/* Would frame.f_lineno's setter go on to jump in fo?  At a line event,
 * and at a return event in a generator's suspended frame (3.11's setter:
 * "except after a yield"; any frame's, not only the one whose event it
 * is). */
#    define P2C_SETLINENO_WOULD_JUMP(ts, fo)                                 \
        (P2C_TS_TRACING_WHAT(ts) == P2C_TRACING_WHAT_LINE ||                 \
         (P2C_TS_TRACING_WHAT(ts) == PyTrace_RETURN && P2C_Gen_FrameSuspended((PyObject *)(fo))))
#  else
/* Would frame.f_lineno's setter go on to jump in fo?  Only at a line
 * event (tracing_what): 3.10's would at a yield's return event too, which
 * says "no event" instead (event_for_setlineno). */
#    define P2C_SETLINENO_WOULD_JUMP(ts, fo) (P2C_TS_TRACING_WHAT(ts) == P2C_TRACING_WHAT_LINE)
#  endif
#endif

#ifdef P2C_MONITORING_312
/* sys.monitoring's tools other than settrace/setprofile (monitor312.c) */
P2C_API int P2C_Monitor_FrameEntry(P2C_Frame *f);
P2C_API int P2C_Monitor_FrameExit(P2C_Frame *f, PyObject *retval);
P2C_API int P2C_Monitor_CCall(P2C_Frame *f, PyObject *func);
P2C_API int P2C_Monitor_CReturn(P2C_Frame *f, PyObject *func, int raised);
#else
#  define P2C_Monitor_FrameEntry(f) 0
#  define P2C_Monitor_FrameExit(f, r) 0
#  define P2C_Monitor_CCall(f, func) 0
#  define P2C_Monitor_CReturn(f, func, raised) 0
#endif

/* The event a hook is given: what without the P2C_STEP_* flags. */
#define HOOK_EVENT(what) ((what) & 0xff)

/* What tracing_what says during an event (what: a PyTrace_* code, with
 * P2C_STEP_* flags for a generator's step).  frame.f_lineno's setter, the
 * only reader, allows a jump at a line event, and at a return event in a
 * suspended generator's frame, which the interpreter's setter would do in
 * a compiled frame by moving its stub's place and popping its slots as if
 * they were the interpreter's stack.  On 3.11 frame_set_lineno below
 * takes every such jump in a compiled frame itself (a pending jump, or
 * pyc2c's refusal); on 3.10 every return says "no event" instead (the
 * setter's message for any other return).  3.12+ tell each event by its
 * own what_event (frame312.h, frame313.h), at which the setter gives its
 * own message, or would jump: at a resumption and a yield, which
 * frame_set_lineno below refuses for a compiled frame. */
static int
event_for_setlineno(int what)
{
    if (P2C_WHAT_EVENT_TELLS_STEPS)
        return what;
    what = HOOK_EVENT(what);
#ifdef P2C_JUMPS_311
    return what;
#else
    return what == PyTrace_RETURN ? -1 : what;
#endif
}

/* call_trace: one event to hook func(obj, frame, what, arg) (what with
 * P2C_STEP_* flags for a generator's step: the hook sees the bare event) for the frame
 * object fo of the running frame.  Nothing while a hook runs
 * (tstate->tracing).  The hook runs with tracing disabled, and tracing_what
 * tells frame.f_lineno's setter which event it is in.  0, or -1 when the
 * hook raised. */
static int
call_trace(PyThreadState *ts, Py_tracefunc func, PyObject *obj, PyFrameObject *fo,
           int what, PyObject *arg)
{
    if (ts->tracing)
        return 0;
    if (fo == NULL)
        return PyErr_Occurred() ? -1 : (PyErr_NoMemory(), -1);
    int old_what = P2C_TS_TRACING_WHAT(ts);
    P2C_TS_SET_TRACING_WHAT(ts, event_for_setlineno(what));
    P2C_EnterTracing(ts);
    int result = func(obj, fo, HOOK_EVENT(what), arg);
    P2C_LeaveTracing(ts);
    P2C_TS_RESTORE_TRACING_WHAT(ts, old_what);
    return result;
}

/* The frame object of f, the running frame (borrowed); NULL with an
 * exception when f is not running or the object cannot be made. */
static PyFrameObject *
running_frame_object(PyThreadState *ts, P2C_Frame *f)
{
    if (!P2C_Frame_IsRunning(ts, f)) {
        PyErr_SetString(PyExc_SystemError, "pyc2c: tracing a frame that is not running");
        return NULL;
    }
    return P2C_Frame_RunningObject(f);
}

/* call_trace for the compiled frame f, or (f NULL) for the running frame
 * whatever it is (the caller of a builtin). */
static int
frame_trace(PyThreadState *ts, Py_tracefunc func, PyObject *obj, P2C_Frame *f,
            int what, PyObject *arg)
{
    if (ts->tracing)
        return 0;
    PyFrameObject *fo = f != NULL ? running_frame_object(ts, f) : PyEval_GetFrame();
    return call_trace(ts, func, obj, fo, what, arg);
}

/* call_trace_protected: the event with the exception being raised (if any)
 * kept aside; when the hook raises, its exception replaces that one. */
static int
call_trace_protected(PyThreadState *ts, Py_tracefunc func, PyObject *obj,
                     P2C_Frame *f, int what, PyObject *arg)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (frame_trace(ts, func, obj, f, what, arg) == 0) {
        PyErr_Restore(type, value, tb);
        return 0;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return -1;
}

/* The event to the trace hook, then to the profile hook (both see calls and
 * returns), as trace_function_entry/exit do.  0 or -1. */
static int
trace_and_profile(PyThreadState *ts, P2C_Frame *f, int what, PyObject *arg)
{
    if (ts->c_tracefunc != NULL &&
        call_trace_protected(ts, ts->c_tracefunc, ts->c_traceobj, f, what, arg) < 0)
        return -1;
    if (ts->c_profilefunc != NULL &&
        call_trace_protected(ts, ts->c_profilefunc, ts->c_profileobj, f, what, arg) < 0)
        return -1;
    return 0;
}

/* The call event of f (what: PyTrace_CALL, with a generator step's flag). */
static int
frame_entry(P2C_Frame *f, int what)
{
    if (P2C_Monitor_FrameEntry(f) < 0)
        return -1;
    return trace_and_profile(PyThreadState_GET(), f, what, Py_None);
}

/* The return event of f (what: PyTrace_RETURN, with P2C_STEP_YIELD at a
 * generator's yield). */
static PyObject *
frame_exit(P2C_Frame *f, PyObject *retval, int what)
{
    /* retval NULL: the frame is left by an exception; the hooks get None
     * (the trampolines' translation of NULL), and an error of theirs
     * replaces the exception (TRACE_FUNCTION_UNWIND ignores the outcome). */
    if (P2C_Monitor_FrameExit(f, retval) < 0)
        Py_CLEAR(retval);
    if (trace_and_profile(PyThreadState_GET(), f, what, retval) < 0)
        Py_CLEAR(retval);
    return retval;
}

int
P2C_Trace_FrameEntry(P2C_Frame *f)
{
    return frame_entry(f, PyTrace_CALL);
}

PyObject *
P2C_Trace_FrameExit(P2C_Frame *f, PyObject *retval)
{
    return frame_exit(f, retval, PyTrace_RETURN);
}

int
P2C_Trace_GenStepEntry(P2C_Frame *f, int how)
{
    return frame_entry(f, PyTrace_CALL | how);
}

PyObject *
P2C_Trace_GenStepExit(P2C_Frame *f, PyObject *retval, int yielded)
{
    return frame_exit(f, retval, PyTrace_RETURN | (yielded ? P2C_STEP_YIELD : 0));
}

/* call_exc_trace: the exception being raised, normalized, as the tuple
 * (type, value, traceback) to the trace hook.  When the hook raises, its
 * exception replaces this one. */
static void
exception_event(PyThreadState *ts, P2C_Frame *f)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (value == NULL)
        value = Py_NewRef(Py_None);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *arg = PyTuple_Pack(3, type, value, tb != NULL ? tb : Py_None);
    if (arg == NULL) {
        PyErr_Restore(type, value, tb);   /* the MemoryError is dropped, as in CPython */
        return;
    }
    int err = frame_trace(ts, ts->c_tracefunc, ts->c_traceobj, f, PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (err == 0) {
        PyErr_Restore(type, value, tb);
        return;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

void
P2C_Trace_Exception(P2C_Frame *f)
{
    PyThreadState *ts = PyThreadState_GET();
    if (ts->c_tracefunc != NULL)
        exception_event(ts, f);
}

void
P2C_Trace_StopIteration(void)
{
    PyThreadState *ts = PyThreadState_GET();
    if (ts->c_tracefunc != NULL && PyEval_GetFrame() != NULL)
        exception_event(ts, NULL);   /* the running frame's */
}

/* ---- line events (--debuggable code, src/cgen/lines.c) ------------------- */

/* The line of site k of f's stub code, -1 for a site before the first
 * operation (the prefix units and the RESUME): maybe_call_line_trace's
 * "instr_prev <= _co_firsttraceable". */
static int
line_of_site(PyCodeObject *code, int k)
{
    if (k <= P2C_Code_FirstTraceable(code))
        return -1;
    return PyCode_Addr2Line(code, k * (int)sizeof(_Py_CODEUNIT));
}

/* A jump asked for during a line event of --debuggable code that can
 * jump (P2C_Trace_LineJump): the frame object the event is for, its jump
 * table, the point whose hook runs, and the point the setter chose (-1:
 * none).  One per thread, the innermost line event's (hooks run with
 * tracing off, so events do not nest on a thread). */
typedef struct {
    PyFrameObject *fo;
    const P2C_JumpTable *jt;
    int from;
    int to;
} JumpRequest;

static _Thread_local JumpRequest *jump_request;

/* The line event of hook `site` (P2C_Trace_Line), with the request the
 * setter may fill while the hook runs (NULL: the code cannot jump). */
static int
trace_line(P2C_Frame *f, int site, JumpRequest *req)
{
    PyThreadState *ts = PyThreadState_GET();
    PyCodeObject *code = P2C_Frame_Code(f);
    int lastline = line_of_site(code, P2C_Frame_GetSite(f));
#ifdef P2C_TRACE_OPCODE_TAIL
    /* The opcode event of the statement's last instructions, at its site
     * (3.13's pdb set_trace() stops at the first opcode event after it
     * returns: on the set_trace() line, as CPython's next instruction is
     * still there) */
    if (lastline != -1 && ts->c_tracefunc != NULL && !ts->tracing) {
        PyFrameObject *fo = running_frame_object(ts, f);   /* borrowed */
        if (fo == NULL)
            return PyErr_Occurred() ? -1 : (PyErr_NoMemory(), -1);
        if (fo->f_trace_opcodes && P2C_TRACE_OPCODE_EVENTS() &&
            call_trace(ts, ts->c_tracefunc, ts->c_traceobj, fo, PyTrace_OPCODE, Py_None) < 0)
            return -1;
    }
#endif
    P2C_Frame_SetSite(f, site);
    if (ts->c_tracefunc == NULL || ts->tracing)
        return 0;   /* only a profile hook: no line events */
    int line = line_of_site(code, site);
    PyFrameObject *fo = running_frame_object(ts, f);   /* borrowed */
    if (fo == NULL)
        return PyErr_Occurred() ? -1 : (PyErr_NoMemory(), -1);
    int result = 0;
    if (line != -1 && line != lastline && fo->f_trace_lines) {
        JumpRequest *outer = jump_request;
        if (req != NULL) {
            req->fo = fo;
            jump_request = req;
        }
        result = call_trace(ts, ts->c_tracefunc, ts->c_traceobj, fo, PyTrace_LINE, Py_None);
        jump_request = outer;
        if (result == 0 && req != NULL && req->to >= 0)
            return 1 + req->to;   /* no opcode event: CPython's next one is the target's */
    }
    /* One opcode event a statement: compiled code has no instructions. */
    if (result == 0 && fo->f_trace_opcodes && P2C_TRACE_OPCODE_EVENTS())
        result = call_trace(ts, ts->c_tracefunc, ts->c_traceobj, fo, PyTrace_OPCODE, Py_None);
    return result;
}

int
P2C_Trace_Line(P2C_Frame *f, int site)
{
    return trace_line(f, site, NULL);
}

int
P2C_Trace_LineJump(P2C_Frame *f, int site, const P2C_JumpTable *jt, int point)
{
    JumpRequest req = {NULL, jt, point, -1};
    return trace_line(f, site, &req);
}

/* ---- frame.f_lineno = N (a debugger's jump) ------------------------------- *
 * CPython allows it from a trace hook at a line event (and, 3.10 and 3.11,
 * in a suspended generator's frame at a return event) and moves the
 * frame's next instruction.  A compiled frame's next operation is a place
 * in C code, which the stub's units do not steer: the jump would only
 * change the line the frame reports.  So where CPython would go on to
 * jump, a compiled frame refuses with a ValueError of its own, unless its
 * --debuggable code can jump (3.11: below); every earlier refusal stays
 * CPython's (the setter is replaced, once, by one that checks this first). */

static setter original_set_lineno;

/* Whether code is a compiled function's stub (src/cgen/codeobj.c): its
 * last four units are LOAD_ASSERTION_ERROR, RAISE_VARARGS 1, NOP, NOP,
 * which no code CPython compiles ends with.  The stub never runs, so its
 * units are never quickened. */
#ifdef P2C_STUB_MAY_BE_INSTRUMENTED
/* 3.13 instruments the stub itself when a compiled frame turns on opcode
 * events (f_trace_opcodes: INSTRUMENTED_INSTRUCTION in every unit): its
 * co_code, without the instrumentation, is read instead. */
static int
is_stub_code(PyCodeObject *code)
{
    PyObject *bytes = PyCode_GetCode(code);
    if (bytes == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(bytes) / (Py_ssize_t)sizeof(_Py_CODEUNIT);
    const _Py_CODEUNIT *u = (const _Py_CODEUNIT *)PyBytes_AS_STRING(bytes);
    int r = n >= 4 && _Py_OPCODE(u[n - 4]) == LOAD_ASSERTION_ERROR &&
            _Py_OPCODE(u[n - 3]) == RAISE_VARARGS && _Py_OPARG(u[n - 3]) == 1 &&
            _Py_OPCODE(u[n - 2]) == NOP && _Py_OPCODE(u[n - 1]) == NOP;
    Py_DECREF(bytes);
    return r;
}
#else
static int
is_stub_code(PyCodeObject *code)
{
    Py_ssize_t n = P2C_Code_NUnits(code);
    const _Py_CODEUNIT *u = P2C_Code_Units(code);
    return n >= 4 && _Py_OPCODE(u[n - 4]) == LOAD_ASSERTION_ERROR &&
           _Py_OPCODE(u[n - 3]) == RAISE_VARARGS && _Py_OPARG(u[n - 3]) == 1 &&
           _Py_OPCODE(u[n - 2]) == NOP && _Py_OPCODE(u[n - 1]) == NOP;
}
#endif

/* The last line of code's units: the stub has a unit per site, and
 * --debuggable code a site at every statement (and operand line). */
static int
last_line_of(PyCodeObject *code)
{
    int last = -1;
    Py_ssize_t n = P2C_Code_NUnits(code);
    for (Py_ssize_t i = 0; i < n; i++) {
        int line = PyCode_Addr2Line(code, (int)(i * (Py_ssize_t)sizeof(_Py_CODEUNIT)));
        if (line > last)
            last = line;
    }
    return last;
}

/* CPython's refusals of a line outside the function, which its setter
 * makes before looking at the code's stacks, with its messages: -1 with
 * ValueError set, else 0 (an overflowing value is left to the original
 * setter, which says "lineno out of range"). */
static int
refuse_outside_code(PyCodeObject *code, PyObject *value)
{
    int overflow;
    long line = PyLong_AsLongAndOverflow(value, &overflow);
    if (overflow || line > INT_MAX || line < INT_MIN)
        return 0;
    if (line < code->co_firstlineno) {
        PyErr_Format(PyExc_ValueError, "line %d comes before the current code block",
                     (int)line);
        return -1;
    }
    if (line > last_line_of(code)) {
        PyErr_Format(PyExc_ValueError, "line %d comes after the current code block",
                     (int)line);
        return -1;
    }
    return 0;
}

/* ---- the jumps of --debuggable code (3.11's rules) ------------------------ *
 * CPython 3.11's setter models the value stack of every instruction with
 * mark_stacks (a kind per item, 3 bits each, the top in the low bits),
 * takes the first line at or after the one asked for that starts code,
 * and jumps to that line's start whose stack the current one can be popped
 * down to (kind by kind), preferring the deepest; otherwise it names the
 * first incompatible start's top kind.  A compiled function's jump table
 * gives each hook the kinds of the blocks it stands in, so the same choice
 * and the same messages come out; compiled code then also needs the chosen
 * point's blocks to be the very blocks it stands in (not just the same
 * kinds: another loop's iterator is another C variable), and both points
 * to be ones it can leave and enter: otherwise pyc2c's refusal. */
#ifdef P2C_JUMPS_311
enum { KIND_BITS = 3, KIND_MASK = 7, STACK_OVERFLOWED = -1 };
#define STACK_WILL_OVERFLOW (1ULL << ((63 / KIND_BITS - 1) * KIND_BITS))

/* The encoded stack of point p (STACK_OVERFLOWED past 20 items). */
static int64_t
point_stack(const P2C_JumpTable *jt, const P2C_JumpPoint *p)
{
    int64_t stack = 0;
    for (int i = 0; i < p->npath; i++) {
        if ((uint64_t)stack >= STACK_WILL_OVERFLOW)
            return STACK_OVERFLOWED;
        stack = (stack << KIND_BITS) | (jt->kinds[jt->paths[p->path + i]] & KIND_MASK);
    }
    return stack;
}

/* Whether an item of kind `from` may stand where kind `to` is expected. */
static int
kind_fits(int from, int to)
{
    if (to == 0)
        return 0;
    if (to == P2C_JUMP_OBJECT)
        return from != P2C_JUMP_NULL;
    return to == P2C_JUMP_NULL || from == to;
}

/* Whether from can be popped down to to, kind by kind. */
static int
stack_fits(int64_t from, int64_t to)
{
    if (from < 0 || to < 0)
        return 0;
    while (from > to)
        from >>= KIND_BITS;
    for (; from != 0; from >>= KIND_BITS, to >>= KIND_BITS)
        if (!kind_fits((int)(from & KIND_MASK), (int)(to & KIND_MASK)))
            return 0;
    return to == 0;
}

/* Why a stack cannot be jumped into: 3.11's words for its top kind. */
static const char *
why_not_into(int64_t to)
{
    if (to == STACK_OVERFLOWED)
        return "stack is too deep to analyze";
    switch (to & KIND_MASK) {
    case P2C_JUMP_EXCEPT:
        return "can't jump into an 'except' block as there's no exception";
    case P2C_JUMP_LASTI:
        return "can't jump into a re-raising block as there's no location";
    case P2C_JUMP_ITERATOR:
        return "can't jump into the body of a for loop";
    default:
        return "incompatible stacks";
    }
}

/* The first line at or after want that starts code (INT_MAX: none). */
static int
first_start_from(const P2C_JumpTable *jt, long want)
{
    int line = INT_MAX;
    for (int i = 0; i < jt->npoints; i++) {
        const P2C_JumpPoint *p = &jt->points[i];
        if ((p->flags & P2C_JUMP_START) && p->line >= want && p->line < line)
            line = p->line;
    }
    return line;
}

/* Whether the object of block b can go where block t's is expected: both
 * movable, of one kind (the generated code carries it over). */
static int
can_move(const P2C_JumpTable *jt, int b, int t)
{
    int movable = jt->kinds[b] & jt->kinds[t] & P2C_JUMP_MOVABLE;
    return movable && (jt->kinds[b] & KIND_MASK) == (jt->kinds[t] & KIND_MASK);
}

/* Whether compiled code can go from point `from` to point `to`: to's
 * blocks are the outermost of from's (so none is entered), but for its
 * innermost, which may be another block of the kind of from's there whose
 * object compiled code can move (a with's __exit__ into another with's
 * body, as 3.11 keeps it where the other's is expected); and each block
 * popped is one it can release (a block it cannot, such as the place and
 * exception of a finally block's exceptional copy, may only be kept). */
static int
compiled_can_jump(const P2C_JumpTable *jt, const P2C_JumpPoint *from, const P2C_JumpPoint *to)
{
    if ((from->flags & P2C_JUMP_NO_FROM) || (to->flags & P2C_JUMP_NO_TO) ||
        to->npath > from->npath)
        return 0;
    for (int i = 0; i < from->npath; i++) {
        int b = jt->paths[from->path + i];
        if (i >= to->npath) {
            if (jt->kinds[b] & P2C_JUMP_ANON)
                return 0;
            continue;
        }
        int t = jt->paths[to->path + i];
        if (t != b && !(i == to->npath - 1 && can_move(jt, b, t)))
            return 0;
    }
    return 1;
}

static int
refuse_compiled_jump(void)
{
    PyErr_SetString(PyExc_ValueError,
                    "can't jump in compiled code (pyc2c): its lines cannot be "
                    "skipped or repeated");
    return -1;
}

/* The point of jt that a jump from point `from` to line `value` lands
 * on, chosen as 3.11 chooses it: its number, or -1 with ValueError and
 * 3.11's message. */
static int
choose_target(const P2C_JumpTable *jt, const P2C_JumpPoint *from, PyObject *value)
{
    int overflow;
    long want = PyLong_AsLongAndOverflow(value, &overflow);
    if (overflow || want > INT_MAX || want < INT_MIN) {
        PyErr_SetString(PyExc_ValueError, "lineno out of range");
        return -1;
    }
    int line = first_start_from(jt, want);
    if (line == INT_MAX) {
        PyErr_Format(PyExc_ValueError, "line %d comes after the current code block",
                     (int)want);
        return -1;
    }
    int64_t from_stack = point_stack(jt, from);
    int best = -1;
    int64_t best_stack = 0;
    const char *why = NULL;
    for (int i = 0; i < jt->npoints; i++) {
        const P2C_JumpPoint *p = &jt->points[i];
        if (!(p->flags & P2C_JUMP_START) || p->line != line)
            continue;
        int64_t stack = point_stack(jt, p);
        if (stack_fits(from_stack, stack)) {
            if (best < 0 || stack > best_stack) {
                best = i;
                best_stack = stack;
            }
        }
        else if (why == NULL) {
            why = from_stack == STACK_OVERFLOWED ? "stack to deep to analyze"
                                                 : why_not_into(stack);
        }
    }
    if (best < 0) {
        PyErr_SetString(PyExc_ValueError, why ? why : "cannot find bytecode for specified line");
        return -1;
    }
    return best;
}

/* frame.f_lineno = value during the line event of req: the target chosen
 * as 3.11 chooses it goes to req->to (the generated code jumps there when
 * the hook returns); -1 with ValueError when CPython or pyc2c refuses.
 * A second jump in the same event starts from the first one's target, as
 * in 3.11. */
static int
request_jump(JumpRequest *req, PyObject *value)
{
    const P2C_JumpTable *jt = req->jt;
    const P2C_JumpPoint *from = &jt->points[req->to >= 0 ? req->to : req->from];
    int to = choose_target(jt, from, value);
    if (to < 0)
        return -1;
    if (!compiled_can_jump(jt, from, &jt->points[to]))
        return refuse_compiled_jump();
    req->to = to;
    return 0;
}

/* The yield point of jt whose site is `site`, or -1. */
static int
yield_point_at(const P2C_JumpTable *jt, int site)
{
    for (int i = 0; i < jt->npoints; i++)
        if ((jt->points[i].flags & P2C_JUMP_YIELD) && jt->points[i].site == site)
            return i;
    return -1;
}

/* frame.f_lineno = value in the suspended frame of a compiled generator
 * whose body's jump table is jt (3.11 jumps there at a return event, the
 * yield's or any other frame's, and at any frame's line event).  The body
 * cannot move until it resumes: the jump is kept in the frame's pending
 * slot (the yield's point and the target) and the frame's site becomes
 * the target's (f_lineno, the resumption's call event, a throw's
 * traceback all say the target's line, as in 3.11).  A second jump before
 * the resumption starts from the first one's target, as in 3.11, and
 * still releases what the yield stands in.  -1 with ValueError when
 * CPython or pyc2c refuses. */
static int
pending_jump(PyFrameObject *fo, const P2C_JumpTable *jt, PyObject *value)
{
    P2C_Frame *f = fo->f_frame;
    if (jt->pending < 0)
        return refuse_compiled_jump();
    PyObject **slot = &P2C_SLOT(f, jt->pending);
    int yield, at;
    if (*slot != NULL) {
        long long v = PyLong_AsLongLong(*slot);
        if (v < 0)
            return -1;
        yield = (int)(v >> 32);
        at = (int)(v & 0xffffffff);
    } else {
        yield = at = yield_point_at(jt, P2C_Frame_GetSite(f));
        if (yield < 0)   /* a yield compiled code cannot leave (yield from, await) */
            return refuse_compiled_jump();
    }
    int to = choose_target(jt, &jt->points[at], value);
    if (to < 0)
        return -1;
    if (!compiled_can_jump(jt, &jt->points[yield], &jt->points[to]))
        return refuse_compiled_jump();
    PyObject *pending = PyLong_FromLongLong(((long long)yield << 32) | to);
    if (pending == NULL)
        return -1;
    Py_XSETREF(*slot, pending);
    P2C_Frame_SetSite(f, jt->points[to].site);
    return 0;
}
#endif  /* P2C_JUMPS_311 */

#ifdef P2C_JUMPS_311
/* 3.11 tells a frame's state by its stack pointer first: a generator
 * suspended with no local variable (cells and free variables count) and
 * nothing on its value stack reads as cleared (_PyFrame_GetState:
 * stacktop 0), and its setter says "can only jump from a 'line' trace
 * event" at a return event there, as for a frame that returned.  Whether
 * the suspended compiled generator of fo would: nothing on the stack of
 * its yield's point but the value yielded (or, a jump pending, of the
 * target's); without a jump table (not --debuggable) the stack is not
 * known, and taken as empty. */
static int
reads_as_cleared(PyFrameObject *fo)
{
    if (P2C_FrameObject_Code(fo)->co_nlocalsplus > 0)
        return 0;
    const P2C_JumpTable *jt = P2C_Gen_SuspendedJumpTable((PyObject *)fo);
    if (jt == NULL || jt->pending < 0)
        return 1;
    P2C_Frame *f = fo->f_frame;
    PyObject *pending = P2C_SLOT(f, jt->pending);
    if (pending != NULL) {
        long long v = PyLong_AsLongLong(pending);
        return v >= 0 && jt->points[v & 0xffffffff].npath == 0;
    }
    int yield = yield_point_at(jt, P2C_Frame_GetSite(f));
    return yield >= 0 && jt->points[yield].npath <= 1;
}
#endif

static int
frame_set_lineno(PyObject *self, PyObject *value, void *closure)
{
    PyFrameObject *fo = (PyFrameObject *)self;
#ifdef P2C_JUMPS_311
    if (value != NULL && PyLong_CheckExact(value) &&
        P2C_TS_TRACING_WHAT(PyThreadState_GET()) == PyTrace_RETURN &&
        P2C_Gen_FrameSuspended(self) && reads_as_cleared(fo)) {
        PyErr_SetString(PyExc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
#endif
    if (value != NULL && PyLong_CheckExact(value) && fo->f_trace != NULL &&
        P2C_SETLINENO_WOULD_JUMP(PyThreadState_GET(), fo) &&
        is_stub_code(P2C_FrameObject_Code(fo))) {
        if (refuse_outside_code(P2C_FrameObject_Code(fo), value) < 0)
            return -1;
#ifdef P2C_JUMPS_311
        JumpRequest *req = jump_request;
        if (req != NULL && req->fo == fo)
            return request_jump(req, value);
        const P2C_JumpTable *jt = P2C_Gen_SuspendedJumpTable(self);
        if (jt != NULL)
            return pending_jump(fo, jt, value);
#endif
        PyErr_SetString(PyExc_ValueError,
                        "can't jump in compiled code (pyc2c): its lines cannot be "
                        "skipped or repeated");
        return -1;
    }
    return original_set_lineno(self, value, closure);
}

static PyGetSetDef frame_lineno_def = {"f_lineno", NULL, frame_set_lineno, NULL, NULL};

int
P2C_Trace_ReplaceSetLineno(void)
{
    PyObject *old = PyDict_GetItemString(P2C_Type_Dict(&PyFrame_Type), "f_lineno");   /* borrowed */
    if (old == NULL || !Py_IS_TYPE(old, &PyGetSetDescr_Type)) {
        PyErr_SetString(PyExc_SystemError, "pyc2c: frame.f_lineno is not a getset");
        return -1;
    }
    PyGetSetDef *old_def = ((PyGetSetDescrObject *)old)->d_getset;
    if (old_def->set == frame_set_lineno)
        return 0;
    original_set_lineno = old_def->set;
    frame_lineno_def.get = old_def->get;
    frame_lineno_def.doc = old_def->doc;
    frame_lineno_def.closure = old_def->closure;
    PyObject *descr = PyDescr_NewGetSet(&PyFrame_Type, &frame_lineno_def);
    if (descr == NULL)
        return -1;
    int err = PyDict_SetItemString(P2C_Type_Dict(&PyFrame_Type), "f_lineno", descr);
    Py_DECREF(descr);
    if (err == 0)
        PyType_Modified(&PyFrame_Type);
    return err;
}

/* ---- calls of builtins (C_TRACE) ---------------------------------------- */

int
P2C_Trace_CCall(PyObject *func)
{
    PyThreadState *ts = PyThreadState_GET();
    if (P2C_Monitor_CCall(P2C_Frame_Current(ts), func) < 0)
        return -1;
    if (ts->c_profilefunc == NULL)
        return 0;
    return frame_trace(ts, ts->c_profilefunc, ts->c_profileobj, NULL, PyTrace_C_CALL, func);
}

PyObject *
P2C_Trace_CReturn(PyObject *func, PyObject *res)
{
    PyThreadState *ts = PyThreadState_GET();
    if (P2C_Monitor_CReturn(P2C_Frame_Current(ts), func, res == NULL) < 0)
        Py_CLEAR(res);
    if (ts->c_profilefunc == NULL)   /* the builtin removed the hook */
        return res;
    if (res == NULL) {
        /* no exception argument, as in 3.11 ("XXX should pass (type, value, tb)") */
        call_trace_protected(ts, ts->c_profilefunc, ts->c_profileobj, NULL,
                             PyTrace_C_EXCEPTION, func);
        return NULL;
    }
    if (frame_trace(ts, ts->c_profilefunc, ts->c_profileobj, NULL, PyTrace_C_RETURN, func) < 0)
        Py_CLEAR(res);
    return res;
}

/* The callable the profile hook is told about for a CALL of callable with
 * *nargs arguments, new reference: callable itself when it is a builtin
 * function; for a method descriptor called with its object first, the
 * builtin bound to that object (*args and *nargs then skip the object);
 * NULL when the call is not a builtin's (and NULL with an exception when
 * binding failed).  trace_call_function's choice. */
static PyObject *
builtin_callee(PyObject *callable, PyObject *const **args, Py_ssize_t *nargs)
{
    if (PyCFunction_CheckExact(callable) || PyCMethod_CheckExact(callable))
        return Py_NewRef(callable);
    if (!Py_IS_TYPE(callable, &PyMethodDescr_Type) || *nargs == 0)
        return NULL;   /* with no object the call raises: it is not profiled */
    PyObject *self = (*args)[0];
    PyObject *bound = Py_TYPE(callable)->tp_descr_get(callable, self, (PyObject *)Py_TYPE(self));
    if (bound != NULL) {
        *args += 1;
        *nargs -= 1;
    }
    return bound;
}

PyObject *
P2C_CallTraced(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *func = builtin_callee(callable, &args, &nargs);
    if (func == NULL) {
        if (PyErr_Occurred())
            return NULL;
        return P2C_CallReturned(callable, PyObject_Vectorcall(callable, args, nargsf, kwnames));
    }
    PyObject *res = NULL;
    if (P2C_Trace_CCall(func) == 0)
        res = P2C_Trace_CReturn(func, PyObject_Vectorcall(func, args, (size_t)nargs, kwnames));
    Py_DECREF(func);
    return P2C_CallReturned(callable, res);
}

PyObject *
P2C_CallExTraced(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *const *items = &PyTuple_GET_ITEM(args, 0);
    PyObject *func = builtin_callee(callable, &items, &nargs);
    if (func == NULL)
        return PyErr_Occurred() ? NULL : PyObject_Call(callable, args, kwargs);
    PyObject *res = NULL;
    if (P2C_Trace_CCall(func) == 0) {
        res = func == callable ? PyObject_Call(func, args, kwargs)
                               : PyObject_VectorcallDict(func, items, (size_t)nargs, kwargs);
        res = P2C_Trace_CReturn(func, res);
    }
    Py_DECREF(func);
    return res;
}

#endif  /* P2C_TRACING_311 */
