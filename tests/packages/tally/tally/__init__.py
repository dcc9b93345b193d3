import sys

from tally.core import count
from tally.fmt import table


def main():
    words = " ".join(sys.argv[1:]).split()
    print(table(count(words)))
