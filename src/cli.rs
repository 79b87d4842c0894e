//! The command line: parses arguments, runs a command, prints diagnostics, picks the exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::build::{self, BuildError};

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
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build { root, out } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            match build::build(&root, &out) {
                Ok(s) => {
                    if !cli.quiet {
                        for w in &s.warnings {
                            eprintln!("{}", paint(&w.to_string(), "33"));
                        }
                        eprintln!(
                            "built {} pages in {} chapters, {} sections indexed ({} KB search index), into {} in {:.2} s{}",
                            s.pages,
                            s.chapters,
                            s.sections,
                            s.search.bytes / 1024,
                            out.display(),
                            s.elapsed.as_secs_f64(),
                            match s.warnings.len() {
                                0 => String::new(),
                                1 => ", 1 warning".to_string(),
                                n => format!(", {n} warnings"),
                            }
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => report(e),
            }
        }
    }
}

fn report(e: BuildError) -> ExitCode {
    match e {
        BuildError::Content(failed) => {
            for d in &failed.0 {
                eprintln!("{}", paint(&d.to_string(), if d.is_error() { "31" } else { "33" }));
            }
            eprintln!("error: {failed}; the previous output was left as it was");
            ExitCode::from(1)
        }
        BuildError::Usage(d) => {
            eprintln!("{}", paint(&d.to_string(), "31"));
            ExitCode::from(2)
        }
        BuildError::Io(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn paint(s: &str, code: &str) -> String {
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
