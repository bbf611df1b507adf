"""The fixed words of the reports in English, French and Arabic: section titles, the
sentences the builders fill in, month names, session ordinals, status names.

``phrases(lang)`` returns the table of one language; a key missing there falls back to
English, so a new language can start small. Reads and writes nothing.

The sentences that state a count are not here: they go through ``npgettext`` (context
"sg report") so that each language has its plural forms (Arabic has six), and the count
is written by ``Phrases.number`` (one to nine in words, by num2words, in the gender of
the noun in that language). The fixed sentences without a count stay here.
"""

from __future__ import annotations

import datetime
import re

from num2words import num2words

LANGUAGES = ("en", "fr", "ar")
RTL = {"ar"}

EN = {
    "distribution": "Distribution: General",
    "original": "Original: English",
    "session": "{ordinal} session",
    "agenda_item": "Item {item} of the preliminary list*",
    "agenda_item_unknown": "Item of the preliminary list*",
    "para": "para.",
    "summary_counts": "The period saw {activities} in {areas} ({done}), {meetings} and {agreements}.",
    "summary_empty": "No joint activity was recorded for the period.",
    "gm_items": "The recommendations of the general meetings gave rise to {items}.",
    "gm_during": "During the period, {changes}.",
    "gm_closed": "The action items closed during the period: {items}.",
    "gm_end_open": "At the end of the period, {open}.",
    "gm_end_overdue": "At the end of the period, {open}, of which {overdue}.",
    "gm_end_none": "At the end of the period, no action item remained open.",
    "conclusion_state": (
        "During the period, the cooperation between the United Nations and the {partner} covered "
        "{activities}; by the end of the period, {state}."
    ),
    "conclusion_none": (
        "No joint activity between the United Nations and the {partner} was recorded for the period."
    ),
    "conclusion_2_none": (
        "The Secretary-General encourages both secretariats to prepare the next general meeting on "
        "the basis of the matrix of joint activities."
    ),
    "agreement_title": "{kind} between {parties}",
    "entity_progress": "On {title}, its focal point reported: {notes}",
    "drafted_by_accord": (
        "Drafted by Accord from the matrix and the progress updates: no contribution from {entity} "
        "was accepted for this period."
    ),
    "kind_held": {},
    "agenda_title": "Cooperation between the United Nations and regional and other organizations",
    "title": "Cooperation between the United Nations and the {partner}",
    "subtitle": "Report of the Secretary-General",
    "summary": "Summary",
    "summary_text": (
        "The present report is submitted pursuant to General Assembly resolution {res}. It describes "
        "the cooperation between the United Nations system and the {partner} from {start} to {end}."
    ),
    "preliminary": "* To be issued with the preliminary list of items.",
    "s_intro": "Introduction",
    "s_meetings": "Consultations and high-level meetings",
    "s_general": "General meeting and follow-up of its recommendations",
    "s_areas": "Cooperation by priority area",
    "s_entities": "Cooperation by entity",
    "s_agreements": "Agreements concluded",
    "s_conclusions": "Conclusions",
    "intro_pursuant": (
        "The present report is submitted pursuant to paragraph {para} of General Assembly resolution "
        "{res}, in which the Assembly requested the Secretary-General to submit to it at its {ordinal} "
        "session a report on the state of cooperation between the United Nations and the {partner}."
    ),
    "intro_plain": (
        "The present report describes the state of cooperation between the United Nations and the "
        "{partner}."
    ),
    "intro_scope": (
        "It covers the period from {start} to {end} and draws on the matrix of joint activities of the "
        "{bienniums}, kept by the secretariats of the two organizations, and on the "
        "contributions of the entities concerned."
    ),
    "biennium_one": "biennium {labels}",
    "biennium_many": "bienniums {labels}",
    "res_footnote": "Resolution {res}, adopted on {date}.",
    "meeting_held": "{title} was held in {place} on {dates}.",
    "meeting_held_noplace": "{title} was held on {dates}.",
    "meeting_docs": "See {docs}.",
    "no_meetings": "No consultations or high-level meetings were recorded for the period.",
    "gm_held_nodecisions": "The general meeting of the two systems was held in {place} on {dates}.",
    "gm_previous_nodecisions": "The previous general meeting was held in {place} on {dates}.",
    "gm_next": "The next general meeting is planned for {year}, hosted by the {host}.",
    "gm_next_nohost": "The next general meeting is planned for {year}.",
    "area_none": "No joint activity was recorded in the area of {area}.",
    "entity_item": "{title} ({status})",
    "agreement_para": "On {date}, {parties} concluded a {kind}: {title}.",
    "agreement_para_nodate": "{parties} concluded a {kind}: {title}.",
    "no_agreements": "No new agreement was concluded during the period.",
    "agreements_in_force": "The following agreements between the two systems were in force at the end of the period.",
    "t_title": "Title",
    "t_kind": "Kind",
    "t_parties": "Parties",
    "t_signed": "Signed on",
    "t_status": "Status",
    "fig_areas": "Joint activities by priority area and status",
    "fig_actions": "Action items opened and closed, by quarter",
    "figure": "Figure {n}",
    "opened": "opened",
    "closed": "closed",
    "and": "and",
    "status": {
        "planned": "planned",
        "ongoing": "ongoing",
        "completed": "completed",
        "postponed": "postponed",
        "cancelled": "cancelled",
        "open": "open",
        "in_progress": "in progress",
        "done": "done",
    },
    "kind": {
        "mou": "memorandum of understanding",
        "moc": "memorandum of cooperation",
        "letters": "exchange of letters",
        "other": "agreement",
    },
    "months": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "date": "{day} {month} {year}",
    # review pack
    "rp_title": "Review of the matrix of joint activities and of the follow-up of recommendations",
    "rp_subtitle": "Prepared for the {meeting}",
    "rp_areas": "Matrix of joint activities, by priority area",
    "rp_recommendations": "Recommendations of the {meeting} and their action items",
    "rp_code": "Code",
    "rp_activity": "Activity",
    "rp_leads": "Leads",
    "rp_status": "Status",
    "rp_progress": "Last progress",
    "rp_recommendation": "Recommendation",
    "rp_items": "Action items",
    "rp_owner": "Owner",
    "rp_due": "Due",
    "rp_none": "None recorded.",
    "rp_no_previous": "No previous general meeting is recorded before this one.",
}

