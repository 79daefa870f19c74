"""Common string constants, `capwords`, `Template` ($-substitution) and `Formatter`
(str.format as overridable steps).

Written for Ember. The format-string parsing that CPython keeps in its C `_string` module
is done here in Python (`_parse_format`, `_split_field_name`) with the same results and
error messages.
"""

import re as _re
from collections import ChainMap as _ChainMap

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace',
           'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalizes each word of `s` split on `sep` and joins them with `sep` (or a space)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---------------------------------------------------------------------------------------
# Template
# ---------------------------------------------------------------------------------------

_sentinel_dict = {}


class Template:
    """A string with `$name` / `${name}` placeholders; `$$` is a literal `$`.

    Subclasses may change `delimiter`, `idpattern`, `braceidpattern` and `flags`, or give
    a whole `pattern` with the groups escaped, named, braced and invalid."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            delim = _re.escape(cls.delimiter)
            ident = cls.idpattern
            braced = cls.braceidpattern or cls.idpattern
            pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |
              (?P<named>{ident})    |
              {{(?P<braced>{braced})}} |
              (?P<invalid>)
            )
            """
        cls.pattern = _re.compile(pattern, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        """The template with every placeholder replaced (KeyError if one is missing)."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        """Like `substitute`, but missing names and bad placeholders are left as they are."""
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        """Whether the template has no invalid placeholder."""
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        """The placeholder names, in order of first appearance."""
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


# Template itself gets its pattern the way subclasses do.
Template.__init_subclass__()


# ---------------------------------------------------------------------------------------
# Formatter
# ---------------------------------------------------------------------------------------

def _parse_format(s):
    """(literal_text, field_name, format_spec, conversion) tuples of format string `s`,
    scanned left to right as str.format does (errors surface during iteration)."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = None
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            c = None
        if c is None:
            yield s[start:i], None, None, None
            return
        if c == '}' and (i >= n or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if c == '{' and i >= n:
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            # A doubled brace: literal text ending with one brace, no field.
            i += 1
            yield s[start:i - 1], None, None, None
            continue
        literal = s[start:i - 1]
        name, spec, conversion, i = _parse_field(s, i)
        yield literal, name, spec, conversion


def _parse_field(s, i):
    """(field_name, format_spec, conversion, index after the field) for the field whose
    text starts at s[i], just after its '{'."""
    n = len(s)
    start = i
    c = None
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    if c not in ('}', ':', '!'):
        raise ValueError("expected '}' before end of string")
    name = s[start:i - 1]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return name, '', conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    return name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    return name, '', None, i


def _field_key(text):
    return int(text) if text and text.isdecimal() and text.isascii() else text


def _split_field_name(name):
    """(first, [(is_attribute, key), ...]) for a field name such as `0.attr[key]`."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = _field_key(name[:i])
    rest = []
    while i < n:
        c = name[i]
        if c == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            if j == i + 1:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name[i + 1:j]))
            i = j
        elif c == '[':
            j = name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            if j == i + 1:
                raise ValueError('Empty attribute in format string')
            rest.append((False, _field_key(name[i + 1:j])))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """`str.format` split into steps (parse, get_field, convert_field, format_field) that
    subclasses can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification to '
                                     'automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
