/* closures.c — cells and free variables in generated C, and the parts of
 * MAKE_FUNCTION that closures and signatures add (docs/architecture.md,
 * "Cells and free variables"):
 *
 *   - the prologue of a function with cells or frees: COPY_FREE_VARS (the
 *     free slots get the cells of func.__closure__), then MAKE_CELL of each
 *     cell slot; the stub code object starts with the same units, one site
 *     each, before its RESUME;
 *   - loads, stores and del of a cell's content (P2C_CELL_REF(slot));
 *   - make_function: defaults, kw-only defaults, annotations, closure;
 *   - the comprehension appends and SETUP_ANNOTATIONS.
 */
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "pyc2c/compiler/diag.h"

static int count_kind(const IrFunction *fn, IrVarKind kind)
{
    int n = 0;
    for (int i = 0; i < fn->nvars; i++)
        n += fn->vars[i]->kind == kind;
    return n;
}

/* The variable of fn in slot `slot`, or NULL. */
static const IrVar *var_in_slot(const IrFunction *fn, int slot)
{
    for (int i = 0; i < fn->nvars; i++) {
        IrVarKind k = fn->vars[i]->kind;
        if ((k == IR_VAR_LOCAL || k == IR_VAR_CELL || k == IR_VAR_FREE) &&
            fn->vars[i]->slot == slot)
            return fn->vars[i];
    }
    return NULL;
}

int cgen_stub_run_units(const IrFunction *fn)
{
    if (fn->is_module || fn->is_class || front_python_version() < 0x030b0000)
        return 0;
    return 3;
}

int cgen_closure_units(const IrFunction *fn)
{
    int nfree = count_kind(fn, IR_VAR_FREE);
    return nfree > 0 ? count_kind(fn, IR_VAR_CELL) + 1 : count_kind(fn, IR_VAR_CELL);
}

int cgen_prefix(const IrFunction *fn, int *ops, int *args, int max)
{
    static const int run_ops[] = {CGEN_RUN_LOAD, CGEN_RUN_NEGATE, CGEN_RUN_RETURN};
    int n = 0, nrun = cgen_stub_run_units(fn), nfree = count_kind(fn, IR_VAR_FREE);
    for (int k = 0; k < nrun && n < max; k++) {
        ops[n] = run_ops[k];
        args[n++] = 0;
    }
    if (nfree > 0 && n < max) {
        ops[n] = CGEN_COPY_FREE_VARS;
        args[n++] = nfree;
    }
    for (int slot = 0; slot < fn->nslots; slot++) {
        const IrVar *v = var_in_slot(fn, slot);
        if (v && v->kind == IR_VAR_CELL && n < max) {
            ops[n] = CGEN_MAKE_CELL;
            args[n++] = slot;
        }
    }
    return nrun + cgen_closure_units(fn);
}

/* Sites 0..P-1 are the prefix units (no position); site P, the RESUME, is
 * the def line.  Each prefix unit's operation runs in the prologue.  While a
 * MAKE_CELL runs, the frame stands at its unit, before _co_firsttraceable:
 * CPython calls such a frame incomplete and hides it (tracemalloc's
 * tracebacks of the new cell, sys._getframe and tracebacks from a __del__
 * or a GC callback the allocation triggers), so compiled code must too;
 * after the prefix the frame stands at the RESUME again, where the push
 * left it.  COPY_FREE_VARS allocates nothing: no site needed. */
void cg_closure_prologue(Cg *cg)
{
    int p = cgen_prefix(cg->fn, NULL, NULL, 0);
    if (p == 0)
        return;
    int *ops = PyMem_Calloc((size_t)p, sizeof *ops), *args = PyMem_Calloc((size_t)p, sizeof *args);
    if (!ops || !args)
        diag_out_of_memory("generating C");
    cgen_prefix(cg->fn, ops, args, p);
    bool made_cell = false;
    for (int k = 0; k < p; k++) {
        if (args[k] > 255) {   /* the unit would need an EXTENDED_ARG */
            IrNode at = {.pos = cg->fn->pos};
            cg_unsupported(cg, &at, "closure in a function of more than 255 variables");
            break;
        }
        IrPos none = {-100 - k, -1, -100 - k, -1};
        if (cg_site_index(cg, none) != k)
            P2C_UNREACHABLE();
        if (ops[k] != CGEN_COPY_FREE_VARS && ops[k] != CGEN_MAKE_CELL)
            continue;   /* the stub runner's units: only the interpreter runs them */
        /* The runtime ran them when it made the generator; on 3.10 the
         * push does, before the call event, as _PyEval_MakeFrameVector
         * makes them before the frame runs (a hook reading f_locals
         * needs the cells). */
        if (cg_resumable(cg) || front_python_version() < 0x030b0000)
            continue;
        if (ops[k] == CGEN_COPY_FREE_VARS) {
            emit_line(cg->out, "P2C_CopyFreeVars(&P2C_SLOT(f, %d), p2c_func, %d);",
                      cg->fn->nslots - args[k], args[k]);
        } else {
            char call[64];
            snprintf(call, sizeof call, "P2C_MakeCell(&P2C_SLOT(f, %d))", args[k]);
            emit_line(cg->out, "P2C_Frame_SetSite(f, %d);", k);
            cg_check_neg(cg, call);
            made_cell = true;
        }
    }
    if (made_cell)
        emit_line(cg->out, "P2C_Frame_SetSite(f, %d);", p);
    PyMem_Free(ops);
    PyMem_Free(args);
}

