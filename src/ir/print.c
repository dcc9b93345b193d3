/* print.c — the IR as readable baby Python (pyc2c --dump-ir).
 *
 * One statement a line, four spaces an indentation level; functions are
 * printed flat, the module body first, in IrModule.funcs order, each with a
 * `def` header naming its parameters and a comment with its qualname and
 * line.  Operands that are themselves operations are parenthesized, so the
 * text never depends on precedence rules.  Constants print with repr().
 * The output depends only on the IR, never on addresses or hashing, so golden
 * tests can pin it.  docs/ir.md shows every form.
 */
#include "pyc2c/compiler/ir.h"
#include <string.h>

typedef struct {
    FILE *out;
    const IrModule *m;
} Printer;

static void expr(Printer *p, const IrNode *n, int nested);
static void stmt(Printer *p, const IrNode *n, int indent);

static void put(Printer *p, const char *s)
{
    fputs(s, p->out);
}

static void put_indent(Printer *p, int indent)
{
    fprintf(p->out, "%*s", indent * 4, "");
}

/* repr() of a constant; a failing repr (never expected for constants) must
 * not leave an exception behind in the middle of a dump. */
static void put_const(Printer *p, int cidx)
{
    PyObject *obj = ir_const_get(p->m, cidx);
    PyObject *r = obj ? PyObject_Repr(obj) : NULL;
    const char *s = r ? PyUnicode_AsUTF8(r) : NULL;
    if (s) {
        put(p, s);
    } else {
        PyErr_Clear();
        fprintf(p->out, "<const %d?>", cidx);
    }
    Py_XDECREF(r);
}

/* The str constant cidx without quotes (attribute and keyword names). */
static void put_name_const(Printer *p, int cidx)
{
    PyObject *obj = ir_const_get(p->m, cidx);
    const char *s = obj && PyUnicode_Check(obj) ? PyUnicode_AsUTF8(obj) : NULL;
    if (s)
        put(p, s);
    else {
        PyErr_Clear();
        fprintf(p->out, "<name %d?>", cidx);
    }
}

static void put_var(Printer *p, const IrVar *v)
{
    put(p, v ? v->name : "<no var>");
}

static void put_kid(Printer *p, const IrNode *n, int i, int nested)
{
    if (i < n->nkids)
        expr(p, n->kids[i], nested);
    else
        put(p, "<missing>");
}

/* kids[from..] separated by ", " */
static void put_list(Printer *p, const IrNode *n, int from)
{
    for (int i = from; i < n->nkids; i++) {
        if (i > from)
            put(p, ", ");
        expr(p, n->kids[i], 0);
    }
}

static void put_tuple(Printer *p, const IrNode *n)
{
    put(p, "(");
    put_list(p, n, 0);
    put(p, n->nkids == 1 ? ",)" : ")");
}

/* {k: v, **m}: a STARRED kid stands alone, other kids come in pairs. */
static void put_dict(Printer *p, const IrNode *n)
{
    put(p, "{");
    for (int i = 0; i < n->nkids; i++) {
        if (i > 0)
            put(p, ", ");
        const IrNode *k = n->kids[i];
        if (k->kind == IR_STARRED) {
            put(p, "**");
            put_kid(p, k, 0, 1);
            continue;
        }
        expr(p, k, 0);
        put(p, ": ");
        if (++i < n->nkids)
            expr(p, n->kids[i], 0);
        else
            put(p, "<missing>");
    }
    put(p, "}");
}

/* f(args, name=value): keyword names come from the kwnames tuple. */
static void put_call(Printer *p, const IrNode *n)
{
    PyObject *kw = n->cidx >= 0 ? ir_const_get(p->m, n->cidx) : NULL;
    Py_ssize_t nkw = kw && PyTuple_Check(kw) ? PyTuple_GET_SIZE(kw) : 0;
    Py_ssize_t npos = n->nkids - 1 - nkw;
    put_kid(p, n, 0, 1);
    put(p, "(");
    for (int i = 1; i < n->nkids; i++) {
        if (i > 1)
            put(p, ", ");
        if (i - 1 >= npos) {
            PyObject *name = PyTuple_GET_ITEM(kw, i - 1 - npos);
            const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
            fprintf(p->out, "%s=", s ? s : "?");
        }
        expr(p, n->kids[i], 0);
    }
    put(p, ")");
}

