/* typeparams.c — PEP 695 (3.12): generic defs and classes, `type` aliases.
 *
 * CPython compiles each of them into a hidden function, the "annotation
 * scope" of the type parameters (its own symtable scope, which
 * src/front/symtab.c attaches to the def/class/alias node as the parent of
 * the node's own scope), called at once where the statement is:
 *
 *   @d                                  f = d(<generic parameters of f>(
 *   def f[T: B, *Ts](x: T = 1) -> T:          (1,), None))
 *       body                            def <generic parameters of f>(.defaults):
 *                                           T = typevar_with_bound('T', <T>)
 *                                           Ts = typevartuple('Ts')
 *                                           $p = (T, Ts)
 *                                           f = make_function(f, defaults=
 *                                                   .defaults, annotations=
 *                                                   {'x': T, 'return': T})
 *                                           return set_type_params(f, $p)
 *                                       def <T>(): return B    # lazy: T.__bound__
 *
 *   type A[T] = list[T]                 A = <generic parameters of A>()
 *                                       def <generic parameters of A>():
 *                                           T = typevar('T')
 *                                           return typealias(('A', (T,), <A>))
 *                                       def <A>(): return list[T]   # A.__value__
 *
 *   class C[T](Base): body              C = <generic parameters of C>()
 *                                       def <generic parameters of C>():
 *                                           T = typevar('T')
 *                                           .type_params = (T,)
 *                                           .generic_base = subscript_generic(
 *                                                               .type_params)
 *                                           return build_class(<C>, 'C', Base,
 *                                                              .generic_base)
 *                                       # the body starts __type_params__ =
 *                                       # .type_params (after __qualname__)
 *
 * The defaults of a generic def are evaluated where the def is and passed
 * in as `.defaults` (a tuple) and `.kwdefaults` (a dict), as 3.12's
 * compiler_function does.  The objects themselves are made by the
 * interpreter's intrinsics (HELPER nodes, runtime/typeparams.c), which take
 * the lazy evaluate functions.  Qualnames skip the hidden scope: `T`, `f`
 * and `<generic parameters of f>` are all named as if defined where the def
 * is (3.12's compiler_set_qualname).
 *
 * Refused (a clear error, never a silent difference): an annotation scope
 * that can see a class body's names (a generic def, class or alias inside
 * a class body: 3.12 looks names up in the class namespace first through
 * `__classdict__`), and a generic class whose body uses `super()` or
 * `__class__` is compiled as usual (its cell is the body's own).
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* A str constant node. */
static IrNode *str_node(Lower *L, const char *s, IrPos pos)
{
    IrNode *n = ir_node_new(L->m, IR_CONST, pos);
    n->cidx = lower_const_str(L, s);
    return n;
}

static IrNode *int_node(Lower *L, long v, IrPos pos)
{
    PyObject *o = PyLong_FromLong(v);
    if (!o) {
        PyErr_Print();
        P2C_UNREACHABLE();
    }
    IrNode *n = lower_const_node(L, o, pos);
    Py_DECREF(o);
    return n;
}

/* Whether scope is an annotation scope that can see a class body's names
 * (symtable.c's ste_can_see_class_scope: it has a free __classdict__). */
static bool sees_class(const AstScope *scope)
{
    const AstSymbol *sym = ast_scope_lookup(scope, "__classdict__");
    return sym && sym->scope == AST_SYM_FREE;
}

