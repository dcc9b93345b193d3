# List, set and dict comprehensions: several for/if clauses, nesting,
# closures over the enclosing function, 3.11 scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 2 if x % 3])
print([(x, y) for x in range(3) for y in range(x)])
print({c.upper() for c in "hello"} == {"H", "E", "L", "O"})
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print([[row * col for col in range(3)] for row in range(3)])
print([y for x in [[1, 2], [3]] for y in x])

def scaled(values, factor):
    return [v * factor for v in values if v > 0]

print(scaled([-1, 2, 3], 10))

def matrix(n):
    return {(i, j): i * j for i in range(n) for j in range(n) if i != j}

print(matrix(3))

def outer_iter_first():
    order = []
    def src():
        order.append("iter")
        return [1, 2]
    result = [order.append("elt") or v for v in src()]
    return order, result

print(outer_iter_first())
x = "module x"
print([x for x in "ab"], x)
print([(a, b) for a, b in [(1, 2), (3, 4)]])
print([[*p] for p in ["ab", "c"]])
print(sum([i for i in range(101)]))

def dict_order():
    log = []
    def k(v):
        log.append("k%d" % v)
        return v
    def val(v):
        log.append("v%d" % v)
        return v
    d = {k(i): val(i) for i in range(2)}
    return d, log

print(dict_order())