/* func(*posargs, **kwargs) */
static void put_call_ex(Printer *p, const IrNode *n)
{
    put_kid(p, n, 0, 1);
    put(p, "(*");
    put_kid(p, n, 1, 1);
    if (n->nkids > 2) {
        put(p, ", **");
        put_kid(p, n, 2, 1);
    }
    put(p, ")");
}

/* format(value), format(repr(value), spec) ... */
static void put_format(Printer *p, const IrNode *n)
{
    const char *conv = n->op == 's' ? "str" : n->op == 'r' ? "repr"
                     : n->op == 'a' ? "ascii" : NULL;
    put(p, "format(");
    if (conv)
        fprintf(p->out, "%s(", conv);
    put_kid(p, n, 0, 0);
    if (conv)
        put(p, ")");
    if (n->nkids > 1) {
        put(p, ", ");
        put_kid(p, n, 1, 0);
    }
    put(p, ")");
}

static void put_import_name(Printer *p, const IrNode *n)
{
    put(p, "__import__(");
    put_const(p, n->cidx);
    put(p, ", fromlist=");
    if (n->cidx2 >= 0)
        put_const(p, n->cidx2);
    else
        put(p, "None");
    fprintf(p->out, ", level=%d)", n->op);
}

static int names_count(const Printer *p, int cidx)
{
    PyObject *t = cidx >= 0 ? ir_const_get(p->m, cidx) : NULL;
    return t && PyTuple_Check(t) ? (int)PyTuple_GET_SIZE(t) : 0;
}

/* ", label={'name': kid, ...}" for the names of tuple cidx and the kids
 * from `from` on. */
static void put_named_kids(Printer *p, const char *label, const IrNode *n, int cidx,
                           int from)
{
    int count = names_count(p, cidx);
    if (count == 0)
        return;
    PyObject *t = ir_const_get(p->m, cidx);
    fprintf(p->out, ", %s={", label);
    for (int i = 0; i < count && from + i < n->nkids; i++) {
        const char *name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(t, i));
        fprintf(p->out, "%s'%s': ", i ? ", " : "", name ? name : "?");
        expr(p, n->kids[from + i], 0);
    }
    put(p, "}");
}

/* make_function(q, defaults=(...), kwdefaults={...}, annotations={...},
 * closure=(cells...)) */
static void put_make_function(Printer *p, const IrNode *n)
{
    const IrFunction *f = n->func;
    fprintf(p->out, "make_function(%s", f ? f->qualname : "<no func>");
    int nkw = names_count(p, n->cidx), nann = names_count(p, n->cidx2);
    int npos = n->nkids - nkw - nann;
    if (npos > 0) {
        put(p, ", defaults=(");
        for (int i = 0; i < npos; i++) {
            put(p, i ? ", " : "");
            expr(p, n->kids[i], 0);
        }
        put(p, npos == 1 ? ",)" : ")");
    }
    put_named_kids(p, "kwdefaults", n, n->cidx, npos);
    put_named_kids(p, "annotations", n, n->cidx2, npos + nkw);
    int nfree = 0;
    for (int slot = 0; f && slot < f->nslots; slot++)
        for (int i = 0; i < f->nvars; i++)
            if (f->vars[i]->kind == IR_VAR_FREE && f->vars[i]->slot == slot)
                fprintf(p->out, nfree++ ? ", %s" : ", closure=(%s", f->vars[i]->name);
    put(p, nfree == 0 ? ")" : nfree == 1 ? ",))" : "))");
}

/* build_class(make_function(C), 'C', *(bases), **{keywords}) */
static void put_build_class(Printer *p, const IrNode *n)
{
    put(p, "build_class(");
    put_kid(p, n, 0, 0);
    put(p, ", ");
    put_const(p, n->cidx);
    put(p, ", *");
    put_kid(p, n, 1, 1);
    if (n->nkids > 2) {
        put(p, ", **");
        put_kid(p, n, 2, 1);
    }
    put(p, ")");
}

