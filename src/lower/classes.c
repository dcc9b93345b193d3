/* classes.c — the class statement, the names of class bodies, private-name
 * mangling and qualified names.
 *
 *   @deco                         C = deco(build_class(make_function(C), 'C',
 *   class C(B1, *bs, metaclass=M,                      *(B1, *bs),
 *           **kw):                                     **{'metaclass': M, **kw}))
 *       "doc"                     classbody C():   # qualname C, unoptimized
 *       x = 1                         __module__ = __name__
 *       def f(self): ...              __qualname__ = 'C'
 *                                     __doc__ = 'doc'
 *                                     x = 1
 *                                     f = make_function(C.f)
 *
 * CPython's order (compile.c, compiler_class): the decorator expressions,
 * then __build_class__ is looked up, the body function made, the bases and
 * keywords evaluated left to right; the call runs the body with the
 * namespace as its locals; the decorators are applied innermost first and
 * the result is stored under the (mangled) class name.  BUILD_CLASS is the
 * call: P2C_BuildClass (runtime/classes.c) does what builtins.__build_class__
 * does, running the compiled body instead of bytecode.
 *
 * The body is an IrFunction with is_class set.  Its names are IR_VAR_NAME
 * (LOAD_NAME / STORE_NAME / DELETE_NAME on the namespace) except those
 * declared global, and free variables of enclosing functions, which are
 * read with LOAD_CLASSDEREF (the namespace first, then the cell).  When a
 * method uses super() or __class__, the body owns a `__class__` cell
 * (IR_VAR_CELL, made empty by the prologue), stores it as __classcell__
 * for type.__new__ to fill, and returns it for P2C_BuildClass to check.
 *
 * Mangling (compile.c's _Py_Mangle): inside a class C — its body and every
 * function nested in it — names, attribute names, parameters and imported
 * names `__x` become `_C__x` (C stripped of leading underscores); names
 * ending in `__` or containing a dot are left alone, as are keyword
 * argument names.  The symtable already stores the mangled form.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* ---- mangling and qualified names ----------------------------------------- */

const char *lower_mangle(Lower *L, const char *name)
{
    const char *priv = L->private_name;
    if (!priv || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*priv == '_')
        priv++;
    if (!*priv)
        return name;   /* a class named only with underscores */
    size_t size = 1 + strlen(priv) + n + 1;
    char *m = ir_alloc(L->m, size);
    snprintf(m, size, "_%s%s", priv, name);
    return m;
}

int lower_name_const(Lower *L, const char *name)
{
    return lower_const_str(L, lower_mangle(L, name));
}

/* Whether fn is a comprehension's or generator expression's function. */
static int is_comprehension(const IrFunction *fn)
{
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(fn->name, names[i]) == 0)
            return 1;
    return 0;
}

/* CPython's compiler (compiler_set_qualname): "<locals>" follows the
 * qualname of a function or lambda only, not of a class or a
 * comprehension (`f.<locals>.<listcomp>.<listcomp>`, whose facts
 * lower/stacksizes.c then finds). */
const char *lower_qualname(Lower *L, const char *name)
{
    if (L->fn->is_module)
        return name;
    const AstSymbol *sym = ast_scope_lookup(L->scope, lower_mangle(L, name));
    if (sym && sym->scope == AST_SYM_GLOBAL_EXPLICIT)
        return name;
    const char *sep = L->fn->is_class || is_comprehension(L->fn) ? "." : ".<locals>.";
    size_t n = strlen(L->fn->qualname) + strlen(sep) + strlen(name) + 1;
    char *q = ir_alloc(L->m, n);
    snprintf(q, n, "%s%s%s", L->fn->qualname, sep, name);
    return q;
}

/* ---- names of class bodies -------------------------------------------------- */

IrVar *lower_class_var(Lower *L, const char *name, IrPos pos)
{
    const AstSymbol *sym = ast_scope_lookup(L->scope, name);
    char construct[300];
    switch (sym ? sym->scope : AST_SYM_LOCAL) {
    case AST_SYM_GLOBAL_EXPLICIT:
        return ir_var_new(L->m, L->fn, name, IR_VAR_GLOBAL);
    case AST_SYM_FREE:   /* created by lower_closure_vars: found before */
    case AST_SYM_CELL:
        snprintf(construct, sizeof construct, "closure (free variable '%.200s')", name);
        lower_refuse_named(L, pos.line, construct);
        return NULL;
    default:   /* LOCAL, GLOBAL_IMPLICIT, or a name the compiler adds */
        return ir_var_new(L->m, L->fn, name, IR_VAR_NAME);
    }
}

/* ---- what is refused ------------------------------------------------------------ */

