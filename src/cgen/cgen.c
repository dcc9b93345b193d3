/* cgen.c — cgen_module(): one IR module into one C file.
 *
 * The file, in order: a header naming its source; the constant table
 * `p2c_c` and the marshalled blob it is loaded from at module init (the IR's
 * constants followed by one stub code object per function, see codeobj.c);
 * prototypes and definitions of the functions' C entry points (vectorcall
 * signature); the module exec function (the module body); and the entry
 * point: PyInit_<name> (multi-phase init) for an extension module, or main()
 * for an accelerated executable.
 *
 * Function bodies are generated first, each into its own Emitter, because a
 * function's declarations (its temporaries) and the blob (its sites) are
 * only known once its body has been generated.
 */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/front.h"            /* Python.h first */
#include <marshal.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* C identifiers from Python names: ASCII letters, digits and '_' kept,
 * anything else '_' (the function id keeps names apart). */
static void sanitize(const char *name, char *buf, size_t size)
{
    size_t i = 0;
    for (; name[i] && i + 1 < size && i < 40; i++) {
        unsigned char c = (unsigned char)name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '_';
        buf[i] = ok ? (char)c : '_';
    }
    buf[i] = '\0';
}

void cg_func_cname(const IrFunction *fn, char *buf, size_t size)
{
    char name[48];
    sanitize(fn->name, name, sizeof name);
    snprintf(buf, size, "p2c_f%d_%s", fn->id, name);
}

/* Reports the pending Python exception as a compiler error. */
static int python_error(const char *what)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *s = value ? PyObject_Str(value) : NULL;
    const char *msg = s ? PyUnicode_AsUTF8(s) : NULL;
    diag_error("%s: %s", what, msg ? msg : "unknown error");
    PyErr_Clear();
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return -1;
}

/* ---- one function ------------------------------------------------------------ */

void cg_declare_temps(Emitter *e, const char *prefix, int n)
{
    for (int i = 0; i < n; i += 8) {
        emit_raw(e, "    PyObject");
        for (int j = i; j < n && j < i + 8; j++)
            emit_raw(e, "%s*%s%d = NULL", j > i ? ", " : " ", prefix, j);
        emit_raw(e, ";\n");
    }
}

void cg_release_temps(Emitter *e, const char *prefix, int n)
{
    for (int i = 0; i < n; i++)
        emit_line(e, "Py_XDECREF(%s%d);", prefix, i);
}

/* Argument binding with the common call inline: as many positional
 * arguments as fn has parameters, no keywords — when fn has neither
 * keyword-only parameters nor *args / **kwargs, that is all binding does
 * (defaults only fill missing ones): the slots take the arguments, given
 * by a compiled call site or new references (P2C_TakeArgs).  Anything
 * else: the full binding. */
static void bind_args_fast(Emitter *e, const IrFunction *fn)
{
    if (fn->kwonlyargcount > 0 || (fn->fnflags & (IR_FN_VARARGS | IR_FN_VARKEYWORDS))) {
        emit_line(e, "if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, "
                  "p2c_kwnames, &P2C_SLOT(f, 0)) < 0)");
        emit_line(e, "    return NULL;");
        return;
    }
    emit_line(e, "if (P2C_LIKELY(p2c_kwnames == NULL && P2C_NARGS(p2c_nargsf) == %d)) {",
              fn->argcount);
    if (fn->argcount > 0)
        emit_line(e, "    P2C_TakeArgs(&P2C_SLOT(f, 0), p2c_args, %d, p2c_nargsf);",
                  fn->argcount);
    emit_line(e, "}");
    emit_line(e, "else if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, "
              "p2c_kwnames, &P2C_SLOT(f, 0)) < 0)");
    emit_line(e, "    return NULL;");
}

/* The module's stubs registered with their compiled bodies as soon as the
 * constants are loaded (P2C_Function_RegisterStubs): the interpreter may
 * run a nested stub taken from co_consts before any function of it was
 * made.  Module and class bodies have none (NULL). */
