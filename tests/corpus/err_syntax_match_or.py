# Checks the SyntaxError for or-pattern alternatives that bind different names.
match (1, 2):
    case (a, 1) | (1, b):
        print(a)
