"""The event lexicons: triggers and actor nouns (``data/events.toml``) and named actors
(``data/actors.toml``, optional), read into plain data and turned into spaCy matchers."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..model import EventType

EVENTS_FILE = "events.toml"
ACTORS_FILE = "actors.toml"

# ACLED's event types and sub-event types, snake_case, as docs/contract.md names them
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "battles": ("armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"),
    "explosions_remote_violence": ("chemical_weapon", "air_drone_strike", "suicide_bomb", "shelling_artillery_missile_attack",
                                   "remote_explosive_landmine_ied", "grenade"),
    "violence_against_civilians": ("sexual_violence", "attack", "abduction_forced_disappearance"),
    "protests": ("peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"),
    "riots": ("violent_demonstration", "mob_violence"),
    "strategic_developments": ("agreement", "arrests", "change_to_group_activity", "disrupted_weapons_use",
                               "headquarters_or_base_established", "looting_property_destruction",
                               "non_violent_transfer_of_territory", "other"),
}


def _is_event_type(value: str) -> TypeGuard[EventType]:
    return value in ACLED_TAXONOMY


def check_pair(event_type: str, sub_type: str, where: str) -> tuple[EventType, str]:
    """The pair, or a ValueError naming ``where`` when it is not in ACLED's taxonomy."""
    if not _is_event_type(event_type) or sub_type not in ACLED_TAXONOMY[event_type]:
        raise ValueError(f"{where}: {event_type}/{sub_type} is not an ACLED event type and sub-type (see docs/contract.md)")
    return event_type, sub_type


