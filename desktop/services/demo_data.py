"""Synthetic Belgian data for demo vaults and benchmarks: names, towns, GPs, phones."""

from __future__ import annotations

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
# Zone prefixes of fixed lines by town code's first digit (rough but valid numbering)
ZONE_BY_POSTAL = {"5": "81", "6": "61", "4": "4", "7": "65", "1": "10", "9": "9", "8": "50",
                  "2": "3", "3": "16"}
