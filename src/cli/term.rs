//! What the commands' results look like in the terminal. The commands return reports (and
//! `serve` and `pdf` report events as they go); every line shouce prints is written here:
//! what the command was asked for on stdout (`check --format json`, a dry run's list), the
//! rest on stderr, in red and yellow on a terminal.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::commands::build::{BuildError, Summary};
use crate::commands::check::{self, Format};
use crate::commands::pdf::{PdfError, PdfEvent, Printed};
use crate::commands::scaffold::{Created, InitReport, Refusal};
use crate::commands::serve::{ServeError, ServeEvent};
use crate::diagnostic::{Diagnostic, explain};
use crate::messages::{self as msg, Lang};

const RED: &str = "31";
const YELLOW: &str = "33";

/// `error: text`, labelled in `lang`.
fn error_line(text: &str, lang: Lang) -> String {
    format!("{}{text}", msg::error_label().get(lang))
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn paint(s: &str, code: &str) -> String {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// A diagnostic, red for an error and yellow for a warning.
fn diagnostic(d: &Diagnostic, lang: Lang) {
    eprintln!("{}", paint(&d.render(lang), if d.is_error() { RED } else { YELLOW }));
}

/// A build's warnings.
fn warnings(summary: &Summary, lang: Lang) {
    for w in &summary.warnings {
        eprintln!("{}", paint(&w.render(lang), YELLOW));
    }
}

/// A failed build (of `build`, `publish` or `pdf`): what is wrong, and the exit code.
fn build_error(e: BuildError, lang: Lang) -> ExitCode {
    match e {
        BuildError::Content(failed) => {
            for d in &failed.0 {
                diagnostic(d, lang);
            }
            eprintln!("{}", error_line(&msg::build_failed(failed.errors()).get(lang), lang));
            ExitCode::from(1)
        }
        BuildError::Usage(d) => {
            eprintln!("{}", paint(&d.render(lang), RED));
            ExitCode::from(2)
        }
        BuildError::Io(e) => {
            eprintln!("{}", error_line(&explain(&e, lang), lang));
            ExitCode::from(1)
        }
    }
}

/// `shouce build` done (its warnings and one summary line, none with `--quiet`), or why not;
/// the exit code.
pub(super) fn built(result: Result<Summary, BuildError>, out: &Path, quiet: bool, lang: Lang) -> ExitCode {
    if let Ok(s) = &result {
        print_timings(&s.timings);
    }
    match result {
        Ok(s) if !quiet => build_summary(&s, out, lang),
        Ok(_) => {}
        Err(e) => return build_error(e, lang),
    }
    ExitCode::SUCCESS
}

fn build_summary(s: &Summary, out: &Path, lang: Lang) {
    warnings(s, lang);
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

/// `shouce publish` done: the build's warnings, the list of a dry run (on stdout: it is what
/// the command was asked for), and one summary line; or why not. The exit code.
pub(super) fn published(
    result: Result<crate::commands::publish::Report, BuildError>,
    quiet: bool,
    lang: Lang,
) -> ExitCode {
    if let Ok(r) = &result {
        print_timings(&r.build.timings);
    }
    match result {
        Ok(r) => publish_report(&r, quiet, lang),
        Err(e) => return build_error(e, lang),
    }
    ExitCode::SUCCESS
}

fn publish_report(r: &crate::commands::publish::Report, quiet: bool, lang: Lang) {
    if !quiet {
        warnings(&r.build, lang);
    }
    if r.dry_run {
        for url in &r.copied {
            println!("{}", msg::would_copy(url).get(lang));
        }
        for url in &r.removed {
            println!("{}", msg::would_remove(url).get(lang));
        }
    }
    if quiet {
        return;
    }
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

/// What the 修订记录 found, and where it is.
fn revisions_line(c: &crate::stages::edition::Counts, site: &str) -> msg::Text {
    let page = format!("{}/{}", site.trim_end_matches(['/', '\\']), crate::urls::REVISIONS_PAGE);
    msg::revisions_written(c.added, c.changed, c.moved, c.removed, &page)
}

/// `shouce check`: the findings (JSON on stdout, or text on stderr: with `--quiet` the errors
/// only) and a summary line; exit code 1 when there is an error.
pub(super) fn checked(report: &check::Report, format: Format, quiet: bool, lang: Lang) -> ExitCode {
    let errors = report.errors();
    let warnings = report.findings.len() - errors;
    match format {
        Format::Json => println!("{}", check::to_json(&report.findings, lang)),
        Format::Text => {
            for d in report.findings.iter().filter(|d| d.is_error() || !quiet) {
                diagnostic(d, lang);
            }
        }
    }
    if !quiet {
        eprintln!("{}", msg::check_summary(report.pages, report.chapters, errors, warnings).get(lang));
        if !report.complete {
            eprintln!("{}", msg::check_incomplete().get(lang));
        }
    }
    if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// `shouce new` wrote a file (where, what to do next, and the SUMMARY.md line to add), or
/// why not; the exit code.
pub(super) fn created(result: Result<Created, Refusal>, quiet: bool, lang: Lang) -> ExitCode {
    match result {
        Ok(c) if !quiet => created_file(&c, lang),
        Ok(_) => {}
        Err(e) => return refused(&e, lang),
    }
    ExitCode::SUCCESS
}

fn created_file(c: &Created, lang: Lang) {
    eprintln!("{}", msg::created(&c.shown).get(lang));
    eprintln!("{}", msg::replace_placeholders().get(lang));
    if let Some(line) = &c.summary_line {
        eprintln!("{}", msg::add_to_summary(line).get(lang));
    }
}

/// `shouce init` done (the files skipped, also with `--quiet`, and unless quiet the files
/// created and what to do next), or why not; the exit code.
pub(super) fn initialised(result: Result<InitReport, Refusal>, dir: &Path, quiet: bool, lang: Lang) -> ExitCode {
    match result {
        Ok(r) => init_report(&r, dir, quiet, lang),
        Err(e) => return refused(&e, lang),
    }
    ExitCode::SUCCESS
}

fn init_report(r: &InitReport, dir: &Path, quiet: bool, lang: Lang) {
    let shown = dir.display();
    for s in &r.skipped {
        eprintln!("{}", msg::skipped_existing(format!("{shown}/{s}")).get(lang));
    }
    if quiet {
        return;
    }
    for c in &r.created {
        eprintln!("{}", msg::created(format!("{shown}/{c}")).get(lang));
    }
    if !r.created.is_empty() {
        eprintln!("{}", msg::init_done(shown).get(lang));
    }
    if r.industries_missing {
        eprintln!("{}{}", msg::note_label().get(lang), msg::init_industries_missing().get(lang));
    }
    if r.created.is_empty() {
        eprintln!("{}", msg::init_nothing_to_add().get(lang));
    }
}

/// Why `new` or `init` wrote nothing; the exit code.
fn refused(e: &Refusal, lang: Lang) -> ExitCode {
    eprintln!("{}", e.render(lang));
    ExitCode::from(e.exit_code())
}

/// How far `shouce pdf` got (nothing with `--quiet`).
pub(super) fn pdf_event(ev: PdfEvent, quiet: bool, lang: Lang) {
    if quiet {
        return;
    }
    let text = match ev {
        PdfEvent::Building => msg::pdf_building(),
        PdfEvent::NoChanges(old) => msg::pdf_no_changes(old.display()),
        PdfEvent::Printing { browser, pass } => msg::pdf_printing(browser.display(), pass),
    };
    eprintln!("{}", text.get(lang));
}

/// `shouce pdf` done, or why not; the exit code.
pub(super) fn printed(result: Result<Printed, PdfError>, quiet: bool, lang: Lang) -> ExitCode {
    match result {
        Ok(p) => {
            if !quiet {
                eprintln!("{}", msg::pdf_written(p.path.display(), p.pages, p.passes).get(lang));
            }
            ExitCode::SUCCESS
        }
        Err(PdfError::Build(e)) => build_error(e, lang),
        Err(PdfError::Usage(d)) => build_error(BuildError::Usage(d), lang),
        Err(PdfError::Other(e)) => {
            eprintln!("{}", paint(&error_line(&explain(&e, lang), lang), RED));
            ExitCode::from(1)
        }
        Err(PdfError::Interrupted) => {
            eprintln!("{}", msg::pdf_interrupted().get(lang));
            ExitCode::from(130)
        }
    }
}

/// One event of `shouce serve`. With `--quiet`, only what needs the author: the address,
/// warnings, errors.
pub(super) fn serve_event(ev: ServeEvent, quiet: bool, lang: Lang) {
    let warning = |text: msg::Text| paint(&format!("{}{}", msg::warning_label().get(lang), text.get(lang)), YELLOW);
    match ev {
        ServeEvent::OnNetwork(addr) => eprintln!("{}", warning(msg::listening_on_network(addr, addr.port()))),
        ServeEvent::Serving(url) => eprintln!("{}", msg::serving(url).get(lang)),
        ServeEvent::UpdateCrashed => eprintln!("{}", paint(&error_line(&msg::update_crashed().get(lang), lang), RED)),
        ServeEvent::Failed { lines, summary } => {
            for (line, is_error) in lines {
                eprintln!("{}", paint(line, if *is_error { RED } else { YELLOW }));
            }
            eprintln!("{}", paint(&error_line(summary, lang), RED));
        }
        ServeEvent::StoppingAfterBuild => eprintln!("{}", msg::stopping_after_build().get(lang)),
        ServeEvent::WatchFailed(e) => eprintln!("{}", warning(msg::watch_failed(e))),
        ServeEvent::CannotWatch { path, error } => eprintln!("{}", warning(msg::cannot_watch(path.display(), error))),
        ServeEvent::ServerStopped(e) => {
            eprintln!("{}{}", msg::error_label().get(lang), msg::server_stopped(e).get(lang))
        }
        _ if quiet => {}
        ServeEvent::Building { root, tmp } => eprintln!("{}", msg::serve_building(root, tmp.display()).get(lang)),
        ServeEvent::Changed { first, more } => eprintln!("{}", msg::changed_rebuilding(first, more).get(lang)),
        ServeEvent::PagesUpdated { pages, ms } => eprintln!("{}", msg::pages_updated(pages, ms).get(lang)),
        ServeEvent::RestUpdated { summary: s, seconds } => {
            warnings(s, lang);
            eprintln!("{}", msg::rest_updated(s.sections, seconds, s.warnings.len()).get(lang));
        }
        ServeEvent::Built { summary: s, first, seconds } => {
            warnings(s, lang);
            eprintln!("{}", msg::served_build(first, s.pages, s.sections, seconds, s.warnings.len()).get(lang));
        }
        ServeEvent::Stopped(tmp) => eprintln!("{}", msg::serve_stopped(tmp).get(lang)),
    }
}

/// `shouce serve` stopped: the exit code, and why it did not start or ended badly.
pub(super) fn served(result: Result<(), ServeError>, lang: Lang) -> ExitCode {
    let (text, code) = match result {
        Ok(()) => return ExitCode::SUCCESS,
        Err(ServeError::Usage(t)) => (t.get(lang), 2),
        Err(ServeError::Io(e)) => (explain(&e, lang), 1),
    };
    eprintln!("{}", paint(&error_line(&text, lang), RED));
    ExitCode::from(code)
}

/// `SHOUCE_TIMINGS=1`: how long each stage of the build took, wall and CPU (for benches/ and
/// profiling; printed whatever `--quiet` says).
fn print_timings(timings: &[crate::commands::build::StageTiming]) {
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
