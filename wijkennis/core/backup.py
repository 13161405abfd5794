"""Backup and restore of the whole database, with a manifest that proves the copy is complete.

A backup is one tar file holding
- `manifest.json`: engine, time, and per table the number of rows and a sha256 over its rows
  (ordered by primary key, each row as one line of canonical JSON);
- the database itself, in the form its engine's own tools restore:
  SQLite: a copy made with the online backup API (`database.sqlite3`), consistent while the
  site keeps running; PostgreSQL: `pg_dump --format=custom` (`database.pgdump`), taken from the
  same snapshot the manifest is computed on, so the two always agree.

Both copies include the schema, so `restore` needs an empty database and no `migrate` first.
After restoring, the manifest is computed again on the target and compared table by table.
"""

import datetime as dt
import decimal
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.db import connections, transaction
from django.db.utils import load_backend
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why in plain words."""


def _canonical(value):
    if isinstance(value, bytes | bytearray | memoryview):
        return {"hex": bytes(value).hex()}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _engine(connection) -> str:
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupError(
            f"Backups are supported for SQLite and PostgreSQL, not {connection.vendor}."
        )
    return connection.vendor


def table_manifest(connection) -> dict[str, dict]:
    """Rows and content hash of every table (Django's, the search index's, SQLite's FTS5)."""
    quote = connection.ops.quote_name
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            columns = [
                c.name for c in connection.introspection.get_table_description(cursor, table)
            ]
            try:
                key = connection.introspection.get_primary_key_column(cursor, table)
            except Exception:  # SQLite virtual tables have no CREATE TABLE to read a key from
                key = None
            order = [key] if key in columns else columns
            # Names come from the database's own catalogue, quoted.
            select = f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)}"  # noqa: S608
            cursor.execute(f"{select} ORDER BY {', '.join(map(quote, order))}")
            digest, count = hashlib.sha256(), 0
            while rows := cursor.fetchmany(1000):
                for row in rows:
                    line = json.dumps(row, default=_canonical, ensure_ascii=False, sort_keys=True)
                    digest.update(line.encode() + b"\n")
                    count += 1
            tables[table] = {"rows": count, "sha256": digest.hexdigest()}
    return tables


def _pg_command(program: str, settings: dict) -> tuple[list[str], dict]:
    args = [program, "--no-password"]
    for flag, name in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(name):
            args += [flag, str(settings[name])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def _run(args: list[str], env: dict) -> None:
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} is not installed. Install the PostgreSQL client tools.")
    done = subprocess.run(args, env=env, capture_output=True, text=True)  # noqa: S603 (no shell)
    if done.returncode != 0:
        raise BackupError(f"{args[0]} failed: {done.stderr.strip()[-2000:]}")


def _dump_sqlite(connection, folder: Path) -> dict:
    connection.ensure_connection()
    target = sqlite3.connect(folder / SQLITE_FILE)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    # The manifest is read from the copy itself: it describes exactly what the file holds.
    return manifest_of_sqlite_file(folder / SQLITE_FILE)


def manifest_of_sqlite_file(path: Path) -> dict:
    """`table_manifest` of an SQLite file, through a throw-away connection."""
    settings = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": {}}
    settings["ENGINE"] = "django.db.backends.sqlite3"
    alias = f"backup-{uuid.uuid4().hex}"
    # Registered as a connection only (not in settings), for as long as it is read.
    connections[alias] = copy = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias)
    try:
        return table_manifest(copy)
    finally:
        copy.close()
        del connections[alias]


def _dump_postgres(connection, folder: Path) -> dict:
    settings = connection.settings_dict
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside another transaction.")
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        args, env = _pg_command("pg_dump", settings)
        args += [
            "--format=custom",
            f"--snapshot={snapshot}",
            f"--file={folder / POSTGRES_FILE}",
            settings["NAME"],
        ]
        _run(args, env)
        return table_manifest(connection)


@dataclass
class Manifest:
    engine: str
    created_at: str
    tables: dict[str, dict]

    def as_json(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT_VERSION,
                "engine": self.engine,
                "created_at": self.created_at,
                "tables": self.tables,
            },
            indent=2,
            sort_keys=True,
        ).encode()


def backup(path: Path, using: str = "default") -> Manifest:
    """Write a backup of database `using` to `path` (a tar file) and return its manifest."""
    connection = connections[using]
    engine = _engine(connection)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        tables = (_dump_sqlite if engine == "sqlite" else _dump_postgres)(connection, folder)
        manifest = Manifest(engine, timezone.now().isoformat(), tables)
        data_file = SQLITE_FILE if engine == "sqlite" else POSTGRES_FILE
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            info = tarfile.TarInfo(MANIFEST)
            content = manifest.as_json()
            info.size, info.mtime = len(content), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(content))
            archive.add(folder / data_file, arcname=data_file)
        partial.replace(path)  # a backup file is either complete or not there
    return manifest


def read_manifest(path: Path) -> Manifest:
    try:
        with tarfile.open(path) as archive:
            data = json.load(archive.extractfile(MANIFEST))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{path} is not a Wijkennis backup ({error}).") from None
    if data.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has backup format {data.get('format')}, expected {FORMAT_VERSION}."
        )
    return Manifest(data["engine"], data["created_at"], data["tables"])


def is_empty(using: str = "default") -> bool:
    connection = connections[using]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore(path: Path, using: str = "default", force: bool = False) -> dict[str, tuple]:
    """Restore the backup at `path` into database `using`; return the differences (none: ok).

    The target must be empty (no tables) unless `force`; then its contents are replaced."""
    connection = connections[using]
    engine = _engine(connection)
    manifest = read_manifest(path)
    if manifest.engine != engine:
        raise BackupError(
            f"This backup is of a {manifest.engine} database, the target is {engine}."
        )
    if not force and not is_empty(using):
        raise BackupError(
            "The target database is not empty. Restore into an empty database, "
            "or add --force to replace what is there."
        )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        data_file = SQLITE_FILE if engine == "sqlite" else POSTGRES_FILE
        with tarfile.open(path) as archive:
            archive.extract(data_file, folder, filter="data")
        if engine == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(folder / data_file)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            connection.close()  # pg_restore works on its own connections
            args, env = _pg_command("pg_restore", connection.settings_dict)
            args += ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
            if force:
                args += ["--clean", "--if-exists"]
            args += [f"--dbname={connection.settings_dict['NAME']}", str(folder / data_file)]
            _run(args, env)
    restored = table_manifest(connection)
    return compare(manifest.tables, restored)


def compare(expected: dict[str, dict], actual: dict[str, dict]) -> dict[str, tuple]:
    """Tables whose rows or hash differ: {table: (expected, actual)}."""
    return {
        table: (expected.get(table), actual.get(table))
        for table in sorted(set(expected) | set(actual))
        if expected.get(table) != actual.get(table)
    }
