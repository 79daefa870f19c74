import base64
import binascii

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for data in [b"", b"a", b"ab", b"abc", b"abcd", b"hello world", bytes(range(256))[:70], b"\xff\xfe\xfd"]:
    e64 = base64.b64encode(data)
    print(e64, base64.b64decode(e64) == data, base64.urlsafe_b64encode(data), base64.b32encode(data),
          base64.b32decode(base64.b32encode(data)) == data, base64.b16encode(data), base64.b16decode(base64.b16encode(data)) == data)
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode(b"-_8=", altchars=b"-_"), base64.urlsafe_b64decode("-_8="))
print(base64.standard_b64encode(b"xyz"), base64.standard_b64decode("eHl6"), base64.b64decode("YW Jj\n"), base64.b32decode("mfrgg===", casefold=True))
print(base64.b32decode("MFRGG1==".replace("1", "L"), map01=b"L") if False else base64.b32decode("0FRGG===".replace("0", "M")))
print(base64.encodebytes(b"x" * 100), base64.decodebytes(base64.encodebytes(b"x" * 100)) == b"x" * 100, base64.b16decode("6162", casefold=True))
show(base64.b64decode, "YWJj=")
show(base64.b64decode, "YW!Jj")
show(base64.b64decode, "YW!J", validate=True)
show(base64.b64decode, "YWJjZ")
show(base64.b64decode, "YQ")
show(base64.b64decode, 5)
show(base64.b64decode, "é")
show(base64.b64encode, "x")
show(base64.b32decode, "MFRGG===")
show(base64.b32decode, "mfrgg===")
show(base64.b32decode, "MFRGG")
show(base64.b32decode, "MFRGG1==")
show(base64.b32decode, "MFRGGZDFMZTW====")
show(base64.b32decode, "MFR=====")
show(base64.b16decode, "6g")
show(base64.b16decode, "616")
show(base64.b16decode, "6a")
show(base64.encodebytes, "s")

print(binascii.hexlify(b"\x01\xab"), binascii.b2a_hex(b"xyz"), binascii.unhexlify("01ab"), binascii.a2b_hex(b"FF00"))
print(binascii.hexlify(b"abcdef", "-", 2), binascii.hexlify(b"abcde", b":", -2), binascii.hexlify(b"abcde", ":", 2), binascii.hexlify(b"ab", ":", 5))
print(binascii.b2a_base64(b"abcd"), binascii.b2a_base64(b"abcd", newline=False), binascii.a2b_base64(b"YWJj\nZGVm"), binascii.a2b_base64(b"YQ==YQ=="))
print(binascii.crc32(b"hello"), binascii.crc32(b"lo", binascii.crc32(b"hel")), binascii.crc32(b""), binascii.crc_hqx(b"abc", 0), binascii.crc_hqx(b"abc", 0xffff))
show(binascii.unhexlify, "abc")
show(binascii.unhexlify, "zz")
show(binascii.a2b_base64, b"abc")
show(binascii.a2b_base64, b"abcde")
show(binascii.a2b_base64, b"ab=c")
show(binascii.a2b_base64, "ab!cd==")
show(binascii.a2b_base64, b"YQ==YQ==", strict_mode=True)
show(binascii.a2b_base64, b"=YQ==", strict_mode=True)
show(binascii.a2b_base64, b"Y!Q==", strict_mode=True)
show(binascii.hexlify, "ab")
show(binascii.hexlify, b"ab", "--")
show(binascii.crc32, "x")
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
