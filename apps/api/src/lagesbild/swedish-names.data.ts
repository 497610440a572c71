/**
 * Common Swedish first names and surnames (after SCB's most frequent names), shipped with Läget so
 * that the name suggestions work before anyone is registered. Suggestions only: a person decides.
 */
// prettier-ignore
export const commonFirstNames: readonly string[] = [
  // women
  'Agneta', 'Agnes', 'Alice', 'Alma', 'Alva', 'Amanda', 'Anita', 'Ann', 'Anna', 'Anne', 'Annelie', 'Annika',
  'Astrid', 'Barbro', 'Berit', 'Birgitta', 'Britt', 'Camilla', 'Carina', 'Caroline', 'Cecilia', 'Charlotte',
  'Christina', 'Ebba', 'Elin', 'Elisabeth', 'Ella', 'Ellen', 'Elsa', 'Elvira', 'Emelie', 'Emma', 'Ester',
  'Eva', 'Fatima', 'Felicia', 'Frida', 'Freja', 'Gun', 'Gunilla', 'Hanna', 'Helen', 'Helena', 'Ida', 'Inger',
  'Ingrid', 'Jenny', 'Jessica', 'Johanna', 'Josefin', 'Julia', 'Karin', 'Katarina', 'Kerstin', 'Klara',
  'Kristina', 'Lena', 'Linda', 'Linn', 'Linnea', 'Linnéa', 'Lisa', 'Lotta', 'Louise', 'Lovisa', 'Madeleine',
  'Maja', 'Malin', 'Margareta', 'Maria', 'Marie', 'Marianne', 'Matilda', 'Mia', 'Moa', 'Monica', 'Nellie',
  'Nora', 'Olivia', 'Petra', 'Pia', 'Rebecka', 'Ronja', 'Saga', 'Sandra', 'Sara', 'Selma', 'Signe', 'Siv',
  'Sofia', 'Sofie', 'Stina', 'Susanne', 'Therese', 'Tilda', 'Tove', 'Ulla', 'Ulrika', 'Vera', 'Veronica',
  'Viktoria', 'Wilma', 'Ylva', 'Yvonne', 'Åsa',
  // men
  'Adam', 'Albin', 'Alexander', 'Ali', 'Anders', 'Andreas', 'Anton', 'Arne', 'Arvid', 'Axel', 'Bengt',
  'Bertil', 'Björn', 'Bo', 'Christer', 'Christian', 'Daniel', 'David', 'Dennis', 'Elias', 'Elliot', 'Emil',
  'Erik', 'Filip', 'Fredrik', 'Gunnar', 'Gustav', 'Göran', 'Hampus', 'Hans', 'Henrik', 'Holger', 'Hugo',
  'Håkan', 'Ingvar', 'Isak', 'Jakob', 'Jan', 'Jesper', 'Joakim', 'Johan', 'Johnny', 'Jonas', 'Jörgen',
  'Kalle', 'Karl', 'Kent', 'Kevin', 'Kjell', 'Lars', 'Leif', 'Lennart', 'Leo', 'Liam', 'Linus', 'Lucas',
  'Ludvig', 'Magnus', 'Marcus', 'Martin', 'Mats', 'Mattias', 'Melvin', 'Mikael', 'Mohamed', 'Mohammad',
  'Mohammed', 'Niklas', 'Nils', 'Noah', 'Olle', 'Olof', 'Oliver', 'Oskar', 'Ove', 'Patrik', 'Pelle', 'Per',
  'Peter', 'Rasmus', 'Robert', 'Robin', 'Roger', 'Rolf', 'Sebastian', 'Simon', 'Sixten', 'Stefan', 'Sten',
  'Stig', 'Sven', 'Theo', 'Thomas', 'Tobias', 'Tommy', 'Torbjörn', 'Ulf', 'Viggo', 'Viktor', 'Vincent',
  'William', 'Åke',
];

// prettier-ignore
export const commonSurnames: readonly string[] = [
  'Abrahamsson', 'Ahmed', 'Ali', 'Andersson', 'Andreasson', 'Arvidsson', 'Axelsson', 'Bengtsson', 'Berg',
  'Berggren', 'Berglund', 'Bergman', 'Bergqvist', 'Bergström', 'Björk', 'Björklund', 'Blom', 'Blomqvist',
  'Claesson', 'Dahlberg', 'Danielsson', 'Ek', 'Eklund', 'Ekström', 'Eliasson', 'Engström', 'Eriksson', 'Falk',
  'Forsberg', 'Fransson', 'Fredriksson', 'Gunnarsson', 'Gustafsson', 'Hansson', 'Hassan', 'Hedlund',
  'Hellström', 'Henriksson', 'Hermansson', 'Holm', 'Holmberg', 'Holmgren', 'Hussein', 'Håkansson',
  'Isaksson', 'Jakobsson', 'Jansson', 'Johansson', 'Jonsson', 'Jönsson', 'Karlsson', 'Larsson', 'Lind',
  'Lindberg', 'Lindgren', 'Lindholm', 'Lindqvist', 'Lindström', 'Lund', 'Lundberg', 'Lundgren', 'Lundin',
  'Lundqvist', 'Lundström', 'Magnusson', 'Martinsson', 'Mattsson', 'Mohamed', 'Månsson', 'Mårtensson',
  'Nilsson', 'Nordin', 'Nordqvist', 'Nordström', 'Nyberg', 'Nyström', 'Olofsson', 'Olsson', 'Persson',
  'Pettersson', 'Pålsson', 'Samuelsson', 'Sandberg', 'Sandström', 'Sjöberg', 'Sjögren', 'Strand', 'Ström',
  'Sundberg', 'Sundström', 'Svensson', 'Söderberg', 'Viklund', 'Wallin', 'Wikström', 'Åberg', 'Åkesson',
  'Öberg',
];

/**
 * Names that are also everyday words ("Hans bil", "Per vecka", "Berg och dal"): alone at the start
 * of a sentence they are capitalised for grammar, not because they are names.
 */
// prettier-ignore
export const ambiguousNames: readonly string[] = [
  'Bo', 'Berg', 'Björk', 'Björn', 'Blom', 'Ek', 'Falk', 'Frida', 'Hans', 'Holm', 'Klara', 'Lind', 'Linda',
  'Lisa', 'Lund', 'Per', 'Saga', 'Sten', 'Stig', 'Strand', 'Ström', 'Vera', 'Ali', 'Leo', 'Signe',
];
