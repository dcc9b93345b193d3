"""Helper of multifile_big.py: module two (generated)."""
acc_two = 0
g0 = 0 * 3 + acc_two % 11
acc_two += g0 % 7
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
g1 = 1 * 3 + acc_two % 11
acc_two += g1 % 7
g2 = 2 * 3 + acc_two % 11
acc_two += g2 % 7
g3 = 3 * 3 + acc_two % 11
acc_two += g3 % 7
g4 = 4 * 3 + acc_two % 11
acc_two += g4 % 7
g5 = 5 * 3 + acc_two % 11
acc_two += g5 % 7
g6 = 6 * 3 + acc_two % 11
acc_two += g6 % 7
g7 = 7 * 3 + acc_two % 11
acc_two += g7 % 7
acc_two += C0(g7).get() + f0(7) + f0(1)
g8 = 8 * 3 + acc_two % 11
acc_two += g8 % 7
g9 = 9 * 3 + acc_two % 11
acc_two += g9 % 7
g10 = 10 * 3 + acc_two % 11
acc_two += g10 % 7
g11 = 11 * 3 + acc_two % 11
acc_two += g11 % 7
g12 = 12 * 3 + acc_two % 11
acc_two += g12 % 7
g13 = 13 * 3 + acc_two % 11
acc_two += g13 % 7
g14 = 14 * 3 + acc_two % 11
acc_two += g14 % 7
g15 = 15 * 3 + acc_two % 11
acc_two += g15 % 7
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
g16 = 16 * 3 + acc_two % 11
acc_two += g16 % 7
g17 = 17 * 3 + acc_two % 11
acc_two += g17 % 7
g18 = 18 * 3 + acc_two % 11
acc_two += g18 % 7
g19 = 19 * 3 + acc_two % 11
acc_two += g19 % 7
g20 = 20 * 3 + acc_two % 11
acc_two += g20 % 7
g21 = 21 * 3 + acc_two % 11
acc_two += g21 % 7
g22 = 22 * 3 + acc_two % 11
acc_two += g22 % 7
acc_two += C15(g22).get() + f15(22) + f15(1)
g23 = 23 * 3 + acc_two % 11
acc_two += g23 % 7
g24 = 24 * 3 + acc_two % 11
acc_two += g24 % 7
g25 = 25 * 3 + acc_two % 11
acc_two += g25 % 7
g26 = 26 * 3 + acc_two % 11
acc_two += g26 % 7
g27 = 27 * 3 + acc_two % 11
acc_two += g27 % 7
g28 = 28 * 3 + acc_two % 11
acc_two += g28 % 7
g29 = 29 * 3 + acc_two % 11
acc_two += g29 % 7
g30 = 30 * 3 + acc_two % 11
acc_two += g30 % 7
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
g31 = 31 * 3 + acc_two % 11
acc_two += g31 % 7
g32 = 32 * 3 + acc_two % 11
acc_two += g32 % 7
g33 = 33 * 3 + acc_two % 11
acc_two += g33 % 7
g34 = 34 * 3 + acc_two % 11
acc_two += g34 % 7
g35 = 35 * 3 + acc_two % 11
acc_two += g35 % 7
g36 = 36 * 3 + acc_two % 11
acc_two += g36 % 7
g37 = 37 * 3 + acc_two % 11
acc_two += g37 % 7
acc_two += C30(g37).get() + f30(37) + f30(1)
g38 = 38 * 3 + acc_two % 11
acc_two += g38 % 7
g39 = 39 * 3 + acc_two % 11
acc_two += g39 % 7
