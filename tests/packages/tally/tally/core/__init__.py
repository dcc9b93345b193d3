from .counting import count
