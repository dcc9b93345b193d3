/* shared.c — one runtime per interpreter, however many compiled modules link
 * a copy of it (docs/runtime.md, "One runtime per process").
 *
 * Every compiled extension module (and accelerated executable) links its own
 * static copy of libpyc2crt.a.  What must be one object for all of them —
 * the compiled function and generator types, the registry of compiled entry
 * points behind `f.__code__ = ...`, the replaced builtin methods, the loader
 * class — belongs to the first copy that starts in the interpreter: its
 * P2C_Runtime_Ready() readies its own types, replaces the methods and
 * publishes a P2C_SharedRuntime (a capsule in the interpreter's state dict,
 * PyInterpreterState_GetDict: per interpreter, invisible from Python).  Every
 * later copy finds it and points its P2C_Function_Type, P2C_Generator_Type,
 * P2C_Coroutine_Type and P2C_AsyncGen_Type (macros over the *TypeRef
 * pointers) at the published
 * types, so type(a.f) is type(b.g) and a compiled call from one module enters
 * another module's function directly.  Everything else (interned names, call
 * and attribute caches, the eval-breaker address) stays per copy: it is
 * either per call site or the same for every copy.
 *
 * A copy whose P2C_RUNTIME_ABI differs from the published one refuses to
 * start with an ImportError naming both modules: the types' slots of one
 * copy would read the objects made by the other.
 */
#include "internal.h"

/* The key in the interpreter's state dict; the capsule's name too. */
#define SHARED_KEY "pyc2c.runtime"

/* What the first copy publishes.  Fields only ever appended, after abi and
 * size; any change of meaning bumps P2C_RUNTIME_ABI. */
typedef struct {
    unsigned int abi;               /* P2C_RUNTIME_ABI of the publisher */
    unsigned int size;              /* sizeof(P2C_SharedRuntime) */
    unsigned long python_hex;       /* PY_VERSION_HEX it was built for, major.minor */
    const char *origin;             /* the module (or program) that published it */
    PyTypeObject *function_type;
    PyTypeObject *generator_type;
    int (*register_impl)(PyObject *code, vectorcallfunc impl);
    PyObject *(*loader_class)(void);
    PyTypeObject *coroutine_type;
    PyTypeObject *asyncgen_type;
    PyTypeObject *asyncgen_wrapped_type;   /* what an async generator yields */
    uint64_t *dict_versions;        /* P2C_Shared_DictVersions() */
    PyTypeObject *iterable_coroutine_type;
} P2C_SharedRuntime;

static P2C_SharedRuntime published;      /* this copy's, when it is the first */
/* The last version tag pyc2c gave a dict it changed in place: the upper
 * half of the tags, which the interpreter's own counter never reaches
 * (runtime/attrs.c, hint stores). */
static uint64_t dict_versions = (uint64_t)1 << 63;
static const P2C_SharedRuntime *shared;  /* the one in use, once attached */

/* A copy of the module's name for the life of the process ("a program"
 * when there is none).  NULL with MemoryError. */
static const char *
origin_name(PyObject *module)
{
    const char *name = module ? PyModule_GetName(module) : NULL;
    if (name == NULL) {
        PyErr_Clear();
        name = "a program";
    }
    size_t n = strlen(name) + 1;
    char *copy = PyMem_RawMalloc(n);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return memcpy(copy, name, n);
}

/* This copy becomes the interpreter's runtime: types readied, builtin
 * methods replaced, the table published under SHARED_KEY in dict. */
static int
publish(PyObject *dict, PyObject *module)
{
    if (P2C_Function_ReadyType() < 0 || P2C_Generator_ReadyType() < 0 ||
        P2C_Trace_ReplaceSetLineno() < 0)
        return -1;
    published.abi = P2C_RUNTIME_ABI;
    published.size = sizeof published;
    published.python_hex = PY_VERSION_HEX >> 16;
    published.function_type = P2C_FunctionTypeRef;
    published.generator_type = P2C_GeneratorTypeRef;
    published.coroutine_type = P2C_CoroutineTypeRef;
    published.asyncgen_type = P2C_AsyncGenTypeRef;
    published.asyncgen_wrapped_type = P2C_AsyncGenWrappedTypeRef;
    published.iterable_coroutine_type = P2C_IterableCoroutineTypeRef;
    published.register_impl = P2C_Function_RegisterImplLocal;
    published.loader_class = P2C_LoaderClassLocal;
    published.dict_versions = &dict_versions;
    if ((published.origin = origin_name(module)) == NULL)
        return -1;
    PyObject *capsule = PyCapsule_New(&published, SHARED_KEY, NULL);
    if (capsule == NULL)
        return -1;
    int err = PyDict_SetItemString(dict, SHARED_KEY, capsule);
    Py_DECREF(capsule);
    if (err < 0)
        return -1;
    shared = &published;
    return 0;
}

