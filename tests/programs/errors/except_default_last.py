# CPython's compiler (not its parser) rejects a bare except before others.
try:
    pass
except:
    pass
except ValueError:
    pass
