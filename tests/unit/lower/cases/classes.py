# class: decorators, bases with *, keywords with **, body prologue, names
# of the body (NAME; global), methods' qualnames, nested classes, mangling.
@deco(1)
@other
class C(Base, *more, metaclass=Meta, flag=True, **kw):
    """The doc."""
    global counter
    attr = counter
    __private = 1

    def method(self, __arg):
        self.__value = __arg
        return self.__private

    class __Inner:
        def m(self):
            return __name

    del attr


def make():
    class Local(object):
        x: int = 1
    return Local


class _:
    __kept = 0



class Free:
    def get(self):
        return 1


class Sup(Free):
    def get(self):
        return super().get() + 1
