"""Grouping by scipy's connected components gives the groups the hand union-find gave."""

from __future__ import annotations

import random

from conflictnlp.stories.grouping import LinkedGroups, connected_groups


class _HandUnionFind:
    """The union-find grouping used before (path halving, a group named by its smallest member)."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())


def test_connected_components_give_the_union_find_groups_in_the_same_order():
    rng = random.Random(7)
    for _ in range(300):
        size = rng.randint(1, 40)
        pairs = [(rng.randrange(size), rng.randrange(size)) for _ in range(rng.randint(0, size))]
        old, new = _HandUnionFind(size), LinkedGroups(size)
        for i, j in pairs:
            old.union(i, j)
            new.union(i, j)
        assert new.groups() == old.groups(), pairs


def test_a_chain_is_one_group_and_unlinked_items_stand_alone():
    assert connected_groups(5, [(3, 1), (1, 4)]) == [[0], [1, 3, 4], [2]]
    assert connected_groups(3, []) == [[0], [1], [2]]
