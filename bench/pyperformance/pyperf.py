"""A tiny stand-in for pyperf, enough for pyperformance's classic programs.

Runs the benchmark function a fixed number of loops in this process (no
worker processes, no calibration) and reports the time inside the process.

  PYPERF_LOOPS   outer loops (default 1); 0 = run nothing (startup cost only)
  PYPERF_CLOCK   'wall' for wall-clock time; default: process CPU time

stdout gets only deterministic lines (name, loops, a digest of the function's
result) so compiled and interpreted runs can be compared byte for byte;
the timing goes to stderr as `PYPERF <name> <seconds>`.
"""

import argparse
import os
import sys
import time

# CPU time of this process by default: on a shared machine, time spent
# waiting for a core is noise.  PYPERF_CLOCK=wall for time.perf_counter.
perf_counter = (time.perf_counter if os.environ.get('PYPERF_CLOCK') == 'wall'
                else time.process_time)


def _loops():
    return int(os.environ.get('PYPERF_LOOPS', '1'))


def _digest(result):
    r = repr(result)
    if ' at 0x' in r:
        return type(result).__name__
    if len(r) > 120:
        return '%s len=%d hash=%08x' % (type(result).__name__, len(r),
                                        _fnv(r))
    return r


def _fnv(s):
    h = 2166136261
    for ch in s.encode():
        h = ((h ^ ch) * 16777619) & 0xffffffff
    return h


class Runner:
    def __init__(self, values=None, processes=None, loops=0, min_time=0.1,
                 metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, warmups=None):
        self.metadata = dict(metadata or {})
        self.argparser = _argparser or argparse.ArgumentParser()
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args, _ = self.argparser.parse_known_args(args)
        return self.args

    def _report(self, name, loops, seconds, result=None, show=False):
        print('%s: loops=%d%s' % (name, loops,
                                  (' result=' + _digest(result)) if show else ''))
        sys.stdout.flush()
        sys.stderr.write('PYPERF %s %.9f\n' % (name, seconds))
        sys.stderr.flush()

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        self.parse_args()
        loops = _loops()
        result = None
        t0 = perf_counter()
        for _ in range(loops):
            result = func(*args)
        dt = perf_counter() - t0
        self._report(name, loops, dt, result, show=loops > 0)
        return None

    def bench_time_func(self, name, time_func, *args, inner_loops=None,
                        metadata=None):
        self.parse_args()
        loops = _loops()
        dt = time_func(loops, *args) if loops else 0.0
        self._report(name, loops, dt)
        return None

    def bench_command(self, name, command):
        raise NotImplementedError('bench_command')

    def bench_async_func(self, name, func, *args, **kw):
        raise NotImplementedError('bench_async_func')
