# Augmented assignment: the target evaluated once, in-place operators.
x += 1
x -= y
x *= y
x /= y
x //= y
x %= y
x **= y
x <<= y
x >>= y
x &= y
x |= y
x ^= y
x @= y
o.a += v
o.a.b -= f()
o[k] *= v
o[i:j] += v
g()[h()] += w
(o.
 a) += v
o[
  k] += v
