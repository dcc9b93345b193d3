/* arena.c — bump allocation in chunks, freed at once (see arena.h).
 *
 * A module's IR (and a file's AST) is built, read by later stages and then
 * dropped as a whole, so per-object frees would only cost time and bugs.
 * Requests are carved from the newest chunk; a request that does not fit
 * starts a new chunk (at least CHUNK_SIZE, larger for big requests).
 */
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

enum { CHUNK_SIZE = 64 * 1024 };

typedef struct Chunk {
    struct Chunk *next;      /* the previously filled chunk */
    size_t size, used;       /* bytes of data[] */
    alignas(max_align_t) unsigned char data[];
} Chunk;

struct IrArena {
    Chunk *head;             /* the chunk being filled */
};


IrArena *ir_arena_new(void)
{
    return xcalloc(1, sizeof(IrArena));
}

void ir_arena_free(IrArena *a)
{
    if (!a)
        return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

static Chunk *chunk_new(size_t min_size)
{
    size_t size = min_size > CHUNK_SIZE ? min_size : CHUNK_SIZE;
    Chunk *c = xcalloc(1, sizeof(Chunk) + size);
    c->size = size;
    return c;
}

void *ir_arena_alloc(IrArena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    Chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        c = chunk_new(size);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;   /* chunks come from calloc and are never reused: already zero */
}

char *ir_arena_strdup(IrArena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = ir_arena_alloc(a, n);
    memcpy(p, s, n);
    return p;
}

void *ir_arena_grow(IrArena *a, void *items, int *cap, int need, size_t item_size)
{
    if (need <= *cap)
        return items;
    int ncap = *cap ? *cap * 2 : 4;
    while (ncap < need)
        ncap *= 2;
    void *p = ir_arena_alloc(a, (size_t)ncap * item_size);
    if (items && *cap)
        memcpy(p, items, (size_t)*cap * item_size);
    *cap = ncap;
    return p;
}
