# Program: small bank simulation with classes, custom exceptions, properties, class-level registry, and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.shortfall = amount - account.balance

class Account:
    _next_id = 1
    registry = {}
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.log = []
        Account.registry[self.id] = self
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.log.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.log.append(("withdraw", amount))
    def __repr__(self):
        return f"<Account #{self.id} {self.owner}: {self._balance}>"

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except InsufficientFunds as e:
        print("transfer failed:", e, "| short by", e.shortfall)
        return False
    else:
        dst.deposit(amount)
        return True
    finally:
        print(f"transfer attempt {src.owner}->{dst.owner} {amount}")

a = Account("ann", 100)
b = Savings("bob", 50)
print(a, b)
print(transfer(a, b, 30), transfer(b, a, 500), transfer(b, a, 60))
print(b.add_interest(), b)
for bad in (0, -5):
    try:
        a.deposit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a.balance = 1000
except AttributeError as e:
    print(type(e).__name__, e)
print(a.log, b.log)
print(sorted(Account.registry), [acct.owner for acct in Account.registry.values()])
total = sum(acct.balance for acct in Account.registry.values())
print(f"total holdings: {total:,.2f}")
