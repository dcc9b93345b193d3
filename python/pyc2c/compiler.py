"""Finding and running the pyc2c executable for a wheel's modules.

The wheel's compiled modules are built for the interpreter that builds the
wheel (sys.executable): its tag (cp311-cp311-linux_x86_64) is that
interpreter's, so its modules must be too.
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))


class CompileError(Exception):
    """A module or package of the wheel could not be compiled; the message
    names it and says why (pyc2c's own error lines)."""


def installed_executable():
    """The pyc2c that `make install` put beside this package (recorded in
    _install.py then), or build/pyc2c of the source tree this package is
    in (python/pyc2c/ -> build/pyc2c); None when neither is there."""
    try:
        from pyc2c._install import PYC2C
    except ImportError:
        PYC2C = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "pyc2c")
    return PYC2C if os.access(PYC2C, os.X_OK) else None


def find_executable():
    """$PYC2C when set (it must then exist), else the pyc2c installed with
    this package, else `pyc2c` on PATH."""
    env = os.environ.get("PYC2C")
    if env:
        path = shutil.which(env)
        if path is None:
            raise CompileError("PYC2C=%s: no such executable" % env)
        return path
    path = installed_executable() or shutil.which("pyc2c")
    if path is None:
        raise CompileError("cannot find the pyc2c executable: set PYC2C, put pyc2c on "
                           "PATH, or install it with `make install`")
    return path


def ext_suffix():
    return sysconfig.get_config_var("EXT_SUFFIX")


def summary(output):
    """pyc2c's error lines, in one line.  A SyntaxError is shown by pyc2c
    as CPython shows it (File "...", line N, the source, the caret, the
    message), followed for a package member by "in module M: ... does not
    compile (the error above)": that becomes "[in module M: ]FILE:N:
    SyntaxError: message"."""
    lines = [l for l in output.splitlines() if l.strip()]
    errors = [l[len("pyc2c: error: "):] for l in lines if l.startswith("pyc2c: error: ")]
    where = what = None
    for l in lines:
        m = re.match(r'\s*File "(.*)", line (\d+)', l)
        if m:
            where = "%s:%s" % m.groups()
        elif re.match(r"[A-Za-z_.]*(Error|Exception|Warning): ", l):
            what = l
    if what:
        located = (where + ": " if where else "") + what
        above = [e for e in errors if e.endswith("(the error above)")]
        if above:
            errors.remove(above[0])
            head = above[0].split(": ")[0] + ": " if above[0].startswith("in module ") else ""
            errors.insert(0, head + located)
        elif not errors:  # a single module's SyntaxError comes alone
            errors = [located]
    return "; ".join(errors or lines[-3:])


def compile_unit(executable, name, source, output):
    """Compiles one module (source: NAME.py) or one whole package (source:
    its directory) named `name` into the extension module `output`.  pyc2c
    writes the output only when the build succeeded, so a failure leaves
    nothing behind; it raises CompileError with pyc2c's error lines."""
    cmd = [executable, "--module", "--module-name", name, "--python", sys.executable,
           "-o", output, source]
    jobs = os.environ.get("PYC2C_JOBS")
    if jobs:
        cmd[1:1] = ["-j", jobs]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise CompileError(summary(proc.stdout) or "exit status %d" % proc.returncode)
    if proc.stdout.strip():  # warnings
        sys.stderr.write(proc.stdout)