static const char *op_symbol(const IrNode *n)
{
    switch (n->kind) {
    case IR_BINOP: case IR_INPLACE:
        return n->op >= 0 && n->op < IR_BINOP_COUNT ? ir_binop_symbol[n->op] : "<op?>";
    case IR_UNARY:
        return n->op >= 0 && n->op < IR_UNARY_COUNT ? ir_unaryop_symbol[n->op] : "<op?>";
    case IR_COMPARE:
        return n->op >= 0 && n->op < IR_CMP_COUNT ? ir_cmpop_symbol[n->op] : "<op?>";
    default:
        return "<op?>";
    }
}

/* Operations: `a + b`, `-a`, `a < b`, `a and b`, `b if t else c`,
 * `(a += b)` (in-place op yielding the result), `(x := v)`.  nested: the
 * operation is an operand of another and gets parentheses. */
static void put_operation(Printer *p, const IrNode *n, int nested)
{
    int paren = nested || n->kind == IR_INPLACE || n->kind == IR_ASSIGN_EXPR;
    if (paren)
        put(p, "(");
    switch (n->kind) {
    case IR_BINOP: case IR_COMPARE: case IR_INPLACE:
        put_kid(p, n, 0, 1);
        fprintf(p->out, " %s%s ", op_symbol(n), n->kind == IR_INPLACE ? "=" : "");
        put_kid(p, n, 1, 1);
        break;
    case IR_UNARY:
        put(p, op_symbol(n));
        put_kid(p, n, 0, 1);
        break;
    case IR_AND: case IR_OR:
        put_kid(p, n, 0, 1);
        put(p, n->kind == IR_AND ? " and " : " or ");
        put_kid(p, n, 1, 1);
        break;
    case IR_IFEXP:
        put_kid(p, n, 1, 1);
        put(p, " if ");
        put_kid(p, n, 0, 1);
        put(p, " else ");
        put_kid(p, n, 2, 1);
        break;
    default:   /* IR_ASSIGN_EXPR */
        put_var(p, n->var);
        put(p, " := ");
        put_kid(p, n, 0, 0);
        break;
    }
    if (paren)
        put(p, ")");
}

/* name(kids...) forms: iter(x), slice(a, b, c), fstring(...),
 * import_from(m, 'name'). */
static void put_function_form(Printer *p, const char *name, const IrNode *n)
{
    fprintf(p->out, "%s(", name);
    put_list(p, n, 0);
    if (n->kind == IR_IMPORT_FROM) {
        put(p, ", ");
        put_const(p, n->cidx);
    }
    put(p, ")");
}

static void put_display(Printer *p, const IrNode *n, const char *open, const char *close)
{
    put(p, open);
    put_list(p, n, 0);
    put(p, close);
}

/* The exceptions family: caught(), with_enter(mgr, exit=$t), with_exit($t),
 * with_exit($t, caught()), __debug__, AssertionError. */
static void put_exc_expr(Printer *p, const IrNode *n)
{
    switch (n->kind) {
    case IR_CAUGHT:          put(p, "caught()"); return;
    case IR_DEBUG:           put(p, "__debug__"); return;
    case IR_ASSERTION_ERROR: put(p, "AssertionError"); return;
    case IR_STOP_ASYNC_ITERATION: put(p, "StopAsyncIteration"); return;
    case IR_WITH_ENTER:
        put(p, n->op ? "async_with_enter(" : "with_enter(");
        put_kid(p, n, 0, 0); put(p, ", exit=");
        put_var(p, n->var); put(p, ")");
        return;
    default:   /* IR_WITH_EXIT */
        put(p, "with_exit("); put_var(p, n->var);
        if (n->nkids > 0) { put(p, ", "); put_kid(p, n, 0, 0); }
        put(p, ")");
        return;
    }
}

