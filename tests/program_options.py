"""The `# pyc2c-options: OPT...` line of a program test: the pyc2c options
it is compiled with (tests/programs/run; tests/fuzz/run gives them to the
test's mutants, which lose the comment)."""

import re

OPTIONS_LINE = re.compile(r'^# pyc2c-options: (.*?)\s*$', re.M)


def program_options(src):
    """The options a `# pyc2c-options:` line of the program src asks for."""
    if not src.endswith('.py'):
        return []
    with open(src) as f:
        return [o for line in OPTIONS_LINE.findall(f.read()) for o in line.split()]
