/* call.c — calls (CALL, CALL_EX), displays (tuple, list, set, dict, with
 * starred items) and f-strings into C.
 *
 * Evaluation and building follow CPython 3.11's compiler (starunpack_helper,
 * compiler_dict, compiler_call_helper in Python/compile.c) where the order is
 * observable: a display without starred items evaluates all its items, then
 * builds; a starred one builds the container from the items before the first
 * star, then adds each later item as soon as it is evaluated; "big" displays
 * (more than 30 stack entries) add as they go from the start.
 */
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/opt.h"

enum { STACK_USE_GUIDELINE = 30 };   /* CPython's compile.c limit */

/* Emits before + <owned reference of v> + after, moving v's reference (a
 * borrowed value gets a new one). */
static void emit_give(Cg *cg, const char *before, CVal *v, const char *after)
{
    if (v->tmp >= 0)
        emit_line(cg->out, "%s%s%s %s = NULL;", before, v->c, after, v->c);
    else
        emit_line(cg->out, "%sPy_NewRef(%s)%s", before, v->c, after);
    cg_forget(cg, v);
}

/* Emits check(op(container, v)) < 0 → error, then releases v. */
static void add_item(Cg *cg, IrPos pos, const char *op, const char *container,
                     CVal *v, const char *extra)
{
    char call[200];
    cg_site(cg, pos);
    snprintf(call, sizeof call, "%s(%s%s, %s)", op, container, extra, v->c);
    cg_check_neg(cg, call);
    cg_release(cg, v);
}

/* Evaluates kids from..count-1 of n into vals[from..count); the entries
 * before `from` are empty borrowed values, which releasing leaves alone. */
static CVal *eval_kids_from(Cg *cg, IrNode *n, int from, int count)
{
    CVal *vals = PyMem_Calloc((size_t)count + 1, sizeof *vals);
    if (!vals)
        diag_out_of_memory("generating C");
    for (int i = 0; i < from; i++)
        vals[i].tmp = -1;
    for (int i = from; i < count; i++)
        vals[i] = cg_kid(cg, n, i);
    return vals;
}

static CVal *eval_kids(Cg *cg, IrNode *n, int count)
{
    return eval_kids_from(cg, n, 0, count);
}

static void release_kids(Cg *cg, CVal *vals, int count)
{
    for (int i = count - 1; i >= 0; i--)
        cg_release(cg, &vals[i]);
    PyMem_Free(vals);
}

/* ---- calls ---------------------------------------------------------------- */

/* The C text of an owned reference to v, for a stack entry: the temporary
 * itself (moved: set NULL before the call), or a new reference. */
static void owned_text(const CVal *v, char *buf, size_t size)
{
    snprintf(buf, size, v->tmp >= 0 ? "%s" : "Py_NewRef(%s)", v->c);
}

/* Once a call has taken v: its temporary is NULL at run time; with
 * consume, also free for the generator (straight-line code).  Without
 * consume it stays live, so the release written after a C branch that did
 * not make this call still releases it (here a Py_CLEAR of NULL).  Written
 * before the call itself: the callee may release what it took (a bound
 * method unpacked, an argument deleted) while the collector walks a
 * generator's frame, whose slots hold the temporaries. */
static void moved(Cg *cg, CVal *v, bool consume)
{
    if (v->tmp < 0)
        return;
    emit_line(cg->out, "%s = NULL;", v->c);
    if (consume)
        cg_forget(cg, v);
}

/* Emits r = callable(vals[1..nargs]) as 3.11's CALL makes it: the C array
 * p2c_av is the value stack, holding an owned reference to each argument
 * (the keyword values last, their names the tuple constant n->cidx), and
 * P2C_CallSteal takes them with the callable's — so a compiled callee gets
 * the arguments themselves, and anything else has them released after it
 * returns, callable first (docs/architecture.md, "Calls hand over their
 * arguments").  The array keeps a spare first entry so that callees may
 * use PY_VECTORCALL_ARGUMENTS_OFFSET.  With self (a temporary: NULL, or the
 * object of a method found by P2C_LoadMethod) the array also holds self,
 * passed first unless NULL.  consume: see moved(). */
