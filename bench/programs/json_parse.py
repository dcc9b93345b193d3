# json_parse.py — a JSON-ish parser and serializer written by hand:
# recursive descent over a string with an index, string escapes, numbers,
# nested dicts and lists; then a pretty-printer building output with lists
# of string pieces, and a round trip check.
import os

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
RECORDS = max(20, int(8000 * SCALE))


class ParseError(Exception):
    pass


class JsonParser:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        s, i = self.s, self.i
        while i < len(s) and s[i] in " \t\n\r":
            i += 1
        self.i = i

    def value(self):
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.s.startswith("true", self.i):
            self.i += 4
            return True
        if self.s.startswith("false", self.i):
            self.i += 5
            return False
        if self.s.startswith("null", self.i):
            self.i += 4
            return None
        return self.number()

    def obj(self):
        self.i += 1
        out = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return out
        while True:
            self.ws()
            key = self.string()
            self.ws()
            if self.s[self.i] != ":":
                raise ParseError("expected : at %d" % self.i)
            self.i += 1
            out[key] = self.value()
            self.ws()
            ch = self.s[self.i]
            self.i += 1
            if ch == "}":
                return out
            if ch != ",":
                raise ParseError("expected , or } at %d" % self.i)

    def arr(self):
        self.i += 1
        out = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return out
        while True:
            out.append(self.value())
            self.ws()
            ch = self.s[self.i]
            self.i += 1
            if ch == "]":
                return out
            if ch != ",":
                raise ParseError("expected , or ] at %d" % self.i)

    def string(self):
        s = self.s
        i = self.i + 1
        parts = []
        start = i
        while s[i] != '"':
            if s[i] == "\\":
                parts.append(s[start:i])
                esc = s[i + 1]
                parts.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[esc])
                i += 2
                start = i
            else:
                i += 1
        parts.append(s[start:i])
        self.i = i + 1
        return "".join(parts)

    def number(self):
        s, i = self.s, self.i
        j = i
        while j < len(s) and s[j] in "+-0123456789.eE":
            j += 1
        text = s[i:j]
        self.i = j
        if "." in text or "e" in text or "E" in text:
            return float(text)
        return int(text)


def dump(v, indent=0, out=None):
    top = out is None
    if top:
        out = []
    pad = "  " * indent
    if isinstance(v, dict):
        out.append("{\n")
        items = list(v.items())
        for n, (k, x) in enumerate(items):
            out.append('%s  "%s": ' % (pad, k))
            dump(x, indent + 1, out)
            out.append(",\n" if n < len(items) - 1 else "\n")
        out.append(pad + "}")
    elif isinstance(v, list):
        out.append("[" + ", ".join(dump(x, indent + 1) for x in v) + "]")
    elif isinstance(v, str):
        out.append('"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"')
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif v is None:
        out.append("null")
    else:
        out.append(repr(v))
    return "".join(out) if top else None


def make_record(i):
    return {"id": i, "name": "user \"%d\"\n" % i, "score": i * 0.25 - 3.5,
            "active": i % 3 == 0, "tags": ["t%d" % (i % 7), "g%d" % (i % 4)],
            "address": {"street": "%d Main St" % i, "zip": "%05d" % (i * 37 % 100000),
                        "geo": [i % 90 + 0.5, -(i % 180) - 0.25]},
            "parent": None if i % 5 else i // 5}


def main():
    data = {"records": [make_record(i) for i in range(RECORDS)], "version": 3}
    text = dump(data)
    parsed = JsonParser(text).value()
    again = dump(parsed)
    print("chars", len(text), "round trip", text == again, parsed == data)
    recs = parsed["records"]
    print("active", sum(r["active"] for r in recs),
          "score sum %.2f" % sum(r["score"] for r in recs))
    print("zip max", max(r["address"]["zip"] for r in recs))
    print(text[:120].replace("\n", "|"))
    try:
        JsonParser('{"a": [1, 2 3]}').value()
    except ParseError as e:
        print("error:", e)


main()
