# print, input prompts, warnings and tracebacks follow a rebound sys.stdout / sys.stderr
import contextlib
import io
import sys
import traceback
import warnings

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, 2, sep="-")
    print("second line", end="!")
    print()
    sys.stdout.write("direct write\n")
print("after:", repr(buf.getvalue()))

# nested redirects restore the previous target
outer, inner = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(outer):
    print("to outer")
    with contextlib.redirect_stdout(inner):
        print("to inner")
    print("outer again")
print(repr(outer.getvalue()), repr(inner.getvalue()))

# a plain object with write() works too
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
old = sys.stdout
sys.stdout = c
print("a", "b")
print("flushed", flush=True)
sys.stdout = old
print(c.parts)

# print(file=...) still wins over sys.stdout
b2 = io.StringIO()
with contextlib.redirect_stdout(io.StringIO()) as redirected:
    print("explicit", file=b2)
    print("implicit")
print(repr(b2.getvalue()), repr(redirected.getvalue()))

# sys.stdout = None silences print
sys.stdout = None
print("lost")
sys.stdout = sys.__stdout__
print("back", sys.stdout is sys.__stdout__)

# stderr: traceback.print_exc and warnings
err = io.StringIO()
with contextlib.redirect_stderr(err):
    try:
        1 / 0
    except ZeroDivisionError:
        traceback.print_exc()
    warnings.warn("careful", UserWarning)
    print("to stderr", file=sys.stderr)
text = err.getvalue()
print(text.splitlines()[0], "|", text.splitlines()[-3:])

# a write() that raises propagates from print
class Broken:
    def write(self, s):
        raise OSError("disk full")
sys.stdout = Broken()
try:
    print("x")
except OSError as e:
    sys.stdout = sys.__stdout__
    print("OSError", e)

# an object without write()
sys.stdout = 42
try:
    print("y")
except AttributeError as e:
    sys.stdout = sys.__stdout__
    print("AttributeError", e)

# redirect_stdout as a decorator-style reusable context
f = io.StringIO()
cm = contextlib.redirect_stdout(f)
with cm:
    print("once")
with cm:
    print("twice")
print(repr(f.getvalue()))
