# Fails: exception raised inside a generator while a for-loop consumes it.
def parse(items):
    for item in items:
        print("parsing", item)
        yield int(item)

def safe_parse(items):
    for item in items:
        try:
            yield int(item)
        except ValueError:
            yield None

print(list(safe_parse(["1", "x", "3"])))
print(sum(parse(["10", "20"])))

total = 0
for n in parse(["1", "2", "x", "4"]):
    total += n
    print("total", total)
print("never printed")
