# argparse: parents, conflict resolution, abbreviations, fromfile, SUPPRESS, FileType,
# intermixed options, required subcommands without dest, negative numbers.
import argparse
import io
import os
import sys


def run(parser, args, known=False):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_known_args(args) if known else parser.parse_args(args)
    except SystemExit as e:
        result = 'SystemExit(%r)' % (e.code,)
    finally:
        sys.stdout, sys.stderr = old
    print(args, '->', result)
    for label, stream in (('[stdout]', out), ('[stderr]', err)):
        if stream.getvalue():
            print(label)
            print(stream.getvalue(), end='')


parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--config', default='cfg.ini', help='config file')
pg = parent.add_argument_group('shared', 'Shared options.')
pg.add_argument('--log', choices=['debug', 'info'], help='log level')
child = argparse.ArgumentParser(prog='child', parents=[parent], description='Has parents.')
child.add_argument('target')
child.print_help()
run(child, ['--config', 'x', 'tgt', '--log', 'info'])

p = argparse.ArgumentParser(prog='resolve', conflict_handler='resolve')
p.add_argument('-f', '--foo', help='old foo')
p.add_argument('--foo', help='new foo')
p.print_help()
run(p, ['-f', '1', '--foo', '2'])

p = argparse.ArgumentParser(prog='noabbrev', allow_abbrev=False)
p.add_argument('--verbose', action='store_true')
p.add_argument('--version-info', action='store_true')
run(p, ['--verb'])
p = argparse.ArgumentParser(prog='abbrev')
p.add_argument('--verbose', action='store_true')
p.add_argument('--version-info', action='store_true')
run(p, ['--ver'])
run(p, ['--verb', '--vers'])
run(p, ['--verbose=1'])

p = argparse.ArgumentParser(prog='supp', argument_default=argparse.SUPPRESS)
p.add_argument('--a', type=int)
p.add_argument('--b', help=argparse.SUPPRESS)
p.add_argument('c', nargs='?')
p.print_help()
run(p, [])
run(p, ['--a', '1', '--b', 'x', 'z'])

with open('argparse_more_args.txt', 'w') as f:
    f.write('--a\n5\npositional\n')
p = argparse.ArgumentParser(prog='fromfile', fromfile_prefix_chars='@')
p.add_argument('--a')
p.add_argument('pos')
run(p, ['@argparse_more_args.txt'])
run(p, ['@no_such_argparse_file.txt'])
os.remove('argparse_more_args.txt')

p = argparse.ArgumentParser(prog='files')
p.add_argument('infile', type=argparse.FileType('r'))
run(p, ['no_such_input_file.txt'])
print(argparse.FileType('w', encoding='utf-8'), argparse.FileType())
ns = p.parse_args(['-'])
print(ns.infile is sys.stdin)

p = argparse.ArgumentParser(prog='nodest')
sub = p.add_subparsers(required=True)
sub.add_parser('one')
sub.add_parser('two')
run(p, [])
run(p, ['one'])

p = argparse.ArgumentParser(prog='neg')
p.add_argument('-x', type=float)
p.add_argument('nums', nargs='*', type=int)
run(p, ['-x', '-2.5', '-3', '4'])
p2 = argparse.ArgumentParser(prog='negopt')
p2.add_argument('-1', dest='one', action='store_true')
p2.add_argument('n', nargs='?')
run(p2, ['-1'])
run(p2, ['-5'])

p = argparse.ArgumentParser(prog='req')
p.add_argument('--name', required=True, metavar='NAME')
p.add_argument('--size', type=int, choices=range(1, 4))
p.add_argument('items', metavar='ITEM', nargs=2)
p.print_help()
run(p, ['a'])
run(p, ['--size', '9', 'a', 'b', '--name', 'n'])
run(p, ['--size', '2', 'a', 'b', '--name', 'n'])
run(p, ['a', 'b', 'c', '--name', 'n', '--zz'], known=True)

p = argparse.ArgumentParser(prog='rem')
p.add_argument('cmd')
p.add_argument('rest', nargs=argparse.REMAINDER)
run(p, ['ls', '-l', '--all', 'x'])

p = argparse.ArgumentParser(prog='const')
p.add_argument('--level', nargs='?', const=10, type=int, default=1)
run(p, ['--level'])
run(p, ['--level', '3'])
run(p, [])
p.set_defaults(level=7)
run(p, [])
ns = argparse.Namespace(level=99)
print(p.parse_args([], namespace=ns) is ns, ns)
p.print_usage()
print(p.format_usage() == p.format_help().split('\n\n')[0] + '\n')
try:
    p.add_subparsers()
    p.add_subparsers()
except SystemExit as e:
    print('SystemExit', e.code)
