"""Parsing of date and time strings for `time.strptime` and `datetime.strptime`.

Written for Ember. Ember runs in the C locale, so month and day names, AM/PM and the
`%c`/`%x`/`%X` layouts are the C locale's. A format is turned into one regular expression
(matched case-insensitively) whose named groups are then converted to fields, with
CPython 3.11's rules and error messages.
"""

import re as _re
import time as _time
from datetime import date as _date, timedelta as _timedelta, timezone as _timezone

__all__ = []

_F_WEEKDAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_A_WEEKDAY = [d[:3] for d in _F_WEEKDAY]
_F_MONTH = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
            'september', 'october', 'november', 'december']
_A_MONTH = [m[:3] for m in _F_MONTH]
_AM_PM = ['am', 'pm']


def _alternatives(words, name):
    """A named group matching any of `words`, longest first so prefixes do not win."""
    words = sorted(words, key=len, reverse=True)
    if not any(words):
        return ''
    return '(?P<%s>%s)' % (name, '|'.join(_re.escape(w) for w in words))


def _zone_names():
    no_saving = {'utc', 'gmt', _time.tzname[0].lower()}
    has_saving = {_time.tzname[1].lower()} if _time.daylight else set()
    return no_saving, has_saving


_DIRECTIVES = {
    'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
    'f': r'(?P<f>[0-9]{1,6})',
    'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
    'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
    'G': r'(?P<G>\d\d\d\d)',
    'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
    'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
    'M': r'(?P<M>[0-5]\d|\d)',
    'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
    'U': r'(?P<U>5[0-3]|[0-4]\d|\d)',
    'W': r'(?P<W>5[0-3]|[0-4]\d|\d)',
    'w': r'(?P<w>[0-6])',
    'u': r'(?P<u>[1-7])',
    'V': r'(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)',
    'y': r'(?P<y>\d\d)',
    'Y': r'(?P<Y>\d\d\d\d)',
    'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
    'A': _alternatives(_F_WEEKDAY, 'A'),
    'a': _alternatives(_A_WEEKDAY, 'a'),
    'B': _alternatives(_F_MONTH[1:], 'B'),
    'b': _alternatives(_A_MONTH[1:], 'b'),
    'p': _alternatives(_AM_PM, 'p'),
    '%': '%',
}

_SPECIAL = _re.compile(r'([\\.^$*+?\(\){}\[\]|])')
_SPACES = _re.compile(r'\s+')


def _pattern(format):
    """The regular expression source for `format` (KeyError: unknown directive;
    IndexError: a lone '%' at the end)."""
    format = _SPECIAL.sub(r'\\\1', format)
    format = _SPACES.sub(r'\\s+', format)
    out = []
    while '%' in format:
        i = format.index('%')
        out.append(format[:i])
        out.append(_directive(format[i + 1]))
        format = format[i + 2:]
    out.append(format)
    return ''.join(out)


def _directive(ch):
    if ch == 'c':
        return _pattern('%a %b %d %H:%M:%S %Y')
    if ch == 'x':
        return _pattern('%m/%d/%y')
    if ch == 'X':
        return _pattern('%H:%M:%S')
    if ch == 'Z':
        no_saving, has_saving = _zone_names()
        return _alternatives(list(no_saving) + list(has_saving), 'Z')
    return _DIRECTIVES[ch]


_cache = {}


def _compile(format):
    regex = _cache.get(format)
    if regex is None:
        if len(_cache) > 100:
            _cache.clear()
        regex = _cache[format] = _re.compile(_pattern(format), _re.IGNORECASE)
    return regex


def _julian_from_week(year, week_of_year, day_of_week, week_starts_mon):
    """Day of the year for a %U/%W week number and a weekday (0 = Monday)."""
    first_weekday = _date(year, 1, 1).weekday()
    if not week_starts_mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    return 1 + week_0_length + 7 * (week_of_year - 1) + day_of_week


