import json
from importlib import resources

from .fmt.case import shout, whisper


def templates():
    with resources.files(__package__).joinpath("templates.json").open() as f:
        return json.load(f)


def render(style, **fields):
    try:
        template = templates()[style]
    except KeyError:
        raise ValueError("unknown style %r" % style) from None
    text = template.format(**fields)
    if style == "loud":
        return shout(text)
    if style == "quiet":
        return whisper(text)
    return text
