"""The words the demo is made of: people, companies, products and places, drawn from a seeded rng."""

from __future__ import annotations

import random
import re

FIRST_NAMES = [
    "Anna", "Ben", "Carla", "David", "Elena", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Klara", "Liam", "Maria",
    "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "William", "Xenia", "Yusuf", "Zoe",
    "Aisha", "Bruno", "Chloe", "Dmitri", "Emma", "Farah", "Gustav", "Hana", "Ivan", "Julia", "Kenji", "Lea", "Mateo",
    "Nina", "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Ulla", "Victor", "Wen", "Yara", "Zeynep", "Amir", "Beatriz",
    "Conor", "Daria", "Emil", "Freya", "Gabriel", "Helena", "Isak", "Jana",
]
LAST_NAMES = [
    "Andersen", "Bauer", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia", "Hansen", "Ibrahim", "Jensen", "Kowalski",
    "Larsen", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Ursu", "Vogel", "Weber",
    "Xu", "Yilmaz", "Zimmermann", "Almeida", "Berg", "Castro", "Dahl", "Esposito", "Fernandes", "Gruber", "Haddad",
    "Ivanova", "Jovanovic", "Keller", "Lindqvist", "Meyer", "Nilsen", "O'Brien", "Pereira", "Richter", "Santos",
    "Thompson", "Virtanen", "Wagner", "Young", "Zhang", "Murphy", "Kaya", "Horvat", "Lambert", "Nakamura",
]
CITIES = [
    "Hamburg", "Lyon", "Rotterdam", "Gothenburg", "Porto", "Turin", "Gdansk", "Antwerp", "Leeds", "Bilbao", "Graz",
    "Aarhus", "Tampere", "Brno", "Cork", "Malmo", "Utrecht", "Basel", "Krakow", "Seville",
]
_COMPANY_PREFIXES = [
    "Northwind", "Blue Harbor", "Summit", "Ironbridge", "Maple", "Crescent", "Atlas", "Redwood", "Silverline",
    "Oakridge", "Pioneer", "Lakeside", "Granite", "Evergreen", "Harbor", "Falcon", "Bright", "Cobalt", "Delta",
    "Everest", "Foxglove", "Golden Gate", "Highland", "Juniper", "Keystone", "Lighthouse", "Meridian", "Nordic",
    "Orion", "Polaris", "Quarry", "Riverside", "Sterling", "Trident", "Unity", "Vanguard", "Westfield", "Zenith",
]
_COMPANY_TRADES = [
    "Logistics", "Foods", "Engineering", "Retail", "Textiles", "Pharma", "Builders", "Media", "Analytics", "Motors",
    "Energy", "Furniture", "Labs", "Outfitters", "Supply", "Systems", "Packaging", "Marine", "Robotics", "Printing",
    "Hospitality", "Agritech", "Plastics", "Electronics", "Healthcare", "Interiors",
]
_COMPANY_FORMS = ["Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "AB", "Oy", "plc", "S.r.l.", "ApS"]
JOB_TITLES = [
    "Purchasing Manager", "Head of Operations", "CFO", "Accounts Payable Clerk", "Plant Manager", "IT Director",
    "Procurement Specialist", "CEO", "Office Manager", "Logistics Coordinator", "Quality Manager", "Buyer",
]


def person(rng: random.Random) -> tuple[str, str]:
    """A first and a last name."""
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


def email_local_part(first_name: str, last_name: str) -> str:
    return f"{_slug(first_name)}.{_slug(last_name)}"


def phone_number(rng: random.Random) -> str:
    return f"+{rng.choice(['31', '44', '46', '49', '33', '39'])} {rng.randint(10, 99)} {rng.randint(1000000, 9999999)}"


def company_names(rng: random.Random, count: int, *, trades: list[str] | None = None) -> list[str]:
    """`count` distinct company names; once the plain combinations run short a city tells them apart."""
    names: list[str] = []
    taken: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(_COMPANY_PREFIXES)} {rng.choice(trades or _COMPANY_TRADES)}"
        form = rng.choice(_COMPANY_FORMS)
        candidate = f"{name} {form}"
        if candidate in taken:
            candidate = f"{name} {rng.choice(CITIES)} {form}"
        if candidate in taken:
            candidate = f"{name} {rng.choice(CITIES)} {len(names) + 1} {form}"
        taken.add(candidate)
        names.append(candidate)
    return names


def short_name(company: str) -> str:
    """A company name without its legal form ("Atlas Foods GmbH" -> "Atlas Foods")."""
    return company.rsplit(" ", 1)[0] if " " in company else company


def web_domain(company: str) -> str:
    """A made-up domain for a company name, under the reserved .example TLD."""
    words = [_slug(word) for word in company.split()[:-1]] or [_slug(company)]
    return f"{'-'.join(word for word in words if word)}.example"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())
