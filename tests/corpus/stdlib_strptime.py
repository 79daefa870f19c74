# datetime.datetime.strptime and time.strptime: directives, defaults and error messages.
import time
from datetime import datetime

cases = [
    ('2024-03-15 13:45:30', '%Y-%m-%d %H:%M:%S'),
    ('15/03/24', '%d/%m/%y'),
    ('01/01/69', '%d/%m/%y'),
    ('01/01/68', '%d/%m/%y'),
    ('2024-03-15T13:45:30.123', '%Y-%m-%dT%H:%M:%S.%f'),
    ('2024-03-15 13:45:30.5', '%Y-%m-%d %H:%M:%S.%f'),
    ('March 5, 2021', '%B %d, %Y'),
    ('mar 5 2021', '%b %d %Y'),
    ('SEPTEMBER 30 1999', '%B %d %Y'),
    ('Friday 15 Mar 2024', '%A %d %b %Y'),
    ('Fri 15 Mar 2024', '%a %d %b %Y'),
    ('03:15 PM', '%I:%M %p'),
    ('12:00 am', '%I:%M %p'),
    ('12:30 PM', '%I:%M %p'),
    ('11', '%I'),
    ('2024 060', '%Y %j'),
    ('2023 365', '%Y %j'),
    ('2024-03-15 13:45:30 +0530', '%Y-%m-%d %H:%M:%S %z'),
    ('2024-03-15 13:45:30 -08:00', '%Y-%m-%d %H:%M:%S %z'),
    ('2024-03-15 13:45:30 Z', '%Y-%m-%d %H:%M:%S %z'),
    ('2024-03-15 +01:02:03.5', '%Y-%m-%d %z'),
    ('100%', '%d%%'),
    ('', ''),
    ('2024', '%Y'),
    ('7', '%m'),
    ('29 Feb', '%d %b'),
    ('2024  3    5', '%Y %m %d'),
    ('Tue Mar 17 22:44:55 1999', '%c'),
    ('03/17/99', '%x'),
    ('22:44:55', '%X'),
    ('2024 10 3', '%Y %W %w'),
    ('2024 10 3', '%Y %U %w'),
    ('2024 0 1', '%Y %U %w'),
    ('2021 0 1', '%Y %W %u'),
    ('2024 11 5', '%G %V %u'),
    ('2021 1 1', '%G %V %u'),
    ('2024-01-01 UTC', '%Y-%m-%d %Z'),
    ('x2024y', 'x%Yy'),
    ('(2024)', '(%Y)'),
    ('a.b 2024', 'a.b %Y'),
    (' 5', '%d'),
    ('1 2 3', '%H %M %S'),
    ('61', '%S'),
]
for s, fmt in cases:
    try:
        print(repr(s), repr(fmt), '->', repr(datetime.strptime(s, fmt)))
    except Exception as e:
        print(repr(s), repr(fmt), '->', type(e).__name__, e)

errors = [
    ('2024-13-01', '%Y-%m-%d'),
    ('2024-02-30', '%Y-%m-%d'),
    ('2023-02-29', '%Y-%m-%d'),
    ('2024-03-15 extra', '%Y-%m-%d'),
    ('2024-03-15', '%Y-%m-%d %H'),
    ('24-03-15', '%Y-%m-%d'),
    ('hello', '%Y'),
    ('2024', '%Q'),
    ('2024', '%Y%'),
    ('2024', '%'),
    ('2024 (', '%Y %('),
    ('+01:0203', '%z'),
    ('2024 10', '%G %V'),
    ('2024 10 1', '%Y %V %u'),
    ('2024 10 1 5', '%G %V %u %j'),
    ('10 1', '%V %u'),
    ('25:00', '%H:%M'),
    ('Smarch 1', '%B %d'),
]
for s, fmt in errors:
    try:
        print(repr(datetime.strptime(s, fmt)))
    except ValueError as e:
        print('ValueError', e)
for args in [(2024, '%Y'), ('2024', 5), (None, None)]:
    try:
        datetime.strptime(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    datetime.strptime('2024')
except TypeError as e:
    print('TypeError', e)

d = datetime.strptime('2024-03-15 13:45:30 +0200', '%Y-%m-%d %H:%M:%S %z')
print(d.tzinfo, d.utcoffset(), d.isoformat(), d.timestamp())
d = datetime.strptime('2024-03-15 13:45:30 -0000', '%Y-%m-%d %H:%M:%S %z')
print(d.tzinfo, d.isoformat())


class MyDT(datetime):
    pass


print(type(MyDT.strptime('2020', '%Y')).__name__, MyDT.strptime('2020-05', '%Y-%m'))

for s, fmt in [('2024-03-15 13:45:30', '%Y-%m-%d %H:%M:%S'), ('Mon Jan  1 00:00:00 2018', '%a %b %d %H:%M:%S %Y'),
               ('30 Nov 00', '%d %b %y'), ('1999 365', '%Y %j'), ('12 pm', '%I %p')]:
    t = time.strptime(s, fmt)
    print(t, t.tm_zone, t.tm_gmtoff)
print(time.strptime('Mon Jan  1 00:00:00 2018'))
t = time.strptime('2024-03-15 +0130', '%Y-%m-%d %z')
print(tuple(t), t.tm_gmtoff)
for args in [('x', '%Y'), ('2024', '%Y %d'), ('2024', '%L')]:
    try:
        time.strptime(*args)
    except ValueError as e:
        print('ValueError', e)
try:
    time.strptime(5)
except TypeError as e:
    print('TypeError', e)