FR = {
    "distribution": "Distr. générale",
    "original": "Original : anglais",
    "session": "{ordinal} session",
    "agenda_item": "Point {item} de la liste préliminaire*",
    "agenda_item_unknown": "Point de la liste préliminaire*",
    "para": "par.",
    "summary_counts": "La période a vu {activities} dans {areas} ({done}), {meetings} et {agreements}.",
    "summary_empty": "Aucune activité conjointe n'a été enregistrée pour la période.",
    "gm_items": "Les recommandations des réunions générales ont donné lieu à {items}.",
    "gm_during": "Pendant la période, {changes}.",
    "gm_closed": "Mesures de suivi clôturées pendant la période : {items}.",
    "gm_end_open": "À la fin de la période, {open}.",
    "gm_end_overdue": "À la fin de la période, {open}, dont {overdue}.",
    "gm_end_none": "À la fin de la période, aucune mesure de suivi ne restait ouverte.",
    "conclusion_state": (
        "Pendant la période, la coopération entre l'Organisation des Nations Unies et {partner} a "
        "porté sur {activities} ; à la fin de la période, {state}."
    ),
    "conclusion_none": (
        "Aucune activité conjointe entre l'Organisation des Nations Unies et {partner} n'a été "
        "enregistrée pour la période."
    ),
    "conclusion_2_none": (
        "Le Secrétaire général encourage les deux secrétariats à préparer la prochaine réunion "
        "générale sur la base de la matrice des activités conjointes."
    ),
    "agreement_title": "{kind} entre {parties}",
    "entity_progress": "S'agissant de l'activité « {title} », son coordonnateur a indiqué : {notes}",
    "drafted_by_accord": (
        "Rédigé par Accord à partir de la matrice et des points d'avancement : aucune contribution "
        "de l'entité {entity} n'a été acceptée pour cette période."
    ),
    "kind_held": {
        "high_level": "Une réunion de haut niveau s'est tenue à {place} {dates}.",
        "security_council": "Une réunion du Conseil de sécurité s'est tenue à {place} {dates}.",
        "conference": "Une conférence s'est tenue à {place} {dates}.",
        "sectoral": "Une réunion sectorielle s'est tenue à {place} {dates}.",
        "working_group": "Un groupe de travail s'est réuni à {place} {dates}.",
        "brainstorming": "Une réunion de réflexion s'est tenue à {place} {dates}.",
        "other": "Une réunion s'est tenue à {place} {dates}.",
    },
    "kind_held_noplace": {
        "high_level": "Une réunion de haut niveau s'est tenue {dates}.",
        "security_council": "Une réunion du Conseil de sécurité s'est tenue {dates}.",
        "conference": "Une conférence s'est tenue {dates}.",
        "sectoral": "Une réunion sectorielle s'est tenue {dates}.",
        "working_group": "Un groupe de travail s'est réuni {dates}.",
        "brainstorming": "Une réunion de réflexion s'est tenue {dates}.",
        "other": "Une réunion s'est tenue {dates}.",
    },
    "agenda_title": "Coopération entre l'Organisation des Nations Unies et les organisations régionales ou autres",
    "title": "Coopération entre l'Organisation des Nations Unies et {partner}",
    "subtitle": "Rapport du Secrétaire général",
    "summary": "Résumé",
    "summary_text": (
        "Le présent rapport est soumis en application de la résolution {res} de l'Assemblée générale. "
        "Il rend compte de la coopération entre le système des Nations Unies et {partner} du {start} "
        "au {end}."
    ),
    "preliminary": "* À paraître avec la liste préliminaire des questions.",
    "s_intro": "Introduction",
    "s_meetings": "Consultations et réunions de haut niveau",
    "s_general": "Réunion générale et suite donnée à ses recommandations",
    "s_areas": "Coopération par domaine prioritaire",
    "s_entities": "Coopération par entité",
    "s_agreements": "Accords conclus",
    "s_conclusions": "Conclusions",
    "intro_pursuant": (
        "Le présent rapport est soumis en application du paragraphe {para} de la résolution {res} de "
        "l'Assemblée générale, dans lequel l'Assemblée a prié le Secrétaire général de lui présenter, "
        "à sa {ordinal} session, un rapport sur l'état de la coopération entre l'Organisation des "
        "Nations Unies et {partner}."
    ),
    "intro_plain": "Le présent rapport décrit l'état de la coopération entre l'Organisation des Nations Unies et {partner}.",
    "intro_scope": (
        "Il porte sur la période allant du {start} au {end} et s'appuie sur la matrice des activités "
        "conjointes {bienniums}, tenue par les secrétariats des deux "
        "organisations, ainsi que sur les contributions des entités concernées."
    ),
    "biennium_one": "de l'exercice biennal {labels}",
    "biennium_many": "des exercices biennaux {labels}",
    "res_footnote": "Résolution {res}, adoptée le {date}.",
    "meeting_held": "{title} s'est tenue à {place} {dates}.",
    "meeting_held_noplace": "{title} s'est tenue {dates}.",
    "meeting_docs": "Voir {docs}.",
    "no_meetings": "Aucune consultation ni réunion de haut niveau n'a été enregistrée pour la période.",
    "gm_held_nodecisions": "La réunion générale des deux systèmes s'est tenue à {place} {dates}.",
    "gm_previous_nodecisions": "La réunion générale précédente s'est tenue à {place} {dates}.",
    "gm_next": "La prochaine réunion générale est prévue en {year} ; elle sera accueillie par {host}.",
    "gm_next_nohost": "La prochaine réunion générale est prévue en {year}.",
    "area_none": "Aucune activité conjointe n'a été enregistrée dans le domaine « {area} ».",
    "entity_item": "{title} ({status})",
    "agreement_para": "Le {date}, {parties} ont conclu un {kind} : {title}.",
    "agreement_para_nodate": "{parties} ont conclu un {kind} : {title}.",
    "no_agreements": "Aucun nouvel accord n'a été conclu pendant la période.",
    "agreements_in_force": "Les accords suivants entre les deux systèmes étaient en vigueur à la fin de la période.",
    "t_title": "Intitulé",
    "t_kind": "Type",
    "t_parties": "Parties",
    "t_signed": "Signé le",
    "t_status": "Statut",
    "fig_areas": "Activités conjointes par domaine prioritaire et par statut",
    "fig_actions": "Mesures de suivi ouvertes et clôturées, par trimestre",
    "figure": "Figure {n}",
    "opened": "ouvertes",
    "closed": "clôturées",
    "and": "et",
    "status": {
        "planned": "prévues",
        "ongoing": "en cours",
        "completed": "achevées",
        "postponed": "reportées",
        "cancelled": "annulées",
        "open": "ouverte",
        "in_progress": "en cours",
        "done": "réalisée",
    },
    "status_one": {
        "planned": "prévue",
        "ongoing": "en cours",
        "completed": "achevée",
        "postponed": "reportée",
        "cancelled": "annulée",
    },
    "kind": {
        "mou": "mémorandum d'accord",
        "moc": "mémorandum de coopération",
        "letters": "échange de lettres",
        "other": "accord",
    },
    "months": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "date": "{day} {month} {year}",
    "rp_title": "Examen de la matrice des activités conjointes et de la suite donnée aux recommandations",
    "rp_subtitle": "Établi pour la {meeting}",
    "rp_areas": "Matrice des activités conjointes, par domaine prioritaire",
    "rp_recommendations": "Recommandations de la {meeting} et mesures de suivi",
    "rp_code": "Code",
    "rp_activity": "Activité",
    "rp_leads": "Chefs de file",
    "rp_status": "Statut",
    "rp_progress": "Dernier point d'avancement",
    "rp_recommendation": "Recommandation",
    "rp_items": "Mesures de suivi",
    "rp_owner": "Responsable",
    "rp_due": "Échéance",
    "rp_none": "Aucune enregistrée.",
    "rp_no_previous": "Aucune réunion générale antérieure n'est enregistrée.",
}

