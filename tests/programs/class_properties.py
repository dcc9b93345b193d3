# property (getter, setter, deleter), staticmethod, classmethod, and
# descriptors defined as classes.


class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._celsius = celsius

    def get_f(self):
        return self._celsius * 9 / 5 + 32

    def set_f(self, value):
        self._celsius = (value - 32) * 5 / 9

    fahrenheit = property(get_f, set_f, None, "degrees F")

    @property
    def celsius(self):
        """degrees C"""
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._celsius = None

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @classmethod
    def describe(cls, extra):
        return cls.__name__ + " in " + cls.scale + extra


class Kelvin(Temperature):
    scale = "K"


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
del t.celsius
print(t.celsius)
print(Temperature.convert(10), t.convert(20))
f = Kelvin.freezing()
print(type(f).__name__, f.celsius, Kelvin.describe("!"), t.describe("?"))
print(Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__)
print(type(Temperature.__dict__["convert"]).__name__, type(Temperature.__dict__["freezing"]).__name__)


class Typed:
    def __init__(self, kind):
        self.kind = kind
        self.name = None

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(self.name + " must be " + self.kind.__name__)
        obj.__dict__[self.name] = value


class Point:
    x = Typed(int)
    y = Typed(int)

    def __init__(self, x, y):
        self.x = x
        self.y = y


pt = Point(3, 4)
print(pt.x, pt.y, Point.x.name, Point.y.kind)
pt.x = "three"
