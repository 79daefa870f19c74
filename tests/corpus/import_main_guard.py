# Checks __name__ == "__main__" for the script while imported modules see their own name, and guard code not run on import.
print("script __name__ =", __name__)
import mod_guarded
print("after import")
print(mod_guarded.__name__)
print(mod_guarded.main())
import mod_guarded
print("second import printed nothing new")

def helper():
    return "helper in " + __name__

def main():
    print("import_main_guard.main running")
    print(helper())
    print(main.__module__, helper.__module__, mod_guarded.main.__module__)
    return "ok"

if __name__ == "__main__":
    print(main())
else:
    print("never printed")

if __name__ != "__main__":
    print("never printed either")
print("end of script")
