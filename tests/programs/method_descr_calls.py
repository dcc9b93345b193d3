# Methods of builtin types called with an object of exactly that type run
# their C function directly (P2C_CallOther); every other shape takes the
# descriptor's own call, with its errors.
import sys


class MyList(list):
    def append(self, x):
        print("MyList.append", x)
        super().append(x)


def calls():
    d = {"a": 1}
    s = "  Hello, World  "
    l = [3, 1, 2]
    print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("c", []).append(5), d)
    print(s.strip(), s.lower(), s.split(","), s.replace("l", "L", 2), s.startswith("  H"))
    l.append(4)
    l.extend((9, 8))
    print(l, l.pop(), l.index(9), l.count(3))
    l.sort()
    l.sort(key=lambda v: -v)
    print(l, sorted(l, reverse=True))
    m = MyList()
    m.append(1)
    print(m, list.append(m, 2) or m)
    print(str.upper("abc"), dict.get(d, "a"), list.__len__(l))


calls()

for bad in (lambda: "x".strip(1, 2, 3), lambda: [].append(), lambda: [].append(1, 2),
            lambda: {}.get(), lambda: "x".upper(1), lambda: str.upper(5),
            lambda: list.append("s", 1), lambda: {}.items(1), lambda: "a".join(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


# deep recursion through a C method still hits the recursion limit
def nest(n):
    return [].__class__.__len__([nest(n - 1)]) if n else 0


sys.setrecursionlimit(200)
try:
    nest(1000)
except RecursionError as e:
    print("RecursionError", str(e)[:40])
sys.setrecursionlimit(1000)


# the budget runs out exactly at the method call or at a frame: the message
# says which (" while calling a Python object" for the method's C call;
# 3.11+ count METH_O and METH_NOARGS calls there, not METH_FASTCALL ones)
def down(n, s, kind):
    if n == 0:
        if kind == "fast":
            return s.strip()
        if kind == "noargs":
            return s.lower()
        return {1}.add(s)
    return down(n - 1, s, kind)


for kind in ("fast", "noargs", "o"):
    for limit in range(60, 64):
        sys.setrecursionlimit(limit)
        for n in range(40, 70):
            try:
                down(n, " x ", kind)
            except RecursionError as e:
                print(kind, "limit", limit, "depth", n, e)
                break
sys.setrecursionlimit(1000)

# a profile hook sees the C calls
events = []
sys.setprofile(lambda f, ev, arg: events.append((ev, getattr(arg, "__name__", None))))
"x".upper()
[].append(1)
sys.setprofile(None)
print([e for e in events if e[0].startswith("c_")])
