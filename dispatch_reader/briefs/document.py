"""What a per-document brief shows, computed once so HTML, Markdown, DOCX and PDF agree.

Templates may use the raw record (`r`) as well, but the rows here are already worded in the
brief's language, with each fact's page and a flag when that page was read badly.
"""

from __future__ import annotations

from typing import Any

from dispatch_reader.briefs.formatting import add_months, format_date, format_number, parse_iso
from dispatch_reader.briefs.grouping import destination_label
from dispatch_reader.briefs.places import place_fields
from dispatch_reader.briefs.labels import grouping_rules, labels
from dispatch_reader.places.messages import localise
from dispatch_reader.textnorm import nfc

# Below this mean OCR word confidence a page's facts are flagged. Tesseract's clean scans of
# these documents sit around 0.9; pages under 0.8 were where misread names and numbers clustered.
LOW_CONFIDENCE = 0.80

# header fact → its row label in labels.json "text"
_HEADER_FIELDS = {"doc_type": "type", "number": "number", "issuer": "issuer", "issued_date": "date", "subject": "subject",
                  "signer": "signer"}
_REQUIRED_FIELDS = ("number", "issuer", "issued_date")


def heads(secondment: dict[str, Any]) -> int:
    """People a secondment entry stands for: one named person, or the stated count."""
    if secondment.get("person"):
        return 1
    return int(secondment.get("count") or 0)


def end_of(secondment: dict[str, Any]) -> tuple[str | None, bool]:
    """(end date, derived?): the stated end, else start plus the stated number of months."""
    if secondment.get("end"):
        return secondment["end"], False
    start = parse_iso(secondment.get("start"))
    months = secondment.get("duration_months")
    if start and months:
        return add_months(start, float(months)).isoformat(), True
    return None, False


def low_pages(record: dict[str, Any], threshold: float = LOW_CONFIDENCE) -> dict[int, float]:
    """OCRed pages whose confidence is below `threshold`: page number → confidence."""
    return {
        p["number"]: p["ocr_confidence"]
        for p in record["source"].get("pages", [])
        if p.get("method") == "ocr" and p.get("ocr_confidence") is not None and p["ocr_confidence"] < threshold
    }


def _percent(value: float, lang: str) -> str:
    return format_number(round(value * 100), lang) + "%"


def doc_title(document: dict[str, Any], lang: str, *, with_issuer: bool = True, with_date: bool = False) -> str:
    """`Quyết định số 1587/QĐ-UBND của Ủy ban nhân dân tỉnh Lâm Hà` / `Decision No. … of …`."""
    lab = labels(lang)
    msg = lab["messages"]
    kind = lab["doc_types"].get(document.get("doc_type") or "other", lab["doc_types"]["other"])
    text = msg["doc_named"].format(type=kind, number=document["number"]) if document.get("number") else kind
    if with_date and document.get("issued_date"):
        text = msg["doc_dated"].format(doc=text, date=format_date(document["issued_date"], lang))
    if with_issuer and document.get("issuer"):
        text = msg["doc_by"].format(doc=text, issuer=document["issuer"])
    return text


def _join(items: list[str], lang: str, limit: int = 4) -> str:
    msg = labels(lang)["messages"]
    if len(items) > limit:
        return msg["more_places"].format(places=", ".join(items[:limit]), n=len(items) - limit)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + msg["and"] + items[-1]


def title_case(title: str) -> str:
    """A signature-block title in running text: `PHÓ CHỦ TỊCH` → `Phó Chủ tịch` (data/grouping.json),
    else sentence case; titles already in mixed case are kept."""
    if not title.isupper():
        return title
    for known in grouping_rules()["signer_titles"]:
        if nfc(known).upper() == nfc(title).upper():
            return known
    lower = title.lower()
    return lower[:1].upper() + lower[1:]


