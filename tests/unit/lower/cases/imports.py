# Imports: IMPORT_NAME and IMPORT_FROM as CPython 3.11 emits them.
import os
import os.path
import a.b.c
import a.b.c as d
import os as o, sys
from os import path
from os import path as p, sep
from . import x
from .. import y as z
from .m import n
from ...pkg.mod import q as r
