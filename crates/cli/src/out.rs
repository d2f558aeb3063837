//! Standard output, written through the locked handle. A reader that has gone (`welfare assess … |
//! head`) ends the program quietly, with exit code 0, where `println!` would panic on the closed pipe.

use std::fmt::Arguments;
use std::io::{self, Write};

/// Prints a line, as `println!`; see [`line`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::out::line(format_args!($($arg)*)) };
}

/// Prints without a newline, as `print!`; see [`text`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::text(format_args!($($arg)*)) };
}

/// Writes `args` and a newline to stdout.
pub fn line(args: Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{args}").and_then(|()| stdout.flush()) {
        gone(&e);
    }
}

/// Writes `args` to stdout.
pub fn text(args: Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = write!(stdout, "{args}").and_then(|()| stdout.flush()) {
        gone(&e);
    }
}

/// Stdout cannot be written: a reader that closed early is a normal end (exit 0, nothing said);
/// any other failure is said on stderr (exit 1).
fn gone(e: &io::Error) -> ! {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("welfare: cannot write the output: {e}");
    std::process::exit(1);
}