static void emit_call(Cg *cg, IrNode *n, const CVal *r, CVal *callable, CVal *self,
                      CVal *vals, int nargs, int nkw, bool consume)
{
    Emitter *out = cg->out;
    /* f(...) of a name: maybe a class, instantiated through a call cache */
    char call[64] = "P2C_CallSteal(";
    if (!self && n->kids[0]->kind == IR_LOAD && cg->opt->opt_level >= 2)
        snprintf(call, sizeof call, "P2C_CallCachedSteal(&p2c_ccache[%d], ",
                 (*cg->ncall_caches)++);
    char func[64], entry[64];
    owned_text(callable, func, sizeof func);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "PyObject *p2c_fn = %s;", func);
    if (nargs == 0 && !self) {
        moved(cg, callable, consume);
        emit_line(out, "%s = %sp2c_fn, NULL, 0, NULL);", r->c, call);
        out->indent--;
        emit_line(out, "}");
        return;
    }
    {
        char kwnames[32] = "NULL";
        if (nkw)
            snprintf(kwnames, sizeof kwnames, "p2c_c[%d]", n->cidx);
        emit_line(out, "PyObject *p2c_av[] = {NULL%s%s", self ? ", " : "", self ? self->c : "");
        for (int i = 1; i <= nargs; i++) {
            owned_text(&vals[i], entry, sizeof entry);
            emit_line(out, "    , %s", entry);
        }
        emit_line(out, "};");
        moved(cg, callable, consume);
        if (self)
            moved(cg, self, consume);
        for (int i = 1; i <= nargs; i++)
            moved(cg, &vals[i], consume);
        if (self) {
            emit_line(out, "size_t p2c_self = p2c_av[1] != NULL;");
            emit_line(out, "%s = P2C_CallMethodSteal(p2c_fn, p2c_av + 2 - p2c_self, "
                      "(%d + p2c_self) | PY_VECTORCALL_ARGUMENTS_OFFSET, %s);",
                      r->c, nargs - nkw, kwnames);
        } else {
            emit_line(out, "%s = %sp2c_fn, p2c_av + 1, %d | PY_VECTORCALL_ARGUMENTS_OFFSET, %s);",
                      r->c, call, nargs - nkw, kwnames);
        }
    }
    out->indent--;
    emit_line(out, "}");
}

/* consumer(<genexpr>) for a call the optimizer marked (src/opt/collect.c,
 * pyc2c/collect.h): the generator function and its iterator are evaluated
 * as for the call that makes the generator; then, when the callee (for
 * `sep.join`: self, the object of the method) is at run time the consumer
 * the call's kind names, the collector runs the generator expression's
 * body and feeds the consumer directly; otherwise the generator is made
 * and passed to the callee.  Failures of either way are reported at the
 * consumer call, where CPython reports them. */
static CVal collect_call(Cg *cg, IrNode *n, CVal *callee, CVal *self)
{
    IrNode *make = n->kids[1];
    CVal vals[2];
    vals[0] = cg_kid(cg, make, 0);   /* the generator function */
    vals[1] = cg_kid(cg, make, 1);   /* iter() of its outermost iterable */
    CVal r = cg_tmp_new(cg);
    char collector[160];
    cg_collector_name(make->kids[0]->func, collector, sizeof collector);
    cg_site(cg, n->pos);
    Emitter *out = cg->out;
    emit_line(out, "if (P2C_Collect_Applies(P2C_COLLECT_%s, %s)) {",
              opt_collect_kind_id(n->collect), self ? self->c : callee->c);
    emit_line(out, "    %s = %s(%s, %s, %s);", r.c, collector, vals[0].c, vals[1].c,
              self ? self->c : "NULL");
    emit_line(out, "} else {");
    out->indent++;
    /* the calls take what the other branch leaves to the releases below */
    CVal gen = cg_tmp_new(cg);
    cg_site(cg, make->pos);
    emit_call(cg, make, &gen, &vals[0], NULL, vals, 1, 0, false);
    cg_check_null(cg, gen.c);
    CVal args[2] = {{.tmp = -1}, gen};
    cg_site(cg, n->pos);
    emit_call(cg, n, &r, callee, self, args, 1, 0, false);
    cg_forget(cg, &gen);   /* made and moved in this branch */
    out->indent--;
    emit_line(out, "}");
    cg_check_null(cg, r.c);
    cg_release(cg, &vals[1]);
    cg_release(cg, &vals[0]);
    return r;
}

