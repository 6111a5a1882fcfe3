"""Building blocks of Spanish biographies; {El}, {el} and {o} agree with the person."""

INTROS = (
    "{name} es {position} ({employer}) desde {since}.",
    "Con {years} años de experiencia en políticas migratorias, {name} es actualmente "
    "{position} ({employer}).",
    "Desde {since}, {name} ocupa el cargo de {position} ({employer}), tras desempeñar "
    "funciones en administraciones nacionales e internacionales.",
    "{name} aporta {years} años de experiencia práctica en la administración pública y la "
    "cooperación internacional y trabaja hoy como {position} ({employer}).",
)

THEMES = {
    "migration-health": (
        "Ha coordinado el acceso a controles sanitarios y a la vacunación de personas migrantes "
        "recién llegadas y ayudó a los centros de acogida a adaptar sus protocolos durante la "
        "pandemia de COVID-19.",
        "Su trabajo en migración y salud abarca la salud mental y el apoyo psicosocial, el "
        "acceso a la atención primaria de migrantes en situación irregular y la vigilancia "
        "epidemiológica transfronteriza.",
        "Ha capacitado a personal sanitario de frontera y a trabajadores sociales sobre las "
        "necesidades de salud en las rutas migratorias y los circuitos de derivación a "
        "hospitales.",
    ),
    "asylum": (
        "Cuenta con una larga experiencia en la determinación de la condición de refugiado, "
        "desde el registro y la entrevista personal hasta la redacción de resoluciones y la "
        "investigación de información sobre países de origen.",
        "Su trabajo en materia de asilo incluye el control de calidad de los procedimientos en "
        "primera instancia, la identificación de solicitantes vulnerables y la reforma de las "
        "condiciones de acogida.",
        "Ha asesorado a autoridades nacionales en la adecuación de su legislación de asilo a los "
        "estándares de protección internacional y a la Convención sobre el Estatuto de los "
        "Refugiados.",
        "Ha diseñado programas de formación para instructores de asilo sobre técnicas de "
        "entrevista, evaluación de la credibilidad y solicitudes de niños no acompañados.",
    ),
    "environmental-migration": (
        "Sus investigaciones abordan la migración en el contexto del cambio climático, los "
        "desastres y la degradación ambiental, incluidos los desplazamientos tras inundaciones "
        "y sequías.",
        "Ha acompañado a institutos de estadística y agencias ambientales para cruzar datos "
        "climáticos y migratorios y anticipar desplazamientos vinculados a la desertificación y "
        "la erosión costera.",
        "Ha facilitado talleres sobre la integración de la movilidad humana en los planes "
        "nacionales de adaptación y en las estrategias de reducción del riesgo de desastres.",
    ),
    "trafficking": (
        "Es especialista en la identificación de víctimas de trata de seres humanos y en los "
        "mecanismos nacionales de derivación que articulan policía, inspección de trabajo, "
        "fiscalía y servicios de atención a víctimas.",
        "Ha dirigido investigaciones conjuntas sobre trata con fines de explotación sexual y "
        "laboral y ha formado a personal de primera línea en indicadores de trata, entrevistas "
        "centradas en la víctima y el principio de no sanción.",
        "Su labor contra la trata incluye la elaboración de protocolos de actuación para la "
        "asistencia y protección de víctimas, casas de acogida y la coordinación de planes "
        "nacionales contra la trata de personas.",
        "Ha apoyado la creación de un relator nacional y de sistemas de registro de datos sobre "
        "víctimas de trata, y ha asesorado a fiscales en investigaciones financieras contra "
        "tratantes.",
    ),
    "border-management": (
        "Trabaja desde hace años en la gestión integrada de fronteras: controles fronterizos, "
        "vigilancia, análisis de riesgos y cooperación entre policía de fronteras y aduanas.",
        "Ha asesorado a servicios de fronteras en estrategias de gestión integrada de fronteras, "
        "la creación de pasos fronterizos conjuntos y la cooperación transfronteriza con países "
        "vecinos.",
        "Su experiencia abarca las unidades de análisis de riesgos, la formación de agentes de "
        "fronteras y la gestión de flujos migratorios mixtos con enfoque de protección.",
    ),
    "migrant-children": (
        "Trabaja en los derechos de la niñez migrante: determinación del interés superior del "
        "niño, tutela de niños no acompañados y separados y alternativas a la detención.",
        "Ha capacitado a profesionales de protección de la infancia, tutores y policías en "
        "procedimientos adaptados a la niñez, garantías en la determinación de la edad y "
        "búsqueda de familiares.",
        "Junto con defensorías de la niñez y organizaciones de la sociedad civil, promueve el "
        "acceso de niñas, niños y adolescentes migrantes a la educación, la salud y el registro "
        "de nacimientos.",
    ),
    "labour-migration": (
        "Trabaja en la gobernanza de la migración laboral, desde los acuerdos bilaterales de "
        "trabajo y las alianzas de talentos hasta la regulación de las agencias privadas de "
        "contratación.",
        "Su experiencia abarca la protección de los derechos de las personas trabajadoras "
        "migrantes, la contratación equitativa, la inspección laboral en la agricultura y la "
        "construcción y la orientación previa a la partida.",
        "Ha asesorado a ministerios de trabajo en el análisis de necesidades del mercado "
        "laboral, la migración circular y el reconocimiento de cualificaciones.",
    ),
    "migration-data": (
        "Es estadístic{o} especializad{o} en datos migratorios: censos de población, encuestas "
        "de hogares, registros administrativos y armonización de las estadísticas migratorias.",
        "Ha apoyado a institutos nacionales de estadística y servicios de migración en la "
        "elaboración de perfiles migratorios, acuerdos de intercambio de datos e indicadores "
        "para políticas basadas en evidencia.",
        "Su trabajo en datos migratorios incluye la protección de datos personales en los "
        "sistemas de información y la medición de la migración de retorno.",
    ),
    "return-reintegration": (
        "Ha gestionado programas de retorno voluntario asistido y de reintegración sostenible, "
        "en coordinación con los países de origen para la orientación, la derivación y el "
        "seguimiento.",
        "Su experiencia incluye acuerdos de readmisión, la gestión de casos de retorno y "
        "proyectos comunitarios de reintegración de personas retornadas.",
        "Ha formado a orientadores en un acompañamiento al retorno que respeta la dignidad y los "
        "derechos de las personas, incluidas las más vulnerables.",
    ),
    "diaspora": (
        "Ha diseñado estrategias de vinculación con la diáspora y ha ayudado a ministerios a "
        "mapear su diáspora, dialogar con sus asociaciones y orientar remesas y conocimientos "
        "hacia el desarrollo.",
        "Su trabajo con instituciones de la diáspora abarca mecanismos de consulta, esquemas de "
        "inversión de la diáspora y el retorno temporal de profesionales cualificados.",
        "Ha asesorado a gobiernos en la creación de una oficina de la diáspora y en la "
        "comunicación con la ciudadanía en el exterior.",
    ),
    "legal-migration-integration": (
        "Trabaja en las vías de migración regular, los procedimientos de visado y permisos de "
        "residencia, la reunificación familiar y la integración de nacionales de terceros "
        "países.",
        "Su trabajo en integración abarca cursos de idioma y orientación cívica, el "
        "reconocimiento de títulos, estrategias locales de integración y la lucha contra la "
        "discriminación.",
        "Ha acompañado la digitalización de los trámites de residencia y la creación de "
        "ventanillas únicas para personas migrantes recién llegadas.",
    ),
    "smuggling": (
        "Ha investigado redes de tráfico ilícito de migrantes y formado a policías y fiscales "
        "en el Protocolo contra el tráfico ilícito de migrantes, investigaciones financieras y "
        "cooperación judicial internacional.",
        "Su trabajo sobre tráfico de migrantes incluye equipos conjuntos de investigación, el "
        "intercambio de inteligencia criminal y la protección de los derechos de las personas "
        "migrantes objeto de tráfico.",
        "Ha contribuido a redactar legislación que tipifica el tráfico ilícito de migrantes sin "
        "penalizar la asistencia humanitaria.",
    ),
    "migration-governance": (
        "Asesora a gobiernos en políticas y estrategias migratorias nacionales, coordinación "
        "interinstitucional y seguimiento de su implementación.",
        "Su experiencia abarca la redacción de leyes de migración, los diálogos regionales "
        "sobre migración y la incorporación de la migración en la planificación del desarrollo.",
        "Ha apoyado a comisiones nacionales y mesas interinstitucionales en la puesta en marcha "
        "de mecanismos de coordinación y planes de acción.",
    ),
    "consular-services": (
        "Ha trabajado en servicios consulares: protección de nacionales en el exterior, "
        "expedición de documentos de viaje y asistencia a personas en situación de emergencia.",
        "Su experiencia consular incluye la preparación ante crisis, la asistencia consular a "
        "personas trabajadoras migrantes y la digitalización del registro consular.",
        "Ha formado a funcionarios consulares en la atención a víctimas de explotación y la "
        "cooperación con las autoridades del país de acogida.",
    ),
    "document-security": (
        "Es expert{o} en seguridad documental: examen pericial de documentos de viaje, "
        "detección de documentos falsos y seguridad de los documentos fuente.",
        "Su trabajo en gestión de la identidad abarca el registro civil, los pasaportes "
        "biométricos, la identidad digital y la protección de datos en los registros de "
        "población.",
        "Ha formado a agentes de fronteras y personal consular en la detección del fraude "
        "documental y ha creado unidades de análisis documental de segunda línea.",
    ),
    "migration-development": (
        "Trabaja en los vínculos entre migración y desarrollo: remesas, transferencia de "
        "conocimientos e inclusión de la migración en los planes nacionales de desarrollo.",
        "Su experiencia incluye proyectos de desarrollo local en regiones de origen y la "
        "coherencia entre políticas migratorias y cooperación al desarrollo.",
        "Ha asesorado a municipios y gobiernos regionales en la gobernanza local de la migración.",
    ),
}

