# relpkg.sub: a subpackage; `..` is relpkg, still initializing (helpers is
# already bound in it).
from .. import helpers
from ..helpers import greet as g

print("relpkg.sub:", helpers.where(globals()), g("sub"))
