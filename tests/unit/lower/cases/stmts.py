# if/elif/else, del, raise, pass, global, walrus, expression statements.
if a:
    b = 1
elif c:
    b = 2
else:
    b = 3
if a:
    pass
del x
del x.y, x[k]
del (a, [b, c.d])
if a:
    raise E
if b:
    raise E(1) from C
'a string statement'
f(x)
if (n := len(a)) > 10:
    m = n
global g
