/* lines.c — the per-line hook of --debuggable code: sys.settrace's `line`
 * events (docs/runtime.md, "Line events").
 *
 * CPython 3.11 calls the trace hook with a `line` event before the first
 * instruction of a line, when the previous instruction of the frame was on
 * another line or after a backward jump (maybe_call_line_trace).  Compiled
 * code has no instructions; its statements are the nearest thing.  So, with
 * --debuggable, each statement (and each `except` clause, whose match is an
 * instruction of its own line) starts with
 *
 *     if (P2C_LINE(f, K) < 0) goto error;
 *
 * where site K has the statement's position: when a trace hook is
 * installed, P2C_Trace_Line records site K in the frame (so f_lineno is the
 * statement's line) and emits the event if the line differs from the line
 * of the site the frame was at.  A loop's back edge emits
 * P2C_LINE_BACK_EDGE(f), which makes the next statement's event fire even on
 * the same line, as a backward jump does.  Without a hook each costs one
 * predicted branch on the thread's use_tracing; without --debuggable
 * nothing is emitted at all.
 *
 * A statement spread over several lines gives an event each time the
 * running instruction's line changes in 3.11 (`x = (a +` / `1)` is 16, 17,
 * 16): while such a statement is written (track_lines), every site set
 * for one of its operations and every load of a constant or a variable is
 * preceded by a hook with its position.  P2C_Trace_Line compares lines at
 * run time, so a hook on the line the frame is already at gives nothing;
 * and the statement's own hook stands at its first operand's line when
 * that comes later (`for _ in (` / `gen()` / `):` is 2, then 1).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/xalloc.h"

/* A reformulation's own flag: `$t = True`/`False` (a match's `$done`, an
 * or-pattern's `$ok`, a with's `$ok`), an operation CPython does not have. */
static bool is_flag_store(const IrNode *n)
{
    return n->var->kind == IR_VAR_TEMP && n->kids[0]->kind == IR_CONST;
}

/* A match's `if $done: pass else: <the next case>` (and an or-pattern's
 * `if $ok: pass else: <the next alternative>`): CPython jumps over the
 * later cases with no instruction at the match's line. */
static bool is_skip_when_done(const IrNode *n)
{
    const IrNode *test = n->kids[0];
    return test->kind == IR_LOAD && test->var->kind == IR_VAR_TEMP &&
           n->kids[1]->nkids == 0;
}

/* Whether n runs code of its line: not a container (its kids get the hooks;
 * a `while` loop's is cg_loop_top_hook), not the release of a temporary
 * (a `for` loop's iterator after its else block: CPython's FOR_ITER drops
 * it on exhaustion, at no line of its own), not a reformulation's flag
 * (stored, or tested to skip the rest of a match): so a case tried after
 * a failed one gives no event of the `match` line, as in 3.11; not the
 * implicit `return None` at a body's end, whose instructions 3.11 gives
 * their predecessor's line. */
static bool has_own_line(const IrNode *n)
{
    if (n->artificial)
        return false;
    switch (n->kind) {
    case IR_BLOCK:
    case IR_LOOP:
        return false;
    case IR_DEL:
        return n->var->kind != IR_VAR_TEMP && n->pos.line > 0;
    case IR_ASSIGN:
        return !is_flag_store(n) && n->pos.line > 0;
    case IR_IF:
        return !is_skip_when_done(n) && n->pos.line > 0;
    case IR_RETURN:
        return n->op != IR_RETURN_IMPLICIT && n->pos.line > 0;
    default:
        return n->pos.line > 0;
    }
}

/* The site of pos's line.  Not the stub's RESUME (or a unit before it),
 * which a lambda's body shares the position of: a site there means "before
 * the first line" to P2C_Trace_Line. */
static int line_site(Cg *cg, IrPos pos)
{
    int k = cg_site_index(cg, pos);
    if (k <= cgen_prefix(cg->fn, NULL, NULL, 0))
        k = cg_site_new(cg, pos);
    return k;
}

/* ---- jumps (docs/runtime.md, "Jumps") ------------------------------------ *
 * A function that can jump gives each hook a point of its jump table: the
 * hook's line, whether it starts a run of hooks of that line (CPython's
 * line starts, where a jump lands), and the blocks of CPython's value
 * stack open there.  The hook returns 1 + the point to go to after the
 * setter accepted a jump (runtime/compat/trace311.c); the generated code
 * then releases the blocks left, innermost first (p2c_jpop<B> labels, one
 * per block), and dispatches to the target's label, placed right after
 * its hook (CPython's next instruction is the target's first, without a
 * line event). */

typedef struct CgJumpBlock {
    CgJumpKind kind;
    int depth;               /* how many blocks enclose it */
    int parent;              /* the enclosing block, or -1 */
    char *release;           /* C text dropping it; NULL: not by a jump */
    /* a block that can take another's place (cg_jump_block_movable): the
     * C lvalue of its object, and what else taking one's place sets */
    char *slot, *enter;
    bool popped;             /* some jump may pop it: its label is written */
} CgJumpBlock;

