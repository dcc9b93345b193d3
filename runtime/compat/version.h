/* version.h — the feature macros of the compat layer, defined once.
 *
 * Every version-specific line of the runtime tests one of these macros (never
 * PY_VERSION_HEX directly), so adding a target Python means adding a block
 * here and the files it selects in runtime/compat/.
 *
 *   P2C_PY_MINOR                  the 3.x target (11 for 3.11)
 *   P2C_FRAME_OBJECTS_310         a running function's frame is a frame
 *                                 object (tstate->frame, f_back, its
 *                                 variables in f_localsplus, f_lasti a
 *                                 unit index), a generator holds one in
 *                                 gi_frame (3.10): compat/frame310.h/.c,
 *                                 compat/genframe310.h
 *   P2C_EXC_TRIPLE_310            the handled exception is a (type, value,
 *                                 traceback) triple per exception stack item
 *                                 (3.10): compat/excstate.h
 *   P2C_SMALL_INTS_STATIC         the small ints are a static array,
 *                                 _PyLong_SMALL_INTS (3.11 on; 3.10 keeps
 *                                 them in the interpreter): compat/long311.h
 *   P2C_HAVE_EXCEPTION_GROUPS     BaseExceptionGroup and except* (3.11 on)
 *   P2C_COMPARE_COUNTS_RECURSION_310  every comparison enters a recursion
 *                                 level (3.10's COMPARE_OP through
 *                                 PyObject_RichCompare): runtime.h's
 *                                 P2C_COMPARE_AT_LIMIT, compat/ceval311.c
 *   P2C_TUPLE_RESIZE_KEEPS_EMPTY_310  _PyTuple_Resize to 0 makes a new empty
 *                                 tuple, not () (3.10): runtime/collect.c
 *   P2C_WITH_ERROR_IS_ATTRIBUTE_310  a `with` of an object without
 *                                 __enter__/__exit__ raises
 *                                 AttributeError(name) (3.10; 3.11 on a
 *                                 TypeError naming the protocol)
 *   P2C_UNBOUND_LOCAL_MESSAGE, P2C_UNBOUND_FREE_MESSAGE   the messages of
 *                                 an unbound local and free variable
 *   P2C_INTERPRETER_FRAMES        frames are _PyInterpreterFrame linked from
 *                                 the thread state (cframe->current_frame,
 *                                 3.13: current_frame), generators keep
 *                                 theirs in gi_iframe (3.11 to 3.13): the
 *                                 runtime's frame and generator code
 *                                 (frame311.c, generator.c, coroutine.c,
 *                                 asyncgen.c), which reaches what differs
 *                                 through the accessors of frame311.h /
 *                                 frame312.h / frame313.h
 *   P2C_FRAME_LAYOUT_311          _PyInterpreterFrame as in 3.11 (f_func,
 *                                 prev_instr, owner, is_entry; gi_code;
 *                                 tstate->recursion_remaining;
 *                                 cframe->use_tracing): compat/frame311.h
 *   P2C_FRAME_LAYOUT_312          as in 3.12 (f_funcobj, no is_entry; a
 *                                 generator's code is its frame's f_code;
 *                                 py_recursion_remaining; no use_tracing):
 *                                 compat/frame312.h
 *   P2C_FRAME_LAYOUT_313          as in 3.13 (the code is f_executable,
 *                                 instr_ptr is the running unit; the thread's
 *                                 frame is tstate->current_frame, no cframe):
 *                                 compat/frame313.h
 *   P2C_TSTATE_WORD_311           the running thread state is a word of
 *                                 _PyRuntime (3.10, 3.11), read inline;
 *                                 3.12 and 3.13 keep it in a thread-local
 *                                 libpython does not export: a call
 *   P2C_TSTATE_TLS_312            that thread-local read at its offset from
 *                                 the thread pointer, once proven static
 *                                 (3.12 and 3.13 on Linux;
 *                                 compat/tstate312.h), else the call
 *   P2C_CALL_KEEPS_ARGS_310       a call keeps its arguments on the caller's
 *                                 stack until the callee returns, then
 *                                 releases them last first, the callable
 *                                 after them (3.10's call_function); 3.11
 *                                 on, CALL moves a Python function's
 *                                 arguments into its frame and releases
 *                                 another callee's after it returns,
 *                                 callable first: runtime.h's P2C_CallSteal
 *   P2C_CALL_EX_GIVES_ARGS_312    CALL_FUNCTION_EX pushes a Python function's
 *                                 frame itself (_PyEvalFramePushAndInit_Ex):
 *                                 the frame gets new references to the
 *                                 tuple's items and the dict's values, and
 *                                 the tuple and dict are released before the
 *                                 callee runs (3.12, 3.13); 3.11 calls with
 *                                 them alive: runtime/calls.c's P2C_CallEx
 *   P2C_CALL_INLINES_EXACT_FUNCTION  the interpreter's CALL pushes a frame for
 *                                 exact PyFunction_Type without looking at its
 *                                 vectorcall (3.11), so compiled functions
 *                                 must be a subtype
 *   P2C_HAVE_LOOKUPATTR           _PyObject_LookupAttr (<= 3.12); 3.13 has
 *                                 PyObject_GetOptionalAttr
 *   P2C_LONG_LAYOUT_311           int objects keep sign and digit count in
 *                                 ob_size (<= 3.11); 3.12 has lv_tag
 *   P2C_LONG_LAYOUT_312           lv_tag (3.12, 3.13): compat/long312.h
 *   P2C_HAVE_DICT_VERSION         dicts carry ma_version_tag, changed by every
 *                                 modification (3.6 to 3.13; gone in 3.14)
 *   P2C_INSTANCE_VALUES           instances of MANAGED_DICT classes keep their
 *                                 attributes in values laid out by their
 *                                 type's shared keys (3.11 to 3.13):
 *                                 runtime/compat/object311.h
 *   P2C_INLINE_VALUES_313         those values sit right after the object
 *                                 head with a `valid` flag, in classes with
 *                                 Py_TPFLAGS_INLINE_VALUES, and a __dict__
 *                                 made from them shares them (3.13):
 *                                 runtime/compat/object313.h
 *   P2C_DICT_OR_VALUES_312        the word before an instance's weakref
 *                                 list is its __dict__ or, tagged by its
 *                                 low bit, its values (3.12's
 *                                 PyDictOrValues); 3.11 keeps two words
 *   P2C_DICT_LAYOUT_310           no inline values: instance attributes in
 *                                 a real __dict__ at tp_dictoffset, key
 *                                 tables laid out as in 3.10 (entries keep
 *                                 their hash): runtime/compat/object310.h
 *   P2C_VERSION_TAG_FLAG          a type's version tag counts only while
 *                                 Py_TPFLAGS_VALID_VERSION_TAG is set (3.10
 *                                 to 3.12; 3.13 has no such flag: a tag is
 *                                 valid when not 0): compat/api.h
 *   P2C_HAVE_DICT_ENTRIES         dicts keep key/value entries at stable
 *                                 indexes in their key table (3.6 on; the
 *                                 3.11 layout in object311.h, 3.10's in
 *                                 object310.h)
 *   P2C_ATTR_CACHES               (derived) the attribute caches of
 *                                 pyc2c/attrs.h run: the target's instance
 *                                 layout is known (object311.h or
 *                                 object310.h) and dicts have version tags
 *   P2C_ITER_LAYOUT_311           range and list iterators laid out as in
 *                                 3.10 and 3.11 (stepped inline: compat/iter311.h)
 *   P2C_ITER_LAYOUT_312           3.12's range iterator (no index: start
 *                                 advances, len counts down), 3.11's list
 *                                 iterator (compat/iter311.h too); 3.13's
 *                                 are the same
 *   P2C_EVAL_BREAKER_311          interp->ceval.eval_breaker and
 *                                 gil_drop_request (3.11 and 3.12);
 *                                 read by runtime/compat/ceval311.c only
 *   P2C_EVAL_BREAKER_313          the eval breaker is a word of each thread
 *                                 state (tstate->eval_breaker, its low 8
 *                                 bits events, the rest the instrumentation
 *                                 version), handled by the exported
 *                                 _Py_HandlePending: runtime/compat/ceval313.c
 *   P2C_KEYWORD_SUGGESTIONS       an unexpected keyword argument's TypeError
 *                                 ends "Did you mean 'x'?" when a parameter
 *                                 name is close (3.13; compat/api313.c)
 *   P2C_FRAME_CLEAR_REFUSES_SUSPENDED  frame.clear() of a suspended
 *                                 generator's frame raises RuntimeError
 *                                 (3.13; 3.11 and 3.12 close the generator)
 *   P2C_MONITORING_312            sys.monitoring tools (PEP 669; cProfile)
 *                                 get compiled code's frame and builtin call
 *                                 events: runtime/compat/monitor312.c
 *   P2C_THROW_SIGNATURE_DEPRECATED  throw(type, exc, tb) and athrow(type,
 *                                 exc, tb) warn DeprecationWarning (3.12)
 *   P2C_EMPTY_MINMAX_MESSAGE      min()/max() of an empty iterable: the
 *                                 ValueError's format ("%s" the function);
 *                                 3.12 reworded it
 *   P2C_TRACE_SEND_RETURN         a generator or coroutine ending a `yield
 *                                 from` / `await` is an exception event
 *                                 (StopIteration) for sys.settrace even
 *                                 when it returns None (3.12's
 *                                 INSTRUMENTED_END_SEND)
 *   P2C_YIELD_EVENT_INSIDE        a hook's error at a yield's return event
 *                                 is raised inside the generator, at the
 *                                 yield (3.12's PY_YIELD event)
 *   P2C_HAVE_GETFRAMEMODULENAME   sys._getframemodulename exists (3.12+)
 *                                 and must learn compiled functions
 *                                 (PyFunction_GetModule wants an exact
 *                                 function on 3.12 and 3.13):
 *                                 runtime/compat/sys312.c
 *   P2C_TYPEVAR_CALLER_EXACT_FUNCTION  TypeVar(), ParamSpec(),
 *                                 TypeVarTuple() and TypeAliasType() take
 *                                 their __module__ from the calling frame's
 *                                 function only when it is an exact function
 *                                 (3.12, 3.13): runtime/compat/typevar312.c
 *   P2C_GC_SCHEDULED_312          the cyclic GC runs from the eval breaker
 *                                 (gc_scheduled), which compiled code's
 *                                 breaker handler must do (ceval311.c)
 *   P2C_GROUP_SPLIT_EXACT_FUNCTION  BaseExceptionGroup.split/subgroup take a
 *                                 predicate only when it is exactly a
 *                                 function (3.11, 3.12; 3.13 takes any
 *                                 callable): runtime/replace.c wraps them
 *   P2C_SLICE_VALUE_FIRST         list[a:b] = v makes v a sequence ("must
 *                                 assign iterable to extended slice") before
 *                                 adjusting a and b, for a step of 1 too
 *                                 (3.13's list_ass_subscript): runtime/slices.c
 *   P2C_CLOSE_SKIPS_UNSTARTED     close() of a generator that never ran
 *                                 finishes it without running its frame
 *                                 (3.13's gen_close): runtime/generator.c
 *   P2C_CLOSE_RETURNS_VALUE       close() returns what the generator or
 *                                 coroutine returned when it caught the
 *                                 GeneratorExit (3.13's gen_close; None
 *                                 before): runtime/generator.c
 *   P2C_CAUSE_RESULT_CHECKED      `raise E from C`, C a class: what calling C
 *                                 returns must be an exception instance, else
 *                                 TypeError (3.13's do_raise, gh-112217; before,
 *                                 any result became __cause__): runtime/raise.c
 *   P2C_CLOSE_SKIPS_BARE_YIELD    close() of a generator suspended at a
 *                                 yield outside any handler finishes it
 *                                 without running its frame (3.13's
 *                                 RESUME_OPARG_DEPTH1_MASK; the stub marks
 *                                 such yields' units, src/cgen/codeobj.c)
 *   P2C_TRACE_OPCODE_TAIL         --debuggable code gives a frame with
 *                                 f_trace_opcodes an opcode event at the end
 *                                 of each statement too, at its site (3.13's
 *                                 pdb set_trace() stops at the next opcode
 *                                 event: the rest of its own line):
 *                                 compat/trace311.c
 *   P2C_STUB_MAY_BE_INSTRUMENTED  a compiled frame's f_trace_opcodes
 *                                 instruments its stub code (3.13's
 *                                 _PyEval_SetOpcodeTrace): the stub is
 *                                 recognized by its co_code, not its units
 *   P2C_ASYNCGEN_AWAITABLES_313   the awaitables of an async generator as
 *                                 3.13 has them (genobject.c's
 *                                 async_gen_asend_... and async_gen_athrow_...):
 *                                 throw() starts one (the generator marked
 *                                 running, "already running" when it is),
 *                                 close() throws GeneratorExit in ("coroutine
 *                                 ignored GeneratorExit"), one refused or
 *                                 finished by throw() is done, and one never
 *                                 iterated warns RuntimeWarning "coroutine
 *                                 method ... was never awaited" when
 *                                 finalized: runtime/asyncgen.c
 *   P2C_ORIGIN_SKIPS_INCOMPLETE   a coroutine's cr_origin leaves out
 *                                 incomplete frames, the interpreter's entry
 *                                 frames among them (owned by the C stack,
 *                                 whose code is a shim on 3.12 and None on
 *                                 3.13): compat/genframe311.h
 *   P2C_NOTHING_HANDLED_IS_NULL   an exception stack item that handles
 *                                 nothing holds NULL, never None: 3.13's
 *                                 POP_EXCEPT puts NULL back where
 *                                 PUSH_EXC_INFO found nothing, and its
 *                                 search for the topmost handled exception
 *                                 (sys.exc_info(), bare raise) passes only
 *                                 NULL items, so a None left by a finished
 *                                 handler in a generator hides its caller's
 *                                 exception: compat/excstate.h
 *   P2C_TRACING_311               sys.settrace/setprofile hooks called per
 *                                 frame event when tstate->cframe->use_tracing
 *                                 (3.11; 3.12 keeps c_tracefunc and
 *                                 c_profilefunc for sys.settrace/setprofile
 *                                 beside sys.monitoring, tested per event by
 *                                 P2C_TS_TRACING): runtime/compat/trace311.c
 */
