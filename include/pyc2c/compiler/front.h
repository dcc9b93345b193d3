/* front.h — the front end: CPython's own parser and symtable, run by the
 * target interpreter (a helper process), turned into C data
 * (pyc2c/compiler/ast.h).  Implemented in src/front/.
 */
#ifndef PYC2C_COMPILER_FRONT_H
#define PYC2C_COMPILER_FRONT_H

#include "pyc2c/compiler/ast.h"

/* The target interpreter that parses (default "python3"); before
 * front_init.  The string must outlive the front end. */
void front_set_python(const char *python);

/* Starts the embedded interpreter (isolated: no site, no user environment)
 * and the target's parse helper.  0, or -1 after a diagnostic. */
int front_init(void);
void front_fini(void);

/* The Python version the front end parses for, e.g. 0x030b0000 (3.11):
 * the target's, known once front_init succeeded (before: the embedded
 * interpreter's). */
unsigned front_python_version(void);
/* The version of the interpreter embedded in pyc2c (holds the constants). */
unsigned front_embedded_version(void);

/* Reads and parses the file.  display_path is how errors name it (as the user
 * gave it); abs_path becomes co_filename, as `python3 FILE` would use.
 * Returns NULL after reporting: a SyntaxError (printed exactly as `python3
 * FILE` prints it), or an unreadable file (one diag line). */
AstUnit *front_parse_file(const char *display_path, const char *abs_path);

/* The module's constant blob in the target's marshal format (new bytes;
 * NULL with an exception set): table is the constant tuple with, at each
 * index of code_indexes, a stub code object's description (src/cgen/
 * codeobj.c), which the target makes a code object of its own version. */
PyObject *front_target_marshal(PyObject *table, PyObject *code_indexes);
void front_unit_free(AstUnit *u);

#endif
