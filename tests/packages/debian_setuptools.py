"""Copied by tests/packages/run as sitecustomize.py into the directory of
build tools it lends another interpreter (tool_overlay), when Debian's
setuptools is among them.

Debian patches setuptools for its install layouts: its install_lib and
install_egg_info commands read the options `install_layout` and
`prefix_option` of distutils' install command, which only Debian's own
distutils (of Debian's python3) has.  On another interpreter (pyenv's) the
install command gets both as class attributes with the value Debian's
distutils gives them by default, None, which selects the layout every other
Python has.  Nothing else changes.
"""

import importlib.abc
import sys

_MODULES = ("setuptools._distutils.command.install", "distutils.command.install")
_OPTIONS = ("install_layout", "prefix_option")


class _DefaultInstallOptions(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _MODULES:
            return None
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            for option in _OPTIONS:
                if not hasattr(module.install, option):
                    setattr(module.install, option, None)
        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _DefaultInstallOptions())