AR = {
    "distribution": "التوزيع: عام",
    "original": "الأصل: بالإنكليزية",
    "session": "الدورة {ordinal}",
    "agenda_item": "البند {item} من القائمة الأولية*",
    "agenda_item_unknown": "بند من القائمة الأولية*",
    "para": "الفقرة",
    "summary_counts": "وشهدت الفترة {activities} في {areas} ({done})، و{meetings}، و{agreements}.",
    "summary_empty": "لم يُسجَّل أي نشاط مشترك خلال الفترة.",
    "gm_items": "وأسفرت توصيات الاجتماعات العامة عن {items}.",
    "gm_during": "وخلال الفترة، {changes}.",
    "gm_closed": "إجراءات المتابعة التي أُغلقت خلال الفترة: {items}.",
    "gm_end_open": "وفي نهاية الفترة، {open}.",
    "gm_end_overdue": "وفي نهاية الفترة، {open}، منها {overdue}.",
    "gm_end_none": "وفي نهاية الفترة، لم يبق أي إجراء من إجراءات المتابعة مفتوحا.",
    "conclusion_state": (
        "وخلال الفترة، شمل التعاون بين الأمم المتحدة و{partner} {activities}؛ وفي نهاية الفترة، {state}."
    ),
    "conclusion_none": "لم يُسجَّل أي نشاط مشترك بين الأمم المتحدة و{partner} خلال الفترة.",
    "conclusion_2_none": (
        "ويشجع الأمين العام الأمانتين على التحضير للاجتماع العام المقبل على أساس مصفوفة الأنشطة "
        "المشتركة."
    ),
    "agreement_title": "{kind} بين {parties}",
    "entity_progress": "وفيما يتعلق بنشاط «{title}»، أفادت جهة التنسيق بما يلي: {notes}",
    "drafted_by_accord": (
        "صاغه نظام Accord من المصفوفة ومن تقارير التقدم: لم تُقبل أي مساهمة من {entity} لهذه الفترة."
    ),
    "kind_held": {
        "high_level": "عُقد اجتماع رفيع المستوى في {place} في {dates}.",
        "security_council": "عُقدت جلسة لمجلس الأمن في {place} في {dates}.",
        "conference": "عُقد مؤتمر في {place} في {dates}.",
        "sectoral": "عُقد اجتماع قطاعي في {place} في {dates}.",
        "working_group": "اجتمع فريق عامل في {place} في {dates}.",
        "brainstorming": "عُقد اجتماع لتبادل الأفكار في {place} في {dates}.",
        "other": "عُقد اجتماع في {place} في {dates}.",
    },
    "kind_held_noplace": {
        "high_level": "عُقد اجتماع رفيع المستوى في {dates}.",
        "security_council": "عُقدت جلسة لمجلس الأمن في {dates}.",
        "conference": "عُقد مؤتمر في {dates}.",
        "sectoral": "عُقد اجتماع قطاعي في {dates}.",
        "working_group": "اجتمع فريق عامل في {dates}.",
        "brainstorming": "عُقد اجتماع لتبادل الأفكار في {dates}.",
        "other": "عُقد اجتماع في {dates}.",
    },
    "agenda_title": "التعاون بين الأمم المتحدة والمنظمات الإقليمية وغيرها من المنظمات",
    "title": "التعاون بين الأمم المتحدة و{partner}",
    "subtitle": "تقرير الأمين العام",
    "summary": "موجز",
    "summary_text": (
        "يقدَّم هذا التقرير عملا بقرار الجمعية العامة {res}. ويصف التعاون بين منظومة الأمم المتحدة "
        "و{partner} في الفترة من {start} إلى {end}."
    ),
    "preliminary": "* سيصدر مع القائمة الأولية للبنود.",
    "s_intro": "مقدمة",
    "s_meetings": "المشاورات والاجتماعات الرفيعة المستوى",
    "s_general": "الاجتماع العام ومتابعة توصياته",
    "s_areas": "التعاون حسب المجال ذي الأولوية",
    "s_entities": "التعاون حسب الكيان",
    "s_agreements": "الاتفاقات المبرمة",
    "s_conclusions": "الاستنتاجات",
    "intro_pursuant": (
        "يقدَّم هذا التقرير عملا بالفقرة {para} من قرار الجمعية العامة {res}، التي طلبت فيها الجمعية "
        "إلى الأمين العام أن يقدم إليها في دورتها {ordinal} تقريرا عن حالة التعاون بين الأمم المتحدة "
        "و{partner}."
    ),
    "intro_plain": "يصف هذا التقرير حالة التعاون بين الأمم المتحدة و{partner}.",
    "intro_scope": (
        "ويغطي الفترة من {start} إلى {end}، ويستند إلى مصفوفة الأنشطة المشتركة "
        "{bienniums} التي تتولاها أمانتا المنظمتين، وإلى إسهامات الكيانات المعنية."
    ),
    "biennium_one": "لفترة السنتين {labels}",
    "biennium_many": "لفترات السنتين {labels}",
    "res_footnote": "القرار {res}، المتخذ في {date}.",
    "meeting_held": "عُقد {title} في {place} في {dates}.",
    "meeting_held_noplace": "عُقد {title} في {dates}.",
    "meeting_docs": "انظر {docs}.",
    "no_meetings": "لم تُسجَّل أي مشاورات أو اجتماعات رفيعة المستوى خلال الفترة.",
    "gm_held_nodecisions": "عُقد الاجتماع العام للمنظومتين في {place} في {dates}.",
    "gm_previous_nodecisions": "عُقد الاجتماع العام السابق في {place} في {dates}.",
    "gm_next": "ومن المقرر عقد الاجتماع العام المقبل في عام {year}، وتستضيفه {host}.",
    "gm_next_nohost": "ومن المقرر عقد الاجتماع العام المقبل في عام {year}.",
    "area_none": "لم يُسجَّل أي نشاط مشترك في مجال {area}.",
    "entity_item": "{title} ({status})",
    "agreement_para": "في {date}، أبرم {parties} {kind}: {title}.",
    "agreement_para_nodate": "أبرم {parties} {kind}: {title}.",
    "no_agreements": "لم يُبرم أي اتفاق جديد خلال الفترة.",
    "agreements_in_force": "كانت الاتفاقات التالية بين المنظومتين سارية في نهاية الفترة.",
    "t_title": "العنوان",
    "t_kind": "النوع",
    "t_parties": "الأطراف",
    "t_signed": "تاريخ التوقيع",
    "t_status": "الحالة",
    "fig_areas": "الأنشطة المشتركة حسب المجال ذي الأولوية والحالة",
    "fig_actions": "إجراءات المتابعة المفتوحة والمغلقة، حسب الربع",
    "figure": "الشكل {n}",
    "opened": "فُتحت",
    "closed": "أُغلقت",
    "and": "و",
    "status": {
        "planned": "مخطط لها",
        "ongoing": "جارية",
        "completed": "منجزة",
        "postponed": "مؤجلة",
        "cancelled": "ملغاة",
        "open": "مفتوح",
        "in_progress": "قيد التنفيذ",
        "done": "منجز",
    },
    "status_one": {
        "planned": "مخطط له",
        "ongoing": "جارٍ",
        "completed": "منجز",
        "postponed": "مؤجل",
        "cancelled": "ملغى",
    },
    "kind": {
        "mou": "مذكرة تفاهم",
        "moc": "مذكرة تعاون",
        "letters": "تبادل رسائل",
        "other": "اتفاقا",
    },
    "months": [
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ],
    "date": "{day} {month} {year}",
    "rp_title": "استعراض مصفوفة الأنشطة المشتركة ومتابعة التوصيات",
    "rp_subtitle": "أُعد من أجل {meeting}",
    "rp_areas": "مصفوفة الأنشطة المشتركة، حسب المجال ذي الأولوية",
    "rp_recommendations": "توصيات {meeting} وإجراءات متابعتها",
    "rp_code": "الرمز",
    "rp_activity": "النشاط",
    "rp_leads": "الجهات الرائدة",
    "rp_status": "الحالة",
    "rp_progress": "آخر تقدم",
    "rp_recommendation": "التوصية",
    "rp_items": "إجراءات المتابعة",
    "rp_owner": "الجهة المسؤولة",
    "rp_due": "الموعد",
    "rp_none": "لا يوجد.",
    "rp_no_previous": "لم يُسجَّل أي اجتماع عام سابق.",
}