/* ---- the content of a cell ------------------------------------------------ */

void cg_cell_lvalue(const IrVar *v, char *buf, size_t size)
{
    snprintf(buf, size, "P2C_CELL_REF(P2C_SLOT(f, %d))", v->slot);
}

/* Always an owned copy: any call may rebind a cell. */
CVal cg_load_deref(Cg *cg, IrNode *n)
{
    char lv[64];
    cg_cell_lvalue(n->var, lv, sizeof lv);
    CVal r = cg_tmp_new(cg);
    if (n->known_bound) {   /* src/opt/bound.c */
        emit_line(cg->out, "%s = Py_NewRef(%s);", r.c, lv);
        return r;
    }
    emit_line(cg->out, "if ((%s = %s) == NULL) { P2C_Frame_SetSite(f, %d); "
              "P2C_RaiseUnboundDeref(p2c_c[%d], %d); goto %s; }",
              r.c, lv, cg_site_index(cg, n->pos), n->var->name_cidx,
              n->var->kind == IR_VAR_FREE, cg_error_label(cg));
    emit_line(cg->out, "Py_INCREF(%s);", r.c);
    return r;
}

void cg_store_deref(Cg *cg, IrPos pos, IrVar *var, CVal *v)
{
    char lv[64];
    cg_cell_lvalue(var, lv, sizeof lv);
    cg_setref_at(cg, pos, lv, v);
}

void cg_del_deref(Cg *cg, IrNode *n)
{
    char lv[64];
    cg_cell_lvalue(n->var, lv, sizeof lv);
    if (!n->known_bound)
        emit_line(cg->out, "if (%s == NULL) { P2C_Frame_SetSite(f, %d); "
                  "P2C_RaiseUnboundDeref(p2c_c[%d], %d); goto %s; }",
                  lv, cg_site_index(cg, n->pos), n->var->name_cidx,
                  n->var->kind == IR_VAR_FREE, cg_error_label(cg));
    cg_clear_at(cg, n->pos, lv);
}

/* A fresh empty cell in the slot; closures made before keep the old one. */
void cg_new_cell(Cg *cg, IrNode *n)
{
    char lv[48];
    cg_var_lvalue(cg, n->var, lv, sizeof lv);
    cg_site(cg, n->pos);
    emit_line(cg->out, "Py_XSETREF(%s, PyCell_New(NULL));", lv);
    cg_check_null(cg, lv);
}

/* ---- make_function ---------------------------------------------------------- */

static int names_count(Cg *cg, int cidx)
{
    return cidx >= 0 ? (int)PyTuple_GET_SIZE(ir_const_get(cg->m, cidx)) : 0;
}

/* A new dict {names[i]: vals[i]} (kw-only defaults, annotations). */
static CVal dict_of(Cg *cg, IrNode *n, int cidx, CVal *vals, int count)
{
    CVal d = cg_tmp_new(cg);
    Emitter *out = cg->out;
    emit_line(out, "{");
    out->indent++;
    emit_line(out, "PyObject *p2c_dv[] = {");
    for (int i = 0; i < count; i++)
        emit_line(out, "    %s%s", vals[i].c, i + 1 < count ? "," : "");
    emit_line(out, "};");
    cg_site(cg, n->pos);
    emit_line(out, "%s = P2C_DictFromKeys(p2c_c[%d], p2c_dv);", d.c, cidx);
    out->indent--;
    emit_line(out, "}");
    cg_check_null(cg, d.c);
    return d;
}

/* (the cells of this frame that func's free variables name), borrowed into
 * PyTuple_Pack, or NULL. */