def _julian_from_iso(iso_year, iso_week, iso_weekday):
    """(year, day of the year) for an ISO year, week and weekday (1 = Monday)."""
    correction = _date(iso_year, 1, 4).isoweekday() + 3
    ordinal = iso_week * 7 + iso_weekday - correction
    if ordinal < 1:
        ordinal += _date(iso_year, 1, 1).toordinal()
        iso_year -= 1
        ordinal -= _date(iso_year, 1, 1).toordinal()
    return iso_year, ordinal


def _strptime(data_string, format='%a %b %d %H:%M:%S %Y'):
    """((year, month, day, hour, minute, second, weekday, julian, isdst, zone, gmtoff),
    microseconds, gmtoff microseconds) parsed from `data_string`."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError('strptime() argument {} must be str, not {}'.format(index, type(arg)))
    try:
        regex = _compile(format)
    except KeyError as err:
        bad = err.args[0]
        if bad == '\\':
            bad = '%'
        raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
    except IndexError:
        raise ValueError("stray %% in format '%s'" % format) from None
    found = regex.match(data_string)
    if not found:
        raise ValueError('time data %r does not match format %r' % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError('unconverted data remains: %s' % data_string[found.end():])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = week_of_year_start = None
    weekday = julian = None
    groups = found.groupdict()
    for key in groups:
        value = groups[key]
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = _F_MONTH.index(value.lower())
        elif key == 'b':
            month = _A_MONTH.index(value.lower())
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            ampm = (groups.get('p') or '').lower()
            if ampm in ('', _AM_PM[0]):
                if hour == 12:
                    hour = 0
            elif ampm == _AM_PM[1] and hour != 12:
                hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = _F_WEEKDAY.index(value.lower())
        elif key == 'a':
            weekday = _A_WEEKDAY.index(value.lower())
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week_of_year = int(value)
            week_of_year_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            gmtoff, gmtoff_fraction = _parse_offset(value)
        elif key == 'Z':
            zone = value.lower()
            for isdst, names in enumerate(_zone_names()):
                if zone in names:
                    if (_time.tzname[0] == _time.tzname[1] and _time.daylight
                            and zone not in ('utc', 'gmt')):
                        break
                    tz = isdst
                    break

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")

    # February 29th without a year: parse in a leap year, report 1900 as usual.
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, julian = _julian_from_iso(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 365

    if julian is None:
        julian = _date(year, month, day).toordinal() - _date(year, 1, 1).toordinal() + 1
    else:
        result = _date.fromordinal(julian - 1 + _date(year, 1, 1).toordinal())
        year, month, day = result.year, result.month, result.day
    if weekday is None:
        weekday = _date(year, month, day).weekday()
    tzname = groups.get('Z')
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _parse_offset(z):
    """(seconds, microseconds) east of UTC for a %z match such as '+05:30' or 'Z'."""
    if z == 'Z':
        return 0, 0
    original = z
    if z[3] == ':':
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ':':
                raise ValueError(f'Inconsistent use of : in {original}')
            z = z[:5] + z[6:]
    hours = int(z[1:3])
    minutes = int(z[3:5])
    seconds = int(z[5:7] or 0)
    offset = hours * 3600 + minutes * 60 + seconds
    rest = z[8:]
    fraction = int(rest + '0' * (6 - len(rest)))
    if z.startswith('-'):
        return -offset, -fraction
    return offset, fraction


def _strptime_time(data_string, format='%a %b %d %H:%M:%S %Y'):
    """`time.strptime`: a struct_time."""
    tt = _strptime(data_string, format)[0]
    return _time.struct_time(tt[:11])


def _strptime_datetime(cls, data_string, format='%a %b %d %H:%M:%S %Y'):
    """`datetime.strptime`: an instance of `cls`, aware when the format had %z."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        delta = _timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        args += (_timezone(delta, tzname) if tzname else _timezone(delta),)
    return cls(*args)
