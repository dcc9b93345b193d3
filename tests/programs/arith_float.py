# Float arithmetic: mixed int/float, division, rounding, special values and
# their comparisons, repr of floats.

x = 7.5
y = 2
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(-x // 2, -x % 2, 1e308 * 10, -1e308 * 10)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5))
print(0.1 + 0.2, repr(0.1 + 0.2), str(1 / 3))
inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf - inf)
print(abs(-3.25), int(3.99), int(-3.99), float(10))
print(1.0 == 1, 1.5 > 1, 2 ** 0.5, 10 ** -2)
total = 0.0
n = 1
while n <= 1000:
    total += 1.0 / (n * n)
    n += 1
print("basel", total, (total * 6) ** 0.5)
z = 3.0
z /= 4
z **= 2
z -= 0.0625
print("z", z, z.is_integer(), (0.5).as_integer_ratio())
