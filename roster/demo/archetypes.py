"""Kinds of profile: what each works on, where, in which languages; who comes from where."""


def weighted(text: str) -> list[str]:
    """Items separated by spaces; an item repeated is drawn more often."""
    return text.split()


# What each kind of profile works on, and where (weighted by repetition).
ARCHETYPES = {
    "latam": {
        "themes": "trafficking trafficking migrant-children migrant-children labour-migration "
        "asylum migration-data diaspora migration-governance smuggling legal-migration-integration",
        "countries": "CR CR MX MX MX BR BR GT HN SV CO EC PE AR CL DO PA PY UY",
        "lingua": ("es",),
    },
    "west_africa": {
        "themes": "environmental-migration environmental-migration migration-data migration-data "
        "return-reintegration border-management diaspora smuggling migration-development",
        "countries": "BJ BJ BJ SN SN CI GH NG NE ML BF TG GN CM MR",
        "lingua": ("fr",),
    },
    "central_asia": {
        "themes": "migrant-children migrant-children labour-migration labour-migration trafficking "
        "migration-governance diaspora border-management migration-health",
        "countries": "KZ KZ KZ KG KG TJ TJ UZ UZ TM MN",
        "lingua": ("ru",),
    },
    "neighbourhood": {
        "themes": "border-management border-management document-security asylum "
        "legal-migration-integration consular-services migration-governance return-reintegration",
        "countries": "MD MD UA UA UA GE GE AM AZ BY TN MA JO LB",
        "lingua": ("ru",),
    },
    "east_africa": {
        "themes": "trafficking border-management migration-health migration-health "
        "labour-migration smuggling migration-data",
        "countries": "MU MU KE KE ET UG TZ ZM ZM ZW MW RW DJ MZ SC",
        "lingua": ("fr", "sw"),
    },
    "mena": {
        "themes": "asylum asylum migrant-children smuggling labour-migration return-reintegration",
        "countries": "JO LB IQ TN MA EG",
        "lingua": ("ar", "fr"),
    },
    "global": {
        "themes": "asylum migration-governance migration-data legal-migration-integration "
        "migration-health return-reintegration document-security consular-services",
        "countries": "MD GE KZ BJ MX CR MU UA TN KG",
        "lingua": ("fr", "es", "de"),
    },
}

SPANISH_SPEAKING = {"ES", "MX", "CR", "CO", "AR", "PE", "CL"}
PARTNER_NATIONALITIES = set(
    weighted("MX CR CO AR PE CL BR SN BJ CI CM MA TN KZ KG UZ UA MD GE AM KE MU ZA GH")
)
RUSSIAN_SPEAKING = {"KZ", "KG", "UZ", "UA", "MD", "GE", "AM"}
CALLING_CODES = {
    "ES": "34",
    "FR": "33",
    "DE": "49",
    "IT": "39",
    "PT": "351",
    "NL": "31",
    "BE": "32",
    "PL": "48",
    "RO": "40",
    "GR": "30",
    "SE": "46",
    "AT": "43",
    "MX": "52",
    "CR": "506",
    "BR": "55",
    "SN": "221",
    "BJ": "229",
    "KZ": "7",
    "UA": "380",
    "MD": "373",
    "GE": "995",
}
