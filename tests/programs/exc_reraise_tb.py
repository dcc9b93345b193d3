# A bare raise keeps the traceback; the frame's entry is not duplicated.
import sys


def inner():
    raise ValueError("deep")


def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising", file=sys.stderr)
        raise


def outer():
    try:
        middle()
    finally:
        print("outer finally", file=sys.stderr)


outer()
