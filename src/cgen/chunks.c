/* chunks.c — splitting the body of a large function into chunk functions
 * (docs/compile-scaling.md).
 *
 * gcc's -O2 takes time and memory growing faster than linearly in the size
 * of one C function, and pyc2c writes one C function per Python function:
 * module code of 10,000 statements was one function of 450,000 lines.  So a
 * block heavier than the chunk limit has its statements moved, in runs of
 * bounded weight, into static chunk functions that the function calls in
 * order:
 *
 *     static int p2c_k0_3(P2C_Frame *f, PyObject **p2c_tv, int *p2c_r)
 *     {
 *         int r = -1;                      the function's r, its type
 *         PyObject *x0 = NULL, ...;        the chunk's own expression temps
 *         ...the statements, as they would be inline...
 *         Py_XDECREF(x0); ...
 *         return 0;                        fell through: the next statement
 *       error:
 *         P2C_Frame_AddTraceback(f);
 *       exit:
 *         Py_XDECREF(x0); ...
 *         *p2c_r = r;                      leave the function with r: a
 *         return 1;                        return value, or NULL / -1
 *     }
 *     ...
 *         if (p2c_k0_3(f, p2c_tv, &r)) goto exit;
 *
 * What a statement's C uses is the frame `f` (locals live in its slots, the
 * current site too), `r`, the expression temporaries `x<N>` (free at every
 * statement boundary, so a chunk has its own) and the IR temporaries `t<N>`,
 * which lowering may keep live across statements (a for loop's iterator).
 * In a function with chunks the IR temporaries are an array `p2c_tv` of the
 * function's, passed to every chunk: `t<N>` is a macro naming its item, as a
 * generator's are macros naming frame slots (generators.c).  Errors inside
 * a chunk add the traceback entry from the same frame and site as they
 * would inline, so tracebacks do not change.
 *
 * Where a chunk may be cut (a statement moved out of the function's own C):
 * - outside every try, except and finally region and every with statement
 *   (their handler labels are in the function, and a failure inside must
 *   reach them): chunking happens only when no region is open;
 * - not in a generator or coroutine body (a yield returns from the C
 *   function it is in, which must be the body's);
 * - inside a loop, only statements with no BREAK, CONTINUE, FOR_NEXT or
 *   LOOP_EXIT of an enclosing loop (their labels are in the function).
 * A statement heavier than the limit that is an `if`, a loop or a block is
 * kept in the function and its own blocks are chunked the same way (the
 * body of `if __name__ == "__main__":`, a long loop body); anything else
 * heavy goes alone into a chunk (one huge expression cannot be split).
 *
 * The weight of a statement is its number of IR nodes; a chunk holds up to
 * CHUNK_WEIGHT of it (about 1,500 lines of C).  Module and class bodies,
 * which run once, are chunked when heavier than that; an ordinary function
 * only when heavier than FUNCTION_WEIGHT (a call per chunk and its IR
 * temporaries in memory cost speed, and below that size gcc copes), and
 * then only its blocks that heavy.  PYC2C_CHUNK_WEIGHT in the environment
 * sets both (tests set it to 1 to chunk every program everywhere).
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* IR nodes per chunk, and the weight of a function's block above which it
 * is chunked: measured in docs/compile-scaling.md. */
enum { CHUNK_WEIGHT = 300, FUNCTION_WEIGHT = 1000 };

static int env_weight(void)
{
    const char *s = getenv("PYC2C_CHUNK_WEIGHT");
    return s && atoi(s) > 0 ? atoi(s) : 0;
}

static long chunk_limit(void)
{
    return env_weight() ? env_weight() : CHUNK_WEIGHT;
}

/* The weight above which a block of this function is chunked. */
static long start_weight(const Cg *cg)
{
    if (env_weight())
        return env_weight();
    return cg->fn->is_module || cg->fn->is_class ? CHUNK_WEIGHT : FUNCTION_WEIGHT;
}

/* Whether some block of the function may be chunked: its whole body is
 * heavier than the start weight (lines.c keeps jumps to functions that
 * stay one C function). */
bool cg_may_chunk(const Cg *cg)
{
    return cg_weight(cg->fn->body) > start_weight(cg);
}

/* ---- what may move into a chunk ------------------------------------------ */

static int count_node(IrNode *n, void *ctx)
{
    (void)n;
    ++*(long *)ctx;
    return 0;
}

long cg_weight(IrNode *n)
{
    long w = 0;
    ir_walk(n, count_node, &w);
    return w;
}

/* Whether n holds a jump to the labels of a loop around n: BREAK, CONTINUE,
 * FOR_NEXT or LOOP_EXIT not inside the body of a LOOP within n (a loop's
 * else block runs outside that loop: its jumps are the outer one's). */
