# try/except/else/finally, except-as deletion, bare raise
def f(x):
    try:
        g(x)
    except ValueError as e:
        print(e)
    except (KeyError, IndexError):
        raise
    except:
        pass
    else:
        return 1
    finally:
        print("done")


for i in range(3):
    try:
        continue
    finally:
        break
