import os
import os.path
import posixpath
import sys

print(os.name, repr(os.sep), repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.devnull)
print(os.path is posixpath, os.path.__name__, sys.modules['os.path'] is os.path)
print(os.error is OSError)

# environ
os.environ['EMBER_TEST_VAR'] = 'hello'
print(os.environ['EMBER_TEST_VAR'], os.environ.get('EMBER_TEST_VAR'), os.getenv('EMBER_TEST_VAR'))
print(os.environ.get('EMBER_NO_SUCH_VAR'), os.environ.get('EMBER_NO_SUCH_VAR', 'dflt'), os.getenv('EMBER_NO_SUCH_VAR', 'x'))
print('EMBER_TEST_VAR' in os.environ, 'EMBER_NO_SUCH_VAR' in os.environ)
try:
    os.environ['EMBER_NO_SUCH_VAR']
except KeyError as e:
    print(type(e).__name__, e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(os.environ.pop('EMBER_TEST_VAR'), 'EMBER_TEST_VAR' in os.environ)
print(os.environ.setdefault('EMBER_TEST_2', 'v2'), os.environ['EMBER_TEST_2'])
del os.environ['EMBER_TEST_2']
print(os.environ.get('EMBER_TEST_2'))
print(type(os.environ.copy()).__name__, len(os.environ) > 0, isinstance(os.environ['PATH'], str))

# getcwd, getpid
cwd = os.getcwd()
print(isinstance(cwd, str), os.path.isabs(cwd), os.path.isdir(cwd))
print(isinstance(os.getpid(), int), os.getpid() > 0, os.getppid() > 0)
c = os.cpu_count()
print(isinstance(c, int) and c >= 1)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
try:
    os.urandom(-1)
except ValueError as e:
    print(type(e).__name__, e)

# os.path pure functions
j = os.path.join
print(j('a', 'b', 'c'), j('a/', 'b'), j('/a', '/b', 'c'), j('a', ''), j('', 'a'), j('a'))
for p in ['/usr/lib/x.py', 'x.py', '/x', '/', '', 'a/b/', '//a//b', 'a/.hidden', '...']:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)), repr(os.path.dirname(p)))
for p in ['.bashrc', 'a.tar.gz', 'a/b.c/d', '..x', 'x.', '/.a.b']:
    print(repr(p), os.path.splitext(p))
for p in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../../a', '/../a', 'a/b/../../..', 'a//b/', '/a/b/c/../../d', './']:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.isabs('/a'), os.path.isabs('a'), os.path.isabs(''))
print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.relpath('/a/b', '/a/b'), os.path.relpath('/x/y', '/a/b'))
try:
    os.path.relpath('')
except ValueError as e:
    print(type(e).__name__, e)
print(os.path.abspath('/a/b/../c'), os.path.abspath('x') == os.path.join(cwd, 'x'))
print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/li']), repr(os.path.commonprefix([])))
print(os.path.commonpath(['/usr/lib', '/usr/local']), os.path.commonpath(['a/b', 'a/c']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print(type(e).__name__, e)
os.environ['HOME'] = '/home/tester'
print(os.path.expanduser('~'), os.path.expanduser('~/x/y'), os.path.expanduser('a/~'), os.path.expanduser('~root'))
os.environ['EMBER_V'] = 'val'
print(os.path.expandvars('$EMBER_V/${EMBER_V}/$NOPE_NOT_SET/x$'))
print(os.path.join(b'a', b'b'), os.path.split(b'/x/y'), os.path.normpath(b'a//b/..'))
try:
    os.path.join('a', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    os.path.join('a', b'b')
except TypeError as e:
    print(type(e).__name__, e)

# fspath
class P:
    def __fspath__(self):
        return '/some/path'
print(os.fspath('x'), os.fspath(b'y'), os.fspath(P()), os.path.basename(P()))
try:
    os.fspath(3)
except TypeError as e:
    print(type(e).__name__, e)

# filesystem
base = os.path.join('/tmp', 'ember_os_test_%d' % os.getpid())
os.mkdir(base)
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == base)
f = os.path.join(base, 'f.txt')
with open(f, 'w') as fh:
    fh.write('hello world')
print(os.path.isfile(f), os.path.getsize(f), os.stat(f).st_size)
st = os.stat(f)
print(type(st).__name__, st[6], len(st), oct(st.st_mode & 0o777 | 0) != '', (st.st_mode & 0o170000) == 0o100000)
print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), st.st_mtime == os.path.getmtime(f))
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print(type(e).__name__, e.errno)
print(sorted(os.listdir(base)))
for root, dirs, files in os.walk(base):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir(base)), sorted(e.is_dir() for e in os.scandir(base)))
os.rename(f, os.path.join(base, 'g.txt'))
print(sorted(os.listdir(base)))
os.remove(os.path.join(base, 'g.txt'))
try:
    os.remove(os.path.join(base, 'g.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.rmdir(os.path.join(base, 'a'))
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.removedirs(os.path.join(base, 'a', 'b', 'c'))
print(os.path.exists(base))
try:
    os.listdir('/nonexistent_ember_dir')
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.strerror, e.filename, e.args)
try:
    os.stat('/nonexistent_ember_dir/x')
except OSError as e:
    print(type(e).__name__, e)
try:
    os.rmdir('/nonexistent_ember_dir')
except OSError as e:
    print(type(e).__name__, e)
try:
    open('/etc/passwd/x')
except OSError as e:
    print(type(e).__name__, e)
try:
    os.mkdir(3.5)
except TypeError as e:
    print(type(e).__name__, e)
print(os.path.exists('/nonexistent_ember_dir'), os.path.isdir('/nonexistent'), os.path.isfile('/nonexistent'))
print(os.strerror(2), os.strerror(13))
print(os.path.exists(os.devnull), os.path.ismount('/'))
old = os.getcwd()
os.chdir('/tmp')
print(os.getcwd())
os.chdir(old)
print(os.getcwd() == old)
try:
    os.rename('/nonexistent_ember_a', '/nonexistent_ember_b')
except OSError as e:
    print(type(e).__name__, e, e.filename, e.filename2)
e = OSError(2, 'msg', 'fn')
print(e, e.args, e.filename, type(e).__name__)
e = OSError(5, 'msg')
print(e, e.args, e.filename)
e = OSError('just text')
print(e, e.args, e.errno)
e = PermissionError(13, 'Permission denied', '/root/x')
print(e, repr(e))
