"""Claims that are fragments, not propositions, as seen on real copy: a subjectless
comparative clause ("as is customary"), a relative clause whose gap is its antecedent ("an
attack Moscow said never happened"), and an auxiliary whose complement the splitter cut off
("The Ukraine government is yet"). Sentences written for these tests in wire style."""

from __future__ import annotations

from tests.conftest import assert_offsets
from tests.helpers import claims_doc, extract_claims, quote_at


def test_a_subjectless_comparative_clause_is_no_claim():
    # The spokeswoman said the details had been passed on , as is customary .
    doc = claims_doc([
        ("The", "the", "DET", "det", 1), ("spokeswoman", "spokeswoman", "NOUN", "nsubj", 2),
        ("said", "say", "VERB", "ROOT", 2), ("she", "she", "PRON", "nsubj", 6),
        ("could", "could", "AUX", "aux", 6), ("not", "not", "PART", "neg", 6),
        ("confirm", "confirm", "VERB", "ccomp", 2), ("that", "that", "SCONJ", "mark", 12),
        ("the", "the", "DET", "det", 9), ("details", "detail", "NOUN", "nsubjpass", 12),
        ("had", "have", "AUX", "aux", 12), ("been", "be", "AUX", "auxpass", 12),
        ("passed", "pass", "VERB", "ccomp", 6), ("on", "on", "ADP", "prt", 12),
        (",", ",", "PUNCT", "punct", 12), ("as", "as", "SCONJ", "mark", 16),
        ("is", "be", "AUX", "advcl", 12), ("customary", "customary", "ADJ", "acomp", 16),
        (".", ".", "PUNCT", "punct", 2),
    ])
    content = "she could not confirm that the details had been passed on , as is customary"
    doc._.quotes = [quote_at(doc, content, "said", "The spokeswoman")]
    texts = [c.text for c in extract_claims(doc)]
    assert not any(t.startswith("is customary") for t in texts), texts
    assert any(t.endswith("as is customary") for t in texts), texts  # it stays in its clause


