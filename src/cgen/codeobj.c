/* codeobj.c — the stub code object of each compiled function.
 *
 * A compiled function runs as C, but Python code looks at its code object:
 * inspect.signature and the runtime's argument binding read co_varnames and
 * the argument counts, tracebacks and frame.f_lineno map the frame's current
 * instruction through co_linetable.  So each IrFunction (the module body too)
 * gets a code object built here, at compile time, with the embedded
 * interpreter, and marshalled into the module's constant blob.
 *
 * Compiled code never runs its bytecode: after the units before RESUME,
 * units are NOPs, one a "site" (an operation of the C code that may raise or
 * look at frames; the generated code records the running site in the
 * frame), and the tail raises AssertionError.  The location table gives
 * unit k the position of site k.  When the interpreter runs a function's
 * stub (exec(f.__code__), types.FunctionType(f.__code__, g)()), its first
 * three units, before the RESUME, call the compiled body and return what it
 * returns (LOAD_CONST None; UNARY_NEGATIVE; RETURN_VALUE: the runtime gives
 * `-None` that meaning in a stub's frame, runtime/compat/stubrun.c); the
 * interpreter's frame stays "incomplete" meanwhile, hidden as CPython hides
 * a frame before its RESUME.  Module
 * and class bodies, and all stubs on 3.10, keep raising.
 *
 * Two NOPs follow the raise, with locations: a program that rewrites the
 * stub by prepending instructions (test_code's closure injection prepends
 * COPY_FREE_VARS) leaves the location table shorter than the bytecode, and
 * the traceback module fails with StopIteration ("generator raised
 * StopIteration") on an instruction without a location; the padding keeps
 * the raise located, so the program sees the stub's AssertionError.
 */
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */

/* 3.10's code objects: no RESUME/MAKE_CELL/COPY_FREE_VARS (the stub has NOPs
 * there: the same units, so the same sites), no qualified name or exception
 * table, a line table of (bytes, line delta) pairs without columns. */
static int target_is_310(void)
{
    return front_python_version() < 0x030b0000;
}

/* Code kinds of a location entry (Objects/locations.md of CPython 3.11). */
enum { LOC_NO_COLUMNS = 13, LOC_LONG = 14, LOC_NONE = 15 };

typedef struct {
    unsigned char *buf;
    size_t len, cap;
} Bytes;

static void put_byte(Bytes *b, unsigned v)
{
    if (b->len == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 64;
        b->buf = PyMem_Realloc(b->buf, b->cap);
        if (!b->buf)
            diag_out_of_memory("generating C");
    }
    b->buf[b->len++] = (unsigned char)v;
}

/* Unsigned: 6-bit chunks, least significant first, bit 6 = more follow. */
static void put_varint(Bytes *b, unsigned v)
{
    while (v >= 64) {
        put_byte(b, 0x40 | (v & 63));
        v >>= 6;
    }
    put_byte(b, v);
}

static void put_svarint(Bytes *b, int v)
{
    put_varint(b, v < 0 ? ((unsigned)-v << 1) | 1 : (unsigned)v << 1);
}

/* One entry of `units` code units (1..8) at pos; *line is the previous
 * entry's start line, which line deltas are relative to. */
static void put_entry(Bytes *b, IrPos pos, int units, int *line)
{
    unsigned head = 0x80 | (unsigned)(units - 1);
    if (pos.line <= 0) {
        put_byte(b, head | (LOC_NONE << 3));
        return;
    }
    if (pos.col < 0 || pos.end_col < 0) {
        put_byte(b, head | (LOC_NO_COLUMNS << 3));
        put_svarint(b, pos.line - *line);
    } else {
        int end_line = pos.end_line < pos.line ? pos.line : pos.end_line;
        put_byte(b, head | (LOC_LONG << 3));
        put_svarint(b, pos.line - *line);
        put_varint(b, (unsigned)(end_line - pos.line));
        put_varint(b, (unsigned)pos.col + 1);
        put_varint(b, (unsigned)pos.end_col + 1);
    }
    *line = pos.line;
}

/* 3.10's entry (Objects/lnotab_notes.txt of 3.10): `units` code units
 * (1..127) at pos.line, or without a line (-128); a line delta past a
 * signed byte goes in entries covering no bytes first. */
