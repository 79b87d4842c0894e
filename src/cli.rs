//! The command line: parses arguments, reads handbook.yaml once, runs a command, and prints
//! what it returns ([`term`]: the only place shouce writes to the terminal) with its exit code.

mod progress;
mod term;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::build;
use crate::messages::{self as msg, Lang};
use crate::stages::config::Loaded;

#[derive(Debug, Parser)]
// Help texts come from the message catalogue (`messages::cli_help`), in the system language.
#[command(name = "shouce", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build {
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long)]
        allow_broken_links: bool,
        #[arg(long, value_name = "OLD")]
        compare: Option<PathBuf>,
    },
    Pdf {
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "ID", conflicts_with_all = ["page", "chapter"])]
        industry: Option<String>,
        #[arg(long, value_name = "PATH", conflicts_with = "chapter")]
        page: Option<String>,
        #[arg(long, value_name = "PATH")]
        chapter: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "PATH")]
        browser: Option<PathBuf>,
        #[arg(long, value_name = "SECS", default_value_t = 300)]
        timeout: u64,
        #[arg(long, value_name = "OLD")]
        changes: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = crate::commands::pdf::Edition::Trainer)]
        edition: crate::commands::pdf::Edition,
    },
    Serve {
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        #[arg(long, value_name = "N", default_value_t = 8000)]
        port: u16,
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: String,
        #[arg(long)]
        drafts: bool,
    },
    Check {
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = crate::commands::check::Format::Text)]
        format: crate::commands::check::Format,
    },
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    Init {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        #[arg(long)]
        force: bool,
    },
    Publish {
        #[arg(value_name = "DEST")]
        dest: PathBuf,
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    Page(crate::commands::scaffold::NewArgs),
    Case(crate::commands::scaffold::NewArgs),
}

pub fn main() -> ExitCode {
    let matches = localized(system_lang()).get_matches();
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => run(cli),
        Err(e) => e.exit(),
    }
}

/// The language of the help: Chinese when the system's locale is (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`: `zh_CN.UTF-8`, `zh_TW…`), English otherwise.
fn system_lang() -> Lang {
    let tag = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    if tag.to_ascii_lowercase().starts_with("zh") { Lang::from_tag(&tag) } else { Lang::En }
}

/// The command line with its help in `lang`: every command's and option's text from the
/// catalogue, clap's own headings and flags too.
fn localized(lang: Lang) -> clap::Command {
    localize(Cli::command(), "", lang).disable_help_subcommand(true).disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(msg::cli_help("version").map(|t| t.get(lang)).unwrap_or_default()),
    )
}

fn localize(cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let say = |key: &str| msg::cli_help(key).map(|t| t.get(lang));
    let key = if path.is_empty() { "about".to_string() } else { path.to_string() };
    let mut cmd = cmd.about(say(&key).unwrap_or_default()).disable_help_flag(true);
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        // An option's text is the same wherever it appears (`--root`), unless a command has its own.
        let text = say(&format!("{path}.{id}")).or_else(|| say(&id)).unwrap_or_default();
        cmd = cmd.mut_arg(id, |a| a.help(text));
    }
    let help = say("help").unwrap_or_default();
    cmd = cmd.arg(clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help).help(help));
    let subs: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in &subs {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
        cmd = cmd.mut_subcommand(name, |c| localize(c, &sub_path, lang));
    }
    if lang != Lang::En {
        let template = msg::cli_help_template(!subs.is_empty(), cmd.get_positionals().next().is_some());
        cmd = cmd.help_template(template.get(lang));
    }
    cmd
}

