"""A throwaway PostgreSQL server started from the installed binaries (initdb,
pg_ctl). PostgreSQL refuses to run as root, so as root the server runs as the
`postgres` system user."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_pg_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    root: Path
    port: int
    as_user: str | None

    def _run(self, *argv: str) -> None:
        cmd = list(argv)
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    @classmethod
    def start(cls, *, durable: bool = False) -> PgServer:
        """A throwaway server. Tests run it without durability (no fsync, commits not waited for: fast);
        `durable` keeps PostgreSQL's defaults, what a production server runs (benchmarks of commit costs)."""
        bindir = find_pg_bin()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        as_user = "postgres" if os.geteuid() == 0 else None
        root = Path(tempfile.mkdtemp(prefix="nhacviec-pg-"))
        if as_user:
            shutil.chown(root, user=as_user)
        server = cls(bindir=bindir, root=root, port=_free_port(), as_user=as_user)
        data = root / "data"
        server._run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8")
        fast = "" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        for attempt in range(3):  # the free port may be taken before the server binds it: try another
            try:
                server._run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                            f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1{fast}", "start")
                return server
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                server.port = _free_port()
        raise AssertionError("unreachable")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
