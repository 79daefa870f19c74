import logging
import sys

# No configuration: the root logger's lastResort handler prints bare messages of
# WARNING and above to stderr.
sys.stderr = sys.stdout
log = logging.getLogger('app')
log.debug('hidden debug')
log.info('hidden info')
log.warning('last resort warning %s', 42)
log.error('last resort error')
print(logging.getLogger() is logging.root, logging.getLogger('root') is logging.root)
print(repr(logging.root), repr(log), log.parent is logging.root)
print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(15))
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.WARN, logging.FATAL)

# basicConfig via module-level function: default format "LEVEL:name:msg"
logging.warning('root warning %d', 1)
logging.info('not shown')
logging.error('%s and %s', 'a', 'b')
print(len(logging.root.handlers), type(logging.root.handlers[0]).__name__)

# reconfigure to stdout with a custom format and level
logging.basicConfig(level=logging.DEBUG, format='%(levelname)-8s %(name)s: %(message)s',
                    stream=sys.stdout, force=True)
logging.debug('now debug shows')
log.info('info from app')
child = logging.getLogger('app.db.conn')
print(child.parent is log, child.getEffectiveLevel(), child.name)
mid = logging.getLogger('app.db')
print(child.parent is mid, mid.parent is log)
child.warning('from %(who)s', {'who': 'child'})
log.setLevel(logging.ERROR)
child.warning('suppressed by app level')
child.error('error passes')
print(child.getEffectiveLevel(), log.getEffectiveLevel(), child.isEnabledFor(logging.WARNING))
log.setLevel('INFO')
print(log.level, log.getEffectiveLevel())
try:
    log.setLevel('LOUD')
except ValueError as e:
    print(type(e).__name__, e)
try:
    log.setLevel(3.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    log.log('x', 'msg')
except TypeError as e:
    print(type(e).__name__, e)
log.log(25, 'custom level %s', 25)
logging.addLevelName(25, 'NOTICE')
log.log(25, 'named custom level')

# handlers and propagation
class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


h = ListHandler()
h.setFormatter(logging.Formatter('[%(name)s|%(levelno)d|%(funcName)s|%(lineno)d] %(message)s'))
svc = logging.getLogger('svc')
svc.addHandler(h)
svc.setLevel(logging.DEBUG)


def do_work():
    svc.debug('working %d', 7)


do_work()
svc.propagate = False
svc.info('not propagated')
print(h.records)
svc.removeHandler(h)
svc.propagate = True

nh = logging.NullHandler()
quiet = logging.getLogger('quiet')
quiet.addHandler(nh)
quiet.propagate = False
quiet.error('swallowed')
print(quiet.hasHandlers(), logging.getLogger('nohandlers.x').hasHandlers())

# handler level and filters
sh = logging.StreamHandler(sys.stdout)
sh.setLevel(logging.WARNING)
sh.setFormatter(logging.Formatter('SH %(levelname)s %(message)s'))
f = logging.getLogger('filt')
f.propagate = False
f.setLevel(logging.DEBUG)
f.addHandler(sh)
f.info('below handler level')
f.warning('at handler level')
sh.addFilter(lambda r: 'secret' not in r.getMessage())
f.warning('contains secret')
f.warning('public')


class OnlyA(logging.Filter):
    def filter(self, record):
        return record.name.startswith('filt.a')


f.handlers[0].filters.clear()
f.addFilter(logging.Filter('filt.a'))
f.warning('logger filter rejects own name')
logging.getLogger('filt.a').warning('child records skip parent logger filters')
print(repr(sh), repr(logging.NullHandler()))

# exception logging
try:
    1 / 0
except ZeroDivisionError:
    logging.exception('failed to divide')
    log.error('with exc_info', exc_info=True)
try:
    {}['k']
except KeyError as e:
    log.warning('given exception', exc_info=e)

# {}-style and $-style formatters
fs = logging.StreamHandler(sys.stdout)
fs.setFormatter(logging.Formatter('{levelname}/{name}: {message}', style='{'))
st = logging.getLogger('styles')
st.propagate = False
st.addHandler(fs)
st.warning('brace style')
fs.setFormatter(logging.Formatter('$levelname/${name}: $message', style='$'))
st.warning('dollar style')
try:
    logging.Formatter('no fields', style='{')
except ValueError as e:
    print(type(e).__name__, e)
try:
    logging.Formatter('x', style='?')
except ValueError as e:
    print(type(e).__name__, e)

# formatTime with a fixed timestamp and datefmt
rec = logging.makeLogRecord({'msg': 'hello %s', 'args': ('world',), 'name': 'made', 'levelname': 'INFO', 'levelno': 20})
rec.created = 86400 * 365.25 * 30 + 0.123
rec.msecs = 123.0
fm = logging.Formatter('%(asctime)s %(message)s', datefmt='%Y/%m/%d')
print(rec.getMessage(), fm.format(rec).split(' ', 1)[1], len(fm.format(rec).split(' ')[0]))
fm2 = logging.Formatter('%(asctime)s|%(message)s')
print(len(fm2.formatTime(rec)), fm2.formatTime(rec)[-4:])
print(rec)

# LoggerAdapter and extra
ad = logging.LoggerAdapter(logging.getLogger('adapt'), {'ip': '1.2.3.4'})
eh = logging.StreamHandler(sys.stdout)
eh.setFormatter(logging.Formatter('%(ip)s %(message)s'))
ad.logger.addHandler(eh)
ad.logger.propagate = False
ad.warning('adapted %s', 'msg')
logging.getLogger('adapt').warning('direct', extra={'ip': '5.6.7.8'})
try:
    logging.getLogger('adapt').warning('bad', extra={'message': 'x'})
except KeyError as e:
    print(type(e).__name__, e)

# basicConfig errors
try:
    logging.basicConfig(force=True, stream=sys.stdout, filename='x.log')
except ValueError as e:
    print(type(e).__name__, e)
try:
    logging.basicConfig(force=True, bogus=1)
except ValueError as e:
    print(type(e).__name__, e)
print(logging.getLogger('app').getChild('sub').name, logging.root.getChild('top').name)
logging.disable(logging.CRITICAL)
logging.critical('disabled')
logging.disable(logging.NOTSET)
print('done')
