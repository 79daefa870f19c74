"""JSON decoding: JSONDecodeError and JSONDecoder (the scanning itself is native, in _json)."""

import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']


class JSONDecodeError(ValueError):
    """A ValueError that says where the document stopped making sense.

    msg: the unformatted message; doc: the document; pos: the index where parsing
    failed; lineno, colno: the line and column of pos.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class JSONDecoder(object):
    """Decodes JSON text into Python objects (objects to dicts, arrays to lists)."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _scan(self, s, idx, whole):
        pf = self.parse_float
        if pf is float:
            pf = None
        pi = self.parse_int
        if pi is int:
            pi = None
        return _json.scan(s, idx, whole, JSONDecodeError, self.object_hook,
                          self.object_pairs_hook, pf, pi, self.parse_constant,
                          self.strict)

    def decode(self, s):
        """The Python value of the JSON document `s` (a str)."""
        return self._scan(s, 0, True)[0]

    def raw_decode(self, s, idx=0):
        """(value, end): decodes the JSON value starting at s[idx]."""
        return self._scan(s, idx, False)
