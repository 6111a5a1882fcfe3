"""Building blocks of French biographies; {Il}, {il} and {e} agree with the person."""

INTROS = (
    "{name} est {position} ({employer}) depuis {since}.",
    "Fort{e} d'une expérience de {years} ans dans les politiques migratoires, {name} est "
    "actuellement {position} ({employer}).",
    "Depuis {since}, {name} occupe le poste de {position} ({employer}), après plusieurs "
    "fonctions dans des administrations nationales et internationales.",
    "{name} apporte {years} ans d'expérience de terrain dans l'administration publique et la "
    "coopération internationale ; {il} est aujourd'hui {position} ({employer}).",
)

THEMES = {
    "migration-health": (
        "{Il} a coordonné le dépistage sanitaire et l'accès à la vaccination des migrants "
        "nouvellement arrivés, et a aidé les centres d'accueil à adapter leurs procédures "
        "pendant la pandémie de COVID-19.",
        "Ses travaux sur la migration et la santé portent sur la santé mentale et le soutien "
        "psychosocial, l'accès aux soins primaires des migrants en situation irrégulière et la "
        "surveillance épidémiologique transfrontalière.",
        "{Il} a formé des agents de santé aux frontières et des travailleurs sociaux aux besoins "
        "de santé le long des routes migratoires et aux circuits d'orientation vers les "
        "hôpitaux.",
    ),
    "asylum": (
        "{Il} possède une longue expérience de la détermination du statut de réfugié, de "
        "l'enregistrement et de l'entretien personnel jusqu'à la rédaction des décisions et à "
        "la recherche d'informations sur les pays d'origine.",
        "Son travail dans le domaine de l'asile comprend l'assurance qualité des procédures de "
        "première instance, l'identification des demandeurs vulnérables et la réforme des "
        "conditions d'accueil.",
        "{Il} a conseillé des autorités nationales sur la mise en conformité de leur législation "
        "d'asile avec les normes de la protection internationale et la Convention relative au "
        "statut des réfugiés.",
        "{Il} a conçu des formations pour les officiers de protection sur les techniques "
        "d'entretien, l'évaluation de la crédibilité et les demandes des mineurs non "
        "accompagnés.",
    ),
    "environmental-migration": (
        "Ses recherches portent sur la migration liée au changement climatique, aux "
        "catastrophes et à la dégradation de l'environnement, y compris les déplacements après "
        "les inondations et les sécheresses.",
        "{Il} a accompagné des instituts de statistique et des agences de l'environnement pour "
        "croiser données climatiques et données migratoires et anticiper les déplacements liés "
        "à la désertification et à l'érosion côtière.",
        "{Il} a animé des ateliers sur l'intégration de la mobilité humaine dans les plans "
        "nationaux d'adaptation et les stratégies de réduction des risques de catastrophe.",
    ),
    "trafficking": (
        "{Il} est spécialiste de l'identification des victimes de la traite des êtres humains "
        "et des mécanismes nationaux d'orientation qui relient police, inspection du travail, "
        "parquet et services d'assistance aux victimes.",
        "{Il} a dirigé des enquêtes conjointes sur la traite à des fins d'exploitation sexuelle "
        "et d'exploitation par le travail, et formé des agents de première ligne aux indicateurs "
        "de traite et à l'audition des victimes.",
        "Son action contre la traite comprend la rédaction de procédures opérationnelles "
        "standard pour l'assistance et la protection des victimes, les centres d'hébergement et "
        "la coordination des plans d'action nationaux.",
        "{Il} a contribué à créer une fonction de rapporteur national et un système de collecte "
        "de données sur les victimes de la traite, et conseillé des magistrats sur les enquêtes "
        "financières visant les trafiquants.",
    ),
    "border-management": (
        "{Il} travaille depuis de nombreuses années sur la gestion intégrée des frontières : "
        "vérifications aux frontières, surveillance, analyse de risque et coopération entre "
        "police aux frontières et douanes.",
        "{Il} a conseillé des services de garde-frontières sur leurs stratégies de gestion "
        "intégrée des frontières, la création de postes-frontières communs et la coopération "
        "transfrontalière avec les pays voisins.",
        "Son expertise couvre les unités d'analyse de risque, la formation des garde-frontières "
        "et la gestion des flux migratoires mixtes dans le respect du droit à la protection.",
    ),
    "migrant-children": (
        "{Il} travaille sur les droits des enfants migrants : évaluation de l'intérêt supérieur "
        "de l'enfant, tutelle des mineurs non accompagnés et alternatives à la rétention.",
        "{Il} a formé des travailleurs sociaux, des tuteurs et des policiers aux procédures "
        "adaptées aux enfants, aux garanties de l'évaluation de l'âge et à la recherche des "
        "familles.",
        "Avec les défenseurs des droits de l'enfant et la société civile, {il} œuvre pour "
        "l'accès des enfants migrants et de leurs familles à l'éducation, à la santé et à "
        "l'enregistrement des naissances.",
    ),
    "labour-migration": (
        "{Il} travaille sur la gouvernance de la migration de travail, des accords bilatéraux "
        "de main-d'œuvre aux partenariats pour les compétences et à la réglementation des "
        "agences de recrutement privées.",
        "Son expérience couvre la protection des droits des travailleurs migrants, le "
        "recrutement équitable, l'inspection du travail dans l'agriculture et le bâtiment et "
        "l'orientation avant le départ.",
        "{Il} a conseillé des ministères du travail sur l'analyse des besoins du marché du "
        "travail, la migration circulaire et la reconnaissance des qualifications.",
    ),
    "migration-data": (
        "Statisticien{ne} de formation, {il} est spécialiste des données migratoires : "
        "recensements, enquêtes auprès des ménages, registres administratifs et harmonisation "
        "des statistiques migratoires.",
        "{Il} a accompagné des instituts nationaux de statistique et des services de migration "
        "dans l'élaboration de profils migratoires, d'accords de partage de données et "
        "d'indicateurs pour des politiques fondées sur des données probantes.",
        "Ses travaux sur les données migratoires portent aussi sur la protection des données "
        "personnelles dans les systèmes d'information et sur la mesure des migrations de retour.",
    ),
    "return-reintegration": (
        "{Il} a géré des programmes d'aide au retour volontaire et de réintégration durable, en "
        "lien avec les pays d'origine pour le conseil, l'orientation et le suivi.",
        "Son expérience couvre les accords de réadmission, la gestion des dossiers de retour et "
        "les projets communautaires de réintégration des migrants de retour.",
        "{Il} a formé des conseillers au retour à un accompagnement respectueux de la dignité "
        "et des droits des personnes, y compris les plus vulnérables.",
    ),
    "diaspora": (
        "{Il} a conçu des stratégies de mobilisation de la diaspora et aidé des ministères à "
        "cartographier leur diaspora, à dialoguer avec les associations et à orienter les "
        "transferts de fonds et les compétences vers le développement.",
        "Son travail avec les institutions chargées de la diaspora porte sur les mécanismes de "
        "consultation, l'investissement de la diaspora et le retour temporaire de "
        "ressortissants qualifiés.",
        "{Il} a conseillé des gouvernements sur la création d'un bureau de la diaspora et la "
        "communication avec les citoyens établis à l'étranger.",
    ),
    "legal-migration-integration": (
        "{Il} travaille sur les voies de migration légale, les procédures de visa et de titre "
        "de séjour, le regroupement familial et l'intégration des ressortissants de pays tiers.",
        "Son travail sur l'intégration couvre les cours de langue et d'orientation civique, la "
        "reconnaissance des diplômes, les stratégies locales d'intégration et la lutte contre "
        "les discriminations.",
        "{Il} a accompagné la dématérialisation des procédures de titres de séjour et la "
        "création de guichets uniques pour les primo-arrivants.",
    ),
    "smuggling": (
        "{Il} a enquêté sur des réseaux de trafic illicite de migrants et formé policiers et "
        "magistrats au Protocole contre le trafic illicite de migrants, aux enquêtes "
        "financières et à l'entraide judiciaire internationale.",
        "Son travail sur le trafic de migrants comprend les équipes communes d'enquête, "
        "l'échange de renseignements criminels et la protection des droits des migrants objets "
        "d'un trafic.",
        "{Il} a contribué à rédiger une législation réprimant le trafic illicite de migrants "
        "tout en protégeant l'assistance humanitaire.",
    ),
    "migration-governance": (
        "{Il} conseille des gouvernements sur leurs politiques et stratégies migratoires "
        "nationales, la coordination interinstitutionnelle et le suivi de leur mise en œuvre.",
        "Son expérience couvre la rédaction de lois sur la migration, les dialogues régionaux "
        "sur la migration et l'intégration de la migration dans la planification du "
        "développement.",
        "{Il} a appuyé des commissions nationales et des groupes de travail interministériels "
        "dans la mise en place de mécanismes de coordination.",
    ),
    "consular-services": (
        "{Il} a travaillé dans les services consulaires : protection des ressortissants à "
        "l'étranger, délivrance de documents de voyage et assistance aux citoyens en détresse.",
        "Son expérience consulaire comprend la préparation aux crises, l'assistance consulaire "
        "aux travailleurs migrants et la dématérialisation de l'inscription consulaire.",
        "{Il} a formé des agents consulaires à l'assistance aux victimes d'exploitation et à la "
        "coopération avec les autorités des pays d'accueil.",
    ),
    "document-security": (
        "{Il} est expert{e} en sécurité documentaire : examen technique des documents de voyage, "
        "détection des faux documents et sécurisation des documents sources.",
        "Son travail sur la gestion de l'identité couvre l'état civil, les passeports "
        "biométriques, l'identité numérique et la protection des données des registres de "
        "population.",
        "{Il} a formé des garde-frontières et des agents consulaires à la détection de la fraude "
        "documentaire et créé des unités d'examen documentaire de second niveau.",
    ),
    "migration-development": (
        "{Il} travaille sur les liens entre migration et développement : transferts de fonds, "
        "transfert de compétences et prise en compte de la migration dans les plans nationaux "
        "de développement.",
        "Son expérience comprend des projets de développement local dans les régions d'origine "
        "et la cohérence entre politiques migratoires et coopération au développement.",
        "{Il} a conseillé des communes et des autorités régionales sur la gouvernance locale "
        "des migrations.",
    ),
}