COUNTRIES = (
    "Ha trabajado con instituciones socias en {countries}.",
    "Sus misiones internacionales l{o} han llevado a {countries}.",
    "Tiene experiencia de terreno en {countries}, sobre todo a través de intercambios entre "
    "pares con administraciones públicas.",
)

METHODS = (
    "Como formador{a}, privilegia formatos prácticos entre pares: visitas de estudio, "
    "simulaciones y talleres basados en casos, tanto en línea como presenciales.",
    "Ha facilitado evaluaciones de capacidades y necesidades de formación y ha co-diseñado "
    "programas de capacitación con administraciones socias.",
    "Durante la pandemia de COVID-19 trasladó sus formaciones a formatos virtuales e híbridos "
    "y facilitó seminarios web con participantes de varias regiones.",
    "Redacta con regularidad manuales, protocolos y recomendaciones de política para las "
    "instituciones socias.",
)

EDUCATION = (
    "Tiene un máster en {field}.",
    "Licenciad{o} en {field}, completó después un posgrado en derecho migratorio.",
    "Es doctor{a} en {field}.",
)

FIELDS = (
    "derecho",
    "relaciones internacionales",
    "ciencia política",
    "sociología",
    "administración pública",
    "demografía",
    "salud pública",
    "economía",
    "derechos humanos",
)

LANGUAGES = "Trabaja en {languages}."
AND = "y"