static void register_stubs(Emitter *e, const Cg *cg)
{
    const IrModule *m = cg->m;
    emit_line(e, "{");
    emit_line(e, "    static const vectorcallfunc p2c_stub_impls[%d] = {", m->nfuncs);
    for (int i = 0; i < m->nfuncs; i++) {
        char cname[128] = "NULL";
        if (!m->funcs[i]->is_module && !m->funcs[i]->is_class)
            cg_func_cname(m->funcs[i], cname, sizeof cname);
        emit_line(e, "        %s,", cname);
    }
    emit_line(e, "    };");
    emit_line(e, "    if (P2C_Function_RegisterStubs(p2c_c + %d, p2c_stub_impls, %d) < 0)",
              cg->code_base, m->nfuncs);
    emit_line(e, "        return -1;");
    emit_line(e, "}");
}

/* The prologue: frame storage, result, temporaries; argument binding and
 * frame push (module: constants, an extension's source path, frame push). */
static void prologue(Emitter *e, const Cg *cg, int nconsts)
{
    const IrFunction *fn = cg->fn;
    emit_line(e, "P2C_FRAME_STORAGE(p2c_fs, %d);", fn->nslots);
    emit_line(e, "P2C_Frame *f = P2C_FRAME(p2c_fs);");
    emit_line(e, fn->is_module ? "int r = -1;" : "PyObject *r = NULL;");
    cg_declare_temps(e, "x", cg->maxtmp);
    if (cg->nchunks > 0)
        cg_chunks_declare_temps(e, cg);
    else
        cg_declare_temps(e, "t", fn->ntemps);
    if (fn->is_module) {
        emit_line(e, "if (P2C_Runtime_Ready(module) < 0)");
        emit_line(e, "    return -1;");
        emit_line(e, "if (P2C_LoadConstants(p2c_blob, sizeof p2c_blob, p2c_c, %d) < 0)",
                  nconsts);
        emit_line(e, "    return -1;");
        /* __file__ and co_filename: the source beside the .so (docs/usage.md) */
        if (cg->opt->mode == CGEN_EXTENSION) {
            emit_line(e, "if (P2C_Module_SetSourceFile(module, p2c_c, %d) < 0)", nconsts);
            emit_line(e, "    return -1;");
        } else {   /* a dist's __main__ names its place in the dist */
            emit_line(e, "if (P2C_Module_SetMainSourceFile(module, p2c_c, %d) < 0)", nconsts);
            emit_line(e, "    return -1;");
        }
        register_stubs(e, cg);
        /* before anything runs, as CPython warns while compiling */
        if (cg->m->warnings_cidx >= 0) {
            emit_line(e, "if (P2C_CompileWarnings(p2c_c[%d], p2c_c[%d]) < 0)",
                      cg->m->warnings_cidx, cg->code_base);
            emit_line(e, "    return -1;");
        }
        emit_line(e, "if (P2C_Frame_PushModule(f, p2c_c[%d], PyModule_GetDict(module)) < 0)",
                  cg->code_base);
        emit_line(e, "    return -1;");
        return;
    }
    if (fn->is_class) {   /* called by P2C_BuildClass with the namespace */
        emit_line(e, "if (P2C_Frame_PushClassBody(f, p2c_func, p2c_args, p2c_nargsf, "
                  "p2c_kwnames, %d) < 0)", fn->nslots);
        emit_line(e, "    return NULL;");
        return;
    }
    if (cg->opt->opt_level >= 1) {
        bind_args_fast(e, fn);
        emit_line(e, "if (P2C_Frame_PushFunctionFast(f, p2c_func, %d, %d) < 0)", fn->nslots,
                  cgen_prefix(fn, NULL, NULL, 0));
        emit_line(e, "    return NULL;");
        return;
    }
    emit_line(e, "if (P2C_Function_BindArgs(p2c_func, p2c_args, p2c_nargsf, p2c_kwnames, "
              "&P2C_SLOT(f, 0)) < 0)");
    emit_line(e, "    return NULL;");
    emit_line(e, "if (P2C_Frame_PushFunction(f, p2c_func, %d) < 0)", fn->nslots);
    emit_line(e, "    return NULL;");
}

