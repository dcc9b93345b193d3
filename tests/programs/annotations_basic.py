# Annotations, 3.11 semantics: evaluated at def time, module annotated
# assignments stored in __annotations__, function-level ones not evaluated.
import inspect

def log(v):
    print("evaluated", v)
    return v

def f(a: log("a"), b: log("b") = 1, *args: log("args"), c: log("c"), **kw: log("kw")) -> log("ret"):
    x: undefined_name_never_evaluated = 5
    y: int
    return x

print(f.__annotations__)
print(f(0, c=1))
print(inspect.signature(f))

def g(p: int, q: "str" = "s") -> None:
    pass

print(inspect.signature(g))
print(g.__annotations__)
print(inspect.get_annotations(g))
def no_annotations():
    pass
print(no_annotations.__annotations__)

count: int = 0
name: str
ratio: log("ratio") = 0.5
print(__annotations__)
print(count, ratio)

class_like = {}
class_like["k"]: log("subscript annotation") = 1
print(class_like)
obj = type("O", (), {})()
obj.attr: int = 3
print(obj.attr)
(paren): int = 4
print(paren, "paren" in __annotations__)
lam = lambda: 1
print(lam.__annotations__)
