/* verify.c — ir_verify(): the structural invariants of a module's IR.
 *
 * Run after lowering and (in debug builds) after every pass, it catches the
 * builder's mistakes before the code generator turns them into wrong C:
 *   - each node's kids match its spec in ir_kinds.def (count, expression,
 *     statement or BLOCK), and no node appears twice in the trees;
 *   - variables belong to the function being checked, and their kind suits
 *     it (no fast locals, cells or frees in the module body);
 *   - BREAK, CONTINUE, FOR_NEXT and LOOP_EXIT sit in the body of a LOOP
 *     (a loop's else block belongs to the enclosing loop);
 *   - constant indexes are in range and of the type the kind needs;
 *   - HANDLERs only inside a TRY_EXCEPT, after its body and else block;
 *   - operators are in range, STARRED only appears as a display item,
 *     MAKE_FUNCTION names a child function of the module.
 * The first violation is reported in buf and verification stops.
 */
#include "pyc2c/compiler/ir.h"
#include "pyc2c/compiler/xalloc.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const IrModule *m;
    const IrFunction *fn;
    char *buf;
    size_t bufsize;
    const IrNode **seen;      /* open-addressing set of visited nodes */
    size_t seen_cap, seen_count;
} Verifier;

/* Writes "QUALNAME line N: KIND: message" to the buffer; returns -1. */
static int fail(Verifier *v, const IrNode *n, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (v->bufsize > 0)
        snprintf(v->buf, v->bufsize, "%s line %d: %s: %s",
                 v->fn ? v->fn->qualname : "<module>", n ? n->pos.line : 0,
                 n && n->kind < IR_KIND_COUNT ? ir_info(n)->name : "function", msg);
    return -1;
}

/* ---- the set of visited nodes ------------------------------------------- */

static size_t slot_of(const IrNode *n, size_t cap)
{
    return ((uintptr_t)n >> 4) * 2654435761u & (cap - 1);
}

/* 1 if n was added, 0 if it was already there (a shared node). */
static int seen_add(Verifier *v, const IrNode *n)
{
    if ((v->seen_count + 1) * 2 > v->seen_cap) {
        size_t cap = v->seen_cap ? v->seen_cap * 2 : 256;
        const IrNode **tab = xcalloc(cap, sizeof *tab);
        for (size_t i = 0; i < v->seen_cap; i++)
            if (v->seen[i]) {
                size_t j = slot_of(v->seen[i], cap);
                while (tab[j])
                    j = (j + 1) & (cap - 1);
                tab[j] = v->seen[i];
            }
        free(v->seen);
        v->seen = tab;
        v->seen_cap = cap;
    }
    size_t j = slot_of(n, v->seen_cap);
    for (; v->seen[j]; j = (j + 1) & (v->seen_cap - 1))
        if (v->seen[j] == n)
            return 0;
    v->seen[j] = n;
    v->seen_count++;
    return 1;
}

/* ---- per-node checks ---------------------------------------------------- */

static int kid_fits(const IrNode *kid, char letter)
{
    switch (letter) {
    case 'e': case 'o': return ir_info(kid)->cls == IR_CLASS_EXPR;
    case 's':           return ir_info(kid)->cls == IR_CLASS_STMT;
    case 'b':           return kid->kind == IR_BLOCK;
    default:            return 0;
    }
}

static const char *letter_name(char letter)
{
    return letter == 's' ? "a statement" : letter == 'b' ? "a block" : "an expression";
}

/* The kids against the kind's spec: fixed letters, optional trailing 'o's,
 * and a final "x*" repeating letter x. */
static int check_kids(Verifier *v, const IrNode *n)
{
    const char *spec = ir_info(n)->kids;
    int len = (int)strlen(spec);
    int repeat = len >= 2 && spec[len - 1] == '*';
    int fixed = repeat ? len - 2 : len;
    int optional = 0;
    while (optional < fixed && spec[fixed - 1 - optional] == 'o')
        optional++;
    if (n->nkids < fixed - optional || (!repeat && n->nkids > fixed))
        return fail(v, n, "has %d kids, its spec is \"%s\"", n->nkids, spec);
    for (int i = 0; i < n->nkids; i++) {
        const IrNode *kid = n->kids[i];
        char letter = i < fixed ? spec[i] : spec[len - 2];
        if (!kid)
            return fail(v, n, "kid %d is NULL", i);
        if (kid->kind >= IR_KIND_COUNT)
            return fail(v, n, "kid %d has no valid kind", i);
        if (!kid_fits(kid, letter))
            return fail(v, n, "kid %d (%s) should be %s", i, ir_info(kid)->name,
                        letter_name(letter));
    }
    return 0;
}

