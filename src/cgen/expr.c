/* expr.c — expressions into C: each IR expression becomes a C expression
 * text (a constant, a borrowed local) or a new reference in an expression
 * temporary x<N>, after the code computing it.  Kids are evaluated in their
 * order (ir_kinds.def), then the operation runs with the site of the node,
 * then the kids' temporaries are released.  Calls, displays and f-strings
 * are in call.c.
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

static CVal borrowed(const char *fmt, int arg)
{
    CVal v = {.tmp = -1};
    snprintf(v.c, sizeof v.c, fmt, arg);
    return v;
}

static int stores_var(IrNode *n, void *var)
{
    switch (n->kind) {
    case IR_ASSIGN_EXPR: case IR_ASSIGN: case IR_DEL: case IR_FOR_NEXT:
    case IR_NEW_CELL: case IR_CLEAR:
        return n->var == var;
    case IR_SWAP_SLOT:
        return n->var == var || n->vars[0] == var;
    case IR_UNPACK:
        for (int i = 0; i < n->nvars; i++)
            if (n->vars[i] == var)
                return 1;
        return 0;
    default:
        return 0;
    }
}

/* A borrowed LOAD stays valid while its slot keeps the reference: only an
 * assignment among the later kids (evaluated before parent consumes this
 * one: an assignment expression, or a statement of an inlined
 * comprehension) could rebind the slot and free the object. */
bool cg_stores_var(IrNode *n, IrVar *var)
{
    return ir_walk(n, stores_var, var) != 0;
}

CVal cg_kid(Cg *cg, IrNode *parent, int i)
{
    IrNode *kid = parent->kids[i];
    bool borrow = kid->kind == IR_LOAD &&
        (kid->var->kind == IR_VAR_LOCAL || kid->var->kind == IR_VAR_TEMP);
    for (int j = i + 1; borrow && j < parent->nkids; j++)
        if (cg_stores_var(parent->kids[j], kid->var))
            borrow = false;
    return cg_expr(cg, kid, borrow);
}

CVal cg_expr_before(Cg *cg, IrNode *n, IrNode *later)
{
    bool borrow = n->kind == IR_LOAD &&
        (n->var->kind == IR_VAR_LOCAL || n->var->kind == IR_VAR_TEMP) &&
        !cg_stores_var(later, n->var);
    return cg_expr(cg, n, borrow);
}

/* ---- variables ------------------------------------------------------------ */

static CVal load_var(Cg *cg, IrNode *n, bool may_borrow)
{
    IrVar *var = n->var;
    char lv[48];
    switch (var->kind) {
    case IR_VAR_LOCAL:
        cg_var_lvalue(cg, var, lv, sizeof lv);
        if (n->known_bound || !cg_may_be_unbound(cg, var))
            break;
        emit_line(cg->out, "if (%s == NULL) { P2C_Frame_SetSite(f, %d); "
                  "P2C_RaiseUnboundLocal(p2c_c[%d]); goto %s; }",
                  lv, cg_site_index(cg, n->pos), var->name_cidx, cg_error_label(cg));
        break;
    case IR_VAR_TEMP:
        cg_var_lvalue(cg, var, lv, sizeof lv);
        if (n->last_use) {
            CVal r = cg_tmp_new(cg);
            emit_line(cg->out, "%s = %s; %s = NULL;", r.c, lv, lv);
            return r;
        }
        break;
    case IR_VAR_GLOBAL: {
        CVal r = cg_tmp_new(cg);
        char site[32];
        cg_site_lazy(cg, n->pos, site, sizeof site);
        int k = cg_numeric_global_cache(cg, n);   /* one a fused tree peeks at */
        if (k < 0)
            k = (*cg->nglobal_caches)++;
        if (cg->huge)   /* out of line: fewer tokens and instructions at -O0 */
            emit_line(cg->out, "%s = P2C_LoadGlobalOfFrame(&p2c_gcache[%d], f, p2c_c[%d], %s);",
                      r.c, k, var->name_cidx, site);
        else
            emit_line(cg->out, "%s = P2C_LoadGlobalAt(&p2c_gcache[%d], "
                      "P2C_Frame_Globals(f), P2C_Frame_Builtins(f), p2c_c[%d], %s);",
                      r.c, k, var->name_cidx, site);
        cg_check_null(cg, r.c);
        return r;
    }
    case IR_VAR_NAME:
        return cg_load_name(cg, n);
    case IR_VAR_CELL:
    case IR_VAR_FREE:
        if (var->kind == IR_VAR_FREE && cg->fn->is_class)
            return cg_load_classderef(cg, n);   /* namespace first */
        return cg_load_deref(cg, n);
    default:
        cg_unsupported(cg, n, "a closure or class-body variable");
        return borrowed("NULL", 0);
    }
    CVal v = {.tmp = -1};
    snprintf(v.c, sizeof v.c, "%s", lv);
    if (may_borrow)
        return v;
    CVal r = cg_tmp_new(cg);
    cg_move(cg, r.c, &v);
    return r;
}

