# Helper module (not a test): imports mod_cycle_a while it is only partially initialised.
print("mod_cycle_b: start")
import mod_cycle_a
B_VALUE = "b-value"
print("mod_cycle_b sees A_EARLY:", mod_cycle_a.A_EARLY)
print("mod_cycle_b sees A_LATE yet:", hasattr(mod_cycle_a, "A_LATE"))
print("mod_cycle_b: end")
