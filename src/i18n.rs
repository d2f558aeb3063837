//! Every string the widget shows, in Italian and English, side by side.
//!
//! The `strings!` table makes a missing language a compile error, and the tests below fail on an
//! empty or untranslated entry. Strings from the domain (criteria, kinds, needs) come from
//! `welfare_core` as `Text` values and are checked there.

use welfare_core::Lang;

macro_rules! strings {
    ($($key:ident => $it:literal, $en:literal;)*) => {
        /// A key of the UI string table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($key),* }

        impl K {
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// (Italian, English).
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(K::$key => ($it, $en)),* }
            }

            pub fn get(self, lang: Lang) -> &'static str {
                let (it, en) = self.pair();
                match lang {
                    Lang::It => it,
                    Lang::En => en,
                }
            }

            /// The string with each `{}` replaced in turn by an argument, and each `{one|other}` by the
            /// form that agrees with the argument just before it: `one` for exactly `1`, `other` for any
            /// other count (0 included, as in Italian and English). "{} {Comune trovato|Comuni trovati}"
            /// gives "1 Comune trovato", "2 Comuni trovati".
            pub fn fill(self, lang: Lang, args: &[&str]) -> String {
                let mut out = String::new();
                let mut rest = self.get(lang);
                let mut args = args.iter();
                let mut last = "";
                while let Some((head, tail)) = rest.split_once('{') {
                    out.push_str(head);
                    let Some((inner, after)) = tail.split_once('}') else {
                        out.push('{');
                        rest = tail;
                        break;
                    };
                    if inner.is_empty() {
                        last = args.next().copied().unwrap_or_default();
                        out.push_str(last);
                    } else if let Some((one, other)) = inner.split_once('|') {
                        out.push_str(if last.trim() == "1" { one } else { other });
                    } else {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                    rest = after;
                }
                out.push_str(rest);
                out
            }
        }
    };
}

