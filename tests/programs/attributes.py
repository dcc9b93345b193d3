# Attribute access: get/set/del on namespaces and functions, attributes of
# builtin objects, getattr/setattr/hasattr, AttributeError as a value.

import types


def tool():
    return "tool"


tool.version = 2
tool.version += 1
ns = types.SimpleNamespace(a=1)
ns.b = [1]
ns.b.append(2)
ns.c = ns
print(tool.version, tool.__name__, ns.a, ns.b, ns.c.c.a)
del ns.a
print(hasattr(ns, "a"), getattr(ns, "a", "gone"), sorted(vars(ns)))
setattr(ns, "d", 4)
print(ns.d, (1 + 2j).imag, "abc".upper().lower(), [].__class__.__name__)
print(tool.__code__.co_name, tool.__module__, type(tool).__name__)
print(int.__name__, (5).bit_length(), (255).to_bytes(2, "big"))
e = AttributeError("custom message")
print(e, e.args)
