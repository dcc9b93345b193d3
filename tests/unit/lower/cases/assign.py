# Assignment targets, chained assignment, checked unpacking.
a = b = c = f()
x.y = v
x[k] = v
x[1:2] = v
a, b = v
[a, b] = v
a, (b, *c), d = v
*a, b = v
a.x, a = v
x[i], i = v
a, = v
a, b.c, d[e] = x.y = v
a, b = b, a
x[i], x[j] = x[j], x[i]
a, b = *c, d
