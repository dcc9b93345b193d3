# Custom exception classes (the most common class of all), raised from
# methods several frames deep: the traceback must match CPython's.


class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, message):
        Exception.__init__(self, field + ": " + message)
        self.field = field


class NotFound(AppError, LookupError):
    """Nothing there."""


print(AppError.__mro__, NotFound.__doc__)
e = ValidationError("age", "must be positive")
print(repr(e), str(e), e.field, e.args, isinstance(e, Exception))
print(issubclass(NotFound, LookupError), NotFound("k").args)


class Validator:
    def __init__(self, rules):
        self.rules = rules

    def check(self, record):
        for field in self.rules:
            self.check_field(record, field)
        return True

    def check_field(self, record, field):
        value = record[field]
        if value < 0:
            raise ValidationError(field, "must be positive, got " + str(value)) from NotFound(field)


v = Validator(["age", "height"])
print(v.check({"age": 3, "height": 10}))
v.check({"age": 3, "height": -1})
