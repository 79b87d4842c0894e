//! The command line: parses arguments, runs a command, prints diagnostics, picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError};
use crate::config::message_lang;
use crate::messages::{self as msg, Lang};

/// Turns a folder of Markdown into a searchable, printable handbook that works from a file share.
#[derive(Debug, Parser)]
#[command(name = "shouce", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from DIR/content into the output folder.
    Build {
        /// The handbook folder: the one that holds handbook.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: DIR/public). Open index.html in it from any folder.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Publish even with links to missing pages or headings (as warnings), for a handbook
        /// still being written.
        #[arg(long)]
        allow_broken_links: bool,
    },
    /// Print a training binder (the whole handbook, or one industry) to PDF with Chromium, Chrome or Edge.
    Pdf {
        /// The handbook folder: the one that holds handbook.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// Only this industry's pages (an id from handbook.yaml); default: the whole handbook.
        #[arg(long, value_name = "ID")]
        industry: Option<String>,
        /// The PDF to write (default: ID.pdf, or handbook.pdf).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The browser to print with (default: $SHOUCE_BROWSER, else the first Chromium, Chrome or Edge found).
        #[arg(long, value_name = "PATH")]
        browser: Option<PathBuf>,
        /// Stop a browser that has not finished one print pass within this many seconds.
        #[arg(long, value_name = "SECS", default_value_t = 300)]
        timeout: u64,
    },
    /// Build, serve on 127.0.0.1, and rebuild and reload open pages when the handbook changes.
    Serve {
        /// The handbook folder: the one that holds handbook.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// The port to serve on; if it is taken, the next free one up to 20 above is used.
        #[arg(long, value_name = "N", default_value_t = 8000)]
        port: u16,
        /// The address to listen on (an IP address, or localhost). Anything but 127.0.0.1 lets
        /// others on the network read the handbook.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: String,
        /// Also show pages marked `draft: true` (build leaves them out).
        #[arg(long)]
        drafts: bool,
    },
    /// Check the handbook without building it: front matter, links, anchors, images, titles,
    /// industries, and names that break on a Windows file share. Exit code 1 on any error.
    Check {
        /// The handbook folder: the one that holds handbook.yaml and content/.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
        /// `text` for people (on stderr), `json` for tools (an array of findings on stdout).
        #[arg(long, value_enum, default_value_t = crate::check::Format::Text)]
        format: crate::check::Format,
    },
    /// Create a page, or a case from the case template, with front matter.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Create a new handbook in DIR (handbook.yaml and example content) that builds as it is.
    Init {
        /// The folder to create; it must be empty or missing unless --force is given.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Write into a folder that is not empty: files that exist are skipped, never replaced.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A page: content/PATH.md with front matter and placeholders to replace.
    Page(crate::scaffold::NewArgs),
    /// A case as in the case book: the situation as dialogue, 案例分析, and 你可以做得更好的是.
    Case(crate::scaffold::NewArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Pdf { root, industry, out, browser, timeout } => {
            let lang = message_lang(&root);
            let timeout = std::time::Duration::from_secs(timeout);
            let o = crate::pdf::Options { root, industry, out, browser, timeout, quiet: cli.quiet };
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
        Command::Build { root, out, allow_broken_links } => {
            let lang = message_lang(&root);
            let out = out.unwrap_or_else(|| root.join("public"));
            let progress = crate::progress::for_stderr(cli.quiet, lang);
            let options = build::Options { allow_broken_links, drafts: false };
            match build::build_with(&root, &out, progress.as_ref(), &options) {
                Ok(s) => {
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
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => report(e, lang),
            }
        }
    }
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
