import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { listTopics } from '../recordings/recordings';
import type { ActivityKind, AnswerData, EvaluationData, IndependenceLevel, OnboardingData, PersonData } from './collect';

/**
 * The access export as one HTML file a person can open in any browser and print: Dutch, inline
 * CSS, no scripts, no external resources, and every stored text escaped, so a note that happens to
 * contain markup shows as the text it is.
 */

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Marks markup built here, so text from the database can never be mistaken for it. */
class Html {
  constructor(readonly value: string) {}
}
type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part as string | number));
}

/** Tagged template: interpolated values are escaped unless they are Html built by this module. */
function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

const roles = { advisor: 'Klantadviseur', coach: 'Coach', trainer: 'Trainer', manager: 'Teammanager' } as const;
const staffStatuses = { active: 'Actief', onboarding: 'Inwerken', left: 'Uit dienst' } as const;
const evaluationStatuses = { draft: 'Concept', final: 'Definitief', discussed: 'Besproken', disputed: 'Betwist' } as const;
const kinds = { regular: 'Reguliere beoordeling', second_opinion: 'Second opinion', calibration: 'Kalibratie' } as const;
const critical = { customer: 'Klantkritisch', business: 'Bedrijfskritisch', compliance: 'Compliancekritisch' } as const;
const changes: Record<string, string> = {
  finalized: 'Definitief gemaakt',
  discussed: 'Besproken in feedbackgesprek',
  disputed: 'Bezwaar vastgelegd',
  original_kept: 'Origineel behouden na bezwaar',
  replaced: 'Vervangen door second opinion',
  replaces_original: 'Vervangt de oorspronkelijke beoordeling',
};
const outcomes = { original_kept: 'Origineel behouden', replaced: 'Vervangen door second opinion' } as const;
const agreements = { agreed: 'Akkoord', disagreed: 'Niet akkoord' } as const;
const actionStatuses = { open: 'Open', done: 'Afgerond', dropped: 'Vervallen' } as const;
const onboardingStatuses = { running: 'Loopt', completed: 'Afgerond' } as const;
const sampleStatuses = { active: 'Getrokken', replaced: 'Vervangen' } as const;
const levels: Record<IndependenceLevel, string> = {
  listening_in: 'Meeluisteren',
  calling_with_buddy: 'Bellen met buddy ernaast',
  independent_buddy_nearby: 'Zelfstandig met buddy beschikbaar',
  fully_independent: 'Volledig zelfstandig',
};
const activities: Record<ActivityKind, string> = {
  evaluations_as_coach: 'Beoordelingen gemaakt als coach',
  feedback_as_coach: 'Feedbackgesprekken gevoerd als coach',
  markers_written: 'Notities bij gesprekken geschreven',
  disputes_raised: 'Bezwaren vastgelegd',
  second_opinions: 'Gevraagd voor een second opinion',
  disputes_decided: 'Bezwaren besloten',
  onboardings_as_trainer: 'Inwerktrajecten als trainer',
  onboardings_as_buddy: 'Inwerktrajecten als buddy',
  checkins_recorded: 'Buddy-check-ins gehouden of vastgelegd',
  coached_advisors: 'Koppelingen als coach van een klantadviseur',
  samples_drawn: 'Steekproeven getrokken',
  recordings_imported: 'Opnames geïmporteerd',
  audit_actions: 'Wijzigingen in de auditlog op uw naam',
};
const auditEntities: Record<string, string> = { staff: 'Personeelsgegevens', privacy: 'Privacy' };

const NONE = '—';

/** The department's name as the screens show it; an unknown topic as it was written. */
function topicLabel(key: string | null): string | null {
  if (key === null) return null;
  return listTopics().find((t) => t.key === key)?.label ?? key;
}
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as "3 november 2026"; a stored moment with its time as well. */
export function dutchMoment(value: string | null): string {
  if (!value) return NONE;
  const d = parseISO(value);
  if (Number.isNaN(d.getTime())) return value;
  return format(d, dateOnly.test(value) ? 'd MMMM yyyy' : 'd MMMM yyyy HH:mm', { locale: nl });
}

