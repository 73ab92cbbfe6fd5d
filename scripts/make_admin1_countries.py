"""Build src/wirescope/data/events/admin1_countries.tsv: first-level division names -> ISO3.

From the installed countrystatecity-countries package (ODbL 1.0); names the bundled actor dictionaries already code
are left out. Run from the repository root: python scripts/make_admin1_countries.py
"""

import collections
import unicodedata
from pathlib import Path

import countrystatecity_countries as c

from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.resources.petrarch import load_dictionaries


def plain(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


names = collections.defaultdict(set)
for x in c.get_countries():
    for s in c.get_states_of_country(x.iso2):
        for n in {s.name, plain(s.name)}:
            for suffix in (" Province", " Region", " Governorate", " State", " Oblast", " Prefecture"):
                if n.endswith(suffix):
                    n = n[: -len(suffix)]
            if n:
                names[n].add(x.iso3)
country_names = {plain(x.name).upper() for x in c.get_countries()}
ac = ActorCoder(load_dictionaries(None))
rows = []
for n, isos in sorted(names.items()):
    if len(isos) != 1 or n.upper() in country_names or len(n) < 3:
        continue
    words = n.replace("-", " ").split()
    if len(words) > 3 or not all(w[:1].isupper() for w in words):
        continue
    iso = next(iter(isos))
    known = ac.code_actor(n).code
    if known is not None:
        continue  # the dictionaries already code it (rightly or as another actor): leave them in charge
    rows.append((n, iso))
with (Path(__file__).resolve().parents[1] / "src/wirescope/data/events/admin1_countries.tsv").open(
    "w", encoding="utf-8"
) as fh:
    fh.write("# First-level administrative divisions (provinces, states, regions) whose name belongs to one country,\n")
    fh.write('# for actors named with a division word ("Sindh province", "the province of Sindh"). Names the actor\n')
    fh.write("# dictionaries already code are left out. Converted from the countries-states-cities database\n")
    fh.write("# (countrystatecity-countries 2.0.1, dr5hn, ODbL 1.0).\n")
    fh.write("name\tcountry\n")
    for n, iso in rows:
        fh.write(f"{n}\t{iso}\n")
print(len(rows))
