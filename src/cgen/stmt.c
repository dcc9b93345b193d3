/* stmt.c — statements and control flow into goto-style C.
 *
 * A LOOP k is three labels: L<k>_top (CONTINUE and the back edge), L<k>_else
 * (FOR_NEXT exhaustion, LOOP_EXIT: the else block, which runs outside the
 * loop) and L<k>_end (BREAK).  Labels are only written when some jump uses
 * them, so the C has no unused labels.  No expression temporary is live
 * between statements, so jumps never have references to drop.
 */
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"

/* chunks.c: large blocks have runs of statements moved into chunks */
static void block(Cg *cg, IrNode *b)
{
    cg_block(cg, b);
}

/* op(kid0, kid1, ..., extra) < 0 → error: STORE_ATTR, STORE_SUBSCR, the
 * del forms and IMPORT_STAR, whose kids are all operands.  order lists the
 * kids in the C call's argument order (kids are still evaluated in their own
 * order); -1 stands for extra. */
static void op_stmt(Cg *cg, IrNode *n, const char *op, const int *order, int nargs,
                    const char *extra)
{
    CVal kv[3];
    for (int i = 0; i < n->nkids; i++)
        kv[i] = cg_kid(cg, n, i);
    char call[256];
    int len = snprintf(call, sizeof call, "%s(", op);
    for (int i = 0; i < nargs; i++)
        len += snprintf(call + len, sizeof call - (size_t)len, "%s%s", i ? ", " : "",
                        order[i] < 0 ? extra : kv[order[i]].c);
    snprintf(call + len, sizeof call - (size_t)len, ")");
    cg_site(cg, n->pos);
    cg_check_neg(cg, call);
    for (int i = n->nkids - 1; i >= 0; i--)
        cg_release(cg, &kv[i]);
}

/* obj[a:b:c] = value (kids: value, obj, the slice), without the slice
 * object where P2C_SetSlice can, at -O1 and above; CPython's order: value,
 * obj, then the bounds. */
static bool store_slice(Cg *cg, IrNode *n)
{
    IrNode *slice = n->kids[2];
    if (slice->kind != IR_SLICE || slice->nkids != 3 || cg->opt->opt_level < 1)
        return false;
    CVal value = cg_kid(cg, n, 0), obj = cg_kid(cg, n, 1);
    CVal b[3];
    cg_slice_bounds(cg, slice, b);
    char call[640];
    snprintf(call, sizeof call, "P2C_SetSlice(%s, %s, %s, %s, %s)", obj.c, b[0].c, b[1].c,
             b[2].c, value.c);
    cg_site(cg, n->pos);
    cg_check_neg(cg, call);
    for (int i = 2; i >= 0; i--)
        cg_release(cg, &b[i]);
    cg_release(cg, &obj);
    cg_release(cg, &value);
    return true;
}

/* obj.name = value: STORE_ATTR, through the site's cache unless -O0.  The
 * kids are value, obj (CPython's evaluation order). */
static void store_attr(Cg *cg, IrNode *n)
{
    static const int order[] = {1, -1, 0};     /* obj, name, value */
    char name[32], cache[40];
    snprintf(name, sizeof name, "p2c_c[%d]", n->cidx);
    if (!cg_attr_cache(cg, cache, sizeof cache)) {
        op_stmt(cg, n, "PyObject_SetAttr", order, 3, name);
        return;
    }
    int fused = cg_numeric_store_begin(cg, n, cache);   /* a float attribute overwritten */
    CVal value = cg_kid(cg, n, 0), obj = cg_kid(cg, n, 1);
    char call[256];
    snprintf(call, sizeof call, "P2C_StoreAttrCached%s(%s, %s, %s, %s)", cg_helper_suffix(cg),
             cache, obj.c, name, value.c);
    cg_site(cg, n->pos);
    cg_check_neg(cg, call);
    cg_release(cg, &obj);
    cg_release(cg, &value);
    if (fused >= 0)
        cg_numeric_store_end(cg, fused);
}

static void del_attr(Cg *cg, IrNode *n)
{
    static const int order[] = {0, -1};        /* obj, name */
    char name[32];
    snprintf(name, sizeof name, "p2c_c[%d]", n->cidx);
    op_stmt(cg, n, "PyObject_DelAttr", order, 2, name);
}

