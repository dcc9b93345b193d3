squares = [x * x for x in range(5) if x % 2]
def f(rows, k):
    return {(r, c): k for r in rows for c in r if c}, {c for c in rows}
