/* cfiles.c — a heavy module as several C files (docs/compile-scaling.md).
 *
 * One gcc run over one huge translation unit holds every function of it in
 * memory until its whole-unit passes are done, and runs on one core: the
 * 10,000-statement module (478,000 lines, 334 chunks) grew past 1.9 GB.  So
 * a module heavier than CFILE_WEIGHT IR nodes is written as several C files
 * of bounded weight, which scons compiles in parallel (`--jobs`).
 *
 * cgen_module still writes one text, which is also valid as one C file
 * (--emit-c writes it as is):
 *
 *     header: the source's name, #include "pyc2c/runtime.h"
 *     the shared declarations: a #define giving every symbol shared between
 *       the files a module-unique name (NAME -> NAME_<tag>: two modules are
 *       linked into one binary in package, follow and standalone builds);
 *       the constant table and caches `extern`; prototypes of the functions
 *       and chunks, not static
 *     MARKER  the main file: the table definitions, the module body, the entry
 *     MARKER  another file: chunks and whole functions, up to CFILE_WEIGHT
 *     MARKER  ...
 *
 * MARKER is the line CGEN_CFILE_MARKER (cgen.h).  The driver writes the text
 * before the first marker followed by each piece as one C file
 * (src/driver/cfiles.c): the shared declarations are copied into each file
 * instead of an #include, so a file is complete in itself and its content
 * alone decides when it is rebuilt.
 *
 * Symbols keep `static` (cg_linkage) in one-file modules, whose C does not
 * change.  Shared ones are hidden anyway: generated C is compiled with
 * -fvisibility=hidden.  The module's exec function, the blob and the
 * entry's tables stay static in the main file.
 */
#include <stdlib.h>
#include <string.h>
#include "cgen_int.h"
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/xalloc.h"

/* IR nodes per C file (about 20 chunks of 300, 1 MB of C) and the module
 * weight above which there are several. */
enum { CFILE_WEIGHT = 6000 };

static long cfile_weight(void)
{
    const char *s = getenv("PYC2C_CFILE_WEIGHT");
    return s && atol(s) > 0 ? atol(s) : CFILE_WEIGHT;
}

static long fn_weight(IrFunction *fn)
{
    return cg_weight(fn->body);
}

bool cg_split_wanted(IrModule *m)
{
    long total = 0, limit = cfile_weight();
    for (int i = 0; i < m->nfuncs && total <= limit; i++)
        total += fn_weight(m->funcs[i]);
    return total > limit;
}

const char *cg_linkage(const Cg *cg)
{
    return cg->split_tag ? "" : "static ";
}

void cg_split_note_chunk(Cg *cg, int k, long weight)
{
    if (!cg->split_tag)
        return;
    /* chunks are numbered in the order they are written: k is the count */
    size_t *starts = xrealloc(cg->chunk_starts, (size_t)k + 1, sizeof *starts);
    long *weights = xrealloc(cg->chunk_weights, (size_t)k + 1, sizeof *weights);
    starts[k] = cg->chunks.len;
    weights[k] = weight;
    cg->chunk_starts = starts;
    cg->chunk_weights = weights;
}

/* ---- the shared declarations ------------------------------------------------ */

static void chunk_cname(const Cg *cg, int k, char *buf, size_t size)
{
    snprintf(buf, size, "p2c_k%d_%d", cg->fn->id, k);   /* as chunks.c names it */
}

static void rename_symbol(Emitter *e, const char *name, const char *tag)
{
    emit_raw(e, "#define %s %s_%s\n", name, name, tag);
}

static void rename_symbols(Emitter *e, const IrModule *m, const Cg *cgs)
{
    const char *tag = cgs[0].split_tag;
    char name[192];
    rename_symbol(e, "p2c_c", tag);
    if (*cgs[0].nglobal_caches > 0)
        rename_symbol(e, "p2c_gcache", tag);
    if (*cgs[0].ncall_caches > 0)
        rename_symbol(e, "p2c_ccache", tag);
    if (*cgs[0].nattr_caches > 0)
        rename_symbol(e, "p2c_acache", tag);
    for (int i = 0; i < m->nfuncs; i++) {
        if (i > 0) {
            cg_func_cname(m->funcs[i], name, sizeof name);
            rename_symbol(e, name, tag);
            if (m->funcs[i]->is_generator) {
                cg_generator_body_name(m->funcs[i], name, sizeof name);
                rename_symbol(e, name, tag);
            }
            if (cgs[i].collector) {
                cg_collector_name(m->funcs[i], name, sizeof name);
                rename_symbol(e, name, tag);
            }
        }
        for (int k = 0; k < cgs[i].nchunks; k++) {
            chunk_cname(&cgs[i], k, name, sizeof name);
            rename_symbol(e, name, tag);
        }
    }
}