static void put_entry_310(Bytes *b, IrPos pos, int units, int *line)
{
    int delta = -128;
    if (pos.line > 0) {
        delta = pos.line - *line;
        *line = pos.line;
        for (; delta > 127; delta -= 127) {
            put_byte(b, 0);
            put_byte(b, 127);
        }
        for (; delta < -127; delta += 127) {
            put_byte(b, 0);
            put_byte(b, (unsigned char)(signed char)-127);
        }
    }
    put_byte(b, (unsigned)(2 * units));
    put_byte(b, (unsigned char)(signed char)delta);
}

PyObject *cgen_linetable(int firstlineno, const IrPos *sites, int nsites, int ntail)
{
    Bytes b = {0};
    int line = firstlineno;
    void (*put)(Bytes *, IrPos, int, int *) = target_is_310() ? put_entry_310 : put_entry;
    for (int k = 0; k < nsites; k++)
        put(&b, sites[k], 1, &line);
    if (ntail > 0)
        put(&b, sites[0], ntail, &line);
    PyObject *table = PyBytes_FromStringAndSize((const char *)b.buf, (Py_ssize_t)b.len);
    PyMem_Free(b.buf);
    return table;
}

/* Appends the run (opname, arg, count) to list. */
static int add_run(PyObject *list, const char *op, int arg, int count)
{
    PyObject *run = Py_BuildValue("(sii)", op, arg, count);
    int rc = run ? PyList_Append(list, run) : -1;
    Py_XDECREF(run);
    return rc;
}

/* new: the stub's bytecode as runs of (opname, arg, count), which the
 * target assembles with its own opcode numbers (front_target_marshal): the
 * stub runner's units (LOAD_CONST None, the index of None in co_consts;
 * UNARY_NEGATIVE; RETURN_VALUE: cgen_stub_run_units), the
 * prefix units of a closure (COPY_FREE_VARS n, MAKE_CELL i ..., closures.c),
 * RESUME 0, NOPs up to nsites units, LOAD_ASSERTION_ERROR, RAISE_VARARGS 1,
 * NOP, NOP.  Sites 0..P-1 are the prefix, site P the RESUME.
 *
 * On 3.13 the unit of each site in bare[] (a yield outside any handler
 * region) is `NOP 1`: 3.13's gen_close finishes a generator suspended at a
 * RESUME whose oparg has RESUME_OPARG_DEPTH1_MASK without running its frame,
 * and the runtime reads the same fact from the unit of the site a suspended
 * compiled generator stands at (runtime/generator.c).  Only the oparg is
 * read: instrumenting the stub for sys.monitoring rewrites opcodes, never
 * opargs. */
static PyObject *stub_bytecode(const IrFunction *fn, int nsites, const int *bare, int nbare,
                               int none_at)
{
    int np = cgen_prefix(fn, NULL, NULL, 0);
    int *ops = PyMem_Calloc((size_t)np + 1, sizeof *ops);
    int *args = PyMem_Calloc((size_t)np + 1, sizeof *args);
    if (!ops || !args || np >= nsites)
        P2C_UNREACHABLE();
    cgen_prefix(fn, ops, args, np);
    PyObject *runs = PyList_New(0);
    int rc = runs ? 0 : -1;
    for (int k = 0; rc == 0 && k < np; k++) {
        if (args[k] > 255 || none_at > 255)
            P2C_UNREACHABLE();   /* refused by cg_closure_prologue; few consts */
        if (target_is_310())
            rc = add_run(runs, "NOP", 0, 1);
        else if (ops[k] == CGEN_RUN_LOAD)
            rc = add_run(runs, "LOAD_CONST", none_at, 1);
        else if (ops[k] == CGEN_RUN_NEGATE)
            rc = add_run(runs, "UNARY_NEGATIVE", 0, 1);
        else if (ops[k] == CGEN_RUN_RETURN)
            rc = add_run(runs, "RETURN_VALUE", 0, 1);
        else
            rc = add_run(runs, ops[k] == CGEN_COPY_FREE_VARS ? "COPY_FREE_VARS" : "MAKE_CELL",
                         args[k], 1);
    }
    if (rc == 0)
        rc = add_run(runs, target_is_310() ? "NOP" : "RESUME", 0, 1);
    unsigned char *mark = PyMem_Calloc((size_t)nsites, 1);
    if (!mark)
        P2C_UNREACHABLE();
    if (front_python_version() >= 0x030d0000)
        for (int i = 0; i < nbare; i++)
            if (bare[i] > np && bare[i] < nsites)
                mark[bare[i]] = 1;
    for (int k = np + 1; rc == 0 && k < nsites;) {
        int end = k + 1;
        while (end < nsites && mark[end] == mark[k])
            end++;
        rc = add_run(runs, "NOP", mark[k], end - k);
        k = end;
    }
    PyMem_Free(mark);
    if (rc == 0)
        rc = add_run(runs, "LOAD_ASSERTION_ERROR", 0, 1);
    if (rc == 0)
        rc = add_run(runs, "RAISE_VARARGS", 1, 1);
    if (rc == 0)
        rc = add_run(runs, "NOP", 0, 2);
    PyMem_Free(ops);
    PyMem_Free(args);
    PyObject *tuple = rc == 0 ? PyList_AsTuple(runs) : NULL;
    Py_XDECREF(runs);
    return tuple;
}

