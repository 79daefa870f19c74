import re

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

# --- compile, repr, flags
p = re.compile(r"(\w+)@(\w+)\.com")
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(re.compile("a", re.I | re.M), re.compile(b"x+"), re.compile("a", re.X | re.S | re.A))
print(re.I, repr(re.M | re.S), re.I | 4, int(re.VERBOSE), re.compile("(?i)a").flags, re.compile("(?s)(?x) a").flags)
print(re.compile("(?P<first>a)(?P<second>b)?").groupindex)
print(re.compile("abc") is re.compile("abc"), re.compile(p) is p)
show(re.compile, p, re.I)

# --- search / match / fullmatch
m = p.search("mail bob@example.com now")
print(m, m.group(), m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.span(), m.start(1), m.end(2), m.span(2))
print(m[0], m[1], m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs)
print(re.match(r"\d+", "123abc"), re.match(r"\d+", "abc123"), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
print(re.fullmatch("a|ab", "ab"), re.match("a|ab", "ab"), re.search("$", "ab\n").span(), re.search("x$", "x\n"))
print(p.match("  a@b.com", 2), p.search("a@b.com", 1), p.search("a@b.com", 0, 5), p.fullmatch("xa@b.comx", 1, 8))
print(re.search("^b", "ab", re.M), re.search("^b", "a\nb", re.M), re.search("^b", "a\nb"), re.compile("^b").search("ab", 1))
print(re.search(r"a.c", "a\nc"), re.search(r"a.c", "a\nc", re.S), re.search(r"(?s)a.c", "a\nc"))
print(re.search("HELLO", "say hello", re.I), re.search("(?i:h)ELLO", "hELLO"), re.search("(?i:h)ELLO", "hello"))
print(re.search(r"\bfoo\b", "a foo b"), re.search(r"\Bfoo", "afoo"), re.search(r"\Aab\Z", "ab"), re.search(r"ab\Z", "ab\n"))

# --- groups, named groups, lastindex
m = re.match(r"(?P<key>\w+)=(?P<val>\w*)(;)?", "name=ember")
print(m.groupdict(), m.groupdict("-"), m.groups(), m.groups("?"), m.group("key"), m["val"], m.lastindex, m.lastgroup)
print(m.start(3), m.end(3), m.span(3), m.group(3))
m = re.match(r"((a)(b))", "abc")
print(m.lastindex, m.lastgroup, m.groups())
m = re.match(r"(a)(b)?(c)?", "ab")
print(m.lastindex, m.groups())
print(re.match(r"(a)|b", "b").lastindex, re.match("x", "x").lastindex)
show(m.group, 5)
show(m.group, "nope")
show(m.start, 9)
print(bool(m), re.match(r"(?P<x>a)", "a").lastgroup)

# --- findall / finditer
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(\w)\d", "a1 b2"))
print(re.findall(r"(a)(b)?", "ab a"), re.findall("", "abc"), re.findall("x*", "axxb"), re.findall(r"\b", "a b"))
print([m.span() for m in re.finditer(r"\w+", "hello big world")], [m.group() for m in re.finditer("a*", "baaac")])
print(re.findall(r"(?i)[a-c]+", "ABCxcba"), re.findall("[^a-z ]", "ab1 C!"), re.findall(r"[\d.]+", "1.5 and 20"))
print(re.findall(r"[]a]", "]a["), re.findall(r"[a\]]+", "a]]b"), re.findall(r"[\w-]+", "foo-bar baz"), re.findall("[&~]", "a&b~c"))

# --- sub / subn
print(re.sub(r"\d", "#", "a1b2c3"), re.sub(r"\d", "#", "a1b2c3", count=2), re.subn(r"\d", "#", "a1b2"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub("(a)", r"\g<1>\g<0>!", "cat"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("a", lambda m: m.group().upper() * 2, "banana"))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub("a", r"\n\t\\", "a"), repr(re.sub("a", "\\-", "a")))
print(re.sub(r"(\d+)", lambda m: str(int(m.group(1)) * 2), "3 apples and 12 pears"))
show(re.sub, "a", r"\q", "a")
show(re.sub, "a", r"\2", "a")
show(re.sub, "(a)", r"\g<x>", "a")
show(re.sub, "(a)", r"\g<2>", "a")
show(re.sub, "a", lambda m: 5, "a")
show(re.sub, "a", 5, "a")

# --- split
print(re.split(r"\s+", "a b   c"), re.split(r"(\s+)", "a b  c"), re.split(r",", "a,b,c", maxsplit=1), re.split(r"\b", "a b"))
print(re.split("x*", "axbc"), re.split(r"(a)|b", "1a2b3"), re.split(",", ""), re.split("(,)", ",a,"))

# --- bytes
print(re.findall(rb"\d+", b"a12b3"), re.sub(rb"a", b"X", b"banana"), re.match(rb"(\w+)", b"hi there").group(1))
print(re.split(rb",", b"a,b"), re.search(rb"\s", b"a b").span())
show(re.search, "a", b"a")
show(re.search, b"a", "a")
show(re.search, "a", 5)

# --- unicode positions
m = re.search(r"w\w+", "héllo wörld ☃ x")
print(m, m.span(), m.start(), re.findall(r"\w+", "naïve café ☃"), re.sub("ö", "o", "wörld"))
print(re.split(r"\s", "ä ö ü"), [m.span() for m in re.finditer("☃", "a☃b☃")])

# --- verbose, escapes, lookaround, backrefs
pat = re.compile(r"""
    (?P<int>\d+)     # integer part
    (?:\.(?P<frac>\d+))?   # fraction
    [ ]kg            # unit, with a literal space
""", re.VERBOSE)
print(pat.match("12.5 kg").groupdict(), pat.match("7 kg").groupdict())
print(re.findall(r"(\w)\1", "aabbcd"), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group(), re.search(r"(a)(?(1)b|c)", "ab"))
print(re.findall(r"\w+(?=!)", "hi! there yo!"), re.findall(r"(?<=\$)\d+", "$5 and $10"), re.findall(r"(?<!a)b", "ab cb"), re.findall(r"a(?!b)", "ab ac"))
print(re.findall(r"\x41\u00e9\101\t", "A\u00e9A\t"), re.search(r"a{2}", "caaat").span(), re.search(r"a{2,}?", "aaaa").group(), re.search(r"a{,2}", "aaa").group())
print(re.findall("a{", "a{"), re.findall("x{1,2", "x{1,2"), re.findall(r"\{\}", "{}"), re.search(r"(?>a+)b", "aaab").group())
print(re.match(r"(?#comment)a", "a"), re.escape("a.b*c?d (e) [f] $5 ^ | \\ {1}"), re.escape(b"a.b"), re.escape("naïve-x"))
print(re.search(re.escape("1+1=2?"), "is 1+1=2? yes").span())

# --- errors
for bad in ["(", "a)", "*a", "a**", "[a", r"\q", "[z-a]", "(?P<1a>x)", "(?P<a>x)(?P<a>y)", "(?P=b)", r"\2(a)",
            "a{3,2}", "x(?i)y", "(?Q)", "(?#abc", r"\x1", r"[\w-z]", "a|*", "(?P<a", "(?i", r"\8", "^*", "(?L)a"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "|", e, "|", e.msg, e.pos)
try:
    re.compile("ab\n(")
except re.error as e:
    print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__)

# --- practical
log = """2024-01-05 ERROR disk full
2024-01-06 INFO ok
2024-01-07 ERROR cpu hot"""
for m in re.finditer(r"^(\d{4})-(\d\d)-(\d\d) (ERROR|INFO) (.*)$", log, re.M):
    print(m.group(4), m.group(5), m.expand(r"\3/\2/\1"))
tok = re.compile(r"\s*(?:(\d+\.?\d*)|(\w+)|(.))")
pos, toks = 0, []
src = "x = 3.5 * (y + 42)"
while pos < len(src):
    m = tok.match(src, pos)
    if not m:
        break
    toks.append(m.group(m.lastindex))
    pos = m.end()
print(toks)
print(re.sub(r"([A-Z])", r"_\1", "camelCaseString").lower(), re.sub(r"\s+", " ", "  lots   of\n space ").strip())
print(re.findall(r"^\w+$", "one\ntwo\nthree", re.M), re.findall(r"\w+$", "a b\nc d\n"), re.findall("$", "a\nb\n"), re.findall("(?m)$", "a\nb\n"))
print(re.split(r"(,)(\s)?", "a, b,c", maxsplit=1), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.findall(r"[^\W\d_]+", "abc123_de"), re.findall(r"(?x) a  b # c", "ab"), re.findall(r"(?x)[ ]a", " a"))
print(re.match(r"(a+)+b", "aaab").groups(), re.match(r"(a|b)*", "abab").group(1), re.match(r"(?:(a)|b)*", "ab").groups())
print(re.findall(r"ǅ", "ǆ", re.I), re.findall("ß", "SS", re.I), re.findall("k", "K\u212a", re.I))
print(re.sub(r"a|(b)", lambda m: m.group(1) or "", "abc"), re.subn("", "-", ""), re.sub("$", "!", "ab\n"))
print(re.search(r"\d+", "x" * 10 + "42").span(), re.compile(r"\s+").split(" a  b "), re.findall(r"\S+", " a\u00a0b\x1cc"))
print(re.match(r"a*+a", "aaa"), re.match(r"(?>a*)a", "aaa"), re.fullmatch(r"(a)?(?(1)b|c)", "c"))
for pat, s in [("x*?", "axxb"), ("x*", "abxd"), ("|a", "aab"), ("a??", "aa"), ("(?:)|b", "abc"), (r"\b|x", "a x"), ("", "abc"), ("a|", "baaa"), ("(a)|()", "aba")]:
    print(repr(pat), re.sub(pat, "-", s), re.findall(pat, s), [m.span() for m in re.finditer(pat, s)], re.split(pat, s))
print(re.findall(r"\b\w+\b", "héllo wörld", re.A), re.findall(rb"\bx\b", b"\xe9x x"), re.findall(r"\Bé", "aé é", re.A), re.sub(rb"\b", b"|", b"ab \xe9c"))
print(re.findall(r"\b\w+\b", "héllo wörld"), re.split(r"\b", "a-b", flags=re.ASCII))
for p in ["(?i-)", "(?i-x)", "(?i-xq:a)", "(?-", "(?i-x", "(?ia:b)", "(?au:b)", "(?uL:b)","(?a-i:b)", "(?-a:b)", "(?i", "(?i$", "(?iq", "a(?<=b)+", "a(?=b)*c", "(?!x){2}y", "(?<!x)?y", "[a\\", "(?\\x", "(?Pz", "(?<x", "(?=a)+?b", "(?=a)**"]:
    try:
        c = re.compile(p)
        print(p, "ok", c.findall("ay xy aby abc"))
    except re.error as e:
        print(repr(p), e.msg, e.pos)
