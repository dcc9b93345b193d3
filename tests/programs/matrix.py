# Matrices as nested lists: multiplication, transpose, determinant by
# Gaussian elimination with floats, identity checks, pretty printing.

def zeros(n, m):
    rows = []
    for i in range(n):
        rows.append([0] * m)
    return rows


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c


def transpose(a):
    t = zeros(len(a[0]), len(a))
    for i, row in enumerate(a):
        for j, v in enumerate(row):
            t[j][i] = v
    return t


def det(a):
    m = []
    for row in a:
        m.append(list(map(float, row)))
    n = len(m)
    d = 1.0
    for col in range(n):
        pivot = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[pivot][col]):
                pivot = r
        if m[pivot][col] == 0:
            return 0.0
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            d = -d
        d *= m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n):
                m[r][c] -= f * m[col][c]
    return d


a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
p = matmul(a, b)
for row in p:
    print(" ".join(map(str, row)))
print(transpose(a), matmul(b, a))
print(round(det([[2, 0, 1], [1, 3, 2], [1, 1, 2]]), 9), det([[1, 2], [2, 4]]))