static void del_var(Cg *cg, IrNode *n)
{
    IrVar *var = n->var;
    char lv[48];
    switch (var->kind) {
    case IR_VAR_LOCAL:
        cg_var_lvalue(cg, var, lv, sizeof lv);
        if (!n->known_bound)
            emit_line(cg->out, "if (%s == NULL) { P2C_Frame_SetSite(f, %d); "
                      "P2C_RaiseUnboundLocal(p2c_c[%d]); goto %s; }",
                      lv, cg_site_index(cg, n->pos), var->name_cidx, cg_error_label(cg));
        cg_clear_at(cg, n->pos, lv);
        return;
    case IR_VAR_TEMP:
        cg_var_lvalue(cg, var, lv, sizeof lv);
        emit_line(cg->out, "Py_CLEAR(%s);", lv);
        return;
    case IR_VAR_GLOBAL: {
        char call[128];
        snprintf(call, sizeof call, "P2C_DelGlobal(P2C_Frame_Globals(f), p2c_c[%d])",
                 var->name_cidx);
        cg_site(cg, n->pos);
        cg_check_neg(cg, call);
        return;
    }
    case IR_VAR_NAME:
        cg_del_name(cg, n);
        return;
    case IR_VAR_CELL:
    case IR_VAR_FREE:
        cg_del_deref(cg, n);
        return;
    default:
        cg_unsupported(cg, n, "del of a closure or class-body variable");
    }
}

/* swap_slot(var, $t): the frame slot and the temporary exchange what they
 * hold (either may be NULL); nothing is released, nothing can fail. */
static void swap_slot(Cg *cg, IrNode *n)
{
    char slot[48], temp[48];
    cg_var_lvalue(cg, n->var, slot, sizeof slot);
    cg_var_lvalue(cg, n->vars[0], temp, sizeof temp);
    emit_line(cg->out, "{ PyObject *p2c_sw = %s; %s = %s; %s = p2c_sw; }",
              slot, slot, temp, temp);
}

/* a, *b, c = value: P2C_Unpack fills a C array; its items move to fresh
 * temporaries at once, so that a failing store leaves nothing unowned. */
static void unpack(Cg *cg, IrNode *n)
{
    int nv = n->nvars, star = n->star;
    int before = star >= 0 ? star : nv, after = star >= 0 ? nv - star - 1 : 0;
    CVal value = cg_expr(cg, n->kids[0], true);
    CVal *items = PyMem_Calloc((size_t)nv + 1, sizeof *items);
    if (!items)
        diag_out_of_memory("generating C");
    for (int i = 0; i < nv; i++)
        items[i] = cg_tmp_new(cg);
    Emitter *out = cg->out;
    cg_site(cg, n->pos);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "PyObject *p2c_u[%d];", nv);
    if (star < 0 && cg->opt->opt_level >= 1)
        emit_line(out, "if (P2C_UnpackFast%s(%s, %d, p2c_u) < 0) goto %s;",
                  cg_helper_suffix(cg), value.c, nv, cg_error_label(cg));
    else
        emit_line(out, "if (P2C_Unpack(%s, %d, %d, %d, p2c_u) < 0) goto %s;",
                  value.c, before, star >= 0, after, cg_error_label(cg));
    for (int i = 0; i < nv; i++)
        emit_line(out, "%s = p2c_u[%d];", items[i].c, i);
    out->indent--;
    emit_line(out, "}");
    cg_release(cg, &value);
    for (int i = 0; i < nv; i++)
        cg_store_var(cg, n, n->vars[i], &items[i]);
    PyMem_Free(items);
}

static void if_stmt(Cg *cg, IrNode *n)
{
    int id = cg_label_new(cg);
    char orelse[32];
    snprintf(orelse, sizeof orelse, "L%d_else", id);
    cg_cond_jump(cg, n->kids[0], n->pos, false, orelse);
    block(cg, n->kids[1]);
    bool has_else = n->kids[2]->nkids > 0;
    if (has_else)
        emit_line(cg->out, "goto L%d_end;", id);
    cg_label(cg, "L%d_else", id);
    if (has_else) {
        block(cg, n->kids[2]);
        cg_label(cg, "L%d_end", id);
    }
}

/* A backward jump polls the eval breaker (signals, pending calls, the
 * GIL), as 3.11's JUMP_BACKWARD and POP_JUMP_BACKWARD_IF_* do; entering a
 * loop does not.  A while loop's back edge reports the loop's position
 * (the `while` line: a KeyboardInterrupt in `while True:` names it); a for
 * loop's is artificial, so the frame's current site stands. */
static void back_edge(Cg *cg, IrNode *loop_node)
{
    if (loop_node && loop_node->op == IR_LOOP_WHILE)
        cg_site(cg, loop_node->pos);
    cg_check_neg(cg, "P2C_CheckEvalBreaker()");
    cg_back_edge_hook(cg);
}

/* The temporary an async for loop's step reads: its body opens with
 * `try: $t = await_anext($it) except StopAsyncIteration: loop_exit`
 * (src/lower/coroutines.c); NULL when body is not such a loop's. */
