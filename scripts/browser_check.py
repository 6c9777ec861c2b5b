#!/usr/bin/env python3
"""Drives headless Chromium through the CaseLens web page, as a person would: types (pastes) a
note into the box, clicks Check, and asserts the highlighted findings appear; then clicks the
first "Apply suggestion" and asserts the note changed exactly there. Saves a screenshot.

    browser_check.py BASE_URL SCREENSHOT.png

Standard library only: Chromium's DevTools protocol over a small WebSocket client.
Started by scripts/browser-check.sh, which also starts the server.
"""
import base64, json, os, re, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request

# Accents and an emoji before the findings check the page's UTF-8 byte offset handling;
# the markup checks that case text is shown as text, never as HTML.
NOTE = ("Zoé 👋 visited on 3 May. Mum failed to protect the children from the volatile relationship.\n"
        "It was just a push and Dad has anger issues. <b>Mum</b> to call the police if he returns.\n"
        "Mr Jones said it was \"just a push\". <img src=x onerror=\"document.title='xss'\">\n")


class WebSocket:
    """The client half of RFC 6455, enough for the DevTools protocol (text frames, one peer)."""

    def __init__(self, url):
        m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        host, port, path = m.group(1), int(m.group(2)), m.group(3)
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("WebSocket handshake refused: " + head.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        header = bytes([0x81])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise RuntimeError("DevTools connection closed")
            buf += chunk
        return buf

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the connection")
            if opcode in (0x1, 0x0):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class Page:
    """One browser tab: DevTools commands, JavaScript evaluation and real input events."""

    def __init__(self, ws):
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.receive())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg.get("method"))

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"JavaScript failed: {expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, selector):
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
                      " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def wait_for(self, expression, what, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; status: {self.status()!r}")

    def status(self):
        return self.js("document.getElementById('status').textContent")


def start_chromium(profile):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        raise SystemExit("browser-check: chromium not found")
    args = [browser, "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,1100", "about:blank"]
    if os.geteuid() == 0:
        args.insert(1, "--no-sandbox")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.time() + 30
    while time.time() < end:
        line = proc.stderr.readline()
        m = re.search(r"DevTools listening on (ws://\S+)", line or "")
        if m:
            return proc, m.group(1)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("browser-check: chromium did not start its DevTools endpoint")


def expected_after_apply(base, note):
    """The note with the first applicable suggestion put in, from the API's own answer."""
    req = urllib.request.Request(base + "/v1/check", data=json.dumps({"text": note}).encode(),
                                 headers={"Content-Type": "application/json"})
    report = json.load(urllib.request.urlopen(req, timeout=30))
    f = next(f for f in report["findings"]
             if f["scope"] == "span" and f["context"] is None and f["suggestion"] is not None)
    raw = note.encode()
    return report, (raw[:f["start"]] + f["suggestion"].encode() + raw[f["end"]:]).decode()


def main():
    base, shot = sys.argv[1].rstrip("/"), sys.argv[2]
    report, applied = expected_after_apply(base, NOTE)
    with tempfile.TemporaryDirectory(prefix="caselens-chromium-") as profile:
        proc, browser_ws = start_chromium(profile)
        try:
            port = re.match(r"ws://[^:]+:(\d+)/", browser_ws).group(1)
            with urllib.request.urlopen(urllib.request.Request(
                    f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT"), timeout=30) as r:
                target = json.load(r)
            page = Page(WebSocket(target["webSocketDebuggerUrl"]))
            page.call("Page.enable")
            page.call("Emulation.setDeviceMetricsOverride", width=1280, height=1100, deviceScaleFactor=1, mobile=False)
            page.call("Page.navigate", url=base + "/")
            page.wait_for("document.readyState === 'complete' && !!document.getElementById('note')", "the page")

            # Paste the note, then press Check with the mouse.
            page.js("document.getElementById('note').focus()")
            page.call("Input.insertText", text=NOTE)
            assert page.js("document.getElementById('note').value") == NOTE, "the note did not arrive in the box"
            page.click("#check")
            page.wait_for("document.querySelectorAll('#shown mark').length > 0", "highlighted findings")

            marks = page.js("[...document.querySelectorAll('#shown mark')].map(m => [m.textContent, m.dataset.category, m.className])")
            items = page.js("document.querySelectorAll('#findings li').length")
            print(f"browser-check: {len(marks)} highlighted findings, {items} listed; status: {page.status()}")
            for text, category, cls in marks:
                print(f"  «{text}»  {category}")
            spans = [f for f in report["findings"] if f["scope"] == "span"]
            assert len(marks) == len(spans), f"{len(marks)} marks for {len(spans)} span findings"
            assert items == len(report["findings"]), "every finding is listed beside the note"
            assert [m[0] for m in marks] == [f["text"] for f in spans], "highlights cover exactly the flagged words"
            categories = {m[1] for m in marks}
            for c in ("victim-blaming", "mutualising", "minimising"):
                assert c in categories, f"no {c} highlight"
            assert all("c-" + m[1] in m[2] for m in marks), "every highlight carries its category colour"
            assert page.js("document.querySelectorAll('#shown b, #shown img, #findings img').length") == 0, \
                "case text was inserted as HTML"
            assert "<b>Mum</b>" in page.js("document.getElementById('shown').textContent"), "markup in the note is shown as text"
            assert page.js("document.title") != "xss"
            assert page.js("document.getElementById('rewritten').value") != NOTE, "the reworded note is filled in"
            page.call("Page.captureScreenshot", format="png")  # warm-up: fonts settle
            with open(shot, "wb") as out:
                out.write(base64.b64decode(page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]))
            print(f"browser-check: screenshot {shot}")

            # Apply the first suggestion: the box changes at exactly those words, and it checks again.
            page.click("#findings button")
            page.wait_for(f"document.getElementById('note').value === {json.dumps(applied)}", "the suggestion in the note")
            page.wait_for(f"document.getElementById('shown').textContent === {json.dumps(applied)}", "the check after applying")
            print("browser-check: applying a suggestion replaced exactly the flagged words")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    print("browser-check: passed")


if __name__ == "__main__":
    main()
