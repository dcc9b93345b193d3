# AttributeError on a misspelled method, uncaught: 3.11 suggests the right
# name in the traceback.

def build(items):
    result = []
    for i in items:
        result.appendd(i * 2)
    return result


print(build([]))
print(build([1]))
