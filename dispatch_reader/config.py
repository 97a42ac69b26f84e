"""Settings from a TOML file and DISPATCH_READER_* environment variables (pydantic-settings).

Precedence, highest first: command-line options, environment variables, the config file
(`--config FILE`, else $DISPATCH_READER_CONFIG, else config.toml in the user config folder),
built-in defaults. A bad value or an unknown key is one error line naming the file or the
variable, exit code 9, before any file is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from dispatch_reader.errors import ConfigError

ENV_PREFIX = "DISPATCH_READER_"
ENV_CONFIG = ENV_PREFIX + "CONFIG"
_chosen: Path | None = None  # set by --config


def default_config_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("dispatch-reader")) / "config.toml"


def config_file() -> tuple[Path, bool]:
    """(the config file, whether it was asked for by name: then it must exist)."""
    if _chosen is not None:
        return _chosen, True
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG]), True
    return default_config_file(), False


def use_config_file(path: Path | None) -> None:
    global _chosen
    _chosen = path


class Config(BaseSettings):
    """Every setting; the README's "Configuration" section lists them with their variables."""

    # an empty variable counts as unset (as a shell's `VAR= cmd` means)
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", validate_default=True,
                                      env_ignore_empty=True)

    # where things go (also given by --db and --templates)
    db: Optional[str] = None
    templates: Optional[Path] = None
    # reading
    languages: str = Field("vie+eng", pattern=r"^[A-Za-z_]+(\+[A-Za-z_]+)*$")
    workers: Optional[int] = Field(None, ge=1, le=256)
    ocr_mode: Literal["auto", "always", "never"] = "auto"
    dpi: int = Field(300, ge=72, le=1200)
    password: Optional[SecretStr] = None
    passwords_file: Optional[Path] = None
    max_pages: int = Field(500, ge=1)
    max_file_mb: float = Field(500, gt=0)
    max_pixels: int = Field(150_000_000, ge=1_000_000)
    page_timeout: float = Field(120.0, gt=0)
    min_confidence: float = Field(0.70, ge=0, le=1)
    # a Vietnamese page read a second time in Vietnamese alone for its words' marks (names in
    # lists and tables): OCR takes ~1.75x as long; off for speed over those marks
    vietnamese_marks: bool = True
    # OCR cache: none = no cache; bounded, oldest entries go first
    cache_dir: Optional[Path] = None
    cache_max_mb: float = Field(1024, ge=0)
    no_cache: bool = False
    # the worker fleet (dispatch_reader/fleet): broker, shared spool folder, limits
    queue: Optional[str] = Field(None, pattern=r"^(redis|rediss|redis\+socket|sentinel)://")
    spool: Optional[Path] = None
    queue_time_limit: float = Field(3600.0, gt=0)
    queue_visibility_timeout: Optional[float] = Field(None, gt=0)
    queue_retries: int = Field(8, ge=0, le=100)

    @field_validator("templates", "passwords_file", "cache_dir", "spool", mode="after")
    @classmethod
    def _expand(cls, value: Optional[Path]) -> Optional[Path]:
        return value.expanduser() if value is not None else None

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        path, _ = config_file()
        toml = TomlConfigSettingsSource(settings_cls, toml_file=path if path.is_file() else None)
        return init_settings, env_settings, toml

    def ingest(self, **given: Any) -> Any:
        """IngestSettings from these settings, with the command line's `given` over them."""
        from dispatch_reader.ingest.settings import IngestSettings, default_cache_dir

        values: dict[str, Any] = {
            "languages": self.languages, "workers": self.workers, "ocr_mode": self.ocr_mode, "dpi": self.dpi,
            "password": self.password.get_secret_value() if self.password else None,
            "passwords_file": self.passwords_file, "max_pages": self.max_pages,
            "max_file_bytes": int(self.max_file_mb * 2**20), "max_pixels": self.max_pixels,
            "page_timeout_s": self.page_timeout, "min_confidence": self.min_confidence,
            "cache_dir": None if self.no_cache else (self.cache_dir or default_cache_dir()),
            "cache_max_bytes": int(self.cache_max_mb * 2**20), "vietnamese_marks": self.vietnamese_marks,
        }
        values.update({k: v for k, v in given.items() if v is not None})
        return IngestSettings(**values)


def load(**overrides: Any) -> Config:
    """The settings in force; raises ConfigError (one line) when a value is wrong."""
    path, named = config_file()
    if named and not path.is_file():
        raise ConfigError(path, "no such config file")
    try:
        return Config(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(x) for x in first["loc"])
        where = path if path.is_file() else None
        env = f"{ENV_PREFIX}{field.upper()}"
        source = f" (or ${env})" if where is not None else f" (${env} or the option)"
        raise ConfigError(where, f"setting '{field}'{source}: {first['msg']}") from None
    except (OSError, ValueError) as exc:  # a TOML syntax error is a ValueError
        raise ConfigError(path, f"cannot read the config file: {exc}") from None