#ifndef PYC2C_COMPAT_VERSION_H
#define PYC2C_COMPAT_VERSION_H

#if PY_VERSION_HEX >= 0x030A0000 && PY_VERSION_HEX < 0x030B0000
#  define P2C_PY_MINOR 10
#  define P2C_CALL_KEEPS_ARGS_310 1
#  define P2C_VERSION_TAG_FLAG 1
#  define P2C_FRAME_OBJECTS_310 1
#  define P2C_TSTATE_WORD_311 1
#  define P2C_HAVE_LOOKUPATTR 1
#  define P2C_EVAL_BREAKER_311 1
#  define P2C_TRACING_311 1
#  define P2C_LONG_LAYOUT_311 1
#  define P2C_HAVE_DICT_VERSION 1
#  define P2C_DICT_LAYOUT_310 1
#  define P2C_HAVE_DICT_ENTRIES 1
#  define P2C_EXC_TRIPLE_310 1
#  define P2C_WITH_ERROR_IS_ATTRIBUTE_310 1
#  define P2C_TUPLE_RESIZE_KEEPS_EMPTY_310 1
#  define P2C_COMPARE_COUNTS_RECURSION_310 1
#  define P2C_ITER_LAYOUT_311 1
#  define P2C_EMPTY_MINMAX_MESSAGE "%s() arg is an empty sequence"
#  define P2C_UNBOUND_LOCAL_MESSAGE "local variable '%s' referenced before assignment"
#  define P2C_UNBOUND_FREE_MESSAGE \
       "free variable '%s' referenced before assignment in enclosing scope"