static const IrNode *anext_operand(const IrNode *body)
{
    if (body->nkids == 0 || body->kids[0]->kind != IR_TRY_EXCEPT)
        return NULL;
    const IrNode *try_body = body->kids[0]->kids[0];
    if (try_body->nkids != 1 || try_body->kids[0]->kind != IR_ASSIGN)
        return NULL;
    const IrNode *step = try_body->kids[0]->kids[0];
    return step->kind == IR_AWAIT && step->op == IR_AWAIT_ANEXT ? step->kids[0] : NULL;
}

/* A for loop's iterator (the temporary its next() reads) or an async for
 * loop's (GET_AITER's, which its GET_ANEXT reads), or NULL for a while
 * loop: the block CPython keeps on its stack through the body. */
static const IrVar *for_iterator(const IrNode *loop_node)
{
    const IrNode *body = loop_node->kids[0];
    const IrNode *iter = anext_operand(body);
    if (!iter && body->nkids > 0 && body->kids[0]->kind == IR_FOR_NEXT)
        iter = body->kids[0]->kids[0];
    return iter && iter->kind == IR_LOAD && iter->var->kind == IR_VAR_TEMP ? iter->var : NULL;
}

/* Opens the block of a for loop's iterator for jumps out of the loop
 * (lines.c); false for other loops. */
static bool open_iterator_block(Cg *cg, const IrNode *loop_node)
{
    const IrVar *it = for_iterator(loop_node);
    if (!it)
        return false;
    char release[64], slot[16];
    snprintf(release, sizeof release, "Py_CLEAR(t%d);", it->slot);
    cg_jump_block_push(cg, CG_JUMP_ITERATOR, release);
    snprintf(slot, sizeof slot, "t%d", it->slot);
    cg_jump_block_movable(cg, slot, "");   /* another loop's iterator goes on here */
    return true;
}

static void loop(Cg *cg, IrNode *n)
{
    CgLoop lp = {.id = cg_label_new(cg), .outer = cg->loop};
    cg_label(cg, "L%d_top", lp.id);
    bool iterator = open_iterator_block(cg, n);
    cg_loop_top_hook(cg, n);
    cg->loop = &lp;
    block(cg, n->kids[0]);
    cg->loop = lp.outer;
    back_edge(cg, n);
    if (iterator)
        cg_jump_block_pop(cg);
    emit_line(cg->out, "goto L%d_top;", lp.id);
    if (lp.used_else) {
        cg_label(cg, "L%d_else", lp.id);
        block(cg, n->kids[1]);     /* outside the loop: its break is the outer one's */
    }
    if (lp.used_end)
        cg_label(cg, "L%d_end", lp.id);
    else if (!lp.used_else)
        cg_jump_flow_ends(cg);   /* an endless loop: what follows never runs */
}

static CgLoop *innermost(Cg *cg, IrNode *n)
{
    if (!cg->loop) {
        cg_unsupported(cg, n, "a loop statement outside a loop");
        static CgLoop none;
        return &none;
    }
    return cg->loop;
}

/* var = next(iterator), or leave through the loop's else block */
static void for_next(Cg *cg, IrNode *n)
{
    CgLoop *lp = innermost(cg, n);
    CVal iter = cg_expr(cg, n->kids[0], true);
    CVal item = cg_tmp_new(cg);
    Emitter *out = cg->out;
    cg_site(cg, n->pos);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "int p2c_rc = %s(%s, &%s);",
              cg->opt->opt_level >= 1 ? "P2C_IterNextFast" : "P2C_IterNext", iter.c, item.c);
    cg_release(cg, &iter);
    cg_check_neg(cg, "p2c_rc");
    emit_line(out, "if (p2c_rc == 0) goto L%d_else;", lp->id);
    out->indent--;
    emit_line(out, "}");
    lp->used_else = true;
    cg_store_var(cg, n, n->var, &item);
}

static void return_stmt(Cg *cg, IrNode *n)
{
    if (cg->fn->is_module) {
        cg_unsupported(cg, n, "return outside a function");
        return;
    }
    if (cg->tries) {   /* through finally blocks and handlers: try.c */
        cg_return_through(cg, n);
        return;
    }
    CVal v = cg_expr(cg, n->kids[0], true);
    cg_site_line_hook(cg, n->pos);   /* RETURN_VALUE at the statement's line */
    cg_move(cg, "r", &v);
    emit_line(cg->out, "goto exit;");
    cg->used_exit = true;
}

/* raise exc [from cause]: P2C_Raise sets the exception; like CPython's
 * RAISE_VARARGS the operands are released before unwinding. */
static void raise_stmt(Cg *cg, IrNode *n)
{
    if (n->nkids == 0) {
        cg_raise_bare(cg, n);
        return;
    }
    CVal exc = cg_kid(cg, n, 0);
    CVal cause = {.tmp = -1};
    strcpy(cause.c, "NULL");
    if (n->nkids > 1)
        cause = cg_kid(cg, n, 1);
    cg_site(cg, n->pos);
    emit_line(cg->out, "P2C_Raise(%s, %s);", exc.c, cause.c);
    cg_release(cg, &cause);
    cg_release(cg, &exc);
    cg_goto_error(cg);
}

