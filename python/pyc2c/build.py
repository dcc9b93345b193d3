"""pyc2c.build — a PEP 517 build backend: setuptools' own, whose wheels
have the project's modules compiled by pyc2c.

    [build-system]
    requires = ["pyc2c", "setuptools", "wheel"]
    build-backend = "pyc2c.build"

    [tool.pyc2c]              # optional: which modules (default: all)
    packages = ["mypkg"]

Every hook is setuptools.build_meta's; build_wheel switches pyc2c on for
the setuptools plugin (pyc2c.setuptools_hook) while it runs.  An sdist
holds the sources as usual; an editable install runs the sources.
"""

import contextlib

from setuptools import build_meta as _setuptools

from pyc2c import setuptools_hook

get_requires_for_build_sdist = _setuptools.get_requires_for_build_sdist
get_requires_for_build_wheel = _setuptools.get_requires_for_build_wheel
prepare_metadata_for_build_wheel = _setuptools.prepare_metadata_for_build_wheel
build_sdist = _setuptools.build_sdist
if hasattr(_setuptools, "build_editable"):  # PEP 660, setuptools >= 64
    get_requires_for_build_editable = _setuptools.get_requires_for_build_editable
    prepare_metadata_for_build_editable = _setuptools.prepare_metadata_for_build_editable
    build_editable = _setuptools.build_editable


@contextlib.contextmanager
def _pyc2c_on():
    saved = setuptools_hook.backend_active
    setuptools_hook.backend_active = True
    try:
        yield
    finally:
        setuptools_hook.backend_active = saved


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    with _pyc2c_on():
        return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)
