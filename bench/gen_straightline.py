# Generates straight-line Python (docs/compile-scaling.md): N statements at
# module level ("mod") or in one function ("func"), calls, attribute loads, ifs.
import sys
n = int(sys.argv[1]); fn = sys.argv[2] == "func"
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
