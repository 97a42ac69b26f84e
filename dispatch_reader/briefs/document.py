"""What a per-document brief shows, computed once so HTML, Markdown, DOCX and PDF agree.

Templates may use the raw record (`r`) as well, but the rows here are already worded in the
brief's language, with each fact's page and a flag when that page was read badly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Container, Sequence

from dispatch_reader.briefs.formatting import add_months, format_date, format_number, parse_iso, people_n
from dispatch_reader.briefs.grouping import destination_label
from dispatch_reader.briefs.places import place_fields
from dispatch_reader.briefs.labels import grouping_rules, labels
from dispatch_reader.ingest.vietnamese import is_syllable
from dispatch_reader.messages import LOW_CONFIDENCE, localise, names, rounded_down, stage, warning_kind
from dispatch_reader.store import identity
from dispatch_reader.textnorm import nfc

# LOW_CONFIDENCE (messages.py, 0.80): below this mean OCR word confidence a page's facts are
# flagged, in briefs and exports alike.

# header fact → its row label in labels.json "text"
_HEADER_FIELDS = {"doc_type": "type", "number": "number", "issuer": "issuer", "issued_date": "date", "subject": "subject",
                  "signer": "signer"}
_REQUIRED_FIELDS = ("number", "issuer", "issued_date")
# the record's warnings that a fact was not read (schema/warnings.json), by the fact
_UNREAD_KINDS = {"no_number": "number", "no_number_en": "number", "no_issuer": "issuer",
                 "no_place_date": "issued_date", "no_date_en": "issued_date"}


def status_of(secondment: dict[str, Any], doc_type: str | None) -> str:
    """The entry's status; a version-1 entry without one takes its document type's default."""
    if secondment.get("status"):
        return secondment["status"]
    from dispatch_reader.extract.status import default_status

    return default_status(doc_type, named=bool(secondment.get("person")))


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


def _count_label(count: dict[str, Any], lab: dict[str, Any]) -> str:
    """What a figure counts, as the table says it: people an extension or an end names are no
    people sent (`2 công chức (gia hạn)`, not `(quyết định cử)`, on an extending decision)."""
    if count.get("status") == "decided" and count.get("action") in lab["steps"]:
        return lab["steps"][count["action"]]
    return lab["statuses"].get(count.get("status") or "", "")


def low_pages(record: dict[str, Any], threshold: float = LOW_CONFIDENCE) -> dict[int, float]:
    """OCRed pages whose confidence is below `threshold`: page number → confidence."""
    return {
        p["number"]: p["ocr_confidence"]
        for p in record["source"].get("pages", [])
        if p.get("method") == "ocr" and p.get("ocr_confidence") is not None and p["ocr_confidence"] < threshold
    }


def is_press_report(record: dict[str, Any]) -> bool:
    """Is the record's file a report about a document rather than the document (a press article
    in English about decision 1587/QĐ-UBND)? The store's own signal (store/identity.py `role`):
    another language than Vietnamese, and not laid out as the document (no national motto, no
    place line or recipients). From the record alone the first page is not at hand: callers that
    know the file's role from the store say so (`document_context(report=...)`)."""
    return identity.role(identity.FileFacts.from_record(record)) == "report"


def secondments_heading(rows: list[dict[str, Any]], lang: str, press: bool = False) -> str:
    """What the people section holds, for this document: people sent (a decision), extended or
    ended, asked for (a request), planned, reported, told by a press report, or a mix."""
    heads = labels(lang)["secondment_heads"]
    if press:
        return heads["press"]
    statuses = {r["status"] for r in rows}
    if statuses == {"decided"}:
        actions = {r["action"] for r in rows}
        return heads[actions.pop()] if len(actions) == 1 and actions <= {"extend", "end"} else heads["decided"]
    if len(statuses) == 1:
        return heads.get(statuses.pop(), heads["mixed"])
    return heads["mixed"]


def _percent(value: float, lang: str) -> str:
    return format_number(round(rounded_down(value) * 100), lang) + "%"  # 0.797 is no 80 % under an 80 % line


