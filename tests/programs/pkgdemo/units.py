SCALE = 2
NAMES = ["mm", "cm", "m"]