void cg_store_var(Cg *cg, IrNode *at, IrVar *var, CVal *v)
{
    char lv[48];
    switch (var->kind) {
    case IR_VAR_LOCAL:
        cg_var_lvalue(cg, var, lv, sizeof lv);
        cg_setref_at(cg, at->pos, lv, v);
        return;
    case IR_VAR_TEMP:   /* the compiler's own: no line of the source stores it */
        cg_var_lvalue(cg, var, lv, sizeof lv);
        cg_setref(cg, lv, v);
        return;
    case IR_VAR_GLOBAL: {
        /* the old value's release may run code that looks at the frame */
        cg_site(cg, at->pos);
        char call[128];
        snprintf(call, sizeof call, "PyDict_SetItem(P2C_Frame_Globals(f), p2c_c[%d], %s)",
                 var->name_cidx, v->c);
        cg_check_neg(cg, call);
        cg_release(cg, v);
        return;
    }
    case IR_VAR_NAME:
        cg_store_name(cg, at, var, v);
        return;
    case IR_VAR_CELL:
    case IR_VAR_FREE:
        cg_store_deref(cg, at->pos, var, v);
        return;
    default:
        cg_unsupported(cg, at, "a closure or class-body variable");
        cg_release(cg, v);
    }
}

/* (var := value): the variable gets its own reference; the value (owned or
 * borrowed as the caller allows) is the result. */
static CVal assign_expr(Cg *cg, IrNode *n, bool may_borrow)
{
    CVal v = cg_expr(cg, n->kids[0], may_borrow);
    CVal alias = {.tmp = -1};
    memcpy(alias.c, v.c, sizeof v.c);
    cg_store_var(cg, n, n->var, &alias);
    return v;
}

/* ---- operations on evaluated kids ---------------------------------------------- */

/* result = func(prefix kid0, kid1, ...): the common shape of an operation
 * whose operands are all the node's kids (absent optional kids pass NULL up
 * to nargs). */
static CVal op_call(Cg *cg, IrNode *n, const char *func, const char *prefix, int nargs)
{
    CVal kv[3];
    char args[200];
    int len = snprintf(args, sizeof args, "%s", prefix);
    for (int i = 0; i < nargs; i++) {
        kv[i] = i < n->nkids ? cg_kid(cg, n, i) : borrowed("NULL", 0);
        len += snprintf(args + len, sizeof args - (size_t)len, "%s%s",
                        i ? ", " : "", kv[i].c);
    }
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = %s(%s);", r.c, func, args);
    cg_check_null(cg, r.c);
    for (int i = nargs - 1; i >= 0; i--)
        cg_release(cg, &kv[i]);
    return r;
}

static CVal op_numbered(Cg *cg, IrNode *n, const char *func, int nargs)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "%d, ", n->op);
    return op_call(cg, n, func, prefix, nargs);
}

