import type { LocaleDefinition } from '@faker-js/faker';

/**
 * Name lists layered over faker's en_GB locale, which has no name lists of its own and falls back to US names.
 * These reflect the UK consultant workforce: common British first names of people born 1960–1990, and common
 * surnames of England and Wales together with surnames frequent among UK doctors of South Asian, African,
 * East Asian, Middle Eastern and European heritage. Faker (seeded) still does the picking, and en_GB's pattern
 * still makes one surname in ten double-barrelled.
 */
export const NHS_NAMES: LocaleDefinition = {
  person: {
    first_name: {
      female: [
        'Sarah', 'Emma', 'Rachel', 'Helen', 'Claire', 'Catherine', 'Elizabeth', 'Louise', 'Rebecca', 'Victoria',
        'Joanna', 'Nicola', 'Caroline', 'Alison', 'Fiona', 'Jane', 'Susan', 'Karen', 'Laura', 'Hannah',
        'Charlotte', 'Sophie', 'Lucy', 'Anna', 'Kate', 'Emily', 'Amy', 'Katherine', 'Jennifer', 'Ruth',
        'Clare', 'Harriet', 'Philippa', 'Eleanor', 'Siân', 'Bethan', 'Gemma', 'Joanne', 'Natalie', 'Zoe',
        'Alice', 'Frances', 'Deborah', 'Julia', 'Kirsty', 'Morag', 'Eilidh', 'Aoife', 'Niamh', 'Ciara',
        'Priya', 'Anjali', 'Sunita', 'Deepa', 'Kavita', 'Meera', 'Shreya', 'Pooja', 'Nisha', 'Divya',
        'Aisha', 'Fatima', 'Ayesha', 'Sana', 'Nadia', 'Zara', 'Farah', 'Yasmin', 'Samina', 'Rukhsana',
        'Amara', 'Ngozi', 'Adaeze', 'Chioma', 'Folake', 'Abena', 'Mei', 'Lin', 'Hui', 'Maria',
      ],
      male: [
        'James', 'John', 'David', 'Richard', 'Andrew', 'Mark', 'Paul', 'Michael', 'Stephen', 'Christopher',
        'Matthew', 'Daniel', 'Simon', 'Peter', 'Robert', 'Thomas', 'Jonathan', 'Nicholas', 'Ian', 'Martin',
        'Alexander', 'Benjamin', 'William', 'Edward', 'Timothy', 'Jeremy', 'Neil', 'Gareth', 'Owen', 'Rhys',
        'Iain', 'Alastair', 'Duncan', 'Philip', 'Anthony', 'Graham', 'Adam', 'Oliver', 'Samuel', 'Joseph',
        'Hugh', 'Rupert', 'Charles', 'Henry', 'Patrick', 'Sean', 'Ciaran', 'Dylan', 'Huw', 'Gavin',
        'Ravi', 'Sanjay', 'Amit', 'Rajesh', 'Vikram', 'Arjun', 'Rahul', 'Anil', 'Rohit', 'Sameer',
        'Imran', 'Faisal', 'Omar', 'Tariq', 'Hassan', 'Ahmed', 'Mohammed', 'Usman', 'Bilal', 'Zaid',
        'Kwame', 'Chinedu', 'Oluwaseun', 'Emeka', 'Kofi', 'Tunde', 'Wei', 'Jun', 'Hiroshi', 'Marco',
      ],
    },
    last_name: {
      generic: [
        'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
        'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
        'Lewis', 'Harris', 'Clarke', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
        'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James',
        'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell',
        'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller',
        'Cox', 'Richards', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Wilkinson', 'Foster', 'Chapman',
        'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Hunt', 'Campbell', 'Matthews', 'Owen', 'Palmer',
        'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker', 'Fisher', 'Stevens',
        'Jenkins', 'Murray', 'Dixon', 'Harvey', 'Graham', 'Pearson', 'Fletcher', 'Walsh', 'Gibson', 'Howard',
        'Andrews', 'Stewart', 'Elliott', 'Reynolds', 'Saunders', 'Payne', 'Fox', 'Ford', 'Pearce', 'Brooks',
        'Lawrence', 'Cole', 'Atkinson', 'Bradley', 'Spencer', 'Dawson', 'Burton', "O'Brien", 'Rose', 'Booth',
        'Perry', 'Ryan', 'Grant', 'Wells', 'Armstrong', 'Francis', 'Rees', 'Hayes', 'Hart', 'Hudson',
        'Newman', 'Webster', 'Hunter', 'Gregory', 'Carr', 'Lowe', 'Page', 'Marsh', 'Riley', 'Dunn',
        'Reid', 'Holland', 'Hawkins', 'Harding', 'Porter', 'Robertson', 'Newton', 'Oliver', 'Kennedy', 'Gardner',
        'Burgess', 'Bishop', 'Nicholson', 'Ross', 'Freeman', 'Hamilton', 'Byrne', 'McDonald', "O'Connor", 'Watkins',
        'McCarthy', "O'Neill", 'Doyle', 'Wallace', 'Fraser', 'MacLeod', 'Sinclair', 'Llewellyn', 'Pritchard', 'Vaughan',
        'Patel', 'Shah', 'Khan', 'Singh', 'Kaur', 'Ahmed', 'Ali', 'Hussain', 'Akhtar', 'Rahman',
        'Sharma', 'Kumar', 'Gupta', 'Iyer', 'Menon', 'Nair', 'Pillai', 'Rao', 'Reddy', 'Joshi',
        'Mehta', 'Desai', 'Bhatt', 'Chatterjee', 'Banerjee', 'Mukherjee', 'Ghosh', 'Das', 'Chaudhry', 'Malik',
        'Siddiqui', 'Qureshi', 'Iqbal', 'Hossain', 'Islam', 'Rashid', 'Karim', 'Haddad', 'Ibrahim', 'Yusuf',
        'Okafor', 'Adeyemi', 'Okonkwo', 'Mensah', 'Osei', 'Boateng', 'Adebayo', 'Eze', 'Chen', 'Wong',
        'Li', 'Zhang', 'Tan', 'Lim', 'Papadopoulos', 'Kowalski', 'Nowak', 'Rossi', 'Fernandes', 'Pereira',
      ],
    },
  },
};
