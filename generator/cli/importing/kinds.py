"""What an e-mail is: a rejection, an invitation, an offer, a receipt, an alert, or else.

The decision is a list of named rules, each a phrasing employers and mailers use, with
examples (the tests run every example). Rules are tried kind by kind in `PRECEDENCE`: spam
first, then an offer or an invitation to a next step (which no "unfortunately" elsewhere in
the message undoes), then a rejection, then the rest. Hints (rules that are not sure, such
as "leider ... nicht") come only after every sure rule of every kind, and only in a message
about an application. A phrase with a negation shortly before it ("we will not be inviting
you to interview") does not count for an invitation or an offer; a rejection phrase inside a
condition ("if you have not heard from us, your application was unsuccessful") does not
count for a rejection. Quoted replies are not read.

Pure: text in, `Verdict` out; no files, no e-mail objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...i18n import N_

REJECTION = "rejection"
KIND_NAMES = {
    "spam": N_("spam"),
    "offer": N_("offer"),
    "invitation": N_("interview or assessment invitation"),
    REJECTION: N_("rejection"),
    "acknowledgement": N_("application acknowledgement"),
    "alert": N_("job alert"),
    "newsletter": N_("newsletter"),
    "other": N_("other message"),
}
"""Each kind as the report names it (translated where shown), in the order rules are tried."""
PRECEDENCE = tuple(KIND_NAMES)
TEXT_LIMIT = 4000
"""Characters of a message read to decide: the decision is in its first paragraphs."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: str
    examples: tuple[str, ...]
    sure: bool = True
    """False: a hint only. A rejection decided by such a rule is written as a draft to check."""


@dataclass(frozen=True)
class Verdict:
    kind: str
    rule: str
    phrase: str
    """The words that decided it, as they are in the message."""
    sure: bool = True

    @property
    def is_rejection(self) -> bool:
        return self.kind == REJECTION

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]


def _rule(name: str, kind: str, pattern: str, *examples: str, sure: bool = True) -> Rule:
    return Rule(name, kind, pattern, examples, sure)


