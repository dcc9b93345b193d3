# raise SystemExit(None) exits with status 0 silently; output is flushed
# first.

import sys

print("partial line without newline", end="")
sys.stdout.write(" and more\n")
raise SystemExit(None)
