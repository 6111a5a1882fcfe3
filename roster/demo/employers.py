"""Where the invented experts work: real kinds of institutions, named as in their country."""

# The kind of institution that an expert's main theme points to.
THEME_FUNCTION = {
    "migration-health": "health",
    "asylum": "asylum",
    "environmental-migration": "development",
    "trafficking": "police",
    "border-management": "border",
    "migrant-children": "children",
    "labour-migration": "labour",
    "migration-data": "statistics",
    "return-reintegration": "interior",
    "diaspora": "foreign",
    "legal-migration-integration": "interior",
    "smuggling": "police",
    "migration-governance": "interior",
    "consular-services": "foreign",
    "document-security": "border",
    "migration-development": "development",
}

NATIONAL = {
    "ES": {
        "interior": "Ministerio del Interior",
        "asylum": "Oficina de Asilo y Refugio",
        "border": "Policía Nacional, Comisaría General de Extranjería y Fronteras",
        "police": "Guardia Civil, Unidad Técnica de Policía Judicial",
        "children": "Dirección General de Derechos de la Infancia y de la Adolescencia",
        "labour": "Inspección de Trabajo y Seguridad Social",
        "statistics": "Instituto Nacional de Estadística",
        "health": "Ministerio de Sanidad",
        "foreign": "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación",
        "development": "Agencia Española de Cooperación Internacional para el Desarrollo",
    },
    "FR": {
        "interior": "Direction générale des étrangers en France",
        "asylum": "Office français de protection des réfugiés et apatrides",
        "border": "Direction nationale de la police aux frontières",
        "police": "Office central pour la répression de la traite des êtres humains",
        "children": "Défenseur des droits, pôle Défense des enfants",
        "labour": "Direction générale du travail",
        "statistics": "Institut national de la statistique et des études économiques",
        "health": "Santé publique France",
        "foreign": "Ministère de l'Europe et des Affaires étrangères",
        "development": "Agence française de développement",
    },
    "DE": {
        "interior": "Bundesministerium des Innern und für Heimat",
        "asylum": "Bundesamt für Migration und Flüchtlinge",
        "border": "Bundespolizei",
        "police": "Bundeskriminalamt",
        "children": "Bundesministerium für Familie, Senioren, Frauen und Jugend",
        "labour": "Bundesagentur für Arbeit",
        "statistics": "Statistisches Bundesamt",
        "health": "Robert Koch-Institut",
        "foreign": "Auswärtiges Amt",
        "development": "Deutsche Gesellschaft für Internationale Zusammenarbeit",
    },
    "IT": {
        "interior": "Ministero dell'Interno, Dipartimento per le libertà civili e l'immigrazione",
        "asylum": "Commissione Nazionale per il Diritto di Asilo",
        "border": "Polizia di Stato, Direzione Centrale dell'Immigrazione e della Polizia delle "
        "Frontiere",
        "police": "Arma dei Carabinieri",
        "children": "Autorità Garante per l'Infanzia e l'Adolescenza",
        "labour": "Ispettorato Nazionale del Lavoro",
        "statistics": "Istituto Nazionale di Statistica",
        "health": "Istituto Nazionale per la promozione della salute delle popolazioni Migranti",
        "foreign": "Ministero degli Affari Esteri e della Cooperazione Internazionale",
        "development": "Agenzia Italiana per la Cooperazione allo Sviluppo",
    },
    "PT": {
        "interior": "Ministério da Administração Interna",
        "asylum": "Serviço de Estrangeiros e Fronteiras, Gabinete de Asilo e Refugiados",
        "border": "Serviço de Estrangeiros e Fronteiras",
        "police": "Polícia Judiciária",
        "children": "Comissão Nacional de Promoção dos Direitos e Proteção das Crianças e Jovens",
        "labour": "Autoridade para as Condições do Trabalho",
        "statistics": "Instituto Nacional de Estatística",
        "health": "Direção-Geral da Saúde",
        "foreign": "Ministério dos Negócios Estrangeiros",
        "development": "Camões, Instituto da Cooperação e da Língua",
    },
    "NL": {
        "interior": "Ministerie van Justitie en Veiligheid",
        "asylum": "Immigratie- en Naturalisatiedienst",
        "border": "Koninklijke Marechaussee",
        "police": "Expertisecentrum Mensenhandel en Mensensmokkel",
        "children": "Kinderombudsman",
        "labour": "Nederlandse Arbeidsinspectie",
        "statistics": "Centraal Bureau voor de Statistiek",
        "health": "GGD GHOR Nederland",
        "foreign": "Ministerie van Buitenlandse Zaken",
        "development": "Directoraat-Generaal Internationale Samenwerking",
    },
    "PL": {
        "interior": "Ministerstwo Spraw Wewnętrznych i Administracji",
        "asylum": "Urząd do Spraw Cudzoziemców",
        "border": "Straż Graniczna",
        "police": "Komenda Główna Policji",
        "children": "Rzecznik Praw Dziecka",
        "labour": "Państwowa Inspekcja Pracy",
        "statistics": "Główny Urząd Statystyczny",
        "foreign": "Ministerstwo Spraw Zagranicznych",
    },
    "SE": {
        "interior": "Justitiedepartementet",
        "asylum": "Migrationsverket",
        "border": "Polismyndigheten, gränspolisen",
        "police": "Polismyndigheten",
        "children": "Barnombudsmannen",
        "labour": "Arbetsmiljöverket",
        "statistics": "Statistiska centralbyrån",
        "health": "Folkhälsomyndigheten",
        "foreign": "Utrikesdepartementet",
        "development": "Sida",
    },
    "BR": {
        "interior": "Ministério da Justiça e Segurança Pública",
        "asylum": "Comitê Nacional para os Refugiados",
        "border": "Polícia Federal",
        "police": "Polícia Federal, Divisão de Direitos Humanos",
        "children": "Conselho Nacional dos Direitos da Criança e do Adolescente",
        "labour": "Ministério do Trabalho e Previdência",
        "statistics": "Instituto Brasileiro de Geografia e Estatística",
        "health": "Ministério da Saúde",
        "foreign": "Ministério das Relações Exteriores",
        "development": "Agência Brasileira de Cooperação",
    },
}

