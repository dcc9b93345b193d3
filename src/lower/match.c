/* match.c — the match statement (PEP 634) as CPython 3.11's compiler_match
 * compiles it, in tests with pattern helpers:
 *
 *   match subject:                 $s = subject
 *       case [x, 1] if x > 0:      $done = False
 *           body1                  if match_sequence($s):
 *       case C(a, b=y):                if match_len($s) == 2:
 *           body2                          $1, $2 = unpack($s)
 *                                          if $2 == 1:
 *                                              x = $1              # bind
 *                                              if x > 0:           # guard
 *                                                  $done = True
 *                                                  del $s
 *                                                  body1
 *                                  if $done: pass
 *                                  else:
 *                                      $3 = match_class($s, C, 1, ('b',))
 *                                      if $3 is not None:
 *                                          $4, $5 = unpack($3)
 *                                          a = $4; y = $5
 *                                          $done = True ...
 *
 * A pattern is a nest of IFs: lowering it into a block returns the block
 * its success continues in; a failure falls out of the nest.  The helpers
 * (runtime/match.c) are CPython's instructions: MATCH_SEQUENCE,
 * MATCH_MAPPING (type flags), GET_LEN, MATCH_KEYS (map.get with a dummy
 * default; duplicate-key ValueError), the **rest copy, MATCH_CLASS
 * (__match_args__, the self-matching builtins, CPython's TypeErrors).  The
 * rest is ordinary IR: `==` for value patterns, `is` for None/True/False,
 * UNPACK (UNPACK_SEQUENCE/UNPACK_EX: iterates the subject) for sequence
 * patterns, subscripts for those with a `*_` (CPython's
 * pattern_helper_sequence_subscr, which indexes from len() for the items
 * after the star).
 *
 * Names: captures go into temporaries, one per name per case (alternatives
 * of an or-pattern bind the same names, so they share them); the names are
 * bound only when the whole pattern matched, in the order CPython's
 * pc->stores has them (first capture first; an or-pattern's names in its
 * first alternative's order), before the guard — so they stay bound when
 * the guard fails, as in CPython.  Operations report the position of their
 * pattern (compile.c's SET_LOC(c, p)).  The compile-time SyntaxErrors
 * (unreachable patterns, repeated names, alternatives binding different
 * names, duplicate literal keys, repeated keyword attributes) come from
 * CPython's own compile of the module in the front end.
 */
#include <stdarg.h>
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

IrNode *lower_helper(Lower *L, IrHelper h, IrPos pos, ...)
{
    IrNode *n = ir_node_new(L->m, IR_HELPER, pos);
    n->op = h;
    va_list ap;
    va_start(ap, pos);
    for (int i = 0; i < ir_helper_info[h].nargs; i++)
        ir_node_add(L->m, n, va_arg(ap, IrNode *));
    va_end(ap);
    return n;
}

/* One case's pattern state: the captured names in binding order with their
 * temporaries, and every temporary the pattern used (dropped when the case
 * is over, however it ended). */
typedef struct {
    const char *name;
    IrVar *temp;
} Capture;

typedef struct {
    Lower *L;
    Capture *caps;
    int ncaps, capcaps;
    IrVar **temps;
    int ntemps, captemps;
    IrPos last;    /* the last pattern lowered: compile.c's SET_LOC(c, p) is
                      not undone, so the names are stored (and the guard
                      tested) at the position of the last sub-pattern */
} Pc;

static void *grow(Lower *L, void *old, int n, int *cap, size_t size)
{
    if (n < *cap)
        return old;
    int newcap = *cap ? 2 * *cap : 8;
    void *p = ir_alloc(L->m, (size_t)newcap * size);
    if (n)
        memcpy(p, old, (size_t)n * size);
    *cap = newcap;
    return p;
}

static IrVar *pc_temp(Pc *pc)
{
    pc->temps = grow(pc->L, pc->temps, pc->ntemps, &pc->captemps, sizeof *pc->temps);
    return pc->temps[pc->ntemps++] = lower_temp(pc->L);
}

