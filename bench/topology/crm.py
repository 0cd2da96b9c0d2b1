#!/usr/bin/env python3
"""The benchmark's CRM: answers 200 to every request and records it, one JSON line each
(time, method, path, Idempotency-Key, body), flushed at once.

    crm.py PORT LOGFILE
"""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, as the server's sender expects

    def _handle(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        rec = {"t": time.time(), "method": self.command, "path": self.path,
               "key": self.headers.get("Idempotency-Key", ""), "body": body.decode("utf-8", "replace")}
        line = json.dumps(rec) + "\n"
        with lock:
            self.server.log.write(line)
            self.server.log.flush()
        out = b'{"ok":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = do_PUT = _handle

    def log_message(self, *args):
        pass


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.log = open(path, "a", buffering=1)
    print("crm listening on 127.0.0.1:%d, log %s" % (port, path), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
