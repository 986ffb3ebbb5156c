<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_BE">
  <context>
    <name>ActionDialog</name>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Faite</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>Listed under the week</source>
      <translation>Repris sous le tableau de la semaine</translation>
    </message>
    <message>
      <source>Not understood yet</source>
      <translation>Pas encore compris</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Prévue</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>Le gestionnaire de cas</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>Le patient</translation>
    </message>
    <message>
      <source>Under way</source>
      <translation>En cours</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>Who does it</source>
      <translation>Qui le fait</translation>
    </message>
    <message>
      <source>e.g. Mon, Wed, Fri 8:00–9:00 or twice a month</source>
      <translation>p. ex. lun, mer, ven 8h–9h ou 2 fois par mois</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
  </context>
  <context>
    <name>AgreeDialog</name>
    <message>
      <source>Agree the plan</source>
      <translation>Convenir du plan</translation>
    </message>
    <message>
      <source>Agreed with</source>
      <translation>Convenu avec</translation>
    </message>
    <message>
      <source>In your own words</source>
      <translation>En vos propres mots</translation>
    </message>
    <message>
      <source>Names, a service… (optional)</source>
      <translation>Des noms, un service… (facultatif)</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Le</translation>
    </message>
    <message>
      <source>Once agreed, this version can no longer change. Changes go into a new version.</source>
      <translation>Une fois convenue, cette version ne peut plus changer. Les changements iront dans une nouvelle version.</translation>
    </message>
    <message>
      <source>Ot&amp;hers</source>
      <translation>D'a&amp;utres personnes</translation>
    </message>
    <message>
      <source>The &amp;GP</source>
      <translation>Le &amp;médecin traitant</translation>
    </message>
    <message>
      <source>The &amp;family</source>
      <translation>La &amp;famille</translation>
    </message>
    <message>
      <source>The &amp;patient</source>
      <translation>Le &amp;patient</translation>
    </message>
    <message>
      <source>The ca&amp;rers</source>
      <translation>Les aidants p&amp;roches</translation>
    </message>
  </context>
  <context>
    <name>AssessmentTab</name>
    <message>
      <source>&amp;History (select two to compare)</source>
      <translation>&amp;Historique (en choisir deux pour comparer)</translation>
    </message>
    <message>
      <source>&amp;Import a licensed definition…</source>
      <translation>&amp;Importer une définition sous licence…</translation>
    </message>
    <message>
      <source>&amp;New assessment</source>
      <translation>&amp;Nouvelle évaluation</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Ouvrir</translation>
    </message>
    <message>
      <source>&amp;Triage…</source>
      <translation>&amp;Triage…</translation>
    </message>
    <message>
      <source>Assessment history</source>
      <translation>Historique des évaluations</translation>
    </message>
    <message>
      <source>Assessments</source>
      <translation>Évaluations</translation>
    </message>
    <message>
      <source>Co&amp;mpare the two selected</source>
      <translation>Co&amp;mparer les deux choisies</translation>
    </message>
    <message>
      <source>Import a licensed definition</source>
      <translation>Importer une définition sous licence</translation>
    </message>
    <message>
      <source>In&amp;struments</source>
      <translation>In&amp;struments</translation>
    </message>
    <message>
      <source>Instrument definitions (*.json)</source>
      <translation>Définitions d'instruments (*.json)</translation>
    </message>
    <message>
      <source>Instruments</source>
      <translation>Instruments</translation>
    </message>
    <message>
      <source>Nothing was imported: {reason}</source>
      <translation>Rien n'a été importé : {reason}</translation>
    </message>
    <message>
      <source>Select two completed assessments to compare.</source>
      <translation>Choisissez deux évaluations terminées à comparer.</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>terminée</translation>
    </message>
    <message>
      <source>correction in progress</source>
      <translation>correction en cours</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>brouillon</translation>
    </message>
    <message>
      <source>replaced by a correction</source>
      <translation>remplacée par une correction</translation>
    </message>
    <message>
      <source>texts not imported</source>
      <translation>textes non importés</translation>
    </message>
  </context>
  <context>
    <name>AttentionPage</name>
    <message>
      <source>&amp;Discard (undo here)</source>
      <translation>&amp;Abandonner (annuler ici)</translation>
    </message>
    <message>
      <source>&amp;Send again</source>
      <translation>&amp;Renvoyer</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Discard the change</source>
      <translation>Abandonner la modification</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>Champs</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>À vérifier</translation>
    </message>
    <message>
      <source>Nothing needs attention: the server accepted every change.</source>
      <translation>Rien à vérifier : le serveur a accepté toutes les modifications.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <source>Refused changes</source>
      <translation>Modifications refusées</translation>
    </message>
    <message>
      <source>The change will be undone on this computer and not sent. Continue?</source>
      <translation>La modification sera annulée sur cet ordinateur et ne sera pas envoyée. Continuer ?</translation>
    </message>
  </context>
  <context>
    <name>AuditPage</name>
    <message numerus="yes">
      <source>%n event(s)</source>
      <translation>
        <numerusform>%n événement</numerusform>
        <numerusform>%n événements</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Review retention</source>
      <translation>&amp;Revoir la conservation</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>&amp;Afficher</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Actor</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Toutes</translation>
    </message>
    <message>
      <source>Audit</source>
      <translation>Audit</translation>
    </message>
    <message>
      <source>Audit events</source>
      <translation>Événements d'audit</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Appareil</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>Kept until</source>
      <translation>Conservé jusqu'au</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>Dernier contact</translation>
    </message>
    <message>
      <source>No record is past the retention period.</source>
      <translation>Aucun dossier n'a dépassé la durée de conservation.</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>Patient id</source>
      <translation>Identifiant du patient</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <source>Records past the retention period</source>
      <translation>Dossiers ayant dépassé la durée de conservation</translation>
    </message>
    <message>
      <source>Records past the retention period, to review</source>
      <translation>Dossiers ayant dépassé la durée de conservation, à revoir</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Limité</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>When (UTC)</source>
      <translation>Quand (UTC)</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
  </context>
  <context>
    <name>CarerAssessmentDialog</name>
    <message>
      <source>&amp;Assessed on:</source>
      <translation>Év&amp;alué le :</translation>
    </message>
    <message>
      <source>&amp;Burden for the carer:</source>
      <translation>&amp;Charge pour l'aidant :</translation>
    </message>
    <message>
      <source>&amp;Wishes:</source>
      <translation>Sou&amp;haits :</translation>
    </message>
    <message>
      <source>Carer's assessment — {name}</source>
      <translation>Évaluation de l'aidant proche — {name}</translation>
    </message>
    <message>
      <source>Empty: in 1 to 12 months, sooner when the burden is heavier</source>
      <translation>Vide : dans 1 à 12 mois, plus tôt si la charge est plus lourde</translation>
    </message>
    <message>
      <source>First assessment of this carer.</source>
      <translation>Première évaluation de cet aidant proche.</translation>
    </message>
    <message>
      <source>Last assessment: {line}</source>
      <translation>Dernière évaluation : {line}</translation>
    </message>
    <message>
      <source>N&amp;eeds:</source>
      <translation>&amp;Besoins :</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>&amp;Note :</translation>
    </message>
    <message>
      <source>Re&amp;view on:</source>
      <translation>&amp;Révision le :</translation>
    </message>
    <message>
      <source>Res&amp;pite:</source>
      <translation>Ré&amp;pit :</translation>
    </message>
    <message>
      <source>The carer's &amp;health:</source>
      <translation>&amp;Santé de l'aidant :</translation>
    </message>
  </context>
  <context>
    <name>CaseLabels</name>
    <message>
      <source>1 · Self-management</source>
      <translation>1 · Autogestion</translation>
    </message>
    <message>
      <source>2 · Disease and care management</source>
      <translation>2 · Gestion de la maladie et des soins</translation>
    </message>
    <message>
      <source>3 · Case management</source>
      <translation>3 · Gestion de cas</translation>
    </message>
    <message>
      <source>A relative</source>
      <translation>Un proche</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>Acceptée</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Suivi actif</translation>
    </message>
    <message>
      <source>Admission</source>
      <translation>Hospitalisation</translation>
    </message>
    <message>
      <source>Assessing</source>
      <translation>Évaluation</translation>
    </message>
    <message>
      <source>At the office</source>
      <translation>Au bureau</translation>
    </message>
    <message>
      <source>BIM</source>
      <translation>BIM</translation>
    </message>
    <message>
      <source>CPAS</source>
      <translation>CPAS</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>Chronic condition</source>
      <translation>Affection chronique</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Clôturé</translation>
    </message>
    <message>
      <source>Concertation</source>
      <translation>Concertation</translation>
    </message>
    <message>
      <source>Deceased</source>
      <translation>Décès</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Faite</translation>
    </message>
    <message>
      <source>Emergency visit</source>
      <translation>Passage aux urgences</translation>
    </message>
    <message>
      <source>Entered residential care</source>
      <translation>Entrée en maison de repos</translation>
    </message>
    <message>
      <source>GP feedback</source>
      <translation>Retour au médecin</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Domicile</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>Visite à domicile</translation>
    </message>
    <message>
      <source>Home-care coordination</source>
      <translation>Coordination de soins à domicile</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Hôpital</translation>
    </message>
    <message>
      <source>MAF</source>
      <translation>MAF</translation>
    </message>
    <message>
      <source>Moved away</source>
      <translation>Déménagement</translation>
    </message>
    <message>
      <source>No case</source>
      <translation>Pas de dossier</translation>
    </message>
    <message>
      <source>No recent contact</source>
      <translation>Pas de contact récent</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <source>Patient association</source>
      <translation>Association de patients</translation>
    </message>
    <message>
      <source>Phone call</source>
      <translation>Appel téléphonique</translation>
    </message>
    <message>
      <source>Plan review</source>
      <translation>Révision du plan</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Prévue</translation>
    </message>
    <message>
      <source>Redirected</source>
      <translation>Réorientée</translation>
    </message>
    <message>
      <source>Referred</source>
      <translation>Signalé</translation>
    </message>
    <message>
      <source>Refused by the patient</source>
      <translation>Refus du patient</translation>
    </message>
    <message>
      <source>Relevance review</source>
      <translation>Révision de la pertinence</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Limité</translation>
    </message>
    <message>
      <source>Same NISS as another record</source>
      <translation>Même NISS qu'un autre dossier</translation>
    </message>
    <message>
      <source>Situation stabilised</source>
      <translation>Situation stabilisée</translation>
    </message>
    <message>
      <source>Stabilised</source>
      <translation>Stabilisé</translation>
    </message>
    <message>
      <source>The GP</source>
      <translation>Le médecin traitant</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>Le patient</translation>
    </message>
    <message>
      <source>Transferred to another organisation</source>
      <translation>Transfert vers une autre organisation</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Visite</translation>
    </message>
    <message>
      <source>Visit not recorded</source>
      <translation>Visite non encodée</translation>
    </message>
    <message>
      <source>Waiting list</source>
      <translation>Liste d'attente</translation>
    </message>
  </context>
  <context>
    <name>CaseloadModel</name>
    <message>
      <source>Age</source>
      <translation>Âge</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Échéances</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>Dernière visite</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Next visit</source>
      <translation>Prochaine visite</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Localité</translation>
    </message>
  </context>
  <context>
    <name>CaseloadPage</name>
    <message numerus="yes">
      <source>%n shown</source>
      <translation>
        <numerusform>%n affiché</numerusform>
        <numerusform>%n affichés</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;New patient (Ctrl+N)</source>
      <translation>&amp;Nouveau patient (Ctrl+N)</translation>
    </message>
    <message>
      <source>All cases</source>
      <translation>Tous les dossiers</translation>
    </message>
    <message>
      <source>Caseload</source>
      <translation>Mes patients</translation>
    </message>
    <message>
      <source>Due items filter</source>
      <translation>Filtre d'échéances</translation>
    </message>
    <message>
      <source>Due or not</source>
      <translation>Échéances ou non</translation>
    </message>
    <message>
      <source>Every tier</source>
      <translation>Tous les niveaux</translation>
    </message>
    <message>
      <source>No patient matches "{text}".</source>
      <translation>Aucun patient ne correspond à « {text} ».</translation>
    </message>
    <message>
      <source>No patient matches these filters.</source>
      <translation>Aucun patient ne correspond à ces filtres.</translation>
    </message>
    <message>
      <source>Open cases</source>
      <translation>Dossiers ouverts</translation>
    </message>
    <message>
      <source>Open cases and new patients</source>
      <translation>Dossiers ouverts et nouveaux patients</translation>
    </message>
    <message>
      <source>Patients</source>
      <translation>Patients</translation>
    </message>
    <message>
      <source>Search by name, NISS, town or phone (Ctrl+F)</source>
      <translation>Rechercher par nom, NISS, localité ou téléphone (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search patients</source>
      <translation>Rechercher des patients</translation>
    </message>
    <message>
      <source>Something due</source>
      <translation>Quelque chose à faire</translation>
    </message>
    <message>
      <source>Sort</source>
      <translation>Tri</translation>
    </message>
    <message>
      <source>Sort by last visit (oldest first)</source>
      <translation>Trier par dernière visite (la plus ancienne d'abord)</translation>
    </message>
    <message>
      <source>Sort by name</source>
      <translation>Trier par nom</translation>
    </message>
    <message>
      <source>Sort by next visit</source>
      <translation>Trier par prochaine visite</translation>
    </message>
    <message>
      <source>Sort by opening (newest first)</source>
      <translation>Trier par ouverture (récents d'abord)</translation>
    </message>
    <message>
      <source>Sort by relevance review</source>
      <translation>Trier par révision de la pertinence</translation>
    </message>
    <message>
      <source>Sort by status</source>
      <translation>Trier par statut</translation>
    </message>
    <message>
      <source>Status filter</source>
      <translation>Filtre de statut</translation>
    </message>
    <message>
      <source>Tier filter</source>
      <translation>Filtre de niveau</translation>
    </message>
  </context>
  <context>
    <name>CasesTab</name>
    <message>
      <source>&amp;Intake…</source>
      <translation>&amp;Accueil…</translation>
    </message>
    <message>
      <source>&amp;New case…</source>
      <translation>&amp;Nouveau dossier…</translation>
    </message>
    <message>
      <source>&amp;Transfer…</source>
      <translation>&amp;Transférer…</translation>
    </message>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n jour après la demande)</numerusform>
        <numerusform>(%n jours après la demande)</numerusform>
      </translation>
    </message>
    <message>
      <source>Accepted, redirected or waiting list; first contact and first home visit</source>
      <translation>Acceptée, réorientée ou liste d'attente ; premier contact et première visite à domicile</translation>
    </message>
    <message>
      <source>C&amp;lose the case…</source>
      <translation>C&amp;lôturer le dossier…</translation>
    </message>
    <message>
      <source>Case details</source>
      <translation>Détails du dossier</translation>
    </message>
    <message>
      <source>Case management is still needed: the next review is due in three months</source>
      <translation>La gestion de cas reste nécessaire : prochaine révision dans trois mois</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <source>Change &amp;status</source>
      <translation>Changer le &amp;statut</translation>
    </message>
    <message>
      <source>Choose one or more responsible case managers among the team's users</source>
      <translation>Choisir le ou les gestionnaires de cas responsables parmi les utilisateurs de l'équipe</translation>
    </message>
    <message>
      <source>Clarified request: {text}</source>
      <translation>Demande clarifiée : {text}</translation>
    </message>
    <message>
      <source>Closed on {date}: {reason}</source>
      <translation>Clôturé le {date} : {reason}</translation>
    </message>
    <message>
      <source>First contact: not yet</source>
      <translation>Premier contact : pas encore</translation>
    </message>
    <message>
      <source>First contact: {date}</source>
      <translation>Premier contact : {date}</translation>
    </message>
    <message>
      <source>First home visit: not yet</source>
      <translation>Première visite à domicile : pas encore</translation>
    </message>
    <message>
      <source>First home visit: {date}</source>
      <translation>Première visite à domicile : {date}</translation>
    </message>
    <message>
      <source>Hand &amp;over…</source>
      <translation>&amp;Passer le relais…</translation>
    </message>
    <message>
      <source>Handed over on {date} by {who} to {to}</source>
      <translation>Confié le {date} par {who} à {to}</translation>
    </message>
    <message>
      <source>History:</source>
      <translation>Historique :</translation>
    </message>
    <message>
      <source>Intake: accepted on {date}</source>
      <translation>Accueil : acceptée le {date}</translation>
    </message>
    <message>
      <source>Intake: redirected on {date} to {to}</source>
      <translation>Accueil : réorientée le {date} vers {to}</translation>
    </message>
    <message>
      <source>Intake: waiting list since {date}</source>
      <translation>Accueil : en liste d'attente depuis le {date}</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>Nouveau statut</translation>
    </message>
    <message>
      <source>No case yet. Open one with “New case”.</source>
      <translation>Pas encore de dossier. Ouvrez-en un avec « Nouveau dossier ».</translation>
    </message>
    <message>
      <source>Opened on {date}</source>
      <translation>Ouvert le {date}</translation>
    </message>
    <message>
      <source>Relevance &amp;reviewed</source>
      <translation>Pertinence &amp;revue</translation>
    </message>
    <message>
      <source>Relevance review due on {date}</source>
      <translation>Révision de la pertinence le {date}</translation>
    </message>
    <message>
      <source>Relevance review to do since {date}</source>
      <translation>Révision de la pertinence à faire depuis le {date}</translation>
    </message>
    <message>
      <source>Request: “{text}”</source>
      <translation>Demande : « {text} »</translation>
    </message>
    <message>
      <source>Requested on {date} by {who}</source>
      <translation>Demandé le {date} par {who}</translation>
    </message>
    <message>
      <source>Responsible case manager: {names}</source>
      <translation>Gestionnaire de cas responsable : {names}</translation>
    </message>
    <message>
      <source>Responsible case managers: {names}</source>
      <translation>Gestionnaires de cas responsables : {names}</translation>
    </message>
    <message>
      <source>Stability log: {trend}</source>
      <translation>Journal de stabilité : {trend}</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>Statut : {status}</translation>
    </message>
    <message>
      <source>Suggested level and its reasons; record a crisis</source>
      <translation>Niveau suggéré et ses raisons ; noter une situation de crise</translation>
    </message>
    <message>
      <source>Tier: {tier}</source>
      <translation>Niveau : {tier}</translation>
    </message>
    <message>
      <source>Transfer to another organisation: a transfer pack and the case closed</source>
      <translation>Transfert vers une autre organisation : un dossier de transfert, et le dossier clôturé</translation>
    </message>
    <message>
      <source>Tria&amp;ge, crisis…</source>
      <translation>Tria&amp;ge, crise…</translation>
    </message>
    <message>
      <source>Visits: {done} done, {planned} planned</source>
      <translation>Visites : {done} faites, {planned} prévues</translation>
    </message>
  </context>
  <context>
    <name>ChecklistDialog</name>
    <message>
      <source>After the discharge</source>
      <translation>Après la sortie</translation>
    </message>
    <message>
      <source>Discharged on {date}</source>
      <translation>Sorti·e le {date}</translation>
    </message>
    <message>
      <source>Follow-up call made</source>
      <translation>Appel de suivi fait</translation>
    </message>
  </context>
  <context>
    <name>CloseCaseDialog</name>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>&amp;Follow-up goes back to:</source>
      <translation>Su&amp;ivi rendu à :</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Remarque :</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>Agreed with:</source>
      <translation>En accord avec :</translation>
    </message>
    <message>
      <source>Close the case</source>
      <translation>Clôturer le dossier</translation>
    </message>
    <message>
      <source>Closing date</source>
      <translation>Date de clôture</translation>
    </message>
    <message>
      <source>Closure reason</source>
      <translation>Motif de clôture</translation>
    </message>
    <message>
      <source>Stability log: {trend}</source>
      <translation>Journal de stabilité : {trend}</translation>
    </message>
    <message>
      <source>— choose a reason —</source>
      <translation>— choisir un motif —</translation>
    </message>
  </context>
  <context>
    <name>ClosureFields</name>
    <message>
      <source>Another service</source>
      <translation>Un autre service</translation>
    </message>
    <message>
      <source>Follow-up goes back to</source>
      <translation>Suivi rendu à</translation>
    </message>
    <message>
      <source>Home-care coordination</source>
      <translation>Coordination de soins à domicile</translation>
    </message>
    <message>
      <source>The &amp;GP</source>
      <translation>Le médecin &amp;traitant</translation>
    </message>
    <message>
      <source>The &amp;patient</source>
      <translation>Le &amp;patient</translation>
    </message>
    <message>
      <source>The GP</source>
      <translation>Le médecin traitant</translation>
    </message>
    <message>
      <source>The informal &amp;carer</source>
      <translation>L'&amp;aidant proche</translation>
    </message>
    <message>
      <source>The net&amp;work</source>
      <translation>Le ré&amp;seau</translation>
    </message>
    <message>
      <source>— not said —</source>
      <translation>— non précisé —</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>Compare two assessments — {title}</source>
      <translation>Comparer deux évaluations — {title}</translation>
    </message>
    <message>
      <source>Item {n}</source>
      <translation>Question {n}</translation>
    </message>
    <message>
      <source>Side-by-side comparison</source>
      <translation>Comparaison côte à côte</translation>
    </message>
  </context>
  <context>
    <name>ComparePage</name>
    <message>
      <source>&amp;Compare</source>
      <translation>&amp;Comparer</translation>
    </message>
    <message>
      <source>Changes between the two maps</source>
      <translation>Changements entre les deux écocartes</translation>
    </message>
    <message>
      <source>From:</source>
      <translation>Du :</translation>
    </message>
    <message>
      <source>Newer map</source>
      <translation>Écocarte la plus récente</translation>
    </message>
    <message>
      <source>No change between these two maps.</source>
      <translation>Aucun changement entre ces deux écocartes.</translation>
    </message>
    <message>
      <source>No saved map yet: on the map, More actions → "Save today's map" (Ctrl+Shift+S), then compare later.</source>
      <translation>Aucune écocarte enregistrée : sur l'écocarte, Plus d'actions → « Enregistrer l'écocarte du jour » (Ctrl+Maj+S), puis comparez plus tard.</translation>
    </message>
    <message>
      <source>Older map</source>
      <translation>Écocarte la plus ancienne</translation>
    </message>
    <message>
      <source>Today (current map)</source>
      <translation>Aujourd'hui (écocarte actuelle)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>role</source>
      <translation>rôle</translation>
    </message>
    <message>
      <source>to:</source>
      <translation>au :</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
  </context>
  <context>
    <name>ConcertationDialog</name>
    <message>
      <source>Concertation meeting</source>
      <translation>Réunion de concertation</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>Décisions</translation>
    </message>
    <message>
      <source>Funder</source>
      <translation>Financeur</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>One decision per line</source>
      <translation>Une décision par ligne</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Personne de référence</translation>
    </message>
    <message>
      <source>The home nurse took part</source>
      <translation>L'infirmier·ère à domicile a participé</translation>
    </message>
    <message>
      <source>The patient (or a representative) took part</source>
      <translation>Le patient (ou son représentant) a participé</translation>
    </message>
    <message>
      <source>The patient agreed on who takes part</source>
      <translation>Le patient a accepté les participants</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— aucune —</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPage</name>
    <message>
      <source>&amp;Use the new value</source>
      <translation>&amp;Utiliser la nouvelle valeur</translation>
    </message>
    <message>
      <source>Arrived second:</source>
      <translation>Arrivée en second :</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Avant</translation>
    </message>
    <message>
      <source>Before both changes:</source>
      <translation>Avant les deux modifications :</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Conflits</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <source>Keep &amp;this laptop's</source>
      <translation>Garder celle de &amp;cet ordinateur</translation>
    </message>
    <message>
      <source>Keep the &amp;other laptop's</source>
      <translation>Garder celle de l'&amp;autre ordinateur</translation>
    </message>
    <message>
      <source>Keep the one &amp;kept for now</source>
      <translation>Garder celle gardée pour l'&amp;instant</translation>
    </message>
    <message>
      <source>Keep the one that arrived &amp;second</source>
      <translation>Garder celle arrivée en &amp;second</translation>
    </message>
    <message>
      <source>Kept by the server for now:</source>
      <translation>Gardée par le serveur pour l'instant :</translation>
    </message>
    <message>
      <source>New value</source>
      <translation>Nouvelle valeur</translation>
    </message>
    <message>
      <source>No conflicts: every change was merged.</source>
      <translation>Aucun conflit : toutes les modifications ont été fusionnées.</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Conflits ouverts</translation>
    </message>
    <message>
      <source>Or a new value:</source>
      <translation>Ou une nouvelle valeur :</translation>
    </message>
    <message>
      <source>Other laptop</source>
      <translation>L'autre ordinateur</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <source>The other laptop:</source>
      <translation>L'autre ordinateur :</translation>
    </message>
    <message>
      <source>This laptop</source>
      <translation>Cet ordinateur</translation>
    </message>
    <message>
      <source>This laptop:</source>
      <translation>Cet ordinateur :</translation>
    </message>
  </context>
  <context>
    <name>ConsentLabels</name>
    <message>
      <source>Anonymised statistics</source>
      <translation>Statistiques anonymes</translation>
    </message>
    <message>
      <source>Carer's details on the handout</source>
      <translation>Coordonnées de l'aidant sur la fiche</translation>
    </message>
    <message>
      <source>Carer's own agreement (handout)</source>
      <translation>Accord de l'aidant proche lui-même (fiche patient)</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <source>Consent overridden</source>
      <translation>Dérogation au consentement</translation>
    </message>
    <message>
      <source>Consent recorded</source>
      <translation>Consentement enregistré</translation>
    </message>
    <message>
      <source>Consent review due</source>
      <translation>Consentement à revoir</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Créé</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Supprimé</translation>
    </message>
    <message>
      <source>Documents allowed: acts in the agreed care plan</source>
      <translation>Documents autorisés : intervient dans le plan convenu</translation>
    </message>
    <message>
      <source>Documents allowed: the patient consented</source>
      <translation>Documents autorisés : le patient a consenti</translation>
    </message>
    <message>
      <source>Documents allowed: the patient's GP</source>
      <translation>Documents autorisés : médecin traitant du patient</translation>
    </message>
    <message>
      <source>Documents to a provider</source>
      <translation>Documents à un prestataire</translation>
    </message>
    <message>
      <source>Erased</source>
      <translation>Effacé</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>Exporté</translation>
    </message>
    <message>
      <source>Granted</source>
      <translation>Accordé</translation>
    </message>
    <message>
      <source>Information notice given</source>
      <translation>Note d'information remise</translation>
    </message>
    <message>
      <source>No documents without the patient's consent</source>
      <translation>Pas de documents sans le consentement du patient</translation>
    </message>
    <message>
      <source>No documents: the patient objected</source>
      <translation>Pas de documents : le patient s'y est opposé</translation>
    </message>
    <message>
      <source>No information notice</source>
      <translation>Pas de note d'information</translation>
    </message>
    <message>
      <source>Not asked</source>
      <translation>Non demandé</translation>
    </message>
    <message>
      <source>Objected</source>
      <translation>Opposition</translation>
    </message>
    <message>
      <source>Objection lifted</source>
      <translation>Opposition levée</translation>
    </message>
    <message>
      <source>Objection to a provider</source>
      <translation>Opposition à un prestataire</translation>
    </message>
    <message>
      <source>Oral</source>
      <translation>Oral</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>Dérogation</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Imprimé</translation>
    </message>
    <message>
      <source>Pseudonymised extract (statistics)</source>
      <translation>Extrait pseudonymisé (statistiques)</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refusé</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Restauré</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Limité</translation>
    </message>
    <message>
      <source>Restriction lifted</source>
      <translation>Limitation levée</translation>
    </message>
    <message>
      <source>Sharing with the team (server)</source>
      <translation>Partage avec l'équipe (serveur)</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>Statistiques</translation>
    </message>
    <message>
      <source>Viewed</source>
      <translation>Consulté</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>Retiré</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>Écrit</translation>
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
      <translation>Accor&amp;d de l'aidant lui-même…</translation>
    </message>
    <message>
      <source>&amp;Grant…</source>
      <translation>&amp;Accorder…</translation>
    </message>
    <message>
      <source>&amp;Lift the objection</source>
      <translation>Le&amp;ver l'opposition</translation>
    </message>
    <message>
      <source>&amp;Object to a provider…</source>
      <translation>&amp;Opposition à un prestataire…</translation>
    </message>
    <message>
      <source>&amp;Refuse…</source>
      <translation>&amp;Refuser…</translation>
    </message>
    <message>
      <source>&amp;Withdraw</source>
      <translation>Re&amp;tirer</translation>
    </message>
    <message>
      <source>A carer's phone and address on the handout need the carer's own agreement</source>
      <translation>Le téléphone et l'adresse d'un aidant proche sur la fiche patient demandent l'accord de l'aidant lui-même</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Après</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Avant</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Par</translation>
    </message>
    <message>
      <source>Changes to the record</source>
      <translation>Modifications du dossier</translation>
    </message>
    <message>
      <source>Changes to the record (corrections)</source>
      <translation>Modifications du dossier (corrections)</translation>
    </message>
    <message>
      <source>Consent history</source>
      <translation>Historique des consentements</translation>
    </message>
    <message>
      <source>Consent withdrawn.</source>
      <translation>Consentement retiré.</translation>
    </message>
    <message>
      <source>Consents</source>
      <translation>Consentements</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Current consent state</source>
      <translation>État actuel des consentements</translation>
    </message>
    <message>
      <source>Current state</source>
      <translation>État actuel</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Décision</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>Appareil</translation>
    </message>
    <message>
      <source>Erase the record</source>
      <translation>Effacer le dossier</translation>
    </message>
    <message>
      <source>Erase this patient's record? Where the law requires keeping it, it will be restricted instead.</source>
      <translation>Effacer le dossier de ce patient ? Si la loi impose de le conserver, il sera limité à la place.</translation>
    </message>
    <message>
      <source>Erase…</source>
      <translation>Effacer…</translation>
    </message>
    <message>
      <source>Erasing…</source>
      <translation>Effacement en cours…</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Preuve</translation>
    </message>
    <message>
      <source>Export &amp;FHIR…</source>
      <translation>Exporter en &amp;FHIR…</translation>
    </message>
    <message>
      <source>Export FHIR</source>
      <translation>Exporter en FHIR</translation>
    </message>
    <message>
      <source>Export for the &amp;patient (PDF)…</source>
      <translation>Exporter pour le &amp;patient (PDF)…</translation>
    </message>
    <message>
      <source>Export for the patient</source>
      <translation>Exporter pour le patient</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Export en cours…</translation>
    </message>
    <message>
      <source>FHIR JSON (*.json)</source>
      <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <source>GDPR art. 17: erase where the law allows it; otherwise the record is restricted</source>
      <translation>RGPD art. 17 : effacer lorsque la loi le permet ; sinon le dossier est limité</translation>
    </message>
    <message>
      <source>GDPR art. 18: hide the record from search and Today, keep it encrypted, record why</source>
      <translation>RGPD art. 18 : masquer le dossier de la recherche et d'Aujourd'hui, le conserver chiffré, noter pourquoi</translation>
    </message>
    <message>
      <source>Granted before (patient's consents)</source>
      <translation>Accordé avant (consentements du patient)</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <source>Lift the objection</source>
      <translation>Lever l'opposition</translation>
    </message>
    <message>
      <source>Lift the patient's objection? Documents may then go to this provider again.</source>
      <translation>Lever l'opposition du patient ? Des documents pourront à nouveau être envoyés à ce prestataire.</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Not shared with the team: without the patient's consent to team sharing, only the responsible case managers see this record. It is still backed up on the organisation's server.</source>
      <translation>Non partagé avec l'équipe : sans le consentement du patient au partage avec l'équipe, seuls les gestionnaires de cas responsables voient ce dossier. Il reste sauvegardé sur le serveur de l'organisation.</translation>
    </message>
    <message>
      <source>Not shared with the team: without the patient's consent to team sharing, only the responsible case managers see this record. This computer is connected to no server: the record is kept on this computer only.</source>
      <translation>Non partagé avec l'équipe : sans le consentement du patient au partage avec l'équipe, seuls les gestionnaires de cas responsables voient ce dossier. Cet ordinateur n'est relié à aucun serveur : le dossier n'est conservé que sur cet ordinateur.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>Notice d'information</translation>
    </message>
    <message>
      <source>Objection lifted.</source>
      <translation>Opposition levée.</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Finalité</translation>
    </message>
    <message>
      <source>Re&amp;strict…</source>
      <translation>&amp;Limiter…</translation>
    </message>
    <message>
      <source>Reason (kept with the record):</source>
      <translation>Motif (conservé avec le dossier) :</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <source>Recorded by</source>
      <translation>Enregistré par</translation>
    </message>
    <message>
      <source>Restrict processing</source>
      <translation>Limiter le traitement</translation>
    </message>
    <message>
      <source>Restricted</source>
      <translation>Limité</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Révision</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Depuis</translation>
    </message>
    <message>
      <source>The erasure failed ({error}).</source>
      <translation>L'effacement a échoué ({error}).</translation>
    </message>
    <message>
      <source>The export failed ({error}).</source>
      <translation>L'export a échoué ({error}).</translation>
    </message>
    <message>
      <source>The patient's GP and the providers of the agreed care plan receive documents unless the patient objects to them</source>
      <translation>Le médecin traitant et les prestataires du plan convenu reçoivent les documents sauf si le patient s'y oppose</translation>
    </message>
    <message>
      <source>The record is restricted: hidden from search and Today, kept encrypted. An administrator can still export it for the patient.</source>
      <translation>Le dossier est limité : masqué de la recherche et d'Aujourd'hui, conservé chiffré. Un administrateur peut encore l'exporter pour le patient.</translation>
    </message>
    <message>
      <source>View &amp;evidence</source>
      <translation>Voir la pre&amp;uve</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>Who looked at this file</source>
      <translation>Qui a consulté ce dossier</translation>
    </message>
    <message>
      <source>Withdraw the consent</source>
      <translation>Retirer le consentement</translation>
    </message>
    <message>
      <source>Withdraw the consent for “{purpose}”? It takes effect at once.</source>
      <translation>Retirer le consentement pour « {purpose} » ? Le retrait prend effet immédiatement.</translation>
    </message>
    <message>
      <source>Written: {path}</source>
      <translation>Écrit : {path}</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
  </context>
  <context>
    <name>ContactConsentDialog</name>
    <message>
      <source>&amp;Decision</source>
      <translation>&amp;Décision</translation>
    </message>
    <message>
      <source>&amp;Method</source>
      <translation>&amp;Mode</translation>
    </message>
    <message>
      <source>(since {date})</source>
      <translation>(depuis le {date})</translation>
    </message>
    <message>
      <source>Agreement of {name}</source>
      <translation>Accord de {name}</translation>
    </message>
    <message>
      <source>Current state</source>
      <translation>État actuel</translation>
    </message>
    <message>
      <source>D&amp;ate</source>
      <translation>D&amp;ate</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Décision</translation>
    </message>
    <message>
      <source>Documents to {name}</source>
      <translation>Documents à {name}</translation>
    </message>
    <message>
      <source>Granted before in the patient's consents: the handout shows the details until {name} gives their own answer.</source>
      <translation>Accordé avant, dans les consentements du patient : la fiche patient montre les coordonnées jusqu'à ce que {name} donne sa propre réponse.</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>The patient's GP and the providers of the agreed care plan receive documents unless the patient objects; others need the patient's consent.</source>
      <translation>Le médecin traitant et les prestataires du plan convenu reçoivent les documents sauf opposition du patient ; les autres demandent son consentement.</translation>
    </message>
    <message>
      <source>This is the carer's own decision, recorded on their contact (it applies to every patient they help).</source>
      <translation>C'est la décision de l'aidant proche lui-même, enregistrée sur son contact (elle vaut pour chaque patient qu'il aide).</translation>
    </message>
    <message>
      <source>{name} has not been asked: the handout shows their name only, without phone or address.</source>
      <translation>{name} n'a pas été interrogé(e) : la fiche patient montre seulement son nom, sans téléphone ni adresse.</translation>
    </message>
    <message>
      <source>{name}'s own agreement to their phone and address on the handout: {decision} on {date}.</source>
      <translation>Accord de {name} lui-même pour son téléphone et son adresse sur la fiche patient : {decision} le {date}.</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>Edit the contact</source>
      <translation>Modifier le contact</translation>
    </message>
    <message>
      <source>New contact</source>
      <translation>Nouveau contact</translation>
    </message>
  </context>
  <context>
    <name>ContactForm</name>
    <message>
      <source>&amp;Availability:</source>
      <translation>Disponi&amp;bilité :</translation>
    </message>
    <message>
      <source>&amp;Family name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Given name:</source>
      <translation>&amp;Prénom :</translation>
    </message>
    <message>
      <source>&amp;INAMI number:</source>
      <translation>Numéro &amp;INAMI :</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisation :</translation>
    </message>
    <message>
      <source>&amp;Phones:</source>
      <translation>Télép&amp;hones :</translation>
    </message>
    <message>
      <source>&amp;Street:</source>
      <translation>&amp;Rue :</translation>
    </message>
    <message>
      <source>&amp;Town:</source>
      <translation>Lo&amp;calité :</translation>
    </message>
    <message>
      <source>0470 12 34 56, 081 22 33 44</source>
      <translation>0470 12 34 56, 081 22 33 44</translation>
    </message>
    <message>
      <source>E-&amp;mail:</source>
      <translation>E-&amp;mail :</translation>
    </message>
    <message>
      <source>Num&amp;ber:</source>
      <translation>N&amp;uméro :</translation>
    </message>
    <message>
      <source>Postal code:</source>
      <translation>Code postal :</translation>
    </message>
    <message>
      <source>This is an organisation or a service</source>
      <translation>C'est une organisation ou un service</translation>
    </message>
    <message>
      <source>mornings, not on Wednesdays…</source>
      <translation>le matin, pas le mercredi…</translation>
    </message>
  </context>
  <context>
    <name>CreateVaultDialog</name>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
      <source>&amp;Repeat:</source>
      <translation>&amp;Répéter :</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Copier</translation>
    </message>
    <message>
      <source>Create your vault</source>
      <translation>Créer votre coffre</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Phrase secrète</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>Les deux phrases secrètes sont différentes.</translation>
    </message>
    <message>
      <source>Write this recovery key down and keep it in a safe place. It is the only way to open your vault if you forget your passphrase. It will not be shown again.</source>
      <translation>Notez cette clé de récupération et gardez-la en lieu sûr. C'est le seul moyen d'ouvrir votre coffre si vous oubliez votre phrase secrète. Elle ne sera plus affichée.</translation>
    </message>
    <message>
      <source>Your &amp;name:</source>
      <translation>Votre &amp;nom :</translation>
    </message>
    <message>
      <source>Your caseload is kept encrypted on this computer. Choose a passphrase of at least 8 characters that only you know.</source>
      <translation>Vos dossiers sont conservés chiffrés sur cet ordinateur. Choisissez une phrase secrète d'au moins 8 caractères que vous seul connaissez.</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Votre nom</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Votre clé de récupération</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>Calendar (Alt+Down)</source>
      <translation>Calendrier (Alt+Bas)</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>jj/mm/aaaa</translation>
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
      <translation>&amp;Date</translation>
    </message>
    <message>
      <source>&amp;Evidence</source>
      <translation>&amp;Preuve</translation>
    </message>
    <message>
      <source>&amp;Method</source>
      <translation>&amp;Mode</translation>
    </message>
    <message>
      <source>&amp;Purpose</source>
      <translation>&amp;Finalité</translation>
    </message>
    <message>
      <source>Choose a scan or photo…</source>
      <translation>Choisir un scan ou une photo…</translation>
    </message>
    <message>
      <source>Choose the contact this consent is about (link them in the ecomap first).</source>
      <translation>Choisissez le contact concerné par ce consentement (reliez-le d'abord dans l'écocarte).</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Decision → action</source>
      <translation>Décision → action</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Preuve</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>N&amp;ote</source>
      <translation>N&amp;ote</translation>
    </message>
    <message>
      <source>No file</source>
      <translation>Aucun fichier</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Notice &amp;version</source>
      <translation>&amp;Version de la note</translation>
    </message>
    <message>
      <source>Notice version</source>
      <translation>Version de la note</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>Finalité</translation>
    </message>
    <message>
      <source>Record a consent</source>
      <translation>Enregistrer un consentement</translation>
    </message>
    <message>
      <source>Record a refusal</source>
      <translation>Enregistrer un refus</translation>
    </message>
    <message>
      <source>Record an objection</source>
      <translation>Enregistrer une opposition</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>Date de révision</translation>
    </message>
    <message>
      <source>Review on</source>
      <translation>À revoir le</translation>
    </message>
    <message>
      <source>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</source>
      <translation>Scans et photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp)</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>Le gestionnaire de cas</translation>
    </message>
    <message>
      <source>The decision could not be saved ({error}).</source>
      <translation>La décision n'a pas pu être enregistrée ({error}).</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>Le patient</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
  </context>
  <context>
    <name>DirectoryPage</name>
    <message numerus="yes">
      <source>%n combined</source>
      <translation>
        <numerusform>%n combiné</numerusform>
        <numerusform>%n combinés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n tie(s) moved</source>
      <translation>
        <numerusform>%n lien déplacé</numerusform>
        <numerusform>%n liens déplacés</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <source>&amp;Merge the selected pair…</source>
      <translation>&amp;Fusionner la paire choisie…</translation>
    </message>
    <message>
      <source>&amp;New contact…</source>
      <translation>&amp;Nouveau contact…</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Contacts of the directory</source>
      <translation>Contacts du répertoire</translation>
    </message>
    <message>
      <source>De&amp;lete…</source>
      <translation>&amp;Supprimer…</translation>
    </message>
    <message>
      <source>Delete a contact</source>
      <translation>Supprimer un contact</translation>
    </message>
    <message>
      <source>Delete {name} from the directory?</source>
      <translation>Supprimer {name} du répertoire ?</translation>
    </message>
    <message>
      <source>Directory</source>
      <translation>Répertoire</translation>
    </message>
    <message>
      <source>Find &amp;duplicates</source>
      <translation>Chercher les &amp;doublons</translation>
    </message>
    <message>
      <source>INAMI number</source>
      <translation>Numéro INAMI</translation>
    </message>
    <message>
      <source>Keep "{keep}" and fold "{other}" into it? Every tie of both stays, on the contact kept.</source>
      <translation>Garder « {keep} » et y fusionner « {other} » ? Tous les liens des deux sont conservés, sur le contact gardé.</translation>
    </message>
    <message>
      <source>Keep "{name}"</source>
      <translation>Garder « {name} »</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Likely duplicates</source>
      <translation>Doublons probables</translation>
    </message>
    <message>
      <source>Likely duplicates: {count}</source>
      <translation>Doublons probables : {count}</translation>
    </message>
    <message>
      <source>Merge two contacts</source>
      <translation>Fusionner deux contacts</translation>
    </message>
    <message>
      <source>Merged: {moved}, {combined}.</source>
      <translation>Fusion faite : {moved}, {combined}.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>No contact of the directory matches “{text}”.</source>
      <translation>Aucun contact du répertoire ne correspond à « {text} ».</translation>
    </message>
    <message>
      <source>No likely duplicate found.</source>
      <translation>Aucun doublon probable.</translation>
    </message>
    <message>
      <source>Only a contact no patient is linked to</source>
      <translation>Seulement un contact lié à aucun patient</translation>
    </message>
    <message>
      <source>Patients</source>
      <translation>Patients</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Possible duplicate</source>
      <translation>Doublon possible</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Search by name, town, phone or INAMI number (Ctrl+F)</source>
      <translation>Chercher par nom, localité, téléphone ou numéro INAMI (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the directory</source>
      <translation>Chercher dans le répertoire</translation>
    </message>
    <message>
      <source>The directory holds the doctors, services and organisations shared by every patient; a patient's family and friends are on their ecomap. Add one with New contact…</source>
      <translation>Le répertoire réunit les médecins, services et organisations communs à tous les patients ; la famille et les proches d'un patient sont sur son écocarte. Ajoutez-en un avec « Nouveau contact… ».</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Localité</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Pourquoi</translation>
    </message>
  </context>
  <context>
    <name>DischargeDialog</name>
    <message>
      <source>&amp;Discharged on:</source>
      <translation>&amp;Sorti·e le :</translation>
    </message>
    <message>
      <source>Discharge date</source>
      <translation>Date de sortie</translation>
    </message>
    <message>
      <source>Discharge from hospital</source>
      <translation>Sortie de l'hôpital</translation>
    </message>
  </context>
  <context>
    <name>DossierHeader</name>
    <message numerus="yes">
      <source>%n event(s) in 90 days</source>
      <translation>
        <numerusform>%n événement en 90 jours</numerusform>
        <numerusform>%n événements en 90 jours</numerusform>
      </translation>
    </message>
    <message>
      <source>Also registered as: {names}. The same person, entered on two laptops? Agree with your team on the record to keep.</source>
      <translation>Aussi enregistré comme : {names}. La même personne, encodée sur deux ordinateurs ? Convenez avec votre équipe du dossier à garder.</translation>
    </message>
    <message>
      <source>GP: {name}</source>
      <translation>Médecin traitant : {name}</translation>
    </message>
    <message>
      <source>NISS {niss}</source>
      <translation>NISS {niss}</translation>
    </message>
    <message>
      <source>No GP recorded</source>
      <translation>Pas de médecin traitant encodé</translation>
    </message>
    <message>
      <source>No address</source>
      <translation>Pas d'adresse</translation>
    </message>
    <message>
      <source>No phone</source>
      <translation>Pas de téléphone</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>box</source>
      <translation>boîte</translation>
    </message>
    <message>
      <source>{age} years ({born})</source>
      <translation>{age} ans ({born})</translation>
    </message>
  </context>
  <context>
    <name>DossierWindow</name>
    <message>
      <source>{age} years</source>
      <translation>{age} ans</translation>
    </message>
  </context>
  <context>
    <name>DraftGuard</name>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Supprimer le brouillon</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Restaurer</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <source>An unsaved draft was kept ({what}, {when}). Restore it?</source>
      <translation>Un brouillon non enregistré a été conservé ({what}, {when}). Le restaurer ?</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Do&amp;n't save</source>
      <translation>&amp;Ne pas enregistrer</translation>
    </message>
    <message>
      <source>Unsaved draft</source>
      <translation>Brouillon non enregistré</translation>
    </message>
    <message>
      <source>Unsaved text</source>
      <translation>Texte non enregistré</translation>
    </message>
    <message>
      <source>You typed text that is not saved yet. Save it?</source>
      <translation>Vous avez tapé un texte qui n'est pas encore enregistré. L'enregistrer ?</translation>
    </message>
    <message>
      <source>a consent note</source>
      <translation>une note de consentement</translation>
    </message>
    <message>
      <source>a contact of the directory</source>
      <translation>un contact du répertoire</translation>
    </message>
    <message>
      <source>a goal of the plan</source>
      <translation>un objectif du plan</translation>
    </message>
    <message>
      <source>a handover note</source>
      <translation>une note de passation</translation>
    </message>
    <message>
      <source>a hospital stay</source>
      <translation>un séjour à l'hôpital</translation>
    </message>
    <message>
      <source>a journal note</source>
      <translation>une note du journal</translation>
    </message>
    <message>
      <source>a letter to the GP</source>
      <translation>une lettre au médecin traitant</translation>
    </message>
    <message>
      <source>a line of the medication list</source>
      <translation>une ligne de la liste des médicaments</translation>
    </message>
    <message>
      <source>a new case</source>
      <translation>un nouveau dossier</translation>
    </message>
    <message>
      <source>a new patient</source>
      <translation>un nouveau patient</translation>
    </message>
    <message>
      <source>a note for a transfer</source>
      <translation>une note de transfert</translation>
    </message>
    <message>
      <source>a note on a tie of the ecomap</source>
      <translation>une note sur un lien de l'écocarte</translation>
    </message>
    <message>
      <source>a planned visit</source>
      <translation>une visite planifiée</translation>
    </message>
    <message>
      <source>a procedure</source>
      <translation>une démarche</translation>
    </message>
    <message>
      <source>a question for a medication review</source>
      <translation>une question pour une révision des médicaments</translation>
    </message>
    <message>
      <source>a visit's addendum or cancellation</source>
      <translation>ajout ou annulation d'une visite</translation>
    </message>
    <message>
      <source>an action from a meeting's decision</source>
      <translation>une action tirée d'une décision de concertation</translation>
    </message>
    <message>
      <source>an action of the plan</source>
      <translation>une action du plan</translation>
    </message>
    <message>
      <source>changes to the patient's identity</source>
      <translation>des modifications de l'identité du patient</translation>
    </message>
    <message>
      <source>closing of the case</source>
      <translation>clôture du dossier</translation>
    </message>
    <message>
      <source>correction of a journal note</source>
      <translation>correction d'une note du journal</translation>
    </message>
    <message>
      <source>minutes of a concertation meeting</source>
      <translation>compte rendu d'une concertation</translation>
    </message>
    <message>
      <source>notes of a visit</source>
      <translation>notes d'une visite</translation>
    </message>
    <message>
      <source>the agreement of the plan</source>
      <translation>l'accord sur le plan</translation>
    </message>
    <message>
      <source>the intake of the request</source>
      <translation>l'accueil de la demande</translation>
    </message>
    <message>
      <source>the plan's answers in the patient's words</source>
      <translation>les réponses du plan dans les mots du patient</translation>
    </message>
  </context>
  <context>
    <name>EcosystemLabels</name>
    <message>
      <source>Added</source>
      <translation>Ajouté</translation>
    </message>
    <message>
      <source>Another case manager</source>
      <translation>Autre gestionnaire de cas</translation>
    </message>
    <message>
      <source>Both ways</source>
      <translation>Dans les deux sens</translation>
    </message>
    <message>
      <source>CPAS</source>
      <translation>CPAS</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>Entourage et communauté</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Famille</translation>
    </message>
    <message>
      <source>Family and informal</source>
      <translation>Famille et proches</translation>
    </message>
    <message>
      <source>Friend</source>
      <translation>Ami(e)</translation>
    </message>
    <message>
      <source>From the patient</source>
      <translation>Du patient</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>Médecin traitant</translation>
    </message>
    <message>
      <source>General practitioner</source>
      <translation>Médecin généraliste</translation>
    </message>
    <message>
      <source>Health care</source>
      <translation>Soins de santé</translation>
    </message>
    <message>
      <source>Health insurance fund</source>
      <translation>Mutualité</translation>
    </message>
    <message>
      <source>Health insurance fund social worker</source>
      <translation>Service social de la mutualité</translation>
    </message>
    <message>
      <source>Home help</source>
      <translation>Aide familiale</translation>
    </message>
    <message>
      <source>Home nurse</source>
      <translation>Infirmier(ère) à domicile</translation>
    </message>
    <message>
      <source>Home-care coordination centre</source>
      <translation>Centre de coordination de soins à domicile</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Hôpital</translation>
    </message>
    <message>
      <source>Hospital social worker</source>
      <translation>Service social de l'hôpital</translation>
    </message>
    <message>
      <source>Informal carer</source>
      <translation>Aidant proche</translation>
    </message>
    <message>
      <source>Meals on wheels</source>
      <translation>Repas à domicile</translation>
    </message>
    <message>
      <source>Mental-health service</source>
      <translation>Service de santé mentale</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>Moyen</translation>
    </message>
    <message>
      <source>Neighbour</source>
      <translation>Voisin(e)</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>Neutre</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Aucun</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <source>Patient association</source>
      <translation>Association de patients</translation>
    </message>
    <message>
      <source>Pharmacist</source>
      <translation>Pharmacien(ne)</translation>
    </message>
    <message>
      <source>Physiotherapist</source>
      <translation>Kinésithérapeute</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Personne de référence</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Retiré</translation>
    </message>
    <message>
      <source>Social services</source>
      <translation>Services sociaux</translation>
    </message>
    <message>
      <source>Social worker</source>
      <translation>Assistant(e) social(e)</translation>
    </message>
    <message>
      <source>Specialist</source>
      <translation>Médecin spécialiste</translation>
    </message>
    <message>
      <source>Stressful</source>
      <translation>Source de stress</translation>
    </message>
    <message>
      <source>Strong</source>
      <translation>Fort</translation>
    </message>
    <message>
      <source>Supportive</source>
      <translation>Soutenant</translation>
    </message>
    <message>
      <source>Tenuous</source>
      <translation>Ténu</translation>
    </message>
    <message>
      <source>Towards the patient</source>
      <translation>Vers le patient</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Inchangé</translation>
    </message>
    <message>
      <source>close names</source>
      <translation>noms proches</translation>
    </message>
    <message>
      <source>same INAMI number</source>
      <translation>même numéro INAMI</translation>
    </message>
    <message>
      <source>same phone</source>
      <translation>même téléphone</translation>
    </message>
  </context>
  <context>
    <name>EcosystemTab</name>
    <message>
      <source>Compare dates</source>
      <translation>Comparer des dates</translation>
    </message>
    <message>
      <source>Ecosystem</source>
      <translation>Écosystème</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Écocarte</translation>
    </message>
    <message>
      <source>Who does what</source>
      <translation>Qui fait quoi</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>Connect to a server</source>
      <translation>Se connecter à un serveur</translation>
    </message>
    <message>
      <source>This computer is enrolled. The first sync starts now.</source>
      <translation>Cet ordinateur est inscrit. La première synchronisation démarre maintenant.</translation>
    </message>
    <message>
      <source>Your administrator gives you the server address, your user name and the server's fingerprint. Once connected, this computer keeps a copy of your caseload on the server and shares it with your team.</source>
      <translation>Votre administrateur vous donne l'adresse du serveur, votre nom d'utilisateur et l'empreinte du serveur. Une fois connecté, cet ordinateur garde une copie de vos dossiers sur le serveur et les partage avec votre équipe.</translation>
    </message>
  </context>
  <context>
    <name>EnrolForm</name>
    <message>
      <source>&amp;User name:</source>
      <translation>Nom d'&amp;utilisateur :</translation>
    </message>
    <message>
      <source>(no certificate)</source>
      <translation>(pas de certificat)</translation>
    </message>
    <message>
      <source>C&amp;heck the server</source>
      <translation>&amp;Vérifier le serveur</translation>
    </message>
    <message>
      <source>Compare this fingerprint with the one your administrator gave you, character by character:</source>
      <translation>Comparez cette empreinte, caractère par caractère, avec celle que votre administrateur vous a donnée :</translation>
    </message>
    <message>
      <source>Contacting the server…</source>
      <translation>Connexion au serveur…</translation>
    </message>
    <message>
      <source>Do not enrol: this may not be your organisation's server. Tell your administrator.</source>
      <translation>N'inscrivez pas cet ordinateur : ce n'est peut-être pas le serveur de votre organisation. Prévenez votre administrateur.</translation>
    </message>
    <message>
      <source>Enrolling this computer…</source>
      <translation>Inscription de cet ordinateur…</translation>
    </message>
    <message>
      <source>It &amp;matches: enrol</source>
      <translation>Elle &amp;correspond : inscrire</translation>
    </message>
    <message>
      <source>It does &amp;not match</source>
      <translation>Elle ne correspond &amp;pas</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>Server &amp;address:</source>
      <translation>&amp;Adresse du serveur :</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Adresse du serveur</translation>
    </message>
    <message>
      <source>Server fingerprint</source>
      <translation>Empreinte du serveur</translation>
    </message>
    <message>
      <source>Server password</source>
      <translation>Mot de passe du serveur</translation>
    </message>
    <message>
      <source>The server could not be reached (%1).</source>
      <translation>Le serveur est injoignable (%1).</translation>
    </message>
    <message>
      <source>This server does not use encryption (http). Use it only for a test on this computer.</source>
      <translation>Ce serveur n'utilise pas de chiffrement (http). Ne l'utilisez que pour un test sur cet ordinateur.</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nom d'utilisateur</translation>
    </message>
  </context>
  <context>
    <name>EnrolPage</name>
    <message>
      <source>&amp;Connect this computer to a server now</source>
      <translation>&amp;Connecter cet ordinateur à un serveur maintenant</translation>
    </message>
    <message>
      <source>Connect to your organisation (optional)</source>
      <translation>Se connecter à votre organisation (facultatif)</translation>
    </message>
    <message>
      <source>Share your caseload with your team and keep a copy on the server. You can also do this later.</source>
      <translation>Partagez vos dossiers avec votre équipe et gardez-en une copie sur le serveur. Vous pouvez aussi le faire plus tard.</translation>
    </message>
    <message>
      <source>This computer is enrolled. The first sync starts after the assistant closes.</source>
      <translation>Cet ordinateur est inscrit. La première synchronisation démarre à la fermeture de l'assistant.</translation>
    </message>
    <message>
      <source>Your administrator gives you the server address, your user name and the server's fingerprint. Without a server, Relais works on this computer only.</source>
      <translation>Votre administrateur vous donne l'adresse du serveur, votre nom d'utilisateur et l'empreinte du serveur. Sans serveur, Relais fonctionne sur cet ordinateur uniquement.</translation>
    </message>
  </context>
  <context>
    <name>EvidenceDialog</name>
    <message>
      <source>Consent evidence</source>
      <translation>Preuve du consentement</translation>
    </message>
    <message>
      <source>Evidence page</source>
      <translation>Page de la preuve</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>Enregistrer une copie</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>Enregistrer une copie…</translation>
    </message>
    <message>
      <source>This PDF cannot be shown here; save a copy to open it.</source>
      <translation>Ce PDF ne peut pas être affiché ici ; enregistrez-en une copie pour l'ouvrir.</translation>
    </message>
  </context>
  <context>
    <name>FieldHistory</name>
    <message>
      <source>(another record)</source>
      <translation>(autre donnée)</translation>
    </message>
    <message>
      <source>Answers</source>
      <translation>Réponses</translation>
    </message>
    <message>
      <source>Assessed by</source>
      <translation>Évaluée par</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>Terminée le</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Donnée</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>another laptop</source>
      <translation>un autre portable</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>terminée</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>brouillon</translation>
    </message>
    <message>
      <source>this laptop</source>
      <translation>ce portable</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>inconnu</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>&amp;Continue</source>
      <translation>&amp;Continuer</translation>
    </message>
    <message>
      <source>&amp;Create the vault</source>
      <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Terminer</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Retour</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>First start</source>
      <translation>Premier démarrage</translation>
    </message>
    <message>
      <source>Opening your vault…</source>
      <translation>Ouverture de votre coffre…</translation>
    </message>
    <message>
      <source>Relais</source>
      <translation>Relais</translation>
    </message>
    <message>
      <source>The vault could not be put in place: %1
Nothing was kept; start again.</source>
      <translation>Le coffre n'a pas pu être mis en place : %1
Rien n'a été conservé ; recommencez.</translation>
    </message>
  </context>
  <context>
    <name>GoalDialog</name>
    <message>
      <source>Achieved</source>
      <translation>Atteint</translation>
    </message>
    <message>
      <source>Given up</source>
      <translation>Abandonné</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Goal in the patient's words</source>
      <translation>Objectif dans les mots du patient</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>En cours</translation>
    </message>
    <message>
      <source>In the patient's words</source>
      <translation>Dans les mots du patient</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Target date</source>
      <translation>Échéance</translation>
    </message>
  </context>
  <context>
    <name>GoalReviewDialog</name>
    <message>
      <source>Compared with what was expected when the plan was agreed, the goal was reached:</source>
      <translation>Par rapport à ce qui était prévu quand le plan a été convenu, l'objectif est atteint :</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Level reached</source>
      <translation>Niveau atteint</translation>
    </message>
    <message>
      <source>Review of the goal</source>
      <translation>Révision de l'objectif</translation>
    </message>
    <message>
      <source>Review on</source>
      <translation>Révision le</translation>
    </message>
    <message>
      <source>as expected</source>
      <translation>comme prévu</translation>
    </message>
    <message>
      <source>less than expected</source>
      <translation>moins que prévu</translation>
    </message>
    <message>
      <source>more than expected</source>
      <translation>plus que prévu</translation>
    </message>
    <message>
      <source>much less than expected</source>
      <translation>bien moins que prévu</translation>
    </message>
    <message>
      <source>much more than expected</source>
      <translation>bien plus que prévu</translation>
    </message>
  </context>
  <context>
    <name>GpLetterDialog</name>
    <message>
      <source>Letter to the GP</source>
      <translation>Courrier au médecin traitant</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>Situation</translation>
    </message>
  </context>
  <context>
    <name>HandoverBanner</name>
    <message>
      <source>Case handed over to you by {name} on {date}</source>
      <translation>Dossier qui vous a été confié par {name} le {date}</translation>
    </message>
    <message>
      <source>Handover note to read</source>
      <translation>Note de passation à lire</translation>
    </message>
    <message>
      <source>I have &amp;read it</source>
      <translation>J'ai &amp;lu</translation>
    </message>
    <message>
      <source>The note leaves your Today and this dossier; it stays in the case's history</source>
      <translation>La note quitte votre journée et ce dossier ; elle reste dans l'historique du dossier</translation>
    </message>
  </context>
  <context>
    <name>HandoverDialog</name>
    <message>
      <source>&amp;Connect to a server…</source>
      <translation>Se &amp;connecter à un serveur…</translation>
    </message>
    <message>
      <source>&amp;Responsible case manager:</source>
      <translation>Gestionnaire &amp;responsable :</translation>
    </message>
    <message>
      <source>Hand the case over</source>
      <translation>Passer le relais</translation>
    </message>
    <message>
      <source>Handover &amp;note (read first):</source>
      <translation>&amp;Note de passation (lue en premier) :</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>Note de passation</translation>
    </message>
    <message>
      <source>In &amp;pair with (optional):</source>
      <translation>En &amp;binôme avec (facultatif) :</translation>
    </message>
    <message>
      <source>Planned visits, reviews, discharge calls and procedures of this case move to the new case manager's Today.</source>
      <translation>Les visites prévues, révisions, appels après une sortie d'hôpital et démarches de ce dossier passent dans la journée du nouveau gestionnaire de cas.</translation>
    </message>
    <message>
      <source>Responsible case manager</source>
      <translation>Gestionnaire de cas responsable</translation>
    </message>
    <message>
      <source>Second case manager, working as a pair</source>
      <translation>Second gestionnaire de cas, en binôme</translation>
    </message>
    <message>
      <source>The server has not listed the team's users yet: synchronise, then try again.</source>
      <translation>Le serveur n'a pas encore donné la liste des utilisateurs de l'équipe : synchronisez, puis réessayez.</translation>
    </message>
    <message>
      <source>This laptop is not connected to the organisation's server: the team's users are not known here. Connect it to hand the case over.</source>
      <translation>Cet ordinateur n'est pas relié au serveur de l'organisation : les utilisateurs de l'équipe n'y sont pas connus. Reliez-le pour passer le relais.</translation>
    </message>
    <message>
      <source>What the new case manager should know first: the situation, what is under way, the people to call, what the patient was told.</source>
      <translation>Ce que le nouveau gestionnaire de cas doit savoir d'abord : la situation, ce qui est en cours, les personnes à appeler, ce qui a été dit au patient.</translation>
    </message>
    <message>
      <source>When the patient has not agreed to team sharing, only the responsible case managers see the record.</source>
      <translation>Quand le patient n'a pas accepté le partage avec l'équipe, seuls les gestionnaires de cas responsables voient le dossier.</translation>
    </message>
    <message>
      <source>— nobody —</source>
      <translation>— personne —</translation>
    </message>
  </context>
  <context>
    <name>IdentityTab</name>
    <message>
      <source>&amp;Keep them</source>
      <translation>&amp;Les garder</translation>
    </message>
    <message>
      <source>&amp;Undo them</source>
      <translation>&amp;Les annuler</translation>
    </message>
    <message>
      <source>Also changed elsewhere meanwhile: {fields}. Your changes are shown: Save to keep them, Undo changes to see the stored ones.</source>
      <translation>Modifié ailleurs entre-temps aussi : {fields}. Vos modifications sont affichées : Enregistrer pour les garder, Annuler les modifications pour voir celles enregistrées.</translation>
    </message>
    <message>
      <source>Changes not saved last time are back: Save to keep them, Undo changes to drop them.</source>
      <translation>Les modifications non enregistrées la dernière fois sont revenues : Enregistrer pour les garder, Annuler les modifications pour les abandonner.</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Identité</translation>
    </message>
    <message>
      <source>Not saved: correct the fields in red.</source>
      <translation>Pas enregistré : corrigez les champs en rouge.</translation>
    </message>
    <message>
      <source>Nothing changed.</source>
      <translation>Rien n'a changé.</translation>
    </message>
    <message>
      <source>Sa&amp;ve (Ctrl+S)</source>
      <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <source>Undo changes</source>
      <translation>Annuler les modifications</translation>
    </message>
    <message>
      <source>Undo your changes? What you typed in {fields} will be lost.</source>
      <translation>Annuler vos modifications ? Ce que vous avez tapé dans {fields} sera perdu.</translation>
    </message>
    <message>
      <source>Your changes are not saved yet.</source>
      <translation>Vos modifications ne sont pas encore enregistrées.</translation>
    </message>
  </context>
  <context>
    <name>IndicatorsPage</name>
    <message>
      <source>&amp;From</source>
      <translation>&amp;Du</translation>
    </message>
    <message>
      <source>&amp;Show</source>
      <translation>Affic&amp;her</translation>
    </message>
    <message>
      <source>&amp;To</source>
      <translation>&amp;Au</translation>
    </message>
    <message>
      <source>Charts</source>
      <translation>Graphiques</translation>
    </message>
    <message>
      <source>Computing the indicators…</source>
      <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Indicateurs</translation>
    </message>
    <message>
      <source>Indicators of my caseload</source>
      <translation>Indicateurs de mon portefeuille</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
      <source>Save the indicators</source>
      <translation>Enregistrer les indicateurs</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Enregistré : {path}</translation>
    </message>
    <message>
      <source>Saving the PDF…</source>
      <translation>Enregistrement du PDF…</translation>
    </message>
    <message>
      <source>The file could not be written.</source>
      <translation>Le fichier n'a pas pu être enregistré.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
  </context>
  <context>
    <name>InstrumentForm</name>
    <message>
      <source>Item {n} (licensed text not imported)</source>
      <translation>Question {n} (texte sous licence non importé)</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Non</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Oui</translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message>
      <source>&amp;Date (waiting: since):</source>
      <translation>&amp;Date (attente : depuis) :</translation>
    </message>
    <message>
      <source>&amp;Outcome:</source>
      <translation>&amp;Issue :</translation>
    </message>
    <message>
      <source>&amp;Why:</source>
      <translation>&amp;Pourquoi :</translation>
    </message>
    <message numerus="yes">
      <source>(%n day(s) after the request)</source>
      <translation>
        <numerusform>(%n jour après la demande)</numerusform>
        <numerusform>(%n jours après la demande)</numerusform>
      </translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>First &amp;contact (if not a visit):</source>
      <translation>Premier &amp;contact (s'il n'est pas une visite) :</translation>
    </message>
    <message>
      <source>First &amp;home visit (if not recorded):</source>
      <translation>Première visite à do&amp;micile (si non notée) :</translation>
    </message>
    <message>
      <source>First contact</source>
      <translation>Premier contact</translation>
    </message>
    <message>
      <source>First contact on {date}</source>
      <translation>Premier contact le {date}</translation>
    </message>
    <message>
      <source>First home visit</source>
      <translation>Première visite à domicile</translation>
    </message>
    <message>
      <source>First home visit on {date}</source>
      <translation>Première visite à domicile le {date}</translation>
    </message>
    <message>
      <source>Intake of the request</source>
      <translation>Accueil de la demande</translation>
    </message>
    <message>
      <source>No first contact yet.</source>
      <translation>Pas encore de premier contact.</translation>
    </message>
    <message>
      <source>No home visit yet.</source>
      <translation>Pas encore de visite à domicile.</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Issue</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Redirected &amp;to:</source>
      <translation>Réorientée &amp;vers :</translation>
    </message>
    <message>
      <source>Service redirected to</source>
      <translation>Service vers lequel réorienter</translation>
    </message>
    <message>
      <source>— a service of the directory —</source>
      <translation>— un service du répertoire —</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
  </context>
  <context>
    <name>JournalTab</name>
    <message>
      <source>&amp;Add the note</source>
      <translation>&amp;Ajouter la note</translation>
    </message>
    <message>
      <source>&amp;Corrected text:</source>
      <translation>Texte &amp;corrigé :</translation>
    </message>
    <message>
      <source>(corrected below… see the newer note)</source>
      <translation>(corrigée… voir la note plus récente)</translation>
    </message>
    <message>
      <source>(correction)</source>
      <translation>(correction)</translation>
    </message>
    <message>
      <source>C&amp;orrect the selected note…</source>
      <translation>C&amp;orriger la note choisie…</translation>
    </message>
    <message>
      <source>Correct a note</source>
      <translation>Corriger une note</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>Journal</translation>
    </message>
    <message>
      <source>Journal notes</source>
      <translation>Notes du journal</translation>
    </message>
    <message>
      <source>New note</source>
      <translation>Nouvelle note</translation>
    </message>
    <message>
      <source>New note (Ctrl+Shift+N), saved with Ctrl+S</source>
      <translation>Nouvelle note (Ctrl+Maj+N), enregistrée avec Ctrl+S</translation>
    </message>
    <message>
      <source>Text restored from the automatic save.</source>
      <translation>Texte restauré depuis la sauvegarde automatique.</translation>
    </message>
  </context>
  <context>
    <name>LanguagePage</name>
    <message>
      <source>Choose the language of the interface. You can change it later in the settings.</source>
      <translation>Choisissez la langue de l'interface. Vous pourrez la changer plus tard dans les réglages.</translation>
    </message>
    <message>
      <source>Language: %1</source>
      <translation>Langue : %1</translation>
    </message>
    <message>
      <source>Relais keeps your caseload on this computer, encrypted, and works without a network. This assistant prepares it in a few steps.</source>
      <translation>Relais conserve vos dossiers sur cet ordinateur, chiffrés, et fonctionne sans réseau. Cet assistant le prépare en quelques étapes.</translation>
    </message>
    <message>
      <source>Welcome to Relais</source>
      <translation>Bienvenue dans Relais</translation>
    </message>
  </context>
  <context>
    <name>LegendWidget</name>
    <message>
      <source>Legend of the ecomap</source>
      <translation>Légende de l'écocarte</translation>
    </message>
    <message>
      <source>carer's assessment (burden; ! review due)</source>
      <translation>évaluation de l'aidant proche (charge ; ! révision due)</translation>
    </message>
    <message>
      <source>flow of help</source>
      <translation>sens de l'aide</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Lock</source>
      <translation>&amp;Verrouiller</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Relais</source>
      <translation>&amp;Relais</translation>
    </message>
    <message>
      <source>&amp;Unlock…</source>
      <translation>&amp;Déverrouiller…</translation>
    </message>
    <message>
      <source>Navigation</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <source>Relais is locked. Your data is hidden.</source>
      <translation>Relais est verrouillé. Vos données sont masquées.</translation>
    </message>
  </context>
  <context>
    <name>MapPage</name>
    <message numerus="yes">
      <source>%n tie(s). Tab goes from one person to the next; arrows move them; Enter edits the tie.</source>
      <translation>
        <numerusform>%n lien. Tab passe d'une personne à l'autre ; les flèches la déplacent ; Entrée modifie le lien.</numerusform>
        <numerusform>%n liens. Tab passe d'une personne à l'autre ; les flèches la déplacent ; Entrée modifie le lien.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Add a person or service…</source>
      <translation>&amp;Ajouter une personne ou un service…</translation>
    </message>
    <message>
      <source>&amp;Edit the tie…</source>
      <translation>&amp;Modifier le lien…</translation>
    </message>
    <message>
      <source>&amp;Remove from the map</source>
      <translation>&amp;Retirer de l'écocarte</translation>
    </message>
    <message>
      <source>&amp;Save today's map</source>
      <translation>&amp;Enregistrer l'écocarte du jour</translation>
    </message>
    <message>
      <source>Automatic layout</source>
      <translation>Disposition automatique</translation>
    </message>
    <message>
      <source>Carer's assess&amp;ment…</source>
      <translation>É&amp;valuation de l'aidant…</translation>
    </message>
    <message>
      <source>Co&amp;nsent…</source>
      <translation>Co&amp;nsentement…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;xporter…</translation>
    </message>
    <message>
      <source>Ecomap</source>
      <translation>Écocarte</translation>
    </message>
    <message>
      <source>Ecomap written to {path}</source>
      <translation>Écocarte enregistrée dans {path}</translation>
    </message>
    <message>
      <source>Edit the &amp;contact…</source>
      <translation>Modifier le &amp;contact…</translation>
    </message>
    <message>
      <source>Export the ecomap</source>
      <translation>Exporter l'écocarte</translation>
    </message>
    <message>
      <source>Exporting the ecomap…</source>
      <translation>Export de l'écocarte…</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Tout voir</translation>
    </message>
    <message>
      <source>More actions</source>
      <translation>Plus d'actions</translation>
    </message>
    <message>
      <source>Nobody is on the map yet: add the people and services around the patient (Ctrl+Shift+A).</source>
      <translation>Personne n'est encore sur l'écocarte : ajoutez les personnes et services autour du patient (Ctrl+Maj+A).</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>PDF (*.pdf);;Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
      <source>People on the map</source>
      <translation>Personnes sur la carte</translation>
    </message>
    <message>
      <source>People on the map: {count}</source>
      <translation>Personnes sur la carte : {count}</translation>
    </message>
    <message>
      <source>Remove from the map</source>
      <translation>Retirer de l'écocarte</translation>
    </message>
    <message>
      <source>Remove {name} from this patient's map?</source>
      <translation>Retirer {name} de l'écocarte de ce patient ?</translation>
    </message>
    <message>
      <source>Select a person on the map first (a click, or Tab).</source>
      <translation>Choisissez d'abord une personne sur l'écocarte (un clic, ou Tab).</translation>
    </message>
    <message>
      <source>Select the informal carer on the map first (Tab).</source>
      <translation>Sélectionnez d'abord l'aidant proche sur la carte (Tab).</translation>
    </message>
    <message>
      <source>Today's map is saved; compare it later in "Compare dates".</source>
      <translation>L'écocarte du jour est enregistrée ; comparez-la plus tard dans « Comparer des dates ».</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Agrandir</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Réduire</translation>
    </message>
    <message>
      <source>{name} is not marked as an informal carer: edit the tie (F2) and tick “Informal carer” first.</source>
      <translation>{name} n'est pas indiqué comme aidant proche : modifiez le lien (F2) et cochez « Aidant proche » d'abord.</translation>
    </message>
  </context>
  <context>
    <name>MedicationDialog</name>
    <message>
      <source>&amp;Medicine:</source>
      <translation>&amp;Médicament :</translation>
    </message>
    <message>
      <source>&amp;Prescriber:</source>
      <translation>&amp;Prescripteur :</translation>
    </message>
    <message>
      <source>&amp;Review requested of:</source>
      <translation>&amp;Révision demandée à :</translation>
    </message>
    <message>
      <source>&amp;When:</source>
      <translation>&amp;Quand :</translation>
    </message>
    <message>
      <source>Chec&amp;ked on:</source>
      <translation>&amp;Vérifié le :</translation>
    </message>
    <message>
      <source>D&amp;ose:</source>
      <translation>D&amp;ose :</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <source>So&amp;urce:</source>
      <translation>So&amp;urce :</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
  </context>
  <context>
    <name>NewCaseDialog</name>
    <message>
      <source>&amp;Clarified request:</source>
      <translation>Demande &amp;clarifiée :</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Opened on:</source>
      <translation>&amp;Ouvert le :</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <source>&amp;Request:</source>
      <translation>De&amp;mande :</translation>
    </message>
    <message>
      <source>&amp;Tier:</source>
      <translation>N&amp;iveau :</translation>
    </message>
    <message>
      <source>Clarified request</source>
      <translation>Demande clarifiée</translation>
    </message>
    <message>
      <source>New case</source>
      <translation>Nouveau dossier</translation>
    </message>
    <message>
      <source>Re&amp;quested by:</source>
      <translation>Demandé &amp;par :</translation>
    </message>
    <message>
      <source>Request &amp;date:</source>
      <translation>&amp;Date de la demande :</translation>
    </message>
    <message>
      <source>Request in their own words</source>
      <translation>Demande avec ses propres mots</translation>
    </message>
    <message>
      <source>Requester</source>
      <translation>Demandeur</translation>
    </message>
    <message>
      <source>Requester's name</source>
      <translation>Nom du demandeur</translation>
    </message>
    <message>
      <source>Requester's phone</source>
      <translation>Téléphone du demandeur</translation>
    </message>
    <message>
      <source>What they said, in their own words</source>
      <translation>Ce qui a été dit, avec ses propres mots</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
    <message>
      <source>— not yet —</source>
      <translation>— pas encore —</translation>
    </message>
  </context>
  <context>
    <name>NewPatientDialog</name>
    <message>
      <source>New patient</source>
      <translation>Nouveau patient</translation>
    </message>
  </context>
  <context>
    <name>OverviewTab</name>
    <message>
      <source>Case {status} since {date} (opened on {opened}) — requested by {who}: “{why}”</source>
      <translation>Dossier {status} depuis le {date} (ouvert le {opened}) — demandé par {who} : « {why} »</translation>
    </message>
    <message>
      <source>Case {status} since {date} — requested by {who}: “{why}”</source>
      <translation>Dossier {status} depuis le {date} — demandé par {who} : « {why} »</translation>
    </message>
    <message>
      <source>Case: {status}</source>
      <translation>Dossier : {status}</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Détail</translation>
    </message>
    <message>
      <source>Next: {kind} on {date}</source>
      <translation>Prochain : {kind} le {date}</translation>
    </message>
    <message>
      <source>No open case.</source>
      <translation>Pas de dossier ouvert.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Note (correction)</source>
      <translation>Note (correction)</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Vue d'ensemble</translation>
    </message>
    <message>
      <source>Relevance review due on {date}</source>
      <translation>Révision de la pertinence le {date}</translation>
    </message>
    <message>
      <source>Relevance review to do since {date}</source>
      <translation>Révision de la pertinence à faire depuis le {date}</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Chronologie</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>programmé</translation>
    </message>
    <message>
      <source>unplanned</source>
      <translation>non programmé</translation>
    </message>
  </context>
  <context>
    <name>PaperworkDialog</name>
    <message>
      <source>&amp;Deadline:</source>
      <translation>Éc&amp;héance :</translation>
    </message>
    <message>
      <source>&amp;Followed by:</source>
      <translation>Su&amp;ivie par :</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Note :</translation>
    </message>
    <message>
      <source>&amp;Procedure:</source>
      <translation>&amp;Démarche :</translation>
    </message>
    <message>
      <source>D&amp;ocuments asked for:</source>
      <translation>D&amp;ocuments demandés :</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Démarche administrative</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatut :</translation>
    </message>
  </context>
  <context>
    <name>PaperworkTab</name>
    <message>
      <source>A letter to the GP or the pharmacist asking to review the medicines marked for review</source>
      <translation>Une lettre au médecin traitant ou au pharmacien qui demande de revoir les médicaments marqués « révision demandée »</translation>
    </message>
    <message>
      <source>Add a medicine…</source>
      <translation>Ajouter un médicament…</translation>
    </message>
    <message>
      <source>Applications and procedures</source>
      <translation>Demandes et démarches</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>Vérifié</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Documents asked for</source>
      <translation>Documents demandés</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation>Dose</translation>
    </message>
    <message>
      <source>Follow up…</source>
      <translation>Suivre…</translation>
    </message>
    <message>
      <source>Followed by</source>
      <translation>Suivie par</translation>
    </message>
    <message>
      <source>Letter for the review…</source>
      <translation>Lettre pour la révision…</translation>
    </message>
    <message>
      <source>Mark as stopped</source>
      <translation>Marquer comme arrêté</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Médicaments</translation>
    </message>
    <message>
      <source>Medicine</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <source>New procedure…</source>
      <translation>Nouvelle démarche…</translation>
    </message>
    <message>
      <source>Preparing the letter…</source>
      <translation>Préparation de la lettre…</translation>
    </message>
    <message>
      <source>Prescriber</source>
      <translation>Prescripteur</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Démarche</translation>
    </message>
    <message>
      <source>Procedures &amp; medication</source>
      <translation>Démarches et médicaments</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Révision</translation>
    </message>
    <message>
      <source>Save the letter</source>
      <translation>Enregistrer la lettre</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Enregistré : {path}</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>The patient no longer takes the selected medicine: it leaves the list</source>
      <translation>Le patient ne prend plus le médicament choisi : il quitte la liste</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>medication-review.pdf</source>
      <translation>revision-medicaments.pdf</translation>
    </message>
  </context>
  <context>
    <name>PassphraseDialog</name>
    <message>
      <source>&amp;Current passphrase:</source>
      <translation>Phrase secrète &amp;actuelle :</translation>
    </message>
    <message>
      <source>&amp;New passphrase:</source>
      <translation>&amp;Nouvelle phrase secrète :</translation>
    </message>
    <message>
      <source>&amp;Repeat the new passphrase:</source>
      <translation>&amp;Répétez la nouvelle phrase secrète :</translation>
    </message>
    <message>
      <source>Change the passphrase</source>
      <translation>Changer la phrase secrète</translation>
    </message>
    <message>
      <source>The two new passphrases differ.</source>
      <translation>Les deux nouvelles phrases secrètes diffèrent.</translation>
    </message>
  </context>
  <context>
    <name>PatientForm</name>
    <message>
      <source>&amp;Birth date:</source>
      <translation>&amp;Date de naissance :</translation>
    </message>
    <message>
      <source>&amp;Family name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Given name:</source>
      <translation>&amp;Prénom :</translation>
    </message>
    <message>
      <source>&amp;NISS:</source>
      <translation>N&amp;ISS :</translation>
    </message>
    <message>
      <source>&amp;Postal code:</source>
      <translation>&amp;Code postal :</translation>
    </message>
    <message>
      <source>&amp;Street:</source>
      <translation>&amp;Rue :</translation>
    </message>
    <message>
      <source>&amp;Town:</source>
      <translation>&amp;Localité :</translation>
    </message>
    <message>
      <source>BIM (increased reimbursement)</source>
      <translation>BIM (intervention majorée)</translation>
    </message>
    <message>
      <source>Bo&amp;x:</source>
      <translation>&amp;Boîte :</translation>
    </message>
    <message>
      <source>Chronic condition status</source>
      <translation>Statut affection chronique</translation>
    </message>
    <message>
      <source>E-&amp;mail:</source>
      <translation>C&amp;ourriel :</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>Femme</translation>
    </message>
    <message>
      <source>G&amp;ender:</source>
      <translation>&amp;Genre :</translation>
    </message>
    <message>
      <source>Health &amp;insurance fund:</source>
      <translation>&amp;Mutualité :</translation>
    </message>
    <message>
      <source>MAF reached</source>
      <translation>MAF atteint</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>Homme</translation>
    </message>
    <message>
      <source>N&amp;umber:</source>
      <translation>N&amp;uméro :</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>Non précisé</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <source>Other phone:</source>
      <translation>Autre téléphone :</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <source>Statuses:</source>
      <translation>Statuts :</translation>
    </message>
    <message>
      <source>YY.MM.DD-SSS.CC</source>
      <translation>AA.MM.JJ-SSS.CC</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>AAAA-MM-JJ</translation>
    </message>
  </context>
  <context>
    <name>PatientTableModel</name>
    <message>
      <source>Age</source>
      <translation>Âge</translation>
    </message>
    <message>
      <source>NISS</source>
      <translation>NISS</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Town</source>
      <translation>Localité</translation>
    </message>
  </context>
  <context>
    <name>PeopleToTellDialog</name>
    <message>
      <source>&amp;Print…</source>
      <translation>Im&amp;primer…</translation>
    </message>
    <message>
      <source>Actions on hold</source>
      <translation>Actions en attente</translation>
    </message>
    <message>
      <source>Cop&amp;y as a note</source>
      <translation>Cop&amp;ier comme note</translation>
    </message>
    <message>
      <source>People to tell</source>
      <translation>Personnes à prévenir</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Print the list, to call from or to hand over</source>
      <translation>Imprimer la liste, pour appeler ou la remettre</translation>
    </message>
    <message>
      <source>Who to tell of the admission</source>
      <translation>Qui prévenir de l'hospitalisation</translation>
    </message>
    <message>
      <source>{name} — admitted on {date}</source>
      <translation>{name} — hospitalisé·e le {date}</translation>
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
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <source>Add a goal…</source>
      <translation>Ajouter un objectif…</translation>
    </message>
    <message>
      <source>Add an action…</source>
      <translation>Ajouter une action…</translation>
    </message>
    <message>
      <source>Goal / action</source>
      <translation>Objectif / action</translation>
    </message>
    <message>
      <source>Goals and actions</source>
      <translation>Objectifs et actions</translation>
    </message>
    <message>
      <source>Make it a &amp;goal</source>
      <translation>En faire un &amp;objectif</translation>
    </message>
    <message>
      <source>Needs not met</source>
      <translation>Besoins non couverts</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Période</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Re&amp;view of the goal…</source>
      <translation>&amp;Révision de l'objectif…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Révision</translation>
    </message>
    <message>
      <source>Select a goal first.</source>
      <translation>Choisissez d'abord un objectif.</translation>
    </message>
    <message>
      <source>Starting points: needs not met</source>
      <translation>Points de départ : besoins non couverts</translation>
    </message>
    <message>
      <source>The case manager</source>
      <translation>Le gestionnaire de cas</translation>
    </message>
    <message>
      <source>The needs not met, or partly met, of the needs checklist (Assessments tab) are listed here.</source>
      <translation>Les besoins non couverts, ou en partie couverts, de la liste des besoins (onglet Évaluations) s'affichent ici.</translation>
    </message>
    <message>
      <source>The patient</source>
      <translation>Le patient</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>on hold (in hospital)</source>
      <translation>en attente (hospitalisation)</translation>
    </message>
  </context>
  <context>
    <name>PlanLetters</name>
    <message>
      <source>&amp;Print the letter…</source>
      <translation>&amp;Imprimer le courrier…</translation>
    </message>
    <message>
      <source>Consent missing</source>
      <translation>Consentement manquant</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>Médecin</translation>
    </message>
    <message>
      <source>Letters to the GP</source>
      <translation>Courriers au médecin</translation>
    </message>
    <message>
      <source>Mark as &amp;sent</source>
      <translation>Marquer comme &amp;envoyé</translation>
    </message>
    <message>
      <source>New &amp;letter…</source>
      <translation>Nouveau &amp;courrier…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>To send it anyway, give the reason (it is logged):</source>
      <translation>Pour l'envoyer quand même, indiquez le motif (il est consigné) :</translation>
    </message>
    <message>
      <source>Written</source>
      <translation>Écrit le</translation>
    </message>
    <message>
      <source>sent on {d}</source>
      <translation>envoyé le {d}</translation>
    </message>
    <message>
      <source>to send</source>
      <translation>à envoyer</translation>
    </message>
  </context>
  <context>
    <name>PlanMeetings</name>
    <message>
      <source>Concertation meetings</source>
      <translation>Réunions de concertation</translation>
    </message>
    <message>
      <source>Date / decision</source>
      <translation>Date / décision</translation>
    </message>
    <message>
      <source>Make the decision an &amp;action…</source>
      <translation>Faire de la décision une &amp;action…</translation>
    </message>
    <message>
      <source>New &amp;meeting…</source>
      <translation>Nouvelle &amp;réunion…</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Reference person</source>
      <translation>Personne de référence</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>Remarques</translation>
    </message>
    <message>
      <source>Select a decision of a meeting first.</source>
      <translation>Choisissez d'abord une décision d'une réunion.</translation>
    </message>
    <message>
      <source>fewer than 3 providers</source>
      <translation>moins de 3 prestataires</translation>
    </message>
    <message>
      <source>in the plan</source>
      <translation>dans le plan</translation>
    </message>
    <message>
      <source>patient's agreement missing</source>
      <translation>accord du patient manquant</translation>
    </message>
    <message>
      <source>without the GP</source>
      <translation>sans le médecin traitant</translation>
    </message>
    <message>
      <source>without the home nurse</source>
      <translation>sans l'infirmier·ère à domicile</translation>
    </message>
    <message>
      <source>without the patient</source>
      <translation>sans le patient</translation>
    </message>
  </context>
  <context>
    <name>PlanPrintouts</name>
    <message>
      <source>Documents in</source>
      <translation>Documents en</translation>
    </message>
    <message>
      <source>Language of the documents</source>
      <translation>Langue des documents</translation>
    </message>
    <message>
      <source>Large print</source>
      <translation>Grands caractères</translation>
    </message>
    <message>
      <source>Medication on the handout</source>
      <translation>Médicaments sur la fiche patient</translation>
    </message>
    <message>
      <source>Preparing the document…</source>
      <translation>Préparation du document…</translation>
    </message>
    <message>
      <source>Print the &amp;handout…</source>
      <translation>Imprimer la &amp;fiche patient…</translation>
    </message>
    <message>
      <source>Print the &amp;summary…</source>
      <translation>Imprimer la &amp;synthèse…</translation>
    </message>
    <message>
      <source>Save the document</source>
      <translation>Enregistrer le document</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>Enregistré : {path}</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>Concertations</source>
      <translation>Concertations</translation>
    </message>
    <message>
      <source>Letters to the GP</source>
      <translation>Courriers au médecin</translation>
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
      <translation>&amp;Convenir…</translation>
    </message>
    <message>
      <source>&amp;Compare with the previous version…</source>
      <translation>Com&amp;parer avec la version précédente…</translation>
    </message>
    <message>
      <source>&amp;New version</source>
      <translation>&amp;Nouvelle version</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Ajouté</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Modifié</translation>
    </message>
    <message>
      <source>Changes since the previous version</source>
      <translation>Changements depuis la version précédente</translation>
    </message>
    <message>
      <source>No change.</source>
      <translation>Aucun changement.</translation>
    </message>
    <message>
      <source>No plan yet: start with the questions below.</source>
      <translation>Pas encore de plan : commencez par les questions ci-dessous.</translation>
    </message>
    <message>
      <source>Plan status</source>
      <translation>État du plan</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>Retiré</translation>
    </message>
    <message>
      <source>Version {v} — agreed on {d} with {who}</source>
      <translation>Version {v} — convenue le {d} avec {who}</translation>
    </message>
    <message>
      <source>Version {v} — draft</source>
      <translation>Version {v} — brouillon</translation>
    </message>
    <message>
      <source>action</source>
      <translation>action</translation>
    </message>
    <message>
      <source>goal</source>
      <translation>objectif</translation>
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
      <translation>&amp;Enregistrer ces réponses</translation>
    </message>
    <message>
      <source>Answers restored from the automatic save: check them and save.</source>
      <translation>Réponses restaurées depuis la sauvegarde automatique : vérifiez-les puis enregistrez.</translation>
    </message>
    <message>
      <source>In the patient's &amp;words</source>
      <translation>&amp;Dans les mots du patient</translation>
    </message>
    <message>
      <source>In the patient's words</source>
      <translation>Dans les mots du patient</translation>
    </message>
    <message>
      <source>Next review</source>
      <translation>Prochaine réévaluation</translation>
    </message>
    <message>
      <source>What do you expect from us?</source>
      <translation>Qu'attendez-vous de nous ?</translation>
    </message>
    <message>
      <source>What do you want to avoid?</source>
      <translation>Que voulez-vous éviter ?</translation>
    </message>
    <message>
      <source>What matters to you?</source>
      <translation>Qu'est-ce qui compte pour vous ?</translation>
    </message>
    <message>
      <source>Your life project</source>
      <translation>Votre projet de vie</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <source>Ecomap</source>
      <translation>Écocarte</translation>
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
      <translation>Courrier-medecin</translation>
    </message>
    <message>
      <source>Open the &amp;Settings</source>
      <translation>Ouvrir les &amp;Réglages</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Preparing the document…</source>
      <translation>Préparation du document…</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <source>Print &amp;anyway</source>
      <translation>Imprimer &amp;quand même</translation>
    </message>
    <message>
      <source>Print on paper, or save a PDF file?</source>
      <translation>Imprimer sur papier, ou enregistrer un fichier PDF ?</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
      <source>Save the document</source>
      <translation>Enregistrer le document</translation>
    </message>
    <message>
      <source>Sent to the printer.</source>
      <translation>Envoyé à l'imprimante.</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Synthese</translation>
    </message>
    <message>
      <source>Who-does-what</source>
      <translation>Qui-fait-quoi</translation>
    </message>
    <message>
      <source>Your phone number is not in the Settings: the emergency box of the handout will have no number to reach the case manager.</source>
      <translation>Votre numéro de téléphone n'est pas dans les Réglages : l'encadré « En cas d'urgence » de la fiche n'aura aucun numéro pour joindre le gestionnaire de cas.</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Regarder dans :</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Fichiers de &amp;type :</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>RecoveryPage</name>
    <message>
      <source>&amp;Save the recovery sheet (PDF)…</source>
      <translation>&amp;Enregistrer la feuille de récupération (PDF)…</translation>
    </message>
    <message>
      <source>I have &amp;printed or written down my recovery key</source>
      <translation>J'ai &amp;imprimé ou recopié ma clé de récupération</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Print the recovery sheet or write the key down, and keep it in a locked place away from this computer. It will not be shown again.</source>
      <translation>Imprimez la feuille de récupération ou recopiez la clé, et gardez-la sous clé, loin de cet ordinateur. Elle ne sera plus affichée.</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Clé de récupération</translation>
    </message>
    <message>
      <source>Save the recovery sheet</source>
      <translation>Enregistrer la feuille de récupération</translation>
    </message>
    <message>
      <source>Save the recovery sheet as a PDF to print</source>
      <translation>Enregistrer la feuille de récupération en PDF pour l'imprimer</translation>
    </message>
    <message>
      <source>Saved: %1. Print it now, then tick the box below.</source>
      <translation>Enregistrée : %1. Imprimez-la maintenant, puis cochez la case ci-dessous.</translation>
    </message>
    <message>
      <source>The only way into your vault if you forget your passphrase.</source>
      <translation>Le seul moyen d'ouvrir votre coffre si vous oubliez votre phrase secrète.</translation>
    </message>
    <message>
      <source>The sheet could not be saved: %1</source>
      <translation>La feuille n'a pas pu être enregistrée : %1</translation>
    </message>
    <message>
      <source>Your recovery key</source>
      <translation>Votre clé de récupération</translation>
    </message>
    <message>
      <source>relais-recovery-sheet.pdf</source>
      <translation>relais-feuille-de-recuperation.pdf</translation>
    </message>
  </context>
  <context>
    <name>ResponseDialog</name>
    <message>
      <source>&amp;Complete (Ctrl+Enter)</source>
      <translation>&amp;Terminer (Ctrl+Entrée)</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Raison :</translation>
    </message>
    <message>
      <source>&amp;Tier:</source>
      <translation>&amp;Niveau :</translation>
    </message>
    <message>
      <source>Assessment date</source>
      <translation>Date de l'évaluation</translation>
    </message>
    <message>
      <source>Band set</source>
      <translation>Seuils</translation>
    </message>
    <message>
      <source>Band set ({score}):</source>
      <translation>Seuils ({score}) :</translation>
    </message>
    <message>
      <source>C&amp;orrect…</source>
      <translation>C&amp;orriger…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Completed on {date} — read-only</source>
      <translation>Terminée le {date} — lecture seule</translation>
    </message>
    <message>
      <source>Completed — replaced by a correction (read-only)</source>
      <translation>Terminée — remplacée par une correction (lecture seule)</translation>
    </message>
    <message>
      <source>Con&amp;firm the tier</source>
      <translation>Con&amp;firmer le niveau</translation>
    </message>
    <message>
      <source>Decided tier</source>
      <translation>Niveau décidé</translation>
    </message>
    <message>
      <source>Decided: {tier} (suggested: {suggested})</source>
      <translation>Décidé : {tier} (suggéré : {suggested})</translation>
    </message>
    <message>
      <source>Draft, saved automatically</source>
      <translation>Brouillon, enregistré automatiquement</translation>
    </message>
    <message>
      <source>Needed when you choose another tier</source>
      <translation>Nécessaire si vous choisissez un autre niveau</translation>
    </message>
    <message>
      <source>New assessment (saved automatically as a draft)</source>
      <translation>Nouvelle évaluation (enregistrée automatiquement comme brouillon)</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Raison</translation>
    </message>
    <message>
      <source>Results</source>
      <translation>Résultats</translation>
    </message>
    <message>
      <source>Rule ({name}):</source>
      <translation>Règle ({name}) :</translation>
    </message>
    <message>
      <source>Rule variant</source>
      <translation>Variante de règle</translation>
    </message>
    <message>
      <source>Suggested:</source>
      <translation>Suggéré :</translation>
    </message>
    <message>
      <source>Tier decision</source>
      <translation>Décision sur le niveau</translation>
    </message>
    <message>
      <source>correction of an earlier assessment</source>
      <translation>correction d'une évaluation précédente</translation>
    </message>
  </context>
  <context>
    <name>Results</name>
    <message>
      <source>(incomplete: some answers missing)</source>
      <translation>(incomplet : des réponses manquent)</translation>
    </message>
  </context>
  <context>
    <name>ReviewLetterDialog</name>
    <message>
      <source>&amp;Language of the letter:</source>
      <translation>&amp;Langue de la lettre :</translation>
    </message>
    <message>
      <source>&amp;Save the PDF…</source>
      <translation>&amp;Enregistrer le PDF…</translation>
    </message>
    <message>
      <source>&amp;To:</source>
      <translation>&amp;Destinataire :</translation>
    </message>
    <message>
      <source>Letter for the review</source>
      <translation>Lettre pour la révision</translation>
    </message>
    <message>
      <source>Optional: what you would like to know</source>
      <translation>Facultatif : ce que vous aimeriez savoir</translation>
    </message>
    <message>
      <source>Your &amp;question:</source>
      <translation>Votre &amp;question :</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source> days</source>
      <translation> jours</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>&amp;Auto-lock after:</source>
      <translation>&amp;Verrouillage automatique après :</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisation :</translation>
    </message>
    <message>
      <source>&amp;Restart Relais now</source>
      <translation>&amp;Redémarrer Relais maintenant</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
      <source>Case manager's &amp;e-mail:</source>
      <translation>&amp;E-mail du gestionnaire de cas :</translation>
    </message>
    <message>
      <source>Case manager's p&amp;hone:</source>
      <translation>&amp;Téléphone du gestionnaire de cas :</translation>
    </message>
    <message>
      <source>Change the &amp;passphrase…</source>
      <translation>Changer la &amp;phrase secrète…</translation>
    </message>
    <message>
      <source>Co&amp;nnect to a server…</source>
      <translation>&amp;Se connecter à un serveur…</translation>
    </message>
    <message>
      <source>Connected to {server} as {user}.</source>
      <translation>Connecté à {server} en tant que {user}.</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Suivi</translation>
    </message>
    <message>
      <source>Instruments proposed after a hospital discharge</source>
      <translation>Instruments proposés après une sortie d'hôpital</translation>
    </message>
    <message>
      <source>Interface &amp;language:</source>
      <translation>&amp;Langue de l'interface :</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>Langue de l'interface</translation>
    </message>
    <message>
      <source>Lock automatically after this many minutes without activity</source>
      <translation>Verrouiller automatiquement après ce nombre de minutes sans activité</translation>
    </message>
    <message>
      <source>No first &amp;contact, flag after:</source>
      <translation>Pas de premier &amp;contact, signaler après :</translation>
    </message>
    <message>
      <source>Not connected: your caseload is kept on this computer only, and shared with no one.</source>
      <translation>Pas connecté : vos dossiers ne sont gardés que sur cet ordinateur, et partagés avec personne.</translation>
    </message>
    <message>
      <source>Organisation's server</source>
      <translation>Serveur de l'organisation</translation>
    </message>
    <message>
      <source>Printed on the patient's handout</source>
      <translation>Imprimé sur la fiche du patient</translation>
    </message>
    <message>
      <source>Re-assess after a hospital &amp;discharge:</source>
      <translation>Réévaluer après une sortie d'&amp;hôpital :</translation>
    </message>
    <message>
      <source>Relais will use %1 from its next start.</source>
      <translation>Relais passera à « %1 » à son prochain démarrage.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Réglages</translation>
    </message>
    <message>
      <source>Today flags a request still without a first contact after this many days</source>
      <translation>Aujourd'hui signale une demande toujours sans premier contact après ce nombre de jours</translation>
    </message>
    <message>
      <source>e.g. 0470 12 34 56</source>
      <translation>p. ex. 0470 12 34 56</translation>
    </message>
    <message>
      <source>e.g. name@organisation.be</source>
      <translation>p. ex. nom@organisation.be</translation>
    </message>
  </context>
  <context>
    <name>SingleWindow</name>
    <message>
      <source>Relais is already open</source>
      <translation>Relais est déjà ouvert</translation>
    </message>
    <message>
      <source>Relais is already open on this caseload, in another window or a command that is running. Use that window (look for Relais in the taskbar), or wait for the command to finish.</source>
      <translation>Relais est déjà ouvert sur ces dossiers, dans une autre fenêtre ou une commande en cours. Utilisez cette fenêtre (cherchez Relais dans la barre des tâches) ou attendez la fin de la commande.</translation>
    </message>
  </context>
  <context>
    <name>StabilityPanel</name>
    <message>
      <source>Key {key}</source>
      <translation>Touche {key}</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>Signalé par</translation>
    </message>
    <message>
      <source>Stability log:</source>
      <translation>Journal de stabilité :</translation>
    </message>
    <message>
      <source>Stability over 90 days</source>
      <translation>Stabilité sur 90 jours</translation>
    </message>
    <message>
      <source>reported by (optional)</source>
      <translation>signalé par (facultatif)</translation>
    </message>
  </context>
  <context>
    <name>StayDialog</name>
    <message>
      <source>&amp;Admitted on:</source>
      <translation>&amp;Admis le :</translation>
    </message>
    <message>
      <source>&amp;Discharged on:</source>
      <translation>&amp;Sorti le :</translation>
    </message>
    <message>
      <source>&amp;Hospital:</source>
      <translation>&amp;Hôpital :</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>Hospital stay</source>
      <translation>Séjour à l'hôpital</translation>
    </message>
    <message>
      <source>Planned (not an emergency)</source>
      <translation>Programmé (pas une urgence)</translation>
    </message>
    <message>
      <source>Still in hospital</source>
      <translation>Toujours hospitalisé</translation>
    </message>
  </context>
  <context>
    <name>StaysTab</name>
    <message numerus="yes">
      <source>%n admission(s) in the last 12 months</source>
      <translation>
        <numerusform>%n hospitalisation sur les 12 derniers mois</numerusform>
        <numerusform>%n hospitalisations sur les 12 derniers mois</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Add a stay…</source>
      <translation>&amp;Ajouter un séjour…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Modifier…</translation>
    </message>
    <message>
      <source>&amp;Who to tell…</source>
      <translation>&amp;Qui prévenir…</translation>
    </message>
    <message>
      <source>Admitted</source>
      <translation>Admission</translation>
    </message>
    <message>
      <source>After the dis&amp;charge…</source>
      <translation>Après la so&amp;rtie…</translation>
    </message>
    <message>
      <source>Disc&amp;harge…</source>
      <translation>&amp;Sortie…</translation>
    </message>
    <message>
      <source>Discharged</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <source>Hospital</source>
      <translation>Hôpital</translation>
    </message>
    <message>
      <source>Hospital stays</source>
      <translation>Séjours à l'hôpital</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>No admission in the last 12 months</source>
      <translation>Aucune hospitalisation sur les 12 derniers mois</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Programmé</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <source>Transition</source>
      <translation>Transition</translation>
    </message>
    <message>
      <source>call by {date}</source>
      <translation>appel au plus tard le {date}</translation>
    </message>
    <message>
      <source>checklist {done}/{total}</source>
      <translation>liste {done}/{total}</translation>
    </message>
    <message>
      <source>home actions on hold</source>
      <translation>actions à domicile en attente</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>still in</source>
      <translation>toujours hospitalisé</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
  </context>
  <context>
    <name>SyncLabels</name>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Évaluation</translation>
    </message>
    <message>
      <source>Attachment</source>
      <translation>Pièce jointe</translation>
    </message>
    <message>
      <source>Audit event</source>
      <translation>Événement d'audit</translation>
    </message>
    <message>
      <source>Care plan</source>
      <translation>Plan de soins</translation>
    </message>
    <message>
      <source>Carer's assessment</source>
      <translation>Évaluation de l'aidant proche</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Prise en charge</translation>
    </message>
    <message>
      <source>Concertation</source>
      <translation>Concertation</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Consentement</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>GP feedback</source>
      <translation>Retour au médecin traitant</translation>
    </message>
    <message>
      <source>Goal</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>Note de passation</translation>
    </message>
    <message>
      <source>Hospital stay</source>
      <translation>Hospitalisation</translation>
    </message>
    <message>
      <source>Journal note</source>
      <translation>Note du journal</translation>
    </message>
    <message>
      <source>Medication</source>
      <translation>Médicament</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>Procedures</source>
      <translation>Démarche administrative</translation>
    </message>
    <message>
      <source>Record (deleted or kept)</source>
      <translation>Enregistrement (supprimé ou gardé)</translation>
    </message>
    <message>
      <source>Stability event</source>
      <translation>Événement de stabilité</translation>
    </message>
    <message>
      <source>This computer is not connected to a server: nothing is sent or received. Connect it in the Settings, or with “Connect to a server…” at the bottom right.</source>
      <translation>Cet ordinateur n'est pas connecté à un serveur : rien n'est envoyé ni reçu. Connectez-le dans les Réglages, ou avec « Se connecter à un serveur… » en bas à droite.</translation>
    </message>
    <message>
      <source>Tie (ecomap)</source>
      <translation>Lien (écocarte)</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Visite</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>supprimé</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>gardé</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
      <source>%n conflict(s)</source>
      <translation>
        <numerusform>%n conflit</numerusform>
        <numerusform>%n conflits</numerusform>
      </translation>
    </message>
    <message>
      <source>Connect to a server…</source>
      <translation>Se connecter à un serveur…</translation>
    </message>
    <message>
      <source>Device revoked</source>
      <translation>Appareil révoqué</translation>
    </message>
    <message>
      <source>Keep a copy of your caseload on your organisation's server and share it with your team</source>
      <translation>Garder une copie de vos dossiers sur le serveur de votre organisation et les partager avec votre équipe</translation>
    </message>
    <message>
      <source>Not connected to a server</source>
      <translation>Pas relié à un serveur</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Conflits ouverts</translation>
    </message>
    <message>
      <source>Send and receive changes now (F5)</source>
      <translation>Envoyer et recevoir les modifications maintenant (F5)</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>Synchroniser</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>État de la synchronisation</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Synchronisation…</translation>
    </message>
    <message>
      <source>synced {time}</source>
      <translation>synchronisé {time}</translation>
    </message>
    <message>
      <source>{n} need attention</source>
      <translation>{n} à vérifier</translation>
    </message>
    <message>
      <source>{n} waiting</source>
      <translation>{n} en attente</translation>
    </message>
    <message>
      <source>● Not synced yet</source>
      <translation>● Pas encore synchronisé</translation>
    </message>
    <message>
      <source>● Offline</source>
      <translation>● Hors ligne</translation>
    </message>
    <message>
      <source>● Online</source>
      <translation>● En ligne</translation>
    </message>
  </context>
  <context>
    <name>TieDialog</name>
    <message>
      <source>A &amp;new contact</source>
      <translation>Un nou&amp;veau contact</translation>
    </message>
    <message>
      <source>Add a person or a service to the map</source>
      <translation>Ajouter une personne ou un service à l'écocarte</translation>
    </message>
    <message>
      <source>Contact from the directory</source>
      <translation>Contact du répertoire</translation>
    </message>
    <message>
      <source>Edit the tie with {name}</source>
      <translation>Modifier le lien avec {name}</translation>
    </message>
    <message>
      <source>Someone already in the &amp;directory</source>
      <translation>Quelqu'un qui est déjà d&amp;ans le répertoire</translation>
    </message>
    <message>
      <source>The tie</source>
      <translation>Le lien</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
  </context>
  <context>
    <name>TieForm</name>
    <message>
      <source>&amp;Quality:</source>
      <translation>&amp;Qualité du lien :</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>Rô&amp;le :</translation>
    </message>
    <message>
      <source>F&amp;low of help:</source>
      <translation>&amp;Sens de l'aide :</translation>
    </message>
    <message>
      <source>Marked as:</source>
      <translation>Rôle particulier :</translation>
    </message>
    <message>
      <source>Not&amp;e:</source>
      <translation>Not&amp;e :</translation>
    </message>
    <message>
      <source>Sin&amp;ce:</source>
      <translation>&amp;Depuis le :</translation>
    </message>
    <message>
      <source>Strengt&amp;h:</source>
      <translation>&amp;Force du lien :</translation>
    </message>
    <message>
      <source>what this person does for the patient</source>
      <translation>ce que cette personne fait pour le patient</translation>
    </message>
  </context>
  <context>
    <name>TimeField</name>
    <message>
      <source>hh:mm</source>
      <translation>hh:mm</translation>
    </message>
  </context>
  <context>
    <name>TodayPage</name>
    <message numerus="yes">
      <source>%n open case(s)</source>
      <translation>
        <numerusform>%n dossier ouvert</numerusform>
        <numerusform>%n dossiers ouverts</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Keep it</source>
      <translation>Le &amp;garder</translation>
    </message>
    <message>
      <source>&amp;New patient…</source>
      <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Restaurer</translation>
    </message>
    <message>
      <source>&amp;Throw it away</source>
      <translation>Le &amp;jeter</translation>
    </message>
    <message>
      <source>Calls after a hospital discharge</source>
      <translation>Appels après une sortie d'hôpital</translation>
    </message>
    <message>
      <source>Carers' assessments to review</source>
      <translation>Évaluations d'aidants proches à réviser</translation>
    </message>
    <message>
      <source>Case handed over to you by {name}: read the note</source>
      <translation>Dossier confié par {name} : lire la note</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Abandonner</translation>
    </message>
    <message>
      <source>Enter opens the dossier · Ctrl+F searches the caseload</source>
      <translation>Entrée ouvre le dossier · Ctrl+F cherche parmi mes patients</translation>
    </message>
    <message>
      <source>Follow-up call after the discharge</source>
      <translation>Appel de suivi après la sortie</translation>
    </message>
    <message>
      <source>GP feedback pending</source>
      <translation>Retours au médecin en attente</translation>
    </message>
    <message>
      <source>Handovers to read</source>
      <translation>Passations à lire</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
      <source>No first contact after %n day(s)</source>
      <translation>
        <numerusform>Sans premier contact après %n jour</numerusform>
        <numerusform>Sans premier contact après %n jours</numerusform>
      </translation>
    </message>
    <message>
      <source>No open case yet. Begin with a patient: their identity, then the request, the assessment and the plan, in their dossier.</source>
      <translation>Aucun dossier ouvert pour l'instant. Commencez par un patient : son identité, puis la demande, l'évaluation et le plan, dans son dossier.</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>Suivis en retard</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>Patient</translation>
    </message>
    <message>
      <source>Plan reviews due</source>
      <translation>Révisions de plan à faire</translation>
    </message>
    <message>
      <source>Procedures due</source>
      <translation>Démarches à échéance</translation>
    </message>
    <message>
      <source>Recent hospital stays</source>
      <translation>Séjours hospitaliers récents</translation>
    </message>
    <message>
      <source>Relevance reviews due</source>
      <translation>Révisions de pertinence à faire</translation>
    </message>
    <message numerus="yes">
      <source>Text typed during your last session was saved automatically but not recorded (%n item(s)). Restore it?</source>
      <translation>
        <numerusform>Du texte tapé lors de votre dernière session a été sauvegardé automatiquement mais pas enregistré (%n élément). Le restaurer ?</numerusform>
        <numerusform>Du texte tapé lors de votre dernière session a été sauvegardé automatiquement mais pas enregistré (%n éléments). Le restaurer ?</numerusform>
      </translation>
    </message>
    <message>
      <source>This week</source>
      <translation>Cette semaine</translation>
    </message>
    <message>
      <source>Throw away this text for good ({what})?</source>
      <translation>Jeter définitivement ce texte ({what}) ?</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd'hui</translation>
    </message>
    <message>
      <source>Today could not be read.</source>
      <translation>La page Aujourd'hui n'a pas pu être lue.</translation>
    </message>
    <message>
      <source>Visits today</source>
      <translation>Visites aujourd'hui</translation>
    </message>
    <message>
      <source>Waiting list</source>
      <translation>Liste d'attente</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>due</source>
      <translation>à faire</translation>
    </message>
    <message>
      <source>due soon</source>
      <translation>bientôt</translation>
    </message>
    <message>
      <source>late</source>
      <translation>en retard</translation>
    </message>
    <message>
      <source>on the waiting list since this date</source>
      <translation>en liste d'attente depuis cette date</translation>
    </message>
    <message>
      <source>recorded</source>
      <translation>encodée</translation>
    </message>
    <message numerus="yes">
      <source>request of %n day(s), no contact yet</source>
      <translation>
        <numerusform>demande d'il y a %n jour, pas encore de contact</numerusform>
        <numerusform>demande d'il y a %n jours, pas encore de contact</numerusform>
      </translation>
    </message>
    <message>
      <source>still in hospital</source>
      <translation>toujours hospitalisé</translation>
    </message>
    <message>
      <source>to send</source>
      <translation>à envoyer</translation>
    </message>
    <message>
      <source>today</source>
      <translation>aujourd'hui</translation>
    </message>
  </context>
  <context>
    <name>TourPage</name>
    <message>
      <source>&amp;Previous tip</source>
      <translation>Conseil &amp;précédent</translation>
    </message>
    <message>
      <source>A dossier holds the request, the assessments, the ecomap, the care plan and the handout you print for the person at home.</source>
      <translation>Un dossier contient la demande, les évaluations, l'écocarte, le plan de soins et le document que vous imprimez pour la personne à domicile.</translation>
    </message>
    <message>
      <source>A person's dossier</source>
      <translation>Le dossier d'une personne</translation>
    </message>
    <message>
      <source>Alt+1 to Alt+9 switch pages and Ctrl+L locks Relais at once. Relais also locks itself after 10 minutes without activity.</source>
      <translation>Alt+1 à Alt+9 changent de page et Ctrl+L verrouille Relais aussitôt. Relais se verrouille aussi seul après 10 minutes sans activité.</translation>
    </message>
    <message>
      <source>Below, Relais gathers what waits for you: a request not yet clarified, a consent to record, an item the server could not accept.</source>
      <translation>En dessous, Relais rassemble ce qui vous attend : une demande pas encore clarifiée, un consentement à enregistrer, un élément que le serveur n'a pas pu accepter.</translation>
    </message>
    <message>
      <source>Keyboard and safety</source>
      <translation>Clavier et sécurité</translation>
    </message>
    <message>
      <source>Ne&amp;xt tip</source>
      <translation>Conseil &amp;suivant</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>À traiter</translation>
    </message>
    <message>
      <source>Relais opens on Today. Four things to know before you start.</source>
      <translation>Relais s'ouvre sur Aujourd'hui. Quatre choses à savoir avant de commencer.</translation>
    </message>
    <message>
      <source>Tip %1 of %2</source>
      <translation>Conseil %1 sur %2</translation>
    </message>
    <message>
      <source>Today lists the visits planned for today, the calls to make and the care plans whose review date has come. Press Enter on a line to open it.</source>
      <translation>Aujourd'hui liste les visites prévues ce jour, les appels à passer et les plans dont la date de révision est arrivée. Appuyez sur Entrée sur une ligne pour l'ouvrir.</translation>
    </message>
    <message>
      <source>Today's work</source>
      <translation>Le travail du jour</translation>
    </message>
    <message>
      <source>Your Today view</source>
      <translation>Votre vue Aujourd'hui</translation>
    </message>
  </context>
  <context>
    <name>TransferDialog</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Parcourir…</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>&amp;Fichier :</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <source>&amp;Note (on the cover letter):</source>
      <translation>&amp;Note (sur la lettre d'accompagnement) :</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Organisation :</translation>
    </message>
    <message>
      <source>Building the transfer pack…</source>
      <translation>Préparation du dossier de transfert…</translation>
    </message>
    <message>
      <source>Choose the receiving service of the directory (add it to the directory first if it is missing).</source>
      <translation>Choisissez le service de l'annuaire qui reprend le suivi (ajoutez-le d'abord à l'annuaire s'il manque).</translation>
    </message>
    <message>
      <source>Closing &amp;date:</source>
      <translation>&amp;Date de clôture :</translation>
    </message>
    <message>
      <source>Closing date</source>
      <translation>Date de clôture</translation>
    </message>
    <message>
      <source>Dutch</source>
      <translation>Néerlandais</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Anglais</translation>
    </message>
    <message>
      <source>French</source>
      <translation>Français</translation>
    </message>
    <message>
      <source>Language of the documents</source>
      <translation>Langue des documents</translation>
    </message>
    <message>
      <source>No consent recorded to share with this organisation: record it in the Consents tab (sharing with a provider), or give the reason for an override.</source>
      <translation>Aucun consentement enregistré pour le partage avec cette organisation : enregistrez-le dans l'onglet Consentements (partage avec un prestataire), ou donnez le motif d'une dérogation.</translation>
    </message>
    <message>
      <source>Note for the receiving organisation</source>
      <translation>Note pour l'organisation qui reprend le suivi</translation>
    </message>
    <message>
      <source>Only where the law allows it, e.g. vital interest; kept in the consent log</source>
      <translation>Seulement si la loi le permet, p. ex. intérêt vital ; consigné dans le registre des consentements</translation>
    </message>
    <message>
      <source>Override &amp;reason:</source>
      <translation>&amp;Motif de la dérogation :</translation>
    </message>
    <message>
      <source>Reason for sending without consent</source>
      <translation>Motif de l'envoi sans consentement</translation>
    </message>
    <message>
      <source>Receiving organisation</source>
      <translation>Organisation qui reprend le suivi</translation>
    </message>
    <message>
      <source>Save the transfer pack</source>
      <translation>Enregistrer le dossier de transfert</translation>
    </message>
    <message>
      <source>The record may go to this organisation (the patient's consent, or a provider of their care).</source>
      <translation>Le dossier peut être transmis à cette organisation (consentement du patient, ou prestataire de ses soins).</translation>
    </message>
    <message>
      <source>The transfer pack could not be written ({error}).</source>
      <translation>Le dossier de transfert n'a pas pu être écrit ({error}).</translation>
    </message>
    <message>
      <source>The transfer pack holds a cover letter to the organisation, the professional summary and the record in FHIR R4. Saving it closes the case (reason: transfer).</source>
      <translation>Le dossier de transfert contient une lettre d'accompagnement à l'organisation, le résumé professionnel et le dossier au format FHIR R4. L'enregistrer clôture le dossier (motif : transfert).</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>Transfert</translation>
    </message>
    <message>
      <source>Transfer pack file</source>
      <translation>Fichier du dossier de transfert</translation>
    </message>
    <message>
      <source>Transfer to another organisation</source>
      <translation>Transfert vers une autre organisation</translation>
    </message>
    <message>
      <source>Zip archive (*.zip)</source>
      <translation>Archive zip (*.zip)</translation>
    </message>
  </context>
  <context>
    <name>TrendWidget</name>
    <message>
      <source>No completed assessment yet</source>
      <translation>Pas encore d'évaluation terminée</translation>
    </message>
    <message>
      <source>Trend over time</source>
      <translation>Évolution dans le temps</translation>
    </message>
  </context>
  <context>
    <name>TriageDialog</name>
    <message>
      <source>&amp;Noted on:</source>
      <translation>&amp;Notée le :</translation>
    </message>
    <message>
      <source>Crisis now:</source>
      <translation>Crise actuelle :</translation>
    </message>
    <message>
      <source>Noted on</source>
      <translation>Notée le</translation>
    </message>
    <message>
      <source>Suggested level</source>
      <translation>Niveau suggéré</translation>
    </message>
    <message>
      <source>The level follows complexity: the complexity grid (above 20: case management) and a crisis, whatever the age. Age, BIM, MAF and the chronic status are context only.</source>
      <translation>Le niveau suit la complexité : la grille de complexité (plus de 20 : gestion de cas) et une situation de crise, quel que soit l'âge. L'âge, le BIM, le MAF et le statut chronique ne sont que du contexte.</translation>
    </message>
    <message>
      <source>Triage by complexity</source>
      <translation>Triage selon la complexité</translation>
    </message>
  </context>
  <context>
    <name>UnlockDialog</name>
    <message>
      <source>&amp;Forgot passphrase…</source>
      <translation>Phrase secrète &amp;oubliée…</translation>
    </message>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
      <source>Choose a new passphrase (at least 8 characters):</source>
      <translation>Choisissez une nouvelle phrase secrète (au moins 8 caractères) :</translation>
    </message>
    <message>
      <source>Enter your passphrase to open your caseload.</source>
      <translation>Entrez votre phrase secrète pour ouvrir vos dossiers.</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
      <source>Opening the vault…</source>
      <translation>Ouverture du coffre…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Phrase secrète</translation>
    </message>
    <message>
      <source>Passphrase changed</source>
      <translation>Phrase secrète modifiée</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Clé de récupération</translation>
    </message>
    <message>
      <source>Type the recovery key you printed when the vault was created:</source>
      <translation>Tapez la clé de récupération imprimée à la création du coffre :</translation>
    </message>
    <message>
      <source>Type your passphrase, then press Enter.</source>
      <translation>Tapez votre phrase secrète, puis appuyez sur Entrée.</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Déverrouiller</translation>
    </message>
    <message>
      <source>Your new passphrase is set. Unlock with it now.</source>
      <translation>Votre nouvelle phrase secrète est enregistrée. Déverrouillez avec elle maintenant.</translation>
    </message>
  </context>
  <context>
    <name>VaultPage</name>
    <message>
      <source>&amp;Passphrase:</source>
      <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
      <source>&amp;Repeat:</source>
      <translation>&amp;Répéter :</translation>
    </message>
    <message>
      <source>Choose a passphrase of at least 8 characters: a short sentence of unrelated words is both strong and easy to remember.</source>
      <translation>Choisissez une phrase secrète d'au moins 8 caractères : une courte phrase de mots sans lien entre eux est à la fois solide et facile à retenir.</translation>
    </message>
    <message>
      <source>Create your vault</source>
      <translation>Créer votre coffre</translation>
    </message>
    <message>
      <source>Creating your vault…</source>
      <translation>Création de votre coffre…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Phrase secrète</translation>
    </message>
    <message>
      <source>Passphrase strength</source>
      <translation>Solidité de la phrase secrète</translation>
    </message>
    <message>
      <source>Repeat the passphrase</source>
      <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
      <source>Strength: %1</source>
      <translation>Solidité : %1</translation>
    </message>
    <message>
      <source>The vault could not be created (%1).</source>
      <translation>Le coffre n'a pas pu être créé (%1).</translation>
    </message>
    <message>
      <source>Your &amp;name:</source>
      <translation>Votre &amp;nom :</translation>
    </message>
    <message>
      <source>Your caseload is encrypted with a passphrase that only you know.</source>
      <translation>Vos dossiers sont chiffrés avec une phrase secrète que vous seul connaissez.</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Votre nom</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>&amp;End:</source>
      <translation>&amp;Fin :</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>&amp;Lieu :</translation>
    </message>
    <message>
      <source>&amp;Start:</source>
      <translation>Dé&amp;but :</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Fin</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>Noms, séparés par des virgules</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Pa&amp;rticipants:</source>
      <translation>Pa&amp;rticipants :</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Lieu</translation>
    </message>
    <message>
      <source>Plan a visit</source>
      <translation>Planifier une visite</translation>
    </message>
    <message>
      <source>Record a visit</source>
      <translation>Encoder une visite</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Début</translation>
    </message>
    <message>
      <source>Text restored from the automatic save.</source>
      <translation>Texte restauré depuis la sauvegarde automatique.</translation>
    </message>
  </context>
  <context>
    <name>VisitsTab</name>
    <message>
      <source>&amp;Addendum:</source>
      <translation>&amp;Complément :</translation>
    </message>
    <message>
      <source>&amp;Plan a visit</source>
      <translation>&amp;Planifier une visite</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>&amp;Record…</source>
      <translation>&amp;Encoder…</translation>
    </message>
    <message>
      <source>(no notes)</source>
      <translation>(pas de notes)</translation>
    </message>
    <message>
      <source>Add an a&amp;ddendum</source>
      <translation>Ajouter un &amp;complément</translation>
    </message>
    <message>
      <source>Addendum</source>
      <translation>Complément</translation>
    </message>
    <message>
      <source>Addendum of {date} by {author}:</source>
      <translation>Complément du {date} par {author} :</translation>
    </message>
    <message>
      <source>Ca&amp;ncel visit</source>
      <translation>A&amp;nnuler la visite</translation>
    </message>
    <message>
      <source>Cancel the visit</source>
      <translation>Annuler la visite</translation>
    </message>
    <message>
      <source>Cancelled: {reason}</source>
      <translation>Annulée : {reason}</translation>
    </message>
    <message>
      <source>Choose a visit above to read its notes. Enter on a planned visit records it.</source>
      <translation>Choisissez une visite ci-dessus pour lire ses notes. Entrée sur une visite prévue l'encode.</translation>
    </message>
    <message>
      <source>Ctrl+Shift+V</source>
      <translation>Ctrl+Maj+V</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Open a case first (Cases tab).</source>
      <translation>Ouvrez d'abord un dossier (onglet Dossiers).</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Lieu</translation>
    </message>
    <message>
      <source>Record the selected planned visit, or a visit that was not planned</source>
      <translation>Encoder la visite prévue sélectionnée, ou une visite non planifiée</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Visit notes</source>
      <translation>Notes de visite</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visites</translation>
    </message>
  </context>
  <context>
    <name>WhoPage</name>
    <message>
      <source>&amp;Print the list…</source>
      <translation>&amp;Imprimer la liste…</translation>
    </message>
    <message>
      <source>Availability</source>
      <translation>Disponibilité</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>List written to {path}</source>
      <translation>Liste enregistrée dans {path}</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Preparing the list…</source>
      <translation>Préparation de la liste…</translation>
    </message>
    <message>
      <source>Print who does what</source>
      <translation>Imprimer « qui fait quoi »</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <source>Who does what</source>
      <translation>Qui fait quoi</translation>
    </message>
  </context>
</TS>
