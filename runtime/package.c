/* package.c — a package compiled whole into one extension module
 * (`pyc2c --module pkg/`; docs/usage.md, "Packages").
 *
 * The extension exports only PyInit_pkg.  Its exec function (generated,
 * P2C_Package_Exec) makes the module a package with CPython's source-layout
 * attributes, installs a meta path finder that knows every other module of
 * the table, then runs the body of pkg/__init__.py.  Submodules are found by
 * that finder and executed only when imported, by the import system, in the
 * order the program imports them — as from source.  Their specs name the
 * source paths (origin DIR/pkg/sub/mod.py, submodule_search_locations of
 * subpackages DIR/pkg/sub), so __file__, __path__, __spec__, tracebacks,
 * linecache, inspect.getsource, pkgutil.get_data and importlib.resources
 * read the package's directory: data files stay there, beside the sources
 * (which are optional).
 *
 * The directory: where the extension is installed decides it.
 *   DIR/pkg/__init__<EXT>  the import system loads it as a package (an
 *                          extension `__init__` is preferred to
 *                          __init__.py): the directory is DIR/pkg;
 *   DIR/pkg<EXT>           a plain module to the import system (found only
 *                          when DIR/pkg/ holds no __init__.py): the
 *                          directory is DIR/pkg, and __path__, __package__
 *                          and __spec__.submodule_search_locations are set
 *                          here as for a package.
 */
#include "internal.h"

static const char finder_source[] =
    "import sys as _sys\n"
    "from importlib.machinery import ModuleSpec as _Spec\n"
    "from importlib._bootstrap_external import decode_source as _decode\n"
    "from importlib._bootstrap_external import _path_split, _path_join\n"
    "from importlib._bootstrap import _call_with_frames_removed\n"
    "class _Located:\n"
    "    def __init__(self, path):\n"
    "        self.path = path\n"
    "class CompiledPackageFinder:\n"
    "    '''Meta path finder and loader of the modules compiled into a pyc2c\n"
    "    package extension: each executes when first imported, as from source.'''\n"
    "    def __init__(self, root, directory, modules, run):\n"
    "        self.root = root\n"
    "        self.directory = directory\n"
    "        self._modules = modules\n"
    "        self._run = run\n"
    "    def __repr__(self):\n"
    "        return '<CompiledPackageFinder for %r>' % self.root\n"
    "    def _origin(self, fullname):\n"
    "        return _path_join(self.directory, self._modules[fullname])\n"
    "    def find_spec(self, fullname, path=None, target=None):\n"
    "        if fullname not in self._modules:\n"
    "            return None\n"
    "        origin = self._origin(fullname)\n"
    "        is_package = self.is_package(fullname)\n"
    "        spec = _Spec(fullname, self, origin=origin, is_package=is_package)\n"
    "        if is_package:\n"
    "            spec.submodule_search_locations = [_path_split(origin)[0]]\n"
    "        spec.has_location = True\n"
    "        return spec\n"
    "    def create_module(self, spec):\n"
    "        return None\n"
    "    def exec_module(self, module):\n"
    "        # as SourceFileLoader: the import system's frames are left out\n"
    "        # of tracebacks (import.c, remove_importlib_frames)\n"
    "        _call_with_frames_removed(self._run, module, module.__spec__.name)\n"
    "    def is_package(self, fullname):\n"
    "        return _path_split(self._modules[fullname])[1] == '__init__.py'\n"
    "    def get_filename(self, fullname):\n"
    "        return self._origin(fullname)\n"
    "    def get_data(self, path):\n"
    "        with open(path, 'rb') as f:\n"
    "            return f.read()\n"
    "    def get_source(self, fullname):\n"
    "        try:\n"
    "            return _decode(self.get_data(self._origin(fullname)))\n"
    "        except OSError:\n"
    "            return None\n"
    "    def get_resource_reader(self, fullname):\n"
    "        from importlib.readers import FileReader\n"
    "        return FileReader(_Located(self._origin(fullname)))\n"
    "    def get_code(self, fullname):\n"
    "        # runpy (python -m pkg): code that runs the compiled body in the\n"
    "        # namespace runpy made (one more frame in tracebacks)\n"
    "        self._origin(fullname)\n"
    "        return compile('__loader__._run(__import__(\\'sys\\').modules.get(__name__), '\n"
    "                       '__spec__.name, globals())',\n"
    "                       '<pyc2c: run %s>' % fullname, 'exec')\n"
    "def setup(module, members, run):\n"
    "    spec = getattr(module, '__spec__', None)\n"
    "    name = spec.name if spec is not None else module.__name__\n"
    "    file = getattr(module, '__file__', None)\n"
    "    if not isinstance(file, str):\n"
    "        raise ImportError('pyc2c: the compiled package %s has no __file__' % name,\n"
    "                          name=name)\n"
    "    head = _path_split(file)[0]\n"
    "    if hasattr(module, '__path__'):       # DIR/pkg/__init__<EXT>\n"
    "        directory = head\n"
    "    else:                                 # DIR/pkg<EXT>\n"
    "        directory = _path_join(head, name.rpartition('.')[2])\n"
    "        module.__path__ = [directory]\n"
    "        module.__package__ = name\n"
    "        if spec is not None:\n"
    "            spec.submodule_search_locations = module.__path__\n"
    "    module.__file__ = _path_join(directory, '__init__.py')\n"
    "    finder = CompiledPackageFinder(name, directory, members, run)\n"
    "    _sys.meta_path[:] = [f for f in _sys.meta_path if not (\n"
    "        type(f).__name__ == 'CompiledPackageFinder' and\n"
    "        getattr(f, 'root', None) == name)]\n"
    "    _sys.meta_path.insert(0, finder)\n"
    "def install_program(directory, members, run):\n"
    "    # the modules compiled into an executable (runtime/program.c)\n"
    "    _sys.meta_path.insert(0, CompiledPackageFinder('__main__', directory,\n"
    "                                                   members, run))\n";

