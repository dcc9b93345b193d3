#!/bin/sh
# build.sh — builds the runtime library and its Check suite, and runs it.
# Until the Makefile wires tests/unit/runtime in, this is the reference:
#   tests/unit/runtime/build.sh [PYTHON_CONFIG] [valgrind]
# PYTHON_CONFIG defaults to python3-config (pyenv 3.11.7 on our machines);
# pass /usr/bin/python3-config for Debian's 3.11.2.  "valgrind" runs the
# suite under valgrind with PYTHONMALLOC=malloc; undefined-value errors are
# off because libpython 3.11 itself reports some (longobject.c's
# maybe_small_long, seen with a 3-line embedding program too).
set -e
cd "$(dirname "$0")/../../.."
PYCONFIG=${1:-python3-config}
# Own directory per interpreter (pyenv's and Debian's 3.11 share one
# extension suffix); the Makefile builds its own copy through the driver.
TAG=$($PYCONFIG --includes | cksum | cut -c1-8)
OUT=build/tests/unit/runtime-sh/$TAG
CC=${CC:-gcc}
# The flags the driver's scons build gives the runtime (scons/pyc2c_toolchain.py)
# and the Makefile its unit tests: gcc's default GNU dialect.  -std=c11 hides
# POSIX declarations (stack_t, struct sigaction) that 3.13's internal headers
# (pycore_faulthandler.h) use.
CFLAGS="-O2 -g -fwrapv -ffp-contract=off -Wall -Wextra -fPIC -fvisibility=hidden -Iinclude -Iruntime $($PYCONFIG --includes)"
mkdir -p "$OUT/obj"
objs=
for c in runtime/*.c runtime/compat/*.c; do
    o="$OUT/obj/$(echo "$c" | tr / _ | sed 's/\.c$/.o/')"
    $CC $CFLAGS -c "$c" -o "$o"
    objs="$objs $o"
done
rm -f "$OUT/libpyc2crt.a"
ar rcs "$OUT/libpyc2crt.a" $objs
status=0
for t in tests/unit/runtime/test_*.c; do
    bin="$OUT/$(basename "$t" .c)"
    $CC $CFLAGS "$t" -o "$bin" "$OUT/libpyc2crt.a" \
        $(pkg-config --cflags --libs check) $($PYCONFIG --ldflags --embed)
    echo "== $bin"
    if [ "$2" = valgrind ]; then
        CK_FORK=no PYTHONMALLOC=malloc valgrind -q --error-exitcode=1 \
            --leak-check=no --undef-value-errors=no "$bin" || status=1
    else
        "$bin" || status=1
    fi
done
exit $status
