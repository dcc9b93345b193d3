/* closures.c — cells, free variables and frame-slot order of a function.
 *
 *   def f():                  def f():          # x: cell (slot after locals)
 *       x = 1                     x = 1         # store into x's cell
 *       def g():                  g = make_function(g, closure=(cell x,))
 *           return x          def g():          # x: free (copied from
 *       return g                  return x      #    g.__closure__ at entry)
 *
 * Which names are cells and frees is CPython's symtable's word (CELL, FREE,
 * including frees only passed through to an inner function and names a
 * `nonlocal` declares).  All of them become variables when a function's
 * lowering starts, so the closure of every inner function can be found, and
 * the frame slots are renumbered when it ends into CPython 3.11's localsplus
 * order: co_varnames (parameters, then the other locals in first-use order),
 * the cells that are not parameters, sorted by name, then the frees, sorted
 * by name (compile.c's dictbytype sorts both).  A parameter that is a cell
 * keeps its parameter slot (3.11's MAKE_CELL makes the cell there).  3.10
 * has no such merge: its frames hold co_varnames, then every cell (the
 * parameters' too) sorted by name, then the frees; for a 3.10 target a
 * parameter that is a cell gets a slot among the cells, and remembers its
 * parameter slot (arg_slot), where the argument is bound and from which
 * the prologue moves it into the cell.  docs/architecture.md, "Cells and free
 * variables", says how code generation and the runtime use them.
 */
#include <stdlib.h>
#include <string.h>
#include "pyc2c/compiler/diag.h"
#include "pyc2c/compiler/front.h"   /* front_python_version */
#include "lowering.h"
#include "pyc2c/compiler/xalloc.h"

IrVarKind lower_param_kind(Lower *L, const char *name)
{
    const AstSymbol *sym = ast_scope_lookup(L->scope, name);
    return sym && sym->scope == AST_SYM_CELL ? IR_VAR_CELL : IR_VAR_LOCAL;
}

/* A class body binds the name itself, and a method (or other inner scope)
 * reads the enclosing function's variable of that name: CPython's
 * DEF_FREE_CLASS.  The body has a FREE variable only to pass the outer
 * cell on to the inner function's closure (compile.c puts such names in the
 * class code's co_freevars); its own uses of the name are LOAD_NAME /
 * STORE_NAME in the namespace. */
bool lower_passes_free(const Lower *L, const AstSymbol *sym)
{
    return L->fn->is_class && (sym->flags & AST_DEF_FREE_CLASS) &&
           sym->scope != AST_SYM_FREE && sym->scope != AST_SYM_CELL;
}

void lower_closure_vars(Lower *L)
{
    const AstScope *s = L->scope;
    for (int i = 0; s && i < s->nsymbols; i++) {
        const AstSymbol *sym = &s->symbols[i];
        if (lower_passes_free(L, sym)) {
            ir_var_new(L->m, L->fn, sym->name, IR_VAR_FREE);
            continue;
        }
        if (sym->scope != AST_SYM_CELL && sym->scope != AST_SYM_FREE)
            continue;
        if (ir_var_find(L->fn, sym->name))
            continue;   /* a parameter */
        ir_var_new(L->m, L->fn, sym->name,
                   sym->scope == AST_SYM_CELL ? IR_VAR_CELL : IR_VAR_FREE);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(IrVar *const *)a)->name, (*(IrVar *const *)b)->name);
}

/* Gives the variables of kind whose slot is >= from the next slots, sorted
 * by name when sorted is set, else in creation order. */
static int number(IrFunction *fn, IrVarKind kind, int from, int next, int sorted)
{
    IrVar **vs = xcalloc((size_t)fn->nvars + 1, sizeof *vs);
    int n = 0;
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->kind == kind && fn->vars[i]->slot >= from)
            vs[n++] = fn->vars[i];
    if (sorted)
        qsort(vs, (size_t)n, sizeof *vs, by_name);
    for (int i = 0; i < n; i++)
        vs[i]->slot = next++;
    free(vs);
    return next;
}

int lower_nparams(const IrFunction *fn)
{
    return fn->argcount + fn->kwonlyargcount + !!(fn->fnflags & IR_FN_VARARGS) +
           !!(fn->fnflags & IR_FN_VARKEYWORDS);
}

/* For a 3.10 target: gives each parameter that is a cell a slot among the
 * cells (numbered with them below) and keeps its parameter slot. */
static void split_cell_params(IrFunction *fn, int nparams)
{
    if (front_python_version() >= 0x030b0000)
        return;
    for (int i = 0; i < fn->nvars; i++) {
        IrVar *v = fn->vars[i];
        if (v->kind == IR_VAR_CELL && v->slot >= 0 && v->slot < nparams) {
            v->arg_slot = v->slot;
            v->slot = fn->nslots++;   /* >= nparams: numbered with the cells */
        }
    }
}

void lower_finish_slots(IrFunction *fn)
{
    int nparams = lower_nparams(fn);
    split_cell_params(fn, nparams);
    int next = number(fn, IR_VAR_LOCAL, nparams, nparams, 0);
    next = number(fn, IR_VAR_CELL, nparams, next, 1);
    next = number(fn, IR_VAR_FREE, 0, next, 1);
    if (next != fn->nslots)
        P2C_UNREACHABLE();
}
