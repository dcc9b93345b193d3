# Calls with keyword arguments, *args and **kwargs, to builtins and to
# compiled functions, argument evaluation order.

order = []


def arg(name, v):
    order.append(name)
    return v


def collect(a, b=0, *args, **kwargs):
    return "a=%r b=%r args=%r kwargs=%r" % (a, b, args, sorted(kwargs.items()))


print(collect(1))
print(collect(1, 2, 3, 4))
print(collect(b=5, a=6))
print(collect(1, 2, x=3, y=4))
print(collect(*[7, 8, 9], **{"z": 10}))
print(collect(arg("p", 1), arg("q", 2), *[arg("r", 3)], k=arg("s", 4), **{"m": arg("t", 5)}))
print(order)
print(sorted([3, 1, 2], reverse=True), max([1, 5, 3], key=abs), print is print)
print("x", "y", sep="-", end="|\n")
print(int("ff", base=16), int("777", 8), dict(one=1, **{"two": 2}))
words = ["bb", "a", "ccc"]
print(sorted(words, key=len), min(*words), "".join(words))
