"""Helpers for tests that break the database on purpose (PostgreSQL) or race edits."""

import threading
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection, connections

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: a server whose connections can be killed (pg_terminate_backend) "
    "and row locks between connections (SQLite runs one writer at a time, no race to show)",
)


def backend_pid(using: str = "default") -> int:
    conn = connections[using]
    conn.ensure_connection()
    return conn.connection.info.backend_pid


def terminate(pid: int, using: str = "default") -> None:
    """Kill one server process from a separate connection, as a crash or restart would."""
    settings = connections[using].settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    ) as killer:
        # PostgreSQL 14+: wait (up to 5 s) until the process has really gone.
        killed = killer.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0]
    assert killed, f"backend {pid} was not terminated"


@contextmanager
def kill_connection_before(sql_start: str, nth: int = 1, using: str = "default"):
    """Terminate the app's own connection just before its `nth` query starting with `sql_start`.

    Yields a list that gets one entry when the kill happened."""
    conn = connections[using]
    seen, killed = [0], []

    def wrapper(execute, sql, params, many, context):
        if not killed and sql.lstrip().startswith(sql_start):
            seen[0] += 1
            if seen[0] == nth:
                terminate(conn.connection.info.backend_pid, using)
                killed.append(sql)
        return execute(sql, params, many, context)

    with conn.execute_wrapper(wrapper):
        yield killed


def run_together(count: int, work) -> list:
    """Run `work(i)` in `count` threads that start at the same moment, each with its own
    database connection (closed at the end). Returns each thread's result or exception."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(number: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[number] = work(number)
        except Exception as error:  # collected and asserted on by the test
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results
