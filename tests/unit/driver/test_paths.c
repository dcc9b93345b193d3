/* test_paths.c — unit tests of the driver's small file utilities
 * (src/driver/paths.c).
 *
 * driver_file_identity: "-" for a missing file; the same word while a file
 * is untouched; the build stamp's format to the letter (stamps already in
 * users' caches must keep matching); a new word for a file replaced or
 * rewritten; and a file rewritten in place with its size and modification
 * time put back, which only DRIVER_ID_CTIME notices.
 *
 * driver_read_file: the exact bytes and size of an empty file, of a small
 * one and of one larger than the guess used for files without a size
 * (with a NUL inside and a '\0' after it); a FIFO, which has no size, fed
 * more than that guess by a child process; a missing file and a directory
 * (NULL, errno ENOENT and EISDIR).
 *
 * driver_copy_atomic: a regular file copied in the kernel (copy_file_range
 * called), bytes and mode bits kept; the fallback to read and write when
 * copy_file_range fails with EXDEV, ENOSYS, EOPNOTSUPP or EINVAL at once,
 * after copying part of the file, or copies 0 bytes before the end; a
 * /proc file (size 0) and a FIFO (no size) copied whole; an I/O error
 * midway and a directory as source: -1, the destination as it was, no
 * temporary left.  copy_file_range is replaced through
 * driver_copy_file_range to fail on demand.
 */
#define _GNU_SOURCE
#include "driver/driver.h"
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <dirent.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char tmp[64];