def _relative_report():
    # Drones hit the convoy , in an attack Moscow said never happened .
    doc = claims_doc([
        ("Drones", "drone", "NOUN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("convoy", "convoy", "NOUN", "dobj", 1),
        (",", ",", "PUNCT", "punct", 1), ("in", "in", "ADP", "prep", 1),
        ("an", "an", "DET", "det", 7), ("attack", "attack", "NOUN", "pobj", 5),
        ("Moscow", "Moscow", "PROPN", "nsubj", 9), ("said", "say", "VERB", "relcl", 7),
        ("never", "never", "ADV", "neg", 11), ("happened", "happen", "VERB", "ccomp", 9),
        (".", ".", "PUNCT", "punct", 1),
    ])
    doc._.quotes = [quote_at(doc, "never happened", "said", "Moscow")]
    return doc


def test_a_relative_report_claims_its_antecedent():
    doc = _relative_report()
    claims = [c for c in extract_claims(doc) if c.stance == "denied"]
    assert [(c.text, c.source, c.quote_id) for c in claims] == [("an attack Moscow said never happened", "Moscow", "q1")]
    assert doc.text[slice(*claims[0].span)] == claims[0].text
    assert claims[0].event.text == "happened"


def test_a_relative_report_inside_another_quote_keeps_its_own_source():
    # Russia insisted it hit a depot and not the trucks that officials say were destroyed .
    doc = claims_doc([
        ("Russia", "Russia", "PROPN", "nsubj", 1), ("insisted", "insist", "VERB", "ROOT", 1),
        ("it", "it", "PRON", "nsubj", 3), ("hit", "hit", "VERB", "ccomp", 1),
        ("a", "a", "DET", "det", 5), ("depot", "depot", "NOUN", "dobj", 3),
        ("and", "and", "CCONJ", "cc", 5), ("not", "not", "PART", "neg", 9),
        ("the", "the", "DET", "det", 9), ("trucks", "truck", "NOUN", "conj", 5),
        ("that", "that", "PRON", "nsubj", 12), ("officials", "official", "NOUN", "nsubj", 12),
        ("say", "say", "VERB", "relcl", 9), ("were", "be", "AUX", "auxpass", 14),
        ("destroyed", "destroy", "VERB", "ccomp", 12), (".", ".", "PUNCT", "punct", 1),
    ])
    outer = quote_at(doc, "it hit a depot and not the trucks that officials say were destroyed", "insisted", "Russia")
    inner = quote_at(doc, "were destroyed", "say", "officials", qid="q2")
    inner.nested_in = "q1"
    doc._.quotes = [outer, inner]
    claims = {c.text: c for c in extract_claims(doc)}
    assert "were destroyed" not in claims, list(claims)
    claim = claims["the trucks that officials say were destroyed"]
    assert (claim.source, claim.quote_id, claim.stance) == ("officials", "q2", "asserted")


def test_a_copula_cut_off_from_its_complement_is_no_claim():
    # The Ukraine government is yet . | To comment on the claims .  (the splitter cut it)
    doc = claims_doc([
        ("The", "the", "DET", "det", 2), ("Ukraine", "Ukraine", "PROPN", "compound", 2),
        ("government", "government", "NOUN", "nsubj", 3), ("is", "be", "AUX", "ROOT", 3),
        ("yet", "yet", "ADV", "advmod", 3), (".", ".", "PUNCT", "punct", 3),
        ("To", "to", "PART", "aux", 7), ("comment", "comment", "VERB", "ROOT", 7),
        ("on", "on", "ADP", "prep", 7), ("the", "the", "DET", "det", 10),
        ("claims", "claim", "NOUN", "pobj", 8), (".", ".", "PUNCT", "punct", 7),
    ])
    texts = [c.text for c in extract_claims(doc)]
    assert "The Ukraine government is yet" not in texts, texts


def test_a_copula_with_an_adverb_of_place_stays_a_claim():
    # The troops will be back .
    doc = claims_doc([
        ("The", "the", "DET", "det", 1), ("troops", "troop", "NOUN", "nsubj", 3),
        ("will", "will", "AUX", "aux", 3), ("be", "be", "AUX", "ROOT", 3),
        ("back", "back", "ADV", "advmod", 3), (".", ".", "PUNCT", "punct", 3),
    ])
    assert [c.text for c in extract_claims(doc)] == ["The troops will be back"]


WIRE = (
    "Three civilians were killed on Tuesday when drones struck a convoy outside Kupiansk, according to "
    "Ukrainian officials \u2013 an attack that Russia's Defense Ministry flatly denied carrying out.\n\n"
    "Russian drones struck a convoy of aid trucks near the town of Kupiansk on Tuesday, killing three "
    "drivers, Ukrainian officials said, in an attack Moscow said never happened.\n\n"
    "Ingrid Halvorsen, a spokeswoman for the office in Kyiv, said she could neither confirm nor deny that "
    "the details had been passed on to Russian forces, as is customary under the so-called deconfliction system."
)


def test_wire_fragments_in_the_pipeline(nlp):
    import conflictnlp

    record = conflictnlp.extract(WIRE, nlp=nlp)
    assert_offsets(record.to_dict())
    found = {(c.text, c.stance, c.source) for c in record.claims}
    texts = [c.text for c in record.claims]
    for fragment in ("carrying out", "never happened", "is customary under the so-called deconfliction system"):
        assert fragment not in texts, texts
    assert ("an attack that Russia's Defense Ministry flatly denied carrying out", "denied", "Russia's Defense Ministry") in found
    assert ("an attack Moscow said never happened", "denied", "Moscow") in found


def test_a_comparative_clause_with_a_reporting_verb_stays_a_claim():
    # The spokeswoman said she could not confirm that the phone was sold , as stated on the website .
    doc = claims_doc([
        ("The", "the", "DET", "det", 1), ("spokeswoman", "spokeswoman", "NOUN", "nsubj", 2),
        ("said", "say", "VERB", "ROOT", 2), ("she", "she", "PRON", "nsubj", 6),
        ("could", "could", "AUX", "aux", 6), ("not", "not", "PART", "neg", 6),
        ("confirm", "confirm", "VERB", "ccomp", 2), ("that", "that", "SCONJ", "mark", 11),
        ("the", "the", "DET", "det", 9), ("phone", "phone", "NOUN", "nsubjpass", 11),
        ("was", "be", "AUX", "auxpass", 11), ("sold", "sell", "VERB", "ccomp", 6),
        (",", ",", "PUNCT", "punct", 11), ("as", "as", "SCONJ", "mark", 14),
        ("stated", "state", "VERB", "advcl", 11), ("on", "on", "ADP", "prep", 14),
        ("the", "the", "DET", "det", 17), ("website", "website", "NOUN", "pobj", 15),
        (".", ".", "PUNCT", "punct", 2),
    ])
    content = "she could not confirm that the phone was sold , as stated on the website"
    doc._.quotes = [quote_at(doc, content, "said", "The spokeswoman")]
    texts = [c.text for c in extract_claims(doc)]
    assert "stated on the website" in texts, texts  # the website stated it: a claim (MEANTIME gold too)


def test_an_elliptical_condition_is_no_claim():
    # If it was , then this was deliberate , she said .
    doc = claims_doc([
        ("If", "if", "SCONJ", "mark", 2), ("it", "it", "PRON", "nsubj", 2), ("was", "be", "AUX", "advcl", 6),
        (",", ",", "PUNCT", "punct", 6), ("then", "then", "ADV", "advmod", 6), ("this", "this", "PRON", "nsubj", 6),
        ("was", "be", "AUX", "ccomp", 10), ("deliberate", "deliberate", "ADJ", "acomp", 6), (",", ",", "PUNCT", "punct", 10),
        ("she", "she", "PRON", "nsubj", 10), ("said", "say", "VERB", "ROOT", 10), (".", ".", "PUNCT", "punct", 10),
    ])
    doc._.quotes = [quote_at(doc, "If it was , then this was deliberate", "said", "she")]
    texts = [c.text for c in extract_claims(doc)]
    assert "it was" not in texts, texts
    assert "If it was , then this was deliberate" in texts, texts
