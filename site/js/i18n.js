// The site's words in French, Arabic and English. The language is the one the reader chose
// (remembered in localStorage), else the first of the browser's languages the site has, else French.
const MESSAGES = {
  fr: {
    skip: 'Aller au contenu', languages: 'Langue', loading: 'Chargement…',
    footer: 'Salon de l\'économie sociale et solidaire · Maroc',
    dates: 'Dates', city: 'Ville', venue: 'Lieu', programme: 'Programme des ateliers',
    noWorkshops: 'Le programme sera bientôt publié.',
    seatsLeft: n => n === 0 ? 'Complet' : (n === 1 ? '1 place restante' : `${n} places restantes`),
    waiting: n => n === 0 ? '' : `${n} en liste d'attente`,
    room: 'Salle', inLanguage: 'Langue de l\'atelier',
    register: 'S\'inscrire', myRegistration: 'Mon inscription', lostAccess: 'Accès perdu ?',
    fairNotFound: 'Ce salon n\'existe pas.', notFound: 'Page introuvable.',
    network: 'Le réseau a échoué : rien n\'est perdu. Réessayez ; l\'envoi ne comptera qu\'une fois.',
    serverError: 'Une erreur est survenue de notre côté. Réessayez dans un instant.',
    sending: 'Envoi…', registerTitle: 'Inscription',
    role: 'Je viens comme', roles: { VISITOR: 'Visiteur', EXHIBITOR: 'Exposant', PARTICIPANT: 'Participant', SPEAKER: 'Intervenant', PRESS: 'Presse' },
    firstName: 'Prénom', lastName: 'Nom', arabicName: 'Nom complet en arabe (facultatif)', arabicNameHint: 'Tel qu\'il sera imprimé sur le badge.',
    email: 'Adresse e-mail', phone: 'Téléphone (facultatif)', phoneHint: 'Par exemple 06 12 34 56 78 ou +212612345678.',
    language: 'Langue de mes e-mails et de mon badge',
    organisation: 'Mon organisation', organisationHint: 'Obligatoire pour les exposants.',
    orgName: 'Nom de l\'organisation', orgType: 'Type', region: 'Région', sector: 'Secteur', choose: '— Choisir —',
    orgTypes: { COOPERATIVE: 'Coopérative', ASSOCIATION: 'Association', UNION: 'Union', MUTUAL: 'Mutuelle', SOCIAL_ENTERPRISE: 'Entreprise sociale', GIE: 'GIE', OTHER: 'Autre' },
    sectors: { LOCAL_PRODUCE: 'Produits du terroir', CRAFTS: 'Artisanat', AGRICULTURE: 'Agriculture', TEXTILE: 'Textile', FOOD: 'Agroalimentaire', SERVICES: 'Services', MARITIME: 'Pêche et mer', OTHER: 'Autre' },
    regions: { 'MA-01': 'Tanger-Tétouan-Al Hoceïma', 'MA-02': 'L\'Oriental', 'MA-03': 'Fès-Meknès', 'MA-04': 'Rabat-Salé-Kénitra', 'MA-05': 'Béni Mellal-Khénifra', 'MA-06': 'Casablanca-Settat', 'MA-07': 'Marrakech-Safi', 'MA-08': 'Drâa-Tafilalet', 'MA-09': 'Souss-Massa', 'MA-10': 'Guelmim-Oued Noun', 'MA-11': 'Laâyoune-Sakia El Hamra', 'MA-12': 'Dakhla-Oued Ed-Dahab' },
    consent: 'Mes choix', consentData: 'J\'accepte le traitement de mes données pour ce salon (obligatoire).',
    consentPhotos: 'J\'accepte d\'être photographié(e).', consentShare: 'J\'accepte que mes coordonnées soient transmises aux exposants.',
    consentSurveys: 'J\'accepte d\'être interrogé(e) sur le salon après sa fin (une invitation, un rappel).',
    privacyTitle: v => `Notice de confidentialité (version ${v})`,
    privacy: [
      'Responsable du traitement : le comité d\'organisation du Salon ESS, joignable à l\'adresse ci-dessous.',
      'Finalités : votre inscription et votre badge ; si vous l\'acceptez, les photos, la transmission de vos coordonnées aux exposants et l\'enquête après le salon.',
      'Conservation : vos données sont effacées au plus tard un an après la fin du salon.',
      'Vos droits (loi 09-08) : accès, rectification, opposition et effacement, à tout moment depuis la page « Mon inscription » ou en nous écrivant.',
    ],
    contact: 'Contact',
    required: 'Ce champ est obligatoire.', invalidEmail: 'Cette adresse e-mail n\'est pas valide.', consentRequired: 'Votre accord est nécessaire pour vous inscrire.',
    summaryTitle: n => n === 1 ? 'Une information est à corriger :' : `${n} informations sont à corriger :`,
    alreadyRegistered: 'Cette adresse est déjà inscrite à ce salon. Vous pouvez demander un lien d\'accès.',
    registered: 'Vous êtes inscrit(e). Un e-mail de confirmation vous a été envoyé.',
    yourData: 'Mes informations', badge: 'Mon badge', badgePending: 'Votre badge est en préparation…', badgeReady: 'Votre badge est prêt.',
    downloadBadge: 'Télécharger mon badge (PDF)', certificate: 'Attestation de participation (PDF)',
    certificateNone: 'Aucune présence enregistrée à cet atelier : pas d\'attestation.', agenda: 'Mon agenda', agendaEmpty: 'Aucun atelier pour l\'instant.',
    signUp: 'M\'inscrire', cancel: 'Annuler mon inscription', confirmed: 'Place confirmée', waitlisted: p => `En liste d'attente : ${p}ᵉ place`,
    overlap: t => `Cet atelier a lieu en même temps que « ${t} ».`, waitlistFull: 'La liste d\'attente est complète.',
    busy: 'Beaucoup de demandes en ce moment : réessayez dans un instant.',
    erase: 'Effacer mes données', eraseWarning: 'Votre inscription, votre badge et vos ateliers seront supprimés définitivement. Confirmer ?',
    eraseYes: 'Oui, tout effacer', eraseNo: 'Non, garder', erased: 'Vos données ont été effacées.',
    noAccess: 'Nous ne pouvons pas afficher cette inscription sur cet appareil. Recevez un lien d\'accès par e-mail :',
    accessTitle: 'Retrouver mon inscription', accessIntro: 'Indiquez l\'adresse de votre inscription : nous y enverrons un lien valable 30 minutes.',
    sendLink: 'Envoyer le lien', linkSent: 'Si cette adresse est inscrite à ce salon, un lien vient d\'y être envoyé. Il est valable 30 minutes et ne sert qu\'une fois.',
    tooMany: m => `Trop de demandes pour cette adresse. Réessayez dans ${m} minute(s).`,
    linkUsed: 'Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.', linkInvalid: 'Ce lien n\'est pas valide.', redeeming: 'Ouverture de votre inscription…',
    surveyTitle: 'Votre avis', surveySend: 'Envoyer mes réponses', surveyThanks: 'Merci ! Vos réponses sont enregistrées.',
    surveyAnswered: 'Vous avez déjà répondu à ce questionnaire. Merci !', surveyInvalid: 'Ce lien de questionnaire n\'est pas valide ou n\'est plus actif.',
    yes: 'Oui', no: 'Non', attended: 'J\'y ai assisté', usefulness: 'Utilité (1 à 5)', optional: '(facultatif)',
    back: 'Retour au salon',
  },
  ar: {
    skip: 'الانتقال إلى المحتوى', languages: 'اللغة', loading: 'جارٍ التحميل…',
    footer: 'معرض الاقتصاد الاجتماعي والتضامني · المغرب',
    dates: 'التواريخ', city: 'المدينة', venue: 'المكان', programme: 'برنامج الورشات',
    noWorkshops: 'سيُنشر البرنامج قريبًا.',
    seatsLeft: n => n === 0 ? 'مكتملة' : `المقاعد المتبقية: ${n}`,
    waiting: n => n === 0 ? '' : `في لائحة الانتظار: ${n}`,
    room: 'القاعة', inLanguage: 'لغة الورشة',
    register: 'التسجيل', myRegistration: 'تسجيلي', lostAccess: 'فقدت الوصول؟',
    fairNotFound: 'هذا المعرض غير موجود.', notFound: 'الصفحة غير موجودة.',
    network: 'تعذّر الاتصال بالشبكة ولم يضِع شيء. أعيدوا المحاولة؛ لن يُحتسب الإرسال إلا مرة واحدة.',
    serverError: 'حدث خطأ من جهتنا. أعيدوا المحاولة بعد لحظة.',
    sending: 'جارٍ الإرسال…', registerTitle: 'التسجيل',
    role: 'أشارك بصفتي', roles: { VISITOR: 'زائر', EXHIBITOR: 'عارض', PARTICIPANT: 'مشارك', SPEAKER: 'متدخل', PRESS: 'صحافة' },
    firstName: 'الاسم الشخصي', lastName: 'الاسم العائلي', arabicName: 'الاسم الكامل بالعربية (اختياري)', arabicNameHint: 'كما سيُطبع على الشارة.',
    email: 'البريد الإلكتروني', phone: 'الهاتف (اختياري)', phoneHint: 'مثلًا 06 12 34 56 78 أو ‎+212612345678',
    language: 'لغة رسائلي وشارتي',
    organisation: 'مؤسستي', organisationHint: 'إلزامي للعارضين.',
    orgName: 'اسم المؤسسة', orgType: 'النوع', region: 'الجهة', sector: 'القطاع', choose: '— اختر —',
    orgTypes: { COOPERATIVE: 'تعاونية', ASSOCIATION: 'جمعية', UNION: 'اتحاد', MUTUAL: 'تعاضدية', SOCIAL_ENTERPRISE: 'مقاولة اجتماعية', GIE: 'مجموعة ذات نفع اقتصادي', OTHER: 'أخرى' },
    sectors: { LOCAL_PRODUCE: 'المنتجات المحلية', CRAFTS: 'الصناعة التقليدية', AGRICULTURE: 'الفلاحة', TEXTILE: 'النسيج', FOOD: 'الصناعات الغذائية', SERVICES: 'الخدمات', MARITIME: 'الصيد البحري', OTHER: 'أخرى' },
    regions: { 'MA-01': 'طنجة تطوان الحسيمة', 'MA-02': 'الشرق', 'MA-03': 'فاس مكناس', 'MA-04': 'الرباط سلا القنيطرة', 'MA-05': 'بني ملال خنيفرة', 'MA-06': 'الدار البيضاء سطات', 'MA-07': 'مراكش آسفي', 'MA-08': 'درعة تافيلالت', 'MA-09': 'سوس ماسة', 'MA-10': 'كلميم واد نون', 'MA-11': 'العيون الساقية الحمراء', 'MA-12': 'الداخلة وادي الذهب' },
    consent: 'اختياراتي', consentData: 'أوافق على معالجة معطياتي الشخصية لأجل هذا المعرض (إلزامي).',
    consentPhotos: 'أوافق على التقاط صور لي.', consentShare: 'أوافق على إرسال معلومات الاتصال بي إلى العارضين.',
    consentSurveys: 'أوافق على استطلاع رأيي بعد المعرض (دعوة واحدة وتذكير واحد).',
    privacyTitle: v => `إشعار حماية المعطيات الشخصية (النسخة ${v})`,
    privacy: [
      'المسؤول عن المعالجة: لجنة تنظيم معرض الاقتصاد الاجتماعي والتضامني، ويمكن التواصل معها عبر العنوان أدناه.',
      'الأغراض: تسجيلكم وشارتكم؛ وبموافقتكم: الصور، وإرسال معلومات الاتصال إلى العارضين، واستطلاع الرأي بعد المعرض.',
      'مدة الحفظ: تُمحى معطياتكم في أجل أقصاه سنة بعد نهاية المعرض.',
      'حقوقكم (القانون 09.08): الولوج والتصحيح والتعرض والمحو، في أي وقت من صفحة «تسجيلي» أو بمراسلتنا.',
    ],
    contact: 'للتواصل',
    required: 'هذا الحقل إلزامي.', invalidEmail: 'عنوان البريد الإلكتروني غير صالح.', consentRequired: 'موافقتكم ضرورية للتسجيل.',
    summaryTitle: n => n === 1 ? 'يجب تصحيح معلومة واحدة:' : `يجب تصحيح ${n} معلومات:`,
    alreadyRegistered: 'هذا العنوان مسجل من قبل في هذا المعرض. يمكنكم طلب رابط الولوج.',
    registered: 'تم تسجيلكم. أُرسلت إليكم رسالة تأكيد.',
    yourData: 'معلوماتي', badge: 'شارتي', badgePending: 'شارتكم قيد الإعداد…', badgeReady: 'شارتكم جاهزة.',
    downloadBadge: 'تحميل شارتي (PDF)', certificate: 'شهادة الحضور (PDF)',
    certificateNone: 'لم يُسجَّل حضوركم في هذه الورشة: لا توجد شهادة.', agenda: 'برنامجي', agendaEmpty: 'لا توجد ورشات بعد.',
    signUp: 'التسجيل في الورشة', cancel: 'إلغاء التسجيل', confirmed: 'مقعد مؤكد', waitlisted: p => `في لائحة الانتظار: الرتبة ${p}`,
    overlap: t => `تتزامن هذه الورشة مع «${t}».`, waitlistFull: 'لائحة الانتظار مكتملة.',
    busy: 'الطلبات كثيرة حاليًا: أعيدوا المحاولة بعد لحظة.',
    erase: 'محو معطياتي', eraseWarning: 'سيُحذف تسجيلكم وشارتكم وورشاتكم نهائيًا. هل تؤكدون؟',
    eraseYes: 'نعم، امحُ كل شيء', eraseNo: 'لا، احتفظ بها', erased: 'تم محو معطياتكم.',
    noAccess: 'لا يمكننا عرض هذا التسجيل على هذا الجهاز. احصلوا على رابط ولوج عبر البريد الإلكتروني:',
    accessTitle: 'استرجاع تسجيلي', accessIntro: 'أدخلوا عنوان بريد تسجيلكم: سنرسل إليه رابطًا صالحًا لمدة 30 دقيقة.',
    sendLink: 'إرسال الرابط', linkSent: 'إذا كان هذا العنوان مسجلًا في هذا المعرض فقد أُرسل إليه رابط صالح لمدة 30 دقيقة ولاستعمال واحد.',
    tooMany: m => `طلبات كثيرة لهذا العنوان. أعيدوا المحاولة بعد ${m} دقيقة.`,
    linkUsed: 'هذا الرابط استُعمل من قبل أو انتهت صلاحيته. اطلبوا رابطًا جديدًا.', linkInvalid: 'هذا الرابط غير صالح.', redeeming: 'جارٍ فتح تسجيلكم…',
    surveyTitle: 'رأيكم', surveySend: 'إرسال أجوبتي', surveyThanks: 'شكرًا! تم حفظ أجوبتكم.',
    surveyAnswered: 'لقد أجبتم من قبل عن هذا الاستبيان. شكرًا!', surveyInvalid: 'رابط الاستبيان هذا غير صالح أو لم يعد نشطًا.',
    yes: 'نعم', no: 'لا', attended: 'حضرتها', usefulness: 'الفائدة (من 1 إلى 5)', optional: '(اختياري)',
    back: 'العودة إلى المعرض',
  },
  en: {
    skip: 'Skip to content', languages: 'Language', loading: 'Loading…',
    footer: 'Fair of the social and solidarity economy · Morocco',
    dates: 'Dates', city: 'City', venue: 'Venue', programme: 'Workshop programme',
    noWorkshops: 'The programme will be published soon.',
    seatsLeft: n => n === 0 ? 'Full' : (n === 1 ? '1 seat left' : `${n} seats left`),
    waiting: n => n === 0 ? '' : `${n} on the waiting list`,
    room: 'Room', inLanguage: 'Workshop language',
    register: 'Register', myRegistration: 'My registration', lostAccess: 'Lost access?',
    fairNotFound: 'There is no such fair.', notFound: 'Page not found.',
    network: 'The network failed; nothing is lost. Try again: it will only count once.',
    serverError: 'Something went wrong on our side. Try again in a moment.',
    sending: 'Sending…', registerTitle: 'Registration',
    role: 'I am coming as', roles: { VISITOR: 'Visitor', EXHIBITOR: 'Exhibitor', PARTICIPANT: 'Participant', SPEAKER: 'Speaker', PRESS: 'Press' },
    firstName: 'First name', lastName: 'Last name', arabicName: 'Full name in Arabic (optional)', arabicNameHint: 'As it will be printed on the badge.',
    email: 'Email address', phone: 'Phone (optional)', phoneHint: 'For example 06 12 34 56 78 or +212612345678.',
    language: 'Language of my emails and badge',
    organisation: 'My organisation', organisationHint: 'Required for exhibitors.',
    orgName: 'Organisation name', orgType: 'Type', region: 'Region', sector: 'Sector', choose: '— Choose —',
    orgTypes: { COOPERATIVE: 'Cooperative', ASSOCIATION: 'Association', UNION: 'Union', MUTUAL: 'Mutual', SOCIAL_ENTERPRISE: 'Social enterprise', GIE: 'Economic interest group', OTHER: 'Other' },
    sectors: { LOCAL_PRODUCE: 'Local produce', CRAFTS: 'Crafts', AGRICULTURE: 'Agriculture', TEXTILE: 'Textile', FOOD: 'Food processing', SERVICES: 'Services', MARITIME: 'Fishing and sea', OTHER: 'Other' },
    regions: { 'MA-01': 'Tangier-Tetouan-Al Hoceima', 'MA-02': 'Oriental', 'MA-03': 'Fez-Meknes', 'MA-04': 'Rabat-Sale-Kenitra', 'MA-05': 'Beni Mellal-Khenifra', 'MA-06': 'Casablanca-Settat', 'MA-07': 'Marrakesh-Safi', 'MA-08': 'Draa-Tafilalet', 'MA-09': 'Souss-Massa', 'MA-10': 'Guelmim-Oued Noun', 'MA-11': 'Laayoune-Sakia El Hamra', 'MA-12': 'Dakhla-Oued Ed-Dahab' },
    consent: 'My choices', consentData: 'I agree to the processing of my data for this fair (required).',
    consentPhotos: 'I agree to be photographed.', consentShare: 'I agree that my contact details be shared with exhibitors.',
    consentSurveys: 'I agree to be asked about the fair after it ends (one invitation, one reminder).',
    privacyTitle: v => `Privacy notice (version ${v})`,
    privacy: [
      'Controller: the organising committee of the Salon ESS, reachable at the address below.',
      'Purposes: your registration and badge; if you agree, photos, sharing your contact details with exhibitors, and the survey after the fair.',
      'Retention: your data is erased at the latest one year after the fair ends.',
      'Your rights (law 09-08): access, correction, objection and erasure, at any time from the "My registration" page or by writing to us.',
    ],
    contact: 'Contact',
    required: 'This field is required.', invalidEmail: 'This email address is not valid.', consentRequired: 'Your agreement is needed to register.',
    summaryTitle: n => n === 1 ? 'One thing needs fixing:' : `${n} things need fixing:`,
    alreadyRegistered: 'This address is already registered for this fair. You can ask for an access link.',
    registered: 'You are registered. A confirmation email is on its way.',
    yourData: 'My details', badge: 'My badge', badgePending: 'Your badge is being prepared…', badgeReady: 'Your badge is ready.',
    downloadBadge: 'Download my badge (PDF)', certificate: 'Certificate of attendance (PDF)',
    certificateNone: 'No attendance recorded at this workshop: no certificate.', agenda: 'My agenda', agendaEmpty: 'No workshop yet.',
    signUp: 'Sign up', cancel: 'Cancel my place', confirmed: 'Seat confirmed', waitlisted: p => `On the waiting list: number ${p}`,
    overlap: t => `This workshop is at the same time as "${t}".`, waitlistFull: 'The waiting list is full.',
    busy: 'Many requests right now: try again in a moment.',
    erase: 'Erase my data', eraseWarning: 'Your registration, badge and workshops will be deleted for good. Confirm?',
    eraseYes: 'Yes, erase everything', eraseNo: 'No, keep it', erased: 'Your data has been erased.',
    noAccess: 'We cannot show this registration on this device. Get an access link by email:',
    accessTitle: 'Get back to my registration', accessIntro: 'Enter the address you registered with: we will send a link valid for 30 minutes.',
    sendLink: 'Send the link', linkSent: 'If this address is registered for this fair, a link has just been sent to it. It is valid for 30 minutes and works once.',
    tooMany: m => `Too many requests for this address. Try again in ${m} minute(s).`,
    linkUsed: 'This link was already used or has expired. Ask for a new one.', linkInvalid: 'This link is not valid.', redeeming: 'Opening your registration…',
    surveyTitle: 'Your opinion', surveySend: 'Send my answers', surveyThanks: 'Thank you! Your answers are saved.',
    surveyAnswered: 'You have already answered this questionnaire. Thank you!', surveyInvalid: 'This questionnaire link is not valid or no longer active.',
    yes: 'Yes', no: 'No', attended: 'I attended', usefulness: 'Usefulness (1 to 5)', optional: '(optional)',
    back: 'Back to the fair',
  },
};

