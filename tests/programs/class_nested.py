# Qualified names of nested classes and methods, classes made in
# functions, class bodies reading globals and builtins (LOAD_NAME), names
# declared global in a class body, locals()/vars() of a class body, del.

x = "global x"
counter = 0


class Outer:
    x = "class x"
    y = x + "!"

    class Inner:
        def method(self):
            return "inner"

        class Deepest:
            pass

    def method(self):
        return x   # a method sees the global, not the class's x


print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__)
print(Outer.Inner.method.__qualname__, Outer.method.__qualname__, Outer.Inner.Deepest.__module__)
print(Outer.y, Outer().method(), repr(Outer.Inner.Deepest)[:30])


def factory(n):
    class Local:
        size = 0

        def get(self):
            return self.size

    Local.size = n
    return Local


L = factory(3)
print(L.__qualname__, L.get.__qualname__, L().get(), factory(4)().get())


class UsesGlobal:
    global counter
    counter = counter + 1
    print("in body", counter, len("abcd"), x)
    snapshot = sorted(locals())
    temp = 1
    del temp
    names = sorted(vars())


print(counter, UsesGlobal.snapshot, UsesGlobal.names, hasattr(UsesGlobal, "counter"))


class Shadow:
    len = len
    print(len("xy"))
    x = 1
    x += 41
    print(x)


print(Shadow.x, x)


def make_global_class():
    global Made

    class Made:
        pass

    return Made


print(make_global_class().__qualname__)


class Doc:
    "docstring first"
    __doc__ += " (appended)"


print(Doc.__doc__)


class DelMissing:
    del undefined_name
