# while loops: else clauses (run when not broken), break, continue, nested
# loops, loop conditions with side effects.

n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n", n)
else:
    print("while finished without break, n =", n)

n = 0
while True:
    n += 3
    if n > 10:
        print("break at", n)
        break
else:
    print("never printed")


def is_prime(k):
    if k < 2:
        return False
    d = 2
    while d * d <= k:
        if k % d == 0:
            break
        d += 1
    else:
        return True
    return False


primes = []
k = 0
while len(primes) < 10:
    if is_prime(k):
        primes.append(k)
    k += 1
print(primes)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner, end="; ")
        inner += 1
    outer += 1
print()
