/* convert.c — the target interpreter's AST, as the parse helper sends it
 * (parse_helper.py: a node is a tuple (class index, [4 positions,] field
 * values in the class's _fields order)), into the C structs of ast.h.
 *
 * The conversion is generic and by name: the helper's header lists each
 * class with its fields, matched here once to an AstKind and to the fields
 * of ast_kind_info[] (from ast_kinds.def), so a field or a kind a version
 * lacks reads as empty and one we do not know is never misread.  Constant
 * values are borrowed from the answer, which the unit keeps alive
 * (AstUnit.keepalive).
 */
#include "front_int.h"
#include <stdio.h>
#include <string.h>

enum { MAX_FIELDS = 8, MAX_CLASSES = 512, MAX_NAME = 48 };

/* One class of the target's _ast module. */
typedef struct {
    int kind;                   /* AstKind, or -1: none of ours */
    int has_pos;                /* its tuples carry 4 positions */
    int slot[MAX_FIELDS];       /* tuple index of our field i, or -1 */
    unsigned long unknown;      /* bit j: its field j is none of ours */
    char name[MAX_NAME];
    char unknown_name[MAX_FIELDS][MAX_NAME];   /* of the first unknown fields */
} ClassMap;

static struct {
    ClassMap *cls;
    int ncls;
    AstRefusal refusal;         /* the construct front_convert refused */
} tab;

/* How a user knows the constructs of later Pythons that pyc2c cannot
 * compile yet (3.13's type parameter defaults, PEP 696). */
static const struct { const char *what, *shown; } construct_names[] = {
    {"TypeVar.default_value", "a type parameter default (PEP 696)"},
    {"ParamSpec.default_value", "a type parameter default (PEP 696)"},
    {"TypeVarTuple.default_value", "a type parameter default (PEP 696)"},
};

/* Notes the first construct refused, for front.c to report. */
static void refuse(const char *what, int line)
{
    if (tab.refusal.line)
        return;
    snprintf(tab.refusal.construct, sizeof tab.refusal.construct, "'%s' syntax", what);
    for (size_t i = 0; i < sizeof construct_names / sizeof construct_names[0]; i++)
        if (strcmp(construct_names[i].what, what) == 0)
            snprintf(tab.refusal.construct, sizeof tab.refusal.construct, "%s",
                     construct_names[i].shown);
    tab.refusal.line = line > 0 ? line : 1;
    PyErr_SetString(PyExc_ValueError, "construct refused");
}

const AstRefusal *front_convert_refusal(void)
{
    return tab.refusal.line ? &tab.refusal : NULL;
}

static int kind_by_name(const char *name)
{
    for (int k = 0; k < AST_KIND_COUNT; k++)
        if (strcmp(ast_kind_info[k].name, name) == 0)
            return k;
    return -1;
}

/* Maps the helper's class (name, fields, has_pos) to ours. */
static int map_class(PyObject *entry, ClassMap *m)
{
    const char *name;
    PyObject *fields;
    int has_pos;
    if (!PyArg_ParseTuple(entry, "sO!p", &name, &PyTuple_Type, &fields, &has_pos))
        return -1;
    m->kind = kind_by_name(name);
    m->has_pos = has_pos;
    snprintf(m->name, sizeof m->name, "%s", name);
    if (m->kind < 0)
        return 0;
    const AstKindInfo *info = &ast_kind_info[m->kind];
    if (info->nfields > MAX_FIELDS || PyTuple_GET_SIZE(fields) > MAX_FIELDS)
        return PyErr_SetString(PyExc_SystemError, "MAX_FIELDS too small"), -1;
    int first = 1 + (has_pos ? 4 : 0);
    for (int i = 0; i < info->nfields; i++)
        m->slot[i] = -1;
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(fields); j++) {
        const char *f = PyUnicode_AsUTF8(PyTuple_GET_ITEM(fields, j));
        if (!f)
            return -1;
        int known = 0;
        for (int i = 0; i < info->nfields; i++)
            if (strcmp(f, info->fields[i].name) == 0)
                m->slot[i] = first + (int)j, known = 1;
        if (!known) {
            m->unknown |= 1ul << j;
            snprintf(m->unknown_name[j], MAX_NAME, "%s", f);
        }
    }
    return 0;
}