static void expr(Printer *p, const IrNode *n, int nested)
{
    switch (n->kind) {
    case IR_CONST:   put_const(p, n->cidx); break;
    case IR_LOAD:
        if (n->last_use)
            put(p, "move(");
        put_var(p, n->var);
        if (n->last_use)
            put(p, ")");
        break;
    case IR_CELL_REF: put(p, "cell("); put_var(p, n->var); put(p, ")"); break;
    case IR_ATTR:    put_kid(p, n, 0, 1); put(p, "."); put_name_const(p, n->cidx); break;
    case IR_SUBSCR:
        put_kid(p, n, 0, 1); put(p, "["); put_kid(p, n, 1, 0); put(p, "]");
        break;
    case IR_BINOP: case IR_INPLACE: case IR_UNARY: case IR_COMPARE:
    case IR_AND: case IR_OR: case IR_IFEXP: case IR_ASSIGN_EXPR:
        put_operation(p, n, nested);
        break;
    case IR_CALL:    put_call(p, n); break;
    case IR_CALL_EX: put_call_ex(p, n); break;
    case IR_TUPLE:   put_tuple(p, n); break;
    case IR_LIST:    put_display(p, n, "[", "]"); break;
    case IR_SET:     put_display(p, n, n->nkids ? "{" : "{*(", n->nkids ? "}" : ")}"); break;
    case IR_DICT:    put_dict(p, n); break;
    case IR_STARRED: put(p, "*"); put_kid(p, n, 0, 1); break;
    case IR_FORMAT:  put_format(p, n); break;
    case IR_IMPORT_NAME:   put_import_name(p, n); break;
    case IR_MAKE_FUNCTION: put_make_function(p, n); break;
    case IR_BUILD_CLASS:   put_build_class(p, n); break;
    case IR_SLICE: case IR_FSTRING: case IR_ITER: case IR_IMPORT_FROM:
    case IR_YIELD: case IR_YIELD_FROM: case IR_AITER:
        put_function_form(p, ir_info(n)->name, n);
        break;
    case IR_AWAIT:
        put_function_form(p, (const char *[]){"await", "await_aenter", "await_aexit",
                                              "await_anext"}[n->op], n);
        break;
    case IR_CAUGHT: case IR_WITH_ENTER: case IR_WITH_EXIT:
    case IR_DEBUG: case IR_ASSERTION_ERROR: case IR_STOP_ASYNC_ITERATION:
        put_exc_expr(p, n);
        break;
    case IR_CLASS_NAMESPACE:
        put(p, "locals()");
        break;
    case IR_SEQ:   /* an inlined comprehension: its block, then its value */
        put(p, "seq{ ");
        for (int i = 0; i < n->kids[0]->nkids; i++) {
            put(p, "\n");
            stmt(p, n->kids[0]->kids[i], 2);
        }
        put(p, "} -> ");
        put_kid(p, n, 1, 1);
        break;
    case IR_HELPER:
        put_function_form(p, n->op >= 0 && n->op < IR_HELPER_COUNT
                             ? ir_helper_info[n->op].name : "helper?", n);
        break;
    default:
        fprintf(p->out, "<%s statement in an expression>", ir_info(n)->name);
        break;
    }
}

static void block(Printer *p, const IrNode *b, int indent)
{
    if (b->kind != IR_BLOCK) {
        stmt(p, b, indent);
        return;
    }
    if (b->nkids == 0) {
        put_indent(p, indent);
        put(p, "pass\n");
    }
    for (int i = 0; i < b->nkids; i++)
        stmt(p, b->kids[i], indent);
}

/* `if t:` / `loop:` with their body and, when not empty, `else:` */
static void compound(Printer *p, const IrNode *n, int indent)
{
    int first = n->kind == IR_IF ? 1 : 0;
    if (n->kind == IR_IF) {
        put(p, "if ");
        put_kid(p, n, 0, 0);
        put(p, ":\n");
    } else {
        put(p, "loop:\n");
    }
    if (first < n->nkids)
        block(p, n->kids[first], indent + 1);
    if (first + 1 < n->nkids && n->kids[first + 1]->nkids > 0) {
        put_indent(p, indent);
        put(p, "else:\n");
        block(p, n->kids[first + 1], indent + 1);
    }
}

