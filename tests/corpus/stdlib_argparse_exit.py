# argparse error path for real: usage and "prog: error:" on stderr, exit status 2.
import argparse

p = argparse.ArgumentParser(prog='exiter', description='Exits with an error.')
p.add_argument('--count', type=int, default=1)
p.add_argument('name')
print(p.parse_args(['bob', '--count', '3']))
p.parse_args(['--count', 'many'])
print('not reached')
