"""Reference data: the facility's thematic areas, its regions and the countries in each.

Regions follow the facility's own reporting (its 2021 retrospective): Asia (with Central
Asia), East and Southern Africa, the EU Neighbourhood (the Eastern Partnership and the
southern neighbourhood around the Mediterranean), Latin America and the Caribbean, and
West and Central Africa. The rest of the Middle East (Iraq, Iran, Yemen, the Gulf) has its
own region, since the Mediterranean countries already sit in the EU Neighbourhood.

A "europe" region holds EU Member States and the other European countries: it is not a
partner region, but experts' experience there (a Greek asylum service, a Polish border
guard) is worth showing and filtering on. Countries outside all of these (North America,
Oceania, uninhabited and dependent territories) have no region.
"""

# (slug, English, French, Spanish)
THEMES: tuple[tuple[str, str, str, str], ...] = (
    ("migration-health", "Migration and health", "Migration et santé", "Migración y salud"),
    (
        "asylum",
        "International protection and asylum",
        "Protection internationale et asile",
        "Protección internacional y asilo",
    ),
    (
        "environmental-migration",
        "Environmental migration",
        "Migration environnementale",
        "Migración ambiental",
    ),
    (
        "trafficking",
        "Trafficking in human beings",
        "Traite des êtres humains",
        "Trata de seres humanos",
    ),
    (
        "border-management",
        "Integrated border management",
        "Gestion intégrée des frontières",
        "Gestión integrada de fronteras",
    ),
    (
        "migrant-children",
        "Rights of migrant children",
        "Droits des enfants migrants",
        "Derechos de la niñez migrante",
    ),
    ("labour-migration", "Labour migration", "Migration de travail", "Migración laboral"),
    ("migration-data", "Migration data", "Données migratoires", "Datos migratorios"),
    (
        "return-reintegration",
        "Return and reintegration",
        "Retour et réintégration",
        "Retorno y reintegración",
    ),
    (
        "diaspora",
        "Diaspora engagement",
        "Mobilisation de la diaspora",
        "Vinculación con la diáspora",
    ),
    (
        "legal-migration-integration",
        "Legal migration and integration",
        "Migration légale et intégration",
        "Migración regular e integración",
    ),
    (
        "smuggling",
        "Smuggling of migrants",
        "Trafic illicite de migrants",
        "Tráfico ilícito de migrantes",
    ),
    (
        "migration-governance",
        "Migration governance and policy",
        "Gouvernance et politiques migratoires",
        "Gobernanza y políticas migratorias",
    ),
    ("consular-services", "Consular services", "Services consulaires", "Servicios consulares"),
    (
        "document-security",
        "Document security and identity management",
        "Sécurité des documents et gestion de l'identité",
        "Seguridad documental y gestión de la identidad",
    ),
    (
        "migration-development",
        "Migration and development",
        "Migration et développement",
        "Migración y desarrollo",
    ),
)

# (slug, English, French, Spanish)
REGIONS: tuple[tuple[str, str, str, str], ...] = (
    ("asia", "Asia", "Asie", "Asia"),
    (
        "east-southern-africa",
        "East and Southern Africa",
        "Afrique orientale et australe",
        "África Oriental y Austral",
    ),
    ("eu-neighbourhood", "EU Neighbourhood", "Voisinage de l'UE", "Vecindad de la UE"),
    (
        "latin-america-caribbean",
        "Latin America and the Caribbean",
        "Amérique latine et Caraïbes",
        "América Latina y el Caribe",
    ),
    (
        "west-central-africa",
        "West and Central Africa",
        "Afrique occidentale et centrale",
        "África Occidental y Central",
    ),
    (
        "middle-east-north-africa",
        "Middle East and the Gulf",
        "Moyen-Orient et Golfe",
        "Oriente Medio y el Golfo",
    ),
    ("europe", "Europe", "Europe", "Europa"),
)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# ISO 3166-1 alpha-2 codes per region slug.
REGION_COUNTRIES: dict[str, tuple[str, ...]] = {
    "asia": _codes(
        # Central Asia, South Asia, South-East Asia, East Asia
        "KZ KG TJ TM UZ AF BD BT IN LK MV NP PK BN ID KH LA MM MY PH SG TH TL VN "
        "CN HK JP KP KR MN MO TW"
    ),
    "east-southern-africa": _codes(
        "BI DJ ER ET KE KM MG MU MW MZ RW SC SD SO SS TZ UG ZM ZW AO BW LS NA SZ ZA"
    ),
    "eu-neighbourhood": _codes(
        # Eastern Partnership, then the southern neighbourhood
        "AM AZ BY GE MD UA DZ EG IL JO LB LY MA PS SY TN"
    ),
    "latin-america-caribbean": _codes(
        "AR BO BR CL CO CR CU DO EC GT HN HT MX NI PA PE PY SV UY VE "
        "AG BB BS BZ DM GD GY JM KN LC SR TT VC"
    ),
    "west-central-africa": _codes(
        "BF BJ CI CV GH GM GN GW LR ML MR NE NG SL SN TG CD CF CG CM GA GQ ST TD"
    ),
    "middle-east-north-africa": _codes("AE BH IQ IR KW OM QA SA YE"),
    "europe": _codes(
        # EU Member States, EFTA and the UK, small states, enlargement countries, Russia
        "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK "
        "CH GB IS LI NO AD MC SM VA AL BA ME MK RS TR RU"
    ),
}


def region_of_country() -> dict[str, str]:
    """Map each country code with a region to its region slug."""
    return {code: slug for slug, codes in REGION_COUNTRIES.items() for code in codes}
