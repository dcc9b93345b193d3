/* test_package.c — unit tests of what `pyc2c --module DIR` compiles
 * (src/driver/package.c): the members of a package directory, in order,
 * and the C of its table.
 *
 * A throw-away tree under a fresh temporary directory:
 *
 *   TMP/pkg/__init__.py, a.py, b.py      pkg, pkg.a, pkg.b
 *   TMP/pkg/sub/__init__.py, z.py        pkg.sub, pkg.sub.z
 *   TMP/pkg/data/x.py                    not compiled: data/ is no package
 *   TMP/pkg/bad-name.py, notes.txt       not compiled: no module name / data
 *   TMP/pkg/__pycache__/a.cpython-311.pyc  not compiled
 *   TMP/nopkg/m.py                       refused: no __init__.py
 */
#define _GNU_SOURCE
#include "driver/driver.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char tmp[64];

static void touch(const char *rel)
{
    char *path = driver_sprintf("%s/%s", tmp, rel);
    char *dir = driver_dirname(path);
    ck_assert_int_eq(driver_mkdirs(dir), 0);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    free(dir);
    free(path);
}

static void setup(void)
{
    strcpy(tmp, "/tmp/pyc2c-package-XXXXXX");   /* CK_FORK=no: set afresh */
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    const char *files[] = {"pkg/__init__.py", "pkg/b.py", "pkg/a.py",
                           "pkg/sub/z.py", "pkg/sub/__init__.py", "pkg/data/x.py",
                           "pkg/bad-name.py", "pkg/notes.txt",
                           "pkg/__pycache__/a.cpython-311.pyc", "nopkg/m.py"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        touch(files[i]);
}

static void teardown(void)
{
    char *cmd = driver_sprintf("rm -rf '%s'", tmp);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

START_TEST(test_members)
{
    char *dir = driver_sprintf("%s/pkg/", tmp);   /* a trailing slash too */
    DriverPackage p;
    ck_assert_int_eq(driver_collect_package(dir, "pkg", &p), 0);
    const char *want[][2] = {
        {"pkg", "__init__.py"}, {"pkg.a", "a.py"}, {"pkg.b", "b.py"},
        {"pkg.sub", "sub/__init__.py"}, {"pkg.sub.z", "sub/z.py"},
    };
    ck_assert_uint_eq(p.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < p.n; i++) {
        ck_assert_str_eq(p.members[i].name, want[i][0]);
        ck_assert_str_eq(p.members[i].rel, want[i][1]);
        char *path = driver_sprintf("%s/pkg/%s", tmp, want[i][1]);
        ck_assert_str_eq(p.members[i].path, path);
        free(path);
    }
    driver_package_free(&p);
    free(dir);
}
END_TEST

START_TEST(test_nested_name)
{
    char *dir = driver_sprintf("%s/pkg/sub", tmp);
    DriverPackage p;
    ck_assert_int_eq(driver_collect_package(dir, "pkg.sub", &p), 0);
    ck_assert_uint_eq(p.n, 2);
    ck_assert_str_eq(p.members[1].name, "pkg.sub.z");
    ck_assert_str_eq(p.members[1].rel, "z.py");
    size_t len;
    char *c = driver_package_table_c(&p, &len);
    ck_assert_uint_eq(strlen(c), len);
    /* one PyInit_, named after the last part; every member in the table */
    ck_assert_ptr_nonnull(strstr(c, "PyMODINIT_FUNC PyInit_sub(void)"));
    ck_assert_ptr_nonnull(strstr(c, "{\"pkg.sub\", \"__init__.py\", p2c_package_exec_0},"));
    ck_assert_ptr_nonnull(strstr(c, "{\"pkg.sub.z\", \"z.py\", p2c_package_exec_1},"));
    ck_assert_ptr_nonnull(strstr(c, "P2C_Package_Exec(module, p2c_members)"));
    char *name = driver_package_exec_name(1);
    ck_assert_str_eq(name, "p2c_package_exec_1");
    free(name);
    free(c);
    driver_package_free(&p);
    free(dir);
}
END_TEST

START_TEST(test_not_a_package)
{
    char *dir = driver_sprintf("%s/nopkg", tmp);
    DriverPackage p;
    ck_assert_int_eq(driver_collect_package(dir, "nopkg", &p), -1);
    ck_assert_uint_eq(p.n, 0);
    free(dir);
}
END_TEST

static Suite *package_suite(void)
{
    Suite *s = suite_create("package");
    TCase *tc = tcase_create("collect");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_members);
    tcase_add_test(tc, test_nested_name);
    tcase_add_test(tc, test_not_a_package);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(package_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
