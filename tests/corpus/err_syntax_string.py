# Fails: SyntaxError for an unterminated string literal; nothing runs.
print("this must not print")

greeting = "hello"
quoted = 'single quotes are fine'
triple = """triple
quoted strings may span lines"""
escaped = "an escaped \" quote"
print(greeting, quoted, triple, escaped)

def shout(s):
    return s.upper() + "!"

print(shout(greeting))
message = "unterminated
print(message)

def never():
    return "never compiled"

print(never())