TABLES = {"en": EN, "fr": FR, "ar": AR}

_AR_UNITS = [
    "",
    "الحادية",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
]
_AR_TENS = {
    2: "العشرون",
    3: "الثلاثون",
    4: "الأربعون",
    5: "الخمسون",
    6: "الستون",
    7: "السبعون",
    8: "الثمانون",
    9: "التسعون",
}
# The gender of each counted noun in the language's report text: a number word agrees
# with it (French "une réunion", "un accord"; Arabic "ثلاث توصيات", "ثلاثة أنشطة").
FEMININE = {
    "fr": {"activity", "meeting", "action_item", "recommendation"},
    "ar": {"recommendation"},
}
_AR_FEMININE = {
    "واحد": "واحدة",
    "اثنان": "اثنتان",
    "ثلاثة": "ثلاث",
    "أربعة": "أربع",
    "خمسة": "خمس",
    "ستة": "ست",
    "سبعة": "سبع",
    "ثمانية": "ثماني",
    "تسعة": "تسع",
}


class Phrases(dict):
    """One language's table, falling back to English for a missing key."""

    def __init__(self, lang: str):
        super().__init__(EN)
        self.update(TABLES.get(lang, {}))
        self.lang = lang if lang in TABLES else "en"

    def date(self, value: datetime.date | None) -> str:
        if value is None:
            return ""
        day = "1er" if self.lang == "fr" and value.day == 1 else value.day
        return self["date"].format(day=day, month=self["months"][value.month - 1], year=value.year)

    def dates(self, start: datetime.date | None, end: datetime.date | None) -> str:
        """A day or a span of days as a sentence takes it ("on 3-5 July 2018" reads
        "3–5 July 2018" in English; French says "le 29 novembre" / "du 3 au 5 juillet")."""
        if self.lang == "fr":
            return _fr_dates(self, start, end)
        if start and end and end != start:
            sep = "–" if self.lang != "ar" else "-"
            if (start.year, start.month) == (end.year, end.month):
                return self["date"].format(
                    day=f"{start.day}{sep}{end.day}",
                    month=self["months"][end.month - 1],
                    year=end.year,
                )
            return self.date(start) + f" {sep} " + self.date(end)
        return self.date(start or end)

    def join(self, items: list[str]) -> str:
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        comma = "، " if self.lang == "ar" else ", "
        glue = f" {self['and']}" if self.lang == "ar" else f" {self['and']} "
        return comma.join(items[:-1]) + glue + items[-1]

    def ordinal(self, n: int, *, genitive: bool = False) -> str:
        """The session ordinal: "seventy-fifth", "soixante-quinzième", "الخامسة والسبعون"
        (in Arabic, "الخامسة والسبعين" where the grammar wants the genitive, as after
        "في دورتها")."""
        if self.lang == "ar":
            return _ar_ordinal(n, genitive=genitive)
        return _ordinal_words(n, self.lang)

    def number(self, n: int, noun: str = "") -> str:
        """A count as UN style writes it: one to nine in words, in the gender of ``noun``
        in this language ("three", "une", "ثلاث"), 10 and more in figures."""
        if not 1 <= n <= 9:
            return str(n)
        words = num2words(n, lang=self.lang)
        if noun in FEMININE.get(self.lang, ()):
            if self.lang == "fr" and n == 1:
                return "une"
            if self.lang == "ar":
                return _AR_FEMININE.get(words, words)
        return words

    def zero(self, noun: str = "") -> str:
        """Zero before a noun, in words: "no", "aucun"/"aucune" (French gender), Arabic
        "أي" (its zero plural form says the rest: "عدم عقد أي اجتماع")."""
        if self.lang == "fr":
            return "aucune" if noun in FEMININE["fr"] else "aucun"
        if self.lang == "ar":
            return "أي"
        return "no"

    def agenda_item(self, item: str) -> str:
        """An agenda item as this language writes it: "128 (o)"; in Arabic the
        sub-item's letter in the Arabic alphabetical order of UN documents, "128 (س)"."""
        if self.lang != "ar":
            return item
        return _SUB_ITEM.sub(lambda m: f"({_AR_ABJAD.get(m.group(1).lower(), m.group(1))})", item)

    def status(self, value: str) -> str:
        return self["status"].get(value, value)

    def status_one(self, value: str) -> str:
        """The status of one activity (French and Arabic agree in number and gender)."""
        return self.get("status_one", {}).get(value) or self.status(value)


