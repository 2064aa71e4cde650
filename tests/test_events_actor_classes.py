"""Who did it and to whom, by phrasing class (issue 27, actors round 4): the perpetrator and
target kinds of sentences written for these tests, several per class, on the whole pipeline (the
parse of such sentences is the point), traps included. The classes: roles from the parse
(subject, object, passive agent, "by" phrase, possessive, compound), sides named in another
sentence or by a pronoun, groups known only by their head noun, peoples and countries as state
forces, an army's statements in the first person, a side that withdraws, places and things that
stand for the people hit, lists and coalitions, and the kinds convention (docs/events.md)."""

from __future__ import annotations

import pytest

import conflictnlp

# (class, perpetrator kind or None, target kind or None, text); a battle may name its sides in either order
CASES = [
    # roles from the parse
    ("parse", "rebel_group", "civilians", "Insurgents torched a village near Mocimboa da Praia on Tuesday, killing nine residents."),
    ("parse", "state_forces", "rebel_group", "Three insurgents were killed by soldiers near Palma on Friday, the army said."),
    ("parse", "armed_group", "civilians", "Seven farmers were shot dead by gunmen in Bokkos on Sunday, police said."),
    ("parse", "militia", "civilians", "The attack on the village by bandits left 14 residents dead, officials said on Monday."),
    ("parse", "militia", "state_forces", "Gang attack on police station in Pont-Sonde kills two officers"),
    ("parse", "state_forces", "civilians", "The army's shelling of Kadugli killed six civilians on Thursday, activists said."),
    ("parse", "rebel_group", "state_forces", "Rebels ambushed an army patrol near Bambari on Sunday, killing three soldiers."),
    # a side named in the sentence before, or by a pronoun
    ("another", "armed_group", "civilians", "Gunmen on motorcycles arrived in Tungan Kara on Monday evening. They shot dead eleven villagers, a resident said."),
    ("another", "rebel_group", "civilians", "Suspected jihadists stormed the village of Koumbri on Saturday. They killed 12 civilians before fleeing, residents said."),
    ("another", "militia", "civilians", "Bandits raided Dansadau on Friday night. The assailants killed eight farmers and abducted 20 women, a local official said."),
    ("another", "state_forces", "rebel_group", "Security forces carried out a clearance operation in Datta Khel on Friday. Eleven terrorists were killed, the statement said."),
    ("another", "state_forces", "rebel_group", "On 3 March, FAMa units conducted a patrol near Boni. Twenty terrorists were neutralised and weapons were recovered."),
    ("another", "rebel_group", None, "Al-Shabaab fighters moved into the outskirts of Beledweyne on Monday. Three of the militants were killed in the fighting."),
    ("another", "militia", "civilians", "Two farmers were shot dead near Bokkos on Monday. Police blamed the attack on armed herders."),
    # groups the lexicon does not list: the kind from their noun
    ("noun", "rebel_group", "state_forces", "Fighters of the Zarmagu Liberation Council attacked an army post in Gao region on Monday, killing four soldiers."),
    ("noun", "militia", "civilians", "Kobani Hills vigilantes killed six herders near the river on Sunday, police said."),
    ("noun", "armed_group", "civilians", "Masked gunmen killed five miners at a gold site near Kamituga on Thursday."),
    ("noun", "rebel_group", "state_forces", "Boro Nation militants ambushed a police convoy on the Kokrajhar highway on Friday, killing two policemen."),
    ("noun", "militia", "civilians", "Armed herders attacked Bassa farmers in Miango on Monday, killing seven."),
    # who the attackers are believed to be
    ("suspected", "militia", "civilians", "Gunmen believed to be bandits killed 12 worshippers at a mosque in Katsina on Friday."),
    ("suspected", "rebel_group", "civilians", "Attackers suspected to be jihadists killed nine traders near Djibo on Sunday."),
    ("suspected", "rebel_group", "civilians", "Armed men thought to be ADF rebels killed 14 villagers near Oicha overnight."),
    # peoples and countries as state forces
    ("state", "state_forces", "civilians", "Russian forces shelled the town of Kupiansk on Sunday, killing two civilians."),
    ("state", "state_forces", "civilians", "Israel struck a house in Khan Younis on Monday, killing eight people, medics said."),
    ("state", "state_forces", "rebel_group", "Pakistani troops killed six militants in North Waziristan on Wednesday, the military said."),
    ("state", "state_forces", "civilians", "Sudan's army bombed a market in Kabkabiya on Tuesday, killing 20 people."),
    ("state", "state_forces", "state_forces", "Ukraine's military said it struck a Russian command post near Tokmak on Tuesday."),
    # an army's statements in the first person
    ("first_person", "state_forces", "rebel_group", 'The army said in a statement: "Our units repelled an attack by terrorists near Diffa and neutralised 12 of them."'),
    ("first_person", "state_forces", "rebel_group", "The General Staff informs that on 4 May our forces destroyed a terrorist camp near Arbinda, neutralising 30 terrorists."),
    ("first_person", "state_forces", "rebel_group", 'The defence ministry said: "We destroyed two militant hideouts in Kurram on Tuesday and killed nine militants."'),
    # the side that withdraws
    ("withdraw", "state_forces", "state_forces", "Russian troops captured the village of Krasnohorivka on Friday. Ukrainian forces withdrew to new positions west of the village."),
    ("withdraw", "rebel_group", "state_forces", "Government soldiers pulled out of their base in Bourem on Monday, and separatist rebels took control of it, residents said."),
    # places and things that stand for the people hit
    ("place", "state_forces", "civilians", "Russian missiles struck a hospital in Kharkiv on Monday, wounding 14 people."),
    ("place", "armed_group", "civilians", "Gunmen attacked a bus on the Kaduna highway on Tuesday, killing four passengers."),
    ("place", "rebel_group", "state_forces", "Militants attacked a military base in Bannu on Tuesday, killing five soldiers."),
    ("place", "rebel_group", "state_forces", "Insurgents stormed a police station in Dikwa on Friday, killing two officers, police said."),
    ("place", "rebel_group", "civilians", "Militants fired mortars at a displacement camp near Dikwa on Monday, killing five people."),
    ("place", "state_forces", "civilians", "An Israeli airstrike hit a school sheltering displaced families in Gaza City on Saturday, killing 16 people."),
    ("place", "armed_group", "civilians", "Armed men robbed a humanitarian vehicle on the Birao axis on Tuesday."),
    ("place", None, "civilians", "A roadside bomb hit a civilian vehicle near Mopti on Friday, killing four."),
    ("place", "rebel_group", "state_forces", "Rebels ambushed an army vehicle near Bouar on Monday."),
    # lists and coalitions
    ("list", "state_forces", "rebel_group", "Police and soldiers killed eight militants in a raid in Lakki Marwat on Monday, officials said."),
    ("list", "state_forces", "rebel_group", "Clashes between the army and RSF fighters in El Obeid killed 12 on Sunday."),
    ("list", "state_forces", "rebel_group", "Myanmar's military and the Arakan Army fought for control of Sittwe on Tuesday, residents said."),
    ("list", "militia", "militia", "Herders and farmers clashed near Bokkos on Monday, leaving 9 dead."),
    ("list", "militia", "militia", "Rival clan militias clashed over a water point near Dhusamareb on Sunday, elders said."),
    ("list", "militia", "militia", "Gangs fought for control of the port district of Port-au-Prince on Monday, leaving six dead."),
    ("list", "rebel_group", "state_forces", "Rebels clashed with soldiers near Rutshuru on Tuesday, local sources said."),
    ("list", "state_forces", "rebel_group", "Ethiopian army and OLA rebels agree truce in Nekemte"),
    ("list", "state_forces", "rebel_group", "The Sudanese army and the RSF agreed to a 72-hour truce on Monday."),
    ("list", "militia", "militia", "Rival militias in Zawiya agreed on Monday to pull their fighters out of the city centre under a ceasefire."),
    # whose weapons were downed, a crowd named by its number
    ("weapons", "state_forces", "state_forces", "Ukrainian air defence units shot down 40 of 52 drones launched by Russia overnight, the air force said."),
    ("weapons", "state_forces", "rebel_group", "Israeli air defences intercepted a missile fired by the Houthis over Eilat on Monday."),
    ("crowd", "protesters", None, "Tens of thousands marched through Tbilisi on Sunday in a peaceful protest against the government."),
    # the kinds convention
    ("kinds", "militia", "civilians", "Bandits killed 11 villagers in Zurmi on Saturday."),
    ("kinds", "armed_group", "civilians", "Unknown assailants killed a teacher in Ouahigouya on Wednesday."),
    ("kinds", "rebel_group", "civilians", "Jihadists killed 9 worshippers at a mosque in Tillaberi on Friday."),
    ("kinds", "state_forces", "civilians", "Soldiers shot dead three teenagers at a checkpoint in Tenkodogo on Monday."),
    ("kinds", "militia", "state_forces", "Fano militiamen attacked federal forces in Bahir Dar on Sunday, killing six soldiers."),
    # traps: who speaks, what a side is dressed as, a thing of theirs that was hit, a people as victims
    ("trap", "armed_group", "civilians", "Police said gunmen killed six traders at a market in Jos on Sunday."),
    ("trap", "armed_group", "civilians", "Gunmen dressed in military uniforms killed nine villagers in Kauru on Friday."),
    ("trap", None, "state_forces", "Four soldiers were killed when their vehicle hit a landmine near Tessalit on Monday."),
    ("trap", "state_forces", "civilians", "An Israeli strike killed 12 Palestinians in Jabalia on Friday, medics said."),
    ("trap", "rebel_group", "civilians", "Residents said al-Shabaab fighters killed five people in Afgooye on Tuesday."),
    ("trap", None, "civilians", "A bomb exploded at a crowded market in Maiduguri on Sunday, killing 8 people."),
]


@pytest.mark.parametrize("cls,perp,target,text", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_sides_of_each_phrasing_class(nlp, cls, perp, target, text):
    events = conflictnlp.extract(text, nlp=nlp, published="2025-06-10").events
    assert events, text
    event = events[0]
    got = tuple(getattr(event.actors, role).kind if getattr(event.actors, role) else None for role in ("perpetrator", "target"))
    want = (perp, target)
    assert got == want or (event.type == "battles" and got[::-1] == want)
