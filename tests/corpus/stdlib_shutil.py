# shutil: get_terminal_size (COLUMNS/LINES, else the fallback), which, copyfile.
import os
import shutil

os.environ.pop('COLUMNS', None)
os.environ.pop('LINES', None)
print(shutil.get_terminal_size(), shutil.get_terminal_size((100, 50)))
os.environ['COLUMNS'] = '120'
print(shutil.get_terminal_size())
os.environ['LINES'] = '40'
ts = shutil.get_terminal_size()
print(ts, ts.columns, ts.lines, ts[0], tuple(ts), ts == (120, 40))
os.environ['COLUMNS'] = 'wide'
os.environ['LINES'] = '-3'
print(shutil.get_terminal_size((90, 30)))
del os.environ['COLUMNS'], os.environ['LINES']

import argparse
os.environ['COLUMNS'] = '40'
p = argparse.ArgumentParser(prog='narrow', description='A description that wraps at the narrow width.')
p.add_argument('--option', help='an option whose help text also wraps at forty columns')
p.add_argument('values', nargs='*', help='some values')
print(p.format_help())
del os.environ['COLUMNS']

print(shutil.which('sh') is not None, shutil.which('no-such-program-ember'), shutil.which('sh', path=''))
path = 'shutil_tmp_src.txt'
with open(path, 'w') as f:
    f.write('hello shutil\n' * 3)
print(shutil.copyfile(path, path + '.copy'))
with open(path + '.copy') as f:
    print(repr(f.read()))
try:
    shutil.copyfile(path, path)
except shutil.SameFileError as e:
    print('SameFileError', e)
try:
    shutil.copyfile('no_such_file_ember.txt', 'x.txt')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
os.remove(path)
os.remove(path + '.copy')

# copy, move, rmtree on a scratch tree.
root = 'shutil_tmp_tree'
if os.path.exists(root):
    shutil.rmtree(root)
os.makedirs(os.path.join(root, 'a', 'b'))
with open(os.path.join(root, 'a', 'f.txt'), 'w') as f:
    f.write('data')
os.chmod(os.path.join(root, 'a', 'f.txt'), 0o640)
print(shutil.copy(os.path.join(root, 'a', 'f.txt'), os.path.join(root, 'a', 'b')))
print(oct(os.stat(os.path.join(root, 'a', 'b', 'f.txt')).st_mode & 0o777))
print(shutil.copy(os.path.join(root, 'a', 'f.txt'), os.path.join(root, 'g.txt')))
print(shutil.move(os.path.join(root, 'g.txt'), os.path.join(root, 'a')))
print(shutil.move(os.path.join(root, 'a', 'g.txt'), os.path.join(root, 'h.txt')))
try:
    shutil.move(os.path.join(root, 'h.txt'), os.path.join(root, 'a', 'b'))
    shutil.move(os.path.join(root, 'a', 'f.txt'), os.path.join(root, 'a', 'b'))
except shutil.Error as e:
    print('Error', e)
print(sorted(os.listdir(root)), sorted(os.listdir(os.path.join(root, 'a', 'b'))))
shutil.rmtree(root)
print(os.path.exists(root))
try:
    shutil.rmtree(root)
except FileNotFoundError as e:
    print('FileNotFoundError', e)
shutil.rmtree(root, ignore_errors=True)
shutil.rmtree(root, onerror=lambda func, path, info: print('onerror', func.__name__, path, info[0].__name__))