static void setup(void)
{
    strcpy(tmp, "/tmp/pyc2c-paths-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void teardown(void)
{
    char *cmd = driver_sprintf("rm -rf '%s'", tmp);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* Writes text to TMP/name; its path (malloc'd). */
static char *write_file(const char *name, const char *text)
{
    char *path = driver_sprintf("%s/%s", tmp, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

/* Asserts that path's identity (with flags) is the word want. */
static void assert_identity(const char *path, unsigned flags, const char *want)
{
    char *id = driver_file_identity(path, flags);
    ck_assert_str_eq(id, want);
    free(id);
}

/* Asserts that path's identity (with flags) is not the word old. */
static void assert_identity_changed(const char *path, unsigned flags, const char *old)
{
    char *id = driver_file_identity(path, flags);
    ck_assert_str_ne(id, old);
    free(id);
}

/* Waits until the clock has moved on, so that a change time taken now
 * differs from one taken before (the file system's times are coarse). */
static void next_tick(void)
{
    struct timespec ts = { 0, 20 * 1000000L };
    nanosleep(&ts, NULL);
}

START_TEST(test_missing_file)
{
    char *path = driver_sprintf("%s/nothing", tmp);
    assert_identity(path, DRIVER_ID_PLAIN, "-");
    assert_identity(path, DRIVER_ID_CTIME, "-");
    free(path);
}
END_TEST

START_TEST(test_stamp_format)
{
    char *path = write_file("f", "hello\n");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    char *plain = driver_sprintf("%llx:%llx:6:%lld.%09ld", (unsigned long long)st.st_dev,
                                 (unsigned long long)st.st_ino, (long long)st.st_mtim.tv_sec,
                                 st.st_mtim.tv_nsec);
    char *with_ctime = driver_sprintf("%s:%lld.%09ld", plain, (long long)st.st_ctim.tv_sec,
                                      st.st_ctim.tv_nsec);
    assert_identity(path, DRIVER_ID_PLAIN, plain);
    assert_identity(path, DRIVER_ID_CTIME, with_ctime);
    free(plain);
    free(with_ctime);
    free(path);
}
END_TEST

START_TEST(test_replaced_file)
{
    char *path = write_file("f", "old\n");
    char *before = driver_file_identity(path, DRIVER_ID_PLAIN);
    char *other = write_file("g", "new\n");
    ck_assert_int_eq(rename(other, path), 0);
    assert_identity_changed(path, DRIVER_ID_PLAIN, before);
    free(before);
    free(other);
    free(path);
}
END_TEST

START_TEST(test_rewritten_in_place)
{
    char *path = write_file("f", "old\n");
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    char *plain = driver_file_identity(path, DRIVER_ID_PLAIN);
    char *full = driver_file_identity(path, DRIVER_ID_CTIME);
    next_tick();
    free(write_file("f", "bad\n"));
    /* the modification time put back, as `touch -r` or a careless tool do */
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    ck_assert_int_eq(utimensat(AT_FDCWD, path, times, 0), 0);
    assert_identity(path, DRIVER_ID_PLAIN, plain);
    assert_identity_changed(path, DRIVER_ID_CTIME, full);
    free(plain);
    free(full);
    free(path);
}
END_TEST

/* size bytes of a pattern with a NUL in it, malloc'd. */
static char *pattern(size_t size)
{
    char *data = malloc(size ? size : 1);
    ck_assert_ptr_nonnull(data);
    for (size_t i = 0; i < size; i++)
        data[i] = (char)(i * 7 % 251);
    return data;
}

/* Asserts that driver_read_file(path) gives exactly data[0..size). */
static void assert_reads(const char *path, const char *data, size_t size)
{
    size_t got = (size_t)-1;
    char *text = driver_read_file(path, &got);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(got, size);
    ck_assert(memcmp(text, data, size) == 0);
    ck_assert_int_eq(text[size], '\0');
    free(text);
}

/* Writes data[0..size) to TMP/name and checks that it reads back. */
static void check_round_trip(const char *name, size_t size)
{
    char *path = driver_sprintf("%s/%s", tmp, name);
    char *data = pattern(size);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, size, f), size);
    ck_assert_int_eq(fclose(f), 0);
    assert_reads(path, data, size);
    free(data);
    free(path);
}

START_TEST(test_read_sized_files)
{
    check_round_trip("empty", 0);
    check_round_trip("small", 10);
    check_round_trip("large", 3 * 65536 + 17);
}
END_TEST

/* A FIFO at path and a child process writing size bytes of data into it
 * (the reader opening the FIFO lets it start): the child's pid. */
static pid_t start_fifo_writer(const char *path, const char *data, size_t size)
{
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    pid_t writer = fork();
    ck_assert_int_ge(writer, 0);
    if (writer == 0) {
        FILE *f = fopen(path, "wb");
        _exit(f && fwrite(data, 1, size, f) == size && fclose(f) == 0 ? 0 : 1);
    }
    return writer;
}

/* The FIFO writer exited and wrote everything. */
static void assert_writer_done(pid_t writer)
{
    int status;
    ck_assert_int_eq(waitpid(writer, &status, 0), writer);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

START_TEST(test_read_fifo)
{
    /* No size to go by: read until the writer closes its end. */
    size_t size = 5 * 65536 + 3;
    char *path = driver_sprintf("%s/fifo", tmp);
    char *data = pattern(size);
    pid_t writer = start_fifo_writer(path, data, size);
    assert_reads(path, data, size);
    assert_writer_done(writer);
    free(data);
    free(path);
}
END_TEST

START_TEST(test_read_errors)
{
    char *missing = driver_sprintf("%s/missing", tmp);
    errno = 0;
    ck_assert_ptr_null(driver_read_file(missing, NULL));
    ck_assert_int_eq(errno, ENOENT);
    errno = 0;
    ck_assert_ptr_null(driver_read_file(tmp, NULL));
    ck_assert_int_eq(errno, EISDIR);
    free(missing);
}
END_TEST

/* ---- driver_copy_atomic -------------------------------------------------- */

/* How the replaced copy_file_range behaves: the first `good_calls` calls
 * copy at most `chunk` bytes with the real one, the others fail with
 * `fail_errno` (0: return 0, "nothing more", instead). */
static int range_calls, good_calls, fail_errno;
static size_t chunk;

static ssize_t scripted_copy_file_range(int in, loff_t *in_off, int out, loff_t *out_off,
                                        size_t len, unsigned flags)
{
    if (range_calls++ < good_calls)
        return copy_file_range(in, in_off, out, out_off, len < chunk ? len : chunk, flags);
    if (fail_errno == 0)
        return 0;
    errno = fail_errno;
    return -1;
}

/* Every copy_file_range call goes to the real one, counted. */
static void script_real(void)
{
    range_calls = 0;
    good_calls = 1 << 30;
    chunk = (size_t)-1;
    driver_copy_file_range = scripted_copy_file_range;
}

/* The first `good` calls copy up to n bytes each, then calls fail with err. */
static void script_failure(int good, size_t n, int err)
{
    script_real();
    good_calls = good;
    chunk = n;
    fail_errno = err;
}

static void copy_teardown(void)
{
    driver_copy_file_range = copy_file_range;
    teardown();
}

/* TMP/name holding size bytes of pattern() with the given mode; its path. */
static char *pattern_file(const char *name, size_t size, mode_t mode)
{
    char *path = driver_sprintf("%s/%s", tmp, name);
    char *data = pattern(size);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, size, f), size);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(chmod(path, mode), 0);
    free(data);
    return path;
}

/* Asserts that dst holds the same bytes as src, and has mode. */
static void assert_same_file(const char *src, const char *dst, mode_t mode)
{
    size_t a_len, b_len;
    char *a = driver_read_file(src, &a_len), *b = driver_read_file(dst, &b_len);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(a_len, b_len);
    ck_assert(memcmp(a, b, a_len) == 0);
    struct stat st;
    ck_assert_int_eq(stat(dst, &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, mode);
    free(a);
    free(b);
}

/* Asserts that no ".pyc2c-tmp-" file is left in TMP. */
static void assert_no_temporaries(void)
{
    DIR *d = opendir(tmp);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    while ((e = readdir(d)))
        ck_assert_msg(!strstr(e->d_name, ".pyc2c-tmp-"), "left: %s", e->d_name);
    closedir(d);
}

/* Copies a file of size 3*64K+17 bytes with the copy_file_range scripted
 * as scripted before; asserts the copy is whole, has the mode, left no temporary. */
#define COPY_SIZE (3 * 65536 + 17)

static void check_copy(void)
{
    umask(022);
    char *src = pattern_file("src", COPY_SIZE, 0751);
    char *dst = driver_sprintf("%s/dst", tmp);
    ck_assert_int_eq(driver_copy_atomic(src, dst), 0);
    assert_same_file(src, dst, 0751);
    assert_no_temporaries();
    free(src);
    free(dst);
}

START_TEST(test_copy_in_kernel)
{
    script_real();
    check_copy();
    ck_assert_int_ge(range_calls, 1);
}
END_TEST

static const int unsupported[] = { EXDEV, ENOSYS, EOPNOTSUPP, EINVAL };

START_TEST(test_copy_unsupported_at_once)
{
    script_failure(0, 0, unsupported[_i]);
    check_copy();
    ck_assert_int_eq(range_calls, 1);
}
END_TEST

START_TEST(test_copy_unsupported_midway)
{
    /* two chunks in the kernel, the rest by read and write */
    script_failure(2, 1000, unsupported[_i]);
    check_copy();
    ck_assert_int_eq(range_calls, 3);
}
END_TEST

START_TEST(test_copy_short)
{
    /* 0 bytes before the end: the file claims more than it gives */
    script_failure(1, 4096, 0);
    check_copy();
    ck_assert_int_eq(range_calls, 2);
}
END_TEST

START_TEST(test_copy_proc_file)
{
    /* /proc files say size 0 and have content: all of it copied */
    script_real();
    char *dst = driver_sprintf("%s/version", tmp);
    ck_assert_int_eq(driver_copy_atomic("/proc/version", dst), 0);
    size_t want_len, got_len;
    char *want = driver_read_file("/proc/version", &want_len);
    char *got = driver_read_file(dst, &got_len);
    ck_assert_uint_gt(want_len, 0);
    ck_assert_uint_eq(got_len, want_len);
    ck_assert(memcmp(got, want, want_len) == 0);
    free(want);
    free(got);
    free(dst);
}
END_TEST

START_TEST(test_copy_fifo)
{
    script_real();
    size_t size = 2 * 65536 + 5;
    char *path = driver_sprintf("%s/fifo", tmp);
    char *dst = driver_sprintf("%s/dst", tmp);
    char *data = pattern(size);
    pid_t writer = start_fifo_writer(path, data, size);
    ck_assert_int_eq(driver_copy_atomic(path, dst), 0);
    assert_writer_done(writer);
    assert_reads(dst, data, size);
    free(data);
    free(dst);
    free(path);
}
END_TEST

START_TEST(test_copy_error_keeps_destination)
{
    /* an I/O error after part of the file was copied into the temporary */
    script_failure(1, 1000, EIO);
    char *src = pattern_file("src", COPY_SIZE, 0644);
    char *dst = write_file("dst", "old\n");
    char *before = driver_file_identity(dst, DRIVER_ID_CTIME);
    ck_assert_int_eq(driver_copy_atomic(src, dst), -1);
    assert_identity(dst, DRIVER_ID_CTIME, before);
    assert_reads(dst, "old\n", 4);
    assert_no_temporaries();
    free(before);
    free(dst);
    free(src);
}
END_TEST

START_TEST(test_copy_directory)
{
    script_real();
    char *dst = driver_sprintf("%s/dst", tmp);
    ck_assert_int_eq(driver_copy_atomic(tmp, dst), -1);
    ck_assert_int_ne(access(dst, F_OK), 0);
    assert_no_temporaries();
    ck_assert_int_eq(range_calls, 0);
    free(dst);
}
END_TEST

static Suite *paths_suite(void)
{
    Suite *s = suite_create("paths");
    TCase *tc = tcase_create("identity");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_stamp_format);
    tcase_add_test(tc, test_replaced_file);
    tcase_add_test(tc, test_rewritten_in_place);
    suite_add_tcase(s, tc);
    TCase *rd = tcase_create("read");
    tcase_add_checked_fixture(rd, setup, teardown);
    tcase_add_test(rd, test_read_sized_files);
    tcase_add_test(rd, test_read_fifo);
    tcase_add_test(rd, test_read_errors);
    suite_add_tcase(s, rd);
    TCase *cp = tcase_create("copy");
    tcase_add_checked_fixture(cp, setup, copy_teardown);
    tcase_add_test(cp, test_copy_in_kernel);
    int n = (int)(sizeof unsupported / sizeof unsupported[0]);
    tcase_add_loop_test(cp, test_copy_unsupported_at_once, 0, n);
    tcase_add_loop_test(cp, test_copy_unsupported_midway, 0, n);
    tcase_add_test(cp, test_copy_short);
    tcase_add_test(cp, test_copy_proc_file);
    tcase_add_test(cp, test_copy_fifo);
    tcase_add_test(cp, test_copy_error_keeps_destination);
    tcase_add_test(cp, test_copy_directory);
    suite_add_tcase(s, cp);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(paths_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
