"""Records → briefs people read, rendered from Jinja2 templates."""
