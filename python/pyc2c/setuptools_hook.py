"""The setuptools plugin: compiled platform wheels from bdist_wheel.

Registered through pyc2c's entry points (pyc2c-*.dist-info/entry_points.txt):

- setuptools.finalize_distribution_options -> finalize(dist): gives every
  setuptools Distribution our bdist_wheel and install_lib (subclasses of
  whatever the project or wheel provides), which do nothing different until
  pyc2c is switched on;
- distutils.setup_keywords pyc2c -> check_keyword: `setup(..., pyc2c=...)`.

pyc2c is on for a wheel when `bdist_wheel --pyc2c` is given (also
`[bdist_wheel] pyc2c = 1` in setup.cfg), when setup() says pyc2c=True or
names modules, or when the wheel is built by the pyc2c.build backend.
Then bdist_wheel tags the wheel for the platform (Root-Is-Purelib: false,
cp311-cp311-linux_x86_64), and install_lib, after copying the built tree
into the wheel's staging directory, compiles the selected modules there
(pyc2c.wheel).  build/lib keeps the .py files, so a later build without
pyc2c is not affected.
"""

import os

from pyc2c import config
from pyc2c.compiler import CompileError

# Set by the pyc2c.build backend around setuptools' build_wheel.
backend_active = False


def check_keyword(dist, attr, value):
    """distutils.setup_keywords: validates setup(pyc2c=...)."""
    from distutils.errors import DistutilsSetupError
    try:
        config.keyword_value(value)
    except config.ConfigError as e:
        raise DistutilsSetupError(str(e)) from None


def wanted(dist, flag):
    return bool(flag or backend_active or getattr(dist, "pyc2c", None))


class BdistWheelMixin:
    """bdist_wheel with --pyc2c and --pyc2c-keep-source."""

    user_options_pyc2c = [
        ("pyc2c", None, "compile the project's modules with pyc2c (a platform wheel)"),
        ("pyc2c-keep-source", None, "with --pyc2c: keep the .py sources beside the compiled modules"),
    ]
    boolean_options_pyc2c = ["pyc2c", "pyc2c-keep-source"]

    def initialize_options(self):
        super().initialize_options()
        self.pyc2c = False
        self.pyc2c_keep_source = None

    def finalize_options(self):
        dist = self.distribution
        dist.pyc2c_selection = None
        if wanted(dist, self.pyc2c):
            from distutils.errors import DistutilsOptionError
            try:
                dist.pyc2c_selection = config.select(
                    dist, os.getcwd(), keep_source=True if self.pyc2c_keep_source else None)
            except config.ConfigError as e:
                raise DistutilsOptionError("pyc2c: %s" % e) from None
            # The wheel will hold extension modules, as a project with
            # ext_modules: bdist_wheel makes it a platform wheel
            # (Root-Is-Purelib: false, cp311-cp311-linux_x86_64) and install
            # puts the modules in platlib, the wheel's root.
            dist.has_ext_modules = lambda: True
        super().finalize_options()


class InstallLibMixin:
    """install_lib that compiles the selected modules where it installed
    them, when bdist_wheel switched pyc2c on."""

    def install(self):
        outfiles = super().install()
        selection = getattr(self.distribution, "pyc2c_selection", None)
        if selection is None or outfiles is None:
            return outfiles
        from distutils.errors import DistutilsError
        from pyc2c import wheel
        try:
            created, removed = wheel.compile_tree(
                self.install_dir, selection, announce=lambda m: self.announce(m, level=2))
        except (config.ConfigError, CompileError) as e:
            raise DistutilsError("pyc2c: %s" % e) from None
        removed = set(map(os.path.abspath, removed))
        return [f for f in outfiles if os.path.abspath(f) not in removed] + created


def with_mixin(mixin, base, name):
    if issubclass(base, mixin):
        return base
    attrs = {}
    if hasattr(mixin, "user_options_pyc2c"):
        attrs["user_options"] = list(base.user_options) + mixin.user_options_pyc2c
        attrs["boolean_options"] = list(getattr(base, "boolean_options", [])) + \
            mixin.boolean_options_pyc2c
    return type(name, (mixin, base), attrs)


def finalize(dist):
    """setuptools.finalize_distribution_options: installs the commands."""
    try:
        bdist_wheel = dist.get_command_class("bdist_wheel")
    except Exception:  # no `wheel` installed: nothing to hook
        return
    install_lib = dist.get_command_class("install_lib")
    dist.cmdclass["bdist_wheel"] = with_mixin(BdistWheelMixin, bdist_wheel, "bdist_wheel")
    dist.cmdclass["install_lib"] = with_mixin(InstallLibMixin, install_lib, "install_lib")


# Late, after other plugins chose their command classes.
finalize.order = 100
