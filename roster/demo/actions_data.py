"""The facility's Actions of 2021 (and their neighbours in 2019, 2020 and 2022), as data.

Told by the seed (its 2021 retrospective): 11 Actions implemented in 2021, two concluded;
30 activities in 2021, most online because of COVID-19; long-standing partners in Benin,
Brazil, Costa Rica and Mexico, new institutions in Ukraine, Georgia and Kazakhstan; an
awareness session in February 2021 that brought four requests from Central Asia, three of
which became Actions. The 2019 Benin Action (concluded in 2020) and the Uzbek Action (accepted
late in 2021, started in 2022) are there to show what "implemented in 2021" leaves out.
"""

from datetime import date as d

# Partner institutions by name: (acronym, country, kind). The demo's partner step seeds the
# same names; these are only added when missing.
PARTNERS = {
    "Institut national de la statistique et de la démographie": ("INStaD", "BJ", "agency"),
    "Ministère du Cadre de Vie et du Développement Durable": ("MCVDD", "BJ", "ministry"),
    "Ministério da Justiça e Segurança Pública, Departamento de Migrações": (
        "DEMIG",
        "BR",
        "ministry",
    ),
    "Dirección General de Migración y Extranjería": ("DGME", "CR", "agency"),
    "Comisión Mexicana de Ayuda a Refugiados": ("COMAR", "MX", "agency"),
    "State Migration Service of Ukraine": ("SMS", "UA", "agency"),
    "Public Service Development Agency, Ministry of Justice of Georgia": ("PSDA", "GE", "agency"),
    "Commissioner for Human Rights of the Republic of Kazakhstan": (None, "KZ", "ombudsperson"),
    "Ministry of Foreign Affairs, Regional Integration and International Trade": (
        None,
        "MU",
        "ministry",
    ),
    "General Inspectorate of Border Police": ("IGPF", "MD", "agency"),
    "Common Market for Eastern and Southern Africa": ("COMESA", "ZM", "regional_body"),
    "Economic Community of West African States Commission": ("ECOWAS", "NG", "regional_body"),
    "Ministry of Labour, Social Security and Migration of the Kyrgyz Republic": (
        None,
        "KG",
        "ministry",
    ),
    "Migration Service of the Ministry of Labour, Migration and Employment of Population": (
        None,
        "TJ",
        "agency",
    ),
    "Agency for External Labour Migration of the Republic of Uzbekistan": (None, "UZ", "agency"),
}

AWARENESS = "Awareness session Central Asia, Feb 2021"