/* try: body, `except T:` handlers, else: / try: body finally: block */
static void try_stmt(Printer *p, const IrNode *n, int indent)
{
    put(p, "try:\n");
    block(p, n->kids[0], indent + 1);
    if (n->kind == IR_TRY_FINALLY) {
        put_indent(p, indent);
        put(p, n->op == 1 ? "finally_reraise_where_caught:\n" : "finally:\n");
        block(p, n->kids[1], indent + 1);
        return;
    }
    for (int i = 2; i < n->nkids; i++) {
        const IrNode *h = n->kids[i];
        put_indent(p, indent);
        put(p, "except");
        if (h->kind == IR_HANDLER && h->nkids > 1) { put(p, " "); put_kid(p, h, 1, 0); }
        put(p, ":\n");
        block(p, h->kind == IR_HANDLER ? h->kids[0] : h, indent + 1);
    }
    if (n->kids[1]->nkids > 0) {
        put_indent(p, indent);
        put(p, "else:\n");
        block(p, n->kids[1], indent + 1);
    }
}

static void put_unpack(Printer *p, const IrNode *n)
{
    if (n->nvars == 0)
        put(p, "()");
    for (int i = 0; i < n->nvars; i++) {
        if (i > 0)
            put(p, ", ");
        if (i == n->star)
            put(p, "*");
        put_var(p, n->vars[i]);
    }
    put(p, n->nvars == 1 ? ", = unpack(" : " = unpack(");
    put_kid(p, n, 0, 0);
    put(p, ")");
}

/* The statements that fit one line. */
static void simple_stmt(Printer *p, const IrNode *n)
{
    switch (n->kind) {
    case IR_ASSIGN:
        put_var(p, n->var); put(p, " = "); put_kid(p, n, 0, 0);
        break;
    case IR_STORE_ATTR:
        put_kid(p, n, 1, 1); put(p, "."); put_name_const(p, n->cidx);
        put(p, " = "); put_kid(p, n, 0, 0);
        break;
    case IR_STORE_SUBSCR:
        put_kid(p, n, 1, 1); put(p, "["); put_kid(p, n, 2, 0);
        put(p, "] = "); put_kid(p, n, 0, 0);
        break;
    case IR_DEL:        put(p, "del "); put_var(p, n->var); break;
    case IR_DEL_ATTR:
        put(p, "del "); put_kid(p, n, 0, 1); put(p, "."); put_name_const(p, n->cidx);
        break;
    case IR_DEL_SUBSCR:
        put(p, "del "); put_kid(p, n, 0, 1); put(p, "["); put_kid(p, n, 1, 0); put(p, "]");
        break;
    case IR_UNPACK:     put_unpack(p, n); break;
    case IR_EXPR:       put_kid(p, n, 0, 0); break;
    case IR_FOR_NEXT:
        put_var(p, n->var); put(p, " = next("); put_kid(p, n, 0, 0);
        put(p, ") else exhausted");
        break;
    case IR_RETURN:     put(p, "return "); put_kid(p, n, 0, 0); break;
    case IR_RAISE:
        put(p, "raise");
        if (n->nkids > 0) { put(p, " "); put_kid(p, n, 0, 0); }
        if (n->nkids > 1) { put(p, " from "); put_kid(p, n, 1, 0); }
        break;
    case IR_LOOP_EXIT: case IR_BREAK: case IR_CONTINUE: case IR_PASS: case IR_RERAISE:
        put(p, ir_info(n)->name);
        break;
    case IR_NEW_CELL:   put(p, "new_cell("); put_var(p, n->var); put(p, ")"); break;
    case IR_CLEAR:      put(p, "clear("); put_var(p, n->var); put(p, ")"); break;
    case IR_SWAP_SLOT:
        put(p, "swap_slot("); put_var(p, n->var); put(p, ", "); put_var(p, n->vars[0]);
        put(p, ")");
        break;
    case IR_LIST_APPEND: case IR_SET_ADD: case IR_MAP_ADD: case IR_SETUP_ANNOTATIONS:
    case IR_IMPORT_STAR: case IR_RERAISE_STAR:
        put_function_form(p, ir_info(n)->name, n);
        break;
    default:            /* an expression where a statement belongs */
        put(p, "<expression statement> ");
        expr(p, n, 0);
        break;
    }
}

