"""tests/pyversions.py — the Python interpreters of each target version
installed here, and the versions pyc2c supports (shared by tests/front/run
and tests/versions/run).

Debian's /usr/bin/python3 always; for 3.10, 3.12 and 3.13 pyenv's newest
build under ~/.pyenv/versions, else python3.N on PATH.
"""

import glob
import os
import re
import shutil
import subprocess


def interpreters():
    """([(path, "3.N")], [what is absent])"""
    found, absent = [], []
    cands = ["/usr/bin/python3"]
    for minor in (10, 12, 13):
        pyenv = sorted(glob.glob(os.path.expanduser(
            "~/.pyenv/versions/3.%d.*/bin/python3" % minor)))
        onpath = shutil.which("python3.%d" % minor)
        pick = pyenv[-1:] or ([onpath] if onpath else [])
        if pick:
            cands.append(pick[0])
        else:
            absent.append("3.%d" % minor)
    for py in cands:
        if not os.path.exists(py):
            absent.append(py)
            continue
        out = subprocess.run([py, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True)
        if out.returncode == 0:
            found.append((py, out.stdout.strip()))
    return found, absent


def supported(pyc2c):
    """The target versions `pyc2c --version` lists."""
    out = subprocess.run([pyc2c, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"targets: ([0-9. ]+)\)", out)
    return m.group(1).split() if m else []
