# wordcount.py — dict/list/set-heavy text statistics: generate a corpus from
# a fixed vocabulary, split and normalise words, count words, bigrams and
# letters with dicts (plain, setdefault, collections.Counter), build an
# inverted index of sets, and answer a few queries with set algebra.
import collections
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SENTENCES = max(100, int(40000 * SCALE))

VOCAB = ("the quick brown fox jumps over lazy dog while seven wizards quietly "
         "hex jovial kings and queens of far away lands study ancient maps "
         "river mountain forest castle dragon knight sword shield tower gold "
         "silver bridge harbour ship storm island treasure captain crew").split()


def corpus(n):
    state = 12345
    sents = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        length = 6 + state % 10
        words = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            w = VOCAB[(state >> 8) % len(VOCAB)]
            if state % 11 == 0:
                w = w.capitalize()
            words.append(w)
        sents.append(" ".join(words) + (", " if state % 3 == 0 else ". "))
    return sents


def normalise(sentence):
    return [w.strip(".,").lower() for w in sentence.split() if w.strip(".,")]


def main():
    sents = corpus(SENTENCES)
    counts = {}
    bigrams = {}
    index = {}
    lengths = collections.Counter()
    for sid, s in enumerate(sents):
        words = normalise(s)
        lengths[len(words)] += 1
        prev = None
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            index.setdefault(w, set()).add(sid)
            if prev is not None:
                key = (prev, w)
                if key in bigrams:
                    bigrams[key] += 1
                else:
                    bigrams[key] = 1
            prev = w
    letters = collections.Counter()
    for w, c in counts.items():
        for ch in w:
            letters[ch] += c
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("sentences", len(sents), "distinct", len(counts), "total", sum(counts.values()))
    print("top", top)
    print("top bigrams", top_bi)
    print("letters", "".join(ch for ch, _ in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("lengths", sorted(lengths.items()))
    both = index["dragon"] & index["gold"]
    either = index["ship"] | index["storm"]
    only = index["knight"] - index["sword"] - index["shield"]
    print("dragon&gold", len(both), "ship|storm", len(either), "knight-only", len(only))
    uniq = set()
    for s in sents[:2000]:
        uniq.update(zip(normalise(s), normalise(s)[1:]))
    print("distinct bigrams in first 2000", len(uniq), "of", len(bigrams))
    pal = sorted({w for w in counts if w == w[::-1]})
    print("palindromes", pal)


main()
