"""The records store (SQLite by default, PostgreSQL for a shared office): `open_store(url)`.

Documents and the files each was read from; readers answer per document (store/identity.py)."""

from dispatch_reader.store.filters import FilterError, Filters
from dispatch_reader.store.people import PersonEvent, PersonHistory, PersonRefError
from dispatch_reader.store.search import SearchHit
from dispatch_reader.store.store import FileInfo, HistoryEntry, Store, StoredDocument, open_store

__all__ = ["FileInfo", "FilterError", "Filters", "HistoryEntry", "PersonEvent", "PersonHistory", "PersonRefError",
           "SearchHit", "Store", "StoredDocument", "open_store"]
