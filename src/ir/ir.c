/* ir.c — the IR's tables and builders: kind and operator tables generated
 * from pyc2c/ir_kinds.def and the operator lists of ir.h, and construction of
 * modules, functions, variables and nodes in the module's arena.
 * The constant table lives in const.c.
 */
#include "pyc2c/compiler/ir.h"
#include "pyc2c/compiler/diag.h"
#include "arena.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const IrKindInfo ir_kind_info[IR_KIND_COUNT] = {
#define IR_KIND(name, printed, cls, kids, flags) [IR_##name] = {printed, cls, kids, flags},
#include "pyc2c/ir_kinds.def"
#undef IR_KIND
};

#define X(n, s) s,
const char *const ir_binop_symbol[IR_BINOP_COUNT] = { IR_BINOP_LIST(X) };
const char *const ir_unaryop_symbol[IR_UNARY_COUNT] = { IR_UNARYOP_LIST(X) };
const char *const ir_cmpop_symbol[IR_CMP_COUNT] = { IR_CMPOP_LIST(X) };
#undef X

const IrHelperInfo ir_helper_info[IR_HELPER_COUNT] = {
#define X(n, s, k, c) [IR_HELPER_##n] = {s, k, c},
    IR_HELPER_LIST(X)
#undef X
};

/* The module owns an arena and the constant table (a list of strong
 * references plus the dict that deduplicates them, see const.c). */
IrModule *ir_module_new(const char *name, const char *filename)
{
    IrArena *arena = ir_arena_new();
    IrModule *m = ir_arena_alloc(arena, sizeof *m);
    m->arena = arena;
    m->name = ir_arena_strdup(arena, name);
    m->filename = ir_arena_strdup(arena, filename);
    m->consts = PyList_New(0);
    m->const_index = PyDict_New();
    m->const_stand_ins = PySet_New(NULL);
    m->warnings_cidx = -1;
    if (!m->consts || !m->const_index || !m->const_stand_ins) {
        Py_XDECREF(m->consts);
        Py_XDECREF(m->const_index);
        Py_XDECREF(m->const_stand_ins);
        ir_arena_free(arena);
        return NULL;
    }
    return m;
}

void ir_module_free(IrModule *m)
{
    if (!m)
        return;
    Py_XDECREF(m->consts);
    Py_XDECREF(m->const_index);
    Py_XDECREF(m->const_stand_ins);
    Py_XDECREF(m->stub_facts);
    ir_arena_free(m->arena);   /* m itself lives in the arena: last */
}

void *ir_alloc(IrModule *m, size_t size)
{
    return ir_arena_alloc(m->arena, size);
}

char *ir_strdup(IrModule *m, const char *s)
{
    return ir_arena_strdup(m->arena, s);
}

/* A new function registered as m->funcs[id]; its body is an empty BLOCK.
 * The first function without a parent is the module body ("<module>"). */
IrFunction *ir_function_new(IrModule *m, IrFunction *parent, const char *name,
                            const char *qualname, IrPos pos)
{
    IrFunction *fn = ir_alloc(m, sizeof *fn);
    fn->name = ir_strdup(m, name);
    fn->qualname = ir_strdup(m, qualname ? qualname : name);
    fn->pos = pos;
    fn->is_module = parent == NULL;
    fn->parent = parent;
    fn->doc_cidx = -1;
    fn->names_cidx = -1;
    fn->fact_index = -1;
    fn->body = ir_node_new(m, IR_BLOCK, pos);
    m->funcs = ir_arena_grow(m->arena, m->funcs, &m->capfuncs, m->nfuncs + 1,
                             sizeof *m->funcs);
    fn->id = m->nfuncs;
    m->funcs[m->nfuncs++] = fn;
    return fn;
}

/* ---- the index of named variables ----------------------------------------
 * ir_var_find runs for every name the lowering meets: a linear search made
 * module code of 10,000 assignments quadratic (docs/compile-scaling.md).
 * Open addressing, at most half full, in the arena (the old table is simply
 * left there when it grows). */

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The entry for name: its first variable, or the empty entry to fill. */
static IrVar **index_slot(IrFunction *fn, const char *name)
{
    unsigned mask = (unsigned)fn->cap_var_index - 1;
    for (unsigned i = name_hash(name) & mask;; i = (i + 1) & mask) {
        IrVar **e = &fn->var_index[i];
        if (!*e || strcmp((*e)->name, name) == 0)
            return e;
    }
}

