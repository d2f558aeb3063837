//! Browser tests of the components with behaviour: the network builder, the municipality
//! autocomplete and the share-link restore, mounted in the whole app in a real DOM.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn network_builder_adds_edits_removes_and_marks_the_lead() {
    let root = mount_at("lang=it&now=2016-04-01T10:00", "/rete").await;
    assert!(text_of(&root, "h1").contains("La rete di partner"));

    // An empty name is refused with an error linked to the field.
    click_button(&root, "Aggiungi alla rete").await;
    assert!(all_text(&root).contains("Scrivi il nome dell'ente"));

    type_into(&root, "#wc-member-name", "Cooperativa Alfa").await;
    choose(&root, "#wc-member-kind", "social_cooperative").await;
    assert!(all_text(&root).contains("Di tipo A (servizi)"), "the chosen kind is explained");
    click_button(&root, "Aggiungi alla rete").await;
    // The first member leads; a third-sector network with no public body gets the live hint.
    assert!(all_text(&root).contains("Partner della rete (1)"));
    assert!(text_of(&root, ".wc-members").contains("Capofila"));
    assert!(all_text(&root).contains("ente pubblico"), "hint about the missing public body: {}", all_text(&root));

    type_into(&root, "#wc-member-name", "Comune di Beta").await;
    choose(&root, "#wc-member-kind", "comune").await;
    click_button(&root, "Aggiungi alla rete").await;
    assert!(all_text(&root).contains("Partner della rete (2)"));

    // Make the Comune lead, then edit and remove the cooperative.
    click_button(&root, "Rendi capofila").await;
    let first_card = text_of(&root, ".wc-members li:nth-child(2) h3");
    assert!(first_card.contains("Comune di Beta") && first_card.contains("Capofila"), "{first_card}");
    click(&root, ".wc-members li:nth-child(1) .wc-button--link").await; // Modifica
    assert!(all_text(&root).contains("Modifica il partner"));
    type_into(&root, "#wc-member-name", "Cooperativa Alfa Onlus").await;
    click_button(&root, "Salva le modifiche").await;
    assert!(text_of(&root, ".wc-members").contains("Cooperativa Alfa Onlus"));
    assert!(all_text(&root).contains("Partner della rete (2)"));
    click(&root, ".wc-members li:nth-child(1) .wc-button--link:last-child").await; // Rimuovi
    assert!(all_text(&root).contains("Partner della rete (1)"));
    assert!(!text_of(&root, ".wc-members").contains("Cooperativa"));
}

#[wasm_bindgen_test]
async fn municipality_autocomplete_is_accent_insensitive_and_keyboard_operable() {
    let root = mount_at("lang=it", "/territorio").await;
    type_into(&root, "#wc-municipality", "cantu").await;
    let options = text_of(&root, "#wc-municipality-listbox");
    assert!(options.contains("Cantù"), "options: {options}");
    assert_eq!(find(&root, "#wc-municipality").get_attribute("aria-expanded").as_deref(), Some("true"));
    key(&root, "#wc-municipality", "ArrowDown").await;
    let active = find(&root, "#wc-municipality").get_attribute("aria-activedescendant").unwrap_or_default();
    assert_eq!(active, "wc-municipality-option-0");
    key(&root, "#wc-municipality", "Enter").await;
    // Chosen: listed, and its province added to the territory.
    assert!(all_text(&root).contains("Comuni scelti"));
    assert!(text_of(&root, ".wc-chips").contains("Como"), "the province of Cantù is added");
    assert_eq!(find(&root, "#wc-municipality").get_attribute("aria-expanded").as_deref(), Some("false"));
    // Escape closes the list.
    type_into(&root, "#wc-municipality", "sesto s").await;
    assert!(text_of(&root, "#wc-municipality-listbox").contains("Sesto San Giovanni"));
    key(&root, "#wc-municipality", "Escape").await;
    assert_eq!(find(&root, "#wc-municipality").get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn a_share_link_restores_the_result_and_a_damaged_one_says_so() {
    let mut answers = welfare_core::Answers::default();
    answers.territory.provinces.push("SO".into());
    answers.members.push(welfare_core::Member {
        id: 0,
        name: "Comune di Sondrio".into(),
        kind: Some(welfare_core::MemberKind::Comune),
        province: Some("SO".into()),
        letter_of_intent: Some(true),
        directory: Some("014061".into()),
    });
    answers.lead = Some(0);
    let code = welfare_core::codec::share::encode("2016", &answers);
    let root = mount_at("lang=it&now=2016-04-01T10:00", &format!("r={code}")).await;
    assert!(text_of(&root, "h1").contains("L'esito della verifica"));
    assert!(all_text(&root).contains("Risposte aperte da un link condiviso"));
    assert!(all_text(&root).contains("ente del terzo settore"), "the missing third-sector member is named");

    let broken = mount_at("lang=it", &format!("r={}", &code[..code.len() / 2])).await;
    assert!(all_text(&broken).contains("incompleto o danneggiato"));
    assert!(text_of(&broken, "h1").contains("Welfare di Comunità"), "back on the start page");

    let old = mount_at("lang=en", &format!("r={}", code.replacen("w2.", "w0.", 1))).await;
    assert!(all_text(&old).contains("another version of the check (w0)"));
}

#[wasm_bindgen_test]
async fn switching_language_mid_journey_keeps_the_answers() {
    let root = mount_at("lang=it", "/rete").await;
    type_into(&root, "#wc-member-name", "Comune di Gamma").await;
    choose(&root, "#wc-member-kind", "comune").await;
    click_button(&root, "Aggiungi alla rete").await;
    click(&root, ".wc-header button").await;
    assert!(text_of(&root, "h1").contains("Your network of partners"));
    assert!(text_of(&root, ".wc-members").contains("Comune di Gamma"));
    assert!(text_of(&root, ".wc-members").contains("Municipality"));
}
