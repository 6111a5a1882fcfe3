"""Building blocks of English biographies; {He}/{his} and friends follow the person."""

INTROS = (
    "{name} has been {position} ({employer}) since {since}.",
    "{name} has {years} years of experience in migration policy and is currently {position} "
    "({employer}).",
    "Since {since}, {name} has served as {position} ({employer}), after earlier posts in "
    "national and international administrations.",
    "{name} brings {years} years of hands-on experience in public administration and "
    "international cooperation and now works as {position} ({employer}).",
)

THEMES = {
    "migration-health": (
        "{He} coordinated health screening and vaccination access for newly arrived migrants "
        "and helped reception centres adapt their procedures during the COVID-19 pandemic.",
        "{His} work on migration and health covers mental health and psychosocial support, "
        "access to primary care for migrants in irregular situations and cross-border disease "
        "surveillance.",
        "{He} has trained border health officers and social workers on health needs along "
        "migration routes and on referral pathways between reception facilities and hospitals.",
    ),
    "asylum": (
        "{He} has long experience of refugee status determination, from registration and "
        "personal interviews to drafting decisions and country of origin information research.",
        "{His} asylum work includes quality assurance of first-instance procedures, the "
        "identification of vulnerable applicants and the reform of reception conditions.",
        "{He} advised national authorities on aligning asylum legislation with international "
        "protection standards, including the Refugee Convention and the Common European Asylum "
        "System.",
        "{He} has designed training curricula for asylum caseworkers on interview techniques, "
        "credibility assessment and the handling of claims by unaccompanied children.",
    ),
    "environmental-migration": (
        "{His} research and policy work address migration in the context of climate change, "
        "disasters and environmental degradation, including planned relocation and "
        "displacement after floods and droughts.",
        "{He} supported national statistical and environmental agencies in linking climate "
        "data with migration data to anticipate displacement linked to desertification and "
        "coastal erosion.",
        "{He} has facilitated workshops on integrating human mobility into national adaptation "
        "plans and disaster risk reduction strategies.",
    ),
    "trafficking": (
        "{He} specialises in the identification of victims of trafficking in human beings and "
        "in national referral mechanisms that connect police, labour inspectors, prosecutors "
        "and victim support services.",
        "{He} has led joint investigations into trafficking for sexual and labour exploitation "
        "and trained frontline officers on indicators of trafficking, victim-centred interviews "
        "and non-punishment of victims.",
        "{His} counter-trafficking work includes drafting standard operating procedures for "
        "victim assistance, shelters and protection measures, and the coordination of national "
        "anti-trafficking action plans.",
        "{He} helped set up a national rapporteur function and data collection on victims of "
        "trafficking, and advised prosecutors on financial investigations against traffickers.",
    ),
    "border-management": (
        "{He} has worked on integrated border management for many years, covering border "
        "checks, surveillance, risk analysis and inter-agency cooperation between border "
        "police and customs.",
        "{He} advised border agencies on strategies and action plans for integrated border "
        "management, on the set-up of joint border crossing points and on cross-border "
        "cooperation with neighbouring countries.",
        "{His} expertise covers risk analysis units, the training of border guards, and the "
        "protection-sensitive management of mixed migration flows at the border.",
    ),
    "migrant-children": (
        "{He} works on the rights of migrant children, including best interests assessments, "
        "guardianship for unaccompanied and separated children and alternatives to detention.",
        "{He} has trained child protection workers, guardians and police on child-friendly "
        "procedures, age assessment safeguards and family tracing.",
        "{His} work with children's ombudspersons and civil society focuses on access to "
        "education, health care and birth registration for children of migrant families.",
    ),
    "labour-migration": (
        "{He} has worked on labour migration governance, from bilateral labour agreements and "
        "skills partnerships to the regulation of private recruitment agencies.",
        "{His} experience covers the protection of migrant workers' rights, fair recruitment, "
        "labour inspection in agriculture and construction, and pre-departure orientation.",
        "{He} advised ministries of labour on labour market needs assessments, circular "
        "migration schemes and the recognition of migrant workers' qualifications.",
    ),
    "migration-data": (
        "{He} is a statistician specialising in migration data: population censuses, household "
        "surveys, administrative registers and the harmonisation of migration statistics.",
        "{He} has supported national statistics offices and migration services in building "
        "migration profiles, data-sharing agreements and indicators for evidence-based policy.",
        "{His} work on migration data includes data protection in information systems, the "
        "measurement of return and circular migration and the use of dashboards for "
        "policy makers.",
    ),
    "return-reintegration": (
        "{He} has managed assisted voluntary return programmes and sustainable reintegration "
        "support, working with countries of origin on counselling, referral and monitoring.",
        "{His} experience covers readmission agreements, return case management and "
        "community-based reintegration projects for returning migrants.",
        "{He} trained caseworkers on return counselling that respects the dignity and rights of "
        "returnees, including vulnerable persons.",
    ),
    "diaspora": (
        "{He} has designed diaspora engagement strategies and helped ministries map their "
        "diaspora, build trust with diaspora associations and channel remittances and skills "
        "into development.",
        "{His} work with diaspora institutions covers consultation mechanisms, diaspora "
        "investment schemes and the temporary return of qualified nationals.",
        "{He} advised governments on setting up a diaspora office and on communication with "
        "citizens abroad.",
    ),
    "legal-migration-integration": (
        "{He} has worked on legal migration channels, visa and residence permit procedures, "
        "family reunification and the integration of third-country nationals.",
        "{His} integration work covers language and civic orientation courses, recognition of "
        "qualifications, local integration strategies and anti-discrimination measures.",
        "{He} advised on the digitalisation of residence permit procedures and on one-stop "
        "shops for newly arrived migrants.",
    ),
    "smuggling": (
        "{He} has investigated migrant smuggling networks and trained police and prosecutors on "
        "the Protocol against the Smuggling of Migrants, financial investigations and "
        "international judicial cooperation.",
        "{His} work on smuggling of migrants includes joint investigation teams, the exchange "
        "of criminal intelligence and the protection of smuggled migrants' rights.",
        "{He} helped draft legislation criminalising migrant smuggling while keeping "
        "humanitarian assistance and the rights of smuggled migrants protected.",
    ),
    "migration-governance": (
        "{He} has advised governments on national migration policies and strategies, "
        "inter-institutional coordination and the monitoring of policy implementation.",
        "{His} experience covers the drafting of migration laws, regional migration dialogues "
        "and the mainstreaming of migration into development planning.",
        "{He} supported migration commissions and inter-ministerial working groups in "
        "setting up coordination mechanisms and action plans.",
    ),
    "consular-services": (
        "{He} has worked in consular services, protecting nationals abroad, issuing travel "
        "documents and assisting citizens in distress, detention or crisis situations.",
        "{His} consular experience includes crisis preparedness, consular assistance to "
        "migrant workers and the digitalisation of consular registration.",
        "{He} trained consular officers on assistance to victims of exploitation and on "
        "cooperation with host-country authorities.",
    ),
    "document-security": (
        "{He} is a document security expert: forensic examination of travel documents, "
        "detection of forged and fraudulent documents and the security of breeder documents.",
        "{His} work on identity management covers civil registration, biometric passports, "
        "e-ID systems and the protection of personal data in population registers.",
        "{He} trained border guards and consular staff on document fraud detection and set up "
        "second-line document examination units.",
    ),
    "migration-development": (
        "{He} works on the links between migration and development: remittances, skills "
        "transfer, and the inclusion of migration in national development plans.",
        "{His} experience includes local development projects in regions of origin and "
        "policy coherence between migration and development cooperation.",
        "{He} advised municipalities and regional authorities on local migration governance "
        "and on the role of migrants in local economic development.",
    ),
}

COUNTRIES = (
    "{He} has worked with partner institutions in {countries}.",
    "{His} international assignments have taken {him} to {countries}.",
    "{He} has field experience in {countries}, mostly through peer-to-peer exchanges with "
    "public administrations.",
)

METHODS = (
    "As a trainer, {he} favours practical, peer-to-peer formats: study visits, simulations and "
    "case-based workshops, online as well as in person.",
    "{He} has facilitated capacity and training needs assessments and co-designed training "
    "programmes with partner administrations.",
    "During the COVID-19 pandemic {he} moved {his} training to online and hybrid formats and "
    "facilitated webinars for participants from several regions.",
    "{He} regularly drafts manuals, standard operating procedures and policy recommendations "
    "for partner institutions.",
)

EDUCATION = (
    "{He} holds a master's degree in {field}.",
    "{He} studied {field} and later completed postgraduate training in migration law.",
    "{He} holds a doctorate in {field}.",
)

FIELDS = (
    "law",
    "international relations",
    "political science",
    "sociology",
    "public administration",
    "demography",
    "public health",
    "economics",
    "human rights",
)

LANGUAGES = "{He} works in {languages}."
AND = "and"
