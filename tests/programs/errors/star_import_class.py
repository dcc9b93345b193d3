# from m import * in a class body is a SyntaxError too: module level only.
class C:
    from os.path import *
