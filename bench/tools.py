"""Helpers of bench/run.sh: session pools, the memory measurement, and the report."""
import http.client
import json
import statistics
import sys


def post(host, port, path, cookie=None):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    connection.request("POST", path, body=b"", headers=headers)
    response = connection.getresponse()
    response.read()
    set_cookie = response.getheader("Set-Cookie")
    connection.close()
    if response.status != 200:
        raise SystemExit(f"POST {path} answered {response.status}")
    return set_cookie.split(";")[0] if set_cookie else None


def get(host, port, path):
    connection = http.client.HTTPConnection(host, port, timeout=120)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return body


def pool(port, path, size, out):
    """Logs `size` clients in and writes their session cookies, one a line."""
    with open(out, "w") as file:
        for _ in range(int(size)):
            file.write(post("127.0.0.1", int(port), path) + "\n")


def logins(port, prefix, count):
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    for _ in range(count):
        connection.request("POST", f"{prefix}/login", body=b"")
        response = connection.getresponse()
        response.read()
    connection.close()


def memory(port, prefix, sessions):
    """Heap bytes per session for `sessions` clients logged in at `prefix`, after full collections."""
    meter = prefix.rsplit("/", 1)[0] + "/meter/heap"
    logins(port, prefix, 500)  # classes loaded and code compiled before the heap is read
    before = int(get("127.0.0.1", int(port), meter))
    logins(port, prefix, sessions)
    after = int(get("127.0.0.1", int(port), meter))
    print((after - before) / sessions)


def anonymous(port, prefix, reads):
    """Sessions created by `reads` anonymous reads at `prefix`: must be 0."""
    meter = prefix.rsplit("/", 1)[0] + "/meter/sessions"  # the counter of the same application
    before = int(get("127.0.0.1", int(port), meter))
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
    for _ in range(reads):
        connection.request("GET", f"{prefix}/anonymous")
        response = connection.getresponse()
        response.read()
        if response.getheader("Set-Cookie"):
            raise SystemExit(f"an anonymous read of {prefix} set a cookie")
    connection.close()
    print(int(get("127.0.0.1", int(port), meter)) - before)


def report(results_file):
    """Medians with min-max, and ratios against raw measured in the same round."""
    rows = [json.loads(line) for line in open(results_file)]
    endpoints = list(dict.fromkeys(r["endpoint"] for r in rows))
    impls = list(dict.fromkeys(r["impl"] for r in rows))
    print("| endpoint | implementation | req/s median (min-max) | ratio to raw, median (min-max) | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for endpoint in endpoints:
        raw = {r["round"]: r for r in rows if r["endpoint"] == endpoint and r["impl"] == "raw"}
        for impl in impls:
            runs = [r for r in rows if r["endpoint"] == endpoint and r["impl"] == impl]
            if not runs:
                continue
            rps = [r["rps"] for r in runs]
            ratios = [r["rps"] / raw[r["round"]]["rps"] for r in runs if r["round"] in raw]
            print(f"| {endpoint} | {impl} | {statistics.median(rps):.0f} ({min(rps):.0f}-{max(rps):.0f}) "
                  f"| {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f}) "
                  f"| {statistics.median(r['p50'] for r in runs):.2f} | {statistics.median(r['p99'] for r in runs):.2f} "
                  f"| {sum(r['errors'] for r in runs)} |")


LIBRARY = "dev/voltage/session/"
CONTAINER = ("io/undertow/", "org/wildfly/")
APPLICATION = "dev/voltage/bench/"


def library_samples(frames):
    """Whether a sample was spent in the library's code or what it calls (Weld's proxies and bean
    creation, JSON-B, the MDC, the JDK), leaving out the servlet container's own work, which the
    raw code asks for as well (attribute writes, creating a session), the application's code that
    the library calls (an updater), and the library's filter merely passing the request down to
    the application."""
    for i in range(len(frames) - 1, -1, -1):
        if frames[i].startswith(CONTAINER) or frames[i].startswith(APPLICATION):
            return False
        if LIBRARY in frames[i]:
            below = frames[i + 1] if i + 1 < len(frames) else ""
            return not ("SessionCookieFilter.doFilter" in frames[i] and below.startswith(CONTAINER))
    return False


def share(*files):
    """Share of the server's CPU samples spent in the library's code, one row a profile."""
    print("| endpoint | implementation | samples | in the library's code |")
    print("|---|---|---|---|")
    for file in files:
        total = library = 0
        for line in open(file):
            stack, count = line.rstrip().rsplit(" ", 1)
            total += int(count)
            if library_samples(stack.split(";")):
                library += int(count)
        endpoint, impl = file.rsplit("/", 1)[-1].removesuffix(".txt").split("__")  # profile.sh names them so
        print(f"| {endpoint.replace('-', ' ')} | {impl} | {total} | {100 * library / max(total, 1):.1f} % |")


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"pool": pool, "memory": lambda p, w, n: memory(p, w, int(n)),
     "anonymous": lambda p, w, n: anonymous(p, w, int(n)), "report": report, "share": share}[command](*arguments)
