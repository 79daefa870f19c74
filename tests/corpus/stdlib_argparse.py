# argparse: parsing, help and usage text, errors (usage + "prog: error:" and exit status 2).
import argparse
import io
import sys


def run(parser, args):
    """Parses `args`, printing the namespace or what went to stdout/stderr and the exit code."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_args(args)
    except SystemExit as e:
        result = 'SystemExit(%r)' % (e.code,)
    finally:
        sys.stdout, sys.stderr = old
    print(args, '->', result)
    if out.getvalue():
        print('[stdout]')
        print(out.getvalue(), end='')
    if err.getvalue():
        print('[stderr]')
        print(err.getvalue(), end='')


def show_help(parser):
    f = io.StringIO()
    parser.print_help(file=f)
    print(f.getvalue(), end='')
    print('-----')


# A typical tool.
p = argparse.ArgumentParser(prog='tool', description='Process some integers and files.',
                            epilog='See the manual for more.')
p.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer for the accumulator')
p.add_argument('--sum', dest='accumulate', action='store_const', const=sum, default=max,
               help='sum the integers (default: find the max)')
p.add_argument('-v', '--verbose', action='count', default=0, help='more output')
p.add_argument('-o', '--output', default='out.txt', help='where to write (default: %(default)s)')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='one of %(choices)s')
p.add_argument('-q', action='store_true')
show_help(p)
print(p.format_usage(), end='')
r = p.parse_args(['1', '2', '3'])
print(r.accumulate(r.integers), r.verbose, r.output, r.mode, r.q)
r = p.parse_args(['--sum', '-vv', '7', '1', '-o', 'x.txt', '-q'])
print(r.accumulate(r.integers), r.verbose, r.output, r.q)
r = p.parse_args(['-vvv', '--output=y', '--mode', 'slow', '5', '6'])
print(r.verbose, r.output, r.mode, r.integers)
r = p.parse_args(['--verb', '--out', 'z', '9', '-oabc'])
print(r.verbose, r.output, r.integers)
run(p, [])
run(p, ['a'])
run(p, ['1', '--mode', 'medium'])
run(p, ['1', '--bogus'])
run(p, ['1', '-o'])
run(p, ['-h'])
run(p, ['1', '--help'])
run(p, ['1', 'extra', '--', '-5'])
run(p, ['1', '--', '-5'])

# Namespace behaviour.
ns = argparse.Namespace(b=2, a='x')
print(ns, ns == argparse.Namespace(a='x', b=2), ns != argparse.Namespace(a='y', b=2))
print('a' in ns, 'c' in ns, vars(ns))
print(argparse.Namespace() == 1, argparse.Namespace())

# Actions.
p = argparse.ArgumentParser(prog='acts')
p.add_argument('--add', action='append', type=int)
p.add_argument('--const', action='append_const', const='C', dest='consts')
p.add_argument('--ext', action='extend', nargs='+')
p.add_argument('--no', action='store_false')
p.add_argument('--pair', nargs=2, metavar=('K', 'V'))
p.add_argument('--opt', nargs='?', const='CONST', default='DEF')
p.add_argument('--many', nargs='*')
p.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True, help='toggle')
p.add_argument('--version', action='version', version='%(prog)s 1.2.3')
show_help(p)
run(p, ['--add', '1', '--add', '2', '--const', '--const', '--ext', 'a', 'b', '--ext', 'c'])
run(p, ['--no', '--pair', 'k', 'v', '--opt', '--many'])
run(p, ['--opt', 'given', '--many', 'x', 'y', '--no-flag'])
run(p, ['--pair', 'k'])
run(p, ['--add', 'x'])
run(p, ['--version'])
run(p, ['--no=3'])
run(p, ['--e', 'q'])

# Positionals with nargs.
p = argparse.ArgumentParser(prog='pos')
p.add_argument('src')
p.add_argument('mid', nargs='?', default='M')
p.add_argument('rest', nargs='*')
show_help(p)
run(p, ['a'])
run(p, ['a', 'b', 'c', 'd'])
p = argparse.ArgumentParser(prog='pos2')
p.add_argument('first', nargs=2)
p.add_argument('last', nargs='+', type=float)
run(p, ['1', '2', '3', '4.5'])
run(p, ['1', '2'])
run(p, ['1'])

# Short option clusters and attached values.
p = argparse.ArgumentParser(prog='short')
p.add_argument('-a', action='store_true')
p.add_argument('-b', action='store_true')
p.add_argument('-n', type=int, default=1)
run(p, ['-ab'])
run(p, ['-abn5'])
run(p, ['-n7', '-a'])
run(p, ['-n', '-1'])
run(p, ['-ax'])
run(p, ['-a=1'])

# Mutually exclusive and argument groups.
p = argparse.ArgumentParser(prog='grp', description='Groups demo.')
g = p.add_mutually_exclusive_group(required=True)
g.add_argument('--json', action='store_true', help='emit JSON')
g.add_argument('--text', action='store_true', help='emit text')
g2 = p.add_mutually_exclusive_group()
g2.add_argument('-x', action='store_true')
g2.add_argument('-y', action='store_true')
ag = p.add_argument_group('network', 'Options about the network.')
ag.add_argument('--host', default='localhost', help='host to connect to')
ag.add_argument('--port', type=int, default=8080, help='port number')
show_help(p)
run(p, ['--json'])
run(p, ['--json', '--text'])
run(p, [])
run(p, ['--text', '-x', '-y'])
run(p, ['--text', '--port', 'eighty'])

# Subcommands.
p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='sub-command help')
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
ps = sub.add_parser('push', help='update remote', aliases=['up'])
ps.add_argument('remote', nargs='?', default='origin')
ps.add_argument('--force', '-f', action='store_true')
show_help(p)
show_help(c)
run(p, ['commit', '-m', 'msg'])
run(p, ['--debug', 'push', 'upstream', '-f'])
run(p, ['up'])
run(p, [])
run(p, ['pull'])
run(p, ['commit'])
run(p, ['commit', '-m', 'x', '--extra'])
run(p, ['push', '-h'])
print(p.parse_known_args(['push', 'a', '--zzz', 'q']))

p = argparse.ArgumentParser(prog='req')
sub = p.add_subparsers(title='commands', dest='cmd', required=True, metavar='CMD')
sub.add_parser('run', help='run it')
sub.add_parser('stop', help='stop it')
show_help(p)
run(p, [])

# parse_known_args, prefix_chars, defaults.
p = argparse.ArgumentParser(prog='known', prefix_chars='-+')
p.add_argument('+z', action='store_true')
p.add_argument('--n', type=int)
p.set_defaults(extra='yes', n=3)
print(p.parse_known_args(['+z', 'a', '--n', '4', '--other', 'b']))
print(p.parse_known_args([]))
print(p.get_default('n'), p.get_default('extra'), p.get_default('nothing'))

# Long usage wraps at the terminal width (80 columns when stdout is not a terminal).
p = argparse.ArgumentParser(prog='wrapper')
for name in ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'theta']:
    p.add_argument('--' + name, metavar=name.upper(), help='the %s setting, which is explained in a long sentence that wraps' % name)
p.add_argument('inputs', nargs='+')
p.add_argument('output')
show_help(p)
p = argparse.ArgumentParser(prog='a_really_long_program_name_that_takes_most_of_the_line_by_itself_x')
p.add_argument('--alpha-option-with-long-name')
p.add_argument('--beta-option-with-long-name')
p.add_argument('positional_one')
p.add_argument('positional_two')
print(p.format_usage(), end='')

# Formatter classes.
p = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
                            description='Line one\n    indented line two\nline three')
p.add_argument('--x', help='x   help\n  keeps')
show_help(p)
p = argparse.ArgumentParser(prog='rawtext', formatter_class=argparse.RawTextHelpFormatter)
p.add_argument('--x', help='first line\n  second line')
show_help(p)
p = argparse.ArgumentParser(prog='defs', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('--level', type=int, default=3, help='the level')
p.add_argument('--name', help='the name')
p.add_argument('files', nargs='*', default=['a'], help='files')
show_help(p)

# Explicit usage, no help, custom type errors, exit_on_error=False.
def even(s):
    n = int(s)
    if n % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return n

p = argparse.ArgumentParser(prog='custom', usage='%(prog)s [options] N', add_help=False)
p.add_argument('n', type=even)
show_help(p)
run(p, ['4'])
run(p, ['3'])
run(p, ['x'])
run(p, ['-h'])
p = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
p.add_argument('--n', type=int)
try:
    p.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError', e)

# Definition errors.
p = argparse.ArgumentParser(prog='defs')
p.add_argument('--dup')
for args, kwargs in [(('--dup',), {}), (('x',), {'required': True}), (('--s',), {'nargs': 0}),
                     (('--a',), {'action': 'bogus'}), (('--t',), {'type': 'int'}),
                     (('x',), {'dest': 'y'}), (('--c',), {'const': 1}),
                     (('--m',), {'nargs': 2, 'metavar': ('A', 'B', 'C')})]:
    try:
        p.add_argument(*args, **kwargs)
        print('added', args)
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__, e)
g = p.add_mutually_exclusive_group()
try:
    g.add_argument('--r', required=True)
except ValueError as e:
    print('ValueError', e)
print(repr(p.add_argument('--repr', type=int, help='h')))
print(p)
print(sys.argv[1:] == [], argparse.ArgumentParser().parse_args())
