"""gen.py — random valid, terminating, deterministic Python programs.

generate(seed) returns the source of one program.  A program is a batch of
independent units (a compile costs seconds, a unit costs nothing): each
unit is a function `t_N` defined at module level and called once through
`_run`, which prints what it returned or the exception it raised as
`type(e).__name__, e`, so one failing unit never hides the others.  Units
come from a handful of families, each aimed at a part of the compiler:

  stmts      random statements over typed locals: every value type,
             operators that raise, unpacking, del, loops with
             break/continue/else, match, walrus, comprehensions, f-strings
  arith      long int/float/bool expressions over locals in loops, called
             with big ints near 2**62/2**63/2**64, -0.0, inf, nan (the
             fused arithmetic fast paths)
  calls      defaults, kw-only, *args, **kw, and calls that fail to bind
  classes    inheritance, properties, dunders, __slots__, super()
  attrcache  instances whose class is mutated in the middle of a loop
  gens       generators driven by send/throw/close, yield from
  coros      coroutines driven by a hand-written send(None) loop and by
             asyncio.run
  excs       try/except/else/finally, raise from, nested handlers,
             __context__/__cause__
  closures   nested functions, nonlocal, lambdas, late binding, global

Programs are deterministic under PYTHONHASHSEED=0 (the driver sets it for
both runs): no id(), no default object reprs, no timing.  Every loop is
bounded, recursion is at most a few dozen deep, values are kept small
where they could grow (repetition counts and exponents are small
literals).  Sometimes the program ends with an uncaught exception, so
tracebacks are compared too.

Usage: python3 gen.py SEED   prints the program for SEED.
"""

import random
import sys

INT, FLOAT, BOOL, STR, BYTES, LIST, TUPLE, DICT, SET, NONE = (
    'int', 'float', 'bool', 'str', 'bytes', 'list', 'tuple', 'dict', 'set', 'none')
TYPES = [INT, FLOAT, BOOL, STR, BYTES, LIST, TUPLE, DICT, SET, NONE]
NUMERIC = [INT, FLOAT, BOOL]

BIG_INTS = ['2**62', '2**62 - 1', '-2**62', '2**63', '2**63 - 1', '-2**63',
            '-2**63 - 1', '2**64', '2**64 - 1', '-2**64', '4611686018427387904',
            '9223372036854775807', '-9223372036854775808', '10**20', '-10**19',
            # the fast paths' own limits: C longs below 2**60, exact doubles
            # below 2**53, products that overflow 63 bits
            '2**60', '2**60 - 1', '-2**60', '-2**60 - 1', '2**61', '2**53', '2**53 + 1',
            '-2**53 - 1', '3037000499', '3037000500', '-3037000500', '2**31', '-2**31',
            '2**32 + 1', '1152921504606846975', '2**59 + 1']
SMALL_INTS = ['0', '1', '-1', '2', '3', '-3', '7', '10', '-10', '255', '256', '1000']
FLOATS = ['0.0', '-0.0', '1.5', '-2.25', '0.1', '1e300', '-1e-310', '3.0', '2.0**53',
          '9007199254740992.0', '1.7976931348623157e308', '5e-324', '-1e16', '0.5000000000000001',
          "float('inf')", "float('-inf')", "float('nan')", '2.0**62', '1e16',
          '0.5', '-7.0', '123.456']
STRS = ["''", "'a'", "'abc'", "'Hello, World'", "'x y z'", "'\\u00e9t\\u00e9'",
        "'12'", "'-3'", "'a\\nb'", "'\\t '", "'caf\\u00e9'", "'42.5'", "'ABCdef'"]
BYTES_LITS = ["b''", "b'a'", "b'abc'", "b'\\x00\\xff'", "b'hello'", "b'12'"]
INT_SPECS = ['', 'd', '5d', '<6', '>6', '^7', '+d', ',', '_', 'x', 'X', 'o', 'b',
             '#x', '08d', '.2f', 'e', '=+8', '#b', ' d', 'c', 's']
FLOAT_SPECS = ['', '.3f', 'e', '.2e', 'g', '10.4g', '%', '+.1f', ',.2f', '.0f',
               '>12', '*^12.3', 'E', 'G', '.1', 'd', '#.0f']
STR_SPECS = ['', '>10', '<5', '^9', '.3', '*>8', 'd', '=5']
NUM_VALUES = (SMALL_INTS + BIG_INTS + FLOATS + ['True', 'False'])


class Out:
    """Lines of source with the current indentation."""

    def __init__(self):
        self.lines = []
        self.level = 0

    def emit(self, line):
        self.lines.append('    ' * self.level + line)

    def block(self, head):
        out = self

        class Block:
            def __enter__(self):
                out.emit(head)
                out.level += 1
                out.mark = len(out.lines)

            def __exit__(self, *a):
                if len(out.lines) == out.mark:
                    out.emit('pass')
                out.level -= 1
        return Block()


