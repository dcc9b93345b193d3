try:
    f()
except E:
    pass
