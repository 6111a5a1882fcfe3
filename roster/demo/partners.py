"""Partner institutions of the seed's year: long-standing partners and new ones of 2021."""

import random

import sqlalchemy as sa
from sqlalchemy.orm import Session

from roster.actions.models import InstitutionKind, PartnerInstitution

# (name, acronym, country, kind, website)
PARTNERS: tuple[tuple[str, str | None, str, InstitutionKind, str | None], ...] = (
    (
        "Institut national de la statistique et de la démographie",
        "INStaD",
        "BJ",
        InstitutionKind.AGENCY,
        None,
    ),
    (
        "Ministère du Cadre de Vie et du Développement Durable",
        "MCVDD",
        "BJ",
        InstitutionKind.MINISTRY,
        None,
    ),
    (
        "Ministério da Justiça e Segurança Pública, Departamento de Migrações",
        "DEMIG",
        "BR",
        InstitutionKind.MINISTRY,
        None,
    ),
    (
        "Dirección General de Migración y Extranjería",
        "DGME",
        "CR",
        InstitutionKind.AGENCY,
        "https://www.migracion.go.cr",
    ),
    (
        "Coalición Nacional contra el Tráfico Ilícito de Migrantes y la Trata de Personas",
        "CONATT",
        "CR",
        InstitutionKind.OTHER,
        None,
    ),
    (
        "Unidad de Política Migratoria, Registro e Identidad de Personas",
        "UPMRIP",
        "MX",
        InstitutionKind.AGENCY,
        None,
    ),
    ("Comisión Mexicana de Ayuda a Refugiados", "COMAR", "MX", InstitutionKind.AGENCY, None),
    (
        "State Migration Service of Ukraine",
        "SMS",
        "UA",
        InstitutionKind.AGENCY,
        "https://dmsu.gov.ua",
    ),
    (
        "Public Service Development Agency, Ministry of Justice of Georgia",
        "PSDA",
        "GE",
        InstitutionKind.AGENCY,
        None,
    ),
    ("State Commission on Migration Issues", "SCMI", "GE", InstitutionKind.OTHER, None),
    (
        "Commissioner for Human Rights of the Republic of Kazakhstan",
        None,
        "KZ",
        InstitutionKind.OMBUDSPERSON,
        None,
    ),
    (
        "Ministry of Foreign Affairs, Regional Integration and International Trade",
        None,
        "MU",
        InstitutionKind.MINISTRY,
        None,
    ),
    (
        "General Inspectorate of Border Police",
        "IGPF",
        "MD",
        InstitutionKind.AGENCY,
        "https://www.border.gov.md",
    ),
    (
        "Common Market for Eastern and Southern Africa",
        "COMESA",
        "ZM",
        InstitutionKind.REGIONAL_BODY,
        "https://www.comesa.int",
    ),
    (
        "Economic Community of West African States Commission",
        "ECOWAS",
        "NG",
        InstitutionKind.REGIONAL_BODY,
        "https://www.ecowas.int",
    ),
    (
        "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic",
        None,
        "KG",
        InstitutionKind.MINISTRY,
        None,
    ),
    (
        "Migration Service of the Ministry of Labour, Migration and Employment of Population",
        None,
        "TJ",
        InstitutionKind.AGENCY,
        None,
    ),
    (
        "Agency for External Labour Migration of the Republic of Uzbekistan",
        None,
        "UZ",
        InstitutionKind.AGENCY,
        None,
    ),
)


def _contacts(acronym: str | None, country: str) -> str:
    handle = (acronym or country).lower()
    return (
        "International cooperation department (focal point for the facility)\n"
        f"cooperation@{handle}-partner.example.org"
    )


def seed_partners(session: Session, rng: random.Random, progress) -> int:
    """Add the partner institutions that are missing, matched by name."""
    known = set(session.scalars(sa.select(PartnerInstitution.name)))
    added = 0
    for name, acronym, country, kind, website in PARTNERS:
        if name not in known:
            session.add(
                PartnerInstitution(
                    name=name,
                    acronym=acronym,
                    country_code=country,
                    kind=kind,
                    website=website,
                    contacts=_contacts(acronym, country),
                )
            )
            added += 1
        progress(1)
    return added
