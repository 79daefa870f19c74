"""Serializing Python objects to bytes and back, with CPython's `pickle` interface.

Pickler writes protocols 2 to 5 (default 4) byte for byte as CPython's C pickler does for
the built-in types (None, bool, int, float, str, bytes, tuple, list, dict, set,
frozenset), for classes and functions (by reference) and for instances reduced through
__reduce_ex__/__reduce__ or the default object protocol (__getnewargs_ex__,
__getnewargs__, __getstate__, __dict__, __slots__). Pickles larger than 64 KiB may be
framed differently. Unpickler reads every binary opcode (protocols 1 to 5) and the
common text ones. Not provided: protocols 0 and 1 for writing, out-of-band buffers
(PickleBuffer), and pickling bytearray (Ember has none).
"""

import sys
from struct import pack as _pack, unpack as _unpack

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# Opcodes (the pickle format's one-byte instructions).
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000


def _encode_long(x):
    """Two's-complement little-endian bytes of x, as short as possible (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _getattribute(obj, name):
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        obj = getattr(obj, subpath)
    return obj


def _whichmodule(obj, name):
    """The name of the module that holds `obj` under `name`."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module is None:
            continue
        try:
            if _getattribute(module, name) is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


class _Framer:
    """Groups protocol-4 output into FRAME chunks of about 64 KiB."""

    def __init__(self, file_write):
        self.file_write = file_write
        self.current_frame = None

    def start_framing(self):
        self.current_frame = []
        self.current_size = 0

    def end_framing(self):
        if self.current_frame is not None and self.current_size > 0:
            self.commit_frame(force=True)
        self.current_frame = None

    def commit_frame(self, force=False):
        if self.current_frame is not None:
            if self.current_size >= _FRAME_SIZE_TARGET or force:
                data = b''.join(self.current_frame)
                if len(data) >= _FRAME_SIZE_MIN:
                    self.file_write(FRAME + _pack("<Q", len(data)))
                self.file_write(data)
                self.current_frame = []
                self.current_size = 0

    def write(self, data):
        if self.current_frame is not None:
            self.current_frame.append(data)
            self.current_size += len(data)
        else:
            self.file_write(data)

    def write_large_bytes(self, header, payload):
        if self.current_frame is not None:
            self.commit_frame(force=True)
        self.file_write(header)
        self.file_write(payload)


