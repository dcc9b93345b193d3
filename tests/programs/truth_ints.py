# The truth of an exact int is read from its digits (P2C_IsTrue); bools,
# int subclasses with their own __bool__ and other objects keep theirs.


class Flag(int):
    def __bool__(self):
        print('  Flag.__bool__', int(self))
        return int(self) % 2 == 1


def truths(values):
    for v in values:
        if v:
            print(repr(v), 'true')
        else:
            print(repr(v), 'false')
        print(' not:', not v, ' and:', v and 'rhs', ' or:', v or 'rhs')


truths([0, 1, -1, 2**30, -2**30, 2**60, -(2**100), 10**400 - 10**400, True, False,
        Flag(0), Flag(3), Flag(4), 0.0, -0.0, '', 'x', [], [0], None])

k = 5
steps = 0
while k:
    k -= 1
    steps += 1
print('loop ran', steps)
big = 2**64
while big:
    big >>= 16
    print('big', big)
