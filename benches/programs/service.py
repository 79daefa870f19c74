# A service workload: the request path of a small web application. Raw HTTP
# request text is parsed into a Request (method, path, query dict, header
# dict, body), routed through a table of path patterns with parameters to a
# handler, and the handler's answer is rendered either as JSON-like text or
# through an HTML template, then serialized as an HTTP response. Requests are
# drawn from a fixed mix (user pages, listings with paging, search, form
# posts with JSON bodies, static and error paths), UNITS per iteration, so
# the harness reports requests per second over time. Measures what web
# services spend their time on: str split/partition/join/format, dict
# building and lookups, small classes, closures and exceptions.

ITERATIONS = 5
REQUESTS = 4000
UNITS = (REQUESTS, "requests")

STATUS_TEXT = {200: "OK", 201: "Created", 400: "Bad Request", 404: "Not Found",
               405: "Method Not Allowed", 500: "Internal Server Error"}

FIRST = ["Ada", "Grace", "Linus", "Guido", "Barbara", "Ken", "Dennis", "Margaret"]
LAST = ["Lovelace", "Hopper", "Torvalds", "van Rossum", "Liskov", "Thompson"]
WORDS = ["fast", "python", "runtime", "jit", "garbage", "collector", "shape",
         "cache", "tier", "bytecode", "register", "object", "dict", "string"]


class HttpError(Exception):
    def __init__(self, status, message):
        Exception.__init__(self, message)
        self.status = status
        self.message = message


class Request:
    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.params = {}

    def arg(self, name, default, convert=int):
        value = self.query.get(name)
        if value is None:
            return default
        try:
            return convert(value)
        except ValueError:
            raise HttpError(400, "bad value for %s: %r" % (name, value))


class Response:
    def __init__(self, status, body, content_type="application/json"):
        self.status = status
        self.body = body
        self.headers = {"Content-Type": content_type}

    def serialize(self):
        lines = ["HTTP/1.1 %d %s" % (self.status, STATUS_TEXT[self.status])]
        self.headers["Content-Length"] = str(len(self.body))
        for name in sorted(self.headers):
            lines.append(name + ": " + self.headers[name])
        return "\r\n".join(lines) + "\r\n\r\n" + self.body


def unquote(text):
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    parts = text.split("%")
    out = [parts[0]]
    for part in parts[1:]:
        out.append(chr(int(part[:2], 16)) + part[2:])
    return "".join(out)


def parse_query(text):
    query = {}
    if text:
        for pair in text.split("&"):
            name, _, value = pair.partition("=")
            query[unquote(name)] = unquote(value)
    return query


def parse_request(raw):
    head, _, body = raw.partition("\r\n\r\n")
    lines = head.split("\r\n")
    method, target, version = lines[0].split(" ")
    if version != "HTTP/1.1":
        raise HttpError(400, "unsupported version")
    path, _, query = target.partition("?")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Request(method, path, parse_query(query), headers, body)