/* The one way out: `error` adds the traceback entry, `exit` releases every
 * temporary (NULL or owned) and pops the frame (releasing its slots), which
 * reports the return to a trace or profile hook. */
void cg_exit_labels(Emitter *e, const Cg *cg)
{
    if (cg->used_error) {
        emit_line(e, "goto exit;");
        emit_label(e, "error");
        emit_line(e, "P2C_Frame_AddTraceback(f);");
    }
    if (cg->used_error || cg->used_exit)
        emit_label(e, "exit");
}

static void epilogue(Emitter *e, const Cg *cg)
{
    cg_exit_labels(e, cg);
    cg_release_temps(e, "x", cg->maxtmp);
    if (cg->nchunks > 0)
        cg_chunks_release_temps(e, cg);
    else
        cg_release_temps(e, "t", cg->fn->ntemps);
    /* the return event when tracing, then the pop (docs/runtime.md) */
    if (cg->fn->is_module)
        emit_line(e, "return P2C_Frame_PopModule(f, r);");
    else if (cg->opt->opt_level >= 1)
        emit_line(e, "return P2C_Frame_PopReturnFast(f, r, %d);", cg->fn->nslots);
    else
        emit_line(e, "return P2C_Frame_PopReturn(f, r);");
}

void cg_signature(Emitter *e, const Cg *cg, bool prototype)
{
    const IrFunction *fn = cg->fn;
    char cname[128];
    if (fn->is_module) {
        emit_raw(e, "static int p2c_module_exec(PyObject *module)%s\n", prototype ? ";" : "");
        return;
    }
    if (fn->is_generator && prototype) {
        cg_generator_body_name(fn, cname, sizeof cname);
        emit_raw(e, "%sPyObject *%s(PyObject *p2c_gen, PyObject *p2c_sent);\n",
                 cg_linkage(cg), cname);
    }
    cg_func_cname(fn, cname, sizeof cname);
    emit_raw(e, "%sPyObject *%s(PyObject *p2c_func, PyObject *const *p2c_args, "
             "size_t p2c_nargsf, PyObject *p2c_kwnames)%s\n", cg_linkage(cg), cname,
             prototype ? ";" : "");
    if (prototype && cg->collector)
        cg_collector_prototype(e, cg->collector);
}

/* Before a very large function's definition: gcc compiles it at -O1 without
 * points-to analysis and if-conversion, the passes -ftime-report shows
 * blowing up on such functions (with the -O2-only ones: PTA 37 s, RTL
 * dataflow 34 s, if-conversion 16 s of 168 s; 18 s in all with this).  The
 * functions that large are mostly module bodies, which run once, and long
 * straight-line functions, where -O2's gain is small next to minutes of
 * compile time.  clang has no `optimize` attribute (it would warn), so the
 * guard leaves it out. */
void cg_large_function_attribute(Emitter *e)
{
    emit_raw(e, "#if defined(__GNUC__) && !defined(__clang__)\n"
             "__attribute__((optimize(\"O1\", \"no-tree-pta\", \"no-if-conversion\", "
             "\"no-if-conversion2\")))\n"
             "#endif\n");
}

/* Before a chunk of code that runs once (a module or class body outside any
 * loop, docs/compile-scaling.md) and before the C functions of a huge
 * function (Cg.huge): gcc compiles it at -O0.  Speed there is worth little
 * next to compile time (a part file of run-once chunks: 11.1 s of CPU at
 * -O1 without PTA, 4.8 s at -O0); the runtime's static inline helpers it
 * calls are then not inlined but called, as static copies the file
 * compiles once at its own -O2.  clang: as above. */
