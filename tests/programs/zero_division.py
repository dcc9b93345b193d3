# ZeroDivisionError in a binary operation inside nested calls, uncaught: the
# traceback points at the operator with ~~~^^^ markers.

def ratio(a, b):
    return a / b


def average(values):
    return ratio(sum(values), len(values))


def report(groups):
    for name in groups:
        print(name, average(groups[name]))


report({"a": [1, 2, 3], "b": [10]})
report({"c": [4, 4], "empty": []})
