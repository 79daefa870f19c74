# Helper module (not a test): half of a circular import pair with mod_cycle_b.
print("mod_cycle_a: start")
A_EARLY = "a-early"
import mod_cycle_b
A_LATE = "a-late"

def from_a():
    return "from_a sees " + mod_cycle_b.B_VALUE
print("mod_cycle_a: end")