/* The slot of v's name in co_varnames: a 3.10 cell parameter's is its
 * parameter slot (lower/closures.c). */
static int name_slot(const IrVar *v)
{
    return v->arg_slot >= 0 ? v->arg_slot : v->slot;
}

/* Whether v is in co_varnames: a local, or a parameter that is a cell. */
static int is_varname(const IrFunction *fn, const IrVar *v)
{
    int nparams = fn->argcount + fn->kwonlyargcount + !!(fn->fnflags & IR_FN_VARARGS) +
                  !!(fn->fnflags & IR_FN_VARKEYWORDS);
    return v->kind == IR_VAR_LOCAL || (v->kind == IR_VAR_CELL && name_slot(v) < nparams);
}

/* new: co_varnames, in slot order */
static PyObject *varnames(const IrModule *m, const IrFunction *fn)
{
    PyObject *list = PyList_New(0);
    for (int s = 0; list && s < fn->nslots; s++)
        for (int i = 0; i < fn->nvars; i++) {
            const IrVar *v = fn->vars[i];
            if (name_slot(v) != s || !is_varname(fn, v))
                continue;
            if (PyList_Append(list, ir_const_get(m, v->name_cidx)) < 0)
                Py_CLEAR(list);
            break;
        }
    PyObject *tuple = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return tuple;
}

/* new: co_cellvars as CPython's compiler passes them: every cell, sorted by
 * name (a parameter among them is merged into its co_varnames slot). */
static PyObject *cellvars(const IrModule *m, const IrFunction *fn)
{
    PyObject *list = PyList_New(0);
    for (int i = 0; list && i < fn->nvars; i++)
        if (fn->vars[i]->kind == IR_VAR_CELL &&
            PyList_Append(list, ir_const_get(m, fn->vars[i]->name_cidx)) < 0)
            Py_CLEAR(list);
    if (list && PyList_Sort(list) < 0)
        Py_CLEAR(list);
    PyObject *tuple = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return tuple;
}

/* new: (names of fn's variables of kind, in slot order) */
static PyObject *slot_names(const IrModule *m, const IrFunction *fn, IrVarKind kind)
{
    PyObject *list = PyList_New(0);
    for (int s = 0; list && s < fn->nslots; s++) {
        for (int i = 0; i < fn->nvars; i++) {
            const IrVar *v = fn->vars[i];
            if (v->slot != s || v->kind != kind)
                continue;
            if (PyList_Append(list, ir_const_get(m, v->name_cidx)) < 0)
                Py_CLEAR(list);
            break;
        }
    }
    PyObject *tuple = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return tuple;
}

/* CO_NESTED (a function inside a function) as CPython's compiler set it,
 * when the front end matched fn to CPython's code object. */
