import sys
import warnings

sys.stderr = sys.stdout


def f():
    warnings.warn("deprecated thing", DeprecationWarning, stacklevel=2)


warnings.warn("plain user warning")
warnings.warn("plain user warning")
for i in range(3):
    warnings.warn("in loop")
warnings.warn("runtime", RuntimeWarning)
warnings.warn(UserWarning("instance message"))
f()
warnings.warn("pending", PendingDeprecationWarning)
try:
    warnings.warn("bad", "notacategory")
except TypeError as e:
    print(type(e).__name__, e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded one")
    warnings.warn("recorded two", RuntimeWarning)
    warnings.warn("recorded two", RuntimeWarning)
    f()
print(len(w))
for m in w:
    print(m.category.__name__, str(m.message), type(m.message).__name__, m.lineno)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", type(e).__name__, e)
    try:
        warnings.warn("rt error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print("nothing printed")

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("rt ignored", RuntimeWarning)
    warnings.warn("user shown")

with warnings.catch_warnings():
    warnings.filterwarnings("error", message="boom")
    try:
        warnings.warn("boom goes here")
    except UserWarning as e:
        print("raised", e)
    warnings.warn("not boom")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    print(len(w))

warnings.warn("after catch")


def g():
    warnings.warn("from g", stacklevel=1)


def h():
    warnings.warn("from h, level 2", stacklevel=2)


g()
h()
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line text"))
print(repr(warnings.formatwarning("msg", RuntimeWarning, "file.py", 10, "")))


def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)


old = warnings.showwarning
warnings.showwarning = show
warnings.warn("to custom")
warnings.showwarning = old


class MyWarning(UserWarning):
    pass


warnings.warn("mine", MyWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("mine2", MyWarning)
print(w[0].category is MyWarning, issubclass(w[0].category, UserWarning))
print("done")
