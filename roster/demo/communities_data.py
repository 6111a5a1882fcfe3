"""The demo's communities: what members wrote in 2021, in the language they wrote it in.

Authors are named by role: "partner" (the partner focal point, else staff), "staff", "expert"
(the demo expert), and "es1", "pt1", "en1"... (roster experts who speak that language).
"""

from datetime import datetime

LAC = {
    "name_en": "Latin America and the Caribbean partners",
    "name_fr": "Partenaires d'Amérique latine et des Caraïbes",
    "name_es": "Socios de América Latina y el Caribe",
    "description_en": (
        "A closed space where the facility's partner institutions in Latin America and the "
        "Caribbean exchange practice with each other and with experts: **protection of migrant "
        "children**, border management, labour migration. Write in Spanish, Portuguese or English."
    ),
    "description_fr": (
        "Un espace fermé où les institutions partenaires d'Amérique latine et des Caraïbes "
        "échangent leurs pratiques entre elles et avec des experts : **protection des enfants "
        "migrants**, gestion des frontières, migration de travail."
    ),
    "description_es": (
        "Un espacio cerrado donde las instituciones socias de América Latina y el Caribe "
        "intercambian prácticas entre sí y con expertos: **protección de la niñez migrante**, "
        "gestión de fronteras, migración laboral. Escriba en español, portugués o inglés."
    ),
    "is_open": False,
}

EXPERTS = {
    "name_en": "Experts' community",
    "name_fr": "Communauté des experts",
    "name_es": "Comunidad de expertos",
    "description_en": (
        "Open to every expert on the roster: ask peers, share tools and lessons from missions, "
        "and hear about webinars and open calls."
    ),
    "description_fr": (
        "Ouverte à tous les experts du fichier : interrogez vos pairs, partagez outils et "
        "enseignements de missions, et suivez webinaires et appels ouverts."
    ),
    "description_es": (
        "Abierta a todos los expertos del registro: pregunte a sus pares, comparta herramientas "
        "y lecciones de misiones, y entérese de seminarios web y convocatorias."
    ),
    "is_open": True,
}


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2021, month, day, hour, 0)


# (community key, title, language, [(author, when, body), ...]); the first post opens it.
THREADS = [
    (
        "lac",
        "Protección de niñas, niños y adolescentes migrantes no acompañados en frontera",
        "es",
        [
            (
                "partner",
                at(3, 8),
                "Buenos días a todas y todos. En nuestra frontera sur recibimos cada semana a "
                "niñas y niños que viajan solos. ¿Cómo organizan ustedes la **primera "
                "entrevista** y la derivación a los servicios de protección?\n\n"
                "- ¿Quién hace la evaluación del interés superior?\n"
                "- ¿En cuántas horas se nombra un tutor?",
            ),
            (
                "es1",
                at(3, 9),
                "En los países con los que he trabajado, lo que mejor funciona es un "
                "protocolo interinstitucional firmado: migración detecta, pero la evaluación "
                "del interés superior la hace la autoridad de protección de la infancia, nunca "
                "la policía de fronteras. Comparto una lista de verificación que usamos en "
                "talleres.",
            ),
            (
                "es2",
                at(3, 10, 15),
                "Añado: la entrevista debe hacerse en un espacio amigable, con intérprete y "
                "sin uniformes. Y registrar desde el inicio el contacto con la familia.",
            ),
            (
                "partner",
                at(3, 11),
                "Muchas gracias. Vamos a proponer un protocolo así en la mesa técnica de abril.",
            ),
        ],
    ),
    (
        "lac",
        "Medidas sanitárias de COVID-19 nas fronteiras: o que funcionou?",
        "pt",
        [
            (
                "pt1",
                at(5, 17),
                "Durante 2020 e 2021 as fronteiras terrestres fecharam e reabriram várias vezes. "
                "Que medidas permitiram manter a entrada de pessoas com necessidade de "
                "proteção, sem pôr em risco a saúde pública?",
            ),
            (
                "es1",
                at(5, 18),
                "En nuestra experiencia: testeo en el punto de entrada, cuarentena en albergues "
                "con espacios separados para familias y una excepción explícita para "
                "solicitantes de asilo en el decreto de cierre.",
            ),
            (
                "staff",
                at(5, 19),
                "The facility is preparing a regional exchange on exactly this question; the "
                "webinar with COMESA in September will share lessons from Africa too.",
            ),
        ],
    ),
    (
        "lac",
        "Age assessment of unaccompanied children: sharing practice",
        "en",
        [
            (
                "expert",
                at(6, 2),
                "Several partners asked about age assessment. The short version of current "
                "practice: *benefit of the doubt*, a multidisciplinary approach, and medical "
                "methods only as a last resort and never alone. Happy to answer questions here.",
            ),
            (
                "partner",
                at(6, 3),
                "Thank you. Could you share the guidance you mentioned in the workshop?",
            ),
        ],
    ),
    (
        "experts",
        "Facilitating online workshops with simultaneous interpretation",
        "en",
        [
            (
                "en1",
                at(2, 15),
                "Most of our activities moved online this year. What works for you with "
                "interpretation on video calls? I found that sending slides two days ahead "
                "to interpreters makes a big difference.",
            ),
            (
                "expert",
                at(2, 16),
                "Agreed. Also: a separate channel per language, and a short break every 45 "
                "minutes for the interpreters.",
            ),
            (
                "en2",
                at(2, 16, 14),
                "The toolkit module on online facilitation has a checklist for this.",
            ),
        ],
    ),
    (
        "experts",
        "Remote assessment missions: lessons learned",
        "en",
        [
            (
                "en2",
                at(7, 5),
                "For the first time we did a whole needs assessment remotely. Interviews "
                "worked; site visits did not. How do others replace the field visit?",
            ),
            (
                "en1",
                at(7, 6),
                "We asked the partner to film a short walk-through of the reception centre "
                "and discussed it together afterwards.",
            ),
        ],
    ),
    (
        "experts",
        "Introduce yourself",
        "en",
        [
            (
                "staff",
                at(1, 11),
                "Welcome to the experts' community. Tell the others who you are, what you "
                "work on and which languages you work in.",
            ),
            ("expert", at(1, 12), "Hello from Kazakhstan: border management and asylum."),
        ],
    ),
]

WEBINAR = {
    "community": "experts",
    "title": "COVID-19 and border management: regional webinar with COMESA",
    "description": (
        "A regional webinar co-organised with the Secretariat of the **Common Market for "
        "Eastern and Southern Africa (COMESA)**, with other regional organisations (ECOWAS) "
        "and EU experts, on what COVID-19 means for border management: health screening at "
        "crossings, trade corridors, and the protection of people on the move."
    ),
    "day": (2021, 9, 28),
    "start": (10, 0),
    "end": (12, 30),
    "timezone": "Africa/Lusaka",
    "format": "online",
    "join_url": "https://meet.example.org/comesa-covid-borders",
    "recording_url": "https://video.example.org/comesa-covid-borders-2021",
    "materials": (
        "- [Programme](https://example.org/webinar/programme.pdf)\n"
        "- [Presentations](https://example.org/webinar/presentations.pdf)\n"
        "- Conclusions: keep crossings open for essential movement with health measures; "
        "share data between neighbouring countries."
    ),
    "registered": ("expert", "en1", "en2", "pt1"),
}
