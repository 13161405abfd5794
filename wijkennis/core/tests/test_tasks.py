"""One task interface (wijkennis.core.tasks): in process by default, a Celery worker in
production. The worker test starts a real `celery worker` against Redis and PostgreSQL."""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection

from tests.factories import ConceptFactory
from wijkennis.core import tasks
from wijkennis.core.mail import queue_emails, send_emails
from wijkennis.core.tasks import NotABackgroundTask, background, run_task
from wijkennis.knowledge import services as knowledge
from wijkennis.knowledge.models import PatternCell

REDIS = ("127.0.0.1", 6379)
CALLS: list = []


@background
def remember(value):
    CALLS.append(value)
    return value * 2


def not_marked(value):
    return value


@pytest.fixture(autouse=True)
def clear_calls():
    CALLS.clear()


def redis_reachable() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


def test_by_default_a_task_runs_here_and_now(db, settings):
    assert settings.WIJKENNIS_TASKS == "inprocess"
    assert run_task(remember, 21) == 42
    assert CALLS == [21]


def test_after_commit_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert run_task(remember, 1, after_commit=True) is None
        assert CALLS == []
    assert CALLS == [1]


def test_after_commit_never_runs_when_rolled_back(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run_task(remember, 1, after_commit=True)
    assert len(callbacks) == 1 and CALLS == []  # the callbacks of a rollback are dropped


def test_only_marked_functions_are_tasks(db):
    with pytest.raises(NotABackgroundTask):
        run_task(not_marked, 1)
    with pytest.raises(NotABackgroundTask):
        tasks.execute(f"{__name__}.not_marked", [1])
    assert tasks.execute(f"{__name__}.remember", [5]) == 10


def test_with_celery_the_task_is_queued_on_commit_not_run(
    db, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.WIJKENNIS_TASKS = "celery"
    sent = []
    monkeypatch.setattr(tasks, "enqueue", lambda path, args: sent.append((path, args)))
    with django_capture_on_commit_callbacks(execute=True):
        assert run_task(remember, 3) is None
        assert sent == []
    assert sent == [(f"{__name__}.remember", [3])]
    assert CALLS == []


def test_emails_in_process_are_sent_at_once(db):
    message = mail.EmailMessage(subject="Onderwerp", body="Tekst", to=["a@example.test"])
    queue_emails([message])
    assert [(m.subject, m.to) for m in mail.outbox] == [("Onderwerp", ["a@example.test"])]
    assert send_emails([]) == 0


def test_settings_without_broker_stay_in_process():
    """The local demo has no Redis and no worker: nothing may wait for one."""
    env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "WIJKENNIS_TASKS")}
    env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    code = (
        "from django.conf import settings as s; "
        "print(s.WIJKENNIS_TASKS, s.SESSION_ENGINE, s.CACHES['default']['BACKEND'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "wijkennis.config.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [
        "inprocess",
        "django.contrib.sessions.backends.cached_db",
        "wijkennis.core.cache.ReusingRedisCache",
    ]


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a worker process needs a database it can share with the test: PostgreSQL only "
    "(SQLite's test database lives in this process's memory)",
)
def test_a_celery_worker_runs_the_task_through_redis(transactional_db, settings, people):
    if not redis_reachable():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379: the Celery worker test needs it")
    from wijkennis.config.celery import app

    broker, queue = "redis://127.0.0.1:6379/15", f"wk-test-{uuid.uuid4().hex[:8]}"
    situation, tried = ConceptFactory(), ConceptFactory()
    knowledge.submit_report(people.anouk, situation=situation, tried=tried, outcome="hielp")
    PatternCell.objects.all().delete()  # the worker's recount must bring the cell back

    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkennis.config.settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}",
        "CELERY_BROKER_URL": broker,
        "CELERY_QUEUE": queue,
    }
    worker = subprocess.Popen(
        [str(Path(sys.executable).parent / "celery"), "-A", "wijkennis.config", "worker"]
        + ["--pool", "solo", "--without-heartbeat", "--without-gossip", "--without-mingle"]
        + ["--loglevel", "INFO"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    old = app.conf.broker_url, app.conf.task_default_queue
    app.conf.broker_url, app.conf.task_default_queue = broker, queue
    settings.WIJKENNIS_TASKS = "celery"
    try:
        assert run_task(knowledge.refresh_patterns) is None  # autocommit: queued at once
        deadline = time.monotonic() + 45
        while not PatternCell.objects.exists() and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read()
            time.sleep(0.3)
        cell = PatternCell.objects.get()
        assert (cell.situation_id, cell.tried_id, cell.helped) == (situation.pk, tried.pk, 1)
    finally:
        app.conf.broker_url, app.conf.task_default_queue = old
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            output = worker.communicate(timeout=20)[0]
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            output = worker.communicate()[0]
    assert "wijkennis.knowledge.services.refresh_patterns" in output  # the worker ran it