static int cpython_nested_flag(const IrModule *m, const IrFunction *fn)
{
    if (!m->stub_facts || fn->fact_index < 0 || fn->fact_index >= PyList_GET_SIZE(m->stub_facts))
        return 0;
    PyObject *fact = PyTuple_GET_ITEM(PyList_GET_ITEM(m->stub_facts, fn->fact_index), 1);
    PyObject *shape = PyTuple_GET_ITEM(fact, 5);
    return (int)PyLong_AsLong(PyTuple_GET_ITEM(shape, 4)) & CO_NESTED;
}

static int co_flags(const IrModule *m, const IrFunction *fn)
{
    if (fn->is_module || fn->is_class)
        return 0;   /* unoptimized: names live in f_locals */
    int flags = CO_OPTIMIZED | CO_NEWLOCALS | cpython_nested_flag(m, fn);
    if (fn->async_kind == IR_ASYNC_COROUTINE)
        flags |= CO_COROUTINE;
    else if (fn->async_kind == IR_ASYNC_GENERATOR)
        flags |= CO_ASYNC_GENERATOR;
    else if (fn->is_generator)
        flags |= CO_GENERATOR;
    if (fn->fnflags & IR_FN_VARARGS)
        flags |= CO_VARARGS;
    if (fn->fnflags & IR_FN_VARKEYWORDS)
        flags |= CO_VARKEYWORDS;
    return flags;
}

static int set_int(PyObject *kw, const char *key, long v)
{
    PyObject *o = PyLong_FromLong(v);
    int rc = o ? PyDict_SetItemString(kw, key, o) : -1;
    Py_XDECREF(o);
    return rc;
}

/* Steals value (NULL = an error already set). */
static int set_obj(PyObject *kw, const char *key, PyObject *value)
{
    int rc = value ? PyDict_SetItemString(kw, key, value) : -1;
    Py_XDECREF(value);
    return rc;
}

static int count_locals(const IrFunction *fn)
{
    int n = 0;
    for (int i = 0; i < fn->nvars; i++)
        n += is_varname(fn, fn->vars[i]);
    return n;
}

/* new: co_names, the global and attribute names the body refers to, as
 * CPython's compiler listed them (lower/stacksizes.c); empty if unknown.
 * Nothing reads them to run the stub; inspect.getclosurevars and tools that
 * find the globals a function uses do. */
static PyObject *names(const IrModule *m, const IrFunction *fn)
{
    PyObject *t = fn->names_cidx >= 0 ? ir_const_get(m, fn->names_cidx) : NULL;
    return t && PyTuple_CheckExact(t) ? Py_NewRef(t) : PyTuple_New(0);
}

/* ---- co_consts (docs/runtime.md, "co_consts of a stub") -----------------------
 *
 * A stub's co_consts is described by items the target resolves when it
 * builds the code objects (marshal_constants, src/front/parse_helper.py):
 * an int is that entry of the module's constant table (the same object, so
 * the blob holds a reference to it, not a copy), ("f", i) the stub at
 * table[i], ("s", desc) a stub without a body, ("k", value) the value. */

static PyObject *bodiless_stub(const IrModule *m, long k, int code_base);

/* new: the item for CPython's item `item` of m->stub_facts (lower/stacksizes.c):
 * a nested function's stub index, or a bodiless stub's description. */
static PyObject *resolve_item(const IrModule *m, PyObject *item, int code_base)
{
    if (!PyTuple_Check(item))
        return Py_NewRef(item);
    const char *tag = PyUnicode_AsUTF8(PyTuple_GET_ITEM(item, 0));
    long v = PyLong_Check(PyTuple_GET_ITEM(item, 1)) ? PyLong_AsLong(PyTuple_GET_ITEM(item, 1)) : 0;
    if (tag && strcmp(tag, "f") == 0)
        return Py_BuildValue("(sl)", "f", code_base + v);
    if (tag && strcmp(tag, "s") == 0) {
        PyObject *desc = bodiless_stub(m, v, code_base);
        PyObject *r = desc ? Py_BuildValue("(sO)", "s", desc) : NULL;
        Py_XDECREF(desc);
        return r;
    }
    return Py_NewRef(item);
}

