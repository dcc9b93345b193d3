# Makefile — builds pyc2c and its runtime, runs the tests (see README.md).
#
#   make                 build/pyc2c, build/libpyc2c.a, the runtime for $(PYTHON)
#   make deps            apt-get install the Debian 12 packages that are missing
#   make test            unit tests, program tests, driver tests (outputs,
#                        signals, stale builds), fast CPython-suite subset,
#                        stdlib modules compiled as drop-ins under their tests,
#                        a fixed-seed slice of the differential fuzzer, wheels
#                        of sample projects, standalone dists run where
#                        Python is hidden
#   make test-valgrind   unit and program tests under valgrind
#   make test-asan       program tests built with ASan and UBSan
#   make test-faults     allocation failures injected into compiled programs
#   make test-faults-asan  the same built with ASan and UBSan: leaks after a
#                        failure fail a run too (LeakSanitizer)
#   make test-driver     the driver tests alone (tests/driver/run)
#   make test-front      the front end on every Python installed (tests/front/run)
#   make test-stdlib     stdlib modules compiled as drop-ins, under their tests
#   make fuzz            differential fuzzing against python3 for FUZZ_MINUTES
#                        (default 10; FUZZ_ARGS for more options, tests/fuzz/README.md)
#   make test-packages   sample projects built into compiled wheels, installed
#                        into fresh venvs, tested with pytest (tests/packages)
#   make test-standalone --standalone dists run in a namespace without Python
#   make bench           compiled vs python3 on bench/programs and bench/micro, timed
#   make bench-callgrind the same in instruction counts under callgrind
#   make example         compile and run examples/nbody.py, with timings
#   make install PREFIX=/usr/local   (pyc2c, its sources, and the Python package
#                        for wheels where $(WHEEL_PYTHON) finds it)
#   make clean
#
# PYTHON (default python3) is both the interpreter embedded as the front end
# and the default target of the runtime library built here.

SHELL := /bin/bash
PYTHON ?= python3
PREFIX ?= /usr/local
ifeq ($(origin CC),default)
CC := gcc
endif
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
B := build

# Evaluated once, on first use (not at parse time: `make deps` may be the
# step that installs python3-config and pkg-config).
lazy = $(eval $(1) := $$(shell $(2)))$($(1))
PY_INCLUDES = $(call lazy,PY_INCLUDES,$(PYTHON)-config --includes)
PY_EMBED = $(call lazy,PY_EMBED,$(PYTHON)-config --ldflags --embed)
CHECK_LIBS = $(call lazy,CHECK_LIBS,pkg-config --cflags --libs check)