typedef struct CgJumpPoint {
    int line, site, flags;
    int npath, path;         /* jpaths[path .. path + npath) */
    char err[32];            /* where an error at its hook goes (a target's:
                                a generator thrown into after a pending jump
                                raises there) */
} CgJumpPoint;

enum { POINT_START = 1, POINT_NO_FROM = 2, POINT_NO_TO = 4, POINT_YIELD = 8 };

static const char *const kind_names[] = {
    [CG_JUMP_ITERATOR] = "P2C_JUMP_ITERATOR", [CG_JUMP_EXCEPT] = "P2C_JUMP_EXCEPT",
    [CG_JUMP_OBJECT] = "P2C_JUMP_OBJECT", [CG_JUMP_NULL] = "P2C_JUMP_NULL",
    [CG_JUMP_LASTI] = "P2C_JUMP_LASTI",
};

void cg_jump_block_push(Cg *cg, CgJumpKind kind, const char *release)
{
    if (!cg->jumps)
        return;
    if (cg->jdeep > 0 || cg->njopen == (int)(sizeof cg->jopen / sizeof cg->jopen[0])) {
        cg->jdeep++;   /* deeper than a table keeps: no jumps from or into it */
        return;
    }
    if (cg->njblocks == cg->capjblocks) {
        cg->capjblocks = cg->capjblocks ? 2 * cg->capjblocks : 16;
        cg->jblocks = xrealloc(cg->jblocks, (size_t)cg->capjblocks, sizeof *cg->jblocks);
    }
    cg->jblocks[cg->njblocks] = (CgJumpBlock){
        .kind = kind, .depth = cg->njopen,
        .parent = cg->njopen ? cg->jopen[cg->njopen - 1] : -1,
        .release = release ? xstrdup(release) : NULL};
    cg->jopen[cg->njopen++] = cg->njblocks++;
}

void cg_jump_block_movable(Cg *cg, const char *slot, const char *enter)
{
    if (!cg->jumps || cg->jdeep > 0)
        return;
    CgJumpBlock *blk = &cg->jblocks[cg->jopen[cg->njopen - 1]];
    if (!blk->release)   /* a block compiled code cannot leave it cannot enter */
        return;
    blk->slot = xstrdup(slot);
    blk->enter = xstrdup(enter);
}

void cg_jump_block_pop(Cg *cg)
{
    if (!cg->jumps)
        return;
    if (cg->jdeep > 0)
        cg->jdeep--;
    else
        cg->njopen--;
}

/* Records a point at site k of `line` with the blocks open here: its
 * number. */
static int record_point(Cg *cg, int k, int line, int flags)
{
    if (cg->jump_unsafe > 0 || cg->in_seq > 0 || cg->jdeep > 0)
        flags |= POINT_NO_FROM | POINT_NO_TO;
    if (cg->njpoints == cg->capjpoints) {
        cg->capjpoints = cg->capjpoints ? 2 * cg->capjpoints : 32;
        cg->jpoints = xrealloc(cg->jpoints, (size_t)cg->capjpoints, sizeof *cg->jpoints);
    }
    if (cg->njpaths + cg->njopen > cg->capjpaths) {
        cg->capjpaths = 2 * (cg->njpaths + cg->njopen) + 32;
        cg->jpaths = xrealloc(cg->jpaths, (size_t)cg->capjpaths, sizeof *cg->jpaths);
    }
    /* No open paths: jpaths may still be NULL (nothing grew it yet), and
     * memcpy into NULL is undefined even for 0 bytes (UBSan, make
     * test-asan). */
    if (cg->njopen > 0)
        memcpy(cg->jpaths + cg->njpaths, cg->jopen, (size_t)cg->njopen * sizeof *cg->jpaths);
    cg->jpoints[cg->njpoints] = (CgJumpPoint){line, k, flags, cg->njopen, cg->njpaths, ""};
    cg->njpaths += cg->njopen;
    return cg->njpoints++;
}

/* Records a hook at site k of pos's line: its point number. */
static int add_point(Cg *cg, int k, int line, int flags)
{
    if (cg->jump_dead) {
        flags |= POINT_NO_FROM | POINT_NO_TO;   /* never runs: no line start */
    } else {
        if (line != cg->jlast_line)
            flags |= POINT_START;
        cg->jlast_line = line;
    }
    return record_point(cg, k, line, flags);
}

/* Whether a jump can land at point p: the label after its hook. */
static bool is_target(const CgJumpPoint *p)
{
    return (p->flags & POINT_START) && !(p->flags & POINT_NO_TO);
}

/* The innermost block of point p when it can adopt another block's
 * object, else -1. */
static int adopting_block(const Cg *cg, const CgJumpPoint *p)
{
    if (p->npath == 0)
        return -1;
    int b = cg->jpaths[p->path + p->npath - 1];
    return cg->jblocks[b].slot ? b : -1;
}

/* The label a jump from the hook of point p goes to first: the pop of its
 * innermost block, or the dispatch. */
