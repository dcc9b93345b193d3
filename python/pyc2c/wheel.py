"""Compiling the selected modules of a staged wheel tree in place.

The tree is what bdist_wheel is about to zip (its install root): the
project's .py files and data files as setuptools laid them out.  Each
selected package becomes one extension module PKG/__init__<EXT_SUFFIX>
holding the package and all its submodules and subpackages (`pyc2c --module
PKG/`); each selected module MOD.py becomes MOD<EXT_SUFFIX>.  Then the .py
files compiled into them are removed (unless keep-source), with their
__pycache__ entries; data files and anything pyc2c does not compile stay.
"""

import os
import shutil

from pyc2c import compiler
from pyc2c.config import IDENTIFIER, ConfigError


def package_members(pkg_dir):
    """The .py files `pyc2c --module PKG_DIR` compiles (the rule of
    src/driver/package.c): __init__.py, every NAME.py with NAME an
    identifier, and so on in every subdirectory holding an __init__.py."""
    files = [os.path.join(pkg_dir, "__init__.py")]
    for entry in sorted(os.listdir(pkg_dir)):
        path = os.path.join(pkg_dir, entry)
        if entry.endswith(".py") and entry != "__init__.py" and \
                IDENTIFIER.match(entry[:-3]) and os.path.isfile(path):
            files.append(path)
        elif IDENTIFIER.match(entry) and os.path.isfile(os.path.join(path, "__init__.py")):
            files += package_members(path)
    return files


def remove_source(py):
    """Removes py and its bytecode in __pycache__ (and that directory when
    it is left empty)."""
    os.remove(py)
    cache = os.path.join(os.path.dirname(py), "__pycache__")
    if os.path.isdir(cache):
        stem = os.path.basename(py)[:-3] + "."
        for entry in os.listdir(cache):
            if entry.startswith(stem) and entry.endswith(".pyc"):
                os.remove(os.path.join(cache, entry))
        if not os.listdir(cache):
            os.rmdir(cache)


def resolve(root, units):
    """[(name, "package"|"module", source path)] to compile, in order;
    names inside a package already selected are covered by it.  A name that
    is not in the tree raises ConfigError naming it and where it came from."""
    plan, packages = [], []
    for name, kind, origin in units:
        if any(name == p or name.startswith(p + ".") for p in packages):
            continue
        base = os.path.join(root, *name.split("."))
        if kind in ("package", "any", "auto") and os.path.isfile(os.path.join(base, "__init__.py")):
            plan.append((name, "package", base))
            packages.append(name)
        elif kind in ("module", "any") and os.path.isfile(base + ".py"):
            plan.append((name, "module", base + ".py"))
        elif kind != "auto":
            what = {"package": "package", "module": "module"}.get(kind, "module or package")
            want = {"package": "%s/__init__.py", "module": "%s.py"}.get(
                kind, "%s.py or %s/__init__.py")
            rel = name.replace(".", "/")
            raise ConfigError("%s names %s %r, which is not among the project's "
                              "modules (no %s in the wheel)"
                              % (origin, what, name, want.replace("%s", rel)))
    if not plan:
        raise ConfigError("nothing to compile: the project has no packages or modules "
                          "(name them in [tool.pyc2c] or setup(pyc2c=[...]))")
    return plan


def compile_tree(root, selection, announce=print):
    """Compiles selection's units in the staged tree root, all or nothing:
    every unit is compiled before any source is removed.  Returns the
    (created, removed) file lists."""
    plan = resolve(root, selection.units)
    executable = compiler.find_executable()
    suffix = compiler.ext_suffix()
    created = []
    for name, kind, source in plan:
        if kind == "package":
            output = os.path.join(source, "__init__" + suffix)
        else:
            output = source[:-3] + suffix
        announce("pyc2c: compiling %s %s -> %s" % (kind, name, os.path.relpath(output, root)))
        try:
            compiler.compile_unit(executable, name, source, output)
        except compiler.CompileError as e:
            for path in created:
                os.remove(path)
            # Paths in the staging tree, as the project names them.
            why = str(e)
            for prefix in (os.path.abspath(root), root):  # the longer first
                why = why.replace(prefix.rstrip(os.sep) + os.sep, "")
            raise compiler.CompileError("cannot compile %s %r: %s" % (kind, name, why)) from None
        created.append(output)
    removed = []
    if not selection.keep_source:
        for name, kind, source in plan:
            for py in package_members(source) if kind == "package" else [source]:
                remove_source(py)
                removed.append(py)
    return created, removed
