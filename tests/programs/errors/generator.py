# yield (generators) is refused.
def count():
    yield 1
