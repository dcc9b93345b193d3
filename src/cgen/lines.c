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
#include "cgen_int.h"

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

/* if (P2C_LINE(f, K) < 0) goto error; for pos's line */
static void emit_hook(Cg *cg, IrPos pos)
{
    emit_line(cg->out, "if (P2C_LINE(f, %d) < 0) goto %s;", line_site(cg, pos),
              cg_error_label(cg));
    cg->cur_site = -1;   /* K when tracing, else unchanged: unknown */
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

void cg_line_hook(Cg *cg, const IrNode *n)
{
    cg->track_lines = false;
    if (!hooks_wanted(cg) || !has_own_line(n))
        return;
    emit_hook(cg, first_operand_later(n)->pos);
    cg->track_lines = last_line(n) > n->pos.line;
}

void cg_line_hook_end(Cg *cg)
{
    cg->track_lines = false;
}

/* A hook before an operation of a statement spread over several lines (a
 * site at pos about to be set), or before the load of an operand at pos. */
static void operand_hook(Cg *cg, IrPos pos)
{
    if (cg->track_lines && hooks_wanted(cg) && pos.line > 0)
        emit_hook(cg, pos);
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
