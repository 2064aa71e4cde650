"""spaCy's ``attribute_ruler``, giving the same results by table lookup.

The English pipelines map tags to parts of speech, morphology and some lemmas with an
``attribute_ruler`` of about 180 patterns, run through spaCy's ``Matcher`` at every token. On
news text that is a sixth of ``en_core_web_sm``'s time. Almost all the patterns look at one
token's tag, lower-cased form, dependency label or whether it is a space, so what the ruler
does to a token is a function of those four values: ``AttributeTable`` works it out once per
combination and reads it from a table after that. The few patterns of several tokens still go
through a ``Matcher`` of their own.

The result is the ruler's: the rules that match a token are applied in the ruler's order
(later rules win), as ``AttributeRuler.match`` sorts them. A ruler with any pattern this table
cannot read (operators, other attributes) is run as it is. ``tests/test_attribute_table.py``
checks the two give identical tags, parts of speech, morphology and lemmas.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Optional, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from thinc.types import Ints2d

# token attributes a one-token pattern may test for the table to decide it
KEY_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _test(attr: str, value) -> Callable[[tuple], bool]:
    """A one-token pattern's test of one attribute, on (tag, lower, dep, is_space) values as
    the Matcher reads them: equality, IN, NOT_IN and REGEX. A KeyError for anything else."""
    slot = KEY_ATTRS[attr]
    if not isinstance(value, dict):
        wanted = bool(value) if attr == "IS_SPACE" else str(value)
        return lambda values: values[slot] == wanted
    if len(value) != 1:
        raise KeyError(attr)
    (op, argument), = value.items()
    if op == "IN":
        members = frozenset(argument)
        return lambda values: values[slot] in members
    if op == "NOT_IN":
        members = frozenset(argument)
        return lambda values: values[slot] not in members
    if op == "REGEX" and attr != "IS_SPACE":
        pattern = re.compile(argument)
        return lambda values: pattern.search(values[slot]) is not None
    raise KeyError(f"{attr} {op}")


class _Table:
    """The compiled form of one ruler's patterns."""

    def __init__(self, ruler: AttributeRuler):
        self.strings = ruler.vocab.strings
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.single: list[tuple[int, tuple[Callable[[tuple], bool], ...]]] = []  # (rule, tests)
        self.multi = Matcher(ruler.vocab)
        self.has_multi = False
        # the tests of the first token of each pattern of several tokens: a Doc with no token
        # that passes one has no match, and the Matcher is not run; None where a first token
        # is beyond the table (an operator, another attribute), and the Matcher always runs
        self.multi_firsts: Optional[list[tuple[Callable[[tuple], bool], ...]]] = []
        for rule in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                if len(pattern) == 1:
                    self.single.append((rule, tuple(_test(attr, value) for attr, value in pattern[0].items())))
                else:
                    self.multi.add(str(rule), [pattern])
                    self.has_multi = True
                    self._add_multi_first(pattern[0])
        self.by_key: dict[tuple, tuple[tuple[int, ...], bool]] = {}
        # with no operator in them, the patterns of several tokens are matched in windows of
        # their longest length at the tokens that may start one, not over the whole Doc
        self.multi_length: Optional[int] = None
        if self.multi_firsts is not None:
            multi = [p for rule in range(len(ruler.attrs)) for p in ruler.matcher.get(str(rule))[1] if len(p) > 1]
            if multi and not any("OP" in token for pattern in multi for token in pattern):
                self.multi_length = max(len(pattern) for pattern in multi)

    def _add_multi_first(self, first: dict) -> None:
        if self.multi_firsts is None:
            return
        try:
            self.multi_firsts.append(tuple(_test(attr, value) for attr, value in first.items()))
        except KeyError:
            self.multi_firsts = None

    def rules_for(self, key: tuple) -> tuple[tuple[int, ...], bool]:
        """The one-token rules that match a token with these (tag, lower, dep, is_space) ids,
        and whether a pattern of several tokens may start at it."""
        found = self.by_key.get(key)
        if found is None:
            tag, lower, dep, space = key
            strings = self.strings
            values = (strings[tag] if tag else "", strings[lower] if lower else "", strings[dep] if dep else "", space)
            rules = tuple(rule for rule, tests in self.single if all(test(values) for test in tests))
            firsts = self.multi_firsts
            starts = firsts is None or any(all(test(values) for test in tests) for tests in firsts)
            found = self.by_key[key] = (rules, starts)
        return found

    def _multi_matches(self, doc: Doc, starts: list[int]) -> list[tuple[int, int, int]]:
        """The matches of the patterns of several tokens: the Matcher's over the whole Doc, or
        those that begin at ``starts``, each found in the window of tokens from it."""
        width = self.multi_length
        if width is None:
            return list(self.multi(doc, allow_missing=True))
        return [
            (match_id, i + start, i + end)
            for i in starts
            for match_id, start, end in self.multi(doc[i : i + width], allow_missing=True)
            if start == 0
        ]

    def apply(self, doc: Doc) -> None:
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        rules: dict[int, list[int]] = {}
        multi_starts = []
        for i, (tag, lower, dep, space) in enumerate(keys):
            found, starts = self.rules_for((tag, lower, dep, bool(space)))
            if found:
                rules[i] = list(found)
            if starts:
                multi_starts.append(i)
        if self.has_multi and multi_starts:
            for match_id, start, end in self._multi_matches(doc, multi_starts):
                rule = int(doc.vocab.strings[match_id])
                index = self.indices[rule]
                target = (start if index >= 0 else end) + index
                if not start <= target < end:
                    raise ValueError(f"attribute rule {rule}: index {index} outside its match")
                rules.setdefault(target, []).append(rule)
        if not rules:
            return
        columns: list[int] = sorted({attr for matched in rules.values() for rule in matched for attr in self.attrs[rule]})
        # spaCy's stubs take an invariant list[int | str] and type to_array's uint64 result as float
        attr_ids = cast("list[int | str]", columns)
        # (to_array gives one column as a 1-d array)
        values = cast("Ints2d", doc.to_array(attr_ids).reshape(len(doc), len(columns)))
        where = {attr: n for n, attr in enumerate(columns)}
        for i, matched in rules.items():
            for rule in sorted(matched):
                for attr, value in self.attrs[rule].items():
                    values[i, where[attr]] = value
        doc.from_array(attr_ids, values)