class Pickler:
    """Writes pickles of objects to a binary file (anything with .write(bytes))."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        """Pickles go to `file` at `protocol` (None: DEFAULT_PROTOCOL; negative: highest)."""
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if protocol < 2:
            raise ValueError("Ember's pickle writes protocols 2 to 5, not %d" % protocol)
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.framer = _Framer(self._file_write)
        self.write = self.framer.write
        self._write_large_bytes = self.framer.write_large_bytes
        self.memo = {}
        self.proto = int(protocol)
        self.bin = True
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        """Writes the pickle of `obj`."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (self.__class__.__name__,))
        self.write = self.framer.write
        self._file_write(PROTO + bytes([self.proto]))
        if self.proto >= 4:
            self.framer.start_framing()
        self.save(obj)
        self.write(STOP)
        self.framer.end_framing()

    def memoize(self, obj):
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif idx < 256:
            self.write(BINPUT + bytes([idx]))
        else:
            self.write(LONG_BINPUT + _pack("<I", idx))
        self.memo[id(obj)] = idx, obj

    def get(self, i):
        if i < 256:
            return BINGET + bytes([i])
        return LONG_BINGET + _pack("<I", i)

    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        self.framer.commit_frame()
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save(pid, save_persistent_id=False)
                self.write(BINPERSID)
                return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        t = type(obj)
        f = self._dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        reduce = getattr(self, 'reducer_override', None)
        if reduce is not None:
            rv = reduce(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return
        dispatch_table = getattr(self, 'dispatch_table', None)
        reduce = dispatch_table.get(t) if dispatch_table is not None else None
        if reduce is not None:
            self._save_reduce_value(obj, reduce(obj))
            return
        if isinstance(obj, type):
            self.save_global(obj)
            return
        rv = self._reduce(obj)
        self._save_reduce_value(obj, rv)

    def _reduce(self, obj):
        t = type(obj)
        reduce_ex = _find_method(t, '__reduce_ex__')
        if reduce_ex is not None:
            return reduce_ex(obj, self.proto)
        reduce = _find_method(t, '__reduce__')
        if reduce is not None:
            return reduce(obj)
        if isinstance(obj, BaseException):
            # BaseException.__reduce__: the class called with the args, then __dict__.
            state = getattr(obj, '__dict__', None)
            if state:
                return (t, obj.args, state)
            return (t, obj.args)
        return _reduce_default(obj, self.proto)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return string or tuple" % "__reduce__")
        l = len(rv)
        if not (2 <= l <= 6):
            raise PicklingError("Tuple returned by %s must have two to six elements" % "__reduce__")
        self.save_reduce(*rv, obj=obj)

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("args from save_reduce() must be a tuple")
        if not callable(func):
            raise PicklingError("func from save_reduce() must be callable")
        save = self.save
        write = self.write
        func_name = getattr(func, "__name__", "")
        if self.proto >= 2 and func_name == "__newobj_ex__":
            cls, args, kwargs = args
            if self.proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                write(NEWOBJ_EX)
            else:
                raise PicklingError("protocol 2 and 3 cannot pickle keyword-only __new__ arguments")
        elif self.proto >= 2 and func_name == "__newobj__":
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            args = args[1:]
            save(cls)
            save(args)
            write(NEWOBJ)
        else:
            save(func)
            save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(BUILD)
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # ----- the built-in types -----

    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        self.write(NEWTRUE if obj else NEWFALSE)

    def save_long(self, obj):
        if obj >= 0:
            if obj <= 0xff:
                self.write(BININT1 + bytes([obj]))
                return
            if obj <= 0xffff:
                self.write(BININT2 + _pack("<H", obj))
                return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + _pack("<i", obj))
            return
        encoded = _encode_long(obj)
        n = len(encoded)
        if n < 256:
            self.write(LONG1 + bytes([n]) + encoded)
        else:
            self.write(LONG4 + _pack("<i", n) + encoded)

    def save_float(self, obj):
        self.write(BINFLOAT + _pack('>d', obj))

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + bytes([n]) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large_bytes(BINBYTES8 + _pack("<Q", n), obj)
        elif n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BINBYTES + _pack("<I", n), obj)
        else:
            self.write(BINBYTES + _pack("<I", n) + obj)
        self.memoize(obj)

    def save_str(self, obj):
        encoded = obj.encode('utf-8', 'surrogatepass')
        n = len(encoded)
        if n <= 0xff and self.proto >= 4:
            self.write(SHORT_BINUNICODE + bytes([n]) + encoded)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large_bytes(BINUNICODE8 + _pack("<Q", n), encoded)
        elif n >= _FRAME_SIZE_TARGET:
            self._write_large_bytes(BINUNICODE + _pack("<I", n), encoded)
        else:
            self.write(BINUNICODE + _pack("<I", n) + encoded)
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3:
            for element in obj:
                save(element)
            if id(obj) in memo:
                get = self.get(memo[id(obj)][0])
                self.write(POP * n + get)
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        write = self.write
        write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            get = self.get(memo[id(obj)][0])
            write(POP_MARK + get)
            return
        write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        self.write(EMPTY_LIST)
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        items = list(items)
        for start in range(0, len(items), _BATCHSIZE):
            batch = items[start:start + _BATCHSIZE]
            if len(batch) > 1:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)
            else:
                save(batch[0])
                write(APPEND)

    def save_dict(self, obj):
        self.write(EMPTY_DICT)
        self.memoize(obj)
        self._batch_setitems(obj.items())

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        items = list(items)
        for start in range(0, len(items), _BATCHSIZE):
            batch = items[start:start + _BATCHSIZE]
            if len(batch) > 1:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)
            else:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for start in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for item in items[start:start + _BATCHSIZE]:
                self.save(item)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            self.write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_range(self, obj):
        self.save_reduce(range, (obj.start, obj.stop, obj.step), obj=obj)

    def save_global(self, obj, name=None):
        write = self.write
        if obj is _codecs_encode:
            # How CPython writes bytes at protocol 2: _codecs.encode(text, 'latin1').
            write(GLOBAL + b'_codecs\nencode\n')
            self.memoize(obj)
            return
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
        module_name = _whichmodule(obj, name)
        try:
            __import__(module_name)
            module = sys.modules[module_name]
            obj2 = _getattribute(module, name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError(
                "Can't pickle %r: it's not found as %s.%s" % (obj, module_name, name)) from None
        if obj2 is not obj:
            raise PicklingError(
                "Can't pickle %r: it's not the same object as %s.%s" % (obj, module_name, name))
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            write(STACK_GLOBAL)
        elif '.' in name:
            raise PicklingError("Can't pickle %r: nested objects need protocol 4" % (obj,))
        else:
            if self.fix_imports:
                if module_name == 'builtins' and name in _REVERSE_NAMES:
                    module_name, name = _REVERSE_NAMES[name]
                elif module_name == 'builtins':
                    module_name = '__builtin__'
                elif module_name == 'copyreg':
                    module_name = 'copy_reg'
            write(GLOBAL + bytes(module_name, "utf-8") + b'\n' + bytes(name, "utf-8") + b'\n')
        self.memoize(obj)

    def save_function(self, obj):
        name = getattr(obj, '__qualname__', None) or obj.__name__
        if '<lambda>' in name or '<locals>' in name:
            module_name = getattr(obj, '__module__', '__main__')
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name))
        self.save_global(obj, name)