static void first_pop_label(Cg *cg, const CgJumpPoint *p, char *buf, size_t size)
{
    if (p->npath == 0) {
        snprintf(buf, size, "p2c_jdispatch");
        return;
    }
    int b = cg->jpaths[p->path + p->npath - 1];
    for (int c = b; c >= 0; c = cg->jblocks[c].parent)
        cg->jblocks[c].popped = true;
    snprintf(buf, size, "p2c_jpop%d", b);
}

/* The hook of a function that can jump: P2C_LINE_JUMP, then its way to the
 * dispatch, then (a target) its label. */
static void emit_jump_hook(Cg *cg, int k, IrPos pos, int flags)
{
    int point = add_point(cg, k, pos.line, flags);
    const CgJumpPoint *p = &cg->jpoints[point];
    char pop[32];
    first_pop_label(cg, p, pop, sizeof pop);
    const char *err = cg_error_label(cg);
    snprintf(cg->jpoints[point].err, sizeof cg->jpoints[point].err, "%s", err);
    emit_line(cg->out, "if (P2C_UNLIKELY((p2c_j = P2C_LINE_JUMP(f, %d, &p2c_jt, %d)) != 0)) {",
              k, point);
    emit_line(cg->out, "    if (p2c_j < 0) goto %s;", err);
    emit_line(cg->out, "    goto %s;", pop);
    emit_line(cg->out, "}");
    if (is_target(p)) {
        char label[32];
        snprintf(label, sizeof label, "p2c_jto%d", point);
        emit_label(cg->out, label);   /* not cg_label: no other way in */
    }
}

/* if (P2C_LINE(f, K) < 0) goto error; for pos's line (flags: POINT_NO_* for
 * a function that can jump) */
static void emit_hook_flags(Cg *cg, IrPos pos, int flags)
{
    int k = line_site(cg, pos);
    if (cg->jumps)
        emit_jump_hook(cg, k, pos, flags);
    else
        emit_line(cg->out, "if (P2C_LINE(f, %d) < 0) goto %s;", k, cg_error_label(cg));
    cg->cur_site = -1;   /* K when tracing, else unchanged: unknown */
}

static void emit_hook(Cg *cg, IrPos pos)
{
    emit_hook_flags(cg, pos, 0);
}

/* Whether a function's hooks can jump: --debuggable code written
 * as one C function (not chunks, whose labels are in other C functions;
 * a generator's or coroutine's resumable body is one C function, whose
 * hooks stand where no yield is under way: its temporaries are frame
 * slots, NULL or owned, as a plain function's are C locals), an ordinary
 * function (a module or class body is left alone, and so is a
 * comprehension's function, whose result on CPython's stack has no block
 * here, and a generator expression's collector). */
static int is_except_star(IrNode *n, void *ctx)
{
    (void)ctx;
    return n->kind == IR_RERAISE_STAR;
}

bool cg_jumps_wanted(const Cg *cg)
{
    const IrFunction *fn = cg->fn;
    bool comprehension = fn->name[0] == '<' && strcmp(fn->name, "<lambda>") != 0;
    return cg->opt->debuggable && !fn->is_module && !fn->is_class && !comprehension &&
           !cg->writing_collector && !cg->huge && !cg_may_chunk(cg) &&
           !ir_walk(fn->body, is_except_star, NULL);   /* its machinery holds more state */
}

void cg_jump_table(Emitter *e, const Cg *cg)
{
    if (!cg->jumps)
        return;
    emit_line(e, "static const P2C_JumpPoint p2c_jp[] = {");
    for (int i = 0; i < cg->njpoints; i++) {
        const CgJumpPoint *p = &cg->jpoints[i];
        emit_line(e, "    {%d, %s%s%s%s0, %d, %d, %d},", p->line,
                  p->flags & POINT_START ? "P2C_JUMP_START | " : "",
                  p->flags & POINT_NO_FROM ? "P2C_JUMP_NO_FROM | " : "",
                  p->flags & POINT_NO_TO ? "P2C_JUMP_NO_TO | " : "",
                  p->flags & POINT_YIELD ? "P2C_JUMP_YIELD | " : "", p->npath, p->path, p->site);
    }
    if (cg->njpoints == 0)
        emit_line(e, "    {0, 0, 0, 0, 0},");
    emit_line(e, "};");
    emit_raw(e, "    static const short p2c_jpaths[] = {");
    for (int i = 0; i < cg->njpaths; i++)
        emit_raw(e, "%d,", cg->jpaths[i]);
    emit_raw(e, "%s};\n", cg->njpaths ? "" : "0");
    emit_raw(e, "    static const unsigned char p2c_jkinds[] = {");
    for (int i = 0; i < cg->njblocks; i++)
        emit_raw(e, "%s%s, ", kind_names[cg->jblocks[i].kind],
                 !cg->jblocks[i].release ? " | P2C_JUMP_ANON"
                 : cg->jcarry && cg->jblocks[i].slot ? " | P2C_JUMP_MOVABLE" : "");
    emit_raw(e, "%s};\n", cg->njblocks ? "" : "0");
    emit_line(e, "static const P2C_JumpTable p2c_jt = {p2c_jp, %d, p2c_jpaths, p2c_jkinds, %d};",
              cg->njpoints, cg_jump_pending_slot(cg));
    emit_line(e, "int p2c_j = 0;");
    if (cg->njyields > 0)
        emit_line(e, "int p2c_jfrom = -1, p2c_jthrow = 0;   /* a pending jump's (cg_jump_dispatch) */");
    if (cg->jcarry)
        emit_line(e, "PyObject *p2c_jcarry = NULL;   /* a block's object a jump moves */");
}

