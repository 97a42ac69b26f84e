"""DOCX briefs from Word templates (docxtpl): offices edit the template in Word itself.

A DOCX template is a normal Word file with Jinja2 tags in its text; `{%tr for … %}` rows repeat
table rows and `{%p if … %}` paragraphs keep or drop whole paragraphs (see docxtpl). It is
rendered in the same sandbox, with the same filters and labels, as the text templates.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any

import jinja2

from dispatch_reader.briefs.environment import packaged_templates
from dispatch_reader.errors import MissingDependencyError, TemplateError


def find_template(name: str, dirs: list[Path]) -> Path:
    """`name` from the user folders first, else the packaged one."""
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    packaged = packaged_templates() / name
    if not packaged.is_file():
        raise TemplateError(name, "template not found (neither in the templates folder nor packaged)")
    return packaged


def _fixed_zip(data: bytes) -> bytes:
    """The same DOCX with fixed member dates, so an unchanged brief has unchanged bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# Word's File > Properties of a brief, set on every brief whatever the template holds; the dates
# are fixed (as the zip members' are) so an unchanged brief keeps unchanged bytes.
FIXED_DATE = datetime.datetime(1980, 1, 1)


def _set_properties(doc: Any, properties: dict[str, str]) -> None:
    core = doc.core_properties
    for name, value in properties.items():
        setattr(core, name, value[:255])  # Word shows no more; longer subjects are cut
    core.created = core.modified = FIXED_DATE
    core.last_modified_by = properties.get("author", "")
    core.revision = 1


def render_docx(template: Path, context: dict[str, Any], env: jinja2.Environment,
                properties: dict[str, str] | None = None) -> bytes:
    """Render the DOCX template at `template`; errors name the file and the text near the fault.
    `properties`: core document properties (title, subject, author, keywords, language)."""
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        raise MissingDependencyError(None, "DOCX briefs need docxtpl: pip install docxtpl") from None
    try:
        doc = DocxTemplate(str(template))
        doc.render(context, jinja_env=env, autoescape=True)
        if properties:
            _set_properties(doc, properties)
        buffer = io.BytesIO()
        doc.save(buffer)
    except zipfile.BadZipFile:
        raise TemplateError(template, "not a Word (.docx) file") from None
    except Exception as exc:  # user templates may fail in any way; report one line
        near = " ".join(" ".join(getattr(exc, "docx_context", None) or []).split())
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if not isinstance(exc, jinja2.TemplateError):
            message = f"{type(exc).__name__}: {message}"
        where = f"near “{near[:120]}”: " if near else ""
        raise TemplateError(template, where + message) from None
    return _fixed_zip(buffer.getvalue())