# Where Python 2 kept the builtins that protocols 2 and 3 name (fix_imports).
_REVERSE_NAMES = {
    'range': ('__builtin__', 'xrange'), 'chr': ('__builtin__', 'unichr'),
    'str': ('__builtin__', 'unicode'), 'int': ('__builtin__', 'long'),
    'zip': ('itertools', 'izip'), 'map': ('itertools', 'imap'),
    'filter': ('itertools', 'ifilter'),
    'ModuleNotFoundError': ('exceptions', 'ImportError'),
}
for _name in ('ArithmeticError AssertionError AttributeError BaseException BufferError '
              'BytesWarning DeprecationWarning EOFError EnvironmentError Exception '
              'FloatingPointError FutureWarning GeneratorExit IOError ImportError '
              'ImportWarning IndentationError IndexError KeyError KeyboardInterrupt '
              'LookupError MemoryError NameError NotImplementedError OSError OverflowError '
              'PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning '
              'StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError '
              'TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError '
              'UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning '
              'ZeroDivisionError').split():
    _REVERSE_NAMES[_name] = ('exceptions', _name)
for _name in ('BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError '
              'ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError '
              'InterruptedError IsADirectoryError NotADirectoryError PermissionError '
              'ProcessLookupError TimeoutError').split():
    _REVERSE_NAMES[_name] = ('exceptions', 'OSError')


def _codecs_encode(s, encoding):
    return s.encode(encoding)


_codecs_encode.__module__ = '_codecs'
_codecs_encode.__qualname__ = 'encode'
_codecs_encode.__name__ = 'encode'


def _find_method(cls, name):
    """`name` from a Python class in cls's MRO (object's own defaults do not count)."""
    for c in cls.__mro__:
        if c is object:
            return None
        if name in c.__dict__:
            return c.__dict__[name]
    return None


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    names = []
    for c in cls.__mro__:
        if "__slots__" in c.__dict__:
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        name = '_%s%s' % (stripped, name)
                names.append(name)
    return names


_BUILTIN_UNPICKLABLE = ('generator', 'coroutine', 'module', 'builtin_function_or_method',
                        'method', 'frame', 'code', 'list_iterator', 'TextIOWrapper')


def _reduce_default(obj, proto):
    """object.__reduce_ex__ for protocols 2+: (__newobj__, (cls, *args), state)."""
    cls = type(obj)
    if cls.__module__ == 'builtins' and cls.__name__ in _BUILTIN_UNPICKLABLE or \
            type(cls) is type and cls.__module__ in ('_io', 'itertools', 're', '_hashlib', 'zlib'):
        raise TypeError("cannot pickle %r object" % cls.__name__)
    getnewargs_ex = _find_method(cls, '__getnewargs_ex__')
    kwargs = None
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex(obj)
    else:
        getnewargs = _find_method(cls, '__getnewargs__')
        args = getnewargs(obj) if getnewargs is not None else ()
    getstate = _find_method(cls, '__getstate__')
    if getstate is not None:
        state = getstate(obj)
    else:
        try:
            state = obj.__dict__
        except AttributeError:
            state = None
        if state is not None and not state:
            state = None
        names = _slotnames(cls)
        if names:
            slots = {}
            for name in names:
                try:
                    slots[name] = getattr(obj, name)
                except AttributeError:
                    pass
            if slots:
                state = (state, slots)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems)
    return (__newobj__, (cls,) + tuple(args), state, listitems, dictitems)


