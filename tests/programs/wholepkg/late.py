print("init late", __name__)
from .sub.leaf import leaf_fn

LATE = "late:" + leaf_fn()
