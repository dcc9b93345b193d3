# pyc2c_toolchain.py — compiler and linker settings for scons/SConstruct.
#
# Kept apart from the SConstruct so each decision (which compiler, which
# flags, how libpython is linked) has one function and one comment.

import os
import shlex
import shutil
import signal
import subprocess
import threading

WARN = ['-Wall', '-Wextra']


def literal(path):
    """path as scons must be given it: scons substitutes $NAME in every file
    name and flag it is handed (a source named 'a$b.py' would build 'a'),
    and '$$' is its escape for one '$'."""
    return path.replace('$', '$$')


def die_with_pyc2c():
    """Kills this build's process group (scons, the compilers, pyc2c's guard)
    as soon as the pyc2c that runs it is gone, however it went.

    pyc2c hands scons the read end of a pipe whose only write end it holds
    (PYC2C_LIFELINE_FD, src/driver/interrupt.c): end-of-file there means
    pyc2c has exited or was killed.  Its guard process would stop the group
    too, but `killall -9 pyc2c` kills the guard with it (a fork of pyc2c,
    same name), and the compilers would go on writing into the build
    directory for nobody.  A build run by hand (no lifeline) is left as
    it is."""
    fd = os.environ.pop('PYC2C_LIFELINE_FD', '')
    if not fd.isdigit():
        return
    fd = int(fd)
    try:
        os.set_inheritable(fd, False)      # the compilers need not hold it
    except OSError:
        return

    def watch():
        try:
            while os.read(fd, 1):
                pass                       # nobody writes: only EOF comes
        except OSError:
            return                         # not a lifeline after all
        os.killpg(os.getpgrp(), signal.SIGKILL)

    threading.Thread(target=watch, name='pyc2c-lifeline', daemon=True).start()


def user_flags():
    """PYC2C_CFLAGS, split as a shell would.  They go to the compiler and to
    the linker alike: -fsanitize=..., -flto, -pg or -m32 need both, and
    a compile-only flag (-DX, -Ifoo) is harmless at link time."""
    return [literal(f) for f in shlex.split(os.environ.get('PYC2C_CFLAGS', ''))]


def make_env(Environment, desc):
    """An Environment with the user's PATH and compiler (CC, default gcc),
    behind ccache when installed, and the include paths of pyc2c and of the
    target Python."""
    link = os.environ.get('CC') or 'gcc'
    cc = link
    if shutil.which('ccache') and not os.environ.get('PYC2C_NO_CCACHE') \
            and not cc.startswith('ccache'):
        cc = 'ccache ' + cc
    env = Environment(tools=['cc', 'gcc', 'gnulink', 'ar', 'textfile'], ENV=dict(os.environ))
    env['CC'] = cc
    env['LINK'] = link                # ccache does not cache links
    home = desc['home']
    incs = [os.path.join(home, 'include'), os.path.join(home, 'runtime'),
            desc['include']]
    if desc['platinclude'] and desc['platinclude'] not in incs:
        incs.append(desc['platinclude'])
    env.Replace(CPPPATH=[literal(i) for i in incs])
    # -fwrapv as CPython builds itself; -ffp-contract=off so that no a*b+c
    # becomes a fused multiply-add (with -march=... that has one): compiled
    # float arithmetic must round each operation as the interpreter does.
    env.Replace(CCFLAGS=['-O2', '-fwrapv', '-ffp-contract=off'] + WARN + user_flags())
    return env


def runtime_sources(home):
    """(relative path, absolute path) of every runtime/**/*.c but
    runtime/host/, sorted."""
    root = os.path.join(home, 'runtime')
    found = []
    for d, dirs, files in os.walk(root):
        # runtime/host/ is linked into hosted executables only (its
        # __libc_start_main would replace libc's in any other executable)
        dirs[:] = sorted(x for x in dirs if not (d == root and x == 'host'))
        for f in sorted(files):
            if f.endswith('.c'):
                p = os.path.join(d, f)
                found.append((os.path.relpath(p, root), p))
    return found


def runtime_flags(env):
    """The runtime is linked into extension modules: position independent,
    and hidden so each module exports only its PyInit_*."""
    env.Append(CCFLAGS=['-fvisibility=hidden'])   # SharedObject adds -fPIC


def is_gcc(env):
    """Whether the compiler is gcc (not clang, whose driver gcc may also
    name): asked of the compiler itself."""
    try:
        out = subprocess.run(env['LINK'].split() + ['--version'], capture_output=True,
                             text=True).stdout
    except OSError:
        return False
    return 'clang' not in out and ('gcc' in out or 'GCC' in out or 'Free Software' in out)


def module_flags(env):
    """Generated C: same warnings as the project (it must be clean), hidden
    symbols (PyMODINIT_FUNC re-exports PyInit_*).  With gcc, a function may
    grow to 5x its size by inlining, not 2x: a generated function is large
    (every fused tree compiled in up to three tiers), and past the default
    gcc stops inlining the headers' one-line `static inline` helpers
    (PyList_GET_SIZE, Py_IS_TYPE) into it, calling them instead — nbody's
    loop ran 8% more instructions (docs/optimizer.md).  The unit as a whole
    may grow by 100 %, not 40 %: past that budget gcc left the operators'
    fast paths (P2C_CompareBranch, P2C_InPlaceOp) out of line in a large
    module, each call dispatching on its operator at run time."""
    env.Append(CCFLAGS=['-fvisibility=hidden'])   # SharedObject adds -fPIC
    if is_gcc(env):
        env.Append(CCFLAGS=['--param=large-function-growth=400',
                            '--param=inline-unit-growth=100'])


