x = 1
with a:
    pass
