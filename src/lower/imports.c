/* imports.c — import statements, as CPython 3.11's compiler_import and
 * compiler_from_import emit them.
 *
 *   import a.b               a = __import__('a.b', fromlist=None, level=0)
 *   import a.b.c as d        d = import_from(import_from(__import__('a.b.c', ...), 'b'), 'c')
 *   from .m import x, y as z $t1 = __import__('m', fromlist=('x', 'y'), level=1)
 *                            x = import_from($t1, 'x')
 *                            z = import_from($t1, 'y')
 *
 * `import a.b` binds the top package that __import__ returns; `as` walks
 * down with IMPORT_FROM, whose sys.modules fallback handles submodules that
 * are not (yet) attributes of their package.
 *
 *   from m import *          import_star(__import__('m', fromlist=('*',), level=0))
 *
 * IMPORT_STAR binds the module's __all__ (or public names) in the frame's
 * locals at run time; the symtable allows it in module code only.
 * Every operation carries the import statement's span.
 */
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "lowering.h"

static IrNode *import_name(Lower *L, IrPos pos, const char *name, PyObject *fromlist,
                           int level)
{
    IrNode *n = ir_node_new(L->m, IR_IMPORT_NAME, pos);
    n->cidx = lower_name_const(L, name);   /* mangled in a class, as CPython does */
    n->cidx2 = lower_const(L, fromlist);
    n->op = level;
    return n;
}

static IrNode *import_from(Lower *L, IrPos pos, IrNode *module, const char *name)
{
    IrNode *n = ir_node(L->m, IR_IMPORT_FROM, pos, 1, module);
    n->cidx = lower_const_str(L, name);
    return n;
}

static int bind(Lower *L, const char *name, IrPos pos, IrNode *value, IrNode *block)
{
    IrVar *v = lower_var(L, name, pos);
    if (!v)
        return -1;
    IrNode *a = ir_node(L->m, IR_ASSIGN, pos, 1, value);
    a->var = v;
    ir_node_add(L->m, block, a);
    return 0;
}

/* One `import dotted.name [as alias]`. */
static int import_alias(Lower *L, IrPos pos, const Astalias *a, IrNode *block)
{
    IrNode *mod = import_name(L, pos, a->name, Py_None, 0);
    const char *dot = strchr(a->name, '.');
    if (!a->asname) {
        size_t len = dot ? (size_t)(dot - a->name) : strlen(a->name);
        char *top = ir_strdup(L->m, a->name);
        top[len] = '\0';
        return bind(L, top, pos, mod, block);
    }
    while (dot) {
        const char *part = dot + 1;
        dot = strchr(part, '.');
        char *attr = ir_strdup(L->m, part);
        if (dot)
            attr[dot - part] = '\0';
        mod = import_from(L, pos, mod, attr);
    }
    return bind(L, a->asname, pos, mod, block);
}

int lower_import(Lower *L, const AstImport *s, IrNode *block)
{
    for (int i = 0; i < s->names.n; i++)
        if (import_alias(L, s->hdr.pos, (const Astalias *)s->names.items[i], block) < 0)
            return -1;
    return 0;
}

/* The fromlist: the imported names (not their aliases), a tuple. */
static PyObject *fromlist_of(const AstImportFrom *s)
{
    PyObject *t = PyTuple_New(s->names.n);
    for (int i = 0; t && i < s->names.n; i++) {
        PyObject *name = PyUnicode_InternFromString(((const Astalias *)s->names.items[i])->name);
        if (!name)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, i, name);
    }
    if (!t) {
        PyErr_Clear();
        diag_out_of_memory("lowering");
    }
    return t;
}

/* `from m import *`: the parser gives `*` as the only name.  CPython's
 * symtable has already rejected it outside module code ("import * only
 * allowed at module level"); refusing there too keeps that a guarantee. */
static int import_star(Lower *L, const AstImportFrom *s, IrNode *mod, IrNode *block)
{
    if (!L->fn->is_module)
        return lower_refuse_named(L, s->hdr.pos.line, "star import outside module code");
    ir_node_add(L->m, block, ir_node(L->m, IR_IMPORT_STAR, s->hdr.pos, 1, mod));
    return 0;
}

static bool is_star_import(const AstImportFrom *s)
{
    return s->names.n == 1 && strcmp(((const Astalias *)s->names.items[0])->name, "*") == 0;
}

int lower_import_from(Lower *L, const AstImportFrom *s, IrNode *block)
{
    IrPos pos = s->hdr.pos;
    PyObject *fromlist = fromlist_of(s);
    IrNode *mod = import_name(L, pos, s->module ? s->module : "", fromlist, (int)s->level);
    Py_DECREF(fromlist);
    if (is_star_import(s))
        return import_star(L, s, mod, block);
    IrVar *t = lower_temp(L);
    IrNode *keep = ir_node(L->m, IR_ASSIGN, pos, 1, mod);
    keep->var = t;
    ir_node_add(L->m, block, keep);
    for (int i = 0; i < s->names.n; i++) {
        const Astalias *a = (const Astalias *)s->names.items[i];
        bool last = i + 1 == s->names.n;
        IrNode *m = last ? lower_take(L, t, pos) : lower_load(L, t, pos);
        IrNode *value = import_from(L, pos, m, lower_mangle(L, a->name));
        if (bind(L, a->asname ? a->asname : a->name, pos, value, block) < 0)
            return -1;
    }
    return 0;
}
