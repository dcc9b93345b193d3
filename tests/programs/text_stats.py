# Text processing: word frequencies with dicts, sorting by count then word,
# line and character statistics, string building, f-string tables.

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick end"""


def words_of(text):
    out = []
    for line in text.split("\n"):
        for w in line.split(" "):
            if w:
                out.append(w.lower())
    return out


def frequencies(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


def by_count(item):
    return (-item[1], item[0])


words = words_of(TEXT)
freq = frequencies(words)
ranked = sorted(freq.items(), key=by_count)
for word, count in ranked[:5]:
    print(f"{word:<6}{count:>3} {'*' * count}")
lines = TEXT.splitlines()
longest = max(lines, key=len)
print(len(lines), len(words), len(freq), repr(longest), sum(map(len, words)))
caps = ""
for w in words[:4]:
    caps += w.capitalize() + " "
print(caps.rstrip() + ".")
vowels = 0
for ch in TEXT:
    if ch in "aeiou":
        vowels += 1
print("vowels", vowels, "ratio", round(vowels / len(TEXT), 4))
