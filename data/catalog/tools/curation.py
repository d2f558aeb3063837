# Hand-written curation of the 29 funded projects: the `Need` taxonomy, a visitor-facing summary
# (Italian, English) written strictly from the facts in ../../../shared/data/funded-projects.json,
# and which fields are unconfirmed. Keyed by the project's position in that file (stable) and
# checked against the beginning of its name by build_catalog.py.
#
# Staff: edit here and re-run `python3 data/catalog/tools/build_catalog.py`.

PROJECTS = {
    0: dict(
        name="Welfare di Tutti",
        id="welfare-di-tutti",
        needs=["elderly", "social_ties", "company_welfare", "families"],
        unconfirmed={"lead": "Inferred: the press calls it 'del Comune di Milano' and it is listed first."},
        it="A Milano, una piattaforma digitale cittadina per i servizi domiciliari, due spazi informativi e un welfare legato a condomini, aziende e scuole, con gruppi di partner nelle Zone 5 e 8.",
        en="In Milan, a citywide digital platform for home-care services, two info spaces and welfare linked to condominiums, companies and schools, with partner groups in Zones 5 and 8.",
    ),
    1: dict(
        name="Living Land",
        id="living-land",
        needs=["elderly", "families", "youth", "employment"],
        unconfirmed={"grant": "Reported as 'circa un milione e mezzo' (approximate)."},
        it="Negli ambiti di Lecco, Merate e Bellano, cinque Living Lab progettano risposte di comunità: laboratori estivi per ragazzi, servizi a domicilio per anziani e formazione delle badanti.",
        en="In the Lecco, Merate and Bellano districts, five Living Labs co-design community responses: summer labs for young people, home services for the elderly and training for care workers.",
    ),
    2: dict(
        name="+++ Segni Positivi",
        id="segni-positivi",
        needs=["poverty", "employment"],
        unconfirmed={"grant": "The article says 'con un milione di euro' (wording slightly ambiguous)."},
        it="In 22 Comuni del distretto di Sondrio: l'emporio solidale Emporion (spesa in cambio di servizio alla comunità), i 'Cantieri' di lavoro per recuperare sentieri e territorio e azioni di comunità.",
        en="In 22 municipalities of the Sondrio district: the Emporion solidarity market (shopping in exchange for community service), 'Cantieri' job placements restoring trails and land, and community actions.",
    ),
    3: dict(
        name="#Oltreiperimetri",
        id="oltreiperimetri",
        needs=["poverty", "employment", "housing", "families"],
        unconfirmed={"lead": "Conflict: bilanciosocialerho.it names the Comune di Rho as lead; Sercop and Arese name Sercop."},
        it="Nel Rhodense, azioni su indebitamento consapevole, lavoro (Job Community), casa (Smart House) e raccolta fondi, con quattro spazi di comunità #OPcafè.",
        en="In the Rho area, actions on responsible borrowing, work (Job Community), housing (Smart House) and fundraising, with four #OPcafè community spaces.",
    ),
    4: dict(
        name="Comunità Possibile",
        id="comunita-possibile",
        needs=["families", "social_ties"],
        unconfirmed={},
        it="Nell'ambito di Magenta (13 Comuni): spazi genitori-figli nelle scuole, attività estive co-progettate, aiuto nei compiti, reti tra famiglie e raccolta fondi di comunità.",
        en="In the Magenta district (13 municipalities): parent-child spaces in schools, co-designed summer activities, homework help, family networks and community fundraising.",
    ),
    5: dict(
        name="Fare Legami",
        id="fare-legami",
        needs=["poverty", "social_ties", "company_welfare", "families"],
        unconfirmed={},
        it="In tutta la provincia di Cremona: 'patti generativi' di attivazione, laboratori di comunità, Civic Center doposcuola e tavoli sul welfare aziendale.",
        en="Across the province of Cremona: 'generative pacts' of activation, community labs, after-school Civic Centers and company-welfare tables.",
    ),
    6: dict(
        name="Rigenerare Valore Sociale",
        id="rigenerare-valore-sociale",
        needs=["employment", "poverty"],
        unconfirmed={"lead": "Lead partner not found."},
        it="Nell'ambito di Lodi, un progetto di agricoltura sociale per l'inclusione lavorativa di persone svantaggiate, da cui è nata la Rete Agricoltura Sociale Lodigiana.",
        en="In the Lodi district, a social-agriculture project for the work inclusion of disadvantaged people, which gave rise to the Lodi social-agriculture network.",
    ),
    7: dict(
        name="La Cura è di Casa",
        id="la-cura-e-di-casa",
        needs=["elderly", "social_ties", "families"],
        unconfirmed={"lead": "Conflict: Sole24Ore says partners 'guidati dalla Provincia'; Ossolanews says it started on the initiative of the Consorzio dei servizi sociali del Verbano."},
        it="Nel Verbano-Cusio-Ossola e in alcuni Comuni del Novarese: cura di vicinato per anziani fragili con volontari, uno sportello unico e una piattaforma digitale.",
        en="In Verbano-Cusio-Ossola and some municipalities of the Novara area: neighbourhood care for frail elderly people with volunteers, a single access point and a digital platform.",
    ),
    8: dict(
        name="Brescia Città del Noi",
        id="brescia-citta-del-noi",
        needs=["social_ties", "families", "elderly", "disability", "youth", "migrants"],
        unconfirmed={},
        it="A Brescia, 'punti di comunità' nei quartieri, una nuova governance del welfare cittadino e un nuovo accreditamento dei servizi domiciliari.",
        en="In Brescia, neighbourhood 'community points', a new governance of the city's welfare and a new accreditation of home-care services.",
    ),
    9: dict(
        name="Revolutionary Road",
        id="revolutionary-road",
        needs=["housing", "employment", "poverty"],
        unconfirmed={},
        it="Nei distretti di Gallarate e Somma Lombardo, rimette in uso case sfitte costruendo la fiducia dei proprietari, offre percorsi di lavoro con imprese del territorio e porta la 'custodia sociale' nei cortili delle case Aler (Samarate, Somma Lombardo, poi Cavaria con Premezzo).",
        en="In the Gallarate and Somma Lombardo districts, it brings unused homes back into use by building owners' trust, offers job paths with local companies and brings 'social caretaking' (custodia sociale) to Aler public-housing courtyards (Samarate, Somma Lombardo, then Cavaria con Premezzo).",
    ),
    10: dict(
        name="TikiTaka",
        id="tikitaka",
        needs=["disability", "housing"],
        unconfirmed={},
        it="Nel distretto Desio-Monza, laboratori di co-progettazione e percorsi di autonomia abitativa per persone con disabilità e le loro famiglie: progetti di vita costruiti dentro la comunità.",
        en="In the Desio-Monza district, co-design labs and independent-housing paths for people with disabilities and their families: life plans built within the community.",
    ),
    11: dict(
        name="COnTatto",
        id="contatto",
        needs=["justice", "social_ties"],
        unconfirmed={},
        it="Negli ambiti di Como e Lomazzo-Fino Mornasco, una comunità riparativa: sportelli di mediazione dei conflitti e prevenzione nelle scuole.",
        en="In the Como and Lomazzo-Fino Mornasco districts, a restorative community: conflict-mediation desks and prevention in schools.",
    ),
    12: dict(
        name="Sbrighes!",
        id="sbrighes",
        needs=["youth", "employment", "families", "social_ties"],
        unconfirmed={
            "edition_year": "Inferred: the portal labels it 2017; launched May 2017 after the December 2016 decisions.",
            "lead": "Lead per Altarezianews; the portal lists 'Forme' first.",
        },
        it="Nell'ambito di Tirano (12 Comuni): un hub con coworking a Palazzo Foppoli, un incubatore di idee dei giovani e laboratori digitali e artigiani a Mazzo.",
        en="In the Tirano district (12 municipalities): a hub with coworking at Palazzo Foppoli, an incubator for young people's ideas and digital and craft labs in Mazzo.",
    ),
    13: dict(
        name="Generazione (BOOM)erang",
        id="generazione-boomerang",
        needs=["youth", "social_ties", "housing", "employment"],
        unconfirmed={},
        it="Nel distretto di Mantova (14 Comuni), dal 2017, azioni progettate dai giovani perché restino legati alla loro comunità, con percorsi di autonomia abitativa e lavorativa per gli under 30.",
        en="In the Mantua district (14 municipalities), since 2017, youth-led actions so that young people stay invested in their home community, with paths to independent housing and work for under-30s.",
    ),
    14: dict(
        name="Gioven TU",
        id="gioven-tu",
        needs=["youth", "employment"],
        unconfirmed={},
        it="Nell'ambito di Suzzara, partecipazione e inclusione sociale, culturale e lavorativa dei giovani con il coinvolgimento della comunità.",
        en="In the Suzzara district, social, cultural and work participation and inclusion of young people, with the community involved.",
    ),
    15: dict(
        name="aMIcittà",
        id="amicitta",
        needs=["mental_health", "housing", "employment"],
        unconfirmed={},
        it="A Milano (Municipio 9 e parte dei Municipi 2 e 3), il Budget di Salute di comunità per persone con disagio psichico, con esperti per esperienza e facilitatori naturali.",
        en="In Milan (Municipio 9 and parts of Municipi 2 and 3), a community health budget for people with mental illness, with peer-support experts and natural facilitators.",
    ),
    16: dict(
        name="Comunità che diventa famiglia",
        id="comunita-che-diventa-famiglia",
        needs=["families", "poverty"],
        unconfirmed={},
        it="Nel distretto di Morbegno (Bassa Valtellina), la figura del tutor di famiglia e nuovi luoghi d'incontro per le famiglie in difficoltà economica e relazionale.",
        en="In the Morbegno district (Lower Valtellina), a family-tutor role and new meeting places for families in economic and relational difficulty.",
    ),
    17: dict(
        name="LegamiLeali 2.0",
        id="legamileali",
        needs=["justice", "youth"],
        unconfirmed={},
        it="Nei 22 Comuni del Garda bresciano, legalità e prevenzione della devianza giovanile: riuso sociale di beni confiscati alla criminalità, laboratori nelle scuole e alternanza scuola-lavoro.",
        en="In the 22 municipalities of the Brescia shore of Lake Garda, legality and prevention of youth deviance: social reuse of property confiscated from organised crime, school labs and school-work alternation.",
    ),
    18: dict(
        name="Milano 2035",
        id="milano-2035",
        needs=["housing", "youth", "social_ties"],
        unconfirmed={},
        it="Una coalizione di 32 enti pubblici e privati amplia l'offerta di case per giovani dai 20 ai 35 anni a Milano e Cinisello Balsamo e attiva i quartieri.",
        en="A coalition of 32 public and private bodies expands housing for young people aged 20 to 35 in Milan and Cinisello Balsamo and activates neighbourhoods.",
    ),
    19: dict(
        name="Valoriamo",
        id="valoriamo",
        needs=["poverty", "employment", "company_welfare"],
        unconfirmed={
            "edition_year": "Inferred from timing: started Sept/end 2018, financed 2019-2022.",
            "lead": "Tuttowelfare names Consorzio Mestieri Lombardia as lead; Lecconotizie 2019 calls Consolida 'responsabile del progetto'.",
        },
        it="In provincia di Lecco, collega il welfare aziendale a quello pubblico: una piattaforma locale di servizi del terzo settore e un fondo per l'inserimento lavorativo.",
        en="In the province of Lecco, it links company welfare with public welfare: a local platform of third-sector services and a fund for job inclusion.",
    ),
    20: dict(
        name="Fili Sociali",
        id="fili-sociali",
        needs=["poverty", "social_ties", "housing"],
        unconfirmed={
            "lead": "Inferred: first-listed partner on the portal; a portal article calls it an initiative 'launched by the Comune di Bergamo with 4 other municipalities'.",
            "grant": "Single source (L'Eco di Bergamo); a small grant like Archimedes.",
        },
        it="Nell'ambito 1 di Bergamo (Bergamo e cinque Comuni vicini), rafforza l'ascolto e le reti di vicinato per raggiungere le famiglie nella 'zona grigia' della fragilità.",
        en="In Bergamo's district 1 (Bergamo and five neighbouring municipalities), it strengthens listening and neighbourhood networks to reach families in the 'grey zone' of fragility.",
    ),
    21: dict(
        name="Da #giovanidivalore",
        id="giovani-di-valore",
        needs=["youth", "employment"],
        unconfirmed={},
        it="Nella provincia di Varese (distretti di Tradate, Sesto Calende, Azzate e Arcisate e Malnate), una rete di Comuni, imprese e cooperative offre ai giovani dai 17 ai 29 anni lavoro, formazione ed esperienze all'estero.",
        en="In Varese province (Tradate, Sesto Calende, Azzate and Arcisate districts and Malnate), a network of municipalities, firms and cooperatives gives people aged 17 to 29 work, training and experiences abroad.",
    ),
    22: dict(
        name="#VAI",
        id="vai",
        needs=["social_ties", "poverty"],
        unconfirmed={},
        it="Nel distretto di Garbagnate Milanese (8 Comuni), bandi di micro-contributi 'Generare Legami' e spazi di comunità hanno attivato gruppi informali di cittadini.",
        en="In the Garbagnate Milanese district (8 municipalities), 'Generare Legami' micro-grant calls and community spaces activated informal groups of citizens.",
    ),
    23: dict(
        name="Milano Sei l'Altro",
        id="milano-sei-l-altro",
        needs=["families", "company_welfare", "poverty", "social_ties"],
        unconfirmed={},
        it="Nei Municipi 4 e 6 di Milano, nuovi servizi di conciliazione e welfare per lavoratori con carichi di cura, co-progettati con imprese e terzo settore, e portinerie di quartiere in via Melotti 4 (Santa Giulia) e al circolo Acli 'Terra e Libertà'.",
        en="In Milan's Municipi 4 and 6, new work-life balance and welfare services for workers with care loads, co-designed with companies and non-profits, and neighbourhood concierges (portinerie di quartiere) in via Melotti 4 (Santa Giulia) and at the Acli club 'Terra e Libertà'.",
    ),
    24: dict(
        name="Texére",
        id="texere",
        needs=["families", "social_ties"],
        unconfirmed={"lead": "Lead partner not found."},
        it="Nei distretti di Rozzano e Pieve Emanuele, contro la trascuratezza nella cura dei bambini: quattro 'Case per fare insieme' ed educatori nelle scuole.",
        en="In the Rozzano and Pieve Emanuele districts, against neglect in the care of children: four 'Case per fare insieme' and educators in schools.",
    ),
    25: dict(
        name="Fare #BeneComune",
        id="fare-benecomune",
        needs=["poverty", "families", "social_ties"],
        unconfirmed={},
        it="Nel distretto sociale di Pavia (12 Comuni), circa 10 'Laboratori Sociali' di comunità per ascolto, mutuo aiuto e co-produzione, contro la povertà delle famiglie con figli.",
        en="In the Pavia social district (12 municipalities), about 10 community 'Laboratori Sociali' for listening, mutual help and co-production, against poverty of families with children.",
    ),
    26: dict(
        name="Segni di Futuro",
        id="segni-di-futuro",
        needs=["youth", "employment"],
        unconfirmed={
            "lead": "Lead partner not found.",
            "cost": "Reported as 'almost 1.2 million' total budget (not exact).",
        },
        it="In Valle Camonica, occupabilità dei giovani: alternanza scuola-lavoro di qualità, laboratori di competenze e un osservatorio di comunità con le imprese locali.",
        en="In Valle Camonica, youth employability: better school-work alternation, skills labs and a community observatory with local firms.",
    ),
    27: dict(
        name="Archimedes",
        id="archimedes",
        needs=["poverty", "employment", "housing"],
        unconfirmed={},
        it="Nel distretto di Carate Brianza (13 Comuni), strumenti per le famiglie impoverite dalla crisi: microcredito, fondo di garanzia per l'affitto, borse lavoro per over 45 e banca del tempo.",
        en="In the Carate Brianza district (13 municipalities), tools for families impoverished by the crisis: micro-credit, a rent guarantee fund, work grants for over-45s and a time bank.",
    ),
    28: dict(
        name="Recovery.net",
        id="recovery-net",
        needs=["mental_health"],
        unconfirmed={},
        it="Nelle aree di Brescia e Mantova, un modello di psichiatria di comunità orientato alla recovery, con tre laboratori di co-produzione 'Recovery Co-Lab' e percorsi individuali.",
        en="In the Brescia and Mantua areas, a recovery-based community-psychiatry model with three 'Recovery Co-Lab' co-production labs and individual paths.",
    ),
}

