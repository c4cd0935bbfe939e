/**
 * Given names and surnames in native spelling, nations LVA..USA plus the partner nations AUS and NZL
 * that two presets use. Compiled from public lists of common names; see nation-names-a.ts.
 */
import type { NameLists } from './names/name-lists.js';

export const NAMES_B: Readonly<Record<string, NameLists>> = {
  LVA: {
    m: 'Jānis Andris Pēteris Mārtiņš Edgars Kārlis Roberts Artūrs Aivars Juris Māris Guntis Raivis Rihards Dāvis Gints Normunds Oskars Ivars Kristaps',
    f: 'Anna Līga Ilze Inese Kristīne Laura Anete Elīza Sanita Dace Marta Sintija Zane Ieva Evija Agnese Linda Santa Alise Baiba',
    s: 'Bērziņš Kalniņš Ozols Jansons Liepiņš Krūmiņš Balodis Eglītis Zariņš Pētersons Vītols Kļaviņš Kārkliņš Vanags Lapiņš Zvaigzne Grīnbergs Siliņš Upītis Freimanis',
  },
  LTU: {
    m: 'Jonas Mantas Tomas Lukas Matas Dovydas Paulius Darius Andrius Vytautas Marius Tadas Rokas Justinas Karolis Arnas Giedrius Mindaugas Saulius Gediminas',
    f: 'Emilija Austėja Gabija Ugnė Kamilė Rūta Laura Ieva Agnė Eglė Indrė Greta Jurgita Inga Vaida Monika Aistė Rasa Gintarė Simona',
    s: 'Kazlauskas Jankauskas Petrauskas Stankevičius Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas Navickas Ramanauskas Savickas Rimkus Žilinskas Balčiūnas Mockus Baranauskas Lukoševičius Adomaitis',
  },
  LUX: {
    m: 'Gabriel Luca Noah Leo Liam Ben Tom Max Paul Jeff Marc Claude Patrick Yves Pol Gilles Laurent Mike Sven Jérôme',
    f: 'Emma Mia Lara Léa Sofia Anna Zoé Lena Chloé Sarah Nathalie Sandra Carole Martine Anne Tessy Jessica Claudine Laura Joëlle',
    s: 'Schmit Muller Weber Wagner Hoffmann Thill Schmitz Klein Meyer Kieffer Reuter Becker Schiltz Welter Goergen Kremer Weis Majerus Schroeder Faber',
  },
  MNE: {
    m: 'Luka Marko Nikola Stefan Petar Milan Vuk Andrej Filip Miloš Danilo Nemanja Dušan Vladimir Aleksa Balša Đorđe Savo Mihailo Ivan',
    f: 'Milica Ana Jovana Marija Sara Teodora Anđela Tijana Kristina Jelena Ivana Dragana Nina Mina Katarina Jana Tamara Maša Dunja Sofija',
    s: 'Popović Vuković Marković Radulović Jovanović Đukanović Vujović Perović Bulatović Ivanović Nikolić Šćepanović Kovačević Lakić Mijušković Pejović Radović Vujošević Božović Raičević',
  },
  NLD: {
    m: 'Daan Sem Lucas Levi Finn Milan Jesse Luuk Bram Thijs Ruben Tim Lars Stijn Jeroen Bas Dennis Mark Sander Wouter',
    f: 'Emma Julia Mila Tess Sophie Zoë Sara Anna Eva Lotte Fleur Sanne Lisa Iris Femke Anouk Marloes Esther Ingrid Maaike',
    s: 'Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Smits Kok Jacobs Vermeulen Willems Mol Prins',
  },
  MKD: {
    m: 'Aleksandar Nikola Stefan Darko Goran Igor Dejan Zoran Vladimir Bojan Marko Filip Kiril Trajče Dimitar Petar Viktor Blagoja Toni Ljupčo',
    f: 'Marija Elena Ana Ivana Sara Teodora Katerina Biljana Jasmina Snežana Ljubica Maja Aleksandra Simona Angela Dragana Vesna Tanja Irena Mila',
    s: 'Stojanovski Trajkovski Nikolovski Petrovski Dimitrovski Jovanovski Angelovski Kostovski Ristovski Mitrevski Stefanovski Georgievski Atanasovski Iliev Petrov Todorovski Popovski Krstevski Spasovski Velkovski',
  },
  NOR: {
    m: 'Jan Per Bjørn Ole Lars Kjell Knut Arne Svein Thomas Hans Geir Tor Morten Terje Odd Erik Martin Andreas Jonas',
    f: 'Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Maria Elisabeth Kristin',
    s: 'Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl',
  },
  POL: {
    m: 'Jan Piotr Krzysztof Andrzej Tomasz Paweł Marcin Michał Grzegorz Jakub Łukasz Adam Kamil Mateusz Bartosz Wojciech Dawid Szymon Maciej Przemysław',
    f: 'Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Magdalena Joanna Aleksandra Monika Zofia Natalia Karolina Justyna Paulina Marta Julia Weronika',
    s: 'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Wojciechowski Krawczyk Kaczmarek Piotrowski Grabowski',
  },
  PRT: {
    m: 'João Francisco Afonso Tomás Duarte Santiago Rodrigo Martim Miguel Gonçalo Pedro Tiago Diogo Rui Nuno Ricardo Bruno Luís Hugo André',
    f: 'Maria Leonor Matilde Beatriz Carolina Mariana Ana Inês Sofia Margarida Joana Rita Catarina Sara Marta Filipa Daniela Cláudia Patrícia Sandra',
    s: 'Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho',
  },
  ROU: {
    m: 'Andrei Alexandru Ionuț Mihai Ștefan Gabriel Florin Cristian Adrian Bogdan Marius Daniel Vlad Răzvan Nicolae Constantin Gheorghe Dumitru Radu Sorin',
    f: 'Maria Elena Ioana Andreea Alexandra Mihaela Ana Cristina Gabriela Daniela Roxana Alina Diana Irina Simona Raluca Bianca Larisa Oana Camelia',
    s: 'Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Constantin Mihai Marin Lungu Barbu Diaconu Florea',
  },
  SVK: {
    m: 'Jakub Samuel Adam Michal Martin Tomáš Peter Ján Marek Lukáš Juraj Dominik Matej Filip Patrik Róbert Štefan Jozef Milan Vladimír',
    f: 'Sofia Ema Natália Nina Viktória Kristína Lucia Zuzana Mária Katarína Jana Eva Martina Veronika Monika Lenka Barbora Simona Petra Andrea',
    s: 'Horváth Kováč Varga Tóth Nagy Baláž Szabó Molnár Balog Lukáč Novák Kollár Polák Oravec Kráľ Gajdoš Hudák Kučera Mráz Šimko',
  },
  SVN: {
    m: 'Luka Jan Žiga Nejc Jure Matej Rok Anže Gregor Miha Aljaž Tilen Marko Primož Boštjan Matjaž Andrej Tomaž Janez Uroš',
    f: 'Ana Maja Eva Nina Sara Tjaša Špela Urška Mojca Katja Petra Nika Lara Zala Metka Mateja Barbara Tina Jožica Irena',
    s: 'Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Kralj Božič Korošec Bizjak Zupan Hribar Kavčič Rozman',
  },
  ESP: {
    m: 'Antonio Manuel José Francisco David Juan Javier Daniel Carlos Jesús Alejandro Miguel Rafael Pablo Sergio Álvaro Adrián Hugo Iván Rubén',
    f: 'María Carmen Ana Isabel Laura Cristina Marta Lucía Sara Paula Elena Raquel Beatriz Rocío Nuria Silvia Irene Andrea Pilar Alba',
    s: 'García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Hernández Ruiz Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez',
  },
  SWE: {
    m: 'Lars Mikael Anders Johan Erik Per Karl Peter Jan Thomas Daniel Fredrik Hans Andreas Magnus Oskar William Lucas Gustav Axel',
    f: 'Anna Eva Maria Karin Sara Kristina Lena Emma Kerstin Ingrid Malin Sofia Linnea Ebba Elsa Alice Maja Johanna Hanna Frida',
    s: 'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström',
  },
  TUR: {
    m: 'Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Yusuf Ömer Fatih Kemal Serkan Onur Barış Cem Eren Oğuz',
    f: 'Fatma Ayşe Emine Hatice Zeynep Elif Meryem Şerife Zehra Sultan Hülya Esra Merve Büşra Derya Gül Özlem Ebru Selin Ceren',
    s: 'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek',
  },
  GBR: {
    m: 'Oliver George Harry Jack Jacob Noah Charlie Thomas Oscar William James Daniel Matthew Joshua Samuel Benjamin Ryan Callum Liam Lewis',
    f: 'Olivia Amelia Isla Ava Emily Sophie Grace Lily Jessica Chloe Charlotte Hannah Lucy Ellie Megan Rebecca Emma Laura Rachel Katie',
    s: 'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall',
  },
  USA: {
    m: 'James Robert John Michael David William Richard Joseph Thomas Christopher Daniel Matthew Anthony Joshua Andrew Tyler Brandon Justin Kevin Jose',
    f: 'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Ashley Emily Amanda Megan Samantha Brittany Nicole Stephanie Maria Kayla',
    s: 'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin',
  },
  AUS: {
    m: 'Jack Oliver William Noah Thomas James Lachlan Ethan Cooper Riley Liam Joshua Mitchell Hayden Brodie Jordan Nathan Lucas Harrison Samuel',
    f: 'Charlotte Olivia Amelia Isla Mia Ava Chloe Emily Sophie Jessica Georgia Lily Ruby Zoe Grace Hannah Matilda Ella Sarah Kate',
    s: 'Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Nguyen Thomas Walker Harris Lee Ryan Robinson Kelly King',
  },
  NZL: {
    m: 'Oliver Jack Noah Leo George William Liam Lucas Mason Hunter Nikau Tama Wiremu Hemi Ariki James Samuel Thomas Ethan Benjamin',
    f: 'Isla Charlotte Olivia Amelia Ava Mia Harper Sophie Ruby Aria Mila Ella Grace Emily Anahera Aroha Kaia Mere Hana Lucy',
    s: 'Smith Wilson Williams Brown Taylor Jones Walker Thompson Anderson White Harris Martin Ngata Tane Parata Cooper King Wright Robinson Clark',
  },
};
