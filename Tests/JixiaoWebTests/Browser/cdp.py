"""A small Chrome DevTools protocol client on the standard library, for the browser tests."""
import base64, json, os, re, socket, struct, subprocess, tempfile, time, urllib.request

def websocket(url):
    m = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
    host, port, path = m.group(1), int(m.group(2)), m.group(3)
    sock = socket.create_connection((host, port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    if b" 101 " not in head.split(b"\r\n")[0]:
        raise RuntimeError("websocket handshake failed: " + head.decode(errors="replace"))
    return sock

def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise RuntimeError("connection closed")
        data += chunk
    return data

class DevTools:
    def __init__(self, url):
        self.sock = websocket(url)
        self.next_id = 0
        self.events = []
        # Page dialogs (confirm) seen, and whether they are accepted; their commands use ids of their own.
        self.dialogs = []
        self.accept_dialogs = True
        self.dialog_id = 1_000_000

    def send_frame(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def read_message(self):
        message = b""
        while True:
            b0, b1 = read_exact(self.sock, 2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", read_exact(self.sock, 2))[0]
            elif n == 127:
                n = struct.unpack(">Q", read_exact(self.sock, 8))[0]
            message += read_exact(self.sock, n)
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        waiting_for = self.next_id
        self.send_frame(json.dumps({"id": waiting_for, "method": method, "params": params}))
        while True:
            answer = self.read_message()
            if answer.get("method") == "Page.javascriptDialogOpening":
                # A confirm() of the page (提交, 通过): answered as a person would, and recorded.
                message = answer["params"].get("message", "")
                self.dialogs.append(message)
                self.dialog_id += 1
                self.send_frame(json.dumps({"id": self.dialog_id, "method": "Page.handleJavaScriptDialog",
                                            "params": {"accept": self.accept_dialogs}}))
                continue
            if "method" in answer:
                self.events.append(answer)
            if answer.get("id") == waiting_for:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result.get("result", {}).get("value")

    def wait_event(self, method, timeout=10):
        """Returns the params of the first event `method` seen (also while waiting for earlier answers)."""
        deadline = time.time() + timeout
        while True:
            for event in self.events:
                if event["method"] == method:
                    self.events.remove(event)
                    return event.get("params", {})
            if time.time() > deadline:
                raise RuntimeError("timed out waiting for event " + method)
            self.sock.settimeout(max(0.1, deadline - time.time()))
            try:
                message = self.read_message()
            except socket.timeout:
                continue
            finally:
                self.sock.settimeout(30)
            if "method" in message:
                self.events.append(message)

    def press_enter(self):
        """A real Enter key press in the focused element (implicit submission, as a person does it)."""
        for kind in ("rawKeyDown", "char", "keyUp"):
            params = {"type": kind, "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13}
            if kind == "char":
                params["text"] = "\r"
            self.call("Input.dispatchKeyEvent", **params)

    def type_text(self, text):
        """Types into the focused element as keyboard input (which gives the page a user activation)."""
        self.call("Input.insertText", text=text)

    def wait_for(self, expression, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.1)
        raise RuntimeError("timed out waiting for " + expression)

def launch(chromium):
    """Starts headless Chromium; returns (process, DevTools of its page)."""
    profile = tempfile.mkdtemp(prefix="jixiao-chromium-")
    browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                "--no-first-run", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                                "--window-size=1400,1000", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = None
    deadline = time.time() + 30
    while time.time() < deadline and port is None:
        line = browser.stderr.readline()
        m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        browser.kill()
        raise RuntimeError("chromium did not start")
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t.get("type") == "page")
    tools = DevTools(page["webSocketDebuggerUrl"])
    tools.call("Page.enable")
    return browser, tools

def open_page(tools, url, ready):
    tools.call("Page.navigate", url=url)
    tools.wait_for("document.readyState === 'complete' && (" + ready + ")")

def login(tools, base, username, password):
    open_page(tools, base + "/login", "!!document.querySelector('input[name=username]')")
    tools.evaluate(f"""document.querySelector('input[name=username]').value = {json.dumps(username)};
        document.querySelector('input[name=password]').value = {json.dumps(password)};
        document.querySelector('form[action="/login"] button[type=submit]').click(); true""")
    tools.wait_for("location.pathname === '/forms' && document.readyState === 'complete'")

def logout(tools):
    tools.evaluate("document.querySelector('form[action=\"/logout\"] button').click(); true")
    tools.wait_for("location.pathname === '/login' && document.readyState === 'complete'")

def screenshot(tools, path):
    shot = tools.call("Page.captureScreenshot", format="png")
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
