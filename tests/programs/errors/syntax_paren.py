# A SyntaxError: printed exactly as python3 prints it.
values = (1,
          2
print(values)