/* Does any kid of n from index `from` on rebind var? */
static bool later_kids_store(IrNode *n, int from, IrVar *var)
{
    for (int i = from; i < n->nkids; i++)
        if (cg_stores_var(n->kids[i], var))
            return true;
    return false;
}

/* ---- super().name(...) --------------------------------------------------- */

/* The function's variable of kind in slot, or named name (NULL: any). */
static const IrVar *find_var(const IrFunction *fn, IrVarKind kind, int slot, const char *name)
{
    for (int i = 0; i < fn->nvars; i++) {
        const IrVar *v = fn->vars[i];
        if (v->kind == kind && (slot < 0 || v->slot == slot) &&
            (!name || strcmp(v->name, name) == 0))
            return v;
    }
    return NULL;
}

/* Whether obj.name is `super().name` where the builtin super would find
 * its arguments in this frame: a global `super` called without arguments,
 * in a function with a first positional parameter and a __class__ cell
 * (CPython's super_init_without_args).  Then *first is the parameter and
 * *class_var the __class__ free variable. */
static bool is_zero_arg_super(const Cg *cg, const IrNode *attr, const IrVar **first,
                              const IrVar **class_var)
{
    const IrNode *call = attr->kids[0];
    if (cg->opt->opt_level < 1 || call->kind != IR_CALL || call->nkids != 1 ||
        call->cidx >= 0 || call->collect || call->kids[0]->kind != IR_LOAD ||
        call->kids[0]->var->kind != IR_VAR_GLOBAL ||
        strcmp(call->kids[0]->var->name, "super") != 0 || cg->fn->argcount < 1)
        return false;
    if (PyUnicode_CompareWithASCIIString(ir_const_get(cg->m, attr->cidx), "__class__") == 0)
        return false;   /* super answers it itself */
    *class_var = find_var(cg->fn, IR_VAR_FREE, -1, "__class__");
    *first = find_var(cg->fn, IR_VAR_LOCAL, 0, NULL);
    if (!*first)
        *first = find_var(cg->fn, IR_VAR_CELL, 0, NULL);
    return *class_var && *first;
}

/* meth, self = LOAD_METHOD(super(), name): P2C_SuperMethod finds an
 * ordinary method without making the super object (runtime/super.c); else
 * super is called and the method loaded as CPython does, each failure
 * reported at its own position. */
static void super_method(Cg *cg, IrNode *attr, const IrVar *first, const IrVar *class_var,
                         const CVal *meth, const CVal *self)
{
    IrNode *call = attr->kids[0];
    CVal super = cg_kid(cg, call, 0);
    Emitter *out = cg->out;
    emit_line(out, "if (!P2C_SuperMethod(%s, P2C_SLOT(f, %d), %d, P2C_SLOT(f, %d), p2c_c[%d], "
              "&%s, &%s)) {", super.c, first->slot, first->kind == IR_VAR_CELL,
              class_var->slot, attr->cidx, meth->c, self->c);
    out->indent++;
    int site_before = cg->cur_site;
    CVal obj = cg_tmp_new(cg);
    cg_site(cg, call->pos);
    emit_line(out, "%s = P2C_Call(%s, NULL, 0, NULL);", obj.c, super.c);
    cg_check_null(cg, obj.c);
    cg_site(cg, attr->pos);
    emit_line(out, "%s = P2C_LoadMethod(%s, p2c_c[%d], &%s);", meth->c, obj.c, attr->cidx,
              self->c);
    cg_check_null(cg, meth->c);
    cg_release(cg, &obj);
    out->indent--;
    emit_line(out, "}");
    /* the fast way sets no site */
    if (cg->cur_site != site_before)
        cg->cur_site = -1;
    cg_release(cg, &super);
}

