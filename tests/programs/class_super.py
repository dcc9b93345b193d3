# Zero-argument super() and __class__: the class body's __class__ cell,
# __classcell__ handed to type.__new__, cooperative multiple inheritance,
# super() in classmethods, __init_subclass__ and metaclasses, free
# variables of an enclosing function read by a class body (LOAD_CLASSDEREF).


class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base"]

    def hello(self):
        return "base " + self.name

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("subclass", cls.__name__)


class Left(Base):
    def __init__(self, name):
        super().__init__(name)
        self.log.append("Left")

    def hello(self):
        return "left+" + super().hello()


class Right(Base):
    def __init__(self, name):
        super().__init__(name)
        self.log.append("Right")

    def hello(self):
        return "right+" + super().hello()


class Diamond(Left, Right):
    def __init__(self, name):
        super().__init__(name)
        self.log.append("Diamond")

    def hello(self):
        return "diamond+" + super().hello()

    def klass(self):
        return __class__

    @classmethod
    def create(cls, name):
        obj = super().__new__(cls)
        obj.__init__(name)
        return obj

    @staticmethod
    def static_class():
        return __class__.__name__


d = Diamond("d")
print(d.hello(), d.log, d.klass() is Diamond, Diamond.static_class())
print(type(Diamond.create("c")).__name__, "__classcell__" in Diamond.__dict__)


class Sub(Diamond):
    def klass2(self):
        return __class__


print(Sub("s").klass() is Diamond, Sub("s").klass2() is Sub)


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("classcell in namespace:", "__classcell__" in ns)
        return super().__new__(mcs, name, bases, ns)

    def __call__(cls, *args):
        print("meta call", cls.__name__)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def who(self):
        return super().__repr__().split(" ")[0]


print(WithMeta().who())


class Prefilled(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {"other": "from the namespace"}


def outer(value, other):
    class Local:
        attr = value

        def get(self):
            return value, other

    class Shadowed(metaclass=Prefilled):
        seen = other   # LOAD_CLASSDEREF: the namespace wins over the cell

    return Local, Shadowed


L, S = outer(5, 6)
print(L.attr, L().get(), L.get.__qualname__, S.seen)


class Pathologies:
    """__class__ in class bodies (CPython issue #12370): a body's own name
    __class__, an outer __class__ read by a body, and the class cell."""

    def run(self):
        class X(Base):
            def hello(self):
                return super().hello()
            __class__ = 413

        class Y:
            y = __class__

            def f(self):
                return __class__

        print(X("x").hello(), X("x").__class__, Y.y is Pathologies, Y().f() is Y)


Pathologies().run()


class Dropper(type):
    def __new__(mcs, name, bases, ns):
        del ns["__classcell__"]
        return super().__new__(mcs, name, bases, ns)


class Broken(metaclass=Dropper):
    def f(self):
        return __class__