static int check_var(Verifier *v, const IrNode *n, const IrVar *var)
{
    const IrFunction *fn = v->fn;
    if (!var)
        return fail(v, n, "has no variable");
    if (var->owner != fn || var->id < 0 || var->id >= fn->nvars || fn->vars[var->id] != var)
        return fail(v, n, "variable %s belongs to another function", var->name);
    int framed = var->kind == IR_VAR_LOCAL || var->kind == IR_VAR_CELL ||
                 var->kind == IR_VAR_FREE;
    if (framed && fn->is_module)
        return fail(v, n, "module code uses the frame variable %s", var->name);
    if (framed && (var->slot < 0 || var->slot >= fn->nslots))
        return fail(v, n, "variable %s has slot %d of %d", var->name, var->slot, fn->nslots);
    if (var->kind == IR_VAR_TEMP && (var->slot < 0 || var->slot >= fn->ntemps))
        return fail(v, n, "temporary %s has number %d of %d", var->name, var->slot,
                    fn->ntemps);
    return 0;
}

static int check_vars(Verifier *v, const IrNode *n)
{
    if (n->last_use && (n->kind != IR_LOAD || n->var->kind != IR_VAR_TEMP))
        return fail(v, n, "a last use that is not the load of a temporary");
    int uses_var = (ir_info(n)->flags & IR_F_VAR) != 0;
    if (uses_var)
        return check_var(v, n, n->var);
    if (n->var)
        return fail(v, n, "has a variable but its kind uses none");
    if (n->kind == IR_SWAP_SLOT && (n->nvars != 1 || n->vars[0]->kind != IR_VAR_TEMP))
        return fail(v, n, "a slot swapped with no temporary");
    if (n->kind != IR_UNPACK && n->kind != IR_SWAP_SLOT && n->nvars)
        return fail(v, n, "has target variables but is not an unpack");
    for (int i = 0; i < n->nvars; i++)
        if (check_var(v, n, n->vars[i]) < 0)
            return -1;
    if (n->star < -1 || n->star >= (n->nvars > 0 ? n->nvars : 0))
        return fail(v, n, "starred target %d out of %d targets", n->star, n->nvars);
    return 0;
}

/* 0 if cidx is a constant of the table and (when type is given) of that
 * exact type. */
static int check_cidx(Verifier *v, const IrNode *n, int cidx, PyTypeObject *type)
{
    PyObject *obj = ir_const_get(v->m, cidx);
    if (!obj)
        return fail(v, n, "constant index %d out of range", cidx);
    if (type && !Py_IS_TYPE(obj, type))
        return fail(v, n, "constant %d is a %s, not a %s", cidx, Py_TYPE(obj)->tp_name,
                    type->tp_name);
    return 0;
}

/* CALL's keyword names: a tuple of str, one for each trailing kid. */
static int check_kwnames(Verifier *v, const IrNode *n)
{
    if (n->cidx < 0)
        return 0;
    if (check_cidx(v, n, n->cidx, &PyTuple_Type) < 0)
        return -1;
    PyObject *kw = ir_const_get(v->m, n->cidx);
    if (PyTuple_GET_SIZE(kw) > n->nkids - 1)
        return fail(v, n, "%zd keyword names for %d arguments", PyTuple_GET_SIZE(kw),
                    n->nkids - 1);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kw); i++)
        if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(kw, i)))
            return fail(v, n, "keyword name %zd is not a str", i);
    return 0;
}

/* A str tuple constant (or -1); its size added to *count. */
static int check_names(Verifier *v, const IrNode *n, int cidx, int *count)
{
    if (cidx < 0)
        return 0;
    if (check_cidx(v, n, cidx, &PyTuple_Type) < 0)
        return -1;
    PyObject *t = ir_const_get(v->m, cidx);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++)
        if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(t, i)))
            return fail(v, n, "name %zd is not a str", i);
    *count += (int)PyTuple_GET_SIZE(t);
    return 0;
}

/* MAKE_FUNCTION: kw-only default names (cidx) and annotation names (cidx2)
 * name the trailing kids. */
static int check_make_function_consts(Verifier *v, const IrNode *n)
{
    int named = 0;
    if (check_names(v, n, n->cidx, &named) < 0 || check_names(v, n, n->cidx2, &named) < 0)
        return -1;
    return named <= n->nkids ? 0 : fail(v, n, "%d names for %d values", named, n->nkids);
}

