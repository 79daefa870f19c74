# Private name mangling inside class bodies and their methods.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1

    def __secret(self):
        return self.__owner

    def get(self, __key=None):
        return self.__secret(), __key, self.__dunder__

class __Hidden:
    __x = 1
