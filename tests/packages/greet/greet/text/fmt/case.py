def shout(text):
    return text.upper()


def whisper(text):
    return text.lower()


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1
        return self

    def most_common(self):
        return max(self.counts.items(), key=lambda kv: (kv[1], kv[0]))