static void declare_shared(Emitter *e, const IrModule *m, const Cg *cgs, int nconsts)
{
    emit_raw(e, "\n/* shared by the C files of this module (cgen/cfiles.c) */\n");
    rename_symbols(e, m, cgs);
    emit_raw(e, "extern PyObject *p2c_c[%d];\n", nconsts);
    if (*cgs[0].nglobal_caches > 0)
        emit_raw(e, "extern P2C_GlobalCache p2c_gcache[%d];\n", *cgs[0].nglobal_caches);
    if (*cgs[0].ncall_caches > 0)
        emit_raw(e, "extern P2C_CallCache p2c_ccache[%d];\n", *cgs[0].ncall_caches);
    if (*cgs[0].nattr_caches > 0)
        emit_raw(e, "extern P2C_AttrCache p2c_acache[%d];\n", *cgs[0].nattr_caches);
    for (int i = 1; i < m->nfuncs; i++)
        cg_signature(e, &cgs[i], true);
    char name[192];
    for (int i = 0; i < m->nfuncs; i++)
        for (int k = 0; k < cgs[i].nchunks; k++) {
            chunk_cname(&cgs[i], k, name, sizeof name);
            emit_raw(e, "int %s(P2C_Frame *f, PyObject **p2c_tv, %s*p2c_r);\n", name,
                     m->funcs[i]->is_module ? "int " : "PyObject *");
        }
}

/* ---- the other files ---------------------------------------------------------- */

/* The file being filled: its weight so far, and the function whose IR
 * temporaries are defined as p2c_tv's items (-1: none). */
typedef struct {
    Emitter *e;
    long weight, limit;
    const Cg *macros_of;
} Filler;

static void close_macros(Filler *fl)
{
    if (!fl->macros_of)
        return;
    for (int i = 0; i < fl->macros_of->fn->ntemps; i++)
        emit_raw(fl->e, "#undef t%d\n", i);
    fl->macros_of = NULL;
}

/* Starts a new file when this unit would make the current one too heavy
 * (a unit heavier than the limit gets a file of its own). */
static void make_room(Filler *fl, long weight)
{
    if (fl->weight > 0 && fl->weight + weight > fl->limit) {
        close_macros(fl);
        emit_raw(fl->e, "\n" CGEN_CFILE_MARKER "\n");
        fl->weight = 0;
    }
    fl->weight += weight;
}

static void put_chunk(Filler *fl, const Cg *cg, int k)
{
    make_room(fl, cg->chunk_weights[k]);
    if (fl->macros_of != cg) {
        close_macros(fl);
        for (int i = 0; i < cg->fn->ntemps; i++)
            emit_raw(fl->e, "#define t%d p2c_tv[%d]\n", i, i);
        fl->macros_of = cg;
    }
    size_t end = k + 1 < cg->nchunks ? cg->chunk_starts[k + 1] : cg->chunks.len;
    Emitter piece = {.buf = cg->chunks.buf + cg->chunk_starts[k],
                     .len = end - cg->chunk_starts[k]};
    emit_append(fl->e, &piece);
}

static void put_function(Filler *fl, const Cg *cg, const Emitter *body, int nconsts)
{
    make_room(fl, fn_weight(cg->fn));
    close_macros(fl);
    cg_write_function(fl->e, cg, body, nconsts);
}

int cg_write_split(Emitter *e, IrModule *m, const CgenOptions *opt, Cg *cgs,
                   Emitter *bodies, PyObject *blob)
{
    int nconsts = (int)PyList_GET_SIZE(m->consts);
    cg_write_header(e, m);
    declare_shared(e, m, cgs, nconsts);
    /* the main file */
    emit_raw(e, "\n" CGEN_CFILE_MARKER "\n");
    cg_write_tables(e, &cgs[0], blob, nconsts);
    emit_raw(e, "\n");
    cg_signature(e, &cgs[0], true);
    cg_write_function(e, &cgs[0], &bodies[0], nconsts);
    int rc = cg_write_entry(e, m, opt);
    /* the others: every function and every chunk, in order */
    Filler fl = {e, 0, cfile_weight(), NULL};
    emit_raw(e, "\n" CGEN_CFILE_MARKER "\n");
    for (int i = 0; i < m->nfuncs; i++) {
        for (int k = 0; k < cgs[i].nchunks; k++)
            put_chunk(&fl, &cgs[i], k);
        if (i > 0)
            put_function(&fl, &cgs[i], &bodies[i], nconsts);
    }
    close_macros(&fl);
    return rc;
}