/* The pops of block b on a jump out of it: it is kept when the target
 * stands in it (the target's path is longer than b's depth); when the
 * target stands in another block of its kind there instead (the
 * target's innermost: runtime/compat/trace311.c allows no other), its
 * object is carried into that one (p2c_jcarry), as 3.11 leaves it where
 * the other's is expected. */
static void emit_pop(Cg *cg, int b)
{
    const CgJumpBlock *blk = &cg->jblocks[b];
    char next[32];
    if (blk->parent >= 0)
        snprintf(next, sizeof next, "p2c_jpop%d", blk->parent);
    else
        snprintf(next, sizeof next, "p2c_jdispatch");
    cg_label(cg, "p2c_jpop%d", b);
    if (cg->jcarry && blk->slot) {
        emit_line(cg->out, "if (p2c_jp[p2c_j - 1].npath > %d) {", blk->depth);
        emit_line(cg->out, "    if (p2c_jpaths[p2c_jp[p2c_j - 1].path + %d] != %d) {",
                  blk->depth, b);
        emit_line(cg->out, "        p2c_jcarry = %s; %s = NULL;", blk->slot, blk->slot);
        emit_line(cg->out, "    }");
        emit_line(cg->out, "    goto p2c_jdispatch;");
        emit_line(cg->out, "}");
    } else {
        emit_line(cg->out, "if (p2c_jp[p2c_j - 1].npath > %d) goto p2c_jdispatch;", blk->depth);
    }
    emit_line(cg->out, "%s", blk->release ? blk->release : "goto p2c_jdispatch;");
    emit_line(cg->out, "goto %s;", next);
}

/* Whether some jump may carry a block's object into another block: a
 * block that can adopt one is left by some jump, and some target stands
 * in such a block as its innermost. */
static bool may_carry(const Cg *cg)
{
    bool left = false, entered = false;
    for (int b = 0; b < cg->njblocks; b++)
        left = left || (cg->jblocks[b].popped && cg->jblocks[b].slot);
    for (int i = 0; i < cg->njpoints; i++)
        entered = entered || (is_target(&cg->jpoints[i]) && adopting_block(cg, &cg->jpoints[i]) >= 0);
    return left && entered;
}

/* The dispatch's case for target point i: a carried object first goes
 * into its innermost block. */
static void emit_dispatch_case(Cg *cg, int i)
{
    const CgJumpPoint *p = &cg->jpoints[i];
    /* a generator thrown into with a jump pending raises at the target,
     * as an error at its hook would */
    char raise[64] = "";
    if (cg->njyields > 0)
        snprintf(raise, sizeof raise, " if (p2c_jthrow) goto %s;", p->err);
    int b = cg->jcarry ? adopting_block(cg, p) : -1;
    if (b >= 0) {
        const CgJumpBlock *blk = &cg->jblocks[b];
        emit_line(cg->out, "case %d:", i);
        emit_line(cg->out, "    if (p2c_jcarry) {   /* another block's object in this one's place */");
        emit_line(cg->out, "        Py_XSETREF(%s, p2c_jcarry); p2c_jcarry = NULL;%s%s", blk->slot,
                  *blk->enter ? " " : "", blk->enter);
        emit_line(cg->out, "    }");
        emit_line(cg->out, "    P2C_Frame_SetSite(f, %d);%s goto p2c_jto%d;", p->site, raise, i);
    } else
        emit_line(cg->out, "case %d: P2C_Frame_SetSite(f, %d);%s goto p2c_jto%d;", i, p->site,
                  raise, i);
}

/* The resumption of a generator with a jump pending (or asked for its
 * table: P2C_JUMP_TABLE_QUERY, answered before anything runs): the
 * pending jump taken from the frame, whether the generator was thrown
 * into, then the pops of the yield's point, as if a hook there jumped. */
static void emit_pending_resume(Cg *cg)
{
    cg_label(cg, "p2c_jresume", 0);
    emit_line(cg->out, "if (p2c_sent == P2C_JUMP_TABLE_QUERY)   /* generator.c asks */");
    emit_line(cg->out, "    return (PyObject *)(uintptr_t)&p2c_jt;");
    emit_line(cg->out, "p2c_jthrow = p2c_sent == NULL;");
    emit_line(cg->out, "p2c_j = P2C_Generator_TakeJump(&P2C_SLOT(f, %d), &p2c_jfrom);",
              cg_jump_pending_slot(cg));
    emit_line(cg->out, "if (p2c_j == 0) goto error;");
    emit_line(cg->out, "switch (p2c_jfrom) {");
    for (int i = 0; i < cg->njpoints; i++) {
        const CgJumpPoint *p = &cg->jpoints[i];
        if (!(p->flags & POINT_YIELD))
            continue;
        char pop[32];
        first_pop_label(cg, p, pop, sizeof pop);
        emit_line(cg->out, "case %d: goto %s;", i, pop);
    }
    emit_line(cg->out, "default: break;");
    emit_line(cg->out, "}");
    emit_line(cg->out, "PyErr_SetString(PyExc_SystemError, \"pyc2c: a jump from no yield\");");
    emit_line(cg->out, "goto error;");
    cg->used_error = true;
}

