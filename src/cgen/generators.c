/* generators.c — generator functions (docs/architecture.md, "Generators").
 *
 * A generator function becomes two C functions:
 *
 *   p2c_f<id>_<name>   the entry point a call runs (vectorcall): binds the
 *                      arguments into a new generator's frame and returns
 *                      the generator (P2C_Generator_New);
 *   p2c_g<id>_<name>   the body (P2C_GenBody), run by every next(), send(),
 *                      throw() and close() from where the frame stopped.
 *
 * The body keeps its temporaries in the generator's frame, after the
 * function's slots: `x<N>` and `t<N>` are macros naming frame slots there,
 * so a yield saves nothing and a generator collected while suspended
 * releases them with its frame.  No C local lives across a yield (the
 * generated blocks that declare one evaluate no subexpression inside).
 *
 * A yield sets its own site (one not shared with any other yield), marks the
 * generator suspended and returns the value; the body's entry dispatches on
 * the frame's site to the resume label that follows:
 *
 *       P2C_Frame_SetSite(f, 7);            yield x0
 *       r = x0; x0 = NULL;
 *       P2C_Generator_Suspend(p2c_gen);
 *       return r;
 *     Y0:;
 *       if (p2c_sent == NULL) goto error;   thrown in: raise here
 *       x0 = Py_NewRef(p2c_sent);           the value of the yield
 *
 * `yield from` is CPython's SEND loop around one yield, the delegate kept
 * in the frame's last slot, where throw() and close() find it.  `await` is
 * the same loop after GET_AWAITABLE (or async for's GET_ANEXT) instead of
 * GET_YIELD_FROM_ITER.
 *
 * An `async def` is compiled the same way; only its entry point asks the
 * runtime for a coroutine or an async generator.  In an async generator a
 * yield wraps its value (ASYNC_GEN_WRAP), which tells the awaitables of
 * asend() what the body yielded from what an await passes on to the event
 * loop.
 */
#include <stdlib.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* A site of its own for a yield at pos, set in the frame now; recorded with
 * a new resume label Y<j>.  Returns j. */
static int resume_point(Cg *cg, IrPos pos)
{
    int k = cg_site_new(cg, pos);   /* cg_site_index would share it */
    emit_line(cg->out, "P2C_Frame_SetSite(f, %d);", k);
    cg->cur_site = k;
    if (cg->nresume == cg->capresume) {
        cg->capresume = cg->capresume ? 2 * cg->capresume : 8;
        cg->resume_sites = xrealloc(cg->resume_sites, (size_t)cg->capresume,
                                    sizeof *cg->resume_sites);
    }
    cg->resume_sites[cg->nresume] = k;
    return cg->nresume++;
}

/* Records site k as a yield outside any try, except, finally or with (its
 * exception depth is the generator's own, 1): 3.13 closes a generator
 * suspended there without running its frame (genobject.c's gen_close,
 * RESUME_OPARG_DEPTH1_MASK), which the stub tells the runtime (codeobj.c). */
static void bare_yield(Cg *cg, int k)
{
    if (cg->nbare == cg->capbare) {
        cg->capbare = cg->capbare ? 2 * cg->capbare : 8;
        cg->bare_sites = xrealloc(cg->bare_sites, (size_t)cg->capbare, sizeof *cg->bare_sites);
    }
    cg->bare_sites[cg->nbare++] = k;
}

/* The resume label Y<j>; the frame stands at the yield's site there. */
static void resume_label(Cg *cg, int j)
{
    cg_label(cg, "Y%d", j);
    cg->cur_site = cg->resume_sites[j];
}

bool cg_resumable(const Cg *cg)
{
    return cg->fn->is_generator && !cg->writing_collector;
}

CVal cg_yield(Cg *cg, IrNode *n)
{
    if (cg->writing_collector)
        return cg_collect_yield(cg, n);
    CVal v = n->nkids ? cg_expr(cg, n->kids[0], false) : (CVal){"Py_None", -1};
    int j = resume_point(cg, n->pos);
    if (!cg_in_handler_region(cg))
        bare_yield(cg, cg->resume_sites[j]);
    cg_move(cg, "r", &v);
    cg_jump_yield_point(cg, n->pos, cg->resume_sites[j]);   /* --debuggable (lines.c) */
    if (cg->fn->async_kind == IR_ASYNC_GENERATOR) {
        emit_line(cg->out, "r = P2C_AsyncGen_Wrap(r);");
        emit_line(cg->out, "if (r == NULL) goto %s;", cg_error_label(cg));
    }
    emit_line(cg->out, "P2C_Generator_Suspend(p2c_gen);");
    emit_line(cg->out, "return r;");
    resume_label(cg, j);
    emit_line(cg->out, "if (p2c_sent == NULL) goto %s;", cg_error_label(cg));
    /* the RESUME after a yield polls the eval breaker (3.11's RESUME 1; not
     * after yield from / await, nor when thrown into) */
    cg_check_neg(cg, "P2C_CheckEvalBreaker()");
    CVal sent = cg_tmp_new(cg);
    emit_line(cg->out, "%s = Py_NewRef(p2c_sent);", sent.c);
    return sent;
}