def doc_title(document: dict[str, Any], lang: str, *, with_issuer: bool = True, with_date: bool = False,
              number_check: bool = False, date_check: bool = False) -> str:
    """`Quyết định số 1587/QĐ-UBND của Ủy ban nhân dân tỉnh Lâm Hà` / `Decision No. … of …`;
    `number_check`, `date_check`: that fact is to be checked, and marked so right after it
    (a mark at the line's end left a clerk asking which of the two it meant)."""
    lab = labels(lang)
    msg = lab["messages"]
    mark = f" {lab['text']['low_mark']}"
    kind = type_name(document, lang)
    number = document.get("number")
    text = msg["doc_named"].format(type=kind, number=number + (mark if number_check else "")) if number else kind
    if with_date and document.get("issued_date"):
        date = format_date(document["issued_date"], lang) + (mark if date_check else "")
        text = msg["doc_dated"].format(doc=text, date=date)
    if with_issuer and document.get("issuer"):
        text = msg["doc_by"].format(doc=text, issuer=document["issuer"])
    return text


def type_name(document: dict[str, Any], lang: str) -> str:
    """The document's type as a reader names it; a type of no class of its own by its printed
    label where that is known (`Văn bản hợp nhất`, not `Văn bản`: a clerk read the brief of a
    consolidated text as of any paper)."""
    lab = labels(lang)
    doc_type = document.get("doc_type") or "other"
    if doc_type == "other":
        named = lab["other_types"].get((document.get("doc_type_label") or "").lower())
        if named:
            return named
    return lab["doc_types"].get(doc_type, lab["doc_types"]["other"])


def _join(items: list[str], lang: str, limit: int = 4) -> str:
    msg = labels(lang)["messages"]
    if len(items) > limit:
        return msg["more_places"].format(places=", ".join(items[:limit]), n=len(items) - limit)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + msg["and"] + items[-1]


@lru_cache(maxsize=1)
def _known_titles() -> tuple[tuple[str, str], ...]:
    """(title as running text writes it, in capitals) of data/grouping.json, longest first."""
    return tuple((t, nfc(t).upper()) for t in sorted(grouping_rules()["signer_titles"], key=len, reverse=True))


def title_case(title: str) -> str:
    """A signature-block title in running text: `PHÓ CHỦ TỊCH` → `Phó Chủ tịch` (data/grouping.json),
    else sentence case; titles already in mixed case are kept."""
    if not title.isupper():
        return title
    upper = nfc(title).upper()
    for known, known_upper in _known_titles():
        if upper == known_upper:
            return known
        if upper.startswith(known_upper + " "):
            # a known title and a body after it (`PHÓ CHỦ TỊCH UBND TỈNH`): each cased its way
            rest = title_case(title[len(known) + 1:])
            return f"{known} {rest[:1].upper()}{rest[1:]}"
    # an abbreviation keeps its capitals (`Trưởng phòng TCCB`; a reviewer read `ubnd`): a word
    # no syllable is one
    lower = " ".join(w if not is_syllable(w.strip(".,;:()")) else w.lower() for w in title.split())
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
    """The secondments as table rows: the record's fields plus worded `who`, `period`, status and
    flags (`needs_check`: read with low confidence, or named by a warning)."""
    lab = labels(lang)
    weak = low_pages(record)
    warned = list(record.get("warnings") or [])
    doc_type = record["document"].get("doc_type")
    rows = []
    for index, s in enumerate(record["secondments"], 1):
        end, derived = end_of(s)
        n = heads(s)
        who = s.get("person") or (people_n(n, lang) if n else "")
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
        status, action = status_of(s, doc_type), s.get("action") or "send"
        low = page in weak or weak_evidence(s["evidence"])
        rows.append(s | {
            "index": index,
            "who": who,
            "heads": n,
            "status": status,
            "action": action,
            "status_label": lab["statuses"][status],
            "action_label": lab["actions"][action],
            "counted": status == "decided",
            "kind_label": lab["kinds"].get(s.get("kind"), s.get("kind") or ""),
            **place_fields(s, lang),  # destination: the official name, marked when the reader must check it
            "end_date": end,
            "end_derived": derived,
            "period": period,
            "start_text": start_text,
            "end_text": end_text,
            "duration_text": duration_text,
            "page": page,
            "low_confidence": low,
            "needs_check": sending_needs_check(s, weak, warned),
        })
    return rows