class AttributeTable(AttributeRuler):
    """An ``AttributeRuler`` (same patterns, same serialisation, same results) that decides
    one-token patterns by table lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False, scorer: Optional[Callable] = attribute_ruler_score):
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._table: Optional[_Table] = None
        self._table_size = -1

    def table(self) -> Optional[_Table]:
        """The compiled patterns, rebuilt when patterns were added; None when a pattern is
        beyond the table (then the ruler runs as spaCy's)."""
        if self._table_size != len(self.attrs):
            self._table_size = len(self.attrs)
            try:
                self._table = _Table(self)
            except KeyError:
                self._table = None
        return self._table

    def __call__(self, doc: Doc) -> Doc:
        table = self.table()
        if table is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            table.apply(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)


@Language.factory(
    "conflict_attribute_table",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
)
def make_attribute_table(nlp: Language, name: str, validate: bool, scorer: Optional[Callable]) -> AttributeTable:
    """The ``attribute_ruler`` of spaCy, with its results read from a table."""
    return AttributeTable(nlp.vocab, name, validate=validate, scorer=scorer)


def use_attribute_table(nlp: Language) -> None:
    """Put an ``AttributeTable`` with the same patterns in place of every ``attribute_ruler``
    of ``nlp`` whose patterns it can read."""
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is not AttributeRuler:
            continue
        table = AttributeTable(nlp.vocab, name, validate=pipe.validate, scorer=pipe.scorer)
        table.matcher = pipe.matcher
        table.attrs, table._attrs_unnormed, table.indices = pipe.attrs, pipe._attrs_unnormed, pipe.indices
        if table.table() is None:
            continue
        nlp.replace_pipe(name, "conflict_attribute_table", config={"validate": pipe.validate})
        replaced = nlp.get_pipe(name)
        assert isinstance(replaced, AttributeTable)
        replaced.matcher, replaced.attrs, replaced._attrs_unnormed, replaced.indices = table.matcher, table.attrs, table._attrs_unnormed, table.indices


if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer as _Lemmatizer
else:
    _Lemmatizer = object


class LemmaTable(_Lemmatizer):
    """The rule lemmatizer of English, its answers kept per (word, part of speech, morphology)
    and written to the Doc in one array.

    spaCy's lemmatizer visits every token as a ``Token`` and sets its lemma by string; its
    answer depends on those three values only (its own cache is keyed on them, though it keeps
    no answer for spaces and base forms), so the table gives the same lemmas."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:  # as Lemmatizer.__call__
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self.lemmatize_by_table(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc

    def lemmatize_by_table(self, doc: Doc) -> None:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known = self.__dict__.setdefault("_lemma_table", {})  # (orth, pos, morph) -> lemma
        strings = doc.vocab.strings
        ids: dict[tuple, int] = {}  # added to the strings once per Doc (memory zones drop them)
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = ids.get(key)
            if found is None:
                text = known.get(key)
                if text is None:
                    text = known[key] = self.lemmatize(doc[i])[0]
                found = ids[key] = strings.add(text)
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Any, lemmas.reshape(len(doc), 1)))


@cache
def _lemma_table_class(base: type) -> type:
    return type(f"Table{base.__name__}", (LemmaTable, base), {})


def use_lemma_table(nlp: Language) -> None:
    """Give every English rule lemmatizer of ``nlp`` a ``LemmaTable`` (same lemmas; it saves
    and loads as spaCy's own)."""
    for _, pipe in nlp.pipeline:
        if type(pipe) is EnglishLemmatizer and pipe.mode == "rule":
            pipe.__class__ = _lemma_table_class(EnglishLemmatizer)
