# raise E from C, uncaught: the chained traceback prints the cause first,
# then "The above exception was the direct cause of the following exception".

def parse(text):
    if not text.isdigit():
        raise ValueError("not a number: " + repr(text))
    return int(text)


def load(config):
    value = config.get("port")
    if value is None:
        raise KeyError("port")
    cause = ValueError("bad port " + value)
    raise RuntimeError("cannot load config") from cause


print(parse("42"))
load({"port": "http"})
