#!/usr/bin/env python3
"""Memory of enlace-server under oversized WebSocket messages sent before authentication.

Usage: bench/websocket/oversize.py <enlace-server binary> [<enlace_bench_ws_reference binary>]

Starts `enlace-server serve` on a fresh SQLite file, then for each scenario opens WebSocket
connections to /api/v1/events (no token), announces one frame of the given size in its header and
streams the payload as fast as the server takes it, until the server closes the connection.
Reports the server's resident memory (VmRSS, and VmHWM, the peak) before and after, how many
bytes each client got to send, and the close code it received. With the reference (a
QWebSocketServer with Qt's default limits, as the event channel was before it bounded messages)
the same scenarios run against it too, in the same invocation. Python standard library only.
"""
import base64
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

MiB = 1024 * 1024


def rss(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                values[key] = int(value.split()[0]) * 1024
    return values


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def handshake(port):
    sock = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("closed during the handshake")
        head += chunk
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise RuntimeError(head.split(b"\r\n", 1)[0].decode())
    return sock, head.split(b"\r\n\r\n", 1)[1]


def close_code(data):
    # The first server frame that is a close (opcode 8): its 2-byte code.
    i = 0
    while i + 2 <= len(data):
        opcode = data[i] & 0x0F
        length = data[i + 1] & 0x7F
        j = i + 2
        if length == 126:
            length = struct.unpack(">H", data[j:j + 2])[0]
            j += 2
        elif length == 127:
            length = struct.unpack(">Q", data[j:j + 8])[0]
            j += 8
        if opcode == 8 and length >= 2:
            return struct.unpack(">H", data[j:j + 2])[0]
        i = j + length
    return None


def send_oversized(port, size, result):
    sock, pending = handshake(port)
    mask = os.urandom(4)
    # FIN + text opcode, masked, 64-bit length.
    sock.sendall(bytes([0x81, 0x80 | 127]) + struct.pack(">Q", size) + mask)
    chunk = bytes(MiB)   # zeros masked with the key: the server reads them as text
    sent = 0
    sock.settimeout(10)
    try:
        while sent < size:
            n = min(len(chunk), size - sent)
            sock.sendall(chunk[:n])
            sent += n
    except (BrokenPipeError, ConnectionResetError, socket.timeout):
        pass
    received = pending
    try:
        sock.settimeout(2)
        while True:
            data = sock.recv(65536)
            if not data:
                break
            received += data
    except (socket.timeout, ConnectionResetError):
        pass
    sock.close()
    result.append((sent, close_code(received)))


def scenario(pid, port, clients, size):
    before = rss(pid)
    results = []
    threads = [threading.Thread(target=send_oversized, args=(port, size, results)) for _ in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    time.sleep(0.5)
    after = rss(pid)
    sent = max(r[0] for r in results)
    codes = sorted({r[1] for r in results}, key=lambda c: (c is None, c))
    print(f"| {clients} × {size // MiB} MiB | {before['VmRSS'] / MiB:.1f} | {after['VmRSS'] / MiB:.1f} | "
          f"{after['VmHWM'] / MiB:.1f} | {sent / MiB:.2f} | {', '.join(str(c) for c in codes)} | {elapsed:.2f} |")


def wait_listening(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port)).close()
            return
        except OSError:
            time.sleep(0.1)


def run(name, command, port):
    print(f"\n## {name}: {' '.join(command)}\n")
    process = subprocess.Popen(command, env=dict(os.environ, ENLACE_LOG_LEVEL="warning"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        wait_listening(port)
        time.sleep(0.5)
        print("| messages | RSS before (MiB) | RSS after (MiB) | peak RSS (MiB) | most sent by a client before the close (MiB) | close code | time (s) |")
        print("|---|---|---|---|---|---|---|")
        scenario(process.pid, port, 1, 200 * MiB)
        scenario(process.pid, port, 3, 300 * MiB)
        scenario(process.pid, port, 100, 16 * MiB)
    finally:
        process.terminate()
        process.wait(30)


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp(prefix="enlace-bench-ws-")
    print(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}, {os.cpu_count()} cores")
    port = free_port()
    run("enlace-server", [binary, "serve", "--database", f"sqlite://{work}/enlace.db", "--listen", f"127.0.0.1:{port}",
                          "--secret-key-file", f"{work}/secret.key"], port)
    if len(sys.argv) > 2:
        port = free_port()
        run("reference (Qt defaults)", [sys.argv[2], str(port)], port)


if __name__ == "__main__":
    main()