/* The first function scope under s (methods and what they nest) that uses
 * the class's __class__ cell; NULL if none. */
static const AstScope *class_cell_user(const AstScope *s)
{
    for (int i = 0; i < s->nchildren; i++) {
        const AstScope *c = s->children[i];
        if (c->type == AST_SCOPE_CLASS)
            continue;   /* a nested class has its own __class__ */
        const AstSymbol *sym = ast_scope_lookup(c, "__class__");
        if (sym && sym->scope == AST_SYM_FREE)
            return c;
    }
    return NULL;
}

/* CPython's compiler rejects class C(a=1, a=2) (validate_keywords). */
static int check_keywords(Lower *L, const AstClassDef *s)
{
    for (int i = 0; i < s->keywords.n; i++) {
        const Astkeyword *k = (const Astkeyword *)s->keywords.items[i];
        for (int j = i + 1; k->arg && j < s->keywords.n; j++) {
            const Astkeyword *k2 = (const Astkeyword *)s->keywords.items[j];
            if (k2->arg && strcmp(k->arg, k2->arg) == 0) {
                char msg[300];
                snprintf(msg, sizeof msg, "keyword argument repeated: %.200s", k->arg);
                return lower_syntax_error(L, k2->hdr.pos.line, msg);
            }
        }
    }
    return 0;
}

/* ---- the body function ------------------------------------------------------------ */

static IrNode *store_name(Lower *L, const char *name, IrNode *value, IrPos pos)
{
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, value);
    a->var = lower_var(L, name, pos);
    ir_node_add(L->m, L->fn->body, a);
    return a;
}

/* A store CPython compiles after the body at NO_LOCATION: it keeps the
 * last statement's position for tracebacks but gives no line event, so the
 * class body's return event follows the last line run (after `if c: a = 1`
 * the `if` line does not come again). */
static void store_name_no_line(Lower *L, const char *name, IrNode *value, IrPos pos)
{
    store_name(L, name, value, pos)->artificial = true;
}

/* The prologue compiler_class emits: __module__ = __name__ (a LOAD_NAME:
 * a __prepare__ namespace may answer it), __qualname__, then
 * (3.13) __firstlineno__, then (compiler_body) SETUP_ANNOTATIONS when the
 * body has annotations and __doc__ from a docstring.  Returns how many statements it consumed. */
static int body_prologue(Lower *L, const AstClassDef *s)
{
    /* compiler_enter_scope's location: the first line, columns 0..0 */
    IrPos pos = {L->fn->pos.line, 0, L->fn->pos.line, 0};
    IrVar *name = lower_var(L, "__name__", pos);
    if (!name)
        return -1;
    store_name(L, "__module__", lower_load(L, name, pos), pos);
    PyObject *q = PyUnicode_FromString(L->fn->qualname);
    if (!q) {
        PyErr_Print();
        P2C_UNREACHABLE();
    }
    store_name(L, "__qualname__", lower_const_node(L, q, pos), pos);
    Py_DECREF(q);
    if (lower_class_has_static_attributes()) {   /* 3.13 */
        PyObject *line = PyLong_FromLong(L->fn->pos.line);
        if (!line) {
            PyErr_Print();
            P2C_UNREACHABLE();
        }
        store_name(L, "__firstlineno__", lower_const_node(L, line, pos), pos);
        Py_DECREF(line);
    }
    if (s->type_params.n > 0) {   /* 3.12: the hidden scope's cell */
        IrVar *params = lower_var(L, ".type_params", pos);
        if (!params)
            return -1;
        store_name(L, "__type_params__", lower_load(L, params, pos), pos);
    }
    if (lower_store_classdict(L) < 0)
        return -1;
    lower_setup_annotations(L, &s->body);   /* compiler_body: before __doc__ */
    int skip = lower_function_docstring(L, &s->body);
    if (skip) {
        IrPos dpos = s->body.items[0]->pos;
        const AstExpr *doc = (const AstExpr *)s->body.items[0];
        store_name(L, "__doc__", lower_const_node(L, ((const AstConstant *)doc->value)->value,
                                                  doc->value->pos), dpos);
    }
    return skip;
}

/* The end of a body whose methods use super() or __class__
 * (ste_needs_class_closure): `__classcell__ = cell(__class__)` and
 * `return cell(__class__)`, for type.__new__ to fill and P2C_BuildClass to
 * check; other bodies return None (the generated epilogue). */