# Partner-list entries that are groups or placeholders, not one organisation: they stay in the
# project's partner list (with "collective": true) but never enter the partner directory.
COLLECTIVE = {
    "Distretto/Ambiti di Lecco, Bellano, Merate (comuni)",
    "Comuni del Rhodense",
    "Terzo settore del Rhodense (not named)",
    "Banche (not named)",
    "Aziende municipalizzate/partecipate (not named)",
    "Comuni dei distretti di Gallarate e Somma Lombardo",
    "Cooperative del territorio (not named)",
    "Imprese del territorio (welfare aziendale)",
    "Ambiti di Desio e Monza (10 comuni)",
}

# Project partners that are the same organisation as a row of organisations-public.csv under another
# spelling (checked by hand on the names; the public row's kind, sources and verified flag win).
SAME_AS = {
    "Fondazione Comunitaria Pro Valtellina": "Fondazione Pro Valtellina (Fondazione della Comunità locale Pro Valtellina)",
    "Fondazione Comunità Bresciana (project fund)": "Fondazione della Comunità Bresciana",
    "Fondazione di Comunità di Monza e Brianza": "Fondazione della Comunità di Monza e Brianza",
    "Fondazione Comunitaria del Ticino Olona Onlus": "Fondazione Comunitaria Ticino Olona",
    "Fondazione comunitaria del Lecchese (hosts Fondo Living Land)": "Fondazione Comunitaria del Lecchese",
    "CSV Monza Brianza Lecco Sondrio": "CSV Monza Lecco Sondrio",
    "CSV Lombardia Sud": "CSV Lombardia Sud ETS (Cremona, Lodi, Mantova, Pavia)",
    "ASST Spedali Civili di Brescia": "ASST degli Spedali Civili di Brescia",
    "ATS Brianza": "ATS della Brianza",
    "Consorzio dei Servizi Sociali del Verbano": "Consorzio dei Servizi Sociali del Verbano (CSSV / 'CISS Verbano')",
    "Fondazione Comunitaria della Provincia di Pavia": "Fondazione Comunitaria della Provincia di Pavia (now styled Fondazione della Comunità della Provincia di Pavia)",
}

