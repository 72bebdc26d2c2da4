//! The progress bar of `depeche index` and `depeche bench`, on stderr, shown only on a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// An indicatif bar counting bytes of article files, or queries run.
pub struct Bar(ProgressBar);

impl Bar {
    /// A hidden bar until [`depeche::index::Progress::start`] gives the total.
    pub fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar(bar)
    }

    /// Clears the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl depeche::index::Progress for Bar {
    fn start(&self, total_bytes: u64) {
        self.0.set_length(total_bytes);
    }

    fn advance(&self, bytes: u64) {
        self.0.inc(bytes);
    }
}

impl depeche::bench::Tick for Bar {
    fn tick(&self) {
        self.0.inc(1);
    }
}
