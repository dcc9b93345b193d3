# matrix.py — numeric code on lists of lists: matrix multiply, transpose,
# LU decomposition with partial pivoting, solving linear systems, and
# power iteration for the dominant eigenvalue.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N = max(8, int(200 * SCALE ** (1 / 3)))


def make_matrix(n, seed):
    state = seed
    m = []
    for i in range(n):
        row = []
        for j in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            row.append((state % 2000) / 1000.0 - 1.0 + (n if i == j else 0.0))
        m.append(row)
    return m


def transpose(a):
    return [list(col) for col in zip(*a)]


def matmul(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def matmul_loops(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0.0] * p for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(m):
            aik = ai[k]
            bk = b[k]
            for j in range(p):
                ci[j] += aik * bk[j]
    return c


def lu_decompose(a):
    n = len(a)
    lu = [row[:] for row in a]
    perm = list(range(n))
    for k in range(n):
        p = max(range(k, n), key=lambda i: abs(lu[i][k]))
        if p != k:
            lu[k], lu[p] = lu[p], lu[k]
            perm[k], perm[p] = perm[p], perm[k]
        pivot = lu[k][k]
        for i in range(k + 1, n):
            f = lu[i][k] / pivot
            lu[i][k] = f
            row_i, row_k = lu[i], lu[k]
            for j in range(k + 1, n):
                row_i[j] -= f * row_k[j]
    return lu, perm


def lu_solve(lu, perm, b):
    n = len(lu)
    y = [b[p] for p in perm]
    for i in range(n):
        y[i] -= sum(lu[i][j] * y[j] for j in range(i))
    for i in range(n - 1, -1, -1):
        y[i] = (y[i] - sum(lu[i][j] * y[j] for j in range(i + 1, n))) / lu[i][i]
    return y


def power_iteration(a, steps):
    v = [1.0] * len(a)
    lam = 0.0
    for _ in range(steps):
        w = [sum(x * y for x, y in zip(row, v)) for row in a]
        lam = max(abs(x) for x in w)
        v = [x / lam for x in w]
    return lam


def main():
    a = make_matrix(N, 7)
    b = make_matrix(N, 11)
    c1 = matmul(a, b)
    c2 = matmul_loops(a, b)
    diff = max(abs(x - y) for r1, r2 in zip(c1, c2) for x, y in zip(r1, r2))
    lu, perm = lu_decompose(c1)
    rhs = [float(i % 7) for i in range(N)]
    x = lu_solve(lu, perm, rhs)
    resid = max(abs(sum(c1[i][j] * x[j] for j in range(N)) - rhs[i]) for i in range(N))
    print("n", N)
    print("trace %.6f" % sum(c1[i][i] for i in range(N)))
    print("loops agree", diff < 1e-9, "residual small", resid < 1e-6)
    print("x[:3] %.9f %.9f %.9f" % tuple(x[:3]))
    print("dominant eigenvalue %.6f" % power_iteration(a, 60))


main()
