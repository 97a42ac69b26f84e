"""Many machines: a fleet of Celery workers reading documents from a Redis queue.

    dispatch-reader worker --queue redis://HOST:6379/0 --spool /mnt/spool --db postgresql+psycopg://…
    dispatch-reader batch /archive --queue redis://HOST:6379/0 --spool /mnt/spool --db …
    dispatch-reader watch /srv/inbox --queue redis://HOST:6379/0 --spool /mnt/spool --db …
    dispatch-reader batch --queue redis://HOST:6379/0 --db … --status

How a document travels (each step in its own module):

- settings.py  the broker, the shared spool folder, the PostgreSQL store and the time limits,
               checked before anything is sent (SQLite is refused: workers elsewhere cannot
               write to one machine's file).
- spool.py     the file is copied into the spool under its SHA-256 (content-addressed); a
               worker copies it out into its private folder and checks the hash.
- tasks.py     one row per document in the store's `queue_tasks` table: queued → running →
               done / skipped / failed, with the reason of a failure (a dead letter). The
               broker carries only that row's id, the SHA-256, the spool name and options:
               never document text, nor even the file's name.
- enqueue.py   what `batch --queue` and `watch --queue` do: hash, skip what is stored or
               already queued, spool, row, message.
- app.py       the Celery app: acks_late, reject_on_worker_lost, prefetch 1, a visibility
               timeout longer than the slowest document (time limit + grace).
- work.py      what a worker does with one message: claim the SHA-256 in the store, copy the
               file out of the spool, run pipeline.process_file, record the outcome; retry
               with backoff while the database or the spool is away; give up (dead letter)
               on a document that fails, or that killed its worker MAX_LOST times.
- status.py    `batch --queue --status` and the progress bar while a batch waits.
- watch.py     the watched folder feeding the fleet (the lifecycle keeps its journal).
- cli.py       the `worker` command and the queued `batch`.

Exactly once: a message is acknowledged only after its document is stored (acks_late); a
worker process that dies puts its message back (reject_on_worker_lost), a machine that dies
has its messages put back after the visibility timeout. The redelivered document is read
again, and stored once: its SHA-256 is claimed in the store before reading (store/claims.py,
migration 0004), and a stored SHA-256 is never stored again (pipeline.process_file).
"""
