"""Synthetic Belgian data for demo vaults and benchmarks: names, towns, GPs, phones."""

from __future__ import annotations

import random

FAMILY_NAMES_FR = [
    "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Lejeune", "Renard", "Leclercq",
    "Collard", "Denis", "François", "Gilson", "Hubert", "Jacquet", "Lemaire", "Mathieu", "Michaux",
    "Noël", "Pirson", "Remy", "Thiry", "Wauters", "Delvaux", "Dethier", "Gérard", "Goffin",
    "Hennuy", "Lefèvre", "Marchal", "Piette", "Rousseau", "Servais", "Wilmotte", "Degrève",
]
FAMILY_NAMES_NL = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
    "De Smet", "Vermeulen", "Van den Broeck", "Vanden Broucke", "De Clercq", "Verstraete",
    "Van Damme", "Desmet", "Vandenberghe", "Coppens", "Hermans", "Michiels", "Aerts", "Smets",
    "Van Acker", "De Backer", "Lemmens", "Verhoeven", "Cools", "Dewulf", "Van de Velde",
]
GIVEN_FEMALE_FR = ["Marie", "Jeanne", "Monique", "Ghislaine", "Josiane", "Françoise", "Ève",
                   "Léa", "Nadine", "Hélène", "Brigitte", "Renée", "Andrée", "Solange", "Céline"]
GIVEN_MALE_FR = ["Jean", "André", "Joseph", "Marcel", "René", "Jacques", "Michel", "Léon",
                 "Émile", "Francis", "Guy", "Raymond", "Yves", "Noël", "Gérard"]
GIVEN_FEMALE_NL = ["Maria", "Godelieve", "Agnes", "Rita", "Lutgarde", "Annick", "Els", "Mieke",
                   "Hilde", "Rosa", "Liliane", "Paula"]
GIVEN_MALE_NL = ["Jozef", "Frans", "Willy", "Marc", "Luc", "Dirk", "Jan", "Koen", "Gilbert",
                 "Roger", "Etienne", "Wim"]

# (postal code, town, region) — real Belgian postal codes, with rural towns over-represented
TOWNS_FR = [
    ("5000", "Namur"), ("5100", "Jambes"), ("5300", "Andenne"), ("5500", "Dinant"),
    ("5570", "Beauraing"), ("5580", "Rochefort"), ("5600", "Philippeville"), ("5660", "Couvin"),
    ("6600", "Bastogne"), ("6690", "Vielsalm"), ("6700", "Arlon"), ("6800", "Libramont-Chevigny"),
    ("6830", "Bouillon"), ("6900", "Marche-en-Famenne"), ("6940", "Durbuy"), ("4000", "Liège"),
    ("4500", "Huy"), ("4800", "Verviers"), ("4960", "Malmedy"), ("7000", "Mons"),
    ("7500", "Tournai"), ("6000", "Charleroi"), ("1300", "Wavre"), ("1400", "Nivelles"),
    ("1348", "Louvain-la-Neuve"), ("5190", "Jemeppe-sur-Sambre"), ("6460", "Chimay"),
]
TOWNS_NL = [
    ("9000", "Gent"), ("8000", "Brugge"), ("2000", "Antwerpen"), ("3000", "Leuven"),
    ("3500", "Hasselt"), ("8500", "Kortrijk"), ("8900", "Ieper"), ("8630", "Veurne"),
    ("9600", "Ronse"), ("9700", "Oudenaarde"), ("3900", "Pelt"), ("3680", "Maaseik"),
    ("2400", "Mol"), ("2300", "Turnhout"), ("9100", "Sint-Niklaas"), ("8800", "Roeselare"),
    ("3290", "Diest"), ("8970", "Poperinge"), ("9990", "Maldegem"),
]
STREETS_FR = ["Rue de la Station", "Rue du Moulin", "Chaussée de Marche", "Rue de l'Église",
              "Rue des Écoles", "Place Communale", "Rue du Village", "Avenue des Tilleuls",
              "Rue Haute", "Chemin des Prés", "Rue Saint-Éloi", "Rue de Bastogne"]
STREETS_NL = ["Stationsstraat", "Kerkstraat", "Molenstraat", "Dorpsstraat", "Schoolstraat",
              "Nieuwstraat", "Kapelstraat", "Veldstraat", "Beekstraat", "Lindenlaan"]
MUTUALITES_FR = ["Mutualité chrétienne", "Solidaris", "Partenamut", "Mutualité libérale",
                 "Mutualité neutre"]
MUTUALITES_NL = ["CM", "Solidaris", "Helan", "Liberale Mutualiteit", "Neutraal Ziekenfonds"]
# The telephone zone of each demo town (without the leading 0): a fixed line in Ieper starts 057
ZONE_BY_POSTAL = {
    "5000": "81", "5100": "81", "5300": "85", "5500": "82", "5570": "82", "5580": "84",
    "5600": "71", "5660": "60", "6600": "61", "6690": "80", "6700": "63", "6800": "61",
    "6830": "61", "6900": "84", "6940": "86", "4000": "4", "4500": "85", "4800": "87",
    "4960": "80", "7000": "65", "7500": "69", "6000": "71", "1300": "10", "1400": "67",
    "1348": "10", "5190": "71", "6460": "60",
    "9000": "9", "8000": "50", "2000": "3", "3000": "16", "3500": "11", "8500": "56",
    "8900": "57", "8630": "58", "9600": "55", "9700": "55", "3900": "11", "3680": "89",
    "2400": "14", "2300": "14", "9100": "3", "8800": "51", "3290": "13", "8970": "57",
    "9990": "50",
}


def mobile_phone(rng: random.Random) -> str:
    """A Belgian mobile number (E.164): 0470 to 0499."""
    return f"+324{rng.choice('5789')}{rng.randrange(10**7):07d}"


def fixed_phone(rng: random.Random, postal: str) -> str:
    """A fixed line (E.164) in the telephone zone of the town: 8 national digits after the 0."""
    zone = ZONE_BY_POSTAL.get(postal, "2")
    rest = 8 - len(zone)
    # a subscriber number starts with 2 or 3 (04 4… to 04 9… and 09 5… are not fixed lines)
    return f"+32{zone}{rng.randrange(2 * 10 ** (rest - 1), 4 * 10 ** (rest - 1))}"