void cg_unoptimized_attribute(Emitter *e)
{
    emit_raw(e, "#if defined(__GNUC__) && !defined(__clang__)\n"
             "__attribute__((optimize(\"O0\")))\n"
             "#endif\n");
}

void cg_write_function(Emitter *e, const Cg *cg, const Emitter *body, int nconsts)
{
    const IrFunction *fn = cg->fn;
    emit_raw(e, "\n/* %s \"", fn->is_module ? "module body" : fn->is_class ? "class" : "def");
    for (const char *p = fn->qualname; *p; p++)      /* keep the comment closed */
        emit_raw(e, "%c", (*p == '*' && p[1] == '/') ? '_' : *p);
    emit_raw(e, "\", line %d */\n", fn->pos.line);
    if (fn->is_generator) {
        cg_write_generator(e, cg, body);
        if (cg->collector)
            cg_write_collector(e, cg->collector, cg->collector_body);
        return;
    }
    cg_chunks_write_before(e, cg);
    if (cg->huge)
        cg_unoptimized_attribute(e);
    else if (emit_count_lines(body) > CGEN_LARGE_FUNCTION_LINES)
        cg_large_function_attribute(e);
    cg_signature(e, cg, false);
    emit_raw(e, "{\n");
    e->indent = 1;
    cg_jump_table(e, cg);
    prologue(e, cg, nconsts);
    emit_append(e, body);
    epilogue(e, cg);
    e->indent = 0;
    emit_raw(e, "}\n");
    cg_chunks_write_after(e, cg);
}

/* ---- the file --------------------------------------------------------------------- */

void cg_write_header(Emitter *e, const IrModule *m)
{
    emit_raw(e, "/* Generated by pyc2c from ");
    for (const char *p = m->filename; *p; p++)
        emit_raw(e, "%c", (*p == '*' && p[1] == '/') ? '_' : *p);
    emit_raw(e, " \xe2\x80\x94 do not edit. */\n");
    emit_raw(e, "#include \"pyc2c/runtime.h\"\n\n");
}

static void write_blob(Emitter *e, const Cg *cg, PyObject *blob, int nconsts)
{
    const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(blob);
    Py_ssize_t n = PyBytes_GET_SIZE(blob);
    emit_raw(e, "%sPyObject *p2c_c[%d];\n\n", cg_linkage(cg), nconsts);
    emit_raw(e, "/* marshal.dumps of the %d constants (the last ones are the "
             "functions' code objects) */\n", nconsts);
    emit_raw(e, "static const unsigned char p2c_blob[%zd] = {", n);
    /* one line of 20 bytes at a time: blobs can be megabytes */
    for (Py_ssize_t i = 0; i < n; i += 20) {
        char line[20 * 4 + 8], *q = line;
        q += sprintf(q, "\n    ");
        for (Py_ssize_t j = i; j < n && j < i + 20; j++)
            q += sprintf(q, "%u,", p[j]);
        emit_raw(e, "%s", line);
    }
    emit_raw(e, "\n};\n");
}

