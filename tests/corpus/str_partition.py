# Checks partition/rpartition (found, not found, multiple occurrences) and parsing with them.
for s in ["key=value", "key=val=ue", "novalue", "=start", "end=", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "a--b--c".partition("--"))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
url = "https://example.com/path/to/file.txt"
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
dirs, _, filename = path.rpartition("/")
stem, dot, ext = filename.rpartition(".")
print(scheme, host, path, dirs, filename, stem, ext, dot)
config = "name = Ember\nversion=0.1\n# comment\nempty=\n"
settings = {}
for line in config.splitlines():
    if line.startswith("#") or not line.strip():
        continue
    k, sep, v = line.partition("=")
    settings[k.strip()] = v.strip()
print(settings)
print(type("x".partition("y")).__name__)
