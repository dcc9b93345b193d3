/* numeric_int.h — what numeric.c (the tiers of fused arithmetic) and
 * numtree.c (recognizing the trees and their calls) share: the tree being
 * fused and the questions asked of it.  Internal to src/cgen.
 */
#ifndef PYC2C_CGEN_NUMERIC_INT_H
#define PYC2C_CGEN_NUMERIC_INT_H

#include "cgen_int.h"

enum { MAX_LEAVES = 16, MAX_ATTRS = 16, MAX_OPS = 64, MAX_RUN = 16, MAX_CALLS = 8,
       MAX_PARAMS = MAX_RUN, MAX_STMTS = 32 };

/* The tree being fused: its distinct local leaves, its attribute leaves
 * (each its own site, with its cache index once assigned), and its
 * operator count. */
struct CgNumTree {
    const IrVar *locals[MAX_LEAVES];
    int nlocals;
    const IrNode *attrs[MAX_ATTRS];
    int attr_cache[MAX_ATTRS];
    int nattrs;
    int nops;
    /* a run of assignments (cg_numeric_run): the variables its statements
     * so far assign, whose later loads read the C value, not the slot */
    const IrVar *assigned[MAX_RUN];
    int nassigned;
    /* its calls inlined ("Calls inlined" below) or of math functions: each
     * call, and the caches of the loads of its callee (a global, or an
     * attribute of a global), shared with the generic code's loads */
    const IrNode *calls[MAX_CALLS];
    int call_cache[MAX_CALLS];
    int call_acache[MAX_CALLS];   /* `m.sqrt(x)`: the attribute's, else -1 */
    int ncalls;
    bool in_callee;   /* collecting an inlined body: nothing inlined there */
    /* a run's stores into list items (run_store): each one's statement,
     * list variable and index; the temporaries that only carry a local to
     * a store (`$t19 = v1; move($t19)[0] = ...`), read as that local; and
     * the statement each attribute or item leaf belongs to */
    int store_stmt[MAX_RUN];
    const IrVar *store_obj[MAX_RUN];
    Py_ssize_t store_key[MAX_RUN];
    int nstores;
    const IrVar *alias_tmp[MAX_RUN], *alias_src[MAX_RUN];
    int naliases;
    int attr_stmt[MAX_ATTRS];
};
typedef struct CgNumTree Tree;

/* Whether n is an operator the tiers compute. */
bool num_fusable_op(const IrNode *n);
/* A local, cell, free variable or unconsumed temporary read. */
bool num_local_leaf(const IrNode *n);
/* Whether n is made only of fusable operators (and calls numtree.c
 * computes) over constant and local leaves; fills t. */
bool num_collect(const Cg *cg, const IrNode *n, Tree *t);
/* An operator, or a call inlined or of a math function. */
bool num_fusable_root(const Cg *cg, const IrNode *n);
bool num_assigned_in(const Tree *t, const IrVar *v);
/* The variable v stands for in t (a temporary carrying a list). */
const IrVar *num_resolve(const Tree *t, const IrVar *v);
/* Where a leaf variable's value is read (borrowed; NULL when unbound). */
void num_leaf_value(Cg *cg, const Tree *t, const IrVar *v, char *buf, size_t size);
/* Index of a local leaf, of an attribute or item leaf (-1: none). */
int num_leaf_index(const Tree *t, const IrVar *v);
int num_attr_index(const Tree *t, const IrNode *n);
/* Each attribute leaf's and each call's caches, shared with the generic
 * code's loads. */
void num_assign_attr_caches(Cg *cg, Tree *t);

/* Calls: the def a call inlines (NULL: none), the tree it returns, its
 * parameter i; the math function a call makes (-1: none), its runtime
 * helper's suffix and id; the global a call's callee is or is an attribute
 * of. */
const IrFunction *num_inline_callee(const Cg *cg, const IrNode *call);
const IrNode *num_returned_tree(const IrFunction *fn);
const IrVar *num_param_var(const IrFunction *fn, int i);
int num_call_math(const Cg *cg, const IrNode *call);
extern const char *const num_math_fns[];
extern const char *const num_math_ids[];
const IrNode *num_callee_global(const IrNode *call);

#endif
