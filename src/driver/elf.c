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
 */
#include <elf.h>
#include <stdint.h>
#include <string.h>
#include "driver.h"

static bool host_is_little_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

/* The file range of the PT_DYNAMIC segment, or false. */
static bool dynamic_range(const unsigned char *data, size_t size, size_t *off, size_t *len)
{
    Elf64_Ehdr eh;
    if (size < sizeof eh)
        return false;
    memcpy(&eh, data, sizeof eh);
    if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_ident[EI_DATA] != (host_is_little_endian() ? ELFDATA2LSB : ELFDATA2MSB) ||
        eh.e_phentsize != sizeof(Elf64_Phdr))
        return false;
    for (size_t i = 0; i < eh.e_phnum; i++) {
        size_t at = eh.e_phoff + i * sizeof(Elf64_Phdr);
        Elf64_Phdr ph;
        if (at > size || size - at < sizeof ph)
            return false;
        memcpy(&ph, data + at, sizeof ph);
        if (ph.p_type != PT_DYNAMIC)
            continue;
        if (ph.p_offset > size || size - ph.p_offset < ph.p_filesz)
            return false;
        *off = ph.p_offset;
        *len = ph.p_filesz;
        return true;
    }
    return false;
}

bool driver_elf_drop_rpaths(unsigned char *data, size_t size)
{
    size_t off, len;
    if (!dynamic_range(data, size, &off, &len))
        return false;
    size_t n = len / sizeof(Elf64_Dyn), kept = 0;
    bool dropped = false;
    for (size_t i = 0; i < n; i++) {
        Elf64_Dyn dyn;
        memcpy(&dyn, data + off + i * sizeof dyn, sizeof dyn);
        if (dyn.d_tag == DT_NULL)
            break;
        if (dyn.d_tag == DT_RPATH || dyn.d_tag == DT_RUNPATH) {
            dropped = true;
            continue;
        }
        if (kept != i)
            memcpy(data + off + kept * sizeof dyn, &dyn, sizeof dyn);
        kept++;
    }
    if (dropped)
        memset(data + off + kept * sizeof(Elf64_Dyn), 0, (n - kept) * sizeof(Elf64_Dyn));
    return dropped;
}