pub fn run(cli: Cli) -> ExitCode {
    let quiet = cli.quiet;
    match cli.command {
        Command::Build { root, out, allow_broken_links, compare } => {
            let loaded = Loaded::read(&root);
            let lang = loaded.lang;
            let out = out.unwrap_or_else(|| root.join("public"));
            let progress = progress::for_stderr(quiet, lang);
            let options =
                build::Options { allow_broken_links, compare, config: Some(loaded.config), ..Default::default() };
            term::built(build::build_with(&root, &out, progress.as_ref(), &options), &out, quiet, lang)
        }
        Command::Pdf { root, industry, page, chapter, out, browser, timeout, changes, edition } => {
            let loaded = Loaded::read(&root);
            let lang = loaded.lang;
            let handout = handout(page, chapter);
            let timeout = std::time::Duration::from_secs(timeout);
            let o = crate::commands::pdf::Options { root, industry, handout, out, browser, timeout, changes, edition };
            term::printed(
                crate::commands::pdf::run(&o, loaded.config, &|ev| term::pdf_event(ev, quiet, lang)),
                quiet,
                lang,
            )
        }
        Command::Serve { root, port, bind, drafts } => {
            let loaded = Loaded::read(&root);
            let lang = loaded.lang;
            let report: crate::commands::serve::Reporter =
                std::sync::Arc::new(move |lang, ev| term::serve_event(ev, quiet, lang));
            term::served(
                crate::commands::serve::run(
                    &crate::commands::serve::Options { root, port, bind, drafts },
                    loaded,
                    report,
                ),
                lang,
            )
        }
        Command::Check { root, format } => {
            let loaded = Loaded::read(&root);
            term::checked(&crate::commands::check::check_with(&root, loaded.config), format, quiet, loaded.lang)
        }
        Command::New { what } => {
            let (kind, args) = match what {
                NewCommand::Page(args) => (crate::commands::scaffold::Kind::Page, args),
                NewCommand::Case(args) => (crate::commands::scaffold::Kind::Case, args),
            };
            let loaded = Loaded::read(&args.root);
            term::created(crate::commands::scaffold::new_file(kind, &args, loaded.config), quiet, loaded.lang)
        }
        Command::Init { dir, force } => {
            // The example is in Chinese, and so are its messages, unless `--force` adds it to
            // a handbook whose handbook.yaml says otherwise.
            let loaded = Loaded::read(&dir);
            term::initialised(crate::commands::scaffold::init(&dir, force, &loaded.config), &dir, quiet, loaded.lang)
        }
        Command::Publish { dest, root, dry_run } => {
            let loaded = Loaded::read(&root);
            let lang = loaded.lang;
            let progress = progress::for_stderr(quiet, lang);
            let options = crate::commands::publish::Options { root, dest, dry_run, progress: progress.as_ref() };
            term::published(crate::commands::publish::run_with(&options, loaded), quiet, lang)
        }
    }
}

/// `pdf --page PATH` or `--chapter PATH`: the handout asked for.
fn handout(page: Option<String>, chapter: Option<String>) -> Option<build::Handout> {
    match (page, chapter) {
        (Some(path), _) => Some(build::Handout { path, chapter: false }),
        (None, Some(path)) => Some(build::Handout { path, chapter: true }),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

#[cfg(test)]
mod help_tests {
    use super::*;

    /// Every command and option has its text in the catalogue, in both languages.
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        if cmd.get_about().is_none_or(|a| a.to_string().is_empty()) {
            missing.push(format!("{path} (about)"));
        }
        for a in cmd.get_arguments() {
            if a.get_help().is_none_or(|h| h.to_string().is_empty()) {
                missing.push(format!("{path} --{}", a.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }

    #[test]
    fn every_command_and_option_is_explained_in_each_language() {
        for lang in [Lang::Hans, Lang::Hant, Lang::En] {
            let mut missing = Vec::new();
            walk(&localized(lang), "shouce", &mut missing);
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
        localized(Lang::Hans).debug_assert();
        let help = localized(Lang::Hans).render_long_help().to_string();
        assert!(help.contains("用法：") && help.contains("命令：") && help.contains("显示帮助"), "{help}");
        assert!(!help.contains("Usage:") && !help.contains("Print help"), "{help}");
        let help = localized(Lang::En).render_long_help().to_string();
        assert!(help.contains("Usage:") && help.contains("Print only errors"), "{help}");
    }
}
