# sys.argv beyond the program name, sys.flags/path shapes a program may rely
# on, environment variables, stdout and stderr interleaving.

import os
import sys

print("args:", sys.argv[1:], len(sys.argv))
print("argv0 is a str:", isinstance(sys.argv[0], str))
print("HOME set:", "HOME" in os.environ, "PATH" in os.environ)
print("flags:", sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1))
print("stdout then", file=sys.stdout)
sys.stdout.flush()
print("stderr line", file=sys.stderr)
print("version ok:", sys.version_info[0] == 3, sys.maxsize > 2 ** 31)
