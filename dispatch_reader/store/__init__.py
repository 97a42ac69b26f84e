"""The records store (SQLite by default, PostgreSQL for a shared office): `open_store(url)`."""

from dispatch_reader.store.filters import Filters
from dispatch_reader.store.store import HistoryEntry, Store, open_store

__all__ = ["Filters", "HistoryEntry", "Store", "open_store"]
