# Fails: uncaught 'raise ... from ...' prints both tracebacks joined by "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def load(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

settings = {"a": 1, "debug": True}
print(load(settings, "a"))
print(load(settings, "debug"))
try:
    load(settings, "zzz")
except ConfigError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))

for key in ["a", "b"]:
    print("loading", key)
    print(load(settings, key))
print("never printed")