@dataclass(frozen=True)
class Trigger:
    """One ``[[trigger]]`` entry: the words that report an incident and how to type it."""

    rank: int
    type: EventType
    sub_type: str
    words: tuple[str, ...]
    pos: frozenset[str] = frozenset()
    any_pos: frozenset[str] = frozenset()  # phrases of the entry that ``pos`` does not restrict
    weak: bool = False
    needs_actor: frozenset[str] = frozenset()
    needs_words: frozenset[str] = frozenset()
    object_kinds: frozenset[str] = frozenset()  # the trigger's object must be an actor of these kinds
    not_objects: frozenset[str] = frozenset()  # ... and none of these words
    not_words: frozenset[str] = frozenset()
    vetoes_weak: bool = False
    remote: bool = False
    by_target: dict[str, tuple[EventType, str]] = field(default_factory=dict)
    by_perpetrator: dict[str, tuple[EventType, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ActorEntry:
    """A generic actor noun group or a named actor."""

    kind: str
    name: str | None
    words: tuple[str, ...]
    named: bool = False
    country: str | None = None


@dataclass
class EventLexicon:
    """Everything the events component reads from data files, in one picklable object."""

    raw: dict[str, Any]
    actors_raw: dict[str, Any]
    triggers: list[Trigger] = field(init=False)
    actors: list[ActorEntry] = field(init=False)

    def __post_init__(self) -> None:
        self._read_triggers_and_actors()
        self._read_kinds_and_precision()
        self._read_roles()
        self._read_background()
        self._read_context()
        self._read_seized()

    def _read_triggers_and_actors(self) -> None:
        """Triggers, and actors: the named ones (actors.toml) before the generic nouns."""
        self.triggers = [_trigger(i, entry) for i, entry in enumerate(self.raw.get("trigger", []))]
        generic = [ActorEntry(a["kind"], a.get("name"), tuple(a["words"])) for a in self.raw.get("actor", [])]
        named = [
            ActorEntry(a["kind"], a["name"], tuple(dict.fromkeys([a["name"], *a.get("aliases", [])])), True, a.get("country") or None)
            for a in self.actors_raw.get("actor", [])
        ]
        self.actors = named + generic
        self.generic_kinds = {w.lower(): a.kind for a in generic for w in a.words}

    def _read_kinds_and_precision(self) -> None:
        """Actor kinds by role, precision codes, weapons of remote violence, the dateline stamp."""
        kinds = self.raw.get("kinds", {})
        self.armed = frozenset(kinds.get("armed", []))
        self.victims = frozenset(kinds.get("victims", []))
        self.state_side = frozenset(kinds.get("state_side", ["state_forces"]))
        self.employee_kinds = frozenset(kinds.get("employee_kinds", []))
        self.non_state = frozenset(kinds.get("non_state", []))
        self.peacekeeping_bodies = frozenset(kinds.get("peacekeeping_bodies", []))
        self.civilian_bodies = frozenset(kinds.get("civilian_bodies", []))
        # which side a toll counts, by the kind of its people's noun (a toll's sides add up)
        self.toll_sides = dict(kinds.get("toll_sides", {}))
        self.no_event = frozenset(w.lower() for w in self.raw.get("no_event", {}).get("words", []))
        self.never_event = tuple(w.lower() for w in self.raw.get("no_event", {}).get("always", []))
        self.where_prec = dict(self.raw.get("where_prec", {}))
        self.near_words = frozenset(self.where_prec.pop("near_words", []))
        self.date_prec = dict(self.raw.get("date_prec", {}))
        # sub_type of explosions_remote_violence -> weapon words, in priority order
        self.remote_words = {
            check_pair("explosions_remote_violence", sub, "events lexicon, [remote]")[1]: frozenset(w.lower() for w in words)
            for sub, words in self.raw.get("remote", {}).items()
        }
        # a missile beside a drone makes the attack a missile attack ("a missile and drone attack")
        self.missile_words = frozenset(w.lower() for w in self.raw.get("missile_words", {}).get("words", []))
        self.device_words = frozenset(w.lower() for w in self.raw.get("device_words", {}).get("words", []))
        self.protest_subject_not = frozenset(self.raw.get("protest_subject_not", {}).get("kinds", []))
        self.stamp = re.compile(self.raw["stamp"]["pattern"]) if "stamp" in self.raw else None
        day = self.raw.get("event_day", {})
        self.overnight_words = frozenset(day.get("overnight_words", []))
        self.into_words = frozenset(day.get("into_words", []))
        self.entry_clock = re.compile(day["entry_clock"]) if "entry_clock" in day else None
        self.range_start = re.compile(day["range_start"]) if "range_start" in day else None

    def _read_roles(self) -> None:
        """Words that say who did it: blame, killing, claims, suspicion, parts of a group."""
        roles = self.raw.get("roles", {})
        self.blame_verbs = frozenset(roles.get("blame_verbs", []))
        self.identify_verbs = frozenset(roles.get("identify_verbs", []))
        self.under_attack_nouns = frozenset(roles.get("under_attack_nouns", []))
        self.killing_verbs = frozenset(roles.get("killing_verbs", []))
        self.killing_phrases = tuple(roles.get("killing_phrases", []))
        self.claim_verbs = frozenset(roles.get("claim_verbs", []))
        self.death_verbs = frozenset(roles.get("death_verbs", []))
        self.defending_verbs = frozenset(roles.get("defending_verbs", []))
        self.protest_verbs = frozenset(roles.get("protest_verbs", []))
        self.claim_phrases = tuple(roles.get("claim_phrases", []))
        self.suspect_verbs = frozenset(roles.get("suspect_verbs", []))
        self.part_words = tuple(roles.get("part_words", []))
        self.period_words = frozenset(roles.get("period_words", []))
        self.partitive_words = tuple(roles.get("partitive_words", []))

    def _read_background(self) -> None:
        """Words that make an event background: periods, comparisons, continuing or announced action."""
        background = self.raw.get("background", {})
        self.period_phrases = tuple(tuple(p.lower().split()) for p in background.get("period_phrases", []))
        self.recent_days = int(background.get("recent_days", 31))
        self.comparison_words = frozenset(w.lower() for w in background.get("comparison_words", []))
        self.ending_verbs = frozenset(w.lower() for w in background.get("ending_verbs", []))
        self.continuing_verbs = frozenset(background.get("continuing_verbs", []))
        self.continuing_modifiers = frozenset(background.get("continuing_modifiers", []))
        self.preparing_verbs = frozenset(background.get("preparing_verbs", []))
        self.warning_words = frozenset(background.get("warning_words", []))
        self.period_nouns = frozenset(background.get("period_nouns", []))
        self.announced_sub_types = frozenset(background.get("announced_sub_types", []))
        self.intention_verbs = frozenset(background.get("intention_verbs", []))
        tree = _read(None, "casualties.toml").get("tree", {})  # intended harm is one list (measures/toll_tree.py only_intended)
        self.planning_words = frozenset(tree.get("unrealised_heads", [])) - frozenset(tree.get("attempt_heads", []))
        self.doing_verbs = frozenset(background.get("doing_verbs", []))
        self.retrospective_heads = frozenset(background.get("retrospective_heads", []))
        self.unrealised_modifiers = frozenset(background.get("unrealised_modifiers", []))


    def _read_context(self) -> None:
        """Words of the event's sentence and its neighbours that decide sides, tolls and sub-types."""
        context = self.raw.get("context", {})
        self.say_verbs = frozenset(context.get("say_verbs", []))
        self.pronouns = frozenset(context.get("pronouns", []))
        self.facility_words = frozenset(context.get("facility_words", []))
        self.origin_words = frozenset(context.get("origin_words", []))
        self.protest_words = frozenset(context.get("protest_words", []))
        self.lethal_words = tuple(context.get("lethal_words", []))
        self.excessive_words = tuple(context.get("excessive_words", []))
        self.additive_words = frozenset(context.get("additive_words", []))
        self.continuation_words = frozenset(context.get("continuation_words", []))
        self.attacker_words = frozenset(context.get("attacker_words", []))
        self.driving_verbs = frozenset(context.get("driving_verbs", []))
        self.advancing_words = tuple(context.get("advancing_words", []))
        self.suspect_modifiers = frozenset(context.get("suspect_modifiers", []))
        self.counterclaim_cues = frozenset(context.get("counterclaim_cues", []))
        self.war_victim_words = frozenset(context.get("war_victim_words", []))
        self.toll_update_verbs = frozenset(context.get("toll_update_verbs", []))
        self.gathering_phrases = tuple(context.get("gathering_phrases", []))
        self.public_places = frozenset(context.get("public_places", []))
        self.overrun_words = frozenset(context.get("overrun_words", []))
        self.post_words = frozenset(context.get("post_words", []))
        self.attacked_posts = frozenset(context.get("attacked_posts", []))
        self.overrun_territory_words = frozenset(context.get("overrun_territory_words", []))
        self.overrun_place_words = frozenset(context.get("overrun_place_words", []))
        self.zero_toll_phrases = tuple(context.get("zero_toll_phrases", []))
        self.peaceful_takeover = tuple(context.get("peaceful_takeover", []))
        self.leaving_verbs = frozenset(context.get("leaving_verbs", []))
        self.air_strike_nouns = frozenset(context.get("air_strike_nouns", []))
        self.strike_verbs = frozenset(context.get("strike_verbs", []))
        self.unilateral_words = tuple(context.get("unilateral_words", []))
        self.unnamed_strike_nouns = frozenset(context.get("unnamed_strike_nouns", []))
        self.communal_words = frozenset(context.get("communal_words", []))
        self.held_words = frozenset(context.get("held_words", []))
        self.member_words = frozenset(context.get("member_words", []))
        self.responsibility_words = frozenset(context.get("responsibility_words", []))
        self.group_nouns = frozenset(context.get("group_nouns", []))
        self.group_name_words = frozenset(context.get("group_name_words", []))
        self.unit_words = frozenset(context.get("unit_words", []))
        self.compelling_verbs = frozenset(context.get("compelling_verbs", []))
        self.compelled_words = frozenset(context.get("compelled_words", []))
        self.loyal_words = frozenset(context.get("loyal_words", []))
        self.mutual_words = tuple(context.get("mutual_words", []))
        self.reciprocal_verbs = frozenset(context.get("reciprocal_verbs", []))
        self.state_rivals = frozenset(frozenset(pair) for pair in context.get("state_rivals", []))
        self.fighting_words = frozenset(context.get("fighting_words", []))
        self.unknown_side = {k: v for k, v in context.get("unknown_side", {}).items()}
        # weapon word (lower case, one or two words) -> ISO2 of the only state that fields it
        self.naming_verbs = frozenset(context.get("naming_verbs", []))
        self.disarming_verbs = frozenset(context.get("disarming_verbs", []))
        self.weapon_users = {word: code for code, words in context.get("weapon_users", {}).items() for word in words}

    def _read_seized(self) -> None:
        """What was seized, by strategic-development sub-type."""
        seized = dict(self.raw.get("seized", {}))
        self.seized_measures = frozenset(seized.pop("measures", []))
        # sub_type of strategic_developments -> words of what was seized
        self.seized_goods = {
            check_pair("strategic_developments", sub, "events lexicon, [seized]")[1]: frozenset(w.lower() for w in words)
            for sub, words in seized.items()
        }

    def trigger_matcher(self, vocab: Vocab, split: Callable[[str], list[str]] = str.split) -> Matchers:
        """Matches every trigger phrase on lemmas or lower-case forms; the match id is the
        trigger's rank (as a string). ``split`` cuts a phrase into the pipeline's tokens."""
        matchers = Matchers(vocab)
        for trigger in self.triggers:
            for phrase in trigger.words:
                words = split(phrase.lower())
                matchers.add("LOWER", str(trigger.rank), words)
                matchers.add("LEMMA", str(trigger.rank), words)
        return matchers

    def actor_matcher(self, vocab: Vocab, split: Callable[[str], list[str]] = str.split) -> Matchers:
        """Matches actor names and nouns; the match id is the entry's index in ``actors``. Named
        actors match case-sensitively when written in capitals only ("RSF", not "rsf")."""
        matchers = Matchers(vocab)
        for i, entry in enumerate(self.actors):
            for phrase in entry.words:
                if entry.named and phrase.isupper():
                    matchers.add("ORTH", str(i), split(phrase))
                    continue
                words = split(phrase.lower())
                matchers.add("LOWER", str(i), words)
                if not entry.named:
                    matchers.add("LEMMA", str(i), words)
        return matchers


class Matchers:
    """Phrase matchers on several token attributes, called as one: (match id, start, end) of
    every match, on any attribute. Phrase matching is a hash lookup per token, where a
    ``Matcher`` with one pattern per phrase walks every pattern's states."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.by_attr: dict[str, PhraseMatcher] = {}

    def add(self, attr: str, key: str, words: list[str]) -> None:
        matcher = self.by_attr.get(attr)
        if matcher is None:
            matcher = self.by_attr[attr] = PhraseMatcher(self.vocab, attr=attr)
        pattern = Doc(self.vocab, words=words, lemmas=words) if attr == "LEMMA" else Doc(self.vocab, words=words)
        matcher.add(key, [pattern])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        for attr, matcher in self.by_attr.items():
            if attr == "LEMMA" and not doc.has_annotation("LEMMA"):
                continue
            found.update(matcher(doc))
        return sorted(found, key=lambda m: (m[1], m[2]))


def _trigger(rank: int, entry: dict[str, Any]) -> Trigger:
    where = f"events lexicon, trigger {rank + 1} ({entry.get('words', ['?'])[0]!r})"
    check_pair(entry["type"], entry["sub_type"], where)

    def _pair(value: list[str]) -> tuple[EventType, str]:
        return check_pair(value[0], value[1], where)

    return Trigger(
        rank=rank,
        type=entry["type"],
        sub_type=entry["sub_type"],
        words=tuple(entry["words"]),
        pos=frozenset(entry.get("pos", [])),
        any_pos=frozenset(w.lower() for w in entry.get("any_pos", [])),
        weak=bool(entry.get("weak", False)),
        needs_actor=frozenset(entry.get("needs_actor", [])),
        needs_words=frozenset(w.lower() for w in entry.get("needs_words", [])),
        object_kinds=frozenset(entry.get("object_kinds", [])),
        not_objects=frozenset(w.lower() for w in entry.get("not_objects", [])),
        not_words=frozenset(w.lower() for w in entry.get("not_words", [])),
        vetoes_weak=bool(entry.get("vetoes_weak", False)),
        remote=bool(entry.get("remote", False)),
        by_target={k: _pair(v) for k, v in entry.get("by_target", {}).items()},
        by_perpetrator={k: _pair(v) for k, v in entry.get("by_perpetrator", {}).items()},
    )


def _read(path: Path | None, packaged: str) -> dict[str, Any]:
    if path is not None:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    resource = resources.files("conflictnlp").joinpath("data", packaged)
    if not resource.is_file():  # data/actors.toml is optional
        return {}
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def load_event_lexicon(events_path: str | None = None, actors_path: str | None = None) -> EventLexicon:
    """The lexicons from the given TOML files or the packaged ones (a missing actors file is an
    empty list of named actors)."""
    return EventLexicon(
        _read(Path(events_path) if events_path else None, EVENTS_FILE),
        _read(Path(actors_path) if actors_path else None, ACTORS_FILE),
    )