def to_json(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ",".join([to_json(v) for v in value]) + "]"
    return "{" + ",".join([to_json(k) + ":" + to_json(v) for k, v in value.items()]) + "}"


def from_json_object(text):
    """Parses a flat JSON object of strings and ints (the form posts)."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise HttpError(400, "body is not an object")
    result = {}
    for item in text[1:-1].split(","):
        key, _, value = item.partition(":")
        key = key.strip().strip('"')
        value = value.strip()
        result[key] = value.strip('"') if value.startswith('"') else int(value)
    return result


class Router:
    def __init__(self):
        self.routes = []

    def route(self, method, pattern):
        segments = pattern.strip("/").split("/")

        def register(handler):
            self.routes.append((method, segments, handler))
            return handler
        return register

    def match(self, request):
        parts = request.path.strip("/").split("/")
        allowed = False
        for method, segments, handler in self.routes:
            if len(segments) != len(parts):
                continue
            params = {}
            for segment, part in zip(segments, parts):
                if segment.startswith("<"):
                    params[segment[1:-1]] = part
                elif segment != part:
                    break
            else:
                if method != request.method:
                    allowed = True
                    continue
                request.params = params
                return handler
        if allowed:
            raise HttpError(405, "method not allowed")
        raise HttpError(404, "no route for " + request.path)


class User:
    def __init__(self, uid):
        self.uid = uid
        self.name = FIRST[uid % len(FIRST)] + " " + LAST[uid % len(LAST)]
        self.email = "%s.%d@example.org" % (FIRST[uid % len(FIRST)].lower(), uid)
        self.karma = (uid * 7919) % 1000

    def summary(self):
        return {"id": self.uid, "name": self.name, "karma": self.karma}


class Post:
    def __init__(self, pid, author):
        self.pid = pid
        self.author = author
        self.title = " ".join(WORDS[(pid * k + 3) % len(WORDS)] for k in range(1, 5)).title()
        self.likes = (pid * 31) % 97


PAGE = """<html><head><title>{title}</title></head><body>
<h1>{name}</h1><p>{email} &middot; karma {karma}</p>
<ul>{items}</ul>
<p>{count} posts, {likes} likes</p></body></html>"""

ITEM = '<li><a href="/posts/{pid}">{title}</a> ({likes} likes)</li>'


class App:
    def __init__(self, users, posts_per_user):
        self.users = {uid: User(uid) for uid in range(users)}
        self.posts = {}
        for uid in range(users):
            self.posts[uid] = [Post(uid * posts_per_user + k, uid) for k in range(posts_per_user)]
        self.router = Router()
        self.visits = {}
        self.install_routes()

    def user(self, request):
        try:
            uid = int(request.params["uid"])
        except ValueError:
            raise HttpError(400, "bad user id")
        if uid not in self.users:
            raise HttpError(404, "no user %d" % uid)
        self.visits[uid] = self.visits.get(uid, 0) + 1
        return self.users[uid]

    def install_routes(self):
        route = self.router.route

        @route("GET", "/health")
        def health(request):
            return Response(200, to_json({"status": "ok", "users": len(self.users)}))

        @route("GET", "/users/<uid>")
        def show_user(request):
            return Response(200, to_json(self.user(request).summary()))

        @route("GET", "/users/<uid>/posts")
        def list_posts(request):
            user = self.user(request)
            limit = request.arg("limit", 5)
            offset = request.arg("offset", 0)
            posts = self.posts[user.uid][offset:offset + limit]
            return Response(200, to_json({
                "user": user.summary(), "offset": offset,
                "posts": [{"id": p.pid, "title": p.title, "likes": p.likes} for p in posts]}))

        @route("GET", "/users/<uid>/page")
        def user_page(request):
            user = self.user(request)
            posts = self.posts[user.uid]
            items = "".join([ITEM.format(pid=p.pid, title=p.title, likes=p.likes) for p in posts])
            html = PAGE.format(title="Profile of " + user.name, name=user.name,
                               email=user.email, karma=user.karma, items=items,
                               count=len(posts), likes=sum(p.likes for p in posts))
            return Response(200, html, "text/html; charset=utf-8")

        @route("GET", "/search")
        def search(request):
            words = request.arg("q", "", str).lower().split()
            page = request.arg("page", 1)
            hits = []
            for uid in sorted(self.posts):
                for post in self.posts[uid]:
                    title = post.title.lower()
                    if all(word in title for word in words):
                        hits.append(post.pid)
            start = (page - 1) * 10
            return Response(200, to_json({"q": words, "page": page, "total": len(hits),
                                          "hits": hits[start:start + 10]}))

        @route("POST", "/users/<uid>/posts")
        def create_post(request):
            user = self.user(request)
            if request.headers.get("content-type") != "application/json":
                raise HttpError(400, "expected JSON")
            form = from_json_object(request.body)
            title = form.get("title", "").strip()
            if not title:
                raise HttpError(400, "empty title")
            return Response(201, to_json({"author": user.uid, "title": title.title(),
                                          "tags": form.get("tags", "").split(";"),
                                          "draft": form.get("draft", 0) == 1}))

    def handle(self, raw):
        try:
            request = parse_request(raw)
            response = self.router.match(request)(request)
        except HttpError as error:
            response = Response(error.status, to_json({"error": error.message}))
        response.headers["Server"] = "bench/1.0"
        return response.serialize()


def make_request(i, seed):
    kind = seed % 16
    uid = (seed >> 4) % 70
    headers = "Host: example.org\r\nUser-Agent: bench/%d\r\nAccept: */*\r\n" % (i % 3)
    if kind < 4:
        target = "/users/%d" % uid
    elif kind < 7:
        target = "/users/%d/posts?limit=%d&offset=%d" % (uid, 3 + seed % 5, seed % 4)
    elif kind < 9:
        target = "/users/%d/page" % uid
    elif kind < 11:
        target = "/search?q=%s+%s&page=%d" % (WORDS[seed % 14], WORDS[(seed >> 3) % 14], 1 + seed % 2)
    elif kind < 13:
        body = '{"title": "post number %d", "tags": "a;b;%d", "draft": %d}' % (i, uid, i % 2)
        return ("POST /users/%d/posts HTTP/1.1\r\n%sContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n%s" % (uid, headers, len(body), body))
    elif kind == 13:
        target = "/health"
    elif kind == 14:
        target = "/users/x%d" % uid if seed % 2 else "/users/%d/posts?limit=many" % uid
    else:
        return "DELETE /users/%d HTTP/1.1\r\n%s\r\n" % (uid, headers)
    return "GET %s HTTP/1.1\r\n%s\r\n" % (target, headers)


APP = App(64, 8)


def run_iteration():
    APP.visits = {}
    seed = 12345
    statuses = {}
    total_bytes = 0
    checksum = 0
    for i in range(REQUESTS):
        seed = (seed * 1103515245 + 12345) % 2147483648
        response = APP.handle(make_request(i, seed >> 8))
        status = response[9:12]
        statuses[status] = statuses.get(status, 0) + 1
        total_bytes += len(response)
        checksum = (checksum * 33 + len(response) + ord(response[-2])) % 1000000007
    most_visited = max(sorted(APP.visits), key=lambda uid: APP.visits[uid])
    return sorted(statuses.items()), total_bytes, checksum, most_visited


def main(n):
    for i in range(n):
        result = run_iteration()
    print(result)


if __name__ == "__main__":
    main(ITERATIONS)
