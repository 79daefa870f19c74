import zlib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

samples = [b"", b"a", b"hello hello hello hello", bytes(range(256)) * 4, b"The quick brown fox " * 50]
for data in samples:
    for level in [-1, 0, 1, 6, 9]:
        c = zlib.compress(data, level)
        print(len(data), level, zlib.decompress(c) == data, c[:2], zlib.decompress(zlib.compress(data, level, wbits=-15), wbits=-15) == data,
              zlib.decompress(zlib.compress(data, level, wbits=31), wbits=31) == data, zlib.decompress(zlib.compress(data, level, wbits=31), wbits=47) == data)
print(zlib.compress(b""), zlib.compress(b"abc", 0), zlib.compress(b"abc", wbits=31)[:10], zlib.compress(b"abc", 0, wbits=-15))

# Streams made by CPython's zlib decompress here.
print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9W\xc8@'\x01h\x03\x08\xb1"), zlib.decompress(b'x\x9cKL\x1c\x05\xa3`\x14\x0cw\x00\x00\xf9\xd8z\xf8') == b"a" * 1000)
print(zlib.decompress(b'KLJ\x06\x00', -15), zlib.decompress(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03KLJ\x06\x00\xc2A$5\x03\x00\x00\x00', 31))
print(zlib.decompress(zlib.compress(b"abc") + b"junk"))
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"), zlib.crc32(b"lo", zlib.crc32(b"hel")), zlib.adler32(b""), zlib.crc32(b""), zlib.adler32(b"x" * 10000, 7))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH)

show(zlib.decompress, b"garbage")
show(zlib.decompress, b"x\x9c\x03\x00")
show(zlib.decompress, zlib.compress(b"abc")[:-1])
show(zlib.decompress, zlib.compress(b"abc")[:-4] + b"\0\0\0\0")
show(zlib.compress, b"x", 12)
show(zlib.compress, b"x", wbits=99)
show(zlib.decompress, b"x", wbits=99)
show(zlib.decompress, "x")
show(zlib.compress, "x")
print(zlib.error.__mro__)

c = zlib.compressobj()
body = c.compress(b"hello ") + c.compress(b"stream") + c.flush()
print(zlib.decompress(body))
d = zlib.decompressobj()
x = zlib.compress(b"hello world")
out = d.decompress(x[:5]) + d.decompress(x[5:] + b"tail")
print(out, d.unused_data, d.eof)
