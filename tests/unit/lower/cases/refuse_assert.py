assert x, "m"