/* if test: <the returned block>  (appended to block) */
static IrNode *if_then(Lower *L, IrNode *block, IrNode *test, IrPos pos)
{
    IrNode *then = ir_node_new(L->m, IR_BLOCK, pos);
    ir_node_add(L->m, block, ir_node(L->m, IR_IF, pos, 3, test, then,
                                     ir_node_new(L->m, IR_BLOCK, pos)));
    return then;
}

static IrNode *compare(Lower *L, IrCmpOp op, IrNode *a, IrNode *b, IrPos pos)
{
    IrNode *c = ir_node(L->m, IR_COMPARE, pos, 2, a, b);
    c->op = op;
    return c;
}

static IrNode *const_int(Lower *L, long v, IrPos pos)
{
    PyObject *o = PyLong_FromLong(v);
    if (!o)
        P2C_UNREACHABLE();
    IrNode *n = lower_const_node(L, o, pos);
    Py_DECREF(o);
    return n;
}

/* pattern_helper_store_name: the capture of value (a LOAD) into name's
 * temporary, the name listed in binding order when first seen.  A wildcard
 * (no name) stores nothing. */
static void store_name(Pc *pc, const char *name, IrVar *value, IrNode *block, IrPos pos)
{
    if (!name)
        return;
    Lower *L = pc->L;
    int i = 0;
    while (i < pc->ncaps && strcmp(pc->caps[i].name, name) != 0)
        i++;
    if (i == pc->ncaps) {
        pc->caps = grow(L, pc->caps, pc->ncaps, &pc->capcaps, sizeof *pc->caps);
        pc->caps[i] = (Capture){name, pc_temp(pc)};
        pc->ncaps++;
    }
    lower_add_assign(L, block, pc->caps[i].temp, lower_load(L, value, pos), pos);
}

static IrNode *pattern(Pc *pc, const AstNode *p, IrVar *subject, IrNode *block);

/* True when p is `_` (compile.c's WILDCARD_CHECK) / `*_`. */
static bool is_wildcard(const AstNode *p)
{
    return p->kind == AST_MatchAs && !((const AstMatchAs *)p)->pattern &&
           !((const AstMatchAs *)p)->name;
}

static bool is_star_wildcard(const AstNode *p)
{
    return p->kind == AST_MatchStar && !((const AstMatchStar *)p)->name;
}

/* Unpacks value (a LOAD or a helper's result) into n new temporaries
 * (UNPACK_SEQUENCE / UNPACK_EX with star), appended to block. */