/* Whether item stands for None. */
static int is_none_item(const IrModule *m, PyObject *item)
{
    if (PyLong_Check(item))
        return ir_const_get(m, (int)PyLong_AsLong(item)) == Py_None;
    return PyTuple_Check(item) && PyTuple_GET_ITEM(item, 1) == Py_None &&
           PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(item, 0), "k") == 0;
}

/* Appends ("k", value) to list. */
static int append_literal(PyObject *list, PyObject *value)
{
    PyObject *item = Py_BuildValue("(sO)", "k", value);
    int rc = item ? PyList_Append(list, item) : -1;
    Py_XDECREF(item);
    return rc;
}

/* new: the items of CPython's co_consts for fact k (the module body's
 * filtered: lower/stacksizes.c), nested stubs resolved; NULL (no
 * exception) when m has no such fact. */
static PyObject *cpython_items(const IrModule *m, long k, int code_base)
{
    if (!m->stub_facts || k < 0 || k >= PyList_GET_SIZE(m->stub_facts))
        return NULL;
    PyObject *items = PyTuple_GET_ITEM(PyList_GET_ITEM(m->stub_facts, k), 0);
    PyObject *list = PyList_New(PyTuple_GET_SIZE(items));
    for (Py_ssize_t i = 0; list && i < PyTuple_GET_SIZE(items); i++) {
        PyObject *item = resolve_item(m, PyTuple_GET_ITEM(items, i), code_base);
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, item);
    }
    return list;
}

/* Completes a stub's co_consts items: on 3.10, whose code objects have no
 * co_qualname, the qualified name last (the runtime's P2C_Code_QualName);
 * with the runner's units, a None for their LOAD_CONST (its index in
 * *none_at; appended when CPython's co_consts has none, as after a
 * docstring).  -1 with an exception set. */
static int finish_items(const IrModule *m, PyObject *list, const char *qualname, int runner,
                        int *none_at)
{
    *none_at = -1;
    for (Py_ssize_t i = 0; runner && *none_at < 0 && i < PyList_GET_SIZE(list); i++)
        if (is_none_item(m, PyList_GET_ITEM(list, i)))
            *none_at = (int)i;
    if (runner && *none_at < 0) {
        *none_at = (int)PyList_GET_SIZE(list);
        if (append_literal(list, Py_None) < 0)
            return -1;
    }
    if (!target_is_310())
        return 0;
    PyObject *q = PyUnicode_FromString(qualname);
    int rc = q ? append_literal(list, q) : -1;
    Py_XDECREF(q);
    return rc;
}

/* new: co_consts items of fn: CPython's (its docstring or None first, then
 * its constants in the compiler's order, nested code objects in place;
 * of the module body, only the first and the code objects:
 * lower/stacksizes.c), or
 * when the front end did not match fn to a code object of CPython's (or
 * None would sit past the runner's one-byte LOAD_CONST), the docstring (or
 * None) alone.  *none_at: the index of None for the runner's units. */
static PyObject *consts_items(const IrModule *m, const IrFunction *fn, int code_base,
                              int *none_at)
{
    int runner = cgen_stub_run_units(fn) > 0;
    PyObject *list = cpython_items(m, fn->fact_index, code_base);
    if (list && finish_items(m, list, fn->qualname, runner, none_at) == 0 && *none_at <= 255)
        goto done;
    Py_CLEAR(list);
    if (PyErr_Occurred())
        return NULL;
    list = PyList_New(0);
    PyObject *doc = fn->doc_cidx >= 0 ? PyLong_FromLong(fn->doc_cidx) : NULL;
    int rc = !list ? -1 : doc ? PyList_Append(list, doc) : append_literal(list, Py_None);
    Py_XDECREF(doc);
    if (rc < 0 || finish_items(m, list, fn->qualname, runner, none_at) < 0)
        Py_CLEAR(list);
done:;
    PyObject *tuple = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    return tuple;
}

/* new: the keyword arguments of code.replace() describing fn's stub, but
 * co_code.  The || chain stops at the first failure, before building any
 * later value. */
/* new: the stub's co_linetable.  The stub runner's units (before the
 * closure prefix) take the position of the unit after them, so that unit
 * 0 has the position CPython's unit 0 has (the RESUME's def line, or none
 * for a MAKE_CELL / COPY_FREE_VARS): a traceback at lasti 0 and
 * co_positions() read it, and the tail's units copy it. */
