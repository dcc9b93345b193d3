# sys.exit with an integer code from inside a function, after output on both
# streams: the exit status is the code, nothing else is printed.

import sys


def finish(code):
    print("finishing with", code)
    print("a warning on stderr", file=sys.stderr)
    sys.exit(code)


finish(3)
print("not reached")
