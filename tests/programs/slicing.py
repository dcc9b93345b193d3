# Slices: every combination of start/stop/step (negative too), slices of
# strings, tuples, ranges and bytes, slice assignment and deletion,
# slice objects.

seq = list(range(10))
print(seq[2:5], seq[:3], seq[7:], seq[-3:], seq[:-7], seq[::3], seq[::-2], seq[8:2:-2])
print(seq[100:], seq[-100:2], seq[5:5], "abcdef"[1:-1:2], (1, 2, 3, 4)[::-1])
print(range(20)[3:15:4], b"bytes"[1:3], seq[slice(1, 4)], seq[slice(None, None, 5)])
s = slice(2, 8, 3)
print(s.start, s.stop, s.step, s.indices(5))
seq[2:4] = ["a", "b", "c"]
print(seq)
seq[::3] = [0, 0, 0, 0]
print(seq)
del seq[1:3]
del seq[::2]
print(seq)
seq[:] = []
print(seq)
lo = 1
hi = 3
text = "slicing"
print(text[lo:hi], text[lo:], text[:hi], text[hi - 1:hi + 2])