int cg_write_entry(Emitter *e, const IrModule *m, const CgenOptions *opt)
{
    if (opt->mode == CGEN_EXECUTABLE) {
        emit_raw(e, "\nstatic const P2C_MainInfo p2c_main_info = {p2c_module_exec, ");
        emit_c_string(e, m->filename);
        emit_raw(e, ", ");
        if (opt->python_exe)
            emit_c_string(e, opt->python_exe);
        else
            emit_raw(e, "NULL");
        emit_raw(e, "};\n\nint main(int argc, char **argv)\n{\n"
                 "    return P2C_Main(argc, argv, &p2c_main_info);\n}\n");
        return 0;
    }
    if (opt->exec_name) {   /* a member of a package extension */
        emit_raw(e, "\n/* the exec function of %s in the package's table */\n"
                 "P2C_API int %s(PyObject *module);\n"
                 "int %s(PyObject *module)\n{\n"
                 "    return p2c_module_exec(module);\n}\n",
                 m->name, opt->exec_name, opt->exec_name);
        return 0;
    }
    const char *last = strrchr(m->name, '.');
    last = last ? last + 1 : m->name;
    for (const char *p = last; *p; p++)
        if ((unsigned char)*p >= 0x80) {
            diag_error("%s: a non-ASCII module name is not supported yet", m->filename);
            return -1;
        }
    emit_raw(e, "\nstatic PyModuleDef_Slot p2c_slots[] = {\n"
             "    {Py_mod_exec, (void *)p2c_module_exec},\n    {0, NULL}\n};\n\n"
             "static struct PyModuleDef p2c_moduledef = {\n"
             "    PyModuleDef_HEAD_INIT, ");
    emit_c_string(e, m->name);
    emit_raw(e, ", NULL, 0, NULL, p2c_slots, NULL, NULL, NULL\n};\n\n"
             "PyMODINIT_FUNC PyInit_%s(void)\n{\n"
             "    return PyModuleDef_Init(&p2c_moduledef);\n}\n", last);
    return 0;
}

/* The items of the frozenset set as a tuple in an order that does not
 * depend on the compiler's hash seed: sorted by their marshalled bytes, as
 * CPython's marshal orders a set (bpo-37596).  Iterating the set would give
 * its hash-table order, which changes from run to run with string hashes,
 * and the C would then differ between two builds of the same source
 * (defeating ccache and the build stamp).  The key is marshal version 2,
 * which writes no references: version 3 and later flag an item by its
 * reference count.  New reference, NULL with an exception set. */
static PyObject *frozenset_items_sorted(PyObject *set)
{
    PyObject *pairs = PyList_New(0), *item, *out = NULL;
    PyObject *it = pairs ? PyObject_GetIter(set) : NULL;
    while (it && (item = PyIter_Next(it)) != NULL) {
        PyObject *key = PyMarshal_WriteObjectToString(item, 2);
        PyObject *pair = key ? PyTuple_Pack(2, key, item) : NULL;
        int rc = pair ? PyList_Append(pairs, pair) : -1;
        Py_XDECREF(key);
        Py_XDECREF(pair);
        Py_DECREF(item);
        if (rc < 0)
            Py_CLEAR(it);
    }
    /* equal keys are equal items, which a set holds once: the sort never
     * compares the items themselves */
    if (it && !PyErr_Occurred() && PyList_Sort(pairs) == 0) {
        Py_ssize_t n = PyList_GET_SIZE(pairs);
        out = PyTuple_New(n);
        for (Py_ssize_t i = 0; out && i < n; i++) {
            PyObject *value = PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, i), 1);
            Py_INCREF(value);
            PyTuple_SET_ITEM(out, i, value);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(pairs);
    return out;
}

/* Whether the hash of the constant c is the same in every process: numbers,
 * None, Ellipsis and tuples or frozensets of them.  A str's or bytes' hash
 * follows the hash seed; a NaN's (3.10+) follows its address. */
static bool hash_is_seed_free(PyObject *c)
{
    if (c == Py_None || c == Py_Ellipsis || PyBool_Check(c) || PyLong_CheckExact(c))
        return true;
    if (PyFloat_CheckExact(c))
        return !isnan(PyFloat_AS_DOUBLE(c));
    if (PyComplex_CheckExact(c)) {
        Py_complex z = PyComplex_AsCComplex(c);
        return !isnan(z.real) && !isnan(z.imag);
    }
    if (PyTuple_CheckExact(c)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(c); i++)
            if (!hash_is_seed_free(PyTuple_GET_ITEM(c, i)))
                return false;
        return true;
    }
    if (PyFrozenSet_CheckExact(c)) {
        Py_ssize_t pos = 0;
        PyObject *item;
        Py_hash_t hash;
        while (_PySet_NextEntry(c, &pos, &item, &hash))
            if (!hash_is_seed_free(item))
                return false;
        return true;
    }
    return false;
}

