# Warnings CPython's compiler gives about this file ("is" with a literal,
# an assertion on a tuple, an invalid escape sequence) are printed when the
# program starts (or the module is imported), before anything runs, under
# the running filters; a filter that makes them errors turns them into the
# SyntaxError CPython raises.
import os
import subprocess
import sys

print("body starts")
x = 1
if x is 1:
    print("one")
assert (x, "always true")
path = "C:\data\files"   # DeprecationWarning, ignored by the default filters


def check(v):
    return v is not ()


print(check(x), path)

if __name__ == "__main__" and os.environ.get("CHILD") is None:
    # Run this program again with other filters: as source under python3,
    # the executable itself when compiled (argv[0] is then the executable).
    me = sys.argv[0]
    cmd = [sys.executable, me] if me.endswith(".py") else [me]
    for filters in ("default", "error", "error::SyntaxWarning", "ignore",
                    "ignore::SyntaxWarning,error::DeprecationWarning"):
        env = dict(os.environ, CHILD="1", PYTHONWARNINGS=filters)
        p = subprocess.run(cmd, env=env, capture_output=True, text=True)
        print("--", filters, "exit", p.returncode)
        print(p.stdout + p.stderr.replace(os.path.abspath(__file__), "FILE")
              .replace(__file__, "FILE"), end="")
