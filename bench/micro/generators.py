# generators.py — generator pipelines, generator expressions, yield from.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def chained(n):
    yield from count_up(n)
    yield from count_up(n)


def main():
    total = 0
    for x in evens(count_up(2000000)):
        total += x
    print("pipeline =", total)
    print("genexp =", sum(i * i for i in range(1500000) if i & 1))
    print("yield from =", sum(chained(600000)))


main()