/* The items of the frozenset set in the order the runtime inserts them.
 * When every hash is seed-free, the set's own iteration order: it is the
 * same in every compiler run, and inserting in it gives the table layout
 * (so the iteration order) of CPython's constant, which its compiler also
 * rebuilds from the folded frozenset's iteration order
 * (merge_consts_recursive); tests/programs/set_display_order.py prints it.
 * Otherwise that order changes with the compiler's hash seed, and neither
 * it nor any other order carries over to the program's own seed: sorted,
 * so that the C is the same in every run.  New reference, NULL with an
 * exception set. */
static PyObject *frozenset_items(PyObject *set)
{
    return hash_is_seed_free(set) ? PySequence_Tuple(set) : frozenset_items_sorted(set);
}

/* The tuple marshalled for the constant table consts: its items, then the
 * indexes of its frozensets.  Each frozenset is written as the tuple of its
 * items in a seed-independent order (frozenset_items), and
 * P2C_LoadConstants rebuilds it from that tuple at run time, under the
 * program's own hash seed, as CPython rebuilds a marshalled frozenset when
 * it loads a .pyc.  The set goes as a tuple so that the order is the
 * compiler's and not whatever the target's marshal does with a set.
 * New reference, NULL with an exception set. */
static PyObject *marshal_table(PyObject *consts)
{
    Py_ssize_t n = PyList_GET_SIZE(consts);
    PyObject *out = PyTuple_New(n + 1), *frozen = PyList_New(0);
    for (Py_ssize_t i = 0; out && frozen && i < n; i++) {
        PyObject *c = PyList_GET_ITEM(consts, i), *index = NULL;
        if (PyFrozenSet_CheckExact(c) && PySet_GET_SIZE(c) > 0) {
            index = PyLong_FromSsize_t(i);
            if (!index || PyList_Append(frozen, index) < 0 || !(c = frozenset_items(c)))
                Py_CLEAR(out);
            Py_XDECREF(index);
        } else {
            Py_INCREF(c);
        }
        if (out)
            PyTuple_SET_ITEM(out, i, c);
    }
    PyObject *indexes = out && frozen ? PyList_AsTuple(frozen) : NULL;
    Py_XDECREF(frozen);
    if (!indexes) {
        Py_XDECREF(out);
        return NULL;
    }
    PyTuple_SET_ITEM(out, n, indexes);
    return out;
}

/* Appends the description of each function's stub code object to the
 * constant table, at the index code_base + id the generated code already
 * uses (not through ir_const: descriptions are neither constants nor
 * shared), and has the target make code objects of them and marshal the
 * table in its own format (front_target_marshal): code objects differ
 * between versions.  Returns the blob or NULL after a diagnostic. */
static PyObject *build_blob(IrModule *m, Cg *cgs, int code_base)
{
    if (PyList_GET_SIZE(m->consts) != code_base)
        P2C_UNREACHABLE();   /* code generation must not add constants */
    PyObject *code_indexes = PyTuple_New(m->nfuncs);
    if (!code_indexes)
        return python_error("cannot build the code objects"), NULL;
    for (int i = 0; i < m->nfuncs; i++) {
        /* CPython's own depth where known (frame and generator sizes),
         * and at least what a generator body keeps in its frame */
        int stacksize = m->funcs[i]->cpython_stacksize;
        if (m->funcs[i]->is_generator && stacksize < cg_generator_spill(&cgs[i]))
            stacksize = cg_generator_spill(&cgs[i]);
        if (stacksize < 1)
            stacksize = 1;
        PyObject *desc = cgen_code_object(m, m->funcs[i], cgs[i].sites, cgs[i].nsites,
                                          cgs[i].bare_sites, cgs[i].nbare, stacksize,
                                          code_base);
        PyObject *index = desc ? PyLong_FromLong(code_base + i) : NULL;
        int rc = index ? PyList_Append(m->consts, desc) : -1;
        Py_XDECREF(desc);
        if (rc < 0) {
            Py_XDECREF(index);
            Py_DECREF(code_indexes);
            return python_error("cannot build a code object"), NULL;
        }
        PyTuple_SET_ITEM(code_indexes, i, index);
    }
    PyObject *tuple = marshal_table(m->consts);
    PyObject *blob = tuple ? front_target_marshal(tuple, code_indexes) : NULL;
    Py_XDECREF(tuple);
    Py_DECREF(code_indexes);
    if (!blob)
        python_error("cannot marshal the constants");
    return blob;
}

