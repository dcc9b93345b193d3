/* test_modname.c — unit tests of the module-name inference and --module-name
 * (src/driver/modname.c, options.c).
 *
 * A throw-away tree under a fresh temporary directory:
 *
 *   TMP/top.py                    top            (TMP holds no __init__.py)
 *   TMP/pkg/__init__.py           pkg
 *   TMP/pkg/mod.py                pkg.mod
 *   TMP/pkg/sub/__init__.py       pkg.sub
 *   TMP/pkg/sub/deep.py           pkg.sub.deep
 *   TMP/pkg/plain/leaf.py         leaf           (plain/ is no package)
 *   TMP/pkg/plain/inner/__init__.py  inner      (a package of its own)
 *   TMP/bad-dir/__init__.py, m.py bad-dir.m      (rejected by the driver)
 */
#define _GNU_SOURCE
#include "driver/driver.h"
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp[64];
static char cwd[4096];

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
    strcpy(tmp, "/tmp/pyc2c-modname-XXXXXX");   /* CK_FORK=no: set afresh */
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    const char *files[] = {"top.py", "pkg/__init__.py", "pkg/mod.py",
                           "pkg/sub/__init__.py", "pkg/sub/deep.py",
                           "pkg/plain/leaf.py", "pkg/plain/inner/__init__.py",
                           "bad-dir/__init__.py", "bad-dir/m.py"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        touch(files[i]);
}

static void teardown(void)
{
    ck_assert_int_eq(chdir(cwd), 0);
    char *cmd = driver_sprintf("rm -rf '%s'", tmp);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* The inferred name of TMP/rel (absolute path). */
static void assert_name(const char *rel, const char *want)
{
    char *path = driver_sprintf("%s/%s", tmp, rel);
    char *got = driver_infer_module_name(path);
    ck_assert_msg(!strcmp(got, want), "%s: got '%s', want '%s'", rel, got, want);
    free(got);
    free(path);
}

START_TEST(test_infer_absolute)
{
    assert_name("top.py", "top");
    assert_name("pkg/__init__.py", "pkg");
    assert_name("pkg/mod.py", "pkg.mod");
    assert_name("pkg/sub/__init__.py", "pkg.sub");
    assert_name("pkg/sub/deep.py", "pkg.sub.deep");
    assert_name("pkg/plain/leaf.py", "leaf");
    assert_name("pkg/plain/inner/__init__.py", "inner");
    assert_name("bad-dir/m.py", "bad-dir.m");
}
END_TEST

/* Relative paths, "." and ".." are resolved as os.path.abspath does before
 * the walk, so "./" or "sub/.." never become name components. */
START_TEST(test_infer_relative)
{
    char *dir = driver_sprintf("%s/pkg/sub", tmp);
    ck_assert_int_eq(chdir(dir), 0);
    free(dir);
    const char *cases[][2] = {
        {"deep.py", "pkg.sub.deep"},
        {"./deep.py", "pkg.sub.deep"},
        {"__init__.py", "pkg.sub"},
        {"../mod.py", "pkg.mod"},
        {".././sub/../sub//deep.py", "pkg.sub.deep"},
        {"../../top.py", "top"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = driver_infer_module_name(cases[i][0]);
        ck_assert_msg(!strcmp(got, cases[i][1]), "%s: got '%s', want '%s'",
                      cases[i][0], got, cases[i][1]);
        free(got);
    }
}
END_TEST

START_TEST(test_normpath)
{
    const char *cases[][2] = {
        {"/a/b/../c", "/a/c"}, {"/a/./b//c/", "/a/b/c"}, {"/..", "/"},
        {"/", "/"}, {"/a/..", "/"}, {"/../a", "/a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = driver_normpath(cases[i][0]);
        ck_assert_msg(!strcmp(got, cases[i][1]), "%s: got '%s', want '%s'",
                      cases[i][0], got, cases[i][1]);
        free(got);
    }
}
END_TEST

START_TEST(test_is_module_name)
{
    ck_assert(driver_is_module_name("m"));
    ck_assert(driver_is_module_name("_p.sub2.m_"));
    ck_assert(!driver_is_module_name(""));
    ck_assert(!driver_is_module_name("a..b"));
    ck_assert(!driver_is_module_name(".a"));
    ck_assert(!driver_is_module_name("a."));
    ck_assert(!driver_is_module_name("2a"));
    ck_assert(!driver_is_module_name("bad-dir.m"));
    ck_assert(!driver_is_module_name("caf\xc3\xa9"));   /* not yet: PyInit_ */
}
END_TEST

/* The output is named after the module's last component, a package after
 * its __init__.py (what importlib's FileFinder looks for). */
START_TEST(test_file_stem)
{
    const char *cases[][3] = {
        {"pkg/mod.py", "pkg.mod", "mod"},
        {"pkg/__init__.py", "pkg", "__init__"},
        {"x.py", "other.name", "name"},
        {"x.py", "x", "x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = driver_module_file_stem(cases[i][0], cases[i][1]);
        ck_assert_str_eq(got, cases[i][2]);
        free(got);
    }
}
END_TEST

/* --module-name NAME or --module-name=NAME, only with --module. */
START_TEST(test_option)
{
    DriverOptions opt;
    char *ok[] = {"pyc2c", "--module", "--module-name", "a.b", "x.py", NULL};
    ck_assert_int_eq(driver_parse_options(5, ok, &opt), 0);
    ck_assert_str_eq(opt.module_name, "a.b");
    char *eq[] = {"pyc2c", "--module-name=c", "--module", "x.py", NULL};
    ck_assert_int_eq(driver_parse_options(4, eq, &opt), 0);
    ck_assert_str_eq(opt.module_name, "c");
    char *none[] = {"pyc2c", "--module", "x.py", NULL};
    ck_assert_int_eq(driver_parse_options(3, none, &opt), 0);
    ck_assert_ptr_null(opt.module_name);
    char *exe[] = {"pyc2c", "--module-name", "a", "x.py", NULL};
    ck_assert_int_eq(driver_parse_options(4, exe, &opt), -1);
    char *empty[] = {"pyc2c", "--module", "--module-name=", "x.py", NULL};
    ck_assert_int_eq(driver_parse_options(4, empty, &opt), -1);
}
END_TEST

static Suite *modname_suite(void)
{
    Suite *s = suite_create("modname");
    TCase *tc = tcase_create("infer");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_infer_absolute);
    tcase_add_test(tc, test_infer_relative);
    suite_add_tcase(s, tc);
    TCase *names = tcase_create("names");
    tcase_add_test(names, test_normpath);
    tcase_add_test(names, test_is_module_name);
    tcase_add_test(names, test_file_stem);
    tcase_add_test(names, test_option);
    suite_add_tcase(s, names);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(modname_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
