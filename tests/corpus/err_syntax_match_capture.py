# Checks the SyntaxError for a capture pattern that makes later cases unreachable.
def f(v):
    match v:
        case [x]:
            return 1
        case other:
            return 2
        case 3:
            return 3
print(f(1))
