# Module-level control flow uses globals throughout.
total = 0
for i in range(10):
    try:
        total += 10 // i
    except ZeroDivisionError:
        continue
    finally:
        total += 1
with open("f") as fh:
    text = fh.read()
