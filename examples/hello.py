"""A small tour of what Ember runs: classes, generators, closures, formatting."""


class Account:
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount!r}")
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:.2f})"


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


if __name__ == "__main__":
    acct = Account("ada").deposit(120.5).deposit(30)
    print(acct)
    try:
        acct.deposit(-5)
    except ValueError as e:
        print("refused:", e)
    fib = fibonacci()
    print([next(fib) for _ in range(15)])
    bump = counter()
    print(sum(bump() for _ in range(10)), "after", bump(), "bumps")
    words = "the quick brown fox jumps over the lazy dog the end".split()
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print("top words:", ", ".join(f"{w}={n}" for w, n in top))
    print(f"2**100 = {2**100:,}")
