# Integer arithmetic: every binary and unary operator, negative floor
# division and modulo, big integers, shifts and bitwise operators.

def show(label, value):
    print(label, "=", value)


a = 17
b = -5
show("a + b", a + b)
show("a - b", a - b)
show("a * b", a * b)
show("a / b", a / b)
show("a // b", a // b)
show("a % b", a % b)
show("-a // 5", -a // 5)
show("-a % 5", -a % 5)
show("a ** 3", a ** 3)
show("2 ** -2", 2 ** -2)
show("a << 70", a << 70)
show("(a << 70) >> 68", (a << 70) >> 68)
show("a & b", a & b)
show("a | b", a | b)
show("a ^ b", a ^ b)
show("~a", ~a)
show("-b", -b)
show("+b", +b)
show("not a", not a)
big = 1
i = 1
while i <= 30:
    big *= i
    i += 1
show("30!", big)
show("30! % 1000007", big % 1000007)
show("divmod", divmod(big, 987654321))
show("pow mod", pow(3, 1000, 1000000007))
show("bool math", True + True * 3)
show("hex", hex(big)[:12])
