import type { Language } from '../../shared/vocabulary.js';
import type { RegionSchemeId, SchemeRegion } from './region-types.js';
import { regionsOfScheme } from './region-schemes.js';

// Region names in the six UN languages: the one table the statistics page and the public API
// both name regions from. English is each scheme's own name (M49's is the one dataUNODC's
// Region and Subregion columns use). The other languages follow UN terminology for the M49
// areas; the GLOTIP 2018 groups are not M49 areas, and their names are Vigil's own translation
// of the report's English names.

type Translations = Readonly<Record<Exclude<Language, 'en'>, string>>;

// prettier-ignore
const m49Names: Readonly<Record<string, Translations>> = {
  '002': { ar: 'أفريقيا', zh: '非洲', fr: 'Afrique', ru: 'Африка', es: 'África' },
  '019': { ar: 'الأمريكتان', zh: '美洲', fr: 'Amériques', ru: 'Северная и Южная Америка', es: 'Américas' },
  '142': { ar: 'آسيا', zh: '亚洲', fr: 'Asie', ru: 'Азия', es: 'Asia' },
  '150': { ar: 'أوروبا', zh: '欧洲', fr: 'Europe', ru: 'Европа', es: 'Europa' },
  '009': { ar: 'أوقيانوسيا', zh: '大洋洲', fr: 'Océanie', ru: 'Океания', es: 'Oceanía' },
  '015': { ar: 'شمال أفريقيا', zh: '北非', fr: 'Afrique du Nord', ru: 'Северная Африка', es: 'África septentrional' },
  '202': { ar: 'أفريقيا جنوب الصحراء الكبرى', zh: '撒哈拉以南非洲', fr: 'Afrique subsaharienne', ru: 'Африка к югу от Сахары', es: 'África subsahariana' },
  '419': { ar: 'أمريكا اللاتينية ومنطقة البحر الكاريبي', zh: '拉丁美洲和加勒比', fr: 'Amérique latine et Caraïbes', ru: 'Латинская Америка и Карибский бассейн', es: 'América Latina y el Caribe' },
  '021': { ar: 'أمريكا الشمالية', zh: '北美洲', fr: 'Amérique septentrionale', ru: 'Северная Америка', es: 'América septentrional' },
  '143': { ar: 'آسيا الوسطى', zh: '中亚', fr: 'Asie centrale', ru: 'Центральная Азия', es: 'Asia central' },
  '030': { ar: 'شرق آسيا', zh: '东亚', fr: 'Asie orientale', ru: 'Восточная Азия', es: 'Asia oriental' },
  '035': { ar: 'جنوب شرق آسيا', zh: '东南亚', fr: 'Asie du Sud-Est', ru: 'Юго-Восточная Азия', es: 'Asia sudoriental' },
  '034': { ar: 'جنوب آسيا', zh: '南亚', fr: 'Asie méridionale', ru: 'Южная Азия', es: 'Asia meridional' },
  '145': { ar: 'غرب آسيا', zh: '西亚', fr: 'Asie occidentale', ru: 'Западная Азия', es: 'Asia occidental' },
  '151': { ar: 'أوروبا الشرقية', zh: '东欧', fr: 'Europe orientale', ru: 'Восточная Европа', es: 'Europa oriental' },
  '154': { ar: 'أوروبا الشمالية', zh: '北欧', fr: 'Europe septentrionale', ru: 'Северная Европа', es: 'Europa septentrional' },
  '039': { ar: 'أوروبا الجنوبية', zh: '南欧', fr: 'Europe méridionale', ru: 'Южная Европа', es: 'Europa meridional' },
  '155': { ar: 'أوروبا الغربية', zh: '西欧', fr: 'Europe occidentale', ru: 'Западная Европа', es: 'Europa occidental' },
  '053': { ar: 'أستراليا ونيوزيلندا', zh: '澳大利亚和新西兰', fr: 'Australie et Nouvelle-Zélande', ru: 'Австралия и Новая Зеландия', es: 'Australia y Nueva Zelandia' },
  '054': { ar: 'ميلانيزيا', zh: '美拉尼西亚', fr: 'Mélanésie', ru: 'Меланезия', es: 'Melanesia' },
  '057': { ar: 'ميكرونيزيا', zh: '密克罗尼西亚', fr: 'Micronésie', ru: 'Микронезия', es: 'Micronesia' },
  '061': { ar: 'بولينيزيا', zh: '波利尼西亚', fr: 'Polynésie', ru: 'Полинезия', es: 'Polinesia' },
};

