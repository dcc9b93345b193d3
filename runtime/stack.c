/* stack.c — the C stack guard of compiled calls (docs/runtime.md, "Deep
 * recursion").
 *
 * Every call of a compiled function nests a C call, its frame storage on the
 * C stack, where CPython's Python-to-Python calls nest none.  With the
 * recursion limit raised, a deep recursion would run out of C stack before
 * it reaches the limit and die with SIGSEGV.  So compiled calls also check
 * the C stack: when the address of a local is below this thread's limit
 * (the low end of its stack plus a margin for the code that handles the
 * error), the call raises RecursionError("maximum recursion depth exceeded")
 * as the recursion limit would.
 *
 * The fast push (framefast311.h) compares only at every P2C_STACK_SAMPLE-th
 * recursion level (cheap: one test of a value it has already loaded), the
 * out-of-line pushes (module bodies, class bodies, -O0, hooks) at every one,
 * generator resumptions sampled like the fast push; the margin
 * covers the levels between two samples.
 */
#include "internal.h"
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>

/* The lowest address compiled code may call at on this thread: UINTPTR_MAX
 * until computed (so the first sampled comparison comes here), 0 when the
 * stack of the thread is unknown (never checked). */
__thread uintptr_t P2C_StackLimit = UINTPTR_MAX;

/* Room kept below the limit: for the levels between two samples, the
 * handlers run while the error unwinds (an `except RecursionError:` that
 * calls print) and C code that recurses without checks.  An eighth of the
 * stack, at least 64 KiB, at most 1 MiB, never more than half of it. */
static size_t
stack_margin(size_t size)
{
    size_t m = size / 8;
    if (m < 64 * 1024)
        m = 64 * 1024;
    if (m > 1024 * 1024)
        m = 1024 * 1024;
    if (m > size / 2)
        m = size / 2;
    return m;
}

/* This thread's limit from its stack as pthread describes it (for the main
 * thread glibc derives it from RLIMIT_STACK and /proc/self/maps); 0 when
 * unknown. */
static uintptr_t
compute_limit(void)
{
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return 0;
    int r = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (r != 0 || addr == NULL || size == 0)
        return 0;
    return (uintptr_t)addr + stack_margin(size);
}

int
P2C_Stack_Check(void)
{
    char here;
    if (P2C_UNLIKELY(P2C_StackLimit == UINTPTR_MAX))
        P2C_StackLimit = compute_limit();
    if (P2C_LIKELY((uintptr_t)&here >= P2C_StackLimit))
        return 0;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

/* ---- the main program's big stack ----------------------------------------
 * CPython 3.11 runs a Python recursion as deep as the recursion limit allows
 * on the 8 MiB main thread; compiled code needs C stack for each level.  An
 * executable therefore runs the whole interpreter (start-up, __main__,
 * finalization) on a thread with a big stack, reserved, not committed: the
 * kernel only backs the pages a recursion touches.  That thread is the one
 * that initializes Python, so it is Python's main thread for everything
 * (threading.main_thread(), signal handlers, KeyboardInterrupt).  The OS main
 * thread blocks every signal and waits, so a process-directed signal goes
 * to a Python thread; a signal the Python main thread sends itself (kill,
 * pidfd_send_signal) is delivered to it synchronously as under CPython.
 * Known difference: with several Python threads, Ctrl-C may be delivered to
 * another one, and then does not interrupt a blocking call of the main
 * thread (a relay through sigwaitinfo was tried; it made self-sent signals
 * asynchronous, which tests/programs/signal_after_call.py catches). */

/* Big enough for 200,000 levels of ordinary compiled functions; smaller ones
 * are tried when the reservation fails (a ulimit -v, a 32-bit host). */
static const size_t big_stack_sizes[] = {(size_t)1 << 30, (size_t)256 << 20, (size_t)64 << 20};

typedef struct {
    int (*fn)(void *);
    void *arg;
    sigset_t mask;   /* the signal mask the program starts with */
} BigStackRun;

static void *
big_stack_start(void *p)
{
    BigStackRun *run = p;
    pthread_sigmask(SIG_SETMASK, &run->mask, NULL);
    /* exit() from here, not a return to the waiting thread: in a child made
     * by os.fork() this thread is the only one, and its status must still be
     * the process's exit status. */
    exit(run->fn(run->arg));
}

/* Whether the main thread's own stack is already at least size (a raised
 * or unlimited `ulimit -s`). */
static int
main_stack_is_big(size_t size)
{
    struct rlimit rl;
    return getrlimit(RLIMIT_STACK, &rl) == 0
           && (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= size);
}

int
P2C_Stack_RunBig(int (*fn)(void *), void *arg)
{
    size_t n = sizeof big_stack_sizes / sizeof big_stack_sizes[0];
    if (main_stack_is_big(big_stack_sizes[0]))
        return fn(arg);
    BigStackRun run = {fn, arg, {{0}}};
    sigset_t all;
    sigfillset(&all);
    if (pthread_sigmask(SIG_SETMASK, &all, &run.mask) != 0)
        return fn(arg);
    for (size_t i = 0; i < n; i++) {
        pthread_attr_t attr;
        pthread_t thread;
        if (pthread_attr_init(&attr) != 0)
            break;
        int r = pthread_attr_setstacksize(&attr, big_stack_sizes[i]);
        if (r == 0)
            r = pthread_create(&thread, &attr, big_stack_start, &run);
        pthread_attr_destroy(&attr);
        if (r == 0) {
            pthread_join(thread, NULL);   /* never returns: the thread exits the process */
            return 0;
        }
    }
    /* no thread could be made: run here, the stack guard still protects */
    pthread_sigmask(SIG_SETMASK, &run.mask, NULL);
    return fn(arg);
}
