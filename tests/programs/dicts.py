# Dicts: displays with ** items, subscript get/set/del, methods, iteration
# order, membership, nested dicts, augmented assignment on items.

d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] += 10
del d["b"]
print(d, len(d), "a" in d, "b" not in d, d.get("z"), d.get("z", 0))
extra = {"x": 9, "a": -1}
merged = {**d, **extra, "y": 0}
print(merged)
for k in merged:
    print(k, merged[k])
print(list(merged.keys()), list(merged.values()), list(merged.items())[:2])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts), max(counts, key=counts.get))
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"][1] *= 21
nested["outer"]["new"] = {}
print(nested, dict(a=1, b=2), d.pop("c"), d.setdefault("q", 7), d)
d.update(k=1)
d.update({"m": 2})
print(d, {1: "int", 1.0: "float", True: "bool"})
