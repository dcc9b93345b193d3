# relpkg: a package that tests/programs/run compiles too, module by module,
# for relimport.py (which says so on its "# compile-package:" line).
from . import helpers
from .helpers import greet, where
from .sub import deep as _deep         # runs relpkg.sub, then relpkg.sub.deep

print("relpkg:", where(globals()))
print("relpkg: __path__ ends with", [p.split("/")[-1] for p in __path__])
VERSION = "2.0"