static int check_consts(Verifier *v, const IrNode *n)
{
    if (n->kind == IR_CALL)
        return check_kwnames(v, n);
    if (n->kind == IR_MAKE_FUNCTION)
        return check_make_function_consts(v, n);
    if (n->kind == IR_IMPORT_NAME && n->cidx2 >= 0) {
        if (check_cidx(v, n, n->cidx2, NULL) < 0)
            return -1;
        PyObject *fl = ir_const_get(v->m, n->cidx2);
        if (fl != Py_None && !PyTuple_CheckExact(fl))
            return fail(v, n, "fromlist is neither a tuple nor None");
    } else if (n->cidx2 != -1) {
        return fail(v, n, "has a second constant but is not an import");
    }
    if (!(ir_info(n)->flags & IR_F_CONST))
        return n->cidx == -1 ? 0 : fail(v, n, "has a constant but its kind uses none");
    return check_cidx(v, n, n->cidx, n->kind == IR_CONST ? NULL : &PyUnicode_Type);
}

static int check_op(Verifier *v, const IrNode *n)
{
    int op = n->op, ok;
    switch (n->kind) {
    case IR_BINOP: case IR_INPLACE: ok = op >= 0 && op < IR_BINOP_COUNT; break;
    case IR_UNARY:       ok = op >= 0 && op < IR_UNARY_COUNT; break;
    case IR_COMPARE:     ok = op >= 0 && op < IR_CMP_COUNT; break;
    case IR_FORMAT:      ok = op == -1 || op == 's' || op == 'r' || op == 'a'; break;
    case IR_IMPORT_NAME: ok = op >= 0; break;
    case IR_TRY_FINALLY: case IR_WITH_ENTER: ok = op == 0 || op == 1; break;
    case IR_RETURN:      ok = op == IR_RETURN_STATEMENT || op == IR_RETURN_IMPLICIT; break;
    case IR_AWAIT:       ok = op >= IR_AWAIT_VALUE && op <= IR_AWAIT_ANEXT; break;
    case IR_HELPER:
        if (op < 0 || op >= IR_HELPER_COUNT)
            return fail(v, n, "helper %d out of range", op);
        if (n->nkids != ir_helper_info[op].nargs)
            return fail(v, n, "%s takes %d arguments, has %d", ir_helper_info[op].name,
                        ir_helper_info[op].nargs, n->nkids);
        return 0;
    default:             ok = 1; break;
    }
    return ok ? 0 : fail(v, n, "operator %d out of range", op);
}

/* DICT kids: key, value pairs, except that a STARRED kid (**m) stands alone. */
static int check_dict(Verifier *v, const IrNode *n)
{
    for (int i = 0; i < n->nkids; i++) {
        if (n->kids[i]->kind == IR_STARRED)
            continue;
        if (i + 1 >= n->nkids || n->kids[i + 1]->kind == IR_STARRED)
            return fail(v, n, "key %d has no value", i);
        i++;
    }
    return 0;
}

static int check_make_function(Verifier *v, const IrNode *n)
{
    const IrFunction *f = n->func;
    if (!f || f->id <= 0 || f->id >= v->m->nfuncs || v->m->funcs[f->id] != f)
        return fail(v, n, "names no function of the module");
    if (f->parent != v->fn)
        return fail(v, n, "makes %s, which is not a child of this function", f->qualname);
    for (int i = 0; i < f->nvars; i++) {   /* the closure comes from here */
        const IrVar *fv = f->vars[i];
        if (fv->kind != IR_VAR_FREE)
            continue;
        const IrVar *cell = ir_var_find_closure((IrFunction *)v->fn, fv->name);
        if (!cell || (cell->kind != IR_VAR_CELL && cell->kind != IR_VAR_FREE))
            return fail(v, n, "%s's free variable %s is no cell here", f->qualname, fv->name);
    }
    return 0;
}

/* BUILD_CLASS: the body's MAKE_FUNCTION (of a class body), the bases as a
 * TUPLE display, the keywords as a DICT display. */
static int check_build_class(Verifier *v, const IrNode *n)
{
    const IrNode *make = n->kids[0];
    if (make->kind != IR_MAKE_FUNCTION || !make->func || !make->func->is_class)
        return fail(v, n, "kid 0 is not the make_function of a class body");
    if (n->kids[1]->kind != IR_TUPLE || (n->nkids > 2 && n->kids[2]->kind != IR_DICT))
        return fail(v, n, "bases must be a tuple display, keywords a dict display");
    return 0;
}

static int is_display(const IrNode *n)
{
    return n && (n->kind == IR_TUPLE || n->kind == IR_LIST || n->kind == IR_SET ||
                 n->kind == IR_DICT);
}

