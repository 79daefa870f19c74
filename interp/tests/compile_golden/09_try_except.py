# try/except/else: matching, binding and unbinding the name, bare except, re-raise.
def f(x):
    try:
        r = risky(x)
    except (KeyError, IndexError) as e:
        log(e)
        r = None
    except ValueError:
        r = 0
    except:
        raise
    else:
        r += 1
    return r
