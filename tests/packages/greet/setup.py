# A setup.py project: `python3 setup.py bdist_wheel --pyc2c` compiles every
# package and module (nothing is named); the pyproject.toml beside it makes
# the same project buildable through the pyc2c.build backend.
from setuptools import setup

setup(
    name="greet",
    version="1.2.0",
    packages=["greet", "greet.text", "greet.text.fmt"],
    py_modules=["greetutil"],
    package_data={"greet": ["data/*.txt"], "greet.text": ["templates.json"]},
    entry_points={"console_scripts": ["greet = greet.cli:main"]},
)
