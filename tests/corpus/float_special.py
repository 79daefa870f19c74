# Checks inf and nan: comparisons, arithmetic, identity vs equality in containers, is_integer, errors.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan))
print(inf > 1e308, -inf < -1e308, inf == inf, inf + 1 == inf, inf - inf, inf * 0, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, 1 < nan)
print(nan is nan, [nan] == [nan], nan in [nan], float("nan") in [nan])
print(max(1, inf), min(-inf, 0), abs(-inf), -inf * -1, inf * -1)
print(inf // 1, inf % 1 if False else "skip", 1 / inf, -1 / inf, 5 % inf, -5 % inf)
print(float("Inf"), float("-INF"), float("infinity"), float("NaN"), float("-nan"))
print((3.0).is_integer(), (3.5).is_integer(), (-0.0).is_integer(), inf.is_integer(), nan.is_integer())
print(int(1e300) > 0, round(inf) if False else "round(inf) errors")
for fn, label in [(lambda: int(inf), "int(inf)"), (lambda: int(nan), "int(nan)"),
                  (lambda: round(inf), "round(inf)"), (lambda: round(nan), "round(nan)"),
                  (lambda: inf // 0, "inf // 0"), (lambda: float(2 ** 2000), "float(2**2000)")]:
    try:
        print(label, fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(label, type(e).__name__, e)
print(sorted([3.0, -inf, 1.0, inf]), 0.0 == -0.0, str(-0.0), -0.0 + 0.0)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0) == 0, hash(1.0) == hash(1))
print(f"{inf:.2f} {nan:5} {-inf:e}", "%f %f" % (inf, nan))
