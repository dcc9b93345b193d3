import os
import sysconfig
import types

import pytest

import tally
import tally.core.counting
import tally.fmt
from tally.core import count

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")


def test_count():
    assert count("b a B c a b".split()) == [("b", 3), ("a", 2), ("c", 1)]


def test_table():
    assert tally.fmt.table([("bb", 2), ("a", 1)]) == "bb 2\na  1"
    assert tally.fmt.table([]) == ""


@pytest.mark.skipif("PYC2C_EXPECT_COMPILED" not in os.environ,
                    reason="only when testing a compiled wheel")
def test_what_is_compiled():
    assert tally.core.__spec__.origin.endswith("/tally/core/__init__" + EXT_SUFFIX)
    assert tally.fmt.__spec__.origin.endswith("/tally/fmt" + EXT_SUFFIX)
    assert type(tally.core.counting.count) is not types.FunctionType
    assert type(tally.fmt.table) is not types.FunctionType
    assert type(tally.main) is types.FunctionType  # tally/__init__.py: source
    assert tally.__file__.endswith("/tally/__init__.py")
