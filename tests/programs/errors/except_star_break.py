# CPython's compiler: no break out of an except* clause (a loop inside it may).
for i in range(3):
    try:
        pass
    except* ValueError:
        for j in range(2):
            break
        break
