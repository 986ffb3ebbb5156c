<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
  <context>
    <name>ActionDialog</name>
    <message>
      <source>Action</source>
      <translation>Actie</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Geannuleerd</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Gedaan</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <source>Listed under the week</source>
      <translation>Vermeld onder het weekoverzicht</translation>
    </message>
    <message>
      <source>Not understood yet</source>
      <translation>Nog niet begrepen</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Gepland</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>De casemanager</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>De patiënt</translation>
    </message>
    <message>
      <source>Under way</source>
      <translation>Lopend</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Tot</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>Who does it</source>
      <translation>Wie doet het</translation>
    </message>
    <message>
      <source>e.g. Mon, Wed, Fri 8:00–9:00 or twice a month</source>
      <translation>bv. ma, wo, vr 8u–9u of 2 keer per maand</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— kiezen —</translation>
    </message>
  </context>
  <context>
    <name>AgreeDialog</name>
    <message>
      <source>Agree the plan</source>
      <translation>Het plan afspreken</translation>
    </message>
    <message>
      <source>Agreed with</source>
      <translation>Afgesproken met</translation>
    </message>
    <message>
      <source>In your own words</source>
      <translation>In uw eigen woorden</translation>
    </message>
    <message>
      <source>Names, a service… (optional)</source>
      <translation>Namen, een dienst… (optioneel)</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Op</translation>
    </message>
    <message>
      <source>Once agreed, this version can no longer change. Changes go into a new version.</source>
      <translation>Eens afgesproken kan deze versie niet meer wijzigen. Wijzigingen komen in een nieuwe versie.</translation>
    </message>
    <message>
      <source>Ot&amp;hers</source>
      <translation>A&amp;ndere personen</translation>
    </message>
    <message>
      <source>The &amp;GP</source>
      <translation>De &amp;huisarts</translation>
    </message>
    <message>
      <source>The &amp;family</source>
      <translation>De &amp;familie</translation>
    </message>
    <message>
      <source>The &amp;patient</source>
      <translation>De &amp;patiënt</translation>
    </message>
    <message>
      <source>The ca&amp;rers</source>
      <translation>De &amp;mantelzorgers</translation>
    </message>
  </context>
  <context>
    <name>AssessmentTab</name>
    <message>
      <source>&amp;History (select two to compare)</source>
      <translation>&amp;Geschiedenis (kies er twee om te vergelijken)</translation>
    </message>
    <message>
      <source>&amp;Import a licensed definition…</source>
      <translation>Definitie onder licentie &amp;importeren…</translation>
    </message>
    <message>
      <source>&amp;New assessment</source>
      <translation>&amp;Nieuwe beoordeling</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Openen</translation>
    </message>
    <message>
      <source>&amp;Triage…</source>
      <translation>&amp;Triage…</translation>
    </message>
    <message>
      <source>Assessment history</source>
      <translation>Geschiedenis van de beoordelingen</translation>
    </message>
    <message>
      <source>Assessments</source>
      <translation>Beoordelingen</translation>
    </message>
    <message>
      <source>Co&amp;mpare the two selected</source>
      <translation>De twee gekozen &amp;vergelijken</translation>
    </message>
    <message>
      <source>Import a licensed definition</source>
      <translation>Definitie onder licentie importeren</translation>
    </message>
    <message>
      <source>In&amp;struments</source>
      <translation>In&amp;strumenten</translation>
    </message>
    <message>
      <source>Instrument definitions (*.json)</source>
      <translation>Instrumentdefinities (*.json)</translation>
    </message>
    <message>
      <source>Instruments</source>
      <translation>Instrumenten</translation>
    </message>
    <message>
      <source>Nothing was imported: {reason}</source>
      <translation>Niets geïmporteerd: {reason}</translation>
    </message>
    <message>
      <source>Select two completed assessments to compare.</source>
      <translation>Kies twee afgeronde beoordelingen om te vergelijken.</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>afgerond</translation>
    </message>
    <message>
      <source>correction in progress</source>
      <translation>correctie bezig</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>ontwerp</translation>
    </message>
    <message>
      <source>replaced by a correction</source>
      <translation>vervangen door een correctie</translation>
    </message>
    <message>
      <source>texts not imported</source>
      <translation>teksten niet geïmporteerd</translation>
    </message>
  </context>
  <context>
    <name>AttentionPage</name>
    <message>
      <source>&amp;Discard (undo here)</source>
      <translation>&amp;Schrappen (hier ongedaan maken)</translation>
    </message>
    <message>
      <source>&amp;Send again</source>
      <translation>Opnieuw &amp;verzenden</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Discard the change</source>
      <translation>De wijziging schrappen</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>Velden</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Na te kijken</translation>
    </message>
    <message>
      <source>Nothing needs attention: the server accepted every change.</source>
      <translation>Niets na te kijken: de server heeft elke wijziging aanvaard.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reden</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Gegeven</translation>
    </message>
    <message>
      <source>Refused changes</source>
      <translation>Geweigerde wijzigingen</translation>
    </message>
    <message>
      <source>The change will be undone on this computer and not sent. Continue?</source>
      <translation>De wijziging wordt op deze computer ongedaan gemaakt en niet verzonden. Doorgaan?</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n gebeurtenis</numerusform>
        <numerusform>%n gebeurtenissen</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Review retention</source>
      <translation>&amp;Bewaring herzien</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>&amp;Tonen</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Actie</translation>
    </message>
    <message>
      <source>Actor</source>
      <translation>Gebruiker</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Alle</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Audit</translation>
    </message>
    <message>
      <source>Audit events</source>
      <translation>Auditgebeurtenissen</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Toestel</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <source>Kept until</source>
      <translation>Bewaard tot</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>Laatste contact</translation>
    </message>
    <message>
      <source>No record is past the retention period.</source>
      <translation>Geen enkel dossier is voorbij de bewaartermijn.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>Patient id</source>
      <translation>Patiënt-id</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Registratie</translation>
    </message>
    <message>
      <source>Records past the retention period</source>
      <translation>Dossiers voorbij de bewaartermijn</translation>
    </message>
    <message>
      <source>Records past the retention period, to review</source>
      <translation>Dossiers voorbij de bewaartermijn, te herzien</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Beperkt</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Tot</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>Wanneer (UTC)</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>CarerAssessmentDialog</name>
    <message>
      <source>&amp;Assessed on:</source>
      <translation>Beoordeeld &amp;op:</translation>
    </message>
    <message>
      <source>&amp;Burden for the carer:</source>
      <translation>&amp;Belasting voor de mantelzorger:</translation>
    </message>
    <message>
      <source>&amp;Wishes:</source>
      <translation>&amp;Wensen:</translation>
    </message>
    <message>
      <source>Carer's assessment — {name}</source>
      <translation>Beoordeling van de mantelzorger — {name}</translation>
    </message>
    <message>
      <source>Empty: in 1 to 12 months, sooner when the burden is heavier</source>
      <translation>Leeg: binnen 1 tot 12 maanden, sneller bij een zwaardere belasting</translation>
    </message>
    <message>
      <source>First assessment of this carer.</source>
      <translation>Eerste beoordeling van deze mantelzorger.</translation>
    </message>
    <message>
      <source>Last assessment: {line}</source>
      <translation>Laatste beoordeling: {line}</translation>
    </message>
    <message>
      <source>N&amp;eeds:</source>
      <translation>&amp;Noden:</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>No&amp;titie:</translation>
    </message>
    <message>
      <source>Re&amp;view on:</source>
      <translation>&amp;Herziening op:</translation>
    </message>
    <message>
      <source>Res&amp;pite:</source>
      <translation>Res&amp;pijtzorg:</translation>
    </message>
    <message>
      <source>The carer's &amp;health:</source>
      <translation>&amp;Gezondheid van de mantelzorger:</translation>
    </message>
  </context>
  <context>
    <name>CaseLabels</name>
    <message>
      <source>1 · Self-management</source>
      <translation>1 · Zelfmanagement</translation>
    </message>
    <message>
      <source>2 · Disease and care management</source>
      <translation>2 · Ziekte- en zorgmanagement</translation>
    </message>
    <message>
      <source>3 · Case management</source>
      <translation>3 · Casemanagement</translation>
    </message>
    <message>
      <source>A relative</source>
      <translation>Een naaste</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>Aanvaard</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Actieve opvolging</translation>
    </message>
    <message>
      <source>Admission</source>
      <translation>Opname</translation>
    </message>
    <message>
      <source>Assessing</source>
      <translation>Beoordeling</translation>
    </message>
    <message>
      <source>At the office</source>
      <translation>Op kantoor</translation>
    </message>
    <message>
      <source>BIM</source>
      <translation>VT</translation>
    </message>
    <message>
      <source>CPAS</source>
      <translation>OCMW</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Geannuleerd</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>Chronic condition</source>
      <translation>Chronische aandoening</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Afgesloten</translation>
    </message>
    <message>
      <source>Concertation</source>
      <translation>Overleg</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>Overleden</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Gedaan</translation>
    </message>
    <message>
      <source>Emergency visit</source>
      <translation>Spoedbezoek</translation>
    </message>
    <message>
      <source>Entered residential care</source>
      <translation>Opgenomen in een woonzorgcentrum</translation>
    </message>
    <message>
      <source>GP feedback</source>
      <translation>Terugkoppeling huisarts</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Thuis</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>Huisbezoek</translation>
    </message>
    <message>
      <source>Home-care coordination</source>
      <translation>Thuiszorgcoördinatie</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Ziekenhuis</translation>
    </message>
    <message>
      <source>MAF</source>
      <translation>MAF</translation>
    </message>
    <message>
      <source>Moved away</source>
      <translation>Verhuisd</translation>
    </message>
    <message>
      <source>No case</source>
      <translation>Geen dossier</translation>
    </message>
    <message>
      <source>No recent contact</source>
      <translation>Geen recent contact</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Andere</translation>
    </message>
    <message>
      <source>Patient association</source>
      <translation>Patiëntenvereniging</translation>
    </message>
    <message>
      <source>Phone call</source>
      <translation>Telefoongesprek</translation>
    </message>
    <message>
      <source>Plan review</source>
      <translation>Herziening van het plan</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Gepland</translation>
    </message>
    <message>
      <source>Redirected</source>
      <translation>Doorverwezen</translation>
    </message>
    <message>
      <source>Referred</source>
      <translation>Aangemeld</translation>
    </message>
    <message>
      <source>Refused by the patient</source>
      <translation>Weigering van de patiënt</translation>
    </message>
    <message>
      <source>Relevance review</source>
      <translation>Herziening van de relevantie</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Beperkt</translation>
    </message>
    <message>
      <source>Same NISS as another record</source>
      <translation>Zelfde INSZ als een ander dossier</translation>
    </message>
    <message>
      <source>Situation stabilised</source>
      <translation>Situatie gestabiliseerd</translation>
    </message>
    <message>
      <source>Stabilised</source>
      <translation>Gestabiliseerd</translation>
    </message>
    <message>
      <source>The GP</source>
      <translation>De huisarts</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>De patiënt</translation>
    </message>
    <message>
      <source>Transferred to another organisation</source>
      <translation>Transfer naar een andere organisatie</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Bezoek</translation>
    </message>
    <message>
      <source>Visit not recorded</source>
      <translation>Bezoek niet geregistreerd</translation>
    </message>
    <message>
      <source>Waiting list</source>
      <translation>Wachtlijst</translation>
    </message>
  </context>
  <context>
    <name>CaseloadModel</name>
    <message>
      <source>Age</source>
      <translation>Leeftijd</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Te doen</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>Laatste bezoek</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Next visit</source>
      <translation>Volgend bezoek</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Gemeente</translation>
    </message>
  </context>
  <context>
    <name>CaseloadPage</name>
    <message numerus="yes">
      <source>%n shown</source>
      <translation>
        <numerusform>%n getoond</numerusform>
        <numerusform>%n getoond</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;New patient (Ctrl+N)</source>
      <translation>&amp;Nieuwe patiënt (Ctrl+N)</translation>
    </message>
    <message>
      <source>All cases</source>
      <translation>Alle dossiers</translation>
    </message>
    <message>
      <source>Caseload</source>
      <translation>Mijn patiënten</translation>
    </message>
    <message>
      <source>Due items filter</source>
      <translation>Filter op vervaldata</translation>
    </message>
    <message>
      <source>Due or not</source>
      <translation>Met of zonder vervaldata</translation>
    </message>
    <message>
      <source>Every tier</source>
      <translation>Alle niveaus</translation>
    </message>
    <message>
      <source>No patient matches "{text}".</source>
      <translation>Geen patiënt komt overeen met “{text}”.</translation>
    </message>
    <message>
      <source>No patient matches these filters.</source>
      <translation>Geen patiënt komt overeen met deze filters.</translation>
    </message>
    <message>
      <source>Open cases</source>
      <translation>Open dossiers</translation>
    </message>
    <message>
      <source>Open cases and new patients</source>
      <translation>Open dossiers en nieuwe patiënten</translation>
    </message>
    <message>
      <source>Patients</source>
      <translation>Patiënten</translation>
    </message>
    <message>
      <source>Search by name, NISS, town or phone (Ctrl+F)</source>
      <translation>Zoeken op naam, INSZ, gemeente of telefoon (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search patients</source>
      <translation>Patiënten zoeken</translation>
    </message>
    <message>
      <source>Something due</source>
      <translation>Iets te doen</translation>
    </message>
    <message>
      <source>Sort</source>
      <translation>Sortering</translation>
    </message>
    <message>
      <source>Sort by last visit (oldest first)</source>
      <translation>Sorteren op laatste bezoek (oudste eerst)</translation>
    </message>
    <message>
      <source>Sort by name</source>
      <translation>Sorteren op naam</translation>
    </message>
    <message>
      <source>Sort by next visit</source>
      <translation>Sorteren op volgend bezoek</translation>
    </message>
    <message>
      <source>Sort by opening (newest first)</source>
      <translation>Sorteren op opening (nieuwste eerst)</translation>
    </message>
    <message>
      <source>Sort by relevance review</source>
      <translation>Sorteren op herziening van de relevantie</translation>
    </message>
    <message>
      <source>Sort by status</source>
      <translation>Sorteren op status</translation>
    </message>
    <message>
      <source>Status filter</source>
      <translation>Statusfilter</translation>
    </message>
    <message>
      <source>Tier filter</source>
      <translation>Niveaufilter</translation>
    </message>
  </context>
  <context>
    <name>CasesTab</name>
    <message>
      <source>&amp;Intake…</source>
      <translation>&amp;Intake…</translation>
    </message>
    <message>
      <source>&amp;New case…</source>
      <translation>&amp;Nieuw dossier…</translation>
    </message>
    <message>
      <source>&amp;Transfer…</source>
      <translation>&amp;Transfer…</translation>
    </message>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n dag na de aanvraag)</numerusform>
        <numerusform>(%n dagen na de aanvraag)</numerusform>
      </translation>
    </message>
    <message>
      <source>Accepted, redirected or waiting list; first contact and first home visit</source>
      <translation>Aanvaard, doorverwezen of wachtlijst; eerste contact en eerste huisbezoek</translation>
    </message>
    <message>
      <source>C&amp;lose the case…</source>
      <translation>Dossier a&amp;fsluiten…</translation>
    </message>
    <message>
      <source>Case details</source>
      <translation>Dossierdetails</translation>
    </message>
    <message>
      <source>Case management is still needed: the next review is due in three months</source>
      <translation>Casemanagement blijft nodig: volgende herziening over drie maanden</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <source>Change &amp;status</source>
      <translation>&amp;Status wijzigen</translation>
    </message>
    <message>
      <source>Choose one or more responsible case managers among the team's users</source>
      <translation>Een of meer verantwoordelijke casemanagers kiezen onder de gebruikers van het team</translation>
    </message>
    <message>
      <source>Clarified request: {text}</source>
      <translation>Verduidelijkte aanvraag: {text}</translation>
    </message>
    <message>
      <source>Closed on {date}: {reason}</source>
      <translation>Afgesloten op {date}: {reason}</translation>
    </message>
    <message>
      <source>First contact: not yet</source>
      <translation>Eerste contact: nog niet</translation>
    </message>
    <message>
      <source>First contact: {date}</source>
      <translation>Eerste contact: {date}</translation>
    </message>
    <message>
      <source>First home visit: not yet</source>
      <translation>Eerste huisbezoek: nog niet</translation>
    </message>
    <message>
      <source>First home visit: {date}</source>
      <translation>Eerste huisbezoek: {date}</translation>
    </message>
    <message>
      <source>Hand &amp;over…</source>
      <translation>&amp;Overdragen…</translation>
    </message>
    <message>
      <source>Handed over on {date} by {who} to {to}</source>
      <translation>Overgedragen op {date} door {who} aan {to}</translation>
    </message>
    <message>
      <source>History:</source>
      <translation>Geschiedenis:</translation>
    </message>
    <message>
      <source>Intake: accepted on {date}</source>
      <translation>Intake: aanvaard op {date}</translation>
    </message>
    <message>
      <source>Intake: redirected on {date} to {to}</source>
      <translation>Intake: doorverwezen op {date} naar {to}</translation>
    </message>
    <message>
      <source>Intake: waiting list since {date}</source>
      <translation>Intake: op de wachtlijst sinds {date}</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>Nieuwe status</translation>
    </message>
    <message>
      <source>No case yet. Open one with “New case”.</source>
      <translation>Nog geen dossier. Open er een met “Nieuw dossier”.</translation>
    </message>
    <message>
      <source>Opened on {date}</source>
      <translation>Geopend op {date}</translation>
    </message>
    <message>
      <source>Relevance &amp;reviewed</source>
      <translation>Relevantie &amp;herzien</translation>
    </message>
    <message>
      <source>Relevance review due on {date}</source>
      <translation>Herziening van de relevantie op {date}</translation>
    </message>
    <message>
      <source>Relevance review to do since {date}</source>
      <translation>Herziening van de relevantie te doen sinds {date}</translation>
    </message>
    <message>
      <source>Request: “{text}”</source>
      <translation>Aanvraag: “{text}”</translation>
    </message>
    <message>
      <source>Requested on {date} by {who}</source>
      <translation>Aangevraagd op {date} door {who}</translation>
    </message>
    <message>
      <source>Responsible case manager: {names}</source>
      <translation>Verantwoordelijke casemanager: {names}</translation>
    </message>
    <message>
      <source>Responsible case managers: {names}</source>
      <translation>Verantwoordelijke casemanagers: {names}</translation>
    </message>
    <message>
      <source>Stability log: {trend}</source>
      <translation>Stabiliteitslogboek: {trend}</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>Status: {status}</translation>
    </message>
    <message>
      <source>Suggested level and its reasons; record a crisis</source>
      <translation>Voorgesteld niveau en de redenen; een crisissituatie noteren</translation>
    </message>
    <message>
      <source>Tier: {tier}</source>
      <translation>Niveau: {tier}</translation>
    </message>
    <message>
      <source>Transfer to another organisation: a transfer pack and the case closed</source>
      <translation>Transfer naar een andere organisatie: een transferpakket, en het dossier afgesloten</translation>
    </message>
    <message>
      <source>Tria&amp;ge, crisis…</source>
      <translation>Tria&amp;ge, crisis…</translation>
    </message>
    <message>
      <source>Visits: {done} done, {planned} planned</source>
      <translation>Bezoeken: {done} gedaan, {planned} gepland</translation>
    </message>
  </context>
  <context>
    <name>ChecklistDialog</name>
    <message>
      <source>After the discharge</source>
      <translation>Na het ontslag</translation>
    </message>
    <message>
      <source>Discharged on {date}</source>
      <translation>Ontslagen op {date}</translation>
    </message>
    <message>
      <source>Follow-up call made</source>
      <translation>Opvolgingsgesprek gedaan</translation>
    </message>
  </context>
  <context>
    <name>CloseCaseDialog</name>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>&amp;Follow-up goes back to:</source>
      <translation>Opvolging terug &amp;naar:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Opmerking:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Reden:</translation>
    </message>
    <message>
      <source>Agreed with:</source>
      <translation>Met instemming van:</translation>
    </message>
    <message>
      <source>Close the case</source>
      <translation>Het dossier afsluiten</translation>
    </message>
    <message>
      <source>Closing date</source>
      <translation>Afsluitingsdatum</translation>
    </message>
    <message>
      <source>Closure reason</source>
      <translation>Reden van afsluiting</translation>
    </message>
    <message>
      <source>Stability log: {trend}</source>
      <translation>Stabiliteitslogboek: {trend}</translation>
    </message>
    <message>
      <source>— choose a reason —</source>
      <translation>— kies een reden —</translation>
    </message>
  </context>
  <context>
    <name>ClosureFields</name>
    <message>
      <source>Another service</source>
      <translation>Een andere dienst</translation>
    </message>
    <message>
      <source>Follow-up goes back to</source>
      <translation>Opvolging terug naar</translation>
    </message>
    <message>
      <source>Home-care coordination</source>
      <translation>Thuiszorgcoördinatie</translation>
    </message>
    <message>
      <source>The &amp;GP</source>
      <translation>De &amp;huisarts</translation>
    </message>
    <message>
      <source>The &amp;patient</source>
      <translation>De &amp;patiënt</translation>
    </message>
    <message>
      <source>The GP</source>
      <translation>De huisarts</translation>
    </message>
    <message>
      <source>The informal &amp;carer</source>
      <translation>De &amp;mantelzorger</translation>
    </message>
    <message>
      <source>The net&amp;work</source>
      <translation>Het ne&amp;twerk</translation>
    </message>
    <message>
      <source>— not said —</source>
      <translation>— niet vermeld —</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare two assessments — {title}</source>
      <translation>Twee beoordelingen vergelijken — {title}</translation>
    </message>
    <message>
      <source>Item {n}</source>
      <translation>Vraag {n}</translation>
    </message>
    <message>
      <source>Side-by-side comparison</source>
      <translation>Vergelijking naast elkaar</translation>
    </message>
  </context>
  <context>
    <name>ComparePage</name>
    <message>
      <source>&amp;Compare</source>
      <translation>&amp;Vergelijken</translation>
    </message>
    <message>
      <source>Changes between the two maps</source>
      <translation>Wijzigingen tussen beide ecomaps</translation>
    </message>
    <message>
      <source>From:</source>
      <translation>Van:</translation>
    </message>
    <message>
      <source>Newer map</source>
      <translation>Recentste ecomap</translation>
    </message>
    <message>
      <source>No change between these two maps.</source>
      <translation>Geen wijziging tussen deze twee ecomaps.</translation>
    </message>
    <message>
      <source>No saved map yet: on the map, More actions → "Save today's map" (Ctrl+Shift+S), then compare later.</source>
      <translation>Nog geen bewaarde ecomap: op de ecomap, Meer acties → “Ecomap van vandaag bewaren” (Ctrl+Shift+S), en vergelijk later.</translation>
    </message>
    <message>
      <source>Older map</source>
      <translation>Oudste ecomap</translation>
    </message>
    <message>
      <source>Today (current map)</source>
      <translation>Vandaag (huidige ecomap)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nee</translation>
    </message>
    <message>
      <source>role</source>
      <translation>rol</translation>
    </message>
    <message>
      <source>to:</source>
      <translation>tot:</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>ConcertationDialog</name>
    <message>
      <source>Concertation meeting</source>
      <translation>Overlegvergadering</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>Beslissingen</translation>
    </message>
    <message>
      <source>Funder</source>
      <translation>Financierder</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <source>One decision per line</source>
      <translation>Eén beslissing per regel</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Deelnemers</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Referentiepersoon</translation>
    </message>
    <message>
      <source>The home nurse took part</source>
      <translation>De thuisverpleegkundige nam deel</translation>
    </message>
    <message>
      <source>The patient (or a representative) took part</source>
      <translation>De patiënt (of een vertegenwoordiger) nam deel</translation>
    </message>
    <message>
      <source>The patient agreed on who takes part</source>
      <translation>De patiënt ging akkoord met de deelnemers</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— geen —</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPage</name>
    <message>
      <source>&amp;Use the new value</source>
      <translation>De nieuwe waarde &amp;gebruiken</translation>
    </message>
    <message>
      <source>Arrived second:</source>
      <translation>Als tweede aangekomen:</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Ervoor</translation>
    </message>
    <message>
      <source>Before both changes:</source>
      <translation>Vóór beide wijzigingen:</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Conflicten</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Veld</translation>
    </message>
    <message>
      <source>Keep &amp;this laptop's</source>
      <translation>Die van &amp;deze laptop behouden</translation>
    </message>
    <message>
      <source>Keep the &amp;other laptop's</source>
      <translation>Die van de &amp;andere laptop behouden</translation>
    </message>
    <message>
      <source>Keep the one &amp;kept for now</source>
      <translation>De &amp;voorlopig behouden waarde houden</translation>
    </message>
    <message>
      <source>Keep the one that arrived &amp;second</source>
      <translation>De als &amp;tweede aangekomen waarde houden</translation>
    </message>
    <message>
      <source>Kept by the server for now:</source>
      <translation>Voorlopig behouden door de server:</translation>
    </message>
    <message>
      <source>New value</source>
      <translation>Nieuwe waarde</translation>
    </message>
    <message>
      <source>No conflicts: every change was merged.</source>
      <translation>Geen conflicten: alle wijzigingen zijn samengevoegd.</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Open conflicten</translation>
    </message>
    <message>
      <source>Or a new value:</source>
      <translation>Of een nieuwe waarde:</translation>
    </message>
    <message>
      <source>Other laptop</source>
      <translation>De andere laptop</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Gegeven</translation>
    </message>
    <message>
      <source>The other laptop:</source>
      <translation>De andere laptop:</translation>
    </message>
    <message>
      <source>This laptop</source>
      <translation>Deze laptop</translation>
    </message>
    <message>
      <source>This laptop:</source>
      <translation>Deze laptop:</translation>
    </message>
  </context>
  <context>
    <name>ConsentLabels</name>
    <message>
      <source>Anonymised statistics</source>
      <translation>Anonieme statistieken</translation>
    </message>
    <message>
      <source>Carer's details on the handout</source>
      <translation>Gegevens van de mantelzorger op de fiche</translation>
    </message>
    <message>
      <source>Carer's own agreement (handout)</source>
      <translation>Instemming van de mantelzorger zelf (patiëntenfiche)</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Gewijzigd</translation>
    </message>
    <message>
      <source>Consent overridden</source>
      <translation>Afwijking van de toestemming</translation>
    </message>
    <message>
      <source>Consent recorded</source>
      <translation>Toestemming geregistreerd</translation>
    </message>
    <message>
      <source>Consent review due</source>
      <translation>Toestemming te herzien</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Aangemaakt</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Verwijderd</translation>
    </message>
    <message>
      <source>Documents allowed: acts in the agreed care plan</source>
      <translation>Documenten toegestaan: werkt mee aan het afgesproken plan</translation>
    </message>
    <message>
      <source>Documents allowed: the patient consented</source>
      <translation>Documenten toegestaan: de patiënt gaf toestemming</translation>
    </message>
    <message>
      <source>Documents allowed: the patient's GP</source>
      <translation>Documenten toegestaan: huisarts van de patiënt</translation>
    </message>
    <message>
      <source>Documents to a provider</source>
      <translation>Documenten naar een zorgverlener</translation>
    </message>
    <message>
      <source>Erased</source>
      <translation>Gewist</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>Geëxporteerd</translation>
    </message>
    <message>
      <source>Granted</source>
      <translation>Gegeven</translation>
    </message>
    <message>
      <source>Information notice given</source>
      <translation>Informatiebrochure overhandigd</translation>
    </message>
    <message>
      <source>No documents without the patient's consent</source>
      <translation>Geen documenten zonder toestemming van de patiënt</translation>
    </message>
    <message>
      <source>No documents: the patient objected</source>
      <translation>Geen documenten: de patiënt maakte bezwaar</translation>
    </message>
    <message>
      <source>No information notice</source>
      <translation>Geen informatiebrochure</translation>
    </message>
    <message>
      <source>Not asked</source>
      <translation>Niet gevraagd</translation>
    </message>
    <message>
      <source>Objected</source>
      <translation>Bezwaar</translation>
    </message>
    <message>
      <source>Objection lifted</source>
      <translation>Bezwaar opgeheven</translation>
    </message>
    <message>
      <source>Objection to a provider</source>
      <translation>Bezwaar tegen een zorgverlener</translation>
    </message>
    <message>
      <source>Oral</source>
      <translation>Mondeling</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>Afwijking</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Afgedrukt</translation>
    </message>
    <message>
      <source>Pseudonymised extract (statistics)</source>
      <translation>Gepseudonimiseerd extract (statistieken)</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Geweigerd</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Hersteld</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Beperkt</translation>
    </message>
    <message>
      <source>Restriction lifted</source>
      <translation>Beperking opgeheven</translation>
    </message>
    <message>
      <source>Sharing with the team (server)</source>
      <translation>Delen met het team (server)</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>Statistieken</translation>
    </message>
    <message>
      <source>Viewed</source>
      <translation>Ingekeken</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>Ingetrokken</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>Schriftelijk</translation>
    </message>
    <message>
      <source>eID</source>
      <translation>eID</translation>
    </message>
  </context>
  <context>
    <name>ConsentsTab</name>
    <message>
      <source>&amp;Carer's own agreement…</source>
      <translation>Instemming van de &amp;mantelzorger zelf…</translation>
    </message>
    <message>
      <source>&amp;Grant…</source>
      <translation>&amp;Geven…</translation>
    </message>
    <message>
      <source>&amp;Lift the objection</source>
      <translation>Bezwaar &amp;opheffen</translation>
    </message>
    <message>
      <source>&amp;Object to a provider…</source>
      <translation>Be&amp;zwaar tegen een zorgverlener…</translation>
    </message>
    <message>
      <source>&amp;Refuse…</source>
      <translation>&amp;Weigeren…</translation>
    </message>
    <message>
      <source>&amp;Withdraw</source>
      <translation>&amp;Intrekken</translation>
    </message>
    <message>
      <source>A carer's phone and address on the handout need the carer's own agreement</source>
      <translation>Telefoon en adres van een mantelzorger op de patiëntenfiche vragen de instemming van de mantelzorger zelf</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Actie</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Na</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Voor</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Door</translation>
    </message>
    <message>
      <source>Changes to the record</source>
      <translation>Wijzigingen in het dossier</translation>
    </message>
    <message>
      <source>Changes to the record (corrections)</source>
      <translation>Wijzigingen in het dossier (verbeteringen)</translation>
    </message>
    <message>
      <source>Consent history</source>
      <translation>Geschiedenis van de toestemmingen</translation>
    </message>
    <message>
      <source>Consent withdrawn.</source>
      <translation>Toestemming ingetrokken.</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Toestemmingen</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Current consent state</source>
      <translation>Huidige stand van de toestemmingen</translation>
    </message>
    <message>
      <source>Current state</source>
      <translation>Huidige stand</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Beslissing</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Toestel</translation>
    </message>
    <message>
      <source>Erase the record</source>
      <translation>Dossier wissen</translation>
    </message>
    <message>
      <source>Erase this patient's record? Where the law requires keeping it, it will be restricted instead.</source>
      <translation>Het dossier van deze patiënt wissen? Als de wet bewaring oplegt, wordt het in de plaats daarvan beperkt.</translation>
    </message>
    <message>
      <source>Erase…</source>
      <translation>Wissen…</translation>
    </message>
    <message>
      <source>Erasing…</source>
      <translation>Bezig met wissen…</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Bewijs</translation>
    </message>
    <message>
      <source>Export &amp;FHIR…</source>
      <translation>&amp;FHIR exporteren…</translation>
    </message>
    <message>
      <source>Export FHIR</source>
      <translation>FHIR exporteren</translation>
    </message>
    <message>
      <source>Export for the &amp;patient (PDF)…</source>
      <translation>Exporteren voor de &amp;patiënt (PDF)…</translation>
    </message>
    <message>
      <source>Export for the patient</source>
      <translation>Exporteren voor de patiënt</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Bezig met exporteren…</translation>
    </message>
    <message>
      <source>FHIR JSON (*.json)</source>
      <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Veld</translation>
    </message>
    <message>
      <source>GDPR art. 17: erase where the law allows it; otherwise the record is restricted</source>
      <translation>AVG art. 17: wissen waar de wet het toelaat; anders wordt het dossier beperkt</translation>
    </message>
    <message>
      <source>GDPR art. 18: hide the record from search and Today, keep it encrypted, record why</source>
      <translation>AVG art. 18: het dossier verbergen in zoeken en Vandaag, versleuteld bewaren, de reden noteren</translation>
    </message>
    <message>
      <source>Granted before (patient's consents)</source>
      <translation>Eerder toegestaan (toestemmingen van de patiënt)</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Geschiedenis</translation>
    </message>
    <message>
      <source>Lift the objection</source>
      <translation>Bezwaar opheffen</translation>
    </message>
    <message>
      <source>Lift the patient's objection? Documents may then go to this provider again.</source>
      <translation>Het bezwaar van de patiënt opheffen? Documenten mogen dan weer naar deze zorgverlener.</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Wijze</translation>
    </message>
    <message>
      <source>Not shared with the team: without the patient's consent to team sharing, only the responsible case managers see this record. It is still backed up on the organisation's server.</source>
      <translation>Niet gedeeld met het team: zonder toestemming van de patiënt om met het team te delen, zien alleen de verantwoordelijke casemanagers dit dossier. Het blijft bewaard op de server van de organisatie.</translation>
    </message>
    <message>
      <source>Not shared with the team: without the patient's consent to team sharing, only the responsible case managers see this record. This computer is connected to no server: the record is kept on this computer only.</source>
      <translation>Niet gedeeld met het team: zonder toestemming van de patiënt om met het team te delen, zien alleen de verantwoordelijke casemanagers dit dossier. Deze computer is met geen server verbonden: het dossier staat alleen op deze computer.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>Informatiebrochure</translation>
    </message>
    <message>
      <source>Objection lifted.</source>
      <translation>Bezwaar opgeheven.</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Re&amp;strict…</source>
      <translation>&amp;Beperken…</translation>
    </message>
    <message>
      <source>Reason (kept with the record):</source>
      <translation>Reden (bewaard bij het dossier):</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Registratie</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation>Geregistreerd door</translation>
    </message>
    <message>
      <source>Restrict processing</source>
      <translation>Verwerking beperken</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Beperkt</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Herziening</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Sinds</translation>
    </message>
    <message>
      <source>The erasure failed ({error}).</source>
      <translation>Het wissen is mislukt ({error}).</translation>
    </message>
    <message>
      <source>The export failed ({error}).</source>
      <translation>De export is mislukt ({error}).</translation>
    </message>
    <message>
      <source>The patient's GP and the providers of the agreed care plan receive documents unless the patient objects to them</source>
      <translation>De huisarts en de zorgverleners van het afgesproken plan krijgen documenten tenzij de patiënt bezwaar maakt</translation>
    </message>
    <message>
      <source>The record is restricted: hidden from search and Today, kept encrypted. An administrator can still export it for the patient.</source>
      <translation>Het dossier is beperkt: verborgen in zoeken en Vandaag, versleuteld bewaard. Een beheerder kan het nog voor de patiënt exporteren.</translation>
    </message>
    <message>
      <source>View &amp;evidence</source>
      <translation>Bewijs be&amp;kijken</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>Who looked at this file</source>
      <translation>Wie dit dossier heeft ingekeken</translation>
    </message>
    <message>
      <source>Withdraw the consent</source>
      <translation>Toestemming intrekken</translation>
    </message>
    <message>
      <source>Withdraw the consent for “{purpose}”? It takes effect at once.</source>
      <translation>De toestemming voor “{purpose}” intrekken? De intrekking geldt onmiddellijk.</translation>
    </message>
    <message>
      <source>Written: {path}</source>
      <translation>Geschreven: {path}</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>ContactConsentDialog</name>
    <message>
      <source>&amp;Decision</source>
      <translation>&amp;Beslissing</translation>
    </message>
    <message>
      <source>&amp;Method</source>
      <translation>&amp;Wijze</translation>
    </message>
    <message>
      <source>(since {date})</source>
      <translation>(sinds {date})</translation>
    </message>
    <message>
      <source>Agreement of {name}</source>
      <translation>Instemming van {name}</translation>
    </message>
    <message>
      <source>Current state</source>
      <translation>Huidige toestand</translation>
    </message>
    <message>
      <source>D&amp;ate</source>
      <translation>D&amp;atum</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Beslissing</translation>
    </message>
    <message>
      <source>Documents to {name}</source>
      <translation>Documenten naar {name}</translation>
    </message>
    <message>
      <source>Granted before in the patient's consents: the handout shows the details until {name} gives their own answer.</source>
      <translation>Eerder toegestaan bij de toestemmingen van de patiënt: de patiëntenfiche toont de gegevens tot {name} zelf antwoordt.</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Wijze</translation>
    </message>
    <message>
      <source>The patient's GP and the providers of the agreed care plan receive documents unless the patient objects; others need the patient's consent.</source>
      <translation>De huisarts en de zorgverleners van het afgesproken plan krijgen documenten tenzij de patiënt bezwaar maakt; andere vragen de toestemming van de patiënt.</translation>
    </message>
    <message>
      <source>This is the carer's own decision, recorded on their contact (it applies to every patient they help).</source>
      <translation>Dit is de beslissing van de mantelzorger zelf, geregistreerd bij zijn contact (ze geldt voor elke patiënt die hij helpt).</translation>
    </message>
    <message>
      <source>{name} has not been asked: the handout shows their name only, without phone or address.</source>
      <translation>{name} werd niets gevraagd: de patiëntenfiche toont alleen de naam, zonder telefoon of adres.</translation>
    </message>
    <message>
      <source>{name}'s own agreement to their phone and address on the handout: {decision} on {date}.</source>
      <translation>Instemming van {name} zelf met telefoon en adres op de patiëntenfiche: {decision} op {date}.</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>Edit the contact</source>
      <translation>Contact wijzigen</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>Nieuw contact</translation>
    </message>
  </context>
  <context>
    <name>ContactForm</name>
    <message>
      <source>&amp;Availability:</source>
      <translation>&amp;Beschikbaarheid:</translation>
    </message>
    <message>
      <source>&amp;Family name:</source>
      <translation>&amp;Naam:</translation>
    </message>
    <message>
      <source>&amp;Given name:</source>
      <translation>&amp;Voornaam:</translation>
    </message>
    <message>
      <source>&amp;INAMI number:</source>
      <translation>RI&amp;ZIV-nummer:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Soort:</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisatie:</translation>
    </message>
    <message>
      <source>&amp;Phones:</source>
      <translation>&amp;Telefoons:</translation>
    </message>
    <message>
      <source>&amp;Street:</source>
      <translation>Stra&amp;at:</translation>
    </message>
    <message>
      <source>&amp;Town:</source>
      <translation>&amp;Gemeente:</translation>
    </message>
    <message>
      <source>0470 12 34 56, 081 22 33 44</source>
      <translation>0470 12 34 56, 09 222 33 44</translation>
    </message>
    <message>
      <source>E-&amp;mail:</source>
      <translation>E-&amp;mail:</translation>
    </message>
    <message>
      <source>Num&amp;ber:</source>
      <translation>&amp;Huisnummer:</translation>
    </message>
    <message>
      <source>Postal code:</source>
      <translation>Postcode:</translation>
    </message>
    <message>
      <source>This is an organisation or a service</source>
      <translation>Dit is een organisatie of een dienst</translation>
    </message>
    <message>
      <source>mornings, not on Wednesdays…</source>
      <translation>'s morgens, niet op woensdag…</translation>
    </message>
  </context>
  <context>
    <name>CreateVaultDialog</name>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
      <source>&amp;Repeat:</source>
      <translation>&amp;Herhalen:</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Kopiëren</translation>
    </message>
    <message>
      <source>Create your vault</source>
      <translation>Uw kluis aanmaken</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Wachtzin</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>Herhaal de wachtzin</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>De twee wachtzinnen verschillen.</translation>
    </message>
    <message>
      <source>Write this recovery key down and keep it in a safe place. It is the only way to open your vault if you forget your passphrase. It will not be shown again.</source>
      <translation>Noteer deze herstelsleutel en bewaar hem op een veilige plaats. Het is de enige manier om uw kluis te openen als u uw wachtzin vergeet. Hij wordt niet meer getoond.</translation>
    </message>
    <message>
      <source>Your &amp;name:</source>
      <translation>Uw &amp;naam:</translation>
    </message>
    <message>
      <source>Your caseload is kept encrypted on this computer. Choose a passphrase of at least 8 characters that only you know.</source>
      <translation>Uw dossiers worden versleuteld op deze computer bewaard. Kies een wachtzin van minstens 8 tekens die alleen u kent.</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Uw naam</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Uw herstelsleutel</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>Calendar (Alt+Down)</source>
      <translation>Kalender (Alt+Omlaag)</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>dd/mm/jjjj</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>&amp;Contact</source>
      <translation>&amp;Contact</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>D&amp;atum</translation>
    </message>
    <message>
      <source>&amp;Evidence</source>
      <translation>&amp;Bewijs</translation>
    </message>
    <message>
      <source>&amp;Method</source>
      <translation>&amp;Wijze</translation>
    </message>
    <message>
      <source>&amp;Purpose</source>
      <translation>&amp;Doel</translation>
    </message>
    <message>
      <source>Choose a scan or photo…</source>
      <translation>Scan of foto kiezen…</translation>
    </message>
    <message>
      <source>Choose the contact this consent is about (link them in the ecomap first).</source>
      <translation>Kies het contact waarop deze toestemming slaat (koppel het eerst in de ecomap).</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Decision → action</source>
      <translation>Beslissing → actie</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Bewijs</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Wijze</translation>
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation>N&amp;otitie</translation>
    </message>
    <message>
      <source>No file</source>
      <translation>Geen bestand</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <source>Notice &amp;version</source>
      <translation>&amp;Versie van de brochure</translation>
    </message>
    <message>
      <source>Notice version</source>
      <translation>Versie van de brochure</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Record a consent</source>
      <translation>Toestemming registreren</translation>
    </message>
    <message>
      <source>Record a refusal</source>
      <translation>Weigering registreren</translation>
    </message>
    <message>
      <source>Record an objection</source>
      <translation>Bezwaar registreren</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>Herzieningsdatum</translation>
    </message>
    <message>
      <source>Review on</source>
      <translation>Herzien op</translation>
    </message>
    <message>
      <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</source>
      <translation>Scans en foto's (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>De casemanager</translation>
    </message>
    <message>
      <source>The decision could not be saved ({error}).</source>
      <translation>De beslissing kon niet worden opgeslagen ({error}).</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>De patiënt</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— kiezen —</translation>
    </message>
  </context>
  <context>
    <name>DirectoryPage</name>
    <message numerus="yes">
      <source>%n combined</source>
      <translation>
        <numerusform>%n gecombineerd</numerusform>
        <numerusform>%n gecombineerd</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n tie(s) moved</source>
      <translation>
        <numerusform>%n band verplaatst</numerusform>
        <numerusform>%n banden verplaatst</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
      <source>&amp;Merge the selected pair…</source>
      <translation>Gekozen paar &amp;samenvoegen…</translation>
    </message>
    <message>
      <source>&amp;New contact…</source>
      <translation>&amp;Nieuw contact…</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Contacts of the directory</source>
      <translation>Contacten van de adresgids</translation>
    </message>
    <message>
      <source>De&amp;lete…</source>
      <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
      <source>Delete a contact</source>
      <translation>Een contact verwijderen</translation>
    </message>
    <message>
      <source>Delete {name} from the directory?</source>
      <translation>{name} uit de adresgids verwijderen?</translation>
    </message>
    <message>
      <source>Directory</source>
      <translation>Adresgids</translation>
    </message>
    <message>
      <source>Find &amp;duplicates</source>
      <translation>&amp;Dubbels zoeken</translation>
    </message>
    <message>
      <source>INAMI number</source>
      <translation>RIZIV-nummer</translation>
    </message>
    <message>
      <source>Keep "{keep}" and fold "{other}" into it? Every tie of both stays, on the contact kept.</source>
      <translation>“{keep}” bewaren en “{other}” erin samenvoegen? Alle banden van beide blijven behouden, bij het bewaarde contact.</translation>
    </message>
    <message>
      <source>Keep "{name}"</source>
      <translation>“{name}” bewaren</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>Likely duplicates</source>
      <translation>Waarschijnlijke dubbels</translation>
    </message>
    <message>
      <source>Likely duplicates: {count}</source>
      <translation>Waarschijnlijke dubbels: {count}</translation>
    </message>
    <message>
      <source>Merge two contacts</source>
      <translation>Twee contacten samenvoegen</translation>
    </message>
    <message>
      <source>Merged: {moved}, {combined}.</source>
      <translation>Samengevoegd: {moved}, {combined}.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>No contact of the directory matches “{text}”.</source>
      <translation>Geen contact in de adresgids komt overeen met “{text}”.</translation>
    </message>
    <message>
      <source>No likely duplicate found.</source>
      <translation>Geen waarschijnlijke dubbels gevonden.</translation>
    </message>
    <message>
      <source>Only a contact no patient is linked to</source>
      <translation>Alleen een contact dat aan geen enkele patiënt gekoppeld is</translation>
    </message>
    <message>
      <source>Patients</source>
      <translation>Patiënten</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Possible duplicate</source>
      <translation>Mogelijke dubbel</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Search by name, town, phone or INAMI number (Ctrl+F)</source>
      <translation>Zoeken op naam, gemeente, telefoon of RIZIV-nummer (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the directory</source>
      <translation>Zoeken in de adresgids</translation>
    </message>
    <message>
      <source>The directory holds the doctors, services and organisations shared by every patient; a patient's family and friends are on their ecomap. Add one with New contact…</source>
      <translation>De adresgids bevat de artsen, diensten en organisaties die alle patiënten delen; de familie en vrienden van een patiënt staan op diens ecomap. Voeg er een toe met “Nieuw contact…”.</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Gemeente</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Waarom</translation>
    </message>
  </context>
  <context>
    <name>DischargeDialog</name>
    <message>
      <source>&amp;Discharged on:</source>
      <translation>&amp;Ontslagen op:</translation>
    </message>
    <message>
      <source>Discharge date</source>
      <translation>Ontslagdatum</translation>
    </message>
    <message>
      <source>Discharge from hospital</source>
      <translation>Ontslag uit het ziekenhuis</translation>
    </message>
  </context>
  <context>
    <name>DossierHeader</name>
    <message numerus="yes">
      <source>%n event(s) in 90 days</source>
      <translation>
        <numerusform>%n gebeurtenis in 90 dagen</numerusform>
        <numerusform>%n gebeurtenissen in 90 dagen</numerusform>
      </translation>
    </message>
    <message>
      <source>Also registered as: {names}. The same person, entered on two laptops? Agree with your team on the record to keep.</source>
      <translation>Ook geregistreerd als: {names}. Dezelfde persoon, op twee laptops ingevoerd? Spreek met uw team af welk dossier u houdt.</translation>
    </message>
    <message>
      <source>GP: {name}</source>
      <translation>Huisarts: {name}</translation>
    </message>
    <message>
      <source>NISS {niss}</source>
      <translation>INSZ {niss}</translation>
    </message>
    <message>
      <source>No GP recorded</source>
      <translation>Geen huisarts geregistreerd</translation>
    </message>
    <message>
      <source>No address</source>
      <translation>Geen adres</translation>
    </message>
    <message>
      <source>No phone</source>
      <translation>Geen telefoon</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>box</source>
      <translation>bus</translation>
    </message>
    <message>
      <source>{age} years ({born})</source>
      <translation>{age} jaar ({born})</translation>
    </message>
  </context>
  <context>
    <name>DossierWindow</name>
    <message>
      <source>{age} years</source>
      <translation>{age} jaar</translation>
    </message>
  </context>
  <context>
    <name>DraftGuard</name>
    <message>
      <source>&amp;Discard</source>
      <translation>Ontwerp &amp;verwijderen</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Terugzetten</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Bewaren</translation>
    </message>
    <message>
      <source>An unsaved draft was kept ({what}, {when}). Restore it?</source>
      <translation>Er werd een niet-bewaard ontwerp bijgehouden ({what}, {when}). Terugzetten?</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Do&amp;n't save</source>
      <translation>&amp;Niet bewaren</translation>
    </message>
    <message>
      <source>Unsaved draft</source>
      <translation>Niet-bewaard ontwerp</translation>
    </message>
    <message>
      <source>Unsaved text</source>
      <translation>Niet-bewaarde tekst</translation>
    </message>
    <message>
      <source>You typed text that is not saved yet. Save it?</source>
      <translation>U hebt tekst getypt die nog niet bewaard is. Bewaren?</translation>
    </message>
    <message>
      <source>a consent note</source>
      <translation>een notitie bij een toestemming</translation>
    </message>
    <message>
      <source>a contact of the directory</source>
      <translation>een contact uit de adressenlijst</translation>
    </message>
    <message>
      <source>a goal of the plan</source>
      <translation>een doel van het plan</translation>
    </message>
    <message>
      <source>a handover note</source>
      <translation>een overdrachtsnota</translation>
    </message>
    <message>
      <source>a hospital stay</source>
      <translation>een ziekenhuisverblijf</translation>
    </message>
    <message>
      <source>a journal note</source>
      <translation>een notitie in het logboek</translation>
    </message>
    <message>
      <source>a letter to the GP</source>
      <translation>een brief aan de huisarts</translation>
    </message>
    <message>
      <source>a line of the medication list</source>
      <translation>een regel van de medicatielijst</translation>
    </message>
    <message>
      <source>a new case</source>
      <translation>een nieuw dossier</translation>
    </message>
    <message>
      <source>a new patient</source>
      <translation>een nieuwe patiënt</translation>
    </message>
    <message>
      <source>a note for a transfer</source>
      <translation>een nota bij een transfer</translation>
    </message>
    <message>
      <source>a note on a tie of the ecomap</source>
      <translation>een notitie bij een band van de ecomap</translation>
    </message>
    <message>
      <source>a planned visit</source>
      <translation>een gepland bezoek</translation>
    </message>
    <message>
      <source>a procedure</source>
      <translation>een aanvraag</translation>
    </message>
    <message>
      <source>a question for a medication review</source>
      <translation>een vraag voor een herziening van de geneesmiddelen</translation>
    </message>
    <message>
      <source>a visit's addendum or cancellation</source>
      <translation>aanvulling of annulering van een bezoek</translation>
    </message>
    <message>
      <source>an action from a meeting's decision</source>
      <translation>een actie uit een beslissing van een overleg</translation>
    </message>
    <message>
      <source>an action of the plan</source>
      <translation>een actie van het plan</translation>
    </message>
    <message>
      <source>changes to the patient's identity</source>
      <translation>wijzigingen in de identiteit van de patiënt</translation>
    </message>
    <message>
      <source>closing of the case</source>
      <translation>afsluiting van het dossier</translation>
    </message>
    <message>
      <source>correction of a journal note</source>
      <translation>correctie van een journaalnotitie</translation>
    </message>
    <message>
      <source>minutes of a concertation meeting</source>
      <translation>verslag van een overleg</translation>
    </message>
    <message>
      <source>notes of a visit</source>
      <translation>notities van een bezoek</translation>
    </message>
    <message>
      <source>the agreement of the plan</source>
      <translation>het akkoord over het plan</translation>
    </message>
    <message>
      <source>the intake of the request</source>
      <translation>de intake van de aanvraag</translation>
    </message>
    <message>
      <source>the plan's answers in the patient's words</source>
      <translation>de antwoorden van het plan in de woorden van de patiënt</translation>
    </message>
  </context>
  <context>
    <name>EcosystemLabels</name>
    <message>
      <source>Added</source>
      <translation>Toegevoegd</translation>
    </message>
    <message>
      <source>Another case manager</source>
      <translation>Andere casemanager</translation>
    </message>
    <message>
      <source>Both ways</source>
      <translation>In beide richtingen</translation>
    </message>
    <message>
      <source>CPAS</source>
      <translation>OCMW</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Gewijzigd</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>Omgeving en gemeenschap</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Familie</translation>
    </message>
    <message>
      <source>Family and informal</source>
      <translation>Familie en naasten</translation>
    </message>
    <message>
      <source>Friend</source>
      <translation>Vriend(in)</translation>
    </message>
    <message>
      <source>From the patient</source>
      <translation>Van de patiënt</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>Huisarts</translation>
    </message>
    <message>
      <source>General practitioner</source>
      <translation>Huisarts</translation>
    </message>
    <message>
      <source>Health care</source>
      <translation>Gezondheidszorg</translation>
    </message>
    <message>
      <source>Health insurance fund</source>
      <translation>Ziekenfonds</translation>
    </message>
    <message>
      <source>Health insurance fund social worker</source>
      <translation>Dienst maatschappelijk werk van het ziekenfonds</translation>
    </message>
    <message>
      <source>Home help</source>
      <translation>Gezinszorg</translation>
    </message>
    <message>
      <source>Home nurse</source>
      <translation>Thuisverpleegkundige</translation>
    </message>
    <message>
      <source>Home-care coordination centre</source>
      <translation>Dienst voor thuiszorgcoördinatie</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Ziekenhuis</translation>
    </message>
    <message>
      <source>Hospital social worker</source>
      <translation>Sociale dienst van het ziekenhuis</translation>
    </message>
    <message>
      <source>Informal carer</source>
      <translation>Mantelzorger</translation>
    </message>
    <message>
      <source>Meals on wheels</source>
      <translation>Maaltijden aan huis</translation>
    </message>
    <message>
      <source>Mental-health service</source>
      <translation>Dienst geestelijke gezondheidszorg</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>Gewoon</translation>
    </message>
    <message>
      <source>Neighbour</source>
      <translation>Buur</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>Neutraal</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Geen</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Andere</translation>
    </message>
    <message>
      <source>Patient association</source>
      <translation>Patiëntenvereniging</translation>
    </message>
    <message>
      <source>Pharmacist</source>
      <translation>Apotheker</translation>
    </message>
    <message>
      <source>Physiotherapist</source>
      <translation>Kinesitherapeut</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Referentiepersoon</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Verwijderd</translation>
    </message>
    <message>
      <source>Social services</source>
      <translation>Sociale diensten</translation>
    </message>
    <message>
      <source>Social worker</source>
      <translation>Maatschappelijk werker</translation>
    </message>
    <message>
      <source>Specialist</source>
      <translation>Specialist</translation>
    </message>
    <message>
      <source>Stressful</source>
      <translation>Stresserend</translation>
    </message>
    <message>
      <source>Strong</source>
      <translation>Sterk</translation>
    </message>
    <message>
      <source>Supportive</source>
      <translation>Steunend</translation>
    </message>
    <message>
      <source>Tenuous</source>
      <translation>Zwak</translation>
    </message>
    <message>
      <source>Towards the patient</source>
      <translation>Naar de patiënt</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Ongewijzigd</translation>
    </message>
    <message>
      <source>close names</source>
      <translation>gelijkaardige namen</translation>
    </message>
    <message>
      <source>same INAMI number</source>
      <translation>zelfde RIZIV-nummer</translation>
    </message>
    <message>
      <source>same phone</source>
      <translation>zelfde telefoon</translation>
    </message>
  </context>
  <context>
    <name>EcosystemTab</name>
    <message>
      <source>Compare dates</source>
      <translation>Datums vergelijken</translation>
    </message>
    <message>
      <source>Ecosystem</source>
      <translation>Netwerk</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Ecomap</translation>
    </message>
    <message>
      <source>Who does what</source>
      <translation>Wie doet wat</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>Connect to a server</source>
      <translation>Verbinden met een server</translation>
    </message>
    <message>
      <source>This computer is enrolled. The first sync starts now.</source>
      <translation>Deze computer is geregistreerd. De eerste synchronisatie start nu.</translation>
    </message>
    <message>
      <source>Your administrator gives you the server address, your user name and the server's fingerprint. Once connected, this computer keeps a copy of your caseload on the server and shares it with your team.</source>
      <translation>Uw beheerder geeft u het serveradres, uw gebruikersnaam en de vingerafdruk van de server. Eenmaal verbonden bewaart deze computer een kopie van uw dossiers op de server en deelt ze met uw team.</translation>
    </message>
  </context>
  <context>
    <name>EnrolForm</name>
    <message>
      <source>&amp;User name:</source>
      <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
      <source>(no certificate)</source>
      <translation>(geen certificaat)</translation>
    </message>
    <message>
      <source>C&amp;heck the server</source>
      <translation>Server &amp;controleren</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one your administrator gave you, character by character:</source>
      <translation>Vergelijk deze vingerafdruk teken per teken met die van uw beheerder:</translation>
    </message>
    <message>
      <source>Contacting the server…</source>
      <translation>Verbinding maken met de server…</translation>
    </message>
    <message>
      <source>Do not enrol: this may not be your organisation's server. Tell your administrator.</source>
      <translation>Niet registreren: dit is misschien niet de server van uw organisatie. Verwittig uw beheerder.</translation>
    </message>
    <message>
      <source>Enrolling this computer…</source>
      <translation>Deze computer wordt geregistreerd…</translation>
    </message>
    <message>
      <source>It &amp;matches: enrol</source>
      <translation>Ze &amp;klopt: registreren</translation>
    </message>
    <message>
      <source>It does &amp;not match</source>
      <translation>Ze klopt &amp;niet</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Wacht&amp;woord:</translation>
    </message>
    <message>
      <source>Server &amp;address:</source>
      <translation>Server&amp;adres:</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Serveradres</translation>
    </message>
    <message>
      <source>Server fingerprint</source>
      <translation>Vingerafdruk van de server</translation>
    </message>
    <message>
      <source>Server password</source>
      <translation>Serverwachtwoord</translation>
    </message>
    <message>
      <source>The server could not be reached (%1).</source>
      <translation>De server is niet bereikbaar (%1).</translation>
    </message>
    <message>
      <source>This server does not use encryption (http). Use it only for a test on this computer.</source>
      <translation>Deze server gebruikt geen versleuteling (http). Gebruik hem alleen voor een test op deze computer.</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Gebruikersnaam</translation>
    </message>
  </context>
  <context>
    <name>EnrolPage</name>
    <message>
      <source>&amp;Connect this computer to a server now</source>
      <translation>&amp;Deze computer nu met een server verbinden</translation>
    </message>
    <message>
      <source>Connect to your organisation (optional)</source>
      <translation>Verbinden met uw organisatie (optioneel)</translation>
    </message>
    <message>
      <source>Share your caseload with your team and keep a copy on the server. You can also do this later.</source>
      <translation>Deel uw dossiers met uw team en bewaar een kopie op de server. U kunt dit ook later doen.</translation>
    </message>
    <message>
      <source>This computer is enrolled. The first sync starts after the assistant closes.</source>
      <translation>Deze computer is geregistreerd. De eerste synchronisatie start wanneer de assistent sluit.</translation>
    </message>
    <message>
      <source>Your administrator gives you the server address, your user name and the server's fingerprint. Without a server, Relais works on this computer only.</source>
      <translation>Uw beheerder geeft u het serveradres, uw gebruikersnaam en de vingerafdruk van de server. Zonder server werkt Relais alleen op deze computer.</translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>Consent evidence</source>
      <translation>Bewijs van de toestemming</translation>
    </message>
    <message>
      <source>Evidence page</source>
      <translation>Pagina van het bewijs</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>Kopie opslaan</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>Kopie opslaan…</translation>
    </message>
    <message>
      <source>This PDF cannot be shown here; save a copy to open it.</source>
      <translation>Deze PDF kan hier niet worden getoond; sla een kopie op om ze te openen.</translation>
    </message>
  </context>
  <context>
    <name>FieldHistory</name>
    <message>
      <source>(another record)</source>
      <translation>(ander gegeven)</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>Antwoorden</translation>
    </message>
    <message>
      <source>Assessed by</source>
      <translation>Beoordeeld door</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>Afgerond op</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Gegeven</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>another laptop</source>
      <translation>een andere laptop</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>afgerond</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>ontwerp</translation>
    </message>
    <message>
      <source>this laptop</source>
      <translation>deze laptop</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>onbekend</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>&amp;Continue</source>
      <translation>&amp;Doorgaan</translation>
    </message>
    <message>
      <source>&amp;Create the vault</source>
      <translation>Kluis &amp;aanmaken</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Voltooien</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>First start</source>
      <translation>Eerste start</translation>
    </message>
    <message>
      <source>Opening your vault…</source>
      <translation>Uw kluis wordt geopend…</translation>
    </message>
    <message>
      <source>Relais</source>
      <translation>Relais</translation>
    </message>
    <message>
      <source>The vault could not be put in place: %1
Nothing was kept; start again.</source>
      <translation>De kluis kon niet op haar plaats worden gezet: %1
Er werd niets bewaard; begin opnieuw.</translation>
    </message>
  </context>
  <context>
    <name>GoalDialog</name>
    <message>
      <source>Achieved</source>
      <translation>Bereikt</translation>
    </message>
    <message>
      <source>Given up</source>
      <translation>Opgegeven</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Goal in the patient's words</source>
      <translation>Doel in de woorden van de patiënt</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>Lopend</translation>
    </message>
    <message>
      <source>In the patient's words</source>
      <translation>In de woorden van de patiënt</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Target date</source>
      <translation>Streefdatum</translation>
    </message>
  </context>
  <context>
    <name>GoalReviewDialog</name>
    <message>
      <source>Compared with what was expected when the plan was agreed, the goal was reached:</source>
      <translation>Vergeleken met wat verwacht werd toen het plan werd afgesproken, is het doel bereikt:</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Level reached</source>
      <translation>Bereikt niveau</translation>
    </message>
    <message>
      <source>Review of the goal</source>
      <translation>Herziening van het doel</translation>
    </message>
    <message>
      <source>Review on</source>
      <translation>Herziening op</translation>
    </message>
    <message>
      <source>as expected</source>
      <translation>zoals verwacht</translation>
    </message>
    <message>
      <source>less than expected</source>
      <translation>minder dan verwacht</translation>
    </message>
    <message>
      <source>more than expected</source>
      <translation>meer dan verwacht</translation>
    </message>
    <message>
      <source>much less than expected</source>
      <translation>veel minder dan verwacht</translation>
    </message>
    <message>
      <source>much more than expected</source>
      <translation>veel meer dan verwacht</translation>
    </message>
  </context>
  <context>
    <name>GpLetterDialog</name>
    <message>
      <source>Letter to the GP</source>
      <translation>Brief aan de huisarts</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Vragen</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>Situatie</translation>
    </message>
  </context>
  <context>
    <name>HandoverBanner</name>
    <message>
      <source>Case handed over to you by {name} on {date}</source>
      <translation>Dossier aan u overgedragen door {name} op {date}</translation>
    </message>
    <message>
      <source>Handover note to read</source>
      <translation>Overdrachtsnota te lezen</translation>
    </message>
    <message>
      <source>I have &amp;read it</source>
      <translation>Ik heb het &amp;gelezen</translation>
    </message>
    <message>
      <source>The note leaves your Today and this dossier; it stays in the case's history</source>
      <translation>De nota verdwijnt uit uw dag en dit dossier; ze blijft in de geschiedenis van het dossier</translation>
    </message>
  </context>
  <context>
    <name>HandoverDialog</name>
    <message>
      <source>&amp;Connect to a server…</source>
      <translation>&amp;Verbinden met een server…</translation>
    </message>
    <message>
      <source>&amp;Responsible case manager:</source>
      <translation>&amp;Verantwoordelijke casemanager:</translation>
    </message>
    <message>
      <source>Hand the case over</source>
      <translation>Dossier overdragen</translation>
    </message>
    <message>
      <source>Handover &amp;note (read first):</source>
      <translation>Overdrachts&amp;nota (eerst gelezen):</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>Overdrachtsnota</translation>
    </message>
    <message>
      <source>In &amp;pair with (optional):</source>
      <translation>In &amp;duo met (optioneel):</translation>
    </message>
    <message>
      <source>Planned visits, reviews, discharge calls and procedures of this case move to the new case manager's Today.</source>
      <translation>Geplande bezoeken, herzieningen, belrondes na ontslag en aanvragen van dit dossier gaan naar de dag van de nieuwe casemanager.</translation>
    </message>
    <message>
      <source>Responsible case manager</source>
      <translation>Verantwoordelijke casemanager</translation>
    </message>
    <message>
      <source>Second case manager, working as a pair</source>
      <translation>Tweede casemanager, in duo</translation>
    </message>
    <message>
      <source>The server has not listed the team's users yet: synchronise, then try again.</source>
      <translation>De server heeft de gebruikers van het team nog niet doorgegeven: synchroniseer en probeer opnieuw.</translation>
    </message>
    <message>
      <source>This laptop is not connected to the organisation's server: the team's users are not known here. Connect it to hand the case over.</source>
      <translation>Deze laptop is niet verbonden met de server van de organisatie: de gebruikers van het team zijn hier niet bekend. Verbind hem om het dossier over te dragen.</translation>
    </message>
    <message>
      <source>What the new case manager should know first: the situation, what is under way, the people to call, what the patient was told.</source>
      <translation>Wat de nieuwe casemanager eerst moet weten: de situatie, wat loopt, wie te bellen, wat de patiënt werd gezegd.</translation>
    </message>
    <message>
      <source>When the patient has not agreed to team sharing, only the responsible case managers see the record.</source>
      <translation>Als de patiënt niet heeft ingestemd met delen met het team, zien alleen de verantwoordelijke casemanagers het dossier.</translation>
    </message>
    <message>
      <source>— nobody —</source>
      <translation>— niemand —</translation>
    </message>
  </context>
  <context>
    <name>IdentityTab</name>
    <message>
      <source>&amp;Keep them</source>
      <translation>&amp;Behouden</translation>
    </message>
    <message>
      <source>&amp;Undo them</source>
      <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
      <source>Also changed elsewhere meanwhile: {fields}. Your changes are shown: Save to keep them, Undo changes to see the stored ones.</source>
      <translation>Intussen ook elders gewijzigd: {fields}. Uw wijzigingen worden getoond: Opslaan om ze te behouden, Wijzigingen ongedaan maken om de opgeslagen te zien.</translation>
    </message>
    <message>
      <source>Changes not saved last time are back: Save to keep them, Undo changes to drop them.</source>
      <translation>De wijzigingen die de vorige keer niet werden opgeslagen, zijn terug: Opslaan om ze te behouden, Wijzigingen ongedaan maken om ze te laten vallen.</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Identiteit</translation>
    </message>
    <message>
      <source>Not saved: correct the fields in red.</source>
      <translation>Niet opgeslagen: verbeter de velden in het rood.</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
      <source>Sa&amp;ve (Ctrl+S)</source>
      <translation>&amp;Opslaan (Ctrl+S)</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Opgeslagen.</translation>
    </message>
    <message>
      <source>Undo changes</source>
      <translation>Wijzigingen ongedaan maken</translation>
    </message>
    <message>
      <source>Undo your changes? What you typed in {fields} will be lost.</source>
      <translation>Uw wijzigingen ongedaan maken? Wat u typte in {fields} gaat verloren.</translation>
    </message>
    <message>
      <source>Your changes are not saved yet.</source>
      <translation>Uw wijzigingen zijn nog niet opgeslagen.</translation>
    </message>
  </context>
  <context>
    <name>IndicatorsPage</name>
    <message>
      <source>&amp;From</source>
      <translation>&amp;Van</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>T&amp;onen</translation>
    </message>
    <message>
      <source>&amp;To</source>
      <translation>&amp;Tot</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Grafieken</translation>
    </message>
    <message>
      <source>Computing the indicators…</source>
      <translation>De indicatoren worden berekend…</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Indicatoren</translation>
    </message>
    <message>
      <source>Indicators of my caseload</source>
      <translation>Indicatoren van mijn caseload</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Bericht</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>Opslaan als P&amp;DF…</translation>
    </message>
    <message>
      <source>Save the indicators</source>
      <translation>De indicatoren opslaan</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Opgeslagen: {path}</translation>
    </message>
    <message>
      <source>Saving the PDF…</source>
      <translation>De pdf wordt opgeslagen…</translation>
    </message>
    <message>
      <source>The file could not be written.</source>
      <translation>Het bestand kon niet worden opgeslagen.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Tot</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Waarde</translation>
    </message>
  </context>
  <context>
    <name>InstrumentForm</name>
    <message>
      <source>Item {n} (licensed text not imported)</source>
      <translation>Vraag {n} (tekst onder licentie niet geïmporteerd)</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Nee</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message>
      <source>&amp;Date (waiting: since):</source>
      <translation>&amp;Datum (wachtlijst: sinds):</translation>
    </message>
    <message>
      <source>&amp;Outcome:</source>
      <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
      <source>&amp;Why:</source>
      <translation>&amp;Waarom:</translation>
    </message>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n dag na de aanvraag)</numerusform>
        <numerusform>(%n dagen na de aanvraag)</numerusform>
      </translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>First &amp;contact (if not a visit):</source>
      <translation>Eerste &amp;contact (als het geen bezoek was):</translation>
    </message>
    <message>
      <source>First &amp;home visit (if not recorded):</source>
      <translation>Eerste &amp;huisbezoek (indien niet genoteerd):</translation>
    </message>
    <message>
      <source>First contact</source>
      <translation>Eerste contact</translation>
    </message>
    <message>
      <source>First contact on {date}</source>
      <translation>Eerste contact op {date}</translation>
    </message>
    <message>
      <source>First home visit</source>
      <translation>Eerste huisbezoek</translation>
    </message>
    <message>
      <source>First home visit on {date}</source>
      <translation>Eerste huisbezoek op {date}</translation>
    </message>
    <message>
      <source>Intake of the request</source>
      <translation>Intake van de aanvraag</translation>
    </message>
    <message>
      <source>No first contact yet.</source>
      <translation>Nog geen eerste contact.</translation>
    </message>
    <message>
      <source>No home visit yet.</source>
      <translation>Nog geen huisbezoek.</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Uitkomst</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reden</translation>
    </message>
    <message>
      <source>Redirected &amp;to:</source>
      <translation>Doorverwezen &amp;naar:</translation>
    </message>
    <message>
      <source>Service redirected to</source>
      <translation>Dienst waarnaar doorverwezen</translation>
    </message>
    <message>
      <source>— a service of the directory —</source>
      <translation>— een dienst uit de adressenlijst —</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— kiezen —</translation>
    </message>
  </context>
  <context>
    <name>JournalTab</name>
    <message>
      <source>&amp;Add the note</source>
      <translation>Notitie &amp;toevoegen</translation>
    </message>
    <message>
      <source>&amp;Corrected text:</source>
      <translation>&amp;Verbeterde tekst:</translation>
    </message>
    <message>
      <source>(corrected below… see the newer note)</source>
      <translation>(verbeterd… zie de nieuwere notitie)</translation>
    </message>
    <message>
      <source>(correction)</source>
      <translation>(verbetering)</translation>
    </message>
    <message>
      <source>C&amp;orrect the selected note…</source>
      <translation>Gekozen notitie &amp;verbeteren…</translation>
    </message>
    <message>
      <source>Correct a note</source>
      <translation>Een notitie verbeteren</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>Logboek</translation>
    </message>
    <message>
      <source>Journal notes</source>
      <translation>Notities van het logboek</translation>
    </message>
    <message>
      <source>New note</source>
      <translation>Nieuwe notitie</translation>
    </message>
    <message>
      <source>New note (Ctrl+Shift+N), saved with Ctrl+S</source>
      <translation>Nieuwe notitie (Ctrl+Shift+N), opslaan met Ctrl+S</translation>
    </message>
    <message>
      <source>Text restored from the automatic save.</source>
      <translation>Tekst hersteld uit de automatische opslag.</translation>
    </message>
  </context>
  <context>
    <name>LanguagePage</name>
    <message>
      <source>Choose the language of the interface. You can change it later in the settings.</source>
      <translation>Kies de taal van de interface. U kunt ze later wijzigen in de instellingen.</translation>
    </message>
    <message>
      <source>Language: %1</source>
      <translation>Taal: %1</translation>
    </message>
    <message>
      <source>Relais keeps your caseload on this computer, encrypted, and works without a network. This assistant prepares it in a few steps.</source>
      <translation>Relais bewaart uw dossiers versleuteld op deze computer en werkt zonder netwerk. Deze assistent bereidt alles voor in een paar stappen.</translation>
    </message>
    <message>
      <source>Welcome to Relais</source>
      <translation>Welkom bij Relais</translation>
    </message>
  </context>
  <context>
    <name>LegendWidget</name>
    <message>
      <source>Legend of the ecomap</source>
      <translation>Legende van de ecomap</translation>
    </message>
    <message>
      <source>carer's assessment (burden; ! review due)</source>
      <translation>beoordeling van de mantelzorger (belasting; ! herziening)</translation>
    </message>
    <message>
      <source>flow of help</source>
      <translation>richting van de hulp</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Lock</source>
      <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <source>&amp;Relais</source>
      <translation>&amp;Relais</translation>
    </message>
    <message>
      <source>&amp;Unlock…</source>
      <translation>&amp;Ontgrendelen…</translation>
    </message>
    <message>
      <source>Navigation</source>
      <translation>Navigatie</translation>
    </message>
    <message>
      <source>Relais is locked. Your data is hidden.</source>
      <translation>Relais is vergrendeld. Uw gegevens zijn verborgen.</translation>
    </message>
  </context>
  <context>
    <name>MapPage</name>
    <message numerus="yes">
      <source>%n tie(s). Tab goes from one person to the next; arrows move them; Enter edits the tie.</source>
      <translation>
        <numerusform>%n band. Tab gaat van persoon tot persoon; de pijltjes verplaatsen ze; Enter wijzigt de band.</numerusform>
        <numerusform>%n banden. Tab gaat van persoon tot persoon; de pijltjes verplaatsen ze; Enter wijzigt de band.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Add a person or service…</source>
      <translation>Persoon of dienst &amp;toevoegen…</translation>
    </message>
    <message>
      <source>&amp;Edit the tie…</source>
      <translation>Band &amp;wijzigen…</translation>
    </message>
    <message>
      <source>&amp;Remove from the map</source>
      <translation>Van de ecomap &amp;verwijderen</translation>
    </message>
    <message>
      <source>&amp;Save today's map</source>
      <translation>Ecomap van vandaag &amp;bewaren</translation>
    </message>
    <message>
      <source>Automatic layout</source>
      <translation>Automatische schikking</translation>
    </message>
    <message>
      <source>Carer's assess&amp;ment…</source>
      <translation>Beoordeling &amp;mantelzorger…</translation>
    </message>
    <message>
      <source>Co&amp;nsent…</source>
      <translation>Toe&amp;stemming…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;xporteren…</translation>
    </message>
    <message>
      <source>Ecomap</source>
      <translation>Ecomap</translation>
    </message>
    <message>
      <source>Ecomap written to {path}</source>
      <translation>Ecomap opgeslagen in {path}</translation>
    </message>
    <message>
      <source>Edit the &amp;contact…</source>
      <translation>&amp;Contact wijzigen…</translation>
    </message>
    <message>
      <source>Export the ecomap</source>
      <translation>Ecomap exporteren</translation>
    </message>
    <message>
      <source>Exporting the ecomap…</source>
      <translation>Ecomap wordt geëxporteerd…</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Alles tonen</translation>
    </message>
    <message>
      <source>More actions</source>
      <translation>Meer acties</translation>
    </message>
    <message>
      <source>Nobody is on the map yet: add the people and services around the patient (Ctrl+Shift+A).</source>
      <translation>Er staat nog niemand op de ecomap: voeg de personen en diensten rond de patiënt toe (Ctrl+Shift+A).</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PDF (*.pdf);;PNG-afbeelding (*.png);;SVG-tekening (*.svg)</translation>
    </message>
    <message>
      <source>People on the map</source>
      <translation>Personen op de kaart</translation>
    </message>
    <message>
      <source>People on the map: {count}</source>
      <translation>Personen op de kaart: {count}</translation>
    </message>
    <message>
      <source>Remove from the map</source>
      <translation>Van de ecomap verwijderen</translation>
    </message>
    <message>
      <source>Remove {name} from this patient's map?</source>
      <translation>{name} van de ecomap van deze patiënt verwijderen?</translation>
    </message>
    <message>
      <source>Select a person on the map first (a click, or Tab).</source>
      <translation>Kies eerst een persoon op de ecomap (een klik, of Tab).</translation>
    </message>
    <message>
      <source>Select the informal carer on the map first (Tab).</source>
      <translation>Selecteer eerst de mantelzorger op de kaart (Tab).</translation>
    </message>
    <message>
      <source>Today's map is saved; compare it later in "Compare dates".</source>
      <translation>De ecomap van vandaag is bewaard; vergelijk ze later in “Datums vergelijken”.</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Inzoomen</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Uitzoomen</translation>
    </message>
    <message>
      <source>{name} is not marked as an informal carer: edit the tie (F2) and tick “Informal carer” first.</source>
      <translation>{name} is niet aangeduid als mantelzorger: wijzig eerst de band (F2) en vink “Mantelzorger” aan.</translation>
    </message>
  </context>
  <context>
    <name>MedicationDialog</name>
    <message>
      <source>&amp;Medicine:</source>
      <translation>&amp;Geneesmiddel:</translation>
    </message>
    <message>
      <source>&amp;Prescriber:</source>
      <translation>&amp;Voorschrijver:</translation>
    </message>
    <message>
      <source>&amp;Review requested of:</source>
      <translation>&amp;Herziening gevraagd aan:</translation>
    </message>
    <message>
      <source>&amp;When:</source>
      <translation>&amp;Wanneer:</translation>
    </message>
    <message>
      <source>Chec&amp;ked on:</source>
      <translation>Nage&amp;keken op:</translation>
    </message>
    <message>
      <source>D&amp;ose:</source>
      <translation>D&amp;osis:</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Geneesmiddel</translation>
    </message>
    <message>
      <source>So&amp;urce:</source>
      <translation>&amp;Bron:</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nee</translation>
    </message>
  </context>
  <context>
    <name>NewCaseDialog</name>
    <message>
      <source>&amp;Clarified request:</source>
      <translation>&amp;Verduidelijkte aanvraag:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Naam:</translation>
    </message>
    <message>
      <source>&amp;Opened on:</source>
      <translation>Geopend &amp;op:</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>&amp;Telefoon:</translation>
    </message>
    <message>
      <source>&amp;Request:</source>
      <translation>&amp;Aanvraag:</translation>
    </message>
    <message>
      <source>&amp;Tier:</source>
      <translation>N&amp;iveau:</translation>
    </message>
    <message>
      <source>Clarified request</source>
      <translation>Verduidelijkte aanvraag</translation>
    </message>
    <message>
      <source>New case</source>
      <translation>Nieuw dossier</translation>
    </message>
    <message>
      <source>Re&amp;quested by:</source>
      <translation>Aan&amp;gevraagd door:</translation>
    </message>
    <message>
      <source>Request &amp;date:</source>
      <translation>&amp;Datum van de aanvraag:</translation>
    </message>
    <message>
      <source>Request in their own words</source>
      <translation>Aanvraag in eigen woorden</translation>
    </message>
    <message>
      <source>Requester</source>
      <translation>Aanvrager</translation>
    </message>
    <message>
      <source>Requester's name</source>
      <translation>Naam van de aanvrager</translation>
    </message>
    <message>
      <source>Requester's phone</source>
      <translation>Telefoon van de aanvrager</translation>
    </message>
    <message>
      <source>What they said, in their own words</source>
      <translation>Wat er gezegd werd, in eigen woorden</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— kiezen —</translation>
    </message>
    <message>
      <source>— not yet —</source>
      <translation>— nog niet —</translation>
    </message>
  </context>
  <context>
    <name>NewPatientDialog</name>
    <message>
      <source>New patient</source>
      <translation>Nieuwe patiënt</translation>
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <source>Case {status} since {date} (opened on {opened}) — requested by {who}: “{why}”</source>
      <translation>Dossier {status} sinds {date} (geopend op {opened}) — aangevraagd door {who}: “{why}”</translation>
    </message>
    <message>
      <source>Case {status} since {date} — requested by {who}: “{why}”</source>
      <translation>Dossier {status} sinds {date} — aangevraagd door {who}: “{why}”</translation>
    </message>
    <message>
      <source>Case: {status}</source>
      <translation>Dossier: {status}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Detail</translation>
    </message>
    <message>
      <source>Next: {kind} on {date}</source>
      <translation>Volgende: {kind} op {date}</translation>
    </message>
    <message>
      <source>No open case.</source>
      <translation>Geen open dossier.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
    <message>
      <source>Note (correction)</source>
      <translation>Notitie (verbetering)</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Overzicht</translation>
    </message>
    <message>
      <source>Relevance review due on {date}</source>
      <translation>Herziening van de relevantie op {date}</translation>
    </message>
    <message>
      <source>Relevance review to do since {date}</source>
      <translation>Herziening van de relevantie te doen sinds {date}</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Tijdlijn</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>gepland</translation>
    </message>
    <message>
      <source>unplanned</source>
      <translation>niet gepland</translation>
    </message>
  </context>
  <context>
    <name>PaperworkDialog</name>
    <message>
      <source>&amp;Deadline:</source>
      <translation>Ter&amp;mijn:</translation>
    </message>
    <message>
      <source>&amp;Followed by:</source>
      <translation>&amp;Opgevolgd door:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Notitie:</translation>
    </message>
    <message>
      <source>&amp;Procedure:</source>
      <translation>Aan&amp;vraag:</translation>
    </message>
    <message>
      <source>D&amp;ocuments asked for:</source>
      <translation>&amp;Gevraagde documenten:</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Administratieve aanvraag</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatus:</translation>
    </message>
  </context>
  <context>
    <name>PaperworkTab</name>
    <message>
      <source>A letter to the GP or the pharmacist asking to review the medicines marked for review</source>
      <translation>Een brief aan de huisarts of de apotheker met de vraag om de geneesmiddelen met “herziening gevraagd” te herzien</translation>
    </message>
    <message>
      <source>Add a medicine…</source>
      <translation>Geneesmiddel toevoegen…</translation>
    </message>
    <message>
      <source>Applications and procedures</source>
      <translation>Aanvragen en procedures</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>Wijzigen…</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>Nagekeken</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Termijn</translation>
    </message>
    <message>
      <source>Documents asked for</source>
      <translation>Gevraagde documenten</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation>Dosis</translation>
    </message>
    <message>
      <source>Follow up…</source>
      <translation>Opvolgen…</translation>
    </message>
    <message>
      <source>Followed by</source>
      <translation>Opgevolgd door</translation>
    </message>
    <message>
      <source>Letter for the review…</source>
      <translation>Brief voor de herziening…</translation>
    </message>
    <message>
      <source>Mark as stopped</source>
      <translation>Als gestopt markeren</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Geneesmiddelen</translation>
    </message>
    <message>
      <source>Medicine</source>
      <translation>Geneesmiddel</translation>
    </message>
    <message>
      <source>New procedure…</source>
      <translation>Nieuwe aanvraag…</translation>
    </message>
    <message>
      <source>Preparing the letter…</source>
      <translation>De brief wordt voorbereid…</translation>
    </message>
    <message>
      <source>Prescriber</source>
      <translation>Voorschrijver</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Aanvraag</translation>
    </message>
    <message>
      <source>Procedures &amp; medication</source>
      <translation>Aanvragen en geneesmiddelen</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Herziening</translation>
    </message>
    <message>
      <source>Save the letter</source>
      <translation>De brief opslaan</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Opgeslagen: {path}</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>The patient no longer takes the selected medicine: it leaves the list</source>
      <translation>De patiënt neemt het gekozen geneesmiddel niet meer: het verdwijnt uit de lijst</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>medication-review.pdf</source>
      <translation>herziening-geneesmiddelen.pdf</translation>
    </message>
  </context>
  <context>
    <name>PassphraseDialog</name>
    <message>
      <source>&amp;Current passphrase:</source>
      <translation>&amp;Huidige wachtzin:</translation>
    </message>
    <message>
      <source>&amp;New passphrase:</source>
      <translation>&amp;Nieuwe wachtzin:</translation>
    </message>
    <message>
      <source>&amp;Repeat the new passphrase:</source>
      <translation>Nieuwe wachtzin he&amp;rhalen:</translation>
    </message>
    <message>
      <source>Change the passphrase</source>
      <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
      <source>The two new passphrases differ.</source>
      <translation>De twee nieuwe wachtzinnen verschillen.</translation>
    </message>
  </context>
  <context>
    <name>PatientForm</name>
    <message>
      <source>&amp;Birth date:</source>
      <translation>&amp;Geboortedatum:</translation>
    </message>
    <message>
      <source>&amp;Family name:</source>
      <translation>&amp;Familienaam:</translation>
    </message>
    <message>
      <source>&amp;Given name:</source>
      <translation>&amp;Voornaam:</translation>
    </message>
    <message>
      <source>&amp;NISS:</source>
      <translation>&amp;INSZ:</translation>
    </message>
    <message>
      <source>&amp;Postal code:</source>
      <translation>&amp;Postcode:</translation>
    </message>
    <message>
      <source>&amp;Street:</source>
      <translation>&amp;Straat:</translation>
    </message>
    <message>
      <source>&amp;Town:</source>
      <translation>Ge&amp;meente:</translation>
    </message>
    <message>
      <source>BIM (increased reimbursement)</source>
      <translation>VT (verhoogde tegemoetkoming)</translation>
    </message>
    <message>
      <source>Bo&amp;x:</source>
      <translation>&amp;Bus:</translation>
    </message>
    <message>
      <source>Chronic condition status</source>
      <translation>Statuut chronische aandoening</translation>
    </message>
    <message>
      <source>E-&amp;mail:</source>
      <translation>E-mai&amp;l:</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Vrouw</translation>
    </message>
    <message>
      <source>G&amp;ender:</source>
      <translation>G&amp;eslacht:</translation>
    </message>
    <message>
      <source>Health &amp;insurance fund:</source>
      <translation>&amp;Ziekenfonds:</translation>
    </message>
    <message>
      <source>MAF reached</source>
      <translation>MAF bereikt</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Man</translation>
    </message>
    <message>
      <source>N&amp;umber:</source>
      <translation>N&amp;ummer:</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>Niet opgegeven</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Andere</translation>
    </message>
    <message>
      <source>Other phone:</source>
      <translation>Ander telefoonnummer:</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>&amp;Telefoon:</translation>
    </message>
    <message>
      <source>Statuses:</source>
      <translation>Statuten:</translation>
    </message>
    <message>
      <source>YY.MM.DD-SSS.CC</source>
      <translation>JJ.MM.DD-SSS.CC</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>JJJJ-MM-DD</translation>
    </message>
  </context>
  <context>
    <name>PatientTableModel</name>
    <message>
      <source>Age</source>
      <translation>Leeftijd</translation>
    </message>
    <message>
      <source>NISS</source>
      <translation>INSZ</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Gemeente</translation>
    </message>
  </context>
  <context>
    <name>PeopleToTellDialog</name>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
      <source>Actions on hold</source>
      <translation>Acties on hold</translation>
    </message>
    <message>
      <source>Cop&amp;y as a note</source>
      <translation>Kopi&amp;ëren als nota</translation>
    </message>
    <message>
      <source>People to tell</source>
      <translation>Te verwittigen personen</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Persoon</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Print the list, to call from or to hand over</source>
      <translation>De lijst afdrukken, om te bellen of mee te geven</translation>
    </message>
    <message>
      <source>Who to tell of the admission</source>
      <translation>Wie verwittigen van de opname</translation>
    </message>
    <message>
      <source>{name} — admitted on {date}</source>
      <translation>{name} — opgenomen op {date}</translation>
    </message>
  </context>
  <context>
    <name>PlanBase</name>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
  </context>
  <context>
    <name>PlanGoals</name>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
      <source>Add a goal…</source>
      <translation>Doel toevoegen…</translation>
    </message>
    <message>
      <source>Add an action…</source>
      <translation>Actie toevoegen…</translation>
    </message>
    <message>
      <source>Goal / action</source>
      <translation>Doel / actie</translation>
    </message>
    <message>
      <source>Goals and actions</source>
      <translation>Doelen en acties</translation>
    </message>
    <message>
      <source>Make it a &amp;goal</source>
      <translation>Er een &amp;doel van maken</translation>
    </message>
    <message>
      <source>Needs not met</source>
      <translation>Niet-gedekte noden</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periode</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Re&amp;view of the goal…</source>
      <translation>Her&amp;ziening van het doel…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Verwijderen</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Herziening</translation>
    </message>
    <message>
      <source>Select a goal first.</source>
      <translation>Kies eerst een doel.</translation>
    </message>
    <message>
      <source>Starting points: needs not met</source>
      <translation>Vertrekpunten: niet-gedekte noden</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>De casemanager</translation>
    </message>
    <message>
      <source>The needs not met, or partly met, of the needs checklist (Assessments tab) are listed here.</source>
      <translation>De niet of gedeeltelijk gedekte noden uit de lijst van noden (tabblad Beoordelingen) staan hier.</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>De patiënt</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>on hold (in hospital)</source>
      <translation>on hold (opname)</translation>
    </message>
  </context>
  <context>
    <name>PlanLetters</name>
    <message>
      <source>&amp;Print the letter…</source>
      <translation>Brief &amp;afdrukken…</translation>
    </message>
    <message>
      <source>Consent missing</source>
      <translation>Toestemming ontbreekt</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Tegen</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>Huisarts</translation>
    </message>
    <message>
      <source>Letters to the GP</source>
      <translation>Brieven aan de huisarts</translation>
    </message>
    <message>
      <source>Mark as &amp;sent</source>
      <translation>Als &amp;verstuurd markeren</translation>
    </message>
    <message>
      <source>New &amp;letter…</source>
      <translation>Nieuwe &amp;brief…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>To send it anyway, give the reason (it is logged):</source>
      <translation>Om het toch te versturen, geef de reden op (die wordt vastgelegd):</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>Geschreven op</translation>
    </message>
    <message>
      <source>sent on {d}</source>
      <translation>verstuurd op {d}</translation>
    </message>
    <message>
      <source>to send</source>
      <translation>te versturen</translation>
    </message>
  </context>
  <context>
    <name>PlanMeetings</name>
    <message>
      <source>Concertation meetings</source>
      <translation>Overlegvergaderingen</translation>
    </message>
    <message>
      <source>Date / decision</source>
      <translation>Datum / beslissing</translation>
    </message>
    <message>
      <source>Make the decision an &amp;action…</source>
      <translation>Van de beslissing een &amp;actie maken…</translation>
    </message>
    <message>
      <source>New &amp;meeting…</source>
      <translation>Nieuwe &amp;vergadering…</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Deelnemers</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Referentiepersoon</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>Opmerkingen</translation>
    </message>
    <message>
      <source>Select a decision of a meeting first.</source>
      <translation>Kies eerst een beslissing van een vergadering.</translation>
    </message>
    <message>
      <source>fewer than 3 providers</source>
      <translation>minder dan 3 zorgverleners</translation>
    </message>
    <message>
      <source>in the plan</source>
      <translation>in het plan</translation>
    </message>
    <message>
      <source>patient's agreement missing</source>
      <translation>akkoord van de patiënt ontbreekt</translation>
    </message>
    <message>
      <source>without the GP</source>
      <translation>zonder de huisarts</translation>
    </message>
    <message>
      <source>without the home nurse</source>
      <translation>zonder de thuisverpleegkundige</translation>
    </message>
    <message>
      <source>without the patient</source>
      <translation>zonder de patiënt</translation>
    </message>
  </context>
  <context>
    <name>PlanPrintouts</name>
    <message>
      <source>Documents in</source>
      <translation>Documenten in het</translation>
    </message>
    <message>
      <source>Language of the documents</source>
      <translation>Taal van de documenten</translation>
    </message>
    <message>
      <source>Large print</source>
      <translation>Grote letters</translation>
    </message>
    <message>
      <source>Medication on the handout</source>
      <translation>Geneesmiddelen op de patiëntenfiche</translation>
    </message>
    <message>
      <source>Preparing the document…</source>
      <translation>Document wordt voorbereid…</translation>
    </message>
    <message>
      <source>Print the &amp;handout…</source>
      <translation>&amp;Patiëntenfiche afdrukken…</translation>
    </message>
    <message>
      <source>Print the &amp;summary…</source>
      <translation>&amp;Samenvatting afdrukken…</translation>
    </message>
    <message>
      <source>Save the document</source>
      <translation>Document opslaan</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Opgeslagen: {path}</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>Concertations</source>
      <translation>Overleg</translation>
    </message>
    <message>
      <source>Letters to the GP</source>
      <translation>Brieven aan de huisarts</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
  </context>
  <context>
    <name>PlanVersions</name>
    <message>
      <source>&amp;Agree…</source>
      <translation>&amp;Afspreken…</translation>
    </message>
    <message>
      <source>&amp;Compare with the previous version…</source>
      <translation>&amp;Vergelijken met de vorige versie…</translation>
    </message>
    <message>
      <source>&amp;New version</source>
      <translation>&amp;Nieuwe versie</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Toegevoegd</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Gewijzigd</translation>
    </message>
    <message>
      <source>Changes since the previous version</source>
      <translation>Wijzigingen sinds de vorige versie</translation>
    </message>
    <message>
      <source>No change.</source>
      <translation>Geen wijziging.</translation>
    </message>
    <message>
      <source>No plan yet: start with the questions below.</source>
      <translation>Nog geen plan: begin met de vragen hieronder.</translation>
    </message>
    <message>
      <source>Plan status</source>
      <translation>Status van het plan</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Verwijderd</translation>
    </message>
    <message>
      <source>Version {v} — agreed on {d} with {who}</source>
      <translation>Versie {v} — afgesproken op {d} met {who}</translation>
    </message>
    <message>
      <source>Version {v} — draft</source>
      <translation>Versie {v} — ontwerp</translation>
    </message>
    <message>
      <source>action</source>
      <translation>actie</translation>
    </message>
    <message>
      <source>goal</source>
      <translation>doel</translation>
    </message>
    <message>
      <source>plan</source>
      <translation>plan</translation>
    </message>
  </context>
  <context>
    <name>PlanWords</name>
    <message>
      <source>&amp;Save these answers</source>
      <translation>Deze antwoorden &amp;bewaren</translation>
    </message>
    <message>
      <source>Answers restored from the automatic save: check them and save.</source>
      <translation>Antwoorden hersteld uit de automatische opslag: controleer ze en bewaar ze.</translation>
    </message>
    <message>
      <source>In the patient's &amp;words</source>
      <translation>&amp;In de woorden van de patiënt</translation>
    </message>
    <message>
      <source>In the patient's words</source>
      <translation>In de woorden van de patiënt</translation>
    </message>
    <message>
      <source>Next review</source>
      <translation>Volgende herziening</translation>
    </message>
    <message>
      <source>What do you expect from us?</source>
      <translation>Wat verwacht u van ons?</translation>
    </message>
    <message>
      <source>What do you want to avoid?</source>
      <translation>Wat wilt u vermijden?</translation>
    </message>
    <message>
      <source>What matters to you?</source>
      <translation>Wat is belangrijk voor u?</translation>
    </message>
    <message>
      <source>Your life project</source>
      <translation>Uw levensproject</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Afdrukken…</translation>
    </message>
    <message>
      <source>Ecomap</source>
      <translation>Ecomap</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Handout</source>
      <translation>Fiche</translation>
    </message>
    <message>
      <source>Letter-GP</source>
      <translation>Brief-huisarts</translation>
    </message>
    <message>
      <source>Open the &amp;Settings</source>
      <translation>&amp;Instellingen openen</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Preparing the document…</source>
      <translation>Document wordt voorbereid…</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Afdrukken</translation>
    </message>
    <message>
      <source>Print &amp;anyway</source>
      <translation>&amp;Toch afdrukken</translation>
    </message>
    <message>
      <source>Print on paper, or save a PDF file?</source>
      <translation>Op papier afdrukken, of een pdf-bestand opslaan?</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>Opslaan als p&amp;df…</translation>
    </message>
    <message>
      <source>Save the document</source>
      <translation>Document opslaan</translation>
    </message>
    <message>
      <source>Sent to the printer.</source>
      <translation>Naar de printer gestuurd.</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Samenvatting</translation>
    </message>
    <message>
      <source>Who-does-what</source>
      <translation>Wie-doet-wat</translation>
    </message>
    <message>
      <source>Your phone number is not in the Settings: the emergency box of the handout will have no number to reach the case manager.</source>
      <translation>Uw telefoonnummer staat niet in de Instellingen: het noodkader van de fiche zal geen nummer hebben om de casemanager te bereiken.</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Bestands&amp;type:</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
  </context>
  <context>
    <name>RecoveryPage</name>
    <message>
      <source>&amp;Save the recovery sheet (PDF)…</source>
      <translation>Herstelblad &amp;opslaan (pdf)…</translation>
    </message>
    <message>
      <source>I have &amp;printed or written down my recovery key</source>
      <translation>Ik heb mijn herstelsleutel &amp;afgedrukt of opgeschreven</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Pdf-documenten (*.pdf)</translation>
    </message>
    <message>
      <source>Print the recovery sheet or write the key down, and keep it in a locked place away from this computer. It will not be shown again.</source>
      <translation>Druk het herstelblad af of schrijf de sleutel over, en bewaar hem achter slot, weg van deze computer. Hij wordt niet meer getoond.</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Herstelsleutel</translation>
    </message>
    <message>
      <source>Save the recovery sheet</source>
      <translation>Herstelblad opslaan</translation>
    </message>
    <message>
      <source>Save the recovery sheet as a PDF to print</source>
      <translation>Het herstelblad als pdf opslaan om af te drukken</translation>
    </message>
    <message>
      <source>Saved: %1. Print it now, then tick the box below.</source>
      <translation>Opgeslagen: %1. Druk het nu af en vink daarna het vakje hieronder aan.</translation>
    </message>
    <message>
      <source>The only way into your vault if you forget your passphrase.</source>
      <translation>De enige toegang tot uw kluis als u uw wachtzin vergeet.</translation>
    </message>
    <message>
      <source>The sheet could not be saved: %1</source>
      <translation>Het blad kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Uw herstelsleutel</translation>
    </message>
    <message>
      <source>relais-recovery-sheet.pdf</source>
      <translation>relais-herstelblad.pdf</translation>
    </message>
  </context>
  <context>
    <name>ResponseDialog</name>
    <message>
      <source>&amp;Complete (Ctrl+Enter)</source>
      <translation>&amp;Afronden (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Reden:</translation>
    </message>
    <message>
      <source>&amp;Tier:</source>
      <translation>&amp;Niveau:</translation>
    </message>
    <message>
      <source>Assessment date</source>
      <translation>Datum van de beoordeling</translation>
    </message>
    <message>
      <source>Band set</source>
      <translation>Grenzen</translation>
    </message>
    <message>
      <source>Band set ({score}):</source>
      <translation>Grenzen ({score}):</translation>
    </message>
    <message>
      <source>C&amp;orrect…</source>
      <translation>C&amp;orrigeren…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Sluiten</translation>
    </message>
    <message>
      <source>Completed on {date} — read-only</source>
      <translation>Afgerond op {date} — alleen lezen</translation>
    </message>
    <message>
      <source>Completed — replaced by a correction (read-only)</source>
      <translation>Afgerond — vervangen door een correctie (alleen lezen)</translation>
    </message>
    <message>
      <source>Con&amp;firm the tier</source>
      <translation>Niveau &amp;bevestigen</translation>
    </message>
    <message>
      <source>Decided tier</source>
      <translation>Beslist niveau</translation>
    </message>
    <message>
      <source>Decided: {tier} (suggested: {suggested})</source>
      <translation>Beslist: {tier} (voorgesteld: {suggested})</translation>
    </message>
    <message>
      <source>Draft, saved automatically</source>
      <translation>Ontwerp, automatisch bewaard</translation>
    </message>
    <message>
      <source>Needed when you choose another tier</source>
      <translation>Nodig als u een ander niveau kiest</translation>
    </message>
    <message>
      <source>New assessment (saved automatically as a draft)</source>
      <translation>Nieuwe beoordeling (automatisch als ontwerp bewaard)</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reden</translation>
    </message>
    <message>
      <source>Results</source>
      <translation>Resultaten</translation>
    </message>
    <message>
      <source>Rule ({name}):</source>
      <translation>Regel ({name}):</translation>
    </message>
    <message>
      <source>Rule variant</source>
      <translation>Regelvariant</translation>
    </message>
    <message>
      <source>Suggested:</source>
      <translation>Voorgesteld:</translation>
    </message>
    <message>
      <source>Tier decision</source>
      <translation>Beslissing over het niveau</translation>
    </message>
    <message>
      <source>correction of an earlier assessment</source>
      <translation>correctie van een eerdere beoordeling</translation>
    </message>
  </context>
  <context>
    <name>Results</name>
    <message>
      <source>(incomplete: some answers missing)</source>
      <translation>(onvolledig: er ontbreken antwoorden)</translation>
    </message>
  </context>
  <context>
    <name>ReviewLetterDialog</name>
    <message>
      <source>&amp;Language of the letter:</source>
      <translation>&amp;Taal van de brief:</translation>
    </message>
    <message>
      <source>&amp;Save the PDF…</source>
      <translation>PDF op&amp;slaan…</translation>
    </message>
    <message>
      <source>&amp;To:</source>
      <translation>&amp;Aan:</translation>
    </message>
    <message>
      <source>Letter for the review</source>
      <translation>Brief voor de herziening</translation>
    </message>
    <message>
      <source>Optional: what you would like to know</source>
      <translation>Niet verplicht: wat u graag wilt weten</translation>
    </message>
    <message>
      <source>Your &amp;question:</source>
      <translation>Uw &amp;vraag:</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source> days</source>
      <translation> dagen</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>&amp;Auto-lock after:</source>
      <translation>&amp;Automatisch vergrendelen na:</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisatie:</translation>
    </message>
    <message>
      <source>&amp;Restart Relais now</source>
      <translation>Relais nu &amp;herstarten</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>Op&amp;slaan</translation>
    </message>
    <message>
      <source>Case manager's &amp;e-mail:</source>
      <translation>&amp;E-mail van de casemanager:</translation>
    </message>
    <message>
      <source>Case manager's p&amp;hone:</source>
      <translation>Tele&amp;foon van de casemanager:</translation>
    </message>
    <message>
      <source>Change the &amp;passphrase…</source>
      <translation>&amp;Wachtzin wijzigen…</translation>
    </message>
    <message>
      <source>Co&amp;nnect to a server…</source>
      <translation>&amp;Verbinden met een server…</translation>
    </message>
    <message>
      <source>Connected to {server} as {user}.</source>
      <translation>Verbonden met {server} als {user}.</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Opvolging</translation>
    </message>
    <message>
      <source>Instruments proposed after a hospital discharge</source>
      <translation>Instrumenten voorgesteld na een ziekenhuisontslag</translation>
    </message>
    <message>
      <source>Interface &amp;language:</source>
      <translation>&amp;Taal van de interface:</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>Taal van de interface</translation>
    </message>
    <message>
      <source>Lock automatically after this many minutes without activity</source>
      <translation>Automatisch vergrendelen na zoveel minuten zonder activiteit</translation>
    </message>
    <message>
      <source>No first &amp;contact, flag after:</source>
      <translation>Geen eerste &amp;contact, melden na:</translation>
    </message>
    <message>
      <source>Not connected: your caseload is kept on this computer only, and shared with no one.</source>
      <translation>Niet verbonden: uw dossiers staan alleen op deze computer en worden met niemand gedeeld.</translation>
    </message>
    <message>
      <source>Organisation's server</source>
      <translation>Server van de organisatie</translation>
    </message>
    <message>
      <source>Printed on the patient's handout</source>
      <translation>Afgedrukt op de fiche van de patiënt</translation>
    </message>
    <message>
      <source>Re-assess after a hospital &amp;discharge:</source>
      <translation>Opnieuw beoordelen na een &amp;ziekenhuisontslag:</translation>
    </message>
    <message>
      <source>Relais will use %1 from its next start.</source>
      <translation>Relais schakelt bij de volgende start over naar “%1”.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Opgeslagen.</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Instellingen</translation>
    </message>
    <message>
      <source>Today flags a request still without a first contact after this many days</source>
      <translation>Vandaag meldt een aanvraag nog zonder eerste contact na zoveel dagen</translation>
    </message>
    <message>
      <source>e.g. 0470 12 34 56</source>
      <translation>bv. 0470 12 34 56</translation>
    </message>
    <message>
      <source>e.g. name@organisation.be</source>
      <translation>bv. naam@organisatie.be</translation>
    </message>
  </context>
  <context>
    <name>SingleWindow</name>
    <message>
      <source>Relais is already open</source>
      <translation>Relais is al geopend</translation>
    </message>
    <message>
      <source>Relais is already open on this caseload, in another window or a command that is running. Use that window (look for Relais in the taskbar), or wait for the command to finish.</source>
      <translation>Relais is al geopend op deze dossiers, in een ander venster of een commando dat loopt. Gebruik dat venster (zoek Relais in de taakbalk) of wacht tot het commando klaar is.</translation>
    </message>
  </context>
  <context>
    <name>StabilityPanel</name>
    <message>
      <source>Key {key}</source>
      <translation>Toets {key}</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>Gemeld door</translation>
    </message>
    <message>
      <source>Stability log:</source>
      <translation>Stabiliteitslogboek:</translation>
    </message>
    <message>
      <source>Stability over 90 days</source>
      <translation>Stabiliteit over 90 dagen</translation>
    </message>
    <message>
      <source>reported by (optional)</source>
      <translation>gemeld door (optioneel)</translation>
    </message>
  </context>
  <context>
    <name>StayDialog</name>
    <message>
      <source>&amp;Admitted on:</source>
      <translation>&amp;Opgenomen op:</translation>
    </message>
    <message>
      <source>&amp;Discharged on:</source>
      <translation>On&amp;tslagen op:</translation>
    </message>
    <message>
      <source>&amp;Hospital:</source>
      <translation>&amp;Ziekenhuis:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Soort:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Reden:</translation>
    </message>
    <message>
      <source>Hospital stay</source>
      <translation>Ziekenhuisverblijf</translation>
    </message>
    <message>
      <source>Planned (not an emergency)</source>
      <translation>Gepland (geen spoed)</translation>
    </message>
    <message>
      <source>Still in hospital</source>
      <translation>Nog in het ziekenhuis</translation>
    </message>
  </context>
  <context>
    <name>StaysTab</name>
    <message numerus="yes">
      <source>%n admission(s) in the last 12 months</source>
      <translation>
        <numerusform>%n opname in de laatste 12 maanden</numerusform>
        <numerusform>%n opnames in de laatste 12 maanden</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Add a stay…</source>
      <translation>Verblijf &amp;toevoegen…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
      <source>&amp;Who to tell…</source>
      <translation>Wie &amp;verwittigen…</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>Opname</translation>
    </message>
    <message>
      <source>After the dis&amp;charge…</source>
      <translation>Na het ont&amp;slag…</translation>
    </message>
    <message>
      <source>Disc&amp;harge…</source>
      <translation>&amp;Ontslag…</translation>
    </message>
    <message>
      <source>Discharged</source>
      <translation>Ontslag</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Ziekenhuis</translation>
    </message>
    <message>
      <source>Hospital stays</source>
      <translation>Ziekenhuisverblijven</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>No admission in the last 12 months</source>
      <translation>Geen opname in de laatste 12 maanden</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Gepland</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reden</translation>
    </message>
    <message>
      <source>Transition</source>
      <translation>Overgang</translation>
    </message>
    <message>
      <source>call by {date}</source>
      <translation>gesprek ten laatste op {date}</translation>
    </message>
    <message>
      <source>checklist {done}/{total}</source>
      <translation>lijst {done}/{total}</translation>
    </message>
    <message>
      <source>home actions on hold</source>
      <translation>acties thuis on hold</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nee</translation>
    </message>
    <message>
      <source>still in</source>
      <translation>nog opgenomen</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>SyncLabels</name>
    <message>
      <source>Action</source>
      <translation>Actie</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Beoordeling</translation>
    </message>
    <message>
      <source>Attachment</source>
      <translation>Bijlage</translation>
    </message>
    <message>
      <source>Audit event</source>
      <translation>Auditgebeurtenis</translation>
    </message>
    <message>
      <source>Care plan</source>
      <translation>Zorgplan</translation>
    </message>
    <message>
      <source>Carer's assessment</source>
      <translation>Beoordeling van de mantelzorger</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>Concertation</source>
      <translation>Overleg</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Toestemming</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>GP feedback</source>
      <translation>Terugkoppeling huisarts</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Doel</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>Overdrachtsnota</translation>
    </message>
    <message>
      <source>Hospital stay</source>
      <translation>Ziekenhuisopname</translation>
    </message>
    <message>
      <source>Journal note</source>
      <translation>Journaalnota</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Geneesmiddel</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>Procedures</source>
      <translation>Administratieve aanvraag</translation>
    </message>
    <message>
      <source>Record (deleted or kept)</source>
      <translation>Gegeven (verwijderd of behouden)</translation>
    </message>
    <message>
      <source>Stability event</source>
      <translation>Stabiliteitsgebeurtenis</translation>
    </message>
    <message>
      <source>This computer is not connected to a server: nothing is sent or received. Connect it in the Settings, or with “Connect to a server…” at the bottom right.</source>
      <translation>Deze computer is niet met een server verbonden: er wordt niets verzonden of ontvangen. Verbind hem in de Instellingen, of met “Verbinden met een server…” rechtsonder.</translation>
    </message>
    <message>
      <source>Tie (ecomap)</source>
      <translation>Band (ecomap)</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Bezoek</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>verwijderd</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>behouden</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nee</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflict</numerusform>
        <numerusform>%n conflicten</numerusform>
      </translation>
    </message>
    <message>
      <source>Connect to a server…</source>
      <translation>Verbinden met een server…</translation>
    </message>
    <message>
      <source>Device revoked</source>
      <translation>Toestel ingetrokken</translation>
    </message>
    <message>
      <source>Keep a copy of your caseload on your organisation's server and share it with your team</source>
      <translation>Een kopie van uw dossiers op de server van uw organisatie bewaren en ze met uw team delen</translation>
    </message>
    <message>
      <source>Not connected to a server</source>
      <translation>Niet verbonden met een server</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Open conflicten</translation>
    </message>
    <message>
      <source>Send and receive changes now (F5)</source>
      <translation>Wijzigingen nu verzenden en ontvangen (F5)</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synchroniseren</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>Synchronisatiestatus</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Synchroniseren…</translation>
    </message>
    <message>
      <source>synced {time}</source>
      <translation>gesynchroniseerd {time}</translation>
    </message>
    <message>
      <source>{n} need attention</source>
      <translation>{n} na te kijken</translation>
    </message>
    <message>
      <source>{n} waiting</source>
      <translation>{n} wachtend</translation>
    </message>
    <message>
      <source>● Not synced yet</source>
      <translation>● Nog niet gesynchroniseerd</translation>
    </message>
    <message>
      <source>● Offline</source>
      <translation>● Offline</translation>
    </message>
    <message>
      <source>● Online</source>
      <translation>● Online</translation>
    </message>
  </context>
  <context>
    <name>TieDialog</name>
    <message>
      <source>A &amp;new contact</source>
      <translation>Een nieuw &amp;contact</translation>
    </message>
    <message>
      <source>Add a person or a service to the map</source>
      <translation>Een persoon of dienst aan de ecomap toevoegen</translation>
    </message>
    <message>
      <source>Contact from the directory</source>
      <translation>Contact uit de adresgids</translation>
    </message>
    <message>
      <source>Edit the tie with {name}</source>
      <translation>Band met {name} wijzigen</translation>
    </message>
    <message>
      <source>Someone already in the &amp;directory</source>
      <translation>Iemand die a&amp;l in de adresgids staat</translation>
    </message>
    <message>
      <source>The tie</source>
      <translation>De band</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
  </context>
  <context>
    <name>TieForm</name>
    <message>
      <source>&amp;Quality:</source>
      <translation>&amp;Kwaliteit van de band:</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Rol:</translation>
    </message>
    <message>
      <source>F&amp;low of help:</source>
      <translation>Richting van de hul&amp;p:</translation>
    </message>
    <message>
      <source>Marked as:</source>
      <translation>Bijzondere rol:</translation>
    </message>
    <message>
      <source>Not&amp;e:</source>
      <translation>Notiti&amp;e:</translation>
    </message>
    <message>
      <source>Sin&amp;ce:</source>
      <translation>S&amp;inds:</translation>
    </message>
    <message>
      <source>Strengt&amp;h:</source>
      <translation>Sterkte van &amp;de band:</translation>
    </message>
    <message>
      <source>what this person does for the patient</source>
      <translation>wat deze persoon voor de patiënt doet</translation>
    </message>
  </context>
  <context>
    <name>TimeField</name>
    <message>
      <source>hh:mm</source>
      <translation>uu:mm</translation>
    </message>
  </context>
  <context>
    <name>TodayPage</name>
    <message numerus="yes">
      <source>%n open case(s)</source>
      <translation>
        <numerusform>%n open dossier</numerusform>
        <numerusform>%n open dossiers</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Keep it</source>
      <translation>&amp;Bewaren</translation>
    </message>
    <message>
      <source>&amp;New patient…</source>
      <translation>&amp;Nieuwe patiënt…</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Herstellen</translation>
    </message>
    <message>
      <source>&amp;Throw it away</source>
      <translation>&amp;Weggooien</translation>
    </message>
    <message>
      <source>Calls after a hospital discharge</source>
      <translation>Gesprekken na een ziekenhuisontslag</translation>
    </message>
    <message>
      <source>Carers' assessments to review</source>
      <translation>Herziening van beoordelingen van mantelzorgers</translation>
    </message>
    <message>
      <source>Case handed over to you by {name}: read the note</source>
      <translation>Dossier overgedragen door {name}: lees de nota</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Weggooien</translation>
    </message>
    <message>
      <source>Enter opens the dossier · Ctrl+F searches the caseload</source>
      <translation>Enter opent het dossier · Ctrl+F zoekt in mijn patiënten</translation>
    </message>
    <message>
      <source>Follow-up call after the discharge</source>
      <translation>Opvolgingsgesprek na het ontslag</translation>
    </message>
    <message>
      <source>GP feedback pending</source>
      <translation>Terugkoppeling aan huisarts te doen</translation>
    </message>
    <message>
      <source>Handovers to read</source>
      <translation>Te lezen overdrachten</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Laden…</translation>
    </message>
    <message numerus="yes">
      <source>No first contact after %n day(s)</source>
      <translation>
        <numerusform>Geen eerste contact na %n dag</numerusform>
        <numerusform>Geen eerste contact na %n dagen</numerusform>
      </translation>
    </message>
    <message>
      <source>No open case yet. Begin with a patient: their identity, then the request, the assessment and the plan, in their dossier.</source>
      <translation>Nog geen open dossier. Begin met een patiënt: de identiteit, daarna de vraag, de beoordeling en het plan, in het dossier.</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>Achterstallige opvolging</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patiënt</translation>
    </message>
    <message>
      <source>Plan reviews due</source>
      <translation>Plannen te herzien</translation>
    </message>
    <message>
      <source>Procedures due</source>
      <translation>Aanvragen met naderende termijn</translation>
    </message>
    <message>
      <source>Recent hospital stays</source>
      <translation>Recente ziekenhuisverblijven</translation>
    </message>
    <message>
      <source>Relevance reviews due</source>
      <translation>Relevantie te herzien</translation>
    </message>
    <message numerus="yes">
      <source>Text typed during your last session was saved automatically but not recorded (%n item(s)). Restore it?</source>
      <translation>
        <numerusform>Tekst die u tijdens uw vorige sessie typte, werd automatisch bewaard maar niet geregistreerd (%n item). Herstellen?</numerusform>
        <numerusform>Tekst die u tijdens uw vorige sessie typte, werd automatisch bewaard maar niet geregistreerd (%n items). Herstellen?</numerusform>
      </translation>
    </message>
    <message>
      <source>This week</source>
      <translation>Deze week</translation>
    </message>
    <message>
      <source>Throw away this text for good ({what})?</source>
      <translation>Deze tekst definitief weggooien ({what})?</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Vandaag</translation>
    </message>
    <message>
      <source>Today could not be read.</source>
      <translation>De pagina Vandaag kon niet worden gelezen.</translation>
    </message>
    <message>
      <source>Visits today</source>
      <translation>Bezoeken vandaag</translation>
    </message>
    <message>
      <source>Waiting list</source>
      <translation>Wachtlijst</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>due</source>
      <translation>te doen</translation>
    </message>
    <message>
      <source>due soon</source>
      <translation>binnenkort</translation>
    </message>
    <message>
      <source>late</source>
      <translation>te laat</translation>
    </message>
    <message>
      <source>on the waiting list since this date</source>
      <translation>op de wachtlijst sinds deze datum</translation>
    </message>
    <message>
      <source>recorded</source>
      <translation>geregistreerd</translation>
    </message>
    <message numerus="yes">
      <source>request of %n day(s), no contact yet</source>
      <translation>
        <numerusform>aanvraag van %n dag geleden, nog geen contact</numerusform>
        <numerusform>aanvraag van %n dagen geleden, nog geen contact</numerusform>
      </translation>
    </message>
    <message>
      <source>still in hospital</source>
      <translation>nog in het ziekenhuis</translation>
    </message>
    <message>
      <source>to send</source>
      <translation>te versturen</translation>
    </message>
    <message>
      <source>today</source>
      <translation>vandaag</translation>
    </message>
  </context>
  <context>
    <name>TourPage</name>
    <message>
      <source>&amp;Previous tip</source>
      <translation>Vo&amp;rige tip</translation>
    </message>
    <message>
      <source>A dossier holds the request, the assessments, the ecomap, the care plan and the handout you print for the person at home.</source>
      <translation>Een dossier bevat de vraag, de beoordelingen, de ecomap, het zorgplan en het document dat u afdrukt voor de persoon thuis.</translation>
    </message>
    <message>
      <source>A person's dossier</source>
      <translation>Het dossier van een persoon</translation>
    </message>
    <message>
      <source>Alt+1 to Alt+9 switch pages and Ctrl+L locks Relais at once. Relais also locks itself after 10 minutes without activity.</source>
      <translation>Alt+1 tot Alt+9 wisselen van pagina en Ctrl+L vergrendelt Relais meteen. Relais vergrendelt ook vanzelf na 10 minuten zonder activiteit.</translation>
    </message>
    <message>
      <source>Below, Relais gathers what waits for you: a request not yet clarified, a consent to record, an item the server could not accept.</source>
      <translation>Daaronder verzamelt Relais wat op u wacht: een vraag die nog niet verduidelijkt is, een toestemming om te registreren, een item dat de server niet kon aanvaarden.</translation>
    </message>
    <message>
      <source>Keyboard and safety</source>
      <translation>Toetsenbord en veiligheid</translation>
    </message>
    <message>
      <source>Ne&amp;xt tip</source>
      <translation>Vo&amp;lgende tip</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Vraagt aandacht</translation>
    </message>
    <message>
      <source>Relais opens on Today. Four things to know before you start.</source>
      <translation>Relais opent op Vandaag. Vier dingen om te weten voor u begint.</translation>
    </message>
    <message>
      <source>Tip %1 of %2</source>
      <translation>Tip %1 van %2</translation>
    </message>
    <message>
      <source>Today lists the visits planned for today, the calls to make and the care plans whose review date has come. Press Enter on a line to open it.</source>
      <translation>Vandaag toont de bezoeken van vandaag, de telefoons die u moet doen en de zorgplannen waarvan de herzieningsdatum is aangebroken. Druk op Enter op een regel om ze te openen.</translation>
    </message>
    <message>
      <source>Today's work</source>
      <translation>Het werk van vandaag</translation>
    </message>
    <message>
      <source>Your Today view</source>
      <translation>Uw overzicht Vandaag</translation>
    </message>
  </context>
  <context>
    <name>TransferDialog</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Bladeren…</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>B&amp;estand:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Taal:</translation>
    </message>
    <message>
      <source>&amp;Note (on the cover letter):</source>
      <translation>&amp;Nota (op de begeleidende brief):</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisatie:</translation>
    </message>
    <message>
      <source>Building the transfer pack…</source>
      <translation>Het transferpakket wordt gemaakt…</translation>
    </message>
    <message>
      <source>Choose the receiving service of the directory (add it to the directory first if it is missing).</source>
      <translation>Kies de dienst uit het adresboek die de begeleiding overneemt (voeg hem eerst toe als hij ontbreekt).</translation>
    </message>
    <message>
      <source>Closing &amp;date:</source>
      <translation>Afsluitings&amp;datum:</translation>
    </message>
    <message>
      <source>Closing date</source>
      <translation>Afsluitingsdatum</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>Nederlands</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engels</translation>
    </message>
    <message>
      <source>French</source>
      <translation>Frans</translation>
    </message>
    <message>
      <source>Language of the documents</source>
      <translation>Taal van de documenten</translation>
    </message>
    <message>
      <source>No consent recorded to share with this organisation: record it in the Consents tab (sharing with a provider), or give the reason for an override.</source>
      <translation>Geen toestemming geregistreerd om met deze organisatie te delen: registreer ze in het tabblad Toestemmingen (delen met een zorgverlener), of geef de reden van een afwijking.</translation>
    </message>
    <message>
      <source>Note for the receiving organisation</source>
      <translation>Nota voor de organisatie die de begeleiding overneemt</translation>
    </message>
    <message>
      <source>Only where the law allows it, e.g. vital interest; kept in the consent log</source>
      <translation>Alleen waar de wet het toelaat, bv. vitaal belang; bewaard in het toestemmingsregister</translation>
    </message>
    <message>
      <source>Override &amp;reason:</source>
      <translation>&amp;Reden van de afwijking:</translation>
    </message>
    <message>
      <source>Reason for sending without consent</source>
      <translation>Reden om zonder toestemming te versturen</translation>
    </message>
    <message>
      <source>Receiving organisation</source>
      <translation>Organisatie die de begeleiding overneemt</translation>
    </message>
    <message>
      <source>Save the transfer pack</source>
      <translation>Het transferpakket opslaan</translation>
    </message>
    <message>
      <source>The record may go to this organisation (the patient's consent, or a provider of their care).</source>
      <translation>Het dossier mag naar deze organisatie (toestemming van de patiënt, of een zorgverlener van zijn of haar zorg).</translation>
    </message>
    <message>
      <source>The transfer pack could not be written ({error}).</source>
      <translation>Het transferpakket kon niet worden geschreven ({error}).</translation>
    </message>
    <message>
      <source>The transfer pack holds a cover letter to the organisation, the professional summary and the record in FHIR R4. Saving it closes the case (reason: transfer).</source>
      <translation>Het transferpakket bevat een begeleidende brief aan de organisatie, de professionele samenvatting en het dossier in FHIR R4. Opslaan sluit het dossier af (reden: transfer).</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>Transfer</translation>
    </message>
    <message>
      <source>Transfer pack file</source>
      <translation>Bestand van het transferpakket</translation>
    </message>
    <message>
      <source>Transfer to another organisation</source>
      <translation>Transfer naar een andere organisatie</translation>
    </message>
    <message>
      <source>Zip archive (*.zip)</source>
      <translation>Zip-archief (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>TrendWidget</name>
    <message>
      <source>No completed assessment yet</source>
      <translation>Nog geen afgeronde beoordeling</translation>
    </message>
    <message>
      <source>Trend over time</source>
      <translation>Evolutie in de tijd</translation>
    </message>
  </context>
  <context>
    <name>TriageDialog</name>
    <message>
      <source>&amp;Noted on:</source>
      <translation>&amp;Genoteerd op:</translation>
    </message>
    <message>
      <source>Crisis now:</source>
      <translation>Crisis nu:</translation>
    </message>
    <message>
      <source>Noted on</source>
      <translation>Genoteerd op</translation>
    </message>
    <message>
      <source>Suggested level</source>
      <translation>Voorgesteld niveau</translation>
    </message>
    <message>
      <source>The level follows complexity: the complexity grid (above 20: case management) and a crisis, whatever the age. Age, BIM, MAF and the chronic status are context only.</source>
      <translation>Het niveau volgt de complexiteit: het complexiteitsrooster (meer dan 20: casemanagement) en een crisis, ongeacht de leeftijd. Leeftijd, VT, MAF en het chronisch statuut zijn enkel context.</translation>
    </message>
    <message>
      <source>Triage by complexity</source>
      <translation>Triage volgens complexiteit</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>&amp;Forgot passphrase…</source>
      <translation>Wachtzin &amp;vergeten…</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
      <source>Choose a new passphrase (at least 8 characters):</source>
      <translation>Kies een nieuwe wachtzin (minstens 8 tekens):</translation>
    </message>
    <message>
      <source>Enter your passphrase to open your caseload.</source>
      <translation>Geef uw wachtzin in om uw dossiers te openen.</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>Nieuwe wachtzin</translation>
    </message>
    <message>
      <source>Opening the vault…</source>
      <translation>Kluis openen…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Wachtzin</translation>
    </message>
    <message>
      <source>Passphrase changed</source>
      <translation>Wachtzin gewijzigd</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Herstelsleutel</translation>
    </message>
    <message>
      <source>Type the recovery key you printed when the vault was created:</source>
      <translation>Typ de herstelsleutel die u bij het aanmaken van de kluis afdrukte:</translation>
    </message>
    <message>
      <source>Type your passphrase, then press Enter.</source>
      <translation>Typ uw wachtzin en druk dan op Enter.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Ontgrendelen</translation>
    </message>
    <message>
      <source>Your new passphrase is set. Unlock with it now.</source>
      <translation>Uw nieuwe wachtzin is ingesteld. Ontgrendel er nu mee.</translation>
    </message>
  </context>
  <context>
    <name>VaultPage</name>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
      <source>&amp;Repeat:</source>
      <translation>&amp;Herhalen:</translation>
    </message>
    <message>
      <source>Choose a passphrase of at least 8 characters: a short sentence of unrelated words is both strong and easy to remember.</source>
      <translation>Kies een wachtzin van minstens 8 tekens: een korte zin van woorden die niets met elkaar te maken hebben, is sterk en makkelijk te onthouden.</translation>
    </message>
    <message>
      <source>Create your vault</source>
      <translation>Uw kluis aanmaken</translation>
    </message>
    <message>
      <source>Creating your vault…</source>
      <translation>Uw kluis wordt aangemaakt…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Wachtzin</translation>
    </message>
    <message>
      <source>Passphrase strength</source>
      <translation>Sterkte van de wachtzin</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>Herhaal de wachtzin</translation>
    </message>
    <message>
      <source>Strength: %1</source>
      <translation>Sterkte: %1</translation>
    </message>
    <message>
      <source>The vault could not be created (%1).</source>
      <translation>De kluis kon niet worden aangemaakt (%1).</translation>
    </message>
    <message>
      <source>Your &amp;name:</source>
      <translation>Uw &amp;naam:</translation>
    </message>
    <message>
      <source>Your caseload is encrypted with a passphrase that only you know.</source>
      <translation>Uw dossiers worden versleuteld met een wachtzin die alleen u kent.</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Uw naam</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Datum:</translation>
    </message>
    <message>
      <source>&amp;End:</source>
      <translation>&amp;Einde:</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Soort:</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>&amp;Notities:</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>&amp;Plaats:</translation>
    </message>
    <message>
      <source>&amp;Start:</source>
      <translation>&amp;Begin:</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Einde</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>Namen, gescheiden door komma's</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notities</translation>
    </message>
    <message>
      <source>Pa&amp;rticipants:</source>
      <translation>Dee&amp;lnemers:</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Deelnemers</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Plaats</translation>
    </message>
    <message>
      <source>Plan a visit</source>
      <translation>Een bezoek plannen</translation>
    </message>
    <message>
      <source>Record a visit</source>
      <translation>Een bezoek registreren</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Begin</translation>
    </message>
    <message>
      <source>Text restored from the automatic save.</source>
      <translation>Tekst hersteld uit de automatische opslag.</translation>
    </message>
  </context>
  <context>
    <name>VisitsTab</name>
    <message>
      <source>&amp;Addendum:</source>
      <translation>&amp;Aanvulling:</translation>
    </message>
    <message>
      <source>&amp;Plan a visit</source>
      <translation>Bezoek &amp;plannen</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Reden:</translation>
    </message>
    <message>
      <source>&amp;Record…</source>
      <translation>&amp;Registreren…</translation>
    </message>
    <message>
      <source>(no notes)</source>
      <translation>(geen notities)</translation>
    </message>
    <message>
      <source>Add an a&amp;ddendum</source>
      <translation>Aan&amp;vulling toevoegen</translation>
    </message>
    <message>
      <source>Addendum</source>
      <translation>Aanvulling</translation>
    </message>
    <message>
      <source>Addendum of {date} by {author}:</source>
      <translation>Aanvulling van {date} door {author}:</translation>
    </message>
    <message>
      <source>Ca&amp;ncel visit</source>
      <translation>Bezoek a&amp;nnuleren</translation>
    </message>
    <message>
      <source>Cancel the visit</source>
      <translation>Het bezoek annuleren</translation>
    </message>
    <message>
      <source>Cancelled: {reason}</source>
      <translation>Geannuleerd: {reason}</translation>
    </message>
    <message>
      <source>Choose a visit above to read its notes. Enter on a planned visit records it.</source>
      <translation>Kies hierboven een bezoek om de notities te lezen. Enter op een gepland bezoek registreert het.</translation>
    </message>
    <message>
      <source>Ctrl+Shift+V</source>
      <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>Open a case first (Cases tab).</source>
      <translation>Open eerst een dossier (tabblad Dossiers).</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Deelnemers</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Plaats</translation>
    </message>
    <message>
      <source>Record the selected planned visit, or a visit that was not planned</source>
      <translation>Het gekozen geplande bezoek registreren, of een niet-gepland bezoek</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Visit notes</source>
      <translation>Bezoeknotities</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Bezoeken</translation>
    </message>
  </context>
  <context>
    <name>WhoPage</name>
    <message>
      <source>&amp;Print the list…</source>
      <translation>Lijst &amp;afdrukken…</translation>
    </message>
    <message>
      <source>Availability</source>
      <translation>Beschikbaarheid</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Soort</translation>
    </message>
    <message>
      <source>List written to {path}</source>
      <translation>Lijst opgeslagen in {path}</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Preparing the list…</source>
      <translation>Lijst wordt voorbereid…</translation>
    </message>
    <message>
      <source>Print who does what</source>
      <translation>“Wie doet wat” afdrukken</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Who does what</source>
      <translation>Wie doet wat</translation>
    </message>
  </context>
</TS>
