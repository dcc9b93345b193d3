"""Helper package of shared_runtime.py: two modules whose functions and
generators call each other (each compiled as its own extension module in
the test's module run, all sharing one pyc2c runtime)."""