strings! {
    AppName => "Verifica la tua idea", "Check your idea";
    Programme => "Fondazione Cariplo · Welfare in Azione", "Fondazione Cariplo · Welfare in Azione";
    LangSwitchTo => "English", "Italiano";
    StartLead => "Il bando «{}» finanzia reti pubblico-private che costruiscono welfare di comunità e innovano il modo di rispondere a un bisogno sociale del territorio.",
                 "The call “{}” funds public-private networks that build community welfare and find new ways to answer a local social need.";
    StartWhoHeading => "Chi può partecipare", "Who may apply";
    StartWho => "Una rete di enti pubblici e del privato sociale, con un ente capofila, che lavora in Lombardia o nelle province di Novara e del Verbano-Cusio-Ossola.",
                "A network of public bodies and non-profit organisations, with a lead applicant, working in Lombardy or in the provinces of Novara and Verbano-Cusio-Ossola.";
    StartWhatHeading => "Cosa verifichi", "What the check covers";
    StartWhat1 => "se la tua idea rispetta i requisiti del bando, uno per uno, e cosa cambiare se non li rispetta;",
                 "whether your idea meets each of the call's requirements, and what to change if it does not;";
    StartWhat2 => "quanto è forte sui criteri di valutazione (comunità, innovazione, partenariato, risorse);",
                 "how strong it is on the assessment criteria (community, innovation, partnership, resources);";
    StartWhat3 => "quali progetti già finanziati somigliano al tuo e quali partner potresti coinvolgere.",
                 "which funded projects resemble yours and which partners you could involve.";
    StartTimeHeading => "Quanto tempo serve", "How long it takes";
    StartTime => "Circa 10 minuti. Le risposte restano sul tuo dispositivo: nulla viene inviato.",
                "About 10 minutes. Your answers stay on your device: nothing is sent anywhere.";
    StartDeadline => "Scadenza per presentare l'idea progettuale: {}", "Deadline for the project idea: {}";
    StartClosed => "La {} è chiusa. La verifica resta utile per preparare la prossima.",
                  "{} is closed. The check still helps you prepare for the next one.";
    StartButton => "Inizia la verifica", "Start the check";
    StartNoteAssumed => "Alcune regole non sono confermate dalle fonti pubbliche: le segnaliamo come «probabili».",
                       "Some rules are not confirmed by public sources: we mark them as “likely”.";
    StepOf => "Passo {} di {}", "Step {} of {}";
    Continue => "Continua", "Continue";
    Back => "Indietro", "Back";
    ErrorSummaryTitle => "C'è un problema", "There is a problem";
    Optional => "(facoltativo)", "(optional)";
    Yes => "Sì", "Yes";
    No => "No", "No";
    NotYet => "Non ancora", "Not yet";
    Remove => "Rimuovi", "Remove";
    Edit => "Modifica", "Edit";
    Cancel => "Annulla", "Cancel";
    // Network builder
    NetworkTitle => "La rete di partner", "Your network of partners";
    NetworkIntro => "Elenca gli enti che presentano l'idea insieme. Il bando chiede almeno un ente pubblico e almeno un ente del privato sociale (terzo settore). Il capofila presenta l'idea e risponde per tutta la rete.",
                   "List the organisations proposing the idea together. The call asks for at least one public body and at least one non-profit (third-sector) organisation. The lead applicant (capofila) submits the idea and answers for the whole network.";
    NetworkEmpty => "Nessun partner ancora.", "No partners yet.";
    NetworkMembersHeading => "Partner della rete ({})", "Network members ({})";
    NetworkAddHeading => "Aggiungi un partner", "Add a partner";
    NetworkEditHeading => "Modifica il partner", "Edit the partner";
    MemberName => "Nome dell'ente", "Name of the organisation";
    MemberNameHint => "Per esempio: Comune di Sondrio, Cooperativa sociale Il Sentiero.", "For example: Comune di Sondrio, Cooperativa sociale Il Sentiero.";
    MemberKind => "Che tipo di ente è?", "What kind of organisation is it?";
    MemberKindChoose => "Scegli il tipo", "Choose the kind";
    MemberProvince => "Dove ha sede?", "Where is it based?";
    MemberProvinceChoose => "Scegli la provincia", "Choose the province";
    MemberLetter => "Ha firmato la lettera d'intenti?", "Has it signed the letter of intent?";
    MemberLetterHint => "Per la fase dell'idea ogni partner firma una lettera d'intenti (o un accordo di massima).", "For the idea phase each partner signs a letter of intent (or an agreement in principle).";
    MemberAdd => "Aggiungi alla rete", "Add to the network";
    MemberSave => "Salva le modifiche", "Save changes";
    MemberLead => "Capofila", "Lead applicant";
    MakeLead => "Rendi capofila", "Make lead";
    ErrorMemberName => "Scrivi il nome dell'ente", "Enter the name of the organisation";
    HintNonConventional => "Soggetti non convenzionali (imprese, università, sindacati…) rafforzano la valutazione.", "Non-conventional actors (companies, universities, unions…) strengthen the assessment.";
    MemberAdded => "{} aggiunto alla rete.", "{} added to the network.";
    MemberRemoved => "{} rimosso dalla rete.", "{} removed from the network.";
    LetterSigned => "lettera firmata", "letter signed";
    LetterMissing => "lettera non firmata", "letter not signed";
    LetterUnknown => "lettera: non indicato", "letter: not stated";
    // Social need
    NeedsTitle => "Il bisogno sociale", "The social need";
    NeedsAreas => "Quali bisogni affronta la vostra idea?", "Which needs does your idea address?";
    NeedsAreasHint => "Scegli tutti quelli che valgono.", "Choose all that apply.";
    NeedsBeneficiaries => "Chi sono i beneficiari?", "Who are the beneficiaries?";
    NeedsDescription => "Descrivi l'idea in poche righe", "Describe the idea in a few lines";
    NeedsDescriptionHint => "Il problema, il cambiamento che cercate, cosa c'è di nuovo. Serve a trovare progetti e partner simili; resta sul tuo dispositivo.",
                            "The problem, the change you seek, what is new. It helps find similar projects and partners; it stays on your device.";
    // Money
    MoneyTitle => "Costi e contributo", "Cost and grant";
    MoneyIntro => "Importi in euro, interi. Puoi scrivere 1.500.000 o 1500000.", "Amounts in whole euros. You can write 1,500,000 or 1500000.";
    MoneyTotal => "Costo totale del progetto", "Total cost of the project";
    MoneyGrant => "Contributo richiesto a Fondazione Cariplo", "Grant requested from Fondazione Cariplo";
    MoneyShare => "Il contributo è il {} del costo totale; il cofinanziamento della rete è {}.", "The grant is {} of the total cost; the network co-finances {}.";
    MoneyShareOver => "Il contributo supera il costo totale.", "The grant exceeds the total cost.";
    MoneySources => "Da dove viene il cofinanziamento?", "Where does the co-financing come from?";
    ErrorAmount => "Scrivi un importo in euro, solo cifre (per esempio 1.500.000)", "Enter an amount in euros, digits only (for example 1,500,000)";
    ErrorAmountTooLarge => "L'importo è troppo grande", "The amount is too large";
    // Merit
    MeritTitle => "Autovalutazione", "Self-assessment";
    MeritIntro => "I criteri di valutazione del bando. Non sono requisiti: dicono quanto è forte l'idea. Rispondi come stanno le cose oggi.",
                  "The call's assessment criteria. They are not requirements: they say how strong the idea is. Answer as things stand today.";
    MeritNotAnswered => "Non so / non ancora", "Don't know / not yet";
    // Territory
    TerritoryTitle => "Dove si svolge il progetto", "Where the project takes place";
    TerritoryIntro => "Il bando riguarda la Lombardia e le province di Novara e del Verbano-Cusio-Ossola.", "The call covers Lombardy and the provinces of Novara and Verbano-Cusio-Ossola.";
    TerritoryProvince => "In quale provincia?", "In which province?";
    TerritoryProvinceHint => "Se il progetto tocca più province, aggiungile una alla volta.", "If the project spans several provinces, add them one at a time.";
    TerritoryProvinceChoose => "Scegli una provincia", "Choose a province";
    TerritoryAddProvince => "Aggiungi la provincia", "Add the province";
    TerritoryGroupIn => "Territorio del bando", "Territory of the call";
    TerritoryGroupOut => "Altre province italiane", "Other Italian provinces";
    TerritoryChosen => "Province scelte", "Chosen provinces";
    TerritoryOutside => "{} è fuori dal territorio del bando, che è riservato alla Lombardia e alle province di Novara e del Verbano-Cusio-Ossola. Puoi comunque proseguire: la verifica ti mostrerà il resto e i progetti simili.",
                        "{} is outside the call's territory, which is reserved to Lombardy and the provinces of Novara and Verbano-Cusio-Ossola. You can still go on: the check will show you the rest and similar projects.";
    TerritoryMunicipality => "In quali Comuni?", "In which municipalities?";
    TerritoryMunicipalityHint => "Scrivi le prime lettere e scegli dall'elenco con le frecce e Invio.", "Type the first letters and pick from the list with the arrow keys and Enter.";
    TerritoryResults => "{} {Comune trovato|Comuni trovati}", "{} {municipality|municipalities} found";
    TerritoryNoResults => "Nessun Comune trovato", "No municipality found";
    TerritoryMunicipalities => "Comuni scelti", "Chosen municipalities";
    // Check your answers
    ReviewTitle => "Controlla le risposte", "Check your answers";
    ReviewIntro => "Puoi cambiare ogni risposta prima di vedere l'esito.", "You can change any answer before seeing the result.";
    ReviewProvinces => "Province", "Provinces";
    ReviewMunicipalities => "Comuni", "Municipalities";
    ReviewMembers => "Partner", "Members";
    ReviewLead => "Capofila", "Lead applicant";
    ReviewNeeds => "Bisogni", "Needs";
    ReviewBeneficiaries => "Beneficiari", "Beneficiaries";
    ReviewDescription => "Descrizione", "Description";
    ReviewCost => "Costo totale", "Total cost";
    ReviewGrant => "Contributo richiesto", "Requested grant";
    ReviewCofinancing => "Cofinanziamento", "Co-financing";
    ReviewMerit => "Autovalutazione", "Self-assessment";
    ReviewMeritCount => "{} {risposta|risposte} su {}", "{} of {} answered";
    ReviewNotAnswered => "Non indicato", "Not answered";
    ReviewChange => "Cambia", "Change";
    ReviewSubmit => "Vedi l'esito", "See the result";
    // Result
    ResultTitle => "L'esito della verifica", "The result of the check";
    ResultAdmissible => "Ammissibile", "Admissible";
    ResultNotYet => "Non ancora ammissibile", "Not yet admissible";
    ResultIncomplete => "Da completare", "To be completed";
    ResultClosedNote => "L'edizione è chiusa: la verifica vale come preparazione per la prossima.", "This edition is closed: use the check to prepare for the next one.";
    ResultNotMetHeading => "Requisiti non ancora soddisfatti ({})", "Requirements not yet met ({})";
    ResultUnansweredHeading => "Da completare ({})", "Still to answer ({})";
    ResultMetHeading => "Requisiti soddisfatti ({})", "Requirements met ({})";
    ResultMeritCriteriaHeading => "Altri criteri di valutazione", "Other assessment criteria";
    ResultHowToFix => "Come rimediare:", "How to fix it:";
    ResultSeePartners => "Vedi i partner suggeriti", "See the suggested partners";
    ResultLikely => "regola probabile", "likely rule";
    StatusMet => "Soddisfatto", "Met";
    StatusNotMet => "Non soddisfatto", "Not met";
    StatusUnanswered => "Da completare", "Not yet answered";
    ResultAnswer => "Rispondi", "Answer";
    MeritHeading => "Punti di forza secondo i criteri di valutazione", "Strengths on the assessment criteria";
    MeritChartTitle => "Punteggio per dimensione, da 0 a 100", "Score per dimension, from 0 to 100";
    MeritScoreText => "{}: {} su 100", "{}: {} out of 100";
    MeritNotAssessed => "non ancora valutato", "not yet assessed";
    MeritAdvice => "Per rafforzarla:", "To strengthen it:";
    NextStepsHeading => "Prossimi passi", "Next steps";
    NextSteps1 => "Leggi il bando e i documenti ufficiali: questa verifica non sostituisce la valutazione della Fondazione.", "Read the call and the official documents: this check does not replace the Foundation's assessment.";
    NextSteps2 => "Contatta i partner suggeriti e i progetti simili per imparare dalla loro esperienza.", "Contact the suggested partners and similar projects to learn from their experience.";
    NextSteps3 => "Raccogli le lettere d'intenti dei partner prima di presentare l'idea.", "Collect the partners' letters of intent before submitting the idea.";
    DocumentsHeading => "Documenti ufficiali", "Official documents";
    OpensNewTab => "(si apre in una nuova scheda)", "(opens in a new tab)";
    Print => "Stampa o salva in PDF", "Print or save as PDF";
    // Matches
    MatchProjectsHeading => "Progetti finanziati da cui imparare", "Funded projects to learn from";
    MatchProjectsIntro => "Progetti di Welfare in Azione simili alla tua idea, con il perché.", "Welfare in Azione projects similar to your idea, and why.";
    MatchPartnersHeading => "Partner che potresti coinvolgere", "Partners you could involve";
    MatchPartnersIntro => "Enti reali del territorio, dai progetti finanziati e dagli elenchi pubblici. Prima quelli che colmano un requisito mancante.",
                          "Real organisations of the territory, from funded projects and public lists. Those that fill a missing requirement come first.";
    MatchNone => "Nessun risultato per ora: aggiungi bisogni, territorio o una descrizione.", "No results yet: add needs, territory or a description.";
    MatchWhy => "Perché:", "Why:";
    MatchEdition => "Edizione {}", "Edition {}";
    MatchSource => "Fonte", "Source";
    MatchUnverified => "dati da verificare", "data to be checked";
    // Around the result
    ShareHeading => "Condividi o riprendi più tardi", "Share or come back later";
    ShareIntro => "Il link contiene le tue risposte nella parte dopo #, che il browser non invia a nessun server.", "The link holds your answers in the part after #, which the browser sends to no server.";
    ShareLabel => "Link al risultato", "Link to the result";
    ShareCopy => "Copia il link", "Copy the link";
    ShareCopied => "Link copiato.", "Link copied.";
    ForgetAnswers => "Dimentica le mie risposte", "Forget my answers";
    NoticeResumed => "Abbiamo ripreso le risposte salvate su questo dispositivo.", "We restored the answers saved on this device.";
    NoticeShareRestored => "Risposte aperte da un link condiviso.", "Answers opened from a shared link.";
    NoticeShareDamaged => "Il link condiviso è incompleto o danneggiato: non è stato possibile leggere le risposte. Puoi iniziare una nuova verifica.",
                          "The shared link is incomplete or damaged: the answers could not be read. You can start a new check.";
    NoticeShareVersion => "Il link è stato creato da un'altra versione della verifica ({}) e non può essere letto. Puoi iniziare una nuova verifica.",
                          "The link was made by another version of the check ({}) and cannot be read. You can start a new check.";
    NoticeStorage => "Questo browser non permette di salvare: le risposte restano solo in questa pagina.", "This browser does not allow saving: your answers stay only in this page.";
    Dismiss => "Chiudi l'avviso", "Dismiss";
    // Kiosk and embedding
    KioskRestart => "Ricomincia da capo", "Start over";
    IdleTitle => "Sei ancora qui?", "Are you still there?";
    IdleText => "Tra {} {secondo|secondi} la verifica ricomincia e le risposte vengono cancellate.", "In {} {second|seconds} the check starts over and the answers are deleted.";
    IdleContinue => "Sì, continuo", "Yes, I'm still here";
    QrHeading => "Porta l'esito sul telefono", "Take the result on your phone";
    QrText => "Inquadra il codice con la fotocamera: il link contiene le tue risposte.", "Scan the code with your camera: the link holds your answers.";
    QrLabel => "Codice QR del link al risultato", "QR code of the link to the result";
    NoticeCatalogUnavailable => "Non è stato possibile caricare l'elenco di progetti, partner e comuni ({}): la verifica dei requisiti funziona, i suggerimenti no. Riprova ricaricando la pagina.", "The list of projects, partners and municipalities could not be loaded ({}): the eligibility check works, the suggestions do not. Try reloading the page.";
    CatalogMissing => "Progetti e partner simili non sono disponibili: l'elenco non è stato caricato. Ricarica la pagina per riprovare.", "Similar projects and partners are not available: the list could not be loaded. Reload the page to try again.";
    CatalogLoading => "Sto caricando l'elenco di progetti, partner e comuni…", "Loading the list of projects, partners and municipalities…";
    NoticeCatalog => "Non è stato possibile aggiornare l'elenco di progetti e partner ({}): usiamo quello incluso.", "The list of projects and partners could not be updated ({}): we use the bundled one.";
    SkipToContent => "Vai al contenuto", "Skip to content";
    Loading => "Caricamento…", "Loading…";
    // Operator settings and staff preview
    PreviewBanner => "Anteprima: data simulata, {}. L'esito vale per quella data; i link condivisi usano la data reale.",
                     "Preview: simulated date, {}. The result holds for that date; shared links use the real date.";
    CrashHeading => "Qualcosa non ha funzionato", "Something went wrong";
    CrashText => "La verifica si è interrotta. Puoi riprendere con le risposte salvate su questo dispositivo, o ricominciare da zero (le risposte salvate vengono cancellate).",
                 "The check stopped. You can resume with the answers saved on this device, or start from scratch (the saved answers are deleted).";
    CrashResume => "Riprendi", "Resume";
    CrashFresh => "Ricomincia da zero", "Start from scratch";
    QrUnavailable => "Il codice QR non è disponibile: non è stato possibile caricare il modulo che lo disegna. Fotografa l'esito sullo schermo o prendine nota.",
                     "The QR code is not available: the module that draws it could not be loaded. Take a photo of the result on the screen or note it down.";
    // The result page: its contents, and the merit dimensions not (fully) assessed (issue 14).
    OnThisPage => "In questa pagina", "On this page";
    ResultNavMatches => "Partner e progetti suggeriti", "Suggested partners and projects";
    MeritScoreNotAssessed => "{}: non ancora valutato", "{}: not yet assessed";
    MeritPartlyAssessed => "valutazione parziale: non tutte le domande hanno una risposta", "partly assessed: not every question is answered";
    // Faults (issue 13): a share link over a saved draft, the clipboard, the QR code, the limits, the matches.
    DraftKept => "Su questo dispositivo c'è una bozza salvata, diversa dalle risposte di questo link: resta salvata finché non scegli quale tenere.",
                 "This device has a saved draft, different from the answers in this link: it stays saved until you choose which to keep.";
    DraftOpen => "Apri la bozza", "Open the draft";
    DraftKeepLink => "Tieni il link (sostituisce la bozza)", "Keep the link (it replaces the draft)";
    ShareNotCopied => "Il link non è stato copiato: questo browser non lo permette. È selezionato nel campo qui sopra: copialo a mano.",
                      "The link was not copied: this browser does not allow it. It is selected in the field above: copy it by hand.";
    QrWithoutDescription => "Il codice porta tutte le risposte tranne la descrizione dell'idea, troppo lunga per un codice QR.",
                            "The code carries every answer except the description of the idea, which is too long for a QR code.";
    QrTooLarge => "Le risposte sono troppe per un codice QR (molti partner o nomi lunghi): fotografa l'esito sullo schermo o prendine nota.",
                  "There are too many answers for a QR code (many partners or long names): take a photo of the result on the screen or note it down.";
    MemberCapReached => "Rete al completo: massimo {} partner", "Network full: at most {} partners";
    MemberCapWhy => "La verifica può salvare e condividere al massimo {} partner. Per aggiungerne un altro, rimuovine uno.",
                    "The check can save and share at most {} partners. To add another, remove one.";
    MatchesFailed => "Progetti e partner simili non sono disponibili: la ricerca si è interrotta. Ricarica la pagina per riprovare.",
                     "Similar projects and partners are not available: the search stopped. Reload the page to try again.";
    // A suggested partner joins the network from the result page (issue 14, point 2).
    SuggestionAdd => "Aggiungi alla rete", "Add to the network";
    SuggestionAdded => "{} è nella rete, senza lettera d'intenti per ora. L'esito è aggiornato:", "{} is in the network, without a letter of intent for now. The result is updated:";
    SuggestionUndo => "Annulla", "Undo";
    // A member's name suggests organisations and municipalities of the directory (issue 14, point 1).
    DirectoryResults => "{} {ente trovato|enti trovati}: scegline uno o continua a scrivere", "{} {organisation|organisations} found: choose one or keep typing";
    DirectoryNone => "Nessun ente trovato nell'elenco: scrivi il nome per intero", "No organisation found in the list: type the full name";
    // A message to a suggested partner or a funded project; the idea beside the funded ones (issue 14, points 4 and 5).
    MessageButton => "Prepara un messaggio", "Prepare a message";
    MessageLabel => "Bozza del messaggio per {}", "Draft message to {}";
    MessageCopy => "Copia il messaggio", "Copy the message";
    MessageNote => "Nulla viene inviato: copia il messaggio e mandalo tu. L'elenco non ha indirizzi: cerca il contatto sul sito dell'ente.",
                 "Nothing is sent: copy the message and send it yourself. The directory has no addresses: look for a contact on the organisation's website.";
}