static bool jumps_out_of_loop(const IrNode *n)
{
    switch (n->kind) {
    case IR_BREAK: case IR_CONTINUE: case IR_FOR_NEXT: case IR_LOOP_EXIT:
        return true;
    case IR_LOOP:
        return jumps_out_of_loop(n->kids[1]);
    default:
        break;
    }
    if (ir_is_expr(n))
        return false;   /* expressions hold no statements */
    for (int i = 0; i < n->nkids; i++)
        if (jumps_out_of_loop(n->kids[i]))
            return true;
    return false;
}

/* Whether statement n can run in a chunk called from here. */
static bool movable(const Cg *cg, const IrNode *n)
{
    return !cg->loop || !jumps_out_of_loop(n);
}

/* Whether blocks generated at this point may be chunked at all. */
static bool chunkable_here(const Cg *cg)
{
    return !cg->fn->is_generator && !cg->tries && !cg->in_numeric_slow && !cg->in_seq;
}

/* Statements kept in the function whose blocks are chunked in their turn. */
static bool has_blocks(const IrNode *n)
{
    return n->kind == IR_IF || n->kind == IR_LOOP || n->kind == IR_BLOCK;
}

/* ---- temporaries a chunk keeps as C locals ------------------------------ */

/* In a function with chunks the IR temporaries live in p2c_tv, in memory:
 * every `Py_XSETREF(t5, x0)` then loads, tests and stores.  A temporary
 * whose every use is among one chunk's statements (lowering's temporaries
 * are mostly one statement's: an unpacking's items, a call's arguments) is
 * that chunk's own C local instead, in a register, and gcc sees it NULL
 * where the statement starts.  A temporary is never live where a chunk
 * starts unless a statement outside the chunk names it: lowering keeps a
 * temporary live across statements only for a construct whose statements
 * are kept together (a for loop's iterator is used by the LOOP around the
 * body, and a chunk holds whole statements). */

static void count_uses(IrNode *n, int *uses, int ntemps)
{
    if (n->var && n->var->kind == IR_VAR_TEMP && n->var->slot < ntemps)
        uses[n->var->slot]++;
    for (int i = 0; i < n->nvars; i++)
        if (n->vars[i]->kind == IR_VAR_TEMP && n->vars[i]->slot < ntemps)
            uses[n->vars[i]->slot]++;
}

static int count_temp_uses(IrNode *n, void *ctx)
{
    Cg *cg = ctx;
    count_uses(n, cg->temp_uses, cg->ntemp_uses);
    return 0;
}

/* cg->temp_uses for the whole function, on its first chunk. */
static void count_function_temp_uses(Cg *cg)
{
    if (cg->temp_uses)
        return;
    cg->ntemp_uses = cg->fn->ntemps;
    cg->temp_uses = xcalloc((size_t)cg->ntemp_uses + 1, sizeof *cg->temp_uses);
    ir_walk(cg->fn->body, count_temp_uses, cg);
}

typedef struct {
    int *uses;       /* uses among the chunk's statements */
    int ntemps;
} ChunkUses;

static int count_chunk_uses(IrNode *n, void *ctx)
{
    ChunkUses *u = ctx;
    count_uses(n, u->uses, u->ntemps);
    return 0;
}

/* local[i]: temporary i is the chunk's own.  Those of the function's IR
 * whose every use is in stmts[0..n), and those the code generator made
 * while writing the chunk (first_new on: a try statement's exception
 * temporaries, used by that statement's code only). */
static bool *chunk_local_temps(Cg *cg, IrNode *const *stmts, int n, int first_new)
{
    count_function_temp_uses(cg);
    bool *local = xcalloc((size_t)cg->fn->ntemps + 1, sizeof *local);
    ChunkUses u = {xcalloc((size_t)cg->ntemp_uses + 1, sizeof *u.uses), cg->ntemp_uses};
    for (int i = 0; i < n; i++)
        ir_walk(stmts[i], count_chunk_uses, &u);
    for (int i = 0; i < cg->ntemp_uses; i++)
        local[i] = u.uses[i] > 0 && u.uses[i] == cg->temp_uses[i];
    for (int i = first_new; i < cg->fn->ntemps; i++)
        local[i] = true;
    free(u.uses);
    return local;
}

/* ---- one chunk ---------------------------------------------------------------- */

/* The parent's generation state a chunk replaces while it is written. */
typedef struct {
    Emitter *out;
    bool *live;
    int maxtmp;
    bool used_error, used_exit;
} Saved;

