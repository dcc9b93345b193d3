# primes.py — integer algorithms: a sieve of Eratosthenes on a bytearray and
# on a list, trial division, Miller-Rabin with pow(), gcd / modular inverse by
# hand, and integer factorisation by Pollard's rho.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
LIMIT = max(1000, int(3000000 * SCALE))


def sieve_list(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    return [i for i, f in enumerate(flags) if f]


def sieve_bytes(n):
    flags = bytearray([1]) * (n + 1)
    flags[0] = flags[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = bytes(len(range(i * i, n + 1, i)))
    return flags


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17):
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def mod_inverse(a, m):
    old_r, r, old_s, s = a, m, 1, 0
    while r:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
    return old_s % m if old_r == 1 else None


def pollard_rho(n):
    if n % 2 == 0:
        return 2
    c = 1
    while True:
        x = y = 2
        d = 1
        while d == 1:
            x = (x * x + c) % n
            y = (y * y + c) % n
            y = (y * y + c) % n
            d = gcd(abs(x - y), n)
        if d != n:
            return d
        c += 1


def factorise(n):
    if n == 1:
        return []
    if is_probable_prime(n):
        return [n]
    d = pollard_rho(n)
    return sorted(factorise(d) + factorise(n // d))


def main():
    primes = sieve_list(LIMIT)
    flags = sieve_bytes(LIMIT)
    assert len(primes) == sum(flags)
    print("primes below", LIMIT, len(primes), "last", primes[-1])
    twins = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
    print("twin pairs", twins)
    big = [(1 << 61) - 1, (1 << 89) - 1, 10 ** 18 + 9, 2 ** 64 + 1, 600851475143]
    print("probable primes", [is_probable_prime(n) for n in big])
    inv = sum(mod_inverse(a, 1000003) for a in range(1, int(60000 * SCALE) + 2))
    print("sum of inverses", inv)
    nums = [1000001 * 999983, 2 ** 62 - 57 * 3, 123456789012, 9999999967 * 7]
    for n in nums:
        print(n, factorise(n))


main()