/* ---- collectors (collect.c) ---------------------------------------------------- */

static void *copy_of(const void *p, size_t size)
{
    void *q = xmalloc(size);
    if (size)
        memcpy(q, p, size);
    return q;
}

/* Generates the collector of the generator expression gen->fn into body,
 * with kcg starting from gen's sites, so that the two share the code
 * object built from them. */
static void generate_collector(Cg *kcg, const Cg *gen, Emitter *body)
{
    *kcg = (Cg){.m = gen->m, .opt = gen->opt, .code_base = gen->code_base,
                .nglobal_caches = gen->nglobal_caches, .nattr_caches = gen->nattr_caches,
                .ncall_caches = gen->ncall_caches, .split_tag = gen->split_tag,
                .inline_defs = gen->inline_defs, .ninline_defs = gen->ninline_defs,
                .pure_defs = gen->pure_defs, .npure_defs = gen->npure_defs,
                .writing_collector = true};
    kcg->nsites = kcg->capsites = gen->nsites;
    kcg->sites = copy_of(gen->sites, (size_t)gen->nsites * sizeof *gen->sites);
    kcg->capsite_index = gen->capsite_index;
    kcg->site_index = copy_of(gen->site_index,
                              (size_t)gen->capsite_index * sizeof *gen->site_index);
    cg_function(kcg, gen->fn, body);
    if (kcg->nsites != gen->nsites)
        P2C_UNREACHABLE();   /* an operation the generator has no site for */
}

static void free_cg(Cg *cg)
{
    free(cg->live);
    free(cg->always_bound);
    free(cg->sites);
    free(cg->site_index);
    free(cg->resume_sites);
    free(cg->bare_sites);
    emit_free(&cg->chunks);
    free(cg->chunk_starts);
    free(cg->chunk_weights);
    free(cg->temp_uses);
    cg_jumps_free(cg);
}

/* The constant table and blob, and the module's caches. */
void cg_write_tables(Emitter *e, const Cg *cg, PyObject *blob, int nconsts)
{
    const char *link = cg_linkage(cg);
    write_blob(e, cg, blob, nconsts);
    if (*cg->nglobal_caches > 0)
        emit_raw(e, "\n/* what each global-name load found last (P2C_LoadGlobalCached) */\n"
                 "%sP2C_GlobalCache p2c_gcache[%d];\n", link, *cg->nglobal_caches);
    if (*cg->ncall_caches > 0)
        emit_raw(e, "\n/* the class each call site instantiated last (P2C_CallCachedSteal) */\n"
                 "%sP2C_CallCache p2c_ccache[%d];\n", link, *cg->ncall_caches);
    if (*cg->nattr_caches > 0)
        emit_raw(e, "\n/* what each attribute site found last (pyc2c/attrs.h) */\n"
                 "%sP2C_AttrCache p2c_acache[%d];\n", link, *cg->nattr_caches);
}