# Patterns for the other countries, in the language its administration works in.
PATTERNS = {
    "en": {
        "interior": "Ministry of the Interior, {country}",
        "asylum": "National Asylum and Migration Office, {country}",
        "border": "State Border Guard Service, {country}",
        "police": "National Police, Anti-Trafficking Unit, {country}",
        "children": "Office of the Ombudsperson for Children, {country}",
        "labour": "State Labour Inspectorate, {country}",
        "statistics": "National Statistics Office, {country}",
        "health": "National Institute of Public Health, {country}",
        "foreign": "Ministry of Foreign Affairs, Consular Department, {country}",
        "development": "Ministry of Environment and Climate, {country}",
    },
    "fr": {
        "interior": "Ministère de l'Intérieur, {country}",
        "asylum": "Commissariat général aux réfugiés et aux apatrides, {country}",
        "border": "Police aux frontières, {country}",
        "police": "Office central de lutte contre la traite des personnes, {country}",
        "children": "Direction de la protection de l'enfance, {country}",
        "labour": "Inspection générale du travail, {country}",
        "statistics": "Institut national de la statistique, {country}",
        "health": "Ministère de la Santé, {country}",
        "foreign": "Ministère des Affaires étrangères, Direction des affaires consulaires, "
        "{country}",
        "development": "Ministère de l'Environnement, {country}",
    },
    "es": {
        "interior": "Ministerio del Interior, {country}",
        "asylum": "Comisión Nacional para los Refugiados, {country}",
        "border": "Dirección General de Migración, {country}",
        "police": "Fiscalía Especializada contra la Trata de Personas, {country}",
        "children": "Defensoría de la Niñez, {country}",
        "labour": "Ministerio de Trabajo, {country}",
        "statistics": "Instituto Nacional de Estadística, {country}",
        "health": "Ministerio de Salud, {country}",
        "foreign": "Ministerio de Relaciones Exteriores, {country}",
        "development": "Ministerio de Ambiente, {country}",
    },
}

# The language of the patterns used for a country's administration.
PATTERN_LANGUAGE = {
    **dict.fromkeys(["MX", "CR", "CO", "AR", "PE", "CL"], "es"),
    **dict.fromkeys(["BE", "LU", "SN", "BJ", "CI", "CM", "MA", "TN"], "fr"),
}

INTERNATIONAL = {
    "default": (
        "International Organization for Migration (IOM)",
        "Organization for Security and Co-operation in Europe (OSCE)",
    ),
    "asylum": (
        "Office of the UN High Commissioner for Refugees (UNHCR)",
        "European Asylum Support Office (EASO)",
    ),
    "police": ("United Nations Office on Drugs and Crime (UNODC)", "Europol"),
    "border": ("Frontex, European Border and Coast Guard Agency", "Europol"),
    "children": ("UNICEF", "Council of Europe"),
    "labour": ("International Labour Organization (ILO)", "European Training Foundation"),
    "statistics": ("Eurostat", "International Organization for Migration (IOM)"),
    "health": ("World Health Organization (WHO)", "International Organization for Migration (IOM)"),
    "development": ("United Nations Development Programme (UNDP)",),
}

