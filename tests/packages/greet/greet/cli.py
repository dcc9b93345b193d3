import argparse
import sys

from greet import greet
from greetutil import banner


def main(argv=None):
    parser = argparse.ArgumentParser(prog="greet")
    parser.add_argument("name")
    parser.add_argument("--style", default="plain")
    args = parser.parse_args(argv)
    try:
        print(banner(greet(args.name, args.style)))
    except ValueError as e:
        print("greet: %s" % e, file=sys.stderr)
        return 2
    return 0