/* Marks the blocks the pops of every yield's point go through: a pending
 * jump leaves them (before the pops are written). */
static void mark_yield_pops(Cg *cg)
{
    char pop[32];
    for (int i = 0; i < cg->njpoints; i++)
        if (cg->jpoints[i].flags & POINT_YIELD)
            first_pop_label(cg, &cg->jpoints[i], pop, sizeof pop);
}

void cg_jump_dispatch(Cg *cg)
{
    if (!cg->jumps || cg->njpoints == 0)
        return;
    emit_line(cg->out, "goto exit;");
    cg->used_exit = true;
    mark_yield_pops(cg);
    cg->jcarry = may_carry(cg);
    for (int b = 0; b < cg->njblocks; b++)
        if (cg->jblocks[b].popped)
            emit_pop(cg, b);
    cg_label(cg, "p2c_jdispatch", 0);
    emit_line(cg->out, "switch (p2c_j - 1) {");
    for (int i = 0; i < cg->njpoints; i++)
        if (is_target(&cg->jpoints[i]))
            emit_dispatch_case(cg, i);
    emit_line(cg->out, "default: break;");
    emit_line(cg->out, "}");
    emit_line(cg->out, "PyErr_SetString(PyExc_SystemError, \"pyc2c: a jump to no target\");");
    emit_line(cg->out, "goto error;");
    cg->used_error = true;
    if (cg->njyields > 0)
        emit_pending_resume(cg);
}

/* ---- a line start without code ------------------------------------------- */

void cg_jump_cleanup_point(Cg *cg, IrPos pos)
{
    if (!cg->jumps || pos.line <= 0)
        return;
    bool dead = cg->jump_dead;
    cg->jump_dead = false;   /* 3.11 reaches it through the exception table */
    cg_jump_block_push(cg, CG_JUMP_EXCEPT, NULL);
    cg_jump_block_push(cg, CG_JUMP_LASTI, NULL);
    cg_jump_block_push(cg, CG_JUMP_EXCEPT, NULL);
    add_point(cg, cg_site_index(cg, pos), pos.line, POINT_NO_FROM | POINT_NO_TO);
    cg_jump_block_pop(cg);
    cg_jump_block_pop(cg);
    cg_jump_block_pop(cg);
    cg->jump_dead = dead;
}

void cg_jump_entry(Cg *cg, IrPos resume)
{
    if (!cg->jumps)
        return;
    /* with cells, 3.11's line start is the prefix that makes them again */
    int flags = cgen_closure_units(cg->fn) > 0 ? POINT_NO_TO : 0;
    /* a generator's line start at its def line is RETURN_GENERATOR, with
     * the None its first send pushes on the stack (mark_stacks): a jump
     * there from an empty stack is "incompatible stacks", as in 3.11, and
     * compiled code never enters that block (nor its entry point) */
    bool sent_none = cg->fn->is_generator;
    if (sent_none) {
        flags |= POINT_NO_TO;
        cg_jump_block_push(cg, CG_JUMP_OBJECT, NULL);
    }
    int point = add_point(cg, cg_site_index(cg, resume), resume.line, flags);
    if (sent_none)
        cg_jump_block_pop(cg);
    if (is_target(&cg->jpoints[point])) {
        char label[32];
        snprintf(label, sizeof label, "p2c_jto%d", point);
        emit_label(cg->out, label);
    }
}

void cg_jump_flow_ends(Cg *cg)
{
    if (!cg->jumps || cg->jump_dead)
        return;
    if (cg->njlive + 2 > cg->capjlive) {
        cg->capjlive = 2 * cg->capjlive + 16;
        cg->jlive = xrealloc(cg->jlive, (size_t)cg->capjlive, sizeof *cg->jlive);
    }
    cg->jlive[cg->njlive++] = cg->jlive_from;
    cg->jlive[cg->njlive++] = cg->out->len;
    cg->jump_dead = true;
}

/* Whether text[from, to) holds `goto <name>;`. */
static bool has_goto(const char *text, size_t from, size_t to, const char *name)
{
    char pat[80];
    int n = snprintf(pat, sizeof pat, "goto %s;", name);
    for (size_t i = from; n > 0 && i + (size_t)n <= to; i++)
        if (text[i] == 'g' && memcmp(text + i, pat, (size_t)n) == 0)
            return true;
    return false;
}

/* Where the line holding text[end - 1] starts. */
static size_t line_start(const char *text, size_t end)
{
    size_t s = end > 0 ? end - 1 : 0;
    while (s > 0 && text[s - 1] != '\n')
        s--;
    return s;
}

