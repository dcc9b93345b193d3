# Special methods of compiled classes: arithmetic, comparisons, containers,
# iteration, truth, calls, hashing, attribute hooks, context of str/format.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    __radd__ = __add__

    def __sub__(self, other):
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __neg__(self):
        return Money(-self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __format__(self, spec):
        return format(self.cents / 100, spec)

    def __repr__(self):
        return "Money(" + str(self.cents) + ")"

    def __iadd__(self, other):
        print("iadd")
        self.cents += other.cents
        return self


m = Money(150) + Money(250)
print(m, m - Money(100), m * 3, -m, 5 + m, sum([Money(1), Money(2)], Money(0)))
print(m == Money(400), m != Money(1), m < Money(500), sorted([Money(3), Money(1), Money(2)]))
print(bool(Money(0)), not Money(1), len({Money(1), Money(1), Money(2)}), f"{m:.2f}")
m += Money(1)
print(m)


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells

    def __len__(self):
        return len(self.cells)

    def __call__(self, *args, **kw):
        return (args, kw)

    def __getattr__(self, name):
        return "missing " + name


for i in Countdown(3):
    print("tick", i)
print(list(Countdown(4)), max(Countdown(5)))
g = Grid()
g[1, 2] = "x"
g[0, 0] = "o"
del g[0, 0]
print(g[1, 2], g[9, 9], (1, 2) in g, (0, 0) in g, len(g), g(1, k=2), g.whatever)
a, b, c = Countdown(3)
print(a, b, c)
first, *rest = Countdown(5)
print(first, rest)
print(Money(1) < 5)