static void begin_chunk(Cg *cg, Saved *s, Emitter *body)
{
    *s = (Saved){cg->out, cg->live, cg->maxtmp, cg->used_error, cg->used_exit};
    emit_init(body);
    body->indent = 1;
    cg->out = body;
    cg->live = NULL;
    cg->maxtmp = 0;
    cg->used_error = cg->used_exit = false;
}

static void end_chunk(Cg *cg, const Saved *s)
{
    free(cg->live);
    cg->out = s->out;
    cg->live = s->live;
    cg->maxtmp = s->maxtmp;
    cg->used_error = s->used_error;
    cg->used_exit = s->used_exit;
}

static void chunk_name(const Cg *cg, int k, char *buf, size_t size)
{
    snprintf(buf, size, "p2c_k%d_%d", cg->fn->id, k);
}

/* The type of r: the module body's status, a function's result. */
static const char *result_type(const Cg *cg)
{
    return cg->fn->is_module ? "int " : "PyObject *";
}

static void release_xs(Emitter *e, int n)
{
    for (int i = 0; i < n; i++)
        emit_line(e, "Py_XDECREF(x%d);", i);
}

/* The chunk's own temporaries: t<N> stops naming p2c_tv's item around the
 * chunk (the `#undef` before it, the `#define` again after it). */
static void unmap_local_temps(Emitter *e, const bool *local, int ntemps)
{
    for (int i = 0; i < ntemps; i++)
        if (local[i])
            emit_raw(e, "#undef t%d\n", i);
}

static void map_local_temps_again(Emitter *e, const bool *local, int ntemps)
{
    for (int i = 0; i < ntemps; i++)
        if (local[i])
            emit_raw(e, "#define t%d p2c_tv[%d]\n", i, i);
}

static void release_local_temps(Emitter *e, const bool *local, int ntemps)
{
    for (int i = 0; i < ntemps; i++)
        if (local[i])
            emit_line(e, "Py_XDECREF(t%d);", i);
}

/* The chunk function around body, into cg->chunks (see the file comment). */
static void write_chunk(Cg *cg, int k, const Emitter *body, const bool *local)
{
    Emitter *e = &cg->chunks;
    int ntemps = cg->fn->ntemps;
    char name[64];
    chunk_name(cg, k, name, sizeof name);
    bool leaves = cg->used_error || cg->used_exit;
    emit_raw(e, "\n");
    /* -O0 for every chunk of a module or class body outside loops
     * (docs/compile-scaling.md): that code runs once per module import or
     * class statement; a loop's chunks are hot and keep -O2.  The chunks
     * of a function keep -O2 unless it is huge (CGEN_HUGE_FUNCTION_WEIGHT):
     * a long function may be hot (pyperformance's unpack_sequence, 400
     * statements a function, ran 1.66x -> 1.26x in instructions with its
     * chunks at -O1), but one of thousands of statements is machine-made
     * and cost 99 s of gcc's CPU at -O1, 31 s at -O0 (part 7). */
    bool runs_once = (cg->fn->is_module || cg->fn->is_class) && !cg->loop;
    if (runs_once || cg->huge)
        cg_unoptimized_attribute(e);
    else if (emit_count_lines(body) > CGEN_LARGE_FUNCTION_LINES)
        cg_large_function_attribute(e);
    /* noinline: gcc would put a static function called once back into its
     * caller (-finline-functions-called-once), one huge function again */
    unmap_local_temps(e, local, ntemps);
    emit_raw(e, "#if defined(__GNUC__)\n__attribute__((noinline))\n#endif\n");
    emit_raw(e, "%sint %s(P2C_Frame *f, PyObject **p2c_tv, %s*p2c_r)\n{\n", cg_linkage(cg),
             name, result_type(cg));
    e->indent = 1;
    emit_line(e, "(void)f; (void)p2c_tv; (void)p2c_r;");
    if (leaves)
        emit_line(e, "%sr = %s;", result_type(cg), cg->fn->is_module ? "-1" : "NULL");
    for (int i = 0; i < cg->maxtmp; i++)
        emit_line(e, "PyObject *x%d = NULL;", i);
    for (int i = 0; i < ntemps; i++)
        if (local[i])
            emit_line(e, "PyObject *t%d = NULL;", i);
    emit_append(e, body);
    release_xs(e, cg->maxtmp);
    release_local_temps(e, local, ntemps);
    emit_line(e, "return 0;");
    if (cg->used_error) {
        emit_label(e, "error");
        emit_line(e, "P2C_Frame_AddTraceback(f);");
    }
    if (cg->used_exit)   /* else only `error` falls in: no unused label */
        emit_label(e, "exit");
    if (leaves) {
        release_xs(e, cg->maxtmp);
        release_local_temps(e, local, ntemps);
        emit_line(e, "*p2c_r = r;");
        emit_line(e, "return 1;");
    }
    e->indent = 0;
    emit_raw(e, "}\n");
    map_local_temps_again(e, local, ntemps);
}

