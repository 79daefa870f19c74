# Helper module (not a test): has a __main__ guard that must not run on import.
def main():
    print("mod_guarded.main() called")
    return 0

if __name__ == "__main__":
    print("mod_guarded running as a script (should not happen on import)")
    main()
else:
    print("mod_guarded imported, __name__ =", __name__)
