/* loader.c — the loader of a compiled extension module.
 *
 * importlib loads a compiled module with an ExtensionFileLoader, whose
 * get_source() answers None: linecache's lazy source lookup
 * (linecache.lazycache, traceback.FrameSummary(lookup_line=False),
 * StackSummary.extract(lookup_lines=False)) then finds no lines for the
 * module's frames, where a module loaded from source has them.  A compiled
 * module's __file__ is the source beside the extension (constants.c), so its
 * loader becomes an instance of a subclass of ExtensionFileLoader whose
 * get_source() reads that file, decoded as importlib decodes sources (None
 * when it is not there; a module already executed: its __file__, which
 * for a package extension beside its directory is DIR/pkg/__init__.py,
 * runtime/package.c), and whose resources are those beside that source.
 * The object is the same (spec.loader is
 * __loader__), its class changes in place, and everything else — module
 * creation and execution, reload(), isinstance checks — is
 * ExtensionFileLoader's.
 */
#include "internal.h"

static const char loader_source[] =
    "import sys as _sys\n"
    "from importlib.machinery import ExtensionFileLoader as _Base\n"
    "from importlib._bootstrap_external import decode_source as _decode\n"
    "from importlib._bootstrap_external import _path_split, _path_join\n"
    "class _Located:\n"
    "    def __init__(self, path):\n"
    "        self.path = path\n"
    "class CompiledExtensionFileLoader(_Base):\n"
    "    '''Loader of a module compiled by pyc2c: an extension module whose\n"
    "    source is read from the .py file beside it.'''\n"
    "    def _source_path(self, fullname):\n"
    "        path = getattr(_sys.modules.get(fullname), '__file__', None)\n"
    "        if isinstance(path, str) and path.endswith('.py'):\n"
    "            return path\n"
    "        head, tail = _path_split(self.path)\n"
    "        name = '__init__' if tail.startswith('__init__.') else fullname.rpartition('.')[2]\n"
    "        return _path_join(head, name + '.py')\n"
    "    def get_source(self, fullname):\n"
    "        try:\n"
    "            with open(self._source_path(fullname), 'rb') as f:\n"
    "                return _decode(f.read())\n"
    "        except OSError:\n"
    "            return None\n"
    "    def get_resource_reader(self, fullname):\n"
    "        # resources beside the source: a package extension installed\n"
    "        # beside its directory reads the directory\n"
    "        from importlib.readers import FileReader\n"
    "        return FileReader(_Located(self._source_path(fullname)))\n";

/* internal.h: the class, made once per runtime copy (borrowed), or NULL
 * with an error; the shared runtime's is the one used. */
PyObject *
P2C_LoaderClassLocal(void)
{
    static PyObject *cls;
    if (cls != NULL)
        return cls;
    PyObject *ns = PyDict_New();
    if (ns == NULL)
        return NULL;
    PyObject *r = NULL;
    if (PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins()) == 0 &&
        PyDict_SetItemString(ns, "__name__", PyUnicode_InternFromString("pyc2c")) == 0)
        r = PyRun_String(loader_source, Py_file_input, ns, ns);
    Py_XDECREF(r);
    if (r != NULL) {
        cls = PyDict_GetItemString(ns, "CompiledExtensionFileLoader");
        Py_XINCREF(cls);   /* kept for the process */
    }
    Py_DECREF(ns);
    return cls;
}

int
P2C_Module_SetLoader(PyObject *module)
{
    PyObject *loader = PyObject_GetAttrString(module, "__loader__");
    if (loader == NULL) {
        PyErr_Clear();   /* no loader to improve */
        return 0;
    }
    int rc = 0;
    /* only importlib's own loader: one a program installed stays its own */
    if (strcmp(Py_TYPE(loader)->tp_name, "ExtensionFileLoader") == 0) {
        PyObject *cls = P2C_Shared_LoaderClass();
        rc = cls ? PyObject_SetAttrString(loader, "__class__", cls) : -1;
    }
    Py_DECREF(loader);
    return rc;
}
