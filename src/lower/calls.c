/* calls.c — calls.
 *
 *   f(a, b, k=v)          call(f, a, b, k=v)        CALL, kwnames ('k',)
 *   f(a, *xs, k=v, **m)   f(*(a, *xs), **{'k': v, **m})   CALL_EX
 *
 * CALL when no argument is starred; otherwise CALL_EX with a TUPLE display
 * of the positional arguments (STARRED items are unpacked, with CPython's
 * "argument after * must be an iterable" check) and, when there are
 * keywords, a DICT display of 'name': value pairs and STARRED `**m` items
 * (merged with the "argument after ** must be a mapping" and "got multiple
 * values for keyword argument" checks).  Evaluation order is CPython's: the
 * callable, every positional argument, then every keyword argument, each
 * group left to right.
 *
 * Position: the Call's span, except for what 3.11 compiles as a method call
 * (LOAD_METHOD + CALL: `o.m(...)` with no starred argument, `o` not a
 * module-level import, fewer than 30 stack items), where a call spanning
 * lines starts at the method name (maybe_optimize_method_call).
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* compile.c's STACK_USE_GUIDELINE */
enum { STACK_USE_GUIDELINE = 30 };

static int has_star(const AstCall *e)
{
    for (int i = 0; i < e->args.n; i++)
        if (e->args.items[i]->kind == AST_Starred)
            return 1;
    for (int i = 0; i < e->keywords.n; i++)
        if (!((const Astkeyword *)e->keywords.items[i])->arg)
            return 1;
    return 0;
}

/* compile.c's is_import_originated: a name the module scope imports. */
static int import_originated(Lower *L, const AstNode *e)
{
    if (e->kind != AST_Name)
        return 0;
    const AstSymbol *sym = ast_scope_lookup(L->u->top, ((const AstName *)e)->id);
    return sym && (sym->flags & AST_DEF_IMPORT);
}

static IrPos call_pos(Lower *L, const AstCall *e)
{
    const AstNode *f = e->func;
    int nkw = e->keywords.n;
    if (f->kind != AST_Attribute || has_star(e)
        || import_originated(L, ((const AstAttribute *)f)->value)
        || e->args.n + nkw + (nkw != 0) >= STACK_USE_GUIDELINE)
        return e->hdr.pos;
    return lower_attr_pos(e->hdr.pos, (const AstAttribute *)f);
}

/* CPython's compiler rejects f(a=1, a=2) (validate_keywords). */
static int check_keywords(Lower *L, const AstCall *e)
{
    for (int i = 0; i < e->keywords.n; i++) {
        const Astkeyword *k = (const Astkeyword *)e->keywords.items[i];
        for (int j = i + 1; k->arg && j < e->keywords.n; j++) {
            const Astkeyword *k2 = (const Astkeyword *)e->keywords.items[j];
            if (k2->arg && strcmp(k->arg, k2->arg) == 0) {
                char msg[300];
                snprintf(msg, sizeof msg, "keyword argument repeated: %.200s", k->arg);
                return lower_syntax_error(L, k2->hdr.pos.line, msg);
            }
        }
    }
    return 0;
}

/* call(f, args..., kwvalues...) with the kwnames tuple constant. */
static IrNode *simple_call(Lower *L, const AstCall *e, IrNode *call)
{
    if (lower_items(L, &e->args, call) < 0)
        return NULL;
    int nkw = e->keywords.n;
    if (nkw == 0)
        return call;
    PyObject *names = PyTuple_New(nkw);
    for (int i = 0; names && i < nkw; i++) {
        const Astkeyword *k = (const Astkeyword *)e->keywords.items[i];
        PyObject *s = PyUnicode_InternFromString(k->arg);
        if (!s)
            Py_CLEAR(names);
        else
            PyTuple_SET_ITEM(names, i, s);
        IrNode *v = lower_expr(L, k->value);
        if (!v) {
            Py_XDECREF(names);
            return NULL;
        }
        ir_node_add(L->m, call, v);
    }
    if (!names) {
        PyErr_Clear();
        diag_out_of_memory("lowering");
    }
    call->cidx = lower_const(L, names);
    Py_DECREF(names);
    return call;
}

IrNode *lower_keyword_dict(Lower *L, const AstSeq *keywords, IrPos pos)
{
    IrNode *d = ir_node_new(L->m, IR_DICT, pos);
    for (int i = 0; i < keywords->n; i++) {
        const Astkeyword *k = (const Astkeyword *)keywords->items[i];
        IrNode *v = lower_expr(L, k->value);
        if (!v)
            return NULL;
        if (k->arg) {
            IrNode *name = ir_node_new(L->m, IR_CONST, k->hdr.pos);
            name->cidx = lower_const_str(L, k->arg);
            ir_node_add(L->m, d, name);
            ir_node_add(L->m, d, v);
        } else {
            ir_node_add(L->m, d, ir_node(L->m, IR_STARRED, k->hdr.pos, 1, v));
        }
    }
    return d;
}

IrNode *lower_call(Lower *L, const AstCall *e)
{
    if (check_keywords(L, e) < 0)
        return NULL;
    IrNode *func = lower_expr(L, e->func);
    if (!func)
        return NULL;
    if (!has_star(e))
        return simple_call(L, e, ir_node(L->m, IR_CALL, call_pos(L, e), 1, func));
    IrNode *args = ir_node_new(L->m, IR_TUPLE, e->hdr.pos);
    if (lower_items(L, &e->args, args) < 0)
        return NULL;
    IrNode *kwargs = NULL;
    if (e->keywords.n > 0 && !(kwargs = lower_keyword_dict(L, &e->keywords, e->hdr.pos)))
        return NULL;
    return ir_node(L->m, IR_CALL_EX, e->hdr.pos, 3, func, args, kwargs);
}
