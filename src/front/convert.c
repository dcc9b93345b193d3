/* convert.c — CPython's AST objects (from compile(..., PyCF_ONLY_AST)) into
 * the C structs of ast.h.
 *
 * The conversion is generic: the class of each object gives its AstKind
 * (a dict built once from the `_ast` module), and ast_kind_info[] gives the
 * fields to read, their type and where to store them.  A new AST field needs
 * a line in ast_kinds.def, nothing here.  Constant values are borrowed from
 * the tree, which the unit keeps alive (AstUnit.keepalive).
 */
#include "front_int.h"
#include <string.h>

enum { MAX_FIELDS = 8 };

static struct {
    PyObject *kind_of_class;                    /* dict: AST class -> AstKind */
    PyObject *field_names[AST_KIND_COUNT][MAX_FIELDS];
    int has_pos[AST_KIND_COUNT];                /* the class has _attributes */
    PyObject *pos_names[4];                     /* lineno, col_offset, ... */
} tab;

static const char *const pos_attr[4] = {"lineno", "col_offset", "end_lineno",
                                        "end_col_offset"};

/* Registers the class `_ast.<name>` of kind k: its fields' names and whether
 * its instances carry positions. */
static int register_kind(PyObject *mod, int k)
{
    const AstKindInfo *info = &ast_kind_info[k];
    PyObject *cls = PyObject_GetAttrString(mod, info->name);
    if (!cls && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();     /* a kind of a later Python (TryStar on 3.10) */
        return 0;
    }
    if (!cls)
        return -1;
    PyObject *kind = PyLong_FromLong(k);
    PyObject *attrs = PyObject_GetAttrString(cls, "_attributes");
    int rc = kind && attrs ? PyDict_SetItem(tab.kind_of_class, cls, kind) : -1;
    if (rc == 0)
        tab.has_pos[k] = PyObject_Length(attrs) > 0;
    for (int i = 0; rc == 0 && i < info->nfields; i++) {
        tab.field_names[k][i] = PyUnicode_InternFromString(info->fields[i].name);
        if (!tab.field_names[k][i])
            rc = -1;
    }
    Py_XDECREF(kind);
    Py_XDECREF(attrs);
    Py_DECREF(cls);
    return rc;
}

int front_convert_init(void)
{
    PyObject *mod = PyImport_ImportModule("_ast");
    if (!mod)
        return -1;
    tab.kind_of_class = PyDict_New();
    int rc = tab.kind_of_class ? 0 : -1;
    for (int k = 0; rc == 0 && k < AST_KIND_COUNT; k++) {
        if (ast_kind_info[k].nfields > MAX_FIELDS)
            return PyErr_SetString(PyExc_SystemError, "MAX_FIELDS too small"), -1;
        rc = register_kind(mod, k);
    }
    for (int i = 0; rc == 0 && i < 4; i++)
        if (!(tab.pos_names[i] = PyUnicode_InternFromString(pos_attr[i])))
            rc = -1;
    Py_DECREF(mod);
    return rc;
}

void front_convert_fini(void)
{
    Py_CLEAR(tab.kind_of_class);
    for (int k = 0; k < AST_KIND_COUNT; k++)
        for (int i = 0; i < MAX_FIELDS; i++)
            Py_CLEAR(tab.field_names[k][i]);
    for (int i = 0; i < 4; i++)
        Py_CLEAR(tab.pos_names[i]);
}

/* The AstKind of an AST object, -1 with an error if it is none of ours. */
static int kind_of(PyObject *obj)
{
    PyObject *k = PyDict_GetItemWithError(tab.kind_of_class, (PyObject *)Py_TYPE(obj));
    if (!k) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "unexpected %.100s object in the AST",
                         Py_TYPE(obj)->tp_name);
        return -1;
    }
    return (int)PyLong_AsLong(k);
}

/* An int attribute; None (an absent end position) gives -1. */
static int int_attr(PyObject *obj, PyObject *name, long *out)
{
    PyObject *v = PyObject_GetAttr(obj, name);
    if (!v)
        return -1;
    *out = v == Py_None ? -1 : PyLong_AsLong(v);
    Py_DECREF(v);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static int position(PyObject *obj, int kind, IrPos *pos)
{
    long v[4] = {-1, -1, -1, -1};
    for (int i = 0; tab.has_pos[kind] && i < 4; i++)
        if (int_attr(obj, tab.pos_names[i], &v[i]) < 0)
            return -1;
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

/* A list field: nodes (None items stay NULL), identifiers or operators. */
static int list(AstArena *a, PyObject *v, AstFieldType type, void *slot)
{
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

/* Optional fields missing from an object (type_comment on trees built by
 * hand) read as None. */
static AstNode *convert_node(AstArena *a, PyObject *obj)
{
    int k = kind_of(obj);
    if (k < 0)
        return NULL;
    const AstKindInfo *info = &ast_kind_info[k];
    AstNode *n = ast_alloc(a, info->size);
    n->kind = (AstKind)k;
    if (position(obj, k, &n->pos) < 0)
        return NULL;
    for (int i = 0; i < info->nfields; i++) {
        PyObject *v = PyObject_GetAttr(obj, tab.field_names[k][i]);
        if (!v && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            v = Py_NewRef(Py_None);
        }
        if (!v)
            return NULL;
        int rc = field(a, v, info->fields[i].type, (char *)n + info->fields[i].offset);
        Py_DECREF(v);
        if (rc < 0)
            return NULL;
    }
    return n;
}

/* The recursion follows the tree's depth, which CPython's own compiler
 * (run on the file before this) has already accepted. */
AstNode *front_convert(AstArena *a, PyObject *tree)
{
    return convert_node(a, tree);
}
