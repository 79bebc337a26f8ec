"""Documents as the graph identifies them: one resource per document, whatever a citing plan
calls it. A document is known by its 文号 where one is given, else by its normalised title
(the notice wrapper 关于印发…的通知, quotation marks, dash and bracket forms and the script set
aside); a title given with a 文号 anywhere in the corpus, or in the outlines of
``ontology/actions.ttl``, stands for that 文号; and a document that is a loaded plan is that
plan."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from plankg.graph.rdf.segment import segment
from plankg.loaders.frozen import compared
from plankg.loaders.model import Plan
from plankg.loaders.script import to_simplified
from plankg.ontology.index import vocabulary_index
from plankg.ontology.names import ALTERNATIVE, IDS, PK, TITLE, TYPE

QUOTES = re.compile(r"[《》〈〉“”‘’\"'「」『』\s]")
NOTICE = re.compile(r"^(?:.*?关于)?印发(?P<title>.+?)(?:的通知)?$")
RANGE_DASH = re.compile(r"(?<=\d)(?:年)?[-—–―‒~～至]+(?=\d)")
YEARS = re.compile(r"\((?P<years>\d{4}(?:-\d{4})+)年?\)")


def normalised_title(title: str) -> str:
    """The form two wordings of one title share: ``国务院关于印发全民科学素质行动规划纲要
    （2021—2035年）的通知`` and ``《全民科学素质行动规划纲要（2021-2035）》`` are both
    ``全民科学素质行动规划纲要(2021-2035)``."""
    text = unicodedata.normalize("NFKC", to_simplified(title))
    text = QUOTES.sub("", text)
    notice = NOTICE.match(text)
    if notice:
        text = notice["title"]
    text = RANGE_DASH.sub("-", text)
    return YEARS.sub(lambda m: f"({m['years']})", text)


def number_iri(doc_number: str) -> str:
    return f"{IDS}document/{segment(doc_number)}"


def title_iri(title: str) -> str:
    return f"{IDS}document/title/{segment(normalised_title(title))}"


@compared
@dataclass(frozen=True, repr=False, eq=False)
class KnownDocument:
    """A document the vocabulary describes (a national outline): its 文号 and titles."""

    doc_number: str
    titles: tuple[str, ...]


@cache
def known_documents() -> tuple[KnownDocument, ...]:
    """The documents ``ontology/actions.ttl`` describes (the national outlines)."""
    graph = vocabulary_index()
    found = []
    for doc in sorted(graph.subjects_of(TYPE, PK.Document)):
        numbers = graph.object_rows(doc, PK.docNumber)
        titles = [*graph.object_rows(doc, TITLE), *graph.object_rows(doc, ALTERNATIVE)]
        if numbers:
            found.append(
                KnownDocument(str(numbers[0][0]), tuple(sorted(str(t[0]) for t in titles)))
            )
    return tuple(found)


Cited = tuple[str | None, str | None]
"""A citation as the index needs it: (文号, title as cited)."""


@compared
@dataclass(frozen=True, repr=False, eq=False)
class DocumentRecord:
    """What the index needs of a plan: its IRI, title, 文号, whether it is a draft, and what
    it cites."""

    iri: str
    title: str
    doc_number: str | None
    draft: bool
    citations: tuple[Cited, ...]

    @classmethod
    def of(cls, plan: Plan, iri: str) -> DocumentRecord:
        cited = tuple((c.doc_number, c.title) for c in plan.citations)
        return cls(iri, plan.title, plan.doc_number, plan.draft, cited)


@dataclass
class DocumentIndex:
    """Where a citation points: the loaded plan with its 文号 or title, else the document."""

    plans_by_number: dict[str, str] = field(default_factory=dict)
    plans_by_title: dict[str, str] = field(default_factory=dict)
    numbers_by_title: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[DocumentRecord]) -> DocumentIndex:
        """The index of a corpus: its plans, the 文号 and titles its plans and citations give
        together, and the known documents. ``records`` are read once, in any order (a 文号 two
        plans give is the plan's with the first IRI), and none is held."""
        index = cls()
        numbers: dict[str, set[str]] = {}
        plans: dict[str, set[str]] = {}
        for known in known_documents():
            _given(numbers, [(known.doc_number, title) for title in known.titles])
        for record in records:
            _given(numbers, record.citations)
            if record.doc_number:
                _given(numbers, [(record.doc_number, record.title)])
                first = index.plans_by_number.setdefault(record.doc_number, record.iri)
                index.plans_by_number[record.doc_number] = min(first, record.iri)
            if not record.draft:
                plans.setdefault(normalised_title(record.title), set()).add(record.iri)
        index.numbers_by_title = _only(numbers)
        index.plans_by_title = _only(plans)
        return index

    def resolve(self, doc_number: str | None, title: str | None) -> str:
        key = normalised_title(title) if title else None
        number = doc_number or (self.numbers_by_title.get(key) if key else None)
        if number:
            return self.plans_by_number.get(number) or number_iri(number)
        if key and key in self.plans_by_title:
            return self.plans_by_title[key]
        return title_iri(title or "")


def _given(found: dict[str, set[str]], pairs: Iterable[Cited]) -> None:
    """Add to ``found`` (normalised title → 文号) the pairs that give both."""
    for number, title in pairs:
        if number and title:
            found.setdefault(normalised_title(title), set()).add(number)


def _only(found: dict[str, set[str]]) -> dict[str, str]:
    """Each key with one value only, to that value: a title given with one 文号, a title one
    loaded plan alone has (drafts aside)."""
    return {key: next(iter(values)) for key, values in found.items() if len(values) == 1}