/* meth, self = LOAD_METHOD(obj, name) for the method call n. */
static void load_method(Cg *cg, IrNode *n, const CVal *meth, const CVal *self)
{
    IrNode *attr = n->kids[0], *objn = attr->kids[0];
    bool borrow = objn->kind == IR_LOAD &&
        (objn->var->kind == IR_VAR_LOCAL || objn->var->kind == IR_VAR_TEMP) &&
        !later_kids_store(n, 1, objn->var);
    CVal obj = cg_expr(cg, objn, borrow);
    char cache[40], site[32];
    int k = cg_numeric_attr_cache(cg, attr);   /* `math.sqrt` a fused tree peeks at */
    if (k >= 0)
        snprintf(cache, sizeof cache, "&p2c_acache[%d]", k);
    if (k >= 0 || cg_attr_cache(cg, cache, sizeof cache)) {
        cg_site_lazy(cg, attr->pos, site, sizeof site);
        emit_line(cg->out, "%s = P2C_LoadMethod%sAt%s(%s, %s, p2c_c[%d], &%s, %s);", meth->c,
                  cg_is_global_load(objn) ? "OfGlobal" : "", cg_helper_suffix(cg), cache,
                  obj.c, attr->cidx, self->c, site);
    } else {
        cg_site(cg, attr->pos);
        emit_line(cg->out, "%s = P2C_LoadMethod(%s, p2c_c[%d], &%s);", meth->c, obj.c,
                  attr->cidx, self->c);
    }
    cg_check_null(cg, meth->c);
    cg_release(cg, &obj);
}

/* obj.name(a, k=v): CPython's LOAD_METHOD + CALL.  P2C_LoadMethod finds a
 * method on the type without making a bound method, and obj is passed as
 * the first argument.  The lookup reports failures at the attribute's
 * position, the call at the call's. */
static CVal method_call(Cg *cg, IrNode *n, int nkw)
{
    CVal meth = cg_tmp_new(cg), self = cg_tmp_new(cg);
    const IrVar *first, *class_var;
    if (is_zero_arg_super(cg, n->kids[0], &first, &class_var))
        super_method(cg, n->kids[0], first, class_var, &meth, &self);
    else
        load_method(cg, n, &meth, &self);
    CVal r;
    if (n->collect) {
        r = collect_call(cg, n, &meth, &self);
    } else {
        bool opened = cg_jump_call_args_open(cg);
        CVal *vals = eval_kids_from(cg, n, 1, n->nkids);
        cg_jump_call_args_close(cg, opened);
        r = cg_tmp_new(cg);
        int inlined = cg_inline_method_begin(cg, n, &r, &meth, &self, vals, n->nkids - 1);
        cg_site(cg, n->pos);
        emit_call(cg, n, &r, &meth, &self, vals, n->nkids - 1, nkw, true);
        cg_check_null(cg, r.c);
        cg_inline_method_end(cg, inlined);
        release_kids(cg, vals, n->nkids);
    }
    cg_release(cg, &self);
    cg_release(cg, &meth);
    return r;
}

/* The builtins whose calls are written inline (builtin_calls.def), by the
 * name a global or builtin load calls them with. */
static const struct {
    const char *name;
    int nargs;
} inline_builtins[] = {
#define P2C_BUILTIN_CALL(id, name, nargs) {name, nargs},
#include "pyc2c/builtin_calls.def"
#undef P2C_BUILTIN_CALL
};

/* The builtin_calls.def name n calls, with as many positional arguments as
 * it takes and no keywords; NULL otherwise.  The runtime checks that the
 * callee is that builtin. */
