"""pyc2c's Python side: compiled platform wheels (docs/usage.md, "Wheels").

- pyc2c.build — a PEP 517 build backend wrapping setuptools' own
  (`build-backend = "pyc2c.build"`): the wheel it builds has the selected
  modules and packages compiled by the pyc2c executable.
- pyc2c.setuptools_hook — the setuptools plugin behind it, also active in
  `python3 setup.py bdist_wheel --pyc2c` and `setup(..., pyc2c=...)`.

The compiler itself is the `pyc2c` executable (pyc2c.compiler finds it).
"""

__version__ = "0.1.0"
