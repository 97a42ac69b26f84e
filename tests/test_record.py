import jsonschema
import pytest

from dispatch_reader.record import (
    DocumentFacts, Evidence, Facts, PageInfo, Person, Record, Secondment, Signer, Source, validate,
)


def _record() -> Record:
    ev = Evidence(page=1, quote="Số: 12/QĐ-UBND", start=0)
    facts = Facts(
        language="vi",
        document=DocumentFacts(doc_type="decision", number="12/QĐ-UBND", signer=Signer(name="Lò Văn Páo"),
                               evidence={"number": ev}),
        people=[Person(name="Lò Văn Páo", evidence=ev)],
        secondments=[Secondment(kind="secondment", person="Lò Văn Páo", evidence=ev, start="2025-09-03")],
    )
    source = Source(file_name="a b.pdf", sha256="0" * 64, page_count=1, pages=[PageInfo(number=1, method="ocr", ocr_confidence=0.9)])
    return Record.from_facts(source, facts)


def test_record_validates_and_round_trips():
    record = _record()
    data = record.to_dict()
    validate(data)
    assert Record.from_dict(data).to_dict() == data


def test_schema_rejects_a_bad_date():
    data = _record().to_dict()
    data["secondments"][0]["start"] = "03/9/2025"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