static const char *inline_builtin(const Cg *cg, const IrNode *n)
{
    const IrNode *callee = n->kids[0];
    if (cg->opt->opt_level < 1 || n->cidx >= 0 || callee->kind != IR_LOAD ||
        (callee->var->kind != IR_VAR_GLOBAL && callee->var->kind != IR_VAR_NAME))
        return NULL;
    for (size_t i = 0; i < sizeof inline_builtins / sizeof *inline_builtins; i++)
        if (strcmp(inline_builtins[i].name, callee->var->name) == 0 &&
            inline_builtins[i].nargs == n->nkids - 1)
            return inline_builtins[i].name;
    return NULL;
}

/* The callee and the arguments of call n, in this order (with their
 * blocks for jumps between: cg_jump_call_args_open). */
static CVal *call_operands(Cg *cg, IrNode *n)
{
    CVal callee = cg_kid(cg, n, 0);
    bool opened = cg_jump_call_args_open(cg);
    CVal *vals = eval_kids_from(cg, n, 1, n->nkids);
    cg_jump_call_args_close(cg, opened);
    vals[0] = callee;
    return vals;
}

/* func(a, b, k=v) */
CVal cg_call(Cg *cg, IrNode *n)
{
    int nkw = n->cidx >= 0 ? (int)PyTuple_GET_SIZE(ir_const_get(cg->m, n->cidx)) : 0;
    if (n->kids[0]->kind == IR_ATTR)
        return method_call(cg, n, nkw);
    if (n->collect) {
        CVal callee = cg_kid(cg, n, 0);
        CVal r = collect_call(cg, n, &callee, NULL);
        cg_release(cg, &callee);
        return r;
    }
    CVal *vals = call_operands(cg, n);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    const char *builtin = inline_builtin(cg, n);
    if (builtin) {
        emit_raw(cg->out, "%*s%s = P2C_Call_%s(%s", cg->out->indent * 4, "", r.c, builtin,
                 vals[0].c);
        for (int i = 1; i < n->nkids; i++)
            emit_raw(cg->out, ", %s", vals[i].c);
        emit_raw(cg->out, ");\n");
    } else {
        emit_call(cg, n, &r, &vals[0], NULL, vals, n->nkids - 1, nkw, true);
    }
    cg_check_null(cg, r.c);
    release_kids(cg, vals, n->nkids);
    return r;
}

/* Whether iterator node n is iter(range(...)) of a name `range` with one to
 * three positional arguments, made by cg_range_iter. */
bool cg_is_range_iter(const Cg *cg, const IrNode *n)
{
    const IrNode *call = n->kids[0];
    if (cg->opt->opt_level < 1 || call->kind != IR_CALL || call->cidx >= 0 || call->collect)
        return false;
    const IrNode *callee = call->kids[0];
    return callee->kind == IR_LOAD && strcmp(callee->var->name, "range") == 0 &&
           call->nkids >= 2 && call->nkids <= 4;
}

/* iter(range(a, b)), as the loop `for x in range(a, b):` gets its
 * iterator: when the callee is the range type and the arguments small
 * exact ints, the range iterator is made directly (P2C_RangeIterOf);
 * otherwise the call and GET_ITER run as they would have, each reporting
 * its failures at its own position. */
CVal cg_range_iter(Cg *cg, IrNode *n)
{
    IrNode *call = n->kids[0];
    int nargs = call->nkids - 1;
    CVal *vals = eval_kids(cg, call, call->nkids);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, call->pos);
    emit_line(cg->out, "%s = P2C_RangeIterOf(%s, %d, %s, %s, %s);", r.c, vals[0].c, nargs,
              vals[1].c, nargs > 1 ? vals[2].c : "NULL", nargs > 2 ? vals[3].c : "NULL");
    emit_line(cg->out, "if (%s == NULL) {", r.c);
    cg->out->indent++;
    emit_line(cg->out, "if (PyErr_Occurred()) goto %s;", cg_error_label(cg));
    CVal range = cg_tmp_new(cg);
    emit_call(cg, call, &range, &vals[0], NULL, vals, nargs, 0, false);
    cg_check_null(cg, range.c);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = PyObject_GetIter(%s);", r.c, range.c);
    cg_check_null(cg, r.c);
    cg_release(cg, &range);
    cg->out->indent--;
    emit_line(cg->out, "}");
    cg->cur_site = -1;   /* the two paths set different sites */
    release_kids(cg, vals, call->nkids);
    return r;
}

