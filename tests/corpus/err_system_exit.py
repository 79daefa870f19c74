# Fails with exit code 3 via raise SystemExit(3): no traceback, output before it is kept, finally blocks run.
def main():
    print("doing work")
    try:
        raise SystemExit(3)
    finally:
        print("finally before exit")
    print("never")

try:
    raise SystemExit(9)
except SystemExit as e:
    print("caught a SystemExit first, code", e.code)

class Resource:
    def __enter__(self):
        print("resource acquired")
        return self
    def __exit__(self, *exc):
        print("resource released, exc type:", exc[0].__name__ if exc[0] else None)

with Resource():
    main()
print("never either")
