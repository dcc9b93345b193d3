/* arena.h — the bump allocator behind IrModule (and the front end's AstUnit).
 *
 * Private to the compiler (not a stage contract): memory is handed out from
 * chunks and released all at once, so IR and AST builders never free nodes
 * one by one.  Implemented in src/ir/arena.c.
 */
#ifndef PYC2C_SRC_IR_ARENA_H
#define PYC2C_SRC_IR_ARENA_H

#include <stddef.h>

typedef struct IrArena IrArena;

/* new: an empty arena; aborts on out-of-memory. */
IrArena *ir_arena_new(void);
/* Releases every block the arena handed out, and the arena itself. */
void ir_arena_free(IrArena *a);
/* size bytes, zeroed, aligned for any C type; aborts on out-of-memory. */
void *ir_arena_alloc(IrArena *a, size_t size);
/* A copy of s (NUL-terminated) in the arena; NULL for NULL. */
char *ir_arena_strdup(IrArena *a, const char *s);
/* Grows an arena array of *cap items of item_size bytes to hold at least
 * need items; the old block is abandoned to the arena.  Returns the array. */
void *ir_arena_grow(IrArena *a, void *items, int *cap, int need, size_t item_size);

#endif
