# The sieve of Eratosthenes, twin primes, prime gaps and Goldbach pairs, with
# lists of booleans and while/for loops.

def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
        i += 1
    primes = []
    for n in range(limit + 1):
        if is_prime[n]:
            primes.append(n)
    return primes, is_prime


primes, table = sieve(10000)
print(len(primes), primes[:10], primes[-3:])
twins = 0
gap = 0
gap_at = 0
for k in range(1, len(primes)):
    d = primes[k] - primes[k - 1]
    if d == 2:
        twins += 1
    if d > gap:
        gap = d
        gap_at = primes[k - 1]
print("twin pairs", twins, "largest gap", gap, "after", gap_at)
for even in [100, 1000, 9998]:
    for p in primes:
        if table[even - p]:
            print(even, "=", p, "+", even - p)
            break
