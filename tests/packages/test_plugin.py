"""Unit tests of the pyc2c Python package's pieces that need no build:
reading the selection, resolving it against a staged tree, the members of a
package, one-line error summaries.  tests/packages/run runs them (case
plugin_unit) with python/ on sys.path."""

import os
import types

import pytest

from pyc2c import compiler, config, wheel


def write(path, text=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def dist(packages=(), py_modules=(), pyc2c=None):
    return types.SimpleNamespace(packages=list(packages), py_modules=list(py_modules),
                                 pyc2c=pyc2c)


# ---- config ------------------------------------------------------------------

def test_keyword_values():
    assert config.keyword_value(True) is True
    assert config.keyword_value(["a", "b.c"]) == ["a", "b.c"]
    assert config.keyword_value("a") == ["a"]
    with pytest.raises(config.ConfigError, match="not a module or package name"):
        config.keyword_value(["a-b"])
    with pytest.raises(config.ConfigError, match="must be True, False or a list"):
        config.keyword_value(3)


def test_table(tmp_path):
    assert config.read_table(str(tmp_path)) == {}
    write(str(tmp_path / "pyproject.toml"), '[tool.pyc2c]\npackages = ["p"]\nkeep-source = true\n')
    assert config.read_table(str(tmp_path)) == {"packages": ["p"], "keep-source": True}
    for body, msg in [('modules = "m"', "modules must be a list"),
                      ('modules = ["1m"]', "'1m' is not a module name"),
                      ('keep-source = "no"', "keep-source must be a bool"),
                      ('package = ["p"]', "unknown key 'package'")]:
        write(str(tmp_path / "pyproject.toml"), "[tool.pyc2c]\n" + body + "\n")
        with pytest.raises(config.ConfigError, match=msg):
            config.read_table(str(tmp_path))
    write(str(tmp_path / "pyproject.toml"), "[tool.pyc2c\n")
    with pytest.raises(config.ConfigError, match="pyproject.toml"):
        config.read_table(str(tmp_path))


def test_select_adds_up_and_defaults(tmp_path):
    write(str(tmp_path / "pyproject.toml"), '[tool.pyc2c]\nmodules = ["m"]\n')
    sel = config.select(dist(pyc2c=["k"]), str(tmp_path))
    assert sel.units == [("k", "any", "setup(pyc2c=...)"), ("m", "module", "[tool.pyc2c] modules")]
    assert sel.keep_source is False
    os.remove(str(tmp_path / "pyproject.toml"))
    sel = config.select(dist(["b", "a", "a.x"], ["m"], pyc2c=True), str(tmp_path), keep_source=True)
    assert [u[:2] for u in sel.units] == [("a", "auto"), ("a.x", "auto"), ("b", "auto"),
                                          ("m", "module")]
    assert sel.keep_source is True


# ---- resolving against the staged tree ----------------------------------------

def tree(root):
    write(os.path.join(root, "pkg", "__init__.py"))
    write(os.path.join(root, "pkg", "mod.py"))
    write(os.path.join(root, "pkg", "not-a-name.py"))
    write(os.path.join(root, "pkg", "sub", "__init__.py"))
    write(os.path.join(root, "pkg", "sub", "deep.py"))
    write(os.path.join(root, "pkg", "data", "helper.py"))  # no __init__.py: not compiled
    write(os.path.join(root, "ns", "inner", "__init__.py"))  # ns: a namespace package
    write(os.path.join(root, "top.py"))


def test_resolve(tmp_path):
    root = str(tmp_path)
    tree(root)
    units = [("ns", "auto", "o"), ("ns.inner", "auto", "o"), ("pkg", "auto", "o"),
             ("pkg.sub", "auto", "o"), ("top", "module", "o"), ("pkg.mod", "any", "o")]
    plan = [(n, k) for n, k, _ in wheel.resolve(root, units)]
    assert plan == [("ns.inner", "package"), ("pkg", "package"), ("top", "module")]
    assert [(n, k) for n, k, _ in wheel.resolve(root, [("pkg.sub", "any", "o")])] == \
        [("pkg.sub", "package")]
    for units, msg in [([("nope", "any", "X")], "X names module or package 'nope'.*no nope.py "
                        "or nope/__init__.py"),
                       ([("top", "package", "X")], "X names package 'top'.*no top/__init__.py"),
                       ([("pkg", "module", "X")], "X names module 'pkg'.*no pkg.py"),
                       ([("ns", "auto", "X")], "nothing to compile")]:
        with pytest.raises(config.ConfigError, match=msg):
            wheel.resolve(root, units)


def test_package_members_follow_the_driver(tmp_path):
    root = str(tmp_path)
    tree(root)
    members = sorted(os.path.relpath(p, root) for p in wheel.package_members(os.path.join(root, "pkg")))
    assert members == ["pkg/__init__.py", "pkg/mod.py", "pkg/sub/__init__.py", "pkg/sub/deep.py"]


def test_remove_source_takes_bytecode(tmp_path):
    root = str(tmp_path)
    write(os.path.join(root, "m.py"))
    write(os.path.join(root, "mm.py"))
    for name in ("m.cpython-311.pyc", "m.cpython-311.opt-1.pyc", "mm.cpython-311.pyc"):
        write(os.path.join(root, "__pycache__", name))
    wheel.remove_source(os.path.join(root, "m.py"))
    assert sorted(os.listdir(root)) == ["__pycache__", "mm.py"]
    assert os.listdir(os.path.join(root, "__pycache__")) == ["mm.cpython-311.pyc"]
    wheel.remove_source(os.path.join(root, "mm.py"))
    assert os.listdir(root) == []


# ---- error lines ---------------------------------------------------------------

def test_summary():
    member = ('  File "/s/pkg/bad.py", line 2\n    def f(:\n          ^\n'
              "SyntaxError: invalid syntax\n"
              "pyc2c: error: in module pkg.bad: '/s/pkg/bad.py' does not compile (the error above)\n")
    assert compiler.summary(member) == "in module pkg.bad: /s/pkg/bad.py:2: SyntaxError: invalid syntax"
    alone = '  File "/s/m.py", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n'
    assert compiler.summary(alone) == "/s/m.py:1: SyntaxError: invalid syntax"
    refused = "pyc2c: error: /s/m.py:3: starred annotation is not supported yet\n"
    assert compiler.summary(refused) == "/s/m.py:3: starred annotation is not supported yet"
    assert compiler.summary("something\nelse\n") == "something; else"


def test_find_executable(tmp_path, monkeypatch):
    exe = tmp_path / "pyc2c"
    write(str(exe), "#!/bin/sh\n")
    os.chmod(str(exe), 0o755)
    monkeypatch.setenv("PYC2C", str(exe))
    assert compiler.find_executable() == str(exe)
    monkeypatch.setenv("PYC2C", str(tmp_path / "missing"))
    with pytest.raises(compiler.CompileError, match="no such executable"):
        compiler.find_executable()
