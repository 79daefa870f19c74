# string: constants, capwords, Template and Formatter, with their error messages.
import string
from string import Template, Formatter

print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.printable), len(string.printable))
print(string.capwords('  hello   wORLD  foo '), string.capwords('a-b-c', '-'), string.capwords(''))
try:
    string.capwords()
except TypeError as e:
    print('TypeError', e)

# Template
t = Template('$who likes ${what}; costs $$5 ($amount)')
print(t.template, t.substitute(who='tim', what='kung pao', amount=3))
print(t.substitute({'who': 'ann', 'what': 'tea'}, amount=1.5))
print(t.substitute({'who': 'x', 'what': 'y', 'amount': 0}, who='override'))
print(t.safe_substitute(who='bob'))
print(t.get_identifiers(), t.is_valid())
for tmpl, kw in [('$who likes $what', {'who': 'a'}), ('bad $ sign', {}), ('line1\nline2 $', {}),
                 ('${unclosed', {}), ('$1abc', {}), ('ok $x', {'x': [1, 2]})]:
    tt = Template(tmpl)
    try:
        print(repr(tt.substitute(**kw)))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
    print(repr(tt.safe_substitute(**kw)), tt.is_valid(), tt.get_identifiers())


class Percent(Template):
    delimiter = '%'
    idpattern = '[a-z]+_[a-z]+'


print(Percent('%first_name %% %last_name %x').safe_substitute(first_name='Ada', last_name='L'))


class Braced(Template):
    braceidpattern = r'[^}]+'


print(Braced('${hello world} $plain').substitute({'hello world': 'hi', 'plain': 'p'}))


class Custom(Template):
    pattern = r'\[(?:(?P<escaped>\[)|(?P<named>\w+)\]|(?P<braced>)(?!)|(?P<invalid>))'


print(Custom('[name] [[ [').safe_substitute(name='N'), Custom('[a]').substitute(a=1))
print(Template.delimiter, Template.idpattern, Template.pattern.flags & 0)

# Formatter
f = Formatter()
print(f.format('{} and {}', 'a', 'b'), f.format('{1}{0}', 'x', 'y'), f.format('{name:>6}|', name='ab'))
print(f.format('{0.real} {0.imag} {1[0]} {2[key]}', 3, [9], {'key': 'v'}))
print(f.format('{!r} {!s:>5} {!a}', 'q', 1, 'é'), f.format('{:{}}|{:{w}}', 'x', 4, 'y', w=3))
print(f.format('{{literal}} {0:{1}.{2}f}', 3.14159, 8, 2), f.format('{0[1]}', 'abc'))
print(f.vformat('{a}-{0}', ['pos'], {'a': 'kw'}))
print(list(f.parse('a{b}c{d!r:>3}e{{f}}g}}')), list(f.parse('')), list(f.parse('{}{0.x[1]:{w}}')))
for fmt, args, kwargs in [('{', (), {}), ('}', (), {}), ('{0', (1,), {}), ('{!x}', (1,), {}),
                          ('{0!}', (1,), {}), ('{0!rr}', (1,), {}), ('{} {0}', (1, 2), {}),
                          ('{0} {}', (1, 2), {}), ('{x}', (), {}), ('{5}', (1,), {}),
                          ('{0.}', (1,), {}), ('{0[}', (1,), {}), ('{0[0]x}', ([1],), {}),
                          ('{:{:{:{}}}}', (1, 2, 3, 4), {}), ('{0:d}', ('s',), {}),
                          ('{a{b}', (), {}), ('{0.nope}', (1,), {})]:
    try:
        print(repr(f.format(fmt, *args, **kwargs)))
    except Exception as e:
        print(fmt, type(e).__name__, e)


class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(range(len(args))) - used | set(kwargs) - used
        if extra:
            raise ValueError('unused: %s' % sorted(map(str, extra)))

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s?>' % key
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)


s = Strict()
print(s.format('{0} {missing} {1!u}', 'a', 'b'))
try:
    s.format('{0}', 1, 2, x=3)
except ValueError as e:
    print('ValueError', e)