def extension_link(env):
    """An extension module: -shared, the runtime linked in, libpython not
    (symbols come from the interpreter that loads the module)."""
    env.Replace(PROGSUFFIX='',
                LINKFLAGS=['-shared', '-Wl,--exclude-libs,ALL'] + user_flags())


# DT_RPATH (not RUNPATH): the loader uses it for the libraries of
# dlopen'ed extension modules too, so lib-dynload's modules find theirs in
# the dist.  '$$' is scons' '$', the backslash the shell's.
ORIGIN_RPATH = ['-Wl,-rpath,\\$$ORIGIN', '-Wl,--disable-new-dtags']


def without_rpaths(flags):
    """flags less the rpaths they set (-Wl,-rpath,DIR, -Wl,-rpath=DIR,
    -Wl,-R,DIR).  pyenv's LIBS carries -Wl,-rpath to its own lib directory,
    which a standalone executable must not search: its libraries are the
    dist's, wherever it runs."""
    def is_rpath(flag):
        return flag.startswith('-Wl,') and \
            flag.split(',')[1].startswith(('-rpath', '--rpath', '-R'))
    return [f for f in flags if not is_rpath(f)]


def c_string(text):
    """text as a C string literal: every byte outside a plain set octal
    escaped (file names may hold quotes, backslashes, any byte)."""
    plain = set(b'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+')
    return '"' + ''.join(chr(b) if b in plain else '\\%03o' % b
                         for b in os.fsencode(text)) + '"'


def runs_on_interpreter(desc, standalone):
    """Whether the executable is built to run on the target interpreter's
    own binary (runtime/host/host.c): an accelerated (not standalone) executable,
    an interpreter that links libpython statically (so its binary exports
    the C API, LTO-built on Debian) and whose loader is known, and no
    sanitizer (ASan's runtime must be the first object loaded, which a
    preloaded program is not)."""
    sanitized = any(f.startswith('-fsanitize') for f in user_flags())
    return (not standalone and bool(desc['static_lib']) and bool(desc.get('loader'))
            and bool(desc.get('python')) and not sanitized
            and not os.environ.get('PYC2C_LINK_LIBPYTHON'))


def host_paths_source(env, desc, path):
    """The generated C file naming the interpreter binary and its loader
    for runtime/host/host.c's entry, which reads them before any relocation:
    plain arrays, reached RIP-relative."""
    text = ('/* generated by scons/pyc2c_toolchain.py: runtime/host/host.c */\n'
            '__attribute__((visibility("hidden"))) const char p2c_host_python[] = %s;\n'
            '__attribute__((visibility("hidden"))) const char p2c_host_loader[] = %s;\n'
            % (c_string(desc['python']), c_string(desc['loader'])))
    return env.Textfile(path, [text])


def hosted_link(env, desc):
    """An executable run on the interpreter's binary (runtime/host/host.c): a
    shared object whose entry point execs the interpreter's loader.  No
    libpython: the binary provides the C API, as to an extension module."""
    env.Replace(LINKFLAGS=['-shared', '-Wl,-e,p2c_exec_entry', '-Wl,-z,noexecstack']
                + user_flags())
    env['PYC2C_PYLINK'] = [literal(x) for x in shlex.split(desc['libs'])]
    env['LINKCOM'] = '$LINK -o $TARGET $LINKFLAGS $SOURCES $_LIBDIRFLAGS ' \
                     '$_LIBFLAGS $PYC2C_PYLINK'


def executable_link(env, desc, standalone=False):
    """An executable embedding the target interpreter (where it is not run
    on the interpreter's binary: runs_on_interpreter).  Where the interpreter
    itself links libpython statically and the archive exists (Debian), link
    the archive with -no-pie (it is not PIC) and --export-dynamic (extension
    modules resolve the C API against the executable): the shared library
    would cost ~15%, but the archive, without the binary's LTO, still runs
    libpython's own code ~10% slower than /usr/bin/python3.  Otherwise link
    the shared library with an rpath to it (pyenv).  A standalone
    executable's rpath is its own directory instead, where the dist holds
    libpython and the libraries it needs, and no other (without_rpaths)."""
    libs = shlex.split(desc['libs'])
    libs = [literal(x) for x in (without_rpaths(libs) if standalone else libs)]
    if desc['static_lib']:
        env.Replace(LINKFLAGS=['-no-pie', '-Wl,--export-dynamic'] + user_flags() +
                    (ORIGIN_RPATH if standalone else []))
        pylink = [literal(desc['static_lib'])] + libs + \
            [literal(x) for x in shlex.split(desc['modlibs'])]
    else:
        name = desc['ldlibrary']
        if name.startswith('lib'):
            name = name[3:]
        name = name.split('.so')[0]
        libdir = literal(desc['libdir'])
        env.Replace(LINKFLAGS=user_flags())
        rpath = ORIGIN_RPATH if standalone else ['-Wl,-rpath,' + libdir]
        pylink = ['-L' + libdir, '-l' + name] + rpath + libs
    env['PYC2C_PYLINK'] = pylink
    env['LINKCOM'] = '$LINK -o $TARGET $LINKFLAGS $SOURCES $_LIBDIRFLAGS ' \
                     '$_LIBFLAGS $PYC2C_PYLINK'