static IrVar **unpack_into(Pc *pc, IrNode *value, int n, int star, IrNode *block, IrPos pos)
{
    Lower *L = pc->L;
    IrNode *u = ir_node(L->m, IR_UNPACK, pos, 1, value);
    u->star = star;
    u->nvars = n;
    u->vars = ir_alloc(L->m, sizeof *u->vars * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        u->vars[i] = pc_temp(pc);
    ir_node_add(L->m, block, u);
    return u->vars;
}

/* Sub-patterns pats[0..n) against the temporaries items, in order, each
 * nested in the success of the one before; wildcards skipped. */
static IrNode *subpatterns(Pc *pc, const AstSeq *pats, IrVar **items, IrNode *block)
{
    for (int i = 0; i < pats->n && block; i++)
        if (!is_wildcard(pats->items[i]))
            block = pattern(pc, pats->items[i], items[i], block);
    return block;
}

/* compiler_pattern_sequence */
static IrNode *sequence_pattern(Pc *pc, const AstMatchSequence *p, IrVar *s, IrNode *block)
{
    Lower *L = pc->L;
    IrPos pos = p->hdr.pos;
    const AstSeq *pats = &p->patterns;
    int size = pats->n, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
        const AstNode *q = pats->items[i];
        if (q->kind == AST_MatchStar) {
            star = i;
            star_wildcard = is_star_wildcard(q);
            only_wildcard = only_wildcard && star_wildcard;
        } else {
            only_wildcard = only_wildcard && is_wildcard(q);
        }
    }
    block = if_then(L, block, lower_helper(L, IR_HELPER_MATCH_SEQUENCE, pos,
                                           lower_load(L, s, pos)), pos);
    if (star < 0 || size > 1) {
        IrNode *len = lower_helper(L, IR_HELPER_MATCH_LEN, pos, lower_load(L, s, pos));
        block = if_then(L, block, star < 0
                        ? compare(L, IR_CMP_EQ, len, const_int(L, size, pos), pos)
                        : compare(L, IR_CMP_GTE, len, const_int(L, size - 1, pos), pos), pos);
    }
    if (only_wildcard)
        return block;
    if (!star_wildcard) {
        IrVar **items = unpack_into(pc, lower_load(L, s, pos), size, star, block, pos);
        return subpatterns(pc, pats, items, block);
    }
    /* [a, *_, b]: s[0], then s[len(s) - 1] (the subject may not support
     * negative indexes) */
    for (int i = 0; i < size && block; i++) {
        const AstNode *q = pats->items[i];
        if (is_wildcard(q) || i == star)
            continue;
        pos = pc->last;   /* the sub-pattern before's, as SET_LOC left it */
        IrNode *index = i < star ? const_int(L, i, pos)
            : ir_node(L->m, IR_BINOP, pos, 2,
                      lower_helper(L, IR_HELPER_MATCH_LEN, pos, lower_load(L, s, pos)),
                      const_int(L, size - i, pos));
        if (index->kind == IR_BINOP)
            index->op = IR_BINOP_SUB;
        IrVar *item = pc_temp(pc);
        lower_add_assign(L, block, item, ir_node(L->m, IR_SUBSCR, pos, 2, lower_load(L, s, pos), index),
                   pos);
        block = pattern(pc, q, item, block);
    }
    return block;
}

/* compiler_pattern_mapping */
static IrNode *mapping_pattern(Pc *pc, const AstMatchMapping *p, IrVar *s, IrNode *block)
{
    Lower *L = pc->L;
    IrPos pos = p->hdr.pos;
    int size = p->keys.n;
    block = if_then(L, block, lower_helper(L, IR_HELPER_MATCH_MAPPING, pos,
                                           lower_load(L, s, pos)), pos);
    if (size == 0 && !p->rest)
        return block;
    if (size > 0) {
        IrNode *len = lower_helper(L, IR_HELPER_MATCH_LEN, pos, lower_load(L, s, pos));
        block = if_then(L, block, compare(L, IR_CMP_GTE, len, const_int(L, size, pos), pos), pos);
    }
    IrNode *keys = ir_node_new(L->m, IR_TUPLE, pos);
    for (int i = 0; i < size; i++) {
        IrNode *k = lower_expr(L, p->keys.items[i]);
        if (!k)
            return NULL;
        ir_node_add(L->m, keys, k);
    }
    IrVar *keys_t = pc_temp(pc), *values = pc_temp(pc);
    lower_add_assign(L, block, keys_t, keys, pos);
    lower_add_assign(L, block, values, lower_helper(L, IR_HELPER_MATCH_KEYS, pos, lower_load(L, s, pos),
                                              lower_load(L, keys_t, pos)), pos);
    block = if_then(L, block, compare(L, IR_CMP_ISNOT, lower_load(L, values, pos),
                                      lower_const_node(L, Py_None, pos), pos), pos);
    IrVar **items = unpack_into(pc, lower_load(L, values, pos), size, -1, block, pos);
    block = subpatterns(pc, &p->patterns, items, block);
    if (block && p->rest) {
        IrVar *rest = pc_temp(pc);
        /* after the sub-patterns: the last one's (3.11); 3.12 passes the
         * pattern's own location */
        if (front_python_version() < 0x030c0000)
            pos = pc->last;
        lower_add_assign(L, block, rest, lower_helper(L, IR_HELPER_MATCH_REST, pos,
                                                lower_load(L, s, pos),
                                                lower_load(L, keys_t, pos)), pos);
        store_name(pc, p->rest, rest, block, pos);
    }
    return block;
}

