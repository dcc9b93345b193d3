# and / or / not: values returned (not just bools), short-circuit evaluation
# with side effects, truthiness of containers and numbers.

log = []


def t(name, v):
    log.append(name)
    return v


print(t("a", 0) and t("b", 1))
print(t("c", 2) and t("d", 3))
print(t("e", "") or t("f", []) or t("g", "last"))
print(t("h", "first") or t("i", 1))
print(log)
print(not 0, not [], not [0], not "", not "x", not None, not 0.0, not 1j)
print([] or {} or () or "fallback", 1 and 2 and 3, 1 and 0 and 3)
values = [0, 1, "", "a", None, [], [None], {}, {0: 0}, 0.0, -1]
for v in values:
    if v:
        print(repr(v), "truthy")
    elif not v:
        print(repr(v), "falsy")
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not (x == 5 or x == 6))