/* ImportError: module cannot share the runtime found (NULL: the state
 * dict's entry is no pyc2c table at all). */
static int
refuse(PyObject *module, const P2C_SharedRuntime *found)
{
    const char *name = module ? PyModule_GetName(module) : NULL;
    if (name == NULL) {
        PyErr_Clear();
        name = "?";
    }
    /* abi, size and the fields up to origin are where every ABI has them */
    int readable = found && found->size >= offsetof(P2C_SharedRuntime, origin) +
                                             sizeof found->origin;
    char running[160];
    if (readable)
        PyOS_snprintf(running, sizeof running, "ABI %u for Python %lu.%lu, loaded by '%s'",
                      found->abi, found->python_hex >> 8, found->python_hex & 0xff,
                      found->origin);
    else
        PyOS_snprintf(running, sizeof running, "unknown: '%s' is not its table", SHARED_KEY);
    PyErr_Format(PyExc_ImportError,
                 "compiled module '%s' cannot share the pyc2c runtime already running "
                 "in this interpreter (%s): it was built with runtime ABI %u for Python "
                 "%d.%d; rebuild the compiled modules with the same pyc2c",
                 name, running, (unsigned)P2C_RUNTIME_ABI, PY_MAJOR_VERSION,
                 PY_MINOR_VERSION);
    return -1;
}

/* Uses the runtime published in capsule (checked). */
static int
attach(PyObject *capsule, PyObject *module)
{
    if (!PyCapsule_IsValid(capsule, SHARED_KEY))
        return refuse(module, NULL);
    const P2C_SharedRuntime *found = PyCapsule_GetPointer(capsule, SHARED_KEY);
    if (found->abi != P2C_RUNTIME_ABI || found->size != sizeof *found ||
        found->python_hex != (PY_VERSION_HEX >> 16))
        return refuse(module, found);
    P2C_FunctionTypeRef = found->function_type;
    P2C_GeneratorTypeRef = found->generator_type;
    P2C_CoroutineTypeRef = found->coroutine_type;
    P2C_AsyncGenTypeRef = found->asyncgen_type;
    P2C_AsyncGenWrappedTypeRef = found->asyncgen_wrapped_type;
    P2C_IterableCoroutineTypeRef = found->iterable_coroutine_type;
    shared = found;
    return 0;
}

/* runtime.h.  The first call in a process does the work; later ones of the
 * same copy return at once. */
int
P2C_Runtime_Ready(PyObject *module)
{
    if (P2C_LIKELY(shared != NULL))
        return 0;
    PyObject *dict = PyInterpreterState_GetDict(PyInterpreterState_Get());
    if (dict == NULL) {
        PyErr_SetString(PyExc_SystemError, "pyc2c: no interpreter state dict");
        return -1;
    }
    PyObject *key = PyUnicode_FromString(SHARED_KEY);
    if (key == NULL)
        return -1;
    PyObject *capsule = PyDict_GetItemWithError(dict, key);   /* borrowed */
    Py_DECREF(key);
    if (capsule == NULL && PyErr_Occurred())
        return -1;
    return capsule ? attach(capsule, module) : publish(dict, module);
}

/* internal.h */
int
P2C_Shared_RegisterImpl(PyObject *code, vectorcallfunc impl)
{
    if (P2C_Runtime_Ready(NULL) < 0)
        return -1;
    return shared->register_impl(code, impl);
}

/* One counter for every copy: two copies must never give one dict the same
 * tag for different contents.  Only called once the runtime is ready. */
uint64_t *
P2C_Shared_DictVersions(void)
{
    return shared->dict_versions;
}

PyObject *
P2C_Shared_LoaderClass(void)
{
    if (P2C_Runtime_Ready(NULL) < 0)
        return NULL;
    return shared->loader_class();
}
