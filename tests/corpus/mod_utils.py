# Helper module (not a test): small utilities and module-level state for import_* tests.
print("mod_utils: executing module body, __name__ =", __name__)

counter = 0
SETTING = "default"

def bump():
    global counter
    counter += 1
    return counter

def read_setting():
    return SETTING

def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"

class Registry:
    items = []
    @classmethod
    def add(cls, item):
        cls.items.append(item)
        return len(cls.items)
