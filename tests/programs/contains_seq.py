# `x in seq` for exact lists and tuples, whose comparisons of the same
# object, small exact ints and exact strs are made inline: every other item
# is compared the real way, in order, with the list read again after each.
import sys


def show(label, seq, x):
    print(label, x in seq, x not in seq)


ints = [3, 1, 4, 1, 5, 9, 2, 6]
show('int found', ints, 5)
show('int missing', ints, 7)
show('negative', [-3, -2, -1], -2)
show('zero', (0,), 0)
show('big', [2 ** 70, 2 ** 64], 2 ** 64)
show('big vs small', [1, 2 ** 70], 2 ** 70 + 0)
show('float in ints', ints, 5.0)
show('int in floats', [1.5, 2.0], 2)
show('bool', [0, 1], True)
show('bool missing', [2, 3], False)
nan = float('nan')
show('nan same object', [nan], nan)
show('nan other object', [float('nan')], nan)
show('str', ['ab', 'cd', 'é', '\U0001f600'], 'c' + 'd')
show('str missing', ('ab', 'cd'), 'ef')
show('str kinds', ['é'], 'e')
show('bytes', [b'a', b'b'], b'b')
show('empty list', [], 1)
show('empty tuple', (), 1)
show('tuple', (1, 'a', None), None)
show('mixed', ['1', 1.0, 1], 1)


class S(str):
    def __eq__(self, other):
        print('  S.__eq__', str.__str__(self), other)
        return str.__eq__(self, other)
    __hash__ = str.__hash__


show('str subclass item', ['x', S('y'), 'z'], 'z')
show('str subclass needle', ['x', 'y'], S('y'))


class L(list):
    def __contains__(self, x):
        print('  L.__contains__', x)
        return True


show('list subclass', L([1]), 2)


class Eq:
    def __init__(self, name, answer):
        self.name, self.answer = name, answer

    def __eq__(self, other):
        print('  Eq', self.name, other)
        return self.answer


show('user eq in order', [1, Eq('a', False), 2, Eq('b', True), 3], 3)
show('user eq truthy', [Eq('c', [0])], 99)
show('user eq falsy', [Eq('d', [])], 99)

# A comparison that shrinks the list: the rest is read again.
victims = [1, 2, 3, 4, 5]


class Shrink:
    def __eq__(self, other):
        del victims[2:]
        print('  shrunk to', len(victims), victims[1:])
        return False


victims.insert(0, Shrink())
show('shrinking', victims, 4)
print(len(victims), victims[1:])


class Boom:
    def __eq__(self, other):
        raise ValueError('boom %r' % (other,))


for seq in ([1, Boom(), 2], (1, Boom(), 2)):
    try:
        print(2 in seq)
    except ValueError as e:
        print(type(seq).__name__, 'ValueError', e)
print(1 in [1, Boom()])


def branchy(seq, x):
    if x in seq:
        return 'in'
    elif x not in seq:
        return 'out'


print(branchy(ints, 9), branchy(ints, 10), branchy(('a',), 'a'))

# At the recursion limit the comparison itself fails, as in the interpreter
# (3.11 on: "... in comparison" from the deepest frame, not the next call).
sys.setrecursionlimit(300)


def deep(n):
    if 7 in ints:
        return n
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print('RecursionError', e)
