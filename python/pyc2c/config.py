"""Which modules and packages of a project a wheel gets compiled.

Three places say it (docs/usage.md, "Wheels"):

    setup(..., pyc2c=True)                 # every package and module
    setup(..., pyc2c=["pkg", "mod"])       # these (packages or modules)

    [tool.pyc2c]                           # pyproject.toml
    packages = ["pkg"]                     # compiled whole, one extension each
    modules = ["mod", "pkg2.fast"]         # one extension each
    keep-source = false                    # ship the .py beside the .so?

Names from the keyword and the table add up.  Nothing named anywhere means
everything: each top-level package of the distribution (compiled whole) and
each of its py_modules.
"""

import os
import re

try:
    import tomllib
except ImportError:  # Python < 3.11: tomli is the same parser, as a package
    try:
        import tomli as tomllib
    except ImportError:
        tomllib = None

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
TABLE_KEYS = {"modules": list, "packages": list, "keep-source": bool}


class ConfigError(Exception):
    pass


def is_module_name(name):
    return isinstance(name, str) and all(IDENTIFIER.match(p) for p in name.split("."))


class Selection:
    """units: (name, kind, origin) — kind "package", "module", "any" (a
    package or a module), or "auto" (a package if it has an __init__.py);
    origin says where the name came from, for error messages."""

    def __init__(self, units, keep_source):
        self.units = units
        self.keep_source = keep_source


def keyword_value(value):
    """setup(pyc2c=...): True/False, or a list of dotted names."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        value = [value]
    try:
        names = list(value)
    except TypeError:
        raise ConfigError("setup(pyc2c=...) must be True, False or a list of module "
                          "and package names, not %r" % (value,)) from None
    for n in names:
        if not is_module_name(n):
            raise ConfigError("setup(pyc2c=...): %r is not a module or package name" % (n,))
    return names


def read_table(project_dir):
    """[tool.pyc2c] of project_dir/pyproject.toml, checked; {} when absent."""
    path = os.path.join(project_dir, "pyproject.toml")
    if not os.path.exists(path):
        return {}
    if tomllib is None:
        raise ConfigError("reading [tool.pyc2c] needs Python 3.11's tomllib, or the "
                          "tomli package before 3.11")
    with open(path, "rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError("%s: %s" % (path, e)) from None
    table = data.get("tool", {}).get("pyc2c", {})
    for key, value in table.items():
        want = TABLE_KEYS.get(key)
        if want is None:
            raise ConfigError("[tool.pyc2c]: unknown key %r (known: %s)"
                              % (key, ", ".join(sorted(TABLE_KEYS))))
        if not isinstance(value, want):
            raise ConfigError("[tool.pyc2c] %s must be a %s" % (key, want.__name__))
        if want is list:
            for n in value:
                if not is_module_name(n):
                    raise ConfigError("[tool.pyc2c] %s: %r is not a module name" % (key, n))
    return table


def select(dist, project_dir, keep_source=None):
    """The Selection for distribution dist (a setuptools Distribution)."""
    table = read_table(project_dir)
    units = []
    kw = keyword_value(getattr(dist, "pyc2c", None) or False)
    if isinstance(kw, list):
        units += [(n, "any", "setup(pyc2c=...)") for n in kw]
    units += [(n, "package", "[tool.pyc2c] packages") for n in table.get("packages", [])]
    units += [(n, "module", "[tool.pyc2c] modules") for n in table.get("modules", [])]
    if not units:
        # Every package: those without __init__.py (namespace packages)
        # are skipped where the wheel is staged, those inside another are
        # compiled with it.
        units += [(n, "auto", "the distribution's packages") for n in sorted(dist.packages or [])]
        units += [(n, "module", "the distribution's py_modules") for n in dist.py_modules or []]
    if keep_source is None:
        keep_source = table.get("keep-source", False)
    return Selection(units, keep_source)
