# The debug shell of the wsl.exe double (`wsl.exe --debug-shell`), as WSL's client and VM make it:
#
# - The shell lives in the VM, not in wsl.exe: here a daemon owns a pseudo-terminal running an interactive
#   bash inside the VM root's namespaces, and every `wsl.exe --debug-shell` is one connection to it. The
#   shell keeps its variables, functions and history between connections (microsoft/WSL#9535).
# - A connection relays stdin to the terminal and the terminal to stdout: the stream is a tty's, with the
#   echo of every input line, prompts, PS2 continuation prompts, bracketed-paste escapes and CR LF.
# - The client writes "\n" first (agetty waits for a line feed before its prompt: WslClient.cpp,
#   RunDebugShell) and never ends by itself, not even at the end of its input: only when it is killed, or
#   when the VM goes (then it prints a line feed and fails with HCS_E_CONNECTION_CLOSED).
# - What the shell prints while no connection is open is kept and comes first on the next connection:
#   a killed connection's output can reach a later one.
import os
import pty
import selectors
import signal
import socket
import subprocess
import sys
import termios
import struct
import fcntl
import threading
import time

import double_common as dc

IDLE_EXIT_SECONDS = 600  # the daemon goes when nobody connected for this long (a test that died)
BANNER = b"\r\nCBL-Mariner 2.0 (x86_64) - WSL debug shell (hvc1)\r\n\r\n"


def socket_path(scn):
    return os.path.join(scn["state_dir"], "debug-shell.sock")


def connect(scn):
    path = socket_path(scn)
    sock = try_connect(path)
    if sock is None:
        start_daemon(scn)
        deadline = time.monotonic() + 60  # a python start on a busy machine
        while sock is None and time.monotonic() < deadline:
            time.sleep(0.02)
            sock = try_connect(path)
    if sock is None:
        dc.write_bytes(dc.utf16("The system cannot find the file specified.\nError code: "
                                "Wsl/DebugShell/ERROR_FILE_NOT_FOUND\n"))
        sys.exit(255)
    sock.sendall(b"\n")

    def relay_input():
        stdin = sys.stdin.buffer.raw
        while True:
            data = os.read(stdin.fileno(), 65536)
            if not data:
                return  # the end of the input does not end the connection
            sock.sendall(data)

    threading.Thread(target=relay_input, daemon=True).start()
    out = sys.stdout.buffer
    while True:
        data = sock.recv(65536)
        if not data:
            break
        out.write(data)
        out.flush()
    dc.write_bytes(dc.utf16("\nThe connection to the virtual machine was closed.\n"
                            "Error code: Wsl/DebugShell/HCS_E_CONNECTION_CLOSED\n"))
    os._exit(255)


def try_connect(path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
        return sock
    except OSError:
        sock.close()
        return None


def start_daemon(scn):
    err = open(os.path.join(scn["state_dir"], "debug-shell.err"), "ab")
    subprocess.Popen([sys.executable, os.path.abspath(__file__), "serve", os.environ["WSLATLAS_SCENARIO"]],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, close_fds=True,
                     start_new_session=True)


def spawn_shell(scn):
    pid, master = pty.fork()
    if pid == 0:
        env = ["env", "-i", "TERM=xterm-256color", "HOME=/root", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
               "PS1=root@wsl-vm [ \\w ]# ", "HISTFILE=" + os.path.join(scn["state_dir"], "debug-shell.history")]
        os.execvp("nsenter", ["nsenter", "-t", str(scn["vm_pid"]), "-p", "-m", "-n", "--"] + env +
                  ["bash", "--norc", "--noprofile", "-i"])
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 160, 0, 0))
    os.set_blocking(master, False)
    return pid, master


class Daemon:
    def __init__(self, scn):
        self.scn = scn
        self.child, self.master = spawn_shell(scn)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        path = socket_path(scn)
        if os.path.exists(path):
            os.unlink(path)
        self.listener.bind(path)
        self.listener.listen(4)
        self.client = None
        self.backlog = bytearray(BANNER)  # output nobody has read yet
        self.pending = bytearray()  # input not yet written to the terminal
        self.idle_since = time.monotonic()
        self.sel = selectors.DefaultSelector()
        self.sel.register(self.listener, selectors.EVENT_READ, "accept")
        self.sel.register(self.master, selectors.EVENT_READ, "pty")

    def drop_client(self):
        if self.client is not None:
            self.sel.unregister(self.client)
            self.client.close()
            self.client = None
            self.idle_since = time.monotonic()
            # For tests that must know when output starts to wait for the next connection.
            with open(os.path.join(self.scn["state_dir"], "debug-shell.events"), "a") as events:
                events.write("dropped\n")

    def to_client(self, data):
        if self.client is None:
            self.backlog += data
            return
        try:
            self.client.sendall(data)
        except OSError:
            self.drop_client()  # killed: what it did not take is lost, as on a broken pipe

    def on_pty(self):
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return True
        except OSError:
            return False  # the shell is gone (the VM's namespace was torn down)
        if not data:
            return False
        self.to_client(data)
        return True

    def on_accept(self):
        conn, _ = self.listener.accept()
        self.drop_client()  # one connection at a time: a new one replaces a stale one
        self.client = conn
        self.sel.register(conn, selectors.EVENT_READ, "client")
        backlog, self.backlog = bytes(self.backlog), bytearray()
        if backlog:
            self.to_client(backlog)

    def on_client(self):
        try:
            data = self.client.recv(65536)
        except OSError:
            data = b""
        if not data:
            self.drop_client()
            return
        self.pending += data
        self.flush_input()

    def flush_input(self):
        while self.pending:
            try:
                n = os.write(self.master, bytes(self.pending[:4096]))
            except BlockingIOError:
                return
            except OSError:
                self.pending.clear()
                return
            del self.pending[:n]

    def serve(self):
        while True:
            for key, _ in self.sel.select(timeout=0.05):
                if key.data == "accept":
                    self.on_accept()
                elif key.data == "client" and self.client is not None:
                    self.on_client()
                elif key.data == "pty" and not self.on_pty():
                    return
            self.flush_input()
            if self.client is None and time.monotonic() - self.idle_since > IDLE_EXIT_SECONDS:
                os.kill(self.child, signal.SIGKILL)
                return


def serve(scenario_path):
    os.environ["WSLATLAS_SCENARIO"] = scenario_path
    scn = dc.scenario()
    daemon = Daemon(scn)
    try:
        daemon.serve()
    finally:
        try:
            os.unlink(socket_path(scn))
        except OSError:
            pass
        if daemon.client is not None:
            daemon.client.close()  # the client sees the VM go


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(sys.argv[2])