export const LANGUAGES = ['fr', 'ar', 'en'];
export const NAMES = { fr: 'Français', ar: 'العربية', en: 'English' };
const STORE = 'salon-ess:lang';
let current = initial();

function initial() {
  try {
    const saved = localStorage.getItem(STORE);
    if (LANGUAGES.includes(saved)) return saved;
  } catch { /* storage may be disabled: fall back to the browser's languages */ }
  for (const l of navigator.languages || [navigator.language || 'fr']) {
    const code = String(l).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(code)) return code;
  }
  return 'fr';
}

export function lang() { return current; }

/** Sets the page's language and direction; remembered when the reader chose it. */
export function setLang(code, remember) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  if (remember) {
    try { localStorage.setItem(STORE, code); } catch { /* not remembered, still applied */ }
  }
  document.documentElement.lang = code;
  document.documentElement.dir = code === 'ar' ? 'rtl' : 'ltr';
}

/** Words a page loaded on demand brings with it (the scanner's), so other pages do not carry them. */
export function addMessages(more) {
  for (const code of LANGUAGES) Object.assign(MESSAGES[code], more[code] || {});
}

export function t(key, ...args) {
  const value = MESSAGES[current][key] ?? MESSAGES.fr[key];
  return typeof value === 'function' ? value(...args) : value;
}

