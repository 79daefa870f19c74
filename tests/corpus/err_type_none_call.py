# Fails: TypeError "'NoneType' object is not callable" (calling the result of a function returning None).
def get_handler(name):
    handlers = {"a": lambda: "handled a", "b": None}
    return handlers.get(name)

print(get_handler("a")())
for name in ["a", "b", "c"]:
    h = get_handler(name)
    print(name, "callable" if callable(h) else "not callable")

def call_safely(h):
    if h is None:
        return "no handler"
    return h()

print(call_safely(get_handler("a")), call_safely(get_handler("c")))
print(get_handler("z") is None)
handler = get_handler("b")
handler()
print("never printed")