/* Whether the line before the one ending at `end` (the label just written)
 * is an unconditional `goto X;`: no fall through into the label. */
static bool after_goto(const char *text, size_t end)
{
    size_t label = line_start(text, end);
    if (label == 0)
        return false;
    size_t s = line_start(text, label), e = label - 1;   /* without its newline */
    while (s < e && text[s] == ' ')
        s++;
    return e - s > 6 && memcmp(text + s, "goto ", 5) == 0 && text[e - 1] == ';';
}

void cg_jump_label(Cg *cg, const char *name)
{
    if (!cg->jumps)
        return;
    if (!cg->jump_dead && after_goto(cg->out->buf, cg->out->len)) {
        size_t saved = cg->out->len;
        cg->out->len = line_start(cg->out->buf, saved);   /* live text ends before the label */
        cg_jump_flow_ends(cg);
        cg->out->len = saved;
    }
    if (!cg->jump_dead)
        return;
    for (int i = 0; i < cg->njlive; i += 2) {
        if (has_goto(cg->out->buf, cg->jlive[i], cg->jlive[i + 1], name)) {
            cg->jump_dead = false;
            cg->jlive_from = cg->out->len;
            return;
        }
    }
}

void cg_jumps_free(Cg *cg)
{
    free(cg->junsafe);
    free(cg->jlive);
    for (int b = 0; b < cg->njblocks; b++) {
        free(cg->jblocks[b].release);
        free(cg->jblocks[b].slot);
        free(cg->jblocks[b].enter);
    }
    free(cg->jblocks);
    free(cg->jpoints);
    free(cg->jpaths);
}

/* The last line an operation of statement n's own code starts on: the
 * latest start among its expressions, recursively (not its body's
 * statements, nor the end of a span: `if x:` and a string constant of
 * several lines run at their first line, as in 3.11). */
static int last_line(const IrNode *n)
{
    int last = n->pos.line;
    for (int i = 0; i < n->nkids; i++) {
        if (!ir_is_expr(n->kids[i]))
            continue;
        int line = last_line(n->kids[i]);
        if (line > last)
            last = line;
    }
    return last;
}

/* The operand statement n evaluates first (its value's leftmost operand,
 * recursively), when that is a constant or a variable's load on a later
 * line of n: 3.11's first instruction of n, where its line event is. */
static const IrNode *first_operand_later(const IrNode *n)
{
    const IrNode *e = n;
    while (e->nkids > 0 && ir_is_expr(e->kids[0]))
        e = e->kids[0];
    bool named_load = e->kind == IR_LOAD && e->var->kind != IR_VAR_TEMP;
    if (e == n || !(e->kind == IR_CONST || named_load))
        return n;
    return e->pos.line > n->pos.line && e->pos.line <= last_line(n) ? e : n;
}

/* Whether hooks are written here: --debuggable code, outside the copies of
 * statements CPython runs at no line (cg->no_line_hooks). */
static bool hooks_wanted(const Cg *cg)
{
    return cg->opt->debuggable && cg->no_line_hooks == 0;
}

static int reads_temp_walk(IrNode *n, void *ctx)
{
    (void)ctx;
    return n->kind == IR_LOAD && n->var->kind == IR_VAR_TEMP;
}

/* Whether statement n reads an IR temporary an earlier statement set (a
 * for loop's next value, a with's __enter__ value or flag): a jump there
 * would find it unset. */
static bool reads_temp(IrNode *n)
{
    for (int i = 0; i < n->nkids; i++)
        if (ir_is_expr(n->kids[i]) && ir_walk(n->kids[i], reads_temp_walk, NULL))
            return true;
    return false;
}

/* ---- statements a jump may not land on: IR temporaries live through them */

typedef struct {
    int idx;                 /* pre-order number of the node being visited */
    int *first_set, *last_read;
    bool *exempt;            /* a block's own temporary (released by its pop) */
    int ntemps;
    const IrNode **unsafe;   /* statements found unsafe (pass 2) */
    int nunsafe, capunsafe;
} TempSpans;

static void note_set(TempSpans *t, const IrVar *v)
{
    if (v && v->kind == IR_VAR_TEMP && v->slot < t->ntemps && t->first_set[v->slot] > t->idx)
        t->first_set[v->slot] = t->idx;
}

static int has_with_exit(IrNode *n, void *ctx)
{
    (void)ctx;
    return n->kind == IR_WITH_EXIT;
}

static int exempt_loads(IrNode *n, void *ctx)
{
    TempSpans *t = ctx;
    if (n->kind == IR_LOAD && n->var->kind == IR_VAR_TEMP && n->var->slot < t->ntemps)
        t->exempt[n->var->slot] = true;
    return 0;
}

/* Pass 1: where each IR temporary is first set and last read, in the
 * order statements are written; a for loop's iterator and a with's
 * __exit__ are its block's, which a jump pops or keeps as a whole. */
