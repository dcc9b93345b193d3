# compile-package-whole: wholepkg
# A package compiled whole into one extension module (docs/usage.md,
# "Packages"): submodules execute lazily, when imported and in the order
# CPython runs them; __file__, __path__, __spec__ and __package__ as for the
# source layout; relative imports; data files through importlib.resources
# and pkgutil; tracebacks through submodules; reload; a missing submodule.
import importlib
import importlib.resources
import inspect
import pkgutil
import sys
import traceback


def loaded():
    return sorted(k for k in sys.modules if k.startswith("wholepkg"))


print("before:", loaded())
import wholepkg
print("after import wholepkg:", loaded())
print(wholepkg.__name__, wholepkg.__package__, wholepkg.VERSION)
print("path:", [p.endswith("/wholepkg") for p in wholepkg.__path__],
      wholepkg.__file__.endswith("/wholepkg/__init__.py"),
      wholepkg.__spec__.name, wholepkg.__spec__.parent,
      wholepkg.__spec__.submodule_search_locations == wholepkg.__path__)
print("shape:", wholepkg.Shape("sq").describe(), list(wholepkg.core.countdown(2)))

import wholepkg.sub.leaf as leaf
print("after import sub.leaf:", loaded())
for m in (wholepkg.core, wholepkg.sub, leaf):
    spec = m.__spec__
    print(m.__name__, m.__package__, m.__file__ == spec.origin,
          spec.origin.split("/wholepkg/")[1], spec.parent, spec.has_location,
          spec.cached.split("/wholepkg/")[1],
          None if spec.submodule_search_locations is None
          else [p.split("/")[-1] for p in spec.submodule_search_locations],
          hasattr(m, "__path__"))
print("leaf:", leaf.leaf_fn(), wholepkg.sub.parent_core is wholepkg.core)

print("lazy:", wholepkg.lazy(), loaded())
from wholepkg import late as again
print("again:", again is sys.modules["wholepkg.late"])
print("import_module:", importlib.import_module(".late", "wholepkg") is again)

print("files:", importlib.resources.files("wholepkg").joinpath("data.txt").read_text(),
      end="")
print("files sub:", (importlib.resources.files("wholepkg.sub") / "res" / "info.json")
      .read_text(), end="")
print("get_data:", pkgutil.get_data("wholepkg", "data.txt"))
print("get_data sub:", pkgutil.get_data("wholepkg.sub", "res/info.json"))
print("iter_modules:", sorted(m.name for m in pkgutil.iter_modules(wholepkg.__path__)))
print("getsource:", inspect.getsource(leaf.helper).splitlines()[0])
print("getsourcefile:", inspect.getsourcefile(leaf.fail).split("/wholepkg/")[1])

try:
    import wholepkg.missing
except ModuleNotFoundError as e:
    print("missing:", type(e).__name__, e, e.name)
try:
    from wholepkg import nothing_here
except ImportError as e:
    print("from-import:", e.name, str(e).split(" (")[0])

print("reload:", importlib.reload(leaf) is leaf, loaded())

try:
    leaf.fail("b")
except KeyError:
    traceback.print_exc()
leaf.fail("zz")
