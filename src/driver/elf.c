/* elf.c — the one edit pyc2c makes to the ELF files it copies into a dist:
 * their own library search paths (DT_RPATH, DT_RUNPATH) are dropped.
 *
 * A dist's libraries are found through the executable's DT_RPATH,
 * $ORIGIN (scons/pyc2c_toolchain.py).  The loader consults the
 * executable's DT_RPATH for a library's dependencies only when that
 * library has no DT_RUNPATH of its own, and a library's own paths name
 * the machine it was built on: pyenv links libpython and every
 * lib-dynload module with RUNPATH ~/.pyenv/versions/3.N.M/lib, so _ssl in
 * a dist loaded the system's libssl (or none, where the system has none)
 * instead of the one beside it.  Debian's libraries have no such paths;
 * dropping them changes nothing there.
 *
 * The entries are removed from the dynamic array, the later ones moved up
 * and the freed slots set to DT_NULL, as `patchelf --remove-rpath` does;
 * the strings stay in .dynstr, unreferenced.  64-bit ELF of the host's
 * byte order only (the dists pyc2c makes are for the host); anything else
 * is left as it is.
 *
 * Two forms: on bytes in memory, and on an open file, where only the
 * headers and the dynamic array are read and the array written back
 * (driver_copy_library copies a library in the kernel, then edits the
 * copy: the megabytes of code never pass through pyc2c's memory).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pyc2c/compiler/xalloc.h"
#include "driver.h"

static bool host_is_little_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

/* Is eh the header of a 64-bit ELF object of the host's byte order whose
 * program headers have the size <elf.h> gives them? */
static bool header_ok(const Elf64_Ehdr *eh)
{
    return memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
           eh->e_ident[EI_DATA] == (host_is_little_endian() ? ELFDATA2LSB : ELFDATA2MSB) &&
           eh->e_phentsize == sizeof(Elf64_Phdr);
}

/* The file range of the PT_DYNAMIC segment, or false.  head holds the
 * file's first head_size bytes (at least its ELF and program headers to
 * find it), file_size is the size of the whole file, which the segment
 * must lie in. */
static bool dynamic_range(const unsigned char *head, size_t head_size, size_t file_size,
                          size_t *off, size_t *len)
{
    Elf64_Ehdr eh;
    if (head_size < sizeof eh)
        return false;
    memcpy(&eh, head, sizeof eh);
    if (!header_ok(&eh))
        return false;
    for (size_t i = 0; i < eh.e_phnum; i++) {
        size_t at = eh.e_phoff + i * sizeof(Elf64_Phdr);
        Elf64_Phdr ph;
        if (at > head_size || head_size - at < sizeof ph)
            return false;
        memcpy(&ph, head + at, sizeof ph);
        if (ph.p_type != PT_DYNAMIC)
            continue;
        if (ph.p_offset > file_size || file_size - ph.p_offset < ph.p_filesz)
            return false;
        *off = ph.p_offset;
        *len = ph.p_filesz;
        return true;
    }
    return false;
}

/* Drops the DT_RPATH and DT_RUNPATH entries of the dynamic array dyn (len
 * bytes), in place; true when there were some. */
static bool drop_entries(unsigned char *dyn, size_t len)
{
    size_t n = len / sizeof(Elf64_Dyn), kept = 0;
    bool dropped = false;
    for (size_t i = 0; i < n; i++) {
        Elf64_Dyn entry;
        memcpy(&entry, dyn + i * sizeof entry, sizeof entry);
        if (entry.d_tag == DT_NULL)
            break;
        if (entry.d_tag == DT_RPATH || entry.d_tag == DT_RUNPATH) {
            dropped = true;
            continue;
        }
        if (kept != i)
            memcpy(dyn + kept * sizeof entry, &entry, sizeof entry);
        kept++;
    }
    if (dropped)
        memset(dyn + kept * sizeof(Elf64_Dyn), 0, (n - kept) * sizeof(Elf64_Dyn));
    return dropped;
}

bool driver_elf_drop_rpaths(unsigned char *data, size_t size)
{
    size_t off, len;
    return dynamic_range(data, size, size, &off, &len) && drop_entries(data + off, len);
}

