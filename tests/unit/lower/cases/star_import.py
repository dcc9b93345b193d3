# Star imports: IMPORT_NAME with fromlist ('*',), then IMPORT_STAR, at the
# statement's span (module code only: the symtable forbids it elsewhere).
from os import *
from os.path import *
from . import *
from ..pkg.mod import \
    *