static void stmt_code(Cg *cg, IrNode *n);

/* Whether control never goes on after statement n (for jumps: lines.c). */
static bool ends_flow(const IrNode *n)
{
    switch (n->kind) {
    case IR_RETURN: case IR_RAISE: case IR_RERAISE: case IR_BREAK: case IR_CONTINUE:
    case IR_LOOP_EXIT:
        return true;
    default:
        return false;
    }
}

/* Statement n with, under --debuggable, its line hooks (lines.c). */
void cg_stmt(Cg *cg, IrNode *n)
{
    cg_line_hook(cg, n);
    stmt_code(cg, n);
    cg_line_hook_end(cg);
    if (ends_flow(n))
        cg_jump_flow_ends(cg);
}

static void stmt_code(Cg *cg, IrNode *n)
{
    static const int set_item[] = {1, 2, 0};   /* obj, key, value */
    static const int del_item[] = {0, 1};
    static const int import_star[] = {-1, 0};  /* the frame, the module */
    switch (n->kind) {
    case IR_BLOCK:
        block(cg, n);
        return;
    case IR_ASSIGN: {
        CVal v = cg_expr(cg, n->kids[0], true);
        cg_site_line_hook(cg, n->pos);   /* the store, at the target's line */
        cg_store_var(cg, n, n->var, &v);
        return;
    }
    case IR_STORE_ATTR:  store_attr(cg, n); return;
    case IR_STORE_SUBSCR: {
        if (store_slice(cg, n))
            return;
        int fused = cg_numeric_store_begin(cg, n, NULL);   /* a float item overwritten */
        op_stmt(cg, n, "P2C_SetItem", set_item, 3, NULL);
        if (fused >= 0)
            cg_numeric_store_end(cg, fused);
        return;
    }
    case IR_DEL:         del_var(cg, n); return;
    case IR_DEL_ATTR:    del_attr(cg, n); return;
    case IR_DEL_SUBSCR:  op_stmt(cg, n, "PyObject_DelItem", del_item, 2, NULL); return;
    case IR_UNPACK:      unpack(cg, n); return;
    case IR_EXPR: {
        CVal v = cg_expr(cg, n->kids[0], true);
        cg_release(cg, &v);
        return;
    }
    case IR_IF:          if_stmt(cg, n); return;
    case IR_LOOP:        loop(cg, n); return;
    case IR_FOR_NEXT:    for_next(cg, n); return;
    case IR_LOOP_EXIT:
        cg_unwind_jump(cg);   /* async for's: out of its END_ASYNC_FOR handler */
        emit_line(cg->out, "goto L%d_else;", innermost(cg, n)->id);
        innermost(cg, n)->used_else = true;
        return;
    case IR_BREAK:
        cg_unwind_jump(cg);   /* finally blocks, __exit__, POP_EXCEPT on the way */
        emit_line(cg->out, "goto L%d_end;", innermost(cg, n)->id);
        innermost(cg, n)->used_end = true;
        return;
    case IR_CONTINUE:
        /* 3.11's compiler_continue: a NOP at the statement, the unwinding
         * (finally bodies set their own positions), then JUMP_BACKWARD at
         * whatever position is current. */
        cg_site(cg, n->pos);
        cg_unwind_jump(cg);
        back_edge(cg, NULL);
        emit_line(cg->out, "goto L%d_top;", innermost(cg, n)->id);
        return;
    case IR_RETURN:      return_stmt(cg, n); return;
    case IR_TRY_EXCEPT:  cg_try_except(cg, n); return;
    case IR_TRY_FINALLY: cg_try_finally(cg, n); return;
    case IR_RERAISE:     cg_reraise(cg, n); return;
    case IR_RERAISE_STAR: cg_reraise_star(cg, n); return;
    case IR_RAISE:       raise_stmt(cg, n); return;
    case IR_PASS:        return;
    case IR_LIST_APPEND:
    case IR_SET_ADD:
    case IR_MAP_ADD:     cg_comp_add(cg, n); return;
    case IR_SETUP_ANNOTATIONS: cg_setup_annotations(cg, n); return;
    case IR_NEW_CELL:    cg_new_cell(cg, n); return;
    case IR_CLEAR: {
        char lv[48];
        cg_var_lvalue(cg, n->var, lv, sizeof lv);
        emit_line(cg->out, "Py_CLEAR(%s);", lv);
        return;
    }
    case IR_SWAP_SLOT:   swap_slot(cg, n); return;
    case IR_IMPORT_STAR: op_stmt(cg, n, "P2C_ImportStar", import_star, 2, "f"); return;
    default:
        cg_unsupported(cg, n, ir_info(n)->name);
    }
}
