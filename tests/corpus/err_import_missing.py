# Fails: ModuleNotFoundError for importing a module that does not exist (after a successful sibling import).
print("before imports")
import mod_utils
print(mod_utils.greet("corpus"))
print(mod_utils.bump(), mod_utils.bump())

try:
    import mod_missing_but_caught
except ImportError as e:
    print("caught:", type(e).__name__, e)

def lazy():
    import mod_also_missing
    return mod_also_missing

try:
    lazy()
except ModuleNotFoundError as e:
    print("caught lazily:", e.name)

import mod_this_module_does_not_exist
print("never")