static void index_add(IrModule *m, IrFunction *fn, IrVar *v)
{
    if (2 * (fn->nnamed + 1) > fn->cap_var_index) {
        IrVar **old = fn->var_index;
        int oldcap = fn->cap_var_index;
        fn->cap_var_index = oldcap ? 2 * oldcap : 32;
        fn->var_index = ir_alloc(m, (size_t)fn->cap_var_index * sizeof *fn->var_index);
        for (int i = 0; i < oldcap; i++)
            if (old[i])
                *index_slot(fn, old[i]->name) = old[i];
    }
    IrVar **e = index_slot(fn, v->name);
    if (!*e) {   /* the first of that name stays */
        *e = v;
        fn->nnamed++;
    }
}

static IrVar *var_add(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind,
                      bool indexed)
{
    IrVar *v = ir_alloc(m, sizeof *v);
    v->name = ir_strdup(m, name);
    v->kind = kind;
    v->slot = -1;
    v->arg_slot = -1;
    v->name_cidx = -1;
    v->owner = fn;
    fn->vars = ir_arena_grow(m->arena, fn->vars, &fn->capvars, fn->nvars + 1,
                             sizeof *fn->vars);
    v->id = fn->nvars;
    fn->vars[fn->nvars++] = v;
    if (kind != IR_VAR_TEMP && indexed)
        index_add(m, fn, v);
    return v;
}

/* Interning a name only fails on memory exhaustion, which the compiler
 * treats as fatal rather than threading an error through every builder. */
static IrVar *var_new(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind,
                      bool indexed)
{
    IrVar *v = var_add(m, fn, name, kind, indexed);
    v->name_cidx = ir_const_str(m, name);
    if (v->name_cidx < 0) {
        PyErr_Print();
        P2C_UNREACHABLE();
    }
    if (kind == IR_VAR_LOCAL || kind == IR_VAR_CELL || kind == IR_VAR_FREE)
        v->slot = fn->nslots++;
    else if (kind == IR_VAR_TEMP)
        v->slot = fn->ntemps++;
    return v;
}

IrVar *ir_var_new(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind)
{
    return var_new(m, fn, name, kind, true);
}

IrVar *ir_var_new_unindexed(IrModule *m, IrFunction *fn, const char *name, IrVarKind kind)
{
    return var_new(m, fn, name, kind, false);
}

/* Temporaries are named $t1, $t2 ... (slot + 1); '$' keeps them apart from
 * every Python identifier. */
IrVar *ir_temp_new(IrModule *m, IrFunction *fn)
{
    char name[32];
    snprintf(name, sizeof name, "$t%d", fn->ntemps + 1);
    IrVar *v = var_add(m, fn, name, IR_VAR_TEMP, false);
    v->slot = fn->ntemps++;
    return v;
}

IrVar *ir_var_find(IrFunction *fn, const char *name)
{
    return fn->cap_var_index ? *index_slot(fn, name) : NULL;
}

IrVar *ir_var_find_kind(IrFunction *fn, const char *name, IrVarKind kind)
{
    for (int i = 0; i < fn->nvars; i++) {
        IrVar *v = fn->vars[i];
        if (v->kind == kind && strcmp(v->name, name) == 0)
            return v;
    }
    return NULL;
}

IrVar *ir_var_find_closure(IrFunction *fn, const char *name)
{
    /* compile.c's get_ref_type: a class body's __class__ is its own cell,
     * even when the body also reads an outer __class__ (a free) or names
     * one (a NAME) */
    int class_cell = fn->is_class && strcmp(name, "__class__") == 0;
    for (int i = 0; i < fn->nvars; i++) {
        IrVar *v = fn->vars[i];
        if ((v->kind == IR_VAR_CELL || (v->kind == IR_VAR_FREE && !class_cell)) &&
            strcmp(v->name, name) == 0)
            return v;
    }
    return NULL;
}

IrNode *ir_node_new(IrModule *m, IrKind kind, IrPos pos)
{
    IrNode *n = ir_alloc(m, sizeof *n);
    n->kind = kind;
    n->pos = pos;
    n->cidx = -1;
    n->cidx2 = -1;
    n->star = -1;
    if (kind == IR_FORMAT)
        n->op = -1;   /* no conversion */
    return n;
}

void ir_node_add(IrModule *m, IrNode *parent, IrNode *kid)
{
    if (!kid)
        P2C_UNREACHABLE();
    parent->kids = ir_arena_grow(m->arena, parent->kids, &parent->capkids,
                                 parent->nkids + 1, sizeof *parent->kids);
    parent->kids[parent->nkids++] = kid;
}

/* NULL kid arguments are skipped: they stand for absent optional ('o')
 * kids, which may only come last. */
IrNode *ir_node(IrModule *m, IrKind kind, IrPos pos, int nkids, ...)
{
    IrNode *n = ir_node_new(m, kind, pos);
    va_list ap;
    va_start(ap, nkids);
    for (int i = 0; i < nkids; i++) {
        IrNode *kid = va_arg(ap, IrNode *);
        if (kid)
            ir_node_add(m, n, kid);
    }
    va_end(ap);
    return n;
}
