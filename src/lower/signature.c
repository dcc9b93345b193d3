/* signature.c — the parts of MAKE_FUNCTION beyond positional defaults:
 * keyword-only defaults and annotations, evaluated when the def runs.
 *
 *   def f(a: int, *, k=g(), j: str = "s") -> bool:
 *
 *   f = make_function(f, defaults=(),
 *                     kwdefaults={'k': g(), 'j': 's'},
 *                     annotations={'a': int, 'j': str, 'return': bool})
 *
 * MAKE_FUNCTION's kids are the positional defaults, then the values of the
 * keyword-only defaults (their names a str tuple in node->cidx, -1 when
 * none; kw-only parameters without a default are left out), then the
 * annotation values (names in node->cidx2).  CPython 3.11's order
 * (compile.c: compiler_default_arguments, compiler_visit_annotations):
 * positional defaults; kw-only defaults in parameter order; annotations of
 * `args`, then `posonlyargs` (sic), *args, kw-only, **kwargs, "return".
 * Names are mangled as inside their class.  Under `from __future__ import
 * annotations` each annotation is the constant string CPython's compiler
 * makes of it (lower_annotation).
 *
 * A starred annotation (PEP 646, 3.11+) is what CPython 3.11-3.13 make of
 * it: the value unpacked as a one-item sequence, the error reported at the
 * def statement (UNPACK_SEQUENCE 1 there):
 *
 *   def f(*args: *Ts):     annotations={'args': unpack_one(Ts)}
 *
 * and under `from __future__ import annotations` the string '*Ts'.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

/* A str tuple constant of the n names (keyword names of MAKE_FUNCTION's
 * kwdefaults, annotations' names). */
int lower_names_const(Lower *L, const char **names, int n)
{
    PyObject *t = PyTuple_New(n);
    for (int i = 0; t && i < n; i++) {
        PyObject *s = PyUnicode_FromString(names[i]);
        if (!s)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, i, s);
    }
    if (!t) {
        PyErr_Print();
        P2C_UNREACHABLE();
    }
    int cidx = lower_const(L, t);
    Py_DECREF(t);
    return cidx;
}

int lower_kwdefaults(Lower *L, const Astarguments *a, IrNode *make)
{
    const char **names = ir_alloc(L->m, sizeof *names * (a->kwonlyargs.n + 1));
    int n = 0;
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        const AstNode *d = a->kw_defaults.items[i];
        if (!d)
            continue;
        IrNode *v = lower_expr(L, d);
        if (!v)
            return -1;
        ir_node_add(L->m, make, v);
        names[n++] = lower_mangle(L, ((const Astarg *)a->kwonlyargs.items[i])->arg);
    }
    if (n > 0)
        make->cidx = lower_names_const(L, names, n);
    return 0;
}

/* Whether the module says `from __future__ import annotations`. */
static int future_annotations(Lower *L)
{
    const AstSeq *body = &((const AstModule *)L->u->module)->body;
    for (int i = 0; i < body->n; i++) {
        const AstNode *s = body->items[i];
        if (s->kind != AST_ImportFrom)
            continue;
        const AstImportFrom *f = (const AstImportFrom *)s;
        if (!f->module || strcmp(f->module, "__future__") != 0)
            continue;
        for (int j = 0; j < f->names.n; j++)
            if (strcmp(((const Astalias *)f->names.items[j])->name, "annotations") == 0)
                return 1;
    }
    return 0;
}

/* The source text of n's span (UTF-8 byte columns), arena memory; NULL if
 * the span is not in the source. */
