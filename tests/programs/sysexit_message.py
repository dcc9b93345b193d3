# sys.exit with a string: the message goes to stderr, the exit status is 1.

import sys

values = [3, 1, 2]
if sorted(values) != [1, 2, 3]:
    sys.exit(0)
print("checked", values)
sys.exit("fatal: configuration missing")
