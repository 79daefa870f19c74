# Checks printf-style % formatting: %s %r %d %i %f %e %g %x %o %c %%, widths, flags, dict mapping, errors.
print("%s is %d years" % ("Ann", 30))
print("%r %s" % ("q", "q"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%+.1f|%08.2f" % (3.14159, 2.5, 2.25, 1.0, -3.14159))
print("%e|%.2E|%g|%G|%.3g" % (12345.678, 0.000123, 0.00001, 1e20, 3.14159))
print("%x|%X|%#x|%o|%#o" % (255, 255, 255, 8, 8))
print("%c%c%c" % (72, "i", 33))
print("100%% sure, %s%%" % 50)
print("%(name)s has %(count)03d items" % {"name": "cart", "count": 7})
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%s and %s" % (None, True), "%d" % True, "%i" % 3.99, "%d" % -3.99)
print("%10s|%-10s|%.3s" % ("right", "left", "truncate"))
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("single %s" % "value", "no args" % ())
print("%a" % "héllo", "%5.1s|" % "xyz")
print("%s" % 10 ** 20, "%d" % 10 ** 20, "%x" % 2 ** 64)
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
for fmt, args in [("%d", "x"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5), ("%c", 1114112)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    print("%(missing)s" % {"other": 1})
except KeyError as e:
    print(type(e).__name__, e)
print(b"%s-%d" % (b"bytes", 5))