# Activity rows: (start, end or None, kind, format, title, place, participants, notes)
ACTIONS = [
    {
        "code": "BJ-2019-01",
        "title": "Environmental migration: understanding mobility linked to climate change",
        "country": "BJ",
        "partners": ["Ministère du Cadre de Vie et du Développement Durable"],
        "themes": ["environmental-migration"],
        "languages": ["fr"],
        "dates": (d(2019, 9, 1), d(2020, 10, 30)),
        "history": [
            (d(2019, 6, 14), "planned", None),
            (d(2019, 9, 2), "needs_assessment", None),
            (d(2020, 1, 15), "implementation", None),
            (d(2020, 10, 30), "concluded", "Final report delivered; a follow-up on data asked."),
        ],
        "summary": "Support the ministry in mapping how climate change drives internal and "
        "cross-border mobility in Benin, and in building it into national adaptation policy.",
        "activities": [
            (
                d(2020, 2, 11),
                d(2020, 2, 13),
                "workshop",
                "in_person",
                "Mapping workshop",
                "Cotonou",
                28,
                "Experts and ministry staff mapped the regions most exposed to "
                "coastal erosion and drought and the movements they cause.",
            ),
            (
                d(2020, 9, 22),
                None,
                "webinar",
                "online",
                "Closing webinar",
                "Online",
                40,
                "Moved online because of COVID-19; conclusions handed to the ministry.",
            ),
        ],
    },
    {
        "code": "BJ-2020-01",
        "title": "Migration, climate change and data management",
        "country": "BJ",
        "partners": [
            "Institut national de la statistique et de la démographie",
            "Ministère du Cadre de Vie et du Développement Durable",
        ],
        "themes": ["environmental-migration", "migration-data"],
        "languages": ["fr"],
        "dates": (d(2021, 1, 20), d(2022, 3, 15)),
        "history": [
            (
                d(2020, 11, 10),
                "planned",
                "Builds on the previous Action on environmental migration.",
            ),
            (d(2021, 1, 20), "implementation", None),
            (d(2022, 3, 15), "concluded", "Data tools handed over to INStaD."),
        ],
        "summary": "Building on the previous Action on migration and climate change, help "
        "the statistics institute and the environment ministry collect, share and use data "
        "on environment-related migration.",
        "activities": [
            (
                d(2021, 2, 16),
                None,
                "webinar",
                "online",
                "Sources of data on environmental migration",
                "Online",
                35,
                "Kick-off of the second phase, online because of COVID-19: the "
                "partners listed the surveys and registers that already hold mobility data.",
            ),
            (
                d(2021, 4, 13),
                d(2021, 4, 15),
                "training",
                "online",
                "Training on migration statistics",
                "Online",
                24,
                "Statisticians trained on measuring environment-related moves in "
                "household surveys, with exercises on Benin's own data.",
            ),
            (
                d(2021, 6, 8),
                None,
                "coordination",
                "online",
                "Technical working group on data sharing",
                "Online",
                14,
                "Agreement on which indicators the two institutions will exchange.",
            ),
            (
                d(2021, 9, 21),
                d(2021, 9, 23),
                "workshop",
                "hybrid",
                "Workshop: from discussions to data tools",
                "Cotonou",
                32,
                "A workshop facilitated the discussions that are now being turned "
                "into tools to manage data on environment-related migration; the Action is nearing "
                "its end.",
            ),
            (
                d(2022, 2, 15),
                None,
                "webinar",
                "online",
                "Hand-over of the data tools",
                "Online",
                30,
                "Closing session: the tools were handed over to the statistics institute.",
            ),
        ],
    },
    {
        "code": "BR-2020-01",
        "title": "Labour migration and the integration of migrants in the labour market",
        "country": "BR",
        "partners": ["Ministério da Justiça e Segurança Pública, Departamento de Migrações"],
        "themes": ["labour-migration", "legal-migration-integration"],
        "languages": ["pt", "es", "en"],
        "dates": (d(2021, 2, 1), d(2022, 6, 30)),
        "history": [
            (d(2020, 7, 6), "planned", None),
            (d(2020, 9, 14), "needs_assessment", None),
            (d(2021, 2, 1), "implementation", None),
        ],
        "summary": "Peer exchange with EU labour and migration administrations on recognising "
        "migrants' qualifications and opening the labour market to them, including those who "
        "arrived during the COVID-19 crisis.",
        "activities": [
            (
                d(2020, 11, 17),
                None,
                "needs_assessment",
                "online",
                "Online needs assessment",
                "Online",
                18,
                "Interviews with the department and labour authorities, online "
                "because of COVID-19.",
            ),
            (
                d(2021, 3, 23),
                None,
                "webinar",
                "online",
                "Recognition of foreign qualifications",
                "Online",
                60,
                "EU experts presented how their administrations recognise diplomas "
                "of migrants and refugees.",
            ),
            (
                d(2021, 5, 18),
                d(2021, 5, 20),
                "training",
                "online",
                "Training of labour inspectors",
                "Online",
                45,
                "Labour inspectors trained on the rights of migrant workers and on "
                "spotting exploitation in the sectors hit by the pandemic.",
            ),
            (
                d(2021, 8, 24),
                None,
                "workshop",
                "online",
                "Workshop on labour market integration",
                "Online",
                38,
                "Municipalities and the federal department compared local integration programmes.",
            ),
            (
                d(2021, 11, 9),
                d(2021, 11, 10),
                "training",
                "online",
                "Training on job-matching services",
                "Online",
                41,
                "Employment services trained on matching migrants' skills to vacancies.",
            ),
        ],
    },
    {
        "code": "CR-2020-01",
        "title": "Migration and health: access of migrants to health care during COVID-19",
        "country": "CR",
        "partners": ["Dirección General de Migración y Extranjería"],
        "themes": ["migration-health"],
        "languages": ["es"],
        "dates": (d(2020, 9, 1), d(2021, 6, 30)),
        "history": [
            (d(2020, 5, 11), "planned", None),
            (d(2020, 9, 1), "implementation", None),
            (d(2021, 6, 30), "concluded", "Protocol adopted; Action concluded."),
        ],
        "summary": "Help the migration authority and health services agree how migrants, "
        "whatever their status, reach testing, care and vaccination during the pandemic.",
        "activities": [
            (
                d(2021, 1, 26),
                None,
                "webinar",
                "online",
                "Migrants' access to COVID-19 care",
                "Online",
                55,
                "EU and Costa Rican officials compared how migrants reach testing "
                "and care during the pandemic.",
            ),
            (
                d(2021, 3, 16),
                d(2021, 3, 18),
                "training",
                "online",
                "Training of frontline staff",
                "Online",
                48,
                "Migration and health staff trained on referral of migrants to health services.",
            ),
            (
                d(2021, 5, 25),
                None,
                "workshop",
                "online",
                "Closing workshop: inter-institutional protocol",
                "Online",
                36,
                "The partners validated a protocol between migration and health "
                "services; the Action concluded in June.",
            ),
        ],
    },
    {
        "code": "MX-2020-01",
        "title": "International protection: strengthening refugee status determination",
        "country": "MX",
        "partners": ["Comisión Mexicana de Ayuda a Refugiados"],
        "themes": ["asylum"],
        "languages": ["es"],
        "dates": (d(2021, 3, 1), d(2022, 9, 30)),
        "history": [
            (d(2020, 8, 3), "planned", None),
            (d(2020, 10, 5), "needs_assessment", None),
            (d(2021, 3, 1), "implementation", None),
        ],
        "summary": "Support the refugee commission in handling a growing number of asylum "
        "claims: case management, country-of-origin information and interview techniques.",
        "activities": [
            (
                d(2020, 12, 1),
                d(2020, 12, 3),
                "needs_assessment",
                "online",
                "Online needs assessment",
                "Online",
                16,
                "Assessment of case management and training needs, held online.",
            ),
            (
                d(2021, 2, 23),
                None,
                "webinar",
                "online",
                "Country-of-origin information",
                "Online",
                70,
                "EU asylum officers shared how they research and use "
                "country-of-origin information.",
            ),
            (
                d(2021, 4, 20),
                d(2021, 4, 22),
                "training",
                "online",
                "Training on interview techniques",
                "Online",
                32,
                "Eligibility officers trained on credibility assessment and "
                "interviewing vulnerable applicants, remotely because of COVID-19.",
            ),
            (
                d(2021, 7, 13),
                None,
                "workshop",
                "online",
                "Workshop on case prioritisation",
                "Online",
                27,
                "Options to reduce the backlog of claims were discussed.",
            ),
            (
                d(2021, 10, 19),
                d(2021, 10, 21),
                "training",
                "hybrid",
                "Training of trainers",
                "Mexico City",
                22,
                "A first group of COMAR trainers prepared to pass the "
                "techniques on to regional offices.",
            ),
        ],
    },
    {
        "code": "ZM-2021-01",
        "title": "COVID-19 and border management: regional exchange with COMESA and ECOWAS",
        "country": "ZM",
        "partners": [
            "Common Market for Eastern and Southern Africa",
            "Economic Community of West African States Commission",
        ],
        "themes": ["border-management", "migration-health"],
        "languages": ["en", "fr"],
        "dates": (d(2021, 5, 1), d(2021, 10, 29)),
        "history": [
            (d(2021, 3, 15), "planned", None),
            (d(2021, 5, 3), "implementation", None),
            (d(2021, 10, 29), "concluded", "Regional webinar held; recommendations shared."),
        ],
        "summary": "A regional exchange, co-organised with the COMESA Secretariat, on what "
        "COVID-19 means for border management, with other regional organisations (ECOWAS) "
        "and EU experts.",
        "activities": [
            (
                d(2021, 6, 15),
                None,
                "coordination",
                "online",
                "Preparatory meeting with both secretariats",
                "Online",
                12,
                "COMESA and ECOWAS agreed the programme of the regional webinar.",
            ),
            (
                d(2021, 9, 28),
                None,
                "webinar",
                "online",
                "Regional webinar: COVID-19 and border management",
                "Online",
                110,
                "A regional webinar co-organised with the COMESA Secretariat brought "
                "together other regional organisations (ECOWAS) and EU experts to exchange on "
                "COVID-19 and its implications for border management.",
            ),
        ],
    },
    {
        "code": "MD-2021-01",
        "title": "Integrated border management",
        "country": "MD",
        "partners": ["General Inspectorate of Border Police"],
        "themes": ["border-management"],
        "languages": ["ro", "en"],
        "dates": (d(2021, 3, 10), d(2022, 12, 31)),
        "history": [
            (d(2021, 2, 15), "planned", None),
            (d(2021, 3, 10), "needs_assessment", None),
            (d(2021, 11, 15), "implementation", "Needs assessment completed."),
        ],
        "summary": "Support the border police in aligning integrated border management with "
        "EU standards: risk analysis, inter-agency cooperation and training.",
        "activities": [
            (
                d(2021, 3, 24),
                None,
                "coordination",
                "online",
                "Launch of the Action",
                "Online",
                20,
                "The Action was launched with the border police and the EU Delegation.",
            ),
            (
                d(2021, 6, 7),
                d(2021, 6, 11),
                "needs_assessment",
                "online",
                "Assessment of capacities and training needs",
                "Online",
                26,
                "Remote interviews with headquarters and regional directorates.",
            ),
            (
                d(2021, 10, 12),
                d(2021, 10, 13),
                "workshop",
                "hybrid",
                "Validation of the needs assessment",
                "Chișinău",
                30,
                "The assessment of capacities and training needs was completed and "
                "validated with the partner.",
            ),
        ],
    },
    {
        "code": "UA-2021-01",
        "title": "Migration data and analysis for migration policy",
        "country": "UA",
        "partners": ["State Migration Service of Ukraine"],
        "themes": ["migration-data", "migration-governance"],
        "languages": ["uk", "en"],
        "dates": (d(2021, 7, 1), d(2022, 12, 31)),
        "history": [
            (d(2021, 5, 17), "planned", None),
            (d(2021, 7, 1), "needs_assessment", None),
            (d(2021, 12, 6), "implementation", None),
        ],
        "summary": "A first Action with a new partner institution: help the migration service "
        "turn its registers into analysis that informs policy.",
        "activities": [
            (
                d(2021, 7, 8),
                None,
                "coordination",
                "online",
                "Launch meeting",
                "Online",
                15,
                "First Action with the State Migration Service, a new partner institution.",
            ),
            (
                d(2021, 9, 14),
                d(2021, 9, 16),
                "needs_assessment",
                "online",
                "Assessment of capacities and training needs",
                "Online",
                18,
                "The analysis unit and regional offices described their data flows.",
            ),
            (
                d(2021, 12, 7),
                d(2021, 12, 8),
                "workshop",
                "hybrid",
                "Workshop on migration analysis",
                "Kyiv",
                25,
                "Analysts practised building indicators from the service's registers.",
            ),
        ],
    },
    {
        "code": "GE-2021-01",
        "title": "Diaspora engagement and reintegration of returning migrants",
        "country": "GE",
        "partners": ["Public Service Development Agency, Ministry of Justice of Georgia"],
        "themes": ["diaspora", "return-reintegration"],
        "languages": ["ka", "en"],
        "dates": (d(2021, 5, 10), d(2022, 10, 31)),
        "history": [
            (d(2021, 4, 12), "planned", None),
            (d(2021, 5, 10), "needs_assessment", None),
        ],
        "summary": "With a new partner institution in Georgia, look at how public services "
        "reach the diaspora and support returning migrants.",
        "activities": [
            (
                d(2021, 5, 26),
                None,
                "coordination",
                "online",
                "Launch meeting",
                "Online",
                12,
                "First exchange with a new partner institution in Georgia.",
            ),
            (
                d(2021, 11, 16),
                d(2021, 11, 18),
                "needs_assessment",
                "online",
                "Assessment of capacities and training needs",
                "Online",
                19,
                "Interviews on services for the diaspora and returning migrants.",
            ),
        ],
    },
    {
        "code": "MU-2021-01",
        "title": "Strengthening national capacities against trafficking in human beings",
        "country": "MU",
        "partners": ["Ministry of Foreign Affairs, Regional Integration and International Trade"],
        "themes": ["trafficking"],
        "languages": ["en", "fr"],
        "dates": (d(2021, 9, 1), d(2022, 12, 31)),
        "history": [
            (d(2021, 7, 20), "planned", None),
            (d(2021, 9, 1), "needs_assessment", None),
        ],
        "summary": "Strengthen the capacities of the national authorities to fight "
        "trafficking in human beings: identification, referral and prosecution.",
        "activities": [
            (
                d(2021, 9, 28),
                None,
                "coordination",
                "online",
                "Preparatory meeting",
                "Online",
                10,
                "Scope of the assessment agreed with the ministry and the police.",
            ),
            (
                d(2021, 11, 8),
                d(2021, 11, 12),
                "needs_assessment",
                "in_person",
                "Assessment of capacities and training needs",
                "Port Louis",
                34,
                "Experts carried out an assessment of capacities and training needs in November "
                "2021, preparing the ground for strengthening the national authorities' capacities "
                "against trafficking in human beings.",
            ),
            (
                d(2022, 3, 21),
                d(2022, 3, 24),
                "training",
                "in_person",
                "Training on the identification of victims",
                "Port Louis",
                30,
                "First training following the assessment.",
            ),
        ],
    },
    {
        "code": "KG-2021-01",
        "title": "Labour migration: protection of Kyrgyz migrant workers abroad",
        "country": "KG",
        "partners": ["Ministry of Labour, Social Security and Migration of the Kyrgyz Republic"],
        "themes": ["labour-migration", "return-reintegration"],
        "languages": ["ru", "en"],
        "dates": (d(2021, 6, 1), d(2022, 12, 31)),
        "history": [
            (d(2021, 4, 20), "planned", "Request from the February 2021 awareness session."),
            (d(2021, 6, 1), "needs_assessment", None),
        ],
        "summary": "Pre-departure information, consular protection and reintegration of "
        "returning labour migrants.",
        "activities": [
            (
                d(2021, 6, 22),
                None,
                "coordination",
                "online",
                "Launch meeting",
                "Online",
                14,
                "One of the Actions born from the February 2021 awareness session in Central Asia.",
            ),
            (
                d(2021, 10, 5),
                d(2021, 10, 7),
                "needs_assessment",
                "online",
                "Assessment of capacities and training needs",
                "Online",
                21,
                "Remote assessment with the ministry and its migrant resource centres.",
            ),
        ],
    },
    {
        "code": "KZ-2021-01",
        "title": "Rights of migrant children and their families in the Almaty region",
        "country": "KZ",
        "partners": ["Commissioner for Human Rights of the Republic of Kazakhstan"],
        "themes": ["migrant-children"],
        "languages": ["ru", "en"],
        "dates": (d(2021, 12, 1), d(2023, 6, 30)),
        "history": [
            (d(2021, 4, 20), "planned", "Request from the February 2021 awareness session."),
            (d(2021, 9, 6), "needs_assessment", None),
            (d(2021, 12, 1), "implementation", None),
        ],
        "summary": "Support the Commissioner for Human Rights and civil-society partners in "
        "promoting the rights of migrant children and their families in the Almaty region.",
        "activities": [
            (
                d(2021, 12, 14),
                None,
                "coordination",
                "hybrid",
                "Launch of the Action",
                "Almaty",
                26,
                "The Action, starting at the end of 2021, brings the Commissioner for Human Rights "
                "and civil-society partners together to promote the rights of migrant children and "
                "their families in the Almaty region.",
            ),
            (
                d(2022, 2, 22),
                d(2022, 2, 24),
                "workshop",
                "in_person",
                "Workshop on access of migrant children to school and health care",
                "Almaty",
                30,
                "Civil society and the Commissioner's office reviewed cases and referral paths.",
            ),
        ],
    },
    {
        "code": "UZ-2021-01",
        "title": "Safe and orderly labour migration: pre-departure orientation",
        "country": "UZ",
        "partners": ["Agency for External Labour Migration of the Republic of Uzbekistan"],
        "themes": ["labour-migration"],
        "languages": ["ru", "en"],
        "dates": (d(2022, 2, 1), d(2023, 3, 31)),
        "history": [
            (d(2021, 11, 22), "planned", "Request from the February 2021 awareness session."),
            (d(2022, 2, 1), "needs_assessment", None),
        ],
        "summary": "Help the agency prepare labour migrants before departure and protect them "
        "in countries of destination.",
        "activities": [
            (
                d(2022, 3, 15),
                d(2022, 3, 17),
                "needs_assessment",
                "online",
                "Assessment of capacities and training needs",
                "Online",
                17,
                "Remote assessment of the agency's pre-departure centres.",
            ),
        ],
    },
]
