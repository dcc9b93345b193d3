# Spans of operations spread over lines (tracebacks print them).
x = (a +
     b)
y = f(
    a,
    b)
z = (o
     .attr
     .meth(1))
w = o.meth(
    1)[
    2]
if (a <
    b < c):
    pass
o.p.q = (
    v)
o[
  k] = v
del (o
     .r)
v = -(
    a)
s = a[b:
      c]
def g(p):
    return (p
            .x)
