# A failing assert's traceback, across lines.
def validate(items):
    for i in items:
        assert (i % 2
                == 0), f"odd item {i}"


validate([2, 4, 5])