static int write_file(IrModule *m, const CgenOptions *opt, Cg *cgs, Emitter *bodies,
                      PyObject *blob, FILE *out)
{
    int nconsts = (int)PyList_GET_SIZE(m->consts);
    Emitter e;
    emit_init(&e);
    int rc;
    if (cgs[0].split_tag) {   /* several C files, as one text (cfiles.c) */
        rc = cg_write_split(&e, m, opt, cgs, bodies, blob);
        goto written;
    }
    cg_write_header(&e, m);
    cg_write_tables(&e, &cgs[0], blob, nconsts);
    emit_raw(&e, "\n");
    for (int i = 0; i < m->nfuncs; i++)
        cg_signature(&e, &cgs[i], true);
    for (int i = 1; i < m->nfuncs; i++)
        cg_write_function(&e, &cgs[i], &bodies[i], nconsts);
    cg_write_function(&e, &cgs[0], &bodies[0], nconsts);
    rc = cg_write_entry(&e, m, opt);
written:
    if (rc == 0 && fwrite(e.buf, 1, e.len, out) != e.len) {
        diag_error("cannot write the generated C");
        rc = -1;
    }
    emit_free(&e);
    return rc;
}

int cgen_module(IrModule *m, const CgenOptions *opt, FILE *out)
{
    if (m->nfuncs == 0 || !m->funcs[0]->is_module)
        P2C_UNREACHABLE();
    int code_base = (int)PyList_GET_SIZE(m->consts);
    Cg *cgs = xcalloc((size_t)m->nfuncs, sizeof *cgs);
    Emitter *bodies = xcalloc((size_t)m->nfuncs, sizeof *bodies);
    Cg *kcgs = xcalloc((size_t)m->nfuncs, sizeof *kcgs);           /* collectors */
    Emitter *kbodies = xcalloc((size_t)m->nfuncs, sizeof *kbodies);
    int rc = 0, nglobal_caches = 0, nattr_caches = 0, ncall_caches = 0;
    /* the suffix of the module's shared symbols: the package exec name is
     * unique in its binary, and a lone module is the only one in its own */
    const char *split_tag = cg_split_wanted(m) ? opt->exec_name ? opt->exec_name : "main"
                                               : NULL;
    int ninline_defs;
    const IrFunction **inline_defs =
        cg_numeric_inline_defs(&(Cg){.m = m, .opt = opt}, &ninline_defs);
    int npure_defs;
    const IrFunction **pure_defs = cg_pure_inline_defs(m, opt, &npure_defs);
    for (int i = 0; i < m->nfuncs && rc == 0; i++) {
        cgs[i] = (Cg){.m = m, .opt = opt, .code_base = code_base,
                      .nglobal_caches = &nglobal_caches,
                      .nattr_caches = &nattr_caches,
                      .ncall_caches = &ncall_caches,
                      .split_tag = split_tag,
                      .inline_defs = inline_defs, .ninline_defs = ninline_defs,
                      .pure_defs = pure_defs, .npure_defs = npure_defs};
        cg_function(&cgs[i], m->funcs[i], &bodies[i]);
        if (m->funcs[i]->collect && !cgs[i].failed) {
            generate_collector(&kcgs[i], &cgs[i], &kbodies[i]);
            cgs[i].collector = &kcgs[i];
            cgs[i].collector_body = &kbodies[i];
        }
        if (cgs[i].failed || kcgs[i].failed)
            rc = -1;
    }
    PyObject *blob = rc == 0 ? build_blob(m, cgs, code_base) : NULL;
    if (blob)
        rc = write_file(m, opt, cgs, bodies, blob, out);
    else
        rc = -1;
    Py_XDECREF(blob);
    for (int i = 0; i < m->nfuncs; i++) {
        free_cg(&cgs[i]);
        free_cg(&kcgs[i]);
        emit_free(&bodies[i]);
        emit_free(&kbodies[i]);
    }
    free(inline_defs);
    free(pure_defs);
    free(cgs);
    free(bodies);
    free(kcgs);
    free(kbodies);
    return rc;
}