/* ---- the same on an open file ----------------------------------------------- */

/* pread until n bytes or the end of the file: the count, or -1 with errno. */
static ssize_t pread_full(int fd, void *buf, size_t n, off_t at)
{
    size_t done = 0;
    while (done < n) {
        ssize_t got = pread(fd, (char *)buf + done, n - done, at + (off_t)done);
        if (got == 0)
            break;
        if (got < 0 && errno != EINTR)
            return -1;
        if (got > 0)
            done += (size_t)got;
    }
    return (ssize_t)done;
}

static int pwrite_full(int fd, const void *buf, size_t n, off_t at)
{
    size_t done = 0;
    while (done < n) {
        ssize_t put = pwrite(fd, (const char *)buf + done, n - done, at + (off_t)done);
        if (put < 0 && errno != EINTR)
            return -1;
        if (put > 0)
            done += (size_t)put;
    }
    return 0;
}

/* The headers of the ELF object in fd: its first bytes up to the end of
 * its program headers (malloc'd, *size bytes), or NULL with *size 0 when
 * it is no object elf.c edits; NULL with *size 1 on a read error. */
static unsigned char *read_head(int fd, size_t file_size, size_t *size)
{
    Elf64_Ehdr eh;
    *size = 0;
    ssize_t got = pread_full(fd, &eh, sizeof eh, 0);
    if (got < 0) {
        *size = 1;
        return NULL;
    }
    if ((size_t)got < sizeof eh || !header_ok(&eh) || eh.e_phoff > file_size ||
        (file_size - eh.e_phoff) / sizeof(Elf64_Phdr) < eh.e_phnum)
        return NULL;
    size_t n = eh.e_phoff + (size_t)eh.e_phnum * sizeof(Elf64_Phdr);
    if (n < sizeof eh)
        n = sizeof eh;            /* dynamic_range reads the header again */
    unsigned char *head = xmalloc(n);
    got = pread_full(fd, head, n, 0);
    if (got < 0 || (size_t)got < n) {
        *size = got < 0;
        free(head);
        return NULL;
    }
    *size = n;
    return head;
}

int driver_elf_drop_rpaths_fd(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return -1;
    size_t head_size, off, len;
    unsigned char *head = read_head(fd, (size_t)st.st_size, &head_size);
    if (!head)
        return head_size ? -1 : 0;
    bool found = dynamic_range(head, head_size, (size_t)st.st_size, &off, &len);
    free(head);
    if (!found || len == 0)
        return 0;
    unsigned char *dyn = xmalloc(len);
    int r = pread_full(fd, dyn, len, (off_t)off) == (ssize_t)len ? 0 : -1;
    if (r == 0 && drop_entries(dyn, len))
        r = pwrite_full(fd, dyn, len, (off_t)off) == 0 ? 1 : -1;
    free(dyn);
    return r;
}

/* ---- the program interpreter -------------------------------------------------- */

char *driver_elf_interpreter(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    size_t head_size;
    unsigned char *head = fstat(fd, &st) == 0
        ? read_head(fd, (size_t)st.st_size, &head_size) : NULL;
    char *interp = NULL;
    Elf64_Ehdr eh;
    if (head)
        memcpy(&eh, head, sizeof eh);
    for (size_t i = 0; head && i < eh.e_phnum && !interp; i++) {
        Elf64_Phdr ph;
        memcpy(&ph, head + eh.e_phoff + i * sizeof ph, sizeof ph);
        if (ph.p_type != PT_INTERP || ph.p_filesz < 2 || ph.p_filesz > 4096 ||
            ph.p_offset > (size_t)st.st_size)
            continue;
        interp = xmalloc(ph.p_filesz + 1);
        if (pread_full(fd, interp, ph.p_filesz, (off_t)ph.p_offset) != (ssize_t)ph.p_filesz ||
            interp[0] != '/') {
            free(interp);
            interp = NULL;
            continue;
        }
        interp[ph.p_filesz] = '\0';       /* it holds its own NUL; one more for safety */
    }
    free(head);
    close(fd);
    return interp;
}
