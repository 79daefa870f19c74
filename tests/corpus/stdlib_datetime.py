import datetime
from datetime import date, datetime as dt, timedelta, timezone, time

# timedelta
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())
for t in [timedelta(0), timedelta(seconds=-1), timedelta(hours=-25), timedelta(weeks=2),
          timedelta(milliseconds=1500), timedelta(hours=1.5), timedelta(days=-1, seconds=1),
          timedelta(microseconds=-1), timedelta(days=2, microseconds=500000), timedelta(minutes=0.5)]:
    print(repr(t), '|', str(t))
a, b = timedelta(hours=5), timedelta(minutes=90)
print(a + b, a - b, b - a, -a, abs(-a), a * 2, 2 * a, a * 1.5, a / 2, a / b, a // b, a % b, divmod(a, b))
print(a // 7, a / 3, a > b, a == timedelta(minutes=300), hash(a) == hash(timedelta(seconds=18000)), bool(timedelta()))
print(timedelta.max, timedelta.min, timedelta.resolution)
try:
    timedelta(days=1000000000)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    timedelta(days='1')
except TypeError as e:
    print(type(e).__name__, e)

# date
d = date(2024, 2, 29)
print(repr(d), str(d), d.isoformat(), d.year, d.month, d.day, d.weekday(), d.isoweekday())
print(d.toordinal(), date.fromordinal(d.toordinal()), d.isocalendar(), tuple(d.isocalendar()), d.isocalendar().week)
print(d.ctime(), d.strftime('%Y/%m/%d %A %B %j %a %b'), f'{d:%d.%m.%Y}', f'{d}', format(d, ''))
print(d + timedelta(days=1), d - timedelta(days=60), d - date(2000, 1, 1), date(2000, 1, 1) - d)
print(d.replace(year=2023, day=28), d.replace(month=3))
print(d < date(2024, 3, 1), d == date(2024, 2, 29), d != date(2024, 2, 28), max(d, date(1999, 1, 1)))
print(date.fromisoformat('2021-07-04'), date.fromisoformat('20210704'), date.min, date.max, date.resolution)
print(d.timetuple())
for args in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1), (10000, 1, 1), (2023, 0, 1), (2023, 4, 31)]:
    try:
        date(*args)
    except ValueError as e:
        print(type(e).__name__, e)
for args in [('2023', 1, 1), (2023.0, 1, 1)]:
    try:
        date(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for s in ['2021-7-4', 'abc', '2021-07-04T00:00', '']:
    try:
        date.fromisoformat(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    date(2020, 1, 1) < dt(2020, 1, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(date(2020, 1, 1) == dt(2020, 1, 1), isinstance(dt(2020, 1, 1), date))
for y in (2019, 2020, 2021, 2026):
    print([date(y, 1, k).isocalendar()[1:] for k in (1, 2, 3, 4)], date(y, 12, 31).isocalendar())

# datetime
x = dt(2023, 3, 14, 15, 9, 26, 535897)
print(repr(x), str(x), x.isoformat(), x.isoformat(' ', 'seconds'), x.isoformat(timespec='milliseconds'))
print(repr(dt(2023, 1, 1)), repr(dt(2023, 1, 1, 5)), repr(dt(2023, 1, 1, 5, 6, 7)), str(dt(2023, 1, 1)))
print(x.date(), x.time(), repr(x.time()), x.timetuple()[:8], x.weekday())
print(x.strftime('%Y-%m-%d %H:%M:%S.%f %p %I %y %%'), x.ctime())
print(x + timedelta(hours=10), x - timedelta(days=365), x - dt(2023, 1, 1), dt(2023, 1, 1) - x)
print(x.replace(microsecond=0), x.replace(hour=0, minute=0))
print(dt.fromisoformat('2023-03-14T15:09:26'), dt.fromisoformat('2023-03-14 15:09:26.123'), dt.fromisoformat('2023-03-14'))
print(repr(dt.fromisoformat('2023-03-14T15:09:26+02:00')), dt.fromisoformat('2023-03-14T15:09:26Z'))
print(dt.combine(date(2020, 5, 17), time(8, 30)), dt(2020, 1, 1) < dt(2020, 1, 1, 0, 0, 1))
for args in [(2023, 1, 1, 24), (2023, 1, 1, 0, 60), (2023, 1, 1, 0, 0, 60), (2023, 1, 1, 0, 0, 0, 1000000)]:
    try:
        dt(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    dt(2023, 1, 1, tzinfo='UTC')
except TypeError as e:
    print(type(e).__name__, e)
try:
    dt.fromisoformat('2023-03-14X')
except ValueError as e:
    print(type(e).__name__, e)

# timezone
utc = timezone.utc
print(repr(utc), str(utc), utc is datetime.UTC, utc.utcoffset(None), utc.tzname(None), utc.dst(None))
tz = timezone(timedelta(hours=5, minutes=30))
print(repr(tz), str(tz), repr(timezone(timedelta(hours=-3), 'BRT')), str(timezone(timedelta(hours=-3), 'BRT')))
print(timezone(timedelta(0)) is utc, timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'X'))
aware = dt(2023, 6, 1, 12, 0, tzinfo=utc)
print(repr(aware), str(aware), aware.isoformat(), aware.utcoffset(), aware.tzname())
ist = aware.astimezone(tz)
print(ist, repr(ist), ist == aware, ist - aware, hash(ist) == hash(aware))
print(aware.timestamp(), dt.fromtimestamp(0, utc), dt.utcfromtimestamp(86400 * 365), dt.fromtimestamp(1.5, tz=utc))
print(aware.strftime('%Y-%m-%dT%H:%M:%S%z %Z'), ist.strftime('%z %Z'), dt(2020, 1, 1).strftime('[%z][%Z]'))
try:
    aware < dt(2023, 6, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    aware - dt(2023, 6, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(aware == dt(2023, 6, 1, 12))
try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print(type(e).__name__, e)
try:
    timezone(5)
except TypeError as e:
    print(type(e).__name__, e)

# time
t = time(13, 5)
print(repr(t), str(t), repr(time(1, 2, 3, 4)), time(1, 2, 3, 4).isoformat(), t.isoformat('hours'), t.strftime('%H:%M %p'))
print(repr(time(9, 0, tzinfo=utc)), time(9, 0, tzinfo=tz), time.fromisoformat('10:20:30.5'), time.min, time.max)
print(t < time(14), t == time(13, 5, 0), t.replace(minute=45))
try:
    time(25)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.isoformat(timespec='days')
except ValueError as e:
    print(type(e).__name__, e)

# sorting, dict keys, now() sanity
days = [date(2020, 5, 1), date(2019, 1, 1), date(2021, 3, 3)]
print(sorted(days), {date(2020, 1, 1): 'a'}[date(2020, 1, 1)])
now = dt.now()
print(type(now).__name__, now.year >= 2024, (dt.now() - now) < timedelta(seconds=5), date.today() == now.date() or True)
print(datetime.MINYEAR, datetime.MAXYEAR, dt.min, dt.max)
