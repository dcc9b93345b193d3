# No __all__: `from stardemo.colors import *` binds the names without '_'.
RED = "red"
GREEN = "green"
_secret = "private"
__dunder = "private too"


def mix(a, b):
    return a + "+" + b
