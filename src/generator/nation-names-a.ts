/**
 * Given names and surnames in native spelling, nations ALB..ITA (in the earlier service's order).
 * Compiled from public lists of common names in each country; space-separated to keep the file small.
 * Surnames are given in their masculine / neutral form; `femaleSurname` (nations.ts) derives feminine forms.
 */
export interface NameLists {
  readonly m: string;
  readonly f: string;
  readonly s: string;
}

export const NAMES_A: Readonly<Record<string, NameLists>> = {
  ALB: {
    m: 'Arben Artan Besnik Bledar Dritan Elton Ermal Fatmir Gentian Ilir Klodian Kristi Ledio Lorenc Marsel Ndriçim Olsi Redon Sokol Sokrat Taulant',
    f: 'Anisa Arta Blerina Brunilda Denada Elona Enkelejda Entela Erjona Fatjona Flutura Jonida Klea Ledina Lindita Megi Mirela Rozana Valbona Xhesika',
    s: 'Hoxha Shehu Hysa Leka Çela Gjoka Kola Dervishi Meta Basha Marku Prifti Berisha Doda Gashi Kastrati Shkodra Bregu Zeneli Tafaj',
  },
  BEL: {
    m: 'Lucas Louis Noah Arthur Adam Jules Victor Liam Mohamed Thomas Nathan Maxime Hugo Wout Pieter Jan Bram Koen Tom Luc',
    f: 'Emma Olivia Louise Mila Elena Marie Julie Sarah Laura Lotte Ine Sofie Els Anouk Charlotte Camille Chloé Léa Manon Femke',
    s: 'Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters Dubois Lambert Dupont Martin Simon Vermeulen Declercq Leclercq Dumont Hermans Michiels',
  },
  BGR: {
    m: 'Georgi Ivan Dimitar Nikolay Petar Hristo Stoyan Todor Vasil Aleksandar Stefan Martin Kaloyan Borislav Yordan Krasimir Plamen Valentin Atanas Lyubomir',
    f: 'Maria Ivanka Elena Yordanka Petya Desislava Gergana Tsvetelina Radka Nikoleta Viktoria Teodora Siyana Kalina Rumyana Silviya Mariya Boryana Galina Vesela',
    s: 'Ivanov Georgiev Dimitrov Petrov Nikolov Hristov Stoyanov Todorov Iliev Vasilev Atanasov Angelov Yordanov Kolev Petkov Marinov Popov Stefanov Mihaylov Kostov',
  },
  CAN: {
    m: 'Liam Noah William Benjamin Lucas Logan Ethan Jacob Nathan Samuel Olivier Félix Thomas Alexandre Gabriel Ryan Owen Connor Mathieu Jérémie',
    f: 'Olivia Emma Charlotte Amelia Ava Chloé Léa Florence Alice Sophie Emily Madison Hannah Abigail Zoé Camille Rosalie Maëlle Jessica Megan',
    s: 'Smith Brown Tremblay Martin Roy Wilson MacDonald Gagnon Johnson Taylor Côté Campbell Anderson Leblanc Lee Gauthier Morin Bouchard Thompson Fraser',
  },
  HRV: {
    m: 'Luka Ivan Marko Josip Ante Tomislav Matej Filip Petar Nikola Mario Stjepan Krešimir Dario Hrvoje Zvonimir Domagoj Mateo Davor Goran',
    f: 'Ana Marija Ivana Petra Lucija Mia Ema Sara Katarina Martina Nikolina Maja Antonija Josipa Kristina Dora Lana Tena Jelena Mirjana',
    s: 'Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović Matić Tomić Pavlović Perić Radić Božić Grgić Blažević Šarić',
  },
  CZE: {
    m: 'Jan Jakub Tomáš Petr Martin Lukáš Ondřej Jiří Pavel David Michal Vojtěch Adam Filip Matěj Josef Karel Radek Vít Zdeněk',
    f: 'Tereza Eliška Anna Adéla Natálie Kateřina Lucie Veronika Barbora Klára Petra Jana Markéta Hana Lenka Martina Michaela Zuzana Simona Kristýna',
    s: 'Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Marek Pospíšil Pokorný Hájek Král Jelínek Růžička Beneš Fiala Sedláček',
  },
  DNK: {
    m: 'Oliver William Noah Lucas Carl Frederik Magnus Emil Mikkel Rasmus Mads Anders Jonas Søren Kasper Jesper Christian Niels Lars Henrik',
    f: 'Ida Emma Freja Clara Alma Sofie Anna Laura Mathilde Karoline Caroline Maja Signe Louise Camilla Mette Line Sanne Julie Cecilie',
    s: 'Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen',
  },
  EST: {
    m: 'Rasmus Robin Oliver Sebastian Markus Martin Karl Kristjan Andres Tanel Margus Rein Toomas Jaan Priit Siim Mihkel Kaspar Urmas Indrek',
    f: 'Sofia Eliise Mia Lisandra Maria Laura Kertu Liis Kadri Triin Kristiina Katrin Piret Mari Anu Tiina Helen Merike Getter Grete',
    s: 'Tamm Saar Sepp Mägi Kask Kukk Rebane Ilves Pärn Koppel Lepik Kallas Oja Raudsepp Luik Lõhmus Kuusk Vaher Karu Kivi',
  },
  FIN: {
    m: 'Juhani Mikael Matti Timo Antero Jari Pekka Mikko Ville Antti Janne Tuomas Juha Sami Lauri Eero Aleksi Olli Heikki Onni',
    f: 'Maria Anna Helena Johanna Sofia Aino Emilia Kaarina Elina Liisa Tiina Sari Minna Anne Laura Hanna Satu Päivi Venla Eveliina',
    s: 'Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen',
  },
  FRA: {
    m: 'Gabriel Louis Raphaël Jules Adam Lucas Léo Hugo Arthur Nathan Thomas Nicolas Julien Antoine Maxime Alexandre Pierre Mathieu Romain Guillaume',
    f: 'Jade Louise Emma Alice Ambre Lina Rose Chloé Léa Manon Camille Sarah Julie Marie Pauline Laura Céline Émilie Mathilde Claire',
    s: 'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèbvre Leroy Roux David Bertrand Morel Fournier Girard',
  },
  DEU: {
    m: 'Lukas Leon Finn Jonas Paul Felix Maximilian Luca Tim Jan Niklas Tobias Florian Sebastian Stefan Michael Alexander Christian Daniel Matthias',
    f: 'Mia Emma Hannah Sophia Lea Lena Anna Laura Julia Sarah Lisa Katharina Johanna Marie Leonie Jana Franziska Sabine Stefanie Melanie',
    s: 'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann',
  },
  GRC: {
    m: 'Georgios Ioannis Konstantinos Dimitrios Nikolaos Panagiotis Vasileios Christos Athanasios Michail Evangelos Spyridon Antonios Anastasios Theodoros Emmanouil Ilias Stavros Petros Alexandros',
    f: 'Maria Eleni Aikaterini Vasiliki Sofia Angeliki Georgia Dimitra Konstantina Paraskevi Anastasia Christina Ioanna Panagiota Evangelia Despoina Eirini Kalliopi Athina Theodora',
    s: 'Papadopoulos Papadakis Georgiou Oikonomou Dimitriou Papanikolaou Vasileiou Nikolaou Karagiannis Pappas Makris Ioannidis Christodoulou Konstantinidis Alexiou Athanasiou Antoniou Theodorou Mavridis Kyriakidis',
  },
  HUN: {
    m: 'Bence Máté Levente Dominik Ádám Balázs Dániel Gergő Péter László István Zoltán Gábor Tamás Attila János Csaba Zsolt Norbert Krisztián',
    f: 'Hanna Anna Zsófia Luca Boglárka Lili Eszter Réka Katalin Erzsébet Ildikó Krisztina Andrea Mónika Judit Zsuzsanna Nikolett Dóra Viktória Petra',
    s: 'Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos Mészáros Oláh Simon Rácz Fekete',
  },
  ISL: {
    m: 'Jón Sigurður Guðmundur Gunnar Ólafur Einar Kristján Magnús Stefán Jóhann Björn Arnar Helgi Aron Alexander Viktor Kári Óskar Ragnar Davíð',
    f: 'Guðrún Anna Kristín Sigríður Margrét Helga Sigrún Ingibjörg Jóhanna María Katrín Elín Hildur Ásta Emilía Sara Eva Freyja Embla Ragnheiður',
    s: 'Jónsson Sigurðsson Guðmundsson Gunnarsson Ólafsson Einarsson Kristjánsson Magnússon Stefánsson Jóhannsson Björnsson Arnarsson Helgason Ragnarsson Pétursson Þórsson Halldórsson Árnason Bjarnason Karlsson',
  },
  ITA: {
    m: 'Leonardo Francesco Alessandro Lorenzo Mattia Andrea Gabriele Riccardo Tommaso Edoardo Marco Luca Giuseppe Giovanni Antonio Matteo Davide Simone Federico Stefano',
    f: 'Sofia Giulia Aurora Alice Ginevra Emma Giorgia Beatrice Martina Chiara Francesca Sara Valentina Alessia Elisa Federica Silvia Elena Paola Laura',
    s: 'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Fontana Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri',
  },
};