# Sub-item letters (a), (b), ... as UN Arabic documents write them, in the abjad order.
_AR_ABJAD = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            "أ",
            "ب",
            "ج",
            "د",
            "هـ",
            "و",
            "ز",
            "ح",
            "ط",
            "ي",
            "ك",
            "ل",
            "م",
            "ن",
            "س",
            "ع",
            "ف",
            "ص",
            "ق",
            "ر",
            "ش",
            "ت",
            "ث",
            "خ",
            "ذ",
            "ض",
        ],
        strict=True,
    )
)
_SUB_ITEM = re.compile(r"\(([A-Za-z])\)")


def _fr_dates(p: Phrases, start: datetime.date | None, end: datetime.date | None) -> str:
    if not (start and end) or start == end:
        return f"le {p.date(start or end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"du {start.day} au {p.date(end)}"
    return f"du {p.date(start)} au {p.date(end)}"


def _ordinal_words(n: int, lang: str) -> str:
    words = num2words(n, to="ordinal", lang=lang)
    # num2words 0.5.14 writes 80th as "quatre-vingtsième"; the plural s goes before "ième"
    return words.replace("vingtsième", "vingtième") if lang == "fr" else words


def _ar_ordinal(n: int, *, genitive: bool = False) -> str:
    """num2words has no Arabic ordinals (it gives the cardinal), so the feminine ordinal
    of a session is made here: units "الخامسة", tens "السبعون" (genitive "السبعين")."""
    if not 20 <= n <= 99:
        return str(n)
    tens, unit = divmod(n, 10)
    ten = _AR_TENS[tens]
    if genitive:
        ten = ten.removesuffix("ون") + "ين"
    return ten if unit == 0 else f"{_AR_UNITS[unit]} و{ten}"