/* Moves stmts[0..n) into a new chunk and calls it from here. */
static void emit_chunk(Cg *cg, IrNode *const *stmts, int n, long weight)
{
    int k = cg->nchunks++;
    int first_new = cg->fn->ntemps;
    Saved saved;
    Emitter body;
    begin_chunk(cg, &saved, &body);
    for (int i = 0; i < n && !cg->failed; i++) {
        int took = cg_numeric_run(cg, stmts + i, n - i);
        if (took > 0)
            i += took - 1;
        else
            cg_stmt(cg, stmts[i]);
        if (!cg->failed && cg->ntmp != 0)
            P2C_UNREACHABLE();   /* a temporary outlived its statement */
    }
    if (!cg->failed) {
        bool *local = chunk_local_temps(cg, stmts, n, first_new);
        cg_split_note_chunk(cg, k, weight);
        write_chunk(cg, k, &body, local);
        free(local);
    }
    emit_free(&body);
    end_chunk(cg, &saved);
    char name[64];
    chunk_name(cg, k, name, sizeof name);
    emit_line(cg->out, "if (%s(f, p2c_tv, &r)) goto exit;", name);
    cg->used_exit = true;
}

/* ---- a block ------------------------------------------------------------------- */

static void inline_stmt(Cg *cg, IrNode *s)
{
    cg_stmt(cg, s);
    if (!cg->failed && cg->ntmp != cg->stmt_ntmp)
        P2C_UNREACHABLE();   /* a temporary outlived its statement */
}

/* The statements of a heavy block: light movable ones in runs of at most
 * the limit's weight into chunks; the others here (see the file comment). */
static void chunk_block(Cg *cg, IrNode *b, const long *w)
{
    long limit = chunk_limit(), start = start_weight(cg);
    int i = 0;
    while (i < b->nkids && !cg->failed) {
        IrNode *s = b->kids[i];
        if (!movable(cg, s) || (w[i] > start && has_blocks(s))) {
            inline_stmt(cg, s);
            i++;
            continue;
        }
        int j = i + 1;
        long sum = w[i];
        while (j < b->nkids && sum + w[j] <= limit && movable(cg, b->kids[j])) {
            sum += w[j];
            j++;
        }
        emit_chunk(cg, b->kids + i, j - i, sum);
        i = j;
    }
}

void cg_block(Cg *cg, IrNode *b)
{
    long total = 0, *w = NULL;
    if (chunkable_here(cg)) {
        w = xcalloc((size_t)b->nkids + 1, sizeof *w);
        for (int i = 0; i < b->nkids; i++)
            total += w[i] = cg_weight(b->kids[i]);
    }
    if (w && total > start_weight(cg)) {
        chunk_block(cg, b, w);
    } else {
        for (int i = 0; i < b->nkids && !cg->failed; i++) {
            int took = cg_numeric_run(cg, b->kids + i, b->nkids - i);
            if (took > 0)
                i += took - 1;
            else
                inline_stmt(cg, b->kids[i]);
        }
    }
    free(w);
}

/* ---- the function around its chunks ---------------------------------------------- */

/* With chunks, the IR temporaries are p2c_tv's items: t<N> names item N in
 * the chunks and in the function (defined before the chunks, undefined
 * after the function). */
void cg_chunks_write_before(Emitter *e, const Cg *cg)
{
    if (cg->nchunks == 0)
        return;
    for (int i = 0; i < cg->fn->ntemps; i++)
        emit_raw(e, "#define t%d p2c_tv[%d]\n", i, i);
    if (cg->split_tag)
        return;   /* the chunks are in other C files (cfiles.c) */
    emit_append(e, &cg->chunks);
    emit_raw(e, "\n");
}

void cg_chunks_write_after(Emitter *e, const Cg *cg)
{
    if (cg->nchunks == 0)
        return;
    for (int i = 0; i < cg->fn->ntemps; i++)
        emit_raw(e, "#undef t%d\n", i);
}

void cg_chunks_declare_temps(Emitter *e, const Cg *cg)
{
    emit_line(e, "PyObject *p2c_tv[%d] = {NULL};", cg->fn->ntemps + 1);
}

void cg_chunks_release_temps(Emitter *e, const Cg *cg)
{
    if (cg->fn->ntemps == 0)
        return;
    emit_line(e, "for (int p2c_i = 0; p2c_i < %d; p2c_i++)", cg->fn->ntemps);
    emit_line(e, "    Py_XDECREF(p2c_tv[p2c_i]);");
}