IrNode *lower_class_visible_load(Lower *L, const char *id, IrPos pos)
{
    const char *name = lower_mangle(L, id);
    const AstSymbol *sym = ast_scope_lookup(L->scope, name);
    if (!sym || strcmp(name, "__classdict__") == 0 ||
        (sym->scope != AST_SYM_GLOBAL_IMPLICIT && sym->scope != AST_SYM_FREE &&
         sym->scope != AST_SYM_CELL))
        return NULL;
    if (L->comp) {
        lower_refuse_named(L, pos.line, "a comprehension in a type parameter's or "
                           "'type' alias's scope in a class body (PEP 695)");
        return NULL;
    }
    IrVar *classdict = lower_var(L, "__classdict__", pos);
    if (!classdict)
        return NULL;
    if (sym->scope == AST_SYM_GLOBAL_IMPLICIT)   /* LOAD_FROM_DICT_OR_GLOBALS */
        return lower_helper(L, IR_HELPER_LOAD_CLASSDICT_OR_GLOBAL, pos,
                            lower_load(L, classdict, pos), str_node(L, name, pos));
    IrVar *v = lower_var(L, name, pos);          /* LOAD_FROM_DICT_OR_DEREF */
    if (!v)
        return NULL;
    IrNode *cell = ir_node_new(L->m, IR_CELL_REF, pos);
    cell->var = v;
    return lower_helper(L, IR_HELPER_LOAD_CLASSDICT_OR_DEREF, pos,
                        lower_load(L, classdict, pos), str_node(L, name, pos), cell);
}

/* Whether some annotation scope under the class scope s reads the class
 * namespace (3.12's ste_needs_classdict). */
static bool needs_classdict(const AstScope *s)
{
    for (int i = 0; i < s->nchildren; i++)
        if (sees_class(s->children[i]))
            return true;
    return false;
}

int lower_store_classdict(Lower *L)
{
    if (!needs_classdict(L->scope))
        return 0;
    IrPos pos = {L->fn->pos.line, 0, L->fn->pos.line, 0};
    IrVar *cell = ir_var_new(L->m, L->fn, "__classdict__", IR_VAR_CELL);
    lower_add_assign(L, L->fn->body, cell, ir_node_new(L->m, IR_CLASS_NAMESPACE, pos), pos);
    return 0;
}

/* The parameters .defaults and .kwdefaults of the hidden function, as its
 * symtable scope declares them. */
static void hidden_params(Lower *L, const Astarguments *a)
{
    static const char *const names[2] = {".defaults", ".kwdefaults"};
    int has[2] = {a->defaults.n > 0, 0};
    for (int i = 0; i < a->kwonlyargs.n; i++)
        has[1] |= a->kw_defaults.items[i] != NULL;
    for (int i = 0; i < 2; i++)
        if (has[i]) {
            ir_var_new(L->m, L->fn, names[i], lower_param_kind(L, names[i]));
            L->fn->argcount++;
        }
}

/* The hidden function of an annotation scope, entered: `name` is its
 * co_name, qualname computed in the enclosing (visible) scope; its
 * parameters (a generic def's .defaults/.kwdefaults, when a is not NULL)
 * take the first slots, before the cells and frees. */
static Lower enter_hidden(Lower *L, const AstScope *scope, const char *name, IrPos pos,
                          const Astarguments *a)
{
    IrFunction *fn = ir_function_new(L->m, L->fn, name, lower_qualname(L, name), pos);
    Lower inner = *L;
    inner.fn = fn;
    inner.scope = scope;
    inner.loop_depth = 0;
    inner.comp = NULL;
    inner.sees_class = sees_class(scope);
    if (a)
        hidden_params(&inner, a);
    lower_closure_vars(&inner);
    return inner;
}

/* For qualnames inside a hidden scope: the Lower of the enclosing visible
 * scope, with the hidden function as the parent of what is made. */
static const char *visible_qualname(Lower *outer, const char *name)
{
    return lower_qualname(outer, name);
}

/* make_function(<name>) of a lazily evaluated expression: `def name():
 * return e`, in scope (a TypeVar's bound, an alias's value). */
static IrNode *lazy_function(Lower *L, Lower *outer, const AstScope *scope,
                             const char *name, const AstNode *e, IrPos pos)
{
    IrPos start = {pos.line, 0, pos.line, 0};
    IrFunction *fn = ir_function_new(L->m, L->fn, name, visible_qualname(outer, name), start);
    Lower inner = lower_function_enter(L, fn, scope, NULL);
    inner.sees_class = sees_class(scope);
    IrNode *body = lower_expr(&inner, e);
    if (body)
        ir_node_add(L->m, fn->body, ir_node(L->m, IR_RETURN, e->pos, 1, body));
    if (lower_function_leave(L, &inner, body ? 0 : -1) < 0)
        return NULL;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, pos);
    make->func = fn;
    return make;
}