/* The positional arguments of func(*a, b), as CPython 3.11 builds them: a
 * lone `*x` is passed as it is (P2C_CallEx checks it with the message naming
 * func); otherwise a list is built (LIST_EXTEND's "Value after * must be an
 * iterable" for starred items) and turned into a tuple. */
static CVal star_args(Cg *cg, IrNode *call, IrNode *display)
{
    if (display->kind != IR_TUPLE && display->kind != IR_LIST)
        P2C_UNREACHABLE();
    if (display->nkids == 1 && display->kids[0]->kind == IR_STARRED)
        return cg_expr(cg, display->kids[0]->kids[0], true);
    CVal list = cg_tmp_new(cg);
    cg_site(cg, call->pos);
    emit_line(cg->out, "%s = PyList_New(0);", list.c);
    cg_check_null(cg, list.c);
    for (int i = 0; i < display->nkids; i++) {
        IrNode *item = display->kids[i];
        if (item->kind == IR_STARRED) {
            CVal v = cg_expr(cg, item->kids[0], true);
            add_item(cg, call->pos, "P2C_ListExtend", list.c, &v, "");
        } else {
            CVal v = cg_expr(cg, item, true);
            add_item(cg, call->pos, "PyList_Append", list.c, &v, "");
        }
    }
    CVal tuple = cg_tmp_new(cg);
    emit_line(cg->out, "%s = PyList_AsTuple(%s);", tuple.c, list.c);
    cg_check_null(cg, tuple.c);
    cg_release(cg, &list);
    return tuple;
}

/* The keyword arguments of func(k=v, **m): names given before any **m go
 * straight into the dict (the parser rejects repeated names); later ones are
 * gathered in a dict of their own and merged with the "got multiple values"
 * check, as CPython's DICT_MERGE does. */
CVal cg_star_kwargs(Cg *cg, IrNode *call, IrNode *dict, const char *func)
{
    CVal d = cg_tmp_new(cg), group = {.tmp = -1};
    char extra[64];
    snprintf(extra, sizeof extra, ", %s", func);
    cg_site(cg, call->pos);
    emit_line(cg->out, "%s = PyDict_New();", d.c);
    cg_check_null(cg, d.c);
    bool merged = false;
    for (int i = 0; i < dict->nkids; i++) {
        IrNode *item = dict->kids[i];
        if (item->kind == IR_STARRED) {
            if (group.tmp >= 0)
                add_item(cg, call->pos, "P2C_MergeKwargs", d.c, &group, extra);
            CVal v = cg_expr(cg, item->kids[0], true);
            add_item(cg, call->pos, "P2C_MergeKwargs", d.c, &v, extra);
            merged = true;
            continue;
        }
        if (merged && group.tmp < 0) {
            group = cg_tmp_new(cg);
            emit_line(cg->out, "%s = PyDict_New();", group.c);
            cg_check_null(cg, group.c);
        }
        CVal key = cg_expr_before(cg, item, dict->kids[i + 1]);
        CVal value = cg_expr(cg, dict->kids[++i], true);
        char call_text[200];
        cg_site(cg, call->pos);
        snprintf(call_text, sizeof call_text, "PyDict_SetItem(%s, %s, %s)",
                 merged ? group.c : d.c, key.c, value.c);
        cg_check_neg(cg, call_text);
        cg_release(cg, &value);
        cg_release(cg, &key);
    }
    if (group.tmp >= 0)
        add_item(cg, call->pos, "P2C_MergeKwargs", d.c, &group, extra);
    return d;
}

