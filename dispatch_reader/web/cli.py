"""`dispatch-reader serve` (the web page and API) and `dispatch-reader users …` (who may use them)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Optional

import typer

from dispatch_reader.errors import UsageError


def register(app: typer.Typer) -> None:
    from dispatch_reader.cli import DbOption
    from dispatch_reader.console import friendly, out

    @app.command()
    @friendly
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Keep 127.0.0.1 and put a "
                                 "reverse proxy with TLS in front (README \"Web page\")."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
        db: Optional[str] = DbOption,
        inbox: Optional[Path] = typer.Option(None, "--inbox", help="Folder uploads go to, read by a watcher inside "
                                             "the server (default: inbox/ in the user data folder)."),
        watch: bool = typer.Option(True, "--watch/--no-watch", help="Read what arrives in the inbox inside the "
                                   "server; --no-watch when a `dispatch-reader watch` service reads it."),
        secure_cookies: bool = typer.Option(False, "--secure-cookies", help="Send cookies over HTTPS only "
                                            "(behind a TLS reverse proxy)."),
        lang: str = typer.Option("vi", "--lang", help="Interface language unless a user chooses: vi or en."),
        proxy_headers: bool = typer.Option(False, "--proxy-headers", help="Trust X-Forwarded-For/-Proto from "
                                           "127.0.0.1 (the reverse proxy), so the login limit sees real addresses."),
        cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where page images are cached "
                                                 "(default: web/ in the user cache folder); not inside the inbox."),
    ) -> None:
        """Serve the web page and the JSON API (/api/, docs at /api/docs) until Ctrl-C.

        Log in with a user made by `dispatch-reader users add`.

        Example: dispatch-reader serve --port 8000 --inbox /srv/scans/inbox
        """
        import uvicorn

        from dispatch_reader.web.app import create_app
        from dispatch_reader.web.labels import LANGUAGES
        from dispatch_reader.web.settings import WebSettings, default_inbox

        if lang not in LANGUAGES:
            raise UsageError(f"--lang {lang}: one of {', '.join(LANGUAGES)}")
        folder = (inbox or default_inbox()).expanduser().resolve()
        cache = cache_dir.expanduser().resolve() if cache_dir else None
        if cache is not None and (cache == folder or folder in cache.parents):
            raise UsageError(f"--cache-dir {cache}: not inside the inbox (the watcher would read the cached images)")
        settings = WebSettings(db=db, inbox=folder, lang=lang, secure_cookies=secure_cookies, watch_inbox=watch,
                               cache_dir=cache)
        application = create_app(settings)
        out.print(f"serving on http://{host}:{port}/ (Ctrl-C to stop); inbox {settings.inbox}",
                  markup=False, highlight=False)
        uvicorn.run(application, host=host, port=port, proxy_headers=proxy_headers,
                    forwarded_allow_ips="127.0.0.1" if proxy_headers else None, log_level="warning")

    users_app = typer.Typer(help="Users of the web page and API: reader (reads), clerk (also uploads and "
                                 "corrects), admin (also manages users).\n\nExample: dispatch-reader users add lan "
                                 "--role clerk", no_args_is_help=True, add_completion=False, rich_markup_mode=None)
    app.add_typer(users_app, name="users")

    def _password(given: str | None, name: str) -> str:
        if given:
            return given
        first = getpass.getpass(f"password for {name}: ")
        if first != getpass.getpass("again: "):
            raise UsageError("the two passwords differ")
        return first

    @users_app.command("add")
    @friendly
    def users_add(
        name: str = typer.Argument(..., help="Login name."),
        role: str = typer.Option("reader", "--role", help="reader, clerk or admin."),
        password: Optional[str] = typer.Option(None, "--password", help="The password (prompted when not given)."),
        db: Optional[str] = DbOption,
    ) -> None:
        """Add a user (the password is stored as an argon2 hash).

        Example: dispatch-reader users add lan --role clerk
        """
        from dispatch_reader.store import accounts, open_store

        accounts.check_name(name)
        accounts.check_role(role)
        with open_store(db) as store:
            account = accounts.add_user(store, name, role, _password(password, name))
        out.print(f"user {account.name} added ({account.role})", markup=False, highlight=False)

    @users_app.command("password")
    @friendly
    def users_password(
        name: str = typer.Argument(..., help="Login name."),
        password: Optional[str] = typer.Option(None, "--password", help="The new password (prompted when not given)."),
        db: Optional[str] = DbOption,
    ) -> None:
        """Set a user's password (their browser sessions end).

        Example: dispatch-reader users password lan
        """
        from dispatch_reader.store import accounts, open_store

        with open_store(db) as store:
            accounts.set_password(store, name, _password(password, name))
        out.print(f"password of {name} changed", markup=False, highlight=False)

    @users_app.command("token")
    @friendly
    def users_token(
        name: str = typer.Argument(..., help="Login name."),
        label: Optional[str] = typer.Option(None, "--label", help="What the token is for."),
        db: Optional[str] = DbOption,
    ) -> None:
        """Make an API token for a user (printed once; use it as `Authorization: Token …`).

        Example: dispatch-reader users token lan --label "văn thư script"
        """
        from dispatch_reader.store import accounts, open_store

        with open_store(db) as store:
            token = accounts.create_token(store, name, label)
        out.quiet = False  # the token is the data asked for
        out.print(token, markup=False, highlight=False)

    @users_app.command("role")
    @friendly
    def users_role(
        name: str = typer.Argument(..., help="Login name."),
        role: str = typer.Argument(..., help="reader, clerk or admin."),
        db: Optional[str] = DbOption,
    ) -> None:
        """Give a user another role.

        Example: dispatch-reader users role lan admin
        """
        from dispatch_reader.store import accounts, open_store

        with open_store(db) as store:
            accounts.set_role(store, name, role)
        out.print(f"{name} is now {role}", markup=False, highlight=False)

    @users_app.command("remove")
    @friendly
    def users_remove(name: str = typer.Argument(..., help="Login name."), db: Optional[str] = DbOption) -> None:
        """Take a user's access away: no login; their API tokens and sessions end at once.

        Example: dispatch-reader users remove lan
        """
        from dispatch_reader.store import accounts, open_store

        with open_store(db) as store:
            accounts.remove_user(store, name)
        out.print(f"user {name} removed", markup=False, highlight=False)

    @users_app.command("list")
    @friendly
    def users_list(db: Optional[str] = DbOption) -> None:
        """List the users and their roles.

        Example: dispatch-reader users list
        """
        from dispatch_reader.store import accounts, open_store

        with open_store(db) as store:
            for account in accounts.users(store):
                out.print(f"{account.name}\t{account.role}", markup=False, highlight=False)
