# Binding errors of keyword-only parameters: CPython's messages.
def f(a, *, b, c=1):
    return a, b, c

print(f(1, b=2))
print(f(1, 2))
