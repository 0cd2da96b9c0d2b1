"""Minimal asyncio HTTP/1.1 and WebSocket (RFC 6455) clients, Python standard library only.

Enough for the topology benchmark: keep-alive HTTP requests with a JSON body and a
Content-Length (or chunked) answer, and a text-only WebSocket client whose frames are masked
as RFC 6455 requires of a client. Not a general-purpose library.
"""

import asyncio
import base64
import hashlib
import json
import os
import struct

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class HttpError(Exception):
    pass


async def _read_head(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise HttpError("bad status line: %r" % lines[0])
    status = int(parts[1])
    headers = {}
    for line in lines[1:]:
        if not line:
            continue
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers


class HttpClient:
    """One keep-alive connection; reopened after any error or a Connection: close."""

    def __init__(self, host, port, timeout=15.0, max_idle=5.0):
        self.host, self.port, self.timeout = host, port, timeout
        # A connection idle this long is not reused: the proxy may close an idle keep-alive
        # connection (HAProxy's timeout http-keep-alive) just as a request goes out on it.
        self.max_idle = max_idle
        self.reader = self.writer = None
        self.last_used = 0.0

    async def close(self):
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:
                pass
        self.reader = self.writer = None

    async def request(self, method, path, body=None, headers=None):
        """Returns (status, headers, body bytes). Raises on a network error (connection closed)."""
        try:
            return await asyncio.wait_for(self._request(method, path, body, headers or {}), self.timeout)
        except BaseException:
            await self.close()
            raise

    async def _request(self, method, path, body, headers):
        loop = asyncio.get_running_loop()
        if self.writer is not None and loop.time() - self.last_used > self.max_idle:
            await self.close()
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        data = b""
        if body is not None:
            data = body if isinstance(body, (bytes, bytearray)) else json.dumps(body).encode()
        h = {"Host": "%s:%d" % (self.host, self.port), "Content-Length": str(len(data)),
             "Connection": "keep-alive"}
        if body is not None and "Content-Type" not in headers:
            h["Content-Type"] = "application/json"
        h.update(headers)
        req = "%s %s HTTP/1.1\r\n" % (method, path) + "".join("%s: %s\r\n" % kv for kv in h.items()) + "\r\n"
        self.writer.write(req.encode("latin-1") + data)
        await self.writer.drain()
        status, rh = await _read_head(self.reader)
        if rh.get("transfer-encoding", "").lower() == "chunked":
            out = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                out += chunk[:-2]
        elif "content-length" in rh:
            out = await self.reader.readexactly(int(rh["content-length"]))
        else:
            out = await self.reader.read()
            rh["connection"] = "close"
        self.last_used = loop.time()
        if rh.get("connection", "").lower() == "close":
            await self.close()
        return status, rh, out


class WsClosed(Exception):
    def __init__(self, code=None, reason=""):
        super().__init__("closed code=%s reason=%s" % (code, reason))
        self.code = code
        self.reason = reason


class WebSocket:
    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer
        self._send_lock = asyncio.Lock()
        self.closed = False

    @classmethod
    async def connect(cls, host, port, path, headers=None, timeout=10.0):
        async def go():
            reader, writer = await asyncio.open_connection(host, port)
            key = base64.b64encode(os.urandom(16)).decode()
            h = {"Host": "%s:%d" % (host, port), "Upgrade": "websocket", "Connection": "Upgrade",
                 "Sec-WebSocket-Key": key, "Sec-WebSocket-Version": "13"}
            h.update(headers or {})
            req = "GET %s HTTP/1.1\r\n" % path + "".join("%s: %s\r\n" % kv for kv in h.items()) + "\r\n"
            writer.write(req.encode("latin-1"))
            await writer.drain()
            status, rh = await _read_head(reader)
            if status != 101:
                writer.close()
                raise HttpError("upgrade refused: HTTP %d" % status)
            expect = base64.b64encode(hashlib.sha1(key.encode() + WS_GUID).digest()).decode()
            if rh.get("sec-websocket-accept") != expect:
                writer.close()
                raise HttpError("bad Sec-WebSocket-Accept")
            return cls(reader, writer)
        return await asyncio.wait_for(go(), timeout)

    async def _send_frame(self, opcode, payload):
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 65536:
            head += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack("!Q", n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        async with self._send_lock:
            self.writer.write(head + mask + masked)
            await self.writer.drain()

    async def send_text(self, text):
        await self._send_frame(0x1, text.encode())

    async def send_json(self, obj):
        await self.send_text(json.dumps(obj))

    async def recv(self):
        """The next text message (str). Answers pings; raises WsClosed on close or EOF."""
        parts = []
        while True:
            try:
                b1, b2 = await self.reader.readexactly(2)
            except (asyncio.IncompleteReadError, ConnectionError) as e:
                self.closed = True
                raise WsClosed(None, "eof: %s" % type(e).__name__)
            fin, opcode = b1 & 0x80, b1 & 0x0F
            n = b2 & 0x7F
            if n == 126:
                n = struct.unpack("!H", await self.reader.readexactly(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", await self.reader.readexactly(8))[0]
            if b2 & 0x80:   # servers do not mask; tolerate it anyway
                m = await self.reader.readexactly(4)
                payload = bytes(b ^ m[i % 4] for i, b in enumerate(await self.reader.readexactly(n)))
            else:
                payload = await self.reader.readexactly(n)
            if opcode == 0x9:      # ping
                await self._send_frame(0xA, payload)
                continue
            if opcode == 0xA:      # pong
                continue
            if opcode == 0x8:      # close
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None
                reason = payload[2:].decode(errors="replace")
                try:
                    await self._send_frame(0x8, payload[:2])
                except Exception:
                    pass
                self.close()
                raise WsClosed(code, reason)
            parts.append(payload)
            if fin:
                return b"".join(parts).decode()

    def close(self):
        self.closed = True
        try:
            self.writer.close()
        except Exception:
            pass
