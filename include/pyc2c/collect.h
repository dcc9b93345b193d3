/* collect.h — generator expressions consumed in place (runtime/collect.c,
 * docs/optimizer.md "Generator expressions consumed in place").
 *
 * For `sum(f(x) for x in xs)` the compiler writes, besides the generator
 * function, a collector: the same body as an ordinary function whose
 * `yield v` is P2C_Collect_Add.  The call site runs
 *
 *     if (P2C_Collect_Applies(P2C_COLLECT_SUM, callee))
 *         r = collector(genexpr_function, iterator);    no generator at all
 *     else
 *         r = callee(genexpr_function(iterator));        the generic call
 *
 * and the collector does what the consumer (here builtin_sum_impl) does
 * with each item the generator would have produced, in the same order,
 * with the same results and errors.  What the consumer does with an item
 * happens, under CPython, while the generator is suspended: its frame is
 * off the frame stack, and an error there gets no traceback entry for it.
 * P2C_Collect_Add therefore runs with the collector's frame unlinked, and
 * its errors leave the collector without a traceback entry.
 */
#ifndef PYC2C_COLLECT_H
#define PYC2C_COLLECT_H

enum {
    P2C_COLLECT_NONE = 0,
#define P2C_COLLECT(id, name, builtin) P2C_COLLECT_##id,
#include "pyc2c/collect_kinds.def"
#undef P2C_COLLECT
    P2C_COLLECT_COUNT
};

/* A consumer's state, on the collector's C stack. */
typedef struct {
    int kind;
    int sum_mode;         /* SUM: builtin_sum_impl's loop it is in */
    long i_result;        /* SUM, int loop */
    double f_result;      /* SUM, float loop */
    PyObject *acc;        /* the list, set or frozenset; SUM's generic
                             result; MIN/MAX's item so far */
    PyObject *val;        /* MIN/MAX: the value compared (the item: no key) */
    PyObject *sep;        /* JOIN: the separator (borrowed from the caller) */
    int done;             /* ANY/ALL: the answer is known */
    int body_failed;      /* the generator expression's body raised */
} P2C_Collector;

/* Whether the call of callee (for JOIN: the object of `sep.join`, NULL when
 * the method lookup gave no object) is the consumer `kind` stands for, and
 * no trace or profile hook is set (a generator would get their events). */
P2C_API int P2C_Collect_IsConsumer(int kind, PyObject *callee);
static inline int
P2C_Collect_Applies(int kind, PyObject *callee)
{
    return !P2C_Tracing() && P2C_Collect_IsConsumer(kind, callee);
}

/* The consumer's empty state (sep: JOIN's separator, else NULL).  0, or -1
 * with an exception (memory). */
P2C_API int P2C_Collect_Init(P2C_Collector *c, int kind, PyObject *sep);

/* The consumer takes item (stolen), with f, the collector's frame, off the
 * frame stack while it runs code: 0 to go on, 1 when the consumer has its
 * answer (any, all), -1 with the consumer's exception. */
P2C_API int P2C_Collect_Add(P2C_Collector *c, P2C_Frame *f, PyObject *item);

/* After the collector's frame is popped: r is the body's return value
 * (released; its end), or NULL when the body or P2C_Collect_Add failed.
 * Returns the consumer's result (new), or NULL with the exception as the
 * consumer's caller would see it: a StopIteration the body raised becomes
 * "generator raised StopIteration" (PEP 479).  Releases the state. */
P2C_API PyObject *P2C_Collect_End(P2C_Collector *c, PyObject *r);

#endif
