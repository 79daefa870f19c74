# String templating: a small template language ({{ name.attr|filter }},
# {% for x in xs %}, {% if x %} ... {% else %} ... {% endif %}) is parsed once
# into a tree of node objects and rendered many times against different
# contexts, into HTML pages. Measures str.find/slicing/split/replace/join,
# method dispatch over node classes, dict and attribute lookups, and
# string formatting.

ITERATIONS = 5
PAGES = 600
ROWS = 40

TEMPLATE = """<html><head><title>{{ title|escape }}</title></head>
<body>
<h1>{{ title|upper }}</h1>
<p>Hello {{ user.name|escape }}, you have {{ user.unread }} new messages.</p>
{% if user.admin %}<p class="admin">Administrator</p>{% else %}<p>Member since {{ user.since }}</p>{% endif %}
<table>
{% for row in rows %}<tr class="{% if row.odd %}odd{% else %}even{% endif %}">
  <td>{{ row.index }}</td><td>{{ row.name|escape }}</td><td>{{ row.price|money }}</td>
  <td>{% for tag in row.tags %}<span>{{ tag|lower }}</span>{% endfor %}</td>
</tr>
{% endfor %}</table>
<footer>{{ footer|escape }}</footer>
</body></html>
"""


def escape(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def money(value):
    return "${:,.2f}".format(value)


FILTERS = {"escape": escape, "upper": lambda v: str(v).upper(),
           "lower": lambda v: str(v).lower(), "money": money}


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, context, out):
        out.append(self.text)


class Expr:
    def __init__(self, source):
        parts = source.split("|")
        self.path = parts[0].strip().split(".")
        self.filters = [FILTERS[name.strip()] for name in parts[1:]]

    def lookup(self, context):
        value = context[self.path[0]]
        for name in self.path[1:]:
            if isinstance(value, dict):
                value = value[name]
            else:
                value = getattr(value, name)
        return value

    def render(self, context, out):
        value = self.lookup(context)
        for f in self.filters:
            value = f(value)
        out.append(str(value))


class For:
    def __init__(self, name, sequence, body):
        self.name = name
        self.sequence = Expr(sequence)
        self.body = body

    def render(self, context, out):
        inner = dict(context)
        for item in self.sequence.lookup(context):
            inner[self.name] = item
            for node in self.body:
                node.render(inner, out)


class If:
    def __init__(self, condition, then, otherwise):
        self.condition = Expr(condition)
        self.then = then
        self.otherwise = otherwise

    def render(self, context, out):
        branch = self.then if self.condition.lookup(context) else self.otherwise
        for node in branch:
            node.render(context, out)


def tokenize(source):
    tokens = []
    pos = 0
    while True:
        start = source.find("{", pos)
        while start >= 0 and source[start + 1:start + 2] not in ("{", "%"):
            start = source.find("{", start + 1)
        if start < 0:
            tokens.append(("text", source[pos:]))
            return tokens
        if start > pos:
            tokens.append(("text", source[pos:start]))
        closer = "}}" if source[start + 1] == "{" else "%}"
        end = source.index(closer, start)
        kind = "expr" if closer == "}}" else "tag"
        tokens.append((kind, source[start + 2:end].strip()))
        pos = end + 2


def parse(tokens, pos, stop):
    """Parses nodes up to a tag in `stop`; returns (nodes, that tag, next pos)."""
    nodes = []
    while pos < len(tokens):
        kind, value = tokens[pos]
        pos += 1
        if kind == "text":
            nodes.append(Text(value))
        elif kind == "expr":
            nodes.append(Expr(value))
        elif value in stop:
            return nodes, value, pos
        elif value.startswith("for "):
            _, name, _, sequence = value.split()
            body, _, pos = parse(tokens, pos, ("endfor",))
            nodes.append(For(name, sequence, body))
        elif value.startswith("if "):
            then, tag, pos = parse(tokens, pos, ("else", "endif"))
            otherwise = []
            if tag == "else":
                otherwise, _, pos = parse(tokens, pos, ("endif",))
            nodes.append(If(value[3:], then, otherwise))
        else:
            raise ValueError("unknown tag: " + value)
    return nodes, None, pos


def compile_template(source):
    nodes, _, _ = parse(tokenize(source), 0, ())
    return nodes


class User:
    def __init__(self, name, unread, admin, since):
        self.name = name
        self.unread = unread
        self.admin = admin
        self.since = since


def context_for(page):
    rows = []
    for i in range(ROWS):
        k = page * ROWS + i
        rows.append({
            "index": i + 1,
            "odd": i % 2 == 1,
            "name": "Item <%d> & \"friends\"" % k,
            "price": (k * 7919 % 100000) / 100.0 + 1000 * (k % 3),
            "tags": ["Tag%d" % (k % 7), "NEW" if k % 5 == 0 else "Old", "x"][: 1 + k % 3],
        })
    user = User("User %d <admin>" % page, page * 3 % 17, page % 4 == 0, 2000 + page % 20)
    return {"title": "Report #%d: sales & stock" % page, "user": user, "rows": rows,
            "footer": "Page %d of %d" % (page + 1, PAGES)}


def run_iteration():
    template = compile_template(TEMPLATE)
    total = 0
    checksum = 0
    for page in range(PAGES):
        context = context_for(page)
        out = []
        for node in template:
            node.render(context, out)
        html = "".join(out)
        total += len(html)
        checksum = (checksum * 131 + html.count("<td>") + len(html.split("&amp;"))) % 1000003
    return total, checksum, html[-60:]


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
