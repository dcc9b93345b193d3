/* symtab.c — CPython's symbol table (the target's `_symtable` module, the very
 * analysis the interpreter's compiler uses) as AstScope trees, attached to
 * the AST nodes that open them.
 *
 * A symtable entry does not point back to its AST node, so scopes are matched
 * to nodes by their key, (symtable name, line): a FunctionDef or ClassDef is
 * keyed by its name and `def`/`class` line, a Lambda by "lambda", the
 * comprehensions by "listcomp", "setcomp", "dictcomp", "genexpr" (3.11's
 * names) and the line where the expression starts.  Several scopes can share
 * a key (two lambdas on one line); they are told apart by order, so the walk
 * below visits the AST in the order CPython's symtable.c visits it — which
 * differs from field order where parts of a construct are evaluated in the
 * enclosing scope (defaults, decorators, a comprehension's first iterable)
 * or where symtable.c visits fields out of order (try's else before its
 * handlers, a dict comprehension's value before its key).
 */
#include "pyc2c/compiler/front.h"
#include "front_int.h"
#include <string.h>

/* ---- converting the entries --------------------------------------------- */

/* The symtable module's constants, read by name so that a different bit
 * layout in another Python version is translated, not misread. */
typedef struct {
    long scope_off, scope_mask;
    long type_class, type_module;
    long def_bits[10];           /* the module's bit for each of ours */
    long scopes[6];              /* the module's value for AST_SYM_* */
} SymConsts;

static const char *const def_names[10] = {
    "DEF_GLOBAL", "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE", "DEF_FREE",
    "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "DEF_COMP_ITER"
};
static const char *const scope_names[6] = {
    NULL, "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"
};