def sending_needs_check(s: dict[str, Any], weak: Container[int], warned: Sequence[str]) -> bool:
    """Is a sending to be checked against its page: read with low confidence (its page or its
    quote), or its person or units named by one of the record's `warned` warnings?"""
    evidence = s.get("evidence") or {}
    return evidence.get("page") in weak or weak_evidence(evidence) or any(
        names(w, v) for w in warned for v in (s.get("person"), s.get("to_unit"), s.get("from_unit")))


def number_needs_check(record: dict[str, Any]) -> bool:
    """Is the document's number to be checked: read with low confidence, or named by a warning?"""
    d = record["document"]
    if not d.get("number"):
        return False
    evidence = (d.get("evidence") or {}).get("number") or {}
    # (a warning about the number names it unquoted: "document number 15/QĐ-UBND read …")
    return evidence.get("page") in low_pages(record) or weak_evidence(evidence) or any(
        f" {d['number']} " in f" {w} " for w in record.get("warnings") or [])


def weak_evidence(evidence: dict[str, Any] | None) -> bool:
    """Evidence read below the confidence line: its fact is to be checked."""
    conf = (evidence or {}).get("confidence")
    return conf is not None and conf < LOW_CONFIDENCE


def header_rows(record: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Label, value and page of each header fact, in the order of the document's own header."""
    lab = labels(lang)
    d = record["document"]
    ev = d.get("evidence") or {}
    weak = low_pages(record)
    values = {
        "doc_type": type_name(d, lang) if d.get("doc_type") else d.get("doc_type_label"),
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
            "low_confidence": (page in weak) or weak_evidence(evidence),
            "needs_check": number_needs_check(record) if name == "number" else (page in weak) or weak_evidence(evidence),
        })
    if d.get("marks"):
        # urgency or secrecy printed in the header (KHẨN, HỎA TỐC, MẬT): read but never shown
        # before, and what a clerk acts on first; after the number, where the paper prints it
        at = next(i for i, r in enumerate(rows) if r["field"] == "number") + 1
        worded = lab.get("header_marks", {})  # in English, with the mark as printed
        rows.insert(at, {"field": "marks", "label": lab["text"]["marks"],
                         "value": ", ".join(worded.get(m, m) for m in d["marks"]),
                         "page": (ev.get("marks") or {}).get("page") or 1, "low_confidence": False,
                         "needs_check": False})
    if d.get("consolidates"):
        # a consolidated text's base document: what it is the current wording of (a tester
        # found it in the record, never in the brief); under the type, as the Gazette titles it
        cited = next((r for r in record.get("references") or [] if r.get("number") == d["consolidates"]), {})
        at = next((i for i, r in enumerate(rows) if r["field"] == "doc_type"), -1) + 1
        rows.insert(at, {"field": "consolidates", "label": lab["text"]["consolidates"],
                         "value": base_document(record, lang), "page": (cited.get("evidence") or {}).get("page"),
                         "low_confidence": False, "needs_check": False})
    stamp = received_fact(record, lang)
    if stamp is not None:
        value, page, evidence = stamp
        # made out or not, from a hand's figures: weak unless read from a text layer
        weak = weak_evidence(evidence) if evidence is not None else True
        rows.append({"field": "received", "label": lab["text"]["received"], "value": value, "page": page,
                     "low_confidence": weak, "needs_check": weak})
    return rows


def base_document(record: dict[str, Any], lang: str) -> str:
    """A consolidated text's base document as cited (`Quyết định 60/2015/QĐ-TTg`), or ""."""
    number = record["document"].get("consolidates")
    if not number:
        return ""
    cited = next((r for r in record.get("references") or [] if r.get("number") == number), {})
    kind = cited.get("doc_type")
    named = labels(lang)["doc_types"].get(kind, "") if kind not in (None, "other") else ""
    return f"{named} {number}".strip()


