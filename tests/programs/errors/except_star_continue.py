# CPython's compiler: no continue out of an except* clause.
while True:
    try:
        pass
    except* ValueError:
        continue
