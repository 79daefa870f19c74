"""Pathname operations for POSIX paths; `os.path` is this module."""

import os

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
           "dirname", "commonprefix", "getsize", "getmtime", "getatime", "getctime",
           "islink", "exists", "lexists", "isdir", "isfile", "ismount", "expanduser",
           "expandvars", "normpath", "abspath", "samefile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath", "commonpath"]


def _seps(p):
    """The separator, dot and dot-dot of the path's kind (str or bytes)."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def _check_arg_types(funcname, *args):
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = os.fspath(a)
    slash = _seps(a)[0]
    path = a
    try:
        if not p:
            path[:0] + slash
        for b in map(os.fspath, p):
            if b.startswith(slash):
                path = b
            elif not path or path.endswith(slash):
                path += b
            else:
                path += slash + b
    except (TypeError, AttributeError, BytesWarning):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    p = os.fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    slash, dot, _ = _seps(p)
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # A leading run of dots in the file name is part of the name, not an extension.
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = os.fspath(p)
    slash = _seps(p)[0]
    head = p[:p.rfind(slash) + 1]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    lo = min(m)
    hi = max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode(path, follow=True):
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def isdir(s):
    m = _mode(s)
    return m is not None and (m & 0o170000) == 0o040000


def isfile(path):
    m = _mode(path)
    return m is not None and (m & 0o170000) == 0o100000


def islink(path):
    m = _mode(path, False)
    return m is not None and (m & 0o170000) == 0o120000


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1.st_mode & 0o170000) == 0o120000:
        return False
    parent = join(os.fspath(path), _seps(os.fspath(path))[2])
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def expanduser(path):
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        userhome = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.rstrip('\n').split(':')
                    if len(fields) >= 6 and fields[0] == name:
                        userhome = fields[5]
                        break
        except OSError:
            pass
        if userhome is None:
            return path
    if isinstance(path, bytes):
        userhome = userhome.encode()
    userhome = userhome.rstrip(slash)
    return (userhome + path[i:]) or slash


def expandvars(path):
    path = os.fspath(path)
    if isinstance(path, bytes):
        return expandvars(path.decode()).encode()
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            j = path.find('}', i + 2)
            if j < 0:
                out.append(path[i:])
                break
            name = path[i + 2:j]
            end = j + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == '_') and path[j].isascii():
                j += 1
            name = path[i + 1:j]
            end = j
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:end])
        i = end
    return ''.join(out)


def normpath(path):
    path = os.fspath(path)
    slash, dot, dotdot = _seps(path)
    empty = path[:0]
    if path == empty:
        return dot
    initial = 1 if path.startswith(slash) else 0
    # POSIX keeps exactly two leading slashes; three or more collapse to one.
    if initial and path.startswith(slash * 2) and not path.startswith(slash * 3):
        initial = 2
    comps = []
    for comp in path.split(slash):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot or (not initial and not comps) or (comps and comps[-1] == dotdot):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = slash * initial + slash.join(comps)
    return path or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = os.fspath(filename)
    slash, dot, dotdot = _seps(filename)
    path, ok = _resolve(filename[:0], filename, strict, {})
    return abspath(path)


def _resolve(path, rest, strict, seen):
    slash, dot, dotdot = _seps(rest)
    if rest.startswith(slash):
        rest = rest[1:]
        path = slash
    while rest:
        name, _, rest = rest.partition(slash)
        if not name or name == dot:
            continue
        if name == dotdot:
            if path:
                path, name = split(path)
                if name == dotdot:
                    path = join(path, dotdot, dotdot)
            else:
                path = dotdot
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            path = newpath
            continue
        if (st.st_mode & 0o170000) != 0o120000:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                os.stat(newpath)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    slash, dot, dotdot = _seps(path)
    if start is None:
        start = dot
    else:
        start = os.fspath(start)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    slash, dot, _ = _seps(paths[0])
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_set = {p[:1] == slash for p in paths}
    except TypeError:
        raise ValueError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = slash if isabs_set.pop() else slash[:0]
    return prefix + slash.join(common)
