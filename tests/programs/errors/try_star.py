# try/except* (exception groups) is not compiled yet: refused, not miscompiled.
try:
    pass
except* ValueError:
    pass
