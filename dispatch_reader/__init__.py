"""dispatch-reader: Vietnamese official dispatches and decisions into evidenced records and briefs."""

__version__ = "0.1.0"
