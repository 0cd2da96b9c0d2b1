#!/usr/bin/env python3
"""Topology benchmark helper (driven by run.sh). Standard library only.

    topo.py seed   --api HOST:PORT --dir DIR --consoles N --contacts-per-console K --crm-port P
    topo.py drive  --api HOST:PORT --dir DIR --duration S --faults three|one ...
    topo.py check  --dir DIR --label NAME
    topo.py report DIR_A DIR_B ...

State lives in DIR: seed.json (agents, campaigns, options, contact ids), results.json (what every
console saw), timeline.json (faults), check.json (verdicts and figures). PostgreSQL is read with
psql (PGHOST/PGPORT/PGDATABASE/PGUSER from the environment).
"""

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
import urllib.request
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wsclient import HttpClient, HttpError, WebSocket, WsClosed  # noqa: E402

PASSWORD = "topology-bench-pass"


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-c", sql], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def split_hostport(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


# ---------------------------------------------------------------------------------------------
# seed

def http_json(base, method, path, body=None, token=None, raw=None, content_type=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type or "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def cmd_seed(a):
    base = "http://" + a.api
    st, login = http_json(base, "POST", "/api/v1/login", {"username": "admin", "password": a.admin_password})
    assert st == 200, (st, login)
    admin = login["token"]
    t0 = time.time()
    for i in range(a.consoles):
        st, r = http_json(base, "POST", "/api/v1/users/create/", {
            "username": "topo%03d" % i, "password": PASSWORD, "role": 5, "first_name": "Topo",
            "last_name": "%03d" % i, "sip_extension": str(3000 + i)}, admin)
        assert st in (200, 201), (st, r)
    print("seed: %d agents via POST /api/v1/users/create/ in %.1f s" % (a.consoles, time.time() - t0))
    agents = {row[0]: int(row[1]) for row in psql(
        "SELECT u.username, a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.username LIKE 'topo%'")}
    # One contact per call: a disposition is one per contact and campaign.
    n = a.consoles * a.contacts_per_console
    csv = "telefono,id_cliente\n" + "".join("54%09d,T-%06d\n" % (i, i) for i in range(n))
    boundary = "topoboundary%d" % random.randrange(1 << 30)
    parts = []
    for name, value in (("nombre", "Topology contacts"), ("campos_telefono", "telefono"), ("id_externo", "id_cliente")):
        parts.append("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value))
    parts.append("--%s\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"c.csv\"\r\n"
                 "Content-Type: text/csv\r\n\r\n" % boundary)
    raw = "".join(parts).encode() + csv.encode() + ("\r\n--%s--\r\n" % boundary).encode()
    st, r = http_json(base, "POST", "/api/v1/crear_base_contactos/", token=admin, raw=raw,
                      content_type="multipart/form-data; boundary=" + boundary)
    assert st == 202, (st, r)
    while True:
        st, job = http_json(base, "GET", r["progress"], token=admin)
        state = job["job"]["state"]
        if state == "finished":
            break
        assert state not in ("failed", "cancelled"), job
        time.sleep(0.5)
    dbid = job["job"]["database_id"]
    print("seed: %d contacts imported (database %s)" % (n, dbid))
    sites = {}
    for slug, trigger in (("server", 3), ("disposition", 4)):
        st, r = http_json(base, "POST", "/api/v1/external_sites/create/", {
            "nombre": "Topology CRM %s" % slug, "url": "http://127.0.0.1:%d/hook/%s/{1}" % (a.crm_port, slug),
            "disparador": trigger, "metodo": 2, "formato": 4, "max_attempts": 20, "timeout_ms": 10000}, admin)
        assert st in (200, 201), (st, r)
        sites[slug] = r["id"]
    ids = sorted(agents.values())
    params = [{"tipo": 3, "nombre": "{1}", "valor": "call_id"}, {"tipo": 3, "nombre": "call_id", "valor": "call_id"},
              {"tipo": 3, "nombre": "agent_id", "valor": "agent_id"}, {"tipo": 3, "nombre": "phone", "valor": "telefono"},
              {"tipo": 1, "nombre": "campaign", "valor": "id"}, {"tipo": 2, "nombre": "customer", "valor": "id_cliente"}]
    campaigns = {}
    for slug in ("server", "disposition"):
        p = list(params) + ([{"tipo": 6, "nombre": "disposition", "valor": "name"}] if slug == "disposition" else [])
        st, r = http_json(base, "POST", "/api/v1/campaigns/create/", {
            "nombre": "Topology %s" % slug, "tipo": 3, "estado": 2, "bd_contacto": dbid, "sitio_externo": sites[slug],
            "tipo_interaccion": 2, "agentes": ids, "parametros_crm": p,
            "opciones_calificacion": [{"nombre": "Venta", "interaccion_crm": True}, {"nombre": "No contesta"}]}, admin)
        assert st == 200 and r.get("status") == "SUCCESS", (st, r)
        campaigns[slug] = r["id"]
    options = {}
    for slug, cid in campaigns.items():
        for oid, name in psql("SELECT id, name FROM disposition_options WHERE campaign_id = %d" % cid):
            options.setdefault(slug, {})[name] = int(oid)
    contacts = {row[0]: int(row[1]) for row in psql("SELECT external_id, id FROM contacts WHERE database_id = %d" % dbid)}
    consoles = []
    for i in range(a.consoles):
        pool = [contacts["T-%06d" % (i * a.contacts_per_console + k)] for k in range(a.contacts_per_console)]
        consoles.append({"username": "topo%03d" % i, "agent_id": agents["topo%03d" % i], "contacts": pool})
    seed = {"campaigns": campaigns, "sites": sites, "options": options, "consoles": consoles, "database_id": dbid}
    json.dump(seed, open(os.path.join(a.dir, "seed.json"), "w"))
    print("seed: sites %s, campaigns %s (server trigger at connect, disposition trigger on 'Venta')" % (sites, campaigns))


# ---------------------------------------------------------------------------------------------
# drive

class Stats:
    def __init__(self):
        self.http = Counter()          # (route, status, source) -> n ; source: server | proxy | net
        self.bad = []                  # 5xx / network errors, with detail
        self.latency = defaultdict(list)   # route -> seconds, answered requests
        self.t0 = time.time()

    def rec(self, route, status, source, detail=None):
        self.http[(route, status, source)] += 1
        if status == "net" or (isinstance(status, int) and (status >= 500 or status == 401)):
            self.bad.append({"t": round(time.time() - self.t0, 3), "route": route, "status": status,
                             "source": source, "detail": (detail or "")[:300]})


class Console:
    def __init__(self, drv, idx, spec):
        self.drv, self.idx = drv, idx
        self.username, self.agent_id, self.contacts = spec["username"], spec["agent_id"], spec["contacts"]
        self.http = HttpClient(drv.host, drv.port, timeout=30)
        self.token = None
        self.received = []            # event ids, in arrival order
        self.seen = set()
        self.dups = []
        self.last_id = None            # highest id seen (what a reconnect resumes from)
        self.first_floor = None        # ready.last_event_id of the first connection
        self.connections = 0
        self.disconnects = []          # [t, reason]
        self.reconnects = []           # seconds from losing the channel to the next "ready"
        self.lost_at = None
        self.ready = asyncio.Event()
        self.waiters = {}              # phone -> {type: future}
        self.calls = []
        self.ws = None
        self.done = False
        self.types = Counter()
        self.relogins = 0
        self.close_codes = Counter()

    # -- HTTP with the retry policy of a console ------------------------------------------
    async def api(self, route, method, path, body=None, auth=True, retry_statuses=(502, 503, 504), tries=10):
        delay = 0.2
        for attempt in range(tries):
            headers = {"Authorization": "Bearer " + self.token} if auth and self.token else {}
            started = time.time()
            try:
                st, h, b = await self.http.request(method, path, body, headers)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError) as e:
                self.drv.stats.rec(route, "net", "net", "%s: %s" % (type(e).__name__, e))
                await asyncio.sleep(delay * random.random() + 0.05)
                delay = min(delay * 2, 5)
                continue
            source = "server" if "x-enlace-backend" in h else "proxy"
            self.drv.stats.latency[route].append(time.time() - started)
            self.drv.stats.rec(route, st, source, b[:300].decode("utf-8", "replace") if st >= 500 or st == 401 else None)
            if st == 401 and auth:
                # The console's token was refused: log in again, as a console does, and retry.
                self.relogins += 1
                await self.login()
                continue
            if st in retry_statuses or st == 500 or st == 429:
                ra = h.get("retry-after")
                await asyncio.sleep(float(ra) if ra and ra.isdigit() else delay * random.random() + 0.05)
                delay = min(delay * 2, 5)
                continue
            try:
                data = json.loads(b) if b else None
            except ValueError:
                data = None
            return st, data, h.get("x-enlace-backend", ""), attempt
        return None, None, "", tries

    async def login(self):
        while True:
            st, data, _, _ = await self.api("login", "POST", "/api/v1/login",
                                            {"username": self.username, "password": PASSWORD}, auth=False, tries=1000)
            if st == 200 and data and data.get("token"):
                self.token = data["token"]
                return
            await asyncio.sleep(1)

    # -- event channel ------------------------------------------------------------------------
    async def channel(self):
        backoff = 0.1
        while not self.done:
            try:
                ws = await WebSocket.connect(self.drv.host, self.drv.port, "/api/v1/events", timeout=10)
                auth = {"type": "auth", "token": self.token}
                if self.last_id is not None:
                    auth["last_event_id"] = self.last_id
                elif self.first_floor is not None:
                    auth["last_event_id"] = self.first_floor
                await ws.send_json(auth)
                msg = json.loads(await asyncio.wait_for(ws.recv(), 15))
                if msg.get("type") != "ready":
                    ws.close()
                    raise HttpError("no ready: %r" % msg)
                self.connections += 1
                if self.first_floor is None:
                    self.first_floor = msg["last_event_id"]
                if self.lost_at is not None:
                    self.reconnects.append(time.time() - self.lost_at)
                    self.lost_at = None
                self.ws = ws
                self.ready.set()
                backoff = 0.1
                while True:
                    m = json.loads(await ws.recv())
                    if "id" in m:
                        self.on_event(m)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, HttpError, WsClosed, ValueError) as e:
                self.ready.clear()
                self.ws = None
                if self.done:
                    return
                if self.lost_at is None:
                    self.lost_at = time.time()
                    self.disconnects.append([round(time.time() - self.drv.stats.t0, 3), str(e)[:120]])
                if isinstance(e, WsClosed):
                    self.close_codes[str(e.code)] += 1
                if isinstance(e, WsClosed) and e.code == 4401:   # token refused: log in again
                    self.relogins += 1
                    await self.login()
                # exponential backoff with full jitter
                await asyncio.sleep(random.uniform(0, backoff))
                backoff = min(backoff * 2, 4.0)

    def on_event(self, m):
        eid = m["id"]
        if eid in self.seen:
            self.dups.append(eid)
            return
        self.seen.add(eid)
        self.received.append(eid)
        self.types[m.get("type")] += 1
        if self.last_id is None or eid > self.last_id:
            self.last_id = eid
        self.drv.events_received += 1
        d = m.get("data") or {}
        w = self.waiters.get(d.get("phone"))
        if w is not None:
            w.setdefault("call_id", d.get("call_id"))
            f = w.get(m.get("type"))
            if f is not None and not f.done():
                f.set_result(time.time())

    # -- the agent's work ---------------------------------------------------------------------
    async def work(self):
        seq = 0
        loop = asyncio.get_running_loop()
        while not self.drv.stop_calls:
            if not self.ready.is_set():
                try:
                    await asyncio.wait_for(self.ready.wait(), 5)
                except asyncio.TimeoutError:
                    continue
            if seq >= 2 * len(self.contacts):
                break
            slug = "server" if seq % 2 == 0 else "disposition"
            contact = self.contacts[seq // 2]
            seq += 1
            phone = "9%03d%05d" % (self.idx, seq)
            call = {"phone": phone, "campaign": slug, "t": round(time.time() - self.drv.stats.t0, 3)}
            self.calls.append(call)
            w = {t: loop.create_future() for t in ("call.offered", "call.connected", "call.ended")}
            self.waiters[phone] = w
            st, data, backend, tries = await self.api("makeCall", "POST", "/api/v1/makeCall/", {
                "idCampaign": self.drv.seed["campaigns"][slug], "idAgent": self.agent_id, "idContact": contact, "phone": phone})
            call.update(make_status=st, backend=backend, make_tries=tries, make_ok=bool(data and data.get("status") == "OK"),
                        answered=round(time.time() - self.drv.stats.t0, 3))
            if not call["make_ok"]:
                call["make_answer"] = json.dumps(data)[:200] if data else None
                await asyncio.sleep(1)
                continue
            self.drv.calls_placed += 1
            # An agent whose call does not show up gives up after a few seconds (ring 3 s and talk
            # 45 s are multiplied by the simulated PBX's time scale).
            ring, talk = 3.0 * self.drv.a.time_scale, 45.0 * self.drv.a.time_scale
            for typ, limit in (("call.connected", max(3.0, 5 * ring)), ("call.ended", max(5.0, 3 * talk))):
                try:
                    await asyncio.wait_for(asyncio.shield(w[typ]), limit)
                    call[typ] = True
                except asyncio.TimeoutError:
                    call[typ] = False
                    break
            call["call_id"] = w.get("call_id")
            call["offered"] = w["call.offered"].done()
            for typ in ("call.offered", "call.connected", "call.ended"):
                if w[typ].done():
                    call["t_" + typ.split(".")[1]] = round(w[typ].result() - self.drv.stats.t0, 3)
            if not call.get("call.connected"):
                # Never connected: nothing to qualify (the call did not reach this agent).
                continue
            option = self.drv.seed["options"][slug]["Venta" if slug == "disposition" else "No contesta"]
            body = {"idContact": contact, "idDispositionOption": option, "comments": "topology bench"}
            if call.get("call_id"):
                body["callid"] = call["call_id"]
            st, data, backend, tries = await self.api("disposition", "POST", "/api/v1/disposition/", body)
            # A retried POST that had been stored before the proxy lost the answer: "another disposition".
            call.update(disp_status=st, disp_tries=tries)
            if st == 201:
                self.drv.dispositions += 1
            elif st == 400 and tries > 0:
                call["disp_status"] = "201-before-retry"
                self.drv.dispositions += 1
            await asyncio.sleep(random.uniform(0.5, 1.5) * self.drv.think)

    async def run(self, delay):
        await asyncio.sleep(delay)
        await self.login()
        ch = asyncio.create_task(self.channel())
        await self.work()
        self.work_done = True
        return ch

    def result(self):
        return {"username": self.username, "agent_id": self.agent_id, "first_floor": self.first_floor,
                "received": self.received, "dups": self.dups, "connections": self.connections,
                "disconnects": self.disconnects, "reconnects": self.reconnects, "calls": self.calls,
                "types": dict(self.types), "last_id": self.last_id, "relogins": self.relogins,
                "close_codes": dict(self.close_codes)}


class Driver:
    def __init__(self, a):
        self.a = a
        self.host, self.port = split_hostport(a.api)
        self.seed = json.load(open(os.path.join(a.dir, "seed.json")))
        self.stats = Stats()
        self.stop_calls = False
        self.think = a.think
        self.events_received = self.calls_placed = self.dispositions = 0
        self.timeline = []
        self.loads = []

    def mark(self, what):
        t = round(time.time() - self.stats.t0, 3)
        self.timeline.append({"t": t, "wall": time.time(), "what": what})
        print("[%7.1f s] %s" % (t, what), flush=True)

    async def ctl(self, *args):
        self.mark("fault: " + " ".join(args))
        p = await asyncio.create_subprocess_exec(self.a.ctl, *args)
        await p.wait()
        self.mark("fault done: %s (exit %d)" % (" ".join(args), p.returncode))

    async def faults(self):
        d = self.a.duration
        plan = []
        if self.a.faults == "three":
            plan = [(0.15, ("kill", "1")), (0.30, ("kill", "2")), (0.45, ("start", "1")), (0.45, ("start", "2")),
                    (0.65, ("pgrestart",))]
        elif self.a.faults == "one":
            plan = [(0.65, ("pgrestart",))]
        for frac, args in plan:
            wait = self.stats.t0 + frac * d - time.time()
            if wait > 0:
                await asyncio.sleep(wait)
            await self.ctl(*args)

    async def progress(self):
        last = (0, 0, 0)
        while True:
            await asyncio.sleep(10)
            now = (self.events_received, self.calls_placed, self.dispositions)
            conn = sum(1 for c in self.consoles if c.ready.is_set())
            self.loads.append(os.getloadavg()[0])
            self.mark("progress: consoles connected %d/%d, events %d (+%d), calls %d (+%d), dispositions %d (+%d), load %.1f" % (
                conn, len(self.consoles), now[0], now[0] - last[0], now[1], now[1] - last[1], now[2], now[2] - last[2],
                self.loads[-1]))
            last = now

    async def main(self):
        self.consoles = [Console(self, i, s) for i, s in enumerate(self.seed["consoles"][: self.a.consoles])]
        self.mark("start: %d consoles through %s, load %.0f s" % (len(self.consoles), self.a.api, self.a.duration))
        prog = asyncio.create_task(self.progress())
        faults = asyncio.create_task(self.faults())
        runs = [asyncio.create_task(c.run(self.a.ramp * i / len(self.consoles))) for i, c in enumerate(self.consoles)]
        await asyncio.sleep(max(0.0, self.stats.t0 + self.a.duration - time.time()))
        self.stop_calls = True
        self.mark("load ends: no new calls")
        await faults
        channels = await asyncio.gather(*runs)
        self.mark("every console finished its last call")
        # Drain: the outbox empties and the consoles stop receiving.
        deadline = time.time() + self.a.drain
        stable, prev = 0, None
        while time.time() < deadline:
            pending = int(psql("SELECT COUNT(*) FROM outbox")[0][0])
            cur = (self.events_received, pending)
            stable = stable + 1 if cur == prev and pending == 0 else 0
            prev = cur
            if stable >= 3:
                break
            await asyncio.sleep(1)
        self.mark("drained: outbox %d rows, all consoles connected: %s" % (
            pending, all(c.ready.is_set() for c in self.consoles)))
        live = {c.username: len(c.received) for c in self.consoles}
        # One last reconnect of every console with its last id: what arrives now was committed but
        # not pushed live; what is still missing afterwards is lost to the resume protocol.
        for c in self.consoles:
            c.live_count = live[c.username]
            if c.ws is not None:
                c.ws.close()
        await asyncio.sleep(0.5)
        t_end = time.time() + 15
        while time.time() < t_end and not all(c.ready.is_set() for c in self.consoles):
            await asyncio.sleep(0.5)
        await asyncio.sleep(3)
        self.mark("final resume done: %d events arrived only after it" % sum(
            len(c.received) - c.live_count for c in self.consoles))
        self.closed_at = time.time()
        for c in self.consoles:
            c.done = True
            if c.ws is not None:
                c.ws.close()
        prog.cancel()
        for ch in channels:
            ch.cancel()
        res = {"label": self.a.label, "duration": self.a.duration, "t0": self.stats.t0, "consoles": [],
               "http": [[k[0], k[1], k[2], v] for k, v in sorted(self.stats.http.items(), key=str)],
               "bad": self.stats.bad, "timeline": self.timeline, "time_scale": self.a.time_scale,
               "closed_at": self.closed_at, "servers": self.a.servers, "loadavg": self.loads,
               "latency": {k: [round(x, 4) for x in v] for k, v in self.stats.latency.items()}}
        for c in self.consoles:
            r = c.result()
            r["live_count"] = c.live_count
            res["consoles"].append(r)
        json.dump(res, open(os.path.join(self.a.dir, "results.json"), "w"))
        self.mark("results written")


def cmd_drive(a):
    asyncio.run(Driver(a).main())


# ---------------------------------------------------------------------------------------------
# check

def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    k = min(len(v) - 1, max(0, int(round(p / 100.0 * (len(v) - 1)))))
    return v[k]


def parse_server_logs(d):
    """call id -> server that recorded its offer; counts of warnings per server."""
    offered_by = {}
    warnings = defaultdict(Counter)
    statuses = defaultdict(Counter)
    for name in sorted(os.listdir(d)):
        if not (name.startswith("server-") and name.endswith(".log")):
            continue
        srv = name[len("server-"):-len(".log")]
        for line in open(os.path.join(d, name), errors="replace"):
            if "category=enlace.calls call call.offered call=" in line:
                cid = line.split(" call=", 1)[1].split(" ", 1)[0].strip('"')
                offered_by.setdefault(cid, srv)
            if "level=warning" in line or "level=error" in line:
                key = line.split("category=", 1)[1].split(" ", 1)[1] if "category=" in line else line
                words = key.split()
                key = " ".join(w if "=" not in w or w.startswith(("status=", "path=", "code=")) else w.split("=")[0] + "="
                               for w in words)[:110]
                warnings[srv][key] += 1
            if "category=enlace.http request " in line and " status=" in line:
                st = line.split(" status=", 1)[1].split(" ", 1)[0]
                statuses[srv][st] += 1
    return offered_by, warnings, statuses


def cmd_check(a):
    d = a.dir
    res = json.load(open(os.path.join(d, "results.json")))
    t0 = res["t0"]
    timeline = res["timeline"]
    kills = defaultdict(list)   # server -> [(killed_at, restarted_at)]
    pg_restarts = []
    for ev in timeline:
        w = ev["what"]
        if w.startswith("fault: kill "):
            kills["s" + w.split()[-1]].append([ev["wall"], None])
        elif w.startswith("fault done: start "):
            srv = "s" + w.split()[3]
            if kills[srv]:
                kills[srv][-1][1] = ev["wall"]
        elif w.startswith("fault: pgrestart"):
            pg_restarts.append([ev["wall"], None])
        elif w.startswith("fault done: pgrestart"):
            pg_restarts[-1][1] = ev["wall"]
    # A call lives ring (3 s) + talk (45 s) times the simulated PBX's time scale.
    life = 48.0 * res.get("time_scale", 0.02) + 2.0

    def in_pg_window(t):
        return any(s - life <= t <= (e or s) + 5 for s, e in pg_restarts)

    checks = []

    def verdict(name, ok, detail):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})

    # -- events ---------------------------------------------------------------------------------
    db_events = defaultdict(set)
    after_close = 0
    for agent, eid, created in psql("SELECT agent_id, id, created_at FROM agent_events"):
        if int(created) / 1000.0 > res["closed_at"] - 1:
            after_close += 1   # written after the consoles had gone: nobody to deliver it to
            continue
        db_events[int(agent)].add(int(eid))
    lost, dups, late, total_db, total_rx = [], 0, 0, 0, 0
    reconnects, not_resumed = [], []
    for c in res["consoles"]:
        floor = c["first_floor"] or 0
        want = {e for e in db_events[c["agent_id"]] if e > floor}
        got = c["received"]
        gotset = set(got)
        total_db += len(want)
        total_rx += len(gotset & want)
        dups += len(c["dups"])
        late += len(set(got[c["live_count"]:]) & want)
        missing = sorted(want - gotset)
        if missing:
            lost.append({"agent": c["agent_id"], "missing": missing[:20], "n": len(missing),
                         "disconnects": c["disconnects"][:10]})
        extra = gotset - want
        if extra:
            lost.append({"agent": c["agent_id"], "not_in_db": sorted(extra)[:20]})
        reconnects += c["reconnects"]
        if len(c["disconnects"]) > len(c["reconnects"]):
            not_resumed.append(c["username"])
    n_disc = sum(len(c["disconnects"]) for c in res["consoles"])
    n_final = len(res["consoles"])   # the deliberate final close of every console
    verdict("every console reconnected and resumed", not not_resumed,
            "%d disconnects (%d of them the final deliberate one), %d reconnects; not resumed: %s" % (
                n_disc, n_final, len(reconnects), not_resumed[:10]))
    verdict("no event lost", not lost, "%d events of the consoles' agents in agent_events, %d received, "
            "%d written after the consoles closed (not counted); %s" % (total_db, total_rx, after_close, json.dumps(lost[:5])))
    verdict("no event received twice", dups == 0, "%d duplicates" % dups)

    # -- calls ------------------------------------------------------------------------------------
    offered_by, warnings, statuses = parse_server_logs(d)
    calls = psql("SELECT call_id, agent_id, state, offered_at, connected_at, ended_at, phone FROM calls")
    by_state = Counter(int(r[2]) for r in calls)
    half = []
    for cid, agent, state, off, con, end, phone in calls:
        if int(state) in (3, 4):
            continue
        srv = offered_by.get(cid, "?")
        at = int(off or con or 0) / 1000.0
        why = "unexplained"
        for k, r in kills.get(srv, []):
            if k >= at - 1 and (r is None or at < r):
                why = "its PBX died with %s (kill -9 at %+.1f s)" % (srv, k - t0)
        for s, e in pg_restarts:
            if s - life <= at <= (e or s) + 5 and why == "unexplained":
                why = "PostgreSQL restart at %+.1f s" % (s - t0)
        half.append({"call_id": cid, "agent": agent, "state": int(state), "server": srv,
                     "at": round(at - t0, 2), "phone": phone, "why": why})
    why = Counter(h["why"].split(" (")[0] for h in half)
    unexplained = [h for h in half if h["why"] == "unexplained" or h["why"].startswith("PostgreSQL")]
    verdict("no call left half-recorded (except calls whose simulated PBX was killed)", not unexplained,
            "%d calls: %s; not ended: %s; %s" % (len(calls), dict(by_state), dict(why), json.dumps(unexplained[:5])))
    # calls the consoles placed (makeCall answered OK) that never reached the calls table
    phones = {r[6] for r in calls}
    placed = [(c["username"], x) for c in res["consoles"] for x in c["calls"] if x.get("make_ok")]
    missing_calls = []
    for user, x in placed:
        if x["phone"] in phones:
            continue
        srv = x.get("backend") or "?"
        t = t0 + x["t"]
        killed = any(t - 1 <= k <= t + life for k, _ in kills.get(srv, []))
        pgr = in_pg_window(t)
        why = "server killed" if killed else "PostgreSQL restart" if pgr else \
            "call id collision between simulated PBXs (suspected)" if res.get("servers", 1) > 1 else "unexplained"
        missing_calls.append({"user": user, "phone": x["phone"], "backend": srv, "t": x["t"], "why": why})
    mc = Counter(m["why"] for m in missing_calls)
    verdict("every call makeCall accepted was recorded (except on a killed server)",
            len(missing_calls) == mc.get("server killed", 0),
            "%d placed, %d without a calls row: %s; %s" % (
                len(placed), len(missing_calls), dict(mc),
                json.dumps([m for m in missing_calls if m["why"] != "server killed"][:5])))

    # -- deliveries -------------------------------------------------------------------------------
    crm = [json.loads(l) for l in open(os.path.join(d, "crm.jsonl"))] if os.path.exists(os.path.join(d, "crm.jsonl")) else []
    crm_keys = Counter(r["key"] for r in crm)
    outcomes = psql("SELECT idempotency_key, call_id, delivered, attempts, COALESCE(status, 0), site_id FROM delivery_outcomes")
    outbox_left = psql("SELECT idempotency_key, attempts, COALESCE(last_error, '') FROM outbox")
    delivered = {r[0] for r in outcomes if r[2] == "1"}
    not_delivered = [r for r in outcomes if r[2] != "1"]
    never_received = sorted(delivered - set(crm_keys))
    unknown = sorted(set(crm_keys) - {r[0] for r in outcomes} - {r[0] for r in outbox_left})
    repeated = {k: n for k, n in crm_keys.items() if n > 1}
    # one key per interaction: the same call (server site) or disposition delivered under two keys?
    per_call = defaultdict(set)
    for r in crm:
        parts = r["path"].split("/")
        per_call[(parts[2] if len(parts) > 2 else "", parts[3] if len(parts) > 3 else "")].add(r["key"])
    two_keys = {"%s/%s" % k: sorted(v) for k, v in per_call.items() if len(v) > 1}
    verdict("every delivery received by the CRM", not never_received and not outbox_left and not not_delivered,
            "%d outcomes (%d delivered, %d given up), %d rows left in outbox, %d delivered keys never seen by the CRM" % (
                len(outcomes), len(delivered), len(not_delivered), len(outbox_left), len(never_received)))
    verdict("CRM duplicates only with the same Idempotency-Key", not two_keys and not unknown,
            "%d requests, %d distinct keys, %d keys received more than once (retries, max %d), "
            "%d interactions under two keys %s, %d keys unknown to the server" % (
                len(crm), len(crm_keys), len(repeated), max(repeated.values()) if repeated else 0,
                len(two_keys), json.dumps(dict(list(two_keys.items())[:3])), len(unknown)))
    # every connected call of the server-trigger campaign has its delivery
    srv_campaign = json.load(open(os.path.join(d, "seed.json")))["campaigns"]["server"]
    connected_srv = {r[0] for r in psql("SELECT call_id FROM calls WHERE campaign_id = %d AND connected_at IS NOT NULL" % srv_campaign)}
    delivered_calls = {r[1] for r in outcomes if r[5] == str(json.load(open(os.path.join(d, "seed.json")))["sites"]["server"])}
    verdict("every connected call of the server-trigger campaign has one delivery outcome",
            connected_srv <= delivered_calls, "%d connected, %d with an outcome; missing %s" % (
                len(connected_srv), len(connected_srv & delivered_calls), sorted(connected_srv - delivered_calls)[:5]))

    # -- HTTP -------------------------------------------------------------------------------------
    by_status = Counter()
    for route, st, src, n in res["http"]:
        by_status[(st, src)] += n
    s500 = sum(n for (st, src), n in by_status.items() if st == 500)
    s5xx_server = sum(n for (st, src), n in by_status.items() if isinstance(st, int) and st >= 500 and src == "server")
    s5xx_proxy = sum(n for (st, src), n in by_status.items() if isinstance(st, int) and st >= 500 and src == "proxy")
    net = sum(n for (st, src), n in by_status.items() if st == "net")
    verdict("no HTTP 500", s500 == 0, "500: %d; answers by status and source: %s" % (
        s500, ", ".join("%s/%s %d" % (k[0], k[1], v) for k, v in sorted(by_status.items(), key=str))))

    # -- figures ----------------------------------------------------------------------------------
    load_t = res["duration"]
    ev_in_load = sum(len(c["received"]) for c in res["consoles"])
    figures = {
        "label": res["label"],
        "consoles": len(res["consoles"]),
        "load_seconds": load_t,
        "calls_placed": len(placed),
        "calls_recorded": len(calls),
        "calls_per_s": round(len(placed) / load_t, 1),
        "dispositions": sum(1 for c in res["consoles"] for x in c["calls"] if x.get("disp_status") in (201, "201-before-retry")),
        "events_received": ev_in_load,
        "events_per_s": round(ev_in_load / load_t, 1),
        "crm_requests": len(crm),
        "deliveries": len(delivered),
        "deliveries_per_s": round(len(delivered) / load_t, 1),
        "reconnects": len(reconnects),
        "reconnect_p50_ms": round(1000 * pct(reconnects, 50)) if reconnects else None,
        "reconnect_p99_ms": round(1000 * pct(reconnects, 99)) if reconnects else None,
        "reconnect_max_ms": round(1000 * max(reconnects)) if reconnects else None,
        "lost_events": sum(x.get("n", 0) for x in lost),
        "late_events": late,
        "duplicate_events": dups,
        "crm_duplicate_requests": sum(n - 1 for n in crm_keys.values() if n > 1),
        "http_500": s500,
        "http_5xx_server": s5xx_server,
        "http_5xx_proxy": s5xx_proxy,
        "http_network_errors": net,
        "half_recorded_calls": len(half),
        "half_recorded_killed_server": sum(1 for h in half if h["why"].startswith("its PBX died")),
        "half_recorded_pg_restart": sum(1 for h in half if h["why"].startswith("PostgreSQL")),
        "half_recorded_unexplained": sum(1 for h in half if h["why"] == "unexplained"),
        "makecall_ok_but_no_call": len(missing_calls),
        "makecall_ok_but_no_call_killed_server": mc.get("server killed", 0),
        "makecall_ok_but_no_call_pg_restart": mc.get("PostgreSQL restart", 0),
        "makecall_ok_but_no_call_id_collision": mc.get("call id collision between simulated PBXs (suspected)", 0),
        "makecall_ok_but_no_call_unexplained": mc.get("unexplained", 0),
        "calls_without_connected_event": sum(1 for u, x in placed if x.get("call.connected") is False),
        "calls_without_ended_event": sum(1 for u, x in placed if x.get("call.ended") is False),
        "loadavg_1min_during_load": "%.1f-%.1f" % (min(res.get("loadavg") or [0]), max(res.get("loadavg") or [0])),
        "http_401_relogins": sum(c.get("relogins", 0) for c in res["consoles"]),
        "ws_close_codes": dict(sum((Counter(c.get("close_codes", {})) for c in res["consoles"]), Counter())),
    }
    pg_at = (pg_restarts[0][1] - t0) if pg_restarts and pg_restarts[0][1] else None
    for name, lo, hi in (("before_pg_restart", 0, pg_at or 1e9), ("after_pg_restart", (pg_at or 1e9) + 10, 1e9)):
        lat = [x["t_offered"] - x["answered"] for u, x in placed if "t_offered" in x and lo <= x["t"] < hi]
        if lat and (name == "before_pg_restart" or pg_at):
            figures["offered_event_after_makecall_p50_ms_" + name] = round(1000 * pct(lat, 50), 1)
            figures["offered_event_after_makecall_p99_ms_" + name] = round(1000 * pct(lat, 99), 1)
        done = [x for u, x in placed if lo <= x["t"] < hi and x["t"] < load_t]
        if done and (name == "before_pg_restart" or pg_at):
            span = min(hi, load_t) - lo
            figures["calls_per_s_" + name] = round(len(done) / span, 1) if span > 0 else None
    for route, v in sorted(res.get("latency", {}).items()):
        figures["%s_p50_ms" % route] = round(1000 * pct(v, 50), 1)
        figures["%s_p99_ms" % route] = round(1000 * pct(v, 99), 1)
    latency = []
    out = {"figures": figures, "checks": checks, "warnings": {k: dict(v) for k, v in warnings.items()},
           "server_statuses": {k: dict(v) for k, v in statuses.items()}, "half_recorded": half[:50],
           "missing_calls": missing_calls[:50], "bad_http": res["bad"][:200], "timeline": timeline}
    json.dump(out, open(os.path.join(d, "check.json"), "w"), indent=1)
    print("== %s ==" % res["label"])
    for c in checks:
        print("%s  %s\n      %s" % ("PASS" if c["ok"] else "FAIL", c["check"], c["detail"]))
    for k, v in figures.items():
        print("  %-38s %s" % (k, v))
    for srv, w in sorted(warnings.items()):
        for k, n in w.most_common(8):
            print("  log %-4s warning x%-5d %s" % (srv, n, k))