static void class_cell_epilogue(Lower *L, IrVar *cell, const AstSeq *body)
{
    IrPos pos = body->items[body->n - 1]->pos;
    IrNode *ref = ir_node_new(L->m, IR_CELL_REF, pos);
    ref->var = cell;
    store_name(L, "__classcell__", ref, pos);
    ref = ir_node_new(L->m, IR_CELL_REF, pos);
    ref->var = cell;
    ir_node_add(L->m, L->fn->body, ir_node(L->m, IR_RETURN, pos, 1, ref));
}

/* `__classdictcell__ = cell(__classdict__)` at the end of a body that made
 * that cell (3.12, PEP 695): type.__new__ then puts the class's own dict in
 * it, which the annotation scopes read from then on.  Before __classcell__,
 * at no line of its own (compile.c's NO_LOCATION; the last statement's). */
static void store_classdict_cell(Lower *L, const AstClassDef *s)
{
    IrVar *cell = ir_var_find_kind(L->fn, "__classdict__", IR_VAR_CELL);
    if (!cell)
        return;
    IrPos pos = s->body.items[s->body.n - 1]->pos;
    IrNode *ref = ir_node_new(L->m, IR_CELL_REF, pos);
    ref->var = cell;
    store_name_no_line(L, "__classdictcell__", ref, pos);
}

/* Lowers the class body into a new function of the module. */
static IrFunction *lower_class_body(Lower *L, const AstClassDef *s, const char *qualname)
{
    IrPos pos = s->hdr.pos;   /* co_firstlineno: the first decorator's line */
    if (s->decorator_list.n > 0)
        pos.line = s->decorator_list.items[0]->pos.line;
    IrFunction *fn = ir_function_new(L->m, L->fn, s->name, qualname, pos);
    fn->is_class = 1;
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = s->hdr.scope;
    inner.loop_depth = 0;
    inner.private_name = s->name;
    inner.comp = NULL;
    inner.sees_class = 0;
    lower_closure_vars(&inner);   /* the frees: used here or passed through */
    int skip = body_prologue(&inner, s);
    int rc = skip < 0 ? -1 : lower_body(&inner, &s->body, skip);
    L->failed |= inner.failed;
    if (rc < 0 || inner.failed)
        return NULL;
    if (lower_class_has_static_attributes()) {   /* 3.13, before __classcell__ */
        IrPos end = s->body.items[s->body.n - 1]->pos;
        store_name_no_line(&inner, "__static_attributes__",
                   lower_class_static_attributes(&inner, s, end), end);
    }
    store_classdict_cell(&inner, s);
    /* made after the body, so that the body's own `__class__` (a NAME, or
     * an outer __class__ read as a free) is found first by name;
     * ir_var_find_closure gives the methods this cell */
    if (class_cell_user(s->hdr.scope))
        class_cell_epilogue(&inner, ir_var_new(L->m, fn, "__class__", IR_VAR_CELL),
                            &s->body);
    lower_finish_slots(fn);
    return fn;
}

/* ---- the statement ------------------------------------------------------------------ */

IrNode *lower_build_class(Lower *L, const AstClassDef *s, const char *qualname,
                          IrVar *generic_base)
{
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, s->hdr.pos);
    if (!(make->func = lower_class_body(L, s, qualname)))
        return NULL;
    IrNode *bases = ir_node_new(L->m, IR_TUPLE, s->hdr.pos);
    if (lower_items(L, &s->bases, bases) < 0)
        return NULL;
    if (generic_base)
        ir_node_add(L->m, bases, lower_load(L, generic_base, s->hdr.pos));
    IrNode *kw = NULL;
    if (s->keywords.n > 0 && !(kw = lower_keyword_dict(L, &s->keywords, s->hdr.pos)))
        return NULL;
    IrNode *n = ir_node(L->m, IR_BUILD_CLASS, s->hdr.pos, kw ? 3 : 2, make, bases, kw);
    n->cidx = lower_const_str(L, s->name);
    return n;
}

int lower_class_def(Lower *L, const AstClassDef *s, IrNode *block)
{
    if (!s->hdr.scope)
        P2C_UNREACHABLE();
    if (check_keywords(L, s) < 0)
        return -1;
    if (s->type_params.n > 0)
        return lower_generic_class_def(L, s, block);
    IrNode **decos = lower_decorators(L, &s->decorator_list, block);
    IrNode *value = decos ? lower_build_class(L, s, lower_qualname(L, s->name), NULL) : NULL;
    if (!value)
        return -1;
    value = lower_apply_decorators(L, decos, s->decorator_list.n, value, block);
    IrVar *v = lower_var(L, s->name, s->hdr.pos);
    if (!v)
        return -1;
    IrNode *a = ir_node(L->m, IR_ASSIGN, s->hdr.pos, 1, value);
    a->var = v;
    ir_node_add(L->m, block, a);
    return 0;
}
