# SPDX-License-Identifier: BSL-1.0
"""The people directory: the registry's <people>, whom the rows' [Id] references name.

A layout of its own, with its own text pool, that the generated header sets apart for
ianaports/people.hpp: the other tables never read it, and a program that asks for no person
neither parses nor carries it.

Each person's fields are text ids, in registry order (people() walks them so), and person_by_id
lists the people sorted by id, bytewise, for person_of's binary search. Two people under one id
(IANA's releases have none) are both kept, in registry order; person_of finds the first, as
port_of finds a name's first row. A lean build without the people group has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List

from ..registry_model import Person

from .layout import Alias, Array, Constant, Layout, index_type
from .text import PackedText, TextPool

FIELDS = ("id", "name", "org", "uri", "updated")


@dataclass
class People:
    fields: List[List[int]]  # field -> person -> text id, FIELDS order
    by_id: List[int]  # people sorted by id (then registry order)

    def renumber(self, text: PackedText) -> None:
        self.fields = [[text.new_id[t] for t in column] for column in self.fields]

    def constants(self) -> List[Constant]:
        return [Constant("person_count", "std::uint32_t", len(self.by_id), "people in the directory")]

    def arrays(self) -> List[Array]:
        arrays = [Array("person_" + name, "text_id", column, f"person -> {name}, as written")
                  for name, column in zip(FIELDS, self.fields)]
        arrays.append(Array("person_by_id", index_type(max(len(self.by_id), 1)), self.by_id,
                            "the people sorted by id, bytewise (registry order among equal ids)"))
        return arrays


def build_people(people: List[Person]) -> Layout:
    """The directory of people (an empty list: none, as a lean build without people has), with
    the text pool its fields are ids of."""
    pool = TextPool()
    fields = [[pool.id_of(getattr(person, name)) for person in people] for name in FIELDS]
    by_id = sorted(range(len(people)), key=lambda i: (people[i].id.encode("utf-8"), i))
    directory = People(fields, by_id)
    text = pool.pack()
    directory.renumber(text)
    layout = Layout(text_rows=text.rows, text_row_size=text.row_size)
    layout.aliases = [Alias("text_id", index_type(len(text.begins) - 2), "a string of the people's text pool")]
    layout.constants = directory.constants() + text.constants()
    layout.arrays = text.arrays() + directory.arrays()
    return layout