int front_convert_init(PyObject *classes)
{
    if (!PyList_Check(classes) || PyList_GET_SIZE(classes) > MAX_CLASSES)
        return PyErr_SetString(PyExc_TypeError, "bad class table"), -1;
    tab.ncls = (int)PyList_GET_SIZE(classes);
    tab.cls = PyMem_Calloc((size_t)tab.ncls + 1, sizeof *tab.cls);
    if (!tab.cls)
        return PyErr_NoMemory(), -1;
    for (int i = 0; i < tab.ncls; i++)
        if (map_class(PyList_GET_ITEM(classes, i), &tab.cls[i]) < 0)
            return -1;
    return 0;
}

void front_convert_fini(void)
{
    PyMem_Free(tab.cls);
    tab.cls = NULL;
    tab.ncls = 0;
}

/* The line of a node tuple with positions, else 0. */
static int line_of(PyObject *obj, const ClassMap *m)
{
    PyObject *l = m->has_pos && PyTuple_GET_SIZE(obj) > 1 ? PyTuple_GET_ITEM(obj, 1) : NULL;
    return l && PyLong_Check(l) ? (int)PyLong_AsLong(l) : 0;
}

/* The class of a node tuple; NULL with an error if it is none of ours (a
 * class of a later Python: refused). */
static const ClassMap *class_of(PyObject *obj)
{
    long i = PyTuple_Check(obj) && PyTuple_GET_SIZE(obj) > 0
             ? PyLong_AsLong(PyTuple_GET_ITEM(obj, 0)) : -1;
    if (i < 0 || i >= tab.ncls) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "unexpected node in the AST");
        return NULL;
    }
    if (tab.cls[i].kind < 0) {
        refuse(tab.cls[i].name, line_of(obj, &tab.cls[i]));
        return NULL;
    }
    return &tab.cls[i];
}

/* A field pyc2c does not know (type_params from 3.12 on) is refused unless
 * it is empty: never dropped silently. */
static int check_unknown_fields(PyObject *obj, const ClassMap *m)
{
    int first = 1 + (m->has_pos ? 4 : 0);
    for (int j = 0; m->unknown >> j; j++) {
        if (!(m->unknown >> j & 1) || first + j >= PyTuple_GET_SIZE(obj))
            continue;
        PyObject *v = PyTuple_GET_ITEM(obj, first + j);
        if (v == Py_None || (PyList_Check(v) && PyList_GET_SIZE(v) == 0))
            continue;
        char what[2 * MAX_NAME];
        snprintf(what, sizeof what, "%s.%s", m->name, m->unknown_name[j]);
        refuse(what, line_of(obj, m));
        return -1;
    }
    return 0;
}

static int kind_of(PyObject *obj)
{
    const ClassMap *m = class_of(obj);
    return m ? m->kind : -1;
}

/* An int position; None (an absent end position) gives -1. */
static int position(PyObject *obj, const ClassMap *m, IrPos *pos)
{
    long v[4] = {-1, -1, -1, -1};
    for (int i = 0; m->has_pos && i < 4; i++) {
        PyObject *x = i + 1 < PyTuple_GET_SIZE(obj) ? PyTuple_GET_ITEM(obj, i + 1) : Py_None;
        v[i] = x == Py_None ? -1 : PyLong_AsLong(x);
        if (v[i] == -1 && PyErr_Occurred())
            return -1;
    }
    *pos = (IrPos){(int)v[0], (int)v[1], (int)v[2], (int)v[3]};
    return 0;
}

static AstNode *convert_node(AstArena *a, PyObject *obj);

/* A str as an arena copy of its UTF-8; None gives NULL. */
static int string(AstArena *a, PyObject *v, const char **out)
{
    *out = NULL;
    if (v == Py_None)
        return 0;
    const char *s = PyUnicode_AsUTF8(v);
    if (!s)
        return -1;
    *out = ir_arena_strdup(a->mem, s);
    return 0;
}

