/* tstate312.c — finds where 3.12's and 3.13's libpython keep the running
 * thread state, for the inline read of compat/tstate312.h (which says why).
 *
 * Steps, each of which leaves the offset 0 (PyThreadState_Get) when it
 * fails:
 *   1. the object holding libpython's code (libpython3.1X.so, or the
 *      executable it is linked into) and this thread's copy of its
 *      thread-locals (dl_iterate_phdr: the PT_TLS segment's size, and
 *      dlpi_tls_data, this thread's block);
 *   2. the one pointer-sized word of that block equal to
 *      PyThreadState_Get() (3.12.1's block has two thread-locals, 3.13.0's
 *      four; only _Py_tss_tstate can hold a thread state; a second equal
 *      word, as a later version's gilstate word might be, makes the word
 *      ambiguous);
 *   3. a new thread (no Python thread state) must find its own block of
 *      libpython's thread-locals at that word's offset from its thread
 *      pointer, and the word NULL there: the block is in static TLS.  A
 *      libpython loaded by dlopen() gets its block per thread on first use
 *      (dlpi_tls_data is NULL in the new thread) and fails here.
 */
#define _GNU_SOURCE 1
#include <Python.h>
#include "compat/version.h"
#ifdef P2C_TSTATE_TLS_312

#include <link.h>
#include <pthread.h>
#include <stdint.h>

/* what pyc2c/runtime.h would give tstate312.h (P2C_ThreadState's branch
 * hint; without it, an implicit declaration) */
#define P2C_API __attribute__((visibility("hidden")))
#define P2C_LIKELY(x) __builtin_expect(!!(x), 1)
#include "compat/tstate312.h"

P2C_API intptr_t P2C_ThreadStateOffset;

/* libpython's thread-locals as dl_iterate_phdr shows them to one thread. */
typedef struct {
    const char *code;   /* an address of libpython's code */
    char *data;         /* the calling thread's block, or NULL */
    size_t size;        /* the block's size (the PT_TLS segment's) */
} TlsBlock;

/* dl_iterate_phdr's callback: stops at the object whose loaded segments
 * hold b->code and fills b from it. */
static int
find_block(struct dl_phdr_info *info, size_t info_size, void *arg)
{
    TlsBlock *b = arg;
    (void)info_size;
    int holds_code = 0;
    size_t tls_size = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        const char *start = (const char *)(info->dlpi_addr + ph->p_vaddr);
        if (ph->p_type == PT_LOAD && b->code >= start && b->code < start + ph->p_memsz)
            holds_code = 1;
        else if (ph->p_type == PT_TLS)
            tls_size = ph->p_memsz;
    }
    if (!holds_code)
        return 0;
    b->data = info->dlpi_tls_data;
    b->size = tls_size;
    return 1;
}

static TlsBlock
this_threads_block(void)
{
    TlsBlock b = {(const char *)(uintptr_t)&PyThreadState_Get, NULL, 0};
    dl_iterate_phdr(find_block, &b);
    return b;
}

/* The offset in the block of the one word equal to ts, or -1. */
static intptr_t
word_holding(const TlsBlock *b, PyThreadState *ts)
{
    intptr_t found = -1;
    for (size_t i = 0; i + sizeof(void *) <= b->size; i += sizeof(void *)) {
        if (*(PyThreadState **)(b->data + i) != ts)
            continue;
        if (found >= 0)
            return -1;   /* two candidates */
        found = (intptr_t)i;
    }
    return found;
}

typedef struct {
    intptr_t in_block;   /* the word's offset in the block */
    intptr_t from_tp;    /* the word's offset from the thread pointer */
    int is_static;       /* the new thread's answer */
} StaticProbe;

static void *
probe_thread(void *arg)
{
    StaticProbe *p = arg;
    TlsBlock b = this_threads_block();
    char *word = (char *)__builtin_thread_pointer() + p->from_tp;
    p->is_static = b.data != NULL && b.data + p->in_block == word &&
                   *(PyThreadState **)word == NULL;
    return NULL;
}

/* Runs the probe on a new thread (a small stack: it calls little). */
static int
block_is_static(StaticProbe *p)
{
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) != 0)
        return 0;
    pthread_attr_setstacksize(&attr, 64 * 1024);
    int made = pthread_create(&t, &attr, probe_thread, p) == 0;
    pthread_attr_destroy(&attr);
    if (!made || pthread_join(t, NULL) != 0)
        return 0;
    return p->is_static;
}

void
P2C_FindThreadStateSlot(void)
{
    static int searched;
    if (searched)
        return;
    searched = 1;
    TlsBlock b = this_threads_block();
    if (b.data == NULL)
        return;
    intptr_t in_block = word_holding(&b, PyThreadState_Get());
    if (in_block < 0)
        return;
    StaticProbe p = {in_block, b.data + in_block - (char *)__builtin_thread_pointer(), 0};
    if (p.from_tp != 0 && block_is_static(&p))
        P2C_ThreadStateOffset = p.from_tp;
}

#endif  /* P2C_TSTATE_TLS_312 */