def signer_text(signer: dict[str, Any] | None) -> str:
    """`Lê Quang Vinh, Phó Chủ tịch (KT. CHỦ TỊCH)`."""
    if not signer:
        return ""
    parts = [signer.get("name") or ""]
    if signer.get("title"):
        parts.append(title_case(signer["title"]))
    text = ", ".join(p for p in parts if p)
    if signer.get("authority"):
        text += f" ({signer['authority']})"
    return text.strip()


def secondment_rows(record: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The secondments as table rows: the record's fields plus worded `who`, `period` and flags."""
    lab = labels(lang)
    weak = low_pages(record)
    rows = []
    for index, s in enumerate(record["secondments"], 1):
        end, derived = end_of(s)
        n = heads(s)
        who = s.get("person") or (lab["messages"]["people_n"].format(n=format_number(n, lang)) if n else "")
        start_text = format_date(s.get("start"), lang, short=True)
        end_text = format_date(end, lang, short=True)
        period = f"{start_text} – {end_text}" if start_text and end_text else start_text or end_text
        if derived:
            period += lab["text"]["derived_mark"]
        duration_text = ""
        if s.get("duration_months") and not s.get("end"):
            duration_text = f"{format_number(s['duration_months'], lang)} {lab['text']['months_unit']}"
            period += f" ({duration_text})"
        page = s["evidence"]["page"]
        rows.append(s | {
            "index": index,
            "who": who,
            "heads": n,
            "kind_label": lab["kinds"].get(s.get("kind"), s.get("kind") or ""),
            **place_fields(s, lang),  # destination: the official name, marked when the reader must check it
            "end_date": end,
            "end_derived": derived,
            "period": period,
            "start_text": start_text,
            "end_text": end_text,
            "duration_text": duration_text,
            "page": page,
            "low_confidence": page in weak or _weak(s["evidence"]),
        })
    return rows


def _weak(evidence: dict[str, Any] | None) -> bool:
    conf = (evidence or {}).get("confidence")
    return conf is not None and conf < LOW_CONFIDENCE


def header_rows(record: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Label, value and page of each header fact, in the order of the document's own header."""
    lab = labels(lang)
    d = record["document"]
    ev = d.get("evidence") or {}
    weak = low_pages(record)
    values = {
        "doc_type": lab["doc_types"].get(d["doc_type"]) if d.get("doc_type") else d.get("doc_type_label"),
        "number": d.get("number"),
        "issuer": (d.get("issuer") or "") + (f" ({d['issuer_parent']})" if d.get("issuer_parent") and d.get("issuer") else ""),
        "issued_date": format_date(d.get("issued_date"), lang) + (f", {d['place']}" if d.get("place") and d.get("issued_date") else ""),
        "subject": d.get("subject"),
        "signer": signer_text(d.get("signer")),
    }
    rows = []
    for name in _HEADER_FIELDS:
        evidence = ev.get(name) or (ev.get("signer_name") if name == "signer" else None)
        page = evidence["page"] if evidence else None
        rows.append({
            "field": name,
            "label": lab["text"][_HEADER_FIELDS[name]],
            "value": values[name] or "",
            "page": page,
            "low_confidence": (page in weak) or _weak(evidence),
        })
    return rows


def lead_parts(record: dict[str, Any], rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The pieces of the one-sentence summary; `lead.txt.j2` words them (users may reword)."""
    lab = labels(lang)
    msg = lab["messages"]
    d = record["document"]
    places: list[str] = []
    for row in rows:
        if row["place"] and row["place"] not in places:
            places.append(row["place"])
    kinds = []
    for row in rows:
        if row.get("kind") and row["kind"] not in kinds:
            kinds.append(row["kind"])
    starts = {row.get("start") for row in rows}
    ends = {row["end_date"] for row in rows}
    months = {row.get("duration_months") for row in rows}
    period = ""
    if rows and len(starts) == 1 and None not in starts:
        start = format_date(next(iter(starts)), lang)
        if len(ends) == 1 and None not in ends and not any(r["end_derived"] for r in rows):
            period = msg["lead_period"].format(start=start, end=format_date(next(iter(ends)), lang))
        elif len(months) == 1 and None not in months:
            period = msg["lead_period_months"].format(start=start, months=format_number(next(iter(months)), lang))
        elif len(ends) == 1 and None not in ends:
            period = msg["lead_period"].format(start=start, end=format_date(next(iter(ends)), lang))
    total = sum(row["heads"] for row in rows)
    return {
        "doc": doc_title(d, lang),
        "verb": msg["and"].join(lab["verbs"].get(k, k) for k in kinds),
        "people": msg["people_n"].format(n=format_number(total, lang)) if total else "",
        "to": msg["lead_to"].format(places=_join(places, lang)) if places else "",
        "period": period,
        "subject": (d.get("subject") or "").rstrip(" ."),
        "sends": bool(total or places),  # a secondment with neither people nor place says nothing
        "total_people": total,
        "places": places,
    }


def warnings(record: dict[str, Any], header: list[dict[str, Any]], rows: list[dict[str, Any]], lang: str) -> list[str]:
    """The record's own warnings, then what a reader should check before relying on the brief."""
    lab = labels(lang)
    msg = lab["messages"]
    out = [localise(w, lang) for w in record.get("warnings") or []]  # place warnings in the reader's language
    d = record["document"]
    missing = [lab["fields"][f] for f in _REQUIRED_FIELDS if not d.get(f)]
    if missing:
        out.append(msg["missing"].format(fields=msg["and"].join(missing) if len(missing) < 3
                                         else ", ".join(missing[:-1]) + msg["and"] + missing[-1]))
    for page, conf in sorted(low_pages(record).items()):
        facts = [lab["fields"][h["field"]] for h in header if h["page"] == page and h["value"]]
        n_rows = sum(1 for r in rows if r["page"] == page)
        if n_rows:
            facts.append(f"{n_rows} {lab['fields']['secondments']}")
        n_counts = sum(1 for c in record.get("counts", []) if c["evidence"]["page"] == page)
        if n_counts:
            facts.append(f"{n_counts} {lab['fields']['counts']}")
        if facts:
            out.append(msg["low_page"].format(page=page, confidence=_percent(conf, lang), facts=", ".join(facts)))
        else:
            out.append(msg["low_page_nofacts"].format(page=page, confidence=_percent(conf, lang)))
    weak_pages = set(low_pages(record))
    for h in header:
        ev = (d.get("evidence") or {}).get(h["field"])
        if ev and _weak(ev) and h["page"] not in weak_pages:
            out.append(msg["low_fact"].format(field=lab["fields"][h["field"]], confidence=_percent(ev["confidence"], lang), page=h["page"]))
    return out


def document_context(record: dict[str, Any], lang: str) -> dict[str, Any]:
    """Everything `document.*` templates receive besides the globals (see docs/briefs.md)."""
    d = record["document"]
    rows = secondment_rows(record, lang)
    header = header_rows(record, lang)
    lab = labels(lang)
    return {
        "r": record,
        "d": d,
        "title": doc_title(d, lang, with_issuer=False),
        "subtitle": doc_title(d, lang, with_issuer=False, with_date=True),
        "header": header,
        "secondments": rows,
        "total_people": sum(r["heads"] for r in rows),
        "counts": [c | {"page": c["evidence"]["page"], "value_text": format_number(c["value"], lang)
                        + (f"/{format_number(c['total'], lang)}" if c.get("total") else "")} for c in record["counts"]],
        "references": [ref | {"page": ref["evidence"]["page"],
                              "type_label": lab["doc_types"].get(ref["doc_type"], "") if ref.get("doc_type") else "",
                              "date_text": format_date(ref.get("date"), lang)} for ref in record["references"]],
        "people": [p | {"page": p["evidence"]["page"]} for p in record["people"]],
        "warnings": warnings(record, header, rows, lang),
        "low_pages": sorted(low_pages(record)),
        "lead_parts": lead_parts(record, rows, lang),
        "source": record["source"],
    }