bool cg_attr_cache(Cg *cg, char *buf, size_t size)
{
    if (cg->opt->opt_level < 1)
        return false;
    snprintf(buf, size, "&p2c_acache[%d]", (*cg->nattr_caches)++);
    return true;
}

/* The cache of load site n: its own, or the one a fused tree's fast path
 * peeks at (numeric.c). */
static bool load_attr_cache(Cg *cg, const IrNode *n, char *buf, size_t size)
{
    int k = cg_numeric_attr_cache(cg, n);
    if (k < 0)
        return cg_attr_cache(cg, buf, size);
    snprintf(buf, size, "&p2c_acache[%d]", k);
    return true;
}

bool cg_is_global_load(const IrNode *n)
{
    return n->kind == IR_LOAD && n->var->kind == IR_VAR_GLOBAL;
}

/* obj.name: LOAD_ATTR, through the site's cache unless -O0; the object of
 * a global name is likely a class or a module, checked for first. */
static CVal load_attr(Cg *cg, IrNode *n)
{
    char cache[40];
    bool of_global = cg_is_global_load(n->kids[0]);
    CVal obj = cg_kid(cg, n, 0);
    CVal r = cg_tmp_new(cg);
    char site[32];
    if (load_attr_cache(cg, n, cache, sizeof cache)) {
        cg_site_lazy(cg, n->pos, site, sizeof site);
        emit_line(cg->out, "%s = P2C_Load%sAt%s(%s, %s, p2c_c[%d], %s);", r.c,
                  of_global ? "AttrOfGlobal" : "Attr", cg_helper_suffix(cg), cache, obj.c,
                  n->cidx, site);
    } else {
        cg_site(cg, n->pos);
        emit_line(cg->out, "%s = PyObject_GetAttr(%s, p2c_c[%d]);", r.c, obj.c, n->cidx);
    }
    cg_check_null(cg, r.c);
    cg_release(cg, &obj);
    return r;
}

static CVal op_named(Cg *cg, IrNode *n, const char *func)
{
    char suffix[32];
    snprintf(suffix, sizeof suffix, "p2c_c[%d]", n->cidx);
    CVal obj = cg_kid(cg, n, 0);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = %s(%s, %s);", r.c, func, obj.c, suffix);
    cg_check_null(cg, r.c);
    cg_release(cg, &obj);
    return r;
}

/* Jumps to label when the truth of v is jump_if; v is released first when
 * release is set (its reference is not needed by the test's outcome). */
void cg_truth_jump(Cg *cg, IrPos pos, CVal *v, bool release, bool jump_if,
                   const char *label)
{
    Emitter *out = cg->out;
    cg_site(cg, pos);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "int p2c_b = P2C_IsTrue(%s);", v->c);
    if (release)
        cg_release(cg, v);
    cg_check_neg(cg, "p2c_b");
    emit_line(out, "if (%sp2c_b) goto %s;", jump_if ? "" : "!", label);
    out->indent--;
    emit_line(out, "}");
}

/* ---- tests that only decide a jump ------------------------------------------ */

/* `if a < b:` — the comparison answers the branch as a C int (no bool
 * object) through P2C_CompareBranch; a result that is not a bool has its
 * truth tested there too. */
static void compare_jump(Cg *cg, IrNode *cmp, bool jump_if, const char *label)
{
    CVal a = cg_kid(cg, cmp, 0), b = cg_kid(cg, cmp, 1);
    Emitter *out = cg->out;
    cg_site(cg, cmp->pos);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "PyObject *p2c_o;");
    emit_line(out, "int p2c_b = P2C_CompareBranch(%d, %s, %s, &p2c_o);", cmp->op, a.c, b.c);
    cg_release(cg, &b);
    cg_release(cg, &a);
    cg_check_neg(cg, "p2c_b");
    emit_line(out, "if (P2C_UNLIKELY(p2c_b == 2)) {");
    out->indent++;
    emit_line(out, "p2c_b = P2C_IsTrue(p2c_o);");
    emit_line(out, "Py_DECREF(p2c_o);");
    cg_check_neg(cg, "p2c_b");
    out->indent--;
    emit_line(out, "}");
    emit_line(out, "if (%sp2c_b) goto %s;", jump_if ? "" : "!", label);
    out->indent--;
    emit_line(out, "}");
}

