# interp.py — a small interpreter for a toy language: an s-expression
# reader, an environment chain of dicts, special forms (define, if, lambda,
# let, begin, set!), closures as Python objects, and builtins; it runs
# recursive fib, a list-building loop and a higher-order map/filter program.
import operator
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
ROUNDS = max(1, int(5 * SCALE))
FIB = 20


class Symbol(str):
    pass


def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").split()


def read(tokens, pos=0):
    tok = tokens[pos]
    if tok == "(":
        out = []
        pos += 1
        while tokens[pos] != ")":
            x, pos = read(tokens, pos)
            out.append(x)
        return out, pos + 1
    try:
        return int(tok), pos + 1
    except ValueError:
        return Symbol(tok), pos + 1


class Env:
    __slots__ = ("vars", "outer")

    def __init__(self, names=(), values=(), outer=None):
        self.vars = dict(zip(names, values))
        self.outer = outer

    def find(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env
            env = env.outer
        raise NameError(name)


class Lambda:
    __slots__ = ("params", "body", "env")

    def __init__(self, params, body, env):
        self.params = params
        self.body = body
        self.env = env


def global_env():
    env = Env()
    env.vars.update({
        "+": operator.add, "-": operator.sub, "*": operator.mul,
        "<": operator.lt, "=": operator.eq, "mod": operator.mod,
        "cons": lambda a, b: [a] + b, "car": lambda x: x[0], "cdr": lambda x: x[1:],
        "null?": lambda x: x == [], "list": lambda *xs: list(xs),
        "length": len,
    })
    return env


def evaluate(x, env):
    while True:
        if isinstance(x, Symbol):
            return env.find(x).vars[x]
        if not isinstance(x, list):
            return x
        head = x[0]
        if head == "if":
            x = x[2] if evaluate(x[1], env) else x[3]
        elif head == "define":
            env.vars[x[1]] = evaluate(x[2], env)
            return None
        elif head == "set!":
            env.find(x[1]).vars[x[1]] = evaluate(x[2], env)
            return None
        elif head == "lambda":
            return Lambda(x[1], x[2], env)
        elif head == "let":
            names = [b[0] for b in x[1]]
            vals = [evaluate(b[1], env) for b in x[1]]
            env = Env(names, vals, env)
            x = x[2]
        elif head == "begin":
            for e in x[1:-1]:
                evaluate(e, env)
            x = x[-1]
        else:
            fn = evaluate(head, env)
            args = [evaluate(a, env) for a in x[1:]]
            if isinstance(fn, Lambda):
                env = Env(fn.params, args, fn.env)
                x = fn.body
            else:
                return fn(*args)


PROGRAM = """
(begin
  (define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
  (define range (lambda (a b) (if (< a b) (cons a (range (+ a 1) b)) (list))))
  (define map (lambda (f xs) (if (null? xs) (list) (cons (f (car xs)) (map f (cdr xs))))))
  (define filter (lambda (p xs) (if (null? xs) (list)
      (if (p (car xs)) (cons (car xs) (filter p (cdr xs))) (filter p (cdr xs))))))
  (define sum (lambda (xs) (let ((acc 0) (rest xs))
      (begin (define loop (lambda () (if (null? rest) acc
                 (begin (set! acc (+ acc (car rest))) (set! rest (cdr rest)) (loop)))))
             (loop)))))
  (define counter (let ((n 0)) (lambda () (begin (set! n (+ n 1)) n))))
  (list (fib FIB)
        (sum (map (lambda (x) (* x x)) (filter (lambda (x) (= (mod x 3) 0)) (range 0 300))))
        (length (range 0 400))
        (begin (counter) (counter) (counter))))
"""


def main():
    src = PROGRAM.replace("FIB", str(FIB))
    for _ in range(ROUNDS):
        tree, _ = read(tokenize(src))
        result = evaluate(tree, global_env())
    print("rounds", ROUNDS, "fib", FIB, "->", result)
    for n in range(5):
        expr, _ = read(tokenize("(+ (* %d %d) (- 10 %d))" % (n, n + 1, n)))
        print(evaluate(expr, global_env()), end=" ")
    print()


main()
