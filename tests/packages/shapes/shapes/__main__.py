import sys

from shapes import named


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print("usage: shapes NAME...", file=sys.stderr)
        return 2
    for name in argv:
        try:
            shape = named(name)
        except LookupError as e:
            print("shapes: %s" % e.args[0], file=sys.stderr)
            return 1
        print("%s: area %.3f perimeter %.3f" % (name, shape.area(), shape.perimeter()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
