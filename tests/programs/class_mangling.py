# Private name mangling: __x inside class C is _C__x for names, attributes,
# parameters, methods, nested classes; not for __dunder__ names; class names
# lose their leading underscores; functions nested in methods mangle too.

__secret = "module-level __secret"   # not mangled at module level


class Account:
    __rate = 0.05

    def __init__(self, owner, __pin):
        self.__owner = owner
        self.__pin = __pin
        self.__dict__["plain"] = 1

    def __check(self, pin):
        return pin == self.__pin

    def owner(self, pin):
        if self.__check(pin):
            return self.__owner
        return None

    def rate(self):
        return Account.__rate

    def __repr__(self):
        return "Account(" + self.__owner + ")"


a = Account("ann", 1234)
print(a.owner(1234), a.owner(1), a.rate(), repr(a))
print(sorted(vars(a)), a._Account__owner, hasattr(a, "__owner"))
print(sorted(Account.__dict__)[:4])
print(Account.__init__.__code__.co_varnames)


class _Under:
    __x = 1

    def get(self):
        return self.__x


class ___:
    __y = 2


print(_Under().get(), _Under._Under__x, ___.__dict__["__y"])


class Outer:
    __a = "outer a"

    class Inner:
        __b = "inner b"

        def read(self):
            return self.__b

    def read(self):
        return self.__a


print(Outer().read(), Outer.Inner().read(), Outer.Inner._Inner__b)
print("_Outer__a" in Outer.__dict__, "_Inner__b" in Outer.Inner.__dict__)


class Globals:
    value = __secret if False else 0

    def uses_global(self):
        return globals()["__secret"]


print(Globals().uses_global())


class Keys:
    def call(self, **kw):
        return sorted(kw)

    def run(self):
        return self.call(__kw=1)


print(Keys().run())
