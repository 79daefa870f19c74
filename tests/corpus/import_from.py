# Checks 'from module import name', aliases with 'as', 'import *' honouring __all__, and ImportError for missing names.
from mod_shapes import Circle, Square as Sq
from mod_utils import greet, bump as increment, SETTING
print(Circle(1).area(), Sq(2).area(), greet("Ann"), greet("Bo", "?"))
print(increment(), increment(), SETTING)
import mod_utils
print(mod_utils.counter, mod_utils.bump(), mod_utils.counter)
mod_utils.SETTING = "changed"
print(SETTING, mod_utils.read_setting())

from mod_shapes import *
print(total_area([Circle(1), Square(1)]))
print("PI" in dir(), "Circle" in dir(), "_private_helper" in dir(), "Shape" in dir())
try:
    from mod_utils import does_not_exist
except ImportError as e:
    print(type(e).__name__, "raised for missing name")
try:
    import mod_no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_no_such_module import x
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
def local_import():
    from mod_utils import Registry
    return Registry.add("x"), Registry.add("y")
print(local_import(), mod_utils.Registry.items)
