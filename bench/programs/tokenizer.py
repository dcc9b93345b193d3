# tokenizer.py — string scanning and parsing: a hand-written tokenizer for
# an arithmetic/assignment language (character classes, str slicing, dict of
# keywords), a recursive-descent parser to tuples, and an evaluator; the
# source text is generated deterministically.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
LINES = max(50, int(40000 * SCALE))

KEYWORDS = {"let": "LET", "print": "PRINT", "if": "IF", "then": "THEN", "else": "ELSE"}
OPS = {"+": "PLUS", "-": "MINUS", "*": "STAR", "/": "SLASH", "%": "PERCENT",
       "(": "LPAREN", ")": "RPAREN", "=": "EQ", "<": "LT", ">": "GT", ",": "COMMA"}


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos


def tokenize(line):
    toks = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and line[j].isdigit():
                j += 1
            toks.append(Token("NUM", line[i:j], i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (line[j].isalnum() or line[j] == "_"):
                j += 1
            word = line[i:j]
            toks.append(Token(KEYWORDS.get(word, "NAME"), word, i))
            i = j
        elif ch in OPS:
            toks.append(Token(OPS[ch], ch, i))
            i += 1
        else:
            raise SyntaxError("bad character %r at %d" % (ch, i))
    toks.append(Token("EOF", "", n))
    return toks


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0

    def peek(self):
        return self.toks[self.i].kind

    def take(self, kind):
        tok = self.toks[self.i]
        if tok.kind != kind:
            raise SyntaxError("expected %s, got %s" % (kind, tok.kind))
        self.i += 1
        return tok

    def statement(self):
        if self.peek() == "LET":
            self.take("LET")
            name = self.take("NAME").text
            self.take("EQ")
            return ("let", name, self.expr())
        self.take("PRINT")
        return ("print", self.expr())

    def expr(self):
        if self.peek() == "IF":
            self.take("IF")
            cond = self.comparison()
            self.take("THEN")
            a = self.expr()
            self.take("ELSE")
            return ("if", cond, a, self.expr())
        return self.comparison()

    def comparison(self):
        left = self.sum()
        while self.peek() in ("LT", "GT"):
            op = self.take(self.peek()).text
            left = (op, left, self.sum())
        return left

    def sum(self):
        left = self.term()
        while self.peek() in ("PLUS", "MINUS"):
            op = self.take(self.peek()).text
            left = (op, left, self.term())
        return left

    def term(self):
        left = self.atom()
        while self.peek() in ("STAR", "SLASH", "PERCENT"):
            op = self.take(self.peek()).text
            left = (op, left, self.atom())
        return left

    def atom(self):
        kind = self.peek()
        if kind == "NUM":
            return ("num", int(self.take("NUM").text))
        if kind == "NAME":
            return ("var", self.take("NAME").text)
        if kind == "MINUS":
            self.take("MINUS")
            return ("-", ("num", 0), self.atom())
        self.take("LPAREN")
        e = self.expr()
        self.take("RPAREN")
        return e


def evaluate(node, env):
    op = node[0]
    if op == "num":
        return node[1]
    if op == "var":
        return env.get(node[1], 0)
    if op == "if":
        return evaluate(node[2] if evaluate(node[1], env) else node[3], env)
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b % 1000003
    if op == "/":
        return a // b if b else 0
    if op == "%":
        return a % b if b else 0
    return int(a < b) if op == "<" else int(a > b)


def generate(lines):
    names = ["alpha", "beta", "gamma", "delta_1", "x", "y_total"]
    out = []
    for i in range(lines):
        a, b, c = names[i % 6], names[(i * 7 + 1) % 6], names[(i * 5 + 2) % 6]
        if i % 5 == 4:
            out.append("print %s * (%s + %d) - %s %% 97" % (a, b, i % 13 + 1, c))
        elif i % 3 == 0:
            out.append("let %s = if %s < %s then %s + %d else (%s - %d) * 3" % (a, b, c, c, i, b, i % 11))
        else:
            out.append("let %s = (%s * %d + %s / %d) %% 10007 + -%d" % (c, a, i % 17 + 2, b, i % 5 + 1, i % 3))
    return out


def main():
    src = generate(LINES)
    env = {}
    printed = []
    ntoks = 0
    for line in src:
        toks = tokenize(line)
        ntoks += len(toks)
        stmt = Parser(toks).statement()
        if stmt[0] == "let":
            env[stmt[1]] = evaluate(stmt[2], env)
        else:
            printed.append(evaluate(stmt[1], env))
    print("lines", len(src), "tokens", ntoks, "chars", sum(map(len, src)))
    print("env", sorted(env.items()))
    print("printed", len(printed), sum(printed) % 1000000007, printed[-5:])


main()