/* The object of one type parameter, made in the hidden scope L. */
static IrNode *type_param_object(Lower *L, Lower *outer, const AstNode *p)
{
    IrPos pos = p->pos;
    if (p->kind == AST_ParamSpec)
        return lower_helper(L, IR_HELPER_PARAMSPEC, pos,
                            str_node(L, ((const AstParamSpec *)p)->name, pos));
    if (p->kind == AST_TypeVarTuple)
        return lower_helper(L, IR_HELPER_TYPEVARTUPLE, pos,
                            str_node(L, ((const AstTypeVarTuple *)p)->name, pos));
    const AstTypeVar *tv = (const AstTypeVar *)p;
    if (!tv->bound)
        return lower_helper(L, IR_HELPER_TYPEVAR, pos, str_node(L, tv->name, pos));
    if (!p->scope)
        P2C_UNREACHABLE();
    IrNode *eval = lazy_function(L, outer, p->scope, tv->name, tv->bound, pos);
    if (!eval)
        return NULL;
    IrHelper h = tv->bound->kind == AST_Tuple ? IR_HELPER_TYPEVAR_CONSTRAINTS
                                              : IR_HELPER_TYPEVAR_BOUND;
    return lower_helper(L, h, pos, str_node(L, tv->name, pos), eval);
}

static const char *type_param_name(const AstNode *p)
{
    switch (p->kind) {
    case AST_TypeVar:      return ((const AstTypeVar *)p)->name;
    case AST_ParamSpec:    return ((const AstParamSpec *)p)->name;
    case AST_TypeVarTuple: return ((const AstTypeVarTuple *)p)->name;
    default:               P2C_UNREACHABLE();
    }
}

/* `T = typevar('T')` ... for each parameter, in the hidden scope L; then
 * the tuple (T, ...) in a temporary, returned (NULL after an error). */
static IrVar *lower_type_params(Lower *L, Lower *outer, const AstSeq *params)
{
    IrNode *tuple = ir_node_new(L->m, IR_TUPLE, params->items[0]->pos);
    for (int i = 0; i < params->n; i++) {
        const AstNode *p = params->items[i];
        IrNode *obj = type_param_object(L, outer, p);
        IrVar *v = obj ? lower_var(L, type_param_name(p), p->pos) : NULL;
        if (!v)
            return NULL;
        lower_add_assign(L, L->fn->body, v, obj, p->pos);
        ir_node_add(L->m, tuple, lower_load(L, v, p->pos));
    }
    tuple->pos = params->items[params->n - 1]->pos;
    return lower_spill(L, tuple, tuple->pos, L->fn->body);
}

/* "<generic parameters of NAME>" in the arena. */
static const char *generic_name(Lower *L, const char *name)
{
    size_t n = strlen(name) + sizeof "<generic parameters of >";
    char *s = ir_alloc(L->m, n);
    snprintf(s, n, "<generic parameters of %s>", name);
    return s;
}

/* Calls the hidden function made by `make` with args (a NULL-ended list). */
static IrNode *call_hidden(Lower *L, IrNode *make, IrPos pos, IrNode **args, int nargs)
{
    IrNode *call = ir_node(L->m, IR_CALL, pos, 1, make);
    for (int i = 0; i < nargs; i++)
        ir_node_add(L->m, call, args[i]);
    return call;
}

/* `name = value` in the enclosing scope. */
static int bind(Lower *L, const char *name, IrNode *value, IrPos pos, IrNode *block)
{
    IrVar *v = lower_var(L, name, pos);
    if (!v)
        return -1;
    lower_add_assign(L, block, v, value, pos);
    return 0;
}

/* ---- def f[T](...) ---------------------------------------------------- */

/* The defaults of a generic def, evaluated where the def is: the tuple
 * and the dict passed as .defaults and .kwdefaults (none when absent). */
