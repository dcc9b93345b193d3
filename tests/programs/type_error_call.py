# Calling something that is not callable, and a unary op on a bad type:
# the first is uncaught.

values = {"a": 1}
func = values.get
print(func("a"), -values["a"], ~5)
handler = values["a"]
print(handler(2))
