/* test_elf.c — unit tests of driver_elf_drop_rpaths (src/driver/elf.c).
 *
 * gcc builds a small shared library with DT_RUNPATH and one with DT_RPATH
 * (-Wl,--disable-new-dtags) into a fresh temporary directory; each is read
 * into memory, its paths dropped, written back, and then: its dynamic
 * array has neither tag (read back with <elf.h>), a second call finds
 * nothing to drop, its other entries (DT_NEEDED, DT_SONAME) are kept in
 * order, and dlopen still loads it and finds its function.  Files that are
 * not ELF objects are left as they are.
 *
 * driver_elf_drop_rpaths_fd does the same on an open file; and
 * driver_copy_library (src/driver/paths.c), which copies a library into a
 * dist, copies it in the kernel (copy_file_range is called; replaced
 * through driver_copy_file_range to count its calls or to fail with EXDEV,
 * which makes it fall back to read and write) and then drops the paths of
 * the copy: the copy loads, has no DT_RUNPATH, and the original still has
 * its own.  A file that is no ELF object, or is cut off inside its program
 * headers, is copied as it is.
 */
#define _GNU_SOURCE
#include "driver/driver.h"
#include <check.h>
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* ---- on a file, and driver_copy_library ----------------------------------- */

static int range_calls, range_errno;

/* copy_file_range, counted; failing with range_errno when it is set. */
static ssize_t counted_copy_file_range(int in, loff_t *in_off, int out, loff_t *out_off,
                                       size_t len, unsigned flags)
{
    range_calls++;
    if (range_errno) {
        errno = range_errno;
        return -1;
    }
    return copy_file_range(in, in_off, out, out_off, len, flags);
}

static void copy_teardown(void)
{
    driver_copy_file_range = copy_file_range;
    teardown();
}

/* The tags of the file at path (dynamic_tags on its bytes). */
static size_t file_tags(const char *path, Elf64_Sxword *tags, size_t max)
{
    size_t size;
    unsigned char *data = (unsigned char *)driver_read_file(path, &size);
    ck_assert_ptr_nonnull(data);
    size_t n = dynamic_tags(data, tags, max);
    free(data);
    return n;
}

/* Copies a library with DT_RUNPATH by driver_copy_library with
 * copy_file_range failing with err (0: working); asserts it was called,
 * the copy has no search path and loads, and the original is unchanged. */
