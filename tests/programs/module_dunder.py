"""A module docstring, visible as __doc__."""
# Module-level dunders and names: __doc__, __name__, function __doc__,
# the module's globals, builtins access through the builtins module.

import builtins


def documented():
    """Returns nothing useful."""
    return None


def undocumented():
    return 1


print(__doc__)
print(documented.__doc__, undocumented.__doc__)
print(__name__ in ("__main__", "module_dunder"), builtins.len("four"))
print("names:", "documented" in dir(), "builtins" in globals(), __spec__ is None or __spec__.name)