#elif PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
#  define P2C_PY_MINOR 11
#  define P2C_VERSION_TAG_FLAG 1
#  define P2C_INTERPRETER_FRAMES 1
#  define P2C_FRAME_LAYOUT_311 1
#  define P2C_HAVE_EXCEPTION_GROUPS 1
#  define P2C_TSTATE_WORD_311 1
#  define P2C_CALL_INLINES_EXACT_FUNCTION 1
#  define P2C_HAVE_LOOKUPATTR 1
#  define P2C_LONG_LAYOUT_311 1
#  define P2C_SMALL_INTS_STATIC 1
#  define P2C_HAVE_DICT_VERSION 1
#  define P2C_EVAL_BREAKER_311 1
#  define P2C_INSTANCE_VALUES 1
#  define P2C_HAVE_DICT_ENTRIES 1
#  define P2C_ITER_LAYOUT_311 1
#  define P2C_TRACING_311 1
#  define P2C_EMPTY_MINMAX_MESSAGE "%s() arg is an empty sequence"
#  define P2C_GROUP_SPLIT_EXACT_FUNCTION 1
#elif PY_VERSION_HEX >= 0x030C0000 && PY_VERSION_HEX < 0x030D0000
#  define P2C_PY_MINOR 12
#  define P2C_CALL_EX_GIVES_ARGS_312 1
#  define P2C_VERSION_TAG_FLAG 1
#  define P2C_INTERPRETER_FRAMES 1
#  define P2C_FRAME_LAYOUT_312 1
#  define P2C_HAVE_EXCEPTION_GROUPS 1
#  define P2C_CALL_INLINES_EXACT_FUNCTION 1
#  define P2C_HAVE_LOOKUPATTR 1
#  define P2C_LONG_LAYOUT_312 1
#  define P2C_HAVE_DICT_VERSION 1
#  define P2C_INSTANCE_VALUES 1
#  define P2C_DICT_OR_VALUES_312 1
#  define P2C_HAVE_DICT_ENTRIES 1
#  define P2C_ITER_LAYOUT_312 1
#  define P2C_EVAL_BREAKER_311 1
#  define P2C_TRACING_311 1
#  define P2C_THROW_SIGNATURE_DEPRECATED 1
#  define P2C_MONITORING_312 1
#  define P2C_EMPTY_MINMAX_MESSAGE "%s() iterable argument is empty"
#  define P2C_TRACE_SEND_RETURN 1
#  define P2C_YIELD_EVENT_INSIDE 1
#  define P2C_HAVE_GETFRAMEMODULENAME 1
#  define P2C_TYPEVAR_CALLER_EXACT_FUNCTION 1
#  define P2C_GC_SCHEDULED_312 1
#  define P2C_GROUP_SPLIT_EXACT_FUNCTION 1
#  define P2C_ORIGIN_SKIPS_INCOMPLETE 1
#elif PY_VERSION_HEX >= 0x030D0000 && PY_VERSION_HEX < 0x030E0000
#  define P2C_PY_MINOR 13
#  define P2C_CALL_EX_GIVES_ARGS_312 1
#  define P2C_INTERPRETER_FRAMES 1
#  define P2C_FRAME_LAYOUT_313 1
#  define P2C_HAVE_EXCEPTION_GROUPS 1
#  define P2C_CALL_INLINES_EXACT_FUNCTION 1
#  define P2C_LONG_LAYOUT_312 1
#  define P2C_HAVE_DICT_VERSION 1
#  define P2C_EVAL_BREAKER_313 1
#  define P2C_KEYWORD_SUGGESTIONS 1
#  define P2C_FRAME_CLEAR_REFUSES_SUSPENDED 1
#  define P2C_EMPTY_MINMAX_MESSAGE "%s() iterable argument is empty"
#  define P2C_TRACE_SEND_RETURN 1
#  define P2C_YIELD_EVENT_INSIDE 1
#  define P2C_TRACING_311 1
#  define P2C_THROW_SIGNATURE_DEPRECATED 1
#  define P2C_MONITORING_312 1
#  define P2C_HAVE_GETFRAMEMODULENAME 1
#  define P2C_TYPEVAR_CALLER_EXACT_FUNCTION 1
#  define P2C_SLICE_VALUE_FIRST 1
#  define P2C_CLOSE_SKIPS_UNSTARTED 1
#  define P2C_CLOSE_SKIPS_BARE_YIELD 1
#  define P2C_CLOSE_RETURNS_VALUE 1
#  define P2C_CAUSE_RESULT_CHECKED 1
#  define P2C_TRACE_OPCODE_TAIL 1
#  define P2C_STUB_MAY_BE_INSTRUMENTED 1
#  define P2C_NOTHING_HANDLED_IS_NULL 1
#  define P2C_ASYNCGEN_AWAITABLES_313 1
#  define P2C_ORIGIN_SKIPS_INCOMPLETE 1
#  ifndef Py_GIL_DISABLED   /* the free-threaded build moves the managed dict */
#    define P2C_INSTANCE_VALUES 1
#    define P2C_INLINE_VALUES_313 1
#    define P2C_HAVE_DICT_ENTRIES 1
/* 3.12's iterator layouts (internal/pycore_range.h, pycore_list.h of
 * 3.13.0); the free-threaded build steps list iterators with atomics and
 * keeps the list of an exhausted one */
