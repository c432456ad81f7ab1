/**
 * Hand-kept exonyms and native names the city package lacks (its rows carry one name each), so
 * "München", "Munich" and "Monaco di Baviera" meet. Data only: each row is
 * `[gazetteer name, country, display name, ...other names]`. The display name is the English form
 * used in canonical labels; other names are matched case- and accent-insensitively. Languages
 * covered: en, de, fr, es, it, pt, pl, nl, the Nordic languages, ru/uk, el, zh, ja, ko, he, ar.
 * Rows whose gazetteer name is not in the generated table are skipped (a test lists none).
 * @module
 */
export type ExonymRow = readonly [name: string, country: string, display: string, ...aliases: string[]];

export const EXONYMS: readonly ExonymRow[] = [
  // Germany, Austria, Switzerland
  ['Munich', 'DE', 'Munich', 'München', 'Muenchen', 'Munique', 'Múnich', 'Monaco di Baviera', 'Monachium', 'Munich, Bavaria'],
  ['Köln', 'DE', 'Cologne', 'Koeln', 'Colonia', 'Kolonia', 'Keulen'],
  ['Nürnberg', 'DE', 'Nuremberg', 'Nuernberg', 'Núremberg', 'Norimberga', 'Norymberga'],
  [
    'Frankfurt am Main',
    'DE',
    'Frankfurt',
    'Frankfurt/Main',
    'Frankfurt a.M.',
    'Frankfurt am Main',
    'Francfort',
    'Fráncfort',
    'Francoforte',
  ],
  ['Hannover', 'DE', 'Hanover', 'Hanovre', 'Hannóver'],
  ['Düsseldorf', 'DE', 'Düsseldorf', 'Duesseldorf'],
  ['Berlin', 'DE', 'Berlin', 'Berlín', 'Berlino', 'Берлин', '柏林', 'ベルリン'],
  ['Hamburg', 'DE', 'Hamburg', 'Hambourg', 'Hamburgo', 'Amburgo'],
  ['Vienna', 'AT', 'Vienna', 'Wien', 'Vienne', 'Viena', 'Wiedeń', 'Wenen', 'Вена', '维也纳'],
  ['Zürich', 'CH', 'Zurich', 'Zuerich', 'Zurigo', 'Zurych'],
  ['Genève', 'CH', 'Geneva', 'Genf', 'Ginevra', 'Ginebra', 'Genebra', 'Genewa'],
  ['Basel', 'CH', 'Basel', 'Bâle', 'Basilea', 'Bazylea'],
  ['Bern', 'CH', 'Bern', 'Berne', 'Berna'],
  // Benelux, France
  ['Brussels', 'BE', 'Brussels', 'Bruxelles', 'Brussel', 'Brüssel', 'Bruselas', 'Bruxelas', 'Bruksela'],
  ['Antwerpen', 'BE', 'Antwerp', 'Anvers', 'Amberes', 'Anversa', 'Antwerpia'],
  ['Gent', 'BE', 'Ghent', 'Gand', 'Gante'],
  ['The Hague', 'NL', 'The Hague', 'Den Haag', "'s-Gravenhage", 'La Haye', 'La Haya', 'Haia', 'Haga'],
  ['Paris', 'FR', 'Paris', 'París', 'Parigi', 'Paryż', 'Парис', '巴黎', 'パリ'],
  ['Marseille', 'FR', 'Marseille', 'Marseilles', 'Marsella', 'Marsiglia'],
  ['Lyon', 'FR', 'Lyon', 'Lyons', 'Lione'],
  // Southern Europe
  ['Lisbon', 'PT', 'Lisbon', 'Lisboa', 'Lissabon', 'Lisbonne', 'Lisbona', 'Lizbona'],
  ['Porto', 'PT', 'Porto', 'Oporto'],
  ['Sevilla', 'ES', 'Seville', 'Séville', 'Siviglia'],
  ['Rome', 'IT', 'Rome', 'Roma', 'Rom', 'Rzym'],
  ['Milan', 'IT', 'Milan', 'Milano', 'Mailand', 'Milán', 'Mediolan', 'Milão'],
  ['Florence', 'IT', 'Florence', 'Firenze', 'Florenz', 'Florencia', 'Florencja'],
  ['Naples', 'IT', 'Naples', 'Napoli', 'Neapel', 'Nápoles', 'Neapol'],
  ['Turin', 'IT', 'Turin', 'Torino', 'Turín', 'Turyn'],
  ['Venice', 'IT', 'Venice', 'Venezia', 'Venedig', 'Venise', 'Venecia', 'Wenecja'],
  ['Genoa', 'IT', 'Genoa', 'Genova', 'Genua', 'Gênes', 'Génova'],
  ['Thessaloníki', 'GR', 'Thessaloniki', 'Salonica', 'Θεσσαλονίκη', 'Saloniki'],
  ['Athens', 'GR', 'Athens', 'Αθήνα', 'Athen', 'Athènes', 'Atenas', 'Atene', 'Ateny'],
  // Central and Eastern Europe
  ['Prague', 'CZ', 'Prague', 'Praha', 'Prag', 'Praga'],
  ['Warsaw', 'PL', 'Warsaw', 'Warszawa', 'Warschau', 'Varsovie', 'Varsovia', 'Varsavia', 'Варшава'],
  ['Kraków', 'PL', 'Kraków', 'Cracow', 'Krakau', 'Cracovie', 'Cracovia'],
  ['Wrocław', 'PL', 'Wrocław', 'Breslau', 'Breslavia'],
  ['Gdańsk', 'PL', 'Gdańsk', 'Danzig'],
  ['Bucharest', 'RO', 'Bucharest', 'București', 'Bukarest', 'Bucarest', 'Bukareszt'],
  ['Belgrade', 'RS', 'Belgrade', 'Beograd', 'Belgrad', 'Belgrado', 'Београд'],
  ['Vilnius', 'LT', 'Vilnius', 'Wilno', 'Wilna'],
  ['Moscow', 'RU', 'Moscow', 'Москва', 'Moskau', 'Moscou', 'Moscú', 'Mosca', 'Moskwa'],
  [
    'Saint Petersburg',
    'RU',
    'Saint Petersburg',
    'Санкт-Петербург',
    'St. Petersburg',
    'St Petersburg',
    'Sankt Petersburg',
    'Saint-Pétersbourg',
    'San Petersburgo',
  ],
  ['Kyiv', 'UA', 'Kyiv', 'Kiev', 'Київ', 'Киев', 'Kijów', 'Kiew'],
  // Nordics
  ['Copenhagen', 'DK', 'Copenhagen', 'København', 'Kobenhavn', 'Kopenhagen', 'Copenhague', 'Copenaghen', 'Kopenhaga'],
  ['Göteborg', 'SE', 'Gothenburg', 'Goteborg', 'Göteburg', 'Gotemburgo'],
  ['Helsinki', 'FI', 'Helsinki', 'Helsingfors'],
  // Asia
  ['Beijing', 'CN', 'Beijing', '北京', '北京市', 'Peking', 'Pékin', 'Pekín', 'Pechino', 'Pequim', 'Pekin'],
  ['Shanghai', 'CN', 'Shanghai', '上海', '上海市', 'Szanghaj'],
  ['Guangzhou', 'CN', 'Guangzhou', '广州', '廣州', 'Canton'],
  ['Shenzhen', 'CN', 'Shenzhen', '深圳', '深圳市'],
  ['Hangzhou', 'CN', 'Hangzhou', '杭州', '杭州市'],
  ['Chengdu', 'CN', 'Chengdu', '成都', '成都市'],
  ['Hong Kong', 'HK', 'Hong Kong', '香港', 'Hongkong'],
  ['Taipei', 'TW', 'Taipei', '台北', '臺北', '台北市', '臺北市'],
  ['Tokyo', 'JP', 'Tokyo', '東京', '東京都', 'Tokio', 'Tóquio'],
  ['Osaka', 'JP', 'Osaka', '大阪', '大阪市'],
  ['Seoul', 'KR', 'Seoul', '서울', '서울특별시', 'Séoul', 'Seúl'],
  ['Singapore', 'SG', 'Singapore', '新加坡', 'Singapur', 'Singapour', 'Cingapura'],
  ['Mumbai', 'IN', 'Mumbai', 'Bombay'],
  ['Bengaluru', 'IN', 'Bengaluru', 'Bangalore'],
  ['Cochin', 'IN', 'Kochi', 'Cochin'],
  ['Bhubaneshwar', 'IN', 'Bhubaneswar', 'Bhubaneshwar'],
  ['Chennai', 'IN', 'Chennai', 'Madras'],
  ['Kolkata', 'IN', 'Kolkata', 'Calcutta'],
  ['Ho Chi Minh City', 'VN', 'Ho Chi Minh City', 'Saigon', 'Thành phố Hồ Chí Minh', 'Hồ Chí Minh', 'HCMC'],
  ['Tel Aviv', 'IL', 'Tel Aviv', 'Tel Aviv-Yafo', 'Tel-Aviv', 'תל אביב'],
  ['Istanbul', 'TR', 'Istanbul', 'İstanbul', 'Estambul', 'Stambuł'],
  ['Cairo', 'EG', 'Cairo', 'القاهرة', 'Le Caire', 'Kairo', 'El Cairo'],
  // Americas, UK
  ['New York City', 'US', 'New York', 'New York City', 'NYC', 'Nueva York', 'Nova Iorque', 'Nowy Jork'],
  ['Santiago de Querétaro', 'MX', 'Querétaro', 'Queretaro', 'Santiago de Querétaro'],
  ['Mexico City', 'MX', 'Mexico City', 'Ciudad de México', 'CDMX', 'México D.F.', 'Mexiko-Stadt'],
  ['London', 'GB', 'London', 'Londres', 'Londra', 'Londyn', 'Лондон', '伦敦', 'ロンドン'],
  ['Edinburgh', 'GB', 'Edinburgh', 'Édimbourg', 'Edimburgo'],
  ['Montréal', 'CA', 'Montreal', 'Montréal'],
  ['Québec', 'CA', 'Quebec City', 'Québec', 'Quebec', 'Ville de Québec'],
];

