# A helper package for the import programs (interpreted, not compiled).
from .shapes import square_area
VERSION = "1.0"
