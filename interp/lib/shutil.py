"""High-level file operations: `get_terminal_size`, `which`, `copyfileobj`, `copyfile`,
`copymode`, `copy`, `rmtree` and `move`.

Ember has no terminal ioctl, so `get_terminal_size` reads `COLUMNS`/`LINES` and otherwise
returns the fallback, which is what CPython returns when stdout is not a terminal.
"""

import os
import sys

__all__ = ['get_terminal_size', 'which', 'copyfileobj', 'copyfile', 'copymode', 'copy',
           'rmtree', 'move', 'SameFileError', 'Error']


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination of a copy are the same file."""


class terminal_size(tuple):
    """`(columns, lines)` with named fields, like `os.terminal_size`."""

    def __new__(cls, size):
        size = tuple(size)
        if len(size) != 2:
            raise TypeError('os.terminal_size() takes a 2-sequence (%d-sequence given)' % len(size))
        return tuple.__new__(cls, size)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % (self[0], self[1])


def get_terminal_size(fallback=(80, 24)):
    """The terminal's size from `COLUMNS` and `LINES`, else `fallback`."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0:
        columns = fallback[0]
    if lines <= 0:
        lines = fallback[1]
    return terminal_size((columns, lines))


def copyfileobj(fsrc, fdst, length=0):
    """Copies the data of file object `fsrc` to `fdst`, `length` bytes at a time."""
    if not length:
        length = 64 * 1024
    while True:
        buf = fsrc.read(length)
        if not buf:
            break
        fdst.write(buf)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents of file `src` to `dst` and returns `dst`."""
    if os.path.exists(dst) and os.path.samefile(src, dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copies the permission bits of `src` to `dst`."""
    os.chmod(dst, os.stat(src).st_mode & 0o7777)


def copy(src, dst, *, follow_symlinks=True):
    """Copies file `src` to `dst` (a file or a directory) with its permission bits;
    returns the path written."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    """Deletes the directory tree at `path`. Errors are ignored, passed to
    `onerror(function, path, exc_info)`, or raised."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    try:
        if os.path.islink(path):
            raise OSError('Cannot call rmtree on a symbolic link')
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    _rmtree(path, onerror)


def _rmtree(path, onerror):
    try:
        with os.scandir(path) as entries:
            names = [entry.name for entry in entries]
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        names = []
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            _rmtree(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def move(src, dst):
    """Moves a file or directory to `dst` (into it, if it is a directory); returns the
    destination path."""
    real_dst = dst
    if os.path.isdir(dst):
        if os.path.samefile(src, dst) and not os.path.islink(src):
            os.rename(src, dst)
            return dst
        real_dst = os.path.join(dst, os.path.basename(src.rstrip(os.sep)))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.isdir(src):
            raise
        copy(src, real_dst)
        os.unlink(src)
    return real_dst


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the executable `cmd` found on `path` (default `$PATH`), or None."""
    if os.path.dirname(cmd):
        if os.path.exists(cmd) and not os.path.isdir(cmd):
            return cmd
        return None
    if path is None:
        path = os.environ.get('PATH', None)
        if path is None:
            path = os.defpath
    if not path:
        return None
    seen = set()
    for folder in path.split(os.pathsep):
        if folder in seen:
            continue
        seen.add(folder)
        name = os.path.join(folder, cmd)
        if os.path.exists(name) and not os.path.isdir(name) and _is_executable(name):
            return name
    return None


def _is_executable(path):
    return os.stat(path).st_mode & 0o111 != 0