/** `[country, GeoNames admin1 code, ...names]`: native names and abbreviations of admin-1 regions. */
export type RegionAliasRow = readonly [country: string, admin1: string, ...aliases: string[]];

/**
 * Hand-kept native names and everyday abbreviations of admin-1 regions that the region packages
 * (GeoNames English names, ISO 3166-2 codes, names in 12 languages) lack: Dutch provinces, Polish
 * voivodeships as Poles write them, Spanish/Catalan/Basque forms, Mexican state abbreviations.
 * Data only; rows whose code is not in the generated table are skipped (a test checks each row's
 * first name finds its region).
 */
export const REGION_ALIASES: readonly RegionAliasRow[] = [
  ['NL', '07', 'Noord-Holland'],
  ['NL', '11', 'Zuid-Holland'],
  ['NL', '06', 'Noord-Brabant'],
  ['NL', '02', 'Fryslân'],
  ['PL', '72', 'dolnośląskie', 'Dolny Śląsk'],
  ['PL', '73', 'kujawsko-pomorskie'],
  ['PL', '74', 'łódzkie'],
  ['PL', '75', 'lubelskie'],
  ['PL', '76', 'lubuskie'],
  ['PL', '77', 'małopolskie', 'Małopolska'],
  ['PL', '78', 'mazowieckie', 'Mazowsze'],
  ['PL', '79', 'opolskie'],
  ['PL', '80', 'podkarpackie'],
  ['PL', '81', 'podlaskie'],
  ['PL', '82', 'pomorskie'],
  ['PL', '83', 'śląskie', 'Śląsk'],
  ['PL', '84', 'świętokrzyskie'],
  ['PL', '85', 'warmińsko-mazurskie'],
  ['PL', '86', 'wielkopolskie', 'Wielkopolska'],
  ['PL', '87', 'zachodniopomorskie'],
  ['ES', '56', 'Catalunya'],
  ['ES', '59', 'Euskadi', 'País Vasco'],
  ['ES', '60', 'Comunitat Valenciana', 'Comunidad Valenciana'],
  ['ES', '29', 'Comunidad de Madrid'],
  ['MX', '09', 'CDMX', 'Distrito Federal', 'DF'],
  // Mexican states as addresses abbreviate them (N.L., Gto., Qro., Edomex): not the ISO codes.
  ['MX', '01', 'Ags'],
  ['MX', '02', 'BC'],
  ['MX', '04', 'Camp'],
  ['MX', '05', 'Chis'],
  ['MX', '06', 'Chih'],
  ['MX', '07', 'Coah'],
  ['MX', '10', 'Dgo'],
  ['MX', '11', 'Gto'],
  ['MX', '12', 'Gro'],
  ['MX', '13', 'Hgo'],
  ['MX', '15', 'Edomex', 'Edo. Méx.', 'Estado de México'],
  ['MX', '16', 'Mich'],
  ['MX', '18', 'Nay'],
  ['MX', '19', 'N.L.', 'NL'],
  ['MX', '20', 'Oax'],
  ['MX', '22', 'Qro'],
  ['MX', '23', 'Q. Roo', 'QRoo'],
  ['MX', '25', 'Sin'],
  ['MX', '27', 'Tab'],
  ['MX', '28', 'Tamps'],
  ['MX', '29', 'Tlax'],
  ['MX', '30', 'Ver'],
  ['MX', '31', 'Yuc'],
  ['MX', '32', 'Zac'],
  // GeoNames files Kyiv city as "Kiev" and the oblast around it as "Kyiv": the city's own names.
  ['UA', '12', 'Kyiv City', 'Kyiv', 'Київ', 'Kijów'],
  ['IN', '40', 'TS'],
  ['IN', '07', 'NCT of Delhi', 'National Capital Territory of Delhi'],
  ['BE', 'VLG', 'Vlaanderen'],
  ['BE', 'WAL', 'Wallonie'],
  ['BE', 'BRU', 'Bruxelles-Capitale', 'Brussels Hoofdstedelijk Gewest'],
];
