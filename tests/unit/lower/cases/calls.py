# Calls: CALL with kwnames, CALL_EX for starred arguments.
f()
f(a)
f(a, b, k=c, j=d)
f(*a)
f(a, *b, c)
f(a, k=b, **m)
f(**m)
f(*a, k=1)
f(k=1, *a)
f(x, **m, k=2, **n)
o.m(a)
o.m(a, k=b)
(o
  .m)(a)
o.m(
  a)
import mod
mod.func(
  a)
f(a)(b)
o.m(*a)
