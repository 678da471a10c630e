import type { Language } from './session';

/**
 * Every error a person can see. Main sends `code`, `params` and the Dutch message; the renderer
 * re-renders the message in the chosen language from the same catalogue.
 */
const catalogue = {
  invalid_input: {
    nl: 'De invoer klopt niet: {detail}. Controleer het veld en probeer het opnieuw.',
    en: 'The input is not valid: {detail}. Check the field and try again.',
  },
  unknown_channel: {
    nl: 'Onbekende opdracht "{channel}". Werk Klankbord bij of herstart de app.',
    en: 'Unknown request "{channel}". Update or restart Klankbord.',
  },
  not_found: {
    nl: '{what} bestaat niet (meer). Vernieuw het scherm.',
    en: '{what} does not exist (any more). Refresh the screen.',
  },
  no_profile: {
    nl: 'Kies eerst wie je bent (rechtsboven) voordat je verdergaat.',
    en: 'Choose who you are first (top right) before you continue.',
  },
  profile_role: {
    nl: '{name} is geen coach, teammanager of trainer en kan dus niet als profiel worden gekozen.',
    en: '{name} is not a coach, team manager or trainer and cannot be chosen as a profile.',
  },
  staff_duplicate_number: {
    nl: 'Personeelsnummer {employeeNumber} is al in gebruik door {name}. Kies een ander nummer.',
    en: 'Employee number {employeeNumber} is already used by {name}. Choose another number.',
  },
  roster_unreadable: {
    nl: 'Het bestand "{fileName}" is geen leesbare CSV: {reason}',
    en: 'The file "{fileName}" is not a readable CSV: {reason}',
  },
  recording_unreadable: {
    nl: '"{fileName}" kon niet worden geïmporteerd: {reason}',
    en: '"{fileName}" could not be imported: {reason}',
  },
  upload_missing: {
    nl: 'Het geüploade bestand "{fileName}" is niet meer beschikbaar. Sleep het bestand opnieuw hierheen.',
    en: 'The uploaded file "{fileName}" is no longer available. Drop the file here again.',
  },
  audio_removed: {
    nl: 'De audio van deze opname is verwijderd wegens de bewaartermijn.',
    en: 'The audio of this recording was removed because of the retention period.',
  },
  advisor_required: {
    nl: 'Koppel eerst een klantadviseur aan deze opname voordat je haar beoordeelt.',
    en: 'Link an advisor to this recording before you evaluate it.',
  },
  not_an_advisor: {
    nl: '{name} is geen klantadviseur. Kies een klantadviseur.',
    en: '{name} is not an advisor. Choose an advisor.',
  },
  evaluation_not_draft: {
    nl: 'Deze beoordeling is al definitief en kan niet meer als concept worden gewijzigd.',
    en: 'This evaluation is already final and can no longer be changed as a draft.',
  },
  evaluation_not_yours: {
    nl: 'Dit concept is van {coachName}. Alleen die coach kan het wijzigen.',
    en: 'This draft belongs to {coachName}. Only that coach can change it.',
  },
  evaluation_incomplete: {
    nl: 'Nog niet alle verplichte criteria zijn beantwoord: {missing}. Beantwoord ze (of kies n.v.t. waar dat mag) en rond opnieuw af.',
    en: 'Not all required criteria are answered: {missing}. Answer them (or choose n/a where allowed) and finalise again.',
  },
  evaluation_answer_invalid: {
    nl: 'Het antwoord bij "{criterion}" is ongeldig: {reason}',
    en: 'The answer for "{criterion}" is not valid: {reason}',
  },
  sample_redraw_reason: {
    nl: 'Geef een reden op waarom dit gesprek opnieuw wordt geloot (bijvoorbeeld: onverstaanbaar, privégesprek of geen klantgesprek).',
    en: 'Give a reason why this call is drawn again (for example: unintelligible, a private call or not a customer call).',
  },
  sample_item_replaced: {
    nl: 'Dit gesprek is al vervangen door een ander gesprek in de steekproef. Vernieuw het scherm.',
    en: 'This call was already replaced by another call in the sample. Refresh the screen.',
  },
  sample_no_replacement: {
    nl: 'Er is geen ander geschikt gesprek van {name} in {month} om dit gesprek door te vervangen. Het gesprek blijft in de steekproef.',
    en: 'There is no other suitable call of {name} in {month} to replace this call. The call stays in the sample.',
  },
  sample_file_missing: {
    nl: 'Het bestand "{path}" is niet gevonden in de bronmap "{source}". Controleer of de map bereikbaar is en scan opnieuw.',
    en: 'The file "{path}" was not found in the source folder "{source}". Check that the folder is reachable and scan again.',
  },
  db_newer_version: {
    nl: 'Deze database is gemaakt met een nieuwere versie van Klankbord (schema {found}, deze versie kent t/m {known}). Werk Klankbord bij, of kies een andere gegevensmap.',
    en: 'This database was made by a newer version of Klankbord (schema {found}, this version knows up to {known}). Update Klankbord or choose another data folder.',
  },
  db_not_klankbord: {
    nl: 'Het bestand {path} is geen Klankbord-database of is beschadigd. Zet een back-up terug of kies een andere gegevensmap.',
    en: 'The file {path} is not a Klankbord database or is damaged. Restore a backup or choose another data folder.',
  },
  source_folder_unreadable: {
    nl: 'De map "{path}" kan niet worden gelezen: {reason}. Controleer het pad en of Klankbord toegang heeft tot de (netwerk)map.',
    en: 'The folder "{path}" cannot be read: {reason}. Check the path and whether Klankbord has access to the (network) folder.',
  },
  source_pattern_invalid: {
    nl: 'Het bestandsnaampatroon "{pattern}" klopt niet: {reason}',
    en: 'The file-name pattern "{pattern}" is not valid: {reason}',
  },
  source_scan_running: {
    nl: 'Deze bron wordt al gescand. Wacht tot de scan klaar is of breek hem af.',
    en: 'This source is already being scanned. Wait for the scan to finish or cancel it.',
  },
  source_media_unplayable: {
    nl: 'Het bestand "{path}" ({codec}) kan niet direct worden afgespeeld. Neem het op in een steekproef of importeer het bij Opnames: dan maakt Klankbord er een afspeelbare kopie van.',
    en: 'The file "{path}" ({codec}) cannot be played directly. Add it to a sample or import it under Recordings: Klankbord then makes a playable copy.',
  },
  coach_required: {
    nl: '{name} is geen coach. Kies een coach.',
    en: '{name} is not a coach. Choose a coach.',
  },
  feedback_evaluation_invalid: {
    nl: 'De beoordeling van {call} kan niet in dit feedbackgesprek worden besproken: {reason}. Vernieuw het scherm en kies opnieuw.',
    en: 'The evaluation of {call} cannot be discussed in this feedback session: {reason}. Refresh the screen and choose again.',
  },
  feedback_comment_required: {
    nl: 'De adviseur is het niet eens: schrijf op waarmee niet, zodat het later terug te lezen is.',
    en: 'The advisor does not agree: write down what about, so it can be read back later.',
  },
  action_point_invalid: {
    nl: 'Actiepunt "{description}": {reason}',
    en: 'Action point "{description}": {reason}',
  },
  dispute_reason_required: {
    nl: 'Geef de reden op waarom de adviseur het niet eens is met deze beoordeling.',
    en: 'Give the reason why the advisor disagrees with this evaluation.',
  },
  dispute_not_allowed: {
    nl: 'Deze beoordeling kan niet worden betwist: {reason}',
    en: 'This evaluation cannot be disputed: {reason}',
  },
  dispute_second_coach: {
    nl: 'Voor een second opinion is een andere coach nodig dan {name}, die de beoordeling maakte. Kies een andere coach.',
    en: 'A second opinion needs a coach other than {name}, who made the evaluation. Choose another coach.',
  },
  dispute_not_yours: {
    nl: 'Deze second opinion is gevraagd aan {name}. Kies rechtsboven dat profiel om hem te maken.',
    en: 'This second opinion was asked of {name}. Choose that profile (top right) to make it.',
  },
  dispute_closed: {
    nl: 'Over dit bezwaar is al besloten ({outcome}). Vernieuw het scherm.',
    en: 'This dispute has already been decided ({outcome}). Refresh the screen.',
  },
  dispute_second_not_final: {
    nl: 'De second opinion is nog niet afgerond. Wacht tot {name} hem heeft afgerond voordat je besluit.',
    en: 'The second opinion is not finished yet. Wait until {name} has finalised it before you decide.',
  },
  evaluation_blind: {
    nl: 'Je maakt een blinde second opinion op dit gesprek. De eerdere beoordeling is zichtbaar zodra je eigen beoordeling is afgerond.',
    en: 'You are making a blind second opinion on this call. The earlier evaluation becomes visible once your own is finalised.',
  },
  rubric_not_draft: {
    nl: 'Versie {version} van "{name}" is gepubliceerd en kan niet meer worden gewijzigd. Maak een nieuwe conceptversie.',
    en: 'Version {version} of "{name}" is published and can no longer be changed. Create a new draft version.',
  },
  rubric_draft_exists: {
    nl: 'Van "{name}" bestaat al een conceptversie ({version}). Werk die bij of verwijder hem eerst.',
    en: '"{name}" already has a draft version ({version}). Update it or delete it first.',
  },
  rubric_invalid: {
    nl: 'Het beoordelingsformulier klopt niet: {reason}',
    en: 'The rubric is not valid: {reason}',
  },
  rubric_file_invalid: {
    nl: '"{fileName}" is geen geldig Klankbord-beoordelingsformulier: {reason}. Exporteer het formulier opnieuw als JSON en probeer het nog eens.',
    en: '"{fileName}" is not a valid Klankbord rubric: {reason}. Export the rubric as JSON again and retry.',
  },
  rubric_version_not_published: {
    nl: 'Versie {version} van "{name}" is nog een concept. Publiceer hem eerst voordat je hem voor nieuwe beoordelingen kiest.',
    en: 'Version {version} of "{name}" is still a draft. Publish it before you choose it for new evaluations.',
  },
  feedback_date_invalid: {
    nl: 'De datum van het feedbackgesprek ({heldOn}) ligt in de toekomst. Leg een gesprek vast nadat het is gevoerd.',
    en: 'The date of the feedback session ({heldOn}) is in the future. Record a session after it was held.',
  },
  rubric_key_in_use: {
    nl: 'De sleutel "{key}" is al in gebruik door het formulier "{name}". Elk formulier heeft een eigen sleutel: kies een andere.',
    en: 'The key "{key}" is already used by the rubric "{name}". Each rubric has its own key: choose another one.',
  },
  second_opinion_pending: {
    nl: 'Deze second opinion van {name} is nog niet afgerond. Hij is te zien zodra {name} hem heeft afgerond, zodat de beoordeling blind blijft.',
    en: 'This second opinion by {name} is not finished yet. It can be seen once {name} has finalised it, so the evaluation stays blind.',
  },
  report_range_invalid: {
    nl: 'De gekozen periode van {from} tot en met {to} kan niet: {reason}. Kies een andere begin- of eindmaand.',
    en: 'The chosen period from {from} to {to} is not possible: {reason}. Choose another first or last month.',
  },
  onboarding_running: {
    nl: '{name} heeft al een lopend inwerktraject (gestart op {startDate}). Open dat traject, of rond het eerst af.',
    en: '{name} already has an onboarding in progress (started on {startDate}). Open that onboarding, or complete it first.',
  },
  trainer_required: {
    nl: '{name} is geen trainer. Kies een trainer.',
    en: '{name} is not a trainer. Choose a trainer.',
  },
  buddy_invalid: {
    nl: '{name} kan geen buddy zijn: een buddy is een ervaren, actieve klantadviseur die zelf niet wordt ingewerkt. Kies een andere collega.',
    en: '{name} cannot be a buddy: a buddy is an experienced, active advisor who is not being onboarded. Choose another colleague.',
  },
  onboarding_closed: {
    nl: 'Het inwerktraject van {name} is afgerond op {date} en kan niet meer worden gewijzigd. Je kunt het wel teruglezen.',
    en: 'The onboarding of {name} was completed on {date} and can no longer be changed. You can still read it.',
  },
  onboarding_date_range: {
    nl: 'De datum {date} valt buiten het inwerktraject. Kies een datum van {from} tot en met vandaag ({to}).',
    en: 'The date {date} is outside the onboarding. Choose a date from {from} up to today ({to}).',
  },
  onboarding_item_signed: {
    nl: '"{title}" is al afgetekend door {name} op {date}. Maak het aftekenen eerst ongedaan als je het opnieuw wilt doen.',
    en: '"{title}" was already signed off by {name} on {date}. Undo the sign-off first if you want to do it again.',
  },
  onboarding_level_order: {
    nl: '"{level}" kan nog niet worden vastgelegd: de niveaus worden in volgorde bereikt. Leg eerst "{previous}" vast.',
    en: '"{level}" cannot be recorded yet: the levels are reached in order. Record "{previous}" first.',
  },
  onboarding_level_reached: {
    nl: '"{level}" is al bereikt op {date}. Maak dat niveau eerst ongedaan als de datum niet klopt.',
    en: '"{level}" was already reached on {date}. Undo that level first if the date is wrong.',
  },
  onboarding_level_date: {
    nl: '"{level}" kan niet op {date} zijn bereikt: dat is vóór "{previous}" ({previousDate}). Kies een datum op of na {previousDate}.',
    en: '"{level}" cannot have been reached on {date}: that is before "{previous}" ({previousDate}). Choose a date on or after {previousDate}.',
  },
  onboarding_no_buddy: {
    nl: '{name} heeft nog geen buddy. Wijs eerst een buddy toe en leg dan de check-in vast.',
    en: '{name} has no buddy yet. Assign a buddy first, then record the check-in.',
  },
  onboarding_items_open: {
    nl: 'Er zijn nog {count} onderdelen van het programma niet afgetekend. Teken ze af voordat je het inwerktraject afrondt.',
    en: '{count} items of the program are not signed off yet. Sign them off before you complete the onboarding.',
  },
  onboarding_not_independent: {
    nl: '{name} werkt nog niet volledig zelfstandig. Leg dat niveau eerst vast in de buddyfase en rond dan af.',
    en: '{name} does not work fully independently yet. Record that level in the buddy phase first, then complete.',
  },
  program_name_in_use: {
    nl: 'Er bestaat al een inwerkprogramma met de naam "{name}". Kies een andere naam.',
    en: 'An onboarding program named "{name}" already exists. Choose another name.',
  },
  anonymise_not_left: {
    nl: '{name} is nog in dienst. Zet de status eerst op "Uit dienst"; pas daarna kun je anonimiseren.',
    en: '{name} is still employed. Set the status to "Left" first; only then can you anonymise.',
  },
  anonymise_already_done: {
    nl: 'Deze medewerker is al geanonimiseerd op {date}.',
    en: 'This person was already anonymised on {date}.',
  },
  anonymise_confirm_mismatch: {
    nl: 'De ingevulde naam komt niet overeen met "{name}". Typ de naam precies over om te bevestigen.',
    en: 'The name you typed does not match "{name}". Type the name exactly to confirm.',
  },
  db_corrupt: {
    nl: 'Het databasebestand {path} is beschadigd ({detail}). Zet een back-up terug of kies een andere gegevensmap.',
    en: 'The database file {path} is damaged ({detail}). Restore a backup or choose another data folder.',
  },
  backup_not_found: {
    nl: 'De back-up "{fileName}" bestaat niet (meer) in de back-upmap. Vernieuw de lijst en kies een andere.',
    en: 'The backup "{fileName}" does not exist (any more) in the backup folder. Refresh the list and choose another.',
  },
  backup_unusable: {
    nl: 'De back-up "{fileName}" is niet bruikbaar: {reason}. Kies een andere back-up.',
    en: 'The backup "{fileName}" cannot be used: {reason}. Choose another backup.',
  },
  app_not_started: {
    nl: 'Klankbord is niet gestart omdat de database niet te openen is. Zet een back-up terug of kies een andere gegevensmap.',
    en: 'Klankbord did not start because the database cannot be opened. Restore a backup or choose another data folder.',
  },
  app_busy: {
    nl: 'Klankbord opent op dit moment andere gegevens (een back-up of de demo-omgeving). Wacht even en probeer het dan opnieuw.',
    en: 'Klankbord is opening other data right now (a backup or the demo environment). Wait a moment and try again.',
  },
  calibration_blind: {
    nl: 'De antwoorden van de anderen zijn zichtbaar zodra je je eigen beoordeling hebt ingeleverd of de sessie is gesloten.',
    en: "The others' answers become visible once you have submitted your own scoring or the session is closed.",
  },
  calibration_closed: {
    nl: 'De kalibratiesessie "{title}" is gesloten. Je kunt niet meer beoordelen; bekijk de vergelijking.',
    en: 'The calibration session "{title}" is closed. You can no longer score; look at the comparison.',
  },
  calibration_open: {
    nl: 'Sluit de kalibratiesessie eerst; daarna leg je de afgesproken antwoorden vast.',
    en: 'Close the calibration session first; then record the agreed answers.',
  },
  calibration_not_participant: {
    nl: '{name} doet niet mee aan deze kalibratiesessie. Vraag de organisator om je toe te voegen.',
    en: '{name} does not take part in this calibration session. Ask the organiser to add you.',
  },
  calibration_participants: {
    nl: 'Kies minstens twee deelnemers (coaches, teammanagers of trainers die in dienst zijn); {name} kan niet meedoen.',
    en: 'Choose at least two participants (coaches, team managers or trainers who are employed); {name} cannot take part.',
  },
  calibration_too_few: {
    nl: 'Een kalibratiesessie heeft minstens twee verschillende deelnemers nodig. Kies er nog een.',
    en: 'A calibration session needs at least two different participants. Choose another one.',
  },
  calibration_organiser: {
    nl: 'Alleen {name}, die de sessie aanmaakte, of een teammanager kan de kalibratiesessie sluiten en de afgesproken antwoorden vastleggen.',
    en: 'Only {name}, who created the session, or a team manager can close the calibration session and record the agreed answers.',
  },
  team_mode_unsupported: {
    nl: 'Dit kan alleen met een eigen database op deze werkplek. In teammodus regelt de ICT-afdeling back-ups en herstel op de PostgreSQL-server.',
    en: 'This is only possible with a database of its own on this workstation. In team mode IT takes care of backups and restores on the PostgreSQL server.',
  },
  team_unreachable: {
    nl: 'De teamdatabase op {host}:{port} is niet bereikbaar ({detail}). Controleer de servernaam en poort, of de server draait en of het netwerk hem toelaat.',
    en: 'The team database at {host}:{port} cannot be reached ({detail}). Check the server name and port, whether the server runs and whether the network allows it.',
  },
  team_login_refused: {
    nl: 'De teamdatabase weigert gebruiker "{user}" ({detail}). Controleer gebruikersnaam en wachtwoord bij de ICT-afdeling.',
    en: 'The team database refuses user "{user}" ({detail}). Check the user name and password with IT.',
  },
  team_database_missing: {
    nl: 'De database "{database}" bestaat niet op {host}. Laat de ICT-afdeling hem aanmaken (zie de handleiding "Teammodus").',
    en: 'The database "{database}" does not exist on {host}. Ask IT to create it (see the "Team mode" guide).',
  },
  team_rights_missing: {
    nl: 'Gebruiker "{user}" heeft niet genoeg rechten in database "{database}" ({detail}). De gebruiker moet tabellen kunnen aanmaken en wijzigen; zie de handleiding "Teammodus".',
    en: 'User "{user}" lacks rights in database "{database}" ({detail}). The user must be able to create and change tables; see the "Team mode" guide.',
  },
  team_not_empty: {
    nl: 'De teamdatabase "{database}" bevat al gegevens ({detail}). Gegevens van een werkplek kunnen alleen in een lege teamdatabase worden overgezet; samenvoegen met bestaande gegevens kan niet, omdat beoordelingen en medewerkers dan dubbel zouden komen.',
    en: 'The team database "{database}" already holds data ({detail}). A workstation\'s data can only be moved into an empty team database; merging with existing data is not supported, because evaluations and staff would then be duplicated.',
  },
  team_move_local_only: {
    nl: 'Overzetten kan alleen vanuit de eigen database van deze werkplek naar de teamdatabase. Zet eerst de teammodus aan met de gegevens van deze werkplek nog aanwezig.',
    en: "Moving is only possible from this workstation's own database into the team database. Switch team mode on while this workstation's data is still present.",
  },
  team_settings_missing: {
    nl: 'Teammodus is op deze werkplek niet ingesteld. Vul in Instellingen → Teammodus de gegevens van de teamdatabase in.',
    en: 'Team mode is not set up on this workstation. Fill in the team database details in Settings → Team mode.',
  },
  team_secret_unavailable: {
    nl: 'Het wachtwoord van de teamdatabase kan op deze werkplek niet veilig worden bewaard of gelezen ({detail}). Vul het wachtwoord opnieuw in bij Instellingen → Teammodus.',
    en: 'The team database password cannot be stored or read securely on this workstation ({detail}). Enter the password again in Settings → Team mode.',
  },
  team_settings_invalid: {
    nl: 'Het bestand met de teaminstellingen ({path}) klopt niet: {detail}. Zet de teammodus uit of vul de gegevens opnieuw in.',
    en: 'The team settings file ({path}) is not valid: {detail}. Switch team mode off or enter the details again.',
  },
  edit_conflict: {
    nl: '{what} is intussen ergens anders opgeslagen ({at}). Jouw laatste wijziging is niet opgeslagen, zodat de andere niet verloren gaat. Laad het scherm opnieuw en breng je wijziging daarna nog eens aan.',
    en: '{what} was saved somewhere else in the meantime ({at}). Your last change was not saved, so the other one is not lost. Reload the screen and make your change again.',
  },
  sign_in_failed: {
    nl: 'Personeelsnummer of wachtwoord klopt niet. Controleer beide en probeer het opnieuw; weet je je wachtwoord niet meer, vraag dan je teammanager een nieuw in te stellen.',
    en: 'Employee number or password is not correct. Check both and try again; if you forgot your password, ask your team manager to set a new one.',
  },
  sign_in_required: {
    nl: 'Log eerst in met je personeelsnummer en wachtwoord voordat je verdergaat.',
    en: 'Sign in with your employee number and password before you continue.',
  },
  sign_in_off: {
    nl: 'Inloggen met een wachtwoord staat op deze werkplek niet aan; kies je profiel rechtsboven.',
    en: 'Signing in with a password is not switched on at this workstation; choose your profile at the top right.',
  },
  profile_choice_off: {
    nl: 'Op deze werkplek log je in met je personeelsnummer en wachtwoord; een profiel kiezen kan hier niet.',
    en: 'At this workstation you sign in with your employee number and password; choosing a profile is not possible here.',
  },
  access_denied: {
    nl: 'Je hebt geen toegang tot {what}: {why}. Heb je dit wel nodig, vraag het dan aan je teammanager.',
    en: 'You have no access to {what}: {why}. If you do need it, ask your team manager.',
  },
  password_too_short: {
    nl: 'Het wachtwoord is te kort: gebruik minstens {min} tekens. Een zin van een paar woorden onthoud je makkelijk.',
    en: 'The password is too short: use at least {min} characters. A sentence of a few words is easy to remember.',
  },
  password_current_wrong: {
    nl: 'Je huidige wachtwoord klopt niet, dus het nieuwe is niet ingesteld. Typ je huidige wachtwoord opnieuw.',
    en: 'Your current password is not correct, so the new one was not set. Type your current password again.',
  },
  first_manager_taken: {
    nl: 'Er is al een wachtwoord ingesteld, dus de eerste inrichting is klaar. Log in, of vraag een teammanager je wachtwoord in te stellen.',
    en: 'A password has already been set, so the first setup is done. Sign in, or ask a team manager to set your password.',
  },
  first_manager_role: {
    nl: '{name} is geen teammanager (of is uit dienst). Alleen een teammanager kan het eerste wachtwoord instellen.',
    en: '{name} is not a team manager (or has left). Only a team manager can set the first password.',
  },
  password_not_for_role: {
    nl: '{name} is klantadviseur of uit dienst en logt niet in bij Klankbord; een wachtwoord is alleen voor coaches, teammanagers en trainers.',
    en: '{name} is an advisor or has left and does not sign in to Klankbord; a password is only for coaches, team managers and trainers.',
  },
  internal: {
    nl: 'Er ging onverwacht iets mis ({detail}). Je werk tot nu toe is bewaard; probeer het opnieuw of herstart Klankbord.',
    en: 'Something unexpected went wrong ({detail}). Your work so far is saved; try again or restart Klankbord.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof catalogue;
export type ErrorParams = Record<string, string | number>;
export const errorCodes = Object.keys(catalogue) as [ErrorCode, ...ErrorCode[]];

export function formatError(code: ErrorCode, params: ErrorParams, lang: Language): string {
  const template: string = catalogue[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