/* compiler_pattern_class */
static IrNode *class_pattern(Pc *pc, const AstMatchClass *p, IrVar *s, IrNode *block)
{
    Lower *L = pc->L;
    IrPos pos = p->hdr.pos;
    int nargs = p->patterns.n, nattrs = p->kwd_attrs.n;
    IrNode *cls = lower_expr(L, p->cls);
    if (!cls)
        return NULL;
    PyObject *names = PyTuple_New(nattrs);
    for (int i = 0; names && i < nattrs; i++) {
        PyObject *name = PyUnicode_FromString(p->kwd_attrs.items[i]);
        if (!name)
            P2C_UNREACHABLE();
        PyUnicode_InternInPlace(&name);
        PyTuple_SET_ITEM(names, i, name);
    }
    if (!names)
        P2C_UNREACHABLE();
    IrNode *kw = lower_const_node(L, names, pos);
    Py_DECREF(names);
    IrVar *attrs = pc_temp(pc);
    lower_add_assign(L, block, attrs, lower_helper(L, IR_HELPER_MATCH_CLASS, pos, lower_load(L, s, pos),
                                             cls, const_int(L, nargs, pos), kw), pos);
    block = if_then(L, block, compare(L, IR_CMP_ISNOT, lower_load(L, attrs, pos),
                                      lower_const_node(L, Py_None, pos), pos), pos);
    IrVar **items = unpack_into(pc, lower_load(L, attrs, pos), nargs + nattrs, -1, block, pos);
    block = subpatterns(pc, &p->patterns, items, block);
    return block ? subpatterns(pc, &p->kwd_patterns, items + nargs, block) : NULL;
}

/* compiler_pattern_or: each alternative is tried while none matched yet;
 * they all capture into the same temporaries. */
static IrNode *or_pattern(Pc *pc, const AstMatchOr *p, IrVar *s, IrNode *block)
{
    Lower *L = pc->L;
    IrPos pos = p->hdr.pos;
    IrVar *ok = pc_temp(pc);
    lower_add_assign(L, block, ok, lower_const_node(L, Py_False, pos), pos);
    IrNode *b = block;
    for (int i = 0; i < p->patterns.n; i++) {
        const AstNode *alt = p->patterns.items[i];
        IrNode *matched = pattern(pc, alt, s, b);
        if (!matched)
            return NULL;
        lower_add_assign(L, matched, ok, lower_const_node(L, Py_True, alt->pos), alt->pos);
        if (i + 1 < p->patterns.n) {
            IrNode *next = ir_node_new(L->m, IR_BLOCK, pos);
            ir_node_add(L->m, b, ir_node(L->m, IR_IF, pos, 3, lower_load(L, ok, pos),
                                         ir_node_new(L->m, IR_BLOCK, pos), next));
            b = next;
        }
    }
    /* 3.11 continues at the last sub-pattern's position (SET_LOC not undone):
     * a line event there when an earlier alternative matched */
    return if_then(L, block, lower_load(L, ok, pc->last), pc->last);
}

static IrNode *pattern(Pc *pc, const AstNode *p, IrVar *s, IrNode *block)
{
    Lower *L = pc->L;
    IrPos pos = pc->last = p->pos;
    switch (p->kind) {
    case AST_MatchValue: {
        IrNode *v = lower_expr(L, ((const AstMatchValue *)p)->value);
        return v ? if_then(L, block, compare(L, IR_CMP_EQ, lower_load(L, s, pos), v, pos), pos)
                 : NULL;
    }
    case AST_MatchSingleton:
        return if_then(L, block, compare(L, IR_CMP_IS, lower_load(L, s, pos),
                                         lower_const_node(L, ((const AstMatchSingleton *)p)->value,
                                                          pos), pos), pos);
    case AST_MatchSequence:
        return sequence_pattern(pc, (const AstMatchSequence *)p, s, block);
    case AST_MatchMapping:
        return mapping_pattern(pc, (const AstMatchMapping *)p, s, block);
    case AST_MatchClass:
        return class_pattern(pc, (const AstMatchClass *)p, s, block);
    case AST_MatchStar:
        store_name(pc, ((const AstMatchStar *)p)->name, s, block, pos);
        return block;
    case AST_MatchAs: {
        const AstMatchAs *a = (const AstMatchAs *)p;
        if (a->pattern && !(block = pattern(pc, a->pattern, s, block)))
            return NULL;
        store_name(pc, a->name, s, block, pos);
        return block;
    }
    case AST_MatchOr:
        return or_pattern(pc, (const AstMatchOr *)p, s, block);
    default:
        lower_refuse(L, p);
        return NULL;
    }
}