/* compiler_jump_if: `not`, `and`, `or` and if-expressions in a test become
 * jumps, so each operand's truth is taken once and no bool object or
 * deciding operand is kept.  *loc is the position a truth test reports:
 * the statement's (or if-expression's), until a comparison sets its own,
 * which then stays for the rest of the test (3.11's SET_LOC there is not
 * undone).  3.12 and 3.13 give each jump the tested operand's own position. */
static void cond_jump(Cg *cg, IrNode *t, IrPos *loc, bool jump_if, const char *label)
{
    if (t->kind == IR_UNARY && t->op == IR_UNARY_NOT) {
        cond_jump(cg, t->kids[0], loc, !jump_if, label);
        return;
    }
    if (t->kind == IR_AND || t->kind == IR_OR) {
        /* the first operand decides alone when its truth is `shortcut` */
        bool shortcut = t->kind == IR_OR;
        int id = cg_label_new(cg);
        char next[32];
        snprintf(next, sizeof next, "L%d_next", id);
        bool to_label = shortcut == jump_if;
        cond_jump(cg, t->kids[0], loc, shortcut, to_label ? label : next);
        cond_jump(cg, t->kids[1], loc, jump_if, label);
        if (!to_label)
            cg_label(cg, "L%d_next", id);
        return;
    }
    if (t->kind == IR_IFEXP) {
        int id = cg_label_new(cg);
        char orelse[32], end[32];
        snprintf(orelse, sizeof orelse, "L%d_else", id);
        snprintf(end, sizeof end, "L%d_end", id);
        cond_jump(cg, t->kids[0], loc, false, orelse);
        cond_jump(cg, t->kids[1], loc, jump_if, label);
        emit_line(cg->out, "goto %s;", end);
        cg_label(cg, "L%d_else", id);
        cond_jump(cg, t->kids[2], loc, jump_if, label);
        cg_label(cg, "L%d_end", id);
        return;
    }
    if (t->kind == IR_COMPARE) {
        *loc = t->pos;
        if (cg->opt->opt_level >= 1) {
            compare_jump(cg, t, jump_if, label);
            return;
        }
    }
    if (front_python_version() >= 0x030c0000)
        *loc = t->pos;   /* 3.12's compiler_jump_if: the jump at LOC(e) */
    CVal v = cg_expr(cg, t, true);
    cg_truth_jump(cg, *loc, &v, true, jump_if, label);
}

void cg_cond_jump(Cg *cg, IrNode *test, IrPos at, bool jump_if, const char *label)
{
    cond_jump(cg, test, &at, jump_if, label);
}

/* a and b / a or b: the result holds the deciding operand. */
static CVal and_or(Cg *cg, IrNode *n)
{
    char end[32];
    snprintf(end, sizeof end, "L%d_end", cg_label_new(cg));
    CVal left = cg_expr(cg, n->kids[0], true);
    CVal r = cg_tmp_new(cg);
    cg_move(cg, r.c, &left);
    cg_truth_jump(cg, n->pos, &r, false, n->kind == IR_OR, end);
    emit_line(cg->out, "Py_CLEAR(%s);", r.c);
    CVal right = cg_expr(cg, n->kids[1], true);
    cg_move(cg, r.c, &right);
    emit_label(cg->out, end);
    cg->cur_site = -1;
    return r;
}

/* An inlined comprehension: its statements run while the temporaries of
 * the expression around it stay live (they are released by the error path
 * like any other), then its value.  No chunk is cut inside it. */
