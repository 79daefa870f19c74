# Fails: AttributeError raised inside a method called via another method.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.report()

    def summary(self):
        return f"{self.owner} has {self.balance}"

    def report(self):
        return f"{self.owner}: {self.total_amount}"

acct = Account("ann")
print("created", acct.owner)
print(acct.summary())
acct.balance = 50
print(acct.summary())
print(acct.deposit(10))