Pickler._dispatch = {
    type(None): Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
    bytes: Pickler.save_bytes,
    str: Pickler.save_str,
    tuple: Pickler.save_tuple,
    list: Pickler.save_list,
    dict: Pickler.save_dict,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    range: Pickler.save_range,
    type(_reduce_default): Pickler.save_function,
    type(len): Pickler.save_global,
}


# ----- unpickling -------------------------------------------------------------------------

_NAME_MAPPING = {
    ('__builtin__', 'xrange'): ('builtins', 'range'),
    ('__builtin__', 'unicode'): ('builtins', 'str'),
    ('__builtin__', 'basestring'): ('builtins', 'str'),
    ('__builtin__', 'long'): ('builtins', 'int'),
    ('__builtin__', 'unichr'): ('builtins', 'chr'),
    ('__builtin__', 'reduce'): ('functools', 'reduce'),
    ('itertools', 'izip'): ('builtins', 'zip'),
    ('itertools', 'imap'): ('builtins', 'map'),
    ('itertools', 'ifilter'): ('builtins', 'filter'),
}
_IMPORT_MAPPING = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'exceptions': 'builtins',
                   'cPickle': 'pickle', 'Queue': 'queue', 'StringIO': 'io', 'cStringIO': 'io'}


class Unpickler:
    """Reads pickles from a binary file (anything with .read(n) and .readline())."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        self._file_read = file.read
        self._file_readline = file.readline
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Reads one pickle and returns the object it describes."""
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (self.__class__.__name__,))
        self._data = b''
        self._pos = 0
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        dispatch = self._dispatch
        try:
            while True:
                key = self.read(1)
                if not key:
                    raise EOFError
                f = dispatch.get(key[0])
                if f is None:
                    raise UnpicklingError("invalid load key, %r." % chr(key[0]))
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    # Frames are read whole; reads beyond the current frame go to the file.
    def read(self, n):
        data = self._data
        pos = self._pos
        if pos + n <= len(data):
            self._pos = pos + n
            return data[pos:pos + n]
        rest = data[pos:]
        self._data = b''
        self._pos = 0
        more = self._file_read(n - len(rest))
        return rest + more

    def readexact(self, n):
        data = self.read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        data = self._data
        pos = self._pos
        if pos < len(data):
            i = data.find(b'\n', pos)
            if i >= 0:
                self._pos = i + 1
                return data[pos:i + 1]
            rest = data[pos:]
            self._data = b''
            self._pos = 0
            line = rest + self._file_readline()
        else:
            line = self._file_readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def find_class(self, module, name):
        """The class (or function) `name` of `module`, importing it if needed."""
        if self.proto < 3 and self.fix_imports:
            if (module, name) in _NAME_MAPPING:
                module, name = _NAME_MAPPING[(module, name)]
            elif module in _IMPORT_MAPPING:
                module = _IMPORT_MAPPING[module]
        if module == '_codecs' and name == 'encode':
            return _codecs_encode
        if module == 'copyreg' and name == '_reconstructor':
            return _reconstructor
        __import__(module)
        if self.proto >= 4:
            return _getattribute(sys.modules[module], name)
        return getattr(sys.modules[module], name)

    def load_proto(self):
        proto = self.readexact(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        frame_size, = _unpack('<Q', self.readexact(8))
        rest = self._data[self._pos:]
        data = self._file_read(frame_size)
        if len(data) < frame_size:
            raise UnpicklingError("pickle data was truncated")
        self._data = rest + data
        self._pos = 0

    def load_persid(self):
        pid = self.readline()[:-1].decode("ascii")
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self.stack.pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            val = int(data, 0)
        self.append(val)

    def load_binint(self):
        self.append(_unpack('<i', self.readexact(4))[0])

    def load_binint1(self):
        self.append(self.readexact(1)[0])

    def load_binint2(self):
        self.append(_unpack('<H', self.readexact(2))[0])

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == ord('L'):
            val = val[:-1]
        self.append(int(val, 0))

    def load_long1(self):
        n = self.readexact(1)[0]
        self.append(_decode_long(self.readexact(n)))

    def load_long4(self):
        n, = _unpack('<i', self.readexact(4))
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(_decode_long(self.readexact(n)))

    def load_float(self):
        self.append(float(self.readline()[:-1].decode('ascii')))

    def load_binfloat(self):
        self.append(_unpack('>d', self.readexact(8))[0])

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape(data, False).encode('latin1')))

    def load_binstring(self):
        n, = _unpack('<i', self.readexact(4))
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.readexact(n)))

    def load_short_binstring(self):
        n = self.readexact(1)[0]
        self.append(self._decode_string(self.readexact(n)))

    def load_binbytes(self):
        n, = _unpack('<I', self.readexact(4))
        self.append(self.readexact(n))

    def load_short_binbytes(self):
        n = self.readexact(1)[0]
        self.append(self.readexact(n))

    def load_binbytes8(self):
        n, = _unpack('<Q', self.readexact(8))
        self.append(self.readexact(n))

    def load_unicode(self):
        self.append(_unescape(self.readline()[:-1], True))

    def load_binunicode(self):
        n, = _unpack('<I', self.readexact(4))
        self.append(str(self.readexact(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n, = _unpack('<Q', self.readexact(8))
        self.append(str(self.readexact(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self.readexact(1)[0]
        self.append(str(self.readexact(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__")):
            value = klass(*args)
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self.readline()[:-1].decode("ascii")
        name = self.readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        obj = cls.__new__(cls, *args)
        self.append(obj)

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        obj = cls.__new__(cls, *args, **kwargs)
        self.append(obj)

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def load_ext(self):
        raise UnpicklingError("Ember's pickle has no extension registry")

    def load_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self.stack[-1])

    def _memo_get(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % i) from None

    def load_get(self):
        self._memo_get(int(self.readline()[:-1]))

    def load_binget(self):
        self._memo_get(self.readexact(1)[0])

    def load_long_binget(self):
        self._memo_get(_unpack('<I', self.readexact(4))[0])

    def load_put(self):
        i = int(self.readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]

    def load_binput(self):
        self.memo[self.readexact(1)[0]] = self.stack[-1]

    def load_long_binput(self):
        i, = _unpack('<I', self.readexact(4))
        self.memo[i] = self.stack[-1]

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]

    def load_append(self):
        value = self.stack.pop()
        self.stack[-1].append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        try:
            extend = list_obj.extend
        except AttributeError:
            pass
        else:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)

    def load_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            add = set_obj.add
            for item in items:
                add(item)

    def load_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            for k, v in state.items():
                setattr(inst, k, v)
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        value = self.stack.pop()
        raise _Stop(value)


def _unescape(data, raw):
    """Decodes the escapes of protocol-0 text: raw-unicode-escape (\\uXXXX and
    \\UXXXXXXXX only) when `raw`, else Python 2 string-literal escapes."""
    out = []
    i = 0
    n = len(data)
    simple = {ord('n'): '\n', ord('t'): '\t', ord('r'): '\r', ord('\\'): '\\',
              ord("'"): "'", ord('"'): '"', ord('a'): '\a', ord('b'): '\b',
              ord('f'): '\f', ord('v'): '\v', ord('0'): '\0'}
    while i < n:
        c = data[i]
        if c != 92 or i + 1 >= n:
            out.append(chr(c))
            i += 1
            continue
        e = data[i + 1]
        if e in (ord('u'), ord('U')):
            width = 4 if e == ord('u') else 8
            out.append(chr(int(data[i + 2:i + 2 + width], 16)))
            i += 2 + width
        elif raw:
            out.append('\\')
            i += 1
        elif e == ord('x'):
            out.append(chr(int(data[i + 2:i + 4], 16)))
            i += 4
        elif e in simple:
            out.append(simple[e])
            i += 2
        else:
            out.append('\\' + chr(e))
            i += 2
    return ''.join(out)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


Unpickler._dispatch = {
    PROTO[0]: Unpickler.load_proto,
    FRAME[0]: Unpickler.load_frame,
    PERSID[0]: Unpickler.load_persid,
    BINPERSID[0]: Unpickler.load_binpersid,
    NONE[0]: Unpickler.load_none,
    NEWFALSE[0]: Unpickler.load_false,
    NEWTRUE[0]: Unpickler.load_true,
    INT[0]: Unpickler.load_int,
    BININT[0]: Unpickler.load_binint,
    BININT1[0]: Unpickler.load_binint1,
    BININT2[0]: Unpickler.load_binint2,
    LONG[0]: Unpickler.load_long,
    LONG1[0]: Unpickler.load_long1,
    LONG4[0]: Unpickler.load_long4,
    FLOAT[0]: Unpickler.load_float,
    BINFLOAT[0]: Unpickler.load_binfloat,
    STRING[0]: Unpickler.load_string,
    BINSTRING[0]: Unpickler.load_binstring,
    SHORT_BINSTRING[0]: Unpickler.load_short_binstring,
    BINBYTES[0]: Unpickler.load_binbytes,
    SHORT_BINBYTES[0]: Unpickler.load_short_binbytes,
    BINBYTES8[0]: Unpickler.load_binbytes8,
    UNICODE[0]: Unpickler.load_unicode,
    BINUNICODE[0]: Unpickler.load_binunicode,
    BINUNICODE8[0]: Unpickler.load_binunicode8,
    SHORT_BINUNICODE[0]: Unpickler.load_short_binunicode,
    TUPLE[0]: Unpickler.load_tuple,
    EMPTY_TUPLE[0]: Unpickler.load_empty_tuple,
    TUPLE1[0]: Unpickler.load_tuple1,
    TUPLE2[0]: Unpickler.load_tuple2,
    TUPLE3[0]: Unpickler.load_tuple3,
    EMPTY_LIST[0]: Unpickler.load_empty_list,
    EMPTY_DICT[0]: Unpickler.load_empty_dictionary,
    EMPTY_SET[0]: Unpickler.load_empty_set,
    FROZENSET[0]: Unpickler.load_frozenset,
    LIST[0]: Unpickler.load_list,
    DICT[0]: Unpickler.load_dict,
    INST[0]: Unpickler.load_inst,
    OBJ[0]: Unpickler.load_obj,
    NEWOBJ[0]: Unpickler.load_newobj,
    NEWOBJ_EX[0]: Unpickler.load_newobj_ex,
    GLOBAL[0]: Unpickler.load_global,
    STACK_GLOBAL[0]: Unpickler.load_stack_global,
    EXT1[0]: Unpickler.load_ext,
    EXT2[0]: Unpickler.load_ext,
    EXT4[0]: Unpickler.load_ext,
    REDUCE[0]: Unpickler.load_reduce,
    POP[0]: Unpickler.load_pop,
    POP_MARK[0]: Unpickler.load_pop_mark,
    DUP[0]: Unpickler.load_dup,
    GET[0]: Unpickler.load_get,
    BINGET[0]: Unpickler.load_binget,
    LONG_BINGET[0]: Unpickler.load_long_binget,
    PUT[0]: Unpickler.load_put,
    BINPUT[0]: Unpickler.load_binput,
    LONG_BINPUT[0]: Unpickler.load_long_binput,
    MEMOIZE[0]: Unpickler.load_memoize,
    APPEND[0]: Unpickler.load_append,
    APPENDS[0]: Unpickler.load_appends,
    SETITEM[0]: Unpickler.load_setitem,
    SETITEMS[0]: Unpickler.load_setitems,
    ADDITEMS[0]: Unpickler.load_additems,
    BUILD[0]: Unpickler.load_build,
    MARK[0]: Unpickler.load_mark,
    STOP[0]: Unpickler.load_stop,
}


class _BytesWriter:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)
        return len(data)

    def getvalue(self):
        return b''.join(self.parts)


class _BytesReader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        data = self.data
        pos = self.pos
        if n < 0:
            end = len(data)
        else:
            end = min(pos + n, len(data))
        self.pos = end
        return data[pos:end]

    def readline(self):
        data = self.data
        pos = self.pos
        i = data.find(b'\n', pos)
        end = len(data) if i < 0 else i + 1
        self.pos = end
        return data[pos:end]


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes the pickle of `obj` to the binary file `file`."""
    Pickler(file, protocol, fix_imports=fix_imports).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of `obj` as bytes."""
    f = _BytesWriter()
    Pickler(f, protocol, fix_imports=fix_imports).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Reads one pickle from the binary file `file`."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors).load()


def _load_bytes(data, fix_imports, encoding, errors):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    u = Unpickler(_BytesReader(data), fix_imports=fix_imports, encoding=encoding, errors=errors)
    try:
        return u.load()
    except EOFError:
        raise EOFError("Ran out of input") from None


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """The object described by the pickle `data` (bytes)."""
    return _load_bytes(data, fix_imports, encoding, errors)
