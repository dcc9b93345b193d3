"""Helper of multifile_big.py: module one (generated)."""
acc_one = 0
g0 = 0 * 3 + acc_one % 11
acc_one += g0 % 7
class C0:
    k = 0
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + C0.k
def make0(base):
    cell = base
    def inner(d):
        nonlocal cell
        cell += d
        return cell
    return inner
f0 = make0(g0)
g1 = 1 * 3 + acc_one % 11
acc_one += g1 % 7
g2 = 2 * 3 + acc_one % 11
acc_one += g2 % 7
g3 = 3 * 3 + acc_one % 11
acc_one += g3 % 7
g4 = 4 * 3 + acc_one % 11
acc_one += g4 % 7
g5 = 5 * 3 + acc_one % 11
acc_one += g5 % 7
g6 = 6 * 3 + acc_one % 11
acc_one += g6 % 7
g7 = 7 * 3 + acc_one % 11
acc_one += g7 % 7
acc_one += C0(g7).get() + f0(7) + f0(1)
g8 = 8 * 3 + acc_one % 11
acc_one += g8 % 7
g9 = 9 * 3 + acc_one % 11
acc_one += g9 % 7
g10 = 10 * 3 + acc_one % 11
acc_one += g10 % 7
g11 = 11 * 3 + acc_one % 11
acc_one += g11 % 7
g12 = 12 * 3 + acc_one % 11
acc_one += g12 % 7
g13 = 13 * 3 + acc_one % 11
acc_one += g13 % 7
g14 = 14 * 3 + acc_one % 11
acc_one += g14 % 7
g15 = 15 * 3 + acc_one % 11
acc_one += g15 % 7
class C15:
    k = 15
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + C15.k
def make15(base):
    cell = base
    def inner(d):
        nonlocal cell
        cell += d
        return cell
    return inner
f15 = make15(g15)
g16 = 16 * 3 + acc_one % 11
acc_one += g16 % 7
g17 = 17 * 3 + acc_one % 11
acc_one += g17 % 7
g18 = 18 * 3 + acc_one % 11
acc_one += g18 % 7
g19 = 19 * 3 + acc_one % 11
acc_one += g19 % 7
g20 = 20 * 3 + acc_one % 11
acc_one += g20 % 7
g21 = 21 * 3 + acc_one % 11
acc_one += g21 % 7
g22 = 22 * 3 + acc_one % 11
acc_one += g22 % 7
acc_one += C15(g22).get() + f15(22) + f15(1)
g23 = 23 * 3 + acc_one % 11
acc_one += g23 % 7
g24 = 24 * 3 + acc_one % 11
acc_one += g24 % 7
g25 = 25 * 3 + acc_one % 11
acc_one += g25 % 7
g26 = 26 * 3 + acc_one % 11
acc_one += g26 % 7
g27 = 27 * 3 + acc_one % 11
acc_one += g27 % 7
g28 = 28 * 3 + acc_one % 11
acc_one += g28 % 7
g29 = 29 * 3 + acc_one % 11
acc_one += g29 % 7
g30 = 30 * 3 + acc_one % 11
acc_one += g30 % 7
class C30:
    k = 30
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + C30.k
def make30(base):
    cell = base
    def inner(d):
        nonlocal cell
        cell += d
        return cell
    return inner
f30 = make30(g30)
g31 = 31 * 3 + acc_one % 11
acc_one += g31 % 7
g32 = 32 * 3 + acc_one % 11
acc_one += g32 % 7
g33 = 33 * 3 + acc_one % 11
acc_one += g33 % 7
g34 = 34 * 3 + acc_one % 11
acc_one += g34 % 7
g35 = 35 * 3 + acc_one % 11
acc_one += g35 % 7
g36 = 36 * 3 + acc_one % 11
acc_one += g36 % 7
g37 = 37 * 3 + acc_one % 11
acc_one += g37 % 7
acc_one += C30(g37).get() + f30(37) + f30(1)
g38 = 38 * 3 + acc_one % 11
acc_one += g38 % 7
g39 = 39 * 3 + acc_one % 11
acc_one += g39 % 7
