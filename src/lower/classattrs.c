/* classattrs.c — what 3.13's compiler adds to every class namespace:
 * __firstlineno__ (the line of the class statement, or of its first
 * decorator) after __qualname__, and __static_attributes__ after the body,
 * before __classcell__:
 *
 *   class C:                      classbody C():
 *       def __init__(self):           __module__ = __name__
 *           self.b = 1                __qualname__ = 'C'
 *           self.a += 1               __firstlineno__ = 1
 *                                     __init__ = make_function(C.__init__)
 *                                     __static_attributes__ = ('b',)
 *
 * __static_attributes__ is the sorted tuple of the names X of the
 * attribute stores `self.X = ...` (the name `self` as written, whatever
 * the function's first parameter is) whose code belongs to a unit (function,
 * lambda, generator expression, class body) whose innermost enclosing class
 * unit, the unit itself excluded, is C's body.  Stores the compiler emits
 * through its expression visitor count: assignment, for, with and
 * comprehension targets, unpacking, annotated assignment with a value;
 * augmented assignment (its own load/store pair), annotated assignment
 * without a value and del do not.  Names are not mangled.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"

/* Where the walk is, seen from class C: in C's own body (stores there
 * belong to C's enclosing class), in a unit whose innermost enclosing class
 * is C (MINE), or in the body of a class nested in such a unit (its stores
 * are C's, its own units' are not). */
enum { IN_CLASS_BODY, MINE, NESTED_CLASS_BODY };

static int walk(const AstNode *n, int where, PyObject *names);

static int walk_seq(const AstSeq *s, int where, PyObject *names)
{
    for (int i = 0; i < s->n; i++)
        if (walk(s->items[i], where, names) < 0)
            return -1;
    return 0;
}

/* The state of a unit opened from `where`: -1 when its stores are not C's. */
static int enter_function(int where)
{
    return where == NESTED_CLASS_BODY ? -1 : MINE;
}

static int enter_class(int where)
{
    return where == NESTED_CLASS_BODY ? -1 : NESTED_CLASS_BODY;
}

static int is_self_store(const AstNode *n)
{
    if (n->kind != AST_Attribute)
        return 0;
    const AstAttribute *a = (const AstAttribute *)n;
    return a->ctx == AST_Store && a->value && a->value->kind == AST_Name &&
           strcmp(((const AstName *)a->value)->id, "self") == 0;
}

static int add_name(PyObject *names, const char *attr)
{
    PyObject *u = PyUnicode_FromString(attr);
    int rc = u ? PySet_Add(names, u) : -1;
    Py_XDECREF(u);
    return rc;
}

/* Every field of n, in the same unit. */
static int walk_fields(const AstNode *n, int where, PyObject *names)
{
    const AstKindInfo *k = &ast_kind_info[n->kind];
    for (int i = 0; i < k->nfields; i++) {
        const char *p = (const char *)n + k->fields[i].offset;
        if (k->fields[i].type == AST_T_NODE) {
            if (walk(*(AstNode *const *)p, where, names) < 0)
                return -1;
        } else if (k->fields[i].type == AST_T_LIST) {
            if (walk_seq((const AstSeq *)p, where, names) < 0)
                return -1;
        }
    }
    return 0;
}

/* A comprehension's first iterable is evaluated outside it; 3.13 inlines
 * list, set and dict comprehensions (no unit of their own). */
static int walk_genexp(const AstGeneratorExp *g, int where, PyObject *names)
{
    int inner = enter_function(where);
    for (int i = 0; i < g->generators.n; i++) {
        const Astcomprehension *c = (const Astcomprehension *)g->generators.items[i];
        if (walk(c->iter, i == 0 ? where : inner, names) < 0)
            return -1;
        if (inner >= 0 && (walk(c->target, inner, names) < 0 ||
                           walk_seq(&c->ifs, inner, names) < 0))
            return -1;
    }
    return inner >= 0 ? walk(g->elt, inner, names) : 0;
}

static int walk(const AstNode *n, int where, PyObject *names)
{
    if (!n)
        return 0;
    switch (n->kind) {
    case AST_FunctionDef:
    case AST_AsyncFunctionDef: {
        const AstFunctionDef *f = (const AstFunctionDef *)n;   /* same layout */
        if (walk_seq(&f->decorator_list, where, names) < 0 || walk(f->args, where, names) < 0 ||
            walk(f->returns, where, names) < 0)
            return -1;
        int inner = enter_function(where);
        return inner < 0 ? 0 : walk_seq(&f->body, inner, names);
    }
    case AST_Lambda: {
        const AstLambda *l = (const AstLambda *)n;
        if (walk(l->args, where, names) < 0)
            return -1;
        int inner = enter_function(where);
        return inner < 0 ? 0 : walk(l->body, inner, names);
    }
    case AST_GeneratorExp:
        return walk_genexp((const AstGeneratorExp *)n, where, names);
    case AST_ClassDef: {
        const AstClassDef *c = (const AstClassDef *)n;
        if (walk_seq(&c->decorator_list, where, names) < 0 ||
            walk_seq(&c->bases, where, names) < 0 || walk_seq(&c->keywords, where, names) < 0)
            return -1;
        int inner = enter_class(where);
        return inner < 0 ? 0 : walk_seq(&c->body, inner, names);
    }
    case AST_AugAssign:   /* the target is loaded and stored by its own code */
        return walk(((const AstAugAssign *)n)->value, where, names);
    case AST_AnnAssign: {
        const AstAnnAssign *a = (const AstAnnAssign *)n;
        if (a->value)
            return walk_fields(n, where, names);
        /* no store: only the target's parts are evaluated */
        if (walk(a->annotation, where, names) < 0)
            return -1;
        return walk_fields(a->target, where, names);
    }
    default:
        if (where != IN_CLASS_BODY && is_self_store(n) &&
            add_name(names, ((const AstAttribute *)n)->attr) < 0)
            return -1;
        return walk_fields(n, where, names);
    }
}

/* The sorted tuple of C's static attributes (new), or NULL with a Python
 * error. */
static PyObject *static_attributes(const AstClassDef *s)
{
    PyObject *names = PySet_New(NULL);
    if (!names || walk_seq(&s->body, IN_CLASS_BODY, names) < 0) {
        Py_XDECREF(names);
        return NULL;
    }
    PyObject *list = PySequence_List(names);
    Py_DECREF(names);
    if (!list || PyList_Sort(list) < 0) {
        Py_XDECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

int lower_class_has_static_attributes(void)
{
    return front_python_version() >= 0x030d0000;
}

IrNode *lower_class_static_attributes(Lower *L, const AstClassDef *s, IrPos pos)
{
    PyObject *t = static_attributes(s);
    if (!t) {
        PyErr_Print();
        P2C_UNREACHABLE();
    }
    IrNode *n = lower_const_node(L, t, pos);
    Py_DECREF(t);
    return n;
}
