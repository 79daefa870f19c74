"""Operating-system interface: the `posix` calls plus `environ`, `os.path` (posixpath),
`stat_result`, `makedirs`/`removedirs`, `walk` and `scandir`."""

import sys
from posix import (_exit, chdir, chmod, cpu_count, fspath, getcwd, getpid, getppid,
                   listdir, mkdir, putenv, readlink, remove, rename, replace, rmdir,
                   strerror, symlink, unlink, unsetenv, urandom)
import posix as _posix

name = 'posix'
linesep = '\n'
sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1


class PathLike:
    """Abstract base of objects with `__fspath__`."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, '__fspath__')


def getcwdb():
    return getcwd().encode()


class stat_result(tuple):
    """Result of stat(): the ten classic fields by index, more by attribute."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, seq):
        seq = tuple(seq)
        self = tuple.__new__(cls, seq[:10])
        self._ns = seq[10:13] if len(seq) >= 13 else (seq[7] * 10**9, seq[8] * 10**9, seq[9] * 10**9)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7] + (self._ns[0] % 10**9) * 1e-9)
    st_mtime = property(lambda self: self[8] + (self._ns[1] % 10**9) * 1e-9)
    st_ctime = property(lambda self: self[9] + (self._ns[2] % 10**9) * 1e-9)
    st_atime_ns = property(lambda self: self._ns[0])
    st_mtime_ns = property(lambda self: self._ns[1])
    st_ctime_ns = property(lambda self: self._ns[2])

    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(self._names, self))
        return f'os.stat_result({fields})'

    def __reduce__(self):
        return (stat_result, (tuple(self),))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(_posix.stat(path))
    return stat_result(_posix.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix.lstat(path))


class _Environ:
    """`os.environ`: a str-to-str mapping whose changes reach the process environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if key not in self._data:
            raise KeyError(key) from None
        unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): dictionary is empty')
        key = next(reversed(list(self._data)))
        value = self._data[key]
        del self[key]
        return key, value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'


environ = _Environ(_posix._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path = env.get('PATH', defpath)
    return path.split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """One entry of `scandir()`: its name, full path, and cached stat."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _kind(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000
        except OSError:
            return None

    def is_dir(self, *, follow_symlinks=True):
        return self._kind(follow_symlinks) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._kind(follow_symlinks) == 0o100000

    def is_symlink(self):
        return self._kind(False) == 0o120000


class _ScandirIterator:
    def __init__(self, dirpath):
        self._dirpath = dirpath
        self._it = iter(listdir(dirpath))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dirpath, next(self._it))

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path='.'):
    if path is None:
        path = '.'
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for name in names:
        full = path.join(top, name)
        if path.isdir(full):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


import posixpath as path
sys.modules['os.path'] = path