static int outer_defaults(Lower *L, const Astarguments *a, IrPos pos, IrNode **args,
                          int *nargs)
{
    if (a->defaults.n > 0) {
        IrNode *t = ir_node_new(L->m, IR_TUPLE, pos);
        if (lower_items(L, &a->defaults, t) < 0)
            return -1;
        args[(*nargs)++] = t;
    }
    IrNode *d = NULL;
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        const AstNode *e = a->kw_defaults.items[i];
        if (!e)
            continue;
        if (!d)
            d = ir_node_new(L->m, IR_DICT, pos);
        IrNode *v = lower_expr(L, e);
        if (!v)
            return -1;
        const char *name = lower_mangle(L, ((const Astarg *)a->kwonlyargs.items[i])->arg);
        ir_node_add(L->m, d, str_node(L, name, pos));
        ir_node_add(L->m, d, v);
    }
    if (d)
        args[(*nargs)++] = d;
    return 0;
}

/* MAKE_FUNCTION's default kids taken from .defaults and .kwdefaults. */
static void inner_defaults(Lower *L, const Astarguments *a, IrNode *make, IrPos pos)
{
    IrVar *defaults = ir_var_find(L->fn, ".defaults");
    for (int i = 0; i < a->defaults.n; i++)
        ir_node_add(L->m, make, lower_helper(L, IR_HELPER_TUPLE_ITEM, pos,
                                             lower_load(L, defaults, pos), int_node(L, i, pos)));
    IrVar *kwdefaults = ir_var_find(L->fn, ".kwdefaults");
    const char **names = ir_alloc(L->m, sizeof *names * (a->kwonlyargs.n + 1));
    int n = 0;
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        if (!a->kw_defaults.items[i])
            continue;
        names[n] = lower_mangle(L, ((const Astarg *)a->kwonlyargs.items[i])->arg);
        ir_node_add(L->m, make, ir_node(L->m, IR_SUBSCR, pos, 2, lower_load(L, kwdefaults, pos),
                                        str_node(L, names[n], pos)));
        n++;
    }
    if (n > 0)
        make->cidx = lower_names_const(L, names, n);
}

/* The hidden function's body: the parameters, then the def itself. */
static int generic_function_body(Lower *G, Lower *L, const AstFunctionDef *s)
{
    const Astarguments *a = (const Astarguments *)s->args;
    IrVar *params = lower_type_params(G, L, &s->type_params);
    if (!params)
        return -1;
    IrNode *make = ir_node_new(G->m, IR_MAKE_FUNCTION, s->hdr.pos);
    inner_defaults(G, a, make, s->hdr.pos);
    if (lower_annotations(G, a, s->returns, make) < 0)
        return -1;
    if (!(make->func = lower_function_body(G, s, visible_qualname(L, s->name))))
        return -1;
    IrNode *set = lower_helper(G, IR_HELPER_SET_TYPE_PARAMS, s->hdr.pos, make,
                               lower_take(G, params, s->hdr.pos));
    ir_node_add(G->m, G->fn->body, ir_node(G->m, IR_RETURN, s->hdr.pos, 1, set));
    return 0;
}

int lower_generic_function_def(Lower *L, const AstFunctionDef *s, IrNode *block)
{
    const AstScope *scope = s->hdr.scope->parent;   /* the type parameters' */
    IrNode **decos = lower_decorators(L, &s->decorator_list, block);
    IrNode *args[2];
    int nargs = 0;
    if (!decos || outer_defaults(L, (const Astarguments *)s->args, s->hdr.pos, args, &nargs) < 0)
        return -1;
    IrPos pos = s->hdr.pos;   /* co_firstlineno: the first decorator's line */
    if (s->decorator_list.n > 0)
        pos.line = s->decorator_list.items[0]->pos.line;
    IrPos start = {pos.line, 0, pos.line, 0};
    Lower G = enter_hidden(L, scope, generic_name(L, s->name), start,
                           (const Astarguments *)s->args);
    int rc = generic_function_body(&G, L, s);
    if (lower_function_leave(L, &G, rc) < 0)
        return -1;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, s->hdr.pos);
    make->func = G.fn;
    IrNode *value = call_hidden(L, make, s->hdr.pos, args, nargs);
    value = lower_apply_decorators(L, decos, s->decorator_list.n, value, block);
    return bind(L, s->name, value, s->hdr.pos, block);
}

/* ---- type A[T] = value ------------------------------------------------ */

