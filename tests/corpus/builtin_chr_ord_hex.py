# Checks chr/ord round trips, hex/oct/bin for various ints (negative, zero, big), and ascii().
print(chr(65), chr(97), chr(48), chr(32) == " ", chr(0x263A), chr(0x1F600), chr(955))
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("é"), ord("€"), ord("😀"), ord("\n"), ord("\x00"))
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), oct(0), oct(8), oct(-64), bin(0), bin(10), bin(-10), bin(2 ** 10))
print(hex(True), bin(False), int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print(ascii("abc"), ascii("é"), ascii("日本"), ascii("😀"), ascii(["é", 1]), ascii("\n"))
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha() and ch.isascii():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
for fn, label in [(lambda: chr(-1), "chr(-1)"), (lambda: chr(1114112), "chr(0x110000)"), (lambda: chr("a"), "chr('a')"),
                  (lambda: ord(""), "ord('')"), (lambda: ord("ab"), "ord('ab')"), (lambda: ord(97), "ord(97)"),
                  (lambda: hex(1.5), "hex(1.5)"), (lambda: bin("1"), "bin('1')")]:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
print(ord(b"a"), ord(bytearray(b"z")), chr(ord("z") - 25))