const dutchPeriod = (period: string | null) => (period ? format(parseISO(`${period}-01`), 'LLLL yyyy', { locale: nl }) : NONE);
const pct = (value: number | null) =>
  value === null ? 'geen score' : `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value)}%`;
const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
};
const text = (value: string | null | undefined) => (value && value.trim() !== '' ? html`<span class="text">${value}</span>` : NONE);

function answerValue(a: AnswerData): string {
  if (a.notApplicable) return 'n.v.t.';
  if (a.value === null) return 'niet ingevuld';
  if (a.type === 'yes_no') return a.value >= 1 ? 'Ja' : 'Nee';
  return `${a.value} van ${a.scaleMax}${a.valueLabel ? ` — ${a.valueLabel}` : ''}`;
}

/** A two-column table of labelled facts. */
function facts(rows: ReadonlyArray<readonly [string, Part]>): Html {
  return html`<table class="facts">
    <tbody>
      ${rows.map(
        ([label, value]) =>
          html`<tr>
            <th scope="row">${label}</th>
            <td>${value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function table(caption: string, headers: readonly string[], rows: ReadonlyArray<readonly Part[]>): Html {
  if (rows.length === 0) return html`<p class="empty">${caption}: geen.</p>`;
  return html`<table class="list">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (cells) =>
          html`<tr>
            ${cells.map((c) => html`<td>${c}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function section(id: string, title: string, count: number | null, body: Part): Html {
  return html`<section id="${id}">
    <h2>${title}${count === null ? '' : html` <span class="count">(${count})</span>`}</h2>
    ${body}
  </section>`;
}

function evaluationBlock(e: EvaluationData): Html {
  const heading = `Beoordeling ${e.id} — gesprek van ${dutchMoment(e.callAt)}`;
  return html`<article class="evaluation" id="beoordeling-${e.id}">
    <h3>${heading}</h3>
    ${facts([
      ['Periode', dutchPeriod(e.period)],
      ['Gesprek', html`${e.recordingName}<br /><small>${e.topic ? `onderwerp ${topicLabel(e.topic)}` : 'geen onderwerp'}</small>`],
      ['Coach', e.coachName],
      ['Beoordelingsformulier', `${e.rubricName}, versie ${e.rubricVersion}`],
      ['Soort', `${kinds[e.kind]}${e.counts ? '' : ' (telt niet mee in de cijfers)'}`],
      ['Status', evaluationStatuses[e.status]],
      ['Score', html`<strong>${pct(e.scorePct)}</strong>`],
      ['Kritieke fouten', e.criticalErrors.length === 0 ? 'geen' : e.criticalErrors.map((c) => critical[c]).join(', ')],
      ['Afgerond op', dutchMoment(e.finalizedAt)],
      ['Besproken op', dutchMoment(e.discussedOn)],
      ['Tops', text(e.tops)],
      ['Tips', text(e.tips)],
    ])}
    ${table(
      'Antwoorden per criterium',
      ['Onderdeel', 'Criterium', 'Antwoord', 'Toelichting'],
      e.answers.map((a) => [a.section, a.criterion, answerValue(a), text(a.note)]),
    )}
    ${table(
      'Notities bij het gesprek',
      ['Moment in gesprek', 'Notitie', 'Criterium', 'Door', 'Geschreven op'],
      e.markers.map((m) => [clock(m.atSeconds), text(m.text), m.criterion ?? NONE, m.authorName, dutchMoment(m.createdAt)]),
    )}
    ${table(
      'Geschiedenis van de beoordeling',
      ['Versie', 'Wijziging', 'Door', 'Wanneer', 'Toelichting'],
      e.history.map((v) => [v.revision, changes[v.change] ?? v.change, v.changedByName ?? NONE, dutchMoment(v.changedAt), text(v.note)]),
    )}
    ${e.disputes.map(
      (d) =>
        html`<div class="dispute">
          <h4>Bezwaar ${d.id}</h4>
          ${facts([
            ['Reden', text(d.reason)],
            ['Vastgelegd door', `${d.raisedByName}, ${dutchMoment(d.raisedAt)}`],
            ['Second opinion door', d.secondCoachName],
            ['Uitkomst', d.outcome ? outcomes[d.outcome] : 'Nog open'],
            ['Toelichting bij de uitkomst', text(d.outcomeNote)],
            ['Besloten door', d.decidedByName ? `${d.decidedByName}, ${dutchMoment(d.decidedAt)}` : NONE],
          ])}
        </div>`,
    )}
  </article>`;
}

function onboardingBlock(o: OnboardingData): Html {
  return html`<article class="onboarding">
    <h3>${o.programName} — gestart ${dutchMoment(o.startDate)}</h3>
    ${facts([
      ['Status', onboardingStatuses[o.status]],
      ['Trainingsweken', o.trainingWeeks],
      ['Trainer', o.trainerName],
      ['Buddy', o.buddyName ?? NONE],
      ['Afgerond op', o.completedOn ? `${dutchMoment(o.completedOn)}${o.completedByName ? `, door ${o.completedByName}` : ''}` : NONE],
      ['Afsluitende notitie', text(o.completionNote)],
    ])}
    ${table(
      'Onderdelen van het programma',
      ['Week', 'Categorie', 'Onderdeel', 'Afgetekend op', 'Door', 'Notitie'],
      o.items.map((i) => [i.week, i.category, i.title, dutchMoment(i.signedOffOn), i.signedOffByName ?? NONE, text(i.note)]),
    )}
    ${table(
      'Buddyfase: bereikte niveaus',
      ['Niveau', 'Bereikt op', 'Vastgelegd door'],
      o.levels.map((l) => [levels[l.level], dutchMoment(l.reachedOn), l.recordedByName ?? NONE]),
    )}
    ${table(
      'Check-ins met de buddy',
      ['Datum', 'Buddy', 'Niveau', 'Ging goed', 'Om te oefenen', 'Vastgelegd door'],
      o.checkins.map((c) => [
        dutchMoment(c.heldOn),
        c.buddyName ?? NONE,
        levels[c.level],
        text(c.wentWell),
        text(c.toPractise),
        c.recordedByName ?? NONE,
      ]),
    )}
  </article>`;
}

const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1b1e;margin:0;background:#fff;line-height:1.45;font-size:15px}
main{max-width:60rem;margin:0 auto;padding:2rem 1.5rem 4rem}
h1{font-size:1.7rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid #1c5e8c;color:#123e5c}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .5rem}
.count{font-weight:400;color:#495057}
.lead{color:#343a40}
.intro{background:#f1f6fa;border-left:4px solid #1c5e8c;padding:.75rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #ced4da;padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e9ecef}
table.facts th{width:14rem;background:#f8f9fa;font-weight:600}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.empty{color:#495057;font-style:italic}
article{border:1px solid #dee2e6;border-radius:6px;padding:.25rem 1rem .5rem;margin:1rem 0;break-inside:avoid-page}
.dispute{border-left:4px solid #e8590c;padding-left:.75rem}
nav ol{columns:2;margin:.5rem 0}
nav li{margin:.15rem 0}
nav a{display:inline-block;min-height:24px;line-height:24px}
small{color:#495057}
footer{margin-top:3rem;color:#495057;font-size:.85rem}
@media print{main{padding:0}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
`;

/** The whole document. `exportedAt` is the moment of the export, shown in the heading. */
export function renderAccessHtml(data: PersonData, exportedAt: string, exportedBy: string | null): string {
  const p = data.person;
  const sections: Array<{ id: string; title: string; count: number | null; body: Part }> = [
    {
      id: 'gegevens',
      title: 'Persoonsgegevens',
      count: null,
      body: facts([
        ['Naam', p.name],
        ['Personeelsnummer', p.employeeNumber],
        ['Team', p.team || NONE],
        ['Rol', roles[p.role]],
        ['Startdatum', dutchMoment(p.startDate)],
        ['Status', staffStatuses[p.status]],
        ['In Klankbord sinds', dutchMoment(p.createdAt)],
        ['Laatst gewijzigd', dutchMoment(p.updatedAt)],
        ['Geanonimiseerd op', dutchMoment(p.anonymisedAt)],
      ]),
    },
    {
      id: 'beoordelingen',
      title: 'Beoordelingen van gesprekken',
      count: data.evaluations.length,
      body: data.evaluations.length === 0 ? html`<p class="empty">Er zijn geen beoordelingen.</p>` : data.evaluations.map(evaluationBlock),
    },
    {
      id: 'feedback',
      title: 'Feedbackgesprekken',
      count: data.feedbackSessions.length,
      body:
        data.feedbackSessions.length === 0
          ? html`<p class="empty">Er zijn geen feedbackgesprekken.</p>`
          : data.feedbackSessions.map(
              (s) =>
                html`<article>
                  <h3>Feedbackgesprek van ${dutchMoment(s.heldOn)}</h3>
                  ${facts([
                    ['Coach', s.coachName],
                    [
                      'Besproken beoordelingen',
                      s.evaluationIds.length === 0 ? NONE : s.evaluationIds.map((id) => `beoordeling ${id}`).join(', '),
                    ],
                    ['Tops', text(s.tops)],
                    ['Tips', text(s.tips)],
                    ['Reactie', text(s.reaction)],
                    ['Akkoord', agreements[s.agreement]],
                    ['Toelichting bij niet akkoord', text(s.disagreementComment)],
                  ])}
                </article>`,
            ),
    },
    {
      id: 'actiepunten',
      title: 'Actiepunten',
      count: data.actionPoints.length,
      body: table(
        'Actiepunten',
        ['Actiepunt', 'Criterium', 'Streefdatum', 'Status', 'Opvolging', 'Afgesproken', 'Afgesloten'],
        data.actionPoints.map((a) => [
          text(a.description),
          a.criterion ?? NONE,
          dutchMoment(a.dueDate),
          actionStatuses[a.status],
          text(a.followUpNote),
          `${dutchMoment(a.createdAt)}${a.createdByName ? `, ${a.createdByName}` : ''}`,
          a.closedAt ? `${dutchMoment(a.closedAt)}${a.closedByName ? `, ${a.closedByName}` : ''}` : NONE,
        ]),
      ),
    },
    {
      id: 'inwerken',
      title: 'Inwerktraject',
      count: data.onboardings.length,
      body: data.onboardings.length === 0 ? html`<p class="empty">Er is geen inwerktraject.</p>` : data.onboardings.map(onboardingBlock),
    },
    {
      id: 'opnames',
      title: 'Opnames van gesprekken',
      count: data.recordings.length,
      body: html`<p>
          De geluidsopnames zelf zitten niet in dit bestand. Ze worden na de bewaartermijn automatisch verwijderd; de beoordelingen blijven
          bestaan.
        </p>
        ${table(
          'Opnames',
          ['Gesprek op', 'Duur', 'Bestandsnaam', 'Onderwerp', 'Geïmporteerd', 'Geluid'],
          data.recordings.map((r) => [
            dutchMoment(r.callAt),
            clock(r.durationSeconds),
            r.fileName,
            topicLabel(r.topic) ?? NONE,
            dutchMoment(r.importedAt),
            r.audioStored
              ? 'Bewaard'
              : r.audioRemovedAt
                ? `Verwijderd wegens bewaartermijn op ${dutchMoment(r.audioRemovedAt)}`
                : 'Niet opgeslagen',
          ]),
        )}`,
    },
    {
      id: 'planning',
      title: 'Steekproef, norm en coach',
      count: null,
      body: html`${table(
        'Gesprekken gekozen in de maandelijkse steekproef',
        ['Maand', 'Gesprek', 'Status', 'Reden', 'Reden van vervanging'],
        data.samplePicks.map((s) => [
          dutchPeriod(s.period),
          s.fileName ?? NONE,
          sampleStatuses[s.status],
          text(s.reason),
          text(s.replaceReason),
        ]),
      )}${table(
        'Afwijkend aantal beoordelingen per maand',
        ['Van', 'Tot en met', 'Per maand', 'Reden'],
        data.quotaOverrides.map((o) => [
          dutchPeriod(o.fromPeriod),
          o.toPeriod ? dutchPeriod(o.toPeriod) : 'tot nader order',
          o.perMonth,
          text(o.reason),
        ]),
      )}${table(
        'Coaches',
        ['Coach', 'Van', 'Tot'],
        data.coachAssignments.map((a) => [a.coachName, dutchMoment(a.fromDate), a.toDate ? dutchMoment(a.toDate) : 'nu']),
      )}`,
    },
    {
      id: 'werk',
      title: 'Werk in Klankbord voor anderen',
      count: null,
      body: html`<p>
          Wat er op uw naam is vastgelegd als coach, trainer, buddy of planner. Alleen aantallen: de gegevens van collega's staan in hun
          eigen overzicht.
        </p>
        ${table(
          'Activiteit',
          ['Wat', 'Aantal', 'Eerste', 'Laatste'],
          data.activity.map((a) => [activities[a.kind], a.count, dutchMoment(a.first), dutchMoment(a.last)]),
        )}`,
    },
    {
      id: 'audit',
      title: 'Auditlog: wijzigingen in uw gegevens',
      count: data.auditEntries.length,
      body: table(
        'Vastgelegde wijzigingen en verzoeken',
        ['Wanneer', 'Door', 'Onderwerp', 'Wat'],
        data.auditEntries.map((a) => [dutchMoment(a.at), a.actorName ?? NONE, auditEntities[a.entity] ?? a.entity, text(a.summary)]),
      ),
    },
  ];

  const body = html`<main>
    <header>
      <h1>Inzage persoonsgegevens: ${p.name}</h1>
      <p class="lead">Personeelsnummer ${p.employeeNumber} · ${roles[p.role]}${p.team ? ` · ${p.team}` : ''}</p>
      <p class="lead">Export gemaakt op ${dutchMoment(exportedAt)}${exportedBy ? ` door ${exportedBy}` : ''}</p>
    </header>
    <div class="intro">
      <p>
        <strong>Wat is Klankbord?</strong> Klankbord is de applicatie waarmee het klantcontactcentrum de kwaliteit van telefoongesprekken
        bewaakt. Coaches luisteren opgenomen gesprekken terug, beoordelen ze met een beoordelingsformulier, schrijven notities, voeren
        feedbackgesprekken en maken actiepunten. Nieuwe medewerkers volgen er hun inwerktraject in.
      </p>
      <p>
        <strong>Wat staat in dit bestand?</strong> Alles wat Klankbord op het moment van de export over u bewaart: uw personeelsgegevens, de
        beoordelingen van uw gesprekken met alle antwoorden, notities en de geschiedenis ervan, bezwaren, feedbackgesprekken, actiepunten,
        uw inwerktraject, de lijst van opnames die aan u gekoppeld zijn, de steekproef- en planningsgegevens en de vastgelegde wijzigingen
        van uw gegevens. Dezelfde gegevens staan ook in een JSON-bestand voor wie ze machinaal wil lezen.
      </p>
      <p>Namen van collega's staan er alleen in bij wat zij over u hebben vastgelegd (zoals de coach van een beoordeling).</p>
    </div>
    <nav aria-label="Inhoud">
      <h2>Inhoud</h2>
      <ol>
        ${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}
      </ol>
    </nav>
    ${sections.map((s) => section(s.id, s.title, s.count, s.body))}
    <footer>
      Gemaakt door Klankbord voor een inzageverzoek (AVG artikel 15). Dit bestand bevat geen scripts en haalt niets van internet.
    </footer>
  </main>`;

  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Inzage persoonsgegevens — ${p.name}`)}</title>
<style>${css}</style>
</head>
<body>
${body.value}
</body>
</html>
`;
}
