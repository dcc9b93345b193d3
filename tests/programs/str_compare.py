# == and != of exact strs decided inline (P2C_Str_Equal), everything else
# by the rich comparison: kinds, lengths, identity, subclasses with their
# own __eq__, mixed types.
class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__repr__(self), repr(other))
        return True

    def __ne__(self, other):
        print("Loud.__ne__")
        return False

    __hash__ = str.__hash__


samples = ["", "a", "ab", "a" * 100, "é", "\u20ac", "\U0001f600", "\ud800",
           "abc\u20ac"[:3], "abc", "x\x00y", "x\x00z"]
for a in samples:
    for b in samples:
        r1 = a == b
        r2 = a != b
        if a == b:
            branch = "eq"
        else:
            branch = "ne"
        if r1 != (not r2) or (branch == "eq") != r1:
            print("mismatch", repr(a), repr(b))
print(sum(a == b for a in samples for b in samples))


def scan(s):
    i = 0
    n = 0
    while i < len(s) and s[i] != ";":
        if s[i] == " ":
            n += 1
        i += 1
    return i, n


print(scan("a b c d;efg"), scan("no semicolon here"), scan(""))
print("abc" == Loud("xyz"), Loud("q") == "r", "a" != Loud("b"))
print("1" == 1, "1" != 1, None == "", b"a" == "a", ["a"] == ["a"])
x = "".join(["ab", "c"])
print(x == "abc", x != "abd", x == x, x != x)


# str subclasses that compare as str (a parser's symbols), and ones that
# do not
class Symbol(str):
    pass


class Folded(str):
    def __eq__(self, other):
        return str.lower(self) == str.lower(other)

    __hash__ = str.__hash__


syms = [Symbol(w) for w in ("if", "define", "IF", "")]
for s in syms:
    print(repr(s), s == "if", "if" == s, s != "define", s == Symbol("if"), s == Folded("If"),
          Folded("If") == s, s == b"if", s == None)
if Symbol("x") == "x" and not (Symbol("x") != "x"):
    print("branches agree")