def received_fact(record: dict[str, Any], lang: str) -> tuple[str, int | None, dict[str, Any] | None] | None:
    """The receiving office's stamp as a reader is told it, (words, page, its evidence): where
    and when the paper arrived, never the document's own number or date. A stamp found but its
    figures not made out is said so, without evidence (a clerk read "a receiving stamp read
    alone" in the notes and found no row for it); None when there was no stamp. The brief's
    row and the web page's share it."""
    received = record["document"].get("received")
    if not received:
        return None
    evidence = received.get("evidence") or {}
    if received.get("number") or received.get("date"):
        return received_text(received, lang), evidence.get("page"), evidence
    return labels(lang)["text"]["received_unmade"], evidence.get("page"), None


def received_text(received: dict[str, Any], lang: str) -> str:
    """`số đến 3992, 23/11/2025, chuyển P. Nội vụ`; `số đến 699, chưa nhận ra ngày đến`."""
    text = labels(lang)["text"]
    # the one of the two not made out is said so: `số đến 699` alone read as the whole stamp
    parts = [text["received_number"].format(number=received["number"]) if received.get("number")
             else text["received_no_number"],
             format_date(received.get("date"), lang) if received.get("date") else text["received_no_date"],
             text["received_to"].format(to=received["forwarded_to"]) if received.get("forwarded_to") else ""]
    return ", ".join(p for p in parts if p)


def _period(rows: list[dict[str, Any]], lang: str) -> str:
    """`, từ 03/9/2025 đến 03/11/2025` when the rows share one period; an ending: `, kể từ …`."""
    lab = labels(lang)
    msg = lab["messages"]
    if rows and all(r["action"] == "end" for r in rows):
        ends = {row.get("end") for row in rows}
        if len(ends) == 1 and None not in ends:
            return lab["lead"]["ended_period"].format(end=format_date(next(iter(ends)), lang))
        return ""
    starts = {row.get("start") for row in rows}
    ends = {row["end_date"] for row in rows}
    months = {row.get("duration_months") for row in rows}
    if not rows or len(starts) != 1 or None in starts:
        return ""
    start = format_date(next(iter(starts)), lang)
    if len(ends) == 1 and None not in ends and not any(r["end_derived"] for r in rows):
        return msg["lead_period"].format(start=start, end=format_date(next(iter(ends)), lang))
    if len(months) == 1 and None not in months:
        return msg["lead_period_months"].format(start=start, months=format_number(next(iter(months)), lang))
    if len(ends) == 1 and None not in ends:
        return msg["lead_period"].format(start=start, end=format_date(next(iter(ends)), lang))
    return ""


def _shared(rows: list[dict[str, Any]], key: str) -> str | None:
    values = {row.get(key) for row in rows}
    return next(iter(values)) if len(values) == 1 else None


def _clause(rows: list[dict[str, Any]], lang: str, short: tuple[int, int] | None = None) -> dict[str, Any]:
    """One part of the lead: rows with the same status and action, worded by labels.json "lead".
    `short`: (people decided, people read by name) where the list read holds fewer than the
    document decides: a decision's clause of as many rows says both, not the rows alone (a
    tester's "biệt phái 9 người" for ten, one row lost on a photocopy)."""
    lab = labels(lang)
    msg, words = lab["messages"], lab["lead"]
    status, action = rows[0]["status"], rows[0]["action"]
    kinds: list[str] = []
    places: list[str] = []
    for row in rows:
        if row.get("kind") and row["kind"] not in kinds:
            kinds.append(row["kind"])
        if row["place"] and row["place"] not in places:
            places.append(row["place"])
    total = sum(row["heads"] for row in rows)
    verb = msg["and"].join(lab["verbs"].get(k, k) for k in kinds)
    sender = _shared(rows, "from_unit") if status == "requested" else None
    ref = _shared(rows, "refers_to") if status == "reported" else None
    template = words[status] if status != "decided" else words[action]
    people = people_n(total, lang) if total else ""
    if short is not None and status == "decided" and total == short[1]:
        people = msg["people_n_named"].format(n=format_number(short[0], lang), named=format_number(total, lang))
    values = {
        "verb": verb,
        "noun": msg["and"].join(lab.get("kind_nouns", {}).get(k, k) for k in kinds),
        "infinitive": msg["and"].join(lab.get("kind_infinitives", {}).get(k, k).format(people=people) for k in kinds),
        "people": people,
        "to": words["to"].format(places=_join(places, lang)) if places else "",
        "at": words["at"].format(places=_join(places, lang)) if places else "",
        "period": _period(rows, lang),
        "sender": f"{sender} " if sender else "",
        "ref": words["ref"].format(number=ref) if ref else "",
    }
    text = " ".join(template.format(**values).split())
    return values | {"status": status, "action": action, "text": text, "total_people": total, "places": places}