static void stmt(Printer *p, const IrNode *n, int indent)
{
    if (n->kind == IR_BLOCK) {
        block(p, n, indent);
        return;
    }
    put_indent(p, indent);
    if (n->kind == IR_IF || n->kind == IR_LOOP) {
        compound(p, n, indent);
        return;
    }
    if (n->kind == IR_TRY_EXCEPT || n->kind == IR_TRY_FINALLY) {
        try_stmt(p, n, indent);
        return;
    }
    simple_stmt(p, n);
    put(p, "\n");
}

void ir_print_node(FILE *out, const IrModule *m, const IrNode *n, int indent)
{
    Printer p = {out, m};
    if (ir_is_expr(n)) {
        put_indent(&p, indent);
        expr(&p, n, 0);
        put(&p, "\n");
    } else {
        stmt(&p, n, indent);
    }
}

/* The name of the parameter in frame slot `slot`. */
static const char *param_name(const IrFunction *fn, int slot)
{
    for (int i = 0; i < fn->nvars; i++) {
        const IrVar *v = fn->vars[i];
        if ((v->kind == IR_VAR_LOCAL || v->kind == IR_VAR_CELL) && v->slot == slot)
            return v->name;
    }
    return "?";
}

/* The parameters in co_varnames order: positional (a `/` after the
 * positional-only ones), keyword-only (after `*args` or a bare `*`), then
 * `**kw`.  Parameters are the variables in the first frame slots. */
static void put_params(Printer *p, const IrFunction *fn)
{
    int has_va = (fn->fnflags & IR_FN_VARARGS) != 0;
    int has_kw = (fn->fnflags & IR_FN_VARKEYWORDS) != 0;
    int va = fn->argcount + fn->kwonlyargcount;   /* slot of *args */
    const char *sep = "";
    for (int i = 0; i < fn->argcount; i++) {
        fprintf(p->out, "%s%s", sep, param_name(fn, i));
        sep = ", ";
        if (i + 1 == fn->posonlyargcount)
            put(p, ", /");
    }
    if (has_va || fn->kwonlyargcount) {
        fprintf(p->out, "%s*%s", sep, has_va ? param_name(fn, va) : "");
        sep = ", ";
    }
    for (int i = fn->argcount; i < va; i++) {
        fprintf(p->out, "%s%s", sep, param_name(fn, i));
        sep = ", ";
    }
    if (has_kw)
        fprintf(p->out, "%s**%s", sep, param_name(fn, va + has_va));
}

static void put_function(Printer *p, const IrFunction *fn)
{
    fprintf(p->out, "%s%s %s(", fn->async_kind ? "async " : "",
            fn->is_class ? "classbody" : "def", fn->name);
    put_params(p, fn);
    put(p, "):  # ");
    if (strcmp(fn->name, fn->qualname) != 0)
        fprintf(p->out, "%s, ", fn->qualname);
    fprintf(p->out, "line %d%s\n", fn->pos.line,
            fn->async_kind == IR_ASYNC_GENERATOR ? ", async generator"
            : fn->async_kind ? "" : fn->is_generator ? ", generator" : "");
    if (fn->doc_cidx >= 0) {
        put(p, "    # doc ");
        put_const(p, fn->doc_cidx);
        put(p, "\n");
    }
    block(p, fn->body, 1);
}

void ir_print_module(FILE *out, const IrModule *m)
{
    Printer p = {out, m};
    fprintf(out, "# module %s\n", m->name);
    for (int i = 0; i < m->nfuncs; i++) {
        put(&p, "\n");
        put_function(&p, m->funcs[i]);
    }
}
