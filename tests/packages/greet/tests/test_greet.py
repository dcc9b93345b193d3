import os
import sys
import sysconfig
import types

import pytest

import greet
import greet.text.fmt.case as case
import greetutil
from greet.cli import main

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def test_greet_plain():
    assert greet.greet("Ann") == "Hello, Ann."


def test_styles():
    assert greet.greet("Ann", "loud") == "HELLO ANN!"
    assert greet.greet("Ann", "quiet") == "hello ann..."
    with pytest.raises(ValueError, match="unknown style 'odd'"):
        greet.greet("Ann", "odd")


def test_data_file():
    assert greet.words() == ["Hello", "Bonjour", "Hallo"]


def test_counter():
    c = case.Counter()
    for w in "a b a c b a".split():
        c.add(w)
    assert c.most_common() == ("a", 3)


def test_main(capsys):
    assert main(["Bo", "--style", "loud"]) == 0
    assert capsys.readouterr().out == "---------\nHELLO BO!\n---------\n"
    assert main(["Bo", "--style", "odd"]) == 2
    assert "unknown style" in capsys.readouterr().err


def test_traceback_names_the_module():
    with pytest.raises(ValueError) as info:
        greet.greet("x", "nope")
    names = [entry.frame.code.name for entry in info.traceback]
    assert names[-2:] == ["greet", "render"]


@pytest.mark.skipif("PYC2C_EXPECT_COMPILED" not in os.environ,
                    reason="only when testing a compiled wheel")
def test_modules_are_compiled():
    # The package is one extension module; its submodules live inside it.
    # __file__ names the source beside it, which the wheel ships only when
    # asked to (keep-source); the extension module is imported either way.
    assert greet.__spec__.origin.endswith("/greet/__init__" + EXT_SUFFIX)
    assert greetutil.__spec__.origin.endswith("/greetutil" + EXT_SUFFIX)
    keep = "PYC2C_EXPECT_SOURCE" in os.environ
    assert os.path.exists(greet.__file__) == keep
    assert os.path.exists(greetutil.__file__) == keep
    assert os.path.exists(case.__file__) == keep
    for m in (greet, case, sys.modules["greet.text"], sys.modules["greet.cli"], greetutil):
        funcs = [v for v in vars(m).values()
                 if isinstance(v, types.FunctionType) and v.__module__ == m.__name__]
        assert funcs, m
        for f in funcs:  # compiled functions are a subtype of the function type
            assert type(f) is not types.FunctionType, (m, f)
