# Shared by the Windows test doubles (wsl.exe, powershell.exe, ipconfig.exe, reg.exe, hnsdiag.exe): the
# scenario they act out, the call log the tests read, and Windows' encodings. See ../README.md.
#
# The scenario is a JSON file named by $WSLATLAS_SCENARIO:
#   state_dir       folder for the call logs and the debug shell's socket (created by the test)
#   elevated        the doubles' process counts as administrator (debug shell, hnsdiag)
#   vm_pid          a process in the VM root's namespaces (the debug shell lands there)
#   distros         [{name, version, state ("Running"/"Stopped"), default, pid (a process in the
#                   distro's namespaces), system_pid (its WSLg system distro's), wsl_conf (its
#                   /etc/wsl.conf text), data_only}]
#   no_distros      "current" (no Error code line) or "older" (Error code: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND)
#   edition         "home" (no Hyper-V PowerShell module) or "pro"
#   networking      "nat" or "mirrored"
#   adapter_name    the name of the host's Wi-Fi adapter (may be non-ASCII)
import json
import os
import sys


def scenario():
    path = os.environ.get("WSLATLAS_SCENARIO")
    if not path:
        sys.stderr.write("test double: WSLATLAS_SCENARIO is not set\n")
        sys.exit(127)
    with open(path, encoding="utf-8") as f:
        scn = json.load(f)
    # Started through the runas stand-in: elevated, and maybe as another user (no distros of theirs).
    if os.environ.get("WSLATLAS_DOUBLE_ELEVATED") == "1":
        scn["elevated"] = True
    if os.environ.get("WSLATLAS_DOUBLE_USER") == "other":
        scn["distros"] = []
        scn["other_user"] = True
    return scn


def log_call(scn, program, argv):
    """One JSON line per call: [program, arg...], appended to STATE_DIR/calls.log."""
    line = json.dumps([program] + list(argv)) + "\n"
    with open(os.path.join(scn["state_dir"], "calls.log"), "a", encoding="utf-8") as f:
        f.write(line)


def record(scn, name, text):
    """A line in STATE_DIR/NAME.log (e.g. started.log: distros a call would have started)."""
    with open(os.path.join(scn["state_dir"], name + ".log"), "a", encoding="utf-8") as f:
        f.write(text + "\n")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write_bytes(data, stream=None):
    out = (stream or sys.stdout).buffer
    out.write(data)
    out.flush()


def utf16(text):
    """wsl.exe's own text: UTF-16LE without a BOM, CR LF (wprintf in text mode), unless WSL_UTF8=1."""
    if os.environ.get("WSL_UTF8") == "1":
        return crlf(text).encode("utf-8")
    return crlf(text).encode("utf-16-le")


def oem(text):
    """A console program's text when redirected: the OEM code page (437 on an English system), CR LF.
    Characters the code page lacks become '?', as WideCharToMultiByte does."""
    return crlf(text).encode("cp437", errors="replace")


def distro_named(scn, name):
    for d in scn.get("distros", []):
        if d["name"].lower() == name.lower():  # WSL compares distro names case-insensitively
            return d
    return None


def wslconfig_path():
    profile = os.environ.get("USERPROFILE", "")
    return os.path.join(profile, ".wslconfig") if profile else ""


def gui_off(text):
    """guiApplications=false under [wsl2] (.wslconfig) or [general] (/etc/wsl.conf)."""
    section = ""
    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            continue
        key, sep, value = line.partition("=")
        if sep and key.strip().lower() == "guiapplications" and section in ("wsl2", "general"):
            return value.strip().lower() == "false"
    return False


def global_gui_off():
    path = wslconfig_path()
    if not path or not os.path.exists(path):
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        return gui_off(f.read())
