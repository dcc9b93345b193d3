# Classes: inheritance, methods, class and instance attributes, repr/str,
# __module__, __qualname__, __doc__, isinstance/issubclass, the MRO.


class Animal:
    """An animal."""
    kind = "animal"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return self.name + " says " + self.sound

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name):
        Animal.__init__(self, name, "woof")
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def __str__(self):
        return "Dog " + self.name + " knows " + ", ".join(self.tricks)


class Puppy(Dog):
    pass


a = Animal("generic")
d = Dog("rex")
d.add_trick("sit").add_trick("roll")
p = Puppy("bit")
print(a.speak(), d.speak(), p.speak(), sep=" | ")
print(repr(a), repr(d), p)
print(str(d))
print(Animal.count, a.kind, d.kind, p.kind, Puppy.kind)
print(Animal.__doc__, Dog.__doc__, Animal.__module__, Dog.__qualname__)
print(Animal.__name__, Puppy.__mro__)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal))
print(type(d) is Dog, type(Animal), Dog.__bases__)
print(Animal.speak.__qualname__, Dog.__init__.__qualname__, Dog.add_trick.__name__)
print(sorted(Animal.__dict__.keys()))
print(d.__dict__, Animal.speak(d), Dog.speak is Animal.speak)
m = d.speak
print(m(), m.__self__ is d, m.__func__ is Animal.speak)
d.kind = "instance"
print(d.kind, Dog.kind)
del d.kind
print(d.kind)


class Empty:
    pass


e = Empty()
e.x = 5
print(e.x, Empty.__doc__, Empty.__qualname__, type(e).__name__)
print(vars(e), Empty.__module__)