static PyObject *stub_linetable(const IrFunction *fn, const IrPos *sites, int nsites,
                                int firstlineno)
{
    int nrun = cgen_stub_run_units(fn);
    if (nrun == 0 || nsites <= nrun)
        return cgen_linetable(firstlineno, sites, nsites, CGEN_STUB_TAIL_UNITS);
    IrPos *pos = PyMem_Malloc((size_t)nsites * sizeof *pos);
    if (pos == NULL)
        return PyErr_NoMemory();
    memcpy(pos, sites, (size_t)nsites * sizeof *pos);
    for (int k = 0; k < nrun; k++)
        pos[k] = sites[nrun];
    PyObject *table = cgen_linetable(firstlineno, pos, nsites, CGEN_STUB_TAIL_UNITS);
    PyMem_Free(pos);
    return table;
}

static PyObject *replace_args(const IrModule *m, const IrFunction *fn,
                              const IrPos *sites, int nsites, int firstlineno,
                              int stacksize, int code_base, int *none_at)
{
    PyObject *kw = PyDict_New();
    if (!kw)
        return NULL;
    if (set_int(kw, "co_argcount", fn->argcount) < 0 ||
        set_int(kw, "co_posonlyargcount", fn->posonlyargcount) < 0 ||
        set_int(kw, "co_kwonlyargcount", fn->kwonlyargcount) < 0 ||
        set_int(kw, "co_nlocals", count_locals(fn)) < 0 ||
        set_int(kw, "co_stacksize", stacksize) < 0 ||
        set_int(kw, "co_flags", co_flags(m, fn)) < 0 ||
        set_int(kw, "co_firstlineno", firstlineno) < 0 ||
        set_obj(kw, "co_consts", consts_items(m, fn, code_base, none_at)) < 0 ||
        set_obj(kw, "co_names", names(m, fn)) < 0 ||
        set_obj(kw, "co_varnames", varnames(m, fn)) < 0 ||
        set_obj(kw, "co_cellvars", cellvars(m, fn)) < 0 ||
        set_obj(kw, "co_freevars", slot_names(m, fn, IR_VAR_FREE)) < 0 ||
        set_obj(kw, "co_name", PyUnicode_FromString(fn->name)) < 0 ||
        set_obj(kw, "co_linetable", stub_linetable(fn, sites, nsites, firstlineno)) < 0)
        Py_CLEAR(kw);
    if (kw && !target_is_310() &&
        (set_obj(kw, "co_qualname", PyUnicode_FromString(fn->qualname)) < 0 ||
         set_obj(kw, "co_exceptiontable", PyBytes_FromStringAndSize(NULL, 0)) < 0))
        Py_CLEAR(kw);
    return kw;
}

PyObject *cgen_code_object(const IrModule *m, const IrFunction *fn,
                           const IrPos *sites, int nsites, const int *bare, int nbare,
                           int stacksize, int code_base)
{
    int firstlineno = fn->pos.line > 0 ? fn->pos.line : 1;
    int none_at = 0;
    PyObject *kw = replace_args(m, fn, sites, nsites, firstlineno, stacksize, code_base,
                                &none_at);
    PyObject *runs = kw ? stub_bytecode(fn, nsites, bare, nbare, none_at) : NULL;
    PyObject *desc = runs ? Py_BuildValue("(OOs)", kw, runs, m->filename) : NULL;
    Py_XDECREF(runs);
    Py_XDECREF(kw);
    return desc;
}

/* ---- stubs without a body ----------------------------------------------------
 *
 * A code object CPython's compiler makes that pyc2c has no function for (a
 * comprehension compiled inline) still gets a stub in its parent's
 * co_consts, from CPython's own facts about it: its name, qualified name,
 * arguments, variables, flags, constants and names introspect as
 * CPython's.  Its bytecode is the runner's units (3.11 on), RESUME and the
 * raising tail; the runtime registers it, when the module is loaded, with
 * an entry point that raises a SystemError saying it has no body
 * (P2C_Function_RegisterStubs). */