static CVal seq_expr(Cg *cg, IrNode *n)
{
    int outer_base = cg->stmt_ntmp, outer_nlive = cg->seq_nlive;
    bool *outer_live = cg->seq_live;
    cg->stmt_ntmp = cg->ntmp;
    cg->seq_nlive = cg->maxtmp;
    cg->seq_live = xcalloc((size_t)cg->maxtmp + 1, sizeof *cg->seq_live);
    for (int i = 0; i < cg->maxtmp; i++)
        cg->seq_live[i] = cg->live[i];
    cg->in_seq++;
    cg_stmt(cg, n->kids[0]);
    cg->in_seq--;
    free(cg->seq_live);
    cg->seq_live = outer_live;
    cg->seq_nlive = outer_nlive;
    cg->stmt_ntmp = outer_base;
    return cg_expr(cg, n->kids[1], true);
}

bool cg_seq_outer_live(const Cg *cg, int i)
{
    return cg->seq_live && i < cg->seq_nlive && cg->seq_live[i];
}

/* body if test else orelse */
static CVal ifexp(Cg *cg, IrNode *n)
{
    int id = cg_label_new(cg);
    char orelse[32], end[32];
    snprintf(orelse, sizeof orelse, "L%d_else", id);
    snprintf(end, sizeof end, "L%d_end", id);
    cg_cond_jump(cg, n->kids[0], n->pos, false, orelse);
    CVal r = cg_tmp_new(cg);
    CVal body = cg_expr(cg, n->kids[1], true);
    cg_move(cg, r.c, &body);
    emit_line(cg->out, "goto %s;", end);
    cg_label(cg, "L%d_else", id);
    CVal other = cg_expr(cg, n->kids[2], true);
    cg_move(cg, r.c, &other);
    cg_label(cg, "L%d_end", id);
    return r;
}

/* format(conversion(value), spec); spec NULL when absent */
static CVal format_value(Cg *cg, IrNode *n)
{
    CVal value = cg_kid(cg, n, 0);
    CVal spec = n->nkids > 1 ? cg_kid(cg, n, 1) : borrowed("NULL", 0);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_FormatValue(%s, %d, %s);", r.c, value.c, n->op, spec.c);
    cg_check_null(cg, r.c);
    cg_release(cg, &spec);
    cg_release(cg, &value);
    return r;
}

static CVal import_name(Cg *cg, IrNode *n)
{
    CVal r = cg_tmp_new(cg);
    char fromlist[32] = "Py_None";
    if (n->cidx2 >= 0)
        snprintf(fromlist, sizeof fromlist, "p2c_c[%d]", n->cidx2);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_ImportName(f, p2c_c[%d], %s, %d);",
              r.c, n->cidx, fromlist, n->op);
    cg_check_null(cg, r.c);
    return r;
}

/* A runtime helper of ir.h's table: result = cfunc(kids...). */
static CVal helper_call(Cg *cg, IrNode *n)
{
    enum { MAX_HELPER_ARGS = 4 };
    CVal kv[MAX_HELPER_ARGS];
    char args[4 * sizeof kv[0].c + 16] = "";
    if (n->nkids > MAX_HELPER_ARGS)
        P2C_UNREACHABLE();
    size_t len = 0;
    for (int i = 0; i < n->nkids; i++) {
        kv[i] = cg_kid(cg, n, i);
        len += (size_t)snprintf(args + len, sizeof args - len, "%s%s", i ? ", " : "", kv[i].c);
    }
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = %s(%s);", r.c, ir_helper_info[n->op].cfunc, args);
    cg_check_null(cg, r.c);
    for (int i = n->nkids - 1; i >= 0; i--)
        cg_release(cg, &kv[i]);
    return r;
}

/* obj[a:b:c]: BINARY_SUBSCR of a BUILD_SLICE, without the slice object
 * where P2C_GetSlice can (at -O1 and above; -O0 builds the slice).  The
 * operands are evaluated in CPython's order: obj, then the bounds. */
static bool is_slice_subscript(const Cg *cg, const IrNode *key)
{
    return key->kind == IR_SLICE && key->nkids == 3 && cg->opt->opt_level >= 1;
}