/** A LocalizedText of the API in the page's language, French when it has none. */
export function local(text) {
  return text ? (text[current] || text.fr) : '';
}

const locale = () => (current === 'ar' ? 'ar-MA' : current === 'fr' ? 'fr-MA' : 'en-GB');

/** A date of the API (yyyy-mm-dd, a day where the fair is) in words. */
export function formatDate(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/**
 * The wall-clock time of an API date-time, where the fair is. The API writes a fair's times with
 * the fair's own offset (2026-12-10T10:00:00+01:00), computed from the IANA rules on the server;
 * browsers' copies of those rules differ (Debian's Chromium puts Africa/Casablanca at +00:00 in
 * December 2026), so the offset given wins, and the browser's rules serve only for "Z" instants.
 */
function wallClock(instant, timeZone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?([+-]\d{2}:\d{2})$/.exec(instant);
  if (!m) return { date: new Date(instant), timeZone };
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return { date: new Date(Date.UTC(y, mo - 1, d, h, mi, s || 0)), timeZone: 'UTC' };
}

/** A date-time of the API, in the fair's time zone. */
export function formatDateTime(instant, timeZone) {
  const w = wallClock(instant, timeZone);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: w.timeZone }).format(w.date);
}

export function formatTime(instant, timeZone) {
  const w = wallClock(instant, timeZone);
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: w.timeZone }).format(w.date);
}

setLang(current, false);