UNIVERSITIES = {
    "ES": ("Universidad Complutense de Madrid", "Universidad de Granada"),
    "FR": ("Sciences Po Paris", "Université Paris Cité"),
    "BE": ("Université libre de Bruxelles", "KU Leuven"),
    "DE": ("Universität Osnabrück, Institut für Migrationsforschung", "Universität Hamburg"),
    "IT": ("Università di Bologna", "Università degli Studi di Milano"),
    "PT": ("Universidade de Lisboa",),
    "NL": ("Universiteit van Amsterdam", "Erasmus Universiteit Rotterdam"),
    "PL": ("Uniwersytet Warszawski, Ośrodek Badań nad Migracjami",),
    "SE": ("Lunds universitet",),
    "IE": ("Trinity College Dublin",),
    "MX": ("Universidad Nacional Autónoma de México", "El Colegio de la Frontera Norte"),
    "CR": ("Universidad de Costa Rica",),
    "SN": ("Université Cheikh Anta Diop de Dakar",),
    "BJ": ("Université d'Abomey-Calavi",),
    "KE": ("University of Nairobi",),
    "KZ": ("Al-Farabi Kazakh National University",),
    "default": (
        "European University Institute, Migration Policy Centre",
        "Central European University",
    ),
}

# Invented organisations: no real NGO is made to employ an invented person.
CIVIL_SOCIETY = {
    "en": (
        "Safe Passage Legal Aid Network",
        "Migrant Workers' Rights Centre",
        "Child Rights in Mobility Forum",
        "Platform for Migrant Health",
        "Diaspora Bridges Foundation",
    ),
    "fr": (
        "Association Migrations et Droits",
        "Réseau Enfance sans frontières",
        "Collectif Accueil et Dignité",
    ),
    "es": (
        "Fundación Puentes Migrantes",
        "Red Regional contra la Trata",
        "Asociación Niñez en Movimiento",
    ),
}

POSITIONS = {
    # employer type -> language -> positions; {tokens} agree with the person
    "administration": {
        "en": (
            "Head of Unit",
            "Senior Policy Officer",
            "Deputy Director",
            "Senior Inspector",
            "Legal Adviser",
            "Head of Training",
        ),
        "fr": (
            "chef{fe} de bureau",
            "chargé{e} de mission",
            "direct{eur} adjoint{e}",
            "inspect{eur} principal{e}",
            "conseill{er} juridique",
            "responsable de la formation",
        ),
        "es": (
            "jef{e_a} de servicio",
            "asesor{a} técnic{o}",
            "subdirector{a} adjunt{o}",
            "inspector{a} jef{e_a}",
            "asesor{a} jurídic{o}",
            "responsable de formación",
        ),
    },
    "international_org": {
        "en": ("Programme Officer", "Senior Project Manager", "Regional Thematic Specialist"),
        "fr": (
            "chargé{e} de programme",
            "responsable de projets",
            "spécialiste thématique régional{e}",
        ),
        "es": (
            "oficial de programa",
            "coordinador{a} de proyectos",
            "especialista temátic{o} regional",
        ),
    },
    "academia": {
        "en": ("Associate Professor", "Senior Researcher", "Lecturer in Migration Studies"),
        "fr": ("maître de conférences", "cherch{euse}", "professeur{e} associé{e}"),
        "es": ("profesor{a} titular", "investigador{a} sénior", "profesor{a} asociad{o}"),
    },
    "civil_society": {
        "en": ("Programme Director", "Legal Counsel", "Senior Coordinator"),
        "fr": ("direct{eur} des programmes", "juriste", "coordinat{eur}"),
        "es": ("director{a} de programas", "abogad{o}", "coordinador{a}"),
    },
    "independent": {
        "en": ("Founder and Lead Consultant", "Independent Consultant"),
        "fr": ("fondat{eur} et consultant{e} principal{e}", "consultant{e} indépendant{e}"),
        "es": ("fundador{a} y consultor{a} principal", "consultor{a} independiente"),
    },
}

EMAIL_DOMAINS = {
    "member_state": "{cc}-administration.example.eu",
    "partner_admin": "gov-{cc}.example.org",
    "international_org": "intl-organisation.example.org",
    "academia": "university-{cc}.example.edu",
    "civil_society": "ngo-network.example.org",
    "independent": "consultants.example.eu",
}
