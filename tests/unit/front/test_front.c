/* test_front.c — unit tests of the front end (src/front/): a small file is
 * parsed through the embedded interpreter and the C AST, positions, symbol
 * tables and scope attachment are checked; syntax errors must print exactly
 * what `python3 FILE` prints and return NULL.
 */
#include "pyc2c/compiler/front.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/p2c_front_XXXXXX";

/* Writes text to dir/name; returns the path (static buffer). */
static const char *write_file(const char *name, const char *text, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(text, 1, len, f);
    fclose(f);
    return path;
}

static AstUnit *parse(const char *name, const char *text)
{
    const char *path = write_file(name, text, strlen(text));
    return front_parse_file(name, path);
}

/* Parses a file that must fail; returns what was written to stderr. */
static char *parse_error(const char *name, const char *text, size_t len)
{
    const char *path = write_file(name, text, len);
    char errpath[600];
    snprintf(errpath, sizeof errpath, "%s/stderr.txt", dir);
    fflush(stderr);
    int saved = dup(2);
    FILE *err = fopen(errpath, "w+");
    dup2(fileno(err), 2);
    AstUnit *u = front_parse_file(name, path);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    ck_assert_ptr_null(u);
    char *out = calloc(1, 4096);
    rewind(err);
    size_t n = fread(out, 1, 4095, err);
    out[n] = '\0';
    fclose(err);
    return out;
}

static AstNode *stmt(AstUnit *u, int i)
{
    AstModule *m = (AstModule *)u->module;
    ck_assert_int_lt(i, m->body.n);
    return m->body.items[i];
}

static const char example[] =
    "import os\n"
    "def add(a, b=1):\n"
    "    global g\n"
    "    x = a + b * 2\n"
    "    return x\n"
    "g = add(1, b=2.5) < 3 < 4\n";

START_TEST(test_kinds_fields_positions)
{
    AstUnit *u = parse("ex.py", example);
    ck_assert_ptr_nonnull(u);
    ck_assert_str_eq(u->display_path, "ex.py");
    ck_assert_str_eq(u->source, example);
    ck_assert_int_eq(u->module->kind, AST_Module);
    ck_assert_int_eq(((AstModule *)u->module)->body.n, 3);

    AstImport *imp = (AstImport *)stmt(u, 0);
    ck_assert_int_eq(imp->hdr.kind, AST_Import);
    ck_assert_str_eq(((Astalias *)imp->names.items[0])->name, "os");
    ck_assert_ptr_null(((Astalias *)imp->names.items[0])->asname);

    AstFunctionDef *f = (AstFunctionDef *)stmt(u, 1);
    ck_assert_int_eq(f->hdr.kind, AST_FunctionDef);
    ck_assert_str_eq(f->name, "add");
    ck_assert_int_eq(f->hdr.pos.line, 2);
    ck_assert_int_eq(f->hdr.pos.col, 0);
    ck_assert_int_eq(f->hdr.pos.end_line, 5);
    Astarguments *args = (Astarguments *)f->args;
    ck_assert_int_eq(args->hdr.pos.line, -1);           /* no positions */
    ck_assert_int_eq(args->args.n, 2);
    ck_assert_str_eq(((Astarg *)args->args.items[1])->arg, "b");
    ck_assert_int_eq(args->defaults.n, 1);
    ck_assert_ptr_null(f->returns);

    AstGlobal *gl = (AstGlobal *)f->body.items[0];
    ck_assert_int_eq(gl->names.n, 1);
    ck_assert_str_eq(gl->names.items[0], "g");

    AstAssign *as = (AstAssign *)f->body.items[1];
    AstBinOp *add = (AstBinOp *)as->value;
    ck_assert_int_eq(add->hdr.kind, AST_BinOp);
    ck_assert_int_eq(add->op, AST_Add);
    ck_assert_int_eq(add->right->kind, AST_BinOp);
    ck_assert_int_eq(((AstBinOp *)add->right)->op, AST_Mult);
    ck_assert_int_eq(add->hdr.pos.line, 4);
    ck_assert_int_eq(add->hdr.pos.col, 8);
    ck_assert_int_eq(add->hdr.pos.end_col, 17);
    ck_assert_int_eq(((AstName *)as->targets.items[0])->ctx, AST_Store);

    AstAssign *top = (AstAssign *)stmt(u, 2);
    AstCompare *cmp = (AstCompare *)top->value;
    ck_assert_int_eq(cmp->ops.n, 2);
    ck_assert_int_eq(cmp->ops.items[0], AST_Lt);
    AstCall *call = (AstCall *)cmp->left;
    Astkeyword *kw = (Astkeyword *)call->keywords.items[0];
    ck_assert_str_eq(kw->arg, "b");
    PyObject *v = ((AstConstant *)kw->value)->value;
    ck_assert(PyFloat_CheckExact(v) && PyFloat_AS_DOUBLE(v) == 2.5);
    ck_assert_ptr_null(((AstConstant *)kw->value)->kind);
    front_unit_free(u);
}
END_TEST

