# parse_helper.py -- run by the TARGET interpreter (python -I -S -c ...) as
# pyc2c's front end: it checks each file exactly as `python FILE` would, and
# returns its AST, symbol table and compile-time facts as plain data.
#
# Protocol (docs/front.md): binary pipes.  pyc2c writes a request: a 4-byte
# little-endian length, then b"P" and the file's absolute path (file-system
# bytes) to parse, or b"M" and a marshalled (constant table, indexes of code
# descriptions in it) to marshal in this version's format.  The
# helper answers with an 8-byte little-endian length and a marshal blob
# (format 4: tuples, lists, dicts, str, bytes, ints, floats, complex, None,
# Ellipsis -- read alike by every Python from 3.10 on).  The first answer,
# sent unasked, is the header: the version and the tables the C side needs
# to read the rest by name rather than by this version's layout.
#
# Must run on every supported target (3.10 to 3.13) unchanged.
import sys, gc, marshal, ctypes, operator, _ast, _symtable, warnings, io

MARSHAL_VERSION = 4


class Stopped(Exception):
    """Raised by the audit hook: compiled, not run."""


state = {"file": None, "code": None}


def stop_before_exec(event, args):
    # `python FILE` compiles the module, then audits "exec" before running
    # it: stopping there has the interpreter's own route report every error
    # of the tokenizer, parser, symtable and compiler, exactly as it would.
    if event == "exec" and state["file"] is not None and args \
            and type(args[0]).__name__ == "code" and args[0].co_filename == state["file"]:
        state["code"] = args[0]
        raise Stopped


# ---- the AST as tuples -------------------------------------------------------

def node_classes():
    out = []
    for name in dir(_ast):
        cls = getattr(_ast, name)
        if isinstance(cls, type) and issubclass(cls, _ast.AST) and cls is not _ast.AST:
            out.append(cls)
    return out


CLASSES = node_classes()
INDEX = {cls: i for i, cls in enumerate(CLASSES)}
FIELDS = [tuple(cls._fields) for cls in CLASSES]
HAS_POS = [bool(getattr(cls, "_attributes", ())) for cls in CLASSES]
POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")
# per class: a C getter of (positions..., fields...), or the constant tuple
# of a class with neither (operators, contexts)
GETTERS = [operator.attrgetter(*((POSITIONS if HAS_POS[i] else ()) + FIELDS[i]))
           if HAS_POS[i] or len(FIELDS[i]) > 1 else
           (lambda n, f=FIELDS[i][0]: (getattr(n, f),)) if FIELDS[i] else None
           for i in range(len(CLASSES))]
AST = _ast.AST


def node(n):
    # (class index, [lineno, col, end_lineno, end_col,] field values...) in
    # the order of the class's _fields
    i = INDEX[type(n)]
    get = GETTERS[i]
    if get is None:
        return (i,)
    out = [i]
    for v in get(n):
        if isinstance(v, AST):
            v = node(v)
        elif type(v) is list:
            v = [node(x) if isinstance(x, AST) else x for x in v]
        out.append(v)
    return tuple(out)


# ---- the symbol table --------------------------------------------------------

def scope(t):
    return (t.name, t.type, t.lineno, dict(t.symbols), [scope(c) for c in t.children])


def symtable_consts():
    names = ("SCOPE_OFF", "SCOPE_MASK", "TYPE_CLASS", "TYPE_MODULE", "DEF_GLOBAL",
             "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE", "DEF_FREE",
             "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "LOCAL", "GLOBAL_EXPLICIT",
             "GLOBAL_IMPLICIT", "FREE", "CELL")
    d = {n: getattr(_symtable, n) for n in names}
    # not exported; it follows DEF_ANNOT from 3.10 to 3.13 (pycore_symtable.h)
    d["DEF_COMP_ITER"] = d["DEF_ANNOT"] << 1
    return d


# ---- what only the compiler knows ---------------------------------------------