LIB_SRCS := $(filter-out src/driver/main.c,$(sort $(shell find src -name '*.c' 2>/dev/null)))
LIB_OBJS := $(LIB_SRCS:%.c=$(B)/obj/%.o)
UNIT_SRCS := $(sort $(wildcard tests/unit/*/test_*.c))
UNIT_BINS := $(UNIT_SRCS:%.c=$(B)/%)
RUNTIME_LIB_FILE := $(B)/runtime-lib.txt

# python3-tomli and python3-exceptiongroup: what Debian's build and pytest
# need on a 3.10 target, to which tests/packages/run lends them; clang:
# the quick share of tests/fuzz/run (2.4x quicker than gcc -O0) and the
# driver's hosted_clang test, so CI compiles with both compilers we support
DEBS := python3-dev scons check pkg-config gcc make valgrind ccache \
        libpython3.11-testsuite python3-setuptools \
        python3-pip python3-wheel python3-build python3-pytest python3-venv unzip \
        python3-coverage python3-tomli python3-exceptiongroup clang

# The interpreter that builds wheels with pyc2c's setuptools plugin and
# PEP 517 backend (python/pyc2c): Debian's, which has pip, build and wheel.
WHEEL_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,$(PYTHON))
# Where `make install` puts that package: a directory WHEEL_PYTHON searches
# for PREFIX=/usr/local and /usr (Debian: dist-packages, no "local" twice).
PY_SITE_CMD := import sys, sysconfig; p = sys.argv[1]; \
    v = "%d.%d" % sys.version_info[:2]; \
    deb = "deb_system" in sysconfig.get_scheme_names(); \
    print(("/usr/lib/python3/dist-packages" if p == "/usr" else p + "/lib/python" + v + "/dist-packages") \
          if deb else sysconfig.get_path("purelib", "posix_prefix", vars={"base": p, "platbase": p}))
PYTHON_SITE = $(call lazy,PYTHON_SITE,$(WHEEL_PYTHON) -c '$(PY_SITE_CMD)' $(PREFIX))

# `make deps X`: install first, whatever -j says.
DEPS_FIRST := $(if $(filter deps,$(MAKECMDGOALS)),deps)

.PHONY: all runtime deps unit test test-driver test-front test-versions test-valgrind test-asan test-faults test-faults-asan test-stdlib fuzz \
        test-packages test-standalone bench \
        bench-callgrind example install clean
.DELETE_ON_ERROR:

all: $(B)/pyc2c $(B)/libpyc2c.a runtime | $(DEPS_FIRST)

$(B)/obj/%.o: %.c | $(DEPS_FIRST)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Iinclude -I$(B)/gen $(PY_INCLUDES) -MMD -MP -c $< -o $@

# The front end's parse helper runs in the target interpreter; pyc2c
# carries it as a C string (src/front/helper.c), so nothing is looked up.
$(B)/gen/parse_helper.inc: src/front/parse_helper.py
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@
$(B)/obj/src/front/helper.o: $(B)/gen/parse_helper.inc

$(B)/libpyc2c.a: $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(B)/pyc2c: $(B)/obj/src/driver/main.o $(B)/libpyc2c.a
	$(CC) $(CFLAGS) -o $@ $^ $(PY_EMBED)

# The runtime library for $(PYTHON), built by the driver itself (one place
# knows the per-target tag and flags); its path lands in $(RUNTIME_LIB_FILE).
runtime: $(B)/pyc2c
	@$(B)/pyc2c --build-runtime --python $(PYTHON) -j$(JOBS) > $(RUNTIME_LIB_FILE).tmp
	@mv $(RUNTIME_LIB_FILE).tmp $(RUNTIME_LIB_FILE)

# ---- tests ---------------------------------------------------------------------

# Unit tests: each tests/unit/<stage>/test_*.c is a Check program with main().
# Runtime tests link the runtime library; the others the compiler library.
$(B)/tests/unit/runtime/%: tests/unit/runtime/%.c runtime
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Iinclude -Iruntime $(PY_INCLUDES) -o $@ $< \
	    $$(cat $(RUNTIME_LIB_FILE)) $(CHECK_LIBS) $(PY_EMBED)

$(B)/tests/unit/%: tests/unit/%.c $(B)/libpyc2c.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Iinclude -Isrc $(PY_INCLUDES) -o $@ $< \
	    $(B)/libpyc2c.a $(CHECK_LIBS) $(PY_EMBED)

# Runs every unit test binary (under $(UNIT_WRAP), e.g. valgrind); all run,
# failures are listed at the end.
unit: $(UNIT_BINS)
	@pass=0; fail=0; failed=""; \
	for t in $(UNIT_BINS); do \
	    if $(UNIT_WRAP) $$t > $$t.log 2>&1; then \
	        pass=$$((pass+1)); echo "PASS $$t"; \
	    else fail=$$((fail+1)); failed="$$failed $$t"; echo "FAIL $$t (log: $$t.log)"; \
	        tail -n 20 $$t.log; fi; \
	done; \
	echo "unit tests: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

# The tests run the compiler with the IR verified after every pass
# (src/opt/passes.c): a pass that breaks the IR is named, not found later
# by the code generator.  A run-time switch, so the tests use the very
# pyc2c that is installed; verification costs a walk of the IR per pass.
TEST_TARGETS := test test-valgrind test-asan test-faults test-driver test-stdlib \
                test-packages test-standalone fuzz
$(TEST_TARGETS): export PYC2C_VERIFY_EACH_PASS := 1

test: all
	@status=0; \
	$(MAKE) --no-print-directory unit || status=1; \
	tests/programs/run -j$(JOBS) || status=1; \
	tests/driver/run --python $(PYTHON) || status=1; \
	tests/front/run || status=1; \
	tests/cpython/run --fast -j$(JOBS) || status=1; \
	tests/stdlib/run --python $(PYTHON) -j$(JOBS) || status=1; \
	$(FUZZ_SLICE) || status=1; \
	tests/packages/run --python $(WHEEL_PYTHON) || status=1; \
	tests/standalone/run --python $(PYTHON) || status=1; \
	exit $$status

# The differential fuzzer (tests/fuzz/README.md): `make fuzz` runs it for
# FUZZ_MINUTES, one program at a time (the machine is shared), minimizing
# what it finds into tests/fuzz/found/; `make test` runs a fixed slice.
FUZZ_MINUTES ?= 10
FUZZ_SLICE = tests/fuzz/run --seed 1 --count 20 --units 3 -j$(JOBS) --no-minimize \
             --python $(PYTHON) --found $(B)/fuzz-found
fuzz: all
	tests/fuzz/run --minutes $(FUZZ_MINUTES) -j1 --python $(PYTHON) $(FUZZ_ARGS)

# Check's fork mode would hide the children from valgrind: CK_FORK=no.
# Only invalid accesses and frees fail (see tests/programs/run --valgrind).
VALGRIND := valgrind -q --error-exitcode=99 --errors-for-leak-kinds=none \
            --undef-value-errors=no
test-valgrind: all
	@status=0; \
	CK_FORK=no PYTHONMALLOC=malloc $(MAKE) --no-print-directory unit UNIT_WRAP="$(VALGRIND)" || status=1; \
	tests/programs/run --valgrind -j$(JOBS) || status=1; \
	exit $$status

# The program tests with AddressSanitizer + UBSan in the compiler (its own
# build in build-asan/), the runtime and the generated C; libpython itself
# is not instrumented.  Leaks are checked (tests/programs/lsan.supp).
ASAN_CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
test-asan: all
	$(MAKE) --no-print-directory B=build-asan CFLAGS="$(ASAN_CFLAGS)" build-asan/pyc2c
	tests/programs/run --asan --pyc2c $(CURDIR)/build-asan/pyc2c -j$(JOBS)

# Allocation failures injected into compiled programs (runtime/faults.c).
test-faults: all
	tests/faults/run -j$(JOBS)

# The same walk, each program built with ASan + UBSan and checked at exit
# for leaks (tests/programs/lsan.supp) after the injected failure.
test-faults-asan: all
	tests/faults/run --asan -j$(JOBS)

test-driver: all
	tests/driver/run --python $(PYTHON)

test-front: all
	tests/front/run

# The program tests, the CPython fast subset, the standalone tests and the
# wheel tests for every supported target version installed
# (tests/versions/run: Debian's 3.11; 3.10, 3.12, 3.13 from pyenv or PATH;
# one SKIP line for each one absent or not supported yet).
test-versions: all
	tests/versions/run -j$(JOBS)

test-stdlib: all
	tests/stdlib/run --python $(PYTHON) -j$(JOBS)

# Wheels are built for WHEEL_PYTHON, which must also be what the
# runtime serves: pyc2c builds its runtime for it on first use.
test-packages: all
	tests/packages/run --python $(WHEEL_PYTHON)
test-standalone: all
	tests/standalone/run --python $(PYTHON)

# Benchmarks compare with Debian's /usr/bin/python3 where it exists (pyenv's
# python3 is a slower build, which would flatter us); BENCH_ARGS passes more
# options, e.g. make bench BENCH_ARGS="-n 9 raytracer".
BENCH_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,$(PYTHON))
bench: all
	bench/run --python $(BENCH_PYTHON) $(BENCH_ARGS)

bench-callgrind: all
	bench/run --callgrind --python $(BENCH_PYTHON) $(BENCH_ARGS)

EXAMPLE := examples/nbody.py
example: all
	@mkdir -p $(B)/example
	$(B)/pyc2c --python $(PYTHON) --output-dir $(B)/example $(EXAMPLE)
	@TIMEFORMAT='  (%3R s)'; \
	echo; echo "== compiled: $(B)/example/$(basename $(notdir $(EXAMPLE)))"; \
	time $(B)/example/$(basename $(notdir $(EXAMPLE))); \
	echo; echo "== interpreted: $(PYTHON) $(EXAMPLE)"; \
	time $(PYTHON) $(EXAMPLE)

# ---- set-up, install, clean ----------------------------------------------------------

deps:
	@missing=""; \
	for p in $(DEBS); do dpkg -s $$p > /dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "deps: installing$$missing"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	else echo "deps: all present"; fi

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pyc2c
	install -m 755 $(B)/pyc2c $(DESTDIR)$(PREFIX)/bin/pyc2c
	cp -r include runtime scons boot $(DESTDIR)$(PREFIX)/share/pyc2c/
	install -d $(DESTDIR)$(PYTHON_SITE)/pyc2c $(DESTDIR)$(PYTHON_SITE)/pyc2c-0.1.0.dist-info
	install -m 644 python/pyc2c/*.py $(DESTDIR)$(PYTHON_SITE)/pyc2c/
	install -m 644 python/pyc2c-0.1.0.dist-info/* $(DESTDIR)$(PYTHON_SITE)/pyc2c-0.1.0.dist-info/
	echo 'PYC2C = "$(PREFIX)/bin/pyc2c"  # written by make install' \
	    > $(DESTDIR)$(PYTHON_SITE)/pyc2c/_install.py

clean:
	rm -rf $(B) build-asan tests/out

-include $(LIB_OBJS:.o=.d) $(B)/obj/src/driver/main.d
