print("init sub", __name__, __package__)
from .. import core as parent_core
from .leaf import leaf_fn
