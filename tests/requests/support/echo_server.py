#!/usr/bin/env python3
"""An independent HTTP peer for tst_requestbuilder: decodes what it receives with Python's own
standard library and answers with JSON, so the C++ encoders are checked by decoders they share
no code with.

Prints the port it listens on (127.0.0.1) as the first line of standard output, then serves until
its standard input closes. Answer (application/json):
  method, target (raw request target), path_segments (each percent-decoded as UTF-8),
  query (pairs from urllib.parse.parse_qsl), headers (pairs), content_type, body_b64 (raw body),
  fields (pairs decoded according to the Content-Type, or null when the type is unknown),
  error (text when decoding failed).
"""
import base64
import email
import email.policy
import http.server
import json
import sys
import threading
import urllib.parse


def decode_fields(content_type, body):
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime == "application/x-www-form-urlencoded":
        return urllib.parse.parse_qsl(body.decode("ascii"), keep_blank_values=True,
                                      strict_parsing=False, encoding="utf-8", errors="strict")
    if mime == "multipart/form-data":
        message = email.message_from_bytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body,
            policy=email.policy.compat32)
        if not message.is_multipart():
            raise ValueError("not a multipart body")
        fields = []
        for part in message.get_payload():
            disposition = part.get("Content-Disposition", "")
            if not disposition.lower().startswith("form-data"):
                raise ValueError("part without form-data disposition")
            if part.get_param("filename", header="content-disposition") is not None:
                raise ValueError("file part where a plain field was expected")
            name = part.get_param("name", header="content-disposition")
            value = part.get_payload(decode=True)
            fields.append([name, value.decode("utf-8")])
        return fields
    if mime == "text/plain":
        text = body.decode("utf-8")
        if text == "":
            return []
        if not text.endswith("\r\n"):
            raise ValueError("text/plain body must end with CRLF")
        return [list(line.partition("=")[::2]) for line in text[:-2].split("\r\n")]
    if mime == "application/json":
        return json.loads(body.decode("utf-8"), object_pairs_hook=lambda pairs: [list(p) for p in pairs])
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # keep the test output quiet
        pass

    # The standard handler refuses request lines over 64 KiB; CRM URLs carrying 64 KB values
    # are longer, so read up to 4 MiB.
    def handle_one_request(self):
        self.raw_requestline = self.rfile.readline(1 << 22)
        if not self.raw_requestline:
            self.close_connection = True
            return
        if not self.parse_request():
            return
        self.answer()
        self.wfile.flush()

    def answer(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        target = self.path
        split = urllib.parse.urlsplit(target)
        reply = {
            "method": self.command,
            "target": target,
            "path_segments": [urllib.parse.unquote(s, encoding="utf-8", errors="strict")
                              for s in split.path.split("/")[1:]],
            "query": urllib.parse.parse_qsl(split.query, keep_blank_values=True,
                                            encoding="utf-8", errors="strict"),
            "headers": [[k, v] for k, v in self.headers.items()],
            "content_type": self.headers.get("Content-Type", ""),
            "body_b64": base64.b64encode(body).decode("ascii"),
            "fields": None,
            "error": None,
        }
        try:
            reply["fields"] = decode_fields(reply["content_type"], body) if body or self.command == "POST" else None
        except Exception as e:  # the test reports what the peer could not decode
            reply["error"] = "%s: %s" % (type(e).__name__, e)
        data = json.dumps(reply).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # the test closes our stdin (or kills us) when it is done
    server.shutdown()


if __name__ == "__main__":
    main()