#    define P2C_ITER_LAYOUT_312 1
#  endif
#else
#  error "pyc2c runtime: only CPython 3.10 to 3.13 are supported"
#endif

/* 3.12 on: the running thread state's thread-local, read at its offset
 * from the thread pointer where Linux and the compiler give one */
#if P2C_PY_MINOR >= 12 && defined(__linux__) && defined(__has_builtin)
#  if __has_builtin(__builtin_thread_pointer)
#    define P2C_TSTATE_TLS_312 1
#  endif
#endif

/* The attribute caches need an instance layout the compat layer reads
 * (3.11, 3.12: values and shared keys; 3.10: a __dict__ at tp_dictoffset)
 * and dict version tags (module entries, stores into a __dict__). */
#if (defined(P2C_INSTANCE_VALUES) || defined(P2C_DICT_LAYOUT_310)) \
    && defined(P2C_HAVE_DICT_VERSION)
#  define P2C_ATTR_CACHES 1
#endif

/* UnboundLocalError's and an empty free variable's NameError (3.11 on;
 * 3.10 says "referenced before assignment"). */
#ifndef P2C_UNBOUND_LOCAL_MESSAGE
#  define P2C_UNBOUND_LOCAL_MESSAGE \
       "cannot access local variable '%s' where it is not associated with a value"
#  define P2C_UNBOUND_FREE_MESSAGE \
       "cannot access free variable '%s' where it is not associated with a value in enclosing scope"
#endif

#endif
