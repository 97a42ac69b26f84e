"""What the web app needs to know: database, inbox, secret key, language, cookie and limit settings."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

SECRET_ENV = "DISPATCH_READER_WEB_SECRET"


def default_inbox() -> Path:
    return Path(user_data_dir("dispatch-reader")) / "inbox"


def secret_key(folder: Path | None = None) -> str:
    """$DISPATCH_READER_WEB_SECRET, else a random key kept in the data folder (mode 0600), so
    logins survive a restart and every process of one server signs cookies alike."""
    given = os.environ.get(SECRET_ENV, "").strip()
    if given:
        return given
    path = (folder or Path(user_data_dir("dispatch-reader"))) / "web-secret"
    try:
        return path.read_text("ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    try:  # O_EXCL: two servers starting at once keep one key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text("ascii").strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


@dataclass
class WebSettings:
    """Settings of one app; `create_app(WebSettings(db=…, inbox=…))` in tests."""

    db: str | None = None  # database URL; None: $DISPATCH_READER_DB, else the default SQLite file
    inbox: Path = field(default_factory=default_inbox)  # uploads go here, as into the watched folder
    secret: str = ""  # signs session cookies; "" = secret_key()
    lang: str = "vi"  # the interface's language unless the user chose another
    # cookies only over HTTPS: on behind a TLS reverse proxy (`serve --secure-cookies`)
    secure_cookies: bool = False
    session_lifetime: dt.timedelta = dt.timedelta(hours=12)
    # failed logins (form or HTTP Basic) allowed per user name and address, and per address, in the window
    login_failures_per_name: int = 5
    login_failures_per_address: int = 30
    login_window: dt.timedelta = dt.timedelta(minutes=15)
    max_upload_mb: float | None = None  # None: the reading limit (max_file_mb of the config)
    # run a watcher over the inbox inside the server (`serve` does; tests store directly)
    watch_inbox: bool = False
    # page images and other caches of the pages; None: web/ in the user cache folder. Never
    # inside the inbox: the watcher would take cached PNGs for scans
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if not self.secret:
            self.secret = secret_key()