/* new: the runs of a bodiless stub's bytecode */
static PyObject *bodiless_bytecode(int none_at)
{
    if (target_is_310())
        return Py_BuildValue("((sii)(sii)(sii)(sii))", "NOP", 0, 1, "LOAD_ASSERTION_ERROR", 0, 1,
                             "RAISE_VARARGS", 1, 1, "NOP", 0, 2);
    return Py_BuildValue("((sii)(sii)(sii)(sii)(sii)(sii)(sii))", "LOAD_CONST", none_at, 1,
                         "UNARY_NEGATIVE", 0, 1, "RETURN_VALUE", 0, 1, "RESUME", 0, 1,
                         "LOAD_ASSERTION_ERROR", 0, 1, "RAISE_VARARGS", 1, 1, "NOP", 0, 2);
}

/* Sets the code.replace() arguments read from CPython's shape (argcount,
 * posonlyargcount, kwonlyargcount, nlocals, flags, varnames, cellvars,
 * freevars, name: parse_helper.py, code_facts). */
static int set_shape(PyObject *kw, PyObject *shape)
{
    static const char *const keys[] = {"co_argcount", "co_posonlyargcount",
        "co_kwonlyargcount", "co_nlocals", "co_flags", "co_varnames", "co_cellvars",
        "co_freevars", "co_name"};
    if (!PyTuple_Check(shape) || PyTuple_GET_SIZE(shape) != 9)
        return PyErr_SetString(PyExc_ValueError, "bad code shape"), -1;
    for (int i = 0; i < 9; i++)
        if (PyDict_SetItemString(kw, keys[i], PyTuple_GET_ITEM(shape, i)) < 0)
            return -1;
    return 0;
}

/* new: the description (as cgen_code_object's) of the bodiless stub of
 * fact k: (qualname, firstlineno, stacksize, names, consts, shape). */
static PyObject *bodiless_stub(const IrModule *m, long k, int code_base)
{
    PyObject *fact = PyTuple_GET_ITEM(PyList_GET_ITEM(m->stub_facts, k), 1);
    const char *qualname = PyUnicode_AsUTF8(PyTuple_GET_ITEM(fact, 0));
    int line = (int)PyLong_AsLong(PyTuple_GET_ITEM(fact, 1));
    long stacksize = PyLong_AsLong(PyTuple_GET_ITEM(fact, 2));
    PyObject *items = qualname ? cpython_items(m, k, code_base) : NULL;
    int none_at = 0;
    if (!items || finish_items(m, items, qualname, !target_is_310(), &none_at) < 0 ||
        none_at > 255) {
        Py_XDECREF(items);
        return PyErr_Occurred() ? NULL : PyErr_Format(PyExc_ValueError, "no stub for %s", qualname);
    }
    IrPos pos[4] = {{.line = line, .col = -1, .end_col = -1}};
    for (int i = 1; i < 4; i++)
        pos[i] = pos[0];
    PyObject *kw = PyDict_New();
    if (!kw || set_shape(kw, PyTuple_GET_ITEM(fact, 5)) < 0 ||
        set_int(kw, "co_stacksize", stacksize > 1 ? stacksize : 1) < 0 ||
        set_int(kw, "co_firstlineno", line) < 0 ||
        set_obj(kw, "co_consts", PyList_AsTuple(items)) < 0 ||
        PyDict_SetItemString(kw, "co_names", PyTuple_GET_ITEM(fact, 3)) < 0 ||
        set_obj(kw, "co_linetable", cgen_linetable(line, pos, target_is_310() ? 1 : 4,
                                                   CGEN_STUB_TAIL_UNITS)) < 0 ||
        (!target_is_310() &&
         (PyDict_SetItemString(kw, "co_qualname", PyTuple_GET_ITEM(fact, 0)) < 0 ||
          set_obj(kw, "co_exceptiontable", PyBytes_FromStringAndSize(NULL, 0)) < 0)))
        Py_CLEAR(kw);
    Py_DECREF(items);
    PyObject *runs = kw ? bodiless_bytecode(none_at) : NULL;
    PyObject *desc = runs ? Py_BuildValue("(OOs)", kw, runs, m->filename) : NULL;
    Py_XDECREF(runs);
    Py_XDECREF(kw);
    return desc;
}
