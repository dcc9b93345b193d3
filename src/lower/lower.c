/* lower.c — lower_module(): the module body, and name resolution.
 *
 * Which variable a name is comes from CPython's symtable, never from our own
 * analysis: at module level every name is a global (module code is not
 * optimized: STORE_NAME/LOAD_NAME on the globals dict, with the builtins
 * fallback); in a function a name is a fast local when the symtable says
 * LOCAL, a global for GLOBAL_EXPLICIT / GLOBAL_IMPLICIT, a cell or free
 * variable for CELL / FREE (closures.c).
 *
 * Variables are created on first use.  Parameters are created first by
 * functions.c, so frame slots follow co_varnames: parameters in CPython's
 * order, then the other locals in the order CPython's compiler first emits an
 * instruction naming them, which is our lowering order too since both follow
 * evaluation order (locals() and co_varnames show that order).
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* Out of memory while growing the constant table: not a user error, and
 * not worth threading through every builder (ir.c treats it the same). */
static void const_failed(void)
{
    PyErr_Print();
    diag_error("out of memory while building constants");
    P2C_UNREACHABLE();
}

int lower_const(Lower *L, PyObject *obj)
{
    int cidx = ir_const(L->m, obj);
    if (cidx < 0)
        const_failed();
    return cidx;
}

int lower_const_str(Lower *L, const char *s)
{
    int cidx = ir_const_str(L->m, s);
    if (cidx < 0)
        const_failed();
    return cidx;
}

IrNode *lower_const_node(Lower *L, PyObject *obj, IrPos pos)
{
    IrNode *n = ir_node_new(L->m, IR_CONST, pos);
    n->cidx = lower_const(L, obj);
    return n;
}

IrNode *lower_load(Lower *L, IrVar *v, IrPos pos)
{
    IrNode *n = ir_node_new(L->m, IR_LOAD, pos);
    n->var = v;
    return n;
}

IrNode *lower_take(Lower *L, IrVar *temp, IrPos pos)
{
    IrNode *n = lower_load(L, temp, pos);
    n->last_use = true;
    return n;
}

void lower_drop(Lower *L, IrVar *temp, IrPos pos, IrNode *block)
{
    IrNode *d = ir_node_new(L->m, IR_DEL, pos);
    d->var = temp;
    ir_node_add(L->m, block, d);
}

IrVar *lower_temp(Lower *L)
{
    return ir_temp_new(L->m, L->fn);
}

void lower_add_assign(Lower *L, IrNode *block, IrVar *var, IrNode *value, IrPos pos)
{
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, value);
    a->var = var;
    ir_node_add(L->m, block, a);
}

IrVar *lower_spill(Lower *L, IrNode *value, IrPos pos, IrNode *block)
{
    IrVar *t = lower_temp(L);
    lower_add_assign(L, block, t, value, pos);
    return t;
}

IrVar *lower_var(Lower *L, const char *name, IrPos pos)
{
    name = lower_mangle(L, name);   /* as the symtable stores it */
    if (L->comp) {
        IrVar *cv = lower_inlined_comp_var(L, name);
        if (cv || L->failed)
            return cv;
    }
    IrVar *v = ir_var_find(L->fn, name);
    if (v && v->kind == IR_VAR_FREE && L->fn->is_class) {
        const AstSymbol *sym = ast_scope_lookup(L->scope, name);
        if (sym && lower_passes_free(L, sym))   /* not the body's own name */
            v = ir_var_find_kind(L->fn, name, IR_VAR_NAME);
    }
    if (v)
        return v;
    if (L->fn->is_module)
        return ir_var_new(L->m, L->fn, name, IR_VAR_GLOBAL);
    if (L->fn->is_class)
        return lower_class_var(L, name, pos);
    const AstSymbol *sym = ast_scope_lookup(L->scope, name);
    if (!sym)
        P2C_UNREACHABLE();   /* the symtable saw every name of the body */
    switch (sym->scope) {
    case AST_SYM_LOCAL:
        return ir_var_new(L->m, L->fn, name, IR_VAR_LOCAL);
    case AST_SYM_GLOBAL_EXPLICIT:
    case AST_SYM_GLOBAL_IMPLICIT:
        return ir_var_new(L->m, L->fn, name, IR_VAR_GLOBAL);
    case AST_SYM_FREE:    /* closures.c creates these when a function starts */
        return ir_var_new(L->m, L->fn, name, IR_VAR_FREE);
    case AST_SYM_CELL:
        return ir_var_new(L->m, L->fn, name, IR_VAR_CELL);
    }
    P2C_UNREACHABLE();
}

int lower_body(Lower *L, const AstSeq *body, int skip)
{
    for (int i = skip; i < body->n; i++)
        if (lower_stmt(L, body->items[i], L->fn->body) < 0)
            return -1;
    return 0;
}

/* The docstring of a body: its first statement when that is a string
 * constant expression (CPython's _PyAST_GetDocString); NULL if none. */
static const AstConstant *docstring_of(const AstSeq *body)
{
    if (body->n == 0 || body->items[0]->kind != AST_Expr)
        return NULL;
    const AstNode *v = ((const AstExpr *)body->items[0])->value;
    if (v->kind != AST_Constant || !PyUnicode_CheckExact(((const AstConstant *)v)->value))
        return NULL;
    return (const AstConstant *)v;
}

/* Module docstring: `__doc__ = "..."` first, as CPython's compiler_body
 * does (positions of the docstring statement). */
static int module_docstring(Lower *L, const AstSeq *body)
{
    const AstConstant *doc = docstring_of(body);
    if (!doc)
        return 0;
    IrPos pos = body->items[0]->pos;
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1,
                        lower_const_node(L, doc->value, doc->hdr.pos));
    a->var = lower_var(L, "__doc__", pos);
    ir_node_add(L->m, L->fn->body, a);
    return 1;
}

/* Function docstrings become IrFunction.doc_cidx (co_consts[0]); the
 * statement itself is not executed.  Returns how many statements to skip. */
int lower_function_docstring(Lower *L, const AstSeq *body)
{
    const AstConstant *doc = docstring_of(body);
    if (!doc)
        return 0;
    L->fn->doc_cidx = lower_const(L, doc->value);
    return 1;
}

IrModule *lower_module(const AstUnit *u, const char *module_name)
{
    if (!u->module || u->module->kind != AST_Module)
        P2C_UNREACHABLE();
    IrModule *m = ir_module_new(module_name, u->abs_path);
    if (!m) {
        PyErr_Clear();
        diag_error("out of memory");
        return NULL;
    }
    Lower L = {.u = u, .m = m, .scope = u->top};
    IrPos pos = {1, 0, 1, 0};   /* module code starts at line 1 */
    L.fn = ir_function_new(m, NULL, "<module>", "<module>", pos);
    L.fn->is_module = 1;
    const AstSeq *body = &((const AstModule *)u->module)->body;
    lower_setup_annotations(&L, body);
    int skip = module_docstring(&L, body);
    if (lower_body(&L, body, skip) < 0 || L.failed) {
        ir_module_free(m);
        return NULL;
    }
    lower_stack_sizes(m, u->code_facts);
    if (u->compile_warnings && PyTuple_GET_SIZE(u->compile_warnings) > 0
        && (m->warnings_cidx = ir_const(m, u->compile_warnings)) < 0)
        PyErr_Clear();   /* not issued, nothing else lost */
    return m;
}
