# Constants, names, operators, and/or, conditional expressions, displays.
a = 1
b = 2.5
c = 3j
d = 'str'
e = b'bytes'
f = None, True, False, ...
g = a + b * c - d / e // a % b ** c
h = (a << b) >> c | d & e ^ a @ b
i = -a, +b, ~c, not d
j = a and b or c and not d
k = a if b else c
l = [a, *b, c]
m = {a, *b}
n = {a: b, **c, d: e}
o = (a, *b)
p = ()
q = []
r = {}
s = a.b.c
t = a[b], a[b:c], a[::d], a[b:c, d], a[:]
u = __debug__
v = (a
     .b)
w = x
