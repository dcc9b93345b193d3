# String formatting: % with tuples and dicts, str.format with positions,
# names, specs and attributes, format(), join of generated pieces.

name = "Ada"
n = 3
print("%s has %d items costing %.2f" % (name, n, 9.5))
print("%(who)s=%(num)05d %%" % {"who": name, "num": 42})
print("%-6s|%6s|%x|%o|%e|%r" % ("l", "r", 255, 8, 12345.678, "q"))
print("{} {} {}".format(1, "two", 3.0), "{1}{0}{1}".format("a", "b"))
print("{name:>8} {n:03d} {pi:.3f}".format(name=name, n=n, pi=3.14159))
print("{0[1]} {1[k]} {2.real}".format([10, 20], {"k": "v"}, 2 + 3j))
print(format(1234.5678, ",.2f"), format("x", "^5"), format(7, "+d"), "{:%}".format(0.125))
pieces = []
i = 0
while i < 4:
    pieces.append("%d^2=%d" % (i, i * i))
    i += 1
print(", ".join(pieces), "tab\tsep".expandtabs(4), "a{}c".format("b"))