def lead_parts(record: dict[str, Any], rows: list[dict[str, Any]], lang: str, *, press: bool = False,
               number_check: bool = False) -> dict[str, Any]:
    """The pieces of the one-sentence summary; `lead.txt.j2` words them (users may reword).

    `clauses`: one per status and action the document has (what it decides, asks, plans,
    reports; sends, extends, ends), each worded with its own verb; the first clause's pieces are
    also given as `verb`, `people`, `to`, `period` for templates that build the sentence.
    `press`: the record is a press report about the document: `doc` says so ("Bài báo về
    Quyết định số …"), `according` ("theo bài báo, quyết định này") comes before the clauses,
    and nothing is counted as sent by the brief's own document. `number_check`: the number
    is to be checked and `doc` marks it, as the brief's title line and table do."""
    lab = labels(lang)
    msg = lab["messages"]
    d = record["document"]
    title = doc_title(d, lang, number_check=number_check)
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["status"], row["action"]), []).append(row)
    short = list_short(record)
    clauses = [c for c in (_clause(g, lang, short) for g in groups.values()) if c["people"] or c["places"]]
    first = clauses[0] if clauses else {}
    places = [p for c in clauses for p in c["places"]]
    return {
        "doc": msg["press_report_on"].format(doc=title) if press else title,
        "press": press,
        "according": msg["press_according"].format(kind=type_name(d, lang).lower()) if press else "",
        "verb": first.get("verb", ""),
        "people": first.get("people", ""),
        "to": first.get("to", ""),
        "period": first.get("period", ""),
        "subject": (d.get("subject") or "").rstrip(" ."),
        "sends": bool(clauses),  # a secondment with neither people nor place says nothing
        "clauses": [c["text"] for c in clauses],
        "joiner": lab["lead"]["and"],
        "total_people": 0 if press else sum(row["heads"] for row in rows if row["counted"]),
        "places": list(dict.fromkeys(places)),
        # a consolidated text with no subject read: what it consolidates says more than its title
        # again (a tester's `Văn bản hợp nhất số 16/VBHN-BTC của Bộ Tài chính.`)
        "consolidates": msg["lead_consolidates"].format(base=base) if (base := base_document(record, lang)) else "",
    }


def list_short(record: dict[str, Any]) -> tuple[int, int] | None:
    """(people the document decides, people read by name) from its `list_short` warning."""
    for w in record.get("warnings") or []:
        found = warning_kind(w)
        if found and found[0] == "list_short" and found[1]["value"].isdigit() and found[1]["named"].isdigit():
            return int(found[1]["value"]), int(found[1]["named"])
    return None


# the warnings that tell a number's doubt themselves (schema/warnings.json)
_NUMBER_DOUBTS = ("number_no_digits", "number_crossed", "number_doubtful", "number_symbol_foreign")
_DATE_DOUBTS = ("date_year_mended", "date_from_annex", "date_year_from_number", "date_year_from_grounds",
                "date_year_completed", "date_year_figure_lost", "date_year_from_elsewhere", "date_after_gazette",
                "date_long_before_gazette")
# a signer read without the title over the name: told once, not again as a name read below the line
_SIGNER_DOUBTS = ("signer_untitled",)


def warnings(record: dict[str, Any], header: list[dict[str, Any]], rows: list[dict[str, Any]], lang: str) -> list[str]:
    """What a reader should check before relying on the brief, then how the pages were read."""
    checks, notes = told_apart(record, header, rows, lang)
    return checks + notes


