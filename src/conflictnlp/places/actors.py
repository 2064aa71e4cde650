"""The conflict actors lexicon (``data/actors.toml``): armed groups, state forces, alliances,
intergovernmental bodies, NGOs and media, with their aliases, kind and country.

The places component reads it to keep these names from becoming places ("Hamas" is not Hamm,
"France 24" is not France); the events component reads it for actor names and kinds.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ACTOR_KINDS = frozenset({"state_forces", "rebel_group", "militia", "political_party", "media", "alliance",
                         "intergovernmental", "ngo", "company"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One lexicon entry."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str  # ISO 3166-1 alpha-2, or "" when not tied to one country

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@lru_cache(maxsize=1)
def load_actors() -> tuple[Actor, ...]:
    """Every entry of ``data/actors.toml``; a ``ValueError`` names a malformed one."""
    text = resources.files("conflictnlp.data").joinpath("actors.toml").read_text(encoding="utf-8")
    actors = []
    for entry in tomllib.loads(text)["actor"]:
        actor = Actor(entry["name"], tuple(entry.get("aliases", ())), entry["kind"], entry.get("country", ""))
        if actor.kind not in ACTOR_KINDS:
            raise ValueError(f"actors.toml: {actor.name!r} has unknown kind {actor.kind!r}")
        if actor.country and (len(actor.country) != 2 or not actor.country.isupper()):
            raise ValueError(f"actors.toml: {actor.name!r} has country {actor.country!r}, not ISO alpha-2")
        actors.append(actor)
    return tuple(actors)


@lru_cache(maxsize=1)
def actor_index() -> dict[str, Actor]:
    """Actors by every name's lookup key (see ``normalize``), a leading "the" dropped."""
    from .gazetteer import normalize

    index: dict[str, Actor] = {}
    for actor in load_actors():
        for name in actor.names:
            index.setdefault(normalize(name).removeprefix("the "), actor)
    return index


def find_actor(name: str) -> Actor | None:
    """The actor a name denotes ("Hamas", "the IDF", "NATO's"), or None."""
    from .gazetteer import normalize

    key = normalize(name).removeprefix("the ")
    index = actor_index()
    return index.get(key) or index.get(key.removesuffix(" 's").removesuffix("'s"))
