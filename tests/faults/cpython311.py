#!/usr/bin/env python3
"""tests/faults/cpython311.py — the CPython defects of tests/faults/run's
CPYTHON_DEFECTS (and its tok_new case), shown on plain CPython, no pyc2c.

Each case is a few lines of Python run by the interpreter alone while
CPython's own fault injector (_testcapi.set_nomemory(n - 1, n): the n-th
allocation fails, once, as runtime/faults.c does for compiled programs)
walks n over the allocations of one statement.  A case is "reproduced" when
some n gives the defect's symptom: the walk proves that the symptom comes
from the interpreter, since nothing of pyc2c is loaded.

usage: tests/faults/cpython311.py [--python PY]
Prints one line per case; exit status 1 if a case did not reproduce (a
CPython that fixed the defect: then its CPYTHON_DEFECTS entry can go).
"""

import argparse
import subprocess
import sys

# Each walk runs in a fresh interpreter (a crash ends only that walk) and
# prints the first n showing the symptom, or nothing.
PRELUDE = '''
import _testcapi, sys, gc
def fail_once(n, action):
    _testcapi.set_nomemory(n - 1, n)
    try:
        action()
    except MemoryError:
        pass
    except SystemError as e:
        _testcapi.remove_mem_hooks()
        return str(e)
    finally:
        _testcapi.remove_mem_hooks()
'''

CASES = [
    ('MAKE_CELL leaks the arguments (ceval.c: resume_with_error after PyCell_New)',
     '''
def f(x, y):
    def g():
        return x
    return g
o = object()
for n in range(1, 50):
    before = sys.getrefcount(o)
    fail_once(n, lambda: f(o, o))
    gc.collect()
    if sys.getrefcount(o) != before:
        print("n=%d: references to an argument %d -> %d" % (n, before, sys.getrefcount(o)))
        break
'''),
    ('frame object of the caller (frame.c: take_ownership, _PyFrame_MakeAndSetFrameObject)',
     '''
class S:
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return i
def trial():           # a fresh caller frame, without a frame object yet
    return list(S())
for n in range(1, 200):
    e = fail_once(n, trial)
    if e and "returned NULL without setting an exception" in e:
        print("n=%d: SystemError: %s" % (n, e))
        break
'''),
    ('tok_new loses MemoryError (tokenizer.c)',
     '''
for n in range(1, 200):
    e = fail_once(n, lambda: eval("lambda a, b: (a, b)"))
    if e and "without setting an exception" in e:
        print("n=%d: SystemError: %s" % (n, e))
        break
'''),
]

# assemble_init's double free corrupts the heap: each n runs alone, the heap
# churned afterwards so that the block freed twice is handed out twice.  The
# source is parsed before the injection: only the compiler (AST to code)
# runs under it, not the tokenizer.
ASSEMBLE = ('assemble_init frees twice (compile.c)', '''
import ast
n = int(sys.argv[1])
tree = ast.parse("lambda a, b: (a, b)", mode="eval")
fail_once(n, lambda: compile(tree, "<s>", "eval"))
junk = [str(i) * 3 for i in range(100000)]
del junk
''')

# fstring_compile_expr dereferences the parser it failed to make: a
# SIGSEGV, so each n runs alone as above.
FSTRING = ('fstring_compile_expr uses a NULL parser (string_parser.c)', '''
n = int(sys.argv[1])
fail_once(n, lambda: compile('f"({a!r})"', "<s>", "eval"))
''')


def run(python, code, *args):
    return subprocess.run([python, '-c', PRELUDE + code] + list(args),
                          capture_output=True, text=True, timeout=120)


def first_signal(python, case, limit):
    """'n=N: killed by signal S' for the first n that kills the case's
    interpreter, or ''."""
    for n in range(1, limit):
        p = run(python, case[1], str(n))
        if p.returncode < 0:
            return 'n=%d: killed by signal %d' % (n, -p.returncode)
    return ''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--python', default='python3')
    python = ap.parse_args().python
    missing = 0
    results = [(name, run(python, code).stdout.strip()) for name, code in CASES]
    results.append((ASSEMBLE[0], first_signal(python, ASSEMBLE, 400)))
    results.append((FSTRING[0], first_signal(python, FSTRING, 200)))
    for name, shown in results:
        print('%-12s %s%s' % ('reproduced' if shown else 'NOT SEEN', name,
                              ': ' + shown if shown else ''))
        missing += not shown
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
