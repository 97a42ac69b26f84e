"""Users, API tokens and browser sessions of the web page (issue 15), kept in the store.

Passwords are argon2id hashes (argon2-cffi); tokens and session ids are random and only their
SHA-256 is stored, so a copy of the database lets nobody log in. Roles are ordered: a reader
reads, a clerk also uploads and corrects, an admin also manages users.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, insert, select, update

from dispatch_reader.errors import UsageError
from dispatch_reader.store.models import ApiToken, User, WebSession
from dispatch_reader.store.store import Store

ROLES = ("reader", "clerk", "admin")
_NAME = re.compile(r"^[\w.@+-]{1,150}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        """True when this user's role is `role` or above it."""
        return ROLES.index(self.role) >= ROLES.index(role)


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended parameters


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # verified against when the user is unknown, so a wrong name takes as long as a wrong password
    return _hasher().hash(secrets.token_urlsafe(16))


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes for timezone-aware columns
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not _NAME.match(name):
        raise UsageError(f"user name '{name}': letters, digits and . @ + - _ only, 1 to 150 characters")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UsageError(f"role '{role}': one of {', '.join(ROLES)}")
    return role


def add_user(store: Store, name: str, role: str, password: str) -> Account:
    """A new user; UsageError when the name is taken or the password too short."""
    name, role = check_name(name), check_role(role)
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"password of '{name}': at least {MIN_PASSWORD} characters")
    hashed = _hasher().hash(password)
    with store._write() as conn:
        if conn.execute(select(User.id).where(User.name == name)).first():
            raise UsageError(f"user '{name}' exists already")
        user_id = conn.execute(insert(User).values(name=name, role=role, password_hash=hashed, active=True,
                                                   created_at=_now()).returning(User.id)).scalar_one()
    return Account(int(user_id), name, role)


def set_password(store: Store, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"password of '{name}': at least {MIN_PASSWORD} characters")
    hashed = _hasher().hash(password)
    with store._write() as conn:
        found = conn.execute(update(User).where(User.name == name).values(password_hash=hashed)).rowcount
        if found:  # a new password ends every browser session of the user
            conn.execute(delete(WebSession).where(WebSession.user_id.in_(select(User.id).where(User.name == name))))
    if not found:
        raise UsageError(f"no user '{name}'")


def set_role(store: Store, name: str, role: str) -> None:
    role = check_role(role)
    with store._write() as conn:
        if not conn.execute(update(User).where(User.name == name, User.active.is_(True)).values(role=role)).rowcount:
            raise UsageError(f"no user '{name}'")


def remove_user(store: Store, name: str) -> None:
    """Take a user's access away: no login, and their tokens and sessions end. The row stays
    (deactivated), so the corrections they made keep naming them and the name is not reused."""
    with store._write() as conn:
        user_id = conn.execute(select(User.id).where(User.name == name, User.active.is_(True))).scalar()
        if user_id is None:
            raise UsageError(f"no user '{name}'")
        conn.execute(update(User).where(User.id == user_id).values(active=False))
        conn.execute(delete(ApiToken).where(ApiToken.user_id == user_id))
        conn.execute(delete(WebSession).where(WebSession.user_id == user_id))


def users(store: Store) -> list[Account]:
    with store._read() as conn:
        rows = conn.execute(select(User.id, User.name, User.role).where(User.active.is_(True)).order_by(User.name))
        return [Account(int(r.id), r.name, r.role) for r in rows]


def authenticate(store: Store, name: str, password: str) -> Account | None:
    """The user when the password is right, else None (same time whether the name exists or not)."""
    name = unicodedata.normalize("NFC", name.strip())
    with store._read() as conn:
        row = conn.execute(select(User.id, User.name, User.role, User.password_hash)
                           .where(User.name == name, User.active.is_(True))).first()
    try:
        _hasher().verify(row.password_hash if row else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher().check_needs_rehash(row.password_hash):  # parameters raised since: store the stronger hash
        with store._write() as conn:
            conn.execute(update(User).where(User.id == row.id).values(password_hash=_hasher().hash(password)))
    return Account(int(row.id), row.name, row.role)


def create_token(store: Store, name: str, label: str | None = None) -> str:
    """A new API token of the user `name`; shown once, only its hash is kept."""
    token = secrets.token_hex(20)
    with store._write() as conn:
        user_id = conn.execute(select(User.id).where(User.name == name, User.active.is_(True))).scalar()
        if user_id is None:
            raise UsageError(f"no user '{name}'")
        conn.execute(insert(ApiToken).values(user_id=user_id, token_hash=_sha(token), label=label,
                                             created_at=_now()))
    return token


def token_user(store: Store, token: str) -> Account | None:
    with store._read() as conn:
        row = conn.execute(select(User.id, User.name, User.role).join(ApiToken, ApiToken.user_id == User.id)
                           .where(ApiToken.token_hash == _sha(token), User.active.is_(True))).first()
    return Account(int(row.id), row.name, row.role) if row else None


def start_session(store: Store, account: Account, lifetime: dt.timedelta) -> tuple[str, str]:
    """(session id for the cookie, CSRF token of its forms)."""
    session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = _now()
    with store._write() as conn:
        conn.execute(delete(WebSession).where(WebSession.expires_at < now))  # old logins go as new ones come
        conn.execute(insert(WebSession).values(user_id=account.id, token_hash=_sha(session_id), csrf=csrf,
                                               created_at=now, expires_at=now + lifetime))
    return session_id, csrf


def session_user(store: Store, session_id: str) -> tuple[Account, str] | None:
    """(the user, the session's CSRF token) of a live session, else None."""
    with store._read() as conn:
        row = conn.execute(select(User.id, User.name, User.role, WebSession.csrf, WebSession.expires_at)
                           .join(WebSession, WebSession.user_id == User.id)
                           .where(WebSession.token_hash == _sha(session_id), User.active.is_(True))).first()
    if row is None or _aware(row.expires_at) <= _now():
        return None
    return Account(int(row.id), row.name, row.role), row.csrf


def end_session(store: Store, session_id: str) -> None:
    with store._write() as conn:
        conn.execute(delete(WebSession).where(WebSession.token_hash == _sha(session_id)))
