# lambda is refused, also inside a call.
items = [3, 1, 2]
print(sorted(items, key=lambda v: -v))