static void drop_temps(Pc *pc, IrNode *block, IrPos pos)
{
    for (int i = 0; i < pc->ntemps; i++)
        lower_drop(pc->L, pc->temps[i], pos, block);
}

/* The guard's test in block; the block its success continues in.  Its
 * jump is at `at` in 3.11 (the last sub-pattern's position: a raising
 * __bool__ reports it), at a comparison's own position, at the guard's
 * own location in 3.12.  A guard on a line of its own (after a multi-line
 * pattern) starts with that line's event, where 3.11 runs its first
 * instruction. */
static IrNode *guard(Lower *L, const AstNode *guard, IrPos at, IrNode *block)
{
    IrNode *g = lower_expr(L, guard);
    if (!g)
        return NULL;
    IrPos jump = front_python_version() >= 0x030c0000 ? lower_last_jump_if_312(guard)
                 : guard->kind == AST_Compare ? guard->pos : at;
    if (guard->pos.line != jump.line)
        ir_node_add(L->m, block, ir_node_new(L->m, IR_PASS, guard->pos));
    return if_then(L, block, g, jump);
}

/* One case into block: the pattern's nest, then in its success the names
 * bound, the guard, and the body with $done set and the subject dropped. */
static int lower_case(Lower *L, const Astmatch_case *c, IrVar *s, IrVar *done, IrNode *block)
{
    Pc pc = {.L = L};
    IrPos pos = c->pattern->pos;
    IrNode *ok = pattern(&pc, c->pattern, s, block);
    if (!ok)
        return -1;
    if (is_wildcard(c->pattern))   /* no code, but its line (3.11's NOP or POP_TOP) */
        ir_node_add(L->m, ok, ir_node_new(L->m, IR_PASS, pos));
    IrPos at = pc.last;
    for (int i = 0; i < pc.ncaps; i++) {
        IrVar *var = lower_var(L, pc.caps[i].name, at);
        if (!var)
            return -1;
        lower_add_assign(L, ok, var, lower_take(L, pc.caps[i].temp, at), at);
    }
    drop_temps(&pc, ok, pos);
    if (c->guard && !(ok = guard(L, c->guard, at, ok)))
        return -1;
    lower_add_assign(L, ok, done, lower_const_node(L, Py_True, pos), pos);
    lower_drop(L, s, pos, ok);
    if (lower_stmts(L, &c->body, ok) < 0)
        return -1;
    drop_temps(&pc, block, pos);   /* the ways the pattern failed */
    return 0;
}

int lower_match(Lower *L, const AstMatch *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    IrNode *subject = lower_expr(L, s->subject);
    if (!subject)
        return -1;
    IrVar *subj = lower_temp(L), *done = lower_temp(L);
    lower_add_assign(L, block, subj, subject, s->subject->pos);
    lower_add_assign(L, block, done, lower_const_node(L, Py_False, pos), pos);
    IrNode *b = block;
    for (int i = 0; i < s->cases.n; i++) {
        const Astmatch_case *c = (const Astmatch_case *)s->cases.items[i];
        if (i > 0) {   /* if $done: pass  else: the next cases */
            IrNode *next = ir_node_new(L->m, IR_BLOCK, pos);
            ir_node_add(L->m, b, ir_node(L->m, IR_IF, pos, 3, lower_load(L, done, pos),
                                         ir_node_new(L->m, IR_BLOCK, pos), next));
            b = next;
        }
        if (lower_case(L, c, subj, done, b) < 0)
            return -1;
    }
    lower_drop(L, subj, pos, block);
    lower_drop(L, done, pos, block);
    return 0;
}