static int check_node(Verifier *v, const IrNode *n, const IrNode *parent, int in_loop)
{
    if (check_kids(v, n) < 0 || check_vars(v, n) < 0 || check_consts(v, n) < 0 ||
        check_op(v, n) < 0)
        return -1;
    switch (n->kind) {
    case IR_BREAK: case IR_CONTINUE: case IR_FOR_NEXT: case IR_LOOP_EXIT:
        return in_loop ? 0 : fail(v, n, "outside the body of a loop");
    case IR_STARRED:
        return is_display(parent) ? 0 : fail(v, n, "outside a display");
    case IR_DICT:
        return check_dict(v, n);
    case IR_MAKE_FUNCTION:
        return check_make_function(v, n);
    case IR_BUILD_CLASS:
        return check_build_class(v, n);
    case IR_CLEAR:
        return n->var->kind == IR_VAR_LOCAL || n->var->kind == IR_VAR_TEMP
               ? 0 : fail(v, n, "%s is not a local", n->var->name);
    case IR_NEW_CELL:   /* a free variable's slot too: 3.12's MAKE_CELL of it */
        return n->var->kind == IR_VAR_CELL || n->var->kind == IR_VAR_FREE
               ? 0 : fail(v, n, "%s is not a cell", n->var->name);
    case IR_SWAP_SLOT:   /* a frame slot: a local's value or a cell object */
        return n->var->kind == IR_VAR_LOCAL || n->var->kind == IR_VAR_CELL
               ? 0 : fail(v, n, "%s has no slot of the function to swap", n->var->name);
    case IR_CELL_REF:   /* a free variable's slot holds its cell too */
        return n->var->kind == IR_VAR_CELL || n->var->kind == IR_VAR_FREE
               ? 0 : fail(v, n, "%s is not a cell", n->var->name);
    case IR_YIELD: case IR_YIELD_FROM:
        return v->fn->is_generator ? 0 : fail(v, n, "in a function that is no generator");
    case IR_AWAIT:
        return v->fn->async_kind ? 0 : fail(v, n, "in a function that is no coroutine");
    default:
        return n->func ? fail(v, n, "has a function but is no make_function") : 0;
    }
}

/* Checks n and its subtree; in_loop: n is inside the body of a LOOP of the
 * current function. */
static int verify_tree(Verifier *v, const IrNode *n, const IrNode *parent, int in_loop)
{
    if (!n)
        return fail(v, parent, "a NULL node");
    if (n->kind >= IR_KIND_COUNT)
        return fail(v, parent, "a node of invalid kind %d", (int)n->kind);
    if (!seen_add(v, n))
        return fail(v, n, "the node appears twice");
    if (check_node(v, n, parent, in_loop) < 0)
        return -1;
    for (int i = 0; i < n->nkids; i++) {
        /* A LOOP's body is in the loop; its else block is not. */
        int kid_in_loop = n->kind == IR_LOOP ? i == 0 || in_loop : in_loop;
        if (verify_tree(v, n->kids[i], n, kid_in_loop) < 0)
            return -1;
    }
    return 0;
}

static int verify_function(Verifier *v, const IrFunction *fn, int index)
{
    v->fn = fn;
    if (fn->id != index)
        return fail(v, NULL, "has id %d at index %d", fn->id, index);
    if ((index == 0) != (fn->parent == NULL) || (index == 0) != (fn->is_module != 0))
        return fail(v, NULL, "only funcs[0] is the module body, without parent");
    if (!fn->body || fn->body->kind != IR_BLOCK)
        return fail(v, fn->body, "the body is not a block");
    for (int i = 0; i < fn->nvars; i++) {
        const IrVar *var = fn->vars[i];
        if (var->owner != fn || var->id != i)
            return fail(v, NULL, "variable %d (%s) is misfiled", i, var->name);
        if (var->kind != IR_VAR_TEMP && ir_const_get(v->m, var->name_cidx) == NULL)
            return fail(v, NULL, "variable %s has no name constant", var->name);
    }
    if (fn->doc_cidx != -1 && !ir_const_get(v->m, fn->doc_cidx))
        return fail(v, NULL, "docstring constant %d out of range", fn->doc_cidx);
    return verify_tree(v, fn->body, NULL, 0);
}

int ir_verify(const IrModule *m, char *buf, size_t bufsize)
{
    Verifier v = {.m = m, .buf = buf, .bufsize = bufsize};
    int rc = 0;
    if (bufsize > 0)
        buf[0] = '\0';
    if (m->nfuncs == 0) {
        snprintf(buf, bufsize, "the module has no body");
        return -1;
    }
    for (int i = 0; rc == 0 && i < m->nfuncs; i++)
        rc = verify_function(&v, m->funcs[i], i);
    free(v.seen);
    return rc;
}