class Scope:
    """Variables visible in a function body, with the type each holds."""

    def __init__(self, vars=None):
        self.vars = dict(vars or {})

    def of(self, t):
        return [n for n, vt in self.vars.items() if vt == t]

    def numeric(self):
        return [n for n, vt in self.vars.items() if vt in NUMERIC]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = Out()
        self.counter = 0
        self.loop_depth = 0
        self.in_fstring = 0
        self.globals = []

    # -- helpers -------------------------------------------------------------
    def name(self, prefix='v'):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def emit(self, line):
        self.out.emit(line)

    def block(self, head):
        return self.out.block(head)

    # -- expressions -----------------------------------------------------------
    def literal(self, t):
        r = self.r
        if t == INT:
            return self.pick(BIG_INTS) if self.chance(0.3) else self.pick(SMALL_INTS)
        if t == FLOAT:
            return self.pick(FLOATS)
        if t == BOOL:
            return self.pick(['True', 'False'])
        if t == STR:
            return self.pick(STRS)
        if t == BYTES:
            return self.pick(BYTES_LITS)
        if t == LIST:
            return '[%s]' % ', '.join(self.literal(INT) for _ in range(r.randint(0, 4)))
        if t == TUPLE:
            return '(%s)' % ''.join(self.literal(self.pick([INT, STR, FLOAT])) + ', '
                                    for _ in range(r.randint(0, 3)))
        if t == DICT:
            return '{%s}' % ', '.join('%s: %s' % (self.pick(STRS), self.literal(INT))
                                      for _ in range(r.randint(0, 3)))
        if t == SET:
            if self.chance(0.2):
                return 'set()'
            return '{%s}' % ', '.join(self.literal(INT) for _ in range(r.randint(1, 4)))
        return 'None'

    def expr(self, t, scope, depth=3):
        """An expression of type t (best effort: some raise on purpose)."""
        if depth <= 0 or self.chance(0.25):
            names = scope.of(t)
            if names and self.chance(0.7):
                return self.pick(names)
            return self.literal(t)
        maker = getattr(self, 'expr_' + t)
        return maker(scope, depth - 1)

    def any_expr(self, scope, depth=3):
        return self.expr(self.pick(TYPES), scope, depth)

    def num(self, scope, depth):
        return self.expr(self.pick([INT, INT, FLOAT, BOOL]), scope, depth)

    def expr_int(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 15)
        if k == 0:
            return '(%s %s %s)' % (e(INT, s, d), pick(['+', '-', '*', '&', '|', '^']), e(INT, s, d))
        if k == 1:
            return '(%s %s %s)' % (e(INT, s, d), pick(['//', '%']), e(INT, s, d))
        if k == 2:
            return '(%s %s %d)' % (e(INT, s, d), pick(['<<', '>>']), self.r.randint(0, 70))
        if k == 3:
            return '(%s ** %d)' % (e(INT, s, d), self.r.randint(0, 4))
        if k == 4:
            return '%s(%s)' % (pick(['-', '~', '+', 'abs']), e(INT, s, d))
        if k == 5:
            return 'len(%s)' % e(pick([STR, LIST, TUPLE, DICT, BYTES, SET]), s, d)
        if k == 6:
            return '%s[%s]' % (e(LIST, s, d), pick(SMALL_INTS[:7]))
        if k == 7:
            return '%s[%s]' % (e(DICT, s, d), pick(STRS))
        if k == 8:
            return '%s(%s)' % (pick(['int', 'round']), e(FLOAT, s, d))
        if k == 9:
            return '(%s + %s)' % (e(BOOL, s, d), e(INT, s, d))
        if k == 10:
            return '%s(%s, %s)' % (pick(['max', 'min']), e(INT, s, d), e(INT, s, d))
        if k == 11:
            return 'sum(%s)' % e(LIST, s, d)
        if k == 12:
            return '(%s if %s else %s)' % (e(INT, s, d), e(BOOL, s, d), e(INT, s, d))
        if k == 13:
            return '%s[%s]' % (e(BYTES, s, d), pick(SMALL_INTS[:5]))
        if k == 14:
            return 'divmod(%s, %s)[%d]' % (e(INT, s, d), e(INT, s, d), self.r.randint(0, 1))
        return 'int(%s)' % e(STR, s, d)

    def expr_float(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 8)
        if k == 0:
            return '(%s %s %s)' % (e(FLOAT, s, d), pick(['+', '-', '*', '/', '//', '%']),
                                   self.num(s, d))
        if k == 1:
            return '(%s %s %s)' % (self.num(s, d), pick(['+', '-', '*', '/']), e(FLOAT, s, d))
        if k == 2:
            return '(%s / %s)' % (e(INT, s, d), e(INT, s, d))
        if k == 3:
            return '(%s ** %s)' % (e(FLOAT, s, d), pick(['2', '-1', '0.5', '-0.5', '3', '1.5', '0']))
        if k == 4:
            return 'float(%s)' % self.expr(pick([INT, STR, BOOL]), s, d)
        if k == 5:
            return '%s(%s)' % (pick(['-', 'abs', '+']), e(FLOAT, s, d))
        if k == 6:
            return 'math.%s(%s)' % (pick(['sqrt', 'fabs', 'exp', 'log', 'trunc']), e(FLOAT, s, d))
        if k == 7:
            return '(%s ** %s)' % (e(INT, s, d), pick(['-1', '-2', '0.5', '-0.5']))
        return '(%s if %s else %s)' % (e(FLOAT, s, d), e(BOOL, s, d), e(FLOAT, s, d))

    def expr_bool(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 7)
        if k == 0:
            t = pick([INT, FLOAT, STR, INT])
            return '(%s %s %s)' % (e(t, s, d), pick(['<', '<=', '==', '!=', '>', '>=']), e(t, s, d))
        if k == 1:
            return '(%s < %s <= %s)' % (self.num(s, d), self.num(s, d), self.num(s, d))
        if k == 2:
            return '(%s in %s)' % (e(INT, s, d), e(pick([LIST, SET, TUPLE]), s, d))
        if k == 3:
            return '(not %s)' % self.any_expr(s, d)
        if k == 4:
            return '(%s %s %s)' % (e(BOOL, s, d), pick(['and', 'or']), e(BOOL, s, d))
        if k == 5:
            return 'isinstance(%s, %s)' % (self.any_expr(s, d), pick(['int', 'float', 'str', '(list, tuple)', 'bool']))
        if k == 6:
            return 'bool(%s)' % self.any_expr(s, d)
        return '(%s == %s)' % (self.any_expr(s, d), self.any_expr(s, d))

    def fstring(self, s, d):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            t = self.pick([INT, FLOAT, STR, BOOL, LIST])
            spec = {INT: INT_SPECS, FLOAT: FLOAT_SPECS, STR: STR_SPECS}.get(t, ['', ''])
            conv = self.pick(['', '', '', '!r', '!s', '!a'])
            sp = self.pick(spec)
            if conv and t in (INT, FLOAT):
                sp = ''
            parts.append('{%s%s%s}' % (self.fstring_part(t, s, d), conv, ':' + sp if sp else ''))
            parts.append(self.pick(['', ' ', '-', '|']))
        return "f'%s'" % ''.join(parts)

    def fstring_part(self, t, s, d):
        """An expression inside an f-string: 3.11 allows there neither a
        backslash nor the f-string's own quote (nor, so, another f-string)."""
        self.in_fstring += 1
        text = self.expr(t, s, d).replace("'", '"')
        self.in_fstring -= 1
        if '\\' in text:
            return {INT: '-7', FLOAT: '2.5', STR: '"abc"', BOOL: 'True'}.get(t, '[1, 2]')
        return '(%s)' % text if text.startswith('{') else text

    def expr_str(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 10)
        if k == 0:
            return '(%s + %s)' % (e(STR, s, d), e(STR, s, d))
        if k == 1:
            return '(%s * %d)' % (e(STR, s, d), self.r.randint(-1, 3))
        if k == 2:
            return '%s[%s:%s:%s]' % (e(STR, s, d), pick(['', '1', '-2', '0']), pick(['', '3', '-1']),
                                     pick(['', '1', '-1', '2']))
        if k == 3:
            return '%s(%s)' % (pick(['str', 'repr', 'ascii']), self.any_expr(s, d))
        if k in (4, 5) and not self.in_fstring:
            return self.fstring(s, d)
        if k == 6:
            return '%s.%s' % (e(STR, s, d), pick(['upper()', 'lower()', 'strip()', "replace('a', 'XY')",
                                                   'title()', 'swapcase()', "center(9, '*')",
                                                   "split(' ')[0]", 'zfill(6)']))
        if k == 7:
            return "','.join(map(str, %s))" % e(pick([LIST, TUPLE, SET]), s, d)
        if k == 8:
            return "'%%s:%%d' %% (%s, %s)" % (self.any_expr(s, d), self.expr(pick([INT, FLOAT, STR]), s, d))
        if k == 9:
            return '%s[%s]' % (e(STR, s, d), pick(SMALL_INTS[:5]))
        return 'format(%s, %r)' % (e(FLOAT, s, d), pick(FLOAT_SPECS))

    def expr_bytes(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 4)
        if k == 0:
            return '(%s + %s)' % (e(BYTES, s, d), e(BYTES, s, d))
        if k == 1:
            return '%s[%s:%s]' % (e(BYTES, s, d), pick(['', '1', '-2']), pick(['', '2', '-1']))
        if k == 2:
            return 'bytes(%s)' % e(LIST, s, d)
        if k == 3:
            return '%s.encode()' % e(STR, s, d)
        return '(%s * %d)' % (e(BYTES, s, d), self.r.randint(0, 3))

    def expr_list(self, s, d):
        e, pick = self.expr, self.pick
        k = self.r.randint(0, 8)
        v = self.name('c')
        if k == 0:
            return '[%s]' % ', '.join(e(INT, s, d) for _ in range(self.r.randint(0, 4)))
        if k == 1:
            inner = Scope(s.vars)
            inner.vars[v] = INT
            cond = ' if %s' % e(BOOL, inner, d) if self.chance(0.5) else ''
            return '[%s for %s in range(%d)%s]' % (e(INT, inner, d), v, self.r.randint(0, 6), cond)
        if k == 2:
            return '(%s + %s)' % (e(LIST, s, d), e(LIST, s, d))
        if k == 3:
            return '(%s * %d)' % (e(LIST, s, d), self.r.randint(0, 3))
        if k == 4:
            return 'sorted(%s%s)' % (e(pick([LIST, SET]), s, d), pick(['', ', reverse=True']))
        if k == 5:
            return '%s[%s:%s]' % (e(LIST, s, d), pick(['', '1', '-2']), pick(['', '3', '-1']))
        if k == 6:
            return 'list(range(%s, %s, %s))' % (pick(SMALL_INTS[:7]), pick(SMALL_INTS[:7]),
                                                pick(['1', '2', '-1', '3', '0']))
        if k == 7:
            return '[*%s, *%s]' % (e(LIST, s, d), e(SET, s, d))
        return 'list(%s)' % e(pick([SET, LIST]), s, d)

    def expr_tuple(self, s, d):
        k = self.r.randint(0, 3)
        if k == 0:
            return '(%s)' % ''.join(self.any_expr(s, d) + ', ' for _ in range(self.r.randint(0, 3)))
        if k == 1:
            return 'tuple(%s)' % self.expr(LIST, s, d)
        if k == 2:
            return '(%s + %s)' % (self.expr(TUPLE, s, d), self.expr(TUPLE, s, d))
        return 'divmod(%s, %s)' % (self.num(s, d), self.num(s, d))

    def expr_dict(self, s, d):
        k = self.r.randint(0, 3)
        if k == 0:
            return '{%s}' % ', '.join('%s: %s' % (self.expr(STR, s, d), self.expr(INT, s, d))
                                      for _ in range(self.r.randint(0, 3)))
        if k == 1:
            v = self.name('c')
            inner = Scope(s.vars)
            inner.vars[v] = INT
            return '{str(%s): %s for %s in range(%d)}' % (v, self.expr(INT, inner, d), v,
                                                           self.r.randint(0, 5))
        if k == 2:
            return '{**%s, **%s}' % (self.expr(DICT, s, d), self.expr(DICT, s, d))
        return '(%s | %s)' % (self.expr(DICT, s, d), self.expr(DICT, s, d))

    def expr_set(self, s, d):
        k = self.r.randint(0, 2)
        if k == 0:
            return '(%s %s %s)' % (self.expr(SET, s, d), self.pick(['|', '&', '-', '^']),
                                   self.expr(SET, s, d))
        if k == 1:
            v = self.name('c')
            inner = Scope(s.vars)
            inner.vars[v] = INT
            return '{%s %% 5 for %s in %s}' % (v, v, self.expr(LIST, s, d))
        return 'set(%s)' % self.expr(LIST, s, d)

    def expr_none(self, s, d):
        return self.pick(['None', 'print(end=%s)' % self.pick(STRS[:3]),
                          '%s.sort()' % self.expr(LIST, s, d)])

    # -- statements ------------------------------------------------------------
    def guarded(self, line):
        """line in a try that prints what it raised."""
        with self.block('try:'):
            self.emit(line)
        with self.block('except Exception as e:'):
            self.emit('print(%r, type(e).__name__, e)' % self.short())

    def short(self):
        self.counter += 1
        return 'L%d' % self.counter

    def stmts(self, scope, n, depth):
        for _ in range(n):
            self.stmt(scope, depth)

    def stmt(self, s, depth):
        r = self.r
        kinds = ['assign', 'print', 'print', 'augassign', 'unpack', 'del', 'fstring',
                 'walrus']
        if depth > 0:
            kinds += ['if', 'for', 'while', 'try', 'match', 'closure', 'comp']
        if self.loop_depth:
            kinds += ['break_continue']
        k = self.pick(kinds)
        getattr(self, 'stmt_' + k)(s, depth - 1)

    def stmt_assign(self, s, depth):
        t = self.pick(TYPES)
        names = s.of(t)
        v = self.pick(names) if names and self.chance(0.4) else self.name()
        # a new name is bound first to a literal (which cannot fail), so
        # that it is bound whatever the guarded assignment does
        if v not in s.vars:
            self.emit('%s = %s' % (v, self.literal(t)))
        self.guarded('%s = %s' % (v, self.expr(t, s)))
        s.vars[v] = t

    def stmt_print(self, s, depth):
        args = ', '.join(self.any_expr(s) for _ in range(self.r.randint(1, 3)))
        sep = self.pick(['', '', ", sep='|'", ", end=';\\n'"])
        if self.chance(0.3):
            self.emit('_show(lambda: [%s])' % args)
        else:
            self.guarded('print(%s%s)' % (args, sep))

    def stmt_fstring(self, s, depth):
        self.guarded('print(%s)' % self.fstring(s, 2))

    def stmt_augassign(self, s, depth):
        cands = [(n, t) for n, t in s.vars.items() if t in (INT, FLOAT, STR, LIST, SET, BYTES)]
        if not cands:
            return self.stmt_assign(s, depth)
        n, t = self.pick(cands)
        if t == INT:
            op = self.pick(['+=', '-=', '*=', '//=', '%=', '&=', '|=', '^=', '<<=', '>>=', '**='])
            rhs = str(self.r.randint(0, 5)) if op in ('<<=', '>>=', '**=') else self.expr(INT, s, 2)
        elif t == FLOAT:
            op, rhs = self.pick(['+=', '-=', '*=', '/=', '//=', '%=']), self.num(s, 2)
        elif t == STR:
            op, rhs = '+=', self.expr(STR, s, 2)
        elif t == BYTES:
            op, rhs = '+=', self.expr(BYTES, s, 2)
        elif t == LIST:
            op, rhs = self.pick(['+=', '*=']), None
            rhs = self.expr(LIST, s, 2) if op == '+=' else str(self.r.randint(0, 2))
        else:
            op, rhs = self.pick(['|=', '&=', '-=', '^=']), self.expr(SET, s, 2)
        self.guarded('%s %s %s' % (n, op, rhs))

    def stmt_unpack(self, s, depth):
        a, b, c = self.name(), self.name(), self.name()
        self.emit('%s = %s = %s = None' % (a, b, c))
        form = self.r.randint(0, 3)
        if form == 0:
            self.guarded('%s, *%s = %s' % (a, b, self.expr(LIST, s, 2)))
        elif form == 1:
            self.guarded('%s, *%s, %s = %s' % (a, b, c, self.expr(self.pick([LIST, STR, TUPLE]), s, 2)))
        elif form == 2:
            self.guarded('(%s, %s), %s = %s, %s' % (a, b, c, self.expr(TUPLE, s, 2), self.any_expr(s, 2)))
        else:
            x = s.numeric()
            if len(x) >= 2:
                p, q = self.r.sample(x, 2)
                self.emit('%s, %s = %s, %s' % (p, q, q, p))
                s.vars[p], s.vars[q] = s.vars[q], s.vars[p]
                return
            self.guarded('%s, %s = %s' % (a, b, self.expr(self.pick([DICT, SET, STR]), s, 2)))
        self.emit('print(%s, %s, %s)' % (a, b, c))

    def stmt_del(self, s, depth):
        k = self.r.randint(0, 2)
        lists = s.of(LIST)
        dicts = s.of(DICT)
        if k == 0 and lists:
            self.guarded('del %s[%s]' % (self.pick(lists), self.pick(SMALL_INTS[:5])))
        elif k == 1 and dicts:
            self.guarded('del %s[%s]' % (self.pick(dicts), self.pick(STRS)))
        else:
            v = self.name()
            self.emit('%s = %s' % (v, self.any_expr(Scope(), 1)))
            self.emit('del %s' % v)
            self.guarded('print(%s)' % v)

    def stmt_if(self, s, depth):
        with self.block('if %s:' % self.expr(BOOL, s)):
            self.stmts(Scope(s.vars), self.r.randint(1, 3), depth)
        for _ in range(self.r.randint(0, 2)):
            with self.block('elif %s:' % self.expr(BOOL, s)):
                self.stmts(Scope(s.vars), self.r.randint(1, 2), depth)
        if self.chance(0.5):
            with self.block('else:'):
                self.stmts(Scope(s.vars), self.r.randint(1, 2), depth)

    def stmt_for(self, s, depth):
        v = self.name('i')
        t = self.pick([LIST, STR, TUPLE, SET, DICT, 'range'])
        it = ('range(%d, %d)' % (self.r.randint(-2, 2), self.r.randint(0, 7)) if t == 'range'
              else self.expr(t, s, 2))
        inner = Scope(s.vars)
        inner.vars[v] = {LIST: INT, STR: STR, SET: INT, DICT: STR, 'range': INT}.get(t, 'obj')
        self.loop_depth += 1
        with self.block('for %s in %s:' % (v, it)):
            self.stmts(inner, self.r.randint(1, 3), depth)
        self.loop_depth -= 1
        if self.chance(0.4):
            with self.block('else:'):
                self.emit('print(%r, "no break")' % self.short())

    def stmt_while(self, s, depth):
        v = self.name('w')
        self.emit('%s = 0' % v)
        self.loop_depth += 1
        with self.block('while %s < %d:' % (v, self.r.randint(0, 6))):
            self.emit('%s += 1' % v)
            self.stmts(Scope(s.vars), self.r.randint(1, 3), depth)
        self.loop_depth -= 1
        if self.chance(0.4):
            with self.block('else:'):
                self.emit('print(%r, %s)' % (self.short(), v))

    def stmt_break_continue(self, s, depth):
        with self.block('if %s:' % self.expr(BOOL, s, 2)):
            self.emit(self.pick(['break', 'continue']))

    def stmt_try(self, s, depth):
        with self.block('try:'):
            self.stmts(Scope(s.vars), self.r.randint(1, 3), depth)
            if self.chance(0.5):
                exc = self.pick(['ValueError', 'KeyError', 'TypeError', 'IndexError', 'RuntimeError'])
                with self.block('if %s:' % self.expr(BOOL, s, 2)):
                    self.emit('raise %s(%s)' % (exc, self.any_expr(s, 1)))
        handlers = self.r.sample(['ZeroDivisionError', '(KeyError, IndexError)', 'TypeError',
                                  'ValueError', 'ArithmeticError', 'LookupError'], self.r.randint(1, 3))
        for h in handlers:
            with self.block('except %s as e:' % h):
                self.emit('print(%r, type(e).__name__, e)' % self.short())
                if self.chance(0.2):
                    self.emit('raise RuntimeError(%r) from e' % self.short())
        if self.chance(0.5):
            with self.block('except Exception as e:'):
                self.emit('print(%r, "other", type(e).__name__)' % self.short())
        if self.chance(0.4):
            with self.block('else:'):
                self.stmts(Scope(s.vars), 1, depth)
        if self.chance(0.4):
            with self.block('finally:'):
                self.emit('print(%r, "finally")' % self.short())

    def stmt_match(self, s, depth):
        subject = self.any_expr(s, 2)
        with self.block('match %s:' % subject):
            cases = ['0 | 1', '[x, *rest]', '(a, b)', '{"a": v, **kw}', 'str() as t',
                     'int(n) if n > 5', 'float(f)', '[]', '{}', 'None', 'True',
                     '"abc" | "x y z"', '[1, _, *_]', 'bytes()', 'set()', 'list() | tuple()',
                     '{"Hello, World": 1}', '-1', '4611686018427387904']
            for c in self.r.sample(cases, self.r.randint(1, 5)):
                with self.block('case %s:' % c):
                    self.emit('print(%r, %r)' % (self.short(), c))
                    if 'x,' in c:
                        self.emit('print(x, rest)')
                    elif 'a, b' in c:
                        self.emit('print(a, b)')
                    elif 'v,' in c:
                        self.emit('print(v, kw)')
                    elif ' as t' in c:
                        self.emit('print(t)')
            if self.chance(0.6):
                with self.block('case _:'):
                    self.emit('print(%r, "default")' % self.short())

    def stmt_walrus(self, s, depth):
        v = self.name()
        self.guarded('print((%s := %s), %s)' % (v, self.expr(INT, s, 2), v))

    def stmt_closure(self, s, depth):
        f, v = self.name('f'), self.name('n')
        self.emit('%s = %s' % (v, self.literal(INT)))
        with self.block('def %s(k=%s):' % (f, self.literal(INT))):
            self.emit('nonlocal %s' % v)
            self.emit('%s = %s + k' % (v, v))
            self.emit('return %s' % v)
        self.guarded('print(%s(), %s(%s), %s)' % (f, f, self.literal(INT), v))

    def stmt_comp(self, s, depth):
        v = self.name('c')
        k = self.r.randint(0, 4)
        src = self.expr(self.pick([LIST, SET, STR]), s, 2)
        if k == 0:
            self.guarded('print([%s * 2 for %s in %s if %s])' % (v, v, src, v))
        elif k == 1:
            self.guarded('print(sorted({%s for %s in %s}))' % (v, v, src))
        elif k == 2:
            self.guarded('print(list(%s for %s in %s))' % (v, v, src))
        elif k == 3:
            w = self.name('c')
            self.guarded('print([(%s, %s) for %s in range(3) for %s in %s if %s != %s])'
                         % (v, w, v, w, src, v, w))
        else:   # a walrus in a comprehension binds in the enclosing scope
            w = self.name('c')
            self.guarded('print([(%s := %s * 2) for %s in %s], %s)' % (w, v, v, src, w))

    # -- units -----------------------------------------------------------------
    def unit_stmts(self, name):
        params = []
        scope = Scope()
        for _ in range(self.r.randint(0, 3)):
            t = self.pick(TYPES)
            p = self.name('p')
            params.append((p, t))
            scope.vars[p] = t
        with self.block('def %s(%s):' % (name, ', '.join(p for p, _ in params))):
            for _ in range(self.r.randint(1, 3)):
                t = self.pick(TYPES)
                v = self.name()
                self.emit('%s = %s' % (v, self.literal(t)))
                scope.vars[v] = t
            self.stmts(scope, self.r.randint(3, 10), 3)
            self.emit('return %s' % self.any_expr(scope, 2))
        self.emit('_run(%s%s)' % (name, ''.join(', ' + self.literal(t) for _, t in params)))

    def num_expr(self, vars, depth):
        r = self.r
        if depth <= 0 or self.chance(0.2):
            return self.pick(vars) if self.chance(0.8) else self.pick(SMALL_INTS + ['2.5', '0.5', 'True'])
        k = r.randint(0, 9)
        a, b = self.num_expr(vars, depth - 1), self.num_expr(vars, depth - 1)
        if k <= 3:
            return '(%s %s %s)' % (a, self.pick(['+', '-', '*', '+', '-']), b)
        if k == 4:
            return '(%s %s %s)' % (a, self.pick(['/', '//', '%']), b)
        if k == 5:
            return '(%s ** %s)' % (a, self.pick(['2', '3', '-1', '0.5', '-0.5', '0', '1.5']))
        if k == 6:
            return '(int(%s) %s %d)' % (a, self.pick(['<<', '>>']), r.randint(0, 66))
        if k == 7:
            return '%s(%s)' % (self.pick(['-', '+', 'abs', 'int']), a)
        if k == 8:
            return '(%s %s %s)' % (a, self.pick(['<', '==', '>=', '!=']), b)
        return '(int(%s) %s int(%s))' % (a, self.pick(['&', '|', '^']), b)

    def unit_arith(self, name):
        params = ['a', 'b', 'c', 'd']
        with self.block('def %s(%s):' % (name, ', '.join(params))):
            self.emit('acc = 0')
            self.emit('out = []')
            with self.block('for i in range(%d):' % self.r.randint(1, 6)):
                vars = params + ['i', 'acc']
                for _ in range(self.r.randint(1, 4)):
                    self.guarded('acc = %s' % self.num_expr(vars, 4))
                    self.emit('out.append(acc)')
                if self.chance(0.5):
                    self.emit('%s %s= %s' % (self.pick(params), self.pick(['+', '-', '*']),
                                             self.num_expr(vars, 2)))
                if self.chance(0.3):
                    with self.block('if %s:' % self.num_expr(vars, 2)):
                        self.emit(self.pick(['continue', 'break', 'acc = -acc']))
            self.emit('return out')
        for _ in range(self.r.randint(1, 4)):
            self.emit('_run(%s, %s)' % (name, ', '.join(self.pick(NUM_VALUES) for _ in params)))

    def unit_calls(self, name):
        nd = self.r.randint(0, 2)
        sig = ['a'] + ['b%d=%s' % (i, self.literal(self.pick([INT, STR]))) for i in range(nd)]
        if self.chance(0.3):
            sig.append('/')     # the parameters so far are positional-only
        if self.chance(0.5):
            sig.append('*args')
        kwonly = []
        if self.chance(0.6):
            if '*args' not in sig:
                sig.append('*')
            kwonly = ['k%d' % i for i in range(self.r.randint(1, 2))]
            sig += [k + ('=%s' % self.literal(INT) if self.chance(0.6) else '') for k in kwonly]
        if self.chance(0.5):
            sig.append('**kw')
        f = self.name('g')
        body_names = ['a'] + ['b%d' % i for i in range(nd)] + kwonly
        with self.block('def %s(%s):' % (f, ', '.join(sig))):
            extras = ''
            if '*args' in sig:
                extras += ', args'
            if '**kw' in sig:
                extras += ', sorted(kw.items())'
            self.emit('return (%s%s)' % (', '.join(body_names), extras))
        with self.block('def %s():' % name):
            for _ in range(self.r.randint(3, 7)):
                args = [self.literal(self.pick([INT, STR, FLOAT])) for _ in range(self.r.randint(0, 3))]
                for _ in range(self.r.randint(0, 2)):
                    args.append('%s=%s' % (self.pick(body_names + ['zz', 'a']), self.literal(INT)))
                if self.chance(0.2):
                    args.append('*%s' % self.literal(LIST))
                if self.chance(0.2):
                    args.append("**{%r: 1}" % self.pick(body_names + ['q']))
                self.guarded('print(%s(%s))' % (f, ', '.join(self.order_args(args))))
            self.emit('lam = lambda x, y=%s, *r, **k: (x, y, r, sorted(k))' % self.literal(INT))
            self.guarded('print(lam(%s))' % ', '.join(self.order_args(
                [self.literal(INT) for _ in range(self.r.randint(0, 3))] + ['y=2'] * self.r.randint(0, 1))))
            self.emit('return %s.__defaults__, %s.__kwdefaults__' % (f, f))
        self.emit('_run(%s)' % name)

    def order_args(self, args):
        """Positional before keyword, *x before **x (else a SyntaxError)."""
        pos = [a for a in args if '=' not in a and not a.startswith('**')]
        kw = [a for a in args if '=' in a and not a.startswith('**')]
        star2 = [a for a in args if a.startswith('**')]
        seen, kwu = set(), []
        for a in kw:
            k = a.split('=')[0]
            if k not in seen:
                seen.add(k)
                kwu.append(a)
        return pos + kwu + star2

    def unit_classes(self, name):
        base, sub = self.name('B'), self.name('S')
        slots = self.chance(0.4)
        with self.block('class %s:' % base):
            self.emit('tag = %s' % self.literal(self.pick([INT, STR])))
            if slots:
                self.emit("__slots__ = ('x', 'y')")
            with self.block('def __init__(self, x, y=%s):' % self.literal(INT)):
                self.emit('self.x = x')
                self.emit('self.y = y')
            with self.block('def __repr__(self):'):
                self.emit("return f'%s({self.x!r}, {self.y!r})'" % base)
            with self.block('def __eq__(self, other):'):
                self.emit('return isinstance(other, %s) and (self.x, self.y) == (other.x, other.y)' % base)
            self.emit('__hash__ = None' if self.chance(0.3) else
                      'def __hash__(self): return hash((self.x, self.y))')
            for op in self.r.sample(['add', 'sub', 'mul', 'lt', 'len', 'getitem', 'iter',
                                     'contains', 'bool', 'neg', 'call', 'radd', 'iadd'], 5):
                self.dunder(op, base)
            self.emit('@property')
            with self.block('def total(self):'):
                self.emit('return self.x + self.y')
            self.emit('@total.setter')
            with self.block('def total(self, v):'):
                self.emit('self.x = v - self.y')
            self.emit('@classmethod')
            with self.block('def make(cls, v):'):
                self.emit('return cls(v, v)')
            self.emit('@staticmethod')
            with self.block('def twice(v):'):
                self.emit('return v * 2')
        with self.block('class %s(%s):' % (sub, base)):
            if slots:
                self.emit("__slots__ = ('z',)")
            with self.block('def __init__(self, x, y=1, z=%s):' % self.literal(INT)):
                self.emit('super().__init__(x, y)')
                self.emit('self.z = z')
            with self.block('def __repr__(self):'):
                self.emit("return 'S:' + super().__repr__() + repr(self.z)")
            if self.chance(0.5):
                self.dunder(self.pick(['add', 'lt', 'len', 'getitem']), sub)
        with self.block('def %s():' % name):
            s = Scope({'o1': 'obj', 'o2': 'obj'})
            self.emit('o1 = %s(%s, %s)' % (base, self.literal(INT), self.literal(INT)))
            self.emit('o2 = %s(%s)' % (sub, self.literal(self.pick([INT, FLOAT]))))
            ops = ['o1 + o2', 'o2 + 1', '1 + o1', 'o1 - o2', 'o1 * 3', 'o1 < o2', 'o2 < o1', 'len(o1)',
                   'o1[0]', 'o2[5]', 'list(o1)', '3 in o2', 'bool(o1)', '-o2', 'o1(2)', 'o1 == o2',
                   'o1 == %s(o1.x, o1.y)' % base, '{o1: 1}', 'o1.total', 'o2.total',
                   '%s.make(3)' % sub, 'o2.twice(4)', 'o1.tag', 'o2.tag', 'o2.z', 'o1.z',
                   'sorted([o2, o1])', 'isinstance(o2, %s)' % base, 'o1.__dict__' if not slots else 'o1.w',
                   'type(o2).__mro__[1].__name__', 'str(o1)']
            for op in self.r.sample(ops, 8):
                self.guarded('print(%s)' % op)
            self.guarded('o1.total = %s' % self.literal(INT))
            self.guarded('o2.w = 5')
            self.guarded('o1 += o2')
            self.emit('print(o1, o2)')
            with self.block('for i in range(3):'):
                self.emit('%s.tag = i * 2' % self.pick([base, sub]))
                self.emit('print(o1.tag, o2.tag)')
        self.emit('_run(%s)' % name)

    def dunder(self, op, cls):
        if op in ('add', 'sub', 'mul', 'radd', 'iadd'):
            with self.block('def __%s__(self, other):' % op):
                with self.block('if isinstance(other, %s):' % cls if op != 'radd' else 'if isinstance(other, int):'):
                    self.emit('return %s(self.x %s other%s, self.y)' % (
                        cls, {'add': '+', 'sub': '-', 'mul': '*', 'radd': '+', 'iadd': '+'}[op],
                        '' if op == 'radd' else '.x'))
                self.emit('return NotImplemented')
        elif op == 'lt':
            with self.block('def __lt__(self, other):'):
                self.emit('return (self.x, self.y) < (other.x, other.y)')
        elif op == 'len':
            with self.block('def __len__(self):'):
                self.emit('return abs(self.x) % 7' if self.chance(0.8) else 'return -1')
        elif op == 'getitem':
            with self.block('def __getitem__(self, i):'):
                self.emit('return (self.x, self.y)[i]')
        elif op == 'iter':
            with self.block('def __iter__(self):'):
                self.emit('yield self.x')
                self.emit('yield self.y')
        elif op == 'contains':
            with self.block('def __contains__(self, v):'):
                self.emit('return v in (self.x, self.y)')
        elif op == 'bool':
            with self.block('def __bool__(self):'):
                self.emit('return self.x > 0' if self.chance(0.8) else 'return 1')
        elif op == 'neg':
            with self.block('def __neg__(self):'):
                self.emit('return %s(-self.x, -self.y)' % cls)
        elif op == 'call':
            with self.block('def __call__(self, k):'):
                self.emit('return self.x * k')

    def unit_attrcache(self, name):
        c = self.name('K')
        with self.block('class %s:' % c):
            self.emit('a = %s' % self.literal(INT))
            with self.block('def m(self):'):
                self.emit('return self.a')
            with self.block('def __init__(self, v):'):
                self.emit('self.v = v')
        muts = [
            "%s.a = i" % c,
            "%s.m = lambda self: -self.v" % c,
            "%s.v = property(lambda self: 'prop')" % c,
            "o.a = 'inst'",
            "%s.b = i * 10" % c,
            "setattr(%s, 'm', lambda self: ('set', i))" % c,
            "o.__class__ = type('X', (%s,), {'a': 'sub'})" % c,
            "delattr(%s, 'b') if hasattr(%s, 'b') else None" % (c, c),
            "o.__dict__.clear()",
            "%s.__init__ = lambda self, v: setattr(self, 'v', v * 2)" % c,
        ]
        with self.block('def %s():' % name):
            self.emit('objs = [%s(i) for i in range(3)]' % c)
            self.emit('res = []')
            with self.block('for i in range(%d):' % self.r.randint(4, 12)):
                self.emit('o = objs[i % 3]')
                reads = ['o.a', 'o.m()', 'o.v', "getattr(o, 'b', None)", '%s(i).v' % c, 'type(o).a']
                for rd in self.r.sample(reads, 3):
                    self.guarded('res.append(%s)' % rd)
                with self.block('if i == %d:' % self.r.randint(0, 5)):
                    for m in self.r.sample(muts, self.r.randint(1, 3)):
                        self.emit(m)
            self.emit('return res')
        self.emit('_run(%s)' % name)

    def unit_gens(self, name):
        g = self.name('gen')
        with self.block('def %s(n):' % g):
            self.emit('total = 0')
            with self.block('try:'):
                with self.block('for i in range(n):'):
                    with self.block('try:'):
                        self.emit('x = yield i * %s' % self.literal(INT))
                    with self.block('except ValueError as e:'):
                        self.emit("print('caught', e)")
                        self.emit('x = %s' % self.literal(INT))
                    self.emit('total += x if x is not None else 1')
                if self.chance(0.5):
                    self.emit('yield from %s' % self.pick(['range(2)', '[7, 8]', "'ab'", 'inner()']))
                self.emit('return total')
            with self.block('finally:'):
                self.emit("print('gen finally')")
        with self.block('def inner():'):
            self.emit('r = yield 100')
            self.emit("print('inner got', r)")
            self.emit('return r')
        with self.block('def %s():' % name):
            self.emit('it = %s(%d)' % (g, self.r.randint(0, 5)))
            steps = ['next(it)', 'it.send(%s)' % self.literal(INT), 'it.send(None)',
                     "it.throw(ValueError('boom'))", "it.throw(KeyError('k'))", 'it.close()',
                     'list(it)', 'next(it, "done")']
            for _ in range(self.r.randint(2, 7)):
                self.guarded('print(%s)' % self.pick(steps))
            self.emit('print(list(%s(3)))' % g)
            self.emit('return sum(x for x in range(%d) if x %% 2)' % self.r.randint(0, 10))
        self.emit('_run(%s)' % name)

    def unit_coros(self, name):
        c, d = self.name('co'), self.name('co')
        with self.block('class Yielder:'):
            with self.block('def __await__(self):'):
                self.emit('v = yield "tick"')
                self.emit('return v')
        with self.block('async def %s(x):' % d):
            self.emit('r = await Yielder()')
            with self.block('if x == %s:' % self.literal(INT)):
                self.emit("raise ValueError('bad ' + str(x))")
            self.emit('return (x, r)')
        with self.block('async def %s(n):' % c):
            self.emit('out = []')
            with self.block('for i in range(n):'):
                with self.block('try:'):
                    self.emit('out.append(await %s(i))' % d)
                with self.block('except ValueError as e:'):
                    self.emit('out.append(str(e))')
            self.emit('return out')
        with self.block('def %s():' % name):
            self.emit('co = %s(%d)' % (c, self.r.randint(0, 4)))
            self.emit('n = 0')
            with self.block('while True:'):
                with self.block('try:'):
                    self.emit('y = co.send(None if n == 0 else n)')
                with self.block('except StopIteration as e:'):
                    self.emit("print('result', e.value)")
                    self.emit('break')
                self.emit('n += 1')
                self.emit("print('yielded', y, n)")
            if self.chance(0.6):
                with self.block('async def main():'):
                    self.emit('a = asyncio.sleep(0, result=%s)' % self.literal(INT))
                    self.emit('b = asyncio.gather(*(asyncio.sleep(0, result=i) for i in range(3)))')
                    self.emit('return await a, await b')
                self.emit('print(asyncio.run(main()))')
            self.emit('return n')
        self.emit('_run(%s)' % name)

    def unit_excs(self, name):
        h = self.name('h')
        with self.block('def %s(k):' % h):
            with self.block('try:'):
                with self.block('if k == 0:'):
                    self.emit("raise ValueError('zero')")
                with self.block('elif k == 1:'):
                    self.emit("return {}['missing']")
                with self.block('elif k == 2:'):
                    self.emit('return 1 / (k - 2)')
                with self.block('elif k == 3:'):
                    with self.block('try:'):
                        self.emit("[][k]")
                    with self.block('except IndexError as e:'):
                        self.emit("raise TypeError('wrapped') from e")
                with self.block('elif k == 4:'):
                    with self.block('try:'):
                        self.emit("raise KeyError(k)")
                    with self.block('finally:'):
                        self.emit("print('inner finally', k)")
                self.emit('return k')
            with self.block('except (ValueError, LookupError) as e:'):
                self.emit("print('handled', type(e).__name__, e, repr(e.__context__))")
                with self.block('if k == 4:'):
                    self.emit('raise')
                self.emit('return -1')
            with self.block('else:'):
                self.emit("print('else', k)")
            with self.block('finally:'):
                self.emit("print('finally', k)")
                if self.chance(0.3):
                    with self.block('if k == 5:'):
                        self.emit("return 'overridden'")
        with self.block('def %s():' % name):
            with self.block('for k in range(7):'):
                with self.block('try:'):
                    self.emit('print(%s(k))' % h)
                with self.block('except Exception as e:'):
                    self.emit("print('outer', type(e).__name__, e, type(e.__cause__).__name__, "
                              "type(e.__context__).__name__)")
            self.emit('return None')
        self.emit('_run(%s)' % name)

    def unit_closures(self, name):
        g = self.name('G')
        self.globals.append(g)
        self.emit('%s = %s' % (g, self.literal(INT)))
        with self.block('def %s():' % name):
            self.emit('global %s' % g)
            self.emit('count = 0')
            with self.block('def bump(by=1):'):
                self.emit('nonlocal count')
                self.emit('count += by')
                with self.block('def deeper():'):
                    self.emit('nonlocal count')
                    self.emit('count *= 2')
                    self.emit('return count')
                self.emit('return deeper')
            self.emit('fs = [lambda: i for i in range(3)]')
            self.emit('gs = [lambda i=i: i * %s for i in range(3)]' % self.literal(INT))
            self.emit('print([f() for f in fs], [g() for g in gs])')
            for _ in range(self.r.randint(1, 4)):
                self.emit(self.pick(['bump()()', 'bump(%s)' % self.literal(INT), 'print(count)',
                                     '%s += count' % g, 'print(%s)' % g]))
            self.emit('rec = lambda n: n if n <= 1 else n * rec(n - 1)')
            self.emit('print(rec(%d))' % self.r.randint(0, 40))
            self.emit('return count, %s' % g)
        self.emit('_run(%s)' % name)

    # -- program ---------------------------------------------------------------
    UNITS = ['stmts', 'stmts', 'stmts', 'arith', 'arith', 'calls', 'classes', 'attrcache',
             'gens', 'coros', 'excs', 'closures']

    def program(self, units=None):
        self.emit('import asyncio')
        self.emit('import math')
        self.emit('')
        with self.block('def _run(f, *args):'):
            with self.block('try:'):
                self.emit("print(f.__name__, '->', f(*args))")
            with self.block('except Exception as e:'):
                self.emit("print(f.__name__, 'raised', type(e).__name__, e)")
        with self.block('def _show(f):'):
            with self.block('try:'):
                self.emit('print(repr(f()))')
            with self.block('except Exception as e:'):
                self.emit('print(type(e).__name__, e)')
        self.emit('')
        n = units or self.r.randint(8, 20)
        for i in range(n):
            kind = self.pick(self.UNITS)
            getattr(self, 'unit_' + kind)('t_%s_%d' % (kind, i))
            self.emit('')
        if self.chance(0.15):
            self.uncaught()
        return '\n'.join(self.out.lines) + '\n'

    def uncaught(self):
        with self.block('def _fail(k):'):
            self.emit(self.pick(["return [1, 2][k]", "return {'a': 1}[str(k)]",
                                 "return 10 // (k - k)", "raise ValueError(k)",
                                 "return 'x' + k", "return _fail(k - 1) if k else None.attr"]))
        self.emit('print("before the end")')
        self.emit('_fail(%d)' % self.r.randint(2, 5))


def generate(seed):
    return Gen(seed).program()


if __name__ == '__main__':
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