/* The delegate of a yield_from or await node from its operand value. */
static void delegate_of(Cg *cg, IrNode *n, const CVal *it, const CVal *value)
{
    if (n->kind == IR_YIELD_FROM)
        emit_line(cg->out, "%s = P2C_YieldFromIter(%s);", it->c, value->c);
    else if (n->op == IR_AWAIT_ANEXT)
        emit_line(cg->out, "%s = P2C_GetANext(%s);", it->c, value->c);
    else
        emit_line(cg->out, "%s = P2C_GetAwaitable(%s, %d);", it->c, value->c, n->op);
}

/* GET_YIELD_FROM_ITER (GET_AWAITABLE, GET_ANEXT), then SEND / YIELD_VALUE
 * until the delegate returns: its value is the result.  throw() and close()
 * reach the delegate through the runtime, which clears the delegate slot
 * when it finished there and resumes the body with its return value (or
 * with its exception). */
CVal cg_yield_from(Cg *cg, IrNode *n)
{
    CVal value = cg_expr(cg, n->kids[0], false);
    int j = resume_point(cg, n->pos);
    CVal it = cg_tmp_new(cg);
    delegate_of(cg, n, &it, &value);
    cg_check_null(cg, it.c);
    cg_release(cg, &value);
    cg_move(cg, "P2C_GEN_DELEGATE(f)", &it);
    cg->uses_delegate = true;
    emit_line(cg->out, "p2c_st = P2C_Generator_Delegate(f, Py_None, &r);");
    emit_line(cg->out, "goto Y%d_step;", j);
    resume_label(cg, j);
    emit_line(cg->out, "if (p2c_sent == NULL) {");
    emit_line(cg->out, "    Py_CLEAR(P2C_GEN_DELEGATE(f));");
    emit_line(cg->out, "    goto %s;", cg_error_label(cg));
    emit_line(cg->out, "}");
    emit_line(cg->out, "if (p2c_sent == P2C_DELEGATE_RETURNED) {   /* it returned in a chain */");
    emit_line(cg->out, "    r = P2C_GEN_DELEGATE(f);");
    emit_line(cg->out, "    P2C_GEN_DELEGATE(f) = NULL;");
    emit_line(cg->out, "    p2c_st = 0;");
    emit_line(cg->out, "} else if (P2C_GEN_DELEGATE(f) == NULL) {   /* it finished in throw() */");
    emit_line(cg->out, "    r = Py_NewRef(p2c_sent);");
    emit_line(cg->out, "    p2c_st = 0;");
    emit_line(cg->out, "} else {");
    emit_line(cg->out, "    p2c_st = P2C_Generator_Delegate(f, p2c_sent, &r);");
    emit_line(cg->out, "}");
    cg_label(cg, "Y%d_step", j);
    cg->cur_site = cg->resume_sites[j];
    emit_line(cg->out, "if (p2c_st < 0) goto %s;", cg_error_label(cg));
    emit_line(cg->out, "if (p2c_st > 0) {");
    emit_line(cg->out, "    P2C_Generator_Suspend(p2c_gen);");
    emit_line(cg->out, "    return r;");
    emit_line(cg->out, "}");
    CVal result = cg_tmp_new(cg);
    emit_line(cg->out, "%s = r; r = NULL;", result.c);
    return result;
}

/* ---- the two C functions ---------------------------------------------------- */

/* Frame slots after the function's own: x temporaries, t temporaries, a
 * pending jump (--debuggable, lines.c), the delegate (if it has a `yield
 * from`). */
int cg_generator_spill(const Cg *cg)
{
    return cg->maxtmp + cg->fn->ntemps + (cg_jump_pending_slot(cg) >= 0) + cg->uses_delegate;
}

/* P2C_Generator_New's flags for the body (runtime.h's P2C_GENBODY_*), as
 * C text. */