def code_facts(co, qualname, out):
    # (qualname, firstlineno, co_stacksize, co_names, consts, shape) of every
    # code object, depth first; 3.10 has no co_qualname: built as the
    # compiler builds it.  consts is co_consts as (0, constant) or (1, index
    # in out of the nested code's facts); shape is what a stub of a code
    # pyc2c has no function for needs (src/lower/stacksizes.c).
    at = len(out)
    out.append(None)
    consts = []
    for i, c in enumerate(co.co_consts):
        if type(c) is type(co):
            after = co.co_consts[i + 1] if i + 1 < len(co.co_consts) else None
            if hasattr(c, "co_qualname"):
                q = None
            elif type(after) is str:
                q = after   # 3.10: MAKE_FUNCTION's qualname follows the code
            elif qualname == "<module>":
                q = c.co_name
            else:
                q = qualname + (".<locals>." if co.co_flags & 0x2 else ".") + c.co_name
            consts.append((1, len(out)))
            code_facts(c, q, out)
        else:
            consts.append((0, c))
    shape = (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
             co.co_flags, co.co_varnames, co.co_cellvars, co.co_freevars, co.co_name)
    out[at] = (getattr(co, "co_qualname", qualname), co.co_firstlineno,
               co.co_stacksize, tuple(co.co_names), tuple(consts), shape)
    return out


def cut_at_null_bytes(src):
    # 3.11.2 and earlier end a line read from a file at a null byte (the rest
    # of the line vanishes); compile() refuses null bytes: give it that text
    if b"\0" not in src:
        return src
    lines = src.split(b"\n")
    lines = [line + b"\n" for line in lines[:-1]] + lines[-1:]
    return b"".join(line.split(b"\0", 1)[0] for line in lines)


def decode_source(src):
    import importlib.util
    return importlib.util.decode_source(src)


def stderr_bytes(text):
    err = sys.__stderr__
    return text.encode(err.encoding or "utf-8", err.errors or "backslashreplace")


# ---- one file ----------------------------------------------------------------

PyRun = ctypes.pythonapi.PyRun_FileExFlags
PyRun.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object,
                  ctypes.py_object, ctypes.c_int, ctypes.c_void_p]
PyRun.restype = ctypes.py_object
libc = ctypes.CDLL(None)
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.fopen.restype = ctypes.c_void_p


PY_FILE_INPUT = 257     # Py_file_input (Include/compile.h), as `python FILE`


class CompilerFlags(ctypes.Structure):
    _fields_ = [("cf_flags", ctypes.c_int), ("cf_feature_version", ctypes.c_int)]


def check_like_python(path_bytes, path):
    """(error or None, what `python FILE` prints on stderr as bytes, the
    warnings about the file)."""
    fp = libc.fopen(path_bytes, b"rb")
    if not fp:
        raise OSError(ctypes.get_errno(), "cannot open")
    flags = CompilerFlags(0, sys.version_info[1])
    state["file"], state["code"] = path, None
    shown = io.StringIO()
    saved = sys.stderr
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        try:
            PyRun(fp, path_bytes, PY_FILE_INPUT, {}, {}, 1, ctypes.addressof(flags))
            error = None
        except Stopped:
            error = None
        except BaseException as e:
            error = e
    state["file"] = None
    kept = []
    sys.stderr = shown
    try:
        # issued again under the default filters, as `python FILE` shows
        # them while compiling; the program prints them again at start (kept)
        for w in log:
            if w.filename == path and w.category in (SyntaxWarning, DeprecationWarning):
                kept.append((w.category.__name__, str(w.message), w.lineno))
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        if error is not None and not isinstance(error, MemoryError):
            # the traceback's first entry is this function (the ctypes call)
            tb = error.__traceback__.tb_next
            sys.__excepthook__(type(error), error.with_traceback(tb), tb)
    finally:
        sys.stderr = saved
    return error, stderr_bytes(shown.getvalue()), tuple(kept)


