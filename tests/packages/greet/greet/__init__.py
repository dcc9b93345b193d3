"""greet: says hello in several ways (a sample project for pyc2c wheels)."""

from importlib import resources

from .text import render

__version__ = "1.2.0"


def words():
    """The words of data/words.txt, a data file shipped in the package."""
    text = resources.files(__name__).joinpath("data/words.txt").read_text(encoding="utf-8")
    return text.split()


def greet(name, style="plain"):
    return render(style, name=name, word=words()[0])
