/* collect.c — a generator expression's collector (pyc2c/collect.h,
 * docs/optimizer.md "Generator expressions consumed in place").
 *
 * A generator expression that src/opt/collect.c marked is written twice:
 * as the generator function (generators.c) and as a collector,
 *
 *   static PyObject *p2c_x<id>_genexpr(PyObject *p2c_func, PyObject *p2c_iter,
 *                                      PyObject *p2c_sep)
 *
 * the same IR body generated as an ordinary function, whose frame is the
 * generator function's (its code object: p2c_func, the function object the
 * call site made, gives code, globals and closure), with the iterator in
 * its one parameter slot.  A yield hands its value to the consumer
 * (P2C_Collect_Add); the collector returns the consumer's result.
 *
 * Both writings must give every operation the same site: the code object,
 * built from the generator's sites, is shared.  The collector is generated
 * from a copy of the generator's site table and may not add a site (a
 * yield's own site is the only one the generator has and the collector
 * does not use; the consumer's step is reported by the caller).
 *
 *   error:  the body raised: a traceback entry here, as the generator's
 *           frame gets one;
 *   exit:   the consumer's failures come here directly, without one, as
 *           under CPython, where the consumer runs with the generator
 *           suspended;
 *   p2c_collected: any() or all() know their answer: the loop ends, the
 *           way the consumer would drop the generator.
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/opt.h"

void cg_collector_name(const IrFunction *fn, char *buf, size_t size)
{
    char entry[128];
    cg_func_cname(fn, entry, sizeof entry);
    snprintf(buf, size, "p2c_x%s", entry + 5);   /* p2c_f7_g -> p2c_x7_g */
}

void cg_collector_prototype(Emitter *e, const Cg *cg)
{
    char name[160];
    cg_collector_name(cg->fn, name, sizeof name);
    emit_raw(e, "%sPyObject *%s(PyObject *p2c_func, PyObject *p2c_iter, "
             "PyObject *p2c_sep);\n", cg_linkage(cg), name);
}

CVal cg_collect_yield(Cg *cg, IrNode *n)
{
    CVal v = n->nkids ? cg_expr(cg, n->kids[0], false) : (CVal){"Py_None", -1};
    Emitter *out = cg->out;
    if (v.tmp >= 0)
        emit_line(out, "p2c_st = P2C_Collect_Add(&p2c_acc, f, %s); %s = NULL;", v.c, v.c);
    else
        emit_line(out, "p2c_st = P2C_Collect_Add(&p2c_acc, f, Py_NewRef(%s));", v.c);
    cg_forget(cg, &v);
    emit_line(out, "if (p2c_st < 0) goto exit;");
    cg->used_exit = true;
    if (cg->fn->collect == IR_COLLECT_ANY || cg->fn->collect == IR_COLLECT_ALL) {
        emit_line(out, "if (p2c_st > 0) goto p2c_collected;");
        cg->collector_done = true;
    }
    return (CVal){"Py_None", -1};
}

void cg_write_collector(Emitter *e, const Cg *cg, const Emitter *body)
{
    const IrFunction *fn = cg->fn;
    char name[160];
    cg_collector_name(fn, name, sizeof name);
    emit_raw(e, "\n/* the collector of \"%s\", line %d (collect.h) */\n", fn->qualname,
             fn->pos.line);
    emit_raw(e, "%sPyObject *%s(PyObject *p2c_func, PyObject *p2c_iter, "
             "PyObject *p2c_sep)\n{\n", cg_linkage(cg), name);
    e->indent = 1;
    emit_line(e, "P2C_FRAME_STORAGE(p2c_fs, %d);", fn->nslots);
    emit_line(e, "P2C_Frame *f = P2C_FRAME(p2c_fs);");
    emit_line(e, "PyObject *r = NULL;");
    emit_line(e, "P2C_Collector p2c_acc;");
    emit_line(e, "int p2c_st;");
    cg_declare_temps(e, "x", cg->maxtmp);
    cg_declare_temps(e, "t", fn->ntemps);
    emit_line(e, "if (P2C_Collect_Init(&p2c_acc, P2C_COLLECT_%s, p2c_sep) < 0)",
              opt_collect_kind_id(fn->collect));
    emit_line(e, "    return NULL;");
    emit_line(e, "P2C_SLOT(f, 0) = Py_NewRef(p2c_iter);");
    emit_line(e, "if (P2C_Frame_PushFunctionFast(f, p2c_func, %d, %d) < 0)", fn->nslots,
              cgen_prefix(fn, NULL, NULL, 0));
    emit_line(e, "    return P2C_Collect_End(&p2c_acc, NULL);");
    emit_append(e, body);
    emit_line(e, "goto exit;");
    if (cg->collector_done) {
        emit_label(e, "p2c_collected");
        emit_line(e, "r = Py_NewRef(Py_None);");
        emit_line(e, "goto exit;");
    }
    if (cg->used_error) {
        emit_label(e, "error");
        emit_line(e, "P2C_Frame_AddTraceback(f);");
        emit_line(e, "p2c_acc.body_failed = 1;");
    }
    emit_label(e, "exit");
    cg_release_temps(e, "x", cg->maxtmp);
    cg_release_temps(e, "t", fn->ntemps);
    emit_line(e, "r = P2C_Frame_PopReturnFast(f, r, %d);", fn->nslots);
    emit_line(e, "return P2C_Collect_End(&p2c_acc, r);");
    e->indent = 0;
    emit_raw(e, "}\n");
}