static void check_library_copy(int err)
{
    char *src = build_library("libsrc.so", "-Wl,--enable-new-dtags");
    char *dst = driver_sprintf("%s/libcopy.so", tmp);
    range_calls = 0;
    range_errno = err;
    driver_copy_file_range = counted_copy_file_range;
    ck_assert_int_eq(driver_copy_library(src, dst), 0);
    ck_assert_int_gt(range_calls, 0);
    Elf64_Sxword tags[256];
    size_t n = file_tags(dst, tags, 256);
    ck_assert(n > 0 && !has_tag(tags, n, DT_RUNPATH) && has_tag(tags, n, DT_NEEDED));
    n = file_tags(src, tags, 256);
    ck_assert(has_tag(tags, n, DT_RUNPATH));
    struct stat a, b;
    ck_assert_int_eq(stat(src, &a), 0);
    ck_assert_int_eq(stat(dst, &b), 0);
    ck_assert_int_eq(a.st_size, b.st_size);
    ck_assert_uint_eq(a.st_mode & 07777, b.st_mode & 07777);
    void *h = dlopen(dst, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(h != NULL, "dlopen: %s", dlerror());
    int (*answer)(void) = (int (*)(void))dlsym(h, "answer");
    ck_assert_ptr_nonnull(answer);
    ck_assert_int_eq(answer(), 42);
    dlclose(h);
    free(src);
    free(dst);
}

START_TEST(test_copy_library_in_kernel)
{
    check_library_copy(0);
}
END_TEST

START_TEST(test_copy_library_fallback)
{
    check_library_copy(EXDEV);
}
END_TEST

/* A file that is no ELF object, and a library cut off inside its program
 * headers: copied byte for byte, nothing dropped. */
START_TEST(test_copy_not_an_object)
{
    char *lib = build_library("libcut.so", "-Wl,--enable-new-dtags");
    size_t size;
    char *data = driver_read_file(lib, &size);
    ck_assert_ptr_nonnull(data);
    const size_t keep[] = { 10, sizeof(Elf64_Ehdr) + 20 };
    for (size_t i = 0; i < 2; i++) {
        char *cut = driver_sprintf("%s/cut%zu", tmp, i), *dst = driver_sprintf("%s.copy", cut);
        ck_assert_int_eq(driver_write_atomic(cut, data, keep[i], 0644), 0);
        ck_assert_int_eq(driver_copy_library(cut, dst), 0);
        size_t got_size;
        char *got = driver_read_file(dst, &got_size);
        ck_assert_uint_eq(got_size, keep[i]);
        ck_assert(memcmp(got, data, keep[i]) == 0);
        int fd = open(dst, O_RDWR);
        ck_assert_int_eq(driver_elf_drop_rpaths_fd(fd), 0);
        close(fd);
        free(got);
        free(cut);
        free(dst);
    }
    free(data);
    free(lib);
}
END_TEST

/* On an open file: 1, then 0 (nothing left to drop); -1 on a descriptor
 * that cannot be read. */
START_TEST(test_drop_on_fd)
{
    char *lib = build_library("libfd.so", "-Wl,--disable-new-dtags");
    int fd = open(lib, O_RDWR);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(driver_elf_drop_rpaths_fd(fd), 1);
    ck_assert_int_eq(driver_elf_drop_rpaths_fd(fd), 0);
    close(fd);
    Elf64_Sxword tags[256];
    size_t n = file_tags(lib, tags, 256);
    ck_assert(!has_tag(tags, n, DT_RPATH) && has_tag(tags, n, DT_SONAME));
    int wr = open(lib, O_WRONLY);
    ck_assert_int_eq(driver_elf_drop_rpaths_fd(wr), -1);
    close(wr);
    free(lib);
}
END_TEST

START_TEST(test_interpreter)
{
    char *interp = driver_elf_interpreter("/proc/self/exe");
    ck_assert_ptr_nonnull(interp);
    ck_assert_msg(interp[0] == '/' && access(interp, X_OK) == 0, "interpreter %s", interp);
    ck_assert_ptr_nonnull(strstr(interp, "ld-"));
    free(interp);
    char *lib = build_library("libnointerp.so", "");
    ck_assert_ptr_null(driver_elf_interpreter(lib));
    char *text = driver_sprintf("%s/f.c", tmp);
    ck_assert_ptr_null(driver_elf_interpreter(text));
    ck_assert_ptr_null(driver_elf_interpreter("/nonexistent/pyc2c"));
    free(text);
    free(lib);
}
END_TEST

static Suite *elf_suite(void)
{
    Suite *s = suite_create("elf");
    TCase *tc = tcase_create("rpaths");
    /* each test runs gcc to build its library: far beyond Check's default
     * 4 s on a loaded machine */
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_runpath_dropped);
    tcase_add_test(tc, test_rpath_dropped);
    tcase_add_test(tc, test_not_elf_unchanged);
    suite_add_tcase(s, tc);
    TCase *copies = tcase_create("copies");
    tcase_set_timeout(copies, 120);
    tcase_add_checked_fixture(copies, setup, copy_teardown);
    tcase_add_test(copies, test_copy_library_in_kernel);
    tcase_add_test(copies, test_copy_library_fallback);
    tcase_add_test(copies, test_copy_not_an_object);
    tcase_add_test(copies, test_drop_on_fd);
    tcase_add_test(copies, test_interpreter);
    suite_add_tcase(s, copies);
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