/* The namespace of finder_source, run once per runtime copy (borrowed). */
static PyObject *
finder_namespace(void)
{
    static PyObject *ns;
    if (ns != NULL)
        return ns;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *name = PyUnicode_FromString("pyc2c");   /* the classes' __module__ */
    PyObject *r = NULL;
    /* named as importlib's own code, so that tracebacks leave its frames
     * out as they leave out the import system's (import.c) */
    PyObject *code = Py_CompileString(finder_source, "<frozen importlib._bootstrap_external>",
                                      Py_file_input);
    if (code && name && PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) == 0 &&
        PyDict_SetItemString(d, "__name__", name) == 0)
        r = PyEval_EvalCode(code, d, d);
    Py_XDECREF(code);
    Py_XDECREF(name);
    if (r == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    Py_DECREF(r);
    ns = d;   /* kept for the process */
    return ns;
}

/* run(module, fullname[, namespace]): the compiled body of fullname, from
 * the table in the capsule self, executed in module, whose __dict__ must be
 * namespace when given (runpy's: the body runs on a module object). */
static PyObject *
run_member(PyObject *self, PyObject *args)
{
    PyObject *module, *ns = NULL;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os|O:run", &module, &name, &ns))
        return NULL;
    if (ns != NULL && (!PyModule_Check(module) || PyModule_GetDict(module) != ns)) {
        PyErr_Format(PyExc_ImportError, "pyc2c: compiled %s runs only in the namespace "
                     "of its module in sys.modules", name);
        return NULL;
    }
    const P2C_PackageModule *m = PyCapsule_GetPointer(self, "pyc2c.package");
    if (m == NULL)
        return NULL;
    for (; m->name != NULL; m++)
        if (strcmp(m->name, name) == 0)
            break;
    if (m->name == NULL || !PyModule_Check(module)) {
        PyErr_Format(PyExc_ImportError, "pyc2c: %s is not compiled into this package", name);
        return NULL;
    }
    if (m->exec(module) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef run_def = {"run", run_member, METH_VARARGS, NULL};

/* {name: path relative to the package directory} of the table's members
 * from first on (new). */
static PyObject *
member_dict(const P2C_PackageModule *first)
{
    PyObject *d = PyDict_New();
    for (const P2C_PackageModule *m = first; d != NULL && m->name != NULL; m++) {
        PyObject *path = PyUnicode_DecodeFSDefault(m->path);
        if (path == NULL || PyDict_SetItemString(d, m->name, path) < 0)
            Py_CLEAR(d);
        Py_XDECREF(path);
    }
    return d;
}

/* See runtime.h. */
int
P2C_Package_Exec(PyObject *module, const P2C_PackageModule *table)
{
    PyObject *ns = finder_namespace();
    if (ns == NULL)
        return -1;
    PyObject *capsule = PyCapsule_New((void *)table, "pyc2c.package", NULL);
    PyObject *run = capsule ? PyCFunction_New(&run_def, capsule) : NULL;
    PyObject *members = run ? member_dict(table + 1) : NULL;
    PyObject *r = NULL;
    if (members != NULL)
        r = PyObject_CallFunctionObjArgs(PyDict_GetItemString(ns, "setup"), module,
                                         members, run, NULL);
    Py_XDECREF(capsule);
    Py_XDECREF(run);
    Py_XDECREF(members);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return table->exec(module);   /* the body of pkg/__init__.py */
}

/* See internal.h. */
int
P2C_Package_InstallProgramFinder(const P2C_PackageModule *table, const char *directory)
{
    PyObject *ns = finder_namespace();
    if (ns == NULL)
        return -1;
    PyObject *capsule = PyCapsule_New((void *)table, "pyc2c.package", NULL);
    PyObject *run = capsule ? PyCFunction_New(&run_def, capsule) : NULL;
    PyObject *members = run ? member_dict(table) : NULL;
    PyObject *dir = members ? PyUnicode_DecodeFSDefault(directory) : NULL;
    PyObject *r = NULL;
    if (dir != NULL)
        r = PyObject_CallFunctionObjArgs(PyDict_GetItemString(ns, "install_program"),
                                         dir, members, run, NULL);
    Py_XDECREF(capsule);
    Py_XDECREF(run);
    Py_XDECREF(members);
    Py_XDECREF(dir);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}
