# Relative imports in compiled modules of a package: __name__, __package__,
# __spec__ and __path__ of each compiled module, `from . import x`,
# `from ..a import b`, star and function- and class-level relative imports,
# resolution through __package__ / __spec__.parent, and the two errors.
# compile-package: relpkg
# (tests/programs/run then compiles every module of relpkg/ as well, in
# module mode; as an executable this program imports relpkg interpreted.)
import relpkg
import relpkg.sub.deep as deep

print(relpkg.VERSION, relpkg.greet("main"), relpkg._deep is deep)
print(deep.__name__, deep.__package__, deep.__spec__.name, deep.__spec__.parent)
print(relpkg.sub.__name__, relpkg.sub.__package__, relpkg.sub.__spec__.parent)
print(relpkg.__package__, relpkg.__spec__.parent, relpkg.__spec__.name)
print(deep.lazy(), deep.Holder.sib is relpkg.sub.sibling)
print([k in vars(deep) for k in ("__cached__", "__builtins__", "__loader__")])
print(__package__ or repr(__package__), __spec__ is None)

# This program is __main__ (executable) or a top-level module: no parent.
try:
    from . import relpkg as again
except ImportError as e:
    print(type(e).__name__, e)


def in_function():
    from .relpkg import helpers
    return helpers


try:
    in_function()
except ImportError as e:
    print(type(e).__name__, e)

deep.too_far()      # uncaught: the traceback passes through compiled frames