def cmd_report(a):
    runs = [json.load(open(os.path.join(d, "check.json"))) for d in a.dirs]
    keys = list(runs[0]["figures"].keys())
    lines = ["| | " + " | ".join(r["figures"]["label"] for r in runs) + " |",
             "|---|" + "---|" * len(runs)]
    for k in keys:
        if k == "label":
            continue
        lines.append("| %s | %s |" % (k, " | ".join(str(r["figures"].get(k)) for r in runs)))
    lines.append("")
    for r in runs:
        lines.append("%s: %s" % (r["figures"]["label"], ", ".join(
            "%s %s" % ("PASS" if c["ok"] else "FAIL", c["check"]) for c in r["checks"])))
    text = "\n".join(lines)
    print(text)
    if a.out:
        open(a.out, "w").write(text + "\n")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--api", required=True)
    s.add_argument("--dir", required=True)
    s.add_argument("--consoles", type=int, default=200)
    s.add_argument("--contacts-per-console", type=int, default=200)
    s.add_argument("--crm-port", type=int, required=True)
    s.add_argument("--admin-password", required=True)
    s = sub.add_parser("drive")
    s.add_argument("--api", required=True)
    s.add_argument("--dir", required=True)
    s.add_argument("--label", required=True)
    s.add_argument("--consoles", type=int, default=200)
    s.add_argument("--duration", type=float, default=120)
    s.add_argument("--ramp", type=float, default=10)
    s.add_argument("--think", type=float, default=1.0)
    # Up to the outbox lease (120 s) and more: a delivery whose outcome could not be written
    # (PostgreSQL restart) is sent again only when its lease has expired.
    s.add_argument("--drain", type=float, default=180)
    s.add_argument("--faults", choices=["three", "one", "none"], default="none")
    s.add_argument("--ctl", required=True)
    s.add_argument("--time-scale", type=float, default=0.02)
    s.add_argument("--servers", type=int, default=1)
    s = sub.add_parser("check")
    s.add_argument("--dir", required=True)
    s = sub.add_parser("report")
    s.add_argument("dirs", nargs="+")
    s.add_argument("--out")
    a = p.parse_args()
    {"seed": cmd_seed, "drive": cmd_drive, "check": cmd_check, "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
