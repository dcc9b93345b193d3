/* classes.c — class bodies into C: the names of an unoptimized scope
 * (IR_VAR_NAME: LOAD_NAME, STORE_NAME, DELETE_NAME on the frame's f_locals,
 * the class namespace) and BUILD_CLASS.
 *
 * A class body is a compiled function that P2C_BuildClass calls with the
 * namespace as its only argument; its prologue (cgen.c) pushes the frame
 * with P2C_Frame_PushClassBody, which makes the namespace f_locals, so
 * locals() and vars() in the body see it as in CPython.
 */
#include "cgen_int.h"

CVal cg_load_name(Cg *cg, IrNode *n)
{
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_LoadName(f, p2c_c[%d]);", r.c, n->var->name_cidx);
    cg_check_null(cg, r.c);
    return r;
}

void cg_store_name(Cg *cg, IrNode *at, IrVar *var, CVal *v)
{
    char call[128];
    /* a __setitem__ of a __prepare__ namespace may raise or look at frames;
     * an artificial store (CPython's NO_LOCATION: __static_attributes__, a
     * handler's `e = None`) keeps its predecessor's site, as CPython gives
     * such an instruction the location before it */
    if (!at->artificial)
        cg_site(cg, at->pos);
    snprintf(call, sizeof call, "P2C_StoreName(f, p2c_c[%d], %s)", var->name_cidx, v->c);
    cg_check_neg(cg, call);
    cg_release(cg, v);
}

void cg_del_name(Cg *cg, IrNode *n)
{
    char call[128];
    cg_site(cg, n->pos);
    snprintf(call, sizeof call, "P2C_DelName(f, p2c_c[%d])", n->var->name_cidx);
    cg_check_neg(cg, call);
}

/* LOAD_BUILD_CLASS first (a missing builtins.__build_class__ fails before
 * anything else is evaluated, as in CPython), then the body function, the
 * bases and the keywords; `**m` items are checked with messages naming
 * __build_class__, the callable of CPython's CALL. */
CVal cg_build_class(Cg *cg, IrNode *n)
{
    CVal bc = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_LoadBuildClass(f);", bc.c);
    cg_check_null(cg, bc.c);
    CVal func = cg_make_function(cg, n->kids[0]);
    CVal bases = cg_display(cg, n->kids[1]);
    CVal kw = {.tmp = -1, .c = "NULL"};
    if (n->nkids > 2)
        kw = cg_star_kwargs(cg, n, n->kids[2], bc.c);
    CVal r = cg_tmp_new(cg);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_BuildClass(%s, %s, p2c_c[%d], %s, %s);",
              r.c, bc.c, func.c, n->cidx, bases.c, kw.c);
    cg_check_null(cg, r.c);
    cg_release(cg, &kw);
    cg_release(cg, &bases);
    cg_release(cg, &func);
    cg_release(cg, &bc);
    return r;
}

/* A free variable read in a class body looks in the namespace first (a
 * class attribute of the same name wins), then in the cell. */
CVal cg_load_classderef(Cg *cg, IrNode *n)
{
    CVal r = cg_tmp_new(cg);
    char lv[48];
    cg_var_lvalue(cg, n->var, lv, sizeof lv);
    cg_site(cg, n->pos);
    emit_line(cg->out, "%s = P2C_LoadClassDeref(f, p2c_c[%d], %s);",
              r.c, n->var->name_cidx, lv);
    cg_check_null(cg, r.c);
    return r;
}

CVal cg_cell_ref(Cg *cg, IrNode *n)
{
    CVal r = cg_tmp_new(cg);
    char lv[48];
    cg_var_lvalue(cg, n->var, lv, sizeof lv);
    emit_line(cg->out, "%s = Py_NewRef(%s);", r.c, lv);
    return r;
}
