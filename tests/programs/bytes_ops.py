# bytes: literals, indexing (ints), slicing, concatenation, methods, decode,
# bytearray mutation through subscripts.

b = b"hello\x00world"
print(b, len(b), b[0], b[-1], b[1:4], b[::3])
print(b + b"!", b * 2, b.upper(), b.split(b"\x00"), b.find(b"world"))
print(b"abc" < b"abd", b"ell" in b, 104 in b, bytes([65, 66, 67]))
print(b.hex(), bytes.fromhex("deadbeef"), "héllo".encode("utf-8").decode("utf-8"))
ba = bytearray(b"abc")
ba[0] = 65
ba += b"def"
ba[1:3] = b"XY"
del ba[-1]
print(ba, len(ba), bytes(ba))
total = 0
for byte in b"\x01\x02\x03":
    total += byte
print("sum", total)
