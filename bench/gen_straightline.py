# Generates straight-line Python (docs/compile-scaling.md): N statements at
# module level ("mod") or in one function ("func"), calls, attribute loads, ifs;
# or ("funcs") N small functions, each called once.
import sys
n = int(sys.argv[1]); fn = sys.argv[2] == "func"
if sys.argv[2] == "funcs":
    for i in range(n):
        print(f"def f{i}(a, b):\n    c = a * {i % 13} + b\n    return c if c > {i % 7} else -c")
    print("t = 0")
    for i in range(n):
        print(f"t += f{i}({i}, t % 5)")
    print("print(t)")
    sys.exit(0)
out = ["import os", "class O:", "    a = 1", "    def m(self, v): return v", "def foo(a, b): return a + b", "s = 'abc'", "o = O()"]
body = ["x0 = 1"]
for i in range(1, n):
    if i % 5 == 0:
        body.append(f"if x{i-1} > 100: x{i} = o.a")
        body.append(f"else: x{i} = o.m(x{i-1})")
    else:
        body.append(f"x{i} = foo(x{i-1}, {i % 7}) + len(s)")
if fn:
    out.append("def big():")
    out += ["    " + l for l in body]
    out.append(f"    return x{n-1}")
    out.append("print(big())")
else:
    out += body
    out.append(f"print(x{n-1})")
print("\n".join(out))
