"""Invented people: common given names and surnames by nationality, and the mother tongue."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Nationality:
    code: str  # ISO 3166 alpha-2
    mother_tongue: str  # ISO 639-1
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]
    double_surname: bool = False  # Spanish-speaking custom: father's and mother's surnames


def _split(text: str) -> tuple[str, ...]:
    """Names separated by spaces, or by commas when a name has a space in it."""
    parts = text.split(",") if "," in text else text.split()
    return tuple(p.strip() for p in parts if p.strip())


def _n(code, tongue, women, men, surnames, double=False) -> Nationality:
    return Nationality(code, tongue, _split(women), _split(men), _split(surnames), double)


NATIONALITIES: dict[str, Nationality] = {
    n.code: n
    for n in (
        # EU Member States
        _n(
            "ES",
            "es",
            "Lucía María Carmen Elena Marta Laura Pilar Nuria Irene Beatriz",
            "Javier Carlos Miguel Sergio Pablo Álvaro Jorge Andrés Raúl Íñigo",
            "García Fernández López Martínez Sánchez Romero Navarro Torres Ruiz Serrano Molina "
            "Ortega Delgado Castro Ortiz Rubio Marín Iglesias Vidal Herrero",
            double=True,
        ),
        _n(
            "FR",
            "fr",
            "Claire Sophie Camille Julie Hélène Nathalie Élodie Anne Margaux Isabelle",
            "Julien Thomas Nicolas Pierre Olivier Mathieu Antoine Laurent Vincent Sébastien",
            "Martin Bernard Dubois Moreau Laurent Lefèvre Rousseau Fournier Girard Bonnet "
            "Mercier Lambert Faure Chevalier Garnier",
        ),
        _n(
            "DE",
            "de",
            "Anna Katharina Julia Sabine Miriam Franziska Lena Ulrike Petra Stefanie",
            "Michael Stefan Thomas Markus Andreas Jan Tobias Florian Matthias Christian",
            "Müller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schäfer Koch "
            "Richter Klein Wolf Neumann Braun",
        ),
        _n(
            "IT",
            "it",
            "Giulia Francesca Chiara Valentina Sara Elena Federica Paola Silvia Alessia",
            "Marco Luca Andrea Alessandro Matteo Davide Stefano Giorgio Paolo Simone",
            "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Conti "
            "Gallo Mancini Lombardi Fontana",
        ),
        _n(
            "PT",
            "pt",
            "Ana Inês Mariana Catarina Sofia Joana Rita Teresa Beatriz Marta",
            "João Pedro Miguel Tiago Rui Nuno Ricardo Bruno Duarte Gonçalo",
            "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes "
            "Gomes Lopes Marques Almeida Ribeiro",
        ),
        _n(
            "NL",
            "nl",
            "Anouk Eva Femke Lotte Sanne Marieke Inge Ellen Karin Noor",
            "Daan Bram Joost Pieter Ruben Sander Maarten Wouter Jeroen Thijs",
            "de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, "
            "Mulder, Bos, Vos, Peters, Hendriks, Dekker",
        ),
        _n(
            "BE",
            "fr",
            "Aurélie Charlotte Céline Emilie Valérie Sarah Lieve An Els Griet",
            "Benoît Jérôme Maxime François Geert Koen Pieter Tom Wim Arnaud",
            "Peeters Janssens Maes Jacobs Willems Claes Goossens Wouters Dupont Lambert "
            "Dubois Leclercq Lemaire Renard Michiels",
        ),
        _n(
            "PL",
            "pl",
            "Anna Katarzyna Magdalena Agnieszka Joanna Monika Ewa Aleksandra Marta Karolina",
            "Piotr Tomasz Paweł Krzysztof Marcin Michał Jakub Łukasz Adam Grzegorz",
            "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański "
            "Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk",
        ),
        _n(
            "RO",
            "ro",
            "Ioana Andreea Elena Mihaela Alina Cristina Raluca Diana Oana Simona",
            "Andrei Mihai Alexandru Bogdan Adrian Florin Radu Cătălin Ionuț Vlad",
            "Popescu Ionescu Popa Stan Dumitru Stoica Constantinescu Munteanu Matei Marin "
            "Gheorghiu Tudor Barbu Ene",
        ),
        _n(
            "GR",
            "el",
            "Maria Eleni Katerina Sofia Dimitra Georgia Vasiliki Ioanna Angeliki Christina",
            "Giorgos Dimitris Nikos Kostas Giannis Panagiotis Christos Vasilis Thanasis Stelios",
            "Papadopoulos Georgiou Nikolaou Dimitriou Karagiannis Vlachos "
            "Oikonomou Antoniou Makris Pappas Alexiou",
        ),
        _n(
            "SE",
            "sv",
            "Anna Karin Maria Elin Johanna Sara Emma Linnea Ingrid Maja",
            "Erik Lars Anders Johan Per Magnus Fredrik Henrik Oskar Gustav",
            "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Lindberg "
            "Lindqvist Holm Berg Sandberg",
        ),
        _n(
            "AT",
            "de",
            "Elisabeth Theresa Barbara Verena Birgit Christina Magdalena Johanna",
            "Lukas Florian Wolfgang Gerhard Bernhard Clemens Georg Manfred",
            "Gruber Huber Bauer Wagner Pichler Steiner Moser Mayer Hofer Leitner Berger",
        ),
        _n(
            "CZ",
            "cs",
            "Petra Jana Lucie Tereza Kateřina Markéta Veronika Hana",
            "Jan Petr Tomáš Martin Jiří Ondřej Pavel Lukáš",
            "Novák Svoboda Dvořák Černý Procházka Kučera Veselý Horák Marek Pokorný",
        ),
        _n(
            "HU",
            "hu",
            "Eszter Katalin Zsuzsanna Anna Réka Nóra Judit Krisztina",
            "Gábor László Péter Balázs Zoltán Tamás Ádám Márton",
            "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas",
        ),
        _n(
            "LT",
            "lt",
            "Rūta Agnė Ieva Jurgita Laura Eglė Vaida",
            "Tomas Mantas Darius Andrius Paulius Marius Vytautas",
            "Kazlauskas Petrauskas Jankauskas Stankevičius Vasiliauskas Žukauskas Butkus",
        ),
        _n(
            "FI",
            "fi",
            "Laura Anna Katja Johanna Minna Sanna Heidi Riikka",
            "Mikko Juha Antti Jari Timo Ville Janne Pekka",
            "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen",
        ),
        _n(
            "IE",
            "en",
            "Aoife Siobhán Niamh Ciara Róisín Gráinne Orla Sinéad",
            "Cian Conor Seán Eoin Darragh Ciarán Declan Fergal",
            "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor Doyle McCarthy",
        ),
        _n(
            "BG",
            "bg",
            "Maria Elena Desislava Tsvetelina Gergana Radostina Milena",
            "Georgi Dimitar Ivan Nikolay Stoyan Plamen Hristo",
            "Ivanov Petrov Georgiev Dimitrov Nikolov Stoyanov Todorov Angelov",
        ),
        _n(
            "HR",
            "hr",
            "Ana Ivana Marija Petra Maja Martina Lucija",
            "Ivan Marko Luka Tomislav Josip Mario Dario",
            "Horvat Kovačević Babić Marić Jurić Novak Knežević Vuković Perić",
        ),
        _n(
            "LV",
            "lv",
            "Inese Ilze Kristīne Līga Dace Agnese",
            "Jānis Andris Mārtiņš Edgars Kārlis Raivis",
            "Bērziņš Kalniņš Ozoliņš Liepiņš Krūmiņš Zariņš",
        ),
        _n(
            "SK",
            "sk",
            "Zuzana Lucia Katarína Jana Martina Simona",
            "Peter Martin Juraj Michal Tomáš Marek",
            "Horváth Kováč Varga Tóth Nagy Baláž Szabó",
        ),
        _n(
            "SI",
            "sl",
            "Maja Nina Mojca Špela Tjaša Urška",
            "Matej Luka Rok Gregor Blaž Primož",
            "Novak Horvat Kranjc Zupančič Potočnik Kovačič Mlakar",
        ),
        _n(
            "LU",
            "fr",
            "Anne Michèle Carole Nathalie Sandra",
            "Marc Paul Luc Yves Patrick",
            "Schmit Muller Weber Wagner Hoffmann Thill Kremer",
        ),
        # Partner countries
        _n(
            "MX",
            "es",
            "Mariana Guadalupe Fernanda Daniela Alejandra Ximena Adriana Gabriela Rocío Paola",
            "José Luis, Juan Carlos, Alejandro, Eduardo, Ricardo, Arturo, Rodrigo, Emiliano, "
            "Gerardo, Octavio",
            "Hernández González Ramírez Flores Cruz Morales Reyes Jiménez Gutiérrez Mendoza "
            "Aguilar Vázquez Castillo Rojas Salazar",
            double=True,
        ),
        _n(
            "CR",
            "es",
            "María José, Andrea, Valeria, Karla, Natalia, Melissa, Carolina, Priscilla",
            "Esteban Mauricio Randall Diego Andrés Fabián Gustavo Minor",
            "Vargas Jiménez Mora Rodríguez Solano Araya Quesada Chaves Alvarado Calderón "
            "Villalobos Campos",
            double=True,
        ),
        _n(
            "CO",
            "es",
            "Catalina Juliana Paula Diana Marcela Ángela Liliana",
            "Santiago Felipe Camilo Sebastián Mauricio Julián Hernán",
            "Restrepo Gómez Cardona Londoño Ospina Zapata Valencia Ríos Castaño Bermúdez",
            double=True,
        ),
        _n(
            "AR",
            "es",
            "Florencia Agustina Micaela Lorena Silvina Verónica Cecilia",
            "Martín Federico Nicolás Gonzalo Matías Leandro Ezequiel",
            "Fernández Pereyra Giménez Acosta Benítez Medina Suárez Álvarez Romero Sosa",
        ),
        _n(
            "PE",
            "es",
            "Rosa Milagros Karina Patricia Lucía Claudia",
            "Luis César Jorge Renzo Víctor Aldo",
            "Quispe Huamán Mamani Chávez Rojas Flores Vargas Cárdenas Paredes",
            double=True,
        ),
        _n(
            "CL",
            "es",
            "Constanza Francisca Javiera Camila Ignacia Valentina",
            "Cristóbal Matías Rodrigo Felipe Tomás Joaquín",
            "Muñoz Rojas Díaz Soto Contreras Silva Sepúlveda Morales Fuentes",
            double=True,
        ),
        _n(
            "BR",
            "pt",
            "Fernanda Juliana Camila Patrícia Luciana Renata Aline Tatiana",
            "Rafael Gustavo Felipe Leonardo Thiago Marcelo Rodrigo Diego",
            "Silva Souza Oliveira Santos Lima Carvalho Barbosa Araújo Ribeiro Nascimento Moreira",
        ),
        _n(
            "SN",
            "wo",
            "Aminata Fatou Awa Mariama Khady Ndeye Aïssatou",
            "Moussa Mamadou Ousmane Ibrahima Cheikh Abdoulaye Alioune",
            "Diop Ndiaye Fall Sow Diallo Sarr Gueye Faye Mbaye Cissé",
        ),
        _n(
            "BJ",
            "fr",
            "Adjoa Chantal Bernadette Sèna Rachida Félicité",
            "Koffi Rodrigue Sylvain Armand Théophile Ghislain",
            "Houngbédji Agbodjan Dossou Ahouansou Kpadonou Zinsou Akpovi Gbaguidi",
        ),
        _n(
            "CI",
            "fr",
            "Aya Adjoua Affoué Mariam Nadège Estelle",
            "Yao Kouassi Konan Serge Didier Arsène",
            "Kouamé Koffi N'Guessan Yao Coulibaly Traoré Ouattara Bamba",
        ),
        _n(
            "CM",
            "fr",
            "Brigitte Solange Pauline Carine Nathalie",
            "Emmanuel Hervé Joël Patrice Blaise",
            "Nkoulou Mbarga Fotso Ngono Tchoua Essomba Atangana",
        ),
        _n(
            "MA",
            "ar",
            "Fatima Zineb Khadija Salma Nadia Meriem",
            "Youssef Karim Mehdi Hicham Rachid Omar",
            "El Amrani, Benali, Alaoui, Bennani, Chraibi, Tazi, El Idrissi, Berrada",
        ),
        _n(
            "TN",
            "ar",
            "Amel Sonia Leila Ines Rim Mouna",
            "Sami Walid Nabil Anis Karim Hatem",
            "Ben Salah, Trabelsi, Gharbi, Jaziri, Hammami, Mejri, Ben Ali",
        ),
        _n(
            "KZ",
            "kk",
            "Aigerim Dinara Saule Gulnara Aliya Madina",
            "Nurlan Yerlan Daniyar Askar Timur Arman",
            "Nurpeisov Abenov Seitkali Zhakupov Omarov Akhmetov Tulegenov Bekov",
        ),
        _n(
            "KG",
            "ky",
            "Aizhan Cholpon Nazgul Gulzat Meerim",
            "Azamat Bakyt Nurbek Ulan Talant",
            "Asanov Mamytov Sadykov Toktogulov Dzhumabaev Osmonov",
        ),
        _n(
            "UZ",
            "uz",
            "Dilnoza Nodira Malika Gulnora Shahnoza",
            "Rustam Bekzod Sardor Jahongir Otabek",
            "Karimov Yuldashev Yusupov Rakhimov Ismoilov Mirzaev",
        ),
        _n(
            "UA",
            "uk",
            "Olena Iryna Oksana Tetiana Nataliia Yuliia Kateryna",
            "Oleksandr Andrii Dmytro Serhii Mykola Yurii Taras",
            "Kovalenko Bondarenko Tkachenko Shevchenko Kravchenko Melnyk Boiko Lysenko Moroz",
        ),
        _n(
            "MD",
            "ro",
            "Natalia Elena Olga Cristina Victoria Ana",
            "Ion Vasile Sergiu Victor Igor Dumitru",
            "Rusu Ceban Ciobanu Cojocaru Lungu Munteanu Rotaru Bivol",
        ),
        _n(
            "GE",
            "ka",
            "Nino Tamar Mariam Ketevan Salome Natia",
            "Giorgi Levan David Irakli Zurab Nika",
            "Beridze Kapanadze Gelashvili Maisuradze Lomidze Tsiklauri Abashidze",
        ),
        _n(
            "AM",
            "hy",
            "Anahit Lilit Armine Mariam Gayane",
            "Armen Aram Tigran Davit Hayk",
            "Hovhannisyan Harutyunyan Sargsyan Grigoryan Petrosyan Avetisyan",
        ),
        _n(
            "KE",
            "sw",
            "Wanjiru Akinyi Njeri Achieng Wambui Mercy",
            "Kamau Otieno Mwangi Kiprono Omondi Brian",
            "Mwangi Otieno Wanjiku Kiptoo Ochieng Kariuki Njoroge Mutua",
        ),
        _n(
            "MU",
            "en",
            "Priya Anjali Nadia Marie-Claire Shalini",
            "Rajesh Vikash Jean-Claude Kevin Anil",
            "Ramsamy Seegobin Sookun Bhujun Lebon Ramdin Appadoo",
        ),
        _n(
            "ZA",
            "en",
            "Thandiwe Nomsa Lerato Zanele Karen Michelle",
            "Sipho Thabo Pieter Mandla Johan Lwazi",
            "Nkosi, Dlamini, Mokoena, van der Merwe, Botha, Naidoo, Khumalo",
        ),
        _n(
            "GH",
            "en",
            "Abena Akosua Efua Ama Yaa",
            "Kwame Kofi Kwabena Yaw Kojo",
            "Mensah Owusu Boateng Asante Appiah Osei Acheampong",
        ),
    )
}

# Nationalities drawn for each kind of profile, weighted by repetition.
POOLS: dict[str, tuple[str, ...]] = {
    "latam": _split("ES ES ES ES ES MX MX MX CR CR CO AR PE CL PT IT FR DE NL"),
    "west_africa": _split("FR FR FR FR BE BE LU SN BJ CI CM IT ES PT DE NL"),
    "central_asia": _split("DE PL LT LV FI KZ KZ KG UZ BG CZ SK AT IT FR ES"),
    "neighbourhood": _split("RO RO PL PL LT LV HU SK SI HR BG CZ UA MD GE AM DE AT ES ES"),
    "east_africa": _split("IE NL SE DE IT BE KE KE MU ZA GH FR PT ES"),
    "mena": _split("FR FR ES ES IT GR MA TN BE NL"),
    "global": _split("DE NL SE FR ES ES ES IT PT PL AT BE IE GR FI CZ HU RO"),
}


def _feminine(nationality: str, surname: str) -> str:
    """The form a woman's surname takes where the language marks gender."""
    if nationality == "PL" and surname.endswith(("ski", "cki")):
        return surname[:-1] + "a"
    if nationality in ("CZ", "SK"):
        if surname.endswith("ý"):
            return surname[:-1] + "á"
        return (surname[:-1] if surname.endswith("a") else surname) + "ová"
    if nationality == "LT":
        for ending in ("ius", "as", "us", "is"):
            if surname.endswith(ending):
                return surname[: -len(ending)] + "ienė"
    if nationality == "LV" and surname.endswith("š"):
        return surname[:-1] + "a"
    if nationality in ("BG", "KZ", "KG", "UZ") and surname.endswith(("ov", "ev", "in")):
        return surname + "a"
    if nationality == "GR":
        for ending, fem in (("os", "ou"), ("is", "i"), ("as", "a")):
            if surname.endswith(ending):
                return surname[: -len(ending)] + fem
    return surname


def surname_for(nationality: str, surname: str, woman: bool) -> str:
    """A surname in the form that fits the person."""
    return _feminine(nationality, surname) if woman else surname
