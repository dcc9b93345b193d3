# f-strings: conversions (!r !s !a), format specs (nested too), self-
# documenting expressions, literal braces, expressions inside.

name = "pyc2c"
value = 3.14159
width = 10
items = [1, 2, 3]
print(f"{name}")
print(f"{name!r} {name!s} {'ünï'!a}")
print(f"{value:.2f}|{value:{width}.3f}|{value:<{width}}|")
print(f"{42:08b} {255:x} {255:#X} {1234567:,} {0.25:%}")
print(f"{name=} {value=:.1f} {len(items)=}")
print(f"{{literal}} {items[1] + 10} {'yes' if items else 'no'}")
print(f"{'nested ' + f'{name.upper()}'}")
d = {"k": "v"}
print(f"{d['k']} {d} {items!r:>12}")
n = 5
print(f"{n * 2 = }", f"{n:>{n}}", f"{-n:+d}", f"{n:^7}|")
