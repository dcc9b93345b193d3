# Complex numbers: literals, arithmetic with ints and floats, attributes,
# conjugate, abs, powers, equality.

a = 3 + 4j
b = 1 - 2j
print(a, b, a + b, a - b, a * b, a / b)
print(abs(a), a.real, a.imag, a.conjugate())
print(a ** 2, 2 ** b, -a, +b)
print(a == complex(3, 4), a != b, 1j * 1j == -1)
c = 0j
c += a
c *= 2
print(c, type(c).__name__, complex("1+2j"))
print(f"{a}", f"{a!r}", f"{abs(b):.4f}")
