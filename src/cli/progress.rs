//! How the command line shows a build's progress: a bar on a terminal, plain lines in logs,
//! nothing with `--quiet`.

use std::io::IsTerminal;

use crate::messages::{Lang, Text};
use crate::progress::{Progress, Silent};

/// A line per stage: for logs and CI, where a redrawn bar would be noise.
struct Lines(Lang);
impl Progress for Lines {
    fn stage(&self, name: &Text, _total: usize) {
        eprintln!("{}", crate::messages::stage_line(name).get(self.0));
    }
}

/// A bar on a terminal, redrawn at most a few times a second; a spinner for stages whose
/// length is unknown.
struct Bar(indicatif::ProgressBar, Lang);

fn style(template: &str) -> indicatif::ProgressStyle {
    // The templates are constants; a failure would only lose the layout.
    indicatif::ProgressStyle::with_template(template).unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
}

impl Bar {
    fn new(lang: Lang) -> Bar {
        Bar(indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr()), lang)
    }
}

impl Progress for Bar {
    fn stage(&self, name: &Text, total: usize) {
        if total > 0 {
            self.0.set_style(style("{spinner} {msg:<20} {bar:30} {pos}/{len} {elapsed}"));
        } else {
            self.0.set_style(style("{spinner} {msg} {elapsed}"));
            self.0.enable_steady_tick(std::time::Duration::from_millis(120));
        }
        self.0.set_message(name.get(self.1));
        self.0.set_length(total as u64);
        self.0.set_position(0);
    }
    fn step(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// What `build` should report to: nothing with `--quiet`, a bar on a terminal, else lines;
/// the stages named in `lang`.
pub(super) fn for_stderr(quiet: bool, lang: Lang) -> Box<dyn Progress> {
    if quiet {
        Box::new(Silent)
    } else if std::io::stderr().is_terminal() {
        Box::new(Bar::new(lang))
    } else {
        Box::new(Lines(lang))
    }
}
