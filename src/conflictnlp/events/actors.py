"""The event's actor records and violence type, from the candidate's perpetrator and target mentions."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..extensions import doc_text
from ..model import Article, EventActor, EventActors, ViolenceType
from ..reading.boilerplate import line_dateline_end
from .candidate import TOLL_ROLES, Candidate, Mention, _token_char_bounds, country_names
from .context import list_label
from .places import _country_of, _owner_country
from .tolls import EventTolls


def _own_name(mention: Mention | None) -> bool:
    """The mention names its side itself ("Russian forces", "Hamas"), not by the country the
    article is about."""
    if mention is None:
        return False
    return bool(mention.name or mention.entry.name or mention.entry.named) or mention.end - mention.start > 1


def _victims_of(candidate: Candidate, victim_words: frozenset[str] = frozenset()) -> EventActor | None:
    """Where a strike or an attack on people names nobody hit, the people its toll counts are
    its civilian target ("Four dead after shelling"; "hit the centre of Kryvyi Rih, killing 9
    people": the count's own civilian noun, where the roles did not read it)."""
    if candidate.type not in ("explosions_remote_violence", "violence_against_civilians") and candidate.sub_type != "excessive_force_against_protesters":
        return None
    for quantity in candidate.quantities:
        casualty = quantity.casualty
        who = (casualty.who or "").lower() if casualty else ""
        if casualty and casualty.role in TOLL_ROLES and (not who or who in victim_words) and quantity.value > 0 and not quantity.implicit:
            return EventActor(text=quantity.text, span=quantity.span, name="Civilians", kind="civilians")
    return None


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """A people's adjective -> its country's name ("Somali" -> "Somalia"), from the packaged
    countries table: the nationality a mention names itself, where the places component read none."""
    names: dict[str, str] = {}
    text = resources.files("conflictnlp").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[2:]:
        parts = line.split("\t")
        if len(parts) > 4:
            for demonym in parts[4].split("|"):
                if demonym:
                    names.setdefault(demonym, parts[1])
    return names


def _home_country(text: str, article: Article) -> str | None:
    """The country of the article's dateline or incident-list label ("PORT-AU-PRINCE, Haiti (AP) -",
    "MOGADISHU (Reuters) -", "Mali: ..."): where a force with no nationality of its own serves."""
    names = country_names()
    for loc in article.locations:
        if loc.country_code and not loc.adjectival and (loc.span[1] <= line_dateline_end(text, loc.span[0]) or list_label(text, loc.span)):
            return names.get(loc.country_code)
    return None


class ActorRecords(EventTolls):
    """Turns a candidate's mentions into the event's actors and violence type."""

    def _actor(self, doc: Doc, article: Article, mention: Mention | None, candidate: Candidate) -> EventActor | None:
        if mention is None:
            return None
        text = doc_text(doc)
        starts, ends = _token_char_bounds(doc)
        s, e = starts[mention.start], ends[mention.end - 1]
        name = mention.name or mention.entry.name
        if mention.kind == "state_forces" and name is None:
            # the mention's own people's adjective ("Somali forces") before the dateline's country,
            # and both before the country of the event's place, which may be misread ("near Adan Yabaal")
            name = _country_of(article, s, e) or _owner_country(doc, article, mention) \
                or next((demonym_countries()[t.text] for t in doc[mention.start : mention.end] if t.text in demonym_countries()), None) \
                or _home_country(text, article) or (
                country_names().get(candidate.location.country_code or "") if candidate.location else None
            )
        kind = mention.kind
        if mention is candidate.target and kind in self.lexicon.civilian_bodies:
            kind = "civilians"  # "stormed the offices of a UN agency": an organisation that fights for no side
        return EventActor(text=text[s:e], span=(s, e), name=name, kind=kind)

    def _distinct(self, actors: EventActors, candidate: Candidate) -> EventActors:
        """One side never fights itself (Russia vs Russia): of two armed actors with one name,
        the one whose name came from the article's context, not its own words, goes; where
        both or neither did, the target goes."""
        perp, target = actors.perpetrator, actors.target
        if perp is None or target is None or perp.kind not in self.lexicon.armed:
            return actors
        if (perp.name, perp.kind) != (target.name, target.kind):
            return actors
        if perp.kind in self.lexicon.non_state and perp.name in self._generic_names and perp.text.lower() != target.text.lower():
            return actors  # two unnamed groups of one kind: "Bandits kill 9 vigilantes" (both militias)
        rival = self._rival_of(perp.name) if perp.kind == "state_forces" and not _own_name(candidate.target) else None
        if rival is not None:  # "a HIMARS strike ... killed 20 soldiers" near Oleshky: Ukraine's strike, Russia's soldiers
            return EventActors(perpetrator=perp, target=EventActor(text=target.text, span=target.span, name=rival, kind=target.kind))
        perp_own = _own_name(candidate.perpetrator)
        if _own_name(candidate.target) and not perp_own:
            return EventActors(perpetrator=None, target=target)
        return EventActors(perpetrator=perp, target=None)

    def _rival_of(self, name: str | None) -> str | None:
        """The one state at war with the named state (``state_rivals``), by name; None where
        there is none or several."""
        code = next((c for c, n in country_names().items() if n == name), None) if name else None
        rivals = [other for pair in self.lexicon.state_rivals if code in pair for other in pair if other != code]
        return country_names().get(rivals[0]) if len(rivals) == 1 else None

    def _violence(self, candidate: Candidate, actors: EventActors) -> ViolenceType | None:
        if candidate.type in ("protests", "riots", "strategic_developments") and candidate.sub_type != "excessive_force_against_protesters":
            return None
        perp = actors.perpetrator.kind if actors.perpetrator else None
        target = actors.target.kind if actors.target else None
        if candidate.sub_type == "excessive_force_against_protesters" and perp in self.lexicon.armed:
            return "one_sided"  # "police kill 3 in protests", whether or not the crowd is named
        if perp is None and target is not None:
            # UCDP codes who was hit where the attacker is unnamed: a bombing of civilians is
            # one-sided, an ambush of soldiers state-based
            return self.lexicon.unknown_side.get("civilians" if target in self.lexicon.victims else target)  # type: ignore[return-value]
        if perp not in self.lexicon.armed:
            return None
        if target in self.lexicon.victims:
            return "one_sided"
        if target in self.lexicon.armed or target in self.lexicon.state_side:
            if self.lexicon.state_side & {perp, target}:
                return "state_based"
            return "non_state"
        return None
