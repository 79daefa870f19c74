# Import forms.
import os
import os.path
import os.path as osp
import a.b.c as d, e
from collections import OrderedDict, defaultdict as dd
from . import sibling
from ..pkg.mod import thing
from math import *

def f():
    import json
    from json import dumps as d
    return json, d
