//! The command line: parses arguments, runs a command, prints diagnostics, picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::build::{self, BuildError};
use crate::config::message_lang;
use crate::messages::{self as msg, Lang};

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
        #[arg(long, value_enum, default_value_t = crate::pdf::Edition::Trainer)]
        edition: crate::pdf::Edition,
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
        #[arg(long, value_enum, default_value_t = crate::check::Format::Text)]
        format: crate::check::Format,
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
    Page(crate::scaffold::NewArgs),
    Case(crate::scaffold::NewArgs),
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
pub fn system_lang() -> Lang {
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
pub fn localized(lang: Lang) -> clap::Command {
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
    match cli.command {
        Command::Pdf { root, industry, page, chapter, out, browser, timeout, changes, edition } => {
            let lang = message_lang(&root);
            let timeout = std::time::Duration::from_secs(timeout);
            let handout = match (page, chapter) {
                (Some(path), _) => Some(build::Handout { path, chapter: false }),
                (None, Some(path)) => Some(build::Handout { path, chapter: true }),
                (None, None) => None,
            };
            let o = crate::pdf::Options {
                root,
                industry,
                handout,
                out,
                browser,
                timeout,
                quiet: cli.quiet,
                changes,
                edition,
            };
            match crate::pdf::run(&o) {
                Ok(p) => {
                    if !cli.quiet {
                        eprintln!("{}", msg::pdf_written(p.path.display(), p.pages, p.passes).get(lang));
                    }
                    ExitCode::SUCCESS
                }
                Err(crate::pdf::PdfError::Build(e)) => report(e, lang),
                Err(crate::pdf::PdfError::Usage(d)) => report(BuildError::Usage(d), lang),
                Err(crate::pdf::PdfError::Other(e)) => {
                    eprintln!("{}", paint(&error_line(&crate::diagnostic::explain(&e, lang), lang), "31"));
                    ExitCode::from(1)
                }
                Err(crate::pdf::PdfError::Interrupted) => {
                    eprintln!("{}", msg::pdf_interrupted().get(lang));
                    ExitCode::from(130)
                }
            }
        }
        Command::Serve { root, port, bind, drafts } => {
            crate::serve::run(&crate::serve::Options { root, port, bind, quiet: cli.quiet, drafts })
        }
        Command::Check { root, format } => crate::check::run(&root, format, cli.quiet),
        Command::New { what: NewCommand::Page(args) } => {
            crate::scaffold::run_new(crate::scaffold::Kind::Page, &args, cli.quiet)
        }
        Command::New { what: NewCommand::Case(args) } => {
            crate::scaffold::run_new(crate::scaffold::Kind::Case, &args, cli.quiet)
        }
        Command::Init { dir, force } => crate::scaffold::run_init(&dir, force, cli.quiet),
        Command::Publish { dest, root, dry_run } => run_publish(root, dest, dry_run, cli.quiet),
        Command::Build { root, out, allow_broken_links, compare } => {
            let lang = message_lang(&root);
            let out = out.unwrap_or_else(|| root.join("public"));
            let progress = crate::progress::for_stderr(cli.quiet, lang);
            let options = build::Options { allow_broken_links, compare, ..build::Options::default() };
            match build::build_with(&root, &out, progress.as_ref(), &options) {
                Ok(s) => {
                    print_timings(&s.timings);
                    if !cli.quiet {
                        for w in &s.warnings {
                            eprintln!("{}", paint(&w.render(lang), "33"));
                        }
                        let shown = out.display().to_string();
                        let stats = msg::BuildStats {
                            pages: s.pages,
                            chapters: s.chapters,
                            sections: s.sections,
                            index_kb: s.search.bytes / 1024,
                            out: &shown,
                            seconds: s.elapsed.as_secs_f64(),
                            warnings: s.warnings.len(),
                        };
                        eprintln!("{}", msg::built(&stats).get(lang));
                        if let Some(c) = &s.compared {
                            eprintln!("{}", revisions_line(c, &shown).get(lang));
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => report(e, lang),
            }
        }
    }
}

/// `shouce publish`: the build's warnings, the list of a dry run (on stdout: it is what the
/// command was asked for), and one summary line.
fn run_publish(root: PathBuf, dest: PathBuf, dry_run: bool, quiet: bool) -> ExitCode {
    let lang = message_lang(&root);
    let progress = crate::progress::for_stderr(quiet, lang);
    let options = crate::publish::Options { root, dest, dry_run, progress: progress.as_ref() };
    let r = match crate::publish::run(&options) {
        Ok(r) => r,
        Err(e) => return report(e, lang),
    };
    print_timings(&r.build.timings);
    if !quiet {
        for w in &r.build.warnings {
            eprintln!("{}", paint(&w.render(lang), "33"));
        }
    }
    if r.dry_run {
        for url in &r.copied {
            println!("{}", msg::would_copy(url).get(lang));
        }
        for url in &r.removed {
            println!("{}", msg::would_remove(url).get(lang));
        }
    }
    if !quiet {
        if r.resumed && !r.dry_run {
            eprintln!("{}", msg::publish_resumed(r.leftovers).get(lang));
        }
        let stats = msg::PublishStats {
            dest: &r.dest,
            copied: r.copied.len(),
            removed: r.removed.len(),
            unchanged: r.unchanged,
            bytes: r.bytes,
            seconds: r.elapsed.as_secs_f64(),
            build_seconds: r.build.elapsed.as_secs_f64(),
        };
        let line = if r.dry_run { msg::publish_dry_run(&stats) } else { msg::published(&stats) };
        eprintln!("{}", line.get(lang));
        if let Some(c) = &r.build.compared {
            eprintln!("{}", revisions_line(c, &r.dest).get(lang));
        }
    }
    ExitCode::SUCCESS
}

/// `SHOUCE_TIMINGS=1`: how long each stage of the build took, wall and CPU (for benches/ and
/// profiling; printed whatever `--quiet` says).
fn print_timings(timings: &[build::StageTiming]) {
    if std::env::var_os("SHOUCE_TIMINGS").is_none() {
        return;
    }
    for t in timings {
        let wall = t.wall.as_secs_f64();
        match t.cpu {
            Some(cpu) => eprintln!("timing: {:<22} {wall:>7.3} s wall {cpu:>6.2} s CPU", t.stage),
            None => eprintln!("timing: {:<22} {wall:>7.3} s", t.stage),
        }
    }
}

/// What the 修订记录 found, and where it is.
fn revisions_line(c: &crate::edition::Counts, site: &str) -> msg::Text {
    let page = format!("{}/{}", site.trim_end_matches(['/', '\\']), crate::edition::PAGE);
    msg::revisions_written(c.added, c.changed, c.moved, c.removed, &page)
}

fn report(e: BuildError, lang: Lang) -> ExitCode {
    match e {
        BuildError::Content(failed) => {
            for d in &failed.0 {
                eprintln!("{}", paint(&d.render(lang), if d.is_error() { "31" } else { "33" }));
            }
            eprintln!("{}", error_line(&msg::build_failed(failed.errors()).get(lang), lang));
            ExitCode::from(1)
        }
        BuildError::Usage(d) => {
            eprintln!("{}", paint(&d.render(lang), "31"));
            ExitCode::from(2)
        }
        BuildError::Io(e) => {
            eprintln!("{}", error_line(&crate::diagnostic::explain(&e, lang), lang));
            ExitCode::from(1)
        }
    }
}

/// `error: text`, labelled in `lang`.
pub(crate) fn error_line(text: &str, lang: Lang) -> String {
    format!("{}{text}", msg::error_label().get(lang))
}

/// Colour only on a terminal, and never when NO_COLOR is set.
pub(crate) fn paint(s: &str, code: &str) -> String {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
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
