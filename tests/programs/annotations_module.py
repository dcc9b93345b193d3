# A module whose annotations sit in nested blocks still gets
# __annotations__ at its start; deleting it makes the next store fail.
print(sorted(__annotations__))
if True:
    first: int = 1
for i in range(1):
    second: list = []
print(__annotations__)
del __annotations__
third: str = "x"
