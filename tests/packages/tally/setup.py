# setup(pyc2c=[...]) names what is compiled, and switches pyc2c on by itself:
# the plain setuptools backend and `python3 setup.py bdist_wheel` (no flag)
# build the compiled wheel.  Named: a subpackage (compiled whole) and a module
# inside the package; tally/__init__.py stays source.
from setuptools import setup

setup(
    name="tally",
    version="0.1",
    packages=["tally", "tally.core"],
    pyc2c=["tally.core", "tally.fmt"],
    entry_points={"console_scripts": ["tally = tally:main"]},
)
