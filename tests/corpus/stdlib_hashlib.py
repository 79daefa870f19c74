import hashlib

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = getattr(hashlib, name)()
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h.update(b"hello ")
    c = h.copy()
    h.update(b"world")
    print(h.hexdigest(), c.hexdigest(), len(h.digest()), h.digest()[:4])
    print(hashlib.new(name, b"hello world").hexdigest() == h.hexdigest(), getattr(hashlib, name)(b"abc").hexdigest())

print(hashlib.sha256(b"x" * 100000).hexdigest(), hashlib.md5(string=b"kw").hexdigest())
print(hashlib.new("SHA256", b"a").hexdigest(), hashlib.sha1(usedforsecurity=False).hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256"}))
for f, a in [(hashlib.md5, ("text",)), (hashlib.sha256, (5,)), (hashlib.new, ("nope",)), (hashlib.new, ("md5", "s"))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
h = hashlib.sha256()
try:
    h.update("str")
except TypeError as e:
    print("TypeError", e)
h.update(b"")
print(h.hexdigest())
