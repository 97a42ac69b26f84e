"""The Celery app of the fleet: one task, `dispatch_reader.read`, and the settings that make a
document stored exactly once whatever dies.

- `task_acks_late`: a message is acknowledged when its document is finished, not when a
  worker takes it; `task_reject_on_worker_lost`: a worker process that dies (kill -9, out of
  memory) puts its message back at once, for another process to read the document again.
- `worker_prefetch_multiplier = 1`: a worker holds only the document it reads, so a machine
  that dies strands at most one message per process.
- the broker's `visibility_timeout` is longer than the slowest document can run (the hard
  time limit), so a message is handed to a second worker only when the first machine is gone;
  a sweep every `restore_interval` seconds puts back the messages of dead machines.
- the store's claim by SHA-256 and its "stored already" check make the second reading store
  nothing twice (work.py).

Workers send task events (`worker_send_task_events`), so Flower or `celery events` show
the fleet live (README "Many machines").
"""

from __future__ import annotations

import logging
from typing import Any

from dispatch_reader.fleet.settings import QUEUE_NAME, FleetSettings

log = logging.getLogger(__name__)
TASK_NAME = "dispatch_reader.read"


def make_app(fleet: FleetSettings) -> Any:
    from celery import Celery

    app = Celery("dispatch_reader", set_as_current=False)
    app.conf.update(
        broker_url=fleet.broker,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "visibility_timeout": fleet.visibility_timeout,
            "unacked_restore_interval": fleet.restore_interval,
            "unacked_restore_throttle": 1,
            # a worker killed during its sweep leaves the sweep's lock: free it well within the timeout
            "unacked_mutex_expire": int(min(300, max(5, fleet.visibility_timeout / 2))),
        },
        task_default_queue=QUEUE_NAME,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=fleet.time_limit,
        task_time_limit=fleet.hard_time_limit,
        worker_max_tasks_per_child=1000,
        worker_send_task_events=True,
        task_send_sent_event=True,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
    )
    app.dispatch_reader_fleet = fleet  # read by the task in every worker process

    from celery import Task

    class ReadTask(Task):  # type: ignore[misc]
        def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
            """A hard time limit kills the process reading: the task fails in the worker's main
            process, which records the dead letter (the reading process is gone)."""
            from celery.exceptions import TimeLimitExceeded

            if isinstance(exc, TimeLimitExceeded):
                from dispatch_reader.fleet.work import over_time_limit

                over_time_limit(fleet, task_id)

    # max_retries=None here, on the task: `self.retry(max_retries=None)` alone means Celery's
    # default of 3, and the fourth "later" (a database outage of a minute, a document another
    # worker reads) raised MaxRetriesExceededError, acknowledging the message with its row left
    # running for ever
    @app.task(name=TASK_NAME, bind=True, base=ReadTask, acks_late=True, reject_on_worker_lost=True, max_retries=None)
    def read(self: Any, task_id: str, sha256: str, spool_name: str, options: dict[str, Any] | None = None) -> str:
        from celery.exceptions import SoftTimeLimitExceeded

        from dispatch_reader.fleet.work import Later, give_up, handle, over_time_limit

        try:
            result = handle(fleet, task_id, sha256, spool_name, options or {}, attempt=self.request.retries,
                            node=self.request.hostname or "worker")
        except SoftTimeLimitExceeded:
            over_time_limit(fleet, task_id)
            return "failed"
        except Exception as exc:  # a bug, or a library turning the time limit into its own error
            log.exception("task %s failed unexpectedly", task_id)
            give_up(fleet, task_id, exc)
            return "failed"
        if isinstance(result, Later):
            if result.clean is not None:
                options = {**(options or {}), "clean_after": result.clean}
            raise self.retry(args=[task_id, sha256, spool_name, options], countdown=result.countdown,
                             max_retries=None)
        return result

    return app


def publish(app: Any, task_id: str, sha256: str, spool_name: str, options: dict[str, Any]) -> None:
    """Send one document's message: ids, hash, spool name and options; never its text."""
    app.send_task(TASK_NAME, args=[task_id, sha256, spool_name, options], task_id=task_id, queue=QUEUE_NAME,
                  retry=True, retry_policy={"max_retries": 3, "interval_start": 0.5, "interval_step": 1.0,
                                            "interval_max": 3.0})


def check_broker(app: Any) -> None:
    """Raise QueueError (exit 12) when the broker does not answer."""
    from dispatch_reader.errors import QueueError
    from dispatch_reader.store.engine import display_url

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=2, interval_start=0.5, interval_step=0.5, timeout=5)
    except Exception as exc:  # kombu raises the transport's own errors
        raise QueueError(None, f"cannot reach the queue {display_url(app.conf.broker_url)}: "
                               f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def queue_depth(app: Any) -> tuple[int | None, int | None]:
    """(messages waiting in the queue, messages held unacknowledged by workers), or None each
    when the broker cannot say."""
    try:
        with app.connection_for_read() as conn:
            channel = conn.default_channel
            waiting = channel.queue_declare(QUEUE_NAME, passive=True).message_count
            held = None
            client = getattr(channel, "client", None)
            if client is not None:
                held = int(client.hlen(getattr(channel, "unacked_key", "unacked")))
            return int(waiting), held
    except Exception:
        log.debug("queue depth unknown", exc_info=True)
        return None, None
