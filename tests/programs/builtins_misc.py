# Builtins used from compiled code: len, sum, min, max, abs, sorted with key,
# enumerate, zip, map and filter with builtin functions, isinstance, type,
# range, reversed, any, all, repr, hash, id, chr, ord, divmod.

data = [4, -1, 7, 0, -9]
print(len(data), sum(data), min(data), max(data), sorted(data, key=abs))
print(list(enumerate("ab", 1)), list(zip(data, "xyz")), list(map(abs, data)))
print(list(filter(None, data)), list(reversed(data)), any(data), all(data))
print(isinstance(3, int), isinstance(True, int), isinstance("s", (int, str)), type(3.0).__name__)
print(repr("q"), hash(7) == hash(7.0), id(data) == id(data), chr(65), ord("z"), divmod(-7, 2))
print(list(range(5, 0, -2)), len(range(0, 100, 7)), str(range(3)), bool([]), int(True))
print(round(3.14159, 3), pow(2, 10), abs(-2.5), format(255, "x"), bin(10), oct(8))
print(callable(len), callable(3), iter([1]).__next__(), next(iter("xy")), tuple(map(str, [1, 2])))
print(sorted({"b": 2, "a": 1}.items()), min("hello"), max([3, 1], default=0), sum([0.5] * 4))
print(isinstance(len, type(print)), type(sorted) is type(len), dir([])[-1])
