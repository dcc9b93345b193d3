# A class binds a name that its methods read from the enclosing function
# (DEF_FREE_CLASS): the body uses its namespace, the methods the outer cell.
def test():
    method_and_var = "var"
    class Test:
        def method_and_var(self):
            return "method"
        def test(self):
            return method_and_var
        def actual_global(self):
            return str("global")
        def str(self):
            return str(self)
        x = method_and_var
    return Test()
t = test()
print(t.test(), t.method_and_var(), t.actual_global(), t.x.__name__)
print(type(t).__dict__.keys())