START_TEST(test_scopes_and_symbols)
{
    AstUnit *u = parse("ex.py", example);
    ck_assert_ptr_nonnull(u);
    ck_assert_ptr_eq(u->module->scope, u->top);
    ck_assert_str_eq(u->top->name, "top");
    ck_assert_int_eq(u->top->type, AST_SCOPE_MODULE);
    ck_assert_int_eq(u->top->nchildren, 1);

    const AstSymbol *os = ast_scope_lookup(u->top, "os");
    ck_assert_ptr_nonnull(os);
    ck_assert(os->flags & AST_DEF_IMPORT);
    ck_assert_int_eq(os->scope, AST_SYM_LOCAL);    /* module level: as CPython says */

    AstNode *f = stmt(u, 1);
    AstScope *fs = f->scope;
    ck_assert_ptr_nonnull(fs);
    ck_assert_ptr_eq(fs->node, f);
    ck_assert_ptr_eq(fs->parent, u->top);
    ck_assert_str_eq(fs->name, "add");
    ck_assert_int_eq(fs->type, AST_SCOPE_FUNCTION);
    ck_assert_int_eq(fs->lineno, 2);
    const AstSymbol *a = ast_scope_lookup(fs, "a");
    ck_assert(a->flags & AST_DEF_PARAM);
    ck_assert_int_eq(a->scope, AST_SYM_LOCAL);
    const AstSymbol *x = ast_scope_lookup(fs, "x");
    ck_assert(x->flags & AST_DEF_LOCAL);
    ck_assert(x->flags & AST_USE);
    const AstSymbol *g = ast_scope_lookup(fs, "g");
    ck_assert(g->flags & AST_DEF_GLOBAL);
    ck_assert_int_eq(g->scope, AST_SYM_GLOBAL_EXPLICIT);
    ck_assert_ptr_null(ast_scope_lookup(fs, "nope"));
    ck_assert_int_eq(ast_scope_lookup(u->top, "add")->scope, AST_SYM_LOCAL);
    ck_assert_ptr_null(stmt(u, 0)->scope);
    front_unit_free(u);
}
END_TEST

/* Scopes sharing a key (name, line) are matched in the symtable's order,
 * which is not the AST's field order: defaults and decorators before the
 * def, a comprehension's first iterable before the comprehension. */
static const char same_line[] =
    "f = (lambda: 1, lambda a: a)\n"
    "r = [x for x in [y for y in z]]\n"
    "@(lambda d: d)\n"
    "def h(p=lambda q: q):\n"
    "    return (lambda w: w)\n";

static AstScope *child(AstScope *s, int i)
{
    ck_assert_int_lt(i, s->nchildren);
    return s->children[i];
}

START_TEST(test_same_key_scopes)
{
    AstUnit *u = parse("same.py", same_line);
    ck_assert_ptr_nonnull(u);
    AstTuple *t = (AstTuple *)((AstAssign *)stmt(u, 0))->value;
    AstScope *l1 = t->elts.items[0]->scope, *l2 = t->elts.items[1]->scope;
    ck_assert_ptr_eq(l1, child(u->top, 0));
    ck_assert_ptr_eq(l2, child(u->top, 1));
    ck_assert_str_eq(l1->name, "<lambda>");
    ck_assert_int_eq(l1->nsymbols, 0);
    ck_assert_ptr_nonnull(ast_scope_lookup(l2, "a"));

    AstListComp *outer = (AstListComp *)((AstAssign *)stmt(u, 1))->value;
    AstNode *inner = ((Astcomprehension *)outer->generators.items[0])->iter;
    if (front_python_version() < 0x030c0000) {
        ck_assert_str_eq(outer->hdr.scope->name, "<listcomp>");
        ck_assert_ptr_nonnull(ast_scope_lookup(outer->hdr.scope, "x"));
        ck_assert_ptr_nonnull(ast_scope_lookup(inner->scope, "y"));
        ck_assert_ptr_eq(inner->scope->parent, u->top);   /* evaluated outside */
    } else {                 /* PEP 709: inlined, no scope of their own */
        ck_assert_ptr_null(outer->hdr.scope);
        ck_assert_ptr_nonnull(ast_scope_lookup(u->top, "y"));
    }

    AstFunctionDef *h = (AstFunctionDef *)stmt(u, 2);
    AstNode *dec = h->decorator_list.items[0];
    AstNode *dflt = ((Astarguments *)h->args)->defaults.items[0];
    ck_assert_ptr_nonnull(ast_scope_lookup(dec->scope, "d"));
    ck_assert_ptr_nonnull(ast_scope_lookup(dflt->scope, "q"));
    ck_assert_str_eq(h->hdr.scope->name, "h");
    AstNode *ret = ((AstReturn *)h->body.items[0])->value;
    ck_assert_ptr_eq(ret->scope->parent, h->hdr.scope);
    ck_assert_ptr_nonnull(ast_scope_lookup(ret->scope, "w"));
    front_unit_free(u);
}
END_TEST