static int const_long(PyObject *consts, const char *name, long *out)
{
    PyObject *v = PyDict_GetItemString(consts, name);
    if (!v)
        return PyErr_Format(PyExc_KeyError, "symtable constant %s missing", name), -1;
    *out = PyLong_AsLong(v);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* From the helper's dict of the target's _symtable constants. */
static int read_consts(PyObject *consts, SymConsts *k)
{
    if (!PyDict_Check(consts) ||
        const_long(consts, "SCOPE_OFF", &k->scope_off) < 0 ||
        const_long(consts, "SCOPE_MASK", &k->scope_mask) < 0 ||
        const_long(consts, "TYPE_CLASS", &k->type_class) < 0 ||
        const_long(consts, "TYPE_MODULE", &k->type_module) < 0)
        return -1;
    for (int i = 0; i < 10; i++)
        if (const_long(consts, def_names[i], &k->def_bits[i]) < 0)
            return -1;
    k->scopes[0] = -1;
    for (int i = 1; i < 6; i++)
        if (const_long(consts, scope_names[i], &k->scopes[i]) < 0)
            return -1;
    return 0;
}

/* A symbol's value in the entry's dict: DEF_* bits, and the resolved scope
 * above SCOPE_OFF. */
static void decode_symbol(const SymConsts *k, long v, AstSymbol *sym)
{
    sym->flags = 0;
    for (int i = 0; i < 10; i++)
        if (v & k->def_bits[i])
            sym->flags |= 1 << i;       /* AST_DEF_GLOBAL << i */
    long scope = (v >> k->scope_off) & k->scope_mask;
    sym->scope = 0;
    for (int i = 1; i < 6; i++)
        if (scope == k->scopes[i])
            sym->scope = (AstSymScope)i;
}

static int convert_symbols(AstArena *a, const SymConsts *k, PyObject *dict, AstScope *s)
{
    Py_ssize_t pos = 0;
    PyObject *name, *value;
    s->nsymbols = (int)PyDict_GET_SIZE(dict);
    s->symbols = ast_alloc(a, (s->nsymbols + 1) * sizeof *s->symbols);
    for (int i = 0; PyDict_Next(dict, &pos, &name, &value); i++) {
        const char *utf8 = PyUnicode_AsUTF8(name);
        long v = PyLong_AsLong(value);
        if (!utf8 || (v == -1 && PyErr_Occurred()))
            return -1;
        s->symbols[i].name = ir_arena_strdup(a->mem, utf8);
        decode_symbol(k, v, &s->symbols[i]);
    }
    return 0;
}

/* The AstScope of one symtable entry, (name, type, lineno, symbols,
 * children) as parse_helper.py sends it, and, recursively, its children. */
static AstScope *convert_entry(AstArena *a, const SymConsts *k, PyObject *ste,
                               AstScope *parent)
{
    AstScope *s = ast_alloc(a, sizeof *s);
    s->parent = parent;
    const char *name;
    long type, lineno;
    PyObject *symbols, *children;
    if (!PyArg_ParseTuple(ste, "sllO!O!", &name, &type, &lineno, &PyDict_Type, &symbols,
                          &PyList_Type, &children))
        return NULL;
    s->name = ir_arena_strdup(a->mem, name);
    s->type = type == k->type_module ? AST_SCOPE_MODULE
            : type == k->type_class ? AST_SCOPE_CLASS : AST_SCOPE_FUNCTION;
    s->lineno = (int)lineno;
    if (convert_symbols(a, k, symbols, s) < 0)
        return NULL;
    s->nchildren = (int)PyList_GET_SIZE(children);
    s->children = ast_alloc(a, (s->nchildren + 1) * sizeof *s->children);
    for (int i = 0; i < s->nchildren; i++)
        if (!(s->children[i] = convert_entry(a, k, PyList_GET_ITEM(children, i), s)))
            return NULL;
    return s;
}

const AstSymbol *ast_scope_lookup(const AstScope *s, const char *name)
{
    for (int i = 0; s && i < s->nsymbols; i++)
        if (strcmp(s->symbols[i].name, name) == 0)
            return &s->symbols[i];
    return NULL;
}

/* ---- attaching scopes to nodes ------------------------------------------ */

/* The scope whose children are being matched; a child is used once. */
typedef struct {
    AstArena *arena;
    AstScope *scope;          /* NULL inside a scope that found no match */
    unsigned char *used;      /* per child */
    int cursor;               /* where the next match most likely is */
    int in_annotation;        /* annotations may live in "_annotation" scopes */
    int failed_line;          /* first node without its scope, else 0 */
} Matcher;

static void walk(Matcher *m, AstNode *n);

static void walk_seq(Matcher *m, AstSeq seq)
{
    for (int i = 0; i < seq.n; i++)
        walk(m, seq.items[i]);
}

static void walk_annotation(Matcher *m, AstNode *n)
{
    int saved = m->in_annotation;
    m->in_annotation = 1;
    walk(m, n);
    m->in_annotation = saved;
}

/* The unused child of m's scope keyed (name, line), searched from the
 * cursor on: the walk meets scopes in the symtable's order. */
static AstScope *take_child(Matcher *m, const char *name, int line)
{
    AstScope *s = m->scope;
    for (int j = 0; s && j < s->nchildren; j++) {
        int i = (m->cursor + j) % s->nchildren;
        AstScope *c = s->children[i];
        if (!m->used[i] && c->lineno == line && strcmp(c->name, name) == 0) {
            m->used[i] = 1;
            m->cursor = i + 1;
            return c;
        }
    }
    return NULL;
}

static Matcher matcher(AstArena *a, AstScope *s, int in_annotation)
{
    Matcher m = {a, s, NULL, 0, in_annotation, 0};
    if (s && s->nchildren)
        m.used = ast_alloc(a, s->nchildren);
    return m;
}

/* Every child scope must have met its node, except the "_annotation"
 * scopes of `from __future__ import annotations`, which no node opens. */
static void finish(Matcher *m)
{
    for (int i = 0; m->scope && !m->failed_line && i < m->scope->nchildren; i++)
        if (!m->used[i] && strcmp(m->scope->children[i]->name, "_annotation") != 0)
            m->failed_line = m->scope->children[i]->lineno;
}

/* How a node that opens a scope is walked once its scope is entered. */
typedef void (*InnerFn)(Matcher *inner, AstNode *n);

/* Enters the scope of n (keyed `key`; shown as `shown` if not NULL), walks
 * its inside with `inner`. */
static void open_scope(Matcher *m, AstNode *n, const char *key, const char *shown,
                       InnerFn inner)
{
    AstScope *s = take_child(m, key, n->pos.line);
    if (s) {
        s->node = n;
        n->scope = s;
        if (shown)
            s->name = shown;
    } else if (!m->in_annotation && !m->failed_line) {
        m->failed_line = n->pos.line;
    }
    Matcher sub = matcher(m->arena, s, m->in_annotation);
    inner(&sub, n);
    finish(&sub);
    if (sub.failed_line && !m->failed_line)
        m->failed_line = sub.failed_line;
}

static void function_inside(Matcher *m, AstNode *n)
{
    walk_seq(m, ((AstFunctionDef *)n)->body);
}

static void class_inside(Matcher *m, AstNode *n)
{
    walk_seq(m, ((AstClassDef *)n)->body);
}

static void lambda_inside(Matcher *m, AstNode *n)
{
    walk(m, ((AstLambda *)n)->body);
}

static void arg_annotations(Matcher *m, AstSeq args)
{
    for (int i = 0; i < args.n; i++)
        walk_annotation(m, ((Astarg *)args.items[i])->annotation);
}

/* A def's annotations, in the order symtable.c visits them. */
static void walk_signature_annotations(Matcher *m, AstFunctionDef *f)
{
    Astarguments *a = (Astarguments *)f->args;
    arg_annotations(m, a->posonlyargs);
    arg_annotations(m, a->args);
    if (a->vararg)
        walk_annotation(m, ((Astarg *)a->vararg)->annotation);
    if (a->kwarg)
        walk_annotation(m, ((Astarg *)a->kwarg)->annotation);
    arg_annotations(m, a->kwonlyargs);
    walk_annotation(m, f->returns);
}

static void bound_inside(Matcher *m, AstNode *n)
{
    walk(m, ((AstTypeVar *)n)->bound);
}

/* 3.12's type parameters: a TypeVar's bound (or constraints tuple) has a
 * scope of its own, keyed by the parameter's name and line. */
static void walk_type_params(Matcher *m, AstSeq params)
{
    for (int i = 0; i < params.n; i++) {
        AstNode *p = params.items[i];
        if (p->kind == AST_TypeVar && ((AstTypeVar *)p)->bound)
            open_scope(m, p, ((AstTypeVar *)p)->name, NULL, bound_inside);
    }
}

/* Inside the type parameters' scope of a generic def: the parameters,
 * the annotations, then the function's own scope. */
static void generic_function_inside(Matcher *m, AstNode *n)
{
    AstFunctionDef *f = (AstFunctionDef *)n;
    walk_type_params(m, f->type_params);
    walk_signature_annotations(m, f);
    open_scope(m, n, f->name, NULL, function_inside);
}

static void generic_class_inside(Matcher *m, AstNode *n)
{
    AstClassDef *c = (AstClassDef *)n;
    walk_type_params(m, c->type_params);
    walk_seq(m, c->bases);
    walk_seq(m, c->keywords);
    open_scope(m, n, c->name, NULL, class_inside);
}

static void alias_value_inside(Matcher *m, AstNode *n)
{
    walk(m, ((AstTypeAlias *)n)->value);
}

static void generic_alias_inside(Matcher *m, AstNode *n)
{
    AstTypeAlias *t = (AstTypeAlias *)n;
    walk_type_params(m, t->type_params);
    open_scope(m, n, ((AstName *)t->name)->id, NULL, alias_value_inside);
}

/* def: defaults, keyword defaults, annotations and decorators belong to
 * the enclosing scope and come first (AsyncFunctionDef has the same layout). */
static void walk_function(Matcher *m, AstNode *n)
{
    AstFunctionDef *f = (AstFunctionDef *)n;
    Astarguments *a = (Astarguments *)f->args;
    walk_seq(m, a->defaults);
    walk_seq(m, a->kw_defaults);
    if (f->type_params.n > 0) {
        walk_seq(m, f->decorator_list);
        open_scope(m, n, f->name, NULL, generic_function_inside);
        return;
    }
    walk_signature_annotations(m, f);
    walk_seq(m, f->decorator_list);
    open_scope(m, n, f->name, NULL, function_inside);
}

/* class: with type parameters (3.12), the decorators are the enclosing
 * scope's and the bases and keywords the type parameters' scope's
 * (symtable.c's ClassDef case); without, bases, keywords, decorators. */
static void walk_class(Matcher *m, AstNode *n)
{
    AstClassDef *c = (AstClassDef *)n;
    if (c->type_params.n > 0) {
        walk_seq(m, c->decorator_list);
        open_scope(m, n, c->name, NULL, generic_class_inside);
        return;
    }
    walk_seq(m, c->bases);
    walk_seq(m, c->keywords);
    walk_seq(m, c->decorator_list);
    open_scope(m, n, c->name, NULL, class_inside);
}

/* type X[T] = value: the name is bound where the statement is; the value
 * has a scope of its own (keyed by the alias's name and line), inside the
 * type parameters' scope when there are parameters. */
static void walk_type_alias(Matcher *m, AstNode *n)
{
    AstTypeAlias *t = (AstTypeAlias *)n;
    walk(m, t->name);
    const char *name = ((AstName *)t->name)->id;
    open_scope(m, n, name, NULL, t->type_params.n > 0 ? generic_alias_inside
                                                       : alias_value_inside);
}

static void walk_lambda(Matcher *m, AstNode *n)
{
    Astarguments *a = (Astarguments *)((AstLambda *)n)->args;
    walk_seq(m, a->defaults);
    walk_seq(m, a->kw_defaults);
    open_scope(m, n, "lambda", "<lambda>", lambda_inside);
}

/* A comprehension's inside: the first target and conditions, the other
 * generators, then the value (dict comprehensions) and the element. */
static void comprehension_inside(Matcher *m, AstNode *n)
{
    AstSeq gens;
    AstNode *elt, *value = NULL;
    if (n->kind == AST_DictComp) {
        AstDictComp *d = (AstDictComp *)n;
        gens = d->generators, elt = d->key, value = d->value;
    } else {
        AstListComp *l = (AstListComp *)n;   /* SetComp, GeneratorExp alike */
        gens = l->generators, elt = l->elt;
    }
    for (int i = 0; i < gens.n; i++) {
        Astcomprehension *g = (Astcomprehension *)gens.items[i];
        walk(m, g->target);
        if (i > 0)
            walk(m, g->iter);
        walk_seq(m, g->ifs);
    }
    walk(m, value);
    walk(m, elt);
}

/* The first iterable is evaluated in the enclosing scope, before the
 * comprehension's own scope is entered.  From 3.12 on (PEP 709) list, set
 * and dict comprehensions are inlined: they open no scope of their own. */
static void walk_comprehension(Matcher *m, AstNode *n, const char *key, const char *shown)
{
    AstSeq gens = n->kind == AST_DictComp ? ((AstDictComp *)n)->generators
                                          : ((AstListComp *)n)->generators;
    if (gens.n > 0)
        walk(m, ((Astcomprehension *)gens.items[0])->iter);
    if (n->kind != AST_GeneratorExp && front_python_version() >= 0x030c0000) {
        comprehension_inside(m, n);
        /* inlined into a generator expression, its `async for` is that
         * generator's own: an asynchronous generator (an async def's
         * scope is a coroutine already; any other scope is CPython's
         * SyntaxError, which lowering reports) */
        for (int i = 0; m->scope && i < gens.n; i++)
            if (((Astcomprehension *)gens.items[i])->is_async
                && m->scope->node && m->scope->node->kind == AST_GeneratorExp)
                m->scope->is_coroutine = 1;
        return;
    }
    open_scope(m, n, key, shown, comprehension_inside);
    AstScope *s = n->scope;
    for (int i = 0; s && i < gens.n; i++)
        if (((Astcomprehension *)gens.items[i])->is_async)
            s->is_coroutine = 1;
    /* symtable_handle_comprehension: an asynchronous list, set or dict
     * comprehension is awaited where it is, which makes that code a
     * coroutine too */
    if (s && s->is_coroutine && n->kind != AST_GeneratorExp && m->scope)
        m->scope->is_coroutine = 1;
}

/* Every other node: its node and list fields in field order. */
static void walk_fields(Matcher *m, AstNode *n)
{
    const AstKindInfo *info = &ast_kind_info[n->kind];
    for (int i = 0; i < info->nfields; i++) {
        void *slot = (char *)n + info->fields[i].offset;
        if (info->fields[i].type == AST_T_NODE)
            walk(m, *(AstNode **)slot);
        else if (info->fields[i].type == AST_T_LIST)
            walk_seq(m, *(AstSeq *)slot);
    }
}

static void walk(Matcher *m, AstNode *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case AST_FunctionDef: case AST_AsyncFunctionDef: walk_function(m, n); break;
    case AST_ClassDef:     walk_class(m, n); break;
    case AST_TypeAlias:    walk_type_alias(m, n); break;
    case AST_Lambda:       walk_lambda(m, n); break;
    case AST_ListComp:     walk_comprehension(m, n, "listcomp", "<listcomp>"); break;
    case AST_SetComp:      walk_comprehension(m, n, "setcomp", "<setcomp>"); break;
    case AST_DictComp:     walk_comprehension(m, n, "dictcomp", "<dictcomp>"); break;
    case AST_GeneratorExp: walk_comprehension(m, n, "genexpr", "<genexpr>"); break;
    case AST_Try: case AST_TryStar: {
        AstTry *t = (AstTry *)n;     /* TryStar has the same layout */
        walk_seq(m, t->body);
        walk_seq(m, t->orelse);
        walk_seq(m, t->handlers);
        walk_seq(m, t->finalbody);
        break;
    }
    case AST_NamedExpr:
        walk(m, ((AstNamedExpr *)n)->value);
        walk(m, ((AstNamedExpr *)n)->target);
        break;
    case AST_Yield: case AST_YieldFrom:
        if (m->scope)   /* the scope whose code the walk is in */
            m->scope->is_generator = 1;
        walk_fields(m, n);
        break;
    case AST_Await:
        if (m->scope)
            m->scope->is_coroutine = 1;
        walk_fields(m, n);
        break;
    case AST_AnnAssign:
        walk(m, ((AstAnnAssign *)n)->target);
        walk_annotation(m, ((AstAnnAssign *)n)->annotation);
        walk(m, ((AstAnnAssign *)n)->value);
        break;
    default:
        walk_fields(m, n);
        break;
    }
}

/* 0, or -1 with a SystemError naming the line of a scope left unmatched. */
static int attach(AstUnit *u)
{
    AstScope *top = u->top;
    top->node = u->module;
    u->module->scope = top;
    Matcher m = matcher(u->arena, top, 0);
    walk_seq(&m, ((AstModule *)u->module)->body);
    finish(&m);
    if (m.failed_line) {
        PyErr_Format(PyExc_SystemError, "no symbol table scope matches line %d",
                     m.failed_line);
        return -1;
    }
    return 0;
}

static SymConsts consts;

int front_symtab_init(PyObject *table)
{
    return read_consts(table, &consts);
}

int front_symtab(AstUnit *u, PyObject *top)
{
    u->top = convert_entry(u->arena, &consts, top, NULL);
    return u->top ? attach(u) : -1;
}