/// Strings that are the same in both languages on purpose (proper names).
#[cfg(test)]
const SAME_IN_BOTH: &[K] = &[K::Programme, K::No, K::MemberNameHint];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_has_both_languages_and_is_translated() {
        let mut problems = Vec::new();
        for &k in K::ALL {
            let (it, en) = k.pair();
            if it.trim().is_empty() {
                problems.push(format!("{k:?}: Italian is missing"));
            }
            if en.trim().is_empty() {
                problems.push(format!("{k:?}: English is missing"));
            }
            if it == en && !SAME_IN_BOTH.contains(&k) {
                problems.push(format!("{k:?}: English is a copy of the Italian"));
            }
            if it.matches("{}").count() != en.matches("{}").count() {
                problems.push(format!("{k:?}: the two languages take different arguments"));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// Every string that shows a count with a noun, at 0, 1 and 2, in both languages (issue 14:
    /// "1 Comuni trovati").
    #[test]
    fn counts_agree_with_their_nouns() {
        let cases: &[(K, &[&str], &str, &str)] = &[
            (K::TerritoryResults, &["0"], "0 Comuni trovati", "0 municipalities found"),
            (K::TerritoryResults, &["1"], "1 Comune trovato", "1 municipality found"),
            (K::TerritoryResults, &["2"], "2 Comuni trovati", "2 municipalities found"),
            (
                K::DirectoryResults,
                &["1"],
                "1 ente trovato: scegline uno o continua a scrivere",
                "1 organisation found: choose one or keep typing",
            ),
            (
                K::DirectoryResults,
                &["2"],
                "2 enti trovati: scegline uno o continua a scrivere",
                "2 organisations found: choose one or keep typing",
            ),
            (K::ReviewMeritCount, &["0", "1"], "0 risposte su 1", "0 of 1 answered"),
            (K::ReviewMeritCount, &["1", "12"], "1 risposta su 12", "1 of 12 answered"),
            (K::ReviewMeritCount, &["2", "1"], "2 risposte su 1", "2 of 1 answered"),
            (
                K::IdleText,
                &["0"],
                "Tra 0 secondi la verifica ricomincia e le risposte vengono cancellate.",
                "In 0 seconds the check starts over and the answers are deleted.",
            ),
            (
                K::IdleText,
                &["1"],
                "Tra 1 secondo la verifica ricomincia e le risposte vengono cancellate.",
                "In 1 second the check starts over and the answers are deleted.",
            ),
            (
                K::IdleText,
                &["2"],
                "Tra 2 secondi la verifica ricomincia e le risposte vengono cancellate.",
                "In 2 seconds the check starts over and the answers are deleted.",
            ),
            // A count in parentheses after a heading needs no noun.
            (K::NetworkMembersHeading, &["1"], "Partner della rete (1)", "Network members (1)"),
        ];
        let mut wrong = Vec::new();
        for (k, args, it, en) in cases {
            for (lang, want) in [(Lang::It, it), (Lang::En, en)] {
                let got = k.fill(lang, args);
                if got != *want {
                    wrong.push(format!("{k:?} {args:?} {lang:?}: {got:?}, want {want:?}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// A `{one|other}` choice has two forms and follows the `{}` it agrees with; a string with one
    /// is only ever filled, never shown with `get`.
    #[test]
    fn plural_choices_are_well_formed() {
        let mut problems = Vec::new();
        for &k in K::ALL {
            for text in [k.pair().0, k.pair().1] {
                let mut seen_count = false;
                for piece in text.split('{').skip(1) {
                    let inner = piece.split_once('}').map(|(inner, _)| inner);
                    match inner {
                        Some("") => seen_count = true,
                        Some(choice) => {
                            let forms: Vec<&str> = choice.split('|').collect();
                            if forms.len() != 2 || forms.iter().any(|f| f.trim().is_empty()) || !seen_count {
                                problems.push(format!("{k:?}: {{{choice}}}"));
                            }
                        }
                        None => problems.push(format!("{k:?}: an unclosed {{")),
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(K::TerritoryResults.fill(Lang::It, &[]), " Comuni trovati", "a missing argument is no count of one");
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(K::StartDeadline.fill(Lang::En, &["28 April 2016"]), "Deadline for the project idea: 28 April 2016");
        assert!(K::StartClosed.fill(Lang::It, &["III edizione (2016)"]).starts_with("La III edizione (2016) è chiusa"));
    }

    /// CONTRIBUTING.md's "A UI string", done once: a table with one new key, its two languages and
    /// a count's noun, read and filled the way components do.
    mod a_new_string {
        use welfare_core::Lang;

        strings! {
            PartnersFound => "{} {partner trovato|partner trovati}", "{} {partner found|partners found}";
        }

        #[test]
        fn is_one_line_of_the_table() {
            assert_eq!(K::ALL, [K::PartnersFound]);
            assert_eq!(K::PartnersFound.fill(Lang::It, &["1"]), "1 partner trovato");
            assert_eq!(K::PartnersFound.fill(Lang::It, &["3"]), "3 partner trovati");
            assert_eq!(K::PartnersFound.fill(Lang::En, &["1"]), "1 partner found");
            assert_eq!(K::PartnersFound.fill(Lang::En, &["0"]), "0 partners found");
        }
    }
}
