//! Charts of a suite, each written as SVG (for the web and the README) and
//! PNG (for anything that shows pictures but not SVG).
//!
//! - `warmup-PROGRAM`: time per iteration against iteration, one line per
//!   runtime (a runtime under different settings, such as JIT tiers, is a
//!   runtime of its own), with every process's iterations as faint dots.
//! - `rate-PROGRAM`: for programs that report units of work (the service's
//!   requests), the rate against elapsed time.
//! - `summary-ratios`: the last runtime's speed relative to each other
//!   runtime on every program, at the first iteration and at steady state.
//! - `summary-warmup`: every program's warm-up curves in one grid, relative
//!   to the reference runtime's steady state.
//!
//! Text needs a font in both formats (plotters measures it to lay out
//! labels), so a small subset of DejaVu Sans ships in `assets/` and is
//! compiled in: nothing depends on the fonts of the machine.

mod rate;
mod ratios;
mod warmup;

use std::error::Error;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::suite::Suite;

pub type PlotResult<T = ()> = Result<T, Box<dyn Error>>;

/// The font family every chart uses; see [`register_font`].
const FONT: &str = "sans-serif";

/// A chart that can draw itself on any backend.
pub trait Figure {
    /// Pixel size of the whole picture.
    fn size(&self) -> (u32, u32);
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> PlotResult
    where
        DB::ErrorType: 'static;
}

/// Writes every chart of `suite` into `dir` and returns the files written.
pub fn write_all(suite: &Suite, dir: &Path) -> PlotResult<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for program in &suite.programs {
        written.extend(save(
            &warmup::Curves::new(suite, program),
            dir,
            &format!("warmup-{}", program.name),
        )?);
        if let Some(figure) = rate::Rate::new(suite, program) {
            written.extend(save(&figure, dir, &format!("rate-{}", program.name))?);
        }
    }
    if let Some(figure) = ratios::Ratios::new(suite) {
        written.extend(save(&figure, dir, "summary-ratios")?);
    }
    if !suite.programs.is_empty() && !suite.runtimes.is_empty() {
        written.extend(save(&warmup::Grid::new(suite), dir, "summary-warmup")?);
    }
    Ok(written)
}

/// Draws `figure` to `dir/NAME.svg` and `dir/NAME.png`.
pub fn save(figure: &impl Figure, dir: &Path, name: &str) -> PlotResult<Vec<PathBuf>> {
    register_font();
    let (width, height) = figure.size();
    let svg = dir.join(format!("{name}.svg"));
    {
        let root = SVGBackend::new(&svg, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        figure.draw(&root)?;
        root.present()?;
    }
    let png = dir.join(format!("{name}.png"));
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        figure.draw(&root)?;
        root.present()?;
    }
    write_png(&png, width, height, &pixels)?;
    Ok(vec![svg, png])
}

/// Encodes 8-bit RGB pixels as a PNG file.
fn write_png(path: &Path, width: u32, height: u32, rgb: &[u8]) -> PlotResult {
    let mut encoder = png::Encoder::new(BufWriter::new(File::create(path)?), width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(())
}

/// Makes the shipped font the one behind [`FONT`]; plotters' ab_glyph text
/// support has no fonts until one is registered.
fn register_font() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        let font: &'static [u8] = include_bytes!("../../assets/DejaVuSans-subset.ttf");
        if plotters::style::register_font(FONT, FontStyle::Normal, font).is_err() {
            // The font is compiled in and tested; this cannot fail at run time.
            panic!("shipped font is not a valid TrueType font");
        }
    });
}

/// A runtime's colour: the runtime under study (listed last) is always red,
/// the others take the Tableau palette's blues, oranges, greens in order.
pub fn colour(index: usize, count: usize) -> RGBColor {
    const OTHERS: [RGBColor; 6] = [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(148, 103, 189),
        RGBColor(140, 86, 75),
        RGBColor(127, 127, 127),
    ];
    if index + 1 == count && count > 1 {
        RGBColor(214, 39, 40)
    } else {
        OTHERS[index % OTHERS.len()]
    }
}

/// A text style in the chart font.
fn text(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suite::{run_suite, Options};
    use crate::testing::{fake, Scratch};

    #[test]
    fn every_chart_is_written_as_svg_and_png() {
        // The reference reports units of work, so rate charts are drawn too.
        let reference = crate::runner::Runtime::new(
            "python3",
            [
                "sh".to_string(),
                "-c".to_string(),
                format!(
                    "{}echo '@bench units 100 requests'; i=1; \
                     while [ $i -le $n ]; do echo \"@bench iteration $i 0.$i\"; i=$((i+1)); done; echo 1",
                    crate::testing::ITERATIONS
                ),
            ],
        );
        let runtimes = [
            reference,
            fake("pypy3", "0.2", "1", None),
            fake("ember", "$([ $i = 1 ] && echo 0.4 || echo 0.1)", "1", None),
        ];
        let options = Options {
            iterations: 4,
            repeats: 2,
            ..Options::default()
        };
        let programs = crate::testing::programs(&["alpha", "beta"]);
        let suite = run_suite(&programs, &runtimes, &options, |_| {});
        let scratch = Scratch::new("plots");
        let written = write_all(&suite, &scratch.0).unwrap();
        let names: Vec<String> = written
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for expected in [
            "warmup-alpha.svg",
            "warmup-alpha.png",
            "warmup-beta.svg",
            "rate-alpha.svg",
            "rate-beta.png",
            "summary-ratios.svg",
            "summary-ratios.png",
            "summary-warmup.svg",
            "summary-warmup.png",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} not in {names:?}"
            );
        }
        assert_eq!(names.len(), 2 * (2 * 2 + 2));
        for path in &written {
            let bytes = std::fs::read(path).unwrap();
            if path.extension().unwrap() == "png" {
                assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
            } else {
                let svg = String::from_utf8(bytes).unwrap();
                assert!(
                    svg.starts_with("<svg") && svg.contains("</svg>"),
                    "{}",
                    path.display()
                );
            }
        }
        let warmup = std::fs::read_to_string(scratch.0.join("warmup-alpha.svg")).unwrap();
        assert!(
            warmup.contains("ember") && warmup.contains("python3"),
            "legend missing"
        );
    }

    #[test]
    fn the_shipped_font_loads() {
        register_font();
        let style = text(12.0);
        let size = style.font.layout_box("ember 1.00x").unwrap();
        assert!(size.1 .0 > size.0 .0, "text has no width: {size:?}");
    }

    #[test]
    fn the_runtime_under_study_is_red() {
        assert_eq!(colour(2, 3), RGBColor(214, 39, 40));
        assert_eq!(colour(1, 2), RGBColor(214, 39, 40));
        assert_eq!(colour(0, 2), RGBColor(31, 119, 180));
        assert_eq!(colour(0, 1), RGBColor(31, 119, 180));
    }
}