/* func(*args, **kwargs) */
CVal cg_call_ex(Cg *cg, IrNode *n)
{
    CVal func = cg_kid(cg, n, 0);
    bool opened = cg_jump_call_args_open(cg);
    CVal args = star_args(cg, n, n->kids[1]);
    CVal kwargs = {.tmp = -1};
    strcpy(kwargs.c, "NULL");
    if (n->nkids > 2)
        kwargs = cg_star_kwargs(cg, n, n->kids[2], func.c);
    cg_jump_call_args_close(cg, opened);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    /* CALL_FUNCTION_EX takes its three stack entries */
    char ftext[64], atext[64];
    owned_text(&func, ftext, sizeof ftext);
    owned_text(&args, atext, sizeof atext);
    emit_line(cg->out, "%s = P2C_CallEx(%s, %s, %s);", r.c, ftext, atext, kwargs.c);
    moved(cg, &func, true);
    moved(cg, &args, true);
    moved(cg, &kwargs, true);
    cg_check_null(cg, r.c);
    return r;
}

/* ---- tuple, list, set ---------------------------------------------------------- */

CVal cg_tuple_of_kids(Cg *cg, IrNode *n)
{
    CVal *vals = eval_kids(cg, n, n->nkids);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = PyTuple_New(%d);", r.c, n->nkids);
    cg_check_null(cg, r.c);
    for (int i = 0; i < n->nkids; i++) {
        char before[96];
        snprintf(before, sizeof before, "PyTuple_SET_ITEM(%s, %d, ", r.c, i);
        emit_give(cg, before, &vals[i], ");");
    }
    PyMem_Free(vals);
    return r;
}

/* A list (LIST and starred TUPLE) or set (SET) of the first count kids of
 * n, all evaluated before the container is built. */
static CVal build_from(Cg *cg, IrNode *n, int count)
{
    CVal *vals = eval_kids(cg, n, count);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    if (n->kind == IR_SET) {
        emit_line(cg->out, "%s = PySet_New(NULL);", r.c);
        cg_check_null(cg, r.c);
        for (int i = 0; i < count; i++)
            add_item(cg, n->pos, "PySet_Add", r.c, &vals[i], "");
    } else {
        emit_line(cg->out, "%s = PyList_New(%d);", r.c, count);
        cg_check_null(cg, r.c);
        for (int i = 0; i < count; i++) {
            char before[96];
            snprintf(before, sizeof before, "PyList_SET_ITEM(%s, %d, ", r.c, i);
            emit_give(cg, before, &vals[i], ");");
        }
    }
    release_kids(cg, vals, 0);
    return r;
}

CVal cg_display(Cg *cg, IrNode *n)
{
    int first_star = -1;
    for (int i = 0; i < n->nkids && first_star < 0; i++)
        if (n->kids[i]->kind == IR_STARRED)
            first_star = i;
    bool big = n->nkids > STACK_USE_GUIDELINE;
    if (first_star < 0 && !big && n->kind == IR_TUPLE)
        return cg_tuple_of_kids(cg, n);
    if (first_star < 0 && !big)
        return build_from(cg, n, n->nkids);
    int pushed = big ? 0 : first_star;
    CVal r = build_from(cg, n, pushed);
    bool set = n->kind == IR_SET;
    for (int i = pushed; i < n->nkids; i++) {
        IrNode *item = n->kids[i];
        bool star = item->kind == IR_STARRED;
        CVal v = cg_expr(cg, star ? item->kids[0] : item, true);
        const char *op = set ? (star ? "P2C_SetUpdate" : "PySet_Add")
                             : (star ? "P2C_ListExtend" : "PyList_Append");
        add_item(cg, n->pos, op, r.c, &v, "");
    }
    if (n->kind != IR_TUPLE)
        return r;
    CVal t = cg_tmp_new(cg);
    emit_line(cg->out, "%s = PyList_AsTuple(%s);", t.c, r.c);
    cg_check_null(cg, t.c);
    cg_release(cg, &r);
    return t;
}

/* ---- dict ------------------------------------------------------------------------- */

/* The pairs kids[from..to) into dict d: all evaluated first, then inserted,
 * or (a big group) each inserted as soon as it is evaluated. */