static int span_walk(IrNode *n, void *ctx)
{
    TempSpans *t = ctx;
    t->idx++;
    if (n->kind == IR_UNPACK)
        for (int i = 0; i < n->nvars; i++)
            note_set(t, n->vars[i]);
    if (n->kind == IR_SWAP_SLOT) {   /* its temporary is set and read */
        note_set(t, n->vars[0]);
        if (n->vars[0]->slot < t->ntemps)
            t->last_read[n->vars[0]->slot] = t->idx;
    }
    /* a with's flag ($ok) is set before its body and read at its exit:
     * set wherever a jump inside the body (the with's own block) lands */
    if (n->kind == IR_TRY_FINALLY && n->op == 1 && ir_walk(n->kids[1], has_with_exit, NULL))
        ir_walk(n->kids[1], exempt_loads, t);
    if (n->kind == IR_FOR_NEXT && n->kids[0]->kind == IR_LOAD && n->kids[0]->var->kind == IR_VAR_TEMP &&
        n->kids[0]->var->slot < t->ntemps)
        t->exempt[n->kids[0]->var->slot] = true;
    const IrVar *v = ir_info(n)->flags & IR_F_VAR ? n->var : NULL;
    if (!v || v->kind != IR_VAR_TEMP || v->slot >= t->ntemps)
        return 0;
    if (n->kind == IR_WITH_ENTER)
        t->exempt[v->slot] = true;
    if (n->kind == IR_LOAD || n->kind == IR_WITH_EXIT)
        t->last_read[v->slot] = t->idx;
    else if (n->kind != IR_DEL && n->kind != IR_CLEAR)
        note_set(t, v);
    return 0;
}

/* Pass 2: a statement some temporary lives through (set before it, read
 * at or after it) is no place to land: the jump would skip the set. */
static int unsafe_walk(IrNode *n, void *ctx)
{
    TempSpans *t = ctx;
    t->idx++;
    if (ir_is_expr(n))
        return 0;
    for (int j = 0; j < t->ntemps; j++) {
        if (t->exempt[j] || !(t->first_set[j] < t->idx && t->last_read[j] >= t->idx))
            continue;
        if (t->nunsafe == t->capunsafe) {
            t->capunsafe = 2 * t->capunsafe + 16;
            t->unsafe = xrealloc(t->unsafe, (size_t)t->capunsafe, sizeof *t->unsafe);
        }
        t->unsafe[t->nunsafe++] = n;
        break;
    }
    return 0;
}

static int cmp_ptr(const void *a, const void *b)
{
    const void *x = *(const void *const *)a, *y = *(const void *const *)b;
    return x < y ? -1 : x > y;
}

void cg_jump_find_unsafe(Cg *cg)
{
    if (!cg->jumps)
        return;
    int nt = cg->fn->ntemps;
    TempSpans t = {.ntemps = nt};
    t.first_set = xcalloc((size_t)nt + 1, sizeof *t.first_set);
    t.last_read = xcalloc((size_t)nt + 1, sizeof *t.last_read);
    t.exempt = xcalloc((size_t)nt + 1, sizeof *t.exempt);
    for (int j = 0; j < nt; j++) {
        t.first_set[j] = INT_MAX;
        t.last_read[j] = -1;
    }
    ir_walk(cg->fn->body, span_walk, &t);
    t.idx = 0;
    ir_walk(cg->fn->body, unsafe_walk, &t);
    if (t.nunsafe > 0)   /* t.unsafe is NULL when none: qsort(NULL) is undefined */
        qsort(t.unsafe, (size_t)t.nunsafe, sizeof *t.unsafe, cmp_ptr);
    cg->junsafe = (const void **)t.unsafe;
    cg->njunsafe = t.nunsafe;
    free(t.first_set);
    free(t.last_read);
    free(t.exempt);
}

static bool temps_live_through(const Cg *cg, const IrNode *n)
{
    return cg->njunsafe > 0 &&
           bsearch(&n, cg->junsafe, (size_t)cg->njunsafe, sizeof *cg->junsafe, cmp_ptr) != NULL;
}

/* Where a statement's hook may not be jumped to: a for loop's next()
 * (3.11 has no line start at FOR_ITER: a jump to the `for` line starts
 * the loop again), a statement reading what an earlier one left in an IR
 * temporary.  A statement whose first operand comes on a later line has
 * its hook there (at), before all of its code, as 3.11's line start of
 * that line is its first instruction: a jump there runs it whole. */
static int stmt_hook_flags(const Cg *cg, const IrNode *n)
{
    if (n->kind == IR_FOR_NEXT || n->kind == IR_HANDLER || reads_temp((IrNode *)n) ||
        temps_live_through(cg, n))
        return POINT_NO_TO;
    return 0;
}

void cg_line_hook(Cg *cg, const IrNode *n)
{
    cg->track_lines = false;
    if (!hooks_wanted(cg) || !has_own_line(n))
        return;
    const IrNode *at = first_operand_later(n);
    emit_hook_flags(cg, at->pos, stmt_hook_flags(cg, n));
    cg->track_lines = last_line(n) > n->pos.line;
}

void cg_line_hook_end(Cg *cg)
{
    cg->track_lines = false;
}

