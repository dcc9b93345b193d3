# relpkg.helpers: what a module of the package sees of itself.
__all__ = ["greet", "where"]


def where(g):
    """__name__, __package__ and __spec__ of the module whose globals are g."""
    spec = g["__spec__"]
    return "%s package=%r spec=%s parent=%r package-spec=%s file=%s" % (
        g["__name__"], g["__package__"], spec.name, spec.parent,
        spec.submodule_search_locations is not None,
        "relpkg/" + g["__file__"].rsplit("/relpkg/", 1)[1])


def greet(who):
    return "hello " + who


_private = "not exported"
print("relpkg.helpers:", where(globals()))