_APP = r"(?:application|candidacy|candidature|profile)"
_MEET = r"(?:interviews?|calls?|conversations?|chats?|meetings?|screens?|assessments?|rounds?)"
RULES: tuple[Rule, ...] = (
    # --- spam: scams and adverts, whatever they say about jobs
    _rule(
        "spam_money",
        "spam",
        r"(?:earn|make)\s+(?:up to\s+)?[$€£]\s?\d[\d,.]*\s*(?:k\s*)?(?:per|a|/|every)\s*"
        r"(?:day|week|hour|month)|\b(?:bitcoin|crypto(?:currency)?|wire transfer|"
        r"western union|gift ?cards?|lottery|casino|viagra)\b",
        "Earn $5,000 per week from home!",
        "Pay the fee by gift card",
    ),
    _rule(
        "spam_claim",
        "spam",
        r"\b(?:claim your (?:prize|reward|bonus)|you(?:'ve| have) won|"
        r"send (?:us )?your bank (?:details|account)|100% free)\b",
        "Claim your prize now",
        "Please send your bank details to start",
    ),
    # --- offers
    _rule(
        "offer_en",
        "offer",
        r"(?:pleased|delighted|happy|excited|thrilled|glad)\s+to\s+(?:extend|offer|make)\s+"
        r"(?:you\s+)?(?:an?\s+|the\s+|our\s+)?(?:formal\s+|verbal\s+|written\s+)?"
        r"(?:offer|position|role|job)|\boffer (?:of employment|letter)\b|"
        r"\bextend(?:ing)? (?:you )?(?:an|a|the|our) (?:formal |verbal )?offer\b|"
        r"\baccept (?:the|this|our) offer\b",
        "We are delighted to offer you the position of Analyst",
        "Please find your offer letter attached",
    ),
    _rule(
        "offer_de",
        "offer",
        r"\b(?:Vertragsangebot|Arbeitsvertrag|Vertragsentwurf|Jobangebot|Stellenangebot für Sie)"
        r"\b|freuen uns,? (?:Ihnen|dir)\b.{0,80}?\b(?:anzubieten|Zusage|Angebot)",
        "Wir freuen uns, Ihnen die Stelle anzubieten",
        "Anbei Ihr Arbeitsvertrag",
    ),
    _rule(
        "offer_fr",
        "offer",
        r"\b(?:promesse|proposition|offre) d['\u2019]embauche\b|proposition de contrat|"
        r"(?:heureux|heureuse|ravis?|ravie?s?) de vous (?:proposer|offrir) le poste",
        "Veuillez trouver ci-joint votre promesse d'embauche",
    ),
    _rule(
        "offer_es",
        "offer",
        r"\b(?:carta|propuesta) de (?:oferta|contrataci[oó]n)\b|"
        r"nos complace (?:ofrecerte|ofrecerle|comunicarte que has sido seleccionad[oa])",
        "Nos complace ofrecerte el puesto de Analista",
    ),
    _rule(
        "offer_nl",
        "offer",
        r"\b(?:arbeidsovereenkomst|contractvoorstel|arbeidsvoorwaardenvoorstel)\b|"
        r"(?:blij|verheugd) (?:om )?(?:je|u) .{0,60}?aan te bieden",
        "We zijn blij om je de functie van Analist aan te bieden",
    ),
    # --- invitations to a next step (interviews, assessments)
    _rule(
        "invite_en",
        "invitation",
        rf"\binvit(?:e|ing) you (?:to|for) (?:an? |the |your |our )?(?:\w+[ -]){{0,3}}{_MEET}|"
        rf"\b(?:schedule|set up|arrange|book) (?:an? |the |your )?(?:\w+[ -]){{0,2}}{_MEET}|"
        rf"(?:like|love|happy|pleased|excited|delighted) to (?:move|advance|progress) "
        rf"(?:you|your {_APP})|\bmov(?:e|ing) forward with your {_APP}|"
        r"\b(?:your|let us know your) availability\b|\binterview invitation\b|"
        r"\binvitation to (?:an? )?interview",
        "We would like to invite you to a first interview",
        "We'd like to move forward with your application",
        "Please let us know your availability next week",
    ),
    _rule(
        "assess_en",
        "invitation",
        r"\b(?:complete|take|start) (?:the|an|our|a|this|your) (?:\w+[ -]){0,2}"
        r"(?:assessment|challenge|test|exercise|assignment|task)\b|"
        r"\b(?:hackerrank|codility|codesignal|testgorilla)\b",
        "Please complete the online assessment within 5 days",
        "Your Codility test link is below",
    ),
    _rule(
        "invite_de",
        "invitation",
        r"\b(?:einladen|Einladung|laden (?:Sie|dich))\b.{0,80}?\b(?:Gespräch|Interview|"
        r"Kennenlernen|Vorstellungsgespräch|Telefonat|Assessment|Videocall|Termin)|"
        r"(?:möchten|würden) (?:Sie|dich) gerne (?:kennenlernen|einladen)|"
        r"\b(?:Vorstellungs)?(?:gespräch|Interview|Kennenlernen|Telefonat)\w* einladen\b|"
        r"\bTerminvorschläge\b|\b(?:Online-)?Test\b.{0,40}?\bbearbeiten\b",
        "Wir möchten Sie gerne zu einem Vorstellungsgespräch einladen",
        "Einladung zum Interview: Data Analyst",
    ),
    _rule(
        "invite_fr",
        "invitation",
        r"\b(?:inviter|convier|convoquer)\b.{0,30}?\b(?:entretien|échange|entrevue|test)|"
        r"\bconvocation\b|\binvitation à (?:un |une )?(?:entretien|échange)|"
        r"\b(?:vos|tes) disponibilités\b",
        "Nous souhaitons vous inviter à un entretien",
        "Merci de nous indiquer vos disponibilités",
    ),
    _rule(
        "invite_es",
        "invitation",
        r"\binvitar(?:te|le)\b.{0,30}?\b(?:entrevista|llamada|prueba|reunión)|"
        r"(?:nos gustaría|queremos) (?:conocerte|conocerle|agendar|programar|concertar)|"
        r"\btu disponibilidad\b|\bsu disponibilidad\b",
        "Nos gustaría invitarte a una entrevista",
        "¿Nos indicas tu disponibilidad?",
    ),
    _rule(
        "invite_nl",
        "invitation",
        r"\buitnodig(?:en|ing)\b.{0,40}?\b(?:gesprek|sollicitatiegesprek|kennismaking|"
        r"interview|assessment)|(?:willen|zouden) (?:je|u) graag (?:uitnodigen|spreken|"
        r"ontmoeten)|\b(?:je|uw) beschikbaarheid\b",
        "Graag nodigen we je uit; uitnodiging voor een sollicitatiegesprek",
        "We willen je graag uitnodigen",
    ),
    # --- rejections
    _rule(
        "no_forward_en",
        REJECTION,
        r"(?:\bnot|n't)\s+(?:be\s+)?(?:moving|move|going|proceed\w*|progress\w*|advanc\w*|tak\w+ "
        r"(?:your|you|it)\w*)\s+(?:forward|further|ahead|to the next)|"
        rf"\bnot to (?:proceed|progress|advance|move forward|continue) with your {_APP}|"
        r"\bdecided (?:not to|to not) (?:proceed|move|progress|pursue|continue|advance|offer|"
        r"invite|take)",
        "We will not be moving forward with your application",
        "we have decided not to proceed",
    ),
    _rule(
        "others_en",
        REJECTION,
        r"\b(?:decided|chosen|opted|elected|decision) to (?:proceed|move forward|go ahead|"
        r"continue|pursue|progress|go) with (?:other|another|a different|different|an? "
        r"(?:internal|other)|candidates|applicants|someone)|\bpursu\w* other (?:candidates|"
        r"applicants)|\bother candidates (?:whose|who)|closer (?:match|fit)|"
        r"more closely (?:match|align)",
        "we have decided to move forward with other candidates",
        "we have chosen to pursue other applicants",
    ),
    _rule(
        "unsuccessful_en",
        REJECTION,
        r"\b(?:not been|was not|were not|wasn't|weren't|haven't been|not) "
        r"(?:successful|selected|shortlisted|chosen)\b|\b(?:was|were|been|is|has been) "
        r"unsuccessful\b|\bregret to (?:inform|let you know|advise|tell)|"
        r"\b(?:position|role|vacancy|job) (?:is|has been|was) (?:now )?(?:filled|closed)\b|"
        r"\b(?:unable|not able|not in a position) to offer you\b|"
        r"\bno longer (?:under consideration|being considered|considering)\b|"
        r"\bwill not be (?:inviting|invited|progressing|considering) (?:you|your)",
        "Unfortunately your application was unsuccessful",
        "We regret to inform you that the position has been filled",
    ),
    _rule(
        "rejection_de",
        REJECTION,
        r"\bfür (?:eine[nr]? )?(?:andere[nrn]? )?(?:Kandidat|Bewerber|Mitbewerber)\w* "
        r"(?:\w+ ){0,2}entschieden|\bnicht (?:weiter )?(?:berücksichtig\w*|in (?:die )?"
        r"(?:engere|nächste) \w+|in Betracht|weiterverfolg\w*|verfolgen|zu berücksichtigen)|"
        r"\b(?:Ihnen|dir) (?:heute )?(?:eine |leider eine )?Absage|\babsagen müssen|"
        r"\b(?:anderweitig|bereits) (?:besetzt|vergeben)|keine positive (?:Rückmeldung|"
        r"Nachricht)|(?:können|konnten) (?:Ihnen|dir) (?:\w+ ){0,2}keine (?:Zusage|Stelle)|"
        r"^Absage\b",
        "Leider haben wir uns für einen anderen Kandidaten entschieden",
        "Absage: Ihre Bewerbung als Data Analyst",
    ),
    _rule(
        "rejection_fr",
        REJECTION,
        r"\b(?:avons|a) le regret de|\bne (?:pouvons|pourrons|sommes|pouvions) pas\b.{0,40}?"
        r"\b(?:donner (?:une )?suite|retenir|poursuivre|favorable)|\bpas (?:été )?"
        r"(?:retenue?s?|sélectionnée?s?)\b|\b(?:d['\u2019]autres|un autre|une autre|autres) "
        r"(?:candidat|candidature|profil)s?\b|\bposte (?:a été|est(?: déjà)?) pourvu|"
        r"\bne pas (?:donner suite|poursuivre|retenir)|\bnon retenue?\b",
        "Nous avons le regret de vous informer",
        "votre candidature n'a pas été retenue",
    ),
    _rule(
        "rejection_es",
        REJECTION,
        r"\blamentamos (?:informar|comunicar)\w*|\bno (?:ha|has|han) sido seleccionad\w*|"
        r"\bno (?:ha|has) resultado seleccionad\w*|\b(?:otros?|otras?) (?:candidat|"
        r"perfil)\w*|\bhemos decidido (?:no|continuar con otr|seguir con otr|avanzar con otr)|"
        r"\bno (?:vamos a|podremos|podemos) (?:continuar|avanzar|seguir)|"
        r"\b(?:puesto|posición|vacante) (?:ya )?(?:ha sido|fue) (?:cubiert|ocupad)\w*",
        "Lamentamos informarte que no has sido seleccionado",
        "hemos decidido continuar con otros candidatos",
    ),
    _rule(
        "rejection_nl",
        REJECTION,
        r"\b(?:hebben|heeft|is) (?:\w+ ){0,2}(?:besloten|gekozen) (?:om )?(?:niet|voor een "
        r"andere|voor andere)|\bandere kandida(?:at|ten)\b|\bniet (?:verder|door) "
        r"(?:gaan|te gaan|in de procedure|naar de volgende)|\b(?:afwijzing|afgewezen)\b|"
        r"\b(?:functie|vacature) (?:is )?(?:inmiddels |al )?(?:vervuld|ingevuld)|"
        r"\bniet (?:uitgenodigd|geselecteerd)\b|\bteleur (?:te )?stellen|teleurstellen",
        "Helaas hebben we besloten om niet verder te gaan met je sollicitatie",
        "we hebben gekozen voor een andere kandidaat",
    ),
    _rule(
        "leider_nicht",
        REJECTION,
        r"\b(?:leider|bedauerlicherweise|helaas|malheureusement|lamentablemente|"
        r"desafortunadamente|unfortunately)\b[^.!?\n]{0,120}?\b(?:nicht|kein\w*|niet|geen|"
        r"pas|no|not|cannot|unable|nunca)\b|n't\b",
        "Leider können wir Ihre Bewerbung nicht weiter berücksichtigen, sagt sie",
        "Unfortunately, we cannot proceed with your application",
        sure=False,
    ),
    # --- acknowledgements
    _rule(
        "received_en",
        "acknowledgement",
        r"\b(?:received|receipt of|we got|successfully submitted) your application|"
        r"\bthank(?:s| you) for (?:applying|your application|submitting)|"
        r"\bshortlisted (?:candidates|applicants) will be contacted|"
        r"\b(?:will|we'll) (?:review|be in touch|get back to you|contact you)\b|"
        r"\bapplication (?:has been |was )?(?:received|submitted)",
        "We have received your application",
        "Only shortlisted candidates will be contacted",
    ),
    _rule(
        "received_de",
        "acknowledgement",
        r"\bEingangsbestätigung\b|\bBewerbung (?:ist )?(?:bei uns )?(?:gut |erfolgreich )?"
        r"(?:eingegangen|erhalten)|\bvielen Dank für (?:Ihre|deine) Bewerbung",
        "Ihre Bewerbung ist bei uns eingegangen",
    ),
    _rule(
        "received_fr",
        "acknowledgement",
        r"\b(?:bien )?reçu (?:votre|ta) candidature|\baccusé de réception\b|"
        r"\bmerci (?:pour|de) (?:votre|ta) candidature|\bmerci d['\u2019]avoir postulé",
        "Nous avons bien reçu votre candidature",
    ),
    _rule(
        "received_es",
        "acknowledgement",
        r"\brecibido (?:tu|su) (?:candidatura|solicitud|cv)|\bgracias por (?:tu|su) "
        r"(?:candidatura|solicitud|interés)|\bgracias por postular",
        "Hemos recibido tu candidatura",
    ),
    _rule(
        "received_nl",
        "acknowledgement",
        r"\b(?:je|jouw|uw) sollicitatie (?:is )?(?:goed )?ontvangen|\bontvangstbevestiging\b|"
        r"\bbedankt voor (?:je|jouw|uw) sollicitatie",
        "Bedankt voor je sollicitatie",
    ),
    # --- job alerts and newsletters
    _rule(
        "job_alert",
        "alert",
        r"\bjob alerts?\b|\bjobs? (?:for you|you may|you might|matching|recommended)|"
        r"\b(?:\d+\s+)?new jobs?\b|\brecommended jobs\b|\bis hiring\b|\bJob-?Alarm\b|"
        r"\bJobagent\b|\bpassende (?:Jobs|Stellen)|\bneue (?:Jobs|Stellen\w*)\b|"
        r"\balerte[- ]emploi\b|\bnouvelles offres\b|\balerta de empleo\b|\bnuevas ofertas\b|"
        r"\bempleos (?:para ti|recomendados)\b|\bvacaturemelding\b|\bvacatures voor (?:jou|u)"
        r"\b|\bnieuwe vacatures\b",
        "5 new jobs for Data Analyst in Berlin",
        "Neue Jobs, die zu Ihnen passen",
    ),
    _rule(
        "newsletter",
        "newsletter",
        r"\bnewsletter\b|\bunsubscribe\b|\bwebinar\b|\babmelden\b|\bse (?:désabonner|"
        r"désinscrire)\b|\bdarse de baja\b|\bcancelar (?:la )?suscripción\b|\buitschrijven\b",
        "Our monthly newsletter",
        "Click here to unsubscribe",
    ),
)

