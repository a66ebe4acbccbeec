import type { ruleMessageLanguages } from '../../shared/glotip-vocabulary.js';

// The text of each GLOTIP validation rule in the six UN languages, keyed by rule id. `{name}`
// stands for a parameter of the violation; every language uses the same parameters. `{cell}` is a
// cell's stable text key (the form highlights the cells themselves); `{parts}` and `{total}` print
// as `7` or, when censored values are involved, as the interval `3–7`.

/** A message in each of the six languages. */
export type RuleMessages = Readonly<Record<(typeof ruleMessageLanguages)[number], string>>;

export const ruleMessages = {
  'cell.in_data_set': {
    en: 'Cell {cell} is not part of this data set.',
    fr: 'La cellule {cell} ne fait pas partie de cet ensemble de données.',
    es: 'La celda {cell} no forma parte de este conjunto de datos.',
    ru: 'Ячейка {cell} не входит в этот набор данных.',
    zh: '单元格 {cell} 不属于本数据集。',
    ar: 'الخلية {cell} ليست جزءًا من مجموعة البيانات هذه.',
  },
  'cell.duplicate': {
    en: 'Cell {cell} is reported {count} times; report it once.',
    fr: 'La cellule {cell} est déclarée {count} fois ; déclarez-la une seule fois.',
    es: 'La celda {cell} se declara {count} veces; declárela una sola vez.',
    ru: 'Ячейка {cell} указана несколько раз ({count}); укажите её только один раз.',
    zh: '单元格 {cell} 被填报了 {count} 次；请只填报一次。',
    ar: 'عدد مرات الإبلاغ عن الخلية {cell}: {count}؛ يجب الإبلاغ عنها مرة واحدة فقط.',
  },
  'value.non_negative_integer': {
    en: 'The count in {cell} must be a whole number of zero or more (found {value}).',
    fr: 'Le nombre dans {cell} doit être un entier positif ou nul (valeur trouvée : {value}).',
    es: 'El recuento en {cell} debe ser un número entero igual o mayor que cero (valor encontrado: {value}).',
    ru: 'Значение в ячейке {cell} должно быть целым неотрицательным числом (указано: {value}).',
    zh: '{cell} 中的计数必须是大于或等于零的整数（当前值：{value}）。',
    ar: 'يجب أن يكون العدد في {cell} عددًا صحيحًا يساوي صفرًا أو أكثر (القيمة الواردة: {value}).',
  },
  'value.censored_bounds': {
    en: 'The censored value in {cell} must be a range of whole numbers with 0 ≤ lower bound ≤ upper bound (found {lower} to {upper}).',
    fr: 'La valeur masquée dans {cell} doit être un intervalle de nombres entiers tel que 0 ≤ borne inférieure ≤ borne supérieure (trouvé : {lower} à {upper}).',
    es: 'El valor censurado en {cell} debe ser un intervalo de números enteros con 0 ≤ límite inferior ≤ límite superior (encontrado: {lower} a {upper}).',
    ru: 'Скрытое значение в ячейке {cell} должно быть интервалом целых чисел, где 0 ≤ нижняя граница ≤ верхняя граница (указано: от {lower} до {upper}).',
    zh: '{cell} 中的删失值必须是整数区间，且 0 ≤ 下限 ≤ 上限（当前值：{lower} 至 {upper}）。',
    ar: 'يجب أن تكون القيمة المحجوبة في {cell} مجالًا من أعداد صحيحة بحيث 0 ≤ الحد الأدنى ≤ الحد الأعلى (القيمة الواردة: من {lower} إلى {upper}).',
  },
  'period.year_bounds': {
    en: 'The reporting year {year} must be between {firstYear} and {lastYear}.',
    fr: "L'année de référence {year} doit être comprise entre {firstYear} et {lastYear}.",
    es: 'El año de referencia {year} debe estar entre {firstYear} y {lastYear}.',
    ru: 'Отчётный год {year} должен быть в пределах от {firstYear} до {lastYear}.',
    zh: '报告年份 {year} 必须介于 {firstYear} 年和 {lastYear} 年之间。',
    ar: 'يجب أن تقع سنة الإبلاغ {year} بين {firstYear} و{lastYear}.',
  },
  'category.country_code': {
    en: '{category} in {cell} is neither an ISO 3166-1 alpha-3 country code nor Nationals, Abroad or Unknown.',
    fr: "{category} dans {cell} n'est ni un code de pays ISO 3166-1 alpha-3, ni « Ressortissants », « À l'étranger » ou « Inconnu ».",
    es: '{category} en {cell} no es un código de país ISO 3166-1 alfa-3 ni «Nacionales», «En el extranjero» o «Desconocido».',
    ru: '{category} в ячейке {cell} не является ни трёхбуквенным кодом страны по ISO 3166-1, ни категорией «Граждане страны», «За рубежом» или «Неизвестно».',
    zh: '{cell} 中的 {category} 既不是 ISO 3166-1 三字母国家代码，也不是“本国国民”“在国外”或“不详”。',
    ar: '{category} في {cell} ليس رمز بلد من ثلاثة أحرف وفق المعيار ISO 3166-1، ولا إحدى الفئات «المواطنون» أو «في الخارج» أو «غير معروف».',
  },
  'parts.sex_age_total': {
    en: 'The breakdown of {cell} by sex or age adds up to {parts}, which cannot equal its value {total}.',
    fr: 'La ventilation de {cell} par sexe ou par âge totalise {parts}, ce qui ne peut pas être égal à sa valeur {total}.',
    es: 'El desglose de {cell} por sexo o edad suma {parts}, lo que no puede ser igual a su valor {total}.',
    ru: 'Сумма разбивки ячейки {cell} по полу или возрасту равна {parts} и не может совпадать с её значением {total}.',
    zh: '{cell} 按性别或年龄细分的合计为 {parts}，不可能等于其数值 {total}。',
    ar: 'مجموع توزيع {cell} حسب الجنس أو العمر هو {parts}، ولا يمكن أن يساوي قيمتها {total}.',
  },
  'parts.conflict_total': {
    en: 'The figures by conflict link for {cell} add up to {parts}, which cannot equal the total {total}.',
    fr: 'Les chiffres par lien avec un conflit pour {cell} totalisent {parts}, ce qui ne peut pas être égal au total {total}.',
    es: 'Las cifras por vínculo con un conflicto para {cell} suman {parts}, lo que no puede ser igual al total {total}.',
    ru: 'Сумма данных по связи с конфликтом для {cell} равна {parts} и не может совпадать с итогом {total}.',
    zh: '{cell} 按与冲突的关联细分的数字合计为 {parts}，不可能等于总数 {total}。',
    ar: 'مجموع الأرقام حسب الصلة بالنزاع في {cell} هو {parts}، ولا يمكن أن يساوي المجموع الكلي {total}.',
  },
  'parts.exploitation_total': {
    en: 'The figures by form of exploitation for {cell} add up to {parts}, not the total {total}. If some persons are counted under several forms, or the form is unknown for some, explain in a comment.',
    fr: "Les chiffres par forme d'exploitation pour {cell} totalisent {parts} et non le total {total}. Si certaines personnes sont comptées sous plusieurs formes, ou si la forme est inconnue pour certaines, expliquez-le dans un commentaire.",
    es: 'Las cifras por forma de explotación para {cell} suman {parts}, no el total {total}. Si algunas personas se cuentan en varias formas, o se desconoce la forma de algunas, explíquelo en un comentario.',
    ru: 'Сумма данных по формам эксплуатации для {cell} равна {parts}, а не итогу {total}. Если некоторые лица учтены в нескольких формах или форма для части из них неизвестна, поясните это в комментарии.',
    zh: '{cell} 按剥削形式细分的数字合计为 {parts}，而不是总数 {total}。如有人员被计入多种剥削形式，或部分人员的剥削形式不详，请在备注中说明。',
    ar: 'مجموع الأرقام حسب شكل الاستغلال في {cell} هو {parts}، وليس المجموع الكلي {total}. إذا حُسب بعض الأشخاص ضمن أكثر من شكل، أو كان الشكل غير معروف لبعضهم، فيُرجى التوضيح في تعليق.',
  },
  'parts.exploitation_details': {
    en: 'The detailed forms under {cell} add up to {parts}, which cannot equal the figure for the group, {total}. If some persons are counted under several forms, explain in a comment.',
    fr: 'Les formes détaillées relevant de {cell} totalisent {parts}, ce qui ne peut pas être égal au chiffre du groupe, {total}. Si certaines personnes sont comptées sous plusieurs formes, expliquez-le dans un commentaire.',
    es: 'Las formas detalladas incluidas en {cell} suman {parts}, lo que no puede ser igual a la cifra del grupo, {total}. Si algunas personas se cuentan en varias formas, explíquelo en un comentario.',
    ru: 'Сумма детализированных форм в группе {cell} равна {parts} и не может совпадать с показателем группы {total}. Если некоторые лица учтены в нескольких формах, поясните это в комментарии.',
    zh: '{cell} 下各具体形式的合计为 {parts}，不可能等于该类别的数字 {total}。如有人员被计入多种形式，请在备注中说明。',
    ar: 'مجموع الأشكال التفصيلية ضمن {cell} هو {parts}، ولا يمكن أن يساوي رقم المجموعة {total}. إذا حُسب بعض الأشخاص ضمن أكثر من شكل، فيُرجى التوضيح في تعليق.',
  },
  'parts.citizenship_total': {
    en: 'The figures by citizenship for {cell} add up to {parts}, which cannot equal the total {total}. Explain the difference in a comment.',
    fr: 'Les chiffres par nationalité pour {cell} totalisent {parts}, ce qui ne peut pas être égal au total {total}. Expliquez la différence dans un commentaire.',
    es: 'Las cifras por nacionalidad para {cell} suman {parts}, lo que no puede ser igual al total {total}. Explique la diferencia en un comentario.',
    ru: 'Сумма данных по гражданству для {cell} равна {parts} и не может совпадать с итогом {total}. Поясните расхождение в комментарии.',
    zh: '{cell} 按国籍细分的数字合计为 {parts}，不可能等于总数 {total}。请在备注中说明差异。',
    ar: 'مجموع الأرقام حسب الجنسية في {cell} هو {parts}، ولا يمكن أن يساوي المجموع الكلي {total}. يُرجى توضيح الفرق في تعليق.',
  },
  'parts.repatriation_total': {
    en: 'The figures by country of repatriation for {cell} add up to {parts}, more than the total {total}. Explain the difference in a comment.',
    fr: 'Les chiffres par pays de rapatriement pour {cell} totalisent {parts}, soit plus que le total {total}. Expliquez la différence dans un commentaire.',
    es: 'Las cifras por país de repatriación para {cell} suman {parts}, más que el total {total}. Explique la diferencia en un comentario.',
    ru: 'Сумма данных по стране репатриации для {cell} равна {parts}, что больше итога {total}. Поясните расхождение в комментарии.',
    zh: '{cell} 按遣返国细分的数字合计为 {parts}，超过总数 {total}。请在备注中说明差异。',
    ar: 'مجموع الأرقام حسب بلد الإعادة إلى الوطن في {cell} هو {parts}، وهو أكبر من المجموع الكلي {total}. يُرجى توضيح الفرق في تعليق.',
  },
  'order.prosecuted_convicted': {
    en: 'Persons convicted ({lesserValue}) outnumber persons prosecuted ({greaterValue}). If some convictions follow prosecutions of earlier years, explain in a comment.',
    fr: "Les personnes condamnées ({lesserValue}) sont plus nombreuses que les personnes poursuivies ({greaterValue}). Si certaines condamnations font suite à des poursuites d'années antérieures, expliquez-le dans un commentaire.",
    es: 'Las personas condenadas ({lesserValue}) superan a las personas procesadas ({greaterValue}). Si algunas condenas derivan de procesos de años anteriores, explíquelo en un comentario.',
    ru: 'Число осуждённых ({lesserValue}) превышает число лиц, привлечённых к уголовному преследованию ({greaterValue}). Если часть приговоров вынесена по делам прошлых лет, поясните это в комментарии.',
    zh: '被定罪人数（{lesserValue}）多于被起诉人数（{greaterValue}）。如部分定罪源于以往年份的起诉，请在备注中说明。',
    ar: 'عدد الأشخاص المُدانين ({lesserValue}) يفوق عدد الأشخاص الملاحَقين قضائيًا ({greaterValue}). إذا كانت بعض الإدانات ناتجة عن ملاحقات من سنوات سابقة، فيُرجى التوضيح في تعليق.',
  },
  'order.formal_contact_prosecuted': {
    en: 'Persons prosecuted ({lesserValue}) outnumber persons brought into formal contact ({greaterValue}). If some prosecutions follow contacts of earlier years, explain in a comment.',
    fr: "Les personnes poursuivies ({lesserValue}) sont plus nombreuses que les personnes ayant eu un contact officiel avec la police ({greaterValue}). Si certaines poursuites font suite à des contacts d'années antérieures, expliquez-le dans un commentaire.",
    es: 'Las personas procesadas ({lesserValue}) superan a las personas que tuvieron contacto formal con la policía ({greaterValue}). Si algunos procesos derivan de contactos de años anteriores, explíquelo en un comentario.',
    ru: 'Число лиц, привлечённых к уголовному преследованию ({lesserValue}), превышает число лиц, вступивших в официальный контакт с полицией ({greaterValue}). Если часть преследований связана с контактами прошлых лет, поясните это в комментарии.',
    zh: '被起诉人数（{lesserValue}）多于与警方有正式接触的人数（{greaterValue}）。如部分起诉源于以往年份的接触，请在备注中说明。',
    ar: 'عدد الأشخاص الملاحَقين قضائيًا ({lesserValue}) يفوق عدد الأشخاص الذين خضعوا لاتصال رسمي مع الشرطة ({greaterValue}). إذا كانت بعض الملاحقات ناتجة عن اتصالات من سنوات سابقة، فيُرجى التوضيح في تعليق.',
  },
} as const satisfies Record<string, RuleMessages>;

/** The id of a rule that has messages. */
export type GlotipRuleId = keyof typeof ruleMessages;
