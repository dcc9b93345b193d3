# Assignment to a call is a SyntaxError.
f() = 3
