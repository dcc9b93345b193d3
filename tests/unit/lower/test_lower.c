/* test_lower.c — golden tests of lowering (src/lower/).
 *
 * Each tests/unit/lower/cases/NAME.py is parsed by the front end, lowered,
 * checked with ir_verify(), printed with ir_print_module() and compared with
 * NAME.ir.  Cases named refuse_*.py must fail to lower; the diagnostic they
 * print must equal NAME.err.  PYC2C_UPDATE_GOLDEN=1 rewrites the expected
 * files from the current output instead of comparing (review the diff!).
 *
 * Positions are checked against CPython itself: the same source is compiled
 * by the embedded interpreter, and each IR operation that corresponds to one
 * bytecode instruction (BINOP to BINARY_OP, CALL to CALL, ATTR to LOAD_ATTR
 * or LOAD_METHOD ...) must carry a position some such instruction of the
 * same code object has (co_positions), since tracebacks print from it.
 */
#include "pyc2c/compiler/front.h"   /* Python.h first, as it requires */
#include "pyc2c/compiler/lower.h"
#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char cases_dir[1024];
static char **cases;
static int ncases;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc(n + 1);
    size_t got = fread(s, 1, n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static int updating(void)
{
    const char *u = getenv("PYC2C_UPDATE_GOLDEN");
    return u && *u && strcmp(u, "0") != 0;
}

/* Compares text with the golden file (or rewrites it in update mode). */
static void check_golden(const char *path, const char *text)
{
    if (updating()) {
        write_file(path, text);
        return;
    }
    char *want = read_file(path);
    ck_assert_msg(want != NULL, "missing %s (run with PYC2C_UPDATE_GOLDEN=1)", path);
    ck_assert_msg(strcmp(want, text) == 0, "%s differs; got:\n%s", path, text);
    free(want);
}

/* ---- positions against CPython's ------------------------------------------ */

static const char positions_py[] =
    "import dis\n"
    "def p2c_positions(src, filename):\n"
    "    out = set()\n"
    "    def walk(co):\n"
    "        out.add('%s|co_varnames|%s' % (co.co_qualname, ','.join(co.co_varnames)))\n"
    "        pos = list(co.co_positions())\n"
    "        for ins in dis.get_instructions(co):\n"
    "            l, el, c, ec = pos[ins.offset // 2]\n"
    "            out.add('%s|%s|%s,%s,%s,%s' % (co.co_qualname, ins.opname, l,\n"
    "                    -1 if c is None else c, el, -1 if ec is None else ec))\n"
    "        for k in co.co_consts:\n"
    "            if hasattr(k, 'co_code'):\n"
    "                walk(k)\n"
    "    walk(compile(src, filename, 'exec'))\n"
    "    return out\n";

/* The instructions an IR kind corresponds to ("" = not checked). */
static const char *opnames_of(const IrNode *n)
{
    switch (n->kind) {
    case IR_BINOP:
        /* CPython folds operations on constants */
        return n->kids[0]->kind == IR_CONST && n->kids[1]->kind == IR_CONST ? "" : "BINARY_OP";
    case IR_INPLACE:      return "BINARY_OP";
    case IR_CALL:         return "CALL";
    case IR_CALL_EX:      return "CALL_FUNCTION_EX";
    case IR_ATTR:         return "LOAD_ATTR LOAD_METHOD";
    case IR_SUBSCR:       return "BINARY_SUBSCR";
    case IR_COMPARE:      /* `x is None` in a test becomes a jump */
        return n->op == IR_CMP_IS || n->op == IR_CMP_ISNOT ? ""
             : "COMPARE_OP CONTAINS_OP";
    case IR_STORE_ATTR:   return "STORE_ATTR";
    case IR_STORE_SUBSCR: return "STORE_SUBSCR";
    case IR_DEL_ATTR:     return "DELETE_ATTR";
    case IR_DEL_SUBSCR:   return "DELETE_SUBSCR";
    case IR_UNPACK:       return "UNPACK_SEQUENCE UNPACK_EX";
    case IR_RAISE:        /* bare: also a with's RERAISE of the exception */
        return n->nkids ? "RAISE_VARARGS" : "RAISE_VARARGS RERAISE";
    case IR_IMPORT_NAME:  return "IMPORT_NAME";
    case IR_IMPORT_FROM:  return "IMPORT_FROM";
    case IR_IMPORT_STAR:  return "IMPORT_STAR";
    case IR_ITER:         return "GET_ITER";
    case IR_FOR_NEXT:     return "FOR_ITER";
    case IR_FORMAT:       return "FORMAT_VALUE";
    case IR_SLICE:        return "BUILD_SLICE";
    case IR_MAKE_FUNCTION: return "MAKE_FUNCTION";
    case IR_LIST_APPEND:  return "LIST_APPEND";
    case IR_SET_ADD:      return "SET_ADD";
    case IR_MAP_ADD:      return "MAP_ADD";
    case IR_SETUP_ANNOTATIONS: return "SETUP_ANNOTATIONS";
    case IR_RETURN:       /* an implicit return copies its predecessor's */
        return n->kids[0]->kind == IR_CONST ? "" : "RETURN_VALUE";
    case IR_UNARY:        /* `not` in a test is a jump; -1 is a constant */
        return n->op == IR_UNARY_NOT || n->kids[0]->kind == IR_CONST ? ""
             : "UNARY_NEGATIVE UNARY_POSITIVE UNARY_INVERT";
    case IR_LOAD:
        return n->var->kind == IR_VAR_TEMP ? ""
             : "LOAD_NAME LOAD_GLOBAL LOAD_FAST LOAD_DEREF LOAD_CLASSDEREF";
    case IR_ASSIGN:
        return n->var->kind == IR_VAR_TEMP ? ""
             : "STORE_NAME STORE_GLOBAL STORE_FAST STORE_DEREF";
    case IR_DEL:
        return n->var->kind == IR_VAR_TEMP ? ""
             : "DELETE_NAME DELETE_GLOBAL DELETE_FAST DELETE_DEREF";
    default:              return "";
    }
}

typedef struct {
    PyObject *set;
    const IrFunction *fn;
    char error[512];
} PosCheck;

static int has_position(PosCheck *pc, const char *op, IrPos p)
{
    char key[512];
    char line[16], end_line[16];
    snprintf(line, sizeof line, p.line < 0 ? "None" : "%d", p.line);
    snprintf(end_line, sizeof end_line, p.end_line < 0 ? "None" : "%d", p.end_line);
    snprintf(key, sizeof key, "%s|%s|%s,%d,%s,%d", pc->fn->qualname, op, line, p.col,
             end_line, p.end_col);
    PyObject *k = PyUnicode_FromString(key);
    int found = PySet_Contains(pc->set, k) == 1;
    Py_DECREF(k);
    return found;
}

static int check_node_pos(IrNode *n, void *ctx)
{
    PosCheck *pc = ctx;
    char ops[100];
    snprintf(ops, sizeof ops, "%s", opnames_of(n));
    /* An instruction CPython leaves without a location (its compiler's
     * UNSET_LOC: try/except*'s bookkeeping) may stand anywhere. */
    IrPos none = {.line = -1, .col = -1, .end_line = -1, .end_col = -1};
    for (char *op = strtok(ops, " "); op; op = strtok(NULL, " "))
        if (has_position(pc, op, n->pos) || has_position(pc, op, none))
            return 0;
    if (!ops[0])
        return 0;
    snprintf(pc->error, sizeof pc->error, "%s: %s at %d,%d,%d,%d: no %s there in CPython",
             pc->fn->qualname, ir_kind_info[n->kind].name, n->pos.line, n->pos.col,
             n->pos.end_line, n->pos.end_col, opnames_of(n));
    return 1;
}

/* Frame slots must be co_varnames: parameters (a parameter that is a cell
 * too), then locals in CPython's order (locals() and introspection show
 * it). */
static void check_varnames(PosCheck *pc)
{
    char key[2048];
    int len = snprintf(key, sizeof key, "%s|co_varnames|", pc->fn->qualname);
    for (int slot = 0; slot < pc->fn->nslots; slot++)
        for (int i = 0; i < pc->fn->nvars; i++) {
            const IrVar *v = pc->fn->vars[i];
            int param = v->slot < pc->fn->argcount + pc->fn->kwonlyargcount +
                        !!(pc->fn->fnflags & IR_FN_VARARGS) +
                        !!(pc->fn->fnflags & IR_FN_VARKEYWORDS);
            if ((v->kind == IR_VAR_LOCAL || (v->kind == IR_VAR_CELL && param)) &&
                v->slot == slot)
                len += snprintf(key + len, sizeof key - len, "%s%s", slot ? "," : "", v->name);
        }
    PyObject *k = PyUnicode_FromString(key);
    int found = PySet_Contains(pc->set, k) == 1;
    Py_DECREF(k);
    ck_assert_msg(found, "slots are not CPython's co_varnames: %s", key);
}

static void check_positions(const IrModule *m, const char *source, const char *path)
{
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *g = PyModule_GetDict(main);
    PyObject *r = PyRun_String(positions_py, Py_file_input, g, g);
    ck_assert_ptr_nonnull(r);
    Py_DECREF(r);
    PyObject *set = PyObject_CallFunction(PyDict_GetItemString(g, "p2c_positions"), "ss",
                                          source, path);
    if (!set)
        PyErr_Print();
    ck_assert_ptr_nonnull(set);
    for (int i = 0; i < m->nfuncs; i++) {
        PosCheck pc = {set, m->funcs[i], ""};
        int bad = ir_walk(m->funcs[i]->body, check_node_pos, &pc);
        ck_assert_msg(!bad, "%s", pc.error);
        check_varnames(&pc);
    }
    Py_DECREF(set);
}

/* ---- one case --------------------------------------------------------------- */

/* Lowers path with stderr captured into *err (malloc'd). */
static IrModule *lower_capturing(const char *name, const char *path, char **err)
{
    char tmp[] = "/tmp/p2c_lower_errXXXXXX";
    int fd = mkstemp(tmp);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    AstUnit *u = front_parse_file(name, path);
    IrModule *m = u ? lower_module(u, "__main__") : NULL;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    close(fd);
    *err = read_file(tmp);
    unlink(tmp);
    if (u)
        front_unit_free(u);
    return m;
}

static void run_case(const char *name)
{
    char path[2048], golden[2048];
    snprintf(path, sizeof path, "%s/%s", cases_dir, name);
    size_t stem = strlen(path) - 3;   /* without ".py" */
    int refuse = strncmp(name, "refuse_", 7) == 0;
    snprintf(golden, sizeof golden, "%.*s%s", (int)stem, path, refuse ? ".err" : ".ir");

    char *err = NULL;
    IrModule *m = lower_capturing(name, path, &err);
    if (refuse) {
        ck_assert_msg(m == NULL, "%s: lowering should have failed", name);
        check_golden(golden, err);
        free(err);
        return;
    }
    ck_assert_msg(m != NULL, "%s: lowering failed: %s", name, err);
    free(err);

    char vbuf[512];
    ck_assert_msg(ir_verify(m, vbuf, sizeof vbuf) == 0, "%s: ir_verify: %s", name, vbuf);

    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ir_print_module(out, m);
    fclose(out);
    check_golden(golden, text);
    free(text);

    char *source = read_file(path);
    check_positions(m, source, path);
    free(source);
    ir_module_free(m);
}

START_TEST(test_case)
{
    run_case(cases[_i]);
}
END_TEST

/* ---- setup ---------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cases directory: $PYC2C_LOWER_CASES, else next to this source. */
static void find_cases(void)
{
    const char *env = getenv("PYC2C_LOWER_CASES");
    if (env) {
        snprintf(cases_dir, sizeof cases_dir, "%s", env);
    } else {
        snprintf(cases_dir, sizeof cases_dir, "%s", __FILE__);
        char *slash = strrchr(cases_dir, '/');
        snprintf(slash ? slash + 1 : cases_dir,
                 sizeof cases_dir - (slash ? (size_t)(slash + 1 - cases_dir) : 0), "cases");
    }
    DIR *d = opendir(cases_dir);
    if (!d) {
        fprintf(stderr, "test_lower: no cases directory %s\n", cases_dir);
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".py") == 0) {
            cases = realloc(cases, sizeof *cases * (ncases + 1));
            cases[ncases++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(cases, ncases, sizeof *cases, by_name);
}

int main(void)
{
    find_cases();
    if (front_init() < 0)
        return 1;
    Suite *s = suite_create("lower");
    TCase *tc = tcase_create("cases");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_case, 0, ncases);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    front_fini();
    for (int i = 0; i < ncases; i++)
        free(cases[i]);
    free(cases);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