def told_apart(record: dict[str, Any], header: list[dict[str, Any]], rows: list[dict[str, Any]],
               lang: str) -> tuple[list[str], list[str]]:
    """(what to check: the record's warnings of its facts, then what the brief adds; what the
    reading of the pages did: enlarged, marks merged, specks cleared), in the reader's language.
    A clerk found the second burying the first: a brief shows them apart."""
    lab = labels(lang)
    msg = lab["messages"]
    # a page read badly is told once, with the facts read from it (below), not again as the
    # reading's and the extraction's own notes of its confidence
    weak_pages = set(low_pages(record))
    d = record["document"]
    # a required fact not read is told once, by the brief's own line naming all such (below)
    unread = {kind for kind, field in _UNREAD_KINDS.items() if not d.get(field)}
    kind_of = {w: warning_kind(w) for w in record.get("warnings") or []}  # each warning parsed once
    # the colour stamp's reading note where no stamp was made of it (a blue e-signature box read
    # alone): the paper says nothing of a stamp
    if not d.get("received"):
        unread.add("stamp_read")
    told = [w for w, kind in kind_of.items() if not _low_page_told(kind, weak_pages) and (kind or ("",))[0] not in unread]
    # each a sentence: the record's English warnings open in small letters (`issue date read as …`)
    reading = {w for w in told if stage(w) == "ingest"}
    out = [_sentence(localise(w, lang)) for w in told if w not in reading]
    notes = [_sentence(localise(w, lang)) for w in told if w in reading]
    # a consolidated text's date told already where it stands (its closing block)
    dated_apart = any((k or ("",))[0] == "consolidated_no_date" for k in kind_of.values())
    missing = [lab["fields"][f] for f in _REQUIRED_FIELDS if not d.get(f) and not (f == "issued_date" and dated_apart)]
    if missing:
        out.append(msg["missing"].format(fields=msg["and"].join(missing) if len(missing) < 3
                                         else ", ".join(missing[:-1]) + msg["and"] + missing[-1]))
    for page, conf in sorted(low_pages(record).items()):
        facts = [lab["fields"].get(h["field"], h["label"]) for h in header if h["page"] == page and h["value"]]
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
    # a number or a date whose doubt a warning of its own tells already (its words crossed by a
    # stamp's ink, its year taken from the number, the Gazette's issue months after it) is not
    # told again as a fact read below the line
    kinds = {(kind_of[w] or ("",))[0] for w in told}
    told_doubt = {"number": bool(kinds & set(_NUMBER_DOUBTS)), "issued_date": bool(kinds & set(_DATE_DOUBTS)),
                  "signer": bool(kinds & set(_SIGNER_DOUBTS))}
    for h in header:
        ev = (d.get("evidence") or {}).get(h["field"])
        if told_doubt.get(h["field"]):
            continue
        if ev and weak_evidence(ev) and h["page"] not in weak_pages:
            out.append(msg["low_fact"].format(field=lab["fields"].get(h["field"], h["label"]),
                                              confidence=_percent(ev["confidence"], lang), page=h["page"]))
    return out, notes


def _low_page_told(kind: tuple[str, dict[str, str]] | None, pages: set[int]) -> bool:
    """Is this warning (its kind and values) a page's low confidence, on a page of `pages`?"""
    return kind is not None and kind[0] in ("low_page_facts", "low_page_ingest") and \
        kind[1].get("page", "").isdigit() and int(kind[1]["page"]) in pages


def _sentence(text: str) -> str:
    """A capital to open it, a full stop to close it (the record's English warnings have neither)."""
    text = text[:1].upper() + text[1:]
    # a closing bracket ends a sentence's last words, not the sentence (`… (its ink is dropped
    # from the page)` lacked its stop); a quote's own stop inside it (`(… 05/VBHN.)`) ends it
    return text if not text or text[-1] in ".!?:;" or text.endswith((".)", "!)", "?)")) else text + "."