static const char *body_flags(const Cg *cg)
{
    bool jumps = cg_jump_pending_slot(cg) >= 0;
    if (cg->uses_delegate)
        return jumps ? "P2C_GENBODY_DELEGATE | P2C_GENBODY_JUMPS" : "P2C_GENBODY_DELEGATE";
    return jumps ? "P2C_GENBODY_JUMPS" : "0";
}

void cg_generator_body_name(const IrFunction *fn, char *buf, size_t size)
{
    char entry[128];
    cg_func_cname(fn, entry, sizeof entry);
    snprintf(buf, size, "p2c_g%s", entry + 5);   /* p2c_f7_g -> p2c_g7_g */
}

static void temp_macros(Emitter *e, const Cg *cg, bool define)
{
    int base = cg->fn->nslots;
    for (int i = 0; i < cg->maxtmp; i++)
        if (define)
            emit_raw(e, "#define x%d P2C_SLOT(f, %d)\n", i, base + i);
        else
            emit_raw(e, "#undef x%d\n", i);
    for (int i = 0; i < cg->fn->ntemps; i++)
        if (define)
            emit_raw(e, "#define t%d P2C_SLOT(f, %d)\n", i, base + cg->maxtmp + i);
        else
            emit_raw(e, "#undef t%d\n", i);
}

/* The body's prologue: its jump table (--debuggable), its frame, the
 * temporaries as frame slots, the dispatch to the yield the frame stopped
 * at.  A body that can take a pending jump (lines.c) stands at no yield
 * when one is pending, or when the runtime asks for its jump table. */
static void body_prologue(Emitter *e, const Cg *cg)
{
    cg_jump_table(e, cg);   /* --debuggable: its jumps (lines.c) */
    emit_line(e, "P2C_Frame *f = P2C_Generator_Frame(p2c_gen);");
    emit_line(e, "PyObject *r = NULL;");
    if (cg->uses_delegate)
        emit_line(e, "int p2c_st;");
    temp_macros(e, cg, true);
    if (cg->nresume == 0)
        return;
    emit_line(e, "switch (P2C_Frame_GetSite(f)) {");
    for (int j = 0; j < cg->nresume; j++)
        emit_line(e, "case %d: goto Y%d;", cg->resume_sites[j], j);
    int pending = cg_jump_pending_slot(cg);
    if (pending >= 0) {
        emit_line(e, "default:   /* a new generator, or a debugger's jump pending */");
        emit_line(e, "    if (P2C_UNLIKELY(P2C_SLOT(f, %d) != NULL || p2c_sent == P2C_JUMP_TABLE_QUERY))",
                  pending);
        emit_line(e, "        goto p2c_jresume;");
        emit_line(e, "    break;");
    } else {
        emit_line(e, "default: break;   /* a new generator: from the start */");
    }
    emit_line(e, "}");
}

/* The one way out of the body: `error` adds the traceback entry; the
 * temporaries are cleared (their slots are the frame's, which the runtime
 * releases next). */
static void body_epilogue(Emitter *e, const Cg *cg)
{
    cg_exit_labels(e, cg);
    for (int i = 0; i < cg->maxtmp; i++)
        emit_line(e, "Py_CLEAR(x%d);", i);
    for (int i = 0; i < cg->fn->ntemps; i++)
        emit_line(e, "Py_CLEAR(t%d);", i);
    emit_line(e, "return r;");
}

void cg_write_generator(Emitter *e, const Cg *cg, const Emitter *body)
{
    const IrFunction *fn = cg->fn;
    char name[160], entry[128];
    cg_generator_body_name(fn, name, sizeof name);
    cg_func_cname(fn, entry, sizeof entry);
    if (cg->huge)   /* a generator is never chunked: one C function */
        cg_unoptimized_attribute(e);
    emit_raw(e, "%sPyObject *%s(PyObject *p2c_gen, PyObject *p2c_sent)\n{\n", cg_linkage(cg),
             name);
    e->indent = 1;
    body_prologue(e, cg);
    emit_append(e, body);
    body_epilogue(e, cg);
    e->indent = 0;
    emit_raw(e, "}\n");
    temp_macros(e, cg, false);
    emit_raw(e, "\n%sPyObject *%s(PyObject *p2c_func, PyObject *const *p2c_args, "
             "size_t p2c_nargsf, PyObject *p2c_kwnames)\n{\n", cg_linkage(cg), entry);
    emit_raw(e, "    return P2C_Generator_New(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames, "
             "%s, %d, %d, %s, %d);\n}\n", name, fn->nslots, cg_generator_spill(cg),
             body_flags(cg), fn->async_kind);
}