static CVal closure_of(Cg *cg, IrNode *n)
{
    const IrFunction *fn = n->func;
    char args[1024];
    int len = 0, nfree = 0;
    for (int slot = 0; slot < fn->nslots; slot++) {
        const IrVar *v = var_in_slot(fn, slot);
        if (!v || v->kind != IR_VAR_FREE)
            continue;
        IrVar *cell = ir_var_find_closure(cg->fn, v->name);
        if (!cell || (cell->kind != IR_VAR_CELL && cell->kind != IR_VAR_FREE))
            P2C_UNREACHABLE();   /* the verifier checks this */
        if (len < (int)sizeof args - 40)
            len += snprintf(args + len, sizeof args - (size_t)len, ", P2C_SLOT(f, %d)",
                            cell->slot);
        else
            cg_unsupported(cg, n, "a closure of that many cells");
        nfree++;
    }
    CVal c = {.tmp = -1};
    strcpy(c.c, "NULL");
    if (nfree == 0)
        return c;
    c = cg_tmp_new(cg);
    emit_line(cg->out, "%s = PyTuple_Pack(%d%s);", c.c, nfree, args);
    cg_check_null(cg, c.c);
    return c;
}

/* A tuple of vals (positional defaults). */
static CVal tuple_of(Cg *cg, CVal *vals, int count)
{
    CVal t = cg_tmp_new(cg);
    Emitter *out = cg->out;
    emit_line(out, "%s = PyTuple_Pack(%d", t.c, count);
    for (int i = 0; i < count; i++)
        emit_line(out, "    , %s", vals[i].c);
    emit_line(out, ");");
    cg_check_null(cg, t.c);
    return t;
}

CVal cg_make_function(Cg *cg, IrNode *n)
{
    int nkw = names_count(cg, n->cidx), nann = names_count(cg, n->cidx2);
    int npos = n->nkids - nkw - nann;
    CVal *vals = PyMem_Calloc((size_t)n->nkids + 1, sizeof *vals);
    if (!vals)
        diag_out_of_memory("generating C");
    for (int i = 0; i < n->nkids; i++)
        vals[i] = cg_kid(cg, n, i);
    CVal none = {.c = "NULL", .tmp = -1};
    CVal defaults = npos ? tuple_of(cg, vals, npos) : none;
    CVal kwdefaults = nkw ? dict_of(cg, n, n->cidx, vals + npos, nkw) : none;
    CVal ann = nann ? dict_of(cg, n, n->cidx2, vals + npos + nkw, nann) : none;
    for (int i = n->nkids - 1; i >= 0; i--)
        cg_release(cg, &vals[i]);
    PyMem_Free(vals);
    CVal closure = closure_of(cg, n);
    char cname[128];
    cg_func_cname(n->func, cname, sizeof cname);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_Function_New(%s, p2c_c[%d], P2C_Frame_Globals(f), "
              "%s, %s, %s);", r.c, cname, cg->code_base + n->func->id, defaults.c,
              kwdefaults.c, closure.c);
    cg_check_null(cg, r.c);
    if (nann) {
        char call[128];
        snprintf(call, sizeof call, "P2C_Function_SetAnnotations(%s, %s)", r.c, ann.c);
        cg_check_neg(cg, call);
    }
    cg_release(cg, &closure);
    cg_release(cg, &ann);
    cg_release(cg, &kwdefaults);
    cg_release(cg, &defaults);
    return r;
}

/* ---- comprehension appends, SETUP_ANNOTATIONS --------------------------------- */

void cg_comp_add(Cg *cg, IrNode *n)
{
    const char *op = n->kind == IR_LIST_APPEND ? "PyList_Append"
                   : n->kind == IR_SET_ADD ? "PySet_Add" : "PyDict_SetItem";
    CVal v[3];
    for (int i = 0; i < n->nkids; i++)
        v[i] = cg_kid(cg, n, i);
    char call[200];
    if (n->nkids == 3)
        snprintf(call, sizeof call, "%s(%s, %s, %s)", op, v[0].c, v[1].c, v[2].c);
    else
        snprintf(call, sizeof call, "%s(%s, %s)", op, v[0].c, v[1].c);
    cg_site(cg, n->pos);
    cg_check_neg(cg, call);
    for (int i = n->nkids - 1; i >= 0; i--)
        cg_release(cg, &v[i]);
}

void cg_setup_annotations(Cg *cg, IrNode *n)
{
    cg_site(cg, n->pos);
    cg_check_neg(cg, "P2C_SetupAnnotations(P2C_Frame_Locals(f))");
}
