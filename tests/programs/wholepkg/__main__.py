import sys

from wholepkg import core

print("main of wholepkg:", __name__, __package__, core.area(2, 3))
sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