COUNTRIES = (
    "{Il} a travaillé avec des institutions partenaires des pays suivants : {countries}.",
    "Ses missions internationales l'ont conduit{e} notamment dans les pays suivants : {countries}.",
    "{Il} a une expérience de terrain dans les pays suivants : {countries}, principalement "
    "dans le cadre d'échanges entre pairs avec des administrations publiques.",
)

METHODS = (
    "Format{eur} expérimenté{e}, {il} privilégie les formats pratiques entre pairs : "
    "visites d'étude, simulations et ateliers fondés sur des cas, en ligne comme en présentiel.",
    "{Il} a animé des évaluations des capacités et des besoins de formation et co-construit "
    "des programmes de formation avec des administrations partenaires.",
    "Pendant la pandémie de COVID-19, {il} a adapté ses formations aux formats en ligne et "
    "hybrides et animé des webinaires réunissant des participants de plusieurs régions.",
    "{Il} rédige régulièrement des manuels, des procédures opérationnelles et des "
    "recommandations pour les institutions partenaires.",
)

EDUCATION = (
    "{Il} est titulaire d'un master en {field}.",
    "Diplômé{e} en {field}, {il} a ensuite suivi une formation spécialisée en droit des "
    "migrations.",
    "{Il} est docteur{e} en {field}.",
)

FIELDS = (
    "droit",
    "relations internationales",
    "science politique",
    "sociologie",
    "administration publique",
    "démographie",
    "santé publique",
    "économie",
    "droits de l'homme",
)

LANGUAGES = "{Il} travaille en {languages}."
AND = "et"
