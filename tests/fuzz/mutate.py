"""mutate.py — random AST mutants of the program tests.

mutate(source, rng) applies one to four mutations to a program of
tests/programs and returns the new source (None when no mutation applied).
The program tests are hand-written to reach corners of the language; a
mutant keeps their shape but moves a value, an operator or a statement, so
a path the test never took (another branch, an exception in a loop, a
duplicated definition) gets compiled too.  The mutations keep the program
valid Python (checked with compile()); whether it still terminates and
succeeds under python3 is the driver's check (it discards those that fail
or time out).

  constant   an int, float, str or bool constant swapped for another of
             its kind (mostly near the old value: 0, +-1, a sign flip;
             sometimes 2**62, 2**63, 2**64, -0.0, inf, nan)
  operator   a binary, comparison, boolean or unary operator swapped
  duplicate  a statement repeated after itself
  delete     a statement removed (`pass` where a body would be empty)
  wrap       a statement wrapped in try/except that prints the exception
"""

import ast
import copy

BIN_OPS = [ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.BitAnd, ast.BitOr,
           ast.BitXor, ast.LShift, ast.RShift, ast.Div]
CMP_OPS = [ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq]
INTERESTING_INTS = [2**62, 2**63, 2**64, -2**63, 2**62 - 1, 2**63 - 1, 10**20]
INTERESTING_FLOATS = [-0.0, float('inf'), float('-inf'), float('nan'), 1e308, 0.1]


class Mutator:
    def __init__(self, tree, rng):
        self.tree = tree
        self.r = rng

    def constants(self):
        return [n for n in ast.walk(self.tree) if isinstance(n, ast.Constant)
                and type(n.value) in (int, float, str, bool)]

    def mutate_constant(self):
        nodes = self.constants()
        if not nodes:
            return False
        n = self.r.choice(nodes)
        v = n.value
        if type(v) is bool:
            n.value = not v
        elif type(v) is int:
            if self.r.random() < 0.15:
                n.value = self.r.choice(INTERESTING_INTS)
            else:
                # small moves only: a bigger count could make a loop or a
                # repetition run for ever or eat the memory
                n.value = self.r.choice([0, 1, -1, v + 1, v - 1, -v, 2, v // 2])
                if abs(n.value) > max(abs(v), 1000):
                    n.value = v
        elif type(v) is float:
            n.value = (self.r.choice(INTERESTING_FLOATS) if self.r.random() < 0.5
                       else self.r.choice([0.0, -v, v * 2, v + 0.5]))
        else:
            n.value = self.r.choice(['', v[::-1], v[:1], v + 'x', v.upper()])
        return True

    def mutate_operator(self):
        nodes = [n for n in ast.walk(self.tree) if isinstance(n, (ast.BinOp, ast.Compare,
                                                                   ast.BoolOp, ast.AugAssign))]
        if not nodes:
            return False
        n = self.r.choice(nodes)
        if isinstance(n, (ast.BinOp, ast.AugAssign)):
            n.op = self.r.choice(BIN_OPS)()
        elif isinstance(n, ast.Compare):
            i = self.r.randrange(len(n.ops))
            n.ops[i] = self.r.choice(CMP_OPS)()
        else:
            n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()
        return True

    def stmt_lists(self):
        out = []
        for node in ast.walk(self.tree):
            for field in ('body', 'orelse', 'finalbody'):
                v = getattr(node, field, None)
                if isinstance(v, list) and v and isinstance(v[0], ast.stmt):
                    out.append((node, field))
        return out

    def mutate_statement(self, how):
        lists = self.stmt_lists()
        if not lists:
            return False
        node, field = self.r.choice(lists)
        items = getattr(node, field)
        i = self.r.randrange(len(items))
        if how == 'duplicate':
            items.insert(i + 1, copy.deepcopy(items[i]))
        elif how == 'delete':
            del items[i]
            if not items and field == 'body':
                items.append(ast.Pass())
        else:
            handler = ast.parse(
                'try:\n    pass\nexcept Exception as e:\n'
                '    print("mutant caught", type(e).__name__, e)\n').body[0]
            handler.body = [items[i]]
            items[i] = handler
        return True

    def mutate_once(self):
        how = self.r.choice(['constant', 'constant', 'operator', 'duplicate', 'delete', 'wrap'])
        if how == 'constant':
            return self.mutate_constant()
        if how == 'operator':
            return self.mutate_operator()
        return self.mutate_statement(how)


def mutate(source, rng):
    """A valid mutant of source, or None."""
    for _ in range(10):
        m = Mutator(ast.parse(source), rng)
        if not any([m.mutate_once() for _ in range(rng.randint(1, 4))]):
            continue
        try:
            out = ast.unparse(ast.fix_missing_locations(m.tree)) + '\n'
            compile(out, '<mutant>', 'exec')
            return out
        except (SyntaxError, ValueError, RecursionError):
            continue
    return None
