from collections import Counter


def count(words):
    """(word, n) pairs, most common first, then alphabetical."""
    c = Counter(w.lower() for w in words)
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
