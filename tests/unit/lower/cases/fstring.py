# f-strings: FSTRING of constants and FORMATs.
a = f""
b = f"plain"
c = f"{x}"
d = f"a{x}b{y!r}c"
e = f"{x!s} {x!a} {x:>10}"
g = f"{x:{w}.{p}f}"
h = f"{x!r:^{w}}"
