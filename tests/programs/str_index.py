# str[int] through the subscript fast path (runtime/ops.c,
# P2C_GetItemOther): one-character strings as unicode_getitem makes them
# (the cached ones below 256 are shared), IndexError and subclasses as
# CPython.
s = "héllo€😀"
print([s[i] for i in range(-len(s), len(s))])
print(s[1] == "é", id(s[1]) == id("é"[0]), id(s[0]) == id("abh"[2]))
for i in (len(s), -len(s) - 1, 2**70):
    try:
        s[i]
    except IndexError as e:
        print(type(e).__name__, e)


class S(str):
    def __getitem__(self, i):
        return "sub[%r]" % (i,)


print(S("abc")[0], "abc"[True], "abc"[2**70 % 3], "abc"[-1])
try:
    key = "x"
    "abc"[key]
except TypeError as e:
    print(e)
count = 0
text = "a b\tc\n" * 50
i = 0
while i < len(text):
    if text[i] in " \t\n":
        count += 1
    i += 1
print(count)
