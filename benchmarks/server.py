"""The benchmarks' plumbing (load.py, lighthouse.py): the site as production runs it, on
127.0.0.1, in a temp dir, and every process started for it.

The site: a throwaway database (SQLite in the temp dir, or a new database on the PostgreSQL
server of DATABASE_URL, dropped at the end), migrated and loaded with ``loadcontent``;
collectstatic into the temp dir; gunicorn with 2 sync workers and DEBUG off
(benchmarks.settings: tramitit.settings with STATIC_ROOT in the temp dir).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"


class Processes:
    """The servers a script started, each in its own process group, stopped in reverse."""

    def __init__(self):
        self.running = []

    def start(self, args, **kwargs):
        process = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.running.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        if process in self.running:
            self.running.remove(process)

    def stop_all(self):
        for process in reversed(list(self.running)):
            self.stop(process)


def _exit_cleanly_on_signals() -> None:
    """Ctrl-C raises KeyboardInterrupt even when started with SIGINT ignored (a background
    job); SIGTERM and a closed terminal exit the same way, so a script's ``finally`` stops
    what it started and removes its temp dir."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_up(url: str, process, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode}) before {url}")
        with suppress(OSError):
            if get(url, timeout=2)[0] == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s")


def run(args, env, **kwargs) -> str:
    done = subprocess.run(
        args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900, **kwargs
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def throwaway_database(tmp: Path) -> tuple[dict, object]:
    """Environment for a new, empty database, and how to drop it (None for SQLite)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {"SQLITE_PATH": str(tmp / "db.sqlite3")}, None
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("DATABASE_URL: the benchmark knows SQLite and PostgreSQL only")
    if parts.hostname not in (HOST, "localhost", None):
        raise SystemExit("DATABASE_URL: the benchmark only uses a server on this machine")
    import psycopg

    name = f"tramitit_bench_{os.getpid()}"
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return {"DATABASE_URL": parts._replace(path=f"/{name}").geturl()}, drop


def prepare_site(tmp: Path) -> tuple[dict, object]:
    """A loaded database and collected static files in ``tmp``: the production environment
    to run the site with, and how to drop the database (None for SQLite)."""
    database, drop_database = throwaway_database(tmp)
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
        **database,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "BENCH_STATIC_ROOT": str(tmp / "static"),
        "BENCH_THROWAWAY": "1",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    print(f"setup: {'PostgreSQL' if drop_database else 'SQLite'} in {tmp}")
    try:
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "loadcontent"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    except BaseException:
        if drop_database:
            with suppress(Exception):
                drop_database()
        raise
    return env, drop_database


@dataclass(frozen=True)
class Site:
    tmp: Path
    env: dict
    processes: Processes


@contextmanager
def production_site(prefix: str, *, keep: bool):
    """One run's temp dir, loaded site (``prepare_site``) and processes. However the run
    ends, every process is stopped, the database dropped and the temp dir removed (or kept,
    and said so)."""
    processes = Processes()
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    drop_database = None
    _exit_cleanly_on_signals()
    try:
        env, drop_database = prepare_site(tmp)
        yield Site(tmp=tmp, env=env, processes=processes)
    finally:
        processes.stop_all()
        if drop_database:
            with suppress(Exception):
                drop_database()
        if keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def exit_with(main) -> None:
    """A script's exit: ``main``'s status, or 130 on Ctrl-C once ``production_site`` has
    cleaned up."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted: everything started was stopped", file=sys.stderr)
        sys.exit(130)


def start_gunicorn(processes: Processes, env: dict, tmp: Path, port: int):
    """gunicorn with 2 sync workers on ``port``, logging to tmp/gunicorn.log; call
    ``wait_until_up`` before using it."""
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "tramitit.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--no-control-socket",
        "--log-level",
        "warning",
    ]
    with open(tmp / "gunicorn.log", "a") as log:  # the child keeps its own copy open
        return processes.start(command, env=env, cwd=ROOT, stdout=log, stderr=log)


def start_nginx(processes: Processes, tmp: Path, port: int, upstream: int, *, cpu=None):
    """nginx with deploy/nginx.conf in front of gunicorn on ``upstream``, serving the temp
    dir's static files; held to one worker on ``cpu`` when given, else one per CPU. Call
    ``wait_until_up`` before using it."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is missing: apt-get install -y nginx-light")
    prefix = tmp / "nginx"
    prefix.mkdir()
    values = {
        "USER": _user(),
        "WORKERS": "1" if cpu is not None else "auto",
        "PREFIX": str(prefix),
        "ERROR_LOG": str(prefix / "error.log"),
        "ACCESS_LOG": "off",
        "MIME_TYPES": "/etc/nginx/mime.types",
        "LISTEN": f"{HOST}:{port}",
        "UPSTREAM": f"{HOST}:{upstream}",
        "STATIC_ROOT": str(tmp / "static"),
    }
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    if "@" in re.sub(r"#.*", "", text):
        raise SystemExit("deploy/nginx.conf has a placeholder the benchmarks do not fill")
    config = prefix / "nginx.conf"
    config.write_text(text)
    run([nginx, "-t", "-q", "-c", str(config)], os.environ)
    pinned = ["taskset", "-c", str(cpu)] if cpu is not None else []
    return processes.start(
        [*pinned, nginx, "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _user() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name
