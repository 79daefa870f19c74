# Fails with exit code 1: SystemExit with a string prints the message to stderr.
print("about to exit with a message")

def validate(config):
    missing = [k for k in ("name", "version", "path") if k not in config]
    if missing:
        raise SystemExit("fatal: configuration missing " + ", ".join(missing))
    return "valid"

try:
    validate({"name": "x"})
except SystemExit as e:
    print("caught once:", e.code)

print(validate({"name": "x", "version": 1, "path": "/"}))
print("now failing for real")
try:
    validate({})
finally:
    print("finally runs before exit")
print("never printed")
