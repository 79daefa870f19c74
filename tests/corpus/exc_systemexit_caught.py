# Checks SystemExit can be caught: code attribute for int, str, None, and that it is not an Exception.
for arg in [(), (0,), (3,), ("message",), (None,)]:
    try:
        raise SystemExit(*arg)
    except SystemExit as e:
        print(repr(arg), "code =", repr(e.code), "args =", e.args)

try:
    try:
        raise SystemExit(5)
    except Exception:
        print("not caught here")
except SystemExit as e:
    print("caught as SystemExit", e.code)

def quit_early():
    try:
        raise SystemExit(2)
    finally:
        print("finally runs during SystemExit")
try:
    quit_early()
except SystemExit as e:
    print("code", e.code)

try:
    exit(7)
except SystemExit as e:
    print("exit() raised SystemExit", e.code)
try:
    quit(8)
except SystemExit as e:
    print("quit() raised SystemExit", e.code)
print("still running")