_NEGATION = re.compile(
    r"\b(?:not|no|never|unable|cannot|can't|won't|wouldn't|nicht|kein\w*|nie|pas|ne|n['\u2019]|"
    r"nunca|niet|geen|nooit)\b|n't\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:if|unless|should you|wenn|falls|sollten|sollte|si|indien|mocht|mochten|en caso)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;\n]")
_NEGATABLE = {"offer", "invitation", "acknowledgement"}
_REPLY_LINE = re.compile(
    r"^(?:On .{4,200} wrote:|Am .{4,200} schrieb .{0,200}:|Le .{4,200} a écrit ?:|"
    r"El .{4,200} escribió:|Op .{4,200} schreef .{0,200}:|-{2,} ?(?:Original Message|"
    r"Ursprüngliche Nachricht|Message d['\u2019]origine|Mensaje original|Oorspronkelijk bericht)"
    r" ?-{0,}|(?:From|Von|De|Van): .+\n(?:Sent|Gesendet|Envoyé|Enviado|Verzonden|Date|Datum)"
    r" ?:)",
    re.MULTILINE,
)


NEEDLES: dict[str, tuple[str, ...]] = {
    "spam_money": ("$", "€", "£", "bitcoin", "crypto", "wire transfer", "western union", "gift",
                   "lottery", "casino", "viagra"),
    "spam_claim": ("claim your", "won", "bank", "100% free"),
    "offer_en": ("offer",),
    "offer_de": ("vertrag", "angebot", "anzubieten", "zusage"),
    "offer_fr": ("embauche", "contrat", "le poste"),
    "offer_es": ("oferta", "contrataci", "nos complace"),
    "offer_nl": ("arbeidsovereenkomst", "voorstel", "aan te bieden"),
    "invite_en": ("invit", "schedule", "set up", "arrange", "book", "availability", "move",
                  "moving", "advance", "progress"),
    "assess_en": ("assessment", "challenge", "test", "exercise", "assignment", "task",
                  "hackerrank", "codility", "codesignal", "testgorilla"),
    "invite_de": ("einlad", "laden sie", "laden dich", "kennenlernen", "terminvorschl",
                  "bearbeiten"),
    "invite_fr": ("invit", "convi", "convoqu", "convocation", "disponibilit"),
    "invite_es": ("invitar", "nos gustar", "queremos", "disponibilidad"),
    "invite_nl": ("uitnodig", "graag", "beschikbaarheid"),
    "no_forward_en": ("forward", "further", "ahead", "next", "decided"),
    "others_en": ("other", "another", "different", "candidates", "applicants", "closer",
                  "closely", "someone", "internal"),
    "unsuccessful_en": ("successful", "selected", "shortlisted", "chosen", "regret", "filled",
                        "closed", "offer you", "consider", "inviting", "invited", "progressing"),
    "rejection_de": ("kandidat", "bewerber", "berücksichtig", "engere", "nächste", "betracht",
                     "verfolg", "absage", "besetzt", "vergeben", "positive", "keine"),
    "rejection_fr": ("regret", "pas", "retenu", "autre", "pourvu"),
    "rejection_es": ("lamentamos", "seleccionad", "otro", "otra", "hemos decidido", "no vamos",
                     "no podremos", "no podemos", "cubiert", "ocupad"),
    "rejection_nl": ("besloten", "gekozen", "kandida", "niet verder", "niet door", "afwijzing",
                     "afgewezen", "vervuld", "ingevuld", "uitgenodigd", "geselecteerd",
                     "teleur"),
    "leider_nicht": ("leider", "bedauerlich", "helaas", "malheureusement", "lamentablemente",
                     "desafortunadamente", "unfortunately"),
    "received_en": ("received", "receipt", "we got", "submitted", "thank", "shortlisted",
                    "will", "we'll"),
    "received_de": ("eingangsbest", "bewerbung"),
    "received_fr": ("reçu", "accusé", "merci"),
    "received_es": ("recibido", "gracias"),
    "received_nl": ("ontvang", "bedankt"),
    "job_alert": ("job", "new", "recommended", "hiring", "stelle", "alert", "offres", "ofertas",
                  "empleos", "vacature"),
    "newsletter": ("newsletter", "unsubscribe", "webinar", "abmelden", "désabonner",
                   "désinscrire", "baja", "suscripción", "uitschrijven"),
}  # fmt: skip
"""Per rule, words (lower case) one of which its phrase always holds. A message without any
is not searched with the rule's pattern: plain substring tests are cheap, and most mail in a
mailbox holds few of them."""

