# csp_solver.py — a constraint solver in object-oriented style: variables,
# domains and constraint objects, arc consistency (AC-3), backtracking with
# minimum-remaining-values and forward checking.  Solves sudoku grids and a
# map-colouring problem.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
ROUNDS = max(1, int(6 * SCALE))

PUZZLES = [
    "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
]


class Variable:
    __slots__ = ("name", "domain", "neighbours")

    def __init__(self, name, domain):
        self.name = name
        self.domain = set(domain)
        self.neighbours = []


class NotEqual:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def other(self, v):
        return self.b if v is self.a else self.a

    def supported(self, value, other_domain):
        return len(other_domain) > 1 or value not in other_domain


class Problem:
    def __init__(self):
        self.variables = []
        self.constraints = []
        self.assignments = 0

    def add_variable(self, name, domain):
        v = Variable(name, domain)
        self.variables.append(v)
        return v

    def add_not_equal(self, a, b):
        c = NotEqual(a, b)
        self.constraints.append(c)
        a.neighbours.append(c)
        b.neighbours.append(c)

    def revise(self, v, c):
        other = c.other(v)
        removed = [x for x in v.domain if not c.supported(x, other.domain)]
        for x in removed:
            v.domain.discard(x)
        return bool(removed)

    def ac3(self):
        queue = [(c.a, c) for c in self.constraints] + [(c.b, c) for c in self.constraints]
        while queue:
            v, c = queue.pop()
            if self.revise(v, c):
                if not v.domain:
                    return False
                for c2 in v.neighbours:
                    if c2 is not c:
                        queue.append((c2.other(v), c2))
        return True

    def snapshot(self):
        return [set(v.domain) for v in self.variables]

    def restore(self, snap):
        for v, d in zip(self.variables, snap):
            v.domain = d

    def solve(self):
        if not self.ac3():
            return False
        open_vars = [v for v in self.variables if len(v.domain) > 1]
        if not open_vars:
            return True
        var = min(open_vars, key=lambda v: (len(v.domain), v.name))
        for value in sorted(var.domain):
            snap = self.snapshot()
            self.assignments += 1
            var.domain = {value}
            if self.solve():
                return True
            self.restore(snap)
        return False


def sudoku(grid):
    p = Problem()
    cells = {}
    for r in range(9):
        for c in range(9):
            ch = grid[r * 9 + c]
            cells[r, c] = p.add_variable(r * 9 + c, range(1, 10) if ch == "." else [int(ch)])
    for (r1, c1), a in cells.items():
        for (r2, c2), b in cells.items():
            if (r1, c1) < (r2, c2) and (r1 == r2 or c1 == c2 or
                                        (r1 // 3 == r2 // 3 and c1 // 3 == c2 // 3)):
                p.add_not_equal(a, b)
    ok = p.solve()
    text = "".join(str(min(cells[r, c].domain)) for r in range(9) for c in range(9))
    return ok, text, p.assignments


def colouring(n, colours):
    p = Problem()
    vs = [p.add_variable(i, range(colours)) for i in range(n)]
    for i in range(n):
        for j in (i + 1, i + 3, i + 7):
            if j < n:
                p.add_not_equal(vs[i], vs[j])
    ok = p.solve()
    return ok, [min(v.domain) for v in vs][:12], p.assignments


def main():
    for _ in range(ROUNDS):
        results = [sudoku(PUZZLES[0])]
        col = colouring(60, 4)
    for ok, text, n in results:
        print(ok, text[:27], n)
    print("colouring", col)
    print("rounds", ROUNDS)


main()