/* A list field: nodes (None items stay NULL), identifiers or operators.
 * None, a field the target's class lacks (type_params before 3.12), is the
 * empty list. */
static int list(AstArena *a, PyObject *v, AstFieldType type, void *slot)
{
    if (v == Py_None) {
        *(AstSeq *)slot = (AstSeq){NULL, 0};
        return 0;
    }
    if (!PyList_Check(v))
        return PyErr_SetString(PyExc_TypeError, "AST list field is not a list"), -1;
    int n = (int)PyList_GET_SIZE(v);
    size_t item = type == AST_T_LIST ? sizeof(AstNode *)
                : type == AST_T_IDENTS ? sizeof(const char *) : sizeof(AstKind);
    void *items = n ? ast_alloc(a, n * item) : NULL;
    for (int i = 0; i < n; i++) {
        PyObject *x = PyList_GET_ITEM(v, i);
        if (type == AST_T_LIST) {
            AstNode *node = x == Py_None ? NULL : convert_node(a, x);
            if (!node && x != Py_None)
                return -1;
            ((AstNode **)items)[i] = node;
        } else if (type == AST_T_IDENTS) {
            if (string(a, x, &((const char **)items)[i]) < 0)
                return -1;
        } else {
            int k = kind_of(x);
            if (k < 0)
                return -1;
            ((AstKind *)items)[i] = (AstKind)k;
        }
    }
    /* AstSeq, AstIdentSeq and AstOpSeq share the {items, n} layout. */
    AstSeq *seq = slot;
    seq->items = items;
    seq->n = n;
    return 0;
}

/* Stores the value v of a field of type `type` at slot. */
static int field(AstArena *a, PyObject *v, AstFieldType type, void *slot)
{
    switch (type) {
    case AST_T_NODE:
        *(AstNode **)slot = v == Py_None ? NULL : convert_node(a, v);
        return v != Py_None && !*(AstNode **)slot ? -1 : 0;
    case AST_T_LIST: case AST_T_IDENTS: case AST_T_OPS:
        return list(a, v, type, slot);
    case AST_T_IDENT: case AST_T_STR:
        return string(a, v, (const char **)slot);
    case AST_T_CONST:
        *(PyObject **)slot = v;     /* borrowed: the tree owns it */
        return 0;
    case AST_T_INT:
        *(long *)slot = v == Py_None ? 0 : PyLong_AsLong(v);
        return PyErr_Occurred() ? -1 : 0;
    case AST_T_OP: {
        int k = kind_of(v);
        *(AstKind *)slot = (AstKind)k;
        return k < 0 ? -1 : 0;
    }
    }
    return 0;
}

/* A field the target's class lacks (TryStar on 3.10, type_params before
 * 3.12) reads as None. */
static AstNode *convert_node(AstArena *a, PyObject *obj)
{
    const ClassMap *m = class_of(obj);
    if (!m)
        return NULL;
    if (m->unknown && check_unknown_fields(obj, m) < 0)
        return NULL;
    const AstKindInfo *info = &ast_kind_info[m->kind];
    AstNode *n = ast_alloc(a, info->size);
    n->kind = (AstKind)m->kind;
    if (position(obj, m, &n->pos) < 0)
        return NULL;
    for (int i = 0; i < info->nfields; i++) {
        int at = m->slot[i];
        PyObject *v = at >= 0 && at < PyTuple_GET_SIZE(obj) ? PyTuple_GET_ITEM(obj, at)
                                                            : Py_None;
        if (field(a, v, info->fields[i].type, (char *)n + info->fields[i].offset) < 0)
            return NULL;
    }
    return n;
}

/* The recursion follows the tree's depth, which CPython's own compiler
 * (run on the file before this) has already accepted. */
AstNode *front_convert(AstArena *a, PyObject *tree)
{
    tab.refusal.line = 0;
    return convert_node(a, tree);
}
