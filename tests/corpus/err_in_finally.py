# Fails: exception raised in a finally block replaces the original one (shown as context).
def work():
    try:
        print("working")
        raise ValueError("original problem")
    finally:
        print("cleaning up")
        raise RuntimeError("cleanup failed")

def fine():
    try:
        return "fine result"
    finally:
        print("fine cleanup")

print(fine())
try:
    work()
except RuntimeError as e:
    print("caught once:", e, "| context:", repr(e.__context__))

work()
print("never printed")
