/* cgen.h — code generation: optimized IR into one goto-style C file per
 * module, with its constants (and the stub code objects that carry names,
 * signatures and positions) marshalled into one blob.  src/cgen/.
 */
#ifndef PYC2C_COMPILER_CGEN_H
#define PYC2C_COMPILER_CGEN_H

#include <stdio.h>
#include "pyc2c/compiler/ir.h"

typedef enum {
    CGEN_EXTENSION,    /* PyInit_<last component of module name> */
    CGEN_EXECUTABLE    /* main() running the module as __main__ */
} CgenMode;

typedef struct {
    CgenMode mode;
    const char *python_exe;   /* CGEN_EXECUTABLE: sys.executable at run time */
    int opt_level;            /* 0: generic operations only (-O0); 2: the
                                 default, with caches and fast paths */
    const char *exec_name;    /* CGEN_EXTENSION inside a package extension
                                 (docs/usage.md, "Packages"): no PyInit_;
                                 the module's exec function is exported to
                                 the package's table under this C name */
    bool debuggable;          /* --debuggable: line events for sys.settrace
                                 (lines.c, docs/runtime.md) */
    bool dump_lir;            /* --dump-ir=lir or =before/after:PASS of a
                                 low-level IR pass: print the fragments to
                                 stdout (pyc2c/compiler/lir.h) ... */
    const char *dump_lir_pass;   /* ... before or after this pass */
    bool dump_lir_before;
} CgenOptions;

/* The line between the C files of a module written as several
 * (src/cgen/cfiles.c): out holds the declarations they share, then each
 * file's own text after this line; the driver writes them apart
 * (src/driver/cfiles.c).  The whole text is also valid as one C file. */
#define CGEN_CFILE_MARKER "/* pyc2c: next C file */"

/* Writes the C translation of m to out.  0, or -1 after a diagnostic. */
int cgen_module(IrModule *m, const CgenOptions *opt, FILE *out);

#endif