static char *source_segment(Lower *L, const AstNode *n)
{
    const char *p = L->u->source;
    for (int line = 1; p && line < n->pos.line; line++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    if (!p || n->pos.col < 0 || n->pos.end_col < 0)
        return NULL;
    const char *start = p + n->pos.col, *end = p;
    for (int line = n->pos.line; end && line < n->pos.end_line; line++) {
        end = strchr(end, '\n');
        end = end ? end + 1 : NULL;
    }
    if (!end || (end += n->pos.end_col) < start)
        return NULL;
    size_t len = (size_t)(end - start);
    char *seg = ir_alloc(L->m, len + 1);
    memcpy(seg, start, len);
    return seg;
}

/* The string CPython's compiler makes of an annotation under `from
 * __future__ import annotations` (its AST unparser): obtained from the
 * embedded interpreter compiling the annotation's text in that mode, so it
 * is CPython's own output.  A starred annotation is compiled where it can
 * stand, as the annotation of *args (its value is unparsed at another
 * precedence than a return annotation's: `*(a if b else c)` keeps its
 * parentheses).  New reference, or NULL. */
static PyObject *postponed_string(Lower *L, const AstNode *ann)
{
    char *seg = source_segment(L, ann);
    if (!seg)
        return NULL;
    bool starred = ann->kind == AST_Starred;
    const char *head = starred ? "from __future__ import annotations\ndef f(*a:\n"
                               : "from __future__ import annotations\ndef f() -> (\n";
    const char *tail = starred ? "\n): pass\nr = f.__annotations__['a']\n"
                               : "\n): pass\nr = f.__annotations__['return']\n";
    size_t n = strlen(head) + strlen(seg) + strlen(tail) + 1;
    char *code = ir_alloc(L->m, n);
    snprintf(code, n, "%s%s%s", head, seg, tail);
    PyObject *ns = PyDict_New();
    PyObject *r = ns ? PyRun_String(code, Py_file_input, ns, ns) : NULL;
    PyObject *str = r ? PyDict_GetItemString(ns, "r") : NULL;
    if (str && PyUnicode_CheckExact(str))
        Py_INCREF(str);
    else
        str = NULL;
    PyErr_Clear();
    Py_XDECREF(r);
    Py_XDECREF(ns);
    return str;
}

int lower_postponed_annotations(Lower *L)
{
    return future_annotations(L);
}

/* `*args: *Ts`'s value: Ts unpacked as a one-item sequence, any error of
 * the unpacking reported at the def statement (where CPython's
 * UNPACK_SEQUENCE 1 is), an error of Ts itself at Ts. */
static IrNode *starred_annotation(Lower *L, const AstStarred *ann, IrPos def_pos)
{
    IrNode *value = lower_expr(L, ann->value);
    if (!value)
        return NULL;
    return lower_helper(L, IR_HELPER_UNPACK_ONE, def_pos, value);
}

IrNode *lower_annotation(Lower *L, const AstNode *annotation, IrPos def_pos)
{
    if (annotation->kind == AST_Starred && !future_annotations(L))
        return starred_annotation(L, (const AstStarred *)annotation, def_pos);
    if (!future_annotations(L))
        return lower_expr(L, annotation);
    PyObject *str = postponed_string(L, annotation);
    if (!str) {
        lower_refuse_named(L, annotation->pos.line, "annotation of this form under "
                           "'from __future__ import annotations'");
        return NULL;
    }
    IrNode *n = lower_const_node(L, str, annotation->pos);
    Py_DECREF(str);
    return n;
}

typedef struct {
    const char **names;
    int n;
} Names;

static int one_annotation(Lower *L, const char *name, const AstNode *ann,
                          IrNode *make, Names *out)
{
    if (!ann)
        return 0;
    IrNode *v = lower_annotation(L, ann, make->pos);
    if (!v)
        return -1;
    ir_node_add(L->m, make, v);
    out->names[out->n++] = lower_mangle(L, name);
    return 0;
}

static int arg_annotations(Lower *L, const AstSeq *args, IrNode *make, Names *out)
{
    for (int i = 0; i < args->n; i++) {
        const Astarg *arg = (const Astarg *)args->items[i];
        if (one_annotation(L, arg->arg, arg->annotation, make, out) < 0)
            return -1;
    }
    return 0;
}

int lower_annotations(Lower *L, const Astarguments *a, const AstNode *returns,
                      IrNode *make)
{
    int max = a->posonlyargs.n + a->args.n + a->kwonlyargs.n + 3;
    Names out = {ir_alloc(L->m, sizeof *out.names * (size_t)max), 0};
    const Astarg *va = (const Astarg *)a->vararg, *kw = (const Astarg *)a->kwarg;
    if (arg_annotations(L, &a->args, make, &out) < 0 ||
        arg_annotations(L, &a->posonlyargs, make, &out) < 0 ||
        (va && one_annotation(L, va->arg, va->annotation, make, &out) < 0) ||
        arg_annotations(L, &a->kwonlyargs, make, &out) < 0 ||
        (kw && one_annotation(L, kw->arg, kw->annotation, make, &out) < 0) ||
        one_annotation(L, "return", returns, make, &out) < 0)
        return -1;
    if (out.n > 0)
        make->cidx2 = lower_names_const(L, out.names, out.n);
    return 0;
}

int lower_signature(Lower *L, const Astarguments *a, const AstNode *returns, IrNode *make)
{
    if (lower_items(L, &a->defaults, make) < 0 || lower_kwdefaults(L, a, make) < 0)
        return -1;
    return lower_annotations(L, a, returns, make);
}
