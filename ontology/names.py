"""The vocabulary's IRIs as plain text, for the build, which writes Turtle text and so need not
import rdflib: :data:`PK` is the ontology's closed namespace (a misspelt term raises, as with
:data:`plankg.ontology.PK`), the other constants the terms of other vocabularies the plan
writer uses. :mod:`plankg.ontology.vocabulary` gives the same IRIs as rdflib terms."""

from __future__ import annotations

from plankg.ontology.index import vocabulary_index

ONTOLOGY = "https://w3id.org/plankg/ontology#"
IDS = "https://w3id.org/plankg/id/"
POPULATIONS = "https://w3id.org/plankg/population/"
AGENCY_TYPES = "https://w3id.org/plankg/agency-type/"
CANONICAL_ACTIONS = "https://w3id.org/plankg/canonical-action/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"

TYPE, LABEL = RDF + "type", RDFS + "label"
PREF_LABEL, NOTATION, BROADER = SKOS + "prefLabel", SKOS + "notation", SKOS + "broader"
ALT_LABEL, HIDDEN_LABEL = SKOS + "altLabel", SKOS + "hiddenLabel"
VERSION_INFO = OWL + "versionInfo"
TITLE, DESCRIPTION, TEMPORAL = DCTERMS + "title", DCTERMS + "description", DCTERMS + "temporal"
ISSUED, IS_PART_OF, ALTERNATIVE = DCTERMS + "issued", DCTERMS + "isPartOf", DCTERMS + "alternative"
USED, ASSOCIATED_WITH, SOFTWARE_AGENT = (
    PROV + "used",
    PROV + "wasAssociatedWith",
    PROV + "SoftwareAgent",
)
GENERATED_BY, DERIVED_FROM = PROV + "wasGeneratedBy", PROV + "wasDerivedFrom"
REVISION_OF = PROV + "wasRevisionOf"
INSTANT, IN_GYEAR, IN_DATE = TIME + "Instant", TIME + "inXSDgYear", TIME + "inXSDDate"
PROPER_INTERVAL, BEGINNING, END = TIME + "ProperInterval", TIME + "hasBeginning", TIME + "hasEnd"
CLASSIFICATION = ORG + "classification"
DATE, GYEAR, DECIMAL = XSD + "date", XSD + "gYear", XSD + "decimal"
INTEGER, BOOLEAN, STRING = XSD + "integer", XSD + "boolean", XSD + "string"
QUDT_VALUE, QUDT_UNIT = QUDT + "numericValue", QUDT + "unit"


class Names:
    """A closed namespace of IRIs as text: ``PK.Plan`` is the ontology's ``Plan`` IRI, a term
    the ontology lacks raises :class:`AttributeError` (each term kept as an attribute)."""

    def __init__(self, base: str, terms: list[str]) -> None:
        self._base = base
        vars(self).update({term: base + term for term in terms})

    def __getattr__(self, name: str) -> str:
        raise AttributeError(f"{name!r} is not a term of {self._base}")


def ontology_terms() -> list[str]:
    """The ontology's terms: the subjects in its namespace (from the vocabulary's index)."""
    subjects = vocabulary_index().subject_texts()
    return sorted({s[len(ONTOLOGY) :] for s in subjects if s.startswith(ONTOLOGY)})


PK = Names(ONTOLOGY, ontology_terms())
