# try statements are refused.
def f():
    try:
        return 1
    except ValueError:
        return 2