static void assert_error(const char *name, const char *src, size_t len, const char *want)
{
    char *out = parse_error(name, src, len);
    char expected[2048];
    snprintf(expected, sizeof expected, want, dir, name);
    ck_assert_str_eq(out, expected);
    free(out);
}

START_TEST(test_syntax_errors)
{
    assert_error("paren.py", "x = (1,\ny = 2\n", 14,
                 "  File \"%s/%s\", line 1\n    x = (1,\n        ^\n"
                 "SyntaxError: '(' was never closed\n");
    assert_error("indent.py", "if 1:\n  x = 1\n    y = 2\n", 23,
                 "  File \"%s/%s\", line 3\n    y = 2\n"
                 "IndentationError: unexpected indent\n");
    assert_error("ret.py", "x = 1\nreturn 5\n", 15,
                 "  File \"%s/%s\", line 2\n    return 5\n    ^^^^^^^^\n"
                 "SyntaxError: 'return' outside function\n");
    if (front_python_version() != 0x030b0000)
        return;              /* the wording below is 3.11's */
    assert_error("latin.py", "x = '\xe9'\n", 9,
                 "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file %s/%s on "
                 "line 1, but no encoding declared; see https://peps.python.org/pep-0263/ "
                 "for details\n");
}
END_TEST

START_TEST(test_coding_cookie)
{
    const char src[] = "# -*- coding: latin-1 -*-\ns = '\xe9'\n";
    const char *path = write_file("cookie.py", src, sizeof src - 1);
    AstUnit *u = front_parse_file("cookie.py", path);
    ck_assert_ptr_nonnull(u);
    PyObject *v = ((AstConstant *)((AstAssign *)stmt(u, 0))->value)->value;
    ck_assert(PyUnicode_Check(v) && PyUnicode_READ_CHAR(v, 0) == 0xe9);
    ck_assert_str_eq(u->source, "# -*- coding: latin-1 -*-\ns = '\xc3\xa9'\n");
    front_unit_free(u);
}
END_TEST

START_TEST(test_unreadable)
{
    char path[600];
    snprintf(path, sizeof path, "%s/missing.py", dir);
    ck_assert_ptr_null(front_parse_file("missing.py", path));
}
END_TEST

START_TEST(test_kind_table)
{
    const AstKindInfo *k = &ast_kind_info[AST_BinOp];
    ck_assert_str_eq(k->name, "BinOp");
    ck_assert_int_eq(k->cls, AST_CLASS_EXPR);
    ck_assert_int_eq(k->nfields, 3);
    ck_assert_str_eq(k->fields[2].name, "right");
    ck_assert_int_eq(k->fields[1].type, AST_T_OP);
    ck_assert_uint_eq(k->fields[2].offset, offsetof(AstBinOp, right));
    ck_assert_int_eq(ast_kind_info[AST_Load].nfields, 0);
    ck_assert_uint_ge(front_python_version(), 0x030a0000);
}
END_TEST

static Suite *front_suite(void)
{
    Suite *s = suite_create("front");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_kinds_fields_positions);
    tcase_add_test(tc, test_scopes_and_symbols);
    tcase_add_test(tc, test_same_key_scopes);
    tcase_add_test(tc, test_syntax_errors);
    tcase_add_test(tc, test_coding_cookie);
    tcase_add_test(tc, test_unreadable);
    tcase_add_test(tc, test_kind_table);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    if (!mkdtemp(dir) || front_init() != 0)
        return EXIT_FAILURE;
    SRunner *sr = srunner_create(front_suite());
    srunner_set_fork_status(sr, CK_NOFORK);    /* one embedded interpreter */
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    front_fini();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        failed++;
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
