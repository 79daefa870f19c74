import textwrap

text = ("The quick brown fox jumps over the lazy dog. Python's textwrap module is "
        "well-known for wrapping text; it handles hyphenated-words and em--dashes "
        "nicely.  Long words like supercalifragilisticexpialidocious get broken.")
for w in (10, 15, 20, 30, 40, 70):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.wrap(text, 12, break_on_hyphens=False))
print(textwrap.wrap("Hello.  World!  This is it. Ok? yes", 12, fix_sentence_endings=True))
print(textwrap.wrap("a\tb\tc\nd  e", 5))
print(textwrap.wrap("a\tb\tc\nd  e", 40, replace_whitespace=False))
print(textwrap.wrap("a\tb\tc", 40, expand_tabs=False))
print(textwrap.wrap("   leading and trailing   ", 10))
print(textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("", 5))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder='...'))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.shorten(text, 50))
try:
    textwrap.wrap("abc", 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    textwrap.shorten("abc def", 3)
except ValueError as e:
    print(type(e).__name__, e)
print(textwrap.wrap("x-ray multi-part-name 123-456 a-b --flag foo--bar re-enter", 8))
print(textwrap.wrap("well-known one-two-three", 6))
print(textwrap.wrap("aaaa-bbbb-cccc-dddd", 7))
print(repr(textwrap.dedent("    hello\n      world\n    end\n")))
print(repr(textwrap.dedent("\thello\n\t  world\n")))
print(repr(textwrap.dedent("  a\n   \n  b\n")))
print(repr(textwrap.dedent("  a\n\tb\n")))
print(repr(textwrap.dedent("no indent\n  some\n")))
print(repr(textwrap.dedent("")))
print(repr(textwrap.dedent('''
    def f():
        return 1
''')))
print(repr(textwrap.indent("a\nb\n\nc", "> ")))
print(repr(textwrap.indent("a\nb\n\nc\n", "+ ", lambda line: True)))
print(repr(textwrap.indent("a\r\nb", "  ")))
w = textwrap.TextWrapper(width=20, initial_indent="-> ")
print(w.wrap("one two three four five six seven eight"))
print(w.fill("one two three four five six seven eight"))
w.width = 12
print(w.wrap("one two three four five six seven eight"))