// prettier-ignore
const glotip2018Names: Readonly<Record<string, Translations>> = {
  europe_central_asia: {
    ar: 'أوروبا وآسيا الوسطى', zh: '欧洲和中亚', fr: 'Europe et Asie centrale',
    ru: 'Европа и Центральная Азия', es: 'Europa y Asia central',
  },
  americas: {
    ar: 'الأمريكتان', zh: '美洲', fr: 'Amériques',
    ru: 'Северная и Южная Америка', es: 'Américas',
  },
  africa_middle_east: {
    ar: 'أفريقيا والشرق الأوسط', zh: '非洲和中东', fr: 'Afrique et Moyen-Orient',
    ru: 'Африка и Ближний Восток', es: 'África y Oriente Medio',
  },
  south_east_asia_pacific: {
    ar: 'جنوب آسيا وشرق آسيا والمحيط الهادئ', zh: '南亚、东亚和太平洋',
    fr: 'Asie méridionale, Asie orientale et Pacifique',
    ru: 'Южная Азия, Восточная Азия и Тихий океан', es: 'Asia meridional, Asia oriental y el Pacífico',
  },
  western_southern_europe: {
    ar: 'أوروبا الغربية والجنوبية', zh: '西欧和南欧', fr: 'Europe occidentale et méridionale',
    ru: 'Западная и Южная Европа', es: 'Europa occidental y meridional',
  },
  central_south_eastern_europe: {
    ar: 'أوروبا الوسطى وجنوب شرق أوروبا', zh: '中欧和东南欧', fr: 'Europe centrale et du Sud-Est',
    ru: 'Центральная и Юго-Восточная Европа', es: 'Europa central y sudoriental',
  },
  eastern_europe_central_asia: {
    ar: 'أوروبا الشرقية وآسيا الوسطى', zh: '东欧和中亚', fr: 'Europe orientale et Asie centrale',
    ru: 'Восточная Европа и Центральная Азия', es: 'Europa oriental y Asia central',
  },
  north_central_america_caribbean: {
    ar: 'أمريكا الشمالية والوسطى ومنطقة البحر الكاريبي', zh: '北美洲、中美洲和加勒比',
    fr: 'Amérique septentrionale, Amérique centrale et Caraïbes',
    ru: 'Северная и Центральная Америка и Карибский бассейн',
    es: 'América septentrional, América Central y el Caribe',
  },
  south_america: {
    ar: 'أمريكا الجنوبية', zh: '南美洲', fr: 'Amérique du Sud',
    ru: 'Южная Америка', es: 'América del Sur',
  },
  sub_saharan_africa: {
    ar: 'أفريقيا جنوب الصحراء الكبرى', zh: '撒哈拉以南非洲', fr: 'Afrique subsaharienne',
    ru: 'Африка к югу от Сахары', es: 'África subsahariana',
  },
  north_africa_middle_east: {
    ar: 'شمال أفريقيا والشرق الأوسط', zh: '北非和中东', fr: 'Afrique du Nord et Moyen-Orient',
    ru: 'Северная Африка и Ближний Восток', es: 'Norte de África y Oriente Medio',
  },
  south_asia: {
    ar: 'جنوب آسيا', zh: '南亚', fr: 'Asie méridionale', ru: 'Южная Азия', es: 'Asia meridional',
  },
  east_asia_pacific: {
    ar: 'شرق آسيا والمحيط الهادئ', zh: '东亚和太平洋', fr: 'Asie orientale et Pacifique',
    ru: 'Восточная Азия и Тихий океан', es: 'Asia oriental y el Pacífico',
  },
};

const translations: Readonly<Record<RegionSchemeId, Readonly<Record<string, Translations>>>> = {
  m49: m49Names,
  glotip_2018: glotip2018Names,
};

/** A region's name in `language`; the scheme's English name when no translation is known. */
export function regionDisplayName(
  scheme: RegionSchemeId,
  region: SchemeRegion,
  language: Language,
): string {
  if (language === 'en') return region.name;
  return translations[scheme][region.code]?.[language] ?? region.name;
}

/** The name of a scheme's region or subregion by its code, or null for a code it lacks. */
export function regionNameOf(
  scheme: RegionSchemeId,
  code: string,
  language: Language,
): string | null {
  const region = regionsOfScheme(scheme).find((candidate) => candidate.code === code);
  return region === undefined ? null : regionDisplayName(scheme, region, language);
}
