"""The records store (SQLite by default, PostgreSQL for a shared office): `open_store(url)`."""

from dispatch_reader.store.filters import FilterError, Filters
from dispatch_reader.store.people import PersonEvent, PersonHistory
from dispatch_reader.store.search import SearchHit
from dispatch_reader.store.store import HistoryEntry, Store, open_store

__all__ = ["FilterError", "Filters", "HistoryEntry", "PersonEvent", "PersonHistory", "SearchHit", "Store", "open_store"]
