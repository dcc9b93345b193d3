# __file__ and co_filename: equal and naming this source file (for a
# compiled extension module, the .py beside the .so), so tracebacks,
# linecache, inspect and warnings show its lines and data files are found
# next to __file__.
import inspect
import linecache
import os
import sys
import traceback
import warnings


def fail(n):
    return 10 // n


def outer():
    def inner():
        return fail(0)
    return inner


class Shape:
    body_file = sys._getframe().f_code.co_filename

    def area(self):
        return sys._getframe().f_code.co_filename


def show_traceback():
    try:
        outer()()
    except ZeroDivisionError:
        traceback.print_exc(file=sys.stdout)


codes = [fail.__code__, outer.__code__, outer().__code__, Shape.area.__code__,
         (lambda: 0).__code__, sys._getframe().f_code]
print("co_filename == __file__:", [c.co_filename == __file__ for c in codes])
print("frames:", Shape.body_file == __file__, Shape().area() == __file__)
print("name:", os.path.basename(__file__), os.path.isabs(__file__))
print("spec beside:", __spec__ is None or
      os.path.dirname(__spec__.origin) == os.path.dirname(__file__))
with open(os.path.join(os.path.dirname(__file__), os.path.basename(__file__))) as f:
    print("first line:", f.readline().rstrip())
print("linecache:", linecache.getline(__file__, fail.__code__.co_firstlineno + 1).strip())
print("inspect:", inspect.getsourcefile(fail) == __file__,
      inspect.getsource(fail).splitlines())
print("stack:", [(os.path.basename(s.filename), s.name, s.line)
                 for s in traceback.extract_stack(limit=1)])
show_traceback()
warnings.warn("compiled or not")   # stderr: path:line: UserWarning, the line
# the loader gives the source too: linecache's lazy lookup (traceback's
# lookup_lines=False) finds the module's lines through it
if __name__ != "__main__":
    with open(__file__) as f:
        print("get_source:", __loader__.get_source(__name__) == f.read())
else:
    print("get_source:", True)
linecache.clearcache()
print("lazycache:", linecache.lazycache(__file__, globals()) or __name__ == "__main__",
      linecache.getline(__file__, 1).strip())
