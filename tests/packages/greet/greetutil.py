"""A top-level module of the greet distribution (py_modules)."""


def banner(text):
    line = "-" * len(text)
    return "%s\n%s\n%s" % (line, text, line)