void cg_slice_bounds(Cg *cg, IrNode *slice, CVal b[3])
{
    for (int i = 0; i < 3; i++)
        b[i] = cg_kid(cg, slice, i);
}

static CVal get_slice(Cg *cg, IrNode *n)
{
    CVal obj = cg_kid(cg, n, 0);
    CVal b[3];
    cg_slice_bounds(cg, n->kids[1], b);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_GetSlice(%s, %s, %s, %s);", r.c, obj.c, b[0].c, b[1].c,
              b[2].c);
    cg_check_null(cg, r.c);
    for (int i = 2; i >= 0; i--)
        cg_release(cg, &b[i]);
    cg_release(cg, &obj);
    return r;
}

/* make_function: closures.c (cg_make_function). */

CVal cg_expr(Cg *cg, IrNode *n, bool may_borrow)
{
    if (!cg->track_lines && cg_numeric_fusable(cg, n))   /* fused: no hooks inside */
        return cg_numeric(cg, n);
    switch (n->kind) {
    case IR_CONST:
        cg_load_line_hook(cg, n);
        return borrowed("p2c_c[%d]", n->cidx);
    case IR_LOAD:
        cg_load_line_hook(cg, n);
        return load_var(cg, n, may_borrow);
    case IR_ASSIGN_EXPR: return assign_expr(cg, n, may_borrow);
    case IR_ATTR:        return load_attr(cg, n);
    case IR_SUBSCR:
        if (is_slice_subscript(cg, n->kids[1]))
            return get_slice(cg, n);
        return op_call(cg, n, "P2C_GetItem", "", 2);
    case IR_SLICE:       return op_call(cg, n, "PySlice_New", "", 3);
    case IR_BINOP:       return op_numbered(cg, n, "P2C_BinaryOp", 2);
    case IR_INPLACE:     return op_numbered(cg, n, "P2C_InPlaceOp", 2);
    case IR_UNARY:       return op_numbered(cg, n, "P2C_UnaryOp", 1);
    case IR_COMPARE:     return op_numbered(cg, n, "P2C_CompareOp", 2);
    case IR_AND:
    case IR_OR:          return and_or(cg, n);
    case IR_IFEXP:       return ifexp(cg, n);
    case IR_SEQ:         return seq_expr(cg, n);
    case IR_CALL:        return cg_call(cg, n);
    case IR_CALL_EX:     return cg_call_ex(cg, n);
    case IR_TUPLE:
    case IR_LIST:
    case IR_SET:         return cg_display(cg, n);
    case IR_DICT:        return cg_dict(cg, n);
    case IR_FSTRING:     return cg_fstring(cg, n);
    case IR_FORMAT:      return format_value(cg, n);
    case IR_ITER:
        if (cg_is_range_iter(cg, n))
            return cg_range_iter(cg, n);
        return op_call(cg, n, "PyObject_GetIter", "", 1);
    case IR_HELPER:      return helper_call(cg, n);
    case IR_CLASS_NAMESPACE: return borrowed("P2C_Frame_Locals(f)", 0);
    case IR_IMPORT_NAME: return import_name(cg, n);
    case IR_IMPORT_FROM: return op_named(cg, n, "P2C_ImportFrom");
    case IR_MAKE_FUNCTION: return cg_make_function(cg, n);
    case IR_BUILD_CLASS: return cg_build_class(cg, n);
    case IR_CELL_REF:    return cg_cell_ref(cg, n);
    case IR_YIELD:       return cg_yield(cg, n);
    case IR_YIELD_FROM:
    case IR_AWAIT:       return cg_yield_from(cg, n);
    case IR_AITER:       return op_call(cg, n, "P2C_GetAIter", "", 1);
    case IR_CAUGHT: case IR_WITH_ENTER: case IR_WITH_EXIT:
    case IR_DEBUG: case IR_ASSERTION_ERROR: case IR_STOP_ASYNC_ITERATION:
        return cg_exc_expr(cg, n);
    default:
        cg_unsupported(cg, n, ir_info(n)->name);
        return borrowed("NULL", 0);
    }
}
