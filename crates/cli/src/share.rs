//! `welfare share --call ID [--data DIR] [--base URL] ANSWERS_FILE`: the share code of a set of answers
//! (`w2.…`), as the widget writes it into a link's fragment and into this device's storage
//! (`share::encode`); with `--base`, the link the widget would give on that page: the address as
//! `share::share_base` keeps it (what a visitor chose, never a staff preview date, no fragment), then
//! `#r=` and the code (src/app.rs).

use welfare_core::codec::share::{encode, share_base};

use crate::assess::Input;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    /// The address of the page the link opens (e.g. https://example.org/verifica/); without it, the code alone
    #[arg(long, value_name = "URL")]
    pub base: Option<String>,
}

fn share(args: &Args) -> Result<String, String> {
    let (call, answers) = args.input.read()?;
    if answers.clone().clamped() != answers {
        eprintln!(
            "welfare share: {}: beyond the widget's limits (welfare_core::model::Limits): the link opens these answers cut to them",
            args.input.answers.display()
        );
    }
    let code = encode(&call.id, &answers);
    Ok(match &args.base {
        Some(url) => format!("{}#r={code}", share_base(url)),
        None => code,
    })
}

pub fn run(args: Args) -> i32 {
    match share(&args) {
        Ok(printed) => {
            outln!("{printed}");
            0
        }
        Err(e) => {
            eprintln!("welfare share: {e}");
            2
        }
    }
}
