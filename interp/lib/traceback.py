"""Extract, format and print exceptions and stack traces, as the interpreter prints them."""

import sys
import _traceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']

_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """One frame of a traceback or stack: file, line number, function name, source line."""

    __slots__ = ('filename', 'lineno', 'name', '_line', 'locals', '_text')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self._text = None

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4


def _summaries(entries):
    out = StackSummary()
    for filename, lineno, name, line, text in entries:
        f = FrameSummary(filename, lineno, name, line=line)
        f._text = text
        out.append(f)
    return out


class StackSummary(list):
    """A list of FrameSummary objects, formatted like a traceback."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._text is not None:
            return frame_summary._text
        row = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += '    {}\n'.format(frame_summary.line.strip())
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row += '    {name} = {value}\n'.format(name=name, value=value)
        return row

    def format(self):
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame in self:
            if (last_file is None or last_file != frame.filename or last_line is None
                    or last_line != frame.lineno or last_name is None or last_name != frame.name):
                if count > _RECURSIVE_CUTOFF:
                    count -= _RECURSIVE_CUTOFF
                    result.append(f'  [Previous line repeated {count} more '
                                  f'time{"s" if count > 1 else ""}]\n')
                last_file = frame.filename
                last_line = frame.lineno
                last_name = frame.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame))
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(f'  [Previous line repeated {count} more '
                          f'time{"s" if count > 1 else ""}]\n')
        return result


def _limit_tb(entries, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def _limit_stack(entries, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[len(entries) - limit:] if limit else entries[:0]
    return entries[:-limit]


def extract_tb(tb, limit=None):
    return StackSummary(_limit_tb(_summaries(_traceback.entries(tb)), limit))


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _caller_stack():
    """The running frames, outermost first, without this module's own."""
    entries = _traceback.stack_entries()
    while entries and entries[-1][0] == __file__:
        entries.pop()
    # Stack frames show no carets: CPython knows only their line numbers.
    return StackSummary(FrameSummary(f, n, name, line=line) for f, n, name, line, _ in entries)


def extract_stack(f=None, limit=None):
    return StackSummary(_limit_stack(_caller_stack(), limit))


def format_stack(f=None, limit=None):
    return StackSummary(_limit_stack(_caller_stack(), limit)).format()


def print_stack(f=None, limit=None, file=None):
    print_list(StackSummary(_limit_stack(_caller_stack(), limit)), file=file)


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def clear_frames(tb):
    pass


_sentinel = object()


def _exc_value(exc, value):
    if value is _sentinel:
        return exc
    return value


def _type_name(etype):
    stype = etype.__qualname__
    smod = etype.__module__
    if smod not in ("__main__", "builtins"):
        if not isinstance(smod, str):
            smod = "<unknown>"
        stype = smod + '.' + stype
    return stype


def _str_or_failed(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def _format_only(etype, value):
    stype = _type_name(etype)
    if not issubclass(etype, SyntaxError):
        lines = [_format_final_exc_line(stype, _str_or_failed(value))]
    else:
        lines = _format_syntax_error(stype, value)
    notes = getattr(value, '__notes__', None)
    if notes is not None:
        if not isinstance(notes, (list, tuple)):
            lines.append(f"{_str_or_failed(notes)}\n")
        else:
            for note in notes:
                lines.append(f"{_str_or_failed(note)}\n")
    return lines


def _format_final_exc_line(etype, valuestr):
    if not valuestr:
        line = "%s\n" % etype
    else:
        line = "%s: %s\n" % (etype, valuestr)
    return line


def _format_syntax_error(stype, value):
    lines = []
    filename_suffix = ''
    if value.lineno is not None:
        lines.append('  File "{}", line {}\n'.format(value.filename or "<string>", value.lineno))
    elif value.filename is not None:
        filename_suffix = ' ({})'.format(value.filename)
    text = value.text
    if text is not None:
        rtext = text.rstrip('\n')
        ltext = rtext.lstrip(' \n\f')
        spaces = len(rtext) - len(ltext)
        lines.append('    {}\n'.format(ltext))
        if value.offset is not None:
            offset = value.offset
            end_offset = getattr(value, 'end_offset', None) or offset
            if offset == end_offset or end_offset == -1:
                end_offset = offset + 1
            colno = offset - 1 - spaces
            end_colno = end_offset - 1 - spaces
            if colno >= 0:
                caretspace = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
                lines.append('    {}{}\n'.format(caretspace, '^' * (end_colno - colno)))
    msg = value.msg or "<no detail available>"
    lines.append("{}: {}{}\n".format(stype, msg, filename_suffix))
    return lines


def format_exception_only(exc, /, value=_sentinel):
    return _format_only(type(_exc_value(exc, value)), _exc_value(exc, value))


def _format_chain(value, limit, chain, seen, out):
    seen.add(id(value))
    if chain:
        cause = value.__cause__
        context = value.__context__
        if cause is not None and id(cause) not in seen:
            _format_chain(cause, limit, chain, seen, out)
            out.append('\nThe above exception was the direct cause '
                       'of the following exception:\n\n')
        elif (context is not None and not value.__suppress_context__
                and id(context) not in seen):
            _format_chain(context, limit, chain, seen, out)
            out.append('\nDuring handling of the above exception, '
                       'another exception occurred:\n\n')
    tb = value.__traceback__
    if tb is not None:
        frames = extract_tb(tb, limit=limit)
        if frames or limit is None:
            out.append('Traceback (most recent call last):\n')
            out.extend(frames.format())
    out.extend(_format_only(type(value), value))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _exc_value(exc, value)
    if value is None:
        return _format_only(type(None), None)
    out = []
    _format_chain(value, limit, chain, set(), out)
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)


class TracebackException:
    """An exception captured for later formatting: its type, message, frames and chain."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.exc_type = exc_type
        self._value = exc_value
        self._str = _str_or_failed(exc_value)
        self.stack = extract_tb(exc_traceback, limit=limit) if exc_traceback is not None else StackSummary()
        self.__notes__ = getattr(exc_value, '__notes__', None)
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = False
        if exc_value is not None:
            self.__suppress_context__ = exc_value.__suppress_context__
            cause = exc_value.__cause__
            context = exc_value.__context__
            if cause is not None and id(cause) not in _seen:
                self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,
                                                    limit=limit, _seen=_seen)
            if context is not None and id(context) not in _seen:
                self.__context__ = TracebackException(type(context), context, context.__traceback__,
                                                      limit=limit, _seen=_seen)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from _format_only(type(self._value), self._value)

    def format(self, *, chain=True):
        if chain:
            if self.__cause__ is not None:
                yield from self.__cause__.format(chain=chain)
                yield ('\nThe above exception was the direct cause '
                       'of the following exception:\n\n')
            elif self.__context__ is not None and not self.__suppress_context__:
                yield from self.__context__.format(chain=chain)
                yield ('\nDuring handling of the above exception, '
                       'another exception occurred:\n\n')
        if self.stack:
            yield 'Traceback (most recent call last):\n'
            yield from self.stack.format()
        yield from self.format_exception_only()
