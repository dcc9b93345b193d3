/* test_elf.c — unit tests of driver_elf_drop_rpaths (src/driver/elf.c).
 *
 * gcc builds a small shared library with DT_RUNPATH and one with DT_RPATH
 * (-Wl,--disable-new-dtags) into a fresh temporary directory; each is read
 * into memory, its paths dropped, written back, and then: its dynamic
 * array has neither tag (read back with <elf.h>), a second call finds
 * nothing to drop, its other entries (DT_NEEDED, DT_SONAME) are kept in
 * order, and dlopen still loads it and finds its function.  Files that are
 * not ELF objects are left as they are.
 */
#define _GNU_SOURCE
#include "driver/driver.h"
#include <check.h>
#include <dlfcn.h>
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp[64];

static void setup(void)
{
    strcpy(tmp, "/tmp/pyc2c-elf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    char *c = driver_sprintf("%s/f.c", tmp);
    FILE *f = fopen(c, "w");
    ck_assert_ptr_nonnull(f);
    fputs("int answer(void) { return 42; }\n", f);
    fclose(f);
    free(c);
}

static void teardown(void)
{
    char *cmd = driver_sprintf("rm -rf '%s'", tmp);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* Builds TMP/name with the extra linker flags; its path (malloc'd). */
static char *build_library(const char *name, const char *flags)
{
    char *out = driver_sprintf("%s/%s", tmp, name);
    char *cmd = driver_sprintf("gcc -shared -fPIC -o '%s' '%s/f.c' -Wl,-soname,%s "
                               "-Wl,-rpath,/nowhere/lib:/elsewhere %s -Wl,--no-as-needed -lm",
                               out, tmp, name, flags);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    return out;
}

/* The tags of the dynamic array up to DT_NULL, into tags[] (count). */
static size_t dynamic_tags(const unsigned char *data, Elf64_Sxword *tags, size_t max)
{
    Elf64_Ehdr eh;
    memcpy(&eh, data, sizeof eh);
    for (size_t i = 0; i < eh.e_phnum; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, data + eh.e_phoff + i * sizeof ph, sizeof ph);
        if (ph.p_type != PT_DYNAMIC)
            continue;
        size_t n = 0;
        for (size_t k = 0; k < ph.p_filesz / sizeof(Elf64_Dyn) && n < max; k++) {
            Elf64_Dyn d;
            memcpy(&d, data + ph.p_offset + k * sizeof d, sizeof d);
            if (d.d_tag == DT_NULL)
                break;
            tags[n++] = d.d_tag;
        }
        return n;
    }
    return 0;
}

static bool has_tag(const Elf64_Sxword *tags, size_t n, Elf64_Sxword tag)
{
    for (size_t i = 0; i < n; i++)
        if (tags[i] == tag)
            return true;
    return false;
}

static void check_dropped(const char *name, const char *flags, Elf64_Sxword tag)
{
    char *path = build_library(name, flags);
    size_t size;
    unsigned char *data = (unsigned char *)driver_read_file(path, &size);
    ck_assert_ptr_nonnull(data);
    Elf64_Sxword before[256], after[256];
    size_t nb = dynamic_tags(data, before, 256);
    ck_assert(has_tag(before, nb, tag));
    ck_assert(driver_elf_drop_rpaths(data, size));
    ck_assert(!driver_elf_drop_rpaths(data, size));
    size_t na = dynamic_tags(data, after, 256);
    ck_assert_uint_eq(na, nb - 1);
    ck_assert(!has_tag(after, na, DT_RPATH) && !has_tag(after, na, DT_RUNPATH));
    for (size_t i = 0, j = 0; i < nb; i++)     /* the others, in order */
        if (before[i] != tag)
            ck_assert_int_eq(after[j++], before[i]);
    ck_assert(has_tag(after, na, DT_NEEDED) && has_tag(after, na, DT_SONAME));
    ck_assert_int_eq(driver_write_atomic(path, (char *)data, size, 0755), 0);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(h != NULL, "dlopen: %s", dlerror());
    int (*answer)(void) = (int (*)(void))dlsym(h, "answer");
    ck_assert_ptr_nonnull(answer);
    ck_assert_int_eq(answer(), 42);
    dlclose(h);
    free(data);
    free(path);
}

START_TEST(test_runpath_dropped)
{
    check_dropped("librun.so", "-Wl,--enable-new-dtags", DT_RUNPATH);
}
END_TEST

START_TEST(test_rpath_dropped)
{
    check_dropped("librpath.so", "-Wl,--disable-new-dtags", DT_RPATH);
}
END_TEST

START_TEST(test_not_elf_unchanged)
{
    unsigned char text[] = "\177ELF but only a few bytes";
    unsigned char copy[sizeof text];
    memcpy(copy, text, sizeof text);
    ck_assert(!driver_elf_drop_rpaths(text, sizeof text));
    ck_assert(!memcmp(text, copy, sizeof text));
    unsigned char empty[1] = {0};
    ck_assert(!driver_elf_drop_rpaths(empty, 0));
}
END_TEST

static Suite *elf_suite(void)
{
    Suite *s = suite_create("elf");
    TCase *tc = tcase_create("rpaths");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_runpath_dropped);
    tcase_add_test(tc, test_rpath_dropped);
    tcase_add_test(tc, test_not_elf_unchanged);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(elf_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
