# Checks ValueError/TypeError messages for failed unpacking.
def attempt(desc, fn):
    try:
        print(desc, "->", fn())
    except (ValueError, TypeError) as e:
        print(desc, "->", type(e).__name__, e)

def two(v):
    a, b = v
    return a, b

def star(v):
    a, b, *c = v
    return a, b, c

attempt("two of 3", lambda: two([1, 2, 3]))
attempt("two of 1", lambda: two([1]))
attempt("two of 0", lambda: two([]))
attempt("two of int", lambda: two(5))
attempt("two of None", lambda: two(None))
attempt("two of str3", lambda: two("abc"))
attempt("two of gen", lambda: two(x for x in range(5)))
attempt("star of 1", lambda: star([1]))
attempt("star of 2", lambda: star([1, 2]))
attempt("two of dict", lambda: two({"a": 1, "b": 2}))

def three(v):
    a, b, c = v
    return a
attempt("three of 2", lambda: three((1, 2)))
attempt("three of 5", lambda: three(range(5)))

def nested(v):
    (a, b), c = v
    return a
attempt("nested", lambda: nested([(1, 2, 3), 4]))
attempt("nested ok", lambda: nested([(1, 2), 4]))
def call_star(v):
    return max(*v)
attempt("call star int", lambda: call_star(5))
def call_kw(v):
    return dict(**v)
attempt("call ** list", lambda: call_kw([1]))
attempt("call ** ok", lambda: call_kw({"k": 1}))
def dup():
    return dict(**{"a": 1}, **{"a": 2})
attempt("dup kw", dup)