/* The C text releasing every expression temporary live here (new; ""
 * for none): the statement's values so far, which a jump from its middle
 * drops as 3.11 pops them off its stack.  Between the operations of a
 * statement every owned reference is in one of them: the C blocks that
 * declare locals of their own evaluate no operand inside (the property
 * generators.c relies on at a yield). */
static char *live_temps_release(const Cg *cg)
{
    size_t size = 1;
    for (int i = 0; i < cg->maxtmp; i++)
        size += cg->live[i] ? 24 : 0;
    char *text = xcalloc(size, 1);
    size_t len = 0;
    for (int i = 0; i < cg->maxtmp; i++)
        if (cg->live[i])
            len += (size_t)snprintf(text + len, size - len, "%sPy_CLEAR(x%d);", len ? " " : "", i);
    return text;
}

/* A hook before an operation of a statement spread over several lines (a
 * site at pos about to be set), or before the load of an operand at pos.
 * CPython has the statement's values on its stack here: an object, which
 * a jump from here releases (the statement's expression temporaries).  No
 * jump lands here: compiled code has no way into a statement's middle. */
static void operand_hook(Cg *cg, IrPos pos)
{
    if (!(cg->track_lines && hooks_wanted(cg) && pos.line > 0))
        return;
    char *release = cg->jumps ? live_temps_release(cg) : NULL;
    cg_jump_block_push(cg, CG_JUMP_OBJECT, release);
    free(release);
    emit_hook_flags(cg, pos, POINT_NO_TO);
    cg_jump_block_pop(cg);
}

void cg_site_line_hook(Cg *cg, IrPos pos)
{
    operand_hook(cg, pos);
}

void cg_load_line_hook(Cg *cg, const IrNode *n)
{
    if (n->kind == IR_CONST || n->var->kind != IR_VAR_TEMP)
        operand_hook(cg, n->pos);
}

/* 3.11's calls push NULL and the callee before their arguments (PUSH_NULL,
 * LOAD_GLOBAL's NULL, LOAD_METHOD's): a jump from an argument's line to a
 * line whose code expects objects there is "incompatible stacks". */
bool cg_jump_call_args_open(Cg *cg)
{
    if (!(cg->jumps && cg->track_lines && hooks_wanted(cg)))
        return false;
    /* nothing of their own to release: their values are expression
     * temporaries, which the hooks inside release (operand_hook) */
    cg_jump_block_push(cg, CG_JUMP_NULL, "");
    cg_jump_block_push(cg, CG_JUMP_OBJECT, "");
    return true;
}

void cg_jump_call_args_close(Cg *cg, bool opened)
{
    if (!opened)
        return;
    cg_jump_block_pop(cg);
    cg_jump_block_pop(cg);
}

/* `while True:` keeps a line of its own at the loop's top, where its
 * backward jump lands (3.11 leaves a NOP there); `while cond:` has its test
 * there, whose statement has the same line. */
void cg_loop_top_hook(Cg *cg, const IrNode *loop)
{
    if (hooks_wanted(cg) && loop->op == IR_LOOP_WHILE && loop->pos.line > 0)
        emit_hook(cg, loop->pos);
}

void cg_back_edge_hook(Cg *cg)
{
    if (!hooks_wanted(cg))
        return;
    emit_line(cg->out, "P2C_LINE_BACK_EDGE(f);");
    cg->cur_site = -1;
}

/* ---- jumps at a yield (docs/runtime.md, "Jumps") ------------------------- *
 * 3.11 lets a hook jump in a generator suspended at a yield (at the
 * yield's return event, or any event of another frame): the frame's next
 * instruction moves, and the generator goes on there when resumed.  A
 * compiled body cannot move while suspended: the setter keeps the jump in
 * a frame slot of its own (cg_jump_pending_slot) and sets the frame's
 * site to the target's, no yield's; the body's entry, finding no yield at
 * that site, takes the pending jump, pops what the yield's point stands
 * in and the target does not, and dispatches as a hook's jump does (to
 * the target's error label when thrown into: 3.11 raises there). */

void cg_jump_yield_point(Cg *cg, IrPos pos, int site)
{
    if (!cg->jumps)
        return;
    /* 3.11's stack at YIELD_VALUE: the statement's values so far (the
     * expression temporaries live across the yield, released by a jump
     * from it), and the value yielded, which the yield gave away */
    char *release = live_temps_release(cg);
    bool values = *release != '\0';
    if (values)
        cg_jump_block_push(cg, CG_JUMP_OBJECT, release);
    cg_jump_block_push(cg, CG_JUMP_OBJECT, "");
    int flags = POINT_NO_TO | POINT_YIELD | (cg->jump_dead ? POINT_NO_FROM : 0);
    record_point(cg, site, pos.line, flags);
    cg_jump_block_pop(cg);
    if (values)
        cg_jump_block_pop(cg);
    free(release);
    cg->njyields++;
}

int cg_jump_pending_slot(const Cg *cg)
{
    if (!cg->jumps || cg->njyields == 0)
        return -1;
    return cg->fn->nslots + cg->maxtmp + cg->fn->ntemps;
}
