# from m import * inside a function is CPython's SyntaxError (symtable).
def f():
    from os.path import *