def parse(path_bytes):
    path = path_bytes.decode(sys.getfilesystemencoding(), "surrogateescape")
    try:
        with open(path_bytes, "rb") as f:
            raw = f.read()
    except OSError as e:
        return (3, e.strerror or str(e))
    error, shown, kept = check_like_python(path_bytes, path)
    if isinstance(error, MemoryError):
        return (2, shown)
    if error is not None:
        return (1, shown)
    src = cut_at_null_bytes(raw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # warned already, above
        tree = compile(src, path, "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)
        table = _symtable.symtable(src, path, "exec")
    facts = code_facts(state["code"], "<module>", []) if state["code"] else []
    state["code"] = None
    return (0, shown, node(tree), scope(table), kept, facts, decode_source(src))


# ---- the constant table, in the target's marshal format ---------------------

def build_code(desc, resolve):
    """A stub code object (src/cgen/codeobj.c, docs/architecture.md) of this
    version, from (code.replace() arguments but co_code and co_filename, the
    bytecode as (opname, arg, count) runs, co_filename).  co_consts is
    described by items resolve() turns into the constants."""
    kw, runs, filename = desc
    opmap = __import__("opcode").opmap
    code = b"".join(bytes((opmap[op], arg)) * count for op, arg, count in runs)
    kw = dict(kw, co_consts=tuple(resolve(item) for item in kw["co_consts"]))
    base = (lambda: None).__code__
    return base.replace(co_filename=filename, co_code=code, **kw)


def marshal_constants(table, code_indexes):
    """The module's constant blob: the table with each description at
    code_indexes made a code object, marshalled as this version writes it.
    A stub's co_consts items (codeobj.c, consts_spec) are an index in the
    table (that very object: marshal writes a reference to it, not a copy;
    a frozenset, which the table keeps as a tuple, is that tuple too: the
    runtime puts the frozenset it makes of it in its place, P2C_LoadConstants),
    ("f", i) the stub at table[i], ("s", desc) a stub of a code pyc2c has no
    function for, ("k", value) the value itself."""
    table = list(table)
    todo = set(code_indexes)

    def built(i):
        if i in todo:
            todo.discard(i)
            table[i] = build_code(table[i], resolve)
        return table[i]

    def resolve(item):
        if type(item) is int:
            return table[item]
        if item[0] == "f":
            return built(item[1])
        if item[0] == "s":
            return build_code(item[1], resolve)
        return item[1]

    for i in code_indexes:
        built(i)
    return marshal.dumps(tuple(table), MARSHAL_VERSION)


def header():
    v = sys.version_info
    return (v[0] << 24 | v[1] << 16 | v[2] << 8,
            [(cls.__name__, FIELDS[i], HAS_POS[i]) for i, cls in enumerate(CLASSES)],
            symtable_consts())


def send(obj):
    blob = marshal.dumps(obj, MARSHAL_VERSION)
    out = sys.stdout.buffer
    out.write(len(blob).to_bytes(8, "little") + blob)
    out.flush()


def read_exact(n):
    data = b""
    while len(data) < n:
        chunk = sys.stdin.buffer.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def answer(request):
    kind, data = request[:1], request[1:]
    if kind == b"P":
        return parse(data)
    if kind == b"M":
        table, code_indexes = marshal.loads(data)
        return (0, marshal_constants(table, code_indexes))
    return (3, "unknown request %r" % kind)


def main():
    # The answers are large trees without cycles: the cyclic collector would
    # only walk them again and again as they grow (a third of the time).
    gc.disable()
    sys.addaudithook(stop_before_exec)
    send(header())
    while True:
        head = read_exact(4)
        if head is None:
            return
        request = read_exact(int.from_bytes(head, "little"))
        if request is None:
            return
        try:
            result = answer(request)
        except MemoryError:
            result = (2, b"")
        except BaseException as e:
            result = (3, "%s: %s" % (type(e).__name__, e))
        send(result)


# Run by the target as a helper; also loaded by pyc2c's embedded interpreter,
# when no helper runs (unit tests), for marshal_constants alone.
if __name__ == "__main__":
    main()