_PATTERN = {rule.name: re.compile(rule.pattern, re.IGNORECASE | re.MULTILINE) for rule in RULES}
_ORDER = [
    [rule for rule in RULES if rule.sure],
    [rule for rule in RULES if not rule.sure],
]
"""Every kind's sure rules (kind by kind, in `PRECEDENCE`), then the hints. Every sure rule
is tried before any hint: "unfortunately" in a receipt never outweighs "we have received your
application"."""
_APPLICATION = re.compile(
    r"\b(?:appl\w+|position|role|candida\w+|Bewerb\w+|Stelle|poste|puesto|sollicit\w+|"
    r"functie|vacature)\b",
    re.IGNORECASE,
)
"""A hint counts only in a message about an application: not "unfortunately I can't come"."""


def fresh_text(text: str) -> str:
    """The message's own words: quoted lines and the quoted thread below a reply header go."""
    found = _REPLY_LINE.search(text)
    if found:
        text = text[: found.start()]
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))


def classify(subject: str, text: str, bulk: bool = False) -> Verdict:
    """What a message is, by the first kind in `PRECEDENCE` one of whose rules decides.

    `subject` is left out by the caller for replies (its words are the earlier message's).
    `bulk`: the message has list headers (List-Unsubscribe, Precedence: bulk); it makes a
    message no rule recognises a newsletter rather than "other".
    """
    words = f"{subject}\n{fresh_text(text[: TEXT_LIMIT * 3])[:TEXT_LIMIT]}"
    lower = words.lower()
    for rules in _ORDER:
        for rule in rules:
            if not any(map(lower.__contains__, NEEDLES[rule.name])):
                continue
            verdict = _decide(rule, words)
            if verdict and (rule.sure or _APPLICATION.search(words)):
                return verdict
    if bulk:
        return Verdict("newsletter", "bulk_headers", "List-Unsubscribe header")
    return Verdict("other", "none", "")


def _decide(rule: Rule, text: str) -> Verdict | None:
    """The first phrase of `rule` in `text` that counts (no negation or condition undoes it)."""
    for match in _PATTERN[rule.name].finditer(text):
        if _counts(rule.kind, text, match):
            return Verdict(rule.kind, rule.name, " ".join(match.group().split()), rule.sure)
    return None


def _counts(kind: str, text: str, match: re.Match[str]) -> bool:
    """False when a negation (invitations, offers) or a condition (rejections) undoes it."""
    before = _sentence_before(text, match.start())
    if kind in _NEGATABLE:
        return not _NEGATION.search(" ".join(before.split()[-6:]))
    if kind == REJECTION:
        return not _CONDITION.search(before)
    return True


def _sentence_before(text: str, end: int) -> str:
    start = max(0, end - 200)
    piece = text[start:end]
    ends = [match.end() for match in _SENTENCE_END.finditer(piece)]
    return piece[ends[-1] :] if ends else piece
