# try/except/else/finally in their combinations, matching rules, except-as.
import sys


def attempt(kind):
    try:
        if kind == 1:
            raise ValueError("one")
        if kind == 2:
            raise KeyError("two")
        if kind == 3:
            {}["missing"]
        if kind == 4:
            1 / 0
        print("body ok", kind)
    except ValueError as e:
        print("ValueError", e, type(e).__name__)
    except (KeyError, ZeroDivisionError) as e:
        print("tuple handler", repr(e))
    else:
        print("else", kind)
    finally:
        print("finally", kind)


for k in range(5):
    attempt(k)


def bare(x):
    try:
        return 10 // x
    except:
        print("bare except:", sys.exc_info()[0].__name__)
        return -1


print(bare(2), bare(0))

# a subclass is caught by its base; the first matching handler wins
try:
    raise FileNotFoundError("nf")
except OSError as e:
    print("OSError caught", type(e).__name__)
except FileNotFoundError:
    print("never")

# except-as deletes the name at the end of the handler
try:
    raise ValueError("gone")
except ValueError as err:
    print("inside", err)
try:
    err
except NameError as e:
    print("after handler:", e)


def local_deleted():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return str(u)


print(local_deleted())

# nothing raised: handlers are skipped, else runs
try:
    x = 1
except Exception:
    print("no")
else:
    print("else after", x)

# nested try: the inner handler does not match, the outer one does
try:
    try:
        int("zz")
    except KeyError:
        print("wrong")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer got", e)
print(sys.exception())