static void dict_group(Cg *cg, IrNode *n, const char *d, int from, int to)
{
    bool big = (to - from) > STACK_USE_GUIDELINE;   /* kids = 2 * pairs */
    int count = to - from;
    CVal *vals = PyMem_Calloc((size_t)count + 1, sizeof *vals);
    if (!vals)
        diag_out_of_memory("generating C");
    for (int i = 0; i < count; i += 2) {
        vals[i] = big ? cg_expr_before(cg, n->kids[from + i], n->kids[from + i + 1])
                      : cg_kid(cg, n, from + i);
        vals[i + 1] = big ? cg_expr(cg, n->kids[from + i + 1], true)
                          : cg_kid(cg, n, from + i + 1);
        if (!big)
            continue;
        char call[200];
        cg_site(cg, n->pos);
        snprintf(call, sizeof call, "PyDict_SetItem(%s, %s, %s)", d, vals[i].c, vals[i + 1].c);
        cg_check_neg(cg, call);
        cg_release(cg, &vals[i + 1]);
        cg_release(cg, &vals[i]);
    }
    for (int i = 0; !big && i < count; i += 2) {
        char call[200];
        cg_site(cg, n->pos);
        snprintf(call, sizeof call, "PyDict_SetItem(%s, %s, %s)", d, vals[i].c, vals[i + 1].c);
        cg_check_neg(cg, call);
    }
    for (int i = count - 1; !big && i >= 0; i--)
        cg_release(cg, &vals[i]);
    PyMem_Free(vals);
}

/* {k: v, **m}: runs of pairs in groups of at most 17 (CPython's grouping),
 * `**m` items merged with dict.update semantics. */
CVal cg_dict(Cg *cg, IrNode *n)
{
    CVal d = cg_tmp_new(cg);
    /* CPython builds the dict after its first items, at the display's line
     * (BUILD_MAP).  In a statement spread over several lines under
     * --debuggable (lines.c), this allocation sets no site: the site's
     * line would come before its items' lines, for the trace hook (the
     * frame's line) and for line events (a MemoryError here reports the
     * statement's line instead of the display's) */
    if (!cg->track_lines)
        cg_site(cg, n->pos);
    emit_line(cg->out, "%s = PyDict_New();", d.c);
    cg_check_null(cg, d.c);
    int i = 0;
    while (i < n->nkids) {
        if (n->kids[i]->kind == IR_STARRED) {
            CVal v = cg_expr(cg, n->kids[i]->kids[0], true);
            add_item(cg, n->pos, "P2C_DictUpdate", d.c, &v, "");
            i++;
            continue;
        }
        int j = i;
        while (j < n->nkids && n->kids[j]->kind != IR_STARRED && j - i < 2 * 17)
            j += 2;
        dict_group(cg, n, d.c, i, j);
        i = j;
    }
    return d;
}

/* ---- f-strings ------------------------------------------------------------------------ */

CVal cg_fstring(Cg *cg, IrNode *n)
{
    if (n->nkids == 1)
        return cg_expr(cg, n->kids[0], false);
    CVal r = {.tmp = -1};
    if (n->nkids == 0) {
        r = cg_tmp_new(cg);
        emit_line(cg->out, "%s = PyUnicode_New(0, 0);", r.c);
        cg_check_null(cg, r.c);
        return r;
    }
    CVal *vals = eval_kids(cg, n, n->nkids);
    r = cg_tmp_new(cg);
    Emitter *out = cg->out;
    cg_site(cg, n->pos);
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "PyObject *p2c_parts[] = {%s", vals[0].c);
    for (int i = 1; i < n->nkids; i++)
        emit_line(out, "    , %s", vals[i].c);
    emit_line(out, "};");
    emit_line(out, "%s = P2C_BuildString(p2c_parts, %d);", r.c, n->nkids);
    out->indent--;
    emit_line(out, "}");
    cg_check_null(cg, r.c);
    release_kids(cg, vals, n->nkids);
    return r;
}