/* typealias(('A', params or None, <A>)) in L (the hidden scope of the
 * parameters, or the statement's own scope without parameters). */
static IrNode *alias_object(Lower *L, Lower *outer, const AstTypeAlias *s, IrVar *params)
{
    const char *name = ((const AstName *)s->name)->id;
    IrPos pos = s->hdr.pos;
    IrNode *value = lazy_function(L, outer, s->hdr.scope, name, s->value, pos);
    if (!value)
        return NULL;
    IrNode *p = params ? lower_take(L, params, pos) : lower_const_node(L, Py_None, pos);
    return lower_helper(L, IR_HELPER_TYPEALIAS, pos, str_node(L, name, pos), p, value);
}

int lower_type_alias(Lower *L, const AstTypeAlias *s, IrNode *block)
{
    const char *name = ((const AstName *)s->name)->id;
    IrPos pos = s->hdr.pos;
    if (s->type_params.n == 0) {
        IrNode *alias = alias_object(L, L, s, NULL);
        return alias ? bind(L, name, alias, pos, block) : -1;
    }
    const AstScope *scope = s->hdr.scope->parent;
    IrPos start = {pos.line, 0, pos.line, 0};
    Lower G = enter_hidden(L, scope, generic_name(L, name), start, NULL);
    IrVar *params = lower_type_params(&G, L, &s->type_params);
    IrNode *alias = params ? alias_object(&G, L, s, params) : NULL;
    if (alias)
        ir_node_add(G.m, G.fn->body, ir_node(G.m, IR_RETURN, pos, 1, alias));
    if (lower_function_leave(L, &G, alias ? 0 : -1) < 0)
        return -1;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, pos);
    make->func = G.fn;
    return bind(L, name, call_hidden(L, make, pos, NULL, 0), pos, block);
}

/* ---- class C[T]: ... ---------------------------------------------------- */

/* The hidden function's body: the parameters, .type_params (a cell the
 * class body reads), .generic_base, then the class itself. */
static int generic_class_body(Lower *G, Lower *L, const AstClassDef *s)
{
    IrPos pos = s->hdr.pos;
    IrVar *params = lower_type_params(G, L, &s->type_params);
    IrVar *cell = params ? lower_var(G, ".type_params", pos) : NULL;
    IrVar *base = cell ? lower_var(G, ".generic_base", pos) : NULL;
    if (!base)
        return -1;
    lower_add_assign(G, G->fn->body, cell, lower_take(G, params, pos), pos);
    lower_add_assign(G, G->fn->body, base, lower_helper(G, IR_HELPER_SUBSCRIPT_GENERIC, pos,
                                                       lower_load(G, cell, pos)), pos);
    IrNode *cls = lower_build_class(G, s, visible_qualname(L, s->name), base);
    if (!cls)
        return -1;
    ir_node_add(G->m, G->fn->body, ir_node(G->m, IR_RETURN, pos, 1, cls));
    return 0;
}

int lower_generic_class_def(Lower *L, const AstClassDef *s, IrNode *block)
{
    const AstScope *scope = s->hdr.scope->parent;   /* the type parameters' */
    IrNode **decos = lower_decorators(L, &s->decorator_list, block);
    if (!decos)
        return -1;
    IrPos pos = s->hdr.pos;   /* co_firstlineno: the first decorator's line */
    if (s->decorator_list.n > 0)
        pos.line = s->decorator_list.items[0]->pos.line;
    IrPos start = {pos.line, 0, pos.line, 0};
    Lower G = enter_hidden(L, scope, generic_name(L, s->name), start, NULL);
    G.private_name = s->name;   /* symtable.c mangles in this scope already */
    int rc = generic_class_body(&G, L, s);
    if (lower_function_leave(L, &G, rc) < 0)
        return -1;
    IrNode *make = ir_node_new(L->m, IR_MAKE_FUNCTION, s->hdr.pos);
    make->func = G.fn;
    IrNode *value = call_hidden(L, make, s->hdr.pos, NULL, 0);
    value = lower_apply_decorators(L, decos, s->decorator_list.n, value, block);
    return bind(L, s->name, value, s->hdr.pos, block);
}
