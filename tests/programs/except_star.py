# try/except*: splitting groups clause by clause, naked exceptions wrapped,
# what the clauses see (as e, sys.exception()), raise and bare raise inside
# them, what is re-raised at the end, else/finally, and the TypeErrors.
# skip-on-python: 3.10 except* is 3.11 syntax (3.10 has no exception groups)
import sys


def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(f"{indent}{type(e).__name__}({e.message!r}) [")
        for sub in e.exceptions:
            show(sub, indent + "  ")
        print(f"{indent}]")
    else:
        print(f"{indent}{type(e).__name__}({e})")


def run(label, body):
    print("==", label)
    try:
        body()
    except BaseException as e:
        print("escaped:")
        show(e, "  ")
        print("  context:", type(e.__context__).__name__, "cause:", type(e.__cause__).__name__)


def simple():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("ValueError clause:")
        show(e, "  ")
        print("  sys.exception() is e:", sys.exception() is e)
        print("  exc_info:", sys.exc_info()[0].__name__)
    except* TypeError as e:
        print("TypeError clause:")
        show(e, "  ")
    print("after: e unbound:", "e" not in locals())


run("simple", simple)


def naked():
    try:
        raise KeyError("k")
    except* KeyError as e:
        print("naked wrapped:", repr(e), type(e).__name__, e.__traceback__ is None)
        print("  leaf tb kept:", e.exceptions[0].__traceback__ is not None)


run("naked", naked)


def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")


run("naked unmatched", naked_unmatched)


def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled ValueError part")


run("partial: rest re-raised", partial)


def raise_in_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("from clause") from e
    except* TypeError:
        raise KeyError("second")


run("raise in clauses", raise_in_clause)


def bare_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        pass


run("bare raise", bare_raise)


def bare_raise_naked():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


run("bare raise of naked", bare_raise_naked)


def else_finally(fail):
    try:
        if fail:
            raise ExceptionGroup("eg", [ValueError(fail)])
        print("body ok")
    except* ValueError as e:
        print("caught", e.exceptions)
    else:
        print("else runs")
    finally:
        print("finally runs")


run("else/finally ok", lambda: else_finally(0))
run("else/finally fail", lambda: else_finally(5))


def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), IndexError(4)])
    except* (ValueError, TypeError) as e:
        show(e)
    except* LookupError as e:
        show(e)


run("tuple and base class", tuple_types)


def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        print("no")


run("except* ExceptionGroup", bad_type)


def bad_type_tuple():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        print("no")


run("except* (…, BaseExceptionGroup)", bad_type_tuple)


def not_a_class():
    try:
        raise ValueError(1)
    except* 42:
        print("no")


run("except* 42", not_a_class)


def type_evaluated_in_order():
    def t(name, cls):
        print("  evaluating", name)
        return cls
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* t("first", ValueError):
        print("  first clause")
    except* t("second", TypeError):
        print("  second clause")


run("types evaluated", type_evaluated_in_order)


def nothing_raised():
    try:
        x = 1
    except* ValueError:
        print("no")
    return x


run("nothing raised", nothing_raised)


def base_exceptions():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("caught", type(e).__name__, e.exceptions)


run("base exception group", base_exceptions)


def context_of_raised():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("inner context is the match:", k.__context__ is e)


run("context", context_of_raised)


def handled_restored():
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            print("inside:", type(sys.exception()).__name__)
        print("restored:", repr(sys.exception()))


run("handled restored", handled_restored)


def loop_in_clause():
    out = []
    try:
        raise ExceptionGroup("eg", [ValueError(i) for i in range(4)])
    except* ValueError as e:
        for sub in e.exceptions:
            if sub.args[0] == 2:
                break
            out.append(sub.args[0])
    return out


run("loop in clause", lambda: print(loop_in_clause()))


def derive_group():
    class MyGroup(ExceptionGroup):
        def derive(self, excs):
            print("  derive", len(excs))
            return MyGroup(self.message + "*", excs)
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("got", type(e).__name__, e.message)


run("derive", derive_group)


def notes():
    eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    eg.add_note("a note")
    try:
        raise eg
    except* ValueError as e:
        print("match notes", e.__notes__, e.__notes__ is eg.__notes__)


run("notes", notes)


# uncaught: raised in one clause, another part re-raised
def uncaught():
    try:
        raise ExceptionGroup("top", [ValueError("v"), TypeError("t"), OSError("o")])
    except* ValueError:
        raise KeyError("from handler")
    except* TypeError:
        raise


# one exception raised from a clause that handled everything: 3.11.3 and
# earlier wrap it in ExceptionGroup(""), later ones raise it as it is
# (gh-103590); a second one,
# or a re-raised rest beside it, makes a group on both
def raise_one(extra):
    try:
        try:
            raise ExceptionGroup("eg", [TypeError(1), ValueError(2)])
        except* TypeError:
            raise SyntaxError(3)
        except* ValueError:
            if extra:
                raise KeyError(4)
    except BaseException as e:
        print(type(e).__name__, repr(e), repr(e.__context__))


raise_one(False)
raise_one(True)


uncaught()
