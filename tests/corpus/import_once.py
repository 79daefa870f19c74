# Checks a module body executes only once despite repeated imports, shared module state, and circular imports.
import mod_utils
import mod_utils
import mod_utils as again
from mod_utils import bump
print(again is mod_utils)
print(bump(), mod_utils.bump(), again.bump(), mod_utils.counter)

def import_inside():
    import mod_utils
    return mod_utils.bump()
print(import_inside(), import_inside())

from mod_utils import counter
print("snapshot of counter:", counter)
mod_utils.bump()
print("snapshot unchanged:", counter, "| live value:", mod_utils.counter)

import mod_cycle_a
print(mod_cycle_a.A_LATE, mod_cycle_a.from_a())
import mod_cycle_b
print(mod_cycle_b.B_VALUE, mod_cycle_b.mod_cycle_a is mod_cycle_a)
print(mod_cycle_a.mod_cycle_b is mod_cycle_b)
