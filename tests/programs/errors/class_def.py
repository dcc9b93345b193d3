# A class definition is refused (line 4), even after supported code.
x = 1

class Point:
    pass
