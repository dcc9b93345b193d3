# A helper package for the star-import programs (interpreted, not compiled).
# `colors` is listed in __all__ but not imported here: `from stardemo import *`
# imports it (the import system's handling of the fromlist ('*',)).
__all__ = ["colors", "VERSION", "_listed"]
VERSION = "2.0"
_listed = "listed although private"
unlisted = "not in __all__"
