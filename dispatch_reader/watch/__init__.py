"""The two everyday ways in: a watched folder (`watch`) and an archive batch (`batch`).

watcher.py    the watch loop: events, rescans, signals, one watcher per folder
lifecycle.py  one dropped file: INBOX → processing/ → archive/, failed/ or duplicates/
claims.py     the journal that makes a crash at any step recoverable
admit.py      which entries of INBOX may be taken (one filter), opened never through a link or blocking
settle.py     when a dropped file is complete enough to read
places.py     the folders, and moves that never lose or clobber a file
batch.py      the parallel, resumable archive run; worker.py runs in its processes
walk.py       streaming the file list; report.py the progress bar, summary and failures CSV
cli.py        the `watch` and `batch` commands
"""