def document_context(record: dict[str, Any], lang: str, *, report: bool | None = None) -> dict[str, Any]:
    """Everything `document.*` templates receive besides the globals (see docs/briefs.md).

    `report`: the file is a report about the document (the store knows it: its role); None
    reads it from the record (`is_press_report`). A press report's brief says so in its title,
    lead and header, and lists its sendings as reported, never as its own total."""
    d = record["document"]
    press = is_press_report(record) if report is None else report
    lab = labels(lang)
    told = secondment_rows(record, lang)  # what the reported document does, as the report tells it
    header = header_rows(record, lang)
    # a clerk read a stamp-crossed number marked in the title line and bare in the lead below it
    checked = {h["field"] for h in header if h["needs_check"] and h["value"]}
    number_check, date_check = "number" in checked, "issued_date" in checked
    lead = lead_parts(record, told, lang, press=press, number_check=number_check)
    if press:
        record = record | {
            "secondments": [identity.reported(s, d.get("number")) for s in record["secondments"]],
            "counts": [c | {"status": "reported"} for c in record["counts"]]}
        rows = secondment_rows(record, lang)
    else:
        rows = told
    if press:
        for h in header:
            if h["field"] == "doc_type" and h["value"]:
                h["value"] = lab["messages"]["press_type"].format(kind=h["value"])
    weak = low_pages(record)
    warned = list(record.get("warnings") or [])

    def check(ev: dict[str, Any], *values: str | None) -> bool:
        """Read on a weak page or below the threshold, or named by a warning."""
        return ev["page"] in weak or weak_evidence(ev) or any(names(w, v) for w in warned for v in values if v)

    other: dict[str, int] = {}
    for r in rows:
        if not r["counted"]:
            other[r["status"]] = other.get(r["status"], 0) + r["heads"]
    # the line under a name says only what differs from row to row: a decision sending ten people
    # the same way says the kind once, in the table's header, not ten times
    one_kind = len({r["kind_label"] for r in rows}) == 1
    for r in rows:
        r["note"] = " · ".join(x for x in (None if one_kind else r["kind_label"],
                                            r["action_label"] if r["action"] != "send" else None,
                                            None if r["counted"] else r["status_label"]) if x)
    title = doc_title(d, lang, with_issuer=False)
    subtitle = doc_title(d, lang, with_issuer=False, with_date=True, number_check=number_check, date_check=date_check)
    checks, reading = told_apart(record, header, rows, lang)
    notes = []
    if press:
        title, subtitle = (lab["messages"]["press_report_on"].format(doc=t) for t in (title, subtitle))
        notes.append(lab["messages"]["press_note"].format(doc=doc_title(d, lang, with_issuer=False)))
    return {
        "r": record,
        "d": d,
        "press": press,
        "title": title,
        "subtitle": subtitle,
        # the number or the date the subtitle names is to be checked: the subtitle marks it after
        # it, as the table does (kept for templates written before the marks moved inline)
        "subtitle_check": number_check or date_check,
        "header": header,
        "secondments": rows,
        "secondments_heading": secondments_heading(rows, lang, press),
        "one_kind": rows[0]["kind_label"] if one_kind and rows else "",
        # people this document sends (decides); what it asks, plans or reports is `not_counted`
        "total_people": sum(r["heads"] for r in rows if r["counted"]),
        "not_counted": [{"status": k, "label": lab["statuses"][k], "people": v,
                         "text": people_n(v, lang)} for k, v in other.items()],
        "counts": [c | {"page": c["evidence"]["page"], "value_text": format_number(c["value"], lang)
                        + (f"/{format_number(c['total'], lang)}" if c.get("total") else ""),
                        "status_label": _count_label(c, lab),
                        "needs_check": check(c["evidence"], c.get("what"))} for c in record["counts"]],
        "references": [ref | {"page": ref["evidence"]["page"],
                              "type_label": lab["doc_types"].get(ref["doc_type"], "") if ref.get("doc_type") else "",
                              "date_text": format_date(ref.get("date"), lang),
                              "needs_check": check(ref["evidence"], ref.get("number"))} for ref in record["references"]],
        "people": [p | {"page": p["evidence"]["page"], "needs_check": check(p["evidence"], p.get("name"))}
                   for p in record["people"]],
        "warnings": notes + checks + reading,
        "checks": notes + checks,
        "reading_notes": reading,
        "low_pages": sorted(low_pages(record)),
        "lead_parts": lead,
        "source": record["source"],
    }
