import math
import os
import subprocess
import sys
import sysconfig
import types

import pytest

import plainhelpers
import shapes
import shapes.geo
import shapesfast
import shapesplain
from shapes import Circle, Measure, Rect, named

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")
COMPILED = "PYC2C_EXPECT_COMPILED" in os.environ


def test_areas():
    assert Rect(2, 3).area() == 6
    assert Rect(2, 3).perimeter() == 10
    assert math.isclose(Circle(1).area(), math.pi)
    assert Rect(3, 4).diagonal() == 5.0
    assert repr(Rect(1, 2)) == "Rect(w=1, h=2)"


def test_errors_and_tracebacks():
    with pytest.raises(ValueError, match="negative radius: -1"):
        Circle(-1)
    with pytest.raises(NotImplementedError) as info:
        shapes.Shape().area()
    assert info.traceback[-1].frame.code.name == "area"
    assert info.traceback[-1].lineno + 1 == 12  # 0-based in pytest


def test_data_files():
    assert shapes.units()["km"] == 1000.0
    assert shapes.geo.catalogue()["door"] == ["rect", 0.9, 2.1]
    assert named("unit").area() == pytest.approx(math.pi)
    with pytest.raises(LookupError, match="no shape named 'x'"):
        named("x")


def test_dataclass():
    m = Measure(2.5, "km").to("m")
    assert m == Measure(2500.0, "m")
    with pytest.raises(Exception) as info:
        m.value = 1
    assert type(info.value).__name__ == "FrozenInstanceError"


def test_generator_module():
    assert list(shapesfast.squares(range(4))) == [0, 1, 4, 9]
    assert plainhelpers.quadruple(3) == 12


def test_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "shapes", "door"], capture_output=True,
                         text=True, check=True).stdout
    assert out == "door: area 1.890 perimeter 6.000\n"
    proc = subprocess.run([sys.executable, "-m", "shapes", "nope"], capture_output=True,
                          text=True)
    assert (proc.returncode, proc.stderr) == (1, "shapes: no shape named 'nope'\n")


def compiled(module):
    funcs = [v for v in vars(module).values()
             if isinstance(v, types.FunctionType) and v.__module__ == module.__name__]
    assert funcs, module
    kinds = {type(f) is not types.FunctionType for f in funcs}
    assert len(kinds) == 1, module
    return kinds.pop()


@pytest.mark.skipif(not COMPILED, reason="only when testing a compiled wheel")
def test_selected_modules_are_compiled():
    assert shapes.__spec__.origin.endswith("/shapes/__init__" + EXT_SUFFIX)
    assert shapesfast.__spec__.origin.endswith("/shapesfast" + EXT_SUFFIX)
    assert compiled(shapes) and compiled(shapes.geo) and compiled(shapesfast)
    assert not os.path.exists(shapes.geo.__file__)  # keep-source = false
    # Not named in [tool.pyc2c]: interpreted, from the .py in the wheel.
    assert not compiled(shapesplain) and not compiled(plainhelpers)
    assert shapesplain.__file__.endswith("/shapesplain.py")