def phrases(lang: str) -> Phrases:
    return Phrases(lang)


_ROMAN_DIGITS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """16 -> "XVI" (any positive number, not only the first fifteen)."""
    out = []
    for value, digits in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


_AR_ORDER = [
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
]
_AR_LETTERS = [
    "ألف",
    "باء",
    "جيم",
    "دال",
    "هاء",
    "واو",
    "زاي",
    "حاء",
    "طاء",
    "ياء",
    "كاف",
    "لام",
    "ميم",
    "نون",
    "سين",
    "عين",
    "فاء",
    "صاد",
    "قاف",
    "راء",
    "شين",
    "تاء",
    "ثاء",
    "خاء",
    "ذال",
    "ضاد",
]


def section_label(index: int, lang: str) -> str:
    """The label of the ``index``-th (1-based) chapter: "IV." (or "رابعا -" in Arabic)."""
    if lang == "ar":
        return f"{_AR_ORDER[index - 1]} -" if index <= len(_AR_ORDER) else f"{index} -"
    return f"{roman(index)}."


def subsection_label(index: int, lang: str) -> str:
    """The label of the ``index``-th subsection: "B." (or "باء -" in Arabic); past the
    alphabet, a number."""
    letters = _AR_LETTERS if lang == "ar" else [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    if index <= len(letters):
        return f"{letters[index - 1]} -" if lang == "ar" else f"{letters[index - 1]}."
    return f"{index} -" if lang == "ar" else f"{index}."


def heading_label(level: int, index: int, lang: str) -> str:
    """I. / A. / 1. for the three levels of headings (a chapter of the combined report
    holds a framework's chapters, which hold their subsections)."""
    if level == 1:
        return section_label(index, lang)
    if level == 2:
        return subsection_label(index, lang)
    return f"{index} -" if lang == "ar" else f"{index}."


def figure_label(index: int, lang: str) -> str:
    return phrases(lang)["figure"].format(n=index if lang == "ar" else roman(index))
