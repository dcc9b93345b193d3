# Comparisons: one COMPARE, chains with a temp per middle operand.
a = x < y
b = x <= y, x == y, x != y, x > y, x >= y
c = x is y, x is not y, x in y, x not in y
d = x < y < z
e = w < f() <= g() == z
if x < y > z:
    pass
