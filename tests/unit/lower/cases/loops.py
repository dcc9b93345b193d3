# while/else and for/else as LOOP; break and continue.
while x:
    x = x - 1
while x < 10:
    if y:
        break
    if z:
        continue
    x = x + 1
else:
    done = 1
while True:
    break
while 1:
    break
for i in seq:
    total = total + i
for a, (b, c) in pairs:
    pass
else:
    for j in other:
        break
    else:
        z = 2
for p.q in seq:
    while p:
        continue
    else:
        break