# Facts found after the research data was collected (/work/shared/brief/data-updates.md), each with
# its source, applied by build_catalog.py over the project at the same position:
#   grant / cost       a figure a later source gives (the source goes into the project's sources);
#   sources            the later sources, added after the project's own;
#   places             places the later source names;
#   partners           (name as the source spells it, source kind, source URL, same organisation as):
#                      the last item names an existing partner when the spelling differs (checked by
#                      hand on the names), else None; a partner already in the project is only
#                      recorded as an alias; a new one gets the later source as its first source;
#   note               appended to the research description, in brackets, conflicts spelled out;
#   unconfirmed        merged into the project's unconfirmed fields (doubts stay visible).
UPDATES = {
    0: dict(
        name="Welfare di Tutti",
        grant=1_300_000,
        sources=["https://sociale.corriere.it/welfare-gestito-dal-basso-fondazione-cariplo-finanzia-sette-progetti/"],
        note="[later source, sociale.corriere.it: grant EUR 1,300,000; the project is 'sviluppato da 18 partner', while the sources above name 22 partners: conflict not resolved]",
        unconfirmed={"partners": "Conflict: sociale.corriere.it says 'sviluppato da 18 partner'; the other sources name the 22 listed."},
    ),
    9: dict(
        name="Revolutionary Road",
        sources=["https://www.varesenews.it/2018/12/anche-premezzo-arriva-custode-sociale/778683/"],
        places=["Samarate", "Somma Lombardo", "Cavaria con Premezzo"],
        partners=[("Cooperativa Intrecci", "third_sector", "https://www.varesenews.it/2018/12/anche-premezzo-arriva-custode-sociale/778683/", None)],
        note="[later source, varesenews.it 2018: 'custodia sociale' in Aler courtyards, in Cavaria con Premezzo after Samarate and Somma Lombardo, with the cooperativa Intrecci]",
        unconfirmed={"partners": "Cooperativa Intrecci: varesenews.it (2018) names it for the custodia sociale, not as a member of the partnership; matched by name to the directory's Cooperativa Sociale Intrecci, not confirmed to be the same cooperative."},
    ),
    10: dict(
        name="TikiTaka",
        sources=["https://www.socialcohesiondays.com/2018/story/tikitaka"],
        note="[later source, socialcohesiondays.com 2018: life paths of people with disabilities within the community]",
    ),
    11: dict(
        name="COnTatto",
        sources=["https://periferieecoinformazioni.wordpress.com/2018/02/26/contatto-un-progetto-sulla-giustizia-riparativa/"],
        partners=[(name, kind, "https://periferieecoinformazioni.wordpress.com/2018/02/26/contatto-un-progetto-sulla-giustizia-riparativa/", same) for name, kind, same in [
            ("Comune di Como", "public", None),
            ("CSV di Como", "third_sector", "AVC-CSV (Centro Servizi Volontariato) Como"),
            ("CSV di Lecco", "third_sector", None),
            ("Università dell'Insubria", "university", "Università degli Studi dell'Insubria"),
            ("Università di Bergamo", "university", None),
            ("Comunità Il Gabbiano onlus", "third_sector", "Associazione comunità Il Gabbiano onlus"),
            ("Cooperativa Lotta contro l'Emarginazione", "third_sector", None),
            ("Cooperativa Questa Generazione", "third_sector", None),
            ("Associazione ARS", "third_sector", None),
            ("Associazione ForMattArt", "third_sector", None),
            ("Consultorio Icaro", "unknown", None),
            ("Consorzio Concerto", "unknown", None),
            ("Azienda Sociale Comuni Insieme di Lomazzo", "public", "Azienda sociale Comuni Insieme"),
        ]],
        note="[later source, periferieecoinformazioni 2018: 13 public and private bodies, lead Comune di Como, in two ambiti (Lomazzese, Como); the full list is now the partner list. 'CSV di Lecco' is kept as the source names it: whether it is today's CSV Monza Lecco Sondrio is not confirmed]",
        unconfirmed={"partners": "Kinds of Consultorio Icaro and Consorzio Concerto not stated by the source (derived from the names or inferred)."},
    ),
    13: dict(
        name="Generazione (BOOM)erang",
        sources=["http://welfareinazione.fondazionecariplo.it/it/article/2022/01/20/giovani-idee-in-azione/293/"],
        partners=[(name, kind, "http://welfareinazione.fondazionecariplo.it/it/article/2022/01/20/giovani-idee-in-azione/293/", same) for name, kind, same in [
            ("Consorzio Progetto Solidarietà – Distretto di Mantova", "public", "Consorzio Progetto Solidarietà"),
            ("Arci Mantova APS", "third_sector", None),
            ("Sol.Co. Mantova", "third_sector", None),
            ("Liceo Scientifico Belfiore di Mantova", "public", "Liceo Scientifico Belfiore"),
            ("PromoImpresa – Borsa Merci", "public", "Promo Impresa"),
            ("Centro Servizi Lombardia Sud", "third_sector", "CSV Lombardia Sud ETS (Cremona, Lodi, Mantova, Pavia)"),
            ("Alce Nero cooperativa sociale", "third_sector", None),
        ]],
        note="[later source, welfareinazione.fondazionecariplo.it 2022: started 2017; under-30s, autonomy in housing and work; 14 comuni; the partnership is Consorzio Progetto Solidarietà – Distretto di Mantova (the consortium of the 14 comuni of the Mantova ambito), Arci Mantova APS, Sol.Co. Mantova, Liceo Scientifico Belfiore di Mantova, PromoImpresa – Borsa Merci (special company of the Camera di Commercio di Mantova), Centro Servizi Lombardia Sud, Alce Nero cooperativa sociale. It names neither CSVM nor Radiobase (a media partner), which the 2017 source lists: both kept. Age conflict: 14-25 (2017) and under 30 (2022)]",
        unconfirmed={
            "partners": "The 2022 article's seven partners and the 2017 source's list differ: CSVM and Radiobase only in 2017, Alce Nero and Centro Servizi Lombardia Sud only in 2022; 'Centro Servizi Lombardia Sud' matched by name to CSV Lombardia Sud ETS (whether CSVM is its predecessor is not confirmed).",
            "beneficiaries": "Conflict: young people aged 14-25 (2017 source) and under-30s (2022 article).",
        },
    ),
    23: dict(
        name="Milano Sei l'Altro",
        places=["Milano - Santa Giulia (via Melotti 4)"],
        note="[later source, milanoseilaltro.it: neighbourhood concierges (portinerie di quartiere) in via Melotti 4 (Santa Giulia) and at circolo Acli 'Terra e Libertà'; work-family conciliation]",
    ),
}

# Directory entries whose kind a later source states, overriding the research data's broad kind
# (the override and its source are kept in `verified_note`).
ORG_FIXES = {
    "Consorzio Progetto Solidarietà": dict(
        kind="municipal_consortium",
        source_kind="public",
        note="Kind from welfareinazione.fondazionecariplo.it (2022): 'the consortium of the 14 comuni of the Mantova ambito'; the 2017 source's partner list gave it as third sector.",
    ),
    "Promo Impresa": dict(
        kind="other_public",
        source_kind="public",
        note="Kind from welfareinazione.fondazionecariplo.it (2022): PromoImpresa – Borsa Merci, special company of the Camera di Commercio di Mantova; the 2017 source gave no kind.",
    ),
}
