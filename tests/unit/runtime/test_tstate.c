/* test_tstate.c — Check suite for P2C_ThreadState (pyc2c/runtime.h) on
 * whatever target it is built for: it must be the running thread's state
 * in the main thread and in other threads, before and after the runtime
 * looked for it.  On 3.12 and 3.13 (P2C_TSTATE_TLS_312) it must also read it
 * without calling libpython once a module has initialised: this program
 * links libpython, so its thread-locals are in static TLS
 * (compat/tstate312.h), and 3.13.0 spent 14 % of richards' instructions
 * in PyThreadState_Get before.
 *
 *   cc ... test_tstate.c libpyc2crt.a $(python3.13-config --ldflags --embed) -lcheck
 */
#include "pyc2c/runtime.h"   /* Python.h first, as CPython requires */
#include "internal.h"
#include <check.h>
#include <pthread.h>

#define THREADS 4

/* Where the read must not be a call: 3.12 and 3.13 on Linux (3.10 and
 * 3.11 read a word of _PyRuntime). */
#if P2C_PY_MINOR >= 12 && defined(__linux__)
#  define EXPECT_TLS_READ 1
#endif

/* A thread that takes a Python thread state of its own and compares. */
static void *
compare_in_thread(void *arg)
{
    int *same = arg;
    PyGILState_STATE g = PyGILState_Ensure();
    *same = P2C_ThreadState() == PyThreadState_Get();
    PyGILState_Release(g);
    return NULL;
}

/* Runs THREADS threads of compare_in_thread; 1 when each saw its own. */
static int
all_threads_agree(void)
{
    pthread_t t[THREADS];
    int same[THREADS] = {0};
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_create(&t[i], NULL, compare_in_thread, &same[i]), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    Py_END_ALLOW_THREADS
    for (int i = 0; i < THREADS; i++)
        if (!same[i])
            return 0;
    return 1;
}

START_TEST(test_before_module_init)
{
    ck_assert_ptr_eq(P2C_ThreadState(), PyThreadState_Get());
    ck_assert(all_threads_agree());
}
END_TEST

START_TEST(test_after_module_init)
{
    P2C_PublishEvalBreaker();   /* what every compiled module's init does */
#if EXPECT_TLS_READ
#  ifdef P2C_TSTATE_TLS_312
    ck_assert_int_ne(P2C_ThreadStateOffset, 0);   /* the inline read is on */
#  else
    ck_abort_msg("the thread state is read with a call (P2C_TSTATE_TLS_312 off)");
#  endif
#endif
    ck_assert_ptr_eq(P2C_ThreadState(), PyThreadState_Get());
    ck_assert(all_threads_agree());
}
END_TEST

int
main(void)
{
    Py_Initialize();
    Suite *s = suite_create("tstate");
    TCase *tc = tcase_create("tstate");
    tcase_add_test(tc, test_before_module_init);
    tcase_add_test(tc, test_after_module_init);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed != 0;
}
