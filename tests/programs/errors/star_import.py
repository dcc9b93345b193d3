# from m import * is refused.
from os.path import *
