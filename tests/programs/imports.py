# Imports: import a.b, import a as b, from a import b [as c], module
# attributes, imports inside functions, a helper package with relative
# imports inside it (tests/programs/pkgdemo).

import os.path
import collections as coll
from math import sqrt, pi as PI
from os import sep
import pkgdemo.shapes
from pkgdemo import units as u, VERSION
from pkgdemo.shapes import square_area as area

print(os.path.join("a", "b"), os.path.basename("/x/y.txt"), sep)
print(coll.OrderedDict([("k", 1)]), coll.Counter("aab").most_common(1))
print(sqrt(16), round(PI, 5))
print(pkgdemo.shapes.square_area(3), area(4), u.NAMES, VERSION, pkgdemo.VERSION)


def lazy():
    import json
    from string import ascii_lowercase as letters
    return json.dumps({"letters": letters[:3]})


print(lazy())
print(type(os).__name__, os.path.__name__ in ("posixpath", "ntpath"), pkgdemo.square_area(1))
import missing_module_for_test
