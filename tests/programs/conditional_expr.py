# Conditional expressions, nested and inside calls, with side effects only on
# the branch taken.

def classify(n):
    return "negative" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "large"


def noisy(label, v):
    print("evaluated", label)
    return v


for n in [-3, 0, 4, 42]:
    print(n, classify(n))
print(noisy("yes", 1) if True else noisy("no", 2))
print(noisy("yes", 1) if [] else noisy("no", 2))
grade = 73
print("pass" if grade >= 50 else "fail", ("A" if grade > 90 else "B") if grade > 70 else "C")
print("odd" if grade % 2 else "even") if grade else print("no grade")
