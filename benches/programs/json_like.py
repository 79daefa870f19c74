# JSON-like encoding and decoding written in Python: nested records (dicts,
# lists, strings with escapes and non-ASCII text, ints, floats, booleans and
# None) are encoded to text by a recursive encoder, parsed back by a
# recursive-descent decoder, compared with the original, and re-encoded.
# Measures string building and slicing, str methods, character dispatch,
# dict/list construction and isinstance checks.

ITERATIONS = 5
RECORDS = 2000

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r",
             "b": "\b", "f": "\f"}
NAMES = ["ada", "grace", "linus", "guido", "barbara", "ken", "dennis", "margaret"]
TAGS = ["fast", "safe", "tab\there", "quote\"d", "back\\slash", "café", "naïve", "日本"]


def encode_string(text):
    parts = ['"']
    for ch in text:
        escaped = ESCAPES.get(ch)
        if escaped is not None:
            parts.append(escaped)
        elif ch < " " or ch > "~":
            parts.append("\\u%04x" % ord(ch))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def encode(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return encode_string(value)
    if isinstance(value, list):
        return "[" + ", ".join([encode(item) for item in value]) + "]"
    if isinstance(value, dict):
        items = [encode_string(key) + ": " + encode(item) for key, item in value.items()]
        return "{" + ", ".join(items) + "}"
    raise TypeError("cannot encode " + type(value).__name__)


class Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_space(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_space()
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "n":
            return self.literal("null", None)
        if ch == "t":
            return self.literal("true", True)
        if ch == "f":
            return self.literal("false", False)
        return self.number()

    def literal(self, word, value):
        if not self.text.startswith(word, self.pos):
            raise ValueError("bad literal at %d" % self.pos)
        self.pos += len(word)
        return value

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        self.pos = pos
        token = text[start:pos]
        if "." in token or "e" in token or "E" in token:
            return float(token)
        return int(token)

    def string(self):
        text = self.text
        pos = self.pos + 1
        parts = []
        while True:
            end = pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            parts.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                return "".join(parts)
            kind = text[end + 1]
            if kind == "u":
                parts.append(chr(int(text[end + 2:end + 6], 16)))
                pos = end + 6
            else:
                parts.append(UNESCAPES[kind])
                pos = end + 2

    def array(self):
        self.pos += 1
        items = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return items
            if ch != ",":
                raise ValueError("expected , or ] at %d" % (self.pos - 1))

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.skip_space()
            if self.text[self.pos] != ":":
                raise ValueError("expected : at %d" % self.pos)
            self.pos += 1
            result[key] = self.value()
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise ValueError("expected , or } at %d" % (self.pos - 1))


def decode(text):
    decoder = Decoder(text)
    value = decoder.value()
    decoder.skip_space()
    if decoder.pos != len(text):
        raise ValueError("trailing data at %d" % decoder.pos)
    return value


def make_record(i):
    seed = i * 7919 + 13
    name = NAMES[i % len(NAMES)]
    return {
        "id": i,
        "name": name.title() + " #" + str(i),
        "email": name + "@example.org",
        "active": i % 3 != 0,
        "score": (seed % 10007) / 64.0,
        "ratio": -(seed % 97) / 8.0,
        "manager": None if i % 5 else i // 5,
        "tags": [TAGS[(i + k) % len(TAGS)] for k in range(i % 4 + 1)],
        "address": {"street": "%d Main St\nApt %d" % (seed % 900, i % 40),
                    "zip": "%05d" % (seed % 100000), "geo": [i * 0.25, -i * 0.5]},
        "history": [{"day": d, "visits": (seed >> d) % 50} for d in range(i % 6)],
    }


def run_iteration():
    document = {"version": 3, "records": [make_record(i) for i in range(RECORDS)],
                "note": "generated \"test\" data\tend"}
    text = encode(document)
    decoded = decode(text)
    if decoded != document:
        raise ValueError("round trip changed the document")
    again = encode(decoded)
    checksum = 0
    for ch in again[::7]:
        checksum = (checksum * 31 + ord(ch)) % 1000000007
    return len(text), text.count("\\"), checksum, again == text


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
