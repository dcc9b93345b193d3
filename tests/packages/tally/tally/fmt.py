def table(counts):
    width = max((len(w) for w, _ in counts), default=0)
    return "\n".join("%-*s %d" % (width, w, n) for w, n in counts)
