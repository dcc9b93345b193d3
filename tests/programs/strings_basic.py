# Strings: concatenation, repetition, indexing (negative too), slicing with
# steps, methods, membership, iteration, comparisons, unicode.

s = "Hello, World"
print(s + "!", s * 2, s[0], s[-1], s[7:], s[:5], s[::2], s[::-1], s[-5:-1])
print(len(s), s.lower(), s.upper(), s.split(", "), s.replace("l", "L", 2))
print(s.find("World"), s.index("o"), s.count("l"), s.startswith("He"), s.endswith("x"))
print("-".join(["a", "b", "c"]), "  pad  ".strip(), "x".center(7, "*"), "42".zfill(5))
word = ""
for ch in "python":
    word = ch + word
print(word, "th" in "python", "TH" not in "python")
print("abc" < "abd", "Z" < "a", "é", "naïve".upper(), "日本語"[1], len("日本語"))
print(ord("A"), chr(955), "tab\there", repr("quote'\""), "a\\b")
parts = "one two  three".split()
print(parts, len(parts), "/".join(parts).title())
text = """multi
line"""
print(text.splitlines(), text.encode("utf-8"))
print(str(12) + str(3.5) + str(None) + str(True), "%s-%d-%.2f" % ("x", 7, 2.5))
